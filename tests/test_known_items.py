"""benchmarks/known_items.py and reuters_known_items.py: known-item collections of
half-remembered news queries, seeded; a Reuters story's lead and an over-long
first "sentence" are left out of the queries."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import known_items  # noqa: E402
import reuters_known_items  # noqa: E402

STORY = """<REUTERS NEWID="{newid}"><DATE>26-FEB-1987 15:01:01.79</DATE><TOPICS></TOPICS>
<TEXT><TITLE>{title}</TITLE><BODY>{body}</BODY></TEXT></REUTERS>
"""


def reuters(folder: Path) -> Path:
    stories = [
        (1, "BAHIA COCOA REVIEW", "SALVADOR, Feb 26 - Showers continued throughout the week "
         "in the cocoa zone. More follows."),
        (2, "ENERGY PRICES RISE", "HOUSTON, March 2 - Oil prices rose again today. Traders said."),
        (3, "QTLY EARNINGS", "Shr 19 cts vs 22 cts " * 20),  # no sentence end
        (4, "BAHIA COCOA REVIEW", "SALVADOR, Feb 26 - Showers continued throughout the week "
         "in the cocoa zone. More follows."),  # a duplicate of the first
    ]
    folder.mkdir()
    text = "".join(STORY.format(newid=n, title=t, body=b) for n, t, b in stories)
    (folder / "reut2-000.sgm.gz").write_bytes(gzip.compress(text.encode("latin-1")))
    return folder


def test_sources_leave_the_lead_out_and_long_ones_are_passed_over(tmp_path):
    assert known_items.source_words("", "HOUSTON, March 2 - Oil prices rose again today. "
                                    "Traders said.", False) == \
        ["Oil", "prices", "rose", "again", "today"]
    items = [("a", "Oil prices rise", "One two three four five six. Seven."),
             ("b", " ".join(["word"] * 60), "Too short."),
             ("c", "Tin market closes", "Eight nine ten eleven. Twelve.")]
    # keep 1: every word; "b"'s 60-word title is too long, its sentence too short.
    assert known_items.write(tmp_path / "out", items, queries=5, seed=3, keep=1.0,
                             longest=50) == (3, 2, 2)
    assert known_items.write(tmp_path / "all", items, queries=5, seed=3, keep=1.0) == (3, 3, 3)
    queries = (tmp_path / "out" / "queries.tsv").read_text().splitlines()
    assert queries[0].split("\t")[1] in ("Oil prices rise", "Tin market closes")
    assert queries[1].split("\t")[1] in ("One two three four five six", "Eight nine ten eleven")


def test_reuters_known_items_are_seeded_and_duplicates_relevant(tmp_path):
    folder = reuters(tmp_path / "reuters")
    assert [i[0] for i in reuters_known_items.items(folder)] == \
        ["reuters-1", "reuters-2", "reuters-3", "reuters-4"]
    counts = reuters_known_items.write(tmp_path / "out", folder, queries=10, seed=1)
    first = {name: (tmp_path / "out" / name).read_text()
             for name in ("docs.jsonl", "queries.tsv", "qrels.trec")}
    reuters_known_items.write(tmp_path / "again", folder, queries=10, seed=1)
    assert {name: (tmp_path / "again" / name).read_text() for name in first} == first
    queries = [line.split("\t")[1] for line in first["queries.tsv"].splitlines()]
    assert counts[:2] == (4, len(queries)) and 2 <= len(queries) <= 4
    assert all(len(q.split()) >= 3 for q in queries)
    assert not any(word in q for q in queries for word in ("SALVADOR", "HOUSTON", "Shr"))
    judged = [line.split() for line in first["qrels.trec"].splitlines()]
    by_query: dict[str, set[str]] = {}
    for qid, _, doc, _ in judged:
        by_query.setdefault(qid, set()).add(doc)
    assert all(docs in ({"reuters-1", "reuters-4"}, {"reuters-2"}) for docs in by_query.values())
    assert reuters_known_items.main([str(tmp_path / "x"), "--reuters", str(tmp_path)]) == 2
