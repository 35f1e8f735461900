"""``watch``: files that appear, change or go are synced; stopping is clean."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import docsearch
from tests.test_concurrency import docsearch_cli, wait_for


def note(folder: Path, name: str, word: str) -> Path:
    path = folder / name
    path.write_text(f"# Notice {word}\n\nThe {word} depot reopens on Monday.\n",
                    encoding="utf-8")
    return path


def test_watch_syncs_each_burst_of_changes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    note(docs, "first.md", "Alderwick")
    ix = docsearch.open(tmp_path / "ix", create=True)
    stop = threading.Event()
    reports: queue.Queue[docsearch.IndexReport] = queue.Queue()

    def run() -> None:
        for report in ix.watch([docs], debounce_ms=200, stop_event=stop):
            reports.put(report)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        def next_counts() -> tuple[int, int, int]:
            report = reports.get(timeout=30)
            return report.added, report.updated, report.removed

        assert next_counts() == (1, 0, 0)  # the sync at the start
        note(docs, "second.md", "Bramblecote")
        note(docs, "ignored.xyz", "Nowhere")
        assert next_counts() == (1, 0, 0)
        path = note(docs, "first.md", "Cresthaven")
        st = path.stat()
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
        assert next_counts() == (0, 1, 0)
        (docs / "second.md").unlink()
        assert next_counts() == (0, 0, 1)
    finally:
        stop.set()
        thread.join(timeout=30)
    assert not thread.is_alive()
    assert [h.title for h in ix.search("depot").hits] == ["Notice Cresthaven"]
    ix.close()


def ctrl_c_heard() -> None:
    """In the watcher's process, before it starts: SIGINT handled as a terminal's Ctrl-C.
    A job a shell starts in the background without job control (``cmd &`` in a script,
    as CI runners may) starts with SIGINT ignored and its children inherit that; Python
    then raises no KeyboardInterrupt and the watcher never stops."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def watch_one_arrival(tmp_path: Path, *options: str) -> tuple[int, str, str, Path]:
    """Run `docsearch watch` on an empty folder, add one file, wait for it to be
    indexed, press Ctrl-C; the exit status, stdout, stderr and the folder."""
    docs, index = tmp_path / "docs", tmp_path / "ix"
    docs.mkdir()
    with subprocess.Popen(docsearch_cli("watch", str(docs), "--index", str(index),
                                        "--debounce", "100", *options),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          preexec_fn=ctrl_c_heard) as run:
        try:
            wait_for(lambda: (index / "docsearch.json").exists())
            reader = docsearch.open(index)
            wait_for(lambda: reader.stats().last_sync is not None)
            note(docs, "arrived.md", "Dunmarrow")
            wait_for(lambda: reader.search("Dunmarrow").total == 1)
            time.sleep(0.2)
            run.send_signal(signal.SIGINT)
            out, err = run.communicate(timeout=30)
        finally:
            if run.poll() is None:  # a watcher that did not stop fails the test, and
                run.kill()          # leaving the block must not wait for it forever
    reader.close()
    return run.returncode, out, err, docs


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_watch_command_stops_cleanly_on_ctrl_c(tmp_path):
    code, out, err, docs = watch_one_arrival(tmp_path)
    assert code == 0
    assert err.splitlines()[0] == f"watching {docs} (Ctrl-C stops)"
    assert err.splitlines()[-1] == "stopped"
    assert "Traceback" not in err
    lines = out.splitlines()
    assert lines[0].endswith(" 0 files: 0 added, 0 updated, 0 removed, 0 unchanged, 0 failed")
    assert lines[1].endswith(" 1 file: 1 added, 0 updated, 0 removed, 0 unchanged, 0 failed")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_watch_jsonl_prints_one_report_object_a_line(tmp_path):
    code, out, _, _ = watch_one_arrival(tmp_path, "--jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [set(r) for r in records] == [{"time", "files", "added", "updated", "removed",
                                          "unchanged", "failed"}] * 2
    assert [(r["files"], r["added"]) for r in records] == [(0, 0), (1, 1)]
    assert all(dt.datetime.fromisoformat(r["time"]).tzinfo for r in records)


def test_an_index_inside_the_watched_folder_does_not_trigger_syncs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    note(docs, "first.md", "Alderwick")
    ix = docsearch.open(docs / "index", create=True)
    stop = threading.Event()
    reports: queue.Queue[docsearch.IndexReport] = queue.Queue()

    def run() -> None:
        for report in ix.watch([docs], debounce_ms=100, stop_event=stop):
            reports.put(report)

    thread = threading.Thread(target=run)
    thread.start()
    try:
        assert reports.get(timeout=30).added == 1
        with pytest.raises(queue.Empty):  # the sync's own writes are not changes
            reports.get(timeout=1.5)
        note(docs, "second.md", "Bramblecote")
        assert reports.get(timeout=30).added == 1
    finally:
        stop.set()
        thread.join(timeout=30)
    ix.close()
