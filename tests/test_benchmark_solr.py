"""The benchmark suite's options for docsearch on SolrCloud (benchmarks/suite.py
``--engines docsearch-whoosh,docsearch-solr --solr URL``) and the scaling runner
(benchmarks/scaling.py). The end-to-end run needs the SolrCloud test cluster
(``DOCSEARCH_SOLR_URL``, see docs/solrcloud-test-cluster.md) and skips without it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

import docsearch

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import engines  # noqa: E402
import scaling  # noqa: E402
import suite  # noqa: E402

URL = "http://127.0.0.1:38983/solr"


def _args(argv: list[str]) -> object:
    return suite.parse_args(suite.build_parser(), argv)


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        _args(argv)
    assert stopped.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


def test_docsearch_whoosh_is_the_reference_under_either_name(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOCSEARCH_SOLR_URL", raising=False)
    args = _args(["--engines", "docsearch-whoosh,whoosh"])
    assert args.engines == "docsearch-whoosh,whoosh"  # type: ignore[attr-defined]
    assert suite.reference_engine(["whoosh", "docsearch-whoosh"]) == "docsearch-whoosh"
    assert suite.reference_engine(["docsearch", "docsearch-tantivy"]) == "docsearch"
    assert engines.make_engine("docsearch-whoosh").engine == "whoosh"  # type: ignore[attr-defined]
    with pytest.raises(SystemExit, match=r"^--engines must include docsearch \("
                                         r"docsearch-whoosh, or else docsearch-tantivy\): "
                                         r"the others are compared with it$"):
        suite.reference_engine(["docsearch-solr"])


def test_the_options_refused(monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DOCSEARCH_SOLR_URL", raising=False)
    assert _refused(["--engines", "docsearch-whoosh,docsearch-solr"], capsys) == (
        "suite.py: error: docsearch-solr needs a SolrCloud cluster: --solr "
        "http://HOST:PORT/solr (or set DOCSEARCH_SOLR_URL)")
    assert _refused(["--engines", "docsearch-solr", "--solr", URL], capsys) == (
        "suite.py: error: --engines must include docsearch (docsearch-whoosh, or else "
        "docsearch-tantivy): the others are compared with it")
    assert _refused(["--engines", "docsearch,docsearch-solr", "--solr",
                     "http://127.0.0.1:38983/"], capsys) == (
        "suite.py: error: --solr: 'http://127.0.0.1:38983/' is not a Solr base URL "
        "(http://HOST:PORT/solr)")
    assert _refused(["--engines", "docsearch,docsearch-solr", "--solr", URL,
                     "--solr-replicas", "0"], capsys) == (
        "suite.py: error: --solr-replicas must be at least 1")
    assert _refused(["--engines", "docsearch,elastic"], capsys) == (
        "suite.py: error: unknown engine 'elastic' (engines: docsearch, docsearch-whoosh, "
        "docsearch-tantivy, docsearch-solr, whoosh, tantivy, sqlite)")


def test_the_solr_url_comes_from_the_option_or_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCSEARCH_SOLR_URL", "http://10.0.0.5:8983/solr")
    args = _args(["--engines", "docsearch-whoosh,docsearch-solr"])
    assert args.solr == "http://10.0.0.5:8983/solr"  # type: ignore[attr-defined]
    args = _args(["--engines", "docsearch-whoosh,docsearch-solr", "--solr", URL])
    assert args.solr == URL  # type: ignore[attr-defined]
    assert engines.solr_location(URL + "/", "bench_x") == "solr://127.0.0.1:38983/solr/bench_x"
    assert (engines.solr_location("https://a:1/solr", "n") == "https://a:1/solr/n")
    solr = engines.make_engine("docsearch-solr", {"solr_index": "solr://h:1/solr/n"})
    assert solr.location == "solr://h:1/solr/n"  # type: ignore[attr-defined]
    assert (solr.shards, solr.replicas) == (None, None)  # type: ignore[attr-defined]
    args = _args(["--engines", "docsearch,docsearch-solr", "--solr", URL, "--solr-shards",
                  "1", "--solr-replicas", "1"])
    assert (args.solr_shards, args.solr_replicas) == (1, 1)  # type: ignore[attr-defined]
    solr = engines.make_engine("docsearch-solr", {"solr_index": "solr://h:1/solr/n",
                                                  "solr_shards": 1, "solr_replicas": 1})
    assert (solr.shards, solr.replicas) == (1, 1)  # type: ignore[attr-defined]


def test_the_solr_nodes_are_read_from_the_state_folder(tmp_path: Path) -> None:
    (tmp_path / "node1.pid").write_text(f"{os.getpid()}\n")
    (tmp_path / "node2.pid").write_text("999999999\n")  # no such process: left out
    (tmp_path / "zk.pid").write_text(f"{os.getpid()}\n")  # not a node
    found = suite.solr_nodes(tmp_path)
    assert list(found) == ["node1"]
    assert found["node1"]["rss_mb"] > 1 and found["node1"]["cpu_s"] > 0
    later = {"node1": {"rss_mb": 300.0, "cpu_s": 12.5}}
    assert suite.nodes_during({"node1": {"rss_mb": 250.0, "cpu_s": 10.0}}, later) == {
        "node1": {"rss_mb": 300.0, "cpu_s": 2.5}}
    core = tmp_path / "node1" / "bench_x__20261206T1200_shard1_replica_n1" / "data"
    core.mkdir(parents=True)
    (core / "segment").write_bytes(b"x" * 1000)
    other = tmp_path / "node1" / "bench_xy__20261206T1200_shard1_replica_n1"
    other.mkdir()
    (other / "segment").write_bytes(b"x" * 50)
    assert suite.solr_disk_bytes(tmp_path, "solr://h:1/solr/bench_x") == 1000


def test_the_scaling_sizes_and_budget(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("DOCSEARCH_SOLR_URL", raising=False)
    assert scaling.parse_sizes("200000,20k,0.1m,20000") == [20_000, 100_000, 200_000]
    for bad in ("", "ten", "1.5", "0"):
        with pytest.raises(ValueError):
            scaling.parse_sizes(bad)
    assert scaling.projected(100_000, {}) is None
    assert scaling.projected(100_000, {10_000: 30.0, 20_000: 50.0}) == 250.0
    args = scaling.parse_args(["--sizes", "20k,100k", "--solr", URL, "--workdir", "w",
                               "--budget", "2400"])
    assert args.size_list == [20_000, 100_000] and args.budget == 2400.0
    assert scaling.suite_argv(args, 20_000, Path("w")) == [
        "--corpus", "synthetic", "--synthetic-size", "20000", "--seed", "0", "--queries",
        "240", "--engines", "docsearch-whoosh,docsearch-solr", "--no-sync", "--keep",
        "--workdir", str(Path("w") / "20000"), "--solr", URL]
    with pytest.raises(SystemExit):
        scaling.parse_args(["--sizes", "lots", "--workdir", "w", "--solr", URL])
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "scaling.py: error: --sizes: 'lots' is not a number of articles")
    with pytest.raises(SystemExit):  # the suite's own check: docsearch-solr needs --solr
        scaling.parse_args(["--workdir", "w"])
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "suite.py: error: docsearch-solr needs a SolrCloud cluster: --solr "
        "http://HOST:PORT/solr (or set DOCSEARCH_SOLR_URL)")


def test_a_size_that_would_pass_the_budget_is_reported_not_skipped(tmp_path: Path) -> None:
    summary = {"runs": {"20000": {"status": "done", "seconds": 300.0},
                        "100000": {"status": "not started", "projected_s": 1500.0,
                                   "left_s": 900.0}}}
    rows = scaling.table(summary, tmp_path, [20_000, 100_000], ["docsearch-whoosh"])
    assert rows[1][:3] == ["20,000", "all", "done (spent 300 s)"]  # results missing
    assert rows[2][:3] == ["100,000", "all", "not started (projected 25.0 min)"]


@pytest.mark.skipif(not os.environ.get("DOCSEARCH_SOLR_URL"),
                    reason="no SolrCloud test cluster (DOCSEARCH_SOLR_URL)")
def test_docsearch_on_solr_agrees_with_docsearch_on_whoosh(tmp_path: Path) -> None:
    work = tmp_path / "work"
    code = suite.main(["--corpus", "synthetic", "--synthetic-size", "200", "--queries", "16",
                       "--engines", "docsearch-whoosh,docsearch-solr", "--workdir", str(work),
                       "--keep", "--in-process"])
    assert code == 0
    result = json.loads((work / "synthetic" / "results.json").read_text())
    assert result["reference"] == "docsearch-whoosh"
    assert result["build"]["docsearch-solr"]["docs"] == 200
    assert result["incremental"]["docsearch-solr"]["total_after_add10"] == 210
    for kind, diff in result["agreement"]["docsearch-solr"].items():
        assert diff["compared"] == 2, kind
        assert diff["totals_differ"] == 0 and diff["facets_differ"] == 0, (kind, diff)
        if kind == "by date":
            assert diff["ids_differ"] == 0
    # The index was deleted from the cluster at the end of the run.
    with pytest.raises(docsearch.IndexNotFoundError, match="^no index at "):
        docsearch.open(result["solr_index"])
