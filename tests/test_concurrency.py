"""Real processes: a second writer waits or fails naming the holder, a killed holder's
lock is cleared, a SIGKILLed indexing run loses nothing it committed, and readers
never fail while a writer or a rebuild works."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import docsearch
from docsearch.store import META_FILE

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and locks")

HOLD = """
import sys, time, docsearch
ix = docsearch.open(sys.argv[1], create=True)
with ix.batch():
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def make_docs(folder: Path, count: int) -> None:
    """``count`` small articles in subfolders; article n holds the word markerNNNNN."""
    for n in range(count):
        path = folder / f"part{n // 100:02d}" / f"report-{n:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# Council Report {n}\n\nThe marker{n:05d} committee met on Tuesday "
                        f"to discuss the harbour budget.\n", encoding="utf-8")


def docsearch_cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "docsearch", *args]


def hold_lock(index: Path, seconds: float) -> subprocess.Popen[str]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(index), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    return holder


def wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.02)


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    make_docs(folder, 20)
    return folder


def test_second_writer_fails_after_the_timeout_naming_the_holder(tmp_path, docs):
    index = tmp_path / "ix"
    with hold_lock(index, 30) as holder:
        started = time.monotonic()
        run = subprocess.run(docsearch_cli("index", str(docs), "--index", str(index),
                                           "--lock-timeout", "0.5"),
                             capture_output=True, text=True, timeout=60)
        waited = time.monotonic() - started
        holder.kill()
    assert run.returncode == 2 and run.stdout == ""
    assert waited >= 0.5
    pattern = (rf"Error: the index at {re.escape(str(index))} is being written by process "
               rf"{holder.pid} \(.+\) since \S+; gave up after waiting 0\.5 s "
               rf"\(wait longer with --lock-timeout\)\n")
    assert re.fullmatch(pattern, run.stderr), run.stderr


def test_second_writer_waits_for_the_first_to_finish(tmp_path, docs):
    index = tmp_path / "ix"
    with hold_lock(index, 1.5):
        run = subprocess.run(docsearch_cli("index", str(docs), "--index", str(index),
                                           "--json"), capture_output=True, text=True,
                             timeout=120)
    assert run.returncode == 0, run.stderr
    assert '"added": 20' in run.stdout


def test_a_lock_left_by_a_killed_writer_is_cleared(tmp_path, docs):
    index = tmp_path / "ix"
    with hold_lock(index, 60) as holder:
        holder.send_signal(signal.SIGKILL)
    assert (index / "writer.json").exists()  # what the killed writer left behind
    ix = docsearch.open(index, lock_timeout=0)
    report = ix.sync([docs])
    assert report.added == 20
    assert len(report.notes) == 1
    assert re.fullmatch(rf"cleared a lock left by process {holder.pid} \(.+\) since \S+, "
                        rf"which ended without releasing it", report.notes[0])
    assert ix.sync([docs]).notes == ()
    ix.close()


