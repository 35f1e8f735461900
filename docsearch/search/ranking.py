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

import datetime as dt
import threading

import attrs
import numpy as np
from whoosh import collectors
from whoosh import query as wq
from whoosh.searching import Searcher
from whoosh.util.times import datetime_to_long

from docsearch.errors import QueryError
from docsearch.search.state import state_key
from docsearch.search.vector import numeric_column

__all__ = ["DateOrder", "Ranking", "Scored", "live_docs", "matches", "score_all", "scored"]


def _non_negative(_instance: object, attribute: attrs.Attribute, value: float) -> None:
    if not isinstance(value, (int, float)) or value < 0:
        raise QueryError(f"ranking {attribute.name} must be a number of at least 0, "
                         f"not {value!r}")


def _unit(_instance: object, attribute: attrs.Attribute, value: float) -> None:
    if not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise QueryError(f"ranking {attribute.name} must be between 0 and 1, not {value!r}")


def _half_life(_instance: object, attribute: attrs.Attribute, value: float | None) -> None:
    if value is not None and (not isinstance(value, (int, float)) or value <= 0):
        raise QueryError(f"ranking {attribute.name} must be a number of days above 0, "
                         f"not {value!r}")


@attrs.frozen(kw_only=True)
class Ranking:
    """How relevance is scored. The defaults are the choices measured best on the
    relevance harness (``benchmarks/relevance.py``; table in ``docs/relevance.md``).

    ``k1`` and ``b`` are BM25's term-frequency saturation and length normalisation.
    ``title_boost`` weighs a word found in the title against one in the body.
    ``proximity`` weighs a bonus for query words found next to each other (0: off).
    ``recency_days`` turns on a recency boost: a score is multiplied by
    ``1 + recency_weight * 0.5 ** (age / recency_days)``, where ``age`` is the
    number of days between the article's date and the newest date among the
    articles (or the search's ``until`` date); an undated article gets no boost.

    >>> fresh = docsearch.Ranking(recency_days=365)
    >>> fresh.k1, fresh.b, fresh.proximity
    (0.9, 0.4, 2.0)
    >>> [h.published.year for h in ix.search("harbour", ranking=fresh, per_page=3).hits]
    [2023, 2023, 2019]
    """

    k1: float = attrs.field(default=0.9, validator=_non_negative)
    b: float = attrs.field(default=0.4, validator=_unit)
    title_boost: float = attrs.field(default=2.0, validator=_non_negative)
    proximity: float = attrs.field(default=2.0, validator=_non_negative)
    recency_days: float | None = attrs.field(default=None, validator=_half_life)
    recency_weight: float = attrs.field(default=1.0, validator=_non_negative)

    @property
    def weighting_key(self) -> tuple[float, float]:
        return (float(self.k1), float(self.b))


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
    """Each document's date and its rank in newest-first order (ties by id), read
    once per index state."""

    def __init__(self) -> None:
        self._key: str | None = None
        self._dates: np.ndarray | None = None
        self._rank: np.ndarray | None = None
        self._newest: int | None = None
        self._lock = threading.Lock()

    def _load(self, searcher: Searcher) -> tuple[np.ndarray, np.ndarray]:
        key = state_key(searcher)
        with self._lock:
            if self._key != key or self._rank is None or self._dates is None:
                self._dates, self._rank = self._read(searcher)
                self._newest = None
                self._key = key
            return self._dates, self._rank

    def rank(self, searcher: Searcher) -> np.ndarray:
        return self._load(searcher)[1]

    def dates(self, searcher: Searcher) -> np.ndarray:
        """Each document's date in Whoosh's microseconds since ``datetime.min``
        (0: no date)."""
        return self._load(searcher)[0]

    def newest(self, searcher: Searcher) -> int:
        """The newest date among the documents not deleted (0: none has a date)."""
        dates = self.dates(searcher)
        with self._lock:
            if self._newest is None:
                self._newest = int(dates[live_docs(searcher)].max(initial=0))
            return self._newest

    @staticmethod
    def _read(searcher: Searcher) -> tuple[np.ndarray, np.ndarray]:
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
        every = np.concatenate(dates) if dates else np.zeros(0, dtype=np.int64)
        id_rank = np.empty(size, dtype=np.int64)
        id_rank[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(size)
        order = np.lexsort((id_rank, -every))
        rank = np.empty(size, dtype=np.int64)
        rank[order] = np.arange(size)
        return every, rank

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


_US_PER_DAY = 86_400_000_000


def datetime_long(day: dt.date) -> int:
    """The start of ``day`` as Whoosh stores dates (microseconds since ``datetime.min``)."""
    start = day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time.min)
    return datetime_to_long(start)


def recency(scored: Scored, dates: np.ndarray, newest: int, ranking: Ranking,
            until: int | None = None) -> Scored:
    """``scored`` with each score multiplied by the recency factor of ``ranking``
    (see :class:`Ranking`); ``dates`` as :meth:`DateOrder.dates` gives them, the
    reference date is ``until`` or ``newest`` (:meth:`DateOrder.newest`)."""
    if ranking.recency_days is None or not len(scored.docs):
        return scored
    reference = until if until is not None else newest
    if reference <= 0:
        return scored
    when = dates[scored.docs]
    age = np.maximum(0.0, (reference - when) / _US_PER_DAY)
    factor = np.where(when > 0, 1.0 + ranking.recency_weight
                      * np.power(0.5, age / ranking.recency_days), 1.0)
    return Scored(scored.docs, scored.scores * factor)
