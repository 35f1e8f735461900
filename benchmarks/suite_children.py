"""The benchmark suite's child processes (see ``benchmarks/suite.py``): one step of one
engine per process (build, dump, query, incremental, sync), run and measured from the
suite's process (RSS and PSS of the process tree, load, SolrCloud nodes)."""

from __future__ import annotations

import collections
import contextlib
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from suite_common import (
    FACET_CLASSES,
    HERE,
    QuerySpec,
    _cpu,
    _hwm_mb,
    _read_json,
    _rss_mb,
    _write_json,
    eng,
)

# ==================================================================== child processes


def child(argv: Sequence[str]) -> int:
    """``suite.py _child TASK ENGINE CORPUS_DIR [OPTIONS_JSON]``: one step of one engine,
    its result written as ``CORPUS_DIR/ENGINE/TASK.json``."""
    task, name, corpus_dir = argv[0], argv[1], Path(argv[2])
    options = json.loads(argv[3]) if len(argv) > 3 else {}
    out_dir = corpus_dir / name
    out_dir.mkdir(parents=True, exist_ok=True)
    rss_start = _rss_mb()
    result = {"build": _child_build, "dump": _child_dump, "query": _child_query,
              "incremental": _child_incremental, "sync": _child_sync}[task](
                  name, corpus_dir, out_dir, options)
    result["rss_start_mb"] = rss_start
    result["rss_mb"] = _rss_mb()
    result["hwm_mb"] = _hwm_mb()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result["children_rss_mb"] = children.ru_maxrss / 1024
    result["children_cpu"] = children.ru_utime + children.ru_stime
    _write_json(out_dir / f"{task}.json", result)
    return 0


def _profiler(options: dict[str, Any]) -> Any:
    if not options.get("profile"):
        return None
    from pyinstrument import Profiler
    return Profiler(interval=0.002)


def profile_tables(session: Any, top: int = 15) -> tuple[list[tuple[float, str]],
                                                          list[tuple[float, str]]]:
    """From a pyinstrument session: the functions with the most self time, and the
    docsearch functions with the most total time (a function counted once per stack)."""
    own: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()

    def name(frame: Any) -> str:
        function = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
        return f"{function} ({frame.file_path_short}:{frame.line_no})"

    def walk(frame: Any, above: frozenset[str]) -> None:
        real = [c for c in frame.children if not c.is_synthetic]
        key = name(frame)
        own[key] += frame.time - sum(c.time for c in real)
        if "docsearch/" in (frame.file_path or "") and key not in above:
            total[key] += frame.time
        for c in real:
            walk(c, above | {key})

    root = session.root_frame()
    if root is not None:
        walk(root, frozenset())
    return ([(t, k) for k, t in own.most_common(top)],
            [(t, k) for k, t in total.most_common(top)])


def _write_profile(profiler: Any, path: Path) -> None:
    """The profile as text (self time and docsearch's total time per function; then
    pyinstrument's call tree) and as a session (``pyinstrument --load FILE``)."""
    from pyinstrument.renderers import ConsoleRenderer
    session = profiler.last_session
    session.save(str(path.with_suffix(".pyisession")))
    own, total = profile_tables(session)
    duration = session.duration or 1.0
    lines = [f"# {duration:.2f} s profiled", "", "# self time per function"]
    lines += [f"{t:8.3f} s {100 * t / duration:5.1f}%  {k}" for t, k in own]
    lines += ["", "# total time per docsearch function"]
    lines += [f"{t:8.3f} s {100 * t / duration:5.1f}%  {k}" for t, k in total]
    tree = profiler.output(ConsoleRenderer(unicode=False, color=False,
                                           processor_options={"filter_threshold": 0.02}))
    path.write_text("\n".join(lines) + "\n\n# call tree\n" + tree, encoding="utf-8")


