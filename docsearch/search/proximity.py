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
(:meth:`Snapshot.positions`, or all of them at once from a snapshot's optional
``occurrences``: :func:`occurrences`); no text is re-read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from docsearch.engines.base import Snapshot
from docsearch.search import querytree as qt
from docsearch.search import ranking

__all__ = ["DIRECT_SUMS", "MOST_WORDS", "SPAN", "WINDOW", "bonuses", "idf", "occurrences",
           "pair_bonuses", "query_words", "rarest"]

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
    row, place, number = occurrences(snapshot, [(field, word) for field in ("title", "body")
                                                for word in words], docs)
    place[number < len(words)] -= _APART  # the title's
    return _close_pairs(row, place, number % len(words), np.array([weights[w] for w in words]),
                        len(docs), k1 if k1 > 0 else 1.0)


def occurrences(snapshot: Snapshot, terms: Sequence[tuple[str, str]],
                docs: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence of each of ``terms`` ((field, word) pairs, distinct) in each
    of ``docs`` (distinct) as three columns, in no particular order: the document's
    place in ``docs``, the position, the term's number in ``terms``. A term whose
    field holds it nowhere is not asked for. From the snapshot's ``occurrences``
    where it has one (an engine's optional way of finding them all at once: the
    Whoosh engine's), else from its :meth:`~docsearch.engines.base.Snapshot.positions`
    of each term."""
    there = [i for i, (field, word) in enumerate(terms) if snapshot.doc_frequency(field, word)]
    gather = getattr(snapshot, "occurrences", None)
    if gather is not None:
        row, place, number = gather([terms[i] for i in there], docs)
        return row, place, np.array(there, dtype=np.int64)[number] if there else number
    ordered = sorted(set(docs))
    found = [snapshot.positions(*terms[i], ordered) for i in there]
    row, place, number = _columns(found, {doc: i for i, doc in enumerate(docs)})
    return row, place, np.array(there, dtype=np.int64)[number] if there else number


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
    found = [{doc: np.asarray(p, dtype=np.int64) for doc, p in positions[text].items()
              if doc in where} for text in words]
    return _close_pairs(*_columns(found, where), np.array([weights[w] for w in words]),
                        len(docs), saturation)


def _columns(found: Sequence[Mapping[int, np.ndarray]],
             where: Mapping[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each word's positions by document (``found``, by the word's number) as three
    columns: the document's row (``where[document]``), the position (a new array) and
    the word's number; word by word, without an array made per document."""
    rows: list[int] = []
    numbers: list[int] = []
    places: list[np.ndarray] = []
    for number, positions in enumerate(found):
        rows.extend(map(where.__getitem__, positions))
        numbers.extend([number] * len(positions))
        places.extend(positions.values())
    counts = np.array(list(map(len, places)), dtype=np.int64)
    place = (np.concatenate(places).astype(np.int64, copy=False) if places
             else np.zeros(0, dtype=np.int64))
    return (np.repeat(np.array(rows, dtype=np.int64), counts), place,
            np.repeat(np.array(numbers, dtype=np.int64), counts))


def _close_pairs(row: np.ndarray, place: np.ndarray, word: np.ndarray, weight: np.ndarray,
                 size: int, saturation: float) -> np.ndarray:
    """The bonus of each of ``size`` documents (fewer than 2**21) from its words'
    occurrences (the document's row, the position, the word's number; ``weight``: by
    number)."""
    out = np.zeros(size)
    if len(row) < 2:
        return out
    # One key per occurrence, in the order of (row, position): rows far apart.
    key = row * _ROWS_APART + place
    order = np.argsort(key, kind="stable")
    key, row, word = key[order], row[order], word[order]
    first, second = _next_ones(key)
    gap = key[second] - key[first]
    close = np.flatnonzero((gap <= SPAN) & (gap > 0) & (word[second] != word[first]))
    if not len(close):
        return out
    first, second, gap = first[close], second[close], gap[close]
    a, b = word[first], word[second]
    count = len(weight)
    key = (row[first] * count + np.minimum(a, b)) * count + np.maximum(a, b)
    pairs, acc = _sums(key, 1.0 / gap.astype(np.float64) ** 2, size * count * count)
    low, high = (pairs // count) % count, pairs % count
    bonus = np.minimum(weight[low], weight[high]) * acc * (saturation + 1) / (acc + saturation)
    return np.bincount(pairs // (count * count), weights=bonus, minlength=size)


#: How far apart two rows' keys are put (a title's positions are 2**40 before the body's).
_ROWS_APART = 1 << 42
#: Up to how many (document, word, word) keys their sums are counted into one array.
DIRECT_SUMS = 1 << 16


def _next_ones(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each place of the (ascending) ``key`` with each of the next :data:`SPAN` places,
    the first step's pairs first (``(first, second)`` indices): only the places whose
    next key is at most :data:`SPAN` above, as no other can be close to a later one."""
    starts = np.flatnonzero(key[1:] - key[:-1] <= SPAN)
    second = starts + np.arange(1, SPAN + 1)[:, None]  # a row per step
    inside = second < len(key)
    return np.broadcast_to(starts, second.shape)[inside], second[inside]


def _sums(key: np.ndarray, values: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``key`` (ascending, each in ``range(bins)``) and the sum of its
    (positive) ``values``, each added in the order given."""
    if bins <= DIRECT_SUMS:
        sums = np.bincount(key, weights=values, minlength=bins)
        found = np.flatnonzero(sums > 0)
        return found, sums[found]
    found, index = np.unique(key, return_inverse=True)
    return found, np.bincount(index, weights=values)
