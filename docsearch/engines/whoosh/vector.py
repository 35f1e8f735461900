"""BM25F scores of a whole query at once, with numpy.

Whoosh scores one matching document at a time, walking a tree of matchers in
Python: most of a search's time. For the queries people type most (words, ``AND``,
``OR``, ``NOT``, boosts, words in one field) the same BM25F scores are computed
here for every document at once: each term's postings are read a block at a time
into arrays, scored with the searcher's weighting (Whoosh's BM25 formula, the idf of
:class:`~docsearch.engines.whoosh.scoring.Weighting`, Whoosh's average field length
and each document's stored length), and combined with array operations.
Scores equal Whoosh's up to the order of floating-point additions (tests compare to
1e-9). Any other query (phrases, wildcards, fuzzy terms, ranges) returns ``None``
and is scored by Whoosh.
"""

from __future__ import annotations

import threading
import weakref
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.columns import NumericColumn
from whoosh.matching import ListMatcher
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from docsearch.engines.whoosh.article import ArticleTerm
from docsearch.engines.whoosh.positions import Remembered
from docsearch.engines.whoosh.recent import Recent
from docsearch.engines.whoosh.scoring import Weighting
from docsearch.engines.whoosh.state import segment_key, state_key
from docsearch.engines.whoosh.terms import TermInfos, matcher
from docsearch.search import article, ranking

__all__ = ["Vectors", "numeric_column", "searcher_vectors"]

_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


class _Unsupported(Exception):
    """A query this module does not score (Whoosh does)."""


#: How many postings (documents of terms) are remembered, most recently used kept.
POSTINGS_CACHE = 2_000_000


#: A term's BM25 scores before its boost: ``(documents, scores, dense, lowest)``;
#: ``dense``: for a common term, its mask and scores over every document (see
#: :func:`_dense`); ``lowest``: its lowest score (whether every one is above 0).
Scores = tuple[np.ndarray, np.ndarray, "tuple[np.ndarray, np.ndarray] | None", float]
#: The share of the documents from which a term's scores are also kept whole.
DENSE = 0.125

#: The name :meth:`Vectors.lengths` gives the article's lengths (title's + body's).
ARTICLE = ""

#: A term's live postings over a whole index state, as queries read them:
#: ``(documents, frequencies, field lengths)``.
Live = tuple[np.ndarray, np.ndarray, np.ndarray]