def _child_build(name: str, corpus_dir: Path, out_dir: Path, options: dict[str, Any]
                 ) -> dict[str, Any]:
    engine = eng.make_engine(name, options)
    folder = out_dir / "index"
    if folder.exists():
        shutil.rmtree(folder)
    source = corpus_dir / engine.source_file
    profiler = _profiler(options)
    if profiler is not None:
        profiler.start()
    cpu, start = _cpu(True), time.perf_counter()
    docs = engine.build(source, folder)
    seconds = time.perf_counter() - start
    cpu = _cpu(True) - cpu
    if profiler is not None:
        profiler.stop()
        _write_profile(profiler, out_dir / "profile_build.txt")
    workers = None
    if name.startswith("docsearch") or name == eng.FLOOR:
        try:
            from docsearch.parallel import worker_count
            workers = worker_count()
        except ImportError:
            workers = 1
    size = (engine.index_bytes(folder) if isinstance(engine, eng.DocsearchEngine)
            else eng.size_on_disk(folder))
    return {"seconds": seconds, "cpu": cpu, "docs": docs, "workers": workers,
            "size_bytes": size, "profiled": profiler is not None}


def _child_dump(name: str, corpus_dir: Path, out_dir: Path, options: dict[str, Any]
                ) -> dict[str, Any]:
    """What the docsearch index holds, for the reference engines; the new articles
    extracted the same way (outside any timing)."""
    import docsearch
    count = 0
    start = time.perf_counter()
    with docsearch.open(corpus_dir / name / "index") as ix, \
            (corpus_dir / "reference.jsonl").open("w", encoding="utf-8") as out:
        for article in ix:
            out.write(json.dumps(eng.reference_record(article), ensure_ascii=False) + "\n")
            count += 1
    with (corpus_dir / "new_reference.jsonl").open("w", encoding="utf-8") as out:
        for record in eng.read_jsonl(corpus_dir / "new.jsonl"):
            article = docsearch.enrich(eng.record_article(record))
            out.write(json.dumps(eng.reference_record(article), ensure_ascii=False) + "\n")
    return {"docs": count, "seconds": time.perf_counter() - start}


def _child_query(name: str, corpus_dir: Path, out_dir: Path, options: dict[str, Any]
                 ) -> dict[str, Any]:
    engine = eng.make_engine(name, options)
    specs = [QuerySpec(**s) for s in _read_json(corpus_dir / "queries.json")]
    budget = float(options.get("budget", 900.0))
    start = time.perf_counter()
    engine.open(out_dir / "index")
    open_ms = (time.perf_counter() - start) * 1000
    first_ms = None
    warm_start = time.perf_counter()
    warmed = 0
    for spec in specs:
        t = time.perf_counter()
        engine.query(spec)
        if first_ms is None:
            first_ms = (time.perf_counter() - t) * 1000
        warmed += 1
        if time.perf_counter() - warm_start > budget:
            break
    timed: list[dict[str, Any]] = []
    pass_start = time.perf_counter()
    for spec in specs:
        if time.perf_counter() - pass_start > budget:
            break
        t = time.perf_counter()
        answer = engine.query(spec)
        seconds = time.perf_counter() - t
        timed.append({"number": spec.number, "kind": spec.kind, "ms": seconds * 1000,
                      "total": answer.total, "facets": answer.facets, "ids": answer.ids})
    profiler = _profiler(options)
    if profiler is not None:
        facet_specs = [s for s in specs if s.kind in FACET_CLASSES]
        profiler.start()
        for _ in range(3):
            for spec in facet_specs:
                engine.query(spec)
        profiler.stop()
        _write_profile(profiler, out_dir / "profile_facets.txt")
    engine.close()
    return {"open_ms": open_ms, "first_ms": first_ms, "warmed": warmed,
            "queries": len(specs), "timed": timed, "budget_s": budget}


