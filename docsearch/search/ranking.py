"""One pass over a query's matches for both the facet counts and the page of hits.

Whoosh answers "which documents match" (for facet counts) and "which are the best
ten" (for the page) with two passes over the postings, and its ``search_page``
makes a third to count them. Here one collector records every matching document
with the score Whoosh gives it, as numpy arrays: the facet masks come from the
documents, and any page under any filters is a partition of the scores (ties by
document number, as in Whoosh). The search engine keeps the last few of these per
index state, so that selecting facet values or paging through a query does not
run the query again.

Newest-first order needs no pass at all: each document's rank in (date descending,
id ascending) order is read once per index state from the sortable columns, and a
page is an ``argpartition`` of the ranks of the matching documents.
"""

from __future__ import annotations

import threading
from typing import Any

import attrs
import numpy as np
from whoosh import collectors
from whoosh import query as wq
from whoosh.searching import Searcher

from docsearch.search.vector import numeric_column

__all__ = ["DateOrder", "Scored", "live_docs", "matches", "score_all", "scored"]


class _EveryScore(collectors.TopCollector):
    """Every matching document with its score, as Whoosh's ranking computes it."""

    def __init__(self) -> None:
        super().__init__(limit=1, usequality=False)
        self.replace = 0  # no matcher replacement: it could skip low-scoring matches
        self.docs: list[int] = []
        self.scores: list[float] = []

    def _collect(self, global_docnum: int, score: float) -> float:
        self.docs.append(global_docnum)
        self.scores.append(score)
        return 0 - score


@attrs.frozen
class Scored:
    """The documents a query matches (ascending) and their scores."""

    docs: np.ndarray
    scores: np.ndarray

    def mask(self, size: int) -> np.ndarray:
        mask = np.zeros(size, dtype=bool)
        mask[self.docs] = True
        return mask

    def top(self, allowed: np.ndarray | None, start: int, stop: int) -> list[tuple[float, int]]:
        """Positions ``start``..``stop`` of the allowed documents, best first (ties:
        lower document number first, as Whoosh orders them)."""
        docs, scores = self.docs, self.scores
        if allowed is not None:
            keep = allowed[docs]
            docs, scores = docs[keep], scores[keep]
        if start >= len(docs):
            return []
        if stop < len(docs):  # only the best ``stop`` need sorting
            cut = np.partition(scores, len(scores) - stop)[len(scores) - stop]
            keep = scores >= cut
            docs, scores = docs[keep], scores[keep]
        order = np.lexsort((docs, -scores))[start:stop]
        return [(float(scores[i]), int(docs[i])) for i in order]


def score_all(searcher: Searcher, q: wq.Query) -> Scored:
    """One pass: every document matching ``q`` and its score."""
    collector = _EveryScore()
    searcher.search_with_collector(q, collector)
    docs = np.fromiter(collector.docs, dtype=np.int64, count=len(collector.docs))
    scores = np.fromiter(collector.scores, dtype=np.float64, count=len(collector.scores))
    order = np.argsort(docs, kind="stable")
    return Scored(docs[order], scores[order])


def scored(searcher: Searcher, q: wq.Query, allowed: np.ndarray | None,
           limit: int) -> tuple[np.ndarray, list[tuple[float, int]]]:
    """The documents matching ``q`` (a boolean mask) and the ``limit`` best
    ``(score, docnum)`` pairs among those ``allowed`` leaves in, best first."""
    result = score_all(searcher, q)
    return result.mask(searcher.doc_count_all()), result.top(allowed, 0, max(1, limit))


def matches(searcher: Searcher, q: wq.Query) -> np.ndarray:
    """The documents matching ``q``, as a boolean mask (no scoring)."""
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    if isinstance(q, wq.Every):
        return live_docs(searcher)
    if q is not wq.NullQuery:
        mask[np.fromiter(searcher.docs_for_query(q), dtype=np.int64)] = True
    return mask


def live_docs(searcher: Searcher) -> np.ndarray:
    """A mask of the documents not deleted."""
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    mask[np.fromiter(searcher.reader().all_doc_ids(), dtype=np.int64)] = True
    return mask


class DateOrder:
    """Each document's rank in newest-first order (ties by id), per index state."""

    def __init__(self) -> None:
        self._key: tuple[Any, ...] | None = None
        self._rank: np.ndarray | None = None
        self._lock = threading.Lock()

    def rank(self, searcher: Searcher) -> np.ndarray:
        key = tuple((id(s.reader()), s.doc_count_all()) for s, _ in searcher.leaf_searchers())
        with self._lock:
            if self._key != key or self._rank is None:
                self._rank = self._ranks(searcher)
                self._key = key
            return self._rank

    @staticmethod
    def _ranks(searcher: Searcher) -> np.ndarray:
        dates: list[np.ndarray] = []
        ids: list[str] = []
        for leaf, _offset in searcher.leaf_searchers():
            reader = leaf.reader()
            count = reader.doc_count_all()
            if reader.has_column("date"):  # a segment where no article had a date has none
                column = reader.column_reader("date", translate=False)
                values = numeric_column(column, count)
                dates.append(values if values is not None else np.fromiter(
                    column, dtype=np.int64, count=count))
            else:
                dates.append(np.zeros(count, dtype=np.int64))
            ids.extend(str(v) for v in reader.column_reader("id", translate=True))
        size = len(ids)
        id_rank = np.empty(size, dtype=np.int64)
        id_rank[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(size)
        order = np.lexsort((id_rank, -np.concatenate(dates) if dates else np.zeros(0)))
        rank = np.empty(size, dtype=np.int64)
        rank[order] = np.arange(size)
        return rank

    def page(self, searcher: Searcher, final: np.ndarray, start: int,
             stop: int) -> list[tuple[None, int]]:
        """The documents of ``final`` at positions ``start``..``stop`` newest first."""
        docs = np.flatnonzero(final)
        if start >= len(docs):
            return []
        ranks = self.rank(searcher)[docs]
        if stop < len(docs):
            keep = np.argpartition(ranks, stop - 1)[:stop]
            docs, ranks = docs[keep], ranks[keep]
        ordered = docs[np.argsort(ranks, kind="stable")]
        return [(None, int(d)) for d in ordered[start:stop]]
