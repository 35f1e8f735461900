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
           "rarest"]

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
    where = {doc: i for i, doc in enumerate(docs)}
    title, body = _Occurrences(where), _Occurrences(where)
    for number, word in enumerate(words):
        title.add(number, snapshot.positions("title", word, ordered))
        body.add(number, snapshot.positions("body", word, ordered))
    row, place, word_ids = body.merged(title)
    return _close_pairs(row, place, word_ids, np.array([weights[w] for w in words]),
                        len(docs), k1 if k1 > 0 else 1.0)


class _Occurrences:
    """The positions of the query's words in the window's documents, gathered as
    three columns (the document's place in the window, the position, the word's
    number) without an array made per document."""

    def __init__(self, where: Mapping[int, int]) -> None:
        self.where = where
        self.places: list[np.ndarray] = []
        self.rows: list[int] = []
        self.words: list[int] = []
        self.counts: list[int] = []

    def add(self, number: int, found: Mapping[int, np.ndarray]) -> None:
        """Word ``number``'s positions by document (every one in the window)."""
        self.places.extend(found.values())
        self.rows.extend(map(self.where.__getitem__, found))
        self.words.extend([number] * len(found))
        self.counts.extend(map(len, found.values()))

    def columns(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        counts = np.array(self.counts, dtype=np.int64)
        place = np.concatenate(self.places).astype(np.int64, copy=False) if self.places \
            else np.zeros(0, dtype=np.int64)
        return (np.repeat(np.array(self.rows, dtype=np.int64), counts), place,
                np.repeat(np.array(self.words, dtype=np.int64), counts))

    def merged(self, title: _Occurrences) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """These (the body's) and the ``title``'s columns together, the title's
        positions :data:`_APART` before the body's."""
        head, body = title.columns(), self.columns()
        return (np.concatenate([head[0], body[0]]),
                np.concatenate([head[1] - _APART, body[1]]),
                np.concatenate([head[2], body[2]]))


#: How far before the body's positions a title's are put (never within :data:`SPAN`).
_APART = 1 << 40


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
    found = _Occurrences(where)
    for number, text in enumerate(words):
        found.add(number, {doc: np.asarray(p, dtype=np.int64)
                           for doc, p in positions[text].items() if doc in where})
    return _close_pairs(*found.columns(), np.array([weights[w] for w in words]),
                        len(docs), saturation)


def _close_pairs(row: np.ndarray, place: np.ndarray, word: np.ndarray, weight: np.ndarray,
                 size: int, saturation: float) -> np.ndarray:
    """The bonus of each of ``size`` documents from its words' occurrences (the
    document's row, the position, the word's number; ``weight``: by number)."""
    out = np.zeros(size)
    if not len(row):
        return out
    order = np.lexsort((place, row))
    row, place, word = row[order], place[order], word[order]
    count = len(weight)
    # Each occurrence with the next SPAN ones: the close pairs' indices, step by step.
    firsts, seconds = [], []
    for step in range(1, SPAN + 1):
        gap = place[step:] - place[:-step]
        close = np.flatnonzero((gap <= SPAN) & (gap > 0) & (row[step:] == row[:-step]) &
                               (word[step:] != word[:-step]))
        firsts.append(close)
        seconds.append(close + step)
    first, second = np.concatenate(firsts), np.concatenate(seconds)
    if not len(first):
        return out
    a, b = word[first], word[second]
    key = (row[first] * count + np.minimum(a, b)) * count + np.maximum(a, b)
    near = 1.0 / (place[second] - place[first]).astype(np.float64) ** 2
    pairs, index = np.unique(key, return_inverse=True)
    acc = np.bincount(index, weights=near)
    low, high = (pairs // count) % count, pairs % count
    bonus = np.minimum(weight[low], weight[high]) * acc * (saturation + 1) / (acc + saturation)
    return np.bincount(pairs // (count * count), weights=bonus, minlength=size)
