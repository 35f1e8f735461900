"""docsearch's query tree as a tantivy query.

A text term is tantivy's term query (BM25-scored, times its boost), a keyword or
``id`` term a constant score of its boost; a phrase of adjacent words
(``slop=1``) is tantivy's phrase query. Prefixes, wildcards, fuzzy terms and
ranges expand to the snapshot's own terms (the memory engine's
:func:`~docsearch.engines.memory.matching.expansion`, so every engine expands
them alike) and match as a term set scoring their boost. ``And``, ``Or``,
``AndMaybe`` and ``AndNot`` are boolean queries (must, should, must not), ``Not``
is everything but its child, ``Every`` and ``Nothing`` tantivy's all and empty
queries. A word asked of the title and the body in one ``Or`` (a plain word) is
scored as the Whoosh engine scores it, ``β × BM25(article) + τ × BM25(title)``:
the ``article`` field's term times the body's boost plus the title's term times
its title boost and the article's idf over the titles' (tantivy's BM25 of each,
:func:`docsearch.search.perfield.article_children`). A
phrase with a wider ``slop`` (tantivy counts slop differently) is matched by
positions and given to tantivy as the set of its documents' ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
import tantivy

from docsearch.engines.base import TEXT_FIELDS
from docsearch.engines.memory import matching
from docsearch.search import perfield
from docsearch.search import querytree as qt

if TYPE_CHECKING:
    from docsearch.engines.tantivy.snapshot import TantivySnapshot

__all__ = ["SCORED", "compile_query"]

#: The fields of BM25-scored terms.
SCORED = (*TEXT_FIELDS, perfield.ARTICLE)

Occur = tantivy.Occur
Query = tantivy.Query


def compile_query(snapshot: TantivySnapshot, node: qt.Node) -> tantivy.Query:
    """``node`` as a tantivy query over ``snapshot``'s index."""
    method: Callable[[TantivySnapshot, qt.Node], tantivy.Query] | None = _COMPILERS.get(
        type(node))
    if method is None:
        raise TypeError(f"the tantivy engine cannot match a {type(node).__name__}")
    return method(snapshot, node)


def _term(snapshot: TantivySnapshot, node: qt.Term) -> tantivy.Query:
    if node.field in SCORED:
        return _text_term(snapshot, node.field, node.text, node.boost)
    return _term_set(snapshot, node.field, [node.text], node.boost)


def _text_term(snapshot: TantivySnapshot, field: str, text: str,
               boost: float) -> tantivy.Query:
    query = Query.term_query(snapshot.schema, field, text)
    return query if boost == 1.0 else Query.boost_query(query, float(boost))


def _term_set(snapshot: TantivySnapshot, field: str, values: list[str],
              boost: float) -> tantivy.Query:
    """Documents whose ``field`` holds any of ``values``, scoring ``boost``."""
    if not values or not snapshot.has_field(field):
        return Query.empty_query()
    return Query.const_score_query(Query.term_set_query(snapshot.schema, field, values),
                                   float(boost))


def _phrase(snapshot: TantivySnapshot, node: qt.Phrase) -> tantivy.Query:
    words: list[str | tuple[int, str]] = list(node.terms)
    if not words or node.field not in TEXT_FIELDS:
        return Query.empty_query()
    if len(words) == 1:
        return _text_term(snapshot, node.field, node.terms[0], node.boost)
    if node.slop <= 1:
        query = Query.phrase_query(snapshot.schema, node.field, words, slop=0)
        return query if node.boost == 1.0 else Query.boost_query(query, float(node.boost))
    every_word = qt.And(tuple(qt.Term(node.field, w) for w in node.terms))
    candidates = np.flatnonzero(snapshot.match(every_word))
    mask = matching.in_order(snapshot, node.field, list(node.terms), candidates, node.slop)
    ids = [snapshot.ids()[n] for n in np.flatnonzero(mask).tolist()]
    return _term_set(snapshot, "id", ids, node.boost * len(words))


def _expanded(snapshot: TantivySnapshot, node: matching.Expandable) -> tantivy.Query:
    return _term_set(snapshot, node.field, matching.expansion(snapshot, node), node.boost)


def _boolean(clauses: list[tuple[tantivy.Occur, tantivy.Query]]) -> tantivy.Query:
    return Query.boolean_query(clauses) if clauses else Query.empty_query()


def _and(snapshot: TantivySnapshot, node: qt.And) -> tantivy.Query:
    return _boolean([(Occur.Must, compile_query(snapshot, c)) for c in node.children])


def _or(snapshot: TantivySnapshot, node: qt.Or) -> tantivy.Query:
    children = perfield.article_children(node.children, snapshot.size, snapshot.doc_frequency)
    return _boolean([(Occur.Should, compile_query(snapshot, c)) for c in children])


def _not(snapshot: TantivySnapshot, node: qt.Not) -> tantivy.Query:
    return _boolean([(Occur.Must, Query.all_query()),
                     (Occur.MustNot, compile_query(snapshot, node.child))])


def _and_maybe(snapshot: TantivySnapshot, node: qt.AndMaybe) -> tantivy.Query:
    return _boolean([(Occur.Must, compile_query(snapshot, node.required)),
                     (Occur.Should, compile_query(snapshot, node.optional))])


def _and_not(snapshot: TantivySnapshot, node: qt.AndNot) -> tantivy.Query:
    return _boolean([(Occur.Must, compile_query(snapshot, node.positive)),
                     (Occur.MustNot, compile_query(snapshot, node.negative))])


_COMPILERS: dict[type, Callable[..., tantivy.Query]] = {
    qt.Term: _term, qt.Phrase: _phrase, qt.Prefix: _expanded, qt.Wildcard: _expanded,
    qt.Fuzzy: _expanded, qt.TermRange: _expanded, qt.And: _and, qt.Or: _or, qt.Not: _not,
    qt.AndMaybe: _and_maybe, qt.AndNot: _and_not,
    qt.Every: lambda snapshot, node: Query.all_query(),
    qt.Nothing: lambda snapshot, node: Query.empty_query(),
}
