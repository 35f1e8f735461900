"""Every match of a Whoosh query with its score, in one pass.

Whoosh answers "which documents match" (for facet counts) and "which are the best
ten" (for the page) with two passes over the postings, and its ``search_page``
makes a third to count them. Here one collector records every matching document
with the score Whoosh gives it, as numpy arrays (a
:class:`docsearch.search.ranking.Scored`): the search layer takes the facet
masks and any page under any filters from it. The queries
:mod:`~docsearch.engines.whoosh.vector` scores with numpy do not come here.

Both score with :class:`Weighting`: Whoosh's BM25F with Lucene's idf
(:func:`docsearch.search.ranking.idf`) instead of Whoosh's own.
"""

from __future__ import annotations

import numpy as np
from whoosh import collectors
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from docsearch.search import ranking
from docsearch.search.ranking import Scored

__all__ = ["Weighting", "live_docs", "matches", "score_all", "scored"]


class Weighting(BM25F):
    """Whoosh's BM25F (a BM25 score per field, summed) with Lucene's idf
    (:func:`docsearch.search.ranking.idf`) over every stored document, deleted ones
    included until merged away (as Whoosh and Lucene count them)."""

    def idf(self, searcher: Searcher, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        return ranking.idf(parent.doc_count_all(), parent.doc_frequency(fieldname, text))


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
