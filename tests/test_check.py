"""``check`` finds drift between the index, its manifest and the files; ``--repair``
fixes it. The CLI commands of issue 4: index --dry-run, rebuild, check, stats."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import docsearch
from docsearch import Article, RebuildError
from docsearch.cli import cli
from tests.test_sync import ARTICLES, bump, write


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    for name, (title, body) in ARTICLES.items():
        write(folder, name, title, body)
    return folder


@pytest.fixture
def synced(tmp_index, docs) -> docsearch.Index:
    tmp_index.sync([docs])
    return tmp_index


def test_a_fresh_sync_checks_ok(synced):
    report = synced.check()
    assert report.ok and report.to_dict() == {
        "documents": 4, "files": 4, "missing": [], "stale": [], "changed": [],
        "unlisted": 0, "repaired": False, "failed": [], "ok": True}


def test_check_finds_drift_and_repair_fixes_it(synced, docs):
    lost = next(a.id for a in synced if a.title == "Ferry Fares Frozen")
    synced.delete(lost)                                    # missing
    (docs / "c.txt").unlink()                              # stale
    write(docs, "a.md", "Tram Line Opens in Vellmoor", "The Vellmoor tram is delayed.")
    bump(docs / "a.md")                                    # changed
    synced.add(Article(id="py-1", title="From Python", body="Added by a script."))
    report = synced.check()
    assert not report.ok
    assert report.missing == (lost,)
    assert report.stale == (str(docs / "c.txt"),)
    assert report.changed == (str(docs / "a.md"),)
    assert report.unlisted == 1

    repaired = synced.check(repair=True)
    assert repaired.repaired and repaired.missing == (lost,)
    after = synced.check()
    assert after.ok and after.unlisted == 1  # what Python added is never removed
    assert sorted(a.title for a in synced) == [
        "Ferry Fares Frozen", "From Python", "Library Extends Hours",
        "Tram Line Opens in Vellmoor"]
    assert [h.title for h in synced.search("delayed").hits] == ["Tram Line Opens in Vellmoor"]


def test_repair_removes_files_of_a_folder_that_is_gone(tmp_index, docs, tmp_path):
    other = tmp_path / "other"
    write(other, "x.md", "Pier Reopens", "The Ravensholm pier reopened.")
    tmp_index.sync([docs])
    tmp_index.sync([other])
    (other / "x.md").unlink()
    other.rmdir()
    assert tmp_index.check().stale == (str(other / "x.md"),)
    assert tmp_index.check(repair=True).repaired
    assert tmp_index.search("Ravensholm").total == 0 and len(tmp_index) == 4


def test_rebuild_reads_every_file_again_and_keeps_what_python_added(synced, docs):
    synced.add(Article(id="py-1", title="From Python", body="Added by a script.",
                       topics=("sport",)))
    lost = next(a.id for a in synced if a.title == "Ferry Fares Frozen")
    synced.delete(lost)
    report = synced.rebuild()
    assert (report.added, report.removed, report.unchanged) == (4, 0, 0)
    assert report.notes == ("kept 1 article that no file gives (added from Python)",)
    assert len(synced) == 5 and synced.get(lost).title == "Ferry Fares Frozen"
    assert synced.get("py-1").topics == ("sport",)
    assert synced.check().ok


def test_rebuild_needs_folders(tmp_index, docs, tmp_path):
    with pytest.raises(RebuildError) as info:
        tmp_index.rebuild()
    assert str(info.value) == (f"the index at {tmp_index.path} records no folders to rebuild "
                               f"from; name them: docsearch rebuild FOLDER")
    tmp_index.sync([docs])
    docs.rename(tmp_path / "elsewhere")
    with pytest.raises(RebuildError) as info:
        tmp_index.rebuild()
    assert str(info.value) == (f"cannot rebuild: {docs} does not exist (the live index is "
                               f"unchanged; name the folders to rebuild from)")
    assert len(tmp_index) == 4


def run(*args: str, index: Path) -> object:
    return CliRunner().invoke(cli, [*args, "--index", str(index)])


def test_cli_dry_run_then_index(tmp_path, docs):
    index = tmp_path / "ix"
    assert run("index", str(docs), index=index).exit_code == 0
    (docs / "b.md").unlink()
    write(docs, "e.md", "Snow in Kestrelby", "Snow closed the Kestrelby road.")
    result = run("index", str(docs), "--dry-run", index=index)
    assert result.exit_code == 0
    assert result.stdout == (
        f"would add {docs / 'e.md'} (1 article)\n"
        f"would remove {docs / 'b.md'} (1 article)\n"
        "4 files: 1 would be added, 0 would be updated, 1 would be removed, 3 unchanged, "
        "0 failed (dry run: nothing written)\n")
    result = run("index", str(docs), "--dry-run", "--json", index=index)
    assert json.loads(result.stdout)["changes"] == [
        {"action": "add", "path": str(docs / "e.md"), "articles": 1},
        {"action": "remove", "path": str(docs / "b.md"), "articles": 1}]
    result = run("index", str(docs), index=index)
    assert result.stdout == "4 files: 1 added, 0 updated, 1 removed, 3 unchanged, 0 failed\n"


def test_cli_dry_run_without_an_index_creates_none(tmp_path, docs):
    result = run("index", str(docs), "--dry-run", index=tmp_path / "ix")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: no index at {tmp_path / 'ix'} ")
    assert not (tmp_path / "ix").exists()


def test_cli_check_and_repair(tmp_path, docs):
    index = tmp_path / "ix"
    run("index", str(docs), index=index)
    result = run("check", index=index)
    assert (result.exit_code, result.stdout) == (0, "4 documents, 4 files: ok\n")
    (docs / "c.txt").unlink()
    result = run("check", index=index)
    assert result.exit_code == 1
    assert result.stdout == (f"file gone since indexed: {docs / 'c.txt'}\n"
                             "4 documents, 4 files: drift found (1 problem)\n")
    result = run("check", "--repair", index=index)
    assert (result.exit_code, result.stdout) == (0, (
        f"file gone since indexed: {docs / 'c.txt'}\n"
        "4 documents, 4 files: repaired (1 problem)\n"))
    assert json.loads(run("check", "--json", index=index).stdout)["ok"] is True


def test_cli_rebuild_and_stats(tmp_path, docs):
    index = tmp_path / "ix"
    run("index", str(docs), index=index)
    result = run("rebuild", index=index)
    assert (result.exit_code, result.stdout) == (
        0, "4 files: 4 added, 0 updated, 0 removed, 0 unchanged, 0 failed\n")
    stats = json.loads(run("stats", "--json", index=index).stdout)
    assert (stats["documents"], stats["files"], stats["roots"]) == (4, 4, [str(docs)])
    assert stats["last_sync"]["added"] == 4
    text = run("stats", index=index).stdout
    assert f"     folders  {docs}\n" in text
    assert "   last sync  " in text and ": 4 added, 0 updated, 0 removed" in text


def test_cli_rebuild_without_folders_is_one_line(tmp_path):
    index = tmp_path / "ix"
    docsearch.open(index, create=True).close()
    result = run("rebuild", index=index)
    assert result.exit_code == 2
    assert result.stderr == (f"Error: the index at {index} records no folders to rebuild "
                             f"from; name them: docsearch rebuild FOLDER\n")


def test_check_compares_the_content_of_a_file_written_just_before_its_sync(tmp_index, tmp_path):
    folder = tmp_path / "fresh"
    folder.mkdir()
    fresh = folder / "fresh.md"
    fresh.write_text("# Ferry Timetable\n\nThe Quarnby ferry leaves at one.\n")
    tmp_index.sync([folder])
    assert tmp_index.check().ok
    before = fresh.stat()
    fresh.write_text("# Ferry Timetable\n\nThe Quarnby ferry leaves at two.\n")
    os.utime(fresh, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert tmp_index.check().changed == (str(fresh),)


def test_repair_says_why_it_could_not_repair_a_file(tmp_path, docs):
    outside = tmp_path / "outside.md"
    outside.write_text("# Elsewhere\n\nA file outside the indexed folder, longer than a.md.\n")
    index = tmp_path / "ix"
    run("index", str(docs), index=index)
    (docs / "a.md").unlink()
    (docs / "a.md").symlink_to(outside)
    result = run("check", "--repair", index=index)
    assert (result.exit_code, result.stdout) == (1, (
        f"file changed since indexed: {docs / 'a.md'}\n"
        f"could not repair {docs / 'a.md'}: symlink to a file outside the folder, "
        f"not followed\n"
        "4 documents, 4 files: drift found (1 problem)\n"))
    data = json.loads(run("check", "--repair", "--json", index=index).stdout)
    assert (data["ok"], data["repaired"], data["failed"]) == (False, False, [
        {"path": str(docs / "a.md"),
         "reason": "symlink to a file outside the folder, not followed"}])


def test_deep_check_finds_an_edit_that_kept_size_and_time(synced, docs, tmp_path):
    edited = docs / "b.md"
    before = edited.stat()
    edited.write_text(edited.read_text().replace("Quenby", "Quexby"))
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert synced.check().ok                       # size and time, as git compares
    deep = synced.check(deep=True)
    assert (deep.ok, deep.changed) == (False, (str(edited),))
    result = run("check", "--deep", index=synced.path)
    assert (result.exit_code, result.stdout) == (1, (
        f"file changed since indexed: {edited}\n"
        "4 documents, 4 files: drift found (1 problem)\n"))
    result = run("check", "--deep", "--repair", index=synced.path)
    assert (result.exit_code, result.stdout) == (0, (
        f"file changed since indexed: {edited}\n"
        "4 documents, 4 files: repaired (1 problem)\n"))
    assert synced.check(deep=True).ok
    assert [h.title for h in synced.search("Quexby").hits] == ["Ferry Fares Frozen"]
