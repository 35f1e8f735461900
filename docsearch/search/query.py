"""The query language, read into the engine-neutral query tree of
:mod:`docsearch.search.querytree` (over title, boosted, and body by default); the
text is checked and cut into tokens by :mod:`docsearch.search.querysyntax`.

``putin sanctions`` (all words), ``putin OR biden``, ``NOT``, ``"exact phrase"``,
``title:ukraine``, ``person:"Joe Biden"``, ``topic:sport``, ``source:BBC``,
``author:AFP``, ``date:2021``, ``date:[2020 to 2021]``, ``sanct*`` (wildcard),
``putin~`` / ``putin~2`` (fuzzy), ``word^2`` (boost).

Values of the keyword fields (person, topic, source, author) are matched without
regard to case or accents, and a person's surname alone finds the one person
of that surname the index knows (``person:putin``).

The rules (those of Whoosh's query language, which docsearch used to parse with):

- Words are read by :mod:`docsearch.analysis` (a word that is all stop words is
  dropped); a bare word is ``title`` (boosted) or ``body``; a word that analyses
  into several terms (``anti-war``) needs all of them (any, with ``match="any"``).
  Words combine by ``match``: all must match, or any. A word repeated in the query
  weighs as often as it is repeated (``harbour strike harbour``: harbour twice).
  ``AND`` binds tighter than ``OR``, then ``ANDNOT``, then ``ANDMAYBE``; ``NOT``
  and the signs bind to the next term or group. Operators are in capitals between spaces.
- ``"a phrase"`` (``"a phrase"~3``: words up to 3 apart) drops its stop words; a
  phrase of one word is that word (without the title boost). ``'single quotes'``
  group words as one term. ``word^2``, ``"a phrase"^2``, ``(a b)^2`` boost.
- ``sanct*`` is a prefix, ``s?nct*`` a wildcard, ``*`` every article; wildcard
  and fuzzy terms are matched as typed (not analysed). ``field:[a TO b]`` is a
  range of terms (``{`` and ``}`` are read as ``[`` and ``]`` except for dates).

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
  ``~2`` (``~1/3``: the first 3 characters the same; a prefix past the word's end is
  the whole word); a field name needs a value after it.

Every query that cannot be read raises :class:`QueryError` (a bad date:
:class:`InvalidDateError`, a kind of it), with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, cast

import attrs

from docsearch import analysis
from docsearch.errors import QueryError
from docsearch.search import querytree as qt
from docsearch.search.dates import check_order, date_option, day_range
from docsearch.search.querysyntax import _OPERATOR, FIELDS, _Tok, _tokens, check_syntax

__all__ = ["FIELDS", "MATCHES", "QueryParser", "check_syntax", "date_option", "day_range",
           "plain_words"]

#: How the words of a query combine: ``all`` must match, or ``any`` may (then the
#: more of them an article has, the higher it ranks).
MATCHES = ("all", "any")
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")


def plain_words(text: str) -> str:
    """``text`` as plain words: operators, fields, quotes, wildcards and other
    query syntax read as ordinary text (``what is lift?`` is three words)."""
    # Joined first, then changed at once: the same as word by word (a space between
    # two words is neither a letter nor ignorable, so no word's case depends on the
    # next one's: a final sigma stays final).
    return " ".join(_WORD.findall(text)).replace("'", " ").replace("’", " ").lower()


#: ``resolve(field, typed)``: the (field, term) pairs a typed keyword value stands for.
Resolver = Callable[[str, str], Sequence[tuple[str, str]]]
#: The text fields; a bare word or phrase is searched in both, the title boosted.
_TEXT = ("title", "body")
#: Fields whose typed values the index's resolver turns into its exact values.
_KEYWORD = ("person", "topic", "source", "author")


# ------------------------------------------------------------------- tree

@attrs.frozen
class _Required:
    """A ``+term`` while parsing: placed by :func:`_finish`, gone from the tree."""

    child: Any


#: A query tree while parsing: it may still hold :class:`_Required` marks.
_Parsed = Any
#: What a plain word adds to a query's group, and each one's (field, text) when all
#: of it is terms (``None`` when not): see :meth:`QueryParser._plain_word`.
_Word = tuple[tuple[Any, ...], tuple[tuple[str, str], ...] | None]


def _flat(kind: Callable[[list[Any]], _Parsed], items: Iterable[_Parsed | None], *,
          repeats: bool = True) -> Any:
    """``items`` under one ``kind`` (nested ones of that kind merged, dropped words
    left out); one item is itself; ``None`` for none. A repeated item is kept once:
    with ``repeats``, weighing what its repeats add up to (a leaf's boosts summed,
    a group's boosts times its count: query term frequency), else as it was."""
    found: dict[Any, int] = {}  # an item without its boost -> where it is in out
    out: list[Any] = []
    count: list[int] = []
    for item in items:
        for sub in (item.children if type(item) is kind else (item,)) if item else ():
            leaf = isinstance(sub, qt.Leaf)
            key = _unboosted(sub) if leaf and sub.boost != 1.0 else sub
            at = found.get(key)
            if at is None:
                found[key] = len(out)
                out.append(sub)
                count.append(1)
            elif repeats and leaf:
                out[at] = attrs.evolve(out[at], boost=out[at].boost + sub.boost)
            elif repeats:
                count[at] += 1
    out = [_boosted(sub, times) if times > 1 else sub
           for sub, times in zip(out, count, strict=True)]
    if not out:
        return None
    return out[0] if len(out) == 1 else kind(out)


def _repeated(terms: tuple[qt.Term, ...], times: int) -> tuple[qt.Term, ...]:
    """A word's terms when it is asked ``times`` times: each one's boost added up
    over its repeats, in turn, as :func:`_flat` adds them."""
    out = []
    for term in terms:
        boost = term.boost
        for _ in range(times - 1):
            boost += term.boost
        out.append(attrs.evolve(term, boost=boost))
    return tuple(out)


def _unboosted(leaf: qt.Leaf) -> qt.Leaf:
    """``leaf`` with a boost of 1.0, remembered (the parser's plain words are the same
    leaves query after query: a title's, boosted, is made once)."""
    found = _UNBOOSTED.get(leaf)
    if found is None:
        if len(_UNBOOSTED) >= _WORDS_KEPT:
            _UNBOOSTED.clear()
        found = _UNBOOSTED[leaf] = attrs.evolve(leaf, boost=1.0)
    return found


_UNBOOSTED: dict[qt.Leaf, qt.Leaf] = {}


def _finish(node: _Parsed) -> qt.Node:
    """The tree with its ``+`` terms required and, among alternatives (``Or``), its
    negations excluding: ``a OR +b OR -c`` is ``b ANDMAYBE a ANDNOT c``."""
    if isinstance(node, _Required):
        return _finish(node.child)
    if isinstance(node, qt.And):
        return qt.And(_finish(c) for c in node.children)
    if isinstance(node, qt.Not):
        return qt.Not(_finish(node.child))
    if isinstance(node, qt.AndMaybe):
        return qt.AndMaybe(_finish(node.required), _finish(node.optional))
    if isinstance(node, qt.AndNot):
        return qt.AndNot(_finish(node.positive), _finish(node.negative))
    if not isinstance(node, qt.Or):
        return node
    items: list[_Parsed] = list(node.children)
    banned = [_finish(c.child) for c in items if isinstance(c, qt.Not)]
    required = [_finish(c.child) for c in items if isinstance(c, _Required)]
    optional = [_finish(c) for c in items if not isinstance(c, (qt.Not, _Required))]
    if not banned and not required:
        return qt.Or(optional)
    wanted = _flat(qt.Or, optional)
    if required:
        must = _flat(qt.And, required)
        wanted = must if wanted is None else qt.AndMaybe(must, wanted)
    excluded = _flat(qt.Or, banned, repeats=False)
    if wanted is None:
        return qt.Not(excluded)
    return wanted if excluded is None else qt.AndNot(wanted, excluded)


def _date_range(low: str, high: str, low_excluded: bool, high_excluded: bool) -> qt.Node:
    """A ``date:`` range (or comparison) as the range of published days that
    ``--since``/``--until`` would give."""
    since = date_option(low, "date", end=low_excluded)
    until = date_option(high, "date", end=not high_excluded)
    try:
        if since and low_excluded:
            since += dt.timedelta(days=1)  # strictly after the whole period
        if until and high_excluded:
            until -= dt.timedelta(days=1)  # strictly before it
    except OverflowError:
        return qt.Nothing()  # beyond the calendar: no article
    check_order(since, until, f" in date:[{low} to {high}]")
    return qt.TermRange("day", *day_range(since, until))


def _date_value(text: str) -> qt.Node:
    return qt.TermRange("day", *day_range(date_option(text, "date", end=False),
                                         date_option(text, "date", end=True)))


class QueryParser:
    """Reads query text into a query tree, resolving keyword-field values."""

    def __init__(self, title_boost: float = 1.0, match: str = "all") -> None:
        self.title_boost = title_boost
        self.group = qt.And if match == "all" else qt.Or
        self._tokens: list[_Tok] = []
        self._at = 0
        self._resolve: Resolver = lambda field, typed: ()
        # a plain word's items and their keys (:meth:`_plain_word`); (word, times): the
        # terms of a word asked that many times (:meth:`_repeats`)
        self._words: dict[str | tuple[str, int], _Word] = {}

    def parse(self, text: str, resolve: Resolver) -> qt.Node:
        """The query tree of ``text``; ``resolve(field, value)`` gives the index's
        terms that a typed keyword value stands for. Empty text matches every
        article; text with no word to look for, no article. Plain words (a pasted
        paragraph) take a short way to the tree the grammar would build."""
        words = _plain(text)
        if words is not None:
            return self._plain_tree(words)
        return self.parse_grammar(text, resolve)

    def parse_grammar(self, text: str, resolve: Resolver) -> qt.Node:
        """:meth:`parse` by the whole grammar (what the short way is checked against)."""
        text = text.strip()
        if not text:
            return qt.Every()
        check_syntax(text)
        self._tokens, self._at, self._resolve = _tokens(text), 0, resolve
        parsed = self._sequence(None)
        return qt.Nothing() if parsed is None else _finish(parsed)

    def _plain_tree(self, words: list[str]) -> qt.Node:
        """The tree of plain words: each word's node and the items it adds to the
        group (remembered), combined by ``match`` as :meth:`_sequence` combines them.
        When the items are terms and no two distinct words ask for the same term,
        that is the distinct words' items, in the order first asked, a repeated
        word's terms weighing their repeats (:func:`_repeated`); else :func:`_flat`
        combines every word's items."""
        distinct = list(dict.fromkeys(words))
        looked_up = list(map(self._words.get, distinct))
        entries = cast(list[_Word], looked_up)
        if None in looked_up:  # (never a look-up that fails: another thread may forget)
            entries = [self._remember(word, self._plain_word(word)) if entry is None
                       else entry for word, entry in zip(distinct, looked_up, strict=True)]
        keys = list(map(itemgetter(1), entries))
        if None not in keys:
            flat_keys = list(chain.from_iterable(keys))
            if len(set(flat_keys)) == len(flat_keys):
                items = list(map(itemgetter(0), entries))
                if len(distinct) < len(words):
                    items = self._repeats(words, distinct, items)
                terms = list(chain.from_iterable(items))
                if not terms:
                    return qt.Nothing()
                return terms[0] if len(terms) == 1 else self.group(terms)
        by_word = dict(zip(distinct, entries, strict=True))
        items = list(chain.from_iterable(by_word[word][0] for word in words))
        parsed = _flat(self.group, items)  # no NOT and no +: nothing to finish
        return qt.Nothing() if parsed is None else parsed

    def _repeats(self, words: list[str], distinct: list[str],
                 items: list[tuple[qt.Term, ...]]) -> list[tuple[qt.Term, ...]]:
        """The distinct words' terms, a repeated word's weighing its repeats
        (:func:`_repeated`, remembered with the words)."""
        counts = Counter(words)
        out = []
        for word, part in zip(distinct, items, strict=True):
            times = counts[word]
            if times > 1:
                found = self._words.get((word, times))
                if found is None:
                    found = self._remember((word, times), (_repeated(part, times), ()))
                part = found[0]
            out.append(part)
        return out

    def _remember(self, key: str | tuple[str, int], entry: _Word) -> _Word:
        """``entry`` remembered under ``key`` (all forgotten first when
        :data:`_WORDS_KEPT` are)."""
        if len(self._words) >= _WORDS_KEPT:
            self._words.clear()
        self._words[key] = entry
        return entry

    def _plain_word(self, word: str) -> _Word:
        """What a plain word adds to the query's group (its node, or the node's
        children when it is a group of that kind, as :func:`_flat` reads it) and, when
        all of that is terms, each one's (field, text): the key :func:`_flat` merges
        repeated terms by."""
        node = self._text(None, _Tok("word", word))
        items: tuple[Any, ...] = () if node is None else (
            node.children if type(node) is self.group else (node,))
        if not all(type(item) is qt.Term for item in items):
            return items, None
        return items, tuple((item.field, item.text) for item in items)

    # ----------------------------------------------------------- grammar

    def _peek(self, kind: str, text: str | None = None) -> bool:
        if self._at >= len(self._tokens):
            return False
        tok = self._tokens[self._at]
        return tok.kind == kind and (text is None or tok.text == text)

    def _next(self) -> _Tok:
        self._at += 1
        return self._tokens[self._at - 1]

    def _sequence(self, field: str | None) -> _Parsed | None:
        """Terms side by side, up to a closing parenthesis: combined by ``match``."""
        items = []
        while self._at < len(self._tokens) and not self._peek(")"):
            at = self._at
            items.append(self._maybe(field))
            if self._at == at:
                self._next()  # an operator with nothing to act on
        return _flat(self.group, items)

    def _maybe(self, field: str | None) -> _Parsed | None:
        node = self._andnot(field)
        while self._peek("op", "ANDMAYBE"):
            self._next()
            optional = self._andnot(field)
            if node is None or optional is None:
                node = node if optional is None else optional
            else:
                node = qt.AndMaybe(node, optional)
        return node

    def _andnot(self, field: str | None) -> _Parsed | None:
        node = self._either(field)
        while self._peek("op", "ANDNOT"):
            self._next()
            negative = self._either(field)
            if node is not None and negative is not None:
                node = qt.AndNot(node, negative)
        return node

    def _either(self, field: str | None) -> _Parsed | None:
        items = [self._all(field)]
        while self._peek("op", "OR"):
            self._next()
            items.append(self._all(field))
        return _flat(qt.Or, items)

    def _all(self, field: str | None) -> _Parsed | None:
        items = [self._unary(field)]
        while self._peek("op", "AND"):
            self._next()
            items.append(self._unary(field))
        return _flat(qt.And, items)

    def _unary(self, field: str | None) -> _Parsed | None:
        if self._peek("op", "NOT") or self._peek("-"):
            self._next()
            child = self._unary(field)
            return None if child is None else qt.Not(child)
        if self._peek("+"):
            self._next()
            child = self._unary(field)
            return None if child is None else _Required(child)
        return self._atom(field)

    def _atom(self, field: str | None) -> _Parsed | None:
        if self._peek("field"):
            field = self._next().text
        if self._peek("("):
            self._next()
            node = self._sequence(field)
            if self._peek(")"):
                self._next()
            if self._peek("boost"):
                boost = self._next().boost
                node = None if node is None else _boosted(node, boost)
            return node
        if self._peek("rel"):
            relation = self._next().text
            if not (self._peek("word") or self._peek("phrase")):
                return None
            value = self._next().text
            low, high = (value, "") if ">" in relation else ("", value)
            return self._range(field, _Tok("range", low, 1.0, (
                int(relation == ">"), int(relation == "<")), high))
        if self._at >= len(self._tokens) or self._tokens[self._at].kind not in (
                "word", "quoted", "phrase", "range"):
            return None
        tok = self._next()
        if tok.kind == "range":
            return self._range(field, tok)
        if field in _TEXT or field is None:
            return self._text(field, tok)
        return self._value(field, tok)

    # ----------------------------------------------------------- leaves

    def _fields(self, field: str | None) -> list[tuple[str, float]]:
        return [(field, 1.0)] if field else [("title", self.title_boost), ("body", 1.0)]

    def _text(self, field: str | None, tok: _Tok) -> qt.Node | None:
        """A word or phrase of the text fields."""
        word = tok.text
        if tok.kind == "word" and word == "*":
            return qt.Every()
        nodes: list[qt.Node | None] = []
        if tok.kind == "word" and ("*" in word or "?" in word or tok.extra):
            word = analysis.fold(word).lower()  # as the index holds its terms
        for name, boost in self._fields(field):
            boost *= tok.boost
            if tok.kind == "word" and ("*" in word or "?" in word):
                nodes.append(qt.Prefix(name, word[:-1], boost) if _is_prefix(word)
                             else qt.Wildcard(name, word, boost))
            elif tok.kind == "word" and tok.extra:
                nodes.append(_fuzzy(name, word, tok.extra, boost))
            elif tok.kind == "phrase":
                found = analysis.terms(word)
                nodes.append(qt.Term(name, found[0], tok.boost) if len(found) == 1 else
                             qt.Phrase(name, found, tok.extra[0], boost) if found else None)
            else:
                nodes.append(_flat(self.group, [qt.Term(name, t, boost)
                                                for t in analysis.terms(word)]))
        return _flat(qt.Or, nodes)

    def _value(self, field: str, tok: _Tok) -> qt.Node | None:
        """A value of a field other than the text fields, as typed."""
        typed = tok.text
        if field == "day":
            if tok.kind == "word" and (tok.extra or "*" in typed or "?" in typed):
                raise QueryError(f"wildcards and fuzzy terms do not apply to dates: "
                                 f"date:{typed}")
            return _date_value(typed)
        if field in _KEYWORD:
            if not typed:
                return None
            values = self._resolve(field, typed)
            terms = [qt.Term(f, v, tok.boost) for f, v in values]
            return _flat(qt.Or, terms, repeats=False) or qt.Nothing()
        if tok.kind == "word" and typed == "*":
            return qt.Every()
        if tok.kind == "word" and ("*" in typed or "?" in typed):
            return qt.Prefix(field, typed[:-1], tok.boost) if _is_prefix(typed) else \
                qt.Wildcard(field, typed, tok.boost)
        if tok.kind == "word" and tok.extra:
            return _fuzzy(field, typed, tok.extra, tok.boost)
        return qt.Term(field, typed, tok.boost) if typed else None

    def _range(self, field: str | None, tok: _Tok) -> qt.Node | None:
        if field == "day":
            return _date_range(tok.text, tok.high, bool(tok.extra[0]), bool(tok.extra[1]))
        return _flat(qt.Or, [qt.TermRange(name, tok.text or None, tok.high or None,
                                          boost * tok.boost)
                             for name, boost in self._fields(field)])


#: Text that is plain words only (letters, digits, ``_`` and ``.``): no operator,
#: field, quote, wildcard, fuzzy mark or boost.
_PLAIN = re.compile(r"[\w.\s]*")
#: The operator names (a word of these is no plain word).
_OPERATORS = frozenset(("AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"))
#: How many plain words' nodes a parser remembers (all forgotten when full).
_WORDS_KEPT = 20_000


def _plain(text: str) -> list[str] | None:
    """The words of ``text`` when it is plain words the grammar reads as bare words
    (no operator, and nothing :func:`check_syntax` refuses), else ``None``. What
    :data:`_OPERATOR` finds at the start or the end of the text is in its first or
    last word (words are parted by whitespace): only those two are searched."""
    if not _PLAIN.fullmatch(text):
        return None
    words = text.split()
    if not words or not _OPERATORS.isdisjoint(words) or _OPERATOR.search(words[0]) \
            or _OPERATOR.search(words[-1]):
        return None
    return words


def _fuzzy(field: str, text: str, extra: Sequence[Any], boost: float) -> qt.Fuzzy:
    """``text~D/P``: a prefix past the word's end is the whole word (every engine then
    matches the same terms; whoosh's automaton raised IndexError on ``0~/2``)."""
    return qt.Fuzzy(field, text, extra[0], min(extra[1], len(text)), boost)


def _is_prefix(word: str) -> bool:
    """Whether a wildcard word is a prefix: one ``*``, at the end, and no ``?``."""
    return word.endswith("*") and "*" not in word[:-1] and "?" not in word and len(word) > 1


def _boosted(node: _Parsed, factor: float) -> _Parsed:
    if isinstance(node, _Required):
        return _Required(qt.boosted(node.child, factor))
    if isinstance(node, (qt.And, qt.Or)):
        return type(node)(_boosted(c, factor) for c in node.children)
    if isinstance(node, qt.Not):
        return node
    return qt.boosted(node, factor)
