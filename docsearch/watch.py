"""Watch folders and keep the index in step as files appear, change or go.

Built on ``watchfiles`` (native file-system events, debounced: a burst of changes
becomes one sync). Each sync is the ordinary incremental :func:`docsearch.sync.sync`
under the write lock, so only changed files are read, and other writers can work
between syncs. Stop with ``stop_event`` (any object with ``is_set()``) or Ctrl-C.
It knows nothing of the index: it is given the sync to run and the folders to
ignore (the index's own, which may live in a watched folder).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import watchfiles

from docsearch.defaults import DEBOUNCE_MS
from docsearch.readers import suffixes
from docsearch.sync import IndexReport

__all__ = ["DEBOUNCE_MS", "watch"]



class _Relevant:
    """Changes worth a sync: to article files and folders, not hidden ones, and none
    inside the ``ignored`` folders (the index itself, which may live in a watched one)."""

    def __init__(self, ignored: Iterable[Path]) -> None:
        self.ignored = tuple(str(Path(folder).resolve()) + os.sep for folder in ignored)

    def __call__(self, _change: watchfiles.Change, path: str) -> bool:
        name = Path(path).name
        if name.startswith(".") or os.path.abspath(path).startswith(self.ignored):
            return False
        suffix = Path(name).suffix.lower()
        return not suffix or suffix in suffixes()


def watch(sync: Callable[[list[Path]], IndexReport], paths: Sequence[str | Path], *,
          ignore: Iterable[str | Path] = (), debounce_ms: int = DEBOUNCE_MS,
          stop_event: Any = None, force_polling: bool | None = None) -> Iterator[IndexReport]:
    """Call ``sync(paths)`` now, then again after each burst of changes under
    ``paths`` (none inside the ``ignore`` folders); yields each report.

    Runs until ``stop_event`` is set (or Ctrl-C raises :class:`KeyboardInterrupt`).
    """
    folders = [Path(p) for p in paths]
    events = watchfiles.watch(*folders, watch_filter=_Relevant(Path(p) for p in ignore),
                              debounce=debounce_ms, stop_event=stop_event,
                              force_polling=force_polling, rust_timeout=250,
                              yield_on_timeout=True)
    # The watcher starts on the first step (an empty set after rust_timeout, or the
    # first changes): only then the first sync, so no change falls between the two.
    first = next(events, None)
    yield sync(folders)
    if first is None:
        return
    for changes in events:
        if changes:
            yield sync(folders)
