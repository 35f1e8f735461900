"""What the ten snippets of a page cost, CPU time in the process, on a collection in
the standard layout (see benchmarks/relevance.py).

    python benchmarks/snippet_speed.py COLLECTION [--index FOLDER] [--pages 3] [--repeat 3]

Each query of the collection (plain words, ``match="any"``) gives its first
``--pages`` pages of 10 hits; their bodies are read once, before any timing. Then
``make_snippet`` is timed on each page's ten bodies (the query's terms as the words),
CPU milliseconds a page (``time.process_time``): "first pass" is the first time
each page is snipped in this process (the analysis cache holds only the words of
the queries and of the pages before); "new bodies" the later passes, the remembered
bodies forgotten before each page; "remembered bodies" the same pages again without
forgetting them. ``--index`` keeps the index built (or opens it when it exists).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from relevance import build_dated_index, load

import docsearch
from docsearch import analysis
from docsearch.search import snippets

#: A page: the query's words and its hits' bodies.
Page = tuple[frozenset[str], list[str]]


def pages_of(ix: docsearch.Index, queries: list[str], count: int) -> list[Page]:
    out = []
    for query in queries:
        words = frozenset(analysis.terms(query))
        for page in range(1, count + 1):
            hits = ix.search(query, match="any", plain=True, facets=(), snippets=False,
                             page=page).hits
            if hits:
                out.append((words, [ix.get(h.id).body for h in hits]))
    return out


def timed(pages: list[Page], forget: bool) -> list[float]:
    """Each page's CPU milliseconds for its snippets."""
    out = []
    for words, bodies in pages:
        if forget:
            snippets._read.cache_clear()
        used = time.process_time()
        for body in bodies:
            snippets.make_snippet(body, words)
        out.append((time.process_time() - used) * 1000)
    return out


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(round(0.95 * (len(ordered) - 1)))]


def rows(pages: list[Page], repeat: int) -> list[tuple[str, list[float]]]:
    first = timed(pages, forget=True)
    new: list[float] = []
    for _ in range(repeat):
        new += timed(pages, forget=True)
    remembered: list[float] = []
    timed(pages[:200], forget=False)  # the last bodies stay remembered
    for _ in range(repeat):
        for at in range(0, len(pages), 20):  # at most 200 bodies between two passes
            chunk = pages[at:at + 20]
            timed(chunk, forget=False)
            remembered += timed(chunk, forget=False)
    return [("first pass", first), ("new bodies", new), ("remembered bodies", remembered)]


def with_index(args: argparse.Namespace, run: Callable[[docsearch.Index], None]) -> None:
    collection = load(args.collection)
    if args.index is not None and args.index.exists():
        with docsearch.open(args.index) as ix:
            run(ix)
        return
    with tempfile.TemporaryDirectory(prefix="docsearch-snippets-") as tmp:
        ix = build_dated_index(collection, args.index or Path(tmp) / "ix")
        try:
            run(ix)
        finally:
            ix.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collection", type=Path)
    parser.add_argument("--index", type=Path, help="where to keep the index built")
    parser.add_argument("--pages", type=int, default=3, help="pages of 10 hits per query")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    queries = [text for _, text in load(args.collection).queries]

    def run(ix: docsearch.Index) -> None:
        pages = pages_of(ix, queries, args.pages)
        print(f"| {len(pages)} pages | p50 ms | p95 ms |\n|---|---:|---:|")
        for name, values in rows(pages, args.repeat):
            p50, p95 = percentiles(values)
            print(f"| {name} | {p50:.2f} | {p95:.2f} |")

    with_index(args, run)
    return 0


if __name__ == "__main__":
    sys.exit(main())
