"""The tantivy engine alone, through the engine protocols of docsearch.engines.base:
writes, commits, snapshots, error mapping and every query node (checked against
the memory engine, the slow and obvious answer, on the same documents)."""

from __future__ import annotations

import datetime as dt
import json
import random

import numpy as np
import pytest

tantivy_lib = pytest.importorskip("tantivy")

import docsearch  # noqa: E402
from docsearch.engines import memory  # noqa: E402
from docsearch.engines import tantivy as engine  # noqa: E402
from docsearch.engines.base import Document, date_number  # noqa: E402
from docsearch.engines.tantivy import schema as tantivy_schema  # noqa: E402
from docsearch.engines.tantivy import segments as tantivy_segments  # noqa: E402
from docsearch.engines.tantivy import snapshot as tantivy_snapshot  # noqa: E402
from docsearch.errors import EngineError, IndexFormatError, IndexLockedError  # noqa: E402
from docsearch.search import querytree as qt  # noqa: E402
from tests.engines.backend_docs import DOCS, doc, fill, ids  # noqa: E402
from tests.engines.conftest import SAMPLE_DOCS  # noqa: E402

#: How many of sample_docs/ a search for "harbour" finds (as with Whoosh).
HARBOUR_IN_SAMPLE_DOCS = 11


@pytest.fixture
def backend(tmp_path):
    made = fill(engine.create(tmp_path / "gen"), DOCS)
    yield made
    made.close()


def test_a_new_backend_is_empty_and_reopens(tmp_path):
    made = engine.create(tmp_path / "gen")
    snapshot = made.snapshot()
    assert (snapshot.size, snapshot.doc_count(), list(snapshot.ids())) == (0, 0, [])
    assert snapshot.match(qt.Every()).tolist() == []
    assert engine.open(tmp_path / "gen").snapshot().size == 0
    assert made.tidy() is False


def test_put_replace_delete(backend):
    first = backend.snapshot()
    assert sorted(first.ids()) == ["d1", "d2", "d3"] and first.doc_count() == 3
    with backend.writer() as writer:
        writer.put(doc("d1", "Harbour wall rebuilt", "The wall was rebuilt."))
        writer.delete("d3")
        writer.delete("nothing")
    second = backend.snapshot()
    assert sorted(second.ids()) == ["d1", "d2"] and second.size == 2
    assert second.stored(second.find("d1"))["title"] == "Harbour wall rebuilt"
    assert second.find("d3") is None
    assert second.live().tolist() == [True, True]
    assert ids(second, second.match(qt.Term("body", "repair"))) == set()
    assert ids(second, second.match(qt.Term("body", "rebuilt"))) == {"d1"}


def test_a_block_that_raises_commits_nothing(backend, tmp_path):
    before = backend.snapshot()
    with pytest.raises(RuntimeError), backend.writer() as writer:
        writer.delete("d1")
        writer.put(doc("d9", "Never", "Never written."))
        raise RuntimeError("stop")
    assert backend.snapshot() is before
    assert sorted(engine.open(tmp_path / "gen").snapshot().ids()) == ["d1", "d2", "d3"]
    with backend.writer() as writer:  # the lock went with the dropped writer
        writer.delete("d3")
    assert sorted(backend.snapshot().ids()) == ["d1", "d2"]


def test_a_snapshot_is_an_immutable_view_and_its_key_changes_at_each_commit(backend):
    before = backend.snapshot()
    assert backend.snapshot() is before  # nothing changed: the same object
    with backend.writer() as writer:
        writer.delete("d2")
    after = backend.snapshot()
    assert after.key != before.key and after.key.startswith("tantivy-")
    assert sorted(before.ids()) == ["d1", "d2", "d3"]  # the old view is unchanged
    assert ids(before, before.match(qt.Term("body", "fare"))) == {"d2"}
    assert before.doc_frequency("body", "harbour") == 2
    assert ids(after, after.match(qt.Term("body", "harbour"))) == {"d1"}
    assert ids(after, after.match(qt.Term("body", "fare"))) == set()


