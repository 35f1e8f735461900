"""A docsearch index on a SolrCloud cluster: what :class:`docsearch.store.Store`
is for a folder, for a location ``solr://HOST:PORT/solr/NAME``.

What docsearch creates in the cluster for the index ``NAME``:

``docsearch-<version>`` (configset)
    the schema and configuration of :mod:`docsearch.engines.solr` (``configset/``),
    uploaded through the Configsets API once per cluster;
``NAME__<stamp>`` (collections)
    the articles: one collection per generation, ``--shards`` shards of
    ``--replicas`` replicas each (the live one, and during a rebuild the next);
``NAME`` (alias)
    points at the live generation: other Solr clients can search ``NAME``;
``NAME__docsearch`` (collection, one shard)
    the index's records: metadata, manifest, state tokens, write lock
    (:mod:`~docsearch.engines.solr.records`).

A rebuild fills a new generation, then swaps it in by moving the alias and the
metadata's live generation (each one Solr call); the old collection is deleted
by the next writer after :data:`~docsearch.store.RETIRE_GRACE` seconds. A
collection or alias called ``NAME`` that docsearch did not make is never
touched: opening it is refused.

The client machine keeps only caches (``~/.cache/docsearch/solr/...``): the
people names of a state, and a copy of the topic model, whose original is a
record of the meta collection.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import io
import json
import os
import time
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

from docsearch.defaults import DEFAULT_LOCK_TIMEOUT
from docsearch.engines.solr.backend import SolrBackend
from docsearch.engines.solr.client import Location, SolrClient, parse_location
from docsearch.engines.solr.records import SolrLock, SolrManifest
from docsearch.errors import EngineUnavailableError, IndexFormatError, IndexNotFoundError
from docsearch.store import Writing

__all__ = ["CONFIGSET", "DEFAULT_REPLICAS", "DEFAULT_SHARDS", "SolrGeneration", "SolrStore"]

#: The configset's name: a new docsearch schema gets a new name (v3: the
#: ``article`` field).
CONFIGSET = "docsearch-v3"
DEFAULT_SHARDS = 2
DEFAULT_REPLICAS = 2
#: The index's format; an index of another is refused (5: collections of configset
#: ``docsearch-v3``, whose ``article`` field a plain word is scored in).
FORMAT_VERSION = 5
RETIRE_GRACE = 60.0
_META = "meta"
_CONFIG: dict[str, Any] = {"collection.configName": CONFIGSET}
_MODEL = "topic-model"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def configset_archive() -> bytes:
    """The configset (``configset/`` beside this module) as a zip archive."""
    out = io.BytesIO()
    folder = resources.files("docsearch.engines.solr") / "configset"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in ("solrconfig.xml", "schema.xml"):
            archive.writestr(name, (folder / name).read_bytes())
    return out.getvalue()


def cache_folder(location: Location) -> Path:
    """Where this machine keeps caches of the index at ``location``."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    host = location.nodes[0].split("://", 1)[-1].split("/", 1)[0].replace(":", "_")
    return base / "docsearch" / "solr" / f"{host}-{location.name}"


class SolrGeneration:
    """One generation: a collection, its backend and its manifest."""

    def __init__(self, store: SolrStore, collection: str) -> None:
        self.name = collection
        self.engine = "solr"
        self.backend = SolrBackend(store.client, collection, store.meta_collection,
                                   f"{store.path}#{collection}")
        self.manifest = SolrManifest(store.client, store.meta_collection, collection)
        #: A local folder for the search layer's caches of this generation.
        self.folder = store.cache / collection
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)

    def location(self) -> str:
        """Where a worker process reopens this generation's backend."""
        return self.backend.folder

    def writer(self, merge: bool = True):  # type: ignore[no-untyped-def]
        return self.backend.writer(merge=merge)

    def size_on_disk(self) -> int:
        return self.backend.size_on_disk()

    def close(self) -> None:
        self.backend.close()


