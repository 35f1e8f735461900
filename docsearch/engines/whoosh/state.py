"""The one key of an index state, and of each segment in it.

Everything the search layer caches (facet columns, field lengths, the people
view and its file, the date order, recent scores, the spelling vocabulary) is
valid for one committed state of the index and must be recomputed when the
state changes. That state is named here, once: :func:`segment_key` names one
segment as it is now (its id, documents stored and documents live: deletions
change the last), and :func:`state_key` names what a searcher sees, a digest of
its segments' keys, computed once per searcher. Caches that are genuinely per
segment (the facet columns, field lengths) key on :func:`segment_key`; the rest
on :func:`state_key`.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from typing import Any

__all__ = ["segment_key", "state_key"]

_STATES: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def segment_key(reader: Any) -> tuple[Any, int, int]:
    """One segment as it is now: ``(segment id, documents, live documents)``. A reader
    without a segment (an empty index) is named by its identity."""
    segment = getattr(reader, "segment", None)
    segment = segment() if callable(segment) else segment
    ident = segment.segment_id() if segment is not None else id(reader)
    return ident, int(reader.doc_count_all()), int(reader.doc_count())


def state_key(searcher: Any) -> str:
    """The index state ``searcher`` sees, as 16 hex digits: equal keys, same
    segments with the same deletions. Computed once per searcher."""
    with _LOCK:
        found = _STATES.get(searcher)
    if found is None:
        state = "|".join(str(segment_key(leaf.reader())) for leaf, _ in
                         searcher.leaf_searchers())
        found = hashlib.blake2b(state.encode("utf-8"), digest_size=8).hexdigest()
        with _LOCK:
            _STATES[searcher] = found
    return found