def test_sigkill_mid_run_keeps_every_commit_and_a_rerun_finishes(tmp_path):
    docs, index, total, batch = tmp_path / "docs", tmp_path / "ix", 3000, 200
    make_docs(docs, total)
    with subprocess.Popen(docsearch_cli("index", str(docs), "--index", str(index), "-q",
                                        "--batch-size", str(batch))) as run:
        try:
            wait_for(lambda: (index / META_FILE).exists())
            reader = docsearch.open(index)
            wait_for(lambda: len(reader) >= batch or run.poll() is not None)
        finally:
            run.send_signal(signal.SIGKILL)
    assert run.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    reader.close()

    ix = docsearch.open(index)
    committed = len(ix)
    assert 0 < committed < total and committed % batch == 0
    assert ix.search("marker*", per_page=1).total == committed
    for article in list(ix)[:: max(1, committed // 20)]:
        marker = re.search(r"marker\d{5}", article.body).group(0)
        assert [h.id for h in ix.search(marker).hits] == [article.id]
    health = ix.check()
    assert health.missing == ()  # the manifest never names an article the index lacks
    assert health.files <= committed
    ix.close()

    rerun = subprocess.run(docsearch_cli("index", str(docs), "--index", str(index), "--json"),
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    ix = docsearch.open(index)
    assert len(ix) == total
    assert ix.search("marker*", per_page=1).total == total
    assert ix.check().ok
    ix.close()


def test_readers_never_fail_while_a_writer_works(tmp_path):
    docs, index = tmp_path / "docs", tmp_path / "ix"
    make_docs(docs, 1500)
    docsearch.open(index, create=True).close()
    totals: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        with docsearch.open(index) as ix:
            while not stop.is_set():
                try:
                    totals.append(ix.search("committee", per_page=1).total)
                    ix.facets(["person", "date"])
                except BaseException as exc:  # noqa: BLE001 - any failure is the finding
                    errors.append(exc)

    thread = threading.Thread(target=read)
    thread.start()
    try:
        subprocess.run(docsearch_cli("index", str(docs), "--index", str(index), "-q",
                                     "--batch-size", "100"), check=True, timeout=300)
        subprocess.run(docsearch_cli("rebuild", "--index", str(index), "-q",
                                     "--batch-size", "100"), check=True, timeout=300)
    finally:
        stop.set()
        thread.join()
    assert errors == []
    # Commits only add, and the rebuild is swapped in whole: the count never drops.
    assert totals == sorted(totals) and totals[-1] == 1500


def test_a_rebuild_is_seen_by_an_index_opened_before_it(tmp_path, docs):
    index = tmp_path / "ix"
    ix = docsearch.open(index, create=True)
    ix.sync([docs])
    dropped = next(iter(ix)).id
    ix.delete(dropped)  # gone from the index, still on disk: a rebuild brings it back
    assert len(ix) == 19
    run = subprocess.run(docsearch_cli("rebuild", "--index", str(index), "--json"),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert '"added": 20' in run.stdout
    assert len(ix) == 20 and ix.get(dropped).id == dropped
    assert sorted(p.name for p in index.iterdir() if p.name.startswith("data")) == [
        "data", ix._store.live.name]  # the old generation waits out its grace period
    ix.close()


def test_a_failed_rebuild_leaves_the_live_index_alone(tmp_path, docs, monkeypatch):
    index = tmp_path / "ix"
    ix = docsearch.open(index, create=True)
    ix.sync([docs])
    live = ix._store.live.name

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr("docsearch.sync.commit", broken)
    with pytest.raises(OSError, match="disk full"):
        ix.rebuild()
    monkeypatch.undo()
    assert ix._store.live.name == live and len(ix) == 20
    assert sorted(p.name for p in index.iterdir() if p.name.startswith("data")) == ["data"]
    assert os.path.exists(index / "data" / "manifest.sqlite")
    ix.close()


def test_sigkill_during_a_rebuild_leaves_the_live_index_and_is_cleaned_up(tmp_path):
    docs, index = tmp_path / "docs", tmp_path / "ix"
    make_docs(docs, 2000)
    ix = docsearch.open(index, create=True)
    ix.sync([docs])
    live = ix._store.live.name
    with subprocess.Popen(docsearch_cli("rebuild", "--index", str(index), "-q",
                                        "--batch-size", "200")) as run:
        try:
            def building() -> bool:
                fresh = [p for p in index.glob("data-*") if (p / "manifest.sqlite").exists()]
                return bool(fresh) and any(p.suffix == ".seg" for p in fresh[0].iterdir())
            wait_for(lambda: building() or run.poll() is not None)
        finally:
            run.send_signal(signal.SIGKILL)
    assert run.returncode == -signal.SIGKILL, "the rebuild ended before it could be killed"
    assert len(list(index.glob("data-*"))) == 1  # the half-built generation
    assert ix.search("committee", per_page=1).total == 2000
    assert ix._store.live.name == live
    assert ix.sync([docs]).unchanged == 2000  # the next writer clears the leftover
    assert [p.name for p in index.iterdir() if p.name.startswith("data")] == ["data"]
    ix.close()


def test_killed_again_and_again_a_run_still_ends_complete(tmp_path):
    docs, index, total = tmp_path / "docs", tmp_path / "ix", 2000
    make_docs(docs, total)
    kills = 0
    for delay in (0.8, 1.1, 1.4, 1.7, 2.0):
        with subprocess.Popen(docsearch_cli("index", str(docs), "--index", str(index), "-q",
                                            "--batch-size", "150")) as run:
            time.sleep(delay)  # anywhere: reading, extracting, in a commit
            run.send_signal(signal.SIGKILL)
        kills += run.returncode == -signal.SIGKILL
        if not (index / META_FILE).exists():
            continue  # killed before the index was made
        with docsearch.open(index) as ix:  # opens after every kill
            assert ix.check().missing == ()
    assert kills >= 3
    final = subprocess.run(docsearch_cli("index", str(docs), "--index", str(index), "--json"),
                           capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    with docsearch.open(index) as ix:
        assert len(ix) == total
        assert ix.search("marker*", per_page=1).total == total
        assert ix.check().ok
