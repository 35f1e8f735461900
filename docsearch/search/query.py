"""The query language: Whoosh's, over title (boosted) and body by default.

``putin sanctions`` (all words), ``putin OR biden``, ``NOT``, ``"exact phrase"``,
``title:ukraine``, ``person:"Joe Biden"``, ``topic:sport``, ``source:BBC``,
``author:AFP``, ``date:2021``, ``date:[2020 to 2021]``, ``sanct*`` (wildcard),
``putin~`` / ``putin~2`` (fuzzy), ``word^2`` (boost).

Values of the keyword fields (person, topic, source, author) are matched without
regard to case or accents, and a person's surname alone finds the one person
of that surname the index knows (``person:putin``).

The exact rules beyond Whoosh's:

- ``-`` or ``+`` at the start of a term (at the start of the query, after
  whitespace or ``(``) is an operator: ``-x`` is ``NOT x`` (``-word``,
  ``-"a phrase"``, ``-person:X``, ``-(a OR b)``); ``+x`` must match, which matters
  with ``match="any"`` (``harbour +strike``: strike required, harbour ranks higher);
  with ``match="all"`` it is the bare term. A hyphen inside a word (``anti-war``)
  is text. A query of negations only (``-strike``) finds every article without.
- A ``NOT``/``-`` term among alternatives (``match="any"``, ``a OR -b``) excludes
  from all of them: ``a OR -b`` is ``a -b``, never "a, or anything without b".
- ``date:`` (alias ``published:``) is exactly ``--since``/``--until`` on the day
  the source printed (the ``day`` field, as the date facet counts): values are
  read by :func:`date_option`; a year or month is its whole period
  (``date:2021-03``, ``date:[2021 to 2022-06]`` = 2021-01-01..2022-06-30);
  ``>``/``<`` are strict to the whole period (``date:>2023`` is from 2024-01-01),
  ``>=``/``<=`` inclusive; a reversed range is an error.
- ``<`` and ``>`` compare only after a field (``date:>2021``); anywhere else they
  are an error (``plain=True`` reads them as text). Fuzzy terms take ``~1`` or
  ``~2``; a field name needs a value after it.

Every query that cannot be read raises :class:`QueryError` (a bad date:
:class:`InvalidDateError`, a kind of it), with a one-line message.
"""

from __future__ import annotations

import datetime as dt
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
    OperatorsPlugin,
    OrGroup,
    syntax,
)

from docsearch.errors import InvalidDateError, QueryError
from docsearch.extract.dates import parse_bound

__all__ = ["FIELDS", "MATCHES", "QueryParser", "check_syntax", "date_option", "day_range",
           "plain_words"]

#: How the words of a query combine: ``all`` must match, or ``any`` may (then the
#: more of them an article has, the higher it ranks).
MATCHES = {"all": AndGroup, "any": OrGroup}
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")


def plain_words(text: str) -> str:
    """``text`` as plain words: operators, fields, quotes, wildcards and other
    query syntax read as ordinary text (``what is lift?`` is three words)."""
    return " ".join(m.group(0).replace("'", " ").replace("’", " ").lower()
                    for m in _WORD.finditer(text))


# ------------------------------------------------------------------- dates

