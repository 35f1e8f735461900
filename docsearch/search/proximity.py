"""A bonus for the query's words found close together in an article's body.

A query of several words is first scored by BM25F, which does not look at where
the words are. The best :data:`WINDOW` hits are then scored again: each pair of
distinct query words ``(a, b)`` adds

    min(idf(a), idf(b)) * acc * (k1 + 1) / (acc + k1),   acc = sum of 1 / d**2

over every occurrence of ``a`` and of ``b`` at most :data:`SPAN` positions apart
(``d`` is the distance; stop words do not count), after the term-proximity
score of Rasolofo and Savoy (ECIR 2003). The bonus, times ``Ranking.proximity``,
is added to the score and the window re-sorted; hits past the window keep their
BM25F order, so a page beyond it is the same with or without the bonus. Positions
come from the index's postings (the body field stores them); no text is re-read.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec import whoosh3
from whoosh.searching import Searcher

__all__ = ["SPAN", "WINDOW", "bonuses", "query_words"]

#: How many of the best hits are scored again.
WINDOW = 100
#: The farthest apart (in positions) two words count as close.
SPAN = 5


def query_words(q: wq.Query, field: str = "body") -> list[str]:
    """The distinct words of ``field`` that ``q`` asks for, in query order (words
    under a ``NOT`` left out)."""
    words: list[str] = []

    def visit(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            visit(node.a)
            return
        if isinstance(node, wq.Term) and node.fieldname == field:
            text = node.text if isinstance(node.text, str) else node.text.decode("utf-8")
            if text not in words:
                words.append(text)
            return
        if isinstance(node, wq.Phrase) and node.fieldname == field:
            for text in node.words:
                if text not in words:
                    words.append(text)
            return
        for child in node.children():
            visit(child)

    visit(q)
    return words


def _positions(searcher: Searcher, field: str, word: str,
               docs: Sequence[int]) -> dict[int, np.ndarray]:
    """The positions of ``word`` in each of ``docs`` (ascending) that has it, read
    segment by segment: a postings block is opened only if it can hold one of the
    documents, and the documents are looked up in it by bisection (Whoosh's own
    ``skip_to`` steps through a block one posting at a time)."""
    found: dict[int, np.ndarray] = {}
    fieldobj = searcher.schema[field]
    btext = fieldobj.to_bytes(word)
    if (field, btext) not in searcher.reader():
        return found
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        if (field, btext) not in reader:
            continue
        end = offset + reader.doc_count_all()
        local = [d - offset for d in docs if offset <= d < end]
        if not local:
            continue
        matcher = reader._terms.matcher(field, btext, fieldobj.format)
        if isinstance(matcher, whoosh3.W3LeafMatcher):
            _from_blocks(matcher, local, offset, found)
        else:  # a short list kept with the term: the generic way
            for doc in local:
                if not matcher.is_active():
                    break
                if matcher.id() < doc:
                    matcher.skip_to(doc)
                if matcher.is_active() and matcher.id() == doc:
                    found[doc + offset] = np.asarray(matcher.value_as("positions"),
                                                     dtype=np.int64)
    return found


def _from_blocks(matcher: Any, local: list[int], offset: int,
                 found: dict[int, np.ndarray]) -> None:
    at = 0
    while at < len(local) and matcher.is_active():
        top = matcher.block_max_id()
        if top < local[at]:
            matcher._next_block()
            continue
        stop = bisect.bisect_right(local, top, at)
        if matcher._ids is None:
            matcher._read_ids()
        ids: Sequence[int] = matcher._ids
        for doc in local[at:stop]:
            i = bisect.bisect_left(ids, doc)
            if i < len(ids) and ids[i] == doc:
                matcher._i = i
                found[doc + offset] = np.asarray(matcher.value_as("positions"), dtype=np.int64)
        at = stop
        if at < len(local):
            matcher._next_block()


def bonuses(searcher: Searcher, words: Sequence[str], docs: Sequence[int], k1: float,
            field: str = "body") -> np.ndarray:
    """The proximity bonus (see the module docs) of each of ``docs``."""
    out = np.zeros(len(docs))
    if len(words) < 2 or not len(docs):
        return out
    ordered = sorted(set(docs))
    where = {doc: i for i, doc in enumerate(docs)}
    positions = {w: _positions(searcher, field, w, ordered) for w in words}
    idf = {w: searcher.idf(field, w) for w in words}
    saturation = k1 if k1 > 0 else 1.0
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            weight = min(idf[a], idf[b])
            shared = positions[a].keys() & positions[b].keys()
            for doc in shared:
                gaps = np.abs(np.subtract.outer(positions[a][doc], positions[b][doc]))
                near = gaps[(gaps > 0) & (gaps <= SPAN)]
                if not len(near):
                    continue
                acc = float(np.sum(1.0 / near.astype(np.float64) ** 2))
                out[where[doc]] += weight * acc * (saturation + 1) / (acc + saturation)
    return out
