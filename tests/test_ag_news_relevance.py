"""benchmarks/ag_news_relevance.py: the known-item collection made from AG's News
is in the standard layout, seeded and deterministic."""

from __future__ import annotations

import csv
import gzip
import io
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import ag_news_relevance as ag  # noqa: E402

ROWS = [
    ("3", "Fears for T N pension after talks (Reuters)",
     "LONDON (Reuters) - Unions representing workers at Turner Newall say they are "
     "disappointed after talks. More follows."),
    ("4", "Second private team sets launch date (AP)",
     "AP - A second team of rocketeers competing for the #36;10 million prize announced "
     "its first launch date.\\It is in December."),
    ("2", "Short", "Too short."),
    ("3", "Fears for T N pension after talks (Reuters)",
     "LONDON (Reuters) - Unions representing workers at Turner Newall say they are "
     "disappointed after talks. More follows."),
]


def corpus(folder: Path) -> Path:
    text = io.StringIO()
    csv.writer(text, quoting=csv.QUOTE_ALL).writerows(ROWS)
    folder.mkdir()
    (folder / "test.csv.gz").write_bytes(gzip.compress(text.getvalue().encode()))
    return folder


def test_text_is_cleaned_and_query_sources_drop_tags_and_leads():
    assert ag.clean("the #36;10 million\\prize") == "the $10 million prize"
    assert ag.source_words("Fears for T N pension after talks (Reuters)", "", True) == \
        ["Fears", "for", "T", "N", "pension", "after", "talks"]
    assert ag.source_words("", "LONDON (Reuters) - Unions say so. More follows.", False) == \
        ["Unions", "say", "so"]


def test_the_collection_is_seeded_and_duplicates_are_relevant_too(tmp_path):
    folder = corpus(tmp_path / "ag")
    # The third item is too short to recall; the first and fourth are the same item,
    # each drawn once, and each of their queries judges both relevant: 2 + 1 + 2.
    assert ag.write(tmp_path / "out", folder, queries=3, seed=1) == (4, 3, 5)
    first = {name: (tmp_path / "out" / name).read_text() for name in
             ("docs.jsonl", "queries.tsv", "qrels.trec")}
    ag.write(tmp_path / "again", folder, queries=3, seed=1)
    assert {name: (tmp_path / "again" / name).read_text() for name in first} == first
    assert first["docs.jsonl"].splitlines()[1].endswith(
        '"text": "AP - A second team of rocketeers competing for the $10 million prize '
        'announced its first launch date. It is in December."}')
    queries = [line.split("\t")[1] for line in first["queries.tsv"].splitlines()]
    assert all(len(q.split()) >= 3 for q in queries)
    assert "Reuters" not in " ".join(queries) and "AP" not in " ".join(queries).split()
    judged = [line.split() for line in first["qrels.trec"].splitlines()]
    assert sorted(j[2] for j in judged) == ["ag00001", "ag00001", "ag00002", "ag00004",
                                            "ag00004"]
    assert all(j[1] == "0" and j[3] == "1" for j in judged)


def test_a_missing_corpus_is_a_one_line_error(tmp_path, capsys):
    assert ag.main([str(tmp_path / "out"), "--corpus", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"error: no test.csv.gz in {tmp_path}\n"
