"""Reading and extraction in worker processes give exactly what one process gives."""

from __future__ import annotations

import pickle
import threading
from pathlib import Path

import pytest

import docsearch
import docsearch.parallel
from docsearch import Article, ParseError
from docsearch.parallel import MIN_ITEMS, ordered_map

NAMES = ["Ilse Varnholt", "Tomas Brandvik", "Mira Castellane", "Oren Haldane", "Ada Lind"]


def make_files(folder: Path, count: int) -> None:
    for n in range(count):
        path = folder / f"d{n // 50}" / f"note-{n:04d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        name = NAMES[n % len(NAMES)]
        path.write_text(f"# Harbour Report {n}\n\nMinister {name} said on Tuesday that the "
                        f"harbour budget for item{n:04d} would rise. {name.split()[1]} "
                        f"spoke to reporters.\n", encoding="utf-8")
    (folder / "d0" / "broken.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")


def snapshot(ix: docsearch.Index) -> list[tuple]:
    return sorted((a.id, a.title, a.people, a.topics, a.path, a.content_hash) for a in ix)


def build(tmp_path: Path, docs: Path, workers: str, monkeypatch: pytest.MonkeyPatch,
          name: str) -> tuple[docsearch.IndexReport, list[tuple]]:
    monkeypatch.setenv("DOCSEARCH_WORKERS", workers)
    ix = docsearch.open(tmp_path / name, create=True)
    report = ix.sync([docs])
    result = (report, snapshot(ix))
    ix.close()
    return result


def test_sync_on_two_workers_equals_one(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    make_files(docs, MIN_ITEMS + 50)
    one, one_docs = build(tmp_path, docs, "1", monkeypatch, "one")
    two, two_docs = build(tmp_path, docs, "2", monkeypatch, "two")
    assert (two.added, two.files) == (MIN_ITEMS + 50, MIN_ITEMS + 51)
    assert [(e.path, e.reason) for e in two.failed] == [(e.path, e.reason) for e in one.failed]
    assert [e.reason for e in two.failed] == ["binary file, not text"]
    assert two_docs == one_docs
    assert {p for row in two_docs for p in row[2]} == set(NAMES)


def test_add_on_two_workers_equals_one(tmp_path, monkeypatch):
    articles = [Article(id=f"a{n}", title=f"Ferry Report {n}",
                        body=f"Harbour master {NAMES[n % 5]} said the ferry sails at {n}.")
                for n in range(MIN_ITEMS + 30)]
    results = []
    for workers in ("1", "2"):
        monkeypatch.setenv("DOCSEARCH_WORKERS", workers)
        ix = docsearch.open(tmp_path / f"ix{workers}", create=True)
        assert ix.add(iter(articles)) == len(articles)
        results.append(snapshot(ix))
        ix.close()
    assert results[0] == results[1]


def test_workers_start_safely_while_other_threads_run(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    make_files(docs, MIN_ITEMS + 10)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        report, _ = build(tmp_path, docs, "2", monkeypatch, "threads")
    finally:
        stop.set()
        other.join()
    assert report.added == MIN_ITEMS + 10


def test_small_jobs_stay_in_process(monkeypatch):
    monkeypatch.setenv("DOCSEARCH_WORKERS", "2")
    started = []
    monkeypatch.setattr(docsearch.parallel, "_context",
                        lambda: started.append(1) or pytest.fail("no pool for small jobs"))
    assert list(ordered_map(abs, range(-5, 5))) == [5, 4, 3, 2, 1, 0, 1, 2, 3, 4]
    assert started == []


def test_results_keep_their_order_across_windows(monkeypatch):
    monkeypatch.setenv("DOCSEARCH_WORKERS", "2")
    monkeypatch.setattr(docsearch.parallel, "WINDOW", 64)
    items = list(range(1000))
    assert list(ordered_map(abs, items)) == items


def test_windows_are_read_ahead_while_one_is_handed_back(monkeypatch):
    # The workers go on while the caller is busy with the results (an index commit, say):
    # AHEAD windows beyond the one being handed back are submitted, and no more.
    monkeypatch.setenv("DOCSEARCH_WORKERS", "2")
    monkeypatch.setattr(docsearch.parallel, "WINDOW", 250)
    pulled = []

    def source():
        for n in range(2000):
            pulled.append(n)
            yield n

    results = ordered_map(abs, source())
    assert next(results) == 0
    assert len(pulled) == (docsearch.parallel.AHEAD + 1) * 250 == 750
    assert list(results) == list(range(1, 2000))


def test_parse_errors_cross_process_boundaries():
    error = pickle.loads(pickle.dumps(ParseError("docs/a.md", "empty file")))
    assert (error.path, error.reason, str(error)) == ("docs/a.md", "empty file",
                                                      "docs/a.md: empty file")


def test_the_pool_keeper_does_not_wake_for_every_result(monkeypatch):
    # multiprocessing.Pool's keeper thread (it restarts workers that died) waits on the
    # results pipe too, so it woke up and polled every worker while any result was
    # waiting to be read: ~230,000 times for Reuters' 21,578 articles, 3 CPU s of the
    # writing process. It waits for a worker's exit or the pool's end only.
    import multiprocessing.pool

    wakes = []
    wait = multiprocessing.pool.Pool._wait_for_updates

    def counted(sentinels, change_notifier, timeout=None):
        wakes.append(1)
        return wait(sentinels, change_notifier, timeout)

    monkeypatch.setattr(multiprocessing.pool.Pool, "_wait_for_updates", staticmethod(counted))
    monkeypatch.setenv("DOCSEARCH_WORKERS", "2")
    monkeypatch.setattr(docsearch.parallel, "WINDOW", 100)
    items = list(range(3000))
    assert list(ordered_map(abs, items)) == items
    assert len(wakes) <= len(items) // 100 + 2  # at most when a window ends (none left)
