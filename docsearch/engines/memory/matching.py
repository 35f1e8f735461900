"""Matching and scoring docsearch's query tree over a memory snapshot.

Every node becomes a boolean mask over the snapshot's documents (the boolean
algebra is numpy's), and, for scoring, a float array beside it. A term of a text
field reads its postings; a phrase checks positions (each word after the one
before it, at most ``slop`` positions on); a prefix, wildcard, fuzzy term or
range expands to the field's terms (fuzzy: the Levenshtein distance, as Whoosh
counts it: a transposition is two edits; with a common first ``prefix_length``
characters; range: in text order, both ends included).
A keyword field's term is one value of its column; ``id`` terms are article ids.

Scores are BM25: a word asked of the title and the body in one ``Or`` (as the
parser asks a plain word) scores as a word of the whole article
(:mod:`docsearch.search.article`); any other text term scores
``boost × idf × tf (k1 + 1) / (tf + k1 (1 - b + b × length / average length))``
with Lucene's ``idf = ln(1 + (N - df + 0.5) / (df + 0.5))``
(:func:`docsearch.search.ranking.idf`, as the Whoosh engine's); a phrase scores as the sum
of its words; keyword terms and expanded terms score their boost, ``Every`` and
``Not`` 1; ``And`` and ``Or`` add the scores of their matching children,
``AndMaybe`` adds the optional part's where it matches, ``AndNot`` keeps the
positive part's. The formula is not Whoosh's exactly: engines agree on what
matches, not on scores.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from docsearch.engines.base import TEXT_FIELDS
from docsearch.search import article
from docsearch.search import querytree as qt
from docsearch.search.ranking import Scored, idf

if TYPE_CHECKING:
    from docsearch.engines.memory.snapshot import MemorySnapshot

__all__ = ["expansion", "in_order", "match", "score"]

#: (mask, scores) of one node: scores are 0 where the mask is False.
Answer = tuple[np.ndarray, np.ndarray]
#: The nodes that stand for the terms they expand to (:func:`expansion`).
Expandable = qt.Expandable


def match(snapshot: MemorySnapshot, node: qt.Node) -> np.ndarray:
    """A boolean mask of the documents ``node`` matches."""
    return _Evaluator(snapshot, 0.9, 0.4).answer(node)[0]


def score(snapshot: MemorySnapshot, node: qt.Node, k1: float, b: float) -> Scored:
    """The documents ``node`` matches, ascending, with their BM25F scores."""
    mask, scores = _Evaluator(snapshot, k1, b).answer(node)
    docs = np.flatnonzero(mask).astype(np.int64)
    return Scored(docs, scores[docs])


class _Evaluator:
    def __init__(self, snapshot: MemorySnapshot, k1: float, b: float) -> None:
        self.snapshot = snapshot
        self.size = snapshot.size
        self.k1, self.b = float(k1), float(b)

    # ---------------------------------------------------------------- helpers

    def _empty(self) -> Answer:
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def _constant(self, mask: np.ndarray, boost: float) -> Answer:
        return mask, np.where(mask, float(boost), 0.0)

    def _mask_of(self, docs: np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[docs] = True
        return mask

    # ---------------------------------------------------------------- nodes

    def answer(self, node: qt.Node) -> Answer:
        method = getattr(self, f"_{type(node).__name__.lower()}", None)
        if method is None:
            raise TypeError(f"the memory engine cannot match a {type(node).__name__}")
        result: Answer = method(node)
        return result

    def _every(self, node: qt.Every) -> Answer:
        return self._constant(np.ones(self.size, dtype=bool), 1.0)

    def _nothing(self, node: qt.Nothing) -> Answer:
        return self._empty()

    def _term(self, node: qt.Term) -> Answer:
        if node.field in TEXT_FIELDS:
            return self._text_term(node.field, node.text, node.boost)
        return self._constant(self._mask_of(self._keyword_docs(node.field, node.text)),
                              node.boost)

    def _keyword_docs(self, field: str, value: str) -> np.ndarray:
        if field == "id":
            found = self.snapshot.find(value)
            return np.array([] if found is None else [found], dtype=np.int64)
        return self.snapshot.keyword_docs(field, value)

    def _text_term(self, field: str, term: str, boost: float,
                   weight: float | None = None) -> Answer:
        """A term's BM25 in ``field`` times ``boost`` (``weight``: the idf, if not
        the field's own)."""
        postings = self.snapshot.postings(field).get(term)
        if postings is None:
            return self._empty()
        lengths = self.snapshot.lengths(field)
        average = lengths.mean() if self.size else 1.0
        average = average if average > 0 else 1.0
        if weight is None:
            weight = idf(self.size, len(postings.docs))
        tf = postings.freqs.astype(float)
        norm = self.k1 * (1 - self.b + self.b * lengths[postings.docs] / average)
        mask, scores = self._empty()
        mask[postings.docs] = True
        scores[postings.docs] = boost * weight * tf * (self.k1 + 1) / (tf + norm)
        return mask, scores

    def _article(self, pair: article.Pair) -> Answer:
        """A word of the title and the body, scored as the article's
        (:mod:`docsearch.search.article`)."""
        found = [self.snapshot.postings(f).get(pair.text) for f in article.FIELDS]
        lengths = np.add(*(self.snapshot.lengths(f) for f in article.FIELDS))
        average = float(lengths.mean()) if self.size else 1.0
        docs, values, weight = article.article_scores(
            [None if p is None else (p.docs, p.freqs.astype(float)) for p in found],
            lengths, average if average > 0 else 1.0, self.size, self.k1, self.b)
        mask, scores = self._text_term("title", pair.text, pair.title_boost, weight)
        mask[docs] = True
        scores[docs] += pair.boost * values
        return mask, scores

    def _phrase(self, node: qt.Phrase) -> Answer:
        words = list(node.terms)
        if not words:
            return self._empty()
        parts = [self._text_term(node.field, w, node.boost) for w in words]
        candidates = np.logical_and.reduce([m for m, _ in parts])
        if len(words) > 1:
            candidates = in_order(self.snapshot, node.field, words,
                                  np.flatnonzero(candidates), node.slop)
        total = np.sum([s for _, s in parts], axis=0)
        return candidates, np.where(candidates, total, 0.0)

    def _expanded(self, field: str, terms: Iterable[str], boost: float) -> Answer:
        """Documents holding any of ``terms``, scoring ``boost``."""
        terms = list(terms)
        if field in TEXT_FIELDS:
            postings = self.snapshot.postings(field)
            docs = [postings[t].docs for t in terms]
        else:
            docs = [self._keyword_docs(field, t) for t in terms]
        every = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
        return self._constant(self._mask_of(every), boost)

    def _prefix(self, node: Expandable) -> Answer:
        return self._expanded(node.field, expansion(self.snapshot, node), node.boost)

    _wildcard = _fuzzy = _termrange = _prefix

    def _and(self, node: qt.And) -> Answer:
        parts = [self.answer(child) for child in node.children]
        if not parts:
            return self._empty()
        mask = np.logical_and.reduce([m for m, _ in parts])
        return mask, np.where(mask, np.sum([s for _, s in parts], axis=0), 0.0)

    def _or(self, node: qt.Or) -> Answer:
        parts = [self._article(child) if isinstance(child, article.Pair) else self.answer(child)
                 for child in article.pairs(node.children)]
        if not parts:
            return self._empty()
        mask = np.logical_or.reduce([m for m, _ in parts])
        return mask, np.sum([s for _, s in parts], axis=0)

    def _not(self, node: qt.Not) -> Answer:
        inner, _ = self.answer(node.child)
        return self._constant(~inner, 1.0)

    def _andmaybe(self, node: qt.AndMaybe) -> Answer:
        mask, scores = self.answer(node.required)
        _, extra = self.answer(node.optional)
        return mask, np.where(mask, scores + extra, 0.0)

    def _andnot(self, node: qt.AndNot) -> Answer:
        mask, scores = self.answer(node.positive)
        banned, _ = self.answer(node.negative)
        keep = mask & ~banned
        return keep, np.where(keep, scores, 0.0)



