"""Watch folders and keep the index in step as files appear, change or go.

Built on ``watchfiles`` (native file-system events, debounced: a burst of changes
becomes one sync). Each sync is the ordinary incremental :func:`docsearch.sync.sync`
under the write lock, so only changed files are read, and other writers can work
between syncs. Stop with ``stop_event`` (any object with ``is_set()``) or Ctrl-C.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import watchfiles

from docsearch.readers import suffixes
from docsearch.sync import IndexReport

if TYPE_CHECKING:
    from docsearch.index import Index

__all__ = ["DEBOUNCE_MS", "watch"]

#: How long a burst of changes is gathered before one sync, in milliseconds.
DEBOUNCE_MS = 1000


class _Relevant:
    """Changes worth a sync: to article files and folders, not hidden ones, and none
    inside the index itself (which may live in a watched folder)."""

    def __init__(self, index_folder: Path) -> None:
        self.index_folder = str(index_folder.resolve()) + os.sep

    def __call__(self, _change: watchfiles.Change, path: str) -> bool:
        name = Path(path).name
        if name.startswith(".") or os.path.abspath(path).startswith(self.index_folder):
            return False
        suffix = Path(name).suffix.lower()
        return not suffix or suffix in suffixes()


def watch(index: Index, paths: Sequence[str | Path], *, debounce_ms: int = DEBOUNCE_MS,
          stop_event: Any = None, force_polling: bool | None = None) -> Iterator[IndexReport]:
    """Sync ``paths`` now, then again after each burst of changes; yields each report.

    Runs until ``stop_event`` is set (or Ctrl-C raises :class:`KeyboardInterrupt`).
    """
    folders = [Path(p) for p in paths]
    events = watchfiles.watch(*folders, watch_filter=_Relevant(index.path),
                              debounce=debounce_ms, stop_event=stop_event,
                              force_polling=force_polling, rust_timeout=250,
                              yield_on_timeout=True)
    # The watcher starts on the first step (an empty set after rust_timeout, or the
    # first changes): only then the first sync, so no change falls between the two.
    first = next(events, None)
    yield index.sync(folders)
    if first is None:
        return
    for changes in events:
        if changes:
            yield index.sync(folders)
