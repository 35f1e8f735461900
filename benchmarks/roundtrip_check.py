"""Export, then import into a fresh index: is Reuters-21578 the same on both sides?

    python benchmarks/roundtrip_check.py [--reuters DIR] [--workdir DIR]

Builds an index of the 21,578 documents (``docsearch.open(..., create=True).add``
with the articles of ``benchmarks/reuters.py``), exports it as JSON Lines, indexes
the export into a second index (``Index.sync``, as ``docsearch index`` does) and
compares the two:

- every field of every article (``Index.articles_by_id()``, people under the
  index's names included);
- every value of the person, topic, source and date (by day) facets and its count;
- the totals and hits (ids and scores) of a few searches; hits of equal score may
  come in another order (index order, which an import, in id order, does not keep).

Each difference is printed; the counts of differences are expected to be 0.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import DEFAULT, read_reuters  # noqa: E402

import docsearch  # noqa: E402

FACETS = ("person", "topic", "source", "date")
QUERIES = ("", "oil", "bank rates", "person:volcker", "coffee OR cocoa", '"trade deficit"')


def compare_articles(first: docsearch.Index, second: docsearch.Index) -> tuple[int, int]:
    """Articles compared and articles with any field different (each printed)."""
    before = {a.id: a for a in first.articles_by_id()}
    after = {a.id: a for a in second.articles_by_id()}
    differing = 0
    for article_id in sorted(before.keys() | after.keys()):
        old, new = before.get(article_id), after.get(article_id)
        if old != new:
            differing += 1
            if old is None or new is None:
                print(f"  {article_id}: only in the {'second' if old is None else 'first'}")
                continue
            fields = [f for f in old.to_dict() if old.to_dict()[f] != new.to_dict()[f]]
            if old.surnames != new.surnames:
                fields.append("surnames")
            print(f"  {article_id}: {', '.join(fields)} differ")
    return len(before), differing


def compare_facets(first: docsearch.Index, second: docsearch.Index) -> tuple[int, int]:
    """Facet values compared (all values of each facet) and values whose count differs."""
    a = first.facets(FACETS, date_facet="day", limit=None)
    b = second.facets(FACETS, date_facet="day", limit=None)
    compared = differing = 0
    for name in FACETS:
        old = {v.value: v.count for v in a[name]}
        new = {v.value: v.count for v in b[name]}
        for value in sorted(old.keys() | new.keys(), key=str):
            compared += 1
            if old.get(value) != new.get(value):
                differing += 1
                print(f"  {name} {value!r}: {old.get(value)} != {new.get(value)}")
    return compared, differing


def compare_searches(first: docsearch.Index, second: docsearch.Index) -> tuple[int, int]:
    """Searches whose totals or hits (ids and scores, every page) differ, and searches
    whose hits differ only in the order of hits of equal score (ties are in index
    order, and an import holds the articles in id order)."""
    differing = ties = 0
    for query in QUERIES:
        total_a, hits_a = _every_hit(first, query)
        total_b, hits_b = _every_hit(second, query)
        if (total_a, _by_score(hits_a)) != (total_b, _by_score(hits_b)):
            differing += 1
            print(f"  search {query!r}: {total_a} and {total_b} hits, or other scores")
        elif hits_a != hits_b:
            ties += 1
    return differing, ties


def _every_hit(index: docsearch.Index, query: str) -> tuple[int, list[tuple[str, float | None]]]:
    hits: list[tuple[str, float | None]] = []
    page = 1
    while True:
        results = index.search(query, page=page, per_page=1000, facets=(), snippets=False)
        hits += [(h.id, h.score) for h in results.hits]
        if page >= results.pages:
            return results.total, hits
        page += 1


def _by_score(hits: list[tuple[str, float | None]]) -> list[tuple[float, str]]:
    """Hits as (score, id), best first and by id among equal scores (rounded to 9
    places: sums of the same terms in another order)."""
    return sorted((-round(score or 0.0, 9), article_id) for article_id, score in hits)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="Build the indexes here (default: a temporary folder).")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.workdir or Path(scratch)
        started = time.perf_counter()
        first = docsearch.open(work / "first", create=True)
        first.add(article for article, _ in read_reuters(args.reuters))
        export = work / "export.jsonl"
        exported = first.export(export)
        second = docsearch.open(work / "second", create=True)
        report = second.sync([export])
        print(f"exported {exported} articles; imported {report.added} "
              f"({len(report.failed)} failed) in {time.perf_counter() - started:.0f} s")
        articles, differing = compare_articles(first, second)
        print(f"articles compared: {articles}; with any field different: {differing}")
        values, counts = compare_facets(first, second)
        print(f"facet values compared ({', '.join(FACETS)}; date by day): {values}; "
              f"counts different: {counts}")
        searches, ties = compare_searches(first, second)
        print(f"searches compared: {len(QUERIES)}; different: {searches}; same hits and "
              f"scores but equal scores in another order: {ties}")
        first.close()
        second.close()
    return 0 if not (differing or counts or searches or report.failed) else 1


if __name__ == "__main__":
    sys.exit(main())
