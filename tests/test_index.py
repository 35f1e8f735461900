"""Creating, filling and changing an index from Python."""

from __future__ import annotations

import os

import pytest

import docsearch
from docsearch import (
    Article,
    ArticleNotFoundError,
    IndexFormatError,
    IndexLockedError,
    IndexNotFoundError,
)


def test_open_missing_index_fails_with_a_clear_message(tmp_path):
    with pytest.raises(IndexNotFoundError) as info:
        docsearch.open(tmp_path / "nothing")
    assert str(info.value) == (f"no index at {tmp_path / 'nothing'} (create one with: "
                               f"docsearch index FOLDER --index {tmp_path / 'nothing'})")


def test_create_refuses_a_folder_with_other_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(IndexFormatError, match="holds other files and is not a docsearch index"):
        docsearch.open(tmp_path, create=True)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_creation_killed_half_way_is_finished_by_the_next_one(tmp_path):
    path = tmp_path / "ix"
    (path / "data").mkdir(parents=True)
    (path / "data" / "MAIN_abc.seg").write_bytes(b"half written")
    (path / "write.lock").touch()
    (path / "writer.json").write_text('{"pid": 1}')
    (path / ".keep").mkdir()
    ix = docsearch.open(path, create=True)
    assert len(ix) == 0 and ix.add(Article(title="x", body="y")) == 1
    assert sorted(p.name for p in path.iterdir()) == [
        ".keep", "data", "docsearch.json", "write.lock"]
    ix.close()


def test_reopen_an_index(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True) as ix:
        ix.add(Article(title="Harbour reopens", body="The harbour reopened on Monday."))
    with docsearch.open(tmp_path / "ix") as ix:
        assert len(ix) == 1
        assert ix.search("harbour").total == 1


def test_add_extracts_missing_fields(tmp_index):
    (written,) = [tmp_index.add(Article(
        title="Mayor opens bridge", url="https://www.example.org/2023/05/06/bridge",
        body="Mayor Elena Vasquez opened the bridge on Saturday. Vasquez said the city council "
             "had voted for it before the election."))]
    assert written == 1
    (article,) = list(tmp_index)
    assert article.people == ("Elena Vasquez",)
    assert article.published.isoformat() == "2023-05-06"
    assert article.source == "example.org"
    assert article.id == docsearch.stable_id(url="https://example.org/2023/05/06/bridge")
    assert article.topics[0] == "politics"


def test_given_values_are_never_overwritten(tmp_index):
    tmp_index.add(Article(id="a1", title="T", body="President Joe Biden spoke.",
                          people=["Someone Else"], topics=["sport"], source="Mine"))
    article = tmp_index.get("a1")
    assert article.people == ("Someone Else",)
    assert article.topics == ("sport",)
    assert article.source == "Mine"


def test_update_by_id_replaces_the_article(tmp_index):
    tmp_index.add(Article(id="a1", title="Old title", body="old words"))
    tmp_index.add(Article(id="a1", title="New title", body="new words"))
    assert len(tmp_index) == 1
    assert tmp_index.get("a1").title == "New title"
    assert tmp_index.search("old").total == 0
    assert tmp_index.search("new").total == 1


def test_delete_by_id(tmp_index):
    tmp_index.add([Article(id=f"a{i}", title=f"Story {i}", body="text") for i in range(3)])
    assert tmp_index.delete(["a1", "missing"]) == 1
    assert sorted(a.id for a in tmp_index) == ["a0", "a2"]
    assert tmp_index.delete("a0") == 1
    assert tmp_index.delete([]) == 0


def test_get_by_unique_prefix(tmp_index):
    tmp_index.add([Article(id="abcd1234", title="One"), Article(id="abcd5678", title="Two")])
    assert tmp_index.get("abcd1").title == "One"
    with pytest.raises(ArticleNotFoundError, match="id 'abcd' is ambiguous: 2 articles"):
        tmp_index.get("abcd")
    with pytest.raises(ArticleNotFoundError, match="no article with id 'zzzz'"):
        tmp_index.get("zzzz")


