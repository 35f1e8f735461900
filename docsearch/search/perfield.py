"""A plain word's title weight in the engines that add a BM25 per field.

The Whoosh and memory engines score a plain word as a word of the whole article
plus ``title_boost`` times its BM25 in the title (:mod:`docsearch.search.article`).
The tantivy and Solr engines have no article score: each scores a word in the
title and in the body with its own BM25 and adds the two, so the title term of a
plain word (:class:`~docsearch.search.article.Pair`) weighs ``title_boost`` times
:data:`TITLE_WEIGHT` there. Any other term (a field named in the query, a phrase,
a hyphenated word) keeps its own boost. Both engines compile the children of an
``Or`` as :func:`children` gives them.
"""

from __future__ import annotations

from collections.abc import Sequence

from docsearch.search import article
from docsearch.search import querytree as qt
from docsearch.search.ranking import Ranking

__all__ = ["TITLE_WEIGHT", "children"]

#: What a plain word's title boost is multiplied by in a per-field sum: 1 / the
#: default ``Ranking.title_boost`` (0.75), so the default weighs the title's score 1,
#: the best per-field weight measured (``docs/relevance.md``, issue 16: tantivy at
#: weights 0.75 / 1 / 1.5 / 1.75 on Cranfield, Reuters topics and known items).
TITLE_WEIGHT = 1 / Ranking().title_boost


def children(nodes: Sequence[qt.Node]) -> list[qt.Node]:
    """The children of an ``Or`` with each plain word's title term weighed
    ``title_boost × TITLE_WEIGHT``, followed by its body term, where the body's was
    (the parser's order: title, then body).

    >>> children([qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri")])
    [Term(field='title', text='ferri', boost=1.0), Term(field='body', text='ferri', boost=1.0)]
    """
    out: list[qt.Node] = []
    for node in article.pairs(nodes):
        if isinstance(node, article.Pair):
            out += [qt.Term("title", node.text, node.title_boost * TITLE_WEIGHT),
                    qt.Term("body", node.text, node.boost)]
        else:
            out.append(node)
    return out
