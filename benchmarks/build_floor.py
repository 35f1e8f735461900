"""A docsearch build against its extraction-only floor, as wall and CPU time, for one or
more checkouts in turn (issue 15).

    python benchmarks/build_floor.py CORPUS_JSONL [--engine docsearch-tantivy]
        [--checkout PATH ...] [--rounds 2] [--work DIR]

``CORPUS_JSONL`` is the JSON-lines corpus of a ``benchmarks/suite.py`` run (its
``corpus.jsonl``). Each round, for each checkout in turn (``PYTHONPATH`` pointing at it;
the checkouts' order turns about every round), two new processes run what the suite's
build children run: the *floor* (:class:`engines.ExtractionFloor`: reading, people,
topics and text analysis on the workers, nothing written) and the *build* of ``--engine``
(``Index.add`` of the corpus into a new index). Each is timed as wall time and as CPU time
of the process and of its workers (``resource.getrusage``: under load, the steadier
figure), with the load average before it; the table gives the build over the floor in
both. ``--hash`` also prints a digest of every stored record of each tantivy build (the
same digest: the same documents, byte for byte).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def child(task: str, engine: str, corpus: Path, folder: Path) -> dict[str, Any]:
    """The floor or one build in this process (the checkout is ``sys.path``'s)."""
    sys.path.insert(0, str(HERE))
    import engines as eng

    adapter = eng.ExtractionFloor() if task == "floor" else eng.make_engine(engine, {})
    wall = time.perf_counter()
    count = adapter.build(corpus, folder)
    wall = time.perf_counter() - wall
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"docs": count, "wall": wall, "main_cpu": own.ru_utime + own.ru_stime,
            "workers_cpu": workers.ru_utime + workers.ru_stime,
            "docsearch": str(Path(eng.docsearch.__file__).parent.parent)}


def record_digest(folder: Path) -> str:
    """A digest of every stored record of the tantivy index under ``folder``, sorted."""
    import tantivy

    (meta,) = folder.rglob("meta.json")
    index = tantivy.Index.open(str(meta.parent))
    searcher = index.searcher()
    hits = searcher.search(tantivy.Query.all_query(), limit=max(1, searcher.num_docs)).hits
    digest = hashlib.sha256()
    for record in sorted(searcher.doc(address)["doc"][0] for _, address in hits):
        digest.update(record + b"\n")
    return digest.hexdigest()[:16]


def _run(checkout: Path, task: str, engine: str, corpus: Path, work: Path) -> dict[str, Any]:
    folder = work / f"{checkout.name}-{task}"
    shutil.rmtree(folder, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(checkout))
    load = os.getloadavg()[0]
    out = subprocess.run([sys.executable, __file__, "--child", task, engine, str(corpus),
                          str(folder)], cwd=checkout, env=env, check=True,
                         capture_output=True, text=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    if Path(found["docsearch"]).resolve() != checkout:
        raise SystemExit(f"{checkout}: docsearch was imported from {found['docsearch']}")
    found.update(load=load, folder=folder)
    return found


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--child"]:
        print(json.dumps(child(args[1], args[2], Path(args[3]), Path(args[4]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--engine", default="docsearch-tantivy")
    parser.add_argument("--checkout", type=Path, action="append", default=[])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--hash", action="store_true",
                        help="print a digest of each tantivy build's stored records")
    options = parser.parse_args(args)
    checkouts = [c.resolve() for c in options.checkout] or [HERE.parent]
    work = options.work or Path(tempfile.mkdtemp(prefix="docsearch-build-floor-"))
    print("| round | checkout | load | floor s | floor CPU s (main + workers) | build s | "
          "build CPU s (main + workers) | build / floor | CPU build / floor |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for number in range(options.rounds):
        turn = checkouts if number % 2 == 0 else checkouts[::-1]
        for checkout in turn:
            floor = _run(checkout, "floor", options.engine, options.corpus.resolve(), work)
            build = _run(checkout, "build", options.engine, options.corpus.resolve(), work)
            cpu = [r["main_cpu"] + r["workers_cpu"] for r in (floor, build)]
            print(f"| {number + 1} | {checkout.name} | {floor['load']:.1f}–{build['load']:.1f} "
                  f"| {floor['wall']:.1f} | {cpu[0]:.1f} ({floor['main_cpu']:.1f} + "
                  f"{floor['workers_cpu']:.1f}) | {build['wall']:.1f} | {cpu[1]:.1f} "
                  f"({build['main_cpu']:.1f} + {build['workers_cpu']:.1f}) | "
                  f"{build['wall'] / floor['wall']:.2f} | {cpu[1] / cpu[0]:.2f} |", flush=True)
            if options.hash and "tantivy" in options.engine:
                print(f"records of {checkout.name}: {record_digest(build['folder'])}",
                      file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
