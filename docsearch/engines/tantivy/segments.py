"""Each document's id, keywords and date, read once per tantivy segment, and
which documents of each segment are live.

A segment never changes once written (a delete only hides a document), so what
was read from it stays true for every later snapshot that still holds it.
:class:`SegmentCache` (one per backend) keeps a :class:`SegmentPart` under each
segment's id; a snapshot gathers its ids (:func:`gather_ids`), dates
(:func:`gather_dates`) and keyword columns (:func:`gather_column`) from the
parts of its segments with numpy, keeping the documents it holds live. After a
commit only the new segments (and those tantivy merged into new ones) are read.
A part's ids and keywords come from the stored record
(:func:`~docsearch.engines.tantivy.schema.id_and_keywords`, which decodes only
them), its dates from the ``date`` fast field; its columns are the memory
engine's, built per field on first use.

The live documents of a segment (:meth:`SegmentCache.live`) come from
``meta.json`` (:class:`SegmentMeta`): all of them when it has no deletes; else
those a search for every document finds, kept under the segment's id and its
deletes (a segment's deletes only grow, so the same count is the same set), so
a commit that adds a segment searches for nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import tantivy

from docsearch.engines.memory.snapshot import _keyword_column
from docsearch.engines.tantivy.schema import id_and_keywords
from docsearch.search.columns import Column

if TYPE_CHECKING:
    from docsearch.engines.tantivy.snapshot import Numbering

__all__ = ["Light", "SegmentCache", "SegmentMeta", "SegmentPart", "Selected", "gather_column",
           "gather_dates", "gather_ids"]


@attrs.frozen
class Light:
    """What every search needs of one document besides its date: id and keywords."""

    id: str
    keywords: Mapping[str, tuple[str, ...]]


@attrs.frozen
class SegmentMeta:
    """One segment as ``meta.json`` names it: its id, how many documents it was
    written with, and its deletes (how many, and the operation that made the last)."""

    id: str
    max_doc: int
    deleted: int = 0
    deletes_opstamp: int | None = None

    @classmethod
    def of(cls, entry: Mapping[str, Any]) -> SegmentMeta:
        """The segment of one entry of ``meta.json``'s ``segments``."""
        deletes = entry.get("deletes") or {}
        return cls(entry["segment_id"], int(entry["max_doc"]),
                   int(deletes.get("num_deleted_docs", 0)), deletes.get("opstamp"))


