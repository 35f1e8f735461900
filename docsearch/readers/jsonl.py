"""JSON Lines: one article object per line (field names in :mod:`.meta`).

A line that is not a JSON object, or has neither title nor body, is reported as
``path:line`` with the reason, and the other lines are read on. Blank lines are
skipped. The body is plain text (paragraphs separated by blank lines).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from docsearch.errors import ParseError
from docsearch.models import Article
from docsearch.readers.meta import fields_from_metadata

__all__ = ["JsonLinesReader"]


class JsonLinesReader:
    """JSON Lines files (``.jsonl``, ``.ndjson``); one article per line."""

    name = "jsonl"
    suffixes: tuple[str, ...] = (".jsonl", ".ndjson", ".jsonlines")

    def read(self, text: str, path: str) -> Iterator[Article | ParseError]:
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
            try:
                fields = fields_from_metadata(record, where)
            except ParseError as exc:
                yield exc
                continue
            if not fields.get("title") and not fields.get("body"):
                yield ParseError(where, "no title or body")
                continue
            yield Article(**fields, path=f"{path}#{number}")
