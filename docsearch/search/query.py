"""The query language: Whoosh's, over title (boosted) and body by default.

``putin sanctions`` (all words), ``putin OR biden``, ``NOT``, ``"exact phrase"``,
``title:ukraine``, ``person:"Joe Biden"``, ``topic:sport``, ``source:BBC``,
``author:AFP``, ``date:2021``, ``date:[2020 to 2021]``, ``sanct*`` (wildcard),
``putin~`` / ``putin~2`` (fuzzy), ``word^2`` (boost).

Values of the keyword fields (person, topic, source, author) are matched without
regard to case or accents, and a person's surname alone finds the one person
of that surname the index knows (``person:putin``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import (
    AndGroup,
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    OrGroup,
)
from whoosh.qparser.dateparse import DateParserPlugin

from docsearch.errors import QueryError

__all__ = ["FIELDS", "MATCHES", "QueryParser", "check_syntax", "plain_words"]

#: How the words of a query combine: ``all`` must match, or ``any`` may (then the
#: more of them an article has, the higher it ranks).
MATCHES = {"all": AndGroup, "any": OrGroup}
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")


def plain_words(text: str) -> str:
    """``text`` as plain words: operators, fields, quotes, wildcards and other
    query syntax read as ordinary text (``what is lift?`` is three words)."""
    return " ".join(m.group(0).replace("'", " ").replace("’", " ").lower()
                    for m in _WORD.finditer(text))

#: The fields a query may name, with their aliases.
FIELDS = {
    "title": (), "body": ("text",), "person": ("people",), "topic": ("topics",),
    "source": (), "author": ("authors", "by"), "date": ("published",), "id": (),
}
_FIELD_PREFIX = re.compile(r"(?:(?<=[\s(])|^)([A-Za-z_]\w*):(?!//)")
_OPERATOR = re.compile(r"^(?:AND|OR|ANDNOT|ANDMAYBE)\b|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)$")


def check_syntax(text: str) -> None:
    """Raise :class:`QueryError` for what Whoosh would silently misread: unbalanced
    quotes or parentheses, an operator with nothing on one side, an unknown field."""
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quote in query: {text}")
    depth = 0
    outside = re.sub(r'"[^"]*"', '""', text)
    for char in outside:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            break
    if depth != 0:
        raise QueryError(f"unbalanced parentheses in query: {text}")
    stripped = re.sub(r"[()]", " ", outside).strip()
    if _OPERATOR.search(stripped):
        raise QueryError(f"an operator needs a word on each side: {text}")
    known = {name for name in FIELDS} | {a for aliases in FIELDS.values() for a in aliases}
    for match in _FIELD_PREFIX.finditer(outside):
        if match.group(1).lower() not in known:
            raise QueryError(f"unknown field '{match.group(1)}' in query "
                             f"(fields: {', '.join(sorted(FIELDS))})")


#: ``resolve(field, typed)``: the (field, term) pairs a typed keyword value stands for.
Resolver = Callable[[str, str], Sequence[tuple[str, str]]]


class QueryParser:
    """Parses query text into a Whoosh query, resolving keyword-field values."""

    def __init__(self, schema: Schema, title_boost: float = 2.0, match: str = "all") -> None:
        parser = MultifieldParser(["title", "body"], schema,
                                  fieldboosts={"title": title_boost, "body": 1.0},
                                  group=MATCHES[match])
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(DateParserPlugin(free=False))
        parser.add_plugin(FieldAliasPlugin({k: list(v) for k, v in FIELDS.items() if v}))
        self._parser = parser

    def parse(self, text: str, resolve: Resolver) -> wq.Query:
        """The query for ``text``; ``resolve(field, value)`` gives the index's terms
        that a typed keyword value stands for. Empty text matches every article."""
        text = text.strip()
        if not text:
            return wq.Every()
        check_syntax(text)
        try:
            parsed = self._parser.parse(text)
        except Exception as exc:  # the date plugin raises bare Exception
            raise QueryError(f"cannot parse query {text!r}: {exc}") from None

        def visit(node: wq.Query) -> wq.Query:
            if isinstance(node, (wq.Term, wq.Prefix, wq.Wildcard, wq.FuzzyTerm)) and \
                    node.fieldname in ("person", "topic", "source", "author"):
                raw = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
                if isinstance(node, (wq.Prefix, wq.Wildcard)):
                    raw += "*" if isinstance(node, wq.Prefix) else ""
                values = resolve(node.fieldname, raw)
                if not values:
                    return wq.NullQuery
                terms = [wq.Term(field, v, boost=node.boost) for field, v in values]
                return terms[0] if len(terms) == 1 else wq.Or(terms)
            return node

        return parsed.accept(visit)