def test_index_paths_reports_and_skips_unchanged(tmp_index, sample_copy):
    first = tmp_index.index_paths([sample_copy])
    assert (first.files, first.added, first.updated, first.unchanged) == (30, 35, 0, 0)
    assert first.ok and first.failed == ()
    again = tmp_index.index_paths([sample_copy])
    assert (again.added, again.updated, again.unchanged) == (0, 0, 35)
    story = sample_copy / "rovers-stun-league-leaders.md"
    story.write_text(story.read_text().replace("Rovers travel to Halden Bay on Saturday.",
                                               "Rovers host the cup holders on Saturday."))
    changed = tmp_index.index_paths([sample_copy])
    assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 34)
    assert tmp_index.search('"cup holders"').total == 1
    assert len(tmp_index) == 35


def test_index_paths_reports_bad_files_and_goes_on(tmp_index, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("A good story\n\nThe ferry sailed on time today.")
    (folder / "empty.md").write_text("")
    (folder / "bad.jsonl").write_text('{"title": "Fine", "body": "A ferry."}\nnot json\n')
    report = tmp_index.index_paths([folder, tmp_path / "missing.txt"])
    assert report.added == 2
    assert [(e.path, e.reason) for e in report.failed] == [
        (str(folder / "bad.jsonl") + ":2", "invalid JSON (Expecting value at column 1)"),
        (str(folder / "empty.md"), "empty file"),
        (str(tmp_path / "missing.txt"), "cannot read: no such file or directory"),
    ]
    assert tmp_index.search("ferry").total == 2


def test_second_writer_waits_then_fails_naming_the_holder(tmp_path):
    path = tmp_path / "ix"
    first = docsearch.open(path, create=True)
    second = docsearch.open(path, lock_timeout=0.2)
    # first holds the write lock, as another process would
    with first.batch(), pytest.raises(IndexLockedError) as info:
        second.add(Article(title="x", body="y"))
    message = str(info.value)
    assert message.startswith(f"the index at {path} is being written by process {os.getpid()} (")
    assert message.endswith("; gave up after waiting 0.2 s (wait longer with --lock-timeout)")
    assert not (path / "writer.json").exists()  # the holder's note goes with the lock
    assert second.add(Article(title="x", body="y")) == 1
    first.close()
    second.close()


def test_stats(sample_index):
    stats = sample_index.stats()
    assert (stats.documents, stats.people, stats.sources) == (35, 56, 10)
    assert (stats.earliest, stats.latest) == ("2019-03-12", "2024-12-02")
    assert stats.segments >= 1 and stats.size_bytes > 0
    assert set(stats.to_dict()) == {"path", "documents", "segments", "size_bytes", "people",
                                    "topics", "sources", "earliest", "latest", "last_write",
                                    "deleted", "files", "roots", "last_sync", "cluster"}
    assert stats.cluster is None  # a folder's index has no cluster


def _count_extraction(monkeypatch) -> list[str]:
    """Record every text the extractors see."""
    import docsearch.extract as extract
    calls: list[str] = []
    people, topics = extract.find_people, extract.classify_topics

    def counted_people(title, body, headings=()):
        calls.append(title)
        return people(title, body, headings)

    def counted_topics(title, body, taxonomy=None):
        calls.append(title)
        return topics(title, body, taxonomy)

    monkeypatch.setattr(extract, "find_people", counted_people)
    monkeypatch.setattr(extract, "classify_topics", counted_topics)
    return calls


def test_unchanged_and_moved_text_is_not_extracted_again(tmp_index, sample_copy, monkeypatch):
    first = tmp_index.index_paths([sample_copy])
    before = {a.path: (a.people, a.topics) for a in tmp_index}
    calls = _count_extraction(monkeypatch)
    again = tmp_index.index_paths([sample_copy])
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    assert calls == []

    moved = sample_copy / "moved"
    moved.mkdir()
    name = "lighthouse-keeper-logbooks.txt"
    (sample_copy / name).rename(moved / name)
    report = tmp_index.index_paths([sample_copy])
    assert (report.added, report.updated) == (1, 0)
    assert calls == []  # same text: the earlier extraction is reused
    after = {a.path: (a.people, a.topics) for a in tmp_index}
    assert after["moved/lighthouse-keeper-logbooks.txt"] == before["lighthouse-keeper-logbooks.txt"]

    changed = moved / "lighthouse-keeper-logbooks.txt"
    changed.write_text(changed.read_text("utf-8") + "\nA late paragraph.\n", "utf-8")
    tmp_index.index_paths([sample_copy])
    assert len(calls) == 2  # people and topics of the changed file only
