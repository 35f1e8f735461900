"""Conformance: sync, check, the Python writes and export/import with every engine.

The four made-up files of tests/test_sync.py are synced, edited, deleted and added
to; every count of the reports, every id and every search after them is exact.
"""

from __future__ import annotations

import json
import os

import pytest

import docsearch
import docsearch.batch
import docsearch.sync
from docsearch import Article, ArticleNotFoundError
from tests.engines.conftest import SAMPLE_DOCS, open_new
from tests.test_sync import ARTICLES, bump, write


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    for name, (title, body) in ARTICLES.items():
        write(folder, name, title, body)
    return folder


@pytest.fixture
def synced(fresh, docs):
    report = fresh.sync([docs])
    assert counts(report) == (4, 0, 0, 0, 0)
    return fresh


def counts(report):
    return (report.added, report.updated, report.removed, report.unchanged, len(report.failed))


def titles(ix, query):
    return sorted(h.title for h in ix.search(query, per_page=50).hits)


def test_sync_adds_modifies_and_deletes(synced, docs):
    assert counts(synced.sync([docs])) == (0, 0, 0, 4, 0)
    write(docs, "b.md", "Ferry Fares Frozen", "Fares on the Brindlemere ferry stay the same.")
    bump(docs / "b.md")
    (docs / "c.txt").unlink()
    write(docs, "sub/e.md", "Bridge Closed for Repairs", "The Marrowby bridge is closed.")
    report = synced.sync([docs])
    assert counts(report) == (1, 1, 1, 2, 0) and report.files == 4
    assert titles(synced, "Brindlemere") == ["Ferry Fares Frozen"]
    assert titles(synced, "Quenby") == []
    assert titles(synced, "Tarrowgate") == []
    assert titles(synced, "Marrowby") == ["Bridge Closed for Repairs"]
    assert sorted(a.title for a in synced) == [
        "Bridge Closed for Repairs", "Ferry Fares Frozen", "Library Extends Hours",
        "Tram Line Opens in Vellmoor"]
    assert len(synced) == 4 and synced.search("").total == 4
    assert synced.check().ok


def test_sync_gives_the_same_ids_as_the_whoosh_engine(synced, docs, tmp_path, engine):
    with docsearch.open(tmp_path / "whoosh", create=True, engine="whoosh") as whoosh:
        whoosh.sync([docs])
        assert sorted(a.id for a in synced) == sorted(a.id for a in whoosh)
    assert {a.id: a.path for a in synced} == {a.id: a.path for a in whoosh}


def test_a_deleted_article_is_gone_everywhere(synced, docs):
    gone = next(a.id for a in synced if a.title == "Harbour Wall Repaired")
    (docs / "c.txt").unlink()
    assert counts(synced.sync([docs])) == (0, 0, 1, 3, 0)
    with pytest.raises(ArticleNotFoundError):
        synced.get(gone)
    assert gone not in {a.id for a in synced}
    assert synced.search("harbour").total == 0
    assert counts(synced.sync([docs])) == (0, 0, 0, 3, 0)


def test_a_dry_run_writes_nothing(synced, docs):
    (docs / "a.md").unlink()
    report = synced.sync([docs], dry_run=True)
    assert counts(report) == (0, 0, 1, 3, 0)
    assert len(synced) == 4 and titles(synced, "Vellmoor") == ["Tram Line Opens in Vellmoor"]


def test_reopening_sees_what_was_written(synced, engine):
    with docsearch.open(synced.path) as again:
        assert again.engine == engine
        assert sorted(a.id for a in again) == sorted(a.id for a in synced)
        assert titles(again, "ferry") == ["Ferry Fares Frozen"]
    synced.add(Article(id="late", title="Late Edition", body="A Quenby ferry update."))
    with docsearch.open(synced.path) as again:
        assert titles(again, "ferry") == ["Ferry Fares Frozen", "Late Edition"]


def test_python_add_update_delete(fresh):
    assert fresh.add([Article(id="one", title="Kestrel Nest Found", body="A kestrel nested."),
                      Article(id="two", title="Owl Survey", body="Owls were counted.")],
                     extract=False) == 2
    updated = fresh.update("one", title="Kestrel Nest Moved")
    assert updated.title == "Kestrel Nest Moved"
    assert titles(fresh, "moved") == ["Kestrel Nest Moved"]
    assert titles(fresh, "found") == []
    assert fresh.delete(["two", "nothing"]) == 1
    assert [a.id for a in fresh] == ["one"]
    assert fresh.search("owl").total == 0


def test_a_batch_is_all_or_nothing(fresh):
    with fresh.batch() as batch:
        batch.add(Article(id="x1", title="Tide Tables", body="Printed tide tables."),
                  extract=False)
        batch.add(Article(id="x2", title="Tide Gauge", body="A new tide gauge."),
                  extract=False)
        assert len(fresh) == 0  # nothing is seen before the batch ends
    assert len(fresh) == 2
    with pytest.raises(RuntimeError), fresh.batch() as batch:
        batch.add(Article(id="x3", title="Lost", body="Never written."), extract=False)
        batch.delete("x1")
        raise RuntimeError("stop")
    assert sorted(a.id for a in fresh) == ["x1", "x2"]


