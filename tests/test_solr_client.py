"""The Solr client's parts that need no cluster: locations, node addresses, credentials."""

from __future__ import annotations

import http.server
import json
import threading

import pytest

pytest.importorskip("httpx")

from docsearch.engines.solr.client import (  # noqa: E402
    Location,
    SolrClient,
    _node_url,
    credentials,
    parse_location,
)
from docsearch.errors import EngineUnavailableError  # noqa: E402


@pytest.mark.parametrize(("text", "nodes", "name"), [
    ("solr://127.0.0.1:8983/solr/news", ("http://127.0.0.1:8983/solr",), "news"),
    ("solr://a:1,b:2/solr/news", ("http://a:1/solr", "http://b:2/solr"), "news"),
    ("http://a:1/solr/news-2", ("http://a:1/solr",), "news-2"),
    ("https://a:1/solr/news_2", ("https://a:1/solr",), "news_2"),
])
def test_locations(text, nodes, name):
    assert parse_location(text) == Location(nodes, name)


@pytest.mark.parametrize(("text", "message"), [
    ("solr://a:1/news", "solr://a:1/news is not a Solr location "
                        "(use solr://HOST:PORT/solr/COLLECTION)"),
    ("solr://a:1/solr/x/y", "solr://a:1/solr/x/y is not a Solr location "
                            "(use solr://HOST:PORT/solr/COLLECTION)"),
    ("solr://a:1/solr/bad.name", "'bad.name' cannot name a Solr collection "
                                 "(use letters, digits, _ and -)"),
])
def test_a_bad_location_is_one_line(text, message):
    with pytest.raises(EngineUnavailableError) as caught:
        parse_location(text)
    assert str(caught.value) == message


def test_discovered_nodes_keep_the_locations_scheme():
    assert _node_url("10.0.0.7:8983_solr") == "http://10.0.0.7:8983/solr"
    assert _node_url("10.0.0.7:8983_solr", "https") == "https://10.0.0.7:8983/solr"


def test_credentials_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("DOCSEARCH_SOLR_USER", raising=False)
    monkeypatch.delenv("DOCSEARCH_SOLR_PASSWORD", raising=False)
    assert credentials() is None
    monkeypatch.setenv("DOCSEARCH_SOLR_USER", "archivist")
    assert credentials() is None  # a user without a password is not enough
    monkeypatch.setenv("DOCSEARCH_SOLR_PASSWORD", "s3cret")
    assert credentials() == ("archivist", "s3cret")
    seen: list[str | None] = []

    class Node(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the handler's interface
            seen.append(self.headers.get("Authorization"))
            body = json.dumps({"cluster": {"live_nodes": []}, "collections": []}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Node)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    client = SolrClient(parse_location(f"solr://127.0.0.1:{server.server_port}/solr/news"))
    try:
        assert client.collections() == []
    finally:
        client.close()
        server.shutdown()
        server.server_close()
    assert seen and set(seen) == {"Basic YXJjaGl2aXN0OnMzY3JldA=="}  # archivist:s3cret
