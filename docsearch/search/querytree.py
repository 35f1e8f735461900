"""The query tree: what a search means, whatever engine runs it.

:mod:`docsearch.search.query` reads query text into this tree; each engine
compiles the tree into its own query (the Whoosh engine:
``docsearch.engines.whoosh.compile``). The tree is the contract between them:

================================  =========================================================
node                              matches
================================  =========================================================
``Term(field, text)``             documents with the term: for ``title`` and ``body`` a
                                  term of :mod:`docsearch.analysis` (already analysed);
                                  for ``person``, ``topic``, ``source``, ``author``,
                                  ``surname``, ``id``, ``day`` an exact value
``Phrase(field, terms, slop)``    the analysed ``terms`` in order, each at most ``slop``
                                  positions after the one before (``slop=1``: adjacent)
``Prefix(field, text)``           a term starting with ``text`` (``text`` as typed)
``Wildcard(field, pattern)``      a term matching ``pattern`` (``*``: any characters,
                                  ``?``: one; as typed)
``Fuzzy(field, text, distance,    a term within ``distance`` edits (Damerau-Levenshtein)
prefix_length)``                  of ``text`` that shares its first ``prefix_length``
                                  characters (``text`` as typed)
``TermRange(field, low, high)``   a term from ``low`` to ``high``, both included, in text
                                  order (``None``: open); for ``day``, ``YYYY-MM-DD``
``And(children)``                 every child
``Or(children)``                  any child; a document's score is the sum of its
                                  matching children's
``Not(child)``                    every document the child does not match
``AndMaybe(required, optional)``  ``required``; ``optional`` only adds to the score
``AndNot(positive, negative)``    ``positive`` but not ``negative``
``Every()``                       every document
``Nothing()``                     no document
================================  =========================================================

Every leaf has a ``boost`` (1.0 by default) that multiplies its score; boosts of
groups are already multiplied into their leaves. The trees the parser makes are
flat (no ``Or`` directly under an ``Or``, nor ``And`` under ``And``), hold no
repeated child and no group of one child: a word repeated in the query is one
leaf whose boost is the sum of its repeats' (query term frequency).

>>> tree = Or((Term("title", "ferri", 2.0), Term("body", "ferri")))
>>> terms(AndNot(tree, Term("body", "strike")), "body")
['ferri']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import attrs

__all__ = ["And", "AndMaybe", "AndNot", "Every", "Expandable", "Fuzzy", "Node", "Not",
           "Nothing", "Or", "Phrase", "Prefix", "Term", "TermRange", "Wildcard", "boosted",
           "children", "expand", "terms", "walk"]


@attrs.frozen(cache_hash=True)  # a parser's remembered words are hashed by every query
class Term:
    """A term of a field (see the module docs)."""

    field: str
    text: str
    boost: float = 1.0


@attrs.frozen
class Phrase:
    """Analysed terms in order, ``slop`` positions apart at most."""

    field: str
    terms: tuple[str, ...] = attrs.field(converter=lambda terms: tuple(terms))
    slop: int = 1
    boost: float = 1.0


@attrs.frozen
class Prefix:
    """A term starting with ``text``."""

    field: str
    text: str
    boost: float = 1.0


@attrs.frozen
class Wildcard:
    """A term matching a pattern of ``*`` and ``?``."""

    field: str
    pattern: str
    boost: float = 1.0


@attrs.frozen
class Fuzzy:
    """A term within ``distance`` edits of ``text``, its first ``prefix_length``
    characters the same."""

    field: str
    text: str
    distance: int = 1
    prefix_length: int = 0
    boost: float = 1.0


@attrs.frozen
class TermRange:
    """A term from ``low`` to ``high`` inclusive (``None``: open)."""

    field: str
    low: str | None
    high: str | None
    boost: float = 1.0


def _nodes(items: Iterable[Node]) -> tuple[Node, ...]:
    return tuple(items)


@attrs.frozen(cache_hash=True)  # a query's tree is a key of the recent queries' scores
class And:
    """Every child."""

    children: tuple[Node, ...] = attrs.field(converter=_nodes)


@attrs.frozen(cache_hash=True)
class Or:
    """Any child."""

    children: tuple[Node, ...] = attrs.field(converter=_nodes)


@attrs.frozen
class Not:
    """What the child does not match."""

    child: Node


@attrs.frozen
class AndMaybe:
    """``required``, ranked higher where ``optional`` matches too."""

    required: Node
    optional: Node


@attrs.frozen
class AndNot:
    """``positive`` without ``negative``."""

    positive: Node
    negative: Node


@attrs.frozen
class Every:
    """Every document."""


@attrs.frozen
class Nothing:
    """No document."""


Leaf = Term | Phrase | Prefix | Wildcard | Fuzzy | TermRange
Node = Leaf | And | Or | Not | AndMaybe | AndNot | Every | Nothing
_LEAVES = (Term, Phrase, Prefix, Wildcard, Fuzzy, TermRange)


def children(node: Node) -> tuple[Node, ...]:
    """The nodes directly under ``node``."""
    if isinstance(node, (And, Or)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, AndMaybe):
        return (node.required, node.optional)
    if isinstance(node, AndNot):
        return (node.positive, node.negative)
    return ()


def walk(node: Node, *, negated: bool = True) -> Iterator[Node]:
    """``node`` and every node under it, depth first; without ``negated``, what is
    under a ``Not`` or on the negative side of an ``AndNot`` is left out."""
    if not negated and isinstance(node, Not):
        return
    yield node
    below = (node.positive,) if not negated and isinstance(node, AndNot) else children(node)
    for child in below:
        yield from walk(child, negated=negated)


def terms(node: Node, field: str = "body") -> list[str]:
    """The distinct terms of ``field`` that the query asks for (of its terms and
    phrases, not under a negation), in query order: what snippets mark and
    proximity rewards."""
    out: dict[str, None] = {}
    below = [node]  # walk(node, negated=False)'s order, without a generator per node
    while below:
        sub = below.pop()
        if isinstance(sub, Term):
            if sub.field == field:
                out.setdefault(sub.text)
        elif isinstance(sub, Phrase):
            if sub.field == field:
                for word in sub.terms:
                    out.setdefault(word)
        elif not isinstance(sub, Not):
            below.extend(reversed((sub.positive,) if isinstance(sub, AndNot)
                                  else children(sub)))
    return list(out)


def boosted(node: Node, factor: float) -> Node:
    """``node`` with every leaf's boost multiplied by ``factor``."""
    if factor == 1.0:
        return node
    if isinstance(node, _LEAVES):
        return attrs.evolve(node, boost=node.boost * factor)
    if isinstance(node, (And, Or)):
        return type(node)(boosted(c, factor) for c in node.children)
    if isinstance(node, AndMaybe):
        return AndMaybe(boosted(node.required, factor), boosted(node.optional, factor))
    if isinstance(node, AndNot):
        return AndNot(boosted(node.positive, factor), node.negative)
    return node


#: The leaves that stand for several of the index's terms.
Expandable = Prefix | Wildcard | Fuzzy | TermRange


def expand(node: Expandable, terms: Callable[..., Iterable[str]]) -> list[str]:
    """The index's terms a prefix, wildcard, fuzzy term or range stands for, from
    ``terms(field, prefix="")`` (a :class:`~docsearch.engines.base.Snapshot`'s):
    a fuzzy term within its Levenshtein distance of the terms sharing its prefix,
    a range inclusive at both ends."""
    if isinstance(node, Prefix):
        return list(terms(node.field, node.text))
    if isinstance(node, Wildcard):
        start = re.split(r"[*?]", node.pattern, maxsplit=1)[0]
        pattern = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                                     for c in node.pattern), re.DOTALL)
        return [t for t in terms(node.field, start) if pattern.fullmatch(t)]
    if isinstance(node, Fuzzy):
        from rapidfuzz.distance import Levenshtein  # imported only for a fuzzy term

        return [t for t in terms(node.field, node.text[:node.prefix_length])
                if Levenshtein.distance(node.text, t, score_cutoff=node.distance)
                <= node.distance]
    return [t for t in terms(node.field) if (node.low is None or t >= node.low)
            and (node.high is None or t <= node.high)]
