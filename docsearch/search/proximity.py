"""A bonus for the query's words found close together in an article's body.

A query of several words is first scored by BM25F, which does not look at where
the words are. The best :data:`WINDOW` hits are then scored again: each pair of
distinct query words ``(a, b)`` adds

    min(idf(a), idf(b)) * acc * (k1 + 1) / (acc + k1),   acc = sum of 1 / d**2

over every occurrence of ``a`` and of ``b`` at most :data:`SPAN` positions apart
(``d`` is the distance; stop words do not count), after the term-proximity
score of Rasolofo and Savoy (ECIR 2003). The bonus, times ``Ranking.proximity``,
is added to the score and the window re-sorted; hits past the window keep their
BM25F order, so a page beyond it is the same with or without the bonus. Positions
come from the engine's postings (:meth:`Snapshot.positions`); no text is re-read.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import log

import numpy as np

from docsearch.engines.base import Snapshot
from docsearch.search import querytree as qt

__all__ = ["SPAN", "WINDOW", "bonuses", "idf", "query_words"]

#: How many of the best hits are scored again.
WINDOW = 100
#: The farthest apart (in positions) two words count as close.
SPAN = 5


def query_words(tree: qt.Node, field: str = "body") -> list[str]:
    """The distinct words of ``field`` that the query tree asks for, in query order
    (words under a ``NOT`` left out)."""
    return qt.terms(tree, field)


def idf(snapshot: Snapshot, field: str, word: str) -> float:
    """A word's inverse document frequency, by Whoosh's formula (the weight of a pair)."""
    return log(snapshot.size / (snapshot.doc_frequency(field, word) + 1)) + 1


def bonuses(snapshot: Snapshot, words: Sequence[str], docs: Sequence[int], k1: float,
            field: str = "body") -> np.ndarray:
    """The proximity bonus (see the module docs) of each of ``docs``."""
    out = np.zeros(len(docs))
    if len(words) < 2 or not len(docs):
        return out
    ordered = sorted(set(docs))
    where = {doc: i for i, doc in enumerate(docs)}
    positions = {w: snapshot.positions(field, w, ordered) for w in words}
    weights = {w: idf(snapshot, field, w) for w in words}
    saturation = k1 if k1 > 0 else 1.0
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            weight = min(weights[a], weights[b])
            shared = positions[a].keys() & positions[b].keys()
            for doc in shared:
                gaps = np.abs(np.subtract.outer(positions[a][doc], positions[b][doc]))
                near = gaps[(gaps > 0) & (gaps <= SPAN)]
                if not len(near):
                    continue
                acc = float(np.sum(1.0 / near.astype(np.float64) ** 2))
                out[where[doc]] += weight * acc * (saturation + 1) / (acc + saturation)
    return out