def expansion(snapshot: MemorySnapshot, node: Expandable) -> list[str]:
    """The terms of the snapshot a prefix, wildcard, fuzzy term or range stands for."""
    return qt.expand(node, snapshot.terms)


def in_order(snapshot: MemorySnapshot, field: str, words: list[str], docs: np.ndarray,
             slop: int) -> np.ndarray:
    """A mask of the documents among ``docs`` where the words follow each other, each
    at most ``slop`` positions after the one before (by ``snapshot.positions``)."""
    where = [snapshot.positions(field, w, docs.tolist()) for w in words]
    mask = np.zeros(snapshot.size, dtype=bool)
    for doc in docs.tolist():
        reach = where[0].get(doc, np.zeros(0, dtype=np.int64))
        for positions in where[1:]:
            reach = _followers(reach, positions.get(doc, np.zeros(0, dtype=np.int64)),
                               max(int(slop), 1))
            if not len(reach):
                break
        mask[doc] = bool(len(reach))
    return mask


def _followers(reach: np.ndarray, positions: np.ndarray, slop: int) -> np.ndarray:
    """The ``positions`` at 1 to ``slop`` places after one of ``reach``."""
    if not len(reach) or not len(positions):
        return np.zeros(0, dtype=np.int64)
    gaps = positions[None, :] - reach[:, None]
    return positions[((gaps >= 1) & (gaps <= slop)).any(axis=0)]
