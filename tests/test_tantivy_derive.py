"""A tantivy index state's ids, dates and keyword columns made from the earlier
state's in memory plus its new segments (``docsearch/engines/tantivy/derive.py``),
against the slow, obvious answer: the same gathered from every segment's part read
from the stored documents, array for array, after adds, updates, deletes and
tantivy's merges (hypothesis chooses the commits). A state so made reads no part
of the segments it shares with the earlier one, and its files are saved at close.
"""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("tantivy")

from docsearch.engines import tantivy as engine  # noqa: E402
from docsearch.engines.base import KEYWORD_FIELDS  # noqa: E402
from docsearch.engines.tantivy import segments as tantivy_segments  # noqa: E402
from docsearch.engines.tantivy import snapshot as tantivy_snapshot  # noqa: E402
from docsearch.engines.tantivy.segments import SegmentCache  # noqa: E402
from docsearch.search.columns import CACHE_PREFIX  # noqa: E402
from tests.engines.backend_docs import doc, fill  # noqa: E402
from tests.test_tantivy_fast import COMMIT, counted  # noqa: E402

PEOPLE = ["Ada Quill", "Bo Marsh", "Cy Dunn", "Dee Fogg"]


def made(n: int, round_: int, day: int | None):  # type: ignore[no-untyped-def]
    """Article ``n`` as written in round ``round_``: some of its people and topics are
    new values in that round, sorting among the earlier ones."""
    return doc(f"r{n}", "Gull count", f"Count {round_} gull {n % 3}.",
               day=None if day is None else dt.datetime(2020, 1, 1) + dt.timedelta(days=day),
               person=(*(PEOPLE[i] for i in range(4) if (n + round_) >> i & 1),
                       *((f"Bo Marsh {round_}",) if n % 3 == 0 else ())),
               topic=(("sea", "sky")[n % 2], f"s{round_ % 3}"),
               source=() if n % 4 else (f"Gull Post {n % 2}",))


def commit(backend, round_: int, steps) -> None:  # type: ignore[no-untyped-def]
    with backend.writer() as writer:
        for put, n, day in steps:
            if put:
                writer.put(made(n, round_, day))
            else:
                writer.delete(f"r{n}")


def facts(snapshot) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Everything a state's files hold, as plain lists."""
    out: dict[str, object] = {"ids": list(snapshot.ids()), "dates": snapshot.dates().tolist()}
    for field in KEYWORD_FIELDS:
        column = snapshot.column(field)
        out[field] = (column.values, column.docs.tolist(), column.ords.tolist(), column.size)
    return out


def slow(folder) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """The slow answer: every segment's part read from its stored documents, gathered."""
    backend = engine.open(folder)
    backend._segments = SegmentCache(None)  # no file, nothing held: read every document
    found = facts(backend.snapshot())
    backend.close()
    return found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(commits=st.lists(COMMIT, min_size=2, max_size=7))
def test_a_state_made_from_the_earlier_one_equals_the_one_gathered(tmp_path_factory, commits):
    folder = tmp_path_factory.mktemp("derive")
    backend = engine.create(folder)
    commit(backend, 0, commits[0])
    assert facts(backend.snapshot()) == slow(folder)
    for round_, steps in enumerate(commits[1:], 1):
        commit(backend, round_, steps)
        refused = AssertionError("gathered from every part")
        with mock.patch.object(tantivy_snapshot, "gather_column", side_effect=refused), \
                mock.patch.object(tantivy_snapshot, "gather_ids", side_effect=refused):
            got = facts(backend.snapshot())
        assert got == slow(folder)
    backend.close()


def test_a_state_after_tantivy_merged_its_segments_equals_the_one_gathered(tmp_path):
    backend = engine.create(tmp_path / "gen")
    merged = 0
    for round_ in range(10):
        earlier = {segment.id for segment in backend.snapshot()._metas}
        commit(backend, round_, [(True, (round_ * 5 + i) % 40, i % 5) for i in range(6)]
               + [(False, round_ % 7, None)])
        merged += not earlier <= {segment.id for segment in backend.snapshot()._metas}
        assert facts(backend.snapshot()) == slow(tmp_path / "gen")
    assert merged >= 2  # tantivy merged segments into new ones (twice or more)
    backend.close()


def test_no_state_is_made_from_one_whose_segments_meta_json_did_not_name(tmp_path,
                                                                         monkeypatch):
    folder = tmp_path / "gen"
    backend = fill(engine.create(folder), [made(n, 0, n % 4) for n in range(8)])
    backend.snapshot()._named = False  # as when meta.json and the searcher disagree
    facts(backend.snapshot())
    gathered = counted(monkeypatch, tantivy_snapshot, "gather_column")
    fill(backend, [made(n, 1, 2) for n in (3, 20)])
    got = facts(backend.snapshot())
    assert len(gathered) == len(KEYWORD_FIELDS)  # gathered from the parts, not made
    assert got == slow(folder)
    backend.close()


def state_files(folder) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(p.name for p in folder.glob(f"{CACHE_PREFIX}state-*"))


def test_an_add_after_a_query_reads_its_new_segment_only_and_saves_at_close(tmp_path,
                                                                           monkeypatch):
    folder = tmp_path / "gen"
    backend = fill(engine.create(folder), [made(n, 0, n % 4) for n in range(12)])
    facts(backend.snapshot())  # the state's files are saved as it is gathered
    before = state_files(folder)
    old = [segment.id for segment in backend.snapshot()._metas]
    read = counted(monkeypatch, tantivy_segments.SegmentPart, "read")
    loaded = counted(monkeypatch, tantivy_segments, "load_columns")
    fill(backend, [made(n, 1, 2) for n in (3, 20, 21)])  # one update, two new
    got = facts(backend.snapshot())
    assert sum(len(docs) for _, _, docs in read) == 3  # the new segments' documents only
    assert not any(segment in str(path) for (path,) in loaded for segment in old)
    assert state_files(folder) == before  # not saved before close
    key = backend.snapshot().key
    backend.close()
    assert state_files(folder) == sorted(f"{CACHE_PREFIX}state-{key}-{name}.col"
                                         for name in (*KEYWORD_FIELDS, "ids"))
    assert got == slow(folder)
    read.clear()
    again = engine.open(folder)  # a new process reads the saved files: no part at all
    assert facts(again.snapshot()) == got
    assert read == []
    again.close()
