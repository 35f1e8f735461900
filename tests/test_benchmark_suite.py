"""Smoke tests of the benchmark suite (benchmarks/suite.py): the synthetic corpus is
deterministic, and the suite runs end to end on a tiny corpus with raw Whoosh agreeing
with docsearch on every total and facet count. No timings are checked."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import engines  # noqa: E402
import suite  # noqa: E402
import synthetic  # noqa: E402

import docsearch  # noqa: E402


def test_synthetic_corpus_is_deterministic() -> None:
    first = list(synthetic.generate(40, seed=3))
    again = list(synthetic.generate(40, seed=3))
    assert first == again
    assert list(synthetic.generate(5, seed=3, start=35)) == first[35:]
    other = list(synthetic.generate(40, seed=4))
    assert [a.body for a in other] != [a.body for a in first]
    assert len({a.id for a in first}) == 40


def test_synthetic_articles_look_like_news() -> None:
    articles = list(synthetic.generate(60, seed=1))
    words = [len(a.body.split()) for a in articles]
    assert min(words) >= 150 and max(words) <= 480
    assert len({a.source for a in articles}) > 5
    assert all(a.published is None or 2005 <= a.published.year <= 2024 for a in articles)
    pool = {p.name for p in synthetic.people_pool()}
    found = [p for a in articles[:30] for p in docsearch.extract_people(a.title, a.body)]
    assert found and all(name in pool for name in found)
    assert sum(bool(docsearch.classify_topics(a.title, a.body)) for a in articles) >= 50


def test_top_values_orders_by_count_then_value_and_keeps_selected() -> None:
    counts = {"b": 3, "a": 3, "c": 5, "d": 1, "e": 0}
    assert engines.top_values(counts, ("d", "z"), limit=2) == {"c": 5, "a": 3, "d": 1, "z": 0}


def test_compare_reports_a_differing_total_and_facet() -> None:
    spec = engines.QuerySpec(number=1, kind="facets", words=("oil",), facets=True)
    mine = {1: {"total": 4, "facets": {"person": {"A": 2}}}}
    theirs = {1: {"total": 4, "facets": {"person": {"A": 1}}}}
    diffs = suite.compare(mine, theirs, {1: spec})
    assert diffs["facets"].facets_differ == 1 and diffs["facets"].facets_differ_same_total == 1
    assert suite.compare(mine, mine, {1: spec})["facets"].facets_differ == 0


def test_suite_end_to_end_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    names = ["docsearch", "whoosh", "sqlite"]
    if importlib.util.find_spec("tantivy") is not None:
        names += ["tantivy", "docsearch-tantivy"]
    markdown = tmp_path / "tables.md"
    code = suite.main(["--corpus", "synthetic", "--synthetic-size", "300", "--queries", "24",
                       "--engines", ",".join(names), "--workdir", str(tmp_path / "work"),
                       "--keep", "--markdown", str(markdown), "--in-process"])
    assert code == 0
    result = json.loads((tmp_path / "work" / "synthetic" / "results.json").read_text())
    assert result["docs"] == 300
    kinds = {s["kind"] for s in result["specs"]}
    assert kinds == set(suite.CLASSES) and len(result["specs"]) == 24
    for name in names:
        assert result["build"][name]["docs"] == 300
        assert len(result["query"][name]["timed"]) == 24
        assert result["incremental"][name]["total_after_add10"] == 310

    # The check is real: the faceted answers hold counts, the selections are there ...
    answers = {q["number"]: q for q in result["query"]["docsearch"]["timed"]}
    specs = {s["number"]: s for s in result["specs"]}
    faceted = [answers[n] for n, s in specs.items() if s["facets"]]
    assert all(set(a["facets"]) == set(engines.FACET_NAMES) for a in faceted)
    assert any(a["facets"]["person"] for a in faceted)
    assert any(s["people"] or s["topics"] or s["sources"] for s in specs.values()
               if s["kind"] == "facets+select")
    # ... and raw Whoosh (and docsearch on tantivy) agree with docsearch exactly, totals
    # and facet counts.
    for name in [n for n in names if n in ("whoosh", "docsearch-tantivy")]:
        for kind, diff in result["agreement"][name].items():
            assert diff["compared"] == 3, (name, kind)
            assert diff["totals_differ"] == 0 and diff["facets_differ"] == 0, (name, kind, diff)
    whoosh = {q["number"]: q for q in result["query"]["whoosh"]["timed"]}
    assert all(whoosh[n]["total"] == a["total"] and whoosh[n]["facets"] == a["facets"]
               for n, a in answers.items())
    # With no text, every engine must count the same articles.
    for name in names[1:]:
        for number, spec in specs.items():
            if not spec["words"]:
                other = {q["number"]: q for q in result["query"][name]["timed"]}[number]
                assert other["total"] == answers[number]["total"], name
                assert other["facets"] == answers[number]["facets"], name

    out = capsys.readouterr().out
    assert "Goals" in out and "Count agreement" in out
    text = markdown.read_text()
    assert "| query class |" in text and "every total and facet count equal" in text


def test_the_extraction_floor_prepares_every_article_and_writes_none(tmp_path: Path) -> None:
    articles = list(synthetic.generate(240, seed=2))  # enough for the worker processes
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps(engines.article_record(a)) + "\n" for a in articles),
                      encoding="utf-8")
    floor = engines.make_engine(engines.FLOOR)
    assert floor.build(source, tmp_path / "floor") == 240
    with docsearch.open(tmp_path / "floor") as ix:
        assert len(ix) == 0


def _build_step(seconds: float) -> dict[str, object]:
    return {"seconds": seconds, "cpu": seconds * 1.5, "docs": 1000, "workers": 2,
            "size_bytes": 2_000_000, "hwm_mb": 80.0}


def test_build_rows_give_each_docsearch_build_as_a_ratio_to_the_floor() -> None:
    result = {"engines": ["docsearch", "docsearch-tantivy", "tantivy"],
              "build": {"docsearch": _build_step(40.0), "docsearch-tantivy": _build_step(13.0),
                        "tantivy": _build_step(1.0)},
              "floor": _build_step(10.0)}
    rows = suite.build_rows(result)
    assert rows[0][:3] == ["engine", "build s", "x floor"]
    assert [r[:3] for r in rows[1:]] == [["docsearch", "40.0", "4.00"],
                                         ["docsearch-tantivy", "13.0", "1.30"],
                                         ["tantivy", "1.0", ""],
                                         ["extraction-only (floor)", "10.0", "1.00"]]
    assert rows[-1][-1] == ("parse JSON + extract people and topics + analyse the text, "
                            "nothing written, 2 worker(s)")
    del result["floor"]
    assert suite.build_rows(result)[0][:3] == ["engine", "build s", "cpu s"]


def test_the_tantivy_goals_of_issue_15() -> None:
    reuters = {"reference": "docsearch", "docs": 21578,
               "build": {"docsearch": _build_step(40.0), "docsearch-tantivy": _build_step(12.0)},
               "floor": _build_step(10.0), "query": {}, "incremental": {}}
    rows = suite.tantivy_goal_rows({"reuters": reuters})
    assert rows == [
        ["tantivy engine goal", "target", "measured", "status"],
        ["Reuters: build / extraction-only floor", "<= 1.3x", "12.0 s / 10.0 s = 1.20x", "met"],
        ["Reuters: build / Whoosh engine build", "<= 0.2x", "12.0 s / 40.0 s = 0.30x",
         "missed by 0.10 x (1.50x the target)"]]
    timed = [{"kind": "facets", "ms": float(ms)} for ms in range(5, 110, 5)]  # p95: 100
    big = {"reference": "docsearch-tantivy", "docs": 200000,
           "build": {"docsearch-tantivy": {**_build_step(290.0), "hwm_mb": 1100.0}},
           "query": {"docsearch-tantivy": {"timed": timed, "hwm_mb": 300.0}},
           "incremental": {"docsearch-tantivy": {"add10_s": 0.25, "query_after_add_ms": 120.0,
                                                 "hwm_mb": 400.0}}}
    assert suite.tantivy_goal_rows({"synthetic": big})[1:] == [
        ["200,000 articles: build", "<= 300 s", "290.0 s", "met"],
        ["200,000 articles: peak RSS (own: build / query / add)", "<= 1,000 MB",
         "1,100 / 300 / 400 MB", "missed by 100.00 MB (1.10x the target)"],
        ["200,000 articles: faceted p95", "<= 50 ms", "100.0 ms",
         "missed by 50.00 ms (2.00x the target)"],
        ["200,000 articles: add 10 articles", "<= 0.3 s", "0.25 s", "met"],
        ["200,000 articles: first facet query after the add", "<= 100 ms", "120.0 ms",
         "missed by 20.00 ms (1.20x the target)"]]


def test_docsearch_on_tantivy_is_the_reference_when_whoosh_is_not_run() -> None:
    assert suite.reference_engine(["tantivy", "docsearch-tantivy", "sqlite"]) == \
        "docsearch-tantivy"
    assert suite.reference_engine(["docsearch-tantivy", "docsearch-whoosh"]) == \
        "docsearch-whoosh"
