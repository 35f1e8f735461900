"""The tantivy engine's fast paths against the slow, obvious answers, after adds,
updates and deletes over many commits (hypothesis chooses them):

- document numbers worked out from the segments' sizes and deletes in ``meta.json``
  (and the live documents of a segment with deletes, kept under its id and its
  deletes) equal the numbers of a search for every document;
- a match-all query, ids, dates and keyword columns gathered from the segments'
  parts equal the memory engine's on the same documents;
- a commit that only adds reads its new segment only: no search for every
  document, and the dates of the older segments are not read again;
- the segments' parts saved beside the index read back in a new process equal
  those built from the documents (after merges too; a damaged or foreign file is
  built again), and a facet query there reads no stored document;
- a bulk load (``Index.add`` in several commits, a sync) saves every live
  segment's part as it ends, and a part read in slices equals one read whole.
"""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("tantivy")

import docsearch  # noqa: E402
from docsearch.engines import memory  # noqa: E402
from docsearch.engines import tantivy as engine  # noqa: E402
from docsearch.engines.base import KEYWORD_FIELDS  # noqa: E402
from docsearch.engines.tantivy import segments as tantivy_segments  # noqa: E402
from docsearch.engines.tantivy import snapshot as tantivy_snapshot  # noqa: E402
from docsearch.search import querytree as qt  # noqa: E402
from docsearch.search.colfile import save_column  # noqa: E402
from docsearch.search.columns import CACHE_PREFIX  # noqa: E402
from tests.engines.backend_docs import doc, fill  # noqa: E402

PEOPLE = ["Ada Quill", "Bo Marsh", "Cy Dunn", "Dee Fogg"]


def made(n: int, round_: int, day: int | None) -> object:
    return doc(f"r{n}", "Gull count", f"Count {round_} gull {n % 3}.",
               day=None if day is None else dt.datetime(2020, 1, 1) + dt.timedelta(days=day),
               person=tuple(PEOPLE[i] for i in range(4) if (n + round_) >> i & 1),
               topic=(("sea", "sky")[n % 2],))


#: One commit: (put or delete, article number, day or None) steps.
COMMIT = st.lists(st.tuples(st.booleans(), st.integers(0, 24),
                            st.none() | st.integers(0, 5)), min_size=1, max_size=8)


def commit_both(backends, round_, steps) -> None:
    """One commit's steps, on the tantivy and the memory backend alike."""
    with backends[0].writer() as tw, backends[1].writer() as mw:
        for put, n, day in steps:
            if put:
                tw.put(made(n, round_, day)), mw.put(made(n, round_, day))
            else:
                tw.delete(f"r{n}"), mw.delete(f"r{n}")


def column_facts(snapshot, field):
    """A keyword column as values, counts and (article id, value) pairs."""
    column = snapshot.column(field)
    return column.values, column.counts(None).tolist(), sorted(
        (snapshot.ids()[d], column.values[o])
        for d, o in zip(column.docs.tolist(), column.ords.tolist(), strict=True))


def every_address(snapshot) -> list[tuple[int, int]]:
    """The slow answer: the live addresses a search for every document finds, in order."""
    hits = tantivy_snapshot._hits(snapshot.searcher, tantivy_snapshot.tantivy.Query.all_query(),
                                  snapshot.searcher.num_docs)
    return sorted(zip(hits.segments.tolist(), hits.docs.tolist(), strict=True))


def check(got, want) -> None:
    numbering = got.numbering
    assert [numbering.address(n) for n in range(got.size)] == every_address(got)
    assert got.size == got.doc_count() == want.doc_count()
    assert got.match(qt.Every()).tolist() == [True] * got.size
    assert got.live().tolist() == [True] * got.size
    assert (sorted(zip(got.ids(), got.dates().tolist(), strict=True))
            == sorted(zip(want.ids(), want.dates().tolist(), strict=True)))
    for field in ("person", "topic"):
        assert column_facts(got, field) == column_facts(want, field)
    gull = qt.Term("body", "gull")
    assert sorted(got.ids()[n] for n in np.flatnonzero(got.match(gull))) == sorted(
        want.ids()[n] for n in np.flatnonzero(want.match(gull)))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(commits=st.lists(COMMIT, min_size=1, max_size=6))
