"""Ranking choices, and one scored pass serving both the facet counts and the page.

An engine's snapshot scores a query tree once (:meth:`Snapshot.score`): every
matching document with its score, as numpy arrays (:class:`Scored`). The facet
masks come from the documents, and any page under any filters is a partition of
the scores (ties by document number, as in Whoosh). The search engine keeps the
last few of these per index state, so that selecting facet values or paging
through a query does not run the query again.

Newest-first order needs no pass at all: each document's rank in (date descending,
id ascending) order is worked out once per index state from the snapshot's dates
and ids, and a page is an ``argpartition`` of the ranks of the matching documents.
The recency boost multiplies scores by a factor of each document's age.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Sequence

import attrs
import numpy as np

from docsearch.engines.base import Snapshot, date_number
from docsearch.errors import QueryError

__all__ = ["DateOrder", "Ranking", "Scored", "date_rank", "datetime_long", "idf",
           "newest_first", "recency"]


def idf(documents: int, frequency: int) -> float:
    """A term's inverse document frequency, Lucene's BM25 formula
    ``ln(1 + (N - df + 0.5) / (df + 0.5))`` (``N`` documents, ``df`` of them with
    the term): every engine's text terms and the proximity bonus weigh words by it.
    It falls towards 0 for a word in most documents (Whoosh's ``ln(N / (df + 1)) + 1``
    never goes below 1), so that common words of a long query count for little.

    >>> round(idf(1000, 1), 3), round(idf(1000, 500), 3), round(idf(1000, 1000), 4)
    (6.503, 0.693, 0.0005)
    """
    return math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5))


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
    ``title_boost`` weighs a word's title: a word of the query scores as a word of
    the whole article (title and body read as one text) plus ``title_boost`` times
    its score in the title alone (:mod:`docsearch.search.article`; the tantivy and
    Solr engines alike with their own BM25 of an ``article`` field and of the title,
    :mod:`docsearch.search.perfield`).
    ``proximity`` weighs a bonus for query words found next to each other in the
    title or the body (0: off).
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
    title_boost: float = attrs.field(default=0.75, validator=_non_negative)
    proximity: float = attrs.field(default=2.0, validator=_non_negative)
    recency_days: float | None = attrs.field(default=None, validator=_half_life)
    recency_weight: float = attrs.field(default=1.0, validator=_non_negative)

    @property
    def weighting_key(self) -> tuple[float, float]:
        return (float(self.k1), float(self.b))


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
        scores, docs = self.best(allowed, stop, start)
        return list(zip(scores[start:].tolist(), docs[start:].tolist(), strict=True))

    def best(self, allowed: np.ndarray | None, stop: int,
             start: int = 0) -> tuple[np.ndarray, np.ndarray]:
        """The scores and documents of the best ``stop`` allowed documents, best first
        (as :meth:`top` orders them); none when ``start`` is not below both their
        number and ``stop``."""
        docs, scores = self.docs, self.scores
        if allowed is not None:
            keep = allowed[docs]
            docs, scores = docs[keep], scores[keep]
        if start >= min(len(docs), stop):
            return scores[:0], docs[:0]
        if stop < len(docs):  # only the best ``stop`` need sorting
            cut = np.partition(scores, len(scores) - stop)[len(scores) - stop]
            keep = scores >= cut
            docs, scores = docs[keep], scores[keep]
        order = np.lexsort((docs, -scores))[:stop]
        return scores[order], docs[order]


def date_rank(dates: np.ndarray, ids: Sequence[str]) -> np.ndarray:
    """Each document's place in newest-first order (undated last), ties by id, then
    by document number. Only the ids of documents whose date is another's are
    sorted (most dates are a document's own)."""
    order = np.argsort(-dates, kind="stable")
    ordered = dates[order]
    tied = ordered[1:] == ordered[:-1]
    if tied.any():
        shared = np.zeros(len(order), dtype=bool)
        shared[1:] |= tied
        shared[:-1] |= tied
        at = np.flatnonzero(shared)
        docs = order[at]
        runs = np.cumsum(np.concatenate(([True], ~tied)))[at]
        by_id = np.argsort(np.array([ids[d] for d in docs.tolist()], dtype=str), kind="stable")
        order[at] = docs[by_id[np.argsort(runs[by_id], kind="stable")]]
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


#: How many documents sharing the date of a page's last :func:`newest_first` sorts
#: at most (more: the documents are ranked, :func:`date_rank`).
TIES_SORTED = 5_000


def newest_first(dates: np.ndarray, ids: Sequence[str], docs: np.ndarray,
                 stop: int) -> list[int] | None:
    """The first ``stop`` of ``docs`` newest first (undated last, ties by id, then by
    document number, as :func:`date_rank` orders them), without ranking every
    document: those dated at least the ``stop``-th newest date, sorted; ``None``
    when more than :data:`TIES_SORTED` of them are."""
    held = dates[docs]
    cut = np.partition(held, len(held) - stop)[len(held) - stop]
    near = docs[held >= cut]
    if len(near) > TIES_SORTED:
        return None
    return sorted(near.tolist(), key=lambda d: (-int(dates[d]), ids[d], d))[:stop]


class DateOrder:
    """Each document's date and its rank in newest-first order (ties by id), read
    once per index state."""

    def __init__(self) -> None:
        self._key: str | None = None
        self._dates: np.ndarray | None = None
        self._rank: np.ndarray | None = None
        self._newest: int | None = None
        self._lock = threading.Lock()

    def dates(self, snapshot: Snapshot) -> np.ndarray:
        """Each document's date number (:func:`~docsearch.engines.base.date_number`;
        0: no date)."""
        with self._lock:
            if self._key != snapshot.key or self._dates is None:
                self._dates = np.asarray(snapshot.dates(), dtype=np.int64)
                self._rank = self._newest = None
                self._key = snapshot.key
            return self._dates

    def rank(self, snapshot: Snapshot) -> np.ndarray:
        """Each document's place newest first (:func:`date_rank`; ranked when first
        asked for: a page of a few newest does not need it)."""
        dates = self.dates(snapshot)
        with self._lock:
            rank = self._rank if self._key == snapshot.key else None
            if rank is None:
                rank = date_rank(dates, snapshot.ids())
                if self._key == snapshot.key:
                    self._rank = rank
            return rank

    def newest(self, snapshot: Snapshot) -> int:
        """The newest date among the documents not deleted (0: none has a date)."""
        dates = self.dates(snapshot)
        with self._lock:
            if self._newest is None:
                self._newest = int(dates[snapshot.live()].max(initial=0))
            return self._newest

    def page(self, snapshot: Snapshot, final: np.ndarray, start: int,
             stop: int) -> list[tuple[None, int]]:
        """The documents of ``final`` at positions ``start``..``stop`` newest first."""
        docs = np.flatnonzero(final)
        if start >= len(docs):
            return []
        if 0 < stop < len(docs):
            top = newest_first(self.dates(snapshot), snapshot.ids(), docs, stop)
            if top is not None:
                return [(None, d) for d in top[start:stop]]
        ranks = self.rank(snapshot)[docs]
        if stop < len(docs):
            keep = np.argpartition(ranks, stop - 1)[:stop]
            docs, ranks = docs[keep], ranks[keep]
        ordered = docs[np.argsort(ranks, kind="stable")]
        return [(None, int(d)) for d in ordered[start:stop]]


_US_PER_DAY = 86_400_000_000


def datetime_long(day: dt.date) -> int:
    """The start of ``day`` as a date number (:func:`~docsearch.engines.base.date_number`)."""
    start = day if isinstance(day, dt.datetime) else dt.datetime.combine(day, dt.time.min)
    return date_number(start)


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
