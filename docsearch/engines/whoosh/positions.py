"""Positions of a term in chosen documents, read from Whoosh's postings block by block.

The proximity bonus (:mod:`docsearch.search.proximity`) needs the positions of
the query's words in the best hundred hits only. A postings block is opened only
if it can hold one of the documents, and the documents are looked up in it by
bisection (Whoosh's own ``skip_to`` steps through a block one posting at a time).
Opening a block (decompressing and unpickling all its postings) is most of the
cost, so what was read is remembered (:class:`Remembered`): a word's positions in
a document, or that the document has not the word, for the last
:data:`POSITIONS_CACHE` documents of terms read, so that the next page, a facet
click or the same query again reads no block.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.searching import Searcher

from docsearch.engines.whoosh.recent import Recent
from docsearch.engines.whoosh.state import segment_key, state_key
from docsearch.engines.whoosh.terms import TermInfos, matcher

__all__ = ["POSITIONS_CACHE", "Remembered", "positions"]

#: How many (term, document) positions are remembered, the terms used last kept.
POSITIONS_CACHE = 200_000

#: A segment's term's positions by (segment-local) document; ``None``: not there.
Known = dict[int, "np.ndarray | None"]


class Remembered:
    """The positions read of each segment's terms (:data:`POSITIONS_CACHE` at most)."""

    def __init__(self) -> None:
        self._known: Recent[Known] = Recent(POSITIONS_CACHE, len)
        # The same over a whole index state (document numbers of the state), so that
        # documents read before are found with one look-up, not one per segment.
        self._states: Recent[Known] = Recent(POSITIONS_CACHE, len)

    def known(self, reader: Any, field: str, btext: bytes) -> Known:
        """What is known of the term's positions in the segment's documents (not to be
        changed: :meth:`learn` replaces it)."""
        return self._known.get((*segment_key(reader), field, btext)) or {}

    def learn(self, reader: Any, field: str, btext: bytes, known: Known) -> None:
        """Remember what is known now (a new mapping: what :meth:`known` gave with the
        positions just read added; ``None``: the document has not the term)."""
        self._known.put((*segment_key(reader), field, btext), known)

    def in_state(self, key: tuple[str, str, str]) -> Known:
        """What is known of a term's positions over an index state (``key``: the
        state, the field, the word), by the state's document numbers."""
        return self._states.get(key) or {}

    def learn_state(self, key: tuple[str, str, str], known: Known) -> None:
        self._states.put(key, known)


def positions(searcher: Searcher, field: str, word: str, docs: Sequence[int],
              terms: TermInfos | None = None,
              remembered: Remembered | None = None) -> dict[int, np.ndarray]:
    """The positions of ``word`` in each of ``docs`` (ascending) that has it, read
    segment by segment: a postings block is opened only if it can hold one of the
    documents, and the documents are looked up in it by bisection (Whoosh's own
    ``skip_to`` steps through a block one posting at a time). ``terms``: where
    the segments' term dictionary entries are remembered; ``remembered``: where
    positions read before are (over the index state: documents read before cost
    one look-up each)."""
    remembered = remembered or Remembered()
    key = (state_key(searcher), field, word)
    whole = remembered.in_state(key)
    try:
        return {doc: where for doc in docs if (where := whole[doc]) is not None}
    except KeyError:
        pass  # some not read yet in this state
    found = _by_segment(searcher, field, word, docs, terms or TermInfos(), remembered)
    remembered.learn_state(key, {**whole, **dict.fromkeys(docs), **found})
    return found


def _by_segment(searcher: Searcher, field: str, word: str, docs: Sequence[int],
                terms: TermInfos, remembered: Remembered) -> dict[int, np.ndarray]:
    """:func:`positions` read (or remembered) segment by segment."""
    found: dict[int, np.ndarray] = {}
    btext = searcher.schema[field].to_bytes(word)
    infos = terms.infos(searcher, field, btext)
    for (leaf, offset), info in zip(searcher.leaf_searchers(), infos, strict=True):
        reader = leaf.reader()
        if info is None:
            continue
        end = offset + reader.doc_count_all()
        local = [d - offset for d in docs[bisect.bisect_left(docs, offset):
                                          bisect.bisect_left(docs, end)]]
        if not local:
            continue
        known = remembered.known(reader, field, btext)
        missing = [doc for doc in local if doc not in known]
        if missing:
            read: Known = dict.fromkeys(missing)
            _read(matcher(reader, field, btext, info), missing, read)
            known = {**known, **read}
            remembered.learn(reader, field, btext, known)
        for doc in local:
            if (where := known[doc]) is not None:
                found[doc + offset] = where
    return found


def _read(postings: Any, local: list[int], found: Known) -> None:
    """The positions of the (segment-local, ascending) documents ``local`` that have
    the term, into ``found``."""
    if isinstance(postings, whoosh3.W3LeafMatcher):
        _from_blocks(postings, local, found)
        return
    for doc in local:  # a short list kept with the term: the generic way
        if not postings.is_active():
            break
        if postings.id() < doc:
            postings.skip_to(doc)
        if postings.is_active() and postings.id() == doc:
            found[doc] = _array(postings.value_as("positions"))


def _array(values: Any) -> np.ndarray:
    out = np.asarray(values, dtype=np.int64)
    out.flags.writeable = False  # remembered, and shared by the searches that read it
    return out


def _from_blocks(matcher: Any, local: list[int], found: Known) -> None:
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
                found[doc] = _array(matcher.value_as("positions"))
        at = stop
        if at < len(local):
            matcher._next_block()
