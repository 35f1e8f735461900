"""What the query language's ``date:`` and ``-word`` give on Reuters-21578, beside
what they must equal: ``date:`` clauses the same search with ``since``/``until``,
``oil -gas`` the same as ``oil NOT gas``.

Usage: ``python benchmarks/query_checks.py [--index PATH] [--reuters DIR]``.
Without ``--index`` the collection is indexed into a temporary folder (about a
minute); with it, an index already holding Reuters-21578 is used, or one is built
there if the folder holds none. Exits 1 when a pair differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from person_checks import open_reuters  # noqa: E402
from reuters import DEFAULT  # noqa: E402

import docsearch  # noqa: E402

#: (query, options of the search it must equal, that search described), in table order;
#: ``oil gas`` is shown for scale (the articles ``-gas`` leaves out).
CHECKS: list[tuple[str, dict[str, str] | None, str]] = [
    ("date:[1987-03-01 to 1987-03-31]", {"since": "1987-03-01", "until": "1987-03-31"},
     "--since 1987-03-01 --until 1987-03-31"),
    ("date:>1987-06-01", {"since": "1987-06-02"}, "--since 1987-06-02"),
    ("date:<1987-03-01", {"until": "1987-02-28"}, "--until 1987-02-28"),
    ("oil -gas", {"query": "oil NOT gas"}, "oil NOT gas"),
    ("oil gas", None, ""),
]


def total(ix: docsearch.Index, query: str = "", since: str | None = None,
          until: str | None = None) -> int:
    return ix.search(query, since=since, until=until, per_page=1, facets=(),
                     snippets=False).total


def table(ix: docsearch.Index) -> tuple[list[tuple[str, int, str, int | None]], bool]:
    """Each check's query and total, beside its twin and total; whether all agree."""
    rows: list[tuple[str, int, str, int | None]] = []
    for query, options, twin in CHECKS:
        found = total(ix, query)
        if options is None:
            rows.append((query, found, twin, None))
            continue
        rows.append((query, found, twin, total(ix, options.get("query", ""),
                                               options.get("since"), options.get("until"))))
    return rows, all(b is None or a == b for _, a, _, b in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="an index of Reuters-21578 (built if empty)")
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        ix = open_reuters(args.index or Path(scratch) / "index", args.reuters)
        try:
            rows, agree = table(ix)
        finally:
            ix.close()
    width = max(len(q) for q, *_ in rows)
    twin_width = max(len(t) for _, _, t, _ in rows)
    print(f"{'query':<{width}}  {'total':>6}  {'must equal':<{twin_width}}  {'total':>6}")
    for query, found, twin, expected in rows:
        if expected is None:
            print(f"{query:<{width}}  {found:>6,}")
            continue
        mark = "" if found == expected else "  DIFFERENT"
        print(f"{query:<{width}}  {found:>6,}  {twin:<{twin_width}}  {expected:>6,}{mark}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
