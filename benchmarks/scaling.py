"""How build time and faceted query latency grow with the number of articles, per engine.

    .venv/bin/python benchmarks/scaling.py [--sizes 20000,100000,200000]
        [--engines docsearch-whoosh,docsearch-solr] [--solr URL] [--solr-state DIR]
        [--queries 240] [--seed 0] [--budget SECONDS] --workdir DIR [--markdown FILE]
        [--report-only]

For each size, smallest first, it runs the benchmark suite (``benchmarks/suite.py
--corpus synthetic --synthetic-size N --no-sync --keep``, its work folder
``DIR/N``) and then prints one line per size and engine: build seconds, articles per
second, faceted query p50 / p95 (with snippets), the client's and the Solr nodes'
memory, and whether the engine's answers agree with docsearch-whoosh's.

``--budget`` bounds the whole run. Before each size it projects that size's time from
the previous one (time grows with the article count); a size that would not fit in
what is left is not started, and a run that passes the budget is stopped (SIGINT to the
suite's process group: its children stop and it deletes its Solr index). Either way
the table says so, with the time spent or projected: nothing is left out silently.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import suite  # noqa: E402

COMMAND = ".venv/bin/python benchmarks/scaling.py"
DEFAULT_SIZES = "20000,100000,200000"


def parse_sizes(text: str) -> list[int]:
    """``"20000,100k,0.2m"`` as ``[20000, 100000, 200000]``, smallest first; ``ValueError``
    (one line) for anything else.

    >>> parse_sizes("100k,20000")
    [20000, 100000]
    """
    sizes = []
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        scale = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
        number = part[:-1] if scale != 1 else part
        try:
            value = float(number) * scale
        except ValueError:
            raise ValueError(f"{part!r} is not a number of articles") from None
        if value < 1 or value != int(value):
            raise ValueError(f"{part!r} is not a number of articles")
        sizes.append(int(value))
    if not sizes:
        raise ValueError("no sizes given")
    return sorted(set(sizes))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=Path(__file__).name,
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES,
                        help=f"numbers of articles, comma-separated (default {DEFAULT_SIZES}; "
                             f"100k and 0.2m work too)")
    parser.add_argument("--engines", default="docsearch-whoosh,docsearch-solr")
    parser.add_argument("--solr", default=os.environ.get("DOCSEARCH_SOLR_URL"), metavar="URL",
                        help="for docsearch-solr: a node's base URL (default: "
                             "$DOCSEARCH_SOLR_URL)")
    parser.add_argument("--solr-state", default=None, metavar="DIR",
                        help="the scripts/solrcloud state folder (default: $SOLRCLOUD_STATE "
                             "or .solrcloud/)")
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                        help="wall time for all sizes together (default: no limit)")
    parser.add_argument("--workdir", required=True, help="results go to DIR/SIZE/")
    parser.add_argument("--markdown", default=None, metavar="FILE",
                        help="also write the table as Markdown to FILE")
    parser.add_argument("--report-only", action="store_true",
                        help="print the table from the results in --workdir")
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.size_list = parse_sizes(args.sizes)
    except ValueError as error:
        parser.error(f"--sizes: {error}")
    if args.budget is not None and args.budget <= 0:
        parser.error("--budget must be more than 0 seconds")
    if args.queries < len(suite.CLASSES):
        parser.error(f"--queries must be at least {len(suite.CLASSES)} (one per class)")
    # The suite checks its own options (engines, --solr) and exits with its message.
    if not args.report_only:
        suite.parse_args(suite.build_parser(), suite_argv(args, args.size_list[0],
                                                          Path(args.workdir)))
    return args


def suite_argv(args: argparse.Namespace, size: int, workdir: Path) -> list[str]:
    """The suite's command-line options for one size."""
    argv = ["--corpus", "synthetic", "--synthetic-size", str(size), "--seed", str(args.seed),
            "--queries", str(args.queries), "--engines", args.engines, "--no-sync", "--keep",
            "--workdir", str(workdir / str(size))]
    if args.solr:
        argv += ["--solr", args.solr]
    if args.solr_state:
        argv += ["--solr-state", args.solr_state]
    return argv


def projected(size: int, done: dict[int, float]) -> float | None:
    """The seconds a run of ``size`` articles should take, from the largest size done
    (in proportion to the article count); ``None`` before any."""
    if not done:
        return None
    largest = max(done)
    return done[largest] * size / largest


