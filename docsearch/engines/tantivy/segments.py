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
them), its dates from the ``date`` fast field; its keyword columns are the
memory engine's, built for every keyword field as it is read.

Each part is also saved beside the index (:func:`part_path`,
``.facets-segment-ID.col``: the columns of :meth:`SegmentPart.saved` in one
``.col`` file of :mod:`docsearch.search.colfile`), so a new process reads a
segment's part from its file with one ``readinto`` instead of every stored
document; a file that is not one whole part of that segment (:func:`part_of`) is
ignored, and the part read from the documents and saved again (a bulk load saves
every live segment's part as it ends; a large segment's documents are decoded
:data:`READ_SLICE` at a time and the slices' parts joined). The files of
segments merged away go when a new state is read and at the writer's tidy step
(:func:`clean_parts`). The keyword columns of an index state, gathered from its
parts, are saved too (:meth:`SegmentCache.state_column`,
``.facets-state-KEY-FIELD.col``: one file per column, as the Whoosh engine's), so
a new process reads each column it needs from one file; those of other states go
as a state's column is saved, and at tidy; so are its ids and dates
(:meth:`SegmentCache.state_ids`, ``.facets-state-KEY-ids.col``), so a facet query
in a new process reads no segment's part (a bulk load saves the new state's files
as it ends: :meth:`~docsearch.engines.tantivy.snapshot.TantivySnapshot.save_state`).
The latest state's ids, dates and columns this process holds are kept too, and
the next state's are made from them and the parts of its new segments only
(:mod:`~docsearch.engines.tantivy.derive`), saved later
(:meth:`SegmentCache.save_unsaved`: at close, or a bulk load's end).

The live documents of a segment (:meth:`SegmentCache.live`) come from
``meta.json`` (:class:`SegmentMeta`): all of them when it has no deletes; else
those a search for every document finds, kept under the segment's id and its
deletes (a segment's deletes only grow, so the same count is the same set), so
a commit that adds a segment searches for nothing.
"""

from __future__ import annotations

import operator
import threading
from collections.abc import Callable, Mapping, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
import tantivy

from docsearch.engines.base import KEYWORD_FIELDS
from docsearch.engines.memory.snapshot import keyword_columns
from docsearch.engines.tantivy.schema import id_and_keywords
from docsearch.search.colfile import Saved, load_column, load_columns, save_column, save_columns
from docsearch.search.columns import CACHE_PREFIX, Column, clean_cache, distinct

if TYPE_CHECKING:
    from docsearch.engines.tantivy.derive import Layout
    from docsearch.engines.tantivy.snapshot import Numbering

__all__ = ["SegmentCache", "SegmentMeta", "SegmentPart", "Selected", "ascending", "clean_parts",
           "clean_states", "gather_column", "gather_dates", "gather_ids", "joined", "part_of",
           "part_pairs", "part_path", "state_path"]

#: The columns of a part's file: what names them (the format first), then ids (by
#: document in the segment), dates ((date number, position) pairs) and keyword
#: columns (by position in the part).
_NAMES = ("tantivy-part-2", "id", "date", *KEYWORD_FIELDS)
_NONE = np.zeros(0, dtype=np.int64)
#: The name of a state's file of ids and dates (:meth:`SegmentCache.state_ids`).
_IDS = "ids"
#: How many stored documents :meth:`SegmentPart.read` decodes at a time (a large
#: segment's records held at once cost about a gigabyte at 200,000 articles; on
#: Reuters' 20,000-document segment slices of 5,000 took the peak from 117 to 94 MB
#: and were no slower).
READ_SLICE = 5_000


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


def _light(searcher: tantivy.Searcher, address: tantivy.DocAddress,
           ) -> tuple[str, dict[str, list[str]]]:
    """What every search needs of one stored document besides its date: id and keywords."""
    return id_and_keywords(searcher.doc(address))


def _dates(searcher: tantivy.Searcher, segment: int, docs: Sequence[int]) -> np.ndarray:
    """The ``date`` fast field of documents of one segment (0: none)."""
    addresses = [tantivy.DocAddress(segment, doc) for doc in docs]
    values = searcher.fast_field_values("date", addresses) if addresses else []
    return np.array([v or 0 for v in values], dtype=np.int64)


class SegmentPart:
    """The documents of one segment that were live when it was read: their numbers
    in the segment (ascending), ids, dates and keyword columns (numbered by position)."""

    def __init__(self, docs: np.ndarray, ids: np.ndarray, dates: np.ndarray,
                 columns: Mapping[str, Column]) -> None:
        self.docs, self.ids, self.dates = docs, ids, dates
        self._columns = dict(columns)

    @classmethod
    def read(cls, searcher: tantivy.Searcher, segment: int, docs: np.ndarray) -> SegmentPart:
        """The part of ``docs`` (ascending) of segment number ``segment``, read from
        their stored records and the ``date`` fast field, ``READ_SLICE`` documents at
        a time (only one slice's decoded records are held at once)."""
        if len(docs) <= READ_SLICE:
            return cls._read(searcher, segment, docs)
        return cls.joined([cls._read(searcher, segment, docs[at:at + READ_SLICE])
                           for at in range(0, len(docs), READ_SLICE)])

    @classmethod
    def joined(cls, parts: Sequence[SegmentPart]) -> SegmentPart:
        """One part of the documents of ``parts`` (of one segment, in order)."""
        every = [(part, np.arange(len(part.docs))) for part in parts]
        size = sum(len(part.docs) for part in parts)
        return cls(np.concatenate([part.docs for part in parts]),
                   np.concatenate([part.ids for part in parts]),
                   np.concatenate([part.dates for part in parts]),
                   {field: gather_column(every, field, size) for field in KEYWORD_FIELDS})

    @classmethod
    def _read(cls, searcher: tantivy.Searcher, segment: int, docs: np.ndarray) -> SegmentPart:
        listed = docs.tolist()
        lights = [_light(searcher, tantivy.DocAddress(segment, doc)) for doc in listed]
        return cls(docs, np.array([article_id for article_id, _ in lights], dtype=object),
                   _dates(searcher, segment, listed),
                   keyword_columns([keywords for _, keywords in lights], KEYWORD_FIELDS))

    def covers(self, docs: np.ndarray) -> bool:
        """Whether every one of ``docs`` (ascending) was read."""
        at = np.searchsorted(self.docs, docs)
        return bool(np.all(at < len(self.docs)) and
                    np.array_equal(self.docs[np.minimum(at, len(self.docs) - 1)], docs))

    def column(self, field: str) -> Column:
        """The keyword column of ``field`` over this part's documents."""
        return self._columns[field]

    def saved(self, max_doc: int) -> list[Saved]:
        """The part as the columns of its file (:func:`part_of`), for a segment of
        ``max_doc`` documents."""
        return [(list(_NAMES), _NONE, _NONE, max_doc),
                _ids_record(self.ids.tolist(), self.docs), _dates_record(self.dates),
                *((c.values, c.docs, c.ords, c.size) for c in map(self.column, KEYWORD_FIELDS))]


def _ids_record(ids: list[str], numbers: np.ndarray) -> Saved:
    """Each document's id as a record: the ids in order, their document numbers."""
    return ids, numbers, np.arange(len(ids)), len(ids)


def _dates_record(dates: np.ndarray) -> Saved:
    """Each document's date as a record of (date number, position) pairs."""
    return [], dates, np.arange(len(dates)), len(dates)


def part_of(saved: Sequence[Saved], max_doc: int) -> SegmentPart | None:
    """The part saved as ``saved`` (:meth:`SegmentPart.saved`), or ``None`` if it is
    not one whole part of a segment of ``max_doc`` documents."""
    if len(saved) != len(_NAMES) or saved[0][0] != list(_NAMES) or saved[0][3] != max_doc:
        return None
    (ids, docs, id_ords, size), (_, dates, positions, dates_size) = saved[1], saved[2]
    if (len(docs) != size or not _valid(saved[1], size, max_doc)
            or not np.all(docs[1:] > docs[:-1])
            or not np.array_equal(positions, np.arange(size)) or dates_size != size
            or not all(_valid(column, size, size) for column in saved[3:])
            or not all(ascending(values) for values, _, _, _ in saved[3:])):
        return None
    return SegmentPart(docs, np.array(ids, dtype=object)[id_ords], dates,
                       {field: Column(*column) for field, column in
                        zip(KEYWORD_FIELDS, saved[3:], strict=True)})


def _valid(column: Saved, size: int, docs_below: int) -> bool:
    """Whether a saved column's documents are below ``docs_below`` and its ordinals
    name its values, over ``size`` documents."""
    values, docs, ords, saved_size = column
    return (saved_size == size and len(docs) == len(ords)
            and bool(np.all((docs >= 0) & (docs < docs_below)))
            and bool(np.all((ords >= 0) & (ords < len(values)))))


def ascending(values: list[str]) -> bool:
    """Whether ``values`` are sorted and distinct (as a column's are): each below the
    next (one pass in C, no sorted copy or set of a large column's values)."""
    return all(map(operator.lt, values, islice(values, 1, None)))


#: A snapshot's part of one segment, and the positions in it of the live documents.
Selected = tuple[SegmentPart, np.ndarray]


class SegmentCache:
    """The :class:`SegmentPart` of each segment, under the segment's id (the parts
    of segments no longer in the index are dropped)."""

    def __init__(self, folder: Path | None = None) -> None:
        #: Where each part is saved (:func:`part_path`), if anywhere.
        self.folder = folder
        self._parts: dict[str, SegmentPart] = {}
        self._live: dict[SegmentMeta, np.ndarray] = {}
        self._lock = threading.Lock()
        #: The latest index state's column of each field (and its ids and dates, under
        #: ``_IDS``) this process holds, for the next state to be made from.
        self._known: dict[str, tuple[Layout, Any]] = {}
        #: The saving of what was made so, by name: (the state, the saving).
        self._unsaved: dict[str, tuple[str, Callable[[], None]]] = {}

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

    def select(self, searcher: tantivy.Searcher, segments: Sequence[SegmentMeta],
               numbering: Numbering) -> list[Selected]:
        """The part of each of ``numbering``'s segments and where its live documents
        are in it, in ``numbering``'s order (``segments``: by segment number); a
        segment not read yet is read from its file, else from its documents (and
        saved); the files of segments merged away go when a new one is read."""
        return self.selected(searcher, segments, list(numbering.segments.items()))

    def selected(self, searcher: tantivy.Searcher, segments: Sequence[SegmentMeta],
                 wanted: Sequence[tuple[int, np.ndarray]]) -> list[Selected]:
        """As :meth:`select`, for the ``wanted`` (segment number, live documents) only."""
        with self._lock:
            ids = {s.id for s in segments}
            self._parts = {s: part for s, part in self._parts.items() if s in ids}
            known = len(self._parts)
            out = []
            for number, docs in wanted:
                part = self._part(searcher, number, segments[number], docs)
                out.append((part, np.searchsorted(part.docs, docs)))
            if self.folder is not None and len(self._parts) > known:  # a new state
                clean_parts(self.folder, segments)
            return out

    def _part(self, searcher: tantivy.Searcher, number: int, segment: SegmentMeta,
              docs: np.ndarray) -> SegmentPart:
        part = self._parts.get(segment.id)
        if part is None or not part.covers(docs):
            path = None if self.folder is None else part_path(self.folder, segment.id)
            saved = None if path is None else load_columns(path)
            part = None if saved is None else part_of(saved, segment.max_doc)
            if part is None or not part.covers(docs):
                part = SegmentPart.read(searcher, number, docs)
                if path is not None:
                    save_columns(path, part.saved(segment.max_doc))
            self._parts[segment.id] = part
        return part

    def state_column(self, state: Layout, field: str, gather: Callable[[], Column],
                     derive: Callable[[Layout, Column], Column | None]) -> Column:
        """The column of ``field`` over the live documents of the index state
        ``state``: from its file, as a process saved it; else ``derive``d from the
        column of the latest state this process held (saved at :meth:`save_unsaved`:
        after the answer); else ``gather()`` (and saved; the files of other states go)."""
        path = None if self.folder is None else state_path(self.folder, state.key, field)

        def read() -> Column | None:
            saved = None if path is None else load_column(path)
            size = state.size
            return (Column(*saved) if saved is not None and _valid(saved, size, size)
                    and ascending(saved[0]) else None)

        def save(column: Column) -> None:
            if path is not None:
                save_column(path, column.values, column.docs, column.ords, column.size)

        found: Column = self._state(state, field, read, gather, derive, save)
        return found

    def state_ids(self, state: Layout, gather: Callable[[], tuple[list[str], np.ndarray]],
                  derive: Callable[[Layout, tuple[list[str], np.ndarray]],
                                   tuple[list[str], np.ndarray] | None],
                  ) -> tuple[list[str], np.ndarray]:
        """Each live document's id and date in the index state ``state`` (by number):
        from its file, derived or gathered as :meth:`state_column`."""
        path = None if self.folder is None else state_path(self.folder, state.key, _IDS)

        def read() -> tuple[list[str], np.ndarray] | None:
            saved = None if path is None else load_columns(path)
            if saved is None or len(saved) != 2:
                return None
            (ids, numbers, ords, id_size), (_, dates, positions, date_size) = saved
            size = state.size
            every = np.arange(size)
            if (len(ids) == id_size == date_size == size and np.array_equal(numbers, every)
                    and np.array_equal(ords, every) and np.array_equal(positions, every)):
                return ids, dates
            return None

        def save(found: tuple[list[str], np.ndarray]) -> None:
            if path is not None:
                ids, dates = found
                save_columns(path, [_ids_record(ids, np.arange(len(ids))), _dates_record(dates)])

        found: tuple[list[str], np.ndarray] = self._state(state, _IDS, read, gather, derive, save)
        return found

    def _state(self, state: Layout, name: str, read: Callable[[], Any],
               gather: Callable[[], Any], derive: Callable[[Layout, Any], Any],
               save: Callable[[Any], None]) -> Any:
        """What ``state`` holds under ``name`` (a column, or ids and dates): see
        :meth:`state_column`."""
        found = read()
        if found is None:
            known = self._known.get(name)
            if known is not None and known[0].key == state.key:
                found = known[1]
            elif known is not None:
                found = derive(*known)
            if found is not None:
                self._unsaved[name] = (state.key, lambda: save(found))
            else:
                found = gather()
                if self.folder is not None:
                    clean_states(self.folder, state.key)
                save(found)
        self._known[name] = (state, found)
        return found

    def save_unsaved(self, state: str) -> None:
        """Save the files of the index state ``state`` made from an earlier one and not
        saved yet (those of other states are dropped, and their files go)."""
        unsaved, self._unsaved = self._unsaved, {}
        todo = [save for key, save in unsaved.values() if key == state]
        if todo and self.folder is not None:
            clean_states(self.folder, state)
        for save in todo:
            save()


def part_path(folder: Path, segment_id: str) -> Path:
    """The file of a segment's part, beside the index."""
    return folder / f"{CACHE_PREFIX}segment-{segment_id}.col"


def state_path(folder: Path, state: str, field: str) -> Path:
    """The file of the column of ``field`` over the live documents of an index state."""
    return folder / f"{CACHE_PREFIX}state-{state}-{field}.col"


def clean_parts(folder: Path, segments: Sequence[SegmentMeta], state: str | None = None,
                ) -> None:
    """Delete the files of the parts of segments no longer in the index (and, given
    the index's ``state``, those of other states)."""
    clean_cache(folder, {part_path(folder, s.id).name for s in segments}, "segment-*.col")
    if state is not None:
        clean_states(folder, state)


def clean_states(folder: Path, state: str) -> None:
    """Delete the files of index states other than ``state``."""
    clean_cache(folder, {state_path(folder, state, name).name
                         for name in (*KEYWORD_FIELDS, _IDS)}, "state-*.col")


def gather_ids(selected: Sequence[Selected]) -> list[str]:
    """Each live document's id, in document-number order."""
    if not selected:
        return []
    ids: list[str] = np.concatenate([part.ids[where] for part, where in selected]).tolist()
    return ids


def gather_dates(selected: Sequence[Selected]) -> np.ndarray:
    """Each live document's date number, in document-number order."""
    return joined([part.dates[where] for part, where in selected], np.int64)


def part_pairs(selected: Selected, field: str, start: int,
               ) -> tuple[np.ndarray, np.ndarray, list[str], list[int]]:
    """The (document, value) pairs of ``field`` of one selected part's live documents,
    numbered from ``start``: documents, ordinals into the part's values, those
    values, and the ordinals used."""
    part, where = selected
    column = part.column(field)
    dense = np.full(len(part.docs), -1, dtype=np.int64)
    dense[where] = np.arange(start, start + len(where))
    numbers = dense[column.docs]
    keep = numbers >= 0
    ords = column.ords[keep]
    return numbers[keep], ords, column.values, distinct(ords).tolist()


def gather_column(selected: Sequence[Selected], field: str, size: int) -> Column:
    """The keyword column of ``field`` over the live documents (numbered in order)."""
    docs, ords, part_values = [], [], []
    start = 0
    for one in selected:
        numbers, local_ords, local, used = part_pairs(one, field, start)
        docs.append(numbers)
        ords.append(local_ords)
        part_values.append((local, used))
        start += len(one[1])
    # Each part's values are sorted: sorting them all merges runs.
    values = list(dict.fromkeys(sorted(chain.from_iterable(
        map(local.__getitem__, used) for local, used in part_values))))
    index = {value: n for n, value in enumerate(values)}
    for n, (local, used) in enumerate(part_values):
        to_global = np.zeros(len(local), dtype=np.int32)
        to_global[used] = [index[local[o]] for o in used]
        ords[n] = to_global[ords[n]]
    return Column(values, joined(docs, np.int64), joined(ords, np.int32), size)


def joined(arrays: list[np.ndarray], dtype: type) -> np.ndarray:
    """``arrays`` end to end as ``dtype`` (none: an empty array)."""
    return np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)
