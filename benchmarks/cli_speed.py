"""How long the command line takes to answer: each measure is a new process, run
``--repeat`` times after one warm-up run, with the median (p50) and 95th percentile
of its wall time in milliseconds.

    python benchmarks/cli_speed.py [--sample INDEX] [--reuters INDEX] [--repeat 20]
        [--markdown] [--checkout PATH --checkout PATH ...]

The measures: ``python -c "import docsearch"``, ``python -c "import docsearch.cli"``,
the libraries a search needs alone (click, attrs, numpy, Whoosh: the floor under a search),
``docsearch --version``, ``docsearch --help``, ``docsearch search harbour`` on an
index of ``sample_docs`` and ``docsearch search oil --person "Paul Volcker"`` on an
index of Reuters-21578. An index that does not exist yet is built first (the sample
with ``docsearch index sample_docs``, Reuters-21578 with ``person_checks.open_reuters``),
in ``--sample``/``--reuters`` (default: folders under the system's temporary folder).
The console script beside this Python (``.venv/bin/docsearch``) is run as a user
would run it; without it, ``python -m docsearch``. Nothing but the standard library
is needed to time. Commands run in the current folder: to time another checkout of
``docsearch/``, run from a folder outside the repository with ``PYTHONPATH=CHECKOUT``.

With ``--checkout`` (given once per checkout, e.g. ``git worktree``s of two
commits), every measure runs under each checkout in turn, run after run
(``PYTHONPATH=CHECKOUT``, from the system's temporary folder), so that the load of
a shared machine weighs on them alike; each checkout searches its own copy of
each index (``INDEX-A``, ``INDEX-B``...: the files an engine caches beside an
index may differ between versions), and the table has a p50/p95 pair per checkout
(A, B... in the order given). The load average before and after is printed on
stderr.

Python compiles a module it imports unless ``__pycache__`` holds its bytecode, and
writes none where ``PYTHONDONTWRITEBYTECODE`` is set: then every start compiles
docsearch's modules again (installing a package compiles them once). ``--bytecode
compiled`` compiles each checkout's ``docsearch/`` first (``compileall``); ``--bytecode
none`` deletes its bytecode and runs the commands with ``PYTHONDONTWRITEBYTECODE=1``;
without it the checkouts are timed as they are.

``--cpu`` times the CPU each run used (user and system, from ``getrusage`` of the
children) instead of its wall time: on a machine others load, the wall time of a
run waits for the cores and the CPU time much less.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TMP = Path(tempfile.gettempdir())


#: The libraries a search cannot do without (the Whoosh modules the engine reads with):
#: the floor under ``docsearch search``.
LIBRARIES = ("import click, attrs, numpy, whoosh.index, whoosh.searching, whoosh.query, "
             "whoosh.collectors, whoosh.codec.whoosh3")


@dataclass(frozen=True)
class Measure:
    name: str
    argv: list[str]


@dataclass(frozen=True)
class Checkout:
    """Where the commands run: ``path`` first on ``PYTHONPATH`` (``None``: as called)."""

    name: str
    path: str | None = None
    #: Run with ``PYTHONDONTWRITEBYTECODE=1``.
    no_bytecode: bool = False

    def env(self) -> dict[str, str] | None:
        extra = {} if self.path is None else {"PYTHONPATH": self.path}
        if self.no_bytecode:
            extra["PYTHONDONTWRITEBYTECODE"] = "1"
        return {**os.environ, **extra} if extra else None

    def package(self) -> Path:
        return Path(self.path or ROOT) / "docsearch"

    def cwd(self) -> str | None:
        return None if self.path is None else str(TMP)

    def index(self, path: Path) -> Path:
        """This checkout's copy of an index (the index itself when run as called)."""
        return path if self.path is None else path.with_name(f"{path.name}-{self.name}")


def docsearch_command() -> list[str]:
    """The console script next to this interpreter, else ``python -m docsearch``."""
    script = Path(sys.executable).parent / "docsearch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "docsearch"]


def ensure_sample(path: Path, checkout: Checkout = Checkout("")) -> Path:
    if not path.exists():
        subprocess.run([*docsearch_command(), "index", str(ROOT / "sample_docs"),
                        "--index", str(path), "-q"], check=True,
                       env=checkout.env(), cwd=checkout.cwd())
    return path


def ensure_reuters(path: Path) -> Path:
    if not path.exists():
        sys.path.insert(0, str(ROOT / "benchmarks"))
        from person_checks import open_reuters

        open_reuters(path).close()
    return path


def measures(sample: Path, reuters: Path | None) -> list[Measure]:
    cmd = docsearch_command()
    out = [
        Measure('python -c "import docsearch"', [sys.executable, "-c", "import docsearch"]),
        Measure('python -c "import docsearch.cli"',
                [sys.executable, "-c", "import docsearch.cli"]),
        Measure("python -c \"import click, attrs, numpy, whoosh...\" (a search's libraries)",
                [sys.executable, "-c", LIBRARIES]),
        Measure("docsearch --version", [*cmd, "--version"]),
        Measure("docsearch --help", [*cmd, "--help"]),
        Measure("docsearch search harbour (sample_docs)",
                [*cmd, "search", "harbour", "--index", str(sample)]),
    ]
    if reuters is not None:
        out.append(Measure('docsearch search oil --person "Paul Volcker" (Reuters-21578)',
                           [*cmd, "search", "oil", "--person", "Paul Volcker",
                            "--index", str(reuters)]))
    return out


