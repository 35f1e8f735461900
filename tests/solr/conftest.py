"""The SolrCloud test cluster (scripts/solrcloud, docs/solrcloud-test-cluster.md).

``solr_url`` is the base URL of node 1 of a running cluster, from the environment
variable ``DOCSEARCH_SOLR_URL`` (``.ci/run`` starts the cluster and sets it); tests
that use it skip where it is not set. ``solrcloud(*args)`` runs the script, for the
tests that kill and restart nodes (``stopped_node(N)``: killed for a block, started
again after it).

Each test's index has a name of its own (:func:`unique_name`) and is deleted from
the cluster when the test ends (``new_location``); ``solr_sample`` is one 2x2
index of sample_docs/, made once by ``docsearch index`` for the tests that only
read.

pytest imports every ``conftest.py`` as the module ``conftest``, this one after
``tests/conftest.py``; the tests beside that one import its constants by that
name, so they are all here too (read from that file, not copied).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import subprocess
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

import docsearch


def _shared_conftest():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "docsearch_tests_conftest", Path(__file__).resolve().parent.parent / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _shared_conftest()
REPO, SAMPLE_DOCS, DATA, SHARED, REUTERS = (_shared.REPO, _shared.SAMPLE_DOCS, _shared.DATA,
                                            _shared.SHARED, _shared.REUTERS)
REAL_ARTICLE, REAL_ID, load_json = _shared.REAL_ARTICLE, _shared.REAL_ID, _shared.load_json

#: The script that starts and stops the cluster.
SCRIPT = REPO / "scripts" / "solrcloud"

#: Why the tests that need a cluster skip without one.
NO_CLUSTER = ("no SolrCloud test cluster (start one with scripts/solrcloud up "
              "and set DOCSEARCH_SOLR_URL)")


@pytest.fixture(scope="session")
def solr_url() -> str:
    """The base URL of the test cluster's node 1, e.g. ``http://127.0.0.1:18983/solr``."""
    url = os.environ.get("DOCSEARCH_SOLR_URL", "")
    if not url:
        pytest.skip(NO_CLUSTER)
    return url.rstrip("/")


def solrcloud(*args: str) -> str:
    """Run ``scripts/solrcloud ARGS`` and return what it printed on stdout (its stderr
    goes to the test's output); a non-zero exit raises ``CalledProcessError``."""
    done = subprocess.run([str(SCRIPT), *args], stdout=subprocess.PIPE, text=True,
                          check=True, timeout=300)
    return done.stdout


# --- indexes on the cluster ------------------------------------------------------------


def node_ports(url: str) -> tuple[int, int]:
    """The ports of nodes 1 and 2 of the cluster whose node 1 is at ``url``."""
    port = int(url.split(":")[2].split("/")[0])
    return port, port + 1


def location(url: str, name: str, ports: tuple[int, ...] | None = None) -> str:
    """The ``solr://`` location of the index ``name`` on the cluster at ``url``, naming
    the nodes of ``ports`` (default: node 1 only), in that order."""
    hosts = ",".join(f"127.0.0.1:{p}" for p in (ports or node_ports(url)[:1]))
    return f"solr://{hosts}/solr/{name}"


def unique_name(prefix: str = "t") -> str:
    """A name no other test's index has."""
    return f"{prefix}{uuid.uuid4().hex[:12]}"


def delete_index(where: str) -> None:
    """Delete the docsearch index at ``where`` from the cluster, if there is one."""
    from docsearch.engines.solr.store import SolrStore

    try:
        store = SolrStore.open(where)
    except docsearch.DocsearchError:
        return
    try:
        store.delete_everything()
    finally:
        store.close()


@pytest.fixture
def new_location(solr_url: str) -> Iterator[str]:
    """The location of an index no test made yet (the test makes it); it is deleted
    from the cluster when the test ends."""
    where = location(solr_url, unique_name())
    yield where
    delete_index(where)


@pytest.fixture(scope="session")
def solr_sample(solr_url: str) -> Iterator[str]:
    """The location of a 2x2 index of sample_docs/ made by ``docsearch index``; the
    tests must not write to it."""
    from click.testing import CliRunner

    from docsearch.cli import cli

    where = location(solr_url, unique_name("sample"))
    try:
        result = CliRunner().invoke(cli, ["index", str(SAMPLE_DOCS), "--index", where])
        assert result.exit_code == 0, result.output
        assert result.output == ("30 files: 35 added, 0 updated, 0 removed, 0 unchanged, "
                                 "0 failed\n")
        yield where
    finally:
        delete_index(where)


def solr_get(url: str, **params: str) -> dict:
    """The JSON answer of a GET to a Solr URL (a node's, a collection's or a core's)."""
    query = urllib.parse.urlencode({"wt": "json", **params})
    with urllib.request.urlopen(f"{url}?{query}", timeout=60) as answer:
        return json.load(answer)


def node_down(number: int) -> bool:
    """Whether node ``number`` of the cluster is down (``scripts/solrcloud status``)."""
    return solrcloud("status").splitlines()[number].endswith(" down")


def recovered(url: str) -> bool:
    """Whether every replica of every collection is active on a live node and answers
    a search of its own core."""
    try:
        cluster = solr_get(f"{url}/admin/collections", action="CLUSTERSTATUS")["cluster"]
        live = set(cluster["live_nodes"])
        for info in cluster.get("collections", {}).values():
            for shard in info["shards"].values():
                for replica in shard["replicas"].values():
                    if replica["state"] != "active" or replica["node_name"] not in live:
                        return False
                    solr_get(f"{replica['base_url']}/{replica['core']}/select", q="*:*",
                             rows="0", distrib="false")
    except OSError:  # urllib's HTTP and connection errors
        return False
    return True


def start_node(number: int, url: str, timeout: float = 120) -> None:
    """``scripts/solrcloud start-node N``, then wait until every replica has recovered
    (the script returns when node N is live and CLUSTERSTATUS shows its replicas
    active, which can be before each of them answers)."""
    solrcloud("start-node", str(number))
    wait_recovered(url, timeout)


def wait_recovered(url: str, timeout: float = 120) -> None:
    """Wait until :func:`recovered` (failing the test after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while not recovered(url):
        assert time.monotonic() < deadline, f"the cluster did not recover in {timeout} s"
        time.sleep(0.5)


@contextlib.contextmanager
def stopped_node(number: int, url: str) -> Iterator[None]:
    """Node ``number`` of the cluster at ``url`` killed for the block, and started
    again after it (unless the block started it again itself). A node is killed only
    when every replica has recovered: else a shard could be left with no leader."""
    wait_recovered(url)
    solrcloud("stop-node", str(number))
    try:
        yield
    finally:
        if node_down(number):
            start_node(number, url)
