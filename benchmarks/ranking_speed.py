"""What the search-quality features cost per query: proximity, recency, snippets,
did-you-mean and more-like-this, on a collection in the standard layout (see
benchmarks/relevance.py), as a user sees them (10 hits a page).

    python benchmarks/ranking_speed.py COLLECTION [--repeat 3] [--similar 50]

Each query of the collection is run (as plain words, ``match="any"`` and, for the
typed-query rows, ``match="all"`` as people type them) once to warm up, then
``--repeat`` times, timed; the table gives the median and 95th percentile over
all runs, in milliseconds. The misspelt queries are the collection's queries with
one letter dropped from the middle of their longest word. The long queries are
pasted text: the first ``--long-words`` words (30) of as many documents as there
are queries, spread over the collection, run as the short ones (``match="any"``,
plain words); the "first run" row is as many other stories' words, each run once
and timed then, with nothing of it remembered yet but what the rows before read.
No facets are counted, to time the ranking itself. Each row also gives the median
CPU time of the process per call (``time.process_time``): on a loaded machine the
wall time of a call also holds the time other processes ran.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from relevance import build_dated_index, load

from docsearch import Index, Ranking


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


#: Each call's wall and CPU milliseconds.
Times = tuple[list[float], list[float]]


def timed(calls: list[Callable[[], object]], repeat: int) -> Times:
    for call in calls:
        call()  # warm: caches of this index state
    return first_runs(calls * repeat)


def misspelt(text: str) -> str:
    words = text.split()
    if not words:
        return text
    longest = max(range(len(words)), key=lambda i: len(words[i]))
    word = words[longest]
    if len(word) > 4:
        middle = len(word) // 2
        words[longest] = word[:middle] + word[middle + 1:]
    return " ".join(words)


def first_runs(calls: list[Callable[[], object]]) -> Times:
    """Each call run once, timed (wall and CPU)."""
    wall, cpu = [], []
    for call in calls:
        start, used = time.perf_counter(), time.process_time()
        call()
        cpu.append((time.process_time() - used) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def pasted(docs: list[dict[str, str]], count: int, words: int, shift: int = 0) -> list[str]:
    """The first ``words`` words of ``count`` documents' text spread over ``docs``
    (those with that many words), as a reader would paste them; ``shift``: the
    documents that many places after those."""
    long = [d["text"].split()[:words] for d in docs if len(d["text"].split()) >= words]
    step = max(1, len(long) // max(1, count))
    return [" ".join(text) for text in long[shift::step][:count]]


def rows(ix: Index, queries: list[str], ids: list[str], repeat: int,
         long: Sequence[str] = (), fresh: Sequence[str] = ()) -> list[tuple[str, ...]]:
    plain = Ranking(proximity=0)
    recent = Ranking(recency_days=30)
    quick: dict[str, Any] = {"match": "any", "plain": True, "facets": (), "snippets": False}
    cases: list[tuple[str, list[Callable[[], object]]]] = [
        ("BM25F only (proximity 0), no snippets",
         [partial(ix.search, q, **quick, ranking=plain) for q in queries]),
        ("defaults (proximity 2), no snippets",
         [partial(ix.search, q, **quick) for q in queries]),
        (f"long pasted queries ({len(long[0].split()) if long else 0} words), defaults, "
         "no snippets", [partial(ix.search, q, **quick) for q in long]),
        ("long pasted queries, first run", [partial(ix.search, q, **quick) for q in fresh]),
        ("defaults + recency 30 days, no snippets",
         [partial(ix.search, q, **quick, ranking=recent) for q in queries]),
        ("defaults, with snippets",
         [partial(ix.search, q, match="any", plain=True, facets=()) for q in queries]),
        ("misspelt, all words (did you mean)",
         [partial(ix.search, misspelt(q), facets=(), snippets=False) for q in queries]),
        ("similar (more like this), with snippets",
         [partial(ix.similar, i) for i in ids]),
    ]
    out: list[tuple[str, ...]] = []
    for name, calls in cases:
        if not calls:
            continue
        times, cpu = first_runs(calls) if name.endswith("first run") else timed(calls, repeat)
        p50, p95 = percentiles(times)
        out.append((name, str(len(calls)), f"{p50:.1f}", f"{p95:.1f}",
                    f"{statistics.median(cpu):.2f}"))
        print(f"  {name}: p50 {p50:.1f} ms", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collection", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--similar", type=int, default=50, help="articles for similar()")
    parser.add_argument("--long-words", type=int, default=30,
                        help="words of each long pasted query (0: no long queries)")
    args = parser.parse_args(argv)
    collection = load(args.collection)
    queries = [text for _, text in collection.queries]
    step = max(1, len(collection.docs) // args.similar)
    ids = [d["doc_id"] for d in collection.docs[::step]][:args.similar]
    with tempfile.TemporaryDirectory(prefix="docsearch-speed-") as tmp:
        started = time.perf_counter()
        ix = build_dated_index(collection, Path(tmp) / "ix")
        print(f"{collection.name}: {len(collection.docs):,} documents indexed in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
        long, fresh = ([pasted(collection.docs, len(queries), args.long_words, shift)
                        for shift in (0, 1)] if args.long_words else ([], []))
        table = rows(ix, queries, ids, args.repeat, long, fresh)
        ix.close()
    print("| case | queries | p50 ms | p95 ms | CPU p50 ms |\n|---|---:|---:|---:|---:|")
    for row in table:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
