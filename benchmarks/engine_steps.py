"""The suite's query and incremental steps again, on a kept corpus folder, as wall and CPU
time, for one or more checkouts in turn (issue 15).

    python benchmarks/engine_steps.py CORPUS_DIR [--engines docsearch-tantivy,docsearch]
        [--checkout PATH ...] [--rounds 3] [--saved]

``CORPUS_DIR`` is a folder of a ``benchmarks/suite.py --keep`` run (``reuters/`` of its
work folder: ``queries.json``, ``new.jsonl`` and ``ENGINE/index``), or one laid out the
same way. Each round, for each checkout in turn (``PYTHONPATH`` pointing at it), the
indexes are copied afresh (cache files beside them left out, unless ``--saved``: then the
query step's first query is the one after a build) and, per engine, two new processes run
what the suite's children do:

- *query*: open the index, the first query, one warm pass and one timed pass of
  ``queries.json``;
- *incremental*: open, the facet probe (every article, facets person, topic, source and
  month), add 10 articles of ``new.jsonl``, the probe again, add 100 (its open and first
  probe: a second process on an index the query step has searched, with whatever files
  that step saved beside it).

Every call is timed as wall and CPU time of the process (``time.process_time``: under
load, the steadier figure). The table gives p50 / p95 of the faceted queries and of all,
the first facet query after adding 10, open + first query and the second process's open
+ first probe, per checkout and round,
and whether every engine's totals and facet counts equal the first engine's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FACETED = ("facets", "facets+select")


def _timed(call: Callable[[], Any]) -> tuple[Any, float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    out = call()
    return out, (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def child(task: str, engine: str, corpus: Path) -> dict[str, Any]:
    """One step of one engine in this process (the checkout is ``sys.path``'s)."""
    sys.path.insert(0, str(HERE))
    import engines as eng

    adapter = eng.make_engine(engine, {})
    out: dict[str, Any] = {"docsearch": str(Path(eng.docsearch.__file__).parent.parent)}
    _, out["open_ms"], out["open_cpu"] = _timed(lambda: adapter.open(corpus / engine / "index"))
    if task == "query":
        specs = [eng.QuerySpec(**s) for s in json.loads((corpus / "queries.json").read_text())]
        _, out["first_ms"], out["first_cpu"] = _timed(lambda: adapter.query(specs[0]))
        for spec in specs[1:]:
            adapter.query(spec)
        out["timed"] = []
        for spec in specs:
            answer, ms, cpu = _timed(lambda: adapter.query(spec))  # noqa: B023
            out["timed"].append({"number": spec.number, "kind": spec.kind, "ms": ms, "cpu": cpu,
                                 "total": answer.total, "facets": answer.facets})
    else:
        records = list(eng.read_jsonl(corpus / "new.jsonl"))
        probe = eng.QuerySpec(number=-1, kind="facets", facets=True)
        _, out["probe_ms"], out["probe_cpu"] = _timed(lambda: adapter.query(probe))
        _, out["add10_ms"], out["add10_cpu"] = _timed(lambda: adapter.add(records[:10]))
        _, out["after_ms"], out["after_cpu"] = _timed(lambda: adapter.query(probe))
        _, out["add100_ms"], out["add100_cpu"] = _timed(lambda: adapter.add(records[10:110]))
    adapter.close()
    return out


def _percentiles(values: Sequence[float]) -> str:
    ordered = sorted(values)
    if not ordered:
        return "-"
    pick = lambda q: ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]  # noqa: E731
    return f"{pick(0.5):.1f} / {pick(0.95):.1f}"


def _copy(source: Path, target: Path, engines: Sequence[str], saved: bool = False) -> None:
    """The corpus folder's queries, new articles and indexes, without the files saved
    beside an index (``.facets-*``) unless ``saved``."""
    target.mkdir(parents=True)
    for name in ("queries.json", "new.jsonl"):
        shutil.copy(source / name, target / name)
    for engine in engines:
        shutil.copytree(source / engine / "index", target / engine / "index",
                        ignore=None if saved else shutil.ignore_patterns(".facets-*"))


def _run(checkout: Path, task: str, engine: str, corpus: Path) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", task, engine,
                    str(corpus)], cwd=checkout, env=env, check=True)
    found: dict[str, Any] = json.loads((corpus / engine / f"{task}.json").read_text())
    if Path(found["docsearch"]).resolve() != checkout:
        raise SystemExit(f"error: the step ran docsearch of {found['docsearch']}, "
                         f"not of {checkout}")
    return found


def row(label: str, query: dict[str, Any], step: dict[str, Any]) -> str:
    faceted = [t for t in query["timed"] if t["kind"] in FACETED]
    return (f"{label}: faceted p50 / p95 ms wall {_percentiles([t['ms'] for t in faceted])}, "
            f"CPU {_percentiles([t['cpu'] for t in faceted])}; all CPU "
            f"{_percentiles([t['cpu'] for t in query['timed']])}; first facet query after "
            f"adding 10 wall {step['after_ms']:.0f}, CPU {step['after_cpu']:.0f}; open + first "
            f"query CPU {query['open_cpu']:.0f} + {query['first_cpu']:.0f}; second process: "
            f"open + facet probe CPU {step['open_cpu']:.0f} + {step['probe_cpu']:.0f}, wall "
            f"{step['open_ms']:.0f} + {step['probe_ms']:.0f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--engines", default="docsearch-tantivy,docsearch")
    parser.add_argument("--checkout", action="append", type=Path,
                        help="a checkout to time (repeatable; default: this one)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="where the copies go (default: a temporary folder, removed)")
    parser.add_argument("--saved", action="store_true",
                        help="copy the files a build saved beside each index too (the query "
                             "step's first query is then the one after a build)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        task, engine, corpus = args.child
        out = child(task, engine, Path(corpus))
        (Path(corpus) / engine / f"{task}.json").write_text(json.dumps(out))
        return 0
    if args.corpus is None:
        parser.error("the corpus folder is required")
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    checkouts = [c.resolve() for c in args.checkout or [HERE.parent]]
    missing = [e for e in engines if not (args.corpus / e / "index").is_dir()]
    if missing or not (args.corpus / "queries.json").is_file():
        print(f"error: {args.corpus} holds no queries.json or no index of "
              f"{', '.join(missing) or 'every engine'}", file=sys.stderr)
        return 2
    import tempfile

    work = args.workdir or Path(tempfile.mkdtemp(prefix="ds-steps-"))
    try:
        for number in range(1, args.rounds + 1):
            for at, checkout in enumerate(checkouts):
                corpus = work / f"round{number}-checkout{at}"
                shutil.rmtree(corpus, ignore_errors=True)
                _copy(args.corpus, corpus, engines, saved=args.saved)
                load = os.getloadavg()[0]
                answers = {}
                for engine in engines:
                    query = _run(checkout, "query", engine, corpus)
                    step = _run(checkout, "incremental", engine, corpus)
                    print(row(f"round {number}, {checkout.name}, {engine} (load {load:.1f})",
                              query, step), flush=True)
                    answers[engine] = [(t["total"], t["facets"]) for t in query["timed"]]
                differ = [e for e in engines[1:] if answers[e] != answers[engines[0]]]
                print(f"  totals and facet counts equal to {engines[0]}'s: "
                      f"{'no: ' + ', '.join(differ) if differ else 'yes'}")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
