"""Talking to a SolrCloud cluster over HTTP: the only module that imports ``httpx``.

:class:`SolrClient` knows the cluster's nodes (those the location names, then the
live nodes the cluster reports) and sends each request to one of them, moving to
the next node when one cannot be reached, as a SolrJ cloud client does. Every
failure is mapped here, at the boundary, to one line of
:class:`~docsearch.errors.EngineUnavailableError`: no node answers, a timeout, or
an error Solr reports (its own message, shortened). The caller never sees an
``httpx`` exception.

Locations (:func:`parse_location`)::

    solr://HOST:PORT/solr/COLLECTION
    solr://HOST:PORT,HOST2:PORT2/solr/COLLECTION      several nodes to start from
    http://HOST:PORT/solr/COLLECTION  (https too)

A cluster that asks for HTTP basic authentication gets the user and password of
``DOCSEARCH_SOLR_USER`` and ``DOCSEARCH_SOLR_PASSWORD``; a location ``https://...``
talks TLS to every node, those the cluster reports included. Proxy settings of the
environment are not used (the nodes are reached directly).

Each request may take :data:`TIMEOUT` seconds (60) per node, and a write or a
Collections API call :data:`UPDATE_TIMEOUT` (300); the environment variable
``DOCSEARCH_SOLR_TIMEOUT`` (seconds, e.g. ``5`` or ``0.5``) sets the first for every
client made while it is set.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

import attrs
import httpx

from docsearch.errors import EngineUnavailableError

__all__ = ["Location", "SolrClient", "SolrConflict", "parse_location"]

#: Seconds a request may take before the node is given up (per node).
TIMEOUT = 60.0
#: Seconds an update may take (a commit of a large batch on a busy node).
UPDATE_TIMEOUT = 300.0
#: The environment variable that replaces :data:`TIMEOUT`.
TIMEOUT_VARIABLE = "DOCSEARCH_SOLR_TIMEOUT"


class SolrConflict(EngineUnavailableError):
    """Solr refused a write whose ``_version_`` condition did not hold (HTTP 409): the
    document changed (or appeared) since it was read."""


@attrs.frozen
class Location:
    """Where an index lives: the nodes' base URLs (``http://HOST:PORT/solr``) and the
    name the user gave the index (a Solr alias docsearch manages)."""

    nodes: tuple[str, ...]
    name: str

    @property
    def shown(self) -> str:
        """The location as a person reads it (``solr://HOST:PORT/solr/NAME``)."""
        hosts = ",".join(urlsplit(n).netloc for n in self.nodes)
        return f"solr://{hosts}/solr/{self.name}"


def parse_location(text: str) -> Location:
    """The nodes and index name of a ``solr://`` (or ``http(s)://``) location.

    >>> parse_location("solr://127.0.0.1:8983/solr/news")
    Location(nodes=('http://127.0.0.1:8983/solr',), name='news')
    >>> parse_location("solr://a:1,b:2/solr/news").nodes
    ('http://a:1/solr', 'http://b:2/solr')
    """
    scheme, sep, rest = str(text).partition("://")
    if not sep:
        raise EngineUnavailableError(f"{text} is not a Solr location "
                                     f"(use solr://HOST:PORT/solr/COLLECTION)")
    hosts, _, path = rest.partition("/")
    parts = [p for p in path.split("/") if p]
    if not hosts or len(parts) != 2 or parts[0] != "solr":
        raise EngineUnavailableError(f"{text} is not a Solr location "
                                     f"(use solr://HOST:PORT/solr/COLLECTION)")
    name = parts[1]
    if not all(c.isalnum() or c in "_-" for c in name) or name.startswith(("_", "-")):
        raise EngineUnavailableError(
            f"'{name}' cannot name a Solr collection (use letters, digits, _ and -)")
    http = "https" if scheme.lower() == "https" else "http"
    nodes = tuple(f"{http}://{h.strip()}/solr" for h in hosts.split(",") if h.strip())
    return Location(nodes, name)


def default_timeout() -> float:
    """Seconds a request may take: ``DOCSEARCH_SOLR_TIMEOUT`` when set, else :data:`TIMEOUT`."""
    text = os.environ.get(TIMEOUT_VARIABLE, "").strip()
    if not text:
        return TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise EngineUnavailableError(
            f"{TIMEOUT_VARIABLE} must be a number of seconds above 0, not {text!r}")
    return seconds


def _node_url(live: str, scheme: str = "http") -> str:
    """A live-node name as CLUSTERSTATUS gives it (``127.0.0.1:8983_solr``) as a URL,
    with the scheme of the nodes the location names.

    >>> _node_url("10.0.0.7:8983_solr", "https")
    'https://10.0.0.7:8983/solr'
    """
    host, _, context = live.partition("_")
    return f"{scheme}://{host}/{context or 'solr'}"


#: The environment variables holding the user name and password of a cluster that
#: asks for HTTP basic authentication (kept out of locations, which are printed).
USER_VARIABLE, PASSWORD_VARIABLE = "DOCSEARCH_SOLR_USER", "DOCSEARCH_SOLR_PASSWORD"


def credentials() -> tuple[str, str] | None:
    """The basic-authentication user and password from the environment, if both are set."""
    user, password = os.environ.get(USER_VARIABLE), os.environ.get(PASSWORD_VARIABLE)
    return (user, password) if user and password is not None else None


def _solr_message(response: httpx.Response) -> str:
    """The error Solr reported, as one short line."""
    try:
        data = response.json()
    except ValueError:
        text = response.text.strip().splitlines()
        return f"HTTP {response.status_code}" + (f": {text[0][:200]}" if text else "")
    error = data.get("error") if isinstance(data, dict) else None
    msg = ""
    if isinstance(error, dict):
        msg = str(error.get("msg") or error.get("trace", "")).strip()
    elif isinstance(data, dict) and data.get("exception"):
        msg = str(data["exception"].get("msg", ""))
    msg = " ".join(msg.split())
    return f"HTTP {response.status_code}" + (f": {msg[:300]}" if msg else "")


class SolrClient:
    """Requests to a SolrCloud cluster, failing over between its nodes."""

    def __init__(self, location: Location, timeout: float | None = None) -> None:
        self.location = location
        self.nodes: list[str] = list(location.nodes)
        limit = default_timeout() if timeout is None else timeout
        self._http = httpx.Client(timeout=limit, trust_env=False, auth=credentials())
        self._discovered = False

    def close(self) -> None:
        self._http.close()

    # ---------------------------------------------------------------- requests

    def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                body: Any = None, content: bytes | None = None, content_type: str | None = None,
                timeout: float | None = None, what: str = "") -> dict[str, Any]:
        """Send a request to the first node that answers; the JSON reply.

        ``path`` is relative to a node's base URL (``admin/collections``,
        ``news/select``). Raises :class:`EngineUnavailableError` when no node can be
        reached or Solr answers with an error."""
        if not self._discovered:
            self._discovered = True
            self._discover()
        last: Exception | None = None
        for node in list(self.nodes):
            try:
                response = self._send(node, method, path, params, body, content,
                                      content_type, timeout)
            except httpx.TransportError as exc:
                last = exc
                continue
            self._prefer(node)
            if response.status_code == 409:
                raise SolrConflict(f"{what or path}: {_solr_message(response)}")
            if response.status_code >= 400:
                raise EngineUnavailableError(
                    f"SolrCloud at {self.location.shown} refused {what or path}: "
                    f"{_solr_message(response)}")
            try:
                data = response.json()
            except ValueError:
                raise EngineUnavailableError(
                    f"SolrCloud at {self.location.shown} gave an answer that is not JSON "
                    f"to {what or path}") from None
            return data if isinstance(data, dict) else {"response": data}
        reason = _reason(last)
        hosts = ",".join(urlsplit(n).netloc for n in self.nodes)
        raise EngineUnavailableError(f"cannot reach SolrCloud at {hosts} ({reason})")

    def _send(self, node: str, method: str, path: str, params: Mapping[str, Any] | None,
              body: Any, content: bytes | None, content_type: str | None,
              timeout: float | None) -> httpx.Response:
        headers = {}
        if body is not None:
            content = json.dumps(body).encode("utf-8")
            content_type = "application/json"
        if content_type:
            headers["Content-Type"] = content_type
        query = {"wt": "json", **(params or {})}
        limit = timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT
        return self._http.request(method, f"{node}/{path}", params=query, content=content,
                                  headers=headers, timeout=limit)

    def _prefer(self, node: str) -> None:
        if self.nodes[0] != node:
            self.nodes.remove(node)
            self.nodes.insert(0, node)

    def _discover(self) -> None:
        """Add the cluster's live nodes to those the location names (a node the
        location names may be the one that is down). The cluster status of the
        index's own record collection is small; a cluster without it (an index not
        made yet) answers with the status of every collection."""
        data: dict[str, Any] = {}
        for params in ({"collection": f"{self.location.name}__docsearch"}, {}):
            try:
                data = self.request("GET", "admin/collections",
                                    params={"action": "CLUSTERSTATUS", **params},
                                    what="the cluster status")
                break
            except EngineUnavailableError as exc:
                if "cannot reach" in str(exc):
                    raise  # no node answers: the request that asked says so
        for name in data.get("cluster", {}).get("live_nodes") or []:
            url = _node_url(str(name), urlsplit(self.location.nodes[0]).scheme)
            if url not in self.nodes:
                self.nodes.append(url)

    def live_nodes(self) -> list[str]:
        """The names of the nodes the cluster sees as live."""
        data = self.request("GET", "admin/collections",
                            params={"action": "CLUSTERSTATUS",
                                    "collection": f"{self.location.name}__docsearch"},
                            what="the live nodes")
        return [str(n) for n in data.get("cluster", {}).get("live_nodes", [])]

    # ------------------------------------------------------------- collections

    def admin(self, action: str, what: str, timeout: float | None = UPDATE_TIMEOUT,
              **params: Any) -> dict[str, Any]:  # params: the call's own parameters
        """A Collections API call (``CREATE``, ``DELETE``, ``CREATEALIAS`` ...)."""
        data = self.request("GET", "admin/collections", params={"action": action, **params},
                            timeout=timeout, what=what)
        failure = data.get("failure") or data.get("exception")
        if failure:
            text = " ".join(json.dumps(failure).split())[:300]
            raise EngineUnavailableError(
                f"SolrCloud at {self.location.shown} could not {what}: {text}")
        return data

    def collections(self) -> list[str]:
        return [str(c) for c in self.admin("LIST", "list the collections", timeout=None)
                .get("collections", [])]

    def aliases(self) -> dict[str, str]:
        return dict(self.admin("LISTALIASES", "list the aliases", timeout=None)
                    .get("aliases", {}))

    def configsets(self) -> list[str]:
        data = self.request("GET", "admin/configs", params={"action": "LIST"},
                            what="list the configsets")
        return [str(c) for c in data.get("configSets", [])]

    def upload_configset(self, name: str, archive: bytes) -> None:
        self.request("POST", "admin/configs", params={"action": "UPLOAD", "name": name},
                     content=archive, content_type="application/octet-stream",
                     what=f"the upload of configset {name}")

    def cluster_status(self, collection: str) -> dict[str, Any]:
        data = self.admin("CLUSTERSTATUS", "read the cluster status", timeout=None,
                          collection=collection)
        return dict(data.get("cluster", {}))

    # ---------------------------------------------------------------- documents

    def select(self, collection: str, body: Mapping[str, Any],
               what: str = "a search") -> dict[str, Any]:
        """A JSON Request API search (``/select`` with a JSON body)."""
        data = self.request("POST", f"{collection}/select", body=dict(body), what=what)
        header = data.get("responseHeader", {})
        if header.get("partialResults"):
            raise EngineUnavailableError(
                f"SolrCloud at {self.location.shown} answered {what} from only some shards "
                f"(a shard has no live replica)")
        return data

    def update(self, collection: str, commands: Any, *, commit: bool = True,
               params: Mapping[str, Any] | None = None, what: str = "a write") -> dict[str, Any]:
        """Send update commands (a JSON list of documents, or a command object);
        with ``commit`` the changes are committed (and visible) when this returns."""
        query: dict[str, Any] = dict(params or {})
        if commit:
            query["commit"] = "true"
        return self.request("POST", f"{collection}/update", params=query, body=commands,
                            timeout=UPDATE_TIMEOUT, what=what)

    def get(self, collection: str, ids: Sequence[str]) -> list[dict[str, Any]]:
        """The documents with these ids, as last written (real-time get: no commit
        needed); those that do not exist are left out."""
        data = self.request("GET", f"{collection}/get", params={"ids": ",".join(ids)},
                            what="a read of the index records")
        return list(data.get("response", {}).get("docs", []))

    def scan(self, collection: str, query: Mapping[str, Any], fields: Sequence[str],
             rows: int = 2000) -> Iterator[dict[str, Any]]:
        """Every document ``query`` matches (its ``fields``), by cursor, sorted by id."""
        cursor = "*"
        while True:
            body = {**query, "fields": ",".join(fields), "limit": rows, "sort": "id asc",
                    "params": {**query.get("params", {}), "cursorMark": cursor}}
            data = self.select(collection, body, what="a scan of the documents")
            yield from data.get("response", {}).get("docs", [])
            following = data.get("nextCursorMark")
            if not following or following == cursor:
                return
            cursor = following


def _reason(exc: Exception | None) -> str:
    if exc is None:
        return "no node given"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    text = " ".join(str(exc).split())
    if "Connection refused" in text or "connect" in type(exc).__name__.lower():
        return "connection refused"
    return text[:200] or type(exc).__name__


def wait(seconds: float) -> None:
    """Sleep (a seam for tests)."""
    time.sleep(seconds)
