"""How long the people view of an index state takes to build (issue 15).

    python benchmarks/people_view.py INDEX [--repeat 7] [--runs 3]

The search layer builds :class:`docsearch.search.people.PeopleView` for every new state
of an index (after any commit) unless the names of that very state were saved beside it,
so the first facet query after a write pays for it. This opens ``INDEX`` (any local
engine), reads its ``person`` and ``surname`` columns, and times the view without its
saved names, two ways:

- *first in a process*: a new process that has worked nothing out about these names
  yet (as one whose view of the previous state came from the saved names), ``--runs``
  processes, each timed once;
- *again*: ``--repeat`` more builds in one process (as a long-running one, such as the
  web app, that built the previous state's view itself), the fastest and the median.

To time another checkout of ``docsearch/``, run with ``PYTHONPATH=CHECKOUT``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path


def build_times(index: Path, repeat: int) -> dict[str, object]:
    """The view's build times in this process (the first one first), in ms."""
    from docsearch.index import open_index
    from docsearch.search import _column
    from docsearch.search.people import PeopleView

    ix = open_index(index)
    snapshot = ix._engine.snapshot()
    person, surname = _column(snapshot, "person"), _column(snapshot, "surname")
    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        PeopleView(person, surname, None)
        times.append((time.perf_counter() - start) * 1000)
    ix.close()
    return {"person values": len(person.values), "surname values": len(surname.values),
            "ms": times}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (args.index / "docsearch.json").is_file():
        print(f"error: no docsearch index in {args.index}", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(build_times(args.index, args.repeat)))
        return 0
    firsts, again, sizes = [], [], {}
    for run in range(args.runs):
        done = subprocess.run([sys.executable, __file__, str(args.index), "--child",
                               "--repeat", str(args.repeat if run == 0 else 0)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"error: the timing process failed: {done.stderr.strip()[-300:]}",
                  file=sys.stderr)
            return 1
        result = json.loads(done.stdout)
        firsts.append(result["ms"][0])
        again.extend(result["ms"][1:])
        sizes = {k: v for k, v in result.items() if k != "ms"}
    print(", ".join(f"{k}: {v:,}" for k, v in sizes.items()))
    print("first in a process ms: " + " / ".join(f"{t:.1f}" for t in firsts))
    if again:
        print(f"again ms: fastest {min(again):.1f}, median {statistics.median(again):.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