def test_numbers_ids_dates_and_columns_after_adds_updates_and_deletes(tmp_path_factory,
                                                                       commits):
    folder = tmp_path_factory.mktemp("fast")
    backends = engine.create(folder / "tantivy"), memory.create(folder / "memory")
    for round_, steps in enumerate(commits):
        commit_both(backends, round_, steps)
        check(backends[0].snapshot(), backends[1].snapshot())
    backends[0].close()


def counted(monkeypatch, module, name):
    """Count the calls of ``module``'s function ``name``."""
    calls = []
    original = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: calls.append(args) or original(*args))
    return calls


def test_a_commit_that_only_adds_searches_for_nothing_and_reads_its_segment(tmp_path,
                                                                          monkeypatch):
    backend = fill(engine.create(tmp_path / "gen"), [made(n, 0, n % 4) for n in range(6)])
    backend.snapshot().dates()
    searches = counted(monkeypatch, tantivy_snapshot, "_hits")
    dates = counted(monkeypatch, tantivy_segments, "_dates")
    fill(backend, [made(n, 1, 2) for n in range(6, 9)])
    snapshot = backend.snapshot()
    assert sorted(snapshot.ids()) == sorted(f"r{n}" for n in range(9))
    assert snapshot.match(qt.Every()).sum() == 9
    assert snapshot.dates()[snapshot.find("r7")] == snapshot.dates()[snapshot.find("r2")]
    assert searches == []  # no search for every document, none for the match-all query
    assert sum(len(docs) for _, _, docs in dates) == 3  # the new segments' dates only


def test_a_segment_with_deletes_is_searched_once_for_its_live_documents(tmp_path,
                                                                      monkeypatch):
    backend = fill(engine.create(tmp_path / "gen"), [made(n, 0, None) for n in range(6)])
    with backend.writer() as writer:
        writer.delete("r2")
    searches = counted(monkeypatch, tantivy_snapshot, "_hits")
    first = backend.snapshot()
    assert len(searches) == 1 and "r2" not in first.ids() and first.size == 5
    fill(backend, [made(9, 1, None)])  # a new segment; the deletes of the first unchanged
    second = backend.snapshot()
    assert len(searches) == 1 and sorted(second.ids()) == sorted(
        f"r{n}" for n in (0, 1, 3, 4, 5, 9))


@given(st.lists(st.sampled_from(["gull", "tern", "gulls", ""]), max_size=40),
       st.sampled_from(["gull", "tern", "skua", ""]))
def test_the_places_of_a_term_are_those_a_scan_finds(terms, term):
    assert tantivy_snapshot.places(tuple(terms), term) == [
        n for n, t in enumerate(terms) if t == term]


@given(st.lists(st.sampled_from(["", "Ada", "Bo", "Bo Marsh", "ada", "Éa"]), max_size=8))
def test_a_saved_column_s_values_are_ascending_when_sorted_and_distinct(values):
    assert tantivy_segments.ascending(values) == (
        values == sorted(values) and len(set(values)) == len(values))


def test_a_sync_that_finds_nothing_changed_reads_no_stored_document(tmp_path, monkeypatch):
    folder = tmp_path / "files"
    folder.mkdir()
    for n in range(3):
        (folder / f"gull-{n}.md").write_text(f"# Gull count {n}\n\nMarch 2, 2021\n\n"
                                             f"Wardens counted {n + 2} gulls on the quay.\n")
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        assert ix.sync([folder]).added == 3
    reads = counted(monkeypatch, tantivy_segments, "_light")
    with docsearch.open(tmp_path / "ix") as ix:
        report = ix.sync([folder])
        assert (report.added, report.unchanged, reads) == (0, 3, [])
        assert len(ix.search("gulls").hits) == 3 and len(reads) == 3  # read when searched


# The segments' parts saved beside the index (issue 15): a new process reads them
# back instead of every stored document.

def described(column) -> tuple[list[str], list[tuple[int, str]], int]:
    """A column's values, its (document, value) pairs in order, and its size."""
    return column.values, sorted(zip(column.docs.tolist(),
                                     (column.values[o] for o in column.ords.tolist()),
                                     strict=True)), column.size


