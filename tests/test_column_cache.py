"""The Whoosh engine's facet columns saved beside the index (issue 19): a new process
reads each column of an index state from one file instead of joining the segments'
files, and every column it reads equals the column read from the postings."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import docsearch
from docsearch import Article
from docsearch.engines.whoosh.columns import Columns
from docsearch.search.colfile import load_column, load_columns, save_column, save_columns
from docsearch.search.columns import CACHE_PREFIX, Column

FIELDS = ("person", "surname", "topic", "source", "day", "author")


Described = tuple[list[str], list[tuple[int, str]], int]


def described(column: Column) -> Described:
    """A column's values, its (document, value) pairs in order, and its size."""
    pairs = sorted(zip(column.docs.tolist(), (column.values[o] for o in column.ords.tolist()),
                       strict=True))
    return column.values, pairs, column.size


def from_postings(ix: docsearch.Index, field: str) -> Described:
    """A column as nothing cached would give it: read from the postings now."""
    return described(Columns(FIELDS).get(ix._engine.snapshot().searcher, field))


def as_read(ix: docsearch.Index, field: str) -> Described:
    """A column as the index gives it (from the files saved beside it, if any)."""
    return described(ix._engine.snapshot().column(field))


def articles(n: int, start: int = 0) -> list[Article]:
    return [Article(id=f"a{i}", title=f"Ferry {i}", body=f"Mayor Ilse Værnholt spoke {i}.",
                    people=[f"Ilse Værnholt {i % 3}", "Zoë Ng"], topics=["transport"],
                    authors=[f"Writer {i % 2}"], source="Harbour Post",
                    published=f"2024-0{1 + i % 9}-1{i % 10}")
            for i in range(start, start + n)]


def test_a_new_process_reads_one_file_per_column_and_the_same_columns(tmp_path):
    first = docsearch.open(tmp_path / "ix", create=True)
    first.add(articles(6))
    first.add(articles(4, start=6))  # two segments at least
    first.delete("a2")
    for field in FIELDS:
        first._engine.snapshot().column(field)
    folder = first._store.live.folder
    key = first._engine.snapshot().key
    assert sorted(p.name for p in folder.glob(f"{CACHE_PREFIX}state-*")) == sorted(
        f"{CACHE_PREFIX}state-{key}-{field}.col" for field in FIELDS)
    for path in folder.glob(f"{CACHE_PREFIX}*.npz"):
        raise AssertionError(f"an old-format file is left: {path.name}")
    second = docsearch.open(tmp_path / "ix")
    for field in FIELDS:
        assert as_read(second, field) == from_postings(second, field), field
    # the state's files alone: the segments' files are not read when they are there
    for path in folder.glob(f"{CACHE_PREFIX}*.col"):
        if not path.name.startswith(f"{CACHE_PREFIX}state-"):
            path.unlink()
    third = docsearch.open(tmp_path / "ix")
    assert [as_read(third, f) for f in FIELDS] == [from_postings(third, f) for f in FIELDS]
    for ix in (first, second, third):
        ix.close()


def test_after_a_change_the_old_state_files_go_and_columns_follow(tmp_path):
    ix = docsearch.open(tmp_path / "ix", create=True)
    ix.add(articles(5))
    old_key = ix._engine.snapshot().key
    ix.search("ferry")
    ix.add([Article(id="b1", title="Ferry strike", body="Nadia Okafor spoke.",
                    people=["Nadia Okafor"], topics=["labour"])])
    ix.delete("a1")
    ix.search("ferry")
    folder = ix._store.live.folder
    names = {p.name for p in folder.glob(f"{CACHE_PREFIX}state-*")}
    assert names and not any(old_key in name for name in names)
    again = docsearch.open(tmp_path / "ix")
    assert [as_read(again, f) for f in FIELDS] == [from_postings(again, f) for f in FIELDS]
    assert "Nadia Okafor" in as_read(again, "person")[0]
    ix.close()
    again.close()