def test_check_finds_drift_and_repairs_it(synced, docs):
    lost = next(a.id for a in synced if a.title == "Ferry Fares Frozen")
    synced.delete(lost)
    (docs / "c.txt").unlink()
    write(docs, "a.md", "Tram Line Opens in Vellmoor", "The Vellmoor tram is delayed.")
    bump(docs / "a.md")
    report = synced.check()
    assert (report.ok, report.missing, report.stale, report.changed) == (
        False, (lost,), (str(docs / "c.txt"),), (str(docs / "a.md"),))
    assert synced.check(repair=True).repaired
    assert synced.check().ok
    assert titles(synced, "delayed") == ["Tram Line Opens in Vellmoor"]
    assert len(synced) == 3


def test_deep_check_finds_an_edit_that_kept_size_and_time(synced, docs):
    edited = docs / "b.md"
    before = edited.stat()
    edited.write_text(edited.read_text().replace("Quenby", "Quexby"))
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert synced.check().ok
    deep = synced.check(deep=True)
    assert (deep.ok, deep.changed) == (False, (str(edited),))
    assert synced.check(deep=True, repair=True).repaired
    assert titles(synced, "Quexby") == ["Ferry Fares Frozen"]


KEPT = ("id", "title", "body", "authors", "source", "published", "url", "sections", "people",
        "surnames", "topics", "path", "content_hash")


def test_export_and_import_round_trip(sample, tmp_path, engine):
    export = tmp_path / "articles.jsonl"
    assert sample.export(export) == 35
    records = [json.loads(line) for line in export.read_text("utf-8").splitlines()]
    assert [r["id"] for r in records] == sorted(a.id for a in sample)
    with open_new(tmp_path / "copy", engine) as copy:
        report = copy.sync([export])
        assert (report.added, report.failed) == (35, ())
        before = {a.id: a for a in sample}
        after = {a.id: a for a in copy}
        assert set(after) == set(before)
        for article_id, article in before.items():
            for field in KEPT:
                assert getattr(after[article_id], field) == getattr(article, field), \
                    (article_id, field)
        assert copy.search("harbour").total == sample.search("harbour").total == 11


def test_export_equals_the_whoosh_engines(sample, sample_index, tmp_path):
    ours, theirs = tmp_path / "ours.jsonl", tmp_path / "theirs.jsonl"
    sample.export(ours)
    sample_index.export(theirs)
    assert ours.read_text("utf-8") == theirs.read_text("utf-8")
    assert sample.export(tmp_path / "q.jsonl", query="harbour",
                         people=["Marcus Oduya-Bell"]) == 5


def test_a_second_sync_of_sample_docs_reads_nothing_new(sample, tmp_path, engine):
    with open_new(tmp_path / "ix", engine) as ix:
        assert counts(ix.sync([SAMPLE_DOCS])) == (35, 0, 0, 0, 0)
        assert counts(ix.sync([SAMPLE_DOCS])) == (0, 0, 0, 35, 0)
        assert sorted(a.id for a in ix) == sorted(a.id for a in sample)


def test_an_add_that_fails_keeps_its_committed_batches_and_frees_the_index(fresh,
                                                                           monkeypatch):
    monkeypatch.setattr(docsearch.index, "BATCH_SIZE", 10)
    prepare = docsearch.batch.prepare

    def failing(article):
        if article.id == "h24":
            raise RuntimeError("the source broke")
        return prepare(article)

    monkeypatch.setattr(docsearch.batch, "prepare", failing)
    articles = [Article(id=f"h{n:02d}", title=f"Heron {n}", body="A heron was seen.")
                for n in range(30)]
    with pytest.raises(RuntimeError, match="^the source broke$"):
        fresh.add(articles, extract=False)
    assert len(fresh) == 20  # the two batches committed before the error
    with docsearch.open(fresh.path) as other:  # another writer may write at once
        assert other.add(Article(id="k1", title="Kite", body="A kite."), extract=False) == 1
        assert len(other) == 21


def test_a_sync_that_fails_keeps_its_committed_batches_and_frees_the_index(fresh, docs,
                                                                           monkeypatch):
    flush = docsearch.sync._Sync._flush

    def failing(self, *, final):
        if final:
            raise RuntimeError("the disk broke")
        flush(self, final=final)

    monkeypatch.setattr(docsearch.sync._Sync, "_flush", failing)
    with pytest.raises(RuntimeError, match="^the disk broke$"):
        fresh.sync([docs], batch_size=1)
    assert len(fresh) == 4  # each file's batch was committed before the error
    with docsearch.open(fresh.path) as other:  # another writer may write at once
        assert other.add(Article(id="k1", title="Kite", body="A kite."), extract=False) == 1
        assert len(other) == 5
