"""Facet columns of a Whoosh index, read from the keyword fields' postings.

A column is read once per index segment from the field's posting lists (cached
by segment key, so an update only reads the new segments) and joined over the
segments of the open searcher. Each segment's columns are also saved beside it
(``.facets-ID-STORED-LIVE-FIELD.col``), and so is each joined column of the index
state (``.facets-state-KEY-FIELD.col``): a new process (every ``docsearch
search``) reads one file per column it needs, and reads the segments' files (or
their postings) only for a state no process has searched yet. A ``.col`` file is
the column's raw arrays after a 32-byte header (:mod:`docsearch.search.colfile`),
read with one ``readinto`` and no parsing. Document numbers are Whoosh's global ones;
deleted documents are not in the postings.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.searching import Searcher

from docsearch.engines.whoosh.state import segment_key, state_key
from docsearch.search.colfile import Saved, load_column, save_column
from docsearch.search.columns import CACHE_PREFIX, Column, clean_cache

__all__ = ["Columns"]


def _segment_name(segment_key: tuple[Any, ...], field: str) -> str:
    ident, stored, live = segment_key
    return f"{CACHE_PREFIX}{ident}-{stored}-{live}-{field}.col"


def _state_name(state: str, field: str) -> str:
    return f"{CACHE_PREFIX}state-{state}-{field}.col"


class Columns:
    """The facet columns of one index, kept up to date with its searcher."""

    def __init__(self, fields: Sequence[str], folder: Callable[[], Path | None] | None = None,
                 ) -> None:
        self.fields = tuple(fields)
        #: Where the per-segment columns are cached on disk (the live generation).
        self.folder = folder or (lambda: None)
        self._segments: dict[tuple[Any, ...], Saved] = {}
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
                    clean_cache(folder, {_segment_name(k, f) for k, f in alive}
                                | {_state_name(key, f) for f in self.fields}, "*.col")
                    clean_cache(folder, set(), "*.npz")  # the files of an older docsearch
            column = self._joined.get(field)
            if column is None:
                column = self._column(searcher, key, field)
                self._joined[field] = column
            return column

    def _column(self, searcher: Searcher, state: str, field: str) -> Column:
        """The state's column as an earlier process saved it, else joined from the
        segments' columns (and saved)."""
        folder = self.folder()
        path = folder / _state_name(state, field) if folder is not None else None
        saved = load_column(path) if path is not None else None
        if saved is None or saved[3] != searcher.doc_count_all():
            saved = self._join(searcher, field)
            if path is not None:
                save_column(path, *saved)
        return Column(*saved)

    def _segment(self, leaf: Searcher, field: str) -> Saved:
        reader = leaf.reader()
        key = (segment_key(reader), field)
        cached = self._segments.get(key)
        if cached is not None:
            return cached
        folder = self.folder()
        path = folder / _segment_name(key[0], field) if folder is not None else None
        loaded = load_column(path) if path is not None else None
        if loaded is not None and loaded[3] == reader.doc_count_all():
            self._segments[key] = loaded
            return loaded
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
        read = self._segments[key] = (values, docs, ords, reader.doc_count_all())
        if path is not None:
            save_column(path, *read)
        return read

    def _join(self, searcher: Searcher, field: str) -> Saved:
        parts = [(self._segment(leaf, field), offset) for leaf, offset in
                 searcher.leaf_searchers()]
        values = sorted({v for (vals, _, _, _), _ in parts for v in vals})
        index = {v: i for i, v in enumerate(values)}
        docs: list[np.ndarray] = []
        ords: list[np.ndarray] = []
        for (vals, seg_docs, seg_ords, _), offset in parts:
            if not len(seg_docs):
                continue
            remap = np.array([index[v] for v in vals], dtype=np.int32)
            docs.append(seg_docs + offset)
            ords.append(remap[seg_ords])
        return (values,
                np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64),
                np.concatenate(ords) if ords else np.zeros(0, dtype=np.int32),
                searcher.doc_count_all())
