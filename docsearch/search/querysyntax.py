"""The pieces of the query language's text: which fields a query may name,
:func:`check_syntax` (what cannot be read, refused with a one-line
:class:`QueryError`), and :func:`_tokens`, the text cut into the tokens that
:class:`docsearch.search.query.QueryParser` reads into a query tree (the rules
are in :mod:`docsearch.search.query`).
"""

from __future__ import annotations

import re

import attrs

from docsearch.errors import QueryError

__all__ = ["FIELDS", "check_syntax"]


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



# ------------------------------------------------------------------- tokens

#: Each name or alias a query may use, with the field it names.
_FIELD_NAMES = {alias: _INDEX_FIELD.get(name, name)
                for name, aliases in FIELDS.items() for alias in (name, *aliases)}
_NAME = re.compile(r"(\w+):")
_BOOST = re.compile(r"\^([0-9]*(?:\.[0-9]+)?)(?=$|[ \t\r\n)])")
_SLOP = re.compile(r"~([1-9][0-9]*)")
_FUZZ = re.compile(r"~([0-9])?(?:/([0-9]+))?")
_RELATION = re.compile(r"<=|>=|=<|=>|<|>")
_RANGE = re.compile(r"""([\[{])
    (?P<low>'[^']*?'\s+|[^\]}]+?(?=[Tt][Oo]))?
    [Tt][Oo]
    (?P<high>\s+'[^']*?'|[^\]}]+?)?
    ([\]}])""", re.VERBOSE)
_WILD = re.compile(r"[*?]")
_QUOTED = re.compile(r"'(.*?)'(?=\s|\]|[)}]|$)")
_INFIX = {"AND", "OR", "ANDNOT", "ANDMAYBE"}


@attrs.frozen
class _Tok:
    """A piece of query text: ``kind`` is one of ``( ) op - + field rel word quoted
    phrase range boost``."""

    kind: str
    text: str = ""
    boost: float = 1.0
    #: word: (distance, prefix length) of a fuzzy term; phrase: (slop,); range:
    #: (low excluded, high excluded).
    extra: tuple[int, ...] = ()
    high: str = ""


def _boost(text: str, at: int) -> tuple[float, int]:
    found = _BOOST.match(text, at)
    if found is None:
        return 1.0, at
    return (float(found.group(1)) if found.group(1) else 1.0), found.end()


def _term_start(text: str, at: int) -> bool:
    return at == 0 or text[at - 1].isspace() or text[at - 1] == "("


def _operator(text: str, at: int) -> str | None:
    for name in ("ANDMAYBE", "ANDNOT", "AND", "OR", "NOT"):
        end = at + len(name)
        if text.startswith(name, at) and end < len(text) and text[end].isspace() and (
                at and text[at - 1].isspace() or name == "NOT" and (
                    at == 0 or text[at - 1] in "()")):
            return name
    return None


def _word(text: str, at: int) -> tuple[_Tok | None, int]:
    """The word at ``at`` (with its fuzzy mark and boost), and where it ends."""
    end = at
    while end < len(text):
        char = text[end]
        if char.isspace() or char in '()"' or (end > at and (
                (char == "~" and not _WILD.search(text, at, end))
                or (char == "^" and _BOOST.match(text, end)))):
            break
        end += 1
    word = text[at:end]
    fuzzy: tuple[int, ...] = ()
    if end < len(text) and text[end] == "~" and (found := _FUZZ.match(text, end)) and \
            not _WILD.search(word):
        fuzzy = (int(found.group(1) or 1), int(found.group(2) or 0))
        end = found.end()
    boost, end = _boost(text, end)
    return (_Tok("word", word, boost, fuzzy) if word else None), end


def _tokens(text: str) -> list[_Tok]:
    """The pieces of query text (its syntax checked by :func:`check_syntax`)."""
    out: list[_Tok] = []
    at = 0
    while at < len(text):
        char = text[at]
        start = _term_start(text, at)
        if char.isspace():
            at += 1
        elif char in "()":
            out.append(_Tok(char))
            at += 1
            if char == ")" and (found := _BOOST.match(text, at)):
                boost, at = _boost(text, at)
                out.append(_Tok("boost", boost=boost))
        elif (name := _operator(text, at)) is not None:
            out.append(_Tok("op", name))
            at += len(name)
        elif char in "-+" and start and at + 1 < len(text) and \
                not text[at + 1].isspace() and text[at + 1] != ")":
            out.append(_Tok(char))
            at += 1
        elif (start or out and out[-1].kind in ("-", "+") and text[at - 1] in "-+") and \
                (found := _NAME.match(text, at)) and found.group(1) in _FIELD_NAMES:
            out.append(_Tok("field", _FIELD_NAMES[found.group(1)]))
            at = found.end()
            if relation := _RELATION.match(text, at):
                out.append(_Tok("rel", relation.group(0).replace("=<", "<=")
                                .replace("=>", ">=")))
                at = relation.end()
        elif char == '"':
            end = text.index('"', at + 1)
            inner, at = text[at + 1:end], end + 1
            slop = 1
            if found := _SLOP.match(text, at):
                slop, at = int(found.group(1)), found.end()
            boost, at = _boost(text, at)
            out.append(_Tok("phrase", inner, boost, (slop,)))
        elif char == "'" and (at == 0 or not text[at - 1].isalnum()) and \
                (found := _QUOTED.match(text, at)):
            out.append(_Tok("quoted", found.group(1)))
            at = found.end()
        elif char in "[{" and (found := _RANGE.match(text, at)):
            low, high = (found.group(g) or "" for g in ("low", "high"))
            at = found.end()
            boost, at = _boost(text, at)
            out.append(_Tok("range", low.strip().strip("'"), boost,
                            (int(found.group(1) == "{"), int(found.group(4) == "}")),
                            high.strip().strip("'")))
        elif char == "^" and (found := _BOOST.match(text, at)):
            at = found.end()  # a boost of nothing
        else:
            tok, at = _word(text, at)
            if tok is not None:
                out.append(tok)
    return out

