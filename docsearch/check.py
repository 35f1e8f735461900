"""Index health: the index compared with its manifest and with the files on disk.

:func:`check` reads every stored document (so a damaged segment shows up) and
reports drift:

* ``missing``: ids a manifest file gave that the index no longer holds;
* ``stale``: manifest files that are gone from disk;
* ``changed``: files modified since they were indexed (a sync has not run yet).
  Size and modification time are compared, as git does; a file its row marks
  racy, or every file in a ``deep`` check, is compared by SHA-256 (an edit that
  kept both shows only then);
* ``unlisted``: indexed articles no manifest file gives (added from Python, most
  often; they are reported, never removed).

:func:`repair` fixes the first three: files with missing articles are read again,
stale and changed files are synced (stale ones whose folder is gone too are removed
directly; changed ones are read again even where their size and time are as
indexed). What the repair's sync could not read is reported in ``failed``.
"""

from __future__ import annotations

import hashlib
import os
from typing import Any

import attrs

from docsearch.errors import ParseError
from docsearch.store import Generation
from docsearch.sync import commit, in_scope, live_ids, scopes_of


@attrs.frozen
class CheckReport:
    """What :func:`check` found (and, after a repair, what was fixed): article ids
    ``missing`` from the index, files ``stale`` (gone) or ``changed`` since they
    were indexed, articles ``unlisted`` (added from Python, no file gives them);
    after a repair, the files it ``failed`` to read, each with why.

    >>> health = ix.check()
    >>> health.ok, health.documents, health.missing, health.unlisted
    (True, 35, (), 0)
    """

    documents: int
    files: int
    missing: tuple[str, ...] = ()
    stale: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    unlisted: int = 0
    repaired: bool = False
    failed: tuple[ParseError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the index and the manifest agree with the files on disk."""
        return not (self.missing or self.stale or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "files": self.files,
                "missing": list(self.missing), "stale": list(self.stale),
                "changed": list(self.changed), "unlisted": self.unlisted,
                "repaired": self.repaired,
                "failed": [{"path": e.path, "reason": e.reason} for e in self.failed],
                "ok": self.ok}


def check(gen: Generation, deep: bool = False) -> CheckReport:
    """Compare ``gen``'s index with its manifest and the files on disk; ``deep``
    compares every file's content (SHA-256), not only its size and time."""
    indexed = set(live_ids(gen.backend.snapshot()))
    entries = gen.manifest.entries()
    listed: set[str] = set()
    missing: list[str] = []
    stale: list[str] = []
    changed: list[str] = []
    for path, entry in sorted(entries.items()):
        listed.update(entry.ids)
        missing.extend(i for i in entry.ids if i not in indexed)
        try:
            st = os.stat(path)
        except OSError:
            stale.append(path)
            continue
        if not entry.same_stat(st.st_size, st.st_mtime_ns) or (
                (entry.racy or deep) and _digest(path) != entry.digest):
            changed.append(path)
    return CheckReport(documents=len(indexed), files=len(entries),
                       missing=tuple(sorted(set(missing))), stale=tuple(stale),
                       changed=tuple(changed), unlisted=len(indexed - listed))


def _digest(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            for block in iter(lambda: file.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def forget(gen: Generation, report: CheckReport) -> list[str]:
    """Prepare a repair: make the manifest forget the files that lost articles or
    changed (so a sync reads them again, whatever their size and time), and drop
    stale files that no sync would reach (no synced folder holding them is left;
    their articles are deleted). Returns the synced folders and files that still
    exist, for a sync to cover."""
    roots = [r for r in gen.manifest.get_meta("roots", []) if os.path.exists(r)]
    scopes = scopes_of(roots)
    entries = gen.manifest.entries()
    missing = set(report.missing)
    changed = set(report.changed)
    dirty = [attrs.evolve(e, mtime_ns=-1, digest=None) for p, e in entries.items()
             if missing.intersection(e.ids) or p in changed]
    orphans = {p for p in report.stale if not in_scope(p, scopes)}
    kept = {i for p, e in entries.items() if p not in orphans for i in e.ids}
    deletes = sorted({i for p in orphans for i in entries[p].ids} - kept)
    if deletes:
        commit(gen, (), deletes)
    gen.manifest.apply(dirty, sorted(orphans))
    return roots
