"""JSON Lines: one article object per line (field names in :mod:`.meta`).

A line that is not a JSON object, or has neither title nor body, is reported as
``path:line`` with the reason, and the other lines are read on. Blank lines are
skipped. The body is plain text (paragraphs separated by blank lines).

A record with ``"extracted": true`` (every record ``docsearch export`` writes) is an
article as an index stored it: it is read with :meth:`Article.from_dict` (the
export's own field names, no aliases) and comes back as :class:`Extracted`, which
is indexed as it is. Nothing is extracted or worked out again: not its people
(an empty list stays empty), surnames or topics, not its ``path`` (the file it
first came from) nor its ``content_hash``. Any other record is a raw article:
fields it leaves empty are extracted, as for every other format.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from docsearch.errors import ParseError
from docsearch.models import Article
from docsearch.readers.meta import fields_from_metadata

__all__ = ["Extracted", "JsonLinesReader"]


@attrs.frozen
class Extracted:
    """An article exported by docsearch, to be indexed as it is (nothing extracted)."""

    article: Article


def _exported(record: Mapping[str, Any], where: str) -> Extracted | ParseError:
    """The article of a record ``docsearch export`` wrote."""
    try:
        article = Article.from_dict(record)
    except (TypeError, ValueError) as exc:
        return ParseError(where, f"bad exported record ({' '.join(str(exc).split())[:120]})")
    if not article.id:
        return ParseError(where, "exported record without an id")
    return Extracted(article)


class JsonLinesReader:
    """JSON Lines files (``.jsonl``, ``.ndjson``); one article per line."""

    name = "jsonl"
    suffixes: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonlines")

    def read(self, text: str, path: str) -> Iterator[Article | Extracted | ParseError]:
        # Only "\n" ends a line: str.splitlines() would also split at U+2028 and other
        # separators that JSON strings may hold unescaped.
        for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ParseError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            except (ValueError, RecursionError) as exc:  # a huge number, too deep nesting
                yield ParseError(where, f"invalid JSON ({' '.join(str(exc).split())[:120]})")
                continue
            if not isinstance(record, dict):
                yield ParseError(where, "not a JSON object")
                continue
            if record.get("extracted") is True:
                yield _exported(record, where)
                continue
            try:
                fields = fields_from_metadata(record, where)
            except ParseError as exc:
                yield exc
                continue
            if not fields.get("title") and not fields.get("body"):
                yield ParseError(where, "no title or body")
                continue
            yield Article(**fields, path=f"{path}#{number}")
