"""Each document's id and keywords, read once per tantivy segment.

A segment never changes once written (a delete only hides a document), so what
was read from it stays true for every later snapshot that still holds it.
:class:`SegmentCache` (one per backend) keeps a :class:`SegmentPart` under each
segment's id; a snapshot gathers its ids (:func:`gather_ids`) and keyword columns
(:func:`gather_column`) from the parts of its segments with numpy, keeping the
documents it holds live. After a commit only the new segments (and those tantivy
merged into new ones) are read. A part's ids and keywords come from the stored
record (:func:`~docsearch.engines.tantivy.schema.id_and_keywords`, which decodes
only them); its columns are the memory engine's, built per field on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import attrs
import numpy as np
import tantivy

from docsearch.engines.memory.snapshot import _keyword_column
from docsearch.engines.tantivy.schema import id_and_keywords
from docsearch.search.columns import Column

if TYPE_CHECKING:
    from docsearch.engines.tantivy.snapshot import Numbering

__all__ = ["Light", "SegmentCache", "SegmentPart", "Selected", "gather_column", "gather_ids"]


@attrs.frozen
class Light:
    """What every search needs of one document besides its date: id and keywords."""

    id: str
    keywords: Mapping[str, tuple[str, ...]]


def _light(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> Light:
    article_id, keywords = id_and_keywords(searcher.doc(address))
    return Light(article_id, {k: tuple(v) for k, v in keywords.items()})


class SegmentPart:
    """The documents of one segment that were live when it was read: their numbers
    in the segment (ascending), ids and keyword columns (numbered by position)."""

    def __init__(self, docs: np.ndarray, lights: Sequence[Light]) -> None:
        self.docs = docs
        self.ids = np.array([light.id for light in lights], dtype=object)
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
        self._lock = threading.Lock()

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
                    lights = [_light(searcher, tantivy.DocAddress(segment, doc))
                              for doc in docs.tolist()]
                    part = self._parts[segment_ids[segment]] = SegmentPart(docs, lights)
                out.append((part, np.searchsorted(part.docs, docs)))
            return out


def gather_ids(selected: Sequence[Selected]) -> list[str]:
    """Each live document's id, in document-number order."""
    if not selected:
        return []
    ids: list[str] = np.concatenate([part.ids[where] for part, where in selected]).tolist()
    return ids


def gather_column(selected: Sequence[Selected], field: str, size: int) -> Column:
    """The keyword column of ``field`` over the live documents (numbered in order)."""
    docs, ords, values = [], [], []
    start = 0
    for part, where in selected:
        column = part.column(field)
        dense = np.full(len(part.docs), -1, dtype=np.int64)
        dense[where] = np.arange(start, start + len(where))
        numbers = dense[column.docs]
        keep = numbers >= 0
        docs.append(numbers[keep])
        ords.append(column.ords[keep])
        values.append(column.values)
        start += len(where)
    used = sorted({local[o] for local, found in zip(values, ords, strict=True)
                   for o in np.unique(found).tolist()})
    every = np.array(used, dtype=str)
    ords = [np.searchsorted(every, np.array(local, dtype=str)).astype(np.int32)[found]
            for local, found in zip(values, ords, strict=True)]
    return Column(used, _joined(docs, np.int64), _joined(ords, np.int32), size)


def _joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)
