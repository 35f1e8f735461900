"""The manifest: which files an index was built from, and what each gave.

One SQLite database (``manifest.sqlite``) beside the engine's files of an index
generation. A row per file read by a sync: its absolute path, the folder it was
found under, size, modification time (ns), SHA-256 and the ids of the articles it
gave, plus the problem met if some of it could not be read. A sync reads only files
whose size or modification time differ from their row, and removes the articles of
rows whose file is gone. A file modified less than two seconds before it was read is
marked *racy* (as git does): a second write within the same clock tick could keep its
size and time, so the next sync reads it again and compares its SHA-256.

The manifest is always written *after* the engine commit of the same batch, so the
manifest never claims an article the index does not hold; after a crash between the
two, the next sync re-reads the files of that batch and finds their articles already
indexed (unchanged). ``meta`` holds the folders synced and the last sync's report.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

__all__ = ["MANIFEST_FILE", "Entry", "Manifest"]

MANIFEST_FILE = "manifest.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    root TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    digest TEXT,
    ids TEXT NOT NULL,
    error TEXT,
    racy INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@attrs.frozen
class Entry:
    """One file of the manifest."""

    path: str
    root: str
    size: int
    mtime_ns: int
    digest: str | None
    ids: tuple[str, ...] = ()
    error: str | None = None
    #: Modified so shortly before it was read that a later change within the same
    #: clock tick would keep size and time: its stat alone cannot be trusted.
    racy: bool = False

    def same_stat(self, size: int, mtime_ns: int) -> bool:
        return self.size == size and self.mtime_ns == mtime_ns


class Manifest:
    """The manifest database of one index generation."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db = sqlite3.connect(str(path), timeout=60.0, isolation_level=None,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def entries(self) -> dict[str, Entry]:
        """Every row, by path."""
        rows = self._db.execute(
            "SELECT path, root, size, mtime_ns, digest, ids, error, racy FROM files")
        return {row[0]: Entry(row[0], row[1], row[2], row[3], row[4],
                              tuple(json.loads(row[5])), row[6], bool(row[7]))
                for row in rows}

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM files").fetchone()[0])

    def apply(self, upserts: Iterable[Entry] = (), removals: Iterable[str] = (),
              meta: dict[str, Any] | None = None) -> None:
        """Write rows, delete rows and set meta values in one transaction."""
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany(
                "INSERT OR REPLACE INTO files"
                " (path, root, size, mtime_ns, digest, ids, error, racy)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.path, e.root, e.size, e.mtime_ns, e.digest, json.dumps(list(e.ids)),
                  e.error, int(e.racy)) for e in upserts])
            db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in removals])
            for key, value in (meta or {}).items():
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (key, json.dumps(value)))
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the database and empty it (after a sync)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def get_meta(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def close(self) -> None:
        self._db.close()
