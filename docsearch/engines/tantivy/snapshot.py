"""One tantivy searcher as a :class:`~docsearch.engines.base.Snapshot`.

tantivy addresses a document by (segment, document in segment) and skips deleted
ones; the snapshot numbers the searcher's live documents ``0 .. size-1`` in
address order, once (:class:`Numbering`, from each segment's live documents:
:meth:`~docsearch.engines.tantivy.segments.SegmentCache.live`), so a snapshot has
no deleted numbers. Queries run in tantivy
(:mod:`~docsearch.engines.tantivy.compile`): a match or a scoring collects every
matching address and turns it into document numbers; the match-all query
(``Every``) is every number, with no search.

A text field's terms (sorted) and document frequencies are tantivy's (which,
like Whoosh, still counts deleted documents until a merge drops them). Ids, dates
(the ``date`` fast field) and keyword columns are gathered from the parts of
the snapshot's segments, each read once and kept under its segment's id
(:mod:`~docsearch.engines.tantivy.segments`, and saved beside the index, so a
new process reads no stored document for them, and the state's ids, dates and
each keyword column from one file each): after a commit only its new segments are read. A whole
stored document is decoded only when asked for (:class:`LazyDocs`: the stored
fields of a page's hits, the terms of the documents whose positions the
proximity bonus reads); collection frequencies and field lengths ("more like
this") still read every document, on first use, through the memory engine's
postings, whose answers this class inherits
(:class:`~docsearch.engines.memory.snapshot.MemorySnapshot`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import Any, overload

import attrs
import numpy as np
import tantivy

from docsearch.engines.base import KEYWORD_FIELDS, TEXT_FIELDS, Document
from docsearch.engines.memory.snapshot import MemorySnapshot
from docsearch.engines.tantivy.compile import SCORED, compile_query
from docsearch.engines.tantivy.derive import Layout, Renumbered, derive_column, derive_ids, renumber
from docsearch.engines.tantivy.schema import document_of
from docsearch.engines.tantivy.segments import (
    SegmentCache,
    SegmentMeta,
    Selected,
    gather_column,
    gather_dates,
    gather_ids,
)
from docsearch.search import querytree as qt
from docsearch.search.columns import Column
from docsearch.search.ranking import Scored

__all__ = ["SAVED_COLUMNS", "Hits", "LazyDocs", "Numbering", "TantivySnapshot", "places"]

#: The fields a query may name (the others match nothing).
QUERY_FIELDS = frozenset(("id", *TEXT_FIELDS, *KEYWORD_FIELDS))
#: The keyword columns a facet query reads, saved at a bulk load's end
#: (:meth:`TantivySnapshot.save_state`); ``hash`` and ``path`` (one value a
#: document, read by a sync) are not.
SAVED_COLUMNS = tuple(f for f in KEYWORD_FIELDS if f not in ("hash", "path"))


@attrs.frozen
class Hits:
    """What a search found: scores and addresses (segment, document in it), as arrays."""

    scores: np.ndarray
    segments: np.ndarray
    docs: np.ndarray


class Numbering:
    """Dense document numbers for a searcher's live addresses, in address order."""

    def __init__(self, live: Mapping[int, np.ndarray]) -> None:
        """``live``: the live documents (ascending) of each segment, by segment number."""
        self.segments = {s: docs for s, docs in sorted(live.items()) if len(docs)}
        self.starts: dict[int, int] = {}
        start = 0
        for segment, docs in self.segments.items():
            self.starts[segment] = start
            start += len(docs)
        self.size = start
        self._firsts = np.array(list(self.starts.values()), dtype=np.int64)
        self._order = list(self.segments)

    @classmethod
    def of_hits(cls, every: Hits) -> dict[int, np.ndarray]:
        """The live documents of each segment among ``every`` (a search for all)."""
        order = np.lexsort((every.docs, every.segments))
        segments, docs = every.segments[order], every.docs[order]
        return {s: docs[segments == s] for s in np.unique(segments).tolist()}

    def address(self, number: int) -> tuple[int, int]:
        """The (segment, document in segment) of a document number."""
        at = int(np.searchsorted(self._firsts, number, side="right")) - 1
        segment = self._order[at]
        return segment, int(self.segments[segment][number - self.starts[segment]])

    def numbers(self, hits: Hits) -> np.ndarray:
        """The document numbers of the live addresses of ``hits`` (in their order)."""
        out = np.empty(len(hits.docs), dtype=np.int64)
        for segment in np.unique(hits.segments).tolist():
            at = hits.segments == segment
            out[at] = self.starts[segment] + np.searchsorted(self.segments[segment],
                                                             hits.docs[at])
        return out