class Vectors:
    """Vectorised scoring for one index; per-segment field lengths are cached, and
    the postings of the terms read last (up to :data:`POSTINGS_CACHE` of them, per
    segment, and as many put together over the segments of an index state), so
    that a query sharing words with one before (the next page, a did-you-mean
    correction of one word of a long query) does not decode them again, nor score
    them again (:attr:`scores`, per weighting); each
    segment's term dictionary entries (:attr:`terms`) and the positions read for the
    proximity bonus (:attr:`positions`) are remembered too."""

    def __init__(self) -> None:
        self.terms = TermInfos()
        self.positions = Remembered()
        self._lengths: dict[tuple[Any, ...], np.ndarray] = {}
        self._postings: Recent[tuple[np.ndarray, np.ndarray]] = \
            Recent(POSTINGS_CACHE, lambda found: len(found[0]))
        self._live: Recent[Live] = Recent(POSTINGS_CACHE, lambda found: len(found[0]))
        #: A term's BM25 scores (before its boost) by index state and weighting.
        self.scores: Recent[Scores] = Recent(
            POSTINGS_CACHE, lambda found: len(found[0]) + (len(found[2][1]) if found[2] else 0))
        self._lock = threading.Lock()

    def postings(self, reader: Any, field: str, btext: bytes,
                 info: Any) -> tuple[np.ndarray, np.ndarray]:
        """A segment's postings of a term (:func:`_postings`; ``info``: the segment's
        ``TermInfo`` of it, :meth:`TermInfos.infos`), remembered."""
        key = (*segment_key(reader), field, btext)
        found = self._postings.get(key)
        if found is None:
            found = _postings(matcher(reader, field, btext, info))
            for array in found:
                array.flags.writeable = False  # shared by every query that reads the term
            self._postings.put(key, found)
        return found

    def live(self, searcher: Searcher, field: str, btext: bytes) -> Live | None:
        """The live documents having the term over the searcher's segments, its
        frequency in each and each one's field length (``None``: no document),
        remembered per index state."""
        key = (state_key(searcher), field, btext)
        found = self._live.get(key)
        if found is None:
            found = self._read_live(searcher, field, btext)
            if found is not None:
                self._live.put(key, found)
        return found

    def _read_live(self, searcher: Searcher, field: str, btext: bytes) -> Live | None:
        ids_parts, weight_parts = [], []
        infos = self.terms.infos(searcher, field, btext)
        for (leaf, offset), info in zip(searcher.leaf_searchers(), infos, strict=True):
            if info is None:
                continue
            reader = leaf.reader()
            ids, weights = self.postings(reader, field, btext, info)
            if reader.has_deletions():
                deleted = np.fromiter(reader.deleted_docs_set, dtype=np.int64)
                live = ~np.isin(ids, deleted)
                ids, weights = ids[live], weights[live]
            ids_parts.append(ids + offset)
            weight_parts.append(weights)
        if not ids_parts:
            return None
        docs = np.concatenate(ids_parts)
        found = (docs, np.concatenate(weight_parts), self.lengths(searcher, field)[docs])
        for array in found:
            array.flags.writeable = False
        return found

    def score(self, searcher: Searcher, q: wq.Query) -> tuple[np.ndarray, np.ndarray] | None:
        """``(matched, scores)`` over all document numbers, or ``None`` when Whoosh
        must score this query."""
        weighting = searcher.weighting
        if type(weighting) is not Weighting or weighting._field_B:
            return None
        try:
            return _Run(self, searcher, weighting).node(q)
        except _Unsupported:
            return None

    def article(self, searcher: Searcher, weighting: Any, q: ArticleTerm) -> Scores | None:
        """The scores of a word of the title and the body as the article's (see
        :mod:`docsearch.search.article`; ``None``: no document), remembered."""
        return _Run(self, searcher, weighting).article(q)

    def lengths(self, searcher: Searcher, field: str) -> np.ndarray:
        """Each document's stored length of ``field`` (as Whoosh's scorer reads it),
        put together once per index state (``field`` :data:`ARTICLE`: the title's
        and the body's added)."""
        key = ("all", field, state_key(searcher))
        with self._lock:
            found = self._lengths.get(key)
        if found is None:
            found = (np.add(*(self.lengths(searcher, f) for f in article.FIELDS))
                     if field == ARTICLE else self._all_lengths(searcher, field))
            with self._lock:
                for old in [k for k in self._lengths if k[:2] == ("all", field)]:
                    del self._lengths[old]
                self._lengths[key] = found
        return found

    def _all_lengths(self, searcher: Searcher, field: str) -> np.ndarray:
        parts = []
        for leaf, _offset in searcher.leaf_searchers():
            reader = leaf.reader()
            key = (field, *segment_key(reader))
            with self._lock:
                found = self._lengths.get(key)
            if found is None:
                found = _segment_lengths(reader, field)
                with self._lock:
                    self._lengths[key] = found
            parts.append(found)
        return np.concatenate(parts) if parts else np.zeros(0)


_BY_SEARCHER: weakref.WeakKeyDictionary[Searcher, Vectors] = weakref.WeakKeyDictionary()


def searcher_vectors(searcher: Searcher) -> Vectors:
    """A :class:`Vectors` for the queries Whoosh's matchers score on ``searcher`` (see
    :mod:`~docsearch.engines.whoosh.article`), kept as long as the searcher is (one
    index state of one index: the state keys of two indexes may be equal)."""
    with _BY_SEARCHER_LOCK:
        found = _BY_SEARCHER.get(searcher)
        if found is None:
            found = _BY_SEARCHER[searcher] = Vectors()
    return found


_BY_SEARCHER_LOCK = threading.Lock()