def run_sizes(args: argparse.Namespace, say: Any = print) -> dict[str, Any]:
    """Run the suite for each size; what happened to each (``DIR/scaling.json``)."""
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    done: dict[int, float] = {}
    runs: dict[str, Any] = {}
    for size in args.size_list:
        left = None if args.budget is None else args.budget - (time.monotonic() - start)
        guess = projected(size, done)
        if left is not None and (left <= 0 or (guess is not None and guess > left)):
            runs[str(size)] = {"status": "not started", "projected_s": guess, "left_s": left}
            say(f"== {size:,} articles: not started: projected {_secs(guess)}, "
                f"{_secs(max(left, 0))} of the budget left")
            continue
        command = [sys.executable, str(HERE / "suite.py"), *suite_argv(args, size, workdir)]
        say(f"== {size:,} articles: {' '.join(command[1:])}")
        began = time.monotonic()
        proc = subprocess.Popen(command, start_new_session=True)
        status = "done"
        try:
            proc.wait(timeout=left)
        except subprocess.TimeoutExpired:
            status = "stopped at the budget"
            os.killpg(proc.pid, signal.SIGINT)
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        took = time.monotonic() - began
        if status == "done" and proc.returncode != 0:
            status = f"failed (exit {proc.returncode})"
        if status == "done":
            done[size] = took
        runs[str(size)] = {"status": status, "seconds": took}
        say(f"== {size:,} articles: {status} in {_secs(took)}")
    summary = {"runs": runs, "budget_s": args.budget, "engines": args.engines,
               "command": " ".join([COMMAND, *args.argv])}
    (workdir / "scaling.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


def _secs(value: float | None) -> str:
    if value is None:
        return "unknown"
    return f"{value:,.0f} s" if value < 600 else f"{value / 60:,.1f} min"


def _load(workdir: Path, size: int) -> dict[str, Any] | None:
    path = workdir / str(size) / "synthetic" / "results.json"
    if not path.exists():
        return None
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _agreement(result: dict[str, Any], engine: str) -> str:
    if engine == result.get("reference", "docsearch"):
        return "(reference)"
    found = result.get("agreement", {}).get(engine)
    if not found:
        return "n/a"
    bad = sum(d["totals_differ"] + d["facets_differ"] for d in found.values())
    pages = sum(d.get("ids_differ", 0) for d in found.values())
    compared = sum(d["compared"] for d in found.values())
    text = "all equal" if not bad else f"{bad} differ"
    return text + f"; first pages differ {pages} of {compared}"


def table(summary: dict[str, Any], workdir: Path, sizes: Sequence[int],
          engines: Sequence[str]) -> list[list[str]]:
    rows = [["articles", "engine", "build s", "docs/s", "faceted p50 / p95 ms",
             "all queries p50 / p95 ms", "client peak RSS MB (build / queries)",
             "Solr nodes RSS MB after build / queries", "index MB",
             "totals + facets vs reference; first pages"]]
    for size in sizes:
        run = summary.get("runs", {}).get(str(size), {})
        result = _load(workdir, size)
        if result is None or run.get("status", "done") != "done":
            status = run.get("status", "not run")
            took = run.get("seconds", run.get("projected_s"))
            what = "spent" if "seconds" in run else "projected"
            rows.append([f"{size:,}", "all", f"{status} ({what} {_secs(took)})",
                         *[""] * (len(rows[0]) - 3)])
            continue
        for engine in engines:
            b, q = result["build"].get(engine), result["query"].get(engine)
            if b is None:
                rows.append([f"{size:,}", engine, "failed", *[""] * (len(rows[0]) - 3)])
                continue
            faceted = suite.latencies(q, suite.FACET_CLASSES)
            every = suite.latencies(q, suite.CLASSES)

            def pct(values: list[float]) -> str:
                return (f"{suite._ms(suite._pct(values, 0.5))} / "
                        f"{suite._ms(suite._pct(values, 0.95))}" if values else "n/a")

            def nodes(step: dict[str, Any] | None) -> str:
                found = (step or {}).get("solr_nodes")
                return " + ".join(f"{v['rss_mb']:,.0f}" for v in found.values()) if found else "-"

            solr = "-" if "solr_nodes" not in b else f"{nodes(b)} / {nodes(q)}"
            rows.append([f"{result['docs']:,}", engine, f"{b['seconds']:,.1f}",
                         f"{b['docs'] / b['seconds']:,.0f}", pct(faceted), pct(every),
                         f"{suite._own_mb(b)} / {suite._own_mb(q)}", solr,
                         f"{b['size_bytes'] / 1e6:,.0f}", _agreement(result, engine)])
    return rows


def report(summary: dict[str, Any], workdir: Path, sizes: Sequence[int],
           engines: Sequence[str], markdown: bool) -> str:
    import sync as bench_sync
    rows = table(summary, workdir, sizes, engines)
    lines = [bench_sync.markdown_table(rows) if markdown else bench_sync.plain(rows)]
    codes = []
    for size in sizes:
        result = _load(workdir, size)
        if result is not None:
            code = result.get("code", {})
            codes.append(f"{size:,}: {code.get('start', 'unknown')}"
                         + ("" if code.get("start") == code.get("end")
                            else f" -> {code.get('end')}"))
            loads = [x["load_1min"] for kind in ("build", "query")
                     for x in result.get(kind, {}).values() if x and "load_1min" in x]
            if loads:
                codes[-1] += (f"; load average {min(a for a, _ in loads):.1f} to "
                              f"{max(b for _, b in loads):.1f}")
    if codes:
        lines += ["", "Code and load per size: " + "; ".join(codes)]
    if summary.get("budget_s"):
        lines += ["", f"Budget for all sizes: {_secs(summary['budget_s'])}."]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    args.argv = argv
    workdir = Path(args.workdir)
    engines = [e for e in args.engines.split(",") if e]
    if args.report_only:
        path = workdir / "scaling.json"
        summary = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    else:
        summary = run_sizes(args)
    print()
    print(report(summary, workdir, args.size_list, engines, markdown=False))
    if args.markdown:
        Path(args.markdown).write_text(report(summary, workdir, args.size_list, engines,
                                              markdown=True), encoding="utf-8")
        print(f"table written to {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
