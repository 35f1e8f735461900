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

The bonus asks for ten words in two fields of a hundred hits at once
(:func:`occurrences`): what is known of an index state is also held as sorted
arrays (:class:`_Arrays`), one key per (term, document) read, so that the
occurrences of every term in every hit are found by one binary search of all the
keys, not by a dictionary probe per term and document.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.searching import Searcher

from docsearch.engines.whoosh.recent import Recent
from docsearch.engines.whoosh.state import segment_key, state_key
from docsearch.engines.whoosh.terms import TermInfos, matcher

__all__ = ["ARRAYS_KEPT", "POSITIONS_CACHE", "Remembered", "occurrences", "positions"]

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
        self._arrays: dict[str, _Arrays] = {}  # by index state, the newest last
        self._lock = threading.Lock()

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

    def arrays(self, state: str) -> _Arrays:
        """What is known of the positions of terms in an index state, as arrays (those
        of the states asked for last)."""
        with self._lock:
            found = self._arrays.get(state)
            if found is None:
                found = self._arrays[state] = _Arrays()
                while len(self._arrays) > STATES_KEPT:
                    del self._arrays[next(iter(self._arrays))]
        return found


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


#: How many (term, document) pairs an index state's arrays hold at most (then they
#: start again from what a search asks); their positions, four times as many.
ARRAYS_KEPT = POSITIONS_CACHE
#: Of how many index states the arrays are kept (the newest).
STATES_KEPT = 2
#: A (term, document) pair's key: the term's number above these bits, the document below.
_DOC_BITS = 32
_DOCS = (1 << _DOC_BITS) - 1

#: Occurrences as three columns: the document's place in the documents asked for,
#: the position, the term's number in the terms asked for.
Columns = tuple[np.ndarray, np.ndarray, np.ndarray]


class _Growing:
    """An ``int64`` array that grows at its end (its room doubled when full): a view
    of what it held stays as it was while it grows."""

    def __init__(self) -> None:
        self._room = np.zeros(1024, dtype=np.int64)
        self._used = 0

    def extend(self, values: np.ndarray) -> None:
        end = self._used + len(values)
        if end > len(self._room):
            room = np.zeros(max(end, 2 * len(self._room)), dtype=np.int64)
            room[:self._used] = self._room[:self._used]
            self._room = room
        self._room[self._used:end] = values
        self._used = end

    def view(self) -> np.ndarray:
        return self._room[:self._used]


class _Arrays:
    """What is known of the positions of terms in one index state: a key per (term,
    document) read (``number << 32 | document``), ascending, with the range of the
    document's positions in one array (an empty range: the document has not the
    term). A term read again gets the next number, its keys written anew at the end
    with the new documents' (those of its old number are not looked for again), so
    the arrays only grow at their end: :attr:`held` (views of them) stays as it was
    for a search reading it while another adds. Past :data:`ARRAYS_KEPT` keys they
    start again."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self._next = 0  # numbers are never given twice
        self.lock = threading.Lock()
        self._start_again()

    def _start_again(self) -> None:
        self._numbers.clear()
        self._columns = [_Growing() for _ in range(4)]  # keys, starts, stops, positions
        self.held: tuple[np.ndarray, ...] = tuple(c.view() for c in self._columns)

    def numbers(self, terms: Sequence[tuple[str, str]]) -> np.ndarray:
        """Each term's number (-1: never read in this state)."""
        get = self._numbers.get
        return np.array([get(term, -1) for term in terms], dtype=np.int64)

    def full(self, more: int) -> bool:
        """Whether ``more`` keys would take the arrays past :data:`ARRAYS_KEPT` (or
        their positions past four times as many)."""
        keys, _starts, _stops, flat = self.held
        return len(keys) + more > ARRAYS_KEPT or len(flat) > 4 * ARRAYS_KEPT

    def add(self, terms: Sequence[tuple[str, str]], docs: Sequence[np.ndarray],
            found: Sequence[np.ndarray | None]) -> None:
        """Hold each term's new ``docs`` (ascending, none held; ``found``: their
        positions one after another, ``None``: not there), with what was held of the
        term, under the term's next number."""
        keys, starts, stops, flat = self.held
        counts = np.array([0 if p is None else len(p) for p in found], dtype=np.int64)
        ends = len(flat) + np.cumsum(counts)
        term = np.repeat(np.arange(len(terms)), [len(d) for d in docs])
        columns = [np.concatenate(docs), ends - counts, ends]
        old = [(i, n) for i, t in enumerate(terms) if (n := self._numbers.get(t)) is not None]
        if old:  # what was held of the terms read again, moved to their new numbers
            bounds = np.searchsorted(keys, [n << _DOC_BITS for _i, n in old] +
                                     [(n + 1) << _DOC_BITS for _i, n in old])
            at = _ranges(bounds[:len(old)], bounds[len(old):])
            term = np.concatenate([term, np.repeat([i for i, _n in old],
                                                   bounds[len(old):] - bounds[:len(old)])])
            columns = [np.concatenate([column, held]) for column, held in
                       zip(columns, (keys[at] & _DOCS, starts[at], stops[at]), strict=True)]
        order = np.lexsort((columns[0], term))
        first, self._next = self._next, self._next + len(terms)
        for i, t in enumerate(terms):
            self._numbers[t] = first + i
        held_keys, held_starts, held_stops, positions = self._columns
        held_keys.extend((first + term[order]) << _DOC_BITS | columns[0][order])
        held_starts.extend(columns[1][order])
        held_stops.extend(columns[2][order])
        parts = [p for p in found if p is not None and len(p)]
        if parts:
            positions.extend(np.concatenate(parts))
        self.held = tuple(c.view() for c in self._columns)