def part_facts(part) -> tuple[object, ...]:
    """Everything a segment's part holds, as plain values."""
    return (part.docs.tolist(), part.ids.tolist(), part.dates.tolist(),
            {field: described(part.column(field)) for field in KEYWORD_FIELDS})


def parts_of(snapshot) -> list[tuple[object, ...]]:
    return [(part_facts(part), where.tolist()) for part, where in snapshot._selected]


def part_files(folder) -> list[str]:
    return sorted(p.name for p in folder.glob(f"{CACHE_PREFIX}segment-*"))


def a_new_process(folder, monkeypatch):
    """A backend as a new process opens it, and the stored documents it reads."""
    return engine.open(folder), counted(monkeypatch, tantivy_segments, "_light")


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(commits=st.lists(COMMIT, min_size=1, max_size=10))
def test_the_parts_read_back_equal_the_parts_built_from_the_documents(tmp_path_factory,
                                                                       monkeypatch, commits):
    folder = tmp_path_factory.mktemp("saved")
    backends = engine.create(folder / "tantivy"), memory.create(folder / "memory")
    for round_, steps in enumerate(commits):
        commit_both(backends, round_, steps)
        built = backends[0].snapshot()
        built.ids()
        with monkeypatch.context() as patch:
            fresh, reads = a_new_process(folder / "tantivy", patch)
            got = fresh.snapshot()
            check(got, backends[1].snapshot())
            assert parts_of(got) == parts_of(built)
            assert reads == []
            fresh.close()
            third = engine.open(folder / "tantivy")  # the state's columns from their files
            for field in ("person", "topic"):
                assert column_facts(third.snapshot(), field) == column_facts(
                    backends[1].snapshot(), field)
            third.close()
    backends[0].close()


def test_merged_away_segments_files_go_and_the_rest_are_read_back(tmp_path,
                                                                         monkeypatch):
    backend = engine.create(tmp_path / "gen")
    for n in range(9):  # tantivy merges the first eight one-document segments
        fill(backend, [made(n, 0, n)])
        backend.snapshot().ids()
        if n == 6:
            stale = part_files(tmp_path / "gen")  # seven segments, merged at the next commit
    live = [s["segment_id"] for s in
            json.loads((tmp_path / "gen" / "meta.json").read_text())["segments"]]
    files = sorted(f"{CACHE_PREFIX}segment-{s}.col" for s in live)
    assert len(live) == 2 and part_files(tmp_path / "gen") == files  # gone as read
    assert len(stale) == 7 and not set(stale) & set(files)
    for name in [*stale, f"{CACHE_PREFIX}state-tantivy-old-person.col"]:  # as another
        (tmp_path / "gen" / name).write_bytes(b"DSC1")  # process may leave them
    backend.tidy()
    assert part_files(tmp_path / "gen") == files
    assert not (tmp_path / "gen" / f"{CACHE_PREFIX}state-tantivy-old-person.col").exists()
    fresh, reads = a_new_process(tmp_path / "gen", monkeypatch)
    assert sorted(fresh.snapshot().ids()) == sorted(f"r{n}" for n in range(9)) and reads == []
    backend.close()
    fresh.close()


def damaged(whole: bytes, one_column: bytes) -> list[bytes]:
    """Ways a saved part can be found: cut short, overwritten, another file's."""
    return [whole[:-5], whole[:20], b"", b"\xff" * len(whole),
            whole.replace(b"person", b"persoN"), one_column]


def test_a_damaged_or_foreign_part_file_is_ignored_and_written_again(tmp_path, monkeypatch):
    folder = tmp_path / "gen"
    backend = fill(engine.create(folder), [made(n, 0, n % 3) for n in range(5)])
    want = parts_of(backend.snapshot())
    save_column(tmp_path / "other.col", ["Ada Quill"], np.array([0]),
                np.array([0], dtype=np.int32), 1)
    files = {path: damaged(path.read_bytes(), (tmp_path / "other.col").read_bytes())
             for path in folder.glob(f"{CACHE_PREFIX}segment-*.col")}
    assert files
    for kind in range(6):
        for path, bad in files.items():
            path.write_bytes(bad[kind])
        with monkeypatch.context() as patch:
            fresh, reads = a_new_process(folder, patch)
            assert parts_of(fresh.snapshot()) == want and len(reads) == 5, kind
            fresh.close()
        with monkeypatch.context() as patch:
            again, reads = a_new_process(folder, patch)
            assert parts_of(again.snapshot()) == want and reads == []  # written again
            again.close()
    backend.close()


