"""Reading and extraction on every core.

Parsing files and extracting people and topics is pure Python and about half of an
index build; the engine's writing is the other half and stays in the main process. So
:func:`ordered_map` runs the reading in worker processes while the main process
writes, and hands results back in input order (a sync's report and batches are the
same as on one core). Small jobs run in-process: starting workers costs more than
they save. ``DOCSEARCH_WORKERS`` sets the number of workers (``1``: none).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from typing import Any, TypeVar

__all__ = ["MIN_ITEMS", "ordered_map", "worker_count"]

T = TypeVar("T")
R = TypeVar("R")

#: Fewer items than this are handled in-process.
MIN_ITEMS = 200
_CHUNK = 8
#: Items handed to the workers at a time.
WINDOW = 2000
#: Windows submitted beyond the one whose results are being handed back, so the workers
#: go on while the caller is busy with them (an index commit, say).
AHEAD = 2


def worker_count() -> int:
    """Worker processes to use: ``DOCSEARCH_WORKERS``, else one per core."""
    value = os.environ.get("DOCSEARCH_WORKERS", "")
    if value.strip().isdigit():
        return max(1, int(value))
    return os.cpu_count() or 1


def _context() -> Any:
    # fork starts in milliseconds and shares the loaded word lists; the workers only
    # read files and compute, they never touch the parent's open index or database.
    # With other threads running, forking is unsafe: a fork server is used instead.
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class _Pool(multiprocessing.pool.Pool):
    """A process pool whose keeper thread (it replaces workers that exit) waits for a
    worker's exit or the pool's end only. The standard pool's keeper also waits on the
    results pipe, so while a result sat unread it woke and polled every worker again and
    again: about ten times per result, 3 CPU s of the writing process for Reuters' 21,578
    articles, taken from the workers on a busy machine."""

    def _get_sentinels(self) -> list[Any]:
        return [self._change_notifier._reader]  # type: ignore[attr-defined]


def ordered_map(fn: Callable[[T], R], items: Iterable[T], *,
                initializer: Callable[..., None] | None = None,
                initargs: tuple[Any, ...] = ()) -> Iterator[R]:
    """``fn`` over ``items``, results in order; in worker processes when there are
    enough items and more than one core. ``initializer(*initargs)`` runs once in each
    worker (and once here when run in-process). Items are taken ``WINDOW`` at a time
    (``AHEAD + 1`` windows in flight), so a long iterable is never all in memory."""
    it = iter(items)
    first = list(islice(it, MIN_ITEMS))
    workers = min(worker_count(), max(1, len(first) // _CHUNK))
    if workers <= 1 or len(first) < MIN_ITEMS:
        if initializer is not None:
            initializer(*initargs)
        yield from map(fn, chain(first, it))
        return
    with _Pool(workers, initializer=initializer, initargs=initargs, context=_context()) as pool:
        pending: deque[Iterator[R]] = deque()
        for window in chunks(chain(first, it), WINDOW):
            pending.append(pool.imap(fn, window, chunksize=_CHUNK))
            if len(pending) > AHEAD:
                yield from pending.popleft()
        while pending:
            yield from pending.popleft()


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size``."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
