"""What ``--person SURNAME`` gives for the most mentioned people of Reuters-21578.

For each of the ``--top`` people with the most articles (60 by default) it prints
the surname (the name's last word), every person of the index whose name ends in
it with their articles, what the rule of before this check gave (a surname found
a person only when exactly one name ended in it) and what ``--person SURNAME``
gives now: the number of articles and whose they are, or the ambiguity error.
A summary line and the total of ``--person Reagan`` follow.

Usage: ``python benchmarks/person_checks.py [--index PATH] [--reuters DIR] [--top N]``.
Without ``--index`` the collection is indexed into a temporary folder (about a
minute); with it, an index already holding Reuters-21578 is used, or one is built
there if the folder holds none.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docsearch  # noqa: E402
from docsearch.extract.people import fold  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from reuters import DEFAULT, read_reuters  # noqa: E402


def open_reuters(path: Path, folder: Path = DEFAULT) -> docsearch.Index:
    """The index at ``path``, built from Reuters-21578 first if it holds nothing."""
    ix = docsearch.open(path, create=True)
    if not ix.stats().documents:
        ix.add(article for article, _ in read_reuters(folder))
    return ix


def people_counts(ix: docsearch.Index) -> dict[str, int]:
    """Every person of the index with their articles, most first."""
    return {v.value: v.count for v in ix.facets(["person"], limit=None)["person"]
            if v.value is not None}


def candidates(counts: dict[str, int], surname: str) -> dict[str, int]:
    """The people whose name ends in ``surname`` (or is it)."""
    key = fold(surname)
    return {name: n for name, n in counts.items()
            if fold(name) == key or fold(name).endswith(" " + key)}


def before(counts: dict[str, int], found: dict[str, int], surname: str) -> int:
    """What the former rule gave: the exact value, else the one name ending in it."""
    exact = [n for name, n in found.items() if fold(name) == fold(surname)]
    if exact:
        return exact[0]
    return next(iter(found.values())) if len(found) == 1 else 0


def now(ix: docsearch.Index, surname: str) -> tuple[str, int | None]:
    """What ``--person SURNAME`` gives: (whom, articles), or (the error, None)."""
    try:
        results = ix.search(people=[surname], facets=["person"], facet_limit=1, per_page=1,
                            snippets=False)
    except docsearch.AmbiguousPersonError as exc:
        return str(exc), None
    chosen = [v.value or "" for v in results.facets["person"] if v.selected]
    return ", ".join(chosen) or "nobody", results.total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index of Reuters-21578 (built if empty)")
    parser.add_argument("--reuters", type=Path, default=DEFAULT, help="Reuters-21578 folder")
    parser.add_argument("--top", type=int, default=60, help="how many people (default 60)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        path = args.index or Path(scratch) / "index"
        with open_reuters(path, args.reuters) as ix:
            report(ix, args.top)
    return 0


def report(ix: docsearch.Index, top: int) -> None:
    counts = people_counts(ix)
    resolving = ambiguous = zero = 0
    for person in list(counts)[:top]:
        surname = person.split()[-1]
        found = candidates(counts, surname)
        listed = ", ".join(f"{name} ({n})" for name, n in found.items())
        whom, total = now(ix, surname)
        print(f"{person} ({counts[person]}) -> --person {surname}")
        print(f"    candidates: {listed}")
        if total is None:
            ambiguous += 1
            print(f"    before: {before(counts, found, surname)}   now: error: {whom}")
            continue
        resolving += total > 0
        zero += total == 0
        print(f"    before: {before(counts, found, surname)}   now: {total} ({whom})")
    print(f"surnames resolving: {resolving} of {min(top, len(counts))}, "
          f"ambiguous: {ambiguous}, zero: {zero}")
    whom, total = now(ix, "Reagan")
    print(f"--person Reagan: {total if total is not None else 'error'} ({whom})")


if __name__ == "__main__":
    raise SystemExit(main())