def test_a_state_s_columns_ids_and_dates_are_read_back_from_one_file_each(tmp_path, monkeypatch):
    folder = tmp_path / "gen"
    backend = fill(engine.create(folder), [made(n, 0, n % 3) for n in range(6)])
    fill(backend, [made(n, 1, 1) for n in range(3, 9)])
    with backend.writer() as writer:
        writer.delete("r1")
    want = {field: described(backend.snapshot().column(field)) for field in KEYWORD_FIELDS}
    key = backend.snapshot().key
    backend.snapshot().ids()
    assert sorted(p.name for p in folder.glob(f"{CACHE_PREFIX}state-*")) == sorted(
        f"{CACHE_PREFIX}state-{key}-{field}.col" for field in (*KEYWORD_FIELDS, "ids"))
    gathered = counted(monkeypatch, tantivy_snapshot, "gather_column")
    fresh = engine.open(folder)
    assert {f: described(fresh.snapshot().column(f)) for f in KEYWORD_FIELDS} == want
    assert gathered == []
    for field in KEYWORD_FIELDS:
        path = folder / f"{CACHE_PREFIX}state-{key}-{field}.col"
        path.write_bytes(path.read_bytes()[:-4])
    again = engine.open(folder)
    assert {f: described(again.snapshot().column(f)) for f in KEYWORD_FIELDS} == want
    assert len(gathered) == len(KEYWORD_FIELDS)
    ids, dates = backend.snapshot().ids(), backend.snapshot().dates().tolist()
    selected = counted(monkeypatch, tantivy_segments.SegmentCache, "select")
    third = engine.open(folder)  # ids and dates from the state's file: no part is read
    assert (third.snapshot().ids(), third.snapshot().dates().tolist()) == (ids, dates)
    assert selected == []
    for path in folder.glob(f"{CACHE_PREFIX}state-*-ids.col"):
        path.write_bytes(path.read_bytes()[:-4])
    fourth = engine.open(folder)
    assert (fourth.snapshot().ids(), fourth.snapshot().dates().tolist()) == (ids, dates)
    assert len(selected) == 1
    fill(backend, [made(20, 2, 2)])  # a new state, made from the earlier one in memory:
    backend.snapshot().column("person")  # saved at close, and the old state's files go
    key = backend.snapshot().key
    backend.close()
    assert [p.name for p in folder.glob(f"{CACHE_PREFIX}state-*")] == [
        f"{CACHE_PREFIX}state-{key}-person.col"]
    for each in (backend, fresh, again, third, fourth):
        each.close()


def test_a_facet_query_in_a_new_process_reads_no_stored_document_for_its_counts(
        tmp_path, monkeypatch):
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        ix.add(gull_articles(6))
        want = every_facet(ix)
    assert_read_back_without_documents(tmp_path / "ix", want, monkeypatch)


def gull_articles(count: int) -> list[docsearch.Article]:
    return [docsearch.Article(id=f"a{n}", title=f"Gull count {n}",
                              body=f"Wardens counted {n} gulls.", people=[PEOPLE[n % 4]],
                              topics=["birds"], source="Quay Post",
                              published=f"2021-0{1 + n % 3}-02") for n in range(count)]


def every_facet(ix):
    return ix.search("", facets=("person", "topic", "source", "date"), facet_limit=None,
                     per_page=1)


def assert_read_back_without_documents(path, want, monkeypatch) -> None:
    """A new process's facet query equals ``want`` and reads no stored document."""
    reads = counted(monkeypatch, tantivy_segments, "_light")
    with docsearch.open(path) as ix:
        got = every_facet(ix)
    assert (got.total, got.facets, reads) == (want.total, want.facets, [])


