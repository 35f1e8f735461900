"""Whoosh's ``BufferFile`` (a file inside a segment's memory-mapped compound file)
copies the whole file into a ``BytesIO`` when it is opened: every segment's terms,
postings and stored fields at each new searcher, ~60 ms on Reuters-21578 before a
new process's first query. :func:`install` gives it a :class:`BufferStream`
instead, which reads the mapped buffer where it lies; nothing else changes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from whoosh.filedb import structfile

__all__ = ["BufferStream", "install"]


class BufferStream:
    """A read-only file over a buffer (``read``, ``readline``, ``seek``, ``tell``),
    copying only what is read."""

    def __init__(self, buf: Any) -> None:
        self._buf = memoryview(buf)
        self._pos = 0
        self.closed = False

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._buf) if size is None or size < 0 else self._pos + size
        out = bytes(self._buf[self._pos:end])
        self._pos += len(out)
        return out

    def readline(self, size: int | None = -1) -> bytes:
        stop = len(self._buf) if size is None or size < 0 else \
            min(len(self._buf), self._pos + size)
        end = self._pos
        while end < stop:  # a chunk at a time: no copy of the rest of the file
            found = bytes(self._buf[end:min(stop, end + 4096)]).find(b"\n")
            if found >= 0:
                end += found + 1
                break
            end = min(stop, end + 4096)
        return self.read(end - self._pos)

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: len(self._buf)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        self.closed = True


def _init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    """``BufferFile.__init__`` with a :class:`BufferStream` for the ``BytesIO``."""
    self._buf = buf
    self._name = name
    self.file = BufferStream(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make ``whoosh.filedb.structfile.BufferFile`` read its buffer in place."""
    structfile.BufferFile.__init__ = _init  # type: ignore[method-assign]
