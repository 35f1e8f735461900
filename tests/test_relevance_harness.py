"""The relevance harness (benchmarks/relevance.py): it reads the standard layout,
runs docsearch and the BM25 reference through their public APIs and scores runs
with trec_eval's measures. No ranking quality is asserted here: that is measured
(docs/relevance.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
COLLECTION = Path(__file__).resolve().parent / "data" / "relevance"

relevance = pytest.importorskip("relevance")
pytest.importorskip("pytrec_eval", reason="the relevance extra is not installed")


def test_collection_layout_is_read():
    c = relevance.load(COLLECTION)
    assert c.name == "relevance"
    assert [d["doc_id"] for d in c.docs] == [f"d{n}" for n in range(1, 9)]
    assert c.queries[0] == ("1", "island ferry")
    assert len(c.queries) == 4
    assert c.qrels == {"1": {"d1": 2, "d7": 1}, "2": {"d2": 2}, "3": {"d5": 2, "d8": 0}}


def test_layout_errors_name_the_file_and_line(tmp_path):
    with pytest.raises(relevance.LayoutError, match=r"no docs\.jsonl"):
        relevance.load(tmp_path)
    for name in ("docs.jsonl", "queries.tsv", "qrels.trec"):
        (tmp_path / name).write_text((COLLECTION / name).read_text())
    (tmp_path / "qrels.trec").write_text("1 0 d1\n")
    with pytest.raises(relevance.LayoutError, match="qrels.trec line 1: not 'qid 0 doc_id grade'"):
        relevance.load(tmp_path)


def test_measures_are_trec_evals_on_a_hand_scored_run():
    qrels = relevance.load(COLLECTION).qrels
    run = {"1": {"d7": 3.0, "d1": 2.0}, "2": {"d6": 2.0, "d2": 1.0}}  # 3: no hits
    scores = relevance.means(relevance.evaluate(run, qrels))
    assert scores["map"] == pytest.approx((1.0 + 0.5 + 0.0) / 3)
    assert scores["P_10"] == pytest.approx((0.2 + 0.1 + 0.0) / 3)
    # nDCG@10 of query 1: gains 1, 2 against the ideal 2, 1 (log2 discounts).
    import math
    q1 = (1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3))
    q2 = (2 / math.log2(3)) / 2  # query 2: gain 2 at rank 2, ideal 2 at rank 1
    assert scores["ndcg_cut_10"] == pytest.approx((q1 + q2 + 0.0) / 3)


def test_docsearch_and_reference_runs_rank_the_judged_articles_first(tmp_path):
    c = relevance.load(COLLECTION)
    ix = relevance.build_index(c, tmp_path / "ix")
    run = relevance.docsearch_run(ix, c, relevance.Ranking())
    best = {qid: sorted(docs, key=docs.get, reverse=True) for qid, docs in run.items()}
    assert best["1"][:2] == ["d1", "d7"]
    assert best["2"][0] == "d2"
    assert best["3"][0] == "d5"
    assert best["4"] == []
    reference = relevance.bm25_reference(c)
    ref_best = {qid: sorted(docs, key=docs.get, reverse=True) for qid, docs in reference.items()}
    assert set(ref_best["1"][:2]) == {"d1", "d7"} and ref_best["2"][0] == "d2"
    assert ref_best["4"] == []
    ix.close()


def test_main_prints_the_table(capsys):
    assert relevance.main([str(COLLECTION), "--variants", "docsearch (defaults)",
                           "k1=0.9,b=0.4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["system", "MAP", "nDCG@10", "P@10", "ΔMAP", "ΔnDCG@10", "p",
                                "(MAP)"]
    assert [line.split("  ")[0] for line in lines[2:]] == [
        "BM25 reference (bm25s)", "docsearch (defaults)", "k1=0.9,b=0.4"]


def test_main_reports_a_bad_collection_or_variant(tmp_path, capsys):
    assert relevance.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip().endswith("no docs.jsonl (see benchmarks/relevance.py)")
    assert relevance.main([str(COLLECTION), "--variants", "k3=1"]) == 2
    assert "not a ranking setting: 'k3=1'" in capsys.readouterr().err


def test_the_stemmer_variant_stems_with_another_algorithm_and_is_undone():
    from docsearch import analysis
    assert analysis.term("generously") == "gener"  # Porter
    assert "Snowball English stemming" in relevance.variants()
    with relevance.analyzer_variant("stemmer:english"):
        assert analysis.term("generously") == "generous"
    assert analysis.term("generously") == "gener"


def test_long_queries_are_the_first_words_of_documents_spread_over_the_collection():
    import ranking_speed
    docs = [{"doc_id": str(n), "title": "", "text": " ".join(f"w{n}x{i}" for i in range(n))}
            for n in range(10)]
    assert ranking_speed.pasted(docs, 2, 3) == ["w3x0 w3x1 w3x2", "w6x0 w6x1 w6x2"]
    # The first-run row's queries: the documents one place after those.
    assert ranking_speed.pasted(docs, 2, 3, shift=1) == ["w4x0 w4x1 w4x2", "w7x0 w7x1 w7x2"]
    wall, cpu = ranking_speed.first_runs([lambda: None] * 3)  # each call's wall and CPU ms
    assert len(wall) == len(cpu) == 3 and min(wall + cpu) >= 0
    wall, cpu = ranking_speed.timed([lambda: None] * 2, repeat=3)  # after one warm-up each
    assert len(wall) == len(cpu) == 6


def test_one_field_and_the_references_stop_words_variants():
    from docsearch import analysis
    c = relevance.load(COLLECTION)
    moved = relevance.one_field(c)
    assert moved.docs[0] == {"doc_id": "d1", "title": "",
                             "text": f"{c.docs[0]['title']}\n{c.docs[0]['text']}"}
    assert relevance.variants()["title and text as one field"][1] == "one-field"
    assert analysis.terms("they may go") == ["thei", "go"]
    with relevance.analyzer_variant("stop:bm25s"):
        assert analysis.terms("they may go") == ["mai", "go"]
    assert analysis.terms("they may go") == ["thei", "go"]


def test_engine_option_builds_the_indexes_with_that_engine(capsys, monkeypatch):
    made = []
    open_index = relevance.docsearch.open

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(kwargs.get("engine"))
        return open_index(*args, **kwargs)

    monkeypatch.setattr(relevance.docsearch, "open", spy)
    assert relevance.main([str(COLLECTION), "--engine", "memory"]) == 0
    assert made == ["memory"]
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[0] for line in lines[2:]] == [
        "BM25 reference (bm25s)", "docsearch (defaults)"]
    assert relevance.main([str(COLLECTION), "--engine", "nosuch"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "error: unknown engine 'nosuch' (engines: whoosh, memory, tantivy, solr)")
