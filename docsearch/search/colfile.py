"""The ``.col`` file: columns saved beside an index, read back with one ``readinto``
and no parsing (engine-neutral: numpy arrays and UTF-8 text).

A column record is a 32-byte header (magic, UTF-8 bytes of the values joined by
:data:`SEPARATOR`, (document, value) pairs, documents in the index), then the
values padded to 8 bytes, the documents (int64) and the value ordinals (int32). A
file holds one record (:func:`save_column`, :func:`load_column`: the Whoosh
engine's columns) or several in a row (:func:`save_columns`,
:func:`load_columns`: a tantivy segment's parts). What is saved never changes (a
change makes a new name), so a file cut short, overwritten or of another kind is
read as none (``None``) and built again by its engine. Saving is best effort: an
index on a read-only disk is searched all the same.
"""

from __future__ import annotations

import contextlib
import struct
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from docsearch.files import atomic_write

__all__ = ["SEPARATOR", "Saved", "load_column", "load_columns", "save_column",
           "save_columns"]

#: What joins a record's values (a value holding it is not saved).
SEPARATOR = "\x1f"

_HEADER = struct.Struct("<4sxxxxQQQ")
_MAGIC = b"DSC1"

#: A column's parts as saved: values, documents, ordinals, documents in the index.
Saved = tuple[list[str], np.ndarray, np.ndarray, int]


def _record(values: Sequence[str], docs: np.ndarray, ords: np.ndarray, size: int) -> bytes:
    text = SEPARATOR.join(values).encode("utf-8")
    return b"".join((_HEADER.pack(_MAGIC, len(text), len(docs), size),
                     text, b"\0" * (-len(text) % 8),
                     np.ascontiguousarray(docs, dtype="<i8").tobytes(),
                     np.ascontiguousarray(ords, dtype="<i4").tobytes()))


def _unpack(buffer: bytearray, offset: int) -> tuple[Saved, int] | None:
    """The record at ``offset`` and where the next one starts, or ``None``."""
    if len(buffer) < offset + _HEADER.size:
        return None
    magic, text, pairs, size = _HEADER.unpack_from(buffer, offset)
    start = offset + _HEADER.size + text + (-text % 8)
    end = start + 12 * pairs
    if magic != _MAGIC or len(buffer) < end:
        return None
    try:
        joined = buffer[offset + _HEADER.size:offset + _HEADER.size + text].decode("utf-8")
    except UnicodeDecodeError:
        return None
    docs = np.frombuffer(buffer, dtype="<i8", count=pairs, offset=start)
    ords = np.frombuffer(buffer, dtype="<i4", count=pairs, offset=start + 8 * pairs)
    return (joined.split(SEPARATOR) if joined else [], docs, ords, size), end


def save_columns(path: Path, columns: Sequence[Saved]) -> None:
    """Save ``columns`` in a row in one file (nothing if one would not read back the
    same: a value holding :data:`SEPARATOR`, or one empty value alone)."""
    if any(values == [""] or any(SEPARATOR in value for value in values)
           for values, _, _, _ in columns):
        return
    with contextlib.suppress(OSError), atomic_write(path, binary=True) as out:
        for column in columns:
            out.write(_record(*column))


def load_columns(path: Path) -> list[Saved] | None:
    """The columns saved in a row in one file, or ``None`` (none, or not whole)."""
    try:
        with path.open("rb") as file:
            buffer = bytearray(path.stat().st_size)
            whole = file.readinto(buffer) == len(buffer)
    except OSError:
        return None
    if not whole:
        return None
    columns, offset = [], 0
    while offset < len(buffer):
        found = _unpack(buffer, offset)
        if found is None:
            return None
        column, offset = found
        columns.append(column)
    return columns


def save_column(path: Path, values: list[str], docs: np.ndarray, ords: np.ndarray,
                size: int) -> None:
    """Save one column in a file of its own."""
    save_columns(path, [(values, docs, ords, size)])


def load_column(path: Path) -> Saved | None:
    """The one column of a file, or ``None`` (none, not whole, or not one column)."""
    columns = load_columns(path)
    return columns[0] if columns is not None and len(columns) == 1 else None