class LazyDocs(Sequence[Document]):
    """A snapshot's documents, each decoded from its stored record when first asked for."""

    def __init__(self, searcher: tantivy.Searcher, numbering: Numbering) -> None:
        self._searcher, self._numbering = searcher, numbering
        self._decoded: dict[int, Document] = {}

    def __len__(self) -> int:
        return self._numbering.size

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | Sequence[Document]:
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        found = self._decoded.get(index)
        if found is None:
            segment, doc = self._numbering.address(index)
            found = document_of(self._searcher.doc(tantivy.DocAddress(segment, doc)))
            self._decoded[index] = found
        return found


def places(terms: tuple[str, ...], term: str) -> list[int]:
    """Where ``term`` is in ``terms`` (``tuple.index`` scans in C)."""
    found: list[int] = []
    at = -1
    with contextlib.suppress(ValueError):
        while True:
            at = terms.index(term, at + 1)
            found.append(at)
    return found


_SCORE, _ADDRESS = itemgetter(0), itemgetter(1)
_SEGMENT, _DOC = attrgetter("segment_ord"), attrgetter("doc")


def _hits(searcher: tantivy.Searcher, query: tantivy.Query, limit: int) -> Hits:
    found = searcher.search(query, limit=max(limit, 1), count=False).hits
    count = len(found)
    addresses = list(map(_ADDRESS, found))  # map and attrgetter: no Python frame a hit
    return Hits(np.fromiter(map(_SCORE, found), np.float64, count),
                np.fromiter(map(_SEGMENT, addresses), np.int64, count),
                np.fromiter(map(_DOC, addresses), np.int64, count))