def test_another_backend_sees_each_commit_and_a_held_writer_is_a_locked_index(backend,
                                                                               tmp_path):
    other = engine.open(tmp_path / "gen")
    assert sorted(other.snapshot().ids()) == ["d1", "d2", "d3"]
    fill(backend, [doc("d4", "Tide gauge", "A new tide gauge.")])
    assert sorted(other.snapshot().ids()) == ["d1", "d2", "d3", "d4"]
    with backend.writer(), pytest.raises(IndexLockedError) as caught, other.writer():
        pass
    assert str(caught.value) == (f"the tantivy index in {tmp_path / 'gen'} is locked by "
                                 f"another writer")


def test_a_folder_without_an_index_or_a_damaged_one_is_a_format_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(IndexFormatError) as caught:
        engine.open(tmp_path / "empty")
    assert str(caught.value) == f"{tmp_path / 'empty'} holds no tantivy index"
    fill(engine.create(tmp_path / "gen"), DOCS).close()
    (tmp_path / "gen" / "meta.json").write_text("{not json")
    with pytest.raises(IndexFormatError,
                       match=r"^the tantivy index in .*gen cannot be read: "):
        engine.open(tmp_path / "gen")


def test_stored_values_come_back_unchanged(backend, tmp_path):
    stored = {"title": "T", "data": {"tags": ("a", "b"), "when": dt.datetime(2021, 1, 2, 3, 4),
                                     "day": dt.date(2020, 5, 6), "$odd": [1, None, 2.5]}}
    fill(backend, [Document(id="s", title="T", body="", title_terms=("t",), body_terms=(),
                            keywords={}, date=None, stored=stored)])
    reopened = engine.open(tmp_path / "gen").snapshot()
    assert reopened.stored(reopened.find("s")) == stored


def test_columns_dates_ids_and_statistics(backend):
    snapshot = backend.snapshot()
    person = snapshot.column("person")
    assert person.values == ["Orla Fenwick", "Tobias Wren"]
    assert person.counts(None).tolist() == [2, 1]
    assert ids(snapshot, person.docs_with([1])) == {"d2"}
    numbers = dict(zip(snapshot.ids(), snapshot.dates().tolist(), strict=True))
    assert numbers == {"d1": date_number(dt.datetime(2022, 3, 1)),
                       "d2": date_number(dt.datetime(2023, 6, 5, 9, 30)), "d3": 0}
    assert snapshot.ids_with_prefix("d") == ["d1", "d2", "d3"]
    assert snapshot.doc_frequency("person", "Orla Fenwick") == 2
    assert snapshot.collection_frequency("body", "fare") == 1
    assert list(snapshot.terms("body", "qua")) == ["quai"]
    assert list(snapshot.terms("body")) == sorted({t for d in DOCS for t in d.body_terms})
    assert list(snapshot.terms("topic")) == ["economy", "transport"]
    assert snapshot.doc_frequency("body", "harbour") == 2
    d1, d2 = snapshot.find("d1"), snapshot.find("d2")
    where = snapshot.positions("body", "harbour", [d1, d2, snapshot.find("d3")])
    assert {k: v.tolist() for k, v in where.items()} == {
        d1: [DOCS[0].body_terms.index("harbour")], d2: [DOCS[1].body_terms.index("harbour")]}
    meta = json.loads((backend.folder / "meta.json").read_text())
    assert snapshot.details() == {"segments": len(meta["segments"]), "deleted": 0}


def test_numbers_are_dense_over_segments_with_deleted_documents(tmp_path):
    backend = engine.create(tmp_path / "gen")
    for n in range(4):  # one segment a commit
        fill(backend, [doc(f"s{n}-{i}", "Buoy", f"Buoy {'red' if i % 2 else 'green'}.")
                       for i in range(5)])
    with backend.writer() as writer:
        for n in range(4):
            writer.delete(f"s{n}-1")
    snapshot = backend.snapshot()
    assert snapshot.size == snapshot.doc_count() == 16
    assert sorted(snapshot.ids()) == sorted(f"s{n}-{i}" for n in range(4)
                                            for i in (0, 2, 3, 4))
    assert ids(snapshot, snapshot.match(qt.Term("body", "red"))) == {
        f"s{n}-3" for n in range(4)}
    scored = snapshot.score(qt.Term("body", "green"), 0.9, 0.4)
    assert {snapshot.ids()[d] for d in scored.docs} == {
        f"s{n}-{i}" for n in range(4) for i in (0, 2, 4)}
    assert scored.docs.tolist() == sorted(scored.docs.tolist())