def checkout_names(paths: list[str]) -> list[str]:
    return [chr(ord("A") + i) for i in range(len(paths))]


def _cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run_once(argv: list[str], checkout: Checkout = Checkout(""), cpu: bool = False) -> float:
    """Milliseconds of one run (it must succeed): its wall time, or its CPU time."""
    clock = _cpu_of_children if cpu else time.perf_counter
    start = clock()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=checkout.env(),
                   cwd=checkout.cwd())
    return (clock() - start) * 1000


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def time_measures(runs: list[tuple[Measure, Checkout]], repeat: int,
                  cpu: bool = False) -> list[tuple[float, float]]:
    """p50 and p95 of each (measure, checkout), the runs taking turns."""
    for measure, checkout in runs:
        run_once(measure.argv, checkout)  # warm: the file cache and the index's caches
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for found, (measure, checkout) in zip(times, runs, strict=True):
            found.append(run_once(measure.argv, checkout, cpu))
    return [percentiles(found) for found in times]


def table(rows: list[tuple[str, list[tuple[float, float]]]], markdown: bool,
          names: list[str], unit: str = "ms") -> str:
    """One row per measure, a p50/p95 pair per checkout (``names``; one unnamed)."""
    heads = [f"{name} {kind} {unit}".lstrip() for name in names for kind in ("p50", "p95")]
    cells = [(name, [f"{v:.0f}" for pair in pairs for v in pair]) for name, pairs in rows]
    if markdown:
        lines = ["| " + " | ".join(["measure", *heads]) + " |",
                 "|---|" + "---:|" * len(heads)]
        lines += ["| " + " | ".join([f"`{name}`", *values]) + " |" for name, values in cells]
        return "\n".join(lines)
    width = max(len(name) for name, _ in rows)
    lines = [f"{'measure':<{width}}" + "".join(f"  {h:>9}" for h in heads)]
    lines += [f"{name:<{width}}" + "".join(f"  {v:>9}" for v in values)
              for name, values in cells]
    return "\n".join(lines)


def ensure_copy(source: Path, copy: Path) -> Path:
    """A copy of the index ``source`` without the files its engine cached."""
    if not copy.exists():
        shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".facets-*"))
    return copy


def set_bytecode(checkout: Checkout, mode: str | None) -> None:
    """Compile the checkout's ``docsearch/`` (``compiled``) or delete its bytecode
    (``none``); nothing for ``None``."""
    if mode == "compiled":
        compileall.compile_dir(checkout.package(), quiet=1)
    elif mode == "none":
        for cache in checkout.package().rglob("__pycache__"):
            shutil.rmtree(cache, ignore_errors=True)


def checkout_measures(checkout: Checkout, sample: Path, reuters: Path | None) -> list[Measure]:
    """The measures on this checkout's own indexes (built or copied if need be)."""
    if reuters is not None and checkout.path is not None:
        reuters = ensure_copy(reuters, checkout.index(reuters))
    return measures(ensure_sample(checkout.index(sample), checkout), reuters)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=TMP / "docsearch-cli-speed-sample")
    parser.add_argument("--reuters", type=Path, default=TMP / "docsearch-cli-speed-reuters")
    parser.add_argument("--no-reuters", action="store_true",
                        help="Leave out the Reuters-21578 measure.")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    parser.add_argument("--checkout", action="append", default=[], metavar="PATH",
                        help="Time the docsearch/ of this checkout (repeat: run by run).")
    parser.add_argument("--bytecode", choices=["compiled", "none"],
                        help="Compile docsearch/ first, or run without its bytecode.")
    parser.add_argument("--cpu", action="store_true",
                        help="Time the CPU a run used, not its wall time.")
    args = parser.parse_args(argv)
    paths = [str(Path(p).resolve()) for p in args.checkout]
    bare = args.bytecode == "none"
    checkouts = ([Checkout(n, p, bare) for n, p in
                  zip(checkout_names(paths), paths, strict=True)] or [Checkout("", None, bare)])
    for checkout in checkouts:
        set_bytecode(checkout, args.bytecode)
    reuters = None if args.no_reuters else ensure_reuters(args.reuters)
    per_checkout = [checkout_measures(c, args.sample, reuters) for c in checkouts]
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    runs = [(m, c) for i in range(len(per_checkout[0]))
            for m, c in zip((ms[i] for ms in per_checkout), checkouts, strict=True)]
    found = time_measures(runs, args.repeat, args.cpu)
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)
    for checkout in checkouts:
        if checkout.path:
            print(f"{checkout.name}: {checkout.path}", file=sys.stderr)
    width = len(checkouts)
    rows = [(per_checkout[0][i].name, found[i * width:(i + 1) * width])
            for i in range(len(per_checkout[0]))]
    print(table(rows, args.markdown, [c.name for c in checkouts],
                "CPU ms" if args.cpu else "ms"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
