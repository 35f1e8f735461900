"""docsearch's query tree as a Solr query (the JSON Query DSL).

Terms are docsearch's analysed terms and the text fields only split on
whitespace (``configset/schema.xml``), so a text term is Solr's ``term`` query
(BM25-scored, times its boost) and matches the very documents the embedded
engines match; a keyword term is a ``term`` query on the string field. A phrase
of adjacent words (``slop=1``) is the ``field`` parser's phrase query. A phrase
with a wider slop (Solr counts slop over the whole phrase, docsearch per gap) is
matched by positions (:data:`Positional`, given by the snapshot) and becomes the
set of its documents' ids. Prefixes, wildcards, fuzzy terms and ranges expand to
the index's own terms (:func:`docsearch.search.querytree.expand`, as every engine
expands them) and match as a ``terms`` set scoring their boost. ``And``, ``Or``,
``AndMaybe``, ``AndNot`` and ``Not`` are ``bool`` queries; ``Every`` is
``*:*``, ``Nothing`` a query no document matches. A word asked of the title and
the body in one ``Or`` (a plain word) is scored as the Whoosh engine scores it,
``β × BM25(article) + τ × BM25(title)``: Solr's BM25 of the ``article`` field
(title and body copied into it, ``configset/schema.xml``) times the body's boost
plus the title's times its title boost and, given the index's document
frequencies, the article's idf over the titles'
(:func:`docsearch.search.perfield.article_children`, as the tantivy engine compiles it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from docsearch.engines.base import TEXT_FIELDS
from docsearch.search import perfield
from docsearch.search import querytree as qt

__all__ = ["EVERY", "NOTHING", "SEPARATOR", "compile_query", "term_set"]

#: Separates the values of a ``terms`` query: no term or keyword value holds it
#: (docsearch strips control characters from article text).
SEPARATOR = "\x1f"
EVERY: dict[str, Any] = {"lucene": {"query": "*:*"}}
NOTHING: dict[str, Any] = {"bool": {"must": [EVERY], "must_not": [EVERY]}}

Terms = Callable[..., Iterable[str]]
#: The ids of the documents a phrase with a wide slop matches.
Positional = Callable[[qt.Phrase], Sequence[str]]


def term_set(field: str, values: Sequence[str], boost: float = 1.0) -> dict[str, Any]:
    """Documents whose ``field`` holds any of ``values``, scoring ``boost``."""
    values = [v for v in values if SEPARATOR not in v]
    if not values:
        return NOTHING
    query: dict[str, Any] = {"terms": {"f": field, "separator": SEPARATOR,
                                       "query": SEPARATOR.join(values)}}
    return _boost(query, boost)


def _boost(query: dict[str, Any], boost: float) -> dict[str, Any]:
    if boost == 1.0:
        return query
    return {"boost": {"query": query, "b": repr(float(boost))}}


def compile_query(node: qt.Node, terms: Terms, positional: Positional, documents: int = 0,
                  frequency: perfield.Frequency | None = None) -> dict[str, Any]:
    """``node`` as a JSON Query DSL object; ``terms(field, prefix)`` lists the index's
    terms (for expansions), ``positional(phrase)`` the ids a wide phrase matches;
    ``documents`` and ``frequency(field, term)`` (the index's document frequencies)
    weigh a plain word's title by the article's idf (none: by the titles')."""
    return _Compiler(terms, positional, documents, frequency).compile(node)


class _Compiler:
    def __init__(self, terms: Terms, positional: Positional, documents: int,
                 frequency: perfield.Frequency | None) -> None:
        self.terms = terms
        self.positional = positional
        self.documents = documents
        self.frequency = frequency

    def compile(self, node: qt.Node) -> dict[str, Any]:
        method = getattr(self, "_" + type(node).__name__.lower(), None)
        if method is None:
            raise TypeError(f"the solr engine cannot match a {type(node).__name__}")
        result: dict[str, Any] = method(node)
        return result

    def _term(self, node: qt.Term) -> dict[str, Any]:
        return _boost({"term": {"f": node.field, "query": node.text}}, node.boost)

    def _phrase(self, node: qt.Phrase) -> dict[str, Any]:
        words = list(node.terms)
        if not words or node.field not in TEXT_FIELDS:
            return NOTHING
        if len(words) == 1:
            return self._term(qt.Term(node.field, words[0], node.boost))
        if node.slop <= 1:
            return _boost({"field": {"f": node.field, "query": " ".join(words)}}, node.boost)
        return term_set("id", list(self.positional(node)), node.boost * len(words))

    def _expanded(self, node: qt.Expandable) -> dict[str, Any]:
        return term_set(node.field, qt.expand(node, self.terms), node.boost)

    _prefix = _wildcard = _fuzzy = _termrange = _expanded

    def _children(self, nodes: Iterable[qt.Node]) -> list[dict[str, Any]]:
        return [self.compile(c) for c in nodes]

    def _and(self, node: qt.And) -> dict[str, Any]:
        return {"bool": {"must": self._children(node.children)}} if node.children else NOTHING

    def _or(self, node: qt.Or) -> dict[str, Any]:
        children = perfield.article_children(node.children, self.documents, self.frequency)
        return {"bool": {"should": self._children(children)}} if children else NOTHING

    def _not(self, node: qt.Not) -> dict[str, Any]:
        return {"bool": {"must": [EVERY], "must_not": [self.compile(node.child)]}}

    def _andmaybe(self, node: qt.AndMaybe) -> dict[str, Any]:
        return {"bool": {"must": [self.compile(node.required)],
                         "should": [self.compile(node.optional)]}}

    def _andnot(self, node: qt.AndNot) -> dict[str, Any]:
        return {"bool": {"must": [self.compile(node.positive)],
                         "must_not": [self.compile(node.negative)]}}

    def _every(self, node: qt.Every) -> dict[str, Any]:
        return EVERY

    def _nothing(self, node: qt.Nothing) -> dict[str, Any]:
        return NOTHING