def _light(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> Light:
    article_id, keywords = id_and_keywords(searcher.doc(address))
    return Light(article_id, {k: tuple(v) for k, v in keywords.items()})


def _dates(searcher: tantivy.Searcher, segment: int, docs: Sequence[int]) -> np.ndarray:
    """The ``date`` fast field of documents of one segment (0: none)."""
    addresses = [tantivy.DocAddress(segment, doc) for doc in docs]
    values = searcher.fast_field_values("date", addresses) if addresses else []
    return np.array([v or 0 for v in values], dtype=np.int64)


class SegmentPart:
    """The documents of one segment that were live when it was read: their numbers
    in the segment (ascending), ids, dates and keyword columns (numbered by position)."""

    def __init__(self, docs: np.ndarray, lights: Sequence[Light], dates: np.ndarray) -> None:
        self.docs = docs
        self.ids = np.array([light.id for light in lights], dtype=object)
        self.dates = dates
        self._lights = lights
        self._columns: dict[str, Column] = {}

    def covers(self, docs: np.ndarray) -> bool:
        """Whether every one of ``docs`` (ascending) was read."""
        at = np.searchsorted(self.docs, docs)
        return bool(np.all(at < len(self.docs)) and
                    np.array_equal(self.docs[np.minimum(at, len(self.docs) - 1)], docs))

    def column(self, field: str) -> Column:
        """The keyword column of ``field`` over this part's documents."""
        found = self._columns.get(field)
        if found is None:  # two threads may build it alike: the last one is kept
            found = self._columns[field] = _keyword_column(
                self._lights, field)  # type: ignore[arg-type]  # it reads .keywords only
        return found



#: A snapshot's part of one segment, and the positions in it of the live documents.
Selected = tuple[SegmentPart, np.ndarray]


class SegmentCache:
    """The :class:`SegmentPart` of each segment, under the segment's id (the parts
    of segments no longer in the index are dropped)."""

    def __init__(self) -> None:
        self._parts: dict[str, SegmentPart] = {}
        self._live: dict[SegmentMeta, np.ndarray] = {}
        self._lock = threading.Lock()

    def live(self, segments: Sequence[SegmentMeta],
             every: Callable[[], Mapping[int, np.ndarray]]) -> dict[int, np.ndarray]:
        """The live documents (ascending) of each of ``segments`` (by segment number);
        ``every`` finds those of every segment by a search, asked for only when a
        segment has deletes not seen before."""
        with self._lock:
            self._live = {s: self._live[s] for s in segments if s in self._live}
            if any(s.deleted and s not in self._live for s in segments):
                found = every()
                for number, segment in enumerate(segments):
                    if segment.deleted:
                        self._live[segment] = found.get(number, np.zeros(0, dtype=np.int64))
            return {number: self._live[s] if s.deleted else np.arange(s.max_doc, dtype=np.int64)
                    for number, s in enumerate(segments)}

    def select(self, searcher: tantivy.Searcher, segment_ids: Sequence[str],
               numbering: Numbering) -> list[Selected]:
        """The part of each of ``numbering``'s segments and where its live documents
        are in it, in ``numbering``'s order (``segment_ids``: each segment's id, by
        segment number); a segment not read yet is read."""
        with self._lock:
            self._parts = {s: self._parts[s] for s in segment_ids if s in self._parts}
            out = []
            for segment, docs in numbering.segments.items():
                part = self._parts.get(segment_ids[segment])
                if part is None or not part.covers(docs):
                    listed = docs.tolist()
                    lights = [_light(searcher, tantivy.DocAddress(segment, doc))
                              for doc in listed]
                    part = self._parts[segment_ids[segment]] = SegmentPart(
                        docs, lights, _dates(searcher, segment, listed))
                out.append((part, np.searchsorted(part.docs, docs)))
            return out


def gather_ids(selected: Sequence[Selected]) -> list[str]:
    """Each live document's id, in document-number order."""
    if not selected:
        return []
    ids: list[str] = np.concatenate([part.ids[where] for part, where in selected]).tolist()
    return ids


def gather_dates(selected: Sequence[Selected]) -> np.ndarray:
    """Each live document's date number, in document-number order."""
    return _joined([part.dates[where] for part, where in selected], np.int64)


def gather_column(selected: Sequence[Selected], field: str, size: int) -> Column:
    """The keyword column of ``field`` over the live documents (numbered in order)."""
    docs, ords, part_values = [], [], []
    start = 0
    for part, where in selected:
        column = part.column(field)
        dense = np.full(len(part.docs), -1, dtype=np.int64)
        dense[where] = np.arange(start, start + len(where))
        numbers = dense[column.docs]
        keep = numbers >= 0
        docs.append(numbers[keep])
        ords.append(column.ords[keep])
        used = np.unique(ords[-1]).tolist()
        part_values.append((column.values, used))
        start += len(where)
    # Each part's values are sorted: sorting them all merges runs.
    values = list(dict.fromkeys(sorted(chain.from_iterable(
        map(local.__getitem__, used) for local, used in part_values))))
    index = {value: n for n, value in enumerate(values)}
    for n, (local, used) in enumerate(part_values):
        to_global = np.zeros(len(local), dtype=np.int32)
        to_global[used] = [index[local[o]] for o in used]
        ords[n] = to_global[ords[n]]
    return Column(values, _joined(docs, np.int64), _joined(ords, np.int32), size)


def _joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)
