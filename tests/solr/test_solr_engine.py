"""The Solr engine on the two-node test cluster: how an index is laid out over
shards and nodes, searches and writes while a node is killed, nothing recorded as
synced that Solr did not take, the write lock between two clients, a second machine
syncing the same index, and a rebuild's alias swap.

What every engine must answer alike is the conformance suite's (tests/engines/);
these tests are about the cluster."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    SAMPLE_DOCS,
    delete_index,
    location,
    node_down,
    node_ports,
    solr_get,
    start_node,
    stopped_node,
    unique_name,
)

import docsearch
from docsearch import Article
from docsearch.engines.solr import store as solr_store
from docsearch.engines.solr.client import SolrClient, parse_location
from docsearch.errors import EngineUnavailableError, IndexFormatError, IndexLockedError

#: The searches compared before and after a node is killed: (query, filters).
SEARCHES: list[tuple[str, dict[str, Any]]] = [
    ("harbour", {}),
    ("sanctions", {"people": ["Vladimir Putin"]}),
]

#: Their totals on sample_docs/.
TOTALS = [11, 1]

#: The size of an index whose layout a test does not look at (made faster).
SMALL = {"shards": 1, "replicas": 1}

#: Three files of sample_docs/, one article each.
THREE_FILES = ["achterberg-breaks-national-record.md", "rovers-stun-league-leaders.md",
               "lighthouse-keeper-logbooks.txt"]


def answers(ix: docsearch.Index) -> list[tuple[int, set[str], dict]]:
    """Each search's total, hit ids and facets (every hit on one page)."""
    out = []
    for query, filters in SEARCHES:
        results = ix.search(query, per_page=100, **filters)
        out.append((results.total, {hit.id for hit in results.hits}, dict(results.facets)))
    return out


def name_of(where: str) -> str:
    return where.rsplit("/", 1)[1]


def collection_of(solr_url: str, where: str) -> str:
    """The collection the alias of the index at ``where`` points at."""
    return solr_get(f"{solr_url}/admin/collections", action="LISTALIASES")["aliases"][
        name_of(where)]


def shards_of(solr_url: str, collection: str) -> dict[str, Any]:
    status = solr_get(f"{solr_url}/admin/collections", action="CLUSTERSTATUS",
                      collection=collection)
    return status["cluster"]["collections"][collection]["shards"]


def replica_counts(solr_url: str, collection: str) -> dict[str, list[int]]:
    """Per shard, the documents each of its replicas holds (asked of each core alone)."""
    out = {}
    for shard, info in sorted(shards_of(solr_url, collection).items()):
        out[shard] = [
            solr_get(f"{replica['base_url']}/{replica['core']}/select", q="*:*", rows="0",
                     distrib="false")["response"]["numFound"]
            for replica in info["replicas"].values()]
    return out


def article(number: int) -> Article:
    return Article(id=f"node-down-{number}", title=f"Ferry timetable change {number}",
                   body=f"The ferry from Port Ellery sails at {number} o'clock.",
                   source="Test Wire", published=dt.date(2025, 1, number))


@pytest.fixture(scope="module")
def sample_answers(solr_sample: str) -> list[tuple[int, set[str], dict]]:
    """The answers of :data:`SEARCHES` on the sample index with every node up."""
    with docsearch.open(solr_sample) as ix:
        found = answers(ix)
    assert [total for total, _, _ in found] == TOTALS
    return found


# --- layout ------------------------------------------------------------------------------


def test_documents_are_spread_over_both_shards(solr_url, solr_sample):
    collection = collection_of(solr_url, solr_sample)
    shards = shards_of(solr_url, collection)
    assert sorted(shards) == ["shard1", "shard2"]
    nodes = {f"127.0.0.1:{port}_solr" for port in node_ports(solr_url)}
    for info in shards.values():
        replicas = list(info["replicas"].values())
        assert [r["state"] for r in replicas] == ["active", "active"]
        assert {r["node_name"] for r in replicas} == nodes
    counts = replica_counts(solr_url, collection)
    for held in counts.values():
        assert held[0] == held[1] > 0
    assert sum(held[0] for held in counts.values()) == 35
    # The same counts through the collection, one shard at a time.
    per_shard = [solr_get(f"{solr_url}/{collection}/select", q="*:*", rows="0",
                          shards=shard)["response"]["numFound"] for shard in sorted(shards)]
    assert per_shard == [held[0] for held in counts.values()]


# --- a node killed -----------------------------------------------------------------------


def test_a_client_learns_the_live_nodes_from_the_one_it_names(solr_url, solr_sample):
    """What lets a client move on when the node it was given dies."""
    port1, port2 = node_ports(solr_url)
    client = SolrClient(parse_location(location(solr_url, name_of(solr_sample), (port2,))))
    try:
        client.collections()
        assert client.nodes == [f"http://127.0.0.1:{port2}/solr",
                                f"http://127.0.0.1:{port1}/solr"]
        assert sorted(client.live_nodes()) == [f"127.0.0.1:{port1}_solr",
                                               f"127.0.0.1:{port2}_solr"]
    finally:
        client.close()