class SolrStore(Writing):
    """An index on SolrCloud (see the module docs); the interface of
    :class:`docsearch.store.Store` (``writing`` and ``note_write`` are its)."""

    def __init__(self, location: Location, client: SolrClient, meta: dict[str, Any]) -> None:
        self.location = location
        self.path = location.shown
        self.client = client
        self.meta = meta
        self.cache = cache_folder(location)
        self.live = SolrGeneration(self, str(meta["data"]))
        self.lock = SolrLock(client, self.meta_collection, self.path)

    @property
    def meta_collection(self) -> str:
        return f"{self.location.name}__docsearch"

    @property
    def manifest(self) -> SolrManifest:
        return self.live.manifest

    @property
    def engine(self) -> str:
        return "solr"

    # ------------------------------------------------------------- opening

    @classmethod
    def _read_meta(cls, location: Location, client: SolrClient) -> dict[str, Any] | None:
        """The index's metadata, or ``None`` when there is no docsearch index there
        (:class:`IndexFormatError` if ``NAME`` is something else of the cluster's)."""
        name = location.name
        collections = set(client.collections())
        if f"{name}__docsearch" in collections:
            docs = client.get(f"{name}__docsearch", [_META])
            if docs:
                meta = json.loads(docs[0]["stored"])
                if meta.get("format") != FORMAT_VERSION:
                    raise IndexFormatError(
                        f"{location.shown} is a docsearch index of format "
                        f"{meta.get('format')!r}; this version reads format {FORMAT_VERSION} "
                        f"(index the articles again under another name)")
                return dict(meta)
        if name in collections or name in client.aliases():
            raise IndexFormatError(
                f"the Solr collection '{name}' at {location.shown} was not made by docsearch; "
                f"docsearch leaves it alone (choose another name)")
        return None

    @classmethod
    def open(cls, text: str) -> SolrStore:
        location = parse_location(text)
        client = SolrClient(location)
        try:
            meta = cls._read_meta(location, client)
        except BaseException:
            client.close()
            raise
        if meta is None:
            client.close()
            raise IndexNotFoundError(
                f"no index at {location.shown} (create one with: docsearch index FOLDER "
                f"--index {location.shown})")
        return cls(location, client, meta)

    @classmethod
    def create(cls, text: str, timeout: float = DEFAULT_LOCK_TIMEOUT, *,
               shards: int = DEFAULT_SHARDS, replicas: int = DEFAULT_REPLICAS) -> SolrStore:
        """Open the index at ``text``, creating it (configset, meta collection,
        first generation, alias) when there is none."""
        location = parse_location(text)
        client = SolrClient(location)
        try:
            meta = cls._read_meta(location, client)
            if meta is None:
                meta = cls._make(location, client, shards, replicas, timeout)
        except BaseException:
            client.close()
            raise
        return cls(location, client, meta)

    @classmethod
    def _make(cls, location: Location, client: SolrClient, shards: int, replicas: int,
              timeout: float) -> dict[str, Any]:
        if shards < 1 or replicas < 1:
            raise EngineUnavailableError("--shards and --replicas must be at least 1")
        if CONFIGSET not in client.configsets():
            client.upload_configset(CONFIGSET, configset_archive())
        meta_collection = f"{location.name}__docsearch"
        if meta_collection not in client.collections():
            client.admin("CREATE", f"create the collection {meta_collection}",
                         name=meta_collection, numShards=1,
                         replicationFactor=replicas, **_CONFIG)
        lock = SolrLock(client, meta_collection, location.shown)
        lock.acquire(timeout)
        try:
            docs = client.get(meta_collection, [_META])
            if docs:  # another machine created it while we waited
                return dict(json.loads(docs[0]["stored"]))
            meta = {"format": FORMAT_VERSION, "engine": "solr", "shards": shards,
                    "replicas": replicas, "created": _now(), "last_write": None,
                    "retired": []}
            meta["data"] = cls._new_collection(client, location.name, shards, replicas)
            client.admin("CREATEALIAS", f"point the alias {location.name} at the index",
                         name=location.name, collections=meta["data"])
            _save_meta(client, meta_collection, meta)
            return meta
        finally:
            lock.release()

    @staticmethod
    def _new_collection(client: SolrClient, name: str, shards: int, replicas: int) -> str:
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
        collection = f"{name}__{stamp}{os.urandom(3).hex()}"
        client.admin("CREATE", f"create the collection {collection}", name=collection,
                     numShards=shards, replicationFactor=replicas,
                     **_CONFIG)
        return collection

    # ------------------------------------------------------------- using it

    def refresh(self) -> bool:
        """Move to the live generation if a rebuild (here or elsewhere) swapped it."""
        token_id = self.live.backend.token_id
        docs = {d["id"]: d for d in self.client.get(self.meta_collection, [_META, token_id])}
        if _META not in docs:
            raise IndexNotFoundError(f"the index at {self.path} was deleted")
        meta = json.loads(docs[_META]["stored"])
        self.meta = dict(meta)
        if meta["data"] == self.live.name:
            # The state token read with the metadata spares the snapshot a request.
            self.live.backend.preset(str(docs.get(token_id, {}).get("stored", "")))
            return False
        old, self.live = self.live, SolrGeneration(self, str(meta["data"]))
        old.close()
        return True

    def _save_meta(self) -> None:
        _save_meta(self.client, self.meta_collection, self.meta)

    def new_generation(self) -> SolrGeneration:
        collection = self._new_collection(self.client, self.location.name,
                                          int(self.meta.get("shards", DEFAULT_SHARDS)),
                                          int(self.meta.get("replicas", DEFAULT_REPLICAS)))
        return SolrGeneration(self, collection)

    def swap(self, new: SolrGeneration) -> None:
        """Make ``new`` live: the alias first, then the metadata (one record write);
        the old collection is retired."""
        self.client.admin("CREATEALIAS", f"point the alias {self.location.name} at the "
                          f"new generation", name=self.location.name, collections=new.name)
        retired = [*self.meta.get("retired", []), {"data": self.live.name, "at": time.time()}]
        self.meta.update(data=new.name, retired=retired, last_write=_now())
        self._save_meta()
        old, self.live = self.live, new
        old.close()

    def discard(self, gen: SolrGeneration) -> None:
        """Delete a generation that was never made live."""
        with contextlib.suppress(EngineUnavailableError):
            gen.manifest.drop()
            self.client.admin("DELETE", f"delete the collection {gen.name}", name=gen.name)

    def _clean_generations(self) -> None:
        keep: list[dict[str, Any]] = []
        gone: list[dict[str, Any]] = []
        for item in self.meta.get("retired", []):
            young = time.time() - float(item.get("at", 0)) < RETIRE_GRACE
            (keep if young and item.get("data") != self.live.name else gone).append(item)
        if not gone:
            return
        for item in gone:
            if item.get("data") == self.live.name:
                continue
            with contextlib.suppress(EngineUnavailableError):
                SolrManifest(self.client, self.meta_collection, item["data"]).drop()
                self.client.admin("DELETE", f"delete the retired collection {item['data']}",
                                  name=item["data"])
        self.meta["retired"] = keep
        self._save_meta()

    def size_on_disk(self) -> int:
        return self.live.size_on_disk()

    def delete_everything(self) -> None:
        """Delete the index from the cluster: its alias, collections and records."""
        with contextlib.suppress(EngineUnavailableError):
            self.client.admin("DELETEALIAS", "delete the alias", name=self.location.name)
        for item in [*self.meta.get("retired", []), {"data": self.live.name}]:
            with contextlib.suppress(EngineUnavailableError):
                self.client.admin("DELETE", f"delete {item['data']}", name=item["data"])
        with contextlib.suppress(EngineUnavailableError):
            self.client.admin("DELETE", "delete the records", name=self.meta_collection)

    # ---------------------------------------------------------- topic model

    def model_folder(self) -> Path:
        """A local copy of the topic model the cluster holds (read when first asked)."""
        from docsearch.extract.topic_model import MODEL_FILE

        if not getattr(self, "_model_read", False):
            self.load_model(self.cache / MODEL_FILE)
            self._model_read = True
        return self.cache

    def keep_model(self) -> None:
        """Keep the model a rebuild fitted (in the local folder) in the cluster."""
        from docsearch.extract.topic_model import MODEL_FILE

        self.save_model(self.cache / MODEL_FILE)

    def load_model(self, path: Path) -> None:
        """Copy the topic model the cluster holds to ``path`` (or remove ``path``)."""
        docs = self.client.get(self.meta_collection, [_MODEL])
        if not docs:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(docs[0]["stored"]))

    def save_model(self, path: Path) -> None:
        """Keep the model at ``path`` in the cluster (or remove it there)."""
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            self.client.update(self.meta_collection,
                               [{"id": _MODEL, "kind": "model", "stored": data}],
                               what="the topic model")
        else:
            self.client.update(self.meta_collection, {"delete": {"id": _MODEL}},
                               what="the removal of the topic model")

    def close(self) -> None:
        self.live.close()
        self.client.close()


def _save_meta(client: SolrClient, meta_collection: str, meta: dict[str, Any]) -> None:
    client.update(meta_collection, [{"id": _META, "kind": "meta",
                                     "stored": json.dumps(meta, sort_keys=True)}],
                  what="the index metadata")