def counted(monkeypatch, module, name):
    """Count the calls of ``module``'s function ``name``."""
    calls = []
    original = getattr(module, name)
    monkeypatch.setattr(module, name,
                        lambda *args: calls.append(args) or original(*args))
    return calls


def test_after_a_commit_only_its_new_segment_is_read(backend, monkeypatch):
    reads = counted(monkeypatch, tantivy_segments, "_light")
    decoded = counted(monkeypatch, tantivy_snapshot, "document_of")
    first = backend.snapshot()
    assert reads == []  # read when first needed
    assert len(first.ids()) == len(reads) == 3
    fill(backend, [doc("d4", "Tide gauge", "A new tide gauge.", topic=("economy",))])
    second = backend.snapshot()
    assert second is not first and len(second.ids()) == len(reads) == 4  # d4's segment only
    assert second.column("topic").counts(None).tolist() == [3, 2]  # economy, transport
    assert sorted(second.ids()) == ["d1", "d2", "d3", "d4"]
    assert second.dates()[second.find("d4")] == 0
    assert ids(second, second.match(qt.Term("topic", "economy"))) == {"d2", "d3", "d4"}
    assert decoded == []  # no whole document read yet
    assert second.stored(second.find("d4"))["title"] == "Tide gauge"
    assert len(decoded) == 1
    with backend.writer() as writer:
        writer.delete("d2")
    third = backend.snapshot()
    assert len(reads) == 4  # a delete reads nothing
    assert third.column("person").values == ["Orla Fenwick"]  # Tobias Wren only in d2
    assert third.column("person").counts(None).tolist() == [1]
    assert sorted(third.ids()) == ["d1", "d3", "d4"]


def test_columns_ids_and_dates_after_adds_updates_and_deletes_are_the_memory_engine_s(
        tmp_path):
    rng = random.Random(15)
    backends = engine.create(tmp_path / "tantivy"), memory.create(tmp_path / "memory")
    for commit in range(12):
        with backends[0].writer() as tw, backends[1].writer() as mw:
            for _ in range(rng.randint(1, 6)):
                n = rng.randrange(20)
                if rng.random() < 0.3:
                    tw.delete(f"r{n}"), mw.delete(f"r{n}")
                    continue
                made = doc(f"r{n}", "Gull count", f"Count {commit}.",
                           day=rng.choice([None, dt.datetime(2020, 1, 1 + n)]),
                           person=tuple(rng.sample(["Ada Quill", "Bo Marsh", "Cy Dunn"],
                                                   rng.randint(0, 2))),
                           topic=(rng.choice(["sea", "sky"]),))
                tw.put(made), mw.put(made)
        got, want = (b.snapshot() for b in backends)
        for field in ("person", "topic", "id"):
            assert column_facts(got, field) == column_facts(want, field)
        assert (sorted(zip(got.ids(), got.dates().tolist(), strict=True))
                == sorted(zip(want.ids(), want.dates().tolist(), strict=True)))


def test_keywords_are_read_right_whatever_the_texts_hold(tmp_path):
    tricky = 'Quoth the clerk, "keywords": {"person": ["Nobody"]}, "id": "x"'
    made = fill(engine.create(tmp_path / "gen"), [
        doc("q1", tricky, tricky, person=("Mina Holt",), topic=("keywords",))])
    snapshot = made.snapshot()
    assert snapshot.ids() == ["q1"]
    assert snapshot.column("person").values == ["Mina Holt"]
    assert snapshot.column("topic").values == ["keywords"]
    assert snapshot.stored(0)["title"] == tricky


def test_a_record_written_in_another_key_order_is_decoded_whole():
    stored = tantivy_lib.Document()
    stored.add_bytes("doc", json.dumps({"keywords": {"topic": ["sea"]}, "id": "z"}).encode())
    assert tantivy_schema.id_and_keywords(stored) == ("z", {"topic": ["sea"]})


def column_facts(snapshot, field):
    column = snapshot.column(field)
    return column.values, column.counts(None).tolist(), sorted(
        (snapshot.ids()[d], column.values[o])
        for d, o in zip(column.docs.tolist(), column.ords.tolist(), strict=True))


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


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """The same documents in a tantivy snapshot and a memory one."""
    folder = tmp_path_factory.mktemp("nodes")
    first = fill(engine.create(folder / "tantivy"), NODES[:2])
    fill(first, NODES[2:])  # two segments
    return first.snapshot(), fill(memory.create(folder / "memory"), NODES).snapshot()


