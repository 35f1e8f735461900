"""Progress of long commands: a line redrawn on a terminal, nothing elsewhere."""

from __future__ import annotations

import io

from click.testing import CliRunner
from conftest import SAMPLE_DOCS

from docsearch.cli import cli
from docsearch.output import ProgressLine, render_progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_line_text():
    assert render_progress("indexing", 0, 10, 0.0, 0) == "indexing 0/10 files"
    assert render_progress("indexing", 1234, 21578, 4.6, 2) == \
        "indexing 1,234/21,578 files · 268 files/s · ETA 1:16 · 2 failed"
    assert render_progress("rebuilding", 10, 10, 2.0, 0) == "rebuilding 10/10 files · 5 files/s"
    assert render_progress("indexing", 1, 10_000, 1.0, 0) == \
        "indexing 1/10,000 files · 1 files/s · ETA 2:46:39"


def test_progress_line_redraws_in_place_throttled_and_clears():
    now = [0.0]
    stream = Terminal()
    line = ProgressLine("indexing", stream, clock=lambda: now[0])
    for done in range(1, 6):
        now[0] = done * 0.04  # 25 updates a second: only some are drawn
        line("a.md", done, 10, 0)
    now[0] = 1.0
    line("z.md", 10, 10, 1)  # the last one always is
    line.close()
    drawn = stream.getvalue().split("\r")
    assert drawn[0] == ""
    assert drawn[1:] == ["indexing 1/10 files · 25 files/s · ETA 0:00\x1b[K",   # at 0.04 s
                         "indexing 4/10 files · 25 files/s · ETA 0:00\x1b[K",   # at 0.16 s
                         "indexing 10/10 files · 10 files/s · 1 failed\x1b[K",
                         "\x1b[K"]


def test_no_progress_when_not_a_terminal_or_quiet():
    plain = io.StringIO()
    line = ProgressLine("indexing", plain)
    line("a.md", 1, 1, 0)
    line.close()
    assert plain.getvalue() == ""
    quiet = Terminal()
    line = ProgressLine("indexing", quiet, enabled=False)
    line("a.md", 1, 1, 0)
    line.close()
    assert quiet.getvalue() == ""


def test_sync_reports_each_file_with_failures_so_far(tmp_index, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.md").write_text("# Ferry returns\n\nThe ferry is back.\n")
    (folder / "b.jsonl").write_text("not json\n")
    (folder / "c.txt").write_text("Tram works\n\nThe tram line is shut.\n")
    calls = []
    report = tmp_index.sync([folder], progress=lambda *args: calls.append(args))
    assert [(p.rsplit("/", 1)[-1], done, total, failed) for p, done, total, failed in calls] \
        == [("a.md", 1, 3, 0), ("b.jsonl", 2, 3, 1), ("c.txt", 3, 3, 1)]
    assert len(report.failed) == 1


def test_cli_output_off_a_terminal_is_only_the_summary(tmp_path):
    result = CliRunner().invoke(cli, ["index", str(SAMPLE_DOCS), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    assert result.output == "30 files: 35 added, 0 updated, 0 removed, 0 unchanged, 0 failed\n"