def numeric_column(column: Any, count: int) -> np.ndarray | None:
    """The values of a Whoosh fixed-size numeric column as an array, read in one go
    from its bytes (``None`` when it is not such a column)."""
    typecode = getattr(column, "_typecode", None)
    if not isinstance(column, NumericColumn.Reader) or typecode not in _DTYPES:
        return None
    stored = column._count * column._fixedlen
    raw = column._dbfile.get(column._basepos, stored) if stored else b""
    values = np.frombuffer(raw, dtype=_DTYPES[typecode]).astype(np.int64)
    if len(values) < count:  # Whoosh leaves trailing default values out
        values = np.concatenate([values, np.full(count - len(values), column._default)])
    return values[:count]


_DTYPES = {"B": ">u1", "b": ">i1", "H": ">u2", "h": ">i2", "I": ">u4", "i": ">i4",
           "Q": ">u8", "q": ">i8"}


def _segment_lengths(reader: Any, field: str) -> np.ndarray:
    count = reader.doc_count_all()
    perdoc = getattr(reader, "_perdoc", None)
    column = None
    if perdoc is not None and hasattr(perdoc, "_cached_reader"):
        column = perdoc._cached_reader(whoosh3._lenfield(field), whoosh3.LENGTHS_COLUMN)
    if column is not None:
        codes = numeric_column(column, count)
        if codes is None:
            codes = np.fromiter((int(b) for b in column), dtype=np.int64, count=count)
        lengths = _LENGTHS[codes]
    else:
        lengths = np.array([reader.doc_field_length(d, field, 1) or 0 for d in range(count)],
                           dtype=np.float64)
    return lengths


def _postings(matcher: Any) -> tuple[np.ndarray, np.ndarray]:
    """A segment's postings of a term (deleted documents included) as arrays, from
    its matcher."""
    if isinstance(matcher, ListMatcher):
        ids = np.asarray(matcher._ids, dtype=np.int64)
        weights = matcher._weights
        return ids, (np.ones(len(ids)) if weights is None
                     else np.asarray(weights, dtype=np.float64))
    if not isinstance(matcher, whoosh3.W3LeafMatcher):
        raise _Unsupported(type(matcher).__name__)
    id_blocks, weight_blocks = [], []
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        id_blocks.append(np.asarray(matcher._ids, dtype=np.int64))
        weight_blocks.append(np.asarray(matcher._weights, dtype=np.float64))
        matcher._next_block()
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(id_blocks), np.concatenate(weight_blocks)


