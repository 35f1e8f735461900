"""A cache of what was read last, bounded by the size of what it holds.

The Whoosh engine remembers several things it decoded from an index (postings,
term dictionary entries, positions), each up to a budget counted in its own
unit (postings, terms, term-document pairs): :class:`Recent` is that one cache,
thread-safe, the least recently used dropped first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Recent"]

V = TypeVar("V")


class Recent(Generic[V]):
    """Values by key, at most ``limit`` units of ``size(value)`` in all (the one
    used last is kept even when it alone is larger)."""

    def __init__(self, limit: int, size: Callable[[V], int] = lambda _value: 1) -> None:
        self.limit = limit
        self._size = size
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        self._held = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def get_all(self, keys: list[Hashable]) -> list[V | None]:
        """:meth:`get` of each of ``keys``, under one hold of the lock."""
        items = self._items
        with self._lock:
            found = list(map(items.get, keys))
            for key, value in zip(keys, found, strict=True):
                if value is not None:
                    items.move_to_end(key)
        return found

    def put(self, key: Hashable, value: V) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._held -= self._size(old)
            self._items[key] = value
            self._held += self._size(value)
            while self._held > self.limit and len(self._items) > 1:
                _, dropped = self._items.popitem(last=False)
                self._held -= self._size(dropped)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def held(self) -> int:
        """The units held now."""
        return self._held
