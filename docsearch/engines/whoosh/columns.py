"""Facet columns of a Whoosh index, read from the keyword fields' postings.

A column is read once per index segment from the field's posting lists (cached
by segment key, so an update only reads the new segments) and joined over the
segments of the open searcher. Each segment's columns are also saved beside it
(``.facets-*.npz``), so a new process (every ``docsearch search``) loads them
instead of reading the postings again. Document numbers are Whoosh's global
ones; deleted documents are not in the postings.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from docsearch.engines.whoosh.schema import SEPARATOR
from docsearch.engines.whoosh.state import segment_key, state_key
from docsearch.files import atomic_write
from docsearch.search.columns import CACHE_PREFIX, Column, clean_cache

__all__ = ["Columns"]


def _cache_name(segment_key: tuple[Any, ...], field: str) -> str:
    ident, stored, live = segment_key
    return f"{CACHE_PREFIX}{ident}-{stored}-{live}-{field}.npz"


def _load(path: Path) -> tuple[list[str], np.ndarray, np.ndarray] | None:
    """A segment's column cached by an earlier process, or ``None``."""
    try:
        with np.load(path, allow_pickle=False) as data:
            joined = str(data["values"][0])
            values = joined.split(SEPARATOR) if joined else []
            docs, ords = data["docs"], data["ords"]
    except (OSError, KeyError, ValueError):
        return None
    return values, docs, ords


def _save(path: Path, values: list[str], docs: np.ndarray, ords: np.ndarray) -> None:
    """Cache a segment's column beside it (segments never change; deletions make a new
    name). Best effort: an index on a read-only disk is searched all the same."""
    with contextlib.suppress(OSError), atomic_write(path, binary=True) as out:
        np.savez(out, values=np.array([SEPARATOR.join(values)]), docs=docs, ords=ords)


class Columns:
    """The facet columns of one index, kept up to date with its searcher."""

    def __init__(self, fields: Sequence[str], folder: Callable[[], Path | None] | None = None,
                 ) -> None:
        self.fields = tuple(fields)
        #: Where the per-segment columns are cached on disk (the live generation).
        self.folder = folder or (lambda: None)
        self._segments: dict[tuple[Any, ...], tuple[list[str], np.ndarray, np.ndarray]] = {}
        self._joined: dict[str, Column] = {}
        self._key: str | None = None
        self._lock = threading.Lock()

    def get(self, searcher: Searcher, field: str) -> Column:
        """The column of ``field`` for the index state ``searcher`` sees."""
        with self._lock:
            key = state_key(searcher)
            if key != self._key:
                self._joined = {}
                self._key = key
                alive = {(segment_key(s.reader()), f) for s, _ in searcher.leaf_searchers()
                         for f in self.fields}
                self._segments = {k: v for k, v in self._segments.items() if k in alive}
                folder = self.folder()
                if folder is not None:
                    clean_cache(folder, {_cache_name(k, f) for k, f in alive})
            column = self._joined.get(field)
            if column is None:
                column = self._join(searcher, field)
                self._joined[field] = column
            return column

    def _segment(self, leaf: Searcher, field: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        key = (segment_key(leaf.reader()), field)
        cached = self._segments.get(key)
        if cached is not None:
            return cached
        folder = self.folder()
        cache = folder / _cache_name(key[0], field) if folder is not None else None
        loaded = _load(cache) if cache is not None else None
        if loaded is not None:
            self._segments[key] = loaded
            return loaded
        reader = leaf.reader()
        values: list[str] = []
        doc_parts: list[np.ndarray] = []
        ord_parts: list[np.ndarray] = []
        if field in reader.schema:
            for term in reader.lexicon(field):
                ids = np.fromiter(reader.postings(field, term).all_ids(), dtype=np.int64)
                if not len(ids):
                    continue
                doc_parts.append(ids)
                ord_parts.append(np.full(len(ids), len(values), dtype=np.int32))
                values.append(term.decode("utf-8") if isinstance(term, bytes) else str(term))
        docs = np.concatenate(doc_parts) if doc_parts else np.zeros(0, dtype=np.int64)
        ords = np.concatenate(ord_parts) if ord_parts else np.zeros(0, dtype=np.int32)
        self._segments[key] = (values, docs, ords)
        if cache is not None:
            _save(cache, values, docs, ords)
        return values, docs, ords

    def _join(self, searcher: Searcher, field: str) -> Column:
        parts = [(self._segment(leaf, field), offset) for leaf, offset in
                 searcher.leaf_searchers()]
        values = sorted({v for (vals, _, _), _ in parts for v in vals})
        index = {v: i for i, v in enumerate(values)}
        docs: list[np.ndarray] = []
        ords: list[np.ndarray] = []
        for (vals, seg_docs, seg_ords), offset in parts:
            if not len(seg_docs):
                continue
            remap = np.array([index[v] for v in vals], dtype=np.int32)
            docs.append(seg_docs + offset)
            ords.append(remap[seg_ords])
        return Column(
            values,
            np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
            np.concatenate(ords) if ords else np.zeros(0, dtype=np.int32),
            searcher.doc_count_all(),
        )
