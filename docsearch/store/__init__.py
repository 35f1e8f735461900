"""Where an index lives on disk and how it is written.

An index is a folder holding::

    docsearch.json      format version, engine, the generation in use, when last written
    write.lock          the write lock (see :mod:`docsearch.store.lock`)
    writer.json         who holds it, while someone does
    data/               the generation in use: the engine's files and manifest.sqlite
    data-<stamp>/       a generation being built by a rebuild, or retired by one

Each generation holds a :class:`docsearch.engines.base.Backend` of the engine
recorded in ``docsearch.json`` (made and opened through the registry,
:func:`docsearch.engines.create_backend` and :func:`~docsearch.engines.open_backend`).
Writers take the write lock, waiting up to a timeout; a batch of changes is one
engine commit. A rebuild writes a new generation beside the live one and makes it
live by replacing ``docsearch.json`` with an atomic rename; readers notice the
change at their next search and move to the new generation. A retired generation
is deleted by the next writer once no reader can still be opening it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docsearch.defaults import DEFAULT_LOCK_TIMEOUT
from docsearch.engines import DEFAULT_ENGINE, create_backend, open_backend
from docsearch.engines.base import Backend, Writer
from docsearch.errors import IndexFormatError, IndexNotFoundError
from docsearch.files import atomic_write
from docsearch.store.lock import HOLDER_FILE, LOCK_FILE, WriteLock

if TYPE_CHECKING:  # SQLite: only for writing and checking, never for a search
    from docsearch.store.manifest import Manifest

__all__ = ["DEFAULT_LOCK_TIMEOUT", "FORMAT_VERSION", "META_FILE", "Generation", "Store",
           "Writing"]

META_FILE = "docsearch.json"
FORMAT_VERSION = 4
#: Seconds a retired generation is kept for readers that may still be opening it.
RETIRE_GRACE = 60.0
_DATA = "data"
#: The engine of an index whose ``docsearch.json`` names none (made before engines
#: were recorded).
_ENGINE = DEFAULT_ENGINE


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    with atomic_write(path, fsync=True) as out:
        out.write(json.dumps(data, indent=2, sort_keys=True) + "\n")


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_ino, st.st_mtime_ns


def _ours(name: str) -> bool:
    """Names an index folder may hold besides ``docsearch.json`` (hidden ones too)."""
    return (name.startswith(".") or name in (LOCK_FILE, HOLDER_FILE, _DATA)
            or name.startswith(_DATA + "-") or name.startswith(META_FILE))


class Generation:
    """One complete engine index (a :class:`~docsearch.engines.base.Backend`) and its
    manifest, in a folder of the index."""

    def __init__(self, folder: Path, backend: Backend, engine: str) -> None:
        self.folder = folder
        self.name = folder.name
        self.backend = backend
        self.engine = engine
        self._manifest: Manifest | None = None

    @property
    def manifest(self) -> Manifest:
        """The manifest, opened on first use (searching never needs it, so an index on
        a read-only disk can be searched)."""
        if self._manifest is None:
            from docsearch.store.manifest import MANIFEST_FILE, Manifest

            self._manifest = Manifest(self.folder / MANIFEST_FILE)
        return self._manifest

    def location(self) -> str:
        """Where a worker process reopens this generation's backend."""
        return str(self.folder)

    @classmethod
    def open(cls, folder: Path, engine: str = _ENGINE) -> Generation:
        return cls(folder, open_backend(engine, folder), engine)

    @classmethod
    def create(cls, folder: Path, engine: str = _ENGINE) -> Generation:
        folder.mkdir(parents=True, exist_ok=True)
        gen = cls(folder, create_backend(engine, folder), engine)
        gen.manifest.checkpoint()  # the database exists from the start
        return gen

    def writer(self, merge: bool = True) -> contextlib.AbstractContextManager[Writer]:
        """A block whose changes are committed together when it ends (and dropped if it
        raises). ``merge=False`` may skip merge work at this commit (for all but the
        last batch of a bulk load)."""
        return self.backend.writer(merge=merge)

    def size_on_disk(self) -> int:
        return self.backend.size_on_disk()

    def close(self) -> None:
        if self._manifest is not None:
            self._manifest.close()
            self._manifest = None
        self.backend.close()