class TantivySnapshot(MemorySnapshot):
    """A :class:`docsearch.engines.base.Snapshot` over one tantivy searcher."""

    def __init__(self, key: str, searcher: tantivy.Searcher, schema: tantivy.Schema,
                 details: Mapping[str, Any], segments: SegmentCache,
                 metas: Sequence[SegmentMeta]) -> None:
        super().__init__(key, (), details)
        self.searcher, self.schema = searcher, schema
        self.numbering = Numbering(segments.live(metas, self._every))
        #: Whether ``meta.json`` names the searcher's segments (a state made from an
        #: earlier one needs their ids).
        self._named = self.numbering.size == searcher.num_docs
        if not self._named:  # meta.json and the searcher disagree
            self.numbering = Numbering(self._every())
        self.docs = LazyDocs(searcher, self.numbering)  # type: ignore[assignment]
        self.size = len(self.docs)
        self._segments, self._metas = segments, metas

    def _every(self) -> dict[int, np.ndarray]:
        """The live documents of each segment, as a search for every document finds them."""
        return Numbering.of_hits(_hits(self.searcher, tantivy.Query.all_query(),
                                       self.searcher.num_docs))

    @cached_property
    def _selected(self) -> list[Selected]:
        """The parts of the segments (read when first needed: a snapshot asked only for
        its size, or for whole documents, reads none)."""
        return self._segments.select(self.searcher, self._metas, self.numbering)

    def save_state(self) -> None:
        """Read (and save) the parts of the segments, and this state's ids, dates and
        :data:`SAVED_COLUMNS` (their files), now rather than at the first query."""
        self._ids_and_dates  # noqa: B018 - read for its effect
        for field in SAVED_COLUMNS:
            self.column(field)
        self._segments.save_unsaved(self.key)

    @cached_property
    def _layout(self) -> Layout:
        """This state: each segment's id and live documents, in numbering order."""
        return Layout(self.key, tuple(
            (self._metas[number].id if self._named else f"unnamed-{number}", docs)
            for number, docs in self.numbering.segments.items()), self._named)

    def _renumbered(self, earlier: Layout) -> tuple[Renumbered, list[Selected]] | None:
        """How the documents of ``earlier`` are numbered here, and the parts of the
        segments it did not hold (``None``: this state's segments are not named);
        worked out once per earlier state."""
        if not (self._named and earlier.named):
            return None
        found: tuple[Renumbered, list[Selected]] = self._once("renumbered", earlier.key, lambda: (
            self._moved(renumber(earlier, self._layout))))
        return found

    def _moved(self, moved: Renumbered) -> tuple[Renumbered, list[Selected]]:
        places = list(self.numbering.segments.items())
        return moved, self._segments.selected(self.searcher, self._metas,
                                              [places[place] for place, _ in moved.fresh])

    @cached_property
    def _ids_and_dates(self) -> tuple[list[str], np.ndarray]:
        def derive(earlier: Layout, known: tuple[list[str], np.ndarray],
                   ) -> tuple[list[str], np.ndarray] | None:
            found = self._renumbered(earlier)
            return None if found is None else derive_ids(*known, *found)

        return self._segments.state_ids(self._layout, lambda: (
            gather_ids(self._selected), gather_dates(self._selected)), derive)

    @cached_property
    def _ids(self) -> list[str]:
        return self._ids_and_dates[0]

    @cached_property
    def _dates(self) -> np.ndarray:
        return self._ids_and_dates[1]

    def column(self, field: str) -> Column:
        if field not in KEYWORD_FIELDS:
            return super().column(field)
        def derive(earlier: Layout, known: Column) -> Column | None:
            found = self._renumbered(earlier)
            return None if found is None else derive_column(known, *found, field)

        column: Column = self._once("column", field, lambda: self._segments.state_column(
            self._layout, field, lambda: gather_column(self._selected, field, self.size),
            derive))
        return column

    def has_field(self, field: str) -> bool:
        """Whether a query can name ``field`` in this index."""
        return field in QUERY_FIELDS

    def positions(self, field: str, term: str,
                  docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        out = {}
        for doc in docs:
            terms = getattr(self.docs[doc], f"{field}_terms", ()) if field in TEXT_FIELDS else ()
            where = places(terms, term)
            if where:
                out[int(doc)] = np.array(where, dtype=np.int64)
        return out

    def doc_frequency(self, field: str, term: str) -> int:
        if field in SCORED:
            return int(self.searcher.doc_freq(field, term))
        return super().doc_frequency(field, term)

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        if field not in TEXT_FIELDS:
            return super().terms(field, prefix)
        return iter(sorted(t for t, _ in self.searcher.terms_with_prefix(field, prefix)))

    def _run(self, node: Any) -> tuple[np.ndarray, np.ndarray]:
        """The document numbers ``node`` matches (ascending) and their scores."""
        hits = _hits(self.searcher, compile_query(self, node), self.size)
        docs = self.numbering.numbers(hits)
        order = np.argsort(docs, kind="stable")
        return docs[order], hits.scores[order]

    def match(self, node: Any) -> np.ndarray:
        if isinstance(node, qt.Every):  # every number is a live document
            return np.ones(self.size, dtype=bool)
        mask = np.zeros(self.size, dtype=bool)
        mask[self._run(node)[0]] = True
        return mask

    def score(self, node: Any, k1: float, b: float) -> Scored:
        """BM25 as tantivy scores it (its own ``k1`` and ``b``: the arguments are
        not used)."""
        return Scored(*self._run(node))
