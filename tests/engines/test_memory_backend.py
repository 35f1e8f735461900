"""The memory engine alone, through the engine protocols of docsearch.engines.base:
writes, commits, snapshots and what a snapshot answers (query nodes: see
test_memory_matching.py)."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

import docsearch
from docsearch.engines import memory
from docsearch.engines.base import Document, date_number
from docsearch.engines.memory import storage
from docsearch.search import querytree as qt
from tests.engines.backend_docs import DOCS, doc, fill, ids


@pytest.fixture
def backend(tmp_path):
    made = fill(memory.create(tmp_path / "gen"), DOCS)
    yield made
    made.close()


def test_a_new_backend_is_empty_and_committed(tmp_path):
    made = memory.create(tmp_path / "gen")
    snapshot = made.snapshot()
    assert (snapshot.size, snapshot.doc_count(), list(snapshot.ids())) == (0, 0, [])
    assert [p.name for p in (tmp_path / "gen").iterdir()] == ["memory-00000000.jsonl"]
    assert memory.open(tmp_path / "gen").snapshot().size == 0


def test_put_replace_delete(backend):
    first = backend.snapshot()
    assert sorted(first.ids()) == ["d1", "d2", "d3"] and first.doc_count() == 3
    with backend.writer() as writer:
        writer.put(doc("d1", "Harbour wall rebuilt", "The wall was rebuilt."))
        writer.delete("d3")
        writer.delete("nothing")
    second = backend.snapshot()
    assert sorted(second.ids()) == ["d1", "d2"]
    assert second.stored(second.find("d1"))["title"] == "Harbour wall rebuilt"
    assert second.find("d3") is None
    assert second.live().tolist() == [True, True]


def test_a_block_that_raises_commits_nothing(backend, tmp_path):
    before = backend.snapshot()
    files = sorted(p.name for p in (tmp_path / "gen").iterdir())
    with pytest.raises(RuntimeError), backend.writer() as writer:
        writer.delete("d1")
        writer.put(doc("d9", "Never", "Never written."))
        raise RuntimeError("stop")
    assert backend.snapshot() is before
    assert sorted(p.name for p in (tmp_path / "gen").iterdir()) == files
    assert sorted(memory.open(tmp_path / "gen").snapshot().ids()) == ["d1", "d2", "d3"]


def test_a_snapshot_is_an_immutable_view_and_its_key_changes_at_each_commit(backend):
    before = backend.snapshot()
    assert backend.snapshot() is before  # nothing changed: the same object
    with backend.writer() as writer:
        writer.delete("d2")
    after = backend.snapshot()
    assert after.key != before.key
    assert sorted(before.ids()) == ["d1", "d2", "d3"]  # the old view is unchanged
    assert before.doc_frequency("body", "harbour") == 2
    assert after.doc_frequency("body", "harbour") == 1
    with backend.writer():
        pass
    assert backend.snapshot().key not in (before.key, after.key)


def test_another_process_sees_each_commit(backend, tmp_path):
    other = memory.open(tmp_path / "gen")
    assert sorted(other.snapshot().ids()) == ["d1", "d2", "d3"]
    with backend.writer() as writer:
        writer.put(doc("d4", "Tide gauge", "A new tide gauge."))
    assert sorted(other.snapshot().ids()) == ["d1", "d2", "d3", "d4"]
    with other.writer() as writer:  # a writer starts from the newest commit
        writer.delete("d1")
    assert sorted(backend.snapshot().ids()) == ["d2", "d3", "d4"]
    assert other.snapshot().key == backend.snapshot().key


def test_commits_are_deltas_until_compacted(backend, tmp_path):
    folder = tmp_path / "gen"
    for n in range(memory.COMPACT_AFTER + 2):
        with backend.writer() as writer:
            writer.put(doc(f"x{n}", "Buoy", f"Buoy number {n}."))
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) < memory.COMPACT_AFTER  # a full commit removed the older files
    headers = [json.loads(p.read_text().splitlines()[0]) for p in sorted(folder.iterdir())]
    assert headers[0]["full"] and not any(h["full"] for h in headers[1:])
    assert backend.tidy() is True and backend.tidy() is False
    (only,) = folder.iterdir()
    assert json.loads(only.read_text().splitlines()[0])["full"] is True
    reopened = memory.open(folder).snapshot()
    assert sorted(reopened.ids()) == sorted(backend.snapshot().ids())
    assert reopened.doc_count() == 3 + memory.COMPACT_AFTER + 2


def test_stored_values_come_back_unchanged(backend, tmp_path):
    stored = {"title": "T", "data": {"tags": ("a", "b"), "when": dt.datetime(2021, 1, 2, 3, 4),
                                     "day": dt.date(2020, 5, 6), "$odd": [1, None, 2.5]}}
    with backend.writer() as writer:
        writer.put(Document(id="s", title="T", body="", title_terms=("t",), body_terms=(),
                            keywords={}, date=None, stored=stored))
    reopened = memory.open(tmp_path / "gen").snapshot()
    assert reopened.stored(reopened.find("s")) == stored


def test_columns_dates_and_ids(backend):
    snapshot = backend.snapshot()
    person = snapshot.column("person")
    assert person.values == ["Orla Fenwick", "Tobias Wren"]
    assert person.counts(None).tolist() == [2, 1]
    assert ids(snapshot, person.docs_with([1])) == {"d2"}
    topic = snapshot.column("topic")
    assert dict(zip(topic.values, topic.counts(None).tolist(), strict=True)) == {
        "economy": 2, "transport": 2}
    assert snapshot.column("author").values == []
    numbers = dict(zip(snapshot.ids(), snapshot.dates().tolist(), strict=True))
    assert numbers == {"d1": date_number(dt.datetime(2022, 3, 1)),
                       "d2": date_number(dt.datetime(2023, 6, 5, 9, 30)), "d3": 0}
    assert snapshot.ids_with_prefix("d") == ["d1", "d2", "d3"]
    assert snapshot.ids_with_prefix("d2") == ["d2"] and snapshot.ids_with_prefix("e") == []


def test_term_statistics_and_positions(backend):
    snapshot = backend.snapshot()
    assert snapshot.doc_frequency("body", "harbour") == 2
    assert snapshot.collection_frequency("body", "fare") == 1
    assert snapshot.collection_frequency("title", "fare") == 1
    assert snapshot.doc_frequency("body", "nothing") == 0
    assert snapshot.doc_frequency("person", "Orla Fenwick") == 2
    assert snapshot.field_length("title") == sum(len(d.title_terms) for d in DOCS)
    assert list(snapshot.terms("body", "qua")) == ["quai"]
    assert list(snapshot.terms("body")) == sorted({t for d in DOCS for t in d.body_terms})
    assert list(snapshot.terms("topic")) == ["economy", "transport"]
    d1, d2 = snapshot.find("d1"), snapshot.find("d2")
    where = snapshot.positions("body", "harbour", [d1, d2, snapshot.find("d3")])
    assert {k: v.tolist() for k, v in where.items()} == {
        d1: [DOCS[0].body_terms.index("harbour")], d2: [DOCS[1].body_terms.index("harbour")]}
    assert snapshot.details()["segments"] == 1


def test_size_on_disk_and_format_errors(backend, tmp_path):
    folder = tmp_path / "gen"
    assert backend.size_on_disk() == sum(p.stat().st_size for p in folder.iterdir())
    (folder / "memory-00000099.jsonl").write_text('{"format": 99, "full": true}\n')
    from docsearch.errors import IndexFormatError
    with pytest.raises(IndexFormatError, match="has memory engine format 99, not 1"):
        memory.open(folder)
    assert storage.FORMAT == 1


# ------------------------------------------------------------------- query nodes

NODES = [
    doc("n1", "Ferry strike", "Ferry crews strike over the night shift rota.",
        person=("Orla Fenwick",), day=dt.datetime(2022, 3, 1)),
    doc("n2", "Night market", "The night market opens; crews of the ferry shop there.",
        person=("Tobias Wren",), day=dt.datetime(2023, 6, 5)),
    doc("n3", "Swimmers train", "Swimmers and a swimming coach train at night.",
        topic=("sport",), day=dt.datetime(2021, 11, 20)),
    doc("n4", "Harbour shift", "The harbour night crews shift the buoys.",
        topic=("sport", "labour")),
]


@pytest.fixture
def nodes(tmp_path):
    made = memory.create(tmp_path / "nodes")
    with made.writer() as writer:
        for d in NODES:
            writer.put(d)
    return made.snapshot()


@pytest.mark.parametrize("node, expected", [
    (qt.Term("body", "ferri"), {"n1", "n2"}),
    (qt.Term("title", "ferri"), {"n1"}),
    (qt.Term("body", "nothing"), set()),
    (qt.Term("person", "Orla Fenwick"), {"n1"}),
    (qt.Term("person", "orla fenwick"), set()),  # keyword values are exact
    (qt.Term("topic", "sport"), {"n3", "n4"}),
    (qt.Term("id", "n2"), {"n2"}),
    (qt.Term("day", "2023-06-05"), set()),  # no day values in these documents
    (qt.Phrase("body", ("night", "shift")), {"n1"}),
    (qt.Phrase("body", ("night", "crew")), {"n4"}),
    (qt.Phrase("body", ("crew", "night")), set()),  # in order only
    (qt.Phrase("body", ("ferri", "crew"), slop=2), {"n1"}),  # adjacent is within 2
    (qt.Phrase("body", ("night", "shift"), slop=2), {"n1", "n4"}),  # night crew shift
    (qt.Phrase("body", ("ferri",)), {"n1", "n2"}),
    (qt.Prefix("body", "swim"), {"n3"}),
    (qt.Prefix("body", "s"), {"n1", "n2", "n3", "n4"}),
    (qt.Prefix("topic", "lab"), {"n4"}),
    (qt.Wildcard("body", "sh?ft"), {"n1", "n4"}),
    (qt.Wildcard("body", "*rri"), {"n1", "n2"}),
    (qt.Fuzzy("body", "ferry", distance=1), {"n1", "n2"}),  # ferri, one edit
    (qt.Fuzzy("body", "fery", distance=1), set()),
    (qt.Fuzzy("body", "fery", distance=2), {"n1", "n2"}),
    (qt.Fuzzy("body", "erri", distance=1, prefix_length=1), set()),  # first letter differs
    (qt.Fuzzy("body", "cerw", distance=1), set()),  # a transposition is two edits, as in
    (qt.Fuzzy("body", "cerw", distance=2), {"n1", "n2", "n4"}),  # Whoosh: crew
    (qt.TermRange("person", "O", "P"), {"n1"}),
    (qt.TermRange("topic", "labour", "sport"), {"n3", "n4"}),
    (qt.TermRange("topic", None, "labour"), {"n4"}),
    (qt.TermRange("topic", "sport", None), {"n3", "n4"}),
    (qt.And((qt.Term("body", "night"), qt.Term("body", "crew"))), {"n1", "n2", "n4"}),
    (qt.And((qt.Term("body", "ferri"), qt.Term("person", "Tobias Wren"))), {"n2"}),
    (qt.Or((qt.Term("body", "market"), qt.Term("topic", "labour"))), {"n2", "n4"}),
    (qt.Not(qt.Term("body", "ferri")), {"n3", "n4"}),
    (qt.AndNot(qt.Term("body", "night"), qt.Term("body", "ferri")), {"n3", "n4"}),
    (qt.AndMaybe(qt.Term("body", "crew"), qt.Term("body", "market")), {"n1", "n2", "n4"}),
    (qt.Every(), {"n1", "n2", "n3", "n4"}),
    (qt.Nothing(), set()),
])
def test_every_query_node(nodes, node, expected):
    assert ids(nodes, nodes.match(node)) == expected
    scored = nodes.score(node, 0.9, 0.4)
    assert {nodes.ids()[d] for d in scored.docs} == expected
    assert scored.docs.tolist() == sorted(scored.docs.tolist())


def test_bm25f_scores(nodes):
    ferry = nodes.score(qt.Or((qt.Term("title", "ferri", 2.0), qt.Term("body", "ferri"))),
                        0.9, 0.4)
    by_id = dict(zip((nodes.ids()[d] for d in ferry.docs), ferry.scores.tolist(), strict=True))
    assert by_id["n1"] > by_id["n2"] > 0  # n1 has it in its title too
    boosted = nodes.score(qt.Term("body", "ferri", 3.0), 0.9, 0.4)
    plain = nodes.score(qt.Term("body", "ferri"), 0.9, 0.4)
    assert np.allclose(boosted.scores, 3 * plain.scores)
    maybe = nodes.score(qt.AndMaybe(qt.Term("body", "crew"), qt.Term("body", "market")),
                        0.9, 0.4)
    crew = nodes.score(qt.Term("body", "crew"), 0.9, 0.4)
    gain = dict(zip(maybe.docs.tolist(), (maybe.scores - crew.scores).tolist(), strict=True))
    assert gain[nodes.find("n2")] > 0 and gain[nodes.find("n1")] == 0


def test_docsearch_open_keeps_a_memory_index_in_memory_files(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True, engine="memory") as ix:
        ix.add(docsearch.Article(id="a1", title="Tide tables", body="Printed tide tables."),
               extract=False)
        assert [h.id for h in ix.search("tide").hits] == ["a1"]
    data = tmp_path / "ix" / "data"
    assert sorted(p.name for p in data.glob("memory-*")) == ["memory-00000000.jsonl",
                                                             "memory-00000001.jsonl"]
    assert not list(data.glob("*.toc")) and not list(data.glob("*.seg"))  # no Whoosh files
    with docsearch.open(tmp_path / "ix") as again:
        assert again.engine == "memory" and len(again) == 1


def test_docsearch_engines_lists_memory_as_a_test_engine():
    from click.testing import CliRunner

    from docsearch.cli import cli
    lines = CliRunner().invoke(cli, ["engines"]).output.splitlines()
    assert lines[1] == ("memory   installed            built in; for "
                        "tests, not for real archives")
    assert docsearch.engines.engine_info("memory").note == "for tests, not for real archives"


def test_a_bulk_loads_batches_stay_deltas_until_the_last(backend, tmp_path):
    for n in range(memory.COMPACT_AFTER + 1):
        with backend.writer(merge=False) as writer:
            writer.put(doc(f"b{n}", "Buoy", f"Buoy {n}."))
    assert len(list((tmp_path / "gen").iterdir())) == memory.COMPACT_AFTER + 3
    with backend.writer() as writer:
        writer.delete("b0")
    (only,) = (tmp_path / "gen").iterdir()
    assert backend.snapshot().doc_count() == 3 + memory.COMPACT_AFTER
