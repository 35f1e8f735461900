"""How long the command line takes to answer: each measure is a new process, run
``--repeat`` times after one warm-up run, with the median (p50) and 95th percentile
of its wall time in milliseconds.

    python benchmarks/cli_speed.py [--sample INDEX] [--reuters INDEX] [--repeat 20]
        [--markdown]

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
"""

from __future__ import annotations

import argparse
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


def docsearch_command() -> list[str]:
    """The console script next to this interpreter, else ``python -m docsearch``."""
    script = Path(sys.executable).parent / "docsearch"
    return [str(script)] if script.exists() else [sys.executable, "-m", "docsearch"]


def ensure_sample(path: Path) -> Path:
    if not path.exists():
        subprocess.run([*docsearch_command(), "index", str(ROOT / "sample_docs"),
                        "--index", str(path), "-q"], check=True)
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


def run_once(argv: list[str]) -> float:
    """Wall milliseconds of one run (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return statistics.median(ordered), p95


def time_measure(measure: Measure, repeat: int) -> tuple[float, float]:
    run_once(measure.argv)  # warm: the file cache and the index's on-disk caches
    return percentiles([run_once(measure.argv) for _ in range(repeat)])


def table(rows: list[tuple[str, float, float]], markdown: bool) -> str:
    if markdown:
        lines = ["| measure | p50 ms | p95 ms |", "|---|---:|---:|"]
        lines += [f"| `{name}` | {p50:.0f} | {p95:.0f} |" for name, p50, p95 in rows]
        return "\n".join(lines)
    width = max(len(name) for name, _, _ in rows)
    lines = [f"{'measure':<{width}}  {'p50 ms':>7}  {'p95 ms':>7}"]
    lines += [f"{name:<{width}}  {p50:7.0f}  {p95:7.0f}" for name, p50, p95 in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=Path, default=TMP / "docsearch-cli-speed-sample")
    parser.add_argument("--reuters", type=Path, default=TMP / "docsearch-cli-speed-reuters")
    parser.add_argument("--no-reuters", action="store_true",
                        help="Leave out the Reuters-21578 measure.")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--markdown", action="store_true", help="Print a Markdown table.")
    args = parser.parse_args(argv)
    sample = ensure_sample(args.sample)
    reuters = None if args.no_reuters else ensure_reuters(args.reuters)
    rows = []
    for measure in measures(sample, reuters):
        p50, p95 = time_measure(measure, args.repeat)
        rows.append((measure.name, p50, p95))
    print(table(rows, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