def test_a_damaged_column_file_is_read_from_the_postings(tmp_path):
    ix = docsearch.open(tmp_path / "ix", create=True)
    ix.add(articles(5))
    expected = ix.search("", facets=("person", "topic", "source", "date"), facet_limit=None)
    folder = ix._store.live.folder
    for path in folder.glob(f"{CACHE_PREFIX}*.col"):
        path.write_bytes(path.read_bytes()[:-3] if path.stat().st_size > 40 else b"DSC")
    again = docsearch.open(tmp_path / "ix")
    got = again.search("", facets=("person", "topic", "source", "date"), facet_limit=None)
    assert got.facets == expected.facets
    ix.close()
    again.close()


@settings(max_examples=60, deadline=None)
@given(values=st.lists(st.text(st.characters(blacklist_characters="\x1f",
                                             blacklist_categories=("Cs",)), min_size=1),
                       unique=True, max_size=8),
       pairs=st.lists(st.tuples(st.integers(0, 2**40), st.integers(0, 7)), max_size=30),
       size=st.integers(0, 2**40))
def test_a_column_file_reads_back_what_was_saved(tmp_path_factory, values, pairs, size):
    path = tmp_path_factory.mktemp("col") / "c.col"
    pairs = [(d, o % len(values)) for d, o in pairs] if values else []
    docs = np.array([d for d, _ in pairs], dtype=np.int64)
    ords = np.array([o for _, o in pairs], dtype=np.int32)
    save_column(path, values, docs, ords, size)
    got = load_column(path)
    assert got is not None
    got_values, got_docs, got_ords, got_size = got
    assert (got_values, got_docs.tolist(), got_ords.tolist(), got_size) == (
        values, docs.tolist(), ords.tolist(), size)
    assert (got_docs.dtype, got_ords.dtype) == (np.int64, np.int32)
    got_docs += 1  # writable, as arrays built in memory are


COLUMNS = st.lists(st.tuples(st.lists(st.text(max_size=4), max_size=4),
                             st.lists(st.integers(-2**40, 2**40), max_size=6),
                             st.integers(0, 2**40)), max_size=4)


@settings(max_examples=60, deadline=None)
@given(columns=COLUMNS)
def test_columns_saved_in_a_row_read_back_or_are_not_saved(tmp_path_factory, columns):
    path = tmp_path_factory.mktemp("cols") / "c.col"
    saved = [(values, np.array(docs, dtype=np.int64),
              np.arange(len(docs), dtype=np.int32), size) for values, docs, size in columns]
    save_columns(path, saved)
    got = load_columns(path)
    if any(values == [""] or any("\x1f" in v for v in values) for values, _, _ in columns):
        assert got is None  # such a value would not read back: nothing is saved
        return
    assert got is not None
    assert [(v, d.tolist(), o.tolist(), s) for v, d, o, s in got] == [
        (v, d.tolist(), o.tolist(), s) for v, d, o, s in saved]
    assert (load_column(path) is None) == (len(got) != 1)


def test_a_file_of_columns_cut_short_reads_as_none_or_as_its_whole_first_columns(tmp_path):
    path = tmp_path / "c.col"
    save_column(path, ["gull", "tern"], np.array([0, 3]), np.array([1, 0]), 4)
    first = len(path.read_bytes())  # 32 + 16 + 16 + 8
    save_columns(path, [(["gull", "tern"], np.array([0, 3]), np.array([1, 0]), 4),
                        (["skua"], np.array([2]), np.array([0]), 4)])
    whole = path.read_bytes()
    for cut in range(len(whole)):
        path.write_bytes(whole[:cut])
        got = load_columns(path)
        counted = None if got is None else [(v, d.tolist(), o.tolist(), s) for v, d, o, s in got]
        assert counted == {0: [], first: [(["gull", "tern"], [0, 3], [1, 0], 4)]}.get(cut), cut
    assert first == 72 and load_columns(path.with_name("none.col")) is None
