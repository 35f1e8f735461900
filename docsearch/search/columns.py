"""Facet columns: for each keyword field, which documents hold which values, as numpy
arrays, so facet counts and facet filters are one vectorised pass.

An engine's snapshot gives the :class:`Column` of a field
(:meth:`docsearch.engines.base.Snapshot.column`); how it reads and caches them is
the engine's (the Whoosh engine: ``docsearch/engines/whoosh/columns.py``). Files
the search layer caches beside an index generation are named with
:data:`CACHE_PREFIX`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path

import numpy as np

__all__ = ["CACHE_PREFIX", "Column", "ValueColumn", "clean_cache", "distinct"]

class Column:
    """One field's values and, in parallel arrays, (document, value) pairs."""

    def __init__(self, values: list[str], docs: np.ndarray, ords: np.ndarray, size: int) -> None:
        self.values = values                       # sorted, distinct
        self.docs = docs                           # int64 document numbers
        self.ords = ords                           # int32 indexes into values
        self.size = size                           # number of documents (incl. deleted)

    @cached_property
    def lookup(self) -> dict[str, int]:
        """Each value's ordinal (built when first asked for: most columns never are)."""
        return {v: i for i, v in enumerate(self.values)}

    def counts(self, mask: np.ndarray | None) -> np.ndarray:
        """How many documents in ``mask`` (a boolean array) hold each value."""
        ords = self.ords if mask is None else self.ords[mask[self.docs]]
        return np.bincount(ords, minlength=len(self.values))

    def by_count(self, counts: np.ndarray) -> np.ndarray:
        """The ordinals of the values counted (``counts`` above 0), the most frequent
        first, ties by value."""
        counted = np.flatnonzero(counts)
        return counted[np.lexsort((self._value_rank[counted], -counts[counted]))]

    @cached_property
    def _value_rank(self) -> np.ndarray:
        """Each value's place in the values sorted (they usually are already)."""
        values = self.values
        if all(a < b for a, b in zip(values, values[1:], strict=False)):
            return np.arange(len(values), dtype=np.int64)
        rank = np.empty(len(values), dtype=np.int64)
        rank[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
        return rank

    def docs_with(self, ordinals: Sequence[int]) -> np.ndarray:
        """A boolean mask of the documents that hold any of the given values."""
        mask = np.zeros(self.size, dtype=bool)
        if len(ordinals):
            wanted = np.zeros(len(self.values), dtype=bool)
            wanted[list(ordinals)] = True
            mask[self.docs[wanted[self.ords]]] = True
        return mask


class ValueColumn(Column):
    """A field's values and how many documents hold each, without the documents: what
    a remote engine gives (it counts and filters on its own nodes)."""

    def __init__(self, values: list[str], counts: Sequence[int] | np.ndarray, size: int) -> None:
        super().__init__(values, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32), size)
        self._counts = np.asarray(counts, dtype=np.int64)

    def counts(self, mask: np.ndarray | None) -> np.ndarray:
        if mask is not None:
            raise TypeError("a ValueColumn counts the whole index only")
        return self._counts

    def docs_with(self, ordinals: Sequence[int]) -> np.ndarray:
        raise TypeError("a ValueColumn does not know which documents hold a value")


CACHE_PREFIX = ".facets-"


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted: ``np.unique`` without its first call's import of
    ``numpy.ma`` (~15 ms of a new process's first search)."""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def clean_cache(folder: Path, keep: set[str], pattern: str = "*.npz") -> None:
    """Delete cached files (``pattern``) of segments or states no longer in use."""
    for path in folder.glob(CACHE_PREFIX + pattern):
        if path.name not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
