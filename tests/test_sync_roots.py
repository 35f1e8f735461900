"""Indexed folders: ids that do not depend on which folder a file was reached from,
and a folder that turns empty (an unmounted disk) that removes nothing."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import docsearch
from docsearch import Article, RebuildError
from docsearch.cli import cli

# Fictional articles: path under src/ → (title, body).
FILES = {
    "a/tram.md": ("Tram Line Opens in Vellmoor", "The Vellmoor tram carried its first riders."),
    "a/deep/ferry.md": ("Ferry Fares Frozen", "Fares on the Quenby ferry stay the same."),
    "b/harbour.md": ("Harbour Wall Repaired", "Workers repaired the Tarrowgate harbour wall."),
    "library.md": ("Library Extends Hours", "The Ostwick library opens late on Thursdays."),
}


@pytest.fixture
def src(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    past = time.time_ns() - 3600 * 10**9  # not racy: a second sync does not read them again
    for name, (title, body) in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
        os.utime(path, ns=(past, past))
    return folder


def ids(ix: docsearch.Index) -> dict[str, str]:
    """Article path → id."""
    return {a.path or "": a.id for a in ix}


def counts(report: docsearch.IndexReport) -> tuple[int, int, int, int, int]:
    return (report.added, report.updated, report.removed, report.unchanged, len(report.failed))


def test_ids_do_not_depend_on_which_folder_was_indexed_first(src, tmp_path):
    whole = docsearch.open(tmp_path / "whole", create=True)
    whole.sync([src])
    expected = ids(whole)
    assert sorted(expected) == ["a/deep/ferry.md", "a/tram.md", "b/harbour.md", "library.md"]
    assert expected["a/tram.md"] == docsearch.stable_id(path="a/tram.md")

    inner_first = docsearch.open(tmp_path / "inner-first", create=True)
    assert counts(inner_first.sync([src / "a"])) == (2, 0, 0, 0, 0)
    report = inner_first.sync([src])
    assert counts(report) == (4, 0, 2, 0, 0)  # a/'s two articles take their ids under src
    assert report.notes == (f"2 files now have ids relative to {src}",)
    assert ids(inner_first) == expected and len(inner_first) == 4
    inner_first.rebuild()
    assert ids(inner_first) == expected
    assert counts(inner_first.sync([src / "a"])) == (0, 0, 0, 2, 0)
    assert ids(inner_first) == expected

    outer_first = docsearch.open(tmp_path / "outer-first", create=True)
    outer_first.sync([src])
    assert counts(outer_first.sync([src / "a"])) == (0, 0, 0, 2, 0)
    assert ids(outer_first) == expected
    outer_first.rebuild()
    assert ids(outer_first) == expected
    for ix in (whole, inner_first, outer_first):
        ix.close()


def test_add_with_and_without_extraction_gives_one_id(tmp_path, src):
    article = Article(title="Pier Closed", body="The Ravensholm pier closed.",
                      content_hash="c0ffee")
    with_extraction = docsearch.open(tmp_path / "one", create=True)
    without = docsearch.open(tmp_path / "two", create=True)
    with_extraction.add(article)
    without.add(article, extract=False)
    assert [a.id for a in with_extraction] == [a.id for a in without]
    # With a path, the id is the one a sync of that file gives.
    on_disk = docsearch.read_file(src / "library.md", root=src).articles[0]
    given = Article(title="Library Extends Hours", body="Anything.", path="library.md")
    with_extraction.add(given)
    without.add(given, extract=False)
    assert with_extraction.get(on_disk.id).title == without.get(on_disk.id).title
    with_extraction.close()
    without.close()


EMPTY = ("folder is empty (it held 4 files); nothing removed; use --allow-empty to "
         "remove them")


def unmount(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()


def test_a_folder_that_turns_empty_removes_nothing(tmp_index, src):
    tmp_index.sync([src])
    unmount(src)
    report = tmp_index.sync([src])
    assert counts(report) == (0, 0, 0, 0, 1)
    assert (report.failed[0].path, report.failed[0].reason) == (str(src), EMPTY)
    assert len(tmp_index) == 4
    report = tmp_index.sync([src], allow_empty=True)
    assert counts(report) == (0, 0, 4, 0, 0) and len(tmp_index) == 0
    # An empty folder that never gave anything is no problem.
    assert counts(tmp_index.sync([src])) == (0, 0, 0, 0, 0)


def test_a_sub_folder_that_turns_empty_is_an_ordinary_removal(tmp_index, src):
    tmp_index.sync([src])
    unmount(src / "a")
    assert counts(tmp_index.sync([src])) == (0, 0, 2, 2, 0)


def test_rebuild_from_a_folder_that_turned_empty_is_refused(tmp_index, src):
    tmp_index.sync([src])
    unmount(src)
    with pytest.raises(RebuildError, match=(
            rf"^cannot rebuild: {src}: folder is empty \(it held 4 files\); the live index "
            r"is unchanged; use --allow-empty to rebuild without them$")):
        tmp_index.rebuild()
    assert len(tmp_index) == 4
    assert counts(tmp_index.rebuild(allow_empty=True)) == (0, 0, 0, 0, 0)
    assert len(tmp_index) == 0


def test_index_command_on_a_folder_that_turned_empty(tmp_path, src):
    index = str(tmp_path / "ix")
    assert CliRunner().invoke(cli, ["index", str(src), "--index", index]).exit_code == 0
    unmount(src)
    result = CliRunner().invoke(cli, ["index", str(src), "--index", index])
    assert result.exit_code == 1
    assert result.output == (f"skipped {src}: {EMPTY}\n"
                             "0 files: 0 added, 0 updated, 0 removed, 0 unchanged, 1 failed\n")
    result = CliRunner().invoke(cli, ["index", str(src), "--allow-empty", "--index", index])
    assert (result.exit_code, result.output) == (
        0, "0 files: 0 added, 0 updated, 4 removed, 0 unchanged, 0 failed\n")
    assert len(docsearch.open(index)) == 0
