"""The write lock of an index folder: one writer at a time, across processes.

The lock is an operating-system file lock (``filelock``: ``flock`` on POSIX) on
``write.lock`` in the index folder, so it is released by the kernel when the process
holding it ends in any way, SIGKILL included: a lock can never outlive its holder.
Beside it, ``writer.json`` says who holds it (process id, host, command, since
when), so that a writer who has to give up can name the holder. A ``writer.json``
whose process no longer runs is what a killed writer leaves behind; it is replaced
by the next writer (:attr:`WriteLock.cleared` then names the dead holder).
The holder file is removed before the lock is released, so a writer that finds
one after taking the lock knows it is stale.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docsearch.errors import IndexLockedError
from docsearch.files import atomic_write

if TYPE_CHECKING:
    import filelock

__all__ = ["HOLDER_FILE", "LOCK_FILE", "WriteLock", "describe_holder"]

LOCK_FILE = "write.lock"
HOLDER_FILE = "writer.json"
_POLL = 0.05


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def describe_holder(holder: dict[str, Any] | None) -> str:
    """A few words naming a lock holder: ``process 123 on host (docsearch index ...)``."""
    if not holder:
        return "another process"
    words = f"process {holder.get('pid', '?')}"
    if holder.get("host") and holder.get("host") != socket.gethostname():
        words += f" on {holder['host']}"
    if holder.get("command"):
        words += f" ({holder['command']})"
    if holder.get("since"):
        words += f" since {holder['since']}"
    return words


class WriteLock:
    """The write lock of the index folder ``folder``; re-entrant within one object."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._file_lock: filelock.FileLock | None = None  # made by the first writer
        self._depth = 0
        #: The holder a killed writer left in ``writer.json``, found when acquiring.
        self.cleared: dict[str, Any] | None = None

    @property
    def _lock(self) -> filelock.FileLock:
        """The file lock, ``filelock`` imported when a command first writes."""
        import filelock

        if self._file_lock is None:
            self._file_lock = filelock.FileLock(str(self.folder / LOCK_FILE),
                                                thread_local=False)
        return self._file_lock

    @property
    def held(self) -> bool:
        return self._depth > 0

    def holder(self) -> dict[str, Any] | None:
        """Who ``writer.json`` says holds the lock (it may be stale), or ``None``."""
        try:
            data = json.loads((self.folder / HOLDER_FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def acquire(self, timeout: float) -> None:
        """Take the lock, waiting up to ``timeout`` seconds (0: do not wait).

        Raises :class:`IndexLockedError` naming the holder when it is not free in time.
        """
        if self._depth:
            self._depth += 1
            return
        import filelock

        try:
            self._lock.acquire(timeout=max(timeout, 0.0), poll_interval=_POLL)
        except filelock.Timeout:
            raise IndexLockedError(
                f"the index at {self.folder} is being written by "
                f"{describe_holder(self.holder())}; gave up after waiting {timeout:g} s "
                f"(wait longer with --lock-timeout)") from None
        self._depth = 1
        # The holder file is removed before the lock is released, so one still there
        # now was left by a writer that died holding the lock.
        self.cleared = self.holder()
        self._write_holder()

    def _write_holder(self) -> None:
        command = " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:])[:200]
        data = {"pid": os.getpid(), "host": socket.gethostname(), "command": command,
                "since": _now()}
        with atomic_write(self.folder / HOLDER_FILE) as out:
            out.write(json.dumps(data) + "\n")

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        try:
            (self.folder / HOLDER_FILE).unlink(missing_ok=True)
        finally:
            self._lock.release()