@pytest.mark.parametrize("node, expected", [
    (qt.Term("body", "ferri"), {"n1", "n2"}),
    (qt.Term("title", "ferri", 2.0), {"n1"}),
    (qt.Term("body", "nothing"), set()),
    (qt.Term("person", "Orla Fenwick"), {"n1"}),
    (qt.Term("person", "orla fenwick"), set()),  # keyword values are exact
    (qt.Term("topic", "sport"), {"n3", "n4"}),
    (qt.Term("id", "n2"), {"n2"}),
    (qt.Term("nofield", "n2"), set()),
    (qt.Phrase("body", ("night", "shift")), {"n1"}),
    (qt.Phrase("body", ("night", "crew")), {"n4"}),
    (qt.Phrase("body", ("crew", "night")), set()),  # in order only
    (qt.Phrase("body", ("ferri", "crew"), slop=2), {"n1"}),
    (qt.Phrase("body", ("night", "shift"), slop=2), {"n1", "n4"}),  # night crew shift
    (qt.Phrase("body", ("night", "shift"), slop=2, boost=2.0), {"n1", "n4"}),
    (qt.Phrase("body", ("ferri",)), {"n1", "n2"}),
    (qt.Phrase("body", ()), set()),
    (qt.Prefix("body", "swim"), {"n3"}),
    (qt.Prefix("body", "s"), {"n1", "n2", "n3", "n4"}),
    (qt.Prefix("topic", "lab"), {"n4"}),
    (qt.Prefix("id", "n"), {"n1", "n2", "n3", "n4"}),
    (qt.Prefix("body", "zzz"), set()),
    (qt.Wildcard("body", "sh?ft"), {"n1", "n4"}),
    (qt.Wildcard("body", "*rri"), {"n1", "n2"}),
    (qt.Fuzzy("body", "ferry", distance=1), {"n1", "n2"}),
    (qt.Fuzzy("body", "fery", distance=1), set()),
    (qt.Fuzzy("body", "cerw", distance=2), {"n1", "n2", "n4"}),
    (qt.Fuzzy("body", "erri", distance=1, prefix_length=1), set()),
    (qt.TermRange("person", "O", "P"), {"n1"}),
    (qt.TermRange("topic", "labour", "sport"), {"n3", "n4"}),
    (qt.TermRange("topic", None, "labour"), {"n4"}),
    (qt.And((qt.Term("body", "night"), qt.Term("body", "crew"))), {"n1", "n2", "n4"}),
    (qt.And((qt.Term("body", "ferri"), qt.Term("person", "Tobias Wren"))), {"n2"}),
    (qt.And(()), set()),
    (qt.Or((qt.Term("body", "market"), qt.Term("topic", "labour"))), {"n2", "n4"}),
    (qt.Or(()), set()),
    (qt.Not(qt.Term("body", "ferri")), {"n3", "n4"}),
    (qt.Not(qt.Every()), set()),
    (qt.AndNot(qt.Term("body", "night"), qt.Term("body", "ferri")), {"n3", "n4"}),
    (qt.AndNot(qt.Prefix("body", "s"), qt.Term("topic", "sport")), {"n1", "n2"}),
    (qt.AndMaybe(qt.Term("body", "crew"), qt.Term("body", "market")), {"n1", "n2", "n4"}),
    (qt.Every(), {"n1", "n2", "n3", "n4"}),
    (qt.Nothing(), set()),
])
def test_every_query_node(both, node, expected):
    snapshot, slow = both
    assert ids(snapshot, snapshot.match(node)) == expected == ids(slow, slow.match(node))
    scored = snapshot.score(node, 0.9, 0.4)
    assert {snapshot.ids()[d] for d in scored.docs} == expected
    assert scored.docs.tolist() == sorted(scored.docs.tolist())
    assert (scored.scores > 0).all()


