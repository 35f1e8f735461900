"""One pass over a query's matches for both the facet counts and the page of hits.

Whoosh answers "which documents match" (for facet counts) and "which are the best
ten" (for the page) with two passes over the postings, and its ``search_page``
makes a third to count them. Here one collector does both: it records every
matching document (as a numpy array, for the facet masks) and scores them into a
top-N heap, counting only the documents the filters allow.

Newest-first order needs no pass at all: each document's rank in (date descending,
id ascending) order is read once per index state from the sortable columns, and a
page is an ``argpartition`` of the ranks of the matching documents.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np
from whoosh import collectors
from whoosh import query as wq
from whoosh.searching import Searcher

__all__ = ["DateOrder", "live_docs", "matches", "scored"]


class _MatchesAndTop(collectors.TopCollector):
    """Every matching document, and the ``limit`` best-scored among those allowed."""

    def __init__(self, limit: int, allowed: np.ndarray | None) -> None:
        super().__init__(limit=limit, usequality=False)
        self.replace = 0  # no matcher replacement: it could skip low-scoring matches
        self.allowed = allowed
        self.seen: list[int] = []

    def collect(self, sub_docnum: int) -> Any:
        docnum = self.offset + sub_docnum
        self.seen.append(docnum)
        if self.allowed is None or self.allowed[docnum]:
            return super().collect(sub_docnum)
        return 0


def scored(searcher: Searcher, q: wq.Query, allowed: np.ndarray | None,
           limit: int) -> tuple[np.ndarray, list[tuple[float, int]]]:
    """The documents matching ``q`` (a boolean mask) and the ``limit`` best
    ``(score, docnum)`` pairs among those ``allowed`` leaves in, best first."""
    collector = _MatchesAndTop(max(1, limit), allowed)
    searcher.search_with_collector(q, collector)
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    mask[np.fromiter(collector.seen, dtype=np.int64, count=len(collector.seen))] = True
    items = sorted(collector.items, reverse=True)
    return mask, [(score, -negated) for score, negated in items]


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
                dates.append(np.fromiter(reader.column_reader("date", translate=False),
                                         dtype=np.int64, count=count))
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