@pytest.fixture(scope="class")
def spare(solr_url: str) -> Iterator[str]:
    """An empty 2x2 index, made while both nodes are up (the class writes to it)."""
    where = location(solr_url, unique_name())
    docsearch.open(where, create=True).close()
    yield where
    delete_index(where)


@pytest.fixture(scope="class")
def open_on_node2(solr_url: str, solr_sample: str, sample_answers: list) -> Iterator[
        docsearch.Index]:
    """The sample index, opened through node 2 (the client prefers it) and searched
    once before node 2 is killed."""
    port1, port2 = node_ports(solr_url)
    with docsearch.open(location(solr_url, name_of(solr_sample), (port2,))) as ix:
        assert answers(ix) == sample_answers
        yield ix


@pytest.fixture(scope="class")
def node2_killed(solr_url: str, spare: str, open_on_node2: docsearch.Index) -> Iterator[None]:
    """Node 2 killed for the class (its last test starts it again)."""
    with stopped_node(2, solr_url):
        yield


@pytest.mark.usefixtures("node2_killed")
class TestNode2Killed:
    def test_a_new_client_gets_the_same_answers(self, solr_sample, sample_answers):
        with docsearch.open(solr_sample) as ix:
            assert answers(ix) == sample_answers

    def test_an_open_client_moves_to_the_live_node(self, open_on_node2, sample_answers):
        assert answers(open_on_node2) == sample_answers

    def test_a_location_listing_both_nodes_works(self, solr_url, solr_sample,
                                                 sample_answers):
        port1, port2 = node_ports(solr_url)
        where = location(solr_url, name_of(solr_sample), (port2, port1))
        with docsearch.open(where) as ix:
            assert answers(ix) == sample_answers

    def test_a_location_naming_only_the_dead_node_cannot_reach_the_cluster(
            self, solr_url, solr_sample):
        port2 = node_ports(solr_url)[1]
        where = location(solr_url, name_of(solr_sample), (port2,))
        with pytest.raises(EngineUnavailableError) as caught:
            docsearch.open(where)
        assert str(caught.value) == (f"cannot reach SolrCloud at 127.0.0.1:{port2} "
                                     f"(connection refused)")

    def test_a_write_reaches_node_2_when_it_is_back(self, solr_url, spare):
        """(Last of the class: it starts node 2 again.)"""
        with docsearch.open(spare) as ix:
            assert ix.add([article(n) for n in (1, 2, 3)], extract=False) == 3
            assert ix.search("ferry").total == 3
        start_node(2, solr_url)
        assert not node_down(2)
        with docsearch.open(spare) as ix:
            assert ix.search("ferry").total == 3
            assert {hit.id for hit in ix.search("ferry").hits} == {
                "node-down-1", "node-down-2", "node-down-3"}
        counts = replica_counts(solr_url, collection_of(solr_url, spare))
        for held in counts.values():
            assert held[0] == held[1]  # the replica on node 2 caught up
        assert sum(held[0] for held in counts.values()) == 3


def test_node_1_killed_a_location_listing_both_nodes_works(solr_url, solr_sample,
                                                           sample_answers):
    port1, port2 = node_ports(solr_url)
    both = location(solr_url, name_of(solr_sample), (port1, port2))
    with docsearch.open(both) as already_open:
        assert answers(already_open) == sample_answers
        with stopped_node(1, solr_url):
            with docsearch.open(both) as ix:
                assert answers(ix) == sample_answers
            assert answers(already_open) == sample_answers


# --- writes ------------------------------------------------------------------------------