def _child_incremental(name: str, corpus_dir: Path, out_dir: Path, options: dict[str, Any]
                       ) -> dict[str, Any]:
    engine = eng.make_engine(name, options)
    source = ("new.jsonl" if isinstance(engine, eng.DocsearchEngine)
              else "new_reference.jsonl")
    records = list(eng.read_jsonl(corpus_dir / source))
    engine.open(out_dir / "index")
    probe = QuerySpec(number=-1, kind="facets", facets=True)
    engine.query(probe)
    result: dict[str, Any] = {}
    done = 0
    for size in (10, 100):
        batch = records[done:done + size]
        start = time.perf_counter()
        engine.add(batch)
        result[f"add{size}_s"] = time.perf_counter() - start
        done += size
        if size == 10:
            start = time.perf_counter()
            after = engine.query(probe)
            result["query_after_add_ms"] = (time.perf_counter() - start) * 1000
            result["total_after_add10"] = after.total
    engine.close()
    return result


def _child_sync(name: str, corpus_dir: Path, out_dir: Path, options: dict[str, Any]
                ) -> dict[str, Any]:
    """Reuters as 21,578 Markdown files (benchmarks/sync.py): full index, no-op sync,
    sync after adding 10 files; wall and CPU time of the process and its workers."""
    import attrs as _attrs
    import sync as bench_sync
    files_dir, index_dir = out_dir / "files", out_dir / "files-index"
    for folder in (files_dir, index_dir):
        if folder.exists():
            shutil.rmtree(folder)
    docs = list(bench_sync.read_docs(Path(options["reuters"]), options.get("limit")))
    written = bench_sync.write_docs(docs, files_dir)
    # docsearch re-reads, at the next sync, a file modified within 2 s of the listing
    # (a "racy" file); files older than that, as in any folder not just written, are not.
    time.sleep(2.5)
    paths = [str(files_dir)]
    n = written
    workers_cpu: list[float] = []

    def measure(*margs: Any, **kwargs: Any) -> Any:
        before = _cpu(True) - _cpu()
        step = bench_sync.measure(*margs, **kwargs)
        workers_cpu.append(max(0.0, _cpu(True) - _cpu() - before))
        return step

    full = measure(
        "full index (files)", index_dir, lambda ix: ix.sync(paths),
        {"files": n, "added": n, "updated": 0, "unchanged": 0, "failed": 0}, n, create=True)
    _, do_sync = bench_sync.syncer(paths)
    noop = measure("no-op sync", index_dir, do_sync,
                   {"files": n, "added": 0, "updated": 0, "removed": 0,
                    "unchanged": n, "failed": 0}, n)
    changes = bench_sync.CHANGES
    for doc in bench_sync.pick(docs, changes, 0):
        when = doc.published and doc.published.replace(year=doc.published.year + 1)
        text = bench_sync.markdown(_attrs.evolve(doc, newid=0, published=when),
                                   extra_first=f"Benchmark copy of NEWID {doc.newid}.")
        path = files_dir / "added" / f"copy-{doc.newid:05d}.md"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    add = measure(f"sync add {changes} files", index_dir, do_sync,
                  {"files": n + changes, "added": changes, "updated": 0,
                   "removed": 0, "unchanged": n, "failed": 0}, n + changes)
    steps = [full, noop, add]
    if not options.get("keep"):
        shutil.rmtree(files_dir, ignore_errors=True)
        shutil.rmtree(index_dir, ignore_errors=True)
    return {"files": written, "steps": [
        {"name": s.name, "seconds": s.seconds, "cpu": s.cpu, "workers_cpu": w,
         "rss_mb": s.rss_mb, "checks": s.checks} for s, w in zip(steps, workers_cpu,
                                                                 strict=True)]}


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from ``/proc``)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB, (0, 0) when it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def solr_state_folder(given: str | None) -> Path:
    """The ``scripts/solrcloud`` state folder: ``given``, else ``SOLRCLOUD_STATE``, else
    ``.solrcloud/`` at the repository root."""
    return Path(given or os.environ.get("SOLRCLOUD_STATE") or HERE.parent / ".solrcloud")


