"""benchmarks/cranfield_known_items.py: a known-item collection of Cranfield's
abstracts (queries from a title or from the abstract's first sentence after the
title it repeats), seeded, the documents written unchanged."""

from __future__ import annotations

import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import cranfield_known_items as cran  # noqa: E402

DOCS = [
    {"doc_id": "1", "title": "flow past a flat plate .",
     "text": "flow past a flat plate . the boundary layer of a flat plate was measured at "
             "several speeds . more follows ."},
    {"doc_id": "2", "title": "heat transfer in hypersonic flow .",
     "text": "heat transfer in hypersonic flow . rates of heat transfer to a blunt nose were "
             "computed . others agree ."},
    {"doc_id": "3", "title": "flow past a flat plate .",
     "text": "flow past a flat plate . the boundary layer of a flat plate was measured at "
             "several speeds . more follows ."},  # a duplicate of the first
]


def collection(folder: Path) -> Path:
    folder.mkdir()
    (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in DOCS))
    return folder


def test_queries_are_drawn_from_the_text_without_its_repeated_title(tmp_path):
    assert cran.items(collection(tmp_path / "c"))[0] == ("1", DOCS[0]["title"], DOCS[0]["text"])
    assert cran.without_title("a title .", "other text .") == "other text ."
    assert cran.without_title(DOCS[1]["title"], DOCS[1]["text"]) == \
        "rates of heat transfer to a blunt nose were computed . others agree ."


def test_the_collection_is_seeded_documents_unchanged_duplicates_relevant(tmp_path):
    folder = collection(tmp_path / "c")
    assert cran.write(tmp_path / "out", folder, queries=3, seed=1, keep=1.0) == (3, 3, 5)
    written = [json.loads(line) for line in
               (tmp_path / "out" / "docs.jsonl").read_text().splitlines()]
    assert written == DOCS
    first = {name: (tmp_path / "out" / name).read_text()
             for name in ("docs.jsonl", "queries.tsv", "qrels.trec")}
    cran.write(tmp_path / "again", folder, queries=3, seed=1, keep=1.0)
    assert {name: (tmp_path / "again" / name).read_text() for name in first} == first
    queries = sorted(line.split("\t")[1] for line in first["queries.tsv"].splitlines())
    # keep 1: the whole title (odd queries) or the abstract's first sentence (even ones).
    assert set(queries) <= {"flow past a flat plate", "heat transfer in hypersonic flow",
                            "the boundary layer of a flat plate was measured at several speeds",
                            "rates of heat transfer to a blunt nose were computed"}
    assert cran.main([str(tmp_path / "x"), "--cranfield", str(tmp_path / "none")]) == 2