@pytest.fixture
def three_files(tmp_path: Path) -> Path:
    """A folder of three sample files, one article each."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in THREE_FILES:
        shutil.copyfile(SAMPLE_DOCS / name, folder / name)
    return folder


def test_nothing_is_marked_synced_that_solr_did_not_take(new_location, three_files,
                                                          monkeypatch):
    ix = docsearch.open(new_location, create=True)
    try:
        first = ix.sync([three_files])
        assert (first.added, first.failed) == (3, ())
        synced = set(ix._store.manifest.entries())
        assert len(synced) == 3
        shutil.copyfile(SAMPLE_DOCS / "tidal-turbine-prototype.html",
                        three_files / "tidal-turbine-prototype.html")

        articles = f"{ix._store.live.name}/update"
        request = SolrClient.request

        def refused(self: SolrClient, method: str, path: str, **kwargs: Any) -> dict:
            if path == articles:
                raise EngineUnavailableError("the write was refused (a test)")
            return request(self, method, path, **kwargs)

        monkeypatch.setattr(SolrClient, "request", refused)
        with pytest.raises(EngineUnavailableError, match=r"^the write was refused \(a test\)$"):
            ix.sync([three_files])
        monkeypatch.undo()

        assert set(ix._store.manifest.entries()) == synced
        assert ix.search("").total == 3
        again = ix.sync([three_files])
        assert (again.added, again.unchanged, again.failed) == (1, 3, ())
        assert len(ix._store.manifest.entries()) == 4
        assert ix.search("").total == 4
    finally:
        ix.close()


def test_a_second_client_waits_for_the_write_lock(new_location):
    first = docsearch.open(new_location, create=True, **SMALL)
    second = docsearch.open(new_location, lock_timeout=1)
    try:
        with first.batch() as batch:
            batch.add(article(1))
            with pytest.raises(IndexLockedError) as caught:
                second.add([article(2)], extract=False)
        message = str(caught.value)
        assert re.fullmatch(
            rf"the index at {re.escape(new_location)} is being written by process "
            rf"{os.getpid()} \(.+\) since \d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00; "
            rf"gave up after waiting 1 s \(wait longer with --lock-timeout\)", message), message
        assert second.add([article(2)], extract=False) == 1
        assert {hit.id for hit in second.search("ferry").hits} == {"node-down-1",
                                                                  "node-down-2"}
    finally:
        first.close()
        second.close()


def test_a_dead_writers_lock_is_taken_over_when_its_lease_ran_out(new_location):
    with docsearch.open(new_location, create=True, **SMALL) as ix:
        store = ix._store
        dead = {"pid": 4242, "host": "other-machine", "command": "docsearch index news",
                "since": "2026-01-01T00:00:00+00:00", "token": "0123456789abcdef"}
        store.client.update(store.meta_collection, [
            {"id": "lock", "kind": "lock", "lease": int((time.time() - 5) * 1000),
             "stored": json.dumps(dead)}])
        started = time.monotonic()
        assert ix.add([article(1)], extract=False) == 1
        assert time.monotonic() - started < 10
        assert store.lock.cleared == dead
        assert store.lock.holder() is None  # released after the write


def test_an_index_of_format_4_is_refused_in_one_line(new_location):
    """Format 5's collections have the ``article`` field (configset docsearch-v3)."""
    with docsearch.open(new_location, create=True, **SMALL) as ix:
        store = ix._store
        meta = json.loads(store.client.get(store.meta_collection, ["meta"])[0]["stored"])
        assert meta["format"] == 5
        store.client.update(store.meta_collection, [
            {"id": "meta", "kind": "meta", "stored": json.dumps({**meta, "format": 4})}])
        shown = parse_location(new_location).shown
    with pytest.raises(IndexFormatError) as caught:
        docsearch.open(new_location)
    assert str(caught.value) == (f"{shown} is a docsearch index of format 4; this version "
                                 f"reads format 5 (index the articles again under another name)")


def test_a_second_machine_finds_the_files_synced(new_location, three_files, tmp_path,
                                                  monkeypatch):
    with docsearch.open(new_location, create=True, **SMALL) as first:
        report = first.sync([three_files])
        assert (report.files, report.added) == (3, 3)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "other-machine"))
    with docsearch.open(new_location) as second:
        assert second._store.cache.is_relative_to(tmp_path / "other-machine")
        report = second.sync([three_files])
        assert (report.files, report.added, report.updated, report.unchanged) == (3, 0, 0, 3)


def test_a_rebuild_swaps_the_alias_and_the_old_collection_goes_later(
        solr_url, new_location, three_files, monkeypatch):
    with docsearch.open(new_location, create=True) as ix:
        ix.sync([three_files])
        before = ix.search("").total
        old = collection_of(solr_url, new_location)
        assert ix._store.meta["data"] == old

        ix.rebuild()
        new = collection_of(solr_url, new_location)
        assert new != old and new.startswith(f"{name_of(new_location)}__")
        assert {shard: len(info["replicas"]) for shard, info in
                shards_of(solr_url, new).items()} == {"shard1": 2, "shard2": 2}
        assert ix._store.meta["data"] == new
        collections = solr_get(f"{solr_url}/admin/collections", action="LIST")["collections"]
        assert old in collections  # kept for the readers still on it
        assert ix.search("").total == before == 3
        with docsearch.open(new_location) as reader:
            assert reader._store.meta["data"] == new
            assert reader.search("").total == 3

        monkeypatch.setattr(solr_store, "RETIRE_GRACE", 0.0)
        ix.sync([three_files])
        collections = solr_get(f"{solr_url}/admin/collections", action="LIST")["collections"]
        assert old not in collections and new in collections
        assert ix._store.meta["retired"] == []
        assert ix.search("").total == 3
