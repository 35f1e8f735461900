"""Writing a file whole or not at all: the one write-then-rename of docsearch.

Every file docsearch writes that a reader may open at any moment (the index's
``docsearch.json``, the lock holder's ``writer.json``, the caches beside the
index, an export) goes through :func:`atomic_write`: the data is written to a
hidden temporary file beside the target, then renamed over it, so a reader sees
the old file or the new one, never half of one. Callers keep their own error
policy: a best-effort cache swallows ``OSError``, an export reports it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write"]


@contextlib.contextmanager
def atomic_write(path: str | Path, *, binary: bool = False, fsync: bool = False,
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """A file open for writing (text in UTF-8, or ``binary``) that replaces ``path``
    when the ``with`` block ends; if the block raises, ``path`` is left as it was
    and the temporary file is removed. ``fsync`` makes the data durable before
    the rename (for files whose loss would lose an index).

    >>> target = tmp / "note.txt"
    >>> with atomic_write(target) as out:
    ...     _ = out.write("whole")
    >>> target.read_text(), sorted(p.name for p in tmp.iterdir() if p.name.startswith("."))
    ('whole', [])
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with (open(temporary, "wb") if binary
              else open(temporary, "w", encoding="utf-8", newline=newline)) as out:
            yield out
            if fsync:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
