"""The first write of a process (issue 15): add 10 articles to an existing index in a new
process, for one or more checkouts in turn, as wall and CPU time.

    python benchmarks/first_write.py INDEX [--checkout PATH ...] [--rounds 5]

Each round, for each checkout in turn (``PYTHONPATH`` pointing at it; default: this
one), ``INDEX`` is copied afresh to a temporary folder and a new process imports
docsearch, opens the copy and adds the same 10 articles (written here for this
benchmark) with ``Index.add``. One untimed run per checkout comes first, so the user
cache files (:mod:`docsearch.extract.usercache`) exist. Prints one line per run (import,
open, add wall and CPU seconds, and the load average) and the median add per checkout.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import sys, time
wall, cpu = time.perf_counter(), time.process_time()
import docsearch
from docsearch import Article
assert docsearch.__file__.startswith(sys.argv[2]), docsearch.__file__
imported = time.perf_counter()
ix = docsearch.open(sys.argv[1])
opened = time.perf_counter()
articles = [Article(
    id=f"first-write-{i:02d}", title=f"Central bank raises its rates again ({i})",
    body=(f"Finance minister Maria Lopez said on Tuesday that the central bank in Frankfurt "
          f"would raise its rate by {i + 10} basis points, while traders in London sold "
          "bonds. The striker scored twice as United beat the champions in the cup final."))
    for i in range(10)]
add_wall, add_cpu = time.perf_counter(), time.process_time()
ix.add(articles)
done = time.perf_counter()
print(imported - wall, opened - imported, done - add_wall, time.process_time() - add_cpu)
"""


def _run(checkout: Path, index: Path) -> list[float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "index"
        shutil.copytree(index, copy)
        (copy / "write.lock").unlink(missing_ok=True)
        env = {**os.environ, "PYTHONPATH": str(checkout)}
        # run from the temporary folder: ``-c`` puts the working folder before PYTHONPATH
        command = [sys.executable, "-c", _CHILD, str(copy), str(checkout)]
        out = subprocess.run(command, env=env, cwd=tmp, check=True, capture_output=True,
                             text=True).stdout
    return [float(x) for x in out.split()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path)
    parser.add_argument("--checkout", type=Path, action="append")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    checkouts = args.checkout or [Path(__file__).resolve().parent.parent]
    adds: dict[Path, list[float]] = {c: [] for c in checkouts}
    for checkout in checkouts:
        _run(checkout, args.index)
    for round_ in range(1, args.rounds + 1):
        for checkout in checkouts:
            imported, opened, add, add_cpu = _run(checkout, args.index)
            adds[checkout].append(add)
            print(f"round {round_} {checkout}: import {imported:.3f} open {opened:.3f} "
                  f"add {add:.3f} s (CPU {add_cpu:.3f}), load {os.getloadavg()[0]:.2f}")
    for checkout, values in adds.items():
        print(f"{checkout}: add 10 median {statistics.median(values):.3f} s")


if __name__ == "__main__":
    main()
