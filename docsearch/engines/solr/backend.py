"""One Solr collection (a generation of a docsearch index) as a
:class:`~docsearch.engines.base.Backend`.

A :class:`SolrWriter` block sends its documents and deletions in one update
request and commits it (``commit=true``: when Solr answers, the changes are on
every live replica and visible); only then does it leave a new state token in
the index's meta collection. A block that raises sends nothing. Solr has no
transaction across shards: if a shard has no live replica the update fails, the
error is raised (one line, :class:`~docsearch.errors.EngineUnavailableError`),
nothing is recorded as synced, and the next sync writes those articles again
(writes are by id, so writing twice changes nothing).
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

from docsearch.engines.base import KEYWORD_FIELDS, Document, date_number
from docsearch.engines.solr.client import SolrClient
from docsearch.engines.solr.snapshot import SolrSnapshot, leader_sizes

__all__ = ["SolrBackend", "SolrWriter", "solr_document"]


def solr_document(doc: Document) -> dict[str, Any]:
    """A docsearch document as a Solr document (fields of ``configset/schema.xml``)."""
    out: dict[str, Any] = {
        "id": doc.id,
        "title": " ".join(doc.title_terms),
        "body": " ".join(doc.body_terms),
        "title_len": len(doc.title_terms),
        "body_len": len(doc.body_terms),
        "date": date_number(doc.date),
        "stored": json.dumps(dict(doc.stored), ensure_ascii=False, sort_keys=True),
    }
    for field in KEYWORD_FIELDS:
        values = [v for v in doc.keywords.get(field, ()) if v]
        if values:
            out[field] = list(dict.fromkeys(values))
    return out


class SolrWriter:
    """Collects puts and deletes; :meth:`SolrBackend.writer` sends them."""

    def __init__(self) -> None:
        self.changes: dict[str, Document | None] = {}

    def put(self, doc: Document) -> None:
        self.changes[doc.id] = doc

    def delete(self, article_id: str) -> None:
        self.changes[article_id] = None


def _update_body(changes: dict[str, Document | None]) -> bytes:
    """One JSON update request: the deletions, then every document (the JSON update
    format repeats the ``add`` key, which a Python dict cannot)."""
    parts = []
    deleted = [i for i, d in changes.items() if d is None]
    if deleted:
        parts.append('"delete":' + json.dumps(deleted))
    for doc in changes.values():
        if doc is not None:
            parts.append('"add":' + json.dumps({"doc": solr_document(doc)}, ensure_ascii=False))
    return ("{" + ",".join(parts) + "}").encode("utf-8")


class SolrBackend:
    """The collection ``collection``; its state token lives in ``meta`` (the index's
    meta collection) under ``commit:<collection>``."""

    def __init__(self, client: SolrClient, collection: str, meta: str, location: str,
                 owns_client: bool = False) -> None:
        self.client = client
        self._owns_client = owns_client
        self.collection = collection
        self.meta = meta
        #: Where a worker process reopens this backend (see ``docsearch.engines.solr.open``).
        self.folder = location
        self._snapshot: SolrSnapshot | None = None
        self._preset: tuple[str, float] | None = None

    @property
    def token_id(self) -> str:
        """The id of this collection's state token in the meta collection."""
        return f"commit:{self.collection}"

    def preset(self, token: str) -> None:
        """The state token as just read (with the index's metadata): the next
        :meth:`snapshot`, if it comes within a second and before any write, uses it
        instead of reading it again."""
        self._preset = (token, time.monotonic())

    @contextlib.contextmanager
    def writer(self, merge: bool = True) -> Iterator[SolrWriter]:
        writer = SolrWriter()
        yield writer
        if not writer.changes:
            return
        self.client.request("POST", f"{self.collection}/update", params={"commit": "true"},
                            content=_update_body(writer.changes),
                            content_type="application/json", timeout=300.0,
                            what=f"a write of {len(writer.changes)} articles")
        self.note_commit()

    def note_commit(self) -> None:
        """Leave a new state token: every reader's next snapshot is a new state."""
        self._preset = None
        self.client.update(self.meta, [{"id": self.token_id, "kind": "commit",
                                        "stored": uuid.uuid4().hex}],
                           what="the record of a commit")

    def token(self) -> str:
        preset, self._preset = self._preset, None
        if preset is not None and time.monotonic() - preset[1] < 1.0:
            return preset[0]
        docs = self.client.get(self.meta, [self.token_id])
        return str(docs[0].get("stored", "")) if docs else ""

    def snapshot(self) -> SolrSnapshot:
        key = f"{self.collection}-{self.token()}"
        if self._snapshot is None or self._snapshot.key != key:
            self._snapshot = SolrSnapshot(self.client, self.collection, key)
        return self._snapshot

    def tidy(self) -> bool:
        return False  # Solr merges segments by its own policy

    def size_on_disk(self) -> int:
        """Bytes of one copy of the index (the shard leaders'; each replica holds
        another copy)."""
        return leader_sizes(self.client, self.collection)[2]

    def close(self) -> None:
        self._snapshot = None
        if self._owns_client:
            self.client.close()