def _ranges(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The indices of each range ``starts[i]:stops[i]`` one after another."""
    counts = stops - starts
    begins = np.cumsum(counts) - counts
    return np.repeat(starts - begins, counts) + np.arange(int(counts.sum()))


def occurrences(searcher: Searcher, terms: Sequence[tuple[str, str]], docs: Sequence[int],
                infos: TermInfos, remembered: Remembered) -> Columns:
    """Every occurrence of each of ``terms`` ((field, word) pairs, distinct) in each of
    ``docs`` (distinct document numbers, in any order) as :data:`Columns`; what the
    index state's arrays do not hold yet is read (:func:`_by_segment`) and added to
    them. The keys are looked for in ascending order (a binary search that starts
    where the last one ended)."""
    arrays = remembered.arrays(state_key(searcher))
    asked = np.asarray(docs, dtype=np.int64)
    by_doc = np.argsort(asked)
    ordered = asked[by_doc]
    held = arrays.held
    by_number, at, known = _find(held[0], arrays.numbers(terms), ordered)
    if not known.all():
        with arrays.lock:
            _learn(searcher, terms, ordered, infos, remembered, arrays)
            held = arrays.held
            by_number, at, known = _find(held[0], arrays.numbers(terms), ordered)
    _keys, starts, stops, flat = held
    start = starts[at]
    counts = stops[at] - start
    found = np.flatnonzero(counts)
    counts, start = counts[found], start[found]
    place = flat[_ranges(start, start + counts)]
    width = max(1, len(asked))
    return (np.repeat(by_doc[found % width], counts), place,
            np.repeat(by_number[found // width], counts))


def _find(keys: np.ndarray, numbers: np.ndarray,
          docs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The terms (their ``numbers``) in ascending order of number, and where the key
    of each of them and of each of ``docs`` (ascending) is in ``keys``, and whether it
    is (a term never read: -1, not there)."""
    by_number = np.argsort(numbers)
    wanted = (numbers[by_number][:, None] << _DOC_BITS | docs).ravel()
    at = np.searchsorted(keys, wanted)
    if not len(keys):
        return by_number, at, np.zeros(wanted.shape, dtype=bool)
    return by_number, at, keys[np.minimum(at, len(keys) - 1)] == wanted


def _learn(searcher: Searcher, terms: Sequence[tuple[str, str]], docs: np.ndarray,
           infos: TermInfos, remembered: Remembered, arrays: _Arrays) -> None:
    """Read what ``arrays`` do not hold of ``terms`` in ``docs`` (ascending) into them
    (all of it, the arrays started again, when it would take them past
    :data:`ARRAYS_KEPT`)."""
    by_number, _at, known = _find(arrays.held[0], arrays.numbers(terms), docs)
    missing = np.empty((len(terms), len(docs)), dtype=bool)
    missing[by_number] = ~known.reshape(len(terms), len(docs))
    if arrays.full(int(missing.sum())):
        arrays._start_again()
        missing[:] = True
    rows = np.flatnonzero(missing.any(axis=1)).tolist()
    news = [docs[missing[row]] for row in rows]
    found: list[np.ndarray | None] = []
    for row, new in zip(rows, news, strict=True):
        field, word = terms[row]
        read = (_by_segment(searcher, field, word, new.tolist(), infos, remembered)
                if field in searcher.schema else {})
        found.extend(read.get(doc) for doc in new.tolist())
    if rows:
        arrays.add([terms[row] for row in rows], news, found)


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
