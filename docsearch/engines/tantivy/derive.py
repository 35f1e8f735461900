"""An index state's ids, dates and keyword columns made from those of an earlier
state held in memory, and the parts of only the segments it did not have.

A commit of a few articles adds a small segment and may delete documents of the
old ones (deletes only grow); tantivy may also merge segments into new ones. The
documents of a state are numbered segment by segment, in its :class:`Layout`'s
order, so the earlier state's numbers of a segment it shares with the new one are
one run, and each of the new state's documents there is one of them
(:func:`renumber`). The new state's column is then the earlier one's pairs
renumbered (those of documents gone dropped), and the pairs of the segments read
anew (:func:`~docsearch.engines.tantivy.segments.part_pairs`), their few values
merged into the earlier sorted values (:func:`derive_column`); values no live
document holds any more go. What comes out is what gathering every part gives
(:func:`~docsearch.engines.tantivy.segments.gather_column`,
:func:`~docsearch.engines.tantivy.segments.gather_ids`), array for array
(``tests/test_tantivy_derive.py`` checks it after adds, updates, deletes and merges).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import chain, compress

import attrs
import numpy as np

from docsearch.engines.tantivy.segments import Selected, joined, part_pairs
from docsearch.search.columns import Column

__all__ = ["Layout", "Renumbered", "Run", "derive_column", "derive_ids", "renumber"]


@attrs.frozen(eq=False)
class Layout:
    """An index state: its key, and each segment holding live documents (its id and
    those documents, ascending) in the order of the state's document numbers;
    ``named``: whether ``meta.json`` named the searcher's segments (if not, the ids
    may be wrong, and no state is made from this one)."""

    key: str
    segments: tuple[tuple[str, np.ndarray], ...]
    named: bool = True

    @property
    def size(self) -> int:
        return sum(len(docs) for _, docs in self.segments)


#: A run of the new state's documents, in its numbering order: its first number and
#: length, and where it was in the earlier state (first number and length, and the
#: places there of the documents still live, ``None``: all of them); a fresh
#: segment's run has -1 for the earlier first number.
Run = tuple[int, int, int, int, "np.ndarray | None"]


@attrs.frozen(eq=False)
class Renumbered:
    """How an earlier state's documents are numbered in a new one: ``numbers`` (the
    new number of each earlier one, -1 when gone), the new state's :data:`Run` of
    each segment, and those of its segments the earlier state did not hold (by place
    in its layout, with its first number)."""

    numbers: np.ndarray
    runs: tuple[Run, ...]
    fresh: tuple[tuple[int, int], ...]
    size: int

    @property
    def gone(self) -> bool:
        """Whether an earlier document is not in the new state."""
        return bool((self.numbers < 0).any())


def renumber(old: Layout, new: Layout) -> Renumbered:
    """How ``old``'s documents are numbered in ``new``."""
    at: dict[str, tuple[int, np.ndarray]] = {}
    start = 0
    for segment, docs in old.segments:
        at[segment] = (start, docs)
        start += len(docs)
    numbers = np.full(start, -1, dtype=np.int64)
    runs: list[Run] = []
    fresh = []
    start = 0
    for place, (segment, docs) in enumerate(new.segments):
        found = at.get(segment)
        where = None if found is None else _within(found[1], docs)
        if found is not None and where is not None:
            numbers[found[0] + where] = np.arange(start, start + len(docs))
            whole = len(where) == len(found[1])
            runs.append((start, len(docs), found[0], len(found[1]), None if whole else where))
        else:
            runs.append((start, len(docs), -1, 0, None))
            fresh.append((place, start))
        start += len(docs)
    return Renumbered(numbers, tuple(runs), tuple(fresh), start)


def _within(held: np.ndarray, docs: np.ndarray) -> np.ndarray | None:
    """Where each of ``docs`` is in ``held`` (both ascending), or ``None`` if one is not."""
    if len(docs) >= len(held):  # no new deletes: the same documents, or not all there
        return np.arange(len(docs)) if np.array_equal(held, docs) else None
    where = np.searchsorted(held, docs)
    if len(docs) and (where[-1] >= len(held)
                      or not np.array_equal(held[where], docs)):
        return None
    return where


