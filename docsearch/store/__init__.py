"""Where an index lives on disk and how it is written.

An index is a folder holding ``docsearch.json`` (format version, the name of the
Whoosh folder in use, when it was last written) and that Whoosh folder
(``data/``). Writers take Whoosh's lock, waiting up to a timeout; a batch of
changes is one commit.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.writing import IndexWriter

from docsearch.errors import IndexFormatError, IndexLockedError, IndexNotFoundError
from docsearch.store.schema import build_schema

__all__ = ["DEFAULT_LOCK_TIMEOUT", "FORMAT_VERSION", "META_FILE", "Store"]

META_FILE = "docsearch.json"
FORMAT_VERSION = 2
DEFAULT_LOCK_TIMEOUT = 30.0
_DATA = "data"


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


class Store:
    """An index folder: its metadata and its Whoosh index."""

    def __init__(self, path: Path, meta: dict[str, Any], ix: whoosh_index.Index) -> None:
        self.path = path
        self.meta = meta
        self.ix = ix

    @classmethod
    def exists(cls, path: str | Path) -> bool:
        return (Path(path) / META_FILE).is_file()

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open an existing index; :class:`IndexNotFoundError` if there is none."""
        folder = Path(path)
        meta_file = folder / META_FILE
        if not meta_file.is_file():
            raise IndexNotFoundError(
                f"no index at {folder} (create one with: docsearch index FOLDER --index {folder})")
        try:
            meta = json.loads(meta_file.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexFormatError(f"cannot read {meta_file}: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
            found = meta.get("format") if isinstance(meta, dict) else None
            raise IndexFormatError(
                f"{folder} is a docsearch index of format {found!r}; this version reads format "
                f"{FORMAT_VERSION} (rebuild it with: docsearch index FOLDER --index {folder})")
        data = folder / str(meta.get("data", _DATA))
        try:
            ix = whoosh_index.open_dir(str(data))
        except (whoosh_index.EmptyIndexError, OSError) as exc:
            raise IndexFormatError(f"the index at {folder} is damaged: {exc}") from None
        return cls(folder, meta, ix)

    @classmethod
    def create(cls, path: str | Path) -> Store:
        """Create an empty index (the folder may exist if it holds no other files)."""
        folder = Path(path)
        if cls.exists(folder):
            return cls.open(folder)
        if folder.exists() and not folder.is_dir():
            raise IndexFormatError(f"{folder} is a file, not an index folder")
        if folder.is_dir() and any(not p.name.startswith(".") for p in folder.iterdir()):
            raise IndexFormatError(f"{folder} holds other files and is not a docsearch index; "
                                   f"choose another folder with --index")
        data = folder / _DATA
        data.mkdir(parents=True, exist_ok=True)
        ix = whoosh_index.create_in(str(data), build_schema())
        meta = {"format": FORMAT_VERSION, "data": _DATA,
                "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "last_write": None}
        _write_json(folder / META_FILE, meta)
        return cls(folder, meta, ix)

    @contextlib.contextmanager
    def writer(self, timeout: float = DEFAULT_LOCK_TIMEOUT,
               merge: bool = True) -> Iterator[IndexWriter]:
        """A Whoosh writer whose changes are committed together when the block ends
        (and dropped if it raises). Waits up to ``timeout`` seconds for the lock.
        ``merge=False`` skips merging small segments at this commit (for all but the
        last batch of a bulk load)."""
        try:
            writer = self.ix.writer(timeout=timeout, delay=0.1, limitmb=128)
        except LockError:
            raise IndexLockedError(
                f"the index at {self.path} is locked by another writer (waited {timeout:g} s); "
                f"try again when it finishes") from None
        try:
            yield writer
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge)
        self.meta["last_write"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        _write_json(self.path / META_FILE, self.meta)

    def size_on_disk(self) -> int:
        data = self.path / str(self.meta.get("data", _DATA))
        return sum(p.stat().st_size for p in data.iterdir() if p.is_file())

    def close(self) -> None:
        self.ix.close()