# A bulk load saves each live segment's part as it ends (issue 15): the first query
# after a build reads the files, not every stored document.

def live_part_files(folder) -> list[str]:
    """The part files the live segments of ``meta.json`` should have."""
    return sorted(f"{CACHE_PREFIX}segment-{s['segment_id']}.col"
                  for s in json.loads((folder / "meta.json").read_text())["segments"])


def generation(ix) -> object:
    """The folder of an index's live tantivy generation."""
    return ix._store.live.backend.folder


def state_files(folder) -> list[str]:
    return sorted(p.name for p in folder.glob(f"{CACHE_PREFIX}state-*"))


def live_state_files(folder) -> list[str]:
    """The files a build saves for the live state: ids and dates, and the columns a
    facet query reads."""
    key = engine._key((folder / "meta.json").read_bytes())
    return sorted(f"{CACHE_PREFIX}state-{key}-{name}.col"
                  for name in (*tantivy_snapshot.SAVED_COLUMNS, "ids"))


def assert_state_read_back(path, want, monkeypatch) -> None:
    """A new process's facet query equals ``want`` and reads no segment's part and
    gathers no column: the state's files answer it."""
    selected = counted(monkeypatch, tantivy_segments.SegmentCache, "select")
    gathered = counted(monkeypatch, tantivy_snapshot, "gather_column")
    with docsearch.open(path) as ix:
        got = every_facet(ix)
    assert (got.total, got.facets, selected, gathered) == (want.total, want.facets, [], [])


def test_a_bulk_add_saves_every_live_segment_s_part(tmp_path, monkeypatch):
    import docsearch.index

    monkeypatch.setattr(docsearch.index, "BATCH_SIZE", 2)  # four commits
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        ix.add(gull_articles(7))
        folder = generation(ix)
        assert part_files(folder) == live_part_files(folder) != []
        assert state_files(folder) == live_state_files(folder)
        want = every_facet(ix)
    assert_read_back_without_documents(tmp_path / "ix", want, monkeypatch)
    assert_state_read_back(tmp_path / "ix", want, monkeypatch)


def test_a_sync_build_saves_every_live_segment_s_part(tmp_path, monkeypatch):
    from tests.test_sync import ARTICLES, write

    for name, (title, body) in ARTICLES.items():
        write(tmp_path / "docs", name, title, body)
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        assert ix.sync([tmp_path / "docs"], batch_size=1).added == len(ARTICLES)
        folder = generation(ix)
        assert part_files(folder) == live_part_files(folder) != []
        assert state_files(folder) == live_state_files(folder)
    reads = counted(monkeypatch, tantivy_segments, "_light")
    with docsearch.open(tmp_path / "ix") as ix:
        assert ix.search("", facets=("person", "topic")).total == len(ARTICLES)
        want = every_facet(ix)
    assert reads == []
    assert_state_read_back(tmp_path / "ix", want, monkeypatch)


def test_a_single_commit_add_saves_no_part_before_a_query(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        ix.add([docsearch.Article(id="a1", title="Gull count", body="Wardens counted gulls.")])
        assert part_files(generation(ix)) == state_files(generation(ix)) == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(steps=COMMIT, slice_size=st.integers(1, 4))
def test_a_part_read_in_slices_equals_the_part_read_whole(tmp_path_factory, monkeypatch,
                                                         steps, slice_size):
    backend = engine.create(tmp_path_factory.mktemp("slices"))
    with backend.writer() as writer:
        for put, n, day in steps:
            if put:
                writer.put(made(n, 0, day))
            else:
                writer.delete(f"r{n}")
    searcher, metas = backend.snapshot().searcher, backend.snapshot()._metas
    for number, meta in enumerate(metas):
        docs = np.arange(meta.max_doc, dtype=np.int64)
        whole = tantivy_segments.SegmentPart.read(searcher, number, docs)
        with monkeypatch.context() as patch:
            patch.setattr(tantivy_segments, "READ_SLICE", slice_size)
            sliced = tantivy_segments.SegmentPart.read(searcher, number, docs)
        assert part_facts(sliced) == part_facts(whole)
    backend.close()
