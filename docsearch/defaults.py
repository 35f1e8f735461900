"""The library's defaults, in a module that imports nothing, so that the command
line can show them (``docsearch --help``) without loading the modules that use them.
Each is re-exported where it is used (``docsearch.sync.BATCH_SIZE``, ...) and by
``docsearch``.
"""

from __future__ import annotations

__all__ = ["BATCH_SIZE", "DEBOUNCE_MS", "DEFAULT_FACETS", "DEFAULT_INDEX",
           "DEFAULT_LOCK_TIMEOUT", "EXPORT_FORMATS", "FACET_NAMES"]

#: The index folder when none is named.
DEFAULT_INDEX = "index"
#: Articles per commit.
BATCH_SIZE = 5000
#: How long a burst of changes is gathered before one sync, in milliseconds.
DEBOUNCE_MS = 1000
#: Seconds a writer waits for the write lock.
DEFAULT_LOCK_TIMEOUT = 30.0
#: The facets a search counts, in this order (the keys of ``search.facets.FACETS``).
FACET_NAMES = ("person", "topic", "source", "author", "date")
#: The facets a search counts unless told which.
DEFAULT_FACETS = ("person", "topic", "source", "date")
#: The formats of :meth:`Index.export`.
EXPORT_FORMATS = ("jsonl", "json", "csv")