class _Run:
    """The scores of one query on one searcher."""

    def __init__(self, vectors: Vectors, searcher: Searcher, weighting: Weighting) -> None:
        self.vectors = vectors
        self.searcher = searcher
        self.weighting = weighting
        self.size = searcher.doc_count_all()
        self.state = state_key(searcher)
        self.average: dict[str, float] = {}  # each field's average length

    def node(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        kind = type(q)
        if q is wq.NullQuery or kind is type(wq.NullQuery):
            return np.zeros(self.size, dtype=bool), np.zeros(self.size)
        if kind is wq.Term or kind is ArticleTerm:
            return self.term(q)
        if kind is wq.Or:
            return self.union(q)
        if kind is wq.And:
            return self.intersection(q)
        if kind is wq.AndNot and getattr(q, "boost", 1.0) == 1.0:
            matched, scores = self.node(q.a)
            excluded, _ = self.node(q.b)
            matched = matched & ~excluded
            return matched, np.where(matched, scores, 0.0)
        raise _Unsupported(kind.__name__)

    def union(self, q: wq.Or) -> tuple[np.ndarray, np.ndarray]:
        if getattr(q, "scale", None) or getattr(q, "minmatch", 0):
            raise _Unsupported("Or with scale or minmatch")
        if all(type(sub) is wq.Term or type(sub) is ArticleTerm for sub in q.subqueries):
            matched, scores = self.terms(q.subqueries)
        else:
            matched = np.zeros(self.size, dtype=bool)
            scores = np.zeros(self.size)
            for sub in q.subqueries:
                m, s = self.node(sub)
                matched |= m
                scores += s
        return matched, scores * q.boost if q.boost != 1.0 else scores

    def terms(self, terms: list[wq.Term | ArticleTerm]) -> tuple[np.ndarray, np.ndarray]:
        """The union of terms. Each document's scores are added in the order of the
        terms (the same floating-point sums as the loop over whole arrays): when no
        term is kept whole, each term's scores added to its documents by
        ``np.add.at`` (unbuffered: in that order, as ``np.bincount`` of them all one
        after the other would, without copying them into one array), else term by
        term (:func:`_in_turn`). When every score is above 0, the documents matched
        are those whose sum is."""
        found = [(scores, _boost(q)) for q, scores in zip(terms, self.scored_all(terms),
                                                          strict=True) if scores is not None]
        if not found:
            return np.zeros(self.size, dtype=bool), np.zeros(self.size)
        if any(scores[2] is not None and boost == 1.0 for scores, boost in found):
            return _in_turn(found, self.size)
        sums = np.zeros(self.size)
        for scores, boost in found:
            np.add.at(sums, scores[0], _times(scores[1], boost))
        if all(scores[3] * boost > 0 for scores, boost in found):  # none 0 once boosted
            return sums > 0, sums
        matched = np.zeros(self.size, dtype=bool)
        for scores, _ in found:
            matched[scores[0]] = True
        return matched, sums

    def intersection(self, q: wq.And) -> tuple[np.ndarray, np.ndarray]:
        if not q.subqueries or all(isinstance(sub, wq.Not) for sub in q.subqueries):
            raise _Unsupported("only negations")
        matched = np.ones(self.size, dtype=bool)
        scores = np.zeros(self.size)
        for sub in q.subqueries:
            if isinstance(sub, wq.Not):
                excluded, _ = self.node(sub.query)
                matched &= ~excluded
                scores += 1.0  # Whoosh's InverseMatcher scores each document it passes 1.0
                continue
            m, s = self.node(sub)
            matched &= m
            scores += s
        scores = np.where(matched, scores, 0.0)
        return matched, scores * q.boost if q.boost != 1.0 else scores

    def postings(self, q: wq.Term) -> tuple[np.ndarray, np.ndarray, np.ndarray, float] | None:
        """The live documents having the term, its frequency in each, each one's
        field length and the field's average length (``None``: no document)."""
        searcher, field = self.searcher, q.fieldname
        schema = searcher.schema
        if field not in schema or not schema[field].scorable:
            raise _Unsupported(f"field {field}")
        try:
            btext = schema[field].to_bytes(q.text)
        except Exception as exc:  # noqa: BLE001 - Whoosh will say what is wrong
            raise _Unsupported(str(exc)) from None
        found = self.vectors.live(searcher, field, btext)
        if found is None:
            return None
        if field not in self.average:
            self.average[field] = searcher.avg_field_length(field) or 1
        return (*found, self.average[field])

    def idf(self, q: wq.Term) -> float:
        """The term's idf, as :meth:`Weighting.idf` gives it (from the remembered
        term dictionary entries)."""
        btext = self.searcher.schema[q.fieldname].to_bytes(q.text)
        frequency = self.vectors.terms.doc_frequency(self.searcher, q.fieldname, btext)
        return ranking.idf(self.searcher.doc_count_all(), frequency)

    def term(self, q: wq.Term | ArticleTerm) -> tuple[np.ndarray, np.ndarray]:
        matched = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size)
        found = self.sparse(q)
        if found is not None:
            matched[found[0]] = True
            scores[found[0]] = found[1]
        return matched, scores

    def sparse(self, q: wq.Term | ArticleTerm) -> tuple[np.ndarray, np.ndarray] | None:
        """The documents having the term and their scores (``None``: no document)."""
        scored = self.scored(q)
        if scored is None:
            return None
        return scored[0], _times(scored[1], _boost(q))

    def key(self, q: wq.Term | ArticleTerm) -> tuple[Any, ...]:
        """What a term's :data:`Scores` are remembered by: the index state, the term
        (an :class:`ArticleTerm`'s boosts included) and the weighting."""
        if type(q) is ArticleTerm:
            return (self.state, "", q.text, q.title_boost, q.boost, self.weighting.B,
                    self.weighting.K1)
        return (self.state, q.fieldname, q.text, self.weighting.B, self.weighting.K1)

    def scored_all(self, terms: list[wq.Term | ArticleTerm]) -> list[Scores | None]:
        """:meth:`scored` of each of ``terms``, the remembered ones looked up at once."""
        found = self.vectors.scores.get_all(list(map(self.key, terms)))
        return [self.scored(q) if scores is None else scores
                for q, scores in zip(terms, found, strict=True)]

    def article(self, q: ArticleTerm) -> Scores | None:
        """A word of the title and the body: its :data:`Scores`, boosts included
        (``None``: no document), remembered per index state and weighting."""
        B, K1 = self.weighting.B, self.weighting.K1
        key = self.key(q)
        remembered = self.vectors.scores
        found = remembered.get(key)
        if found is None:
            parts = [self.postings(wq.Term(field, q.text)) for field in article.FIELDS]
            if all(part is None for part in parts):
                return None
            searcher = self.searcher
            lengths = self.vectors.lengths(searcher, ARTICLE)
            average = sum(searcher.avg_field_length(f) or 0 for f in article.FIELDS) or 1
            docs, values, weight = article.article_scores(
                [None if p is None else (p[0], p[1]) for p in parts],
                lengths, average, self.size, K1, B)
            title = parts[0]  # its BM25 weighed by the article's idf
            if title is not None:
                docs, values = article.union(
                    [docs, title[0]], [_times(values, q.boost), _times(
                        article.bm25(title[1], title[2], title[3], weight, K1, B), q.title_boost)])
            else:
                values = _times(values, q.boost)
            # No whole arrays: remembered, they would crowd out the other words of a
            # long query.
            found = _scores(docs, values, None)
            remembered.put(key, found)
        return found

    def scored(self, q: wq.Term | ArticleTerm) -> Scores | None:
        """The term's :data:`Scores` before its boost (``None``: no document),
        remembered per index state and weighting (an :class:`ArticleTerm`'s: with
        its boosts, :meth:`article`)."""
        if type(q) is ArticleTerm:
            return self.article(q)
        key = self.key(q)
        remembered = self.vectors.scores
        found = remembered.get(key)
        if found is None:
            sparse = self.bm25(q)
            if sparse is None:
                return None
            docs, values = sparse
            found = _scores(docs, values, _dense(docs, values, self.size))
            remembered.put(key, found)
        return found

    def bm25(self, q: wq.Term) -> tuple[np.ndarray, np.ndarray] | None:
        """The term's documents and BM25 scores before its boost (``None``: no
        document), not remembered."""
        postings = self.postings(q)
        if postings is None:
            return None
        B, K1 = self.weighting.B, self.weighting.K1
        docs, tf, fl, avgfl = postings
        # Whoosh's bm25(), term by term, in the same order of operations.
        return docs, article.bm25(tf, fl, avgfl, self.idf(q), K1, B)