def derive_ids(ids: list[str], dates: np.ndarray, moved: Renumbered,
               parts: Sequence[Selected]) -> tuple[list[str], np.ndarray]:
    """The new state's ids and dates from the earlier state's (``ids``, ``dates``) and
    the parts of its fresh segments (in the order of ``moved.fresh``): run by run,
    slices of the earlier lists where a segment lost no document."""
    new_ids: list[list[str]] = []
    new_dates: list[np.ndarray] = []
    fresh = iter(parts)
    for _, length, old_start, _, where in moved.runs:
        if old_start < 0:
            part, at = next(fresh)
            new_ids.append(part.ids[at].tolist())
            new_dates.append(part.dates[at])
        elif where is None:
            new_ids.append(ids[old_start:old_start + length])
            new_dates.append(dates[old_start:old_start + length])
        else:
            places = old_start + where
            new_ids.append([ids[i] for i in places.tolist()])
            new_dates.append(dates[places])
    return list(chain.from_iterable(new_ids)), joined(new_dates, np.int64)


def derive_column(old: Column, moved: Renumbered, parts: Sequence[Selected],
                  field: str) -> Column:
    """The new state's column of ``field`` from the earlier state's (``old``) and the
    parts of its fresh segments (in the order of ``moved.fresh``): run by run, the
    earlier pairs of a segment renumbered, or a fresh segment's, so the pairs stay
    in document order as a gathered column's are."""
    docs, ords = old.docs, old.ords
    if len(docs) > 1 and not np.all(docs[1:] >= docs[:-1]):  # not saved in order
        order = np.argsort(docs, kind="stable")
        docs, ords = docs[order], ords[order]
    found = [part_pairs(one, field, start) for one, (_, start) in zip(parts, moved.fresh,
                                                                      strict=True)]
    values, shift = _merged(old.values, {local[o] for _, _, local, used in found for o in used})
    if shift is not None:
        ords = ords + np.searchsorted(shift, ords, side="right").astype(np.int32)
    all_docs, all_ords = [], []
    fresh = iter(found)
    for new_start, _, old_start, old_length, where in moved.runs:
        if old_start < 0:
            numbers, local_ords, local, used = next(fresh)
            to_global = np.zeros(len(local), dtype=np.int32)
            to_global[used] = [bisect_left(values, local[o]) for o in used]
            all_docs.append(numbers)
            all_ords.append(to_global[local_ords])
            continue
        low, high = np.searchsorted(docs, [old_start, old_start + old_length]).tolist()
        run_docs, run_ords = docs[low:high], ords[low:high]
        if where is None:
            run_docs = run_docs + (new_start - old_start)
        else:
            run_docs = moved.numbers[run_docs]
            kept = run_docs >= 0
            run_docs, run_ords = run_docs[kept], run_ords[kept]
        all_docs.append(run_docs)
        all_ords.append(run_ords)
    column = Column(values, joined(all_docs, np.int64), joined(all_ords, np.int32), moved.size)
    # Every earlier value is held still when no earlier document went (the earlier
    # column holds only values held, as a gathered one does).
    return _without_unused(column) if moved.gone else column


def _merged(values: list[str], more: set[str]) -> tuple[list[str], np.ndarray | None]:
    """``values`` (sorted) with ``more`` added, and for each value added, how many of
    the old values are below it (ascending; ``None``: nothing added)."""
    below = sorted((bisect_left(values, value), value) for value in more)
    added = [(at, value) for at, value in below if at == len(values) or values[at] != value]
    if not added:
        return values, None
    return (sorted(values + [value for _, value in added]),
            np.array([at for at, _ in added], dtype=np.int64))


def _without_unused(column: Column) -> Column:
    """``column`` without the values no document holds (as a gathered column is)."""
    counts = np.bincount(column.ords, minlength=len(column.values))
    held = counts > 0
    if held.all():
        return column
    ordinal = (np.cumsum(held) - 1).astype(np.int32)
    return Column(list(compress(column.values, held.tolist())), column.docs,
                  ordinal[column.ords], column.size)