def solr_nodes(state: Path) -> dict[str, dict[str, float]]:
    """Each running Solr node of the test cluster whose state folder is ``state``
    (``node1.pid``, ``node2.pid``, ...): its resident memory now (``VmRSS``, MB) and the
    CPU seconds it has used since it started (``utime + stime``)."""
    found: dict[str, dict[str, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid_file in sorted(state.glob("node*.pid")):
        try:
            pid = int(pid_file.read_text().strip())
            status = Path(f"/proc/{pid}/status").read_text()
            stat = Path(f"/proc/{pid}/stat").read_text()
        except (OSError, ValueError):
            continue
        rss = [int(line.split()[1]) / 1024 for line in status.splitlines()
               if line.startswith("VmRSS:")]
        fields = stat.rpartition(")")[2].split()  # fields 3.. of proc(5); 14, 15: times
        found[pid_file.stem] = {"rss_mb": rss[0] if rss else 0.0,
                                "cpu_s": (int(fields[11]) + int(fields[12])) / tick}
    return found


def solr_disk_bytes(state: Path, location: str) -> int:
    """What the cores of the index at ``location`` take on the disks of the test
    cluster's nodes (``node*/NAME__*``: every replica of every shard, and the index's
    records), in bytes."""
    name = location.rstrip("/").rsplit("/", 1)[-1]
    return sum(eng.size_on_disk(core) for node in sorted(state.glob("node*"))
               if node.is_dir() for core in sorted(node.glob(f"{name}__*")))


def nodes_during(before: dict[str, dict[str, float]], after: dict[str, dict[str, float]]
                 ) -> dict[str, dict[str, float]]:
    """Per node: its RSS at the end of a step and the CPU seconds it used during it."""
    return {node: {"rss_mb": now["rss_mb"],
                   "cpu_s": now["cpu_s"] - before.get(node, {"cpu_s": now["cpu_s"]})["cpu_s"]}
            for node, now in after.items()}


def run_child(task: str, engine: str, corpus_dir: Path, options: dict[str, Any],
              say: Callable[[str], None]) -> dict[str, Any] | None:
    """One step in a child process; while it runs, the RSS and PSS of its process tree
    (worker processes included) are sampled every 0.5 s (``/proc/PID/smaps_rollup``;
    this costs the suite's process about 3% of a core)."""
    (corpus_dir / engine).mkdir(parents=True, exist_ok=True)
    if options.get("in_process"):
        start = time.perf_counter()
        child([task, engine, str(corpus_dir), json.dumps(options)])
        result: dict[str, Any] = _read_json(corpus_dir / engine / f"{task}.json")
        say(f"  {engine} {task}: done in {time.perf_counter() - start:.1f} s (in-process)")
        return result
    command = [sys.executable, str(HERE / "suite.py"), "_child", task, engine,
               str(corpus_dir), json.dumps(options)]
    env = dict(os.environ)
    if options.get("workers"):
        env["DOCSEARCH_WORKERS"] = str(options["workers"])
    log = corpus_dir / engine / f"{task}.log"
    start = time.perf_counter()
    peak_rss = peak_pss = 0
    loads = [os.getloadavg()[0]]
    with log.open("w") as handle:
        proc = subprocess.Popen(command, stdout=handle, stderr=subprocess.STDOUT, env=env)
        while proc.poll() is None:
            sums = [_memory_kb(p) for p in _tree(proc.pid)]
            peak_rss = max(peak_rss, sum(r for r, _ in sums))
            peak_pss = max(peak_pss, sum(p for _, p in sums))
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(0.5)
            loads.append(os.getloadavg()[0])
    took = time.perf_counter() - start
    if proc.returncode != 0:
        say(f"  {engine} {task}: FAILED (exit {proc.returncode}) after {took:.1f} s")
        for line in log.read_text(errors="replace").strip().splitlines()[-12:]:
            say(f"    {line}")
        return None
    result = _read_json(corpus_dir / engine / f"{task}.json")
    result["tree_rss_mb"], result["tree_pss_mb"] = peak_rss / 1024, peak_pss / 1024
    result["load_1min"] = [min(loads), max(loads)]
    _write_json(corpus_dir / engine / f"{task}.json", result)
    say(f"  {engine} {task}: done in {took:.1f} s (peak RSS {result['rss_mb']:.0f} MB; "
        f"process tree, sampled: RSS {peak_rss / 1024:.0f} MB, PSS {peak_pss / 1024:.0f} MB)")
    return result
