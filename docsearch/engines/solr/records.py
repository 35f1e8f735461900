"""The index's own records in its meta collection: the manifest and the write lock.

A docsearch index on SolrCloud keeps nothing on the client machine that another
machine would need, so any machine can sync the same index. Beside the
collections of its articles, it has one small collection, ``NAME__docsearch``,
holding records (``kind``):

``meta``
    the index's metadata (format, engine, live generation, when last written);
``file``
    one manifest row (:class:`~docsearch.store.manifest.Entry`) per file of a
    generation (``gen``), as :class:`SolrManifest` gives them back;
``mkey``
    a manifest meta value of a generation (the folders synced, the last report);
``commit``
    the state token of a generation (:mod:`~docsearch.engines.solr.backend`);
``lock``
    the write lock (:class:`SolrLock`).

The write lock is a record with a lease. It is taken by creating the record only
if none exists, or by replacing an expired one only if it is still the version
read (Solr's optimistic concurrency, ``_version_``): of two machines trying at
once, exactly one succeeds. Its holder renews the lease in a background thread
(every :data:`LEASE` / 3 seconds); a writer killed while holding it blocks the
others for at most :data:`LEASE` seconds, after which the next writer takes it
over and :attr:`SolrLock.cleared` names the dead holder.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docsearch.engines.solr.client import SolrClient, SolrConflict
from docsearch.errors import IndexLockedError
from docsearch.store.lock import describe_holder
from docsearch.store.manifest import Entry

__all__ = ["LEASE", "SolrLock", "SolrManifest"]

#: Seconds a write lock lasts unless its holder renews it.
LEASE = 30.0
_POLL = 0.25


class SolrManifest:
    """The manifest of one generation, kept as records in the meta collection (the
    same interface as :class:`docsearch.store.manifest.Manifest`)."""

    def __init__(self, client: SolrClient, meta: str, gen: str) -> None:
        self.client = client
        self.meta = meta
        self.gen = gen

    def _file_id(self, path: str) -> str:
        return f"file:{self.gen}:{hashlib.sha1(path.encode('utf-8')).hexdigest()}"

    def entries(self) -> dict[str, Entry]:
        query = {"query": {"lucene": {"query": f'kind:file AND gen:"{self.gen}"'}}}
        out = {}
        for doc in self.client.scan(self.meta, query, ["id", "stored"]):
            row = json.loads(doc["stored"])
            entry = Entry(row["path"], row["root"], int(row["size"]), int(row["mtime_ns"]),
                          row.get("digest"), tuple(row.get("ids", ())), row.get("error"),
                          bool(row.get("racy")))
            out[entry.path] = entry
        return out

    def __len__(self) -> int:
        body = {"query": {"lucene": {"query": f'kind:file AND gen:"{self.gen}"'}}, "limit": 0}
        return int(self.client.select(self.meta, body, what="a count of the manifest")
                   ["response"]["numFound"])

    def apply(self, upserts: Iterable[Entry] = (), removals: Iterable[str] = (),
              meta: dict[str, Any] | None = None) -> None:
        """Write rows, delete rows and set meta values in one committed update."""
        docs: list[dict[str, Any]] = []
        for e in upserts:
            row = {"path": e.path, "root": e.root, "size": e.size, "mtime_ns": e.mtime_ns,
                   "digest": e.digest, "ids": list(e.ids), "error": e.error,
                   "racy": e.racy}
            docs.append({"id": self._file_id(e.path), "kind": "file", "gen": self.gen,
                         "stored": json.dumps(row, ensure_ascii=False)})
        for key, value in (meta or {}).items():
            docs.append({"id": f"mkey:{self.gen}:{key}", "kind": "mkey", "gen": self.gen,
                         "stored": json.dumps(value, ensure_ascii=False)})
        deleted = [self._file_id(p) for p in removals]
        parts = []
        if deleted:
            parts.append('"delete":' + json.dumps(deleted))
        parts += ['"add":' + json.dumps({"doc": d}, ensure_ascii=False) for d in docs]
        if not parts:
            return
        self.client.request("POST", f"{self.meta}/update", params={"commit": "true"},
                            content=("{" + ",".join(parts) + "}").encode("utf-8"),
                            content_type="application/json", timeout=300.0,
                            what="a write of the manifest")

    def checkpoint(self) -> None:
        """Nothing to fold: Solr commits what :meth:`apply` writes."""

    def get_meta(self, key: str, default: Any = None) -> Any:
        docs = self.client.get(self.meta, [f"mkey:{self.gen}:{key}"])
        return json.loads(docs[0]["stored"]) if docs else default

    def drop(self) -> None:
        """Delete every record of this generation (its collection is gone)."""
        self.client.update(self.meta, {"delete": {"query": f'gen:"{self.gen}"'}},
                           what="the removal of a generation's manifest")

    def close(self) -> None:
        """Nothing to release (the client belongs to the store)."""


class SolrLock:
    """The write lock of an index on SolrCloud (see the module docs); re-entrant
    within one object, like :class:`docsearch.store.lock.WriteLock`."""

    RECORD = "lock"

    def __init__(self, client: SolrClient, meta: str, shown: str) -> None:
        self.client = client
        self.meta = meta
        self.folder = shown  # named in messages, as the folder of a local lock is
        self._depth = 0
        self._version: int | None = None
        self._token = ""
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None
        self._guard = threading.Lock()
        #: The holder whose lease had run out when the lock was taken over.
        self.cleared: dict[str, Any] | None = None

    @property
    def held(self) -> bool:
        return self._depth > 0

    def _read(self) -> dict[str, Any] | None:
        docs = self.client.get(self.meta, [self.RECORD])
        return docs[0] if docs else None

    def holder(self) -> dict[str, Any] | None:
        doc = self._read()
        if doc is None:
            return None
        try:
            data = json.loads(doc.get("stored") or "{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _record(self, version: int) -> dict[str, Any]:
        command = " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:])[:200]
        holder = {"pid": os.getpid(), "host": socket.gethostname(), "command": command,
                  "since": time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime()),
                  "token": self._token}
        return {"id": self.RECORD, "kind": "lock", "lease": int((time.time() + LEASE) * 1000),
                "stored": json.dumps(holder), "_version_": version}

    def _write(self, version: int) -> bool:
        """Write the lock record if ``version`` still holds (-1: if there is none);
        True if it was written."""
        try:
            data = self.client.update(self.meta, [self._record(version)],
                                      params={"versions": "true"}, what="the write lock")
        except SolrConflict:
            return False
        adds = data.get("adds") or []
        self._version = int(adds[1]) if len(adds) > 1 else None
        return True

    def acquire(self, timeout: float) -> None:
        if self._depth:
            self._depth += 1
            return
        self._token = os.urandom(8).hex()
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            found = self._read()
            if found is None:
                if self._write(-1):
                    self.cleared = None
                    break
            elif int(found.get("lease", 0)) < time.time() * 1000:
                if self._write(int(found["_version_"])):
                    stale = json.loads(found.get("stored") or "{}")
                    self.cleared = stale if isinstance(stale, dict) else None
                    break
            elif time.monotonic() >= deadline:
                raise IndexLockedError(
                    f"the index at {self.folder} is being written by "
                    f"{describe_holder(self.holder())}; gave up after waiting {timeout:g} s "
                    f"(wait longer with --lock-timeout)")
            else:
                time.sleep(_POLL)
        self._depth = 1
        self._stop.clear()
        self._renewer = threading.Thread(target=self._renew, name="docsearch-solr-lease",
                                         daemon=True)
        self._renewer.start()

    def _renew(self) -> None:
        while not self._stop.wait(LEASE / 3):
            with self._guard:
                if self._version is None or not self._depth:
                    return
                try:
                    self._write(self._version)
                except Exception:  # noqa: BLE001 - the next renewal tries again
                    continue

    def release(self) -> None:
        if not self._depth:
            return
        self._depth -= 1
        if self._depth:
            return
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        with self._guard:
            version, self._version = self._version, None
        if version is not None:
            # A conflict: someone took over an expired lease, and it is theirs now.
            with contextlib.suppress(SolrConflict):
                self.client.update(self.meta, {"delete": {"id": self.RECORD,
                                                          "_version_": version}},
                                   what="the release of the write lock")
