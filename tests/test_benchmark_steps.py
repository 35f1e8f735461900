"""benchmarks/engine_steps.py on a tiny corpus folder: both steps run in child processes
of the checkout, and the table and the agreement line are printed."""

from __future__ import annotations

import json
import sys

import pytest

import docsearch
from docsearch import Article

pytest.importorskip("tantivy")

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent
                       / "benchmarks"))
import engine_steps  # noqa: E402


def test_the_steps_run_and_report(tmp_path, capsys):
    corpus = tmp_path / "reuters"
    with docsearch.open(corpus / "docsearch-tantivy" / "index", create=True,
                        engine="tantivy") as ix:
        ix.add([Article(id=f"a{n}", title=f"Gulls {n}", body="Wardens counted gulls.")
                for n in range(3)])
    (corpus / "queries.json").write_text(json.dumps([
        {"number": 0, "kind": "facets", "facets": True},
        {"number": 1, "kind": "term", "words": ["gulls"]}]))
    (corpus / "new.jsonl").write_text("".join(
        json.dumps({"id": f"n{n}", "title": "Terns", "body": "Terns came back."}) + "\n"
        for n in range(12)))
    assert engine_steps.main([str(corpus), "--engines", "docsearch-tantivy",
                              "--rounds", "1"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("round 1, ") and "docsearch-tantivy" in out[0]
    assert "faceted p50 / p95 ms wall" in out[0] and "first facet query after adding 10" \
        in out[0]
    assert "; second process: open + facet probe CPU " in out[0]
    assert out[1] == "  totals and facet counts equal to docsearch-tantivy's: yes"
    assert not (corpus / "docsearch-tantivy" / "incremental.json").exists()  # copies only


def test_a_folder_without_the_indexes_is_an_error(tmp_path, capsys):
    assert engine_steps.main([str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(f"error: {tmp_path} holds no queries.json")


def test_the_files_a_build_saved_are_copied_only_when_asked(tmp_path):
    source = tmp_path / "kept"
    index = source / "docsearch-tantivy" / "index" / "data"
    index.mkdir(parents=True)
    (index / "meta.json").write_text("{}")
    (index / ".facets-people-k.json").write_text("{}")
    for name in ("queries.json", "new.jsonl"):
        (source / name).write_text("")
    engine_steps._copy(source, tmp_path / "bare", ["docsearch-tantivy"])
    engine_steps._copy(source, tmp_path / "saved", ["docsearch-tantivy"], saved=True)
    listed = {copy: sorted(p.name for p in (tmp_path / copy / "docsearch-tantivy" / "index"
                                            / "data").iterdir()) for copy in ("bare", "saved")}
    assert listed == {"bare": ["meta.json"], "saved": [".facets-people-k.json", "meta.json"]}
