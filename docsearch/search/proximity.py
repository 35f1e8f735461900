"""A bonus for the query's words found close together in an article's title or body.

A query of several words is first scored by BM25F, which does not look at where
the words are. The best :data:`WINDOW` hits are then scored again: each pair of
distinct query words ``(a, b)`` adds

    min(idf(a), idf(b)) * acc * (k1 + 1) / (acc + k1),   acc = sum of 1 / d**2

over every occurrence of ``a`` and of ``b`` at most :data:`SPAN` positions apart
in the title or in the body (``d`` is the distance; stop words do not count; a
title word and a body word are never close), after the term-proximity score of
Rasolofo and Savoy (ECIR 2003); ``idf`` is the body's. Only the :data:`MOST_WORDS` words of
highest idf count (all of a typed query's; a pasted paragraph's commonest words,
whose positions cost most to read, weigh least in a pair anyway). The bonus,
times ``Ranking.proximity``, is added to the score and the window re-sorted; hits
past the window keep their BM25F order, so a page beyond it is the same with or
without the bonus. Positions come from the engine's postings
(:meth:`Snapshot.positions`); no text is re-read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from docsearch.engines.base import Snapshot
from docsearch.search import querytree as qt
from docsearch.search import ranking

__all__ = ["MOST_WORDS", "SPAN", "WINDOW", "bonuses", "idf", "pair_bonuses", "query_words",
           "rarest", "title_and_body"]

#: How many of the best hits are scored again.
WINDOW = 100
#: The farthest apart (in positions) two words count as close.
SPAN = 5
#: How many of the query's words (those of highest idf) the pairs are made of.
MOST_WORDS = 10


def query_words(tree: qt.Node, field: str = "body") -> list[str]:
    """The distinct words of ``field`` that the query tree asks for, in query order
    (words under a ``NOT`` left out)."""
    return qt.terms(tree, field)


def idf(snapshot: Snapshot, field: str, word: str) -> float:
    """A word's inverse document frequency (the weight of a pair): the one BM25 scores
    with (:func:`docsearch.search.ranking.idf`)."""
    return ranking.idf(snapshot.size, snapshot.doc_frequency(field, word))


def bonuses(snapshot: Snapshot, words: Sequence[str], docs: Sequence[int],
            k1: float) -> np.ndarray:
    """The proximity bonus (see the module docs) of each of ``docs``."""
    if len(words) < 2 or not len(docs):
        return np.zeros(len(docs))
    weights = {w: idf(snapshot, "body", w) for w in words}
    words = rarest(words, weights)
    ordered = sorted(set(docs))
    positions = {w: title_and_body(snapshot, w, ordered) for w in words}
    return pair_bonuses(positions, weights, words, docs, k1 if k1 > 0 else 1.0)


#: How far before the body's positions a title's are put (never within :data:`SPAN`).
_APART = 1 << 40


def title_and_body(snapshot: Snapshot, word: str, docs: Sequence[int]) -> dict[int, np.ndarray]:
    """A word's positions in the title and the body of each of ``docs`` that has it,
    the title's :data:`_APART` before the body's (one sequence per document, in
    which a title word and a body word are never close)."""
    out = {doc: np.asarray(where, dtype=np.int64)
           for doc, where in snapshot.positions("body", word, docs).items()}
    for doc, where in snapshot.positions("title", word, docs).items():
        title = np.asarray(where, dtype=np.int64) - _APART
        out[doc] = np.concatenate([title, out[doc]]) if doc in out else title
    return out


def rarest(words: Sequence[str], weights: Mapping[str, float],
           most: int | None = None) -> list[str]:
    """The ``most`` (:data:`MOST_WORDS`) of ``words`` of highest weight (the first in
    query order among equals), in query order.

    >>> rarest(["oil", "the", "opec", "price"], {"oil": 2.0, "the": 0.1, "opec": 5.0,
    ...                                          "price": 2.0}, most=2)
    ['oil', 'opec']
    """
    most = MOST_WORDS if most is None else most
    if len(words) <= most:
        return list(words)
    chosen = set(sorted(range(len(words)), key=lambda i: (-weights[words[i]], i))[:most])
    return [w for i, w in enumerate(words) if i in chosen]


def pair_bonuses(positions: Mapping[str, Mapping[int, np.ndarray]],
                 weights: Mapping[str, float], words: Sequence[str], docs: Sequence[int],
                 saturation: float) -> np.ndarray:
    """The bonus of each of ``docs`` from each distinct word's ``positions`` (by
    document) and weight, every pair of words at once: a document's positions of all
    the words are merged in order, and since a position holds one word, two
    occurrences at most :data:`SPAN` apart are at most :data:`SPAN` places apart in
    that order, so comparing each with the next :data:`SPAN` finds every close pair."""
    where = {doc: i for i, doc in enumerate(docs)}
    rows, places, ids = [], [], []
    for number, text in enumerate(words):
        for doc, found in positions[text].items():
            if doc in where:
                rows.append(np.full(len(found), where[doc], dtype=np.int64))
                places.append(np.asarray(found, dtype=np.int64))
                ids.append(np.full(len(found), number, dtype=np.int64))
    out = np.zeros(len(docs))
    if not rows:
        return out
    row, place, word = np.concatenate(rows), np.concatenate(places), np.concatenate(ids)
    order = np.lexsort((place, row))
    row, place, word = row[order], place[order], word[order]
    count = len(words)
    keys, near = [], []
    for step in range(1, SPAN + 1):
        gap = place[step:] - place[:-step]
        close = (row[step:] == row[:-step]) & (gap > 0) & (gap <= SPAN) & \
            (word[step:] != word[:-step])
        low = np.minimum(word[step:], word[:-step])[close]
        high = np.maximum(word[step:], word[:-step])[close]
        keys.append((row[step:][close] * count + low) * count + high)
        near.append(1.0 / gap[close].astype(np.float64) ** 2)
    key = np.concatenate(keys)
    if not len(key):
        return out
    pairs, index = np.unique(key, return_inverse=True)
    acc = np.bincount(index, weights=np.concatenate(near))
    weight = np.array([weights[w] for w in words])
    low, high = (pairs // count) % count, pairs % count
    bonus = np.minimum(weight[low], weight[high]) * acc * (saturation + 1) / (acc + saturation)
    return np.bincount(pairs // (count * count), weights=bonus, minlength=len(docs))
