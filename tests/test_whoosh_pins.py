"""Whoosh behaviour docsearch relies on or works around. whoosh-reloaded is frozen:
these tests say what it does, so a different Whoosh in the environment is noticed."""

from __future__ import annotations

import datetime as dt

import whoosh
from whoosh import fields, index, query, sorting

from docsearch.engines.whoosh.schema import build_schema


def _index(tmp_path, schema=None):
    return index.create_in(str(tmp_path), schema or fields.Schema(
        id=fields.ID(stored=True, unique=True), body=fields.TEXT()))


def test_it_is_whoosh_reloaded_2_7_5():
    assert whoosh.versionstring() == "2.7.5"


def test_refresh_keeps_deleted_documents_visible(tmp_path):
    """Searcher.refresh() reuses a segment reader whose deletions changed: a deleted
    document is still counted. docsearch opens a new searcher instead."""
    ix = _index(tmp_path)
    with ix.writer() as w:
        for i in range(5):
            w.add_document(id=str(i), body="word")
    searcher = ix.searcher()
    with ix.writer() as w:
        w.update_document(id="3", body="word")
    assert searcher.refresh().doc_count() == 6  # stale
    assert ix.searcher().doc_count() == 5


def test_refresh_of_a_searcher_on_an_empty_index_fails(tmp_path):
    ix = _index(tmp_path)
    searcher = ix.searcher()
    with ix.writer() as w:
        w.add_document(id="1", body="word")
    try:
        searcher.refresh()
    except TypeError:
        pass
    else:  # pragma: no cover - would mean Whoosh changed
        raise AssertionError("refresh() of an empty-index searcher no longer fails")


def test_undated_documents_sort_oldest_with_our_date_field(tmp_path):
    ix = _index(tmp_path, build_schema())
    with ix.writer() as w:
        w.add_document(id="old", date=dt.datetime(2001, 1, 1))
        w.add_document(id="none")
        w.add_document(id="new", date=dt.datetime(2020, 1, 1))
    with ix.searcher() as s:
        hits = s.search(query.Every(), sortedby=sorting.FieldFacet("date", reverse=True))
        assert [h["id"] for h in hits] == ["new", "old", "none"]


def test_a_set_of_document_numbers_is_a_filter(tmp_path):
    ix = _index(tmp_path)
    with ix.writer() as w:
        for i in range(4):
            w.add_document(id=str(i), body="word")
    with ix.searcher() as s:
        hits = s.search(query.Term("body", "word"), filter={1, 3})
        assert sorted(h["id"] for h in hits) == ["1", "3"]


def test_postings_leave_out_deleted_documents(tmp_path):
    ix = _index(tmp_path)
    with ix.writer() as w:
        for i in range(4):
            w.add_document(id=str(i), body="word")
    with ix.writer() as w:
        w.delete_by_term("id", "2")
    with ix.searcher() as s:
        (leaf, _), = s.leaf_searchers()
        assert list(leaf.reader().postings("body", "word").all_ids()) == [0, 1, 3]


def test_datetime_field_rejects_dates_and_iso_text():
    field = fields.DATETIME()
    for bad in (dt.date(2020, 1, 1), "2020-01-01T10:00:00"):
        try:
            list(field.index(bad))
        except Exception:  # noqa: BLE001 - Whoosh raises several types here
            continue
        raise AssertionError(f"DATETIME accepted {bad!r}")


def test_keyword_values_keep_spaces_and_commas(tmp_path):
    ix = _index(tmp_path, build_schema())
    with ix.writer() as w:
        w.add_document(id="1", topic="economy, business and finance\x1fpolitics")
    with ix.searcher() as s:
        assert sorted(s.lexicon("topic")) == [b"economy, business and finance", b"politics"]
