"""The command line on a Solr index: one-line errors (exit 2, no traceback) when the
cluster is down, slow, empty or holds a collection docsearch did not make; the
``--json`` answers of ``search`` equal those of the same commands on a Whoosh folder
index; ``stats --json`` shows the cluster's layout."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest
from click.testing import CliRunner, Result
from conftest import SAMPLE_DOCS, location, solr_get, unique_name

from docsearch.cli import cli
from docsearch.engines.solr.store import CONFIGSET


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env)


def assert_error(result: Result, message: str) -> None:
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert result.stderr == f"Error: {message}\n"
    assert "Traceback" not in result.output


def free_port() -> int:
    """A loopback port nothing listens on (as far as one can tell)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- errors ------------------------------------------------------------------------------


def test_a_cluster_that_is_down_is_one_line():
    port = free_port()
    assert_error(run("search", "x", "--index", f"solr://127.0.0.1:{port}/solr/news"),
                 f"cannot reach SolrCloud at 127.0.0.1:{port} (connection refused)")


def test_a_cluster_that_never_answers_times_out_in_one_line():
    """A server that accepts connections and never answers: the request gives up
    after DOCSEARCH_SOLR_TIMEOUT seconds."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)  # the kernel accepts; nothing ever reads or answers
        port = server.getsockname()[1]
        started = time.monotonic()
        result = run("search", "x", "--index", f"solr://127.0.0.1:{port}/solr/news",
                     env={"DOCSEARCH_SOLR_TIMEOUT": "0.5"})
        waited = time.monotonic() - started
    assert waited < 10  # 0.5 s per request (the default is 60 s)
    assert_error(result, f"cannot reach SolrCloud at 127.0.0.1:{port} (timed out)")


def test_a_timeout_that_is_not_a_number_is_one_line():
    result = run("search", "x", "--index", "solr://127.0.0.1:1/solr/news",
                 env={"DOCSEARCH_SOLR_TIMEOUT": "soon"})
    assert_error(result, "DOCSEARCH_SOLR_TIMEOUT must be a number of seconds above 0, "
                         "not 'soon'")


def test_a_missing_index_is_one_line(solr_url):
    where = location(solr_url, unique_name())
    assert_error(run("search", "x", "--index", where),
                 f"no index at {where} (create one with: docsearch index FOLDER "
                 f"--index {where})")


@pytest.fixture
def plain_collection(solr_url: str, solr_sample: str) -> Iterator[str]:
    """A collection made through the Collections API, not by docsearch (with
    docsearch's configset, which ``solr_sample`` uploaded)."""
    name = unique_name("plain")
    made = solr_get(f"{solr_url}/admin/collections", action="CREATE", name=name,
                    numShards="1", replicationFactor="1",
                    **{"collection.configName": CONFIGSET})
    assert made["responseHeader"]["status"] == 0
    try:
        yield name
    finally:
        solr_get(f"{solr_url}/admin/collections", action="DELETE", name=name)


def test_a_collection_docsearch_did_not_make_is_left_alone(solr_url, plain_collection):
    where = location(solr_url, plain_collection)
    message = (f"the Solr collection '{plain_collection}' at {where} was not made by "
               f"docsearch; docsearch leaves it alone (choose another name)")
    assert_error(run("search", "x", "--index", where), message)
    # Nor does indexing into it make anything there.
    assert_error(run("index", str(SAMPLE_DOCS), "--index", where), message)
    listed = solr_get(f"{solr_url}/admin/collections", action="LIST")["collections"]
    assert plain_collection in listed
    assert f"{plain_collection}__docsearch" not in listed


# --- the --json contract against the Whoosh reference ------------------------------------


@pytest.fixture(scope="module")
def whoosh_index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("whoosh") / "index")
    result = run("index", str(SAMPLE_DOCS), "--index", path)
    assert result.exit_code == 0, result.output
    return path


def search_json(*args: str, index: str) -> dict:
    result = run("search", *args, "--json", "--index", index)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def comparable(data: dict) -> dict:
    """A search's JSON without what depends on the engine's scoring: the scores, and
    the order of hits of equal rank (hits are compared by id)."""
    hits = {hit["id"]: {k: v for k, v in hit.items() if k != "score"} for hit in data["hits"]}
    return {**data, "hits": hits}


SEARCHES = [
    ("sanctions", "--person", "Vladimir Putin"),
    ("sanctions", "--person", "Vladimir Putin", "--facet-limit", "0"),
    ("harbour", "--since", "2020", "--facet-limit", "4"),
    ("harbour", "--limit", "50", "--facet-limit", "0"),
    ("--sort", "date", "--limit", "50", "--facet-limit", "0"),
]


@pytest.mark.parametrize("args", SEARCHES, ids=lambda a: " ".join(a))
def test_search_json_equals_whooshs(args, solr_sample, whoosh_index):
    solr = search_json(*args, index=solr_sample)
    whoosh = search_json(*args, index=whoosh_index)
    assert comparable(solr) == comparable(whoosh)
    if "--sort" in args:  # newest first: the same order too
        assert [hit["id"] for hit in solr["hits"]] == [hit["id"] for hit in whoosh["hits"]]


def test_search_json_exact_values(solr_sample):
    data = search_json("sanctions", "--person", "Vladimir Putin", index=solr_sample)
    assert (data["total"], data["pages"]) == (1, 1)
    assert data["hits"][0]["path"] == "2021-12-31-biden-putin-trade-warnings.md"
    assert data["facets"]["date"] == [{"value": "2021", "count": 1, "selected": False}]
    data = search_json("harbour", "--since", "2020", "--facet-limit", "4", index=solr_sample)
    assert data["total"] == 7
    assert [(f["value"], f["count"]) for f in data["facets"]["person"]] == [
        ("Abdel Karim Haddad", 3), ("Marcus Oduya-Bell", 3), ("Vivienne Saltmarsh", 2),
        ("Arthur Penhaligon", 1)]
    assert [(f["value"], f["count"]) for f in data["facets"]["date"]] == [
        ("2020", 1), ("2022", 1), ("2023", 4), ("2024", 1)]


# --- stats -------------------------------------------------------------------------------


def test_stats_json_shows_the_cluster(solr_sample):
    result = run("stats", "--json", "--index", solr_sample)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["path"], data["documents"], data["files"]) == (solr_sample, 35, 30)
    cluster = data["cluster"]
    assert cluster["collection"].startswith(solr_sample.rsplit("/", 1)[1] + "__")
    assert {k: v for k, v in cluster.items() if k != "collection"} == {
        "shards": 2, "replicas": 2, "active_replicas": 4, "live_nodes": 2}
