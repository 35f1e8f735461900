"""Evaluate topic classification on three sets and print one table.

* ``eval``: ``tests/data/topics/eval.jsonl``, short hand-written articles, one main topic each;
* ``sample``: ``sample_docs/`` with the main topics of ``tests/data/sample_truth.json``;
* ``reuters``: Reuters-21578 (docs with a non-empty BODY); nearly all are business news, so
  "hit" and "top-1" there mean "economy, business and finance" among / first of the topics.

Usage: ``python benchmarks/topics_eval.py [--reuters DIR] [--taxonomy FILE] [--misses]``
(``--misses`` lists the eval and sample documents whose main topic was not first).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docsearch.extract.topics import Taxonomy, default_taxonomy, load_taxonomy  # noqa: E402
from docsearch.readers import read_file  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from reuters import read_reuters  # noqa: E402

ECONOMY = "economy, business and finance"


def eval_set() -> list[tuple[str, str, str]]:
    """(title, body, main topic) of the hand-written evaluation set."""
    lines = (ROOT / "tests/data/topics/eval.jsonl").read_text("utf-8").splitlines()
    return [(d["title"], d["body"], d["topic"]) for d in map(json.loads, filter(None, lines))]


def sample_set() -> list[tuple[str, str, str]]:
    """(title, body, main topic) of the sample documents; ``file#n`` is the n-th record."""
    truth = json.loads((ROOT / "tests/data/sample_truth.json").read_text("utf-8"))
    docs = []
    for key, info in truth.items():
        name, _, number = key.partition("#")
        articles = read_file(ROOT / "sample_docs" / name, ROOT / "sample_docs").articles
        article = articles[int(number or 1) - 1]
        docs.append((article.title, article.body, info["topic"]))
    return docs


def reuters_set(folder: Path) -> list[tuple[str, str, str]]:
    """(title, body, ECONOMY) of every Reuters-21578 story with a non-empty body."""
    return [(article.title, article.body, ECONOMY)
            for article, _ in read_reuters(folder) if article.body]


def measure(taxonomy: Taxonomy, docs: list[tuple[str, str, str]]) -> dict[str, float]:
    """Top-1 accuracy, hit rate, mean topics, share with none, docs per second."""
    start = time.perf_counter()
    results = [taxonomy.classify(title, body) for title, body, _ in docs]
    seconds = time.perf_counter() - start
    n = len(docs)
    return {
        "n": n,
        "top1": sum(bool(r) and r[0] == d[2] for r, d in zip(results, docs, strict=True)) / n,
        "hit": sum(d[2] in r for r, d in zip(results, docs, strict=True)) / n,
        "mean": sum(map(len, results)) / n,
        "none": sum(not r for r in results) / n,
        "rate": n / seconds if seconds else float("inf"),
    }


def print_misses(taxonomy: Taxonomy, name: str, docs: list[tuple[str, str, str]]) -> None:
    for title, body, topic in docs:
        got = taxonomy.classify(title, body)
        if not got or got[0] != topic:
            print(f"  [{name}] {title[:60]!r}: want {topic!r}, got {got}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=ROOT / "../shared/corpora/reuters21578")
    parser.add_argument("--taxonomy", type=Path, help="a taxonomy TOML (default: the bundled one)")
    parser.add_argument("--misses", action="store_true", help="list wrongly ranked documents")
    args = parser.parse_args()
    taxonomy = load_taxonomy(args.taxonomy) if args.taxonomy else default_taxonomy()

    sets = {"eval": eval_set(), "sample": sample_set()}
    if any(args.reuters.glob("reut2-*.sgm.gz")):
        sets["reuters"] = reuters_set(args.reuters)
    else:
        print(f"Reuters-21578 not found under {args.reuters}: skipping that set")
    taxonomy.classify("warm up", "warm up the stemmer cache")

    print(f"{'set':<8} {'docs':>6} {'top-1':>6} {'hit':>6} {'topics':>7} {'none':>6} "
          f"{'docs/s':>8}")
    for name, docs in sets.items():
        m = measure(taxonomy, docs)
        print(f"{name:<8} {m['n']:>6} {m['top1']:>6.3f} {m['hit']:>6.3f} {m['mean']:>7.2f} "
              f"{m['none']:>6.3f} {m['rate']:>8.0f}")
    if args.misses:
        for name in ("eval", "sample"):
            print_misses(taxonomy, name, sets[name])


if __name__ == "__main__":
    main()