def date_option(value: dt.date | str | None, name: str, *, end: bool) -> dt.date | None:
    """A ``since``/``until`` value (or a ``date:`` clause's, ``name`` being ``date``)
    as a day: ``2021``, ``2021-12``, ``2021-12-31`` or a written date; a year or
    month stands for its first day, or its last when ``end``. ``None``: no bound."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    found = parse_bound(str(value), end=end)
    if found is None:
        raise InvalidDateError(
            f"{name} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return found


def day_range(since: dt.date | None, until: dt.date | None) -> tuple[str, str]:
    """The ``day`` terms (``YYYY-MM-DD``, in date order as text) from ``since`` to
    ``until``, both included; an open end is the lowest or highest term."""
    return (since.strftime("%Y-%m-%d") if since else "0000-00-00",
            until.strftime("%Y-%m-%d") if until else "9999-99-99")


def check_order(since: dt.date | None, until: dt.date | None, where: str = "") -> None:
    """Raise :class:`QueryError` when ``since`` is after ``until``."""
    low, high = day_range(since, until)
    if low > high:
        raise QueryError(f"since ({low}) is after until ({high}){where}")


def _date_clause(node: wq.Query) -> wq.Query:
    """A query on the ``day`` field (a ``date:`` clause as Whoosh read it) as the
    range of published days that ``--since``/``--until`` would give."""
    if isinstance(node, wq.Term):
        return _days(date_option(node.text, "date", end=False),
                     date_option(node.text, "date", end=True))
    if isinstance(node, wq.Phrase):
        text = " ".join(node.words)
        return _days(date_option(text, "date", end=False), date_option(text, "date", end=True))
    if isinstance(node, wq.TermRange):
        since = date_option(node.start, "date", end=node.startexcl)
        until = date_option(node.end, "date", end=not node.endexcl)
        try:
            if since and node.startexcl:
                since += dt.timedelta(days=1)  # strictly after the whole period
            if until and node.endexcl:
                until -= dt.timedelta(days=1)  # strictly before it
        except OverflowError:
            return wq.NullQuery  # beyond the calendar: no article
        check_order(since, until, f" in date:[{node.start or ''} to {node.end or ''}]")
        return _days(since, until)
    if isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm, wq.Regex)):
        suffix = "*" if isinstance(node, wq.Prefix) else ""
        raise QueryError(f"wildcards and fuzzy terms do not apply to dates: "
                         f"date:{node.text}{suffix}")
    return node


def _days(since: dt.date | None, until: dt.date | None) -> wq.Query:
    low, high = day_range(since, until)
    return wq.TermRange("day", low, high, constantscore=True)


# ------------------------------------------------------------------- syntax

#: The fields a query may name, with their aliases.
FIELDS = {
    "title": (), "body": ("text",), "person": ("people",), "topic": ("topics",),
    "source": (), "author": ("authors", "by"), "date": ("published",), "id": (),
}
#: Where a query's field is searched when that is not the field of its name.
_INDEX_FIELD = {"date": "day"}
_FIELD_PREFIX = re.compile(r"(?:(?<=[\s(])|^)([A-Za-z_]\w*):(?!//)")
_OPERATOR = re.compile(r"^(?:AND|OR|ANDNOT|ANDMAYBE)\b|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)$")
_COMPARISON = re.compile(r"(?:(?<=[\s(])|^)[A-Za-z_]\w*:(?:<=|>=|=<|=>|<|>)")
_FUZZY = re.compile(r"(?<=[^\s\"~])~(\d+)")
#: ``-`` and ``+`` as operators: at the start of a term, before something.
_TERM_START = r"(?:^|(?<=[\s(]))"
_MINUS = _TERM_START + r"(?:NOT(?=\s)|-(?=[^\s)]))"
_PLUS = _TERM_START + r"\+(?=[^\s)])"


def check_syntax(text: str) -> None:
    """Raise :class:`QueryError` for what Whoosh would silently misread: unbalanced
    quotes or parentheses, an operator with nothing on one side, an unknown field,
    a field with nothing after it, ``<``/``>`` with no field, a fuzzy distance
    other than 1 or 2."""
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
        if match.end() == len(outside) or outside[match.end()] in " \t\r\n)":
            raise QueryError(f"nothing after '{match.group(1)}:' in query: {text}")
    if re.search(r"[<>]", _COMPARISON.sub(" ", outside)):
        raise QueryError(f"'<' or '>' without a field before it (as in date:>2021) "
                         f"in query: {text}")
    for match in _FUZZY.finditer(outside):
        if match.group(1) not in ("1", "2"):
            raise QueryError(f"fuzzy terms allow ~1 or ~2 edits, not ~{match.group(1)}: {text}")


#: ``resolve(field, typed)``: the (field, term) pairs a typed keyword value stands for.
Resolver = Callable[[str, str], Sequence[tuple[str, str]]]


class _Required(wq.WrappingQuery):
    """A ``+term``: placed by :func:`_combine`, gone from the parsed query."""


class _RequiredGroup(syntax.Wrapper):
    qclass = _Required


def _unwrap(node: wq.Query) -> wq.Query:
    return node.child if isinstance(node, _Required) else node


def _combine(node: wq.Query) -> wq.Query:
    """``node`` with its ``+`` terms required and, among alternatives (``Or``), its
    negations excluding: ``a OR +b OR -c`` is ``b ANDMAYBE a ANDNOT c``."""
    if not isinstance(node, wq.Or):
        return node.apply(_unwrap) if node.children() else node
    banned = [sub.query for sub in node.subqueries if isinstance(sub, wq.Not)]
    required = [sub.child for sub in node.subqueries if isinstance(sub, _Required)]
    optional = [sub for sub in node.subqueries if not isinstance(sub, (wq.Not, _Required))]
    if not banned and not required:
        return node
    wanted: wq.Query | None = wq.Or(optional, boost=node.boost) if optional else None
    if required:
        must = wq.And(required) if len(required) > 1 else required[0]
        wanted = must if wanted is None else wq.AndMaybe(must, wanted)
    excluded = wq.Or(banned) if len(banned) > 1 else banned[0] if banned else None
    if excluded is None:
        return wanted
    return wq.Not(excluded) if wanted is None else wq.AndNot(wanted, excluded)


class QueryParser:
    """Parses query text into a Whoosh query, resolving keyword-field values."""

    def __init__(self, schema: Schema, title_boost: float = 2.0, match: str = "all") -> None:
        parser = MultifieldParser(["title", "body"], schema,
                                  fieldboosts={"title": title_boost, "body": 1.0},
                                  group=MATCHES[match])
        parser.add_plugin(FuzzyTermPlugin())
        parser.add_plugin(GtLtPlugin())
        plus = OperatorsPlugin.OpTagger(_PLUS, _RequiredGroup, syntax.PrefixOperator,
                                        memo="plus")
        parser.replace_plugin(OperatorsPlugin([(plus, 0)], Not=_MINUS))
        aliases = {_INDEX_FIELD.get(name, name): [name, *others] if name in _INDEX_FIELD
                   else list(others) for name, others in FIELDS.items()}
        parser.add_plugin(FieldAliasPlugin({k: v for k, v in aliases.items() if v}))
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
        except Exception as exc:  # noqa: BLE001 - Whoosh raises bare exceptions
            raise QueryError(f"cannot parse query {text!r}: {exc}") from None

        def visit(node: wq.Query) -> wq.Query:
            field = getattr(node, "fieldname", None)
            if field == "day":
                return _date_clause(node)
            if isinstance(node, (wq.Term, wq.Prefix, wq.Wildcard, wq.FuzzyTerm)) and \
                    field in ("person", "topic", "source", "author"):
                raw = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
                if isinstance(node, (wq.Prefix, wq.Wildcard)):
                    raw += "*" if isinstance(node, wq.Prefix) else ""
                values = resolve(field, raw)
                if not values:
                    return wq.NullQuery
                terms = [wq.Term(f, v, boost=node.boost) for f, v in values]
                return terms[0] if len(terms) == 1 else wq.Or(terms)
            return _combine(node)

        return _unwrap(parsed.accept(visit))
