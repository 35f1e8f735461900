"""The people extractor's cost at two commits: instructions and docs/s, in one run.

Timings on a shared VM swing by 20 % from minute to minute, so a change's speed is measured
two ways, each comparing the working tree with a base commit (a temporary ``git worktree``):

- **instructions**: ``valgrind --tool=callgrind`` counts the instructions of
  ``find_people(title, body, sections)`` over ``--docs`` Reuters stories (a seeded sample;
  the count of a run with no stories, the start-up, is taken away). The count hardly moves
  between runs, so small changes show (left out, with a line saying so, without valgrind);
- **docs/s**: ``--pairs`` runs of each tree over all Reuters stories, alternating, process
  time of one core.

Usage: ``python benchmarks/extract_cost.py [--base REV] [--docs 1500] [--pairs 3]``
(``--pairs 0`` counts instructions only; ``--docs 0`` times only). Needs
``../shared/corpora/reuters21578``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuters import read_reuters  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REUTERS = ROOT.parent / "shared" / "corpora" / "reuters21578"

# Run in a child process as ``python -c CHILD TREE MODE SOURCE``: import docsearch from TREE
# (not from the installed copy), then MODE "time" prints docs/s over every story of the
# Reuters folder SOURCE, MODE "run" extracts from the stories of the JSON file SOURCE (for
# valgrind to count; the file is written outside valgrind).
CHILD = r"""
import json, sys, time
tree, mode, source = sys.argv[1], sys.argv[2], sys.argv[3]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__name__.lower()
                    and "editable" not in getattr(f, "__name__", "").lower()]
sys.path.insert(0, tree)
sys.path.insert(0, tree + "/benchmarks")
import docsearch
assert docsearch.__file__.startswith(tree), f"docsearch imported from {docsearch.__file__}"
from docsearch.extract.people import find_people
find_people("Warm Up", "President Joe Biden spoke.")
if mode == "time":
    from reuters import read_reuters
    docs = [(a.title, a.body, a.sections) for a, _ in read_reuters(source)]
    start = time.process_time()
    for title, body, sections in docs:
        find_people(title, body, sections)
    print(len(docs) / (time.process_time() - start))
else:
    for title, body, sections in json.loads(open(source, encoding="utf-8").read()):
        find_people(title, body, sections)
"""


def run_child(tree: Path, mode: str, source: Path, valgrind: bool = False) -> str:
    command = [sys.executable, "-c", CHILD, str(tree), mode, str(source)]
    if valgrind:
        command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"extract_cost: the run in {tree} failed: "
                         f"{(done.stderr.strip().splitlines() or ['?'])[-1]}")
    return done.stdout + done.stderr


def instructions(tree: Path, sample: Path, empty: Path) -> int:
    """Instructions of extracting from the stories of ``sample``, start-up taken away."""
    def collected(source: Path) -> int:
        match = re.search(r"Collected : (\d+)", run_child(tree, "run", source, valgrind=True))
        if match is None:
            raise SystemExit("extract_cost: valgrind printed no instruction count")
        return int(match.group(1))
    return collected(sample) - collected(empty)


@dataclasses.dataclass
class Row:
    instructions: int | None = None
    rates: list[float] = dataclasses.field(default_factory=list)


def commit_of(tree: Path) -> str:
    return subprocess.run(["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True, check=True).stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="HEAD", help="the commit to compare with")
    parser.add_argument("--docs", type=int, default=1500, help="stories counted by valgrind")
    parser.add_argument("--pairs", type=int, default=3, help="alternating timed runs each")
    args = parser.parse_args()
    if not REUTERS.is_dir():
        raise SystemExit(f"extract_cost: no Reuters corpus at {REUTERS}")
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "docsearch"],
                           capture_output=True, text=True, check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base),
                        args.base], check=True)
        try:
            trees = {f"base {commit_of(base)}": base,
                     f"work tree {commit_of(ROOT)}{' + changes' if dirty else ''}": ROOT}
            rows = {name: Row() for name in trees}
            if args.docs and shutil.which("valgrind") is None:
                print("instructions left out: no valgrind on this machine")
            elif args.docs:
                sample, empty = Path(scratch) / "sample.json", Path(scratch) / "empty.json"
                docs = [(a.title, a.body, list(a.sections)) for a, _ in read_reuters(REUTERS)]
                sample.write_text(json.dumps(random.Random(5).sample(docs, args.docs)), "utf-8")
                empty.write_text("[]", "utf-8")
                for name, tree in trees.items():
                    rows[name].instructions = instructions(tree, sample, empty)
            for _ in range(args.pairs):
                for name, tree in trees.items():
                    rows[name].rates.append(float(run_child(tree, "time", REUTERS)))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           check=False)
    base_count = next(iter(rows.values())).instructions
    print(f"| tree | instructions, {args.docs:,} stories (M) | base / tree "
          f"| docs/s, all Reuters, one core (runs) | mean |")
    print("|---|---|---|---|---|")
    for name, row in rows.items():
        count = f"{row.instructions / 1e6:,.0f}" if row.instructions else ""
        ratio = (f"{base_count / row.instructions:.3f}"
                 if row.instructions and base_count else "")
        runs = ", ".join(f"{r:,.0f}" for r in row.rates)
        mean = f"{statistics.mean(row.rates):,.0f}" if row.rates else ""
        print(f"| {name} | {count} | {ratio} | {runs} | {mean} |")

if __name__ == "__main__":
    main()