class Writing:
    """What every store does around a write, a folder's (:class:`Store`) or a remote
    engine's: hold the lock, move to the live generation, drop retired ones, and
    record when the index was last written."""

    lock: Any
    meta: dict[str, Any]

    def refresh(self) -> bool:
        raise NotImplementedError

    def _clean_generations(self) -> None:
        raise NotImplementedError

    def _save_meta(self) -> None:
        raise NotImplementedError

    @contextlib.contextmanager
    def writing(self, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[Any]:
        """Hold the write lock for the block (re-entrant), waiting up to ``timeout``
        seconds for it. The first holder moves to the live generation and deletes
        generations no longer in use."""
        first = not self.lock.held
        self.lock.acquire(timeout)
        try:
            if first:
                self.refresh()
                self._clean_generations()
            yield self
        finally:
            self.lock.release()

    def note_write(self) -> None:
        self.meta["last_write"] = _now()
        self._save_meta()


class Store(Writing):
    """An index folder: its metadata, its write lock and its live generation."""

    def __init__(self, path: Path, meta: dict[str, Any], live: Generation,
                 stamp: tuple[int, int] | None) -> None:
        self.path = path
        self.meta = meta
        self.live = live
        self.lock = WriteLock(path)
        self._stamp = stamp

    @property
    def manifest(self) -> Manifest:
        return self.live.manifest

    @classmethod
    def exists(cls, path: str | Path) -> bool:
        return (Path(path) / META_FILE).is_file()

    @property
    def engine(self) -> str:
        """The engine the index was made with (recorded in ``docsearch.json``)."""
        return str(self.meta.get("engine", _ENGINE))

    @classmethod
    def recorded_engine(cls, path: str | Path) -> str | None:
        """The engine the index at ``path`` was made with, or ``None`` when there is
        no readable index there (opening it says why)."""
        try:
            meta = json.loads((Path(path) / META_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return str(meta.get("engine", _ENGINE)) if isinstance(meta, dict) else None

    @classmethod
    def _read_meta(cls, folder: Path) -> tuple[dict[str, Any], tuple[int, int] | None]:
        meta_file = folder / META_FILE
        if not meta_file.is_file():
            raise IndexNotFoundError(
                f"no index at {folder} (create one with: docsearch index FOLDER --index {folder})")
        stamp = _stamp(meta_file)
        try:
            meta = json.loads(meta_file.read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise IndexFormatError(f"cannot read {meta_file}: {exc}") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT_VERSION:
            found = meta.get("format") if isinstance(meta, dict) else None
            raise IndexFormatError(
                f"{folder} is a docsearch index of format {found!r}; this version reads format "
                f"{FORMAT_VERSION} (delete the folder and index again)")
        return meta, stamp

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open an existing index; :class:`IndexNotFoundError` if there is none."""
        folder = Path(path)
        for attempt in range(3):
            meta, stamp = cls._read_meta(folder)
            try:
                live = Generation.open(folder / str(meta.get("data", _DATA)),
                                       str(meta.get("engine", _ENGINE)))
            except (IndexFormatError, OSError) as exc:
                if attempt < 2 and _stamp(folder / META_FILE) != stamp:
                    continue  # a rebuild swapped generations while we opened: read again
                raise IndexFormatError(f"the index at {folder} is damaged: {exc}") from None
            return cls(folder, meta, live, stamp)
        raise AssertionError("unreachable")  # pragma: no cover

    @classmethod
    def create(cls, path: str | Path, timeout: float = DEFAULT_LOCK_TIMEOUT,
               engine: str = _ENGINE) -> Store:
        """Open the index at ``path``, creating it when there is none (the folder may
        exist if it holds no other files), recording ``engine`` in it. Creation takes
        the write lock, and what a creation killed half-way left behind is cleared
        first."""
        folder = Path(path)
        if cls.exists(folder):
            return cls.open(folder)
        if folder.exists() and not folder.is_dir():
            raise IndexFormatError(f"{folder} is a file, not an index folder")
        if folder.is_dir() and any(not _ours(p.name) for p in folder.iterdir()):
            raise IndexFormatError(f"{folder} holds other files and is not a docsearch index; "
                                   f"choose another folder with --index")
        folder.mkdir(parents=True, exist_ok=True)
        lock = WriteLock(folder)
        lock.acquire(timeout)
        try:
            if cls.exists(folder):  # another process created it while we waited
                return cls.open(folder)
            for leftover in folder.iterdir():
                if leftover.is_dir() and _ours(leftover.name) \
                        and not leftover.name.startswith("."):
                    shutil.rmtree(leftover)
            live = Generation.create(folder / _DATA, engine)
            meta = {"format": FORMAT_VERSION, "engine": engine, "data": _DATA,
                    "created": _now(), "last_write": None, "retired": []}
            _write_json(folder / META_FILE, meta)
        finally:
            lock.release()
        return cls(folder, meta, live, _stamp(folder / META_FILE))

    def refresh(self) -> bool:
        """Move to the live generation if a rebuild replaced ours; True if it did."""
        stamp = _stamp(self.path / META_FILE)
        if stamp == self._stamp:
            return False
        meta, stamp = self._read_meta(self.path)
        self.meta, self._stamp = meta, stamp
        if meta.get("data", _DATA) == self.live.name:
            return False
        old, self.live = self.live, Generation.open(self.path / str(meta["data"]), self.engine)
        old.close()
        return True

    def _save_meta(self) -> None:
        _write_json(self.path / META_FILE, self.meta)
        self._stamp = _stamp(self.path / META_FILE)

    # ------------------------------------------------------------ generations

    def new_generation(self) -> Generation:
        """An empty generation beside the live one (call under the write lock)."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        return Generation.create(self.path / f"{_DATA}-{stamp}-{uuid.uuid4().hex[:6]}",
                                 self.engine)

    def swap(self, new: Generation) -> None:
        """Make ``new`` the live generation with one atomic rename of the metadata
        file; the old one is retired (deleted later, see :data:`RETIRE_GRACE`)."""
        new.close()
        retired = [*self.meta.get("retired", []), {"data": self.live.name, "at": time.time()}]
        self.meta.update(data=new.name, retired=retired, last_write=_now())
        self._save_meta()
        old, self.live = self.live, Generation.open(new.folder, self.engine)
        old.close()

    def discard(self, gen: Generation) -> None:
        """Delete a generation that was never made live."""
        with contextlib.suppress(Exception):
            gen.close()
        shutil.rmtree(gen.folder, ignore_errors=True)

    def _clean_generations(self) -> None:
        live = self.live.name
        keep: list[dict[str, Any]] = []
        for item in self.meta.get("retired", []):
            if item.get("data") != live and time.time() - float(item.get("at", 0)) < RETIRE_GRACE:
                keep.append(item)
        kept = {item["data"] for item in keep}
        for folder in self.path.iterdir():
            name = folder.name
            if folder.is_dir() and _ours(name) and not name.startswith(".") \
                    and name not in kept | {live}:
                shutil.rmtree(folder, ignore_errors=True)  # retired, or a killed rebuild's
        if keep != self.meta.get("retired", []):
            self.meta["retired"] = keep
            self._save_meta()

    def size_on_disk(self) -> int:
        return self.live.size_on_disk()

    def model_folder(self) -> Path:
        """The folder holding the index's topic model (``topic_model.npz``)."""
        return self.path

    def keep_model(self) -> None:
        """Nothing to do: the model was written into the index folder."""

    def close(self) -> None:
        self.live.close()
