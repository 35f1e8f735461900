"""The memory engine: a pure-Python and numpy engine, for tests; not for real archives.

It exists to prove that docsearch's engine seam (:mod:`docsearch.engines.base`)
is real: the conformance suite (``tests/engines/``) runs every search, facet,
sync and export test against it as against Whoosh. It keeps every document in
memory and writes one file per commit into the generation folder
(:mod:`~docsearch.engines.memory.storage`), so another process (a sync worker, a
second ``docsearch search``) opens the same state. Each commit is a full state or
only its changes; at the 16th commit since the last full one (unless it is a
bulk load's ``merge=False`` batch), or at :meth:`MemoryBackend.tidy`, the state
is written whole and older files deleted.

A snapshot (:mod:`~docsearch.engines.memory.snapshot`) is an immutable view of
one commit; matching and BM25F scoring of docsearch's query tree is
:mod:`~docsearch.engines.memory.matching`. Everything is rebuilt from the
documents at each commit: fine for tests, slow for a large archive.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

from docsearch.engines.base import Document
from docsearch.engines.memory.snapshot import MemorySnapshot
from docsearch.engines.memory.storage import (
    Change,
    apply,
    commits,
    read_state,
    remove_before,
    write_commit,
)

__all__ = ["MemoryBackend", "MemoryWriter", "create", "open"]

#: After this many delta files, the next commit writes the state whole.
COMPACT_AFTER = 16


def create(folder: Path) -> MemoryBackend:
    """A new, empty memory index in ``folder`` (commit 0, written whole)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    write_commit(folder, uuid.uuid4().hex, 0, (), full=True)
    return MemoryBackend(folder)


def open(folder: Path) -> MemoryBackend:  # noqa: A001 - the engine module's interface
    """The memory index in ``folder``."""
    return MemoryBackend(Path(folder))


class MemoryWriter:
    """Collects puts and deletes; :meth:`MemoryBackend.writer` commits them."""

    def __init__(self) -> None:
        self.changes: list[Change] = []

    def put(self, doc: Document) -> None:
        self.changes.append(("put", doc))

    def delete(self, article_id: str) -> None:
        self.changes.append(("delete", article_id))


class MemoryBackend:
    """A :class:`docsearch.engines.base.Backend` holding its documents in memory."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.RLock()
        self._uid, self._commit, self._docs, self._deltas = read_state(folder)
        self._snapshot: MemorySnapshot | None = None

    def _refresh(self) -> None:
        """Catch up with commits another process (or backend) wrote."""
        files = commits(self.folder)
        if files and files[-1].number != self._commit:
            self._uid, self._commit, self._docs, self._deltas = read_state(
                self.folder, self._commit, self._docs)
            self._snapshot = None

    @contextlib.contextmanager
    def writer(self, merge: bool = True) -> Iterator[MemoryWriter]:
        """A block committed when it ends, as one file; nothing if it raises.
        ``merge=False`` (a bulk load's batches but the last) never writes the state whole."""
        writer = MemoryWriter()
        yield writer
        with self._lock:
            self._refresh()
            docs = dict(self._docs)
            apply(docs, writer.changes)
            whole = merge and self._deltas + 1 >= COMPACT_AFTER
            self._write(docs, writer.changes, whole)

    def _write(self, docs: dict[str, Document], changes: list[Change], whole: bool) -> None:
        number = self._commit + 1
        if whole:
            write_commit(self.folder, self._uid, number, (("put", d) for d in docs.values()),
                         full=True)
            remove_before(self.folder, number)
        else:
            write_commit(self.folder, self._uid, number, changes, full=False)
        self._commit, self._docs = number, docs
        self._deltas = 0 if whole else self._deltas + 1
        self._snapshot = None

    def snapshot(self) -> MemorySnapshot:
        with self._lock:
            self._refresh()
            if self._snapshot is None:
                self._snapshot = MemorySnapshot(
                    f"memory-{self._uid}-{self._commit}", list(self._docs.values()),
                    {"segments": 1, "deleted": 0, "commits": self._commit})
            return self._snapshot

    def tidy(self) -> bool:
        """Write the state whole when there are deltas since the last full file."""
        with self._lock:
            self._refresh()
            if not self._deltas:
                return False
            self._write(dict(self._docs), [], whole=True)
            return True

    def size_on_disk(self) -> int:
        total = 0
        for commit in commits(self.folder):
            with contextlib.suppress(OSError):
                total += commit.path.stat().st_size
        return total

    def close(self) -> None:
        self._snapshot = None
