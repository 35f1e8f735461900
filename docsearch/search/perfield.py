"""A plain word as the terms an engine with its own BM25 per field scores.

The Whoosh and memory engines score a plain word as a word of the whole article
plus ``title_boost`` times its BM25 in the title (:mod:`docsearch.search.article`).
The tantivy and Solr engines score each field with their own BM25 and add the
scores; both compile the children of an ``Or`` as this module gives them, each
plain word (:class:`~docsearch.search.article.Pair`) as two terms. The index of
each holds an :data:`ARTICLE` field, the title's and the body's
terms together (frequencies only), and :func:`article_children` makes the word
``article`` weighed ``β`` (the body's boost) and ``title`` weighed ``τ`` (its
title boost), that is ``β × BM25(article) + τ × BM25(title)`` in the engine's
BM25. The Whoosh engine weighs the title's BM25 by the article's idf (how telling
a word is does not depend on the field it is found in), so given the index's
document frequencies the title's term weighs ``τ × idf(article) / idf(title)``
(:func:`title_factor`; the engines' idf is Lucene's,
:func:`docsearch.search.ranking.idf`).

Any other term (a field named in the query, a phrase, a hyphenated word) keeps its
own field and boost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docsearch.search import article, ranking
from docsearch.search import querytree as qt

__all__ = ["ARTICLE", "Frequency", "article_children", "title_factor"]

#: The field of the title's and the body's terms together.
ARTICLE = "article"

#: How many documents have a term in a field: ``frequency(field, term)``.
Frequency = Callable[[str, str], int]

def title_factor(text: str, documents: int, frequency: Frequency) -> float:
    """What a plain word's title term is multiplied by so that the engine's BM25 of
    the title (weighed by the titles' idf) weighs by the article's idf, among
    ``documents`` documents (1 where no title has the word: it scores nothing).

    >>> df = {("title", "season"): 1, ("article", "season"): 40}
    >>> round(title_factor("season", 100, lambda field, term: df[field, term]), 4)
    0.2171
    """
    in_title = frequency("title", text)
    if not in_title:
        return 1.0
    return ranking.idf(documents, frequency(ARTICLE, text)) / ranking.idf(documents, in_title)


def article_children(nodes: Sequence[qt.Node], documents: int = 0,
                     frequency: Frequency | None = None) -> list[qt.Node]:
    """The children of an ``Or`` with each plain word's title and body terms made its
    article term (the body's boost) followed by its title term (the title's boost,
    times :func:`title_factor` given the index's ``documents`` and ``frequency``),
    where the body's term was (the parser's order: title, then body).

    >>> article_children([qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri")])
    [Term(field='article', text='ferri', boost=1.0), Term(field='title', text='ferri', boost=0.75)]
    """
    out: list[qt.Node] = []
    for node in article.pairs(nodes):
        if isinstance(node, article.Pair):
            factor = title_factor(node.text, documents, frequency) if frequency else 1.0
            out += [qt.Term(ARTICLE, node.text, node.boost),
                    qt.Term("title", node.text, node.title_boost * factor)]
        else:
            out.append(node)
    return out