def test_scores_are_tantivy_bm25_with_docsearch_boosts(both):
    snapshot, _ = both
    ferry = snapshot.score(qt.Or((qt.Term("title", "ferri", 2.0), qt.Term("body", "ferri"))),
                           0.9, 0.4)
    by_id = dict(zip((snapshot.ids()[d] for d in ferry.docs), ferry.scores.tolist(),
                     strict=True))
    assert by_id["n1"] > by_id["n2"] > 0  # n1 has it in its title too
    boosted = snapshot.score(qt.Term("body", "ferri", 3.0), 0.9, 0.4)
    plain = snapshot.score(qt.Term("body", "ferri"), 0.9, 0.4)
    assert np.allclose(boosted.scores, 3 * plain.scores)
    assert snapshot.score(qt.Term("topic", "sport", 2.5), 0.9, 0.4).scores.tolist() == [2.5,
                                                                                      2.5]


def test_docsearch_open_with_the_tantivy_engine(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        ix.add([docsearch.Article(id="a1", title="Tide tables", body="Printed tide tables."),
                docsearch.Article(id="a2", title="Pier", body="The pier reopens.")],
               extract=False)
        assert [h.id for h in ix.search("tide").hits] == ["a1"]
        ix.delete("a2")
    data = tmp_path / "ix" / "data"
    assert (data / "meta.json").is_file() and not list(data.glob("*.toc"))
    with docsearch.open(tmp_path / "ix") as again:
        assert again.engine == "tantivy" and len(again) == 1
    with pytest.raises(EngineError) as caught:
        docsearch.open(tmp_path / "ix", engine="whoosh")
    assert str(caught.value) == (f"the index at {tmp_path / 'ix'} was made with the tantivy "
                                 f"engine, not whoosh (open it without --engine, or make a "
                                 f"new index)")


def test_docsearch_index_and_search_with_the_tantivy_engine(tmp_path):
    from click.testing import CliRunner

    from docsearch.cli import cli
    from docsearch.engines import engine_info
    assert engine_info("tantivy").status == "installed"
    run = CliRunner().invoke
    made = run(cli, ["index", str(SAMPLE_DOCS), "--index", str(tmp_path / "ix"), "--engine",
                     "tantivy", "-q"])
    assert made.exit_code == 0, made.output
    assert json.loads((tmp_path / "ix" / "docsearch.json").read_text())["engine"] == "tantivy"
    found = run(cli, ["search", "harbour", "--index", str(tmp_path / "ix"), "--json"])
    assert found.exit_code == 0, found.output
    assert json.loads(found.output)["total"] == HARBOUR_IN_SAMPLE_DOCS


def test_a_bulk_load_keeps_one_writer_until_its_last_commit(backend, tmp_path):
    # A bulk load's intermediate commits (merge=False) keep the writer, so that tantivy's
    # merges go on in its own threads; each is committed, and the writer's lock is held
    # until the last commit (merge=True) ends it.
    other = engine.open(tmp_path / "gen")
    with backend.writer(merge=False) as writer:
        writer.put(doc("d4", "Pier open", "The pier is open."))
    assert sorted(other.snapshot().ids()) == ["d1", "d2", "d3", "d4"]
    with pytest.raises(IndexLockedError), other.writer():
        pass
    with backend.writer(merge=False) as writer:
        writer.delete("d1")
    with pytest.raises(RuntimeError), backend.writer(merge=False) as writer:
        writer.delete("d2")
        raise RuntimeError("stop")
    assert sorted(backend.snapshot().ids()) == ["d2", "d3", "d4"]
    with backend.writer(merge=False) as writer:
        writer.delete("d3")
    with backend.writer() as writer:
        writer.put(doc("d5", "Pier shut", "The pier is shut."))
    with other.writer() as writer:
        writer.delete("d4")
    assert sorted(backend.snapshot().ids()) == ["d2", "d5"]
    other.close()


def test_close_or_tidy_ends_a_writer_kept_between_commits(tmp_path):
    first = fill(engine.create(tmp_path / "gen"), DOCS)
    with first.writer(merge=False) as writer:
        writer.delete("d1")
    first.close()
    second = engine.open(tmp_path / "gen")
    with second.writer(merge=False) as writer:
        writer.delete("d2")
    assert second.tidy() is False  # tantivy merged as it committed: nothing more to do
    third = engine.open(tmp_path / "gen")
    with third.writer() as writer:
        writer.delete("d3")
    assert sorted(second.snapshot().ids()) == []
    second.close()
    third.close()
