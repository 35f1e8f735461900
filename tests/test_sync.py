"""Incremental sync: new files are added, changed ones re-read, deleted ones removed,
unchanged ones not read at all; dry runs; batches written from Python."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

import docsearch
import docsearch.index
import docsearch.sync
from docsearch import Article, ArticleNotFoundError, DocsearchError
from docsearch.engines.whoosh import backend as whoosh_backend
from docsearch.extract import people as people_module

# Fictional articles: name → (title, body). Each body holds one word no other has.
ARTICLES = {
    "a.md": ("Tram Line Opens in Vellmoor", "The Vellmoor tram carried its first riders."),
    "b.md": ("Ferry Fares Frozen", "Fares on the Quenby ferry stay the same this year."),
    "c.txt": ("Harbour Wall Repaired\n", "Workers repaired the Tarrowgate harbour wall."),
    "sub/d.md": ("Library Extends Hours", "The Ostwick library opens late on Thursdays."),
}


def write(folder: Path, name: str, title: str, body: str, url: str | None = None) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    heading = title.strip() if path.suffix == ".txt" else f"# {title}"
    footer = f"\n\nOriginal url: {url}\n" if url else "\n"
    path.write_text(f"{heading}\n\n{body}{footer}", encoding="utf-8")
    age(path)
    return path


def age(path: Path, seconds: float = 3600) -> None:
    """Date the file ``seconds`` back: a file written less than two seconds before a sync
    reads it is read again by the next sync (see RACY_NS), which these tests count."""
    past = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(past, past))


def bump(path: Path) -> None:
    """Move the modification time on, as a later edit would (the files are dated an hour
    back, and two writes in quick succession can keep the same time)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    for name, (title, body) in ARTICLES.items():
        write(folder, name, title, body)
    return folder


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files each sync reads."""
    seen: list[str] = []
    real = docsearch.sync.read_file

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(docsearch.sync, "read_file", counting)
    return seen


def counts(report: docsearch.IndexReport) -> tuple[int, int, int, int, int]:
    return (report.added, report.updated, report.removed, report.unchanged, len(report.failed))


def hits(ix: docsearch.Index, query: str) -> list[str]:
    return [h.title for h in ix.search(query).hits]


def test_first_sync_adds_every_file_and_the_second_reads_none(tmp_index, docs, reads):
    assert counts(tmp_index.sync([docs])) == (4, 0, 0, 0, 0)
    assert sorted(reads) == ["a.md", "b.md", "c.txt", "d.md"]
    reads.clear()
    report = tmp_index.sync([docs])
    assert counts(report) == (0, 0, 0, 4, 0) and report.files == 4
    assert reads == []


def test_a_changed_file_is_read_again_and_replaces_its_article(tmp_index, docs, reads):
    tmp_index.sync([docs])
    reads.clear()
    write(docs, "b.md", "Ferry Fares Frozen", "Fares on the Brindlemere ferry stay the same.")
    bump(docs / "b.md")
    assert counts(tmp_index.sync([docs])) == (0, 1, 0, 3, 0)
    assert reads == ["b.md"]
    assert hits(tmp_index, "Brindlemere") == ["Ferry Fares Frozen"]
    assert hits(tmp_index, "Quenby") == []
    assert len(tmp_index) == 4


def test_a_deleted_file_leaves_the_index(tmp_index, docs):
    tmp_index.sync([docs])
    gone = next(a.id for a in tmp_index if a.title == "Harbour Wall Repaired")
    (docs / "c.txt").unlink()
    assert counts(tmp_index.sync([docs])) == (0, 0, 1, 3, 0)
    assert hits(tmp_index, "Tarrowgate") == []
    with pytest.raises(ArticleNotFoundError):
        tmp_index.get(gone)
    assert counts(tmp_index.sync([docs])) == (0, 0, 0, 3, 0)


def test_a_new_file_is_added(tmp_index, docs, reads):
    tmp_index.sync([docs])
    reads.clear()
    write(docs, "sub/e.md", "Bridge Closed for Repairs", "The Marrowby bridge is closed.")
    assert counts(tmp_index.sync([docs])) == (1, 0, 0, 4, 0)
    assert reads == ["e.md"]
    assert hits(tmp_index, "Marrowby") == ["Bridge Closed for Repairs"]


def test_a_file_written_just_before_a_sync_is_checked_again(tmp_index, docs, reads):
    fresh = docs / "fresh.md"
    fresh.write_text("# Ferry Timetable\n\nThe Quarnby ferry leaves at one.\n")
    tmp_index.sync([docs])
    before = fresh.stat()
    # Rewritten within the same clock tick: same size, same modification time.
    fresh.write_text("# Ferry Timetable\n\nThe Quarnby ferry leaves at two.\n")
    os.utime(fresh, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert fresh.stat().st_size == before.st_size
    reads.clear()
    assert counts(tmp_index.sync([docs])) == (0, 1, 0, 4, 0)
    assert reads == ["fresh.md"]
    assert [h.title for h in tmp_index.search("two").hits] == ["Ferry Timetable"]


def test_a_touched_file_is_read_but_nothing_is_written(tmp_index, docs, reads):
    tmp_index.sync([docs])
    generation = tmp_index._store.live.backend.ix.latest_generation()
    reads.clear()
    bump(docs / "a.md")
    assert counts(tmp_index.sync([docs])) == (0, 0, 0, 4, 0)
    assert reads == ["a.md"]
    assert tmp_index._store.live.backend.ix.latest_generation() == generation
    reads.clear()
    tmp_index.sync([docs])
    assert reads == []  # the new modification time was recorded


def test_a_renamed_file_keeps_its_extraction(tmp_index, docs, monkeypatch):
    write(docs, "people.md", "Mayor Visits Quay", "Mayor Ilse Varnholt opened the Dunholt "
          "quay on Monday. Ilse Varnholt said the quay took two years to build.")
    tmp_index.sync([docs])
    calls: list[str] = []
    real = people_module.find_people
    monkeypatch.setattr("docsearch.extract.find_people",
                        lambda *a, **k: calls.append("x") or real(*a, **k))
    (docs / "people.md").rename(docs / "sub" / "moved.md")
    report = tmp_index.sync([docs])
    # The id of an article without url is its path, so the move is a new id.
    assert counts(report) == (1, 0, 1, 4, 0)
    assert calls == []
    moved = next(a for a in tmp_index if a.path == "sub/moved.md")
    assert moved.people == ("Ilse Varnholt",)


def test_a_renamed_file_with_a_url_keeps_its_article(tmp_index, docs):
    write(docs, "wire.md", "Port Strike Ends", "Dockers in Selbourne went back to work.",
          url="https://news.example.org/2024/05/port-strike-ends")
    tmp_index.sync([docs])
    (docs / "wire.md").rename(docs / "sub" / "wire-renamed.md")
    assert counts(tmp_index.sync([docs])) == (0, 0, 0, 5, 0)
    assert hits(tmp_index, "Selbourne") == ["Port Strike Ends"]


def test_dry_run_lists_the_changes_and_writes_nothing(tmp_index, docs):
    tmp_index.sync([docs])
    write(docs, "a.md", "Tram Line Opens in Vellmoor", "The Vellmoor tram is full already.")
    bump(docs / "a.md")
    (docs / "b.md").unlink()
    write(docs, "new.md", "Snow in Kestrelby", "Snow closed the Kestrelby road.")
    generation = tmp_index._store.live.backend.ix.latest_generation()
    manifest = tmp_index._store.manifest.entries()
    report = tmp_index.sync([docs], dry_run=True)
    assert report.dry_run and counts(report) == (1, 1, 1, 2, 0)
    assert [(c.action, Path(c.path).name, c.articles) for c in report.changes] == [
        ("update", "a.md", 1), ("add", "new.md", 1), ("remove", "b.md", 1)]
    assert report.to_dict()["changes"][0] == {"action": "update", "path": str(docs / "a.md"),
                                              "articles": 1}
    assert tmp_index._store.live.backend.ix.latest_generation() == generation
    assert tmp_index._store.manifest.entries() == manifest
    assert hits(tmp_index, "Kestrelby") == []
    assert counts(tmp_index.sync([docs])) == (1, 1, 1, 2, 0)


def test_syncing_one_folder_leaves_another_alone(tmp_index, docs, tmp_path):
    other = tmp_path / "other"
    write(other, "x.md", "Pier Reopens", "The Ravensholm pier reopened.")
    tmp_index.sync([docs])
    tmp_index.sync([other])
    assert counts(tmp_index.sync([docs])) == (0, 0, 0, 4, 0)
    assert hits(tmp_index, "Ravensholm") == ["Pier Reopens"]
    (other / "x.md").unlink()
    assert counts(tmp_index.sync([docs])) == (0, 0, 0, 4, 0)  # not in scope: stays
    # other/ now lists no file: as for an unmounted disk, only --allow-empty removes.
    assert counts(tmp_index.sync([other])) == (0, 0, 0, 0, 1)
    assert counts(tmp_index.sync([other], allow_empty=True)) == (0, 0, 1, 0, 0)


def test_a_missing_folder_is_reported_and_removes_nothing(tmp_index, docs, tmp_path):
    tmp_index.sync([docs])
    moved = tmp_path / "unmounted"
    docs.rename(moved)
    report = tmp_index.sync([docs])
    assert counts(report) == (0, 0, 0, 0, 1)
    assert (report.failed[0].path, report.failed[0].reason) == (
        str(docs), "cannot read: no such file or directory")
    assert len(tmp_index) == 4


def test_a_file_that_turns_bad_keeps_its_article(tmp_index, docs):
    tmp_index.sync([docs])
    (docs / "a.md").write_bytes(b"# Tram\n\nBad \x00 byte")
    bump(docs / "a.md")
    report = tmp_index.sync([docs])
    assert counts(report) == (0, 0, 0, 3, 1)
    assert report.failed[0].reason == "binary file, not text"
    assert hits(tmp_index, "Vellmoor") == ["Tram Line Opens in Vellmoor"]
    assert len(tmp_index.sync([docs]).failed) == 1  # reported again until fixed
    write(docs, "a.md", "Tram Line Opens in Vellmoor", "The Vellmoor tram runs again.")
    bump(docs / "a.md")
    assert counts(tmp_index.sync([docs])) == (0, 1, 0, 3, 0)


def test_a_json_lines_file_losing_a_record_removes_that_article(tmp_index, tmp_path):
    feed = tmp_path / "feed" / "wire.jsonl"
    feed.parent.mkdir()
    records = [{"id": f"wire-{n}", "title": f"Wire {n}", "body": f"Item {n} of the feed."}
               for n in range(3)]
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    assert counts(tmp_index.sync([feed.parent])) == (3, 0, 0, 0, 0)
    feed.write_text("".join(json.dumps(r) + "\n" for r in records[:2]))
    bump(feed)
    assert counts(tmp_index.sync([feed.parent])) == (0, 0, 1, 2, 0)
    assert sorted(a.id for a in tmp_index) == ["wire-0", "wire-1"]


def test_an_article_two_files_give_stays_until_both_are_gone(tmp_index, tmp_path):
    folder = tmp_path / "dup"
    url = "https://news.example.org/2023/02/ice-on-the-canal"
    write(folder, "one.md", "Ice on the Canal", "The Wexley canal froze.", url=url)
    write(folder, "two.md", "Ice on the Canal", "The Wexley canal froze.", url=url)
    tmp_index.sync([folder])
    assert len(tmp_index) == 1
    (folder / "one.md").unlink()
    assert counts(tmp_index.sync([folder])) == (0, 0, 0, 1, 0)
    assert hits(tmp_index, "Wexley") == ["Ice on the Canal"]
    (folder / "two.md").unlink()
    assert counts(tmp_index.sync([folder], allow_empty=True)) == (0, 0, 1, 0, 0)
    assert len(tmp_index) == 0


def test_stats_show_the_files_and_the_last_sync(tmp_index, docs):
    tmp_index.sync([docs])
    (docs / "a.md").unlink()
    tmp_index.sync([docs])
    stats = tmp_index.stats()
    assert (stats.documents, stats.files, stats.roots) == (3, 3, (str(docs),))
    assert {k: v for k, v in stats.last_sync.items() if k != "at"} == {
        "paths": [str(docs)], "files": 3, "added": 0, "updated": 0, "removed": 1,
        "unchanged": 3, "failed": 0}


def test_repeated_updates_do_not_grow_the_index_without_bound(tmp_index, docs):
    tmp_index.sync([docs])
    sizes = []
    for n in range(40):
        write(docs, "a.md", "Tram Line Opens in Vellmoor", f"The Vellmoor tram, edit {n}.")
        bump(docs / "a.md")
        tmp_index.sync([docs])
        stats = tmp_index.stats()
        assert stats.segments <= whoosh_backend.MAX_SEGMENTS
        assert stats.deleted <= whoosh_backend.MAX_DELETED * (stats.documents + stats.deleted)
        sizes.append(stats.size_bytes)
    assert max(sizes[20:]) < 2 * max(sizes[:10])
    assert len(tmp_index) == 4


# ------------------------------------------------------------ writing from Python


def test_a_batch_is_one_commit(tmp_index):
    before = tmp_index._store.live.backend.ix.latest_generation()
    with tmp_index.batch() as batch:
        batch.add(Article(id="n1", title="Night Bus Added", body="A night bus to Ferncliff."))
        batch.add([Article(id="n2", title="Day Bus Cut", body="The Ferncliff day bus ends."),
                   Article(id="n3", title="Bus Depot", body="A new depot in Ferncliff.")])
        batch.delete("n3")
        assert len(tmp_index) == 0  # nothing is visible before the batch ends
    assert tmp_index._store.live.backend.ix.latest_generation() == before + 1
    assert sorted(a.id for a in tmp_index) == ["n1", "n2"]
    assert (batch.written, batch.deleted) == (2, 0)


def test_a_batch_that_raises_writes_nothing(tmp_index):
    with pytest.raises(RuntimeError), tmp_index.batch() as batch:
        batch.add(Article(id="n1", title="Night Bus Added", body="A night bus."))
        raise RuntimeError("stop")
    assert len(tmp_index) == 0
    assert tmp_index.add(Article(id="n1", title="Night Bus Added", body="A bus.")) == 1


def test_update_changes_the_given_fields_only(tmp_index):
    tmp_index.add(Article(id="n1", title="Night Bus Added", body="A night bus to Ferncliff.",
                          topics=("transport",)))
    updated = tmp_index.update("n1", topics=("economy",), title="Night Bus Route Added")
    assert (updated.title, updated.topics, updated.body) == (
        "Night Bus Route Added", ("economy",), "A night bus to Ferncliff.")
    assert tmp_index.get("n1").topics == ("economy",)
    assert [h.id for h in tmp_index.search("topic:economy").hits] == ["n1"]


def test_update_of_a_missing_article_or_an_unknown_field_fails(tmp_index):
    tmp_index.add(Article(id="n1", title="Night Bus Added", body="A night bus."))
    with pytest.raises(ArticleNotFoundError, match="^no article with id 'zzzz9'$"):
        tmp_index.update("zzzz9", title="x")
    with pytest.raises(DocsearchError, match="^cannot update article n1: "):
        tmp_index.update("n1", colour="red")
    with pytest.raises(DocsearchError, match="^update cannot change an article's id"):
        tmp_index.update("n1", id="n2")


def test_delete_counts_what_was_there(tmp_index):
    tmp_index.add([Article(id="n1", title="One", body="First."),
                   Article(id="n2", title="Two", body="Second.")])
    assert tmp_index.delete(["n1", "nope"]) == 1
    assert [a.id for a in tmp_index] == ["n2"]


def test_a_bulk_add_merges_its_segments_once_at_the_end(tmp_index, monkeypatch):
    monkeypatch.setattr(docsearch.index, "BATCH_SIZE", 10)
    merges: list[bool] = []
    real = docsearch.sync.commit

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        merges.append(kwargs.get("merge", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(docsearch.sync, "commit", spy)
    articles = [Article(id=f"n{n}", title=f"Note {n}", body=f"Ferry note {n}.")
                for n in range(30)]
    assert tmp_index.add(articles, extract=False) == 30
    assert merges == [False, False, False]  # the last batch was full: merged on exit
    assert tmp_index.stats().segments <= whoosh_backend.MAX_SEGMENTS
    merges.clear()
    assert tmp_index.add(articles[:25], extract=False) == 25
    assert merges == [False, False, True]