def _boost(q: wq.Term | ArticleTerm) -> float:
    """What a term's scores (:meth:`_Run.scored`) are still to be multiplied by."""
    return 1.0 if type(q) is ArticleTerm else q.boost


def _times(values: np.ndarray, boost: float) -> np.ndarray:
    return values * boost if boost != 1.0 else values


def _scores(docs: np.ndarray, values: np.ndarray,
            dense: tuple[np.ndarray, np.ndarray] | None) -> Scores:
    """A term's :data:`Scores`, its arrays made read-only (shared by the queries that
    read the term)."""
    for array in (docs, values, *(dense or ())):
        array.flags.writeable = False
    return docs, values, dense, float(values.min()) if len(values) else np.inf


def _in_turn(found: list[tuple[Scores, float]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """A union of terms (their scores and boosts), each term's scores added to its
    documents only (a term's documents are distinct), a common term's as whole
    arrays (+ 0.0 where the term is not: the same sums)."""
    matched = np.zeros(size, dtype=bool)
    scores = np.zeros(size)
    for (docs, values, dense, _lowest), boost in found:
        if dense is not None and boost == 1.0:
            matched |= dense[0]
            scores += dense[1]
            continue
        scores[docs] += _times(values, boost)
        matched[docs] = True
    return matched, scores


def _dense(docs: np.ndarray, values: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray] | None:
    """A common term's (in :data:`DENSE` of the documents or more) documents and
    scores as whole arrays (the mask, the scores with 0.0 elsewhere), else ``None``."""
    if len(docs) < DENSE * size:
        return None
    mask = np.zeros(size, dtype=bool)
    mask[docs] = True
    full = np.zeros(size)
    full[docs] = values
    return mask, full
