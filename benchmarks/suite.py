"""The benchmark suite: docsearch beside raw Whoosh, tantivy and SQLite FTS5.

    .venv/bin/python benchmarks/suite.py [--corpus reuters|synthetic|all]
        [--synthetic-size 200000] [--seed 0] [--queries 240]
        [--engines docsearch,whoosh,tantivy,sqlite] [--workdir DIR] [--keep]
        [--markdown FILE] [--query-budget SECONDS] [--no-sync] [--no-floor] [--profile]
        [--solr URL] [--solr-shards N] [--solr-replicas N] [--solr-state DIR]
        [--report-only]

The engines (``benchmarks/engines.py``): ``docsearch`` (or by its other name
``docsearch-whoosh``) is the one every other engine is compared with and must be among
them, else ``docsearch-tantivy`` is the reference; ``docsearch-tantivy`` and
``docsearch-solr`` are docsearch on its other engines. ``docsearch-solr`` builds a fresh
index ``bench_CORPUS_STAMP`` on the SolrCloud cluster of ``--solr`` (a node's base URL,
``http://HOST:PORT/solr``; default the environment variable ``DOCSEARCH_SOLR_URL``), of
``--solr-shards`` shards of ``--solr-replicas`` replicas (default docsearch's, 2 and 2),
and deletes it at the end; the resident memory and CPU time of the cluster's Solr nodes
(their pids in the ``scripts/solrcloud`` state folder, ``--solr-state``, default
``SOLRCLOUD_STATE`` or ``.solrcloud/``) are read after its build and after its queries.

For each corpus (Reuters-21578 from ``../shared/corpora/reuters21578/``, and a synthetic
corpus from ``benchmarks/synthetic.py``) it

1. writes the corpus as JSON lines (``corpus.jsonl``) and 110 new articles for the
   incremental steps (``new.jsonl``);
2. builds the docsearch index in a child process (parse the JSON lines, extract people
   and topics, index), then dumps what docsearch holds (``reference.jsonl``: text,
   people under the index's names, topics, source, day) for the reference engines;
3. draws the query mix from ``reference.jsonl`` (a seeded ``random.Random``), and
   measures the extraction-only floor of docsearch's builds (``extraction-only``, unless
   ``--no-floor``: the build's reading, people, topics and text analysis on the same
   workers, nothing written); the build table gives each docsearch build as a ratio to it;
4. builds each reference engine in its own child process from ``reference.jsonl`` (text
   indexing only: the extraction docsearch did is given to them);
5. runs the query mix in a fresh child process per engine that opens the index: one
   warm-up pass, then one timed pass (``time.perf_counter`` around each query);
6. adds 10, then 100 new articles to each built index (child process per engine);
7. for Reuters, times a no-op ``Index.sync`` of the corpus as 21,578 Markdown files and
   a sync after adding 10 files, with ``benchmarks/sync.py``'s functions;
8. compares every engine's totals and facet counts with docsearch's, query by query
   (and, for docsearch on its other engines, the ids of the first page).

Peak RSS is each child's own ``ru_maxrss``; build seconds are wall time of the child's
build call (parse + extract + index for docsearch, parse + index for the others).
Results are kept as JSON in the work folder (``--keep``), so ``--report-only`` can print
the tables again, for the corpora whose results are there.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import engines as eng  # noqa: E402
from engines import QuerySpec  # noqa: E402

COMMAND = ".venv/bin/python benchmarks/suite.py"
NEW_ARTICLES = 110                    # 10, then 100
CLASSES = ("term", "and", "phrase", "person", "date range", "by date", "facets",
           "facets+select")
FACET_CLASSES = ("facets", "facets+select")
TEXT_WORD = re.compile(r"[a-z]{3,}")
GOAL_FACET_P50, GOAL_FACET_P95 = 15.0, 50.0
GOAL_BUILD_RATIO, GOAL_ADD10, GOAL_NOOP, GOAL_RSS = 1.5, 1.0, 2.0, 500.0
#: The tantivy engine's goals (issue 15): Reuters build / floor and / the Whoosh engine's;
#: the synthetic corpus's build s, peak RSS MB, faceted p95 ms, add 10 s, query after ms.
TANTIVY_FLOOR_RATIO, TANTIVY_WHOOSH_RATIO = 1.3, 0.2
TANTIVY_BUILD, TANTIVY_RSS, TANTIVY_P95, TANTIVY_ADD10, TANTIVY_AFTER_ADD = (
    300.0, 1000.0, 50.0, 0.3, 100.0)


def _rss_mb() -> float:
    """``ru_maxrss``: on Linux it keeps the high-water mark of the process that forked
    this one (the suite's main process) across ``exec``; see :func:`_hwm_mb`."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _hwm_mb() -> float | None:
    """This process's own peak RSS since ``exec`` (``VmHWM``), in MB."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _cpu(children: bool = False) -> float:
    """CPU seconds of this process (and of its waited-for children)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if children else (
            resource.RUSAGE_SELF,):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


# ============================================================================ corpora


def write_corpus(name: str, folder: Path, size: int, seed: int, reuters: Path) -> int:
    """``corpus.jsonl`` and ``new.jsonl`` for a corpus; returns the corpus size."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for article in _articles(name, size, seed, reuters):
            out.write(json.dumps(eng.article_record(article), ensure_ascii=False) + "\n")
            count += 1
    with (folder / "new.jsonl").open("w", encoding="utf-8") as out:
        for article in _new_articles(name, count, seed, reuters, folder):
            out.write(json.dumps(eng.article_record(article), ensure_ascii=False) + "\n")
    return count


def _articles(name: str, size: int, seed: int, reuters: Path) -> Iterable[Any]:
    if name == "reuters":
        from reuters import read_reuters
        for k, (article, _) in enumerate(read_reuters(reuters)):
            if size and k >= size:
                return
            yield article
    else:
        import synthetic
        yield from synthetic.generate(size, seed)


def _new_articles(name: str, count: int, seed: int, reuters: Path, folder: Path
                  ) -> list[Any]:
    """New articles for the incremental steps: the next synthetic articles, or copies
    of Reuters articles spread over the collection, dated a year later, with a new
    first paragraph and a new id."""
    if name != "reuters":
        import synthetic
        return list(synthetic.generate(NEW_ARTICLES, seed, start=count))
    records = [r for r in eng.read_jsonl(folder / "corpus.jsonl") if r["body"]]
    stride = max(1, len(records) // NEW_ARTICLES)
    out = []
    for k in range(NEW_ARTICLES):
        record = dict(records[(k * stride) % len(records)])
        original = record["id"]
        record["id"] = f"bench-{k:03d}-{original}"
        record["body"] = (f"Benchmark copy of {original}, dated a year later.\n\n"
                          + record["body"])
        published = record.get("published")
        if published:
            record["published"] = str(int(published[:4]) + 1) + published[4:]
        out.append(eng.record_article(record))
    return out


# ========================================================================== query mix


def make_queries(records: Sequence[dict[str, Any]], count: int, seed: int) -> list[QuerySpec]:
    """``count`` queries, the same number of each class, drawn from the corpus."""
    from whoosh.analysis import STOP_WORDS
    rng = random.Random(seed)
    sample = list(records) if len(records) <= 20000 else rng.sample(list(records), 20000)
    df: collections.Counter[str] = collections.Counter()
    for record in sample:
        df.update(set(TEXT_WORD.findall(f"{record['title']} {record['body']}".lower())))
    low, high = 0.005 * len(sample), 0.08 * len(sample)
    mid = sorted(w for w, c in df.items() if low <= c <= high and w not in STOP_WORDS)
    if not mid:
        mid = sorted(w for w in df if w not in STOP_WORDS)
    mid_set = set(mid)
    with_text = [r for r in records if r["body"]]
    person_docs: dict[str, list[int]] = collections.defaultdict(list)
    for k, record in enumerate(with_text):
        for person in record["people"]:
            person_docs[person].append(k)
    people = sorted(p for p, d in person_docs.items() if len(d) >= 3) or sorted(person_docs)
    days = sorted(r["day"] for r in records if r["day"])

    def words_of(record: dict[str, Any]) -> list[str]:
        found = set(TEXT_WORD.findall(f"{record['title']} {record['body']}".lower()))
        return sorted(found & mid_set) or [rng.choice(mid)]

    def doc() -> dict[str, Any]:
        return rng.choice(with_text)

    def phrase() -> tuple[str, ...]:
        for _ in range(50):
            tokens = re.findall(r"[A-Za-z]+|[^A-Za-z\s]+|\s+", doc()["body"])
            pairs = [(tokens[i].lower(), tokens[i + 2].lower())
                     for i in range(len(tokens) - 2)
                     if tokens[i + 1] == " " and tokens[i].isalpha() and tokens[i + 2].isalpha()
                     and len(tokens[i]) >= 3 and len(tokens[i + 2]) >= 3
                     and tokens[i].lower() not in STOP_WORDS
                     and tokens[i + 2].lower() not in STOP_WORDS
                     and (tokens[i].lower() in mid_set or tokens[i + 2].lower() in mid_set)]
            if pairs:
                return rng.choice(pairs)
        return (rng.choice(mid), rng.choice(mid))

    def date_range() -> tuple[str, str]:
        """From an article's day, 1% to 25% of the corpus's span of days."""
        import datetime as dt
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
        span = max(1, (last - first).days)
        length = max(1, int(span * rng.uniform(0.01, 0.25)))
        start = dt.date.fromisoformat(rng.choice(days))
        return start.isoformat(), (start + dt.timedelta(days=length)).isoformat()

    specs: list[QuerySpec] = []
    per_class = max(1, count // len(CLASSES))
    for n in range(per_class * len(CLASSES)):
        kind = CLASSES[n % len(CLASSES)]
        base: dict[str, Any] = {"number": n, "kind": kind}
        if kind == "term":
            base["words"] = (rng.choice(mid),)
        elif kind == "and":
            found = words_of(doc())
            base["words"] = tuple(rng.sample(found, 2)) if len(found) >= 2 else (
                found[0], rng.choice(mid))
        elif kind == "phrase":
            base["words"], base["phrase"] = phrase(), True
        elif kind == "person":
            person = rng.choice(people)
            base["people"] = (person,)
            base["words"] = (rng.choice(words_of(with_text[rng.choice(person_docs[person])])),)
        elif kind == "date range":
            base["words"] = (rng.choice(mid),)
            base["since"], base["until"] = date_range()
        elif kind == "by date":
            base["words"], base["sort"] = (rng.choice(mid),), "date"
        elif kind == "facets":
            roll = rng.random()
            base["facets"] = True
            if roll < 0.2:
                base["words"] = ()
            elif roll < 0.7:
                base["words"] = (rng.choice(mid),)
            else:
                found = words_of(doc())
                base["words"] = tuple(rng.sample(found, 2)) if len(found) >= 2 else (
                    found[0],)
        else:  # facets with a selected value: the others of that facet still counted
            record = doc()
            base["facets"] = True
            base["words"] = (rng.choice(words_of(record)),)
            roll = rng.random()
            if roll < 0.5 and record["people"]:
                chosen = [rng.choice(record["people"])]
                if rng.random() < 0.3 and people:
                    chosen.append(rng.choice(people))
                base["people"] = tuple(dict.fromkeys(chosen))
            elif roll < 0.8 and record["topics"]:
                base["topics"] = (rng.choice(record["topics"]),)
            elif record["source"]:
                base["sources"] = (record["source"],)
            elif people:
                base["people"] = (rng.choice(people),)
        specs.append(QuerySpec(**base))
    rng.shuffle(specs)
    return specs


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
    command = [sys.executable, str(Path(__file__).resolve()), "_child", task, engine,
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


# ========================================================================== agreement


@attrs.define
class Diff:
    """How one engine's answers compare with docsearch's for one query class."""

    compared: int = 0
    totals_differ: int = 0
    facets_compared: int = 0
    facets_differ: int = 0
    facets_differ_same_total: int = 0
    no_text_differ: int = 0
    ids_compared: int = 0
    ids_differ: int = 0
    ids_same_set: int = 0
    which_facets: collections.Counter[str] = attrs.Factory(collections.Counter)
    examples: list[str] = attrs.Factory(list)
    no_text_examples: list[str] = attrs.Factory(list)
    ids_examples: list[str] = attrs.Factory(list)


def compare(reference: dict[int, dict[str, Any]], other: dict[int, dict[str, Any]],
            specs: dict[int, QuerySpec], ids: bool = False) -> dict[str, Diff]:
    """Totals and facet counts of ``other`` against ``reference`` (docsearch's); with
    ``ids``, also the ids of the first page (of docsearch on another engine: the same
    articles in the same order, or at least the same articles)."""
    diffs = {kind: Diff() for kind in CLASSES}
    for number, mine in reference.items():
        theirs = other.get(number)
        if theirs is None:
            continue
        spec = specs[number]
        diff = diffs[spec.kind]
        diff.compared += 1
        total_differs = mine["total"] != theirs["total"]
        if total_differs:
            diff.totals_differ += 1
            if not spec.words:
                diff.no_text_differ += 1
        if spec.facets:
            diff.facets_compared += 1
            wrong = [n for n in eng.FACET_NAMES
                     if mine["facets"].get(n, {}) != theirs["facets"].get(n, {})]
            if wrong:
                diff.facets_differ += 1
                diff.which_facets.update(wrong)
                if not total_differs:
                    diff.facets_differ_same_total += 1
                    if len(diff.examples) < 2:
                        name = wrong[0]
                        a, b = mine["facets"].get(name, {}), theirs["facets"].get(name, {})
                        delta = {k: (a.get(k), b.get(k)) for k in sorted(set(a) | set(b))
                                 if a.get(k) != b.get(k)}
                        diff.examples.append(f"{spec.describe()}: {name} "
                                             f"(docsearch, engine) {dict(list(delta.items())[:3])}")
        if total_differs and len(diff.examples) < 2:
            diff.examples.append(f"{spec.describe()}: total {mine['total']} vs "
                                 f"{theirs['total']}")
        if ids:
            diff.ids_compared += 1
            a, b = list(mine.get("ids", [])), list(theirs.get("ids", []))
            if a != b:
                diff.ids_differ += 1
                if set(a) == set(b):
                    diff.ids_same_set += 1
                if len(diff.ids_examples) < 2:
                    first = next(k for k in range(max(len(a), len(b)))
                                 if k >= len(a) or k >= len(b) or a[k] != b[k])
                    diff.ids_examples.append(
                        f"{spec.describe()}: hit {first + 1} is "
                        f"{a[first] if first < len(a) else '-'} vs "
                        f"{b[first] if first < len(b) else '-'}"
                        + (" (same 10 articles)" if set(a) == set(b) else ""))
        if not spec.words and len(diff.no_text_examples) < 2 and (
                total_differs or mine.get("facets") != theirs.get("facets")):
            diff.no_text_examples.append(
                f"{spec.describe()}: total {mine['total']} vs {theirs['total']}, facets "
                f"{'equal' if mine.get('facets') == theirs.get('facets') else 'differ'}")
    return diffs


# --------------------------------------------------------------- why totals differ


class Explainer:
    """Finds, for a query whose total differs, an article that one engine finds and the
    other does not, and says what in its text makes the difference."""

    def __init__(self, corpus_dir: Path, engine: str,
                 records: dict[str, dict[str, Any]]) -> None:
        from docsearch.engines.whoosh.schema import text_analyzer
        self.engine = engine
        self.records = records
        self.corpus_dir = corpus_dir
        self.analyzer = text_analyzer()
        self.whoosh = eng.WhooshEngine()
        self.whoosh.open(corpus_dir / "whoosh" / "index")
        self.other: Any = eng.make_engine(engine)
        self.other.open(corpus_dir / engine / "index")
        self._tantivy_analyzer: Any = None

    def close(self) -> None:
        self.whoosh.close()
        self.other.close()

    # ------------------------------------------------------------- the ids each finds

    def whoosh_ids(self, spec: QuerySpec) -> set[str]:
        from whoosh import query as wq
        w = self.whoosh
        text = spec.text()
        q = w.parser.parse(text) if text else wq.Every()
        parts: list[Any] = [wq.Or([wq.Term(f, v) for v in vals])
                            for f, vals in spec.selections().items()]
        if spec.since or spec.until:
            parts.append(wq.TermRange("day", spec.since, spec.until))
        found = w.search(q, wq.And(parts) if parts else None, limit=None)
        return {hit["id"] for hit in found} if found else set()

    def other_ids(self, spec: QuerySpec) -> set[str]:
        if self.engine == "tantivy":
            import tantivy
            t = self.other
            text = spec.text()
            tq = (t.index.parse_query(text, ["title", "body"], conjunction_by_default=True)
                  if text else tantivy.Query.all_query())
            q = t._query(tq, t._filters(spec, None))
            searcher = t.index.searcher()
            count = searcher.search(q, 1, count=True).count
            found = searcher.search(q, max(1, count))
            return {searcher.doc(address)["id"][0] for _, address in found.hits}
        if self.engine == "sqlite":
            s = self.other
            sql, args = s._matching(spec, None)
            rows = s.db.execute(f"SELECT id FROM doc WHERE rowid IN ({sql})", args)
            return {r[0] for r in rows}
        return set()

    # --------------------------------------------------------------- text analysis

    def whoosh_terms(self, text: str) -> list[tuple[str, str]]:
        """(surface word, term) pairs of docsearch's analyzer."""
        return [(text[t.startchar:t.endchar], t.text)
                for t in self.analyzer(text, chars=True, removestops=True)]

    def other_terms(self, text: str) -> list[str]:
        if self.engine == "tantivy":
            if self._tantivy_analyzer is None:
                import tantivy
                if not hasattr(tantivy, "TextAnalyzerBuilder"):  # before tantivy 0.24
                    return []
                self._tantivy_analyzer = (
                    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                    .filter(tantivy.Filter.remove_long(40))
                    .filter(tantivy.Filter.lowercase())
                    .filter(tantivy.Filter.stemmer("english")).build())
            return list(self._tantivy_analyzer.analyze(text))
        import sqlite3
        db = sqlite3.connect(":memory:")
        db.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{eng.SqliteEngine.TOKENIZE}')")
        db.execute("INSERT INTO t(x) VALUES (?)", (text,))
        db.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        terms = [r[0] for r in db.execute("SELECT term FROM v ORDER BY offset")]
        db.close()
        return terms

    def reason(self, spec: QuerySpec) -> tuple[str, str]:
        """(category, one line) for one query whose totals (or facet counts) differ: the
        first article that one engine finds for the query's text (its filters left out:
        they are the same in every engine) and the other does not, and the words of it
        that decide."""
        spec = QuerySpec(number=spec.number, kind=spec.kind, words=spec.words,
                         phrase=spec.phrase)
        mine, theirs = self.whoosh_ids(spec), self.other_ids(spec)
        only_mine, only_theirs = sorted(mine - theirs), sorted(theirs - mine)
        if not only_mine and not only_theirs:
            return "same articles", f"{spec.describe()}: the same articles, other totals"
        side, doc_id = (("docsearch", only_mine[0]) if only_mine
                        else (self.engine, only_theirs[0]))
        head = (f"{spec.text()}: {len(only_mine)} only in docsearch, {len(only_theirs)} only "
                f"in {self.engine}; {doc_id} ({side} only)")
        record = self.records.get(doc_id)
        if record is None:
            return "unknown", f"{head}: not in the reference dump"
        text = f"{record['title']}\n{record['body']}"
        query_terms = {t for w in spec.words for _, t in self.whoosh_terms(w)}
        other_query = {t for w in spec.words for t in self.other_terms(w)}
        if side == "docsearch":
            if spec.phrase:
                gap = self._phrase_gap(text, [t for w in spec.words
                                              for _, t in self.whoosh_terms(w)])
                if gap is not None:
                    return "phrase gap", (f"{head}: it has {gap!r}: docsearch's analyzer drops "
                                          f"the stop word or 1-letter token between and "
                                          f"closes the gap")
            surface = sorted({w for w, t in self.whoosh_terms(text) if t in query_terms})
            for word in surface:
                if not set(self.other_terms(word)) & other_query:
                    return "stemming", (
                        f"{head}: it has {word!r}, which docsearch's Porter stems to "
                        f"{sorted({t for _, t in self.whoosh_terms(word)})} as the query; "
                        f"{self.engine} gives {self.other_terms(word)}, the query "
                        f"{sorted(other_query)}")
            return "other", f"{head}: its words {surface[:4]}"
        words = sorted({w for w in re.findall(r"[^\W_]+(?:['.’][^\W_]+)*", text)
                        if set(self.other_terms(w)) & other_query})
        for word in words:
            terms = {t for _, t in self.whoosh_terms(word)}
            if re.search(r"['.’]", word) or not word.isascii():
                return "tokenizing", (f"{head}: it has {word!r}: {self.other_terms(word)} in "
                                      f"{self.engine}, {sorted(terms)} in docsearch")
            if not terms:
                return "stop word", (f"{head}: it has {word!r}, a stop word docsearch drops; "
                                     f"{self.engine} keeps it, and the query "
                                     f"{spec.words!r} is {sorted(other_query)} there")
            if not terms & query_terms:
                return "stemming", (
                    f"{head}: it has {word!r}, which {self.engine} stems to "
                    f"{self.other_terms(word)} as the query; docsearch's Porter gives "
                    f"{sorted(terms)}, the query {sorted(query_terms)}")
        if spec.phrase:
            return "phrase gap", (f"{head}: {_context(text, spec.words)!r}: a stop word "
                                  f"kept by {self.engine} (or punctuation) between")
        return "other", f"{head}: its words {words[:4]}"

    def _phrase_gap(self, text: str, terms: Sequence[str]) -> str | None:
        """The text between two consecutive positions of ``terms`` that holds a word."""
        if len(terms) < 2:
            return None
        tokens = [(t.text, t.pos, t.startchar, t.endchar)
                  for t in self.analyzer(text, positions=True, chars=True)]
        for a, b in zip(tokens, tokens[1:], strict=False):
            if a[0] == terms[0] and b[0] == terms[1] and b[1] == a[1] + 1:
                between = text[a[3]:b[2]]
                if re.search(r"[^\W_]", between):
                    return text[a[2]:b[3]]
        return None


def _context(text: str, words: Sequence[str]) -> str:
    flat = " ".join(text.split())
    match = re.search(re.escape(words[0][:4]), flat, re.IGNORECASE)
    if not match:
        return flat[:60]
    return flat[max(0, match.start() - 20):match.start() + 50]


# ============================================================================ running


def run_corpus(name: str, args: argparse.Namespace, workdir: Path,
               say: Callable[[str], None]) -> dict[str, Any]:
    corpus_dir = workdir / name
    if corpus_dir.exists():
        shutil.rmtree(corpus_dir)
    corpus_dir.mkdir(parents=True)
    code_at_start = code_state()
    engines = [e for e in args.engines.split(",") if e]
    ref = reference_engine(engines)
    size = args.synthetic_size if name == "synthetic" else (args.limit or 0)
    say(f"== {name}: writing the corpus")
    start = time.perf_counter()
    count = write_corpus(name, corpus_dir, size, args.seed, Path(args.reuters))
    say(f"  {count:,} articles + {NEW_ARTICLES} new ones in {time.perf_counter() - start:.1f} s")
    result: dict[str, Any] = {"corpus": name, "docs": count, "engines": engines,
                              "reference": ref,
                              "queries_requested": args.queries, "seed": args.seed,
                              "build": {}, "query": {}, "incremental": {}, "sync": None}
    options = {"profile": args.profile, "budget": args.query_budget,
               "reuters": args.reuters, "limit": args.limit, "keep": args.keep,
               "workers": args.workers, "in_process": args.in_process}
    solr_state = None
    if "docsearch-solr" in engines:
        from docsearch.engines.solr.store import DEFAULT_REPLICAS, DEFAULT_SHARDS
        options["solr_shards"], options["solr_replicas"] = args.solr_shards, args.solr_replicas
        result["solr_size"] = [args.solr_shards or DEFAULT_SHARDS,
                               args.solr_replicas or DEFAULT_REPLICAS]
        options["solr_index"] = eng.solr_location(
            args.solr, f"bench_{name}_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}")
        result["solr_index"] = options["solr_index"]
        solr_state = solr_state_folder(args.solr_state)
        say(f"  docsearch-solr: index {options['solr_index']} (deleted at the end); "
            f"Solr nodes from {solr_state}: {', '.join(solr_nodes(solr_state)) or 'none found'}")
    try:
        _run_steps(name, args, corpus_dir, engines, ref, options, solr_state, result, say)
    finally:
        if options.get("solr_index"):
            gone = eng.DocsearchSolrEngine.delete(str(options["solr_index"]))
            say(f"  docsearch-solr: index {options['solr_index']} "
                + ("deleted" if gone else "was not there to delete"))
    for engine in engines:
        for kind in ("build", "facets"):
            path = corpus_dir / engine / f"profile_{kind}.txt"
            if path.exists():
                result.setdefault("profiles", {})[f"{engine} {kind}"] = path.read_text()
    result["code"] = {"start": code_at_start, "end": code_state()}
    if result["code"]["start"] != result["code"]["end"]:
        say(f"  NOTE: docsearch changed during the run: {code_at_start} -> "
            f"{result['code']['end']}")
    _write_json(corpus_dir / "results.json", result)
    return result


REFERENCE_NEEDED = ("--engines must include docsearch (docsearch-whoosh, or else "
                    "docsearch-tantivy): the others are compared with it")


def reference_engine(engines: Sequence[str]) -> str:
    """The engine of ``engines`` the others are compared with: docsearch on its default
    engine, else docsearch on tantivy (:data:`engines.REFERENCE_NAMES`); ``SystemExit``
    when none is there."""
    for name in eng.REFERENCE_NAMES:
        if name in engines:
            return name
    raise SystemExit(REFERENCE_NEEDED)


def _run_steps(name: str, args: argparse.Namespace, corpus_dir: Path, engines: list[str],
               ref: str, options: dict[str, Any], solr_state: Path | None,
               result: dict[str, Any], say: Callable[[str], None]) -> None:
    """Build, query, compare and add, each engine in its own child process."""

    def step(task: str, engine: str) -> dict[str, Any] | None:
        watch = solr_state is not None and engine == "docsearch-solr"
        before = solr_nodes(solr_state) if watch and solr_state else {}
        found = run_child(task, engine, corpus_dir, options, say)
        if found is not None and watch and solr_state:
            found["solr_nodes"] = nodes_during(before, solr_nodes(solr_state))
            if task == "build":
                found["size_reported_bytes"] = found["size_bytes"]
                found["size_bytes"] = solr_disk_bytes(solr_state, str(options["solr_index"]))
            _write_json(corpus_dir / engine / f"{task}.json", found)
            say("    Solr nodes (RSS MB, CPU s during the step): " + ", ".join(
                f"{n} {v['rss_mb']:,.0f} MB {v['cpu_s']:.1f} s"
                for n, v in found["solr_nodes"].items()))
        return found

    result["build"][ref] = step("build", ref)
    if result["build"][ref] is None:
        raise SystemExit(f"{ref} build failed")
    if run_child("dump", ref, corpus_dir, options, say) is None:
        raise SystemExit(f"reading back what {ref} holds failed")
    records = list(eng.read_jsonl(corpus_dir / "reference.jsonl"))
    specs = make_queries(records, args.queries, args.seed)
    _write_json(corpus_dir / "queries.json", [s.to_dict() for s in specs])
    result["specs"] = [s.to_dict() for s in specs]
    say(f"  {len(specs)} queries ({len(specs) // len(CLASSES)} per class)")
    del records
    if not args.no_floor and any(e.startswith("docsearch") for e in engines):
        result["floor"] = run_child("build", eng.FLOOR, corpus_dir, options, say)
    for engine in engines:
        if engine != ref:
            result["build"][engine] = step("build", engine)
    for engine in engines:
        if result["build"].get(engine) is not None:
            result["query"][engine] = step("query", engine)
    result["agreement"] = agreement(corpus_dir, result, specs, say)
    if not args.profile:
        for engine in engines:
            if result["build"].get(engine) is not None:
                result["incremental"][engine] = run_child("incremental", engine, corpus_dir,
                                                          options, say)
        if name == "reuters" and not args.no_sync:
            result["sync"] = run_child("sync", ref, corpus_dir, options, say)


def code_state() -> str:
    """The commit and whether ``docsearch/`` differs from it (a hash of the diff)."""
    import hashlib
    repo = HERE.parent

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                                  timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return "unknown"

    commit = git("rev-parse", "--short", "HEAD")
    diff = git("diff", "HEAD", "--", "docsearch")
    if not diff:
        return f"{commit} (docsearch/ clean)"
    return f"{commit} + uncommitted docsearch/ diff {hashlib.sha1(diff.encode()).hexdigest()[:8]}"


def agreement(corpus_dir: Path, result: dict[str, Any], specs: Sequence[QuerySpec],
              say: Callable[[str], None]) -> dict[str, Any]:
    by_number = {s.number: s for s in specs}
    ref = result.get("reference", "docsearch")
    reference_run = result["query"].get(ref)
    if reference_run is None:
        return {}
    reference = {q["number"]: q for q in reference_run["timed"]}
    out: dict[str, Any] = {}
    records: dict[str, dict[str, Any]] | None = None
    for engine, run in result["query"].items():
        if engine == ref or run is None:
            continue
        other = {q["number"]: q for q in run["timed"]}
        diffs = compare(reference, other, by_number, ids=engine.startswith("docsearch"))
        reasons: dict[str, list[str]] = {}
        categories: dict[str, collections.Counter[str]] = {}
        if engine in ("tantivy", "sqlite") and "whoosh" in result["query"] and any(
                d.totals_differ or d.facets_differ for d in diffs.values()):
            if records is None:
                records = {r["id"]: r for r in eng.read_jsonl(corpus_dir / "reference.jsonl")}
            explainer = Explainer(corpus_dir, engine, records)
            try:
                for kind in CLASSES:
                    wrong = [n for n, q in reference.items() if by_number[n].kind == kind
                             and n in other and by_number[n].words
                             and (other[n]["total"], other[n]["facets"])
                             != (q["total"], q["facets"])]
                    counter: collections.Counter[str] = collections.Counter()
                    for n in wrong[:6]:
                        category, line = explainer.reason(by_number[n])
                        counter[category] += 1
                        reasons.setdefault(kind, [])
                        if len(reasons[kind]) < 2:
                            reasons[kind].append(line)
                    categories[kind] = counter
            finally:
                explainer.close()
        out[engine] = {kind: {**attrs.asdict(d), "which_facets": dict(d.which_facets),
                              "reasons": reasons.get(kind, []),
                              "categories": dict(categories.get(kind, {}))}
                       for kind, d in diffs.items()}
    say("  agreement checked")
    return out


# ============================================================================ reports


def _pct(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def latencies(run: dict[str, Any] | None, kinds: Iterable[str]) -> list[float]:
    if run is None:
        return []
    wanted = set(kinds)
    return [q["ms"] for q in run["timed"] if q["kind"] in wanted]


def _own_mb(step: dict[str, Any] | None) -> str:
    """A child's own peak RSS: ``VmHWM`` where recorded, else ``ru_maxrss`` in
    parentheses (an upper bound: it can hold the suite process's RSS at the spawn)."""
    if not step:
        return "n/a"
    if step.get("hwm_mb") is not None:
        return f"{step['hwm_mb']:,.0f}"
    return f"({step['rss_mb']:,.0f})"


def _own_value(step: dict[str, Any]) -> float:
    value = step.get("hwm_mb")
    return float(value if value is not None else step["rss_mb"])


def _ms(value: float | None) -> str:
    if value is None or value != value:
        return "n/a"
    return f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def build_rows(result: dict[str, Any]) -> list[list[str]]:
    """One row per engine's build; with the extraction-only floor measured, its row last
    and a column of each docsearch build's time as a ratio to it."""
    solr = any(b and "solr_nodes" in b for b in result["build"].values())
    floor = result.get("floor")
    rows = [["engine", "build s", "cpu s", "docs/s", "own peak RSS MB", "tree RSS / PSS MB",
             "index MB", "docs", "what is timed"]]
    if solr:
        rows[0][-1:-1] = ["Solr nodes: RSS MB after / CPU s"]
    if floor:
        rows[0][2:2] = ["x floor"]
    builds = [(e, result["build"].get(e)) for e in result["engines"]]
    if floor:
        builds.append((eng.FLOOR, floor))
    for engine, b in builds:
        if b is None:
            rows.append([engine, "failed", *[""] * (len(rows[0]) - 2)])
            continue
        what = ("parse JSON + extract + index" if engine.startswith("docsearch")
                else "parse JSON + extract people and topics + analyse the text, nothing "
                     "written" if engine == eng.FLOOR
                else "parse JSON + index (values given)")
        if (engine.startswith("docsearch") or engine == eng.FLOOR) and b.get("workers"):
            what += f", {b['workers']} worker(s)"
        tree = (f"{b['tree_rss_mb']:,.0f} / {b['tree_pss_mb']:,.0f}" if "tree_rss_mb" in b
                else "n/a")
        if engine == "docsearch-solr" and result.get("solr_size"):
            shards, replicas = result["solr_size"]
            what += f"; {shards} shard(s) x {replicas} replica(s)"
        if "size_reported_bytes" in b:
            what += (f"; index MB: the cores on the nodes' disks, all replicas (docsearch "
                     f"stats says {b['size_reported_bytes'] / 1e6:,.1f})")
        row = [engine, f"{b['seconds']:.1f}", f"{b['cpu']:.1f}",
               f"{b['docs'] / b['seconds']:,.0f}", _own_mb(b), tree,
               f"{b['size_bytes'] / 1e6:,.1f}", f"{b['docs']:,}",
               what + (" [profiled]" if b.get("profiled") else "")]
        if solr:
            row[-1:-1] = [_nodes_cell(b.get("solr_nodes"))]
        if floor:
            ratio = engine.startswith("docsearch") or engine == eng.FLOOR
            row[2:2] = [f"{b['seconds'] / floor['seconds']:.2f}" if ratio else ""]
            if engine == eng.FLOOR:
                row[0] = f"{engine} (floor)"
        rows.append(row)
    return rows


def _nodes_cell(nodes: dict[str, dict[str, float]] | None) -> str:
    """``node1 + node2`` RSS MB / the CPU seconds they used, e.g. ``412 + 398 / 95.1``."""
    if not nodes:
        return ""
    rss = " + ".join(f"{v['rss_mb']:,.0f}" for v in nodes.values())
    return f"{rss} / {sum(v['cpu_s'] for v in nodes.values()):.1f}"


def latency_rows(result: dict[str, Any]) -> list[list[str]]:
    engines = [e for e in result["engines"] if result["query"].get(e)]
    header = ["query class", "n"] + [f"{e} p50 / p95 ms" for e in engines]
    rows = [header]
    for kind in (*CLASSES, "faceted (both)", "all"):
        kinds = (FACET_CLASSES if kind == "faceted (both)" else CLASSES if kind == "all"
                 else (kind,))
        row = [kind]
        counts = [len(latencies(result["query"][e], kinds)) for e in engines]
        row.append("/".join(str(c) for c in sorted(set(counts))) if counts else "0")
        for e in engines:
            values = latencies(result["query"][e], kinds)
            row.append(f"{_ms(_pct(values, 0.5))} / {_ms(_pct(values, 0.95))}"
                       if values else "n/a")
        rows.append(row)
    row = ["open + first query", ""]
    for e in engines:
        q = result["query"][e]
        row.append(f"{_ms(q['open_ms'])} + {_ms(q['first_ms'])}")
    rows.append(row)
    row = ["query process own peak RSS MB", ""]
    row += [_own_mb(result["query"][e]) for e in engines]
    rows.append(row)
    if any("solr_nodes" in result["query"][e] for e in engines):
        row = ["Solr nodes: RSS MB after the queries / CPU s during them", ""]
        row += [_nodes_cell(result["query"][e].get("solr_nodes")) or "-" for e in engines]
        rows.append(row)
    return rows


def incremental_rows(result: dict[str, Any]) -> list[list[str]]:
    rows = [["engine", "add 10 s", "add 100 s", "facet query after add ms", "own peak RSS MB"]]
    for engine in result["engines"]:
        inc = result["incremental"].get(engine)
        if inc is None:
            rows.append([engine, "n/a", "n/a", "n/a", ""])
            continue
        rows.append([engine, f"{inc['add10_s']:.3f}", f"{inc['add100_s']:.3f}",
                     _ms(inc.get("query_after_add_ms")), _own_mb(inc)])
    return rows


def sync_rows(result: dict[str, Any]) -> list[list[str]] | None:
    sync = result.get("sync")
    if not sync:
        return None
    rows = [["docsearch, Reuters as files", "wall s", "cpu s", "workers' cpu s", "files/s",
             "peak RSS MB", "checks"]]
    files = sync["files"]
    for step in sync["steps"]:
        workers = step.get("workers_cpu")
        rows.append([step["name"], f"{step['seconds']:.2f}", f"{step['cpu']:.2f}",
                     "n/a" if workers is None else f"{workers:.2f}",
                     f"{files / step['seconds']:,.0f}", f"{step['rss_mb']:,.0f}",
                     "; ".join(c.strip() for c in step["checks"]) or "counts as expected"])
    return rows


_CAUSES = {
    "tantivy": "en_stem is Snowball English (Porter2), keeps stop words, splits at '.' "
               "and apostrophes, folds no accents; docsearch: Whoosh's Porter, which "
               "leaves doubled consonants ('running' is 'runn', not 'run'), English stop "
               "words and 1-letter tokens dropped (phrase gaps closed), accents folded",
    "sqlite": "unicode61 splits at '.' ('u.s' is two tokens, one in docsearch) and keeps "
              "stop words and 1-letter tokens (so phrases with a dropped word between "
              "match in docsearch only); its Porter undoubles consonants ('running' is "
              "'run'), Whoosh's does not ('runn')",
}


def agreement_rows(result: dict[str, Any]) -> tuple[list[list[str]], list[str]]:
    """One row per query class, one column per engine: how many of the class's queries
    have a total, and facet counts, other than docsearch's."""
    found = result.get("agreement", {})
    engines = list(found)
    with_ids = [e for e in engines if any(d.get("ids_compared") for d in found[e].values())]
    rows = [["query class", "n", *[f"{e}: totals / facets differ" for e in engines],
             *[f"{e}: first page differs (same 10 articles)" for e in with_ids]]]
    notes: list[str] = []
    for kind in CLASSES:
        per = [found[e][kind] for e in engines]
        if not per or not per[0]["compared"]:
            continue
        row = [kind, str(per[0]["compared"])]
        for d in per:
            cell = str(d["totals_differ"])
            if d["no_text_differ"]:
                cell += f" ({d['no_text_differ']} with no text)"
            if d["facets_compared"]:
                cell += f" / {d['facets_differ']}"
                if d["facets_differ_same_total"]:
                    cell += f" ({d['facets_differ_same_total']} with equal totals)"
            row.append(cell)
        for e in with_ids:
            d = found[e][kind]
            row.append(f"{d['ids_differ']} ({d['ids_same_set']})")
        rows.append(row)
    for engine in engines:
        for kind in CLASSES:
            d = found[engine][kind]
            if d["categories"]:
                cats = ", ".join(f"{k} {v}" for k, v in sorted(d["categories"].items()))
                notes.append(f"{engine} / {kind}: {sum(d['categories'].values())} of the "
                             f"queries whose totals or facet counts differ looked at: {cats}")
            for line in d["reasons"]:
                notes.append(f"  e.g. {line}")
            docsearch_engine = engine.startswith("docsearch")
            for line in (d["examples"] if engine == "whoosh" or docsearch_engine
                         else d["no_text_examples"]):
                notes.append(f"  UNEXPLAINED {engine} / {kind}: {line}")
            for line in d.get("ids_examples", []):
                notes.append(f"  first page differs, {engine} / {kind}: {line}")
    for engine, cause in _CAUSES.items():
        if engine in found:
            notes.append(f"{engine}: the text analysis differs: {cause}")
    if "whoosh" in found:
        bad = sum(d["totals_differ"] + d["facets_differ"] for d in found["whoosh"].values())
        notes.insert(0, "raw Whoosh (same analyzer, docsearch's values): "
                        + ("every total and facet count equal to docsearch's" if not bad
                           else f"MISMATCH in {bad} totals/facet sets"))
    for engine in with_ids:
        bad = sum(d["totals_differ"] + d["facets_differ"] for d in found[engine].values())
        pages = sum(d["ids_differ"] for d in found[engine].values())
        same = sum(d["ids_same_set"] for d in found[engine].values())
        notes.insert(0, f"{engine} (docsearch on another engine): "
                        + ("every total and facet count equal to "
                           f"{result.get('reference', 'docsearch')}'s" if not bad
                           else f"MISMATCH in {bad} totals/facet sets")
                        + f"; first page of 10 differs in {pages} queries"
                        + (f" ({same} of them the same articles in another order)"
                           if pages else ""))
    return rows, notes


def _missed(measured: float, target: float, unit: str) -> str:
    if measured <= target:
        return "met"
    return f"missed by {measured - target:,.2f} {unit} ({measured / target:.2f}x the target)"


def goal_rows(results: dict[str, dict[str, Any]]) -> list[list[str]]:
    rows = [["goal", "target", "measured", "status"]]
    reuters = results.get("reuters")
    if reuters is not None:
        ref = reuters.get("reference", "docsearch")
        ds = reuters["query"].get(ref)
        faceted = latencies(ds, FACET_CLASSES)
        if faceted:
            p50, p95 = _pct(faceted, 0.5), _pct(faceted, 0.95)
            rows.append(["faceted query p50 (Reuters, multi-select incl.)", "<= 15 ms",
                         f"{p50:.1f} ms", _missed(p50, GOAL_FACET_P50, "ms")])
            rows.append(["faceted query p95 (Reuters, multi-select incl.)", "<= 50 ms",
                         f"{p95:.1f} ms", _missed(p95, GOAL_FACET_P95, "ms")])
        b, w = reuters["build"].get(ref), reuters["build"].get("whoosh")
        if b and w:
            ratio = b["seconds"] / w["seconds"]
            rows.append(["full build / raw Whoosh build (same text)", "<= 1.5x",
                         f"{b['seconds']:.1f} s / {w['seconds']:.1f} s = {ratio:.2f}x",
                         _missed(ratio, GOAL_BUILD_RATIO, "x")])
        inc = reuters["incremental"].get(ref)
        if inc:
            rows.append(["add 10 articles (Index.add on the open index: extract, commit)",
                         "<= 1 s",
                         f"{inc['add10_s']:.2f} s", _missed(inc["add10_s"], GOAL_ADD10, "s")])
        sync = reuters.get("sync")
        if sync:
            steps = {s["name"]: s for s in sync["steps"]}
            noop = steps["no-op sync"]["seconds"]
            rows.append([f"no-op sync of {sync['files']:,} files", "<= 2 s", f"{noop:.2f} s",
                         _missed(noop, GOAL_NOOP, "s")])
            added = [s for n, s in steps.items() if n.startswith("sync add")]
            if added:
                rows.append(["(sync after adding 10 files)", "<= 1 s",
                             f"{added[0]['seconds']:.2f} s",
                             _missed(added[0]["seconds"], GOAL_ADD10, "s")])
        procs = [x for x in (reuters["build"].get(ref), reuters["query"].get(ref),
                             reuters["incremental"].get(ref)) if x]
        rss = [_own_value(x) for x in procs]
        build = reuters["build"].get(ref) or {}
        if "tree_pss_mb" in build:
            rss.append(build["tree_pss_mb"])
        if rss:
            rows.append(["peak RSS, Reuters (own: build / query / add; build with its "
                         "workers, PSS)", "<= 500 MB",
                         " / ".join(f"{r:,.0f}" for r in rss[:3]) + " MB"
                         + (f"; {rss[3]:,.0f} MB" if len(rss) > 3 else ""),
                         _missed(max(rss), GOAL_RSS, "MB")])
    synthetic = results.get("synthetic")
    if synthetic is not None:
        ref = synthetic.get("reference", "docsearch")
        b = synthetic["build"].get(ref)
        q = synthetic["query"].get(ref)
        answered = len(q["timed"]) if q else 0
        wanted = len(synthetic["specs"])
        ok = b is not None and answered == wanted
        rows.append([f"{synthetic['docs']:,}-article corpus builds and answers the mix",
                     "yes", (f"built in {b['seconds']:.0f} s, {answered} of {wanted} queries"
                             if b else "build failed"), "met" if ok else "missed"])
    return rows


def tantivy_goal_rows(results: dict[str, dict[str, Any]]) -> list[list[str]]:
    """The goals of docsearch on tantivy (issue 15) that the results can tell."""
    rows = [["tantivy engine goal", "target", "measured", "status"]]
    name = "docsearch-tantivy"
    reuters = results.get("reuters")
    if reuters is not None and reuters["build"].get(name):
        build = reuters["build"][name]["seconds"]
        for label, other, target in (
                ("extraction-only floor", reuters.get("floor"), TANTIVY_FLOOR_RATIO),
                ("Whoosh engine build", reuters["build"].get(reuters.get("reference")),
                 TANTIVY_WHOOSH_RATIO)):
            if other and other is not reuters["build"][name]:
                ratio = build / other["seconds"]
                rows.append([f"Reuters: build / {label}", f"<= {target}x",
                             f"{build:.1f} s / {other['seconds']:.1f} s = {ratio:.2f}x",
                             _missed(ratio, target, "x")])
    big = results.get("synthetic")
    if big is None or not big["build"].get(name):
        return rows
    size = f"{big['docs']:,} articles"
    steps = [big[kind].get(name) for kind in ("build", "query", "incremental")]
    build = steps[0]["seconds"]
    rows.append([f"{size}: build", f"<= {TANTIVY_BUILD:.0f} s", f"{build:.1f} s",
                 _missed(build, TANTIVY_BUILD, "s")])
    rss = [_own_value(x) for x in steps if x]
    rows.append([f"{size}: peak RSS (own: build / query / add)", f"<= {TANTIVY_RSS:,.0f} MB",
                 " / ".join(f"{r:,.0f}" for r in rss) + " MB", _missed(max(rss), TANTIVY_RSS,
                                                                      "MB")])
    faceted = latencies(steps[1], FACET_CLASSES)
    if faceted:
        p95 = _pct(faceted, 0.95)
        rows.append([f"{size}: faceted p95", f"<= {TANTIVY_P95:.0f} ms", f"{p95:.1f} ms",
                     _missed(p95, TANTIVY_P95, "ms")])
    inc = steps[2]
    if inc:
        rows.append([f"{size}: add 10 articles", f"<= {TANTIVY_ADD10} s",
                     f"{inc['add10_s']:.2f} s", _missed(inc["add10_s"], TANTIVY_ADD10, "s")])
        after = inc["query_after_add_ms"]
        rows.append([f"{size}: first facet query after the add", f"<= {TANTIVY_AFTER_ADD:.0f} ms",
                     f"{after:.1f} ms", _missed(after, TANTIVY_AFTER_ADD, "ms")])
    return rows


def growth_rows(results: dict[str, dict[str, Any]]) -> list[list[str]] | None:
    reuters, synthetic = results.get("reuters"), results.get("synthetic")
    if reuters is None or synthetic is None:
        return None
    small = reuters["query"].get(reuters.get("reference", "docsearch"))
    large = synthetic["query"].get(synthetic.get("reference", "docsearch"))
    if not small or not large:
        return None
    rows = [["docsearch query class", f"Reuters ({reuters['docs']:,}) p50 / p95 ms",
             f"synthetic ({synthetic['docs']:,}) p50 / p95 ms", "growth p50 / p95"]]
    for kind in (*CLASSES, "faceted (both)", "all"):
        kinds = (FACET_CLASSES if kind == "faceted (both)" else CLASSES if kind == "all"
                 else (kind,))
        a, b = latencies(small, kinds), latencies(large, kinds)
        if not a or not b:
            continue
        pa, pb = (_pct(a, 0.5), _pct(a, 0.95)), (_pct(b, 0.5), _pct(b, 0.95))
        rows.append([kind, f"{_ms(pa[0])} / {_ms(pa[1])}", f"{_ms(pb[0])} / {_ms(pb[1])}",
                     f"{pb[0] / pa[0]:.1f}x / {pb[1] / pa[1]:.1f}x"])
    return rows


def _table(rows: list[list[str]], markdown: bool) -> str:
    import sync as bench_sync
    return bench_sync.markdown_table(rows) if markdown else bench_sync.plain(rows)


def report(results: dict[str, dict[str, Any]], markdown: bool, machine: str,
           command: str) -> str:
    out: list[str] = []

    def heading(text: str, level: int = 3) -> None:
        out.append("")
        out.append(("#" * level + " " + text) if markdown else f"{text}\n{'=' * len(text)}")
        out.append("")

    out.append(f"Machine: {machine}")
    out.append(f"Command: `{command}`" if markdown else f"Command: {command}")
    for name, result in results.items():
        heading(f"{name} ({result['docs']:,} articles)")
        out.append("Full build (each engine in its own child process):")
        out.append("")
        out.append(_table(build_rows(result), markdown))
        out.append("")
        queries = len(result["specs"])
        capped = [e for e, q in result["query"].items() if q and len(q["timed"]) < queries]
        out.append(f"Query latency, {queries} queries ({queries // len(CLASSES)} per class), "
                   f"one warm-up pass then one timed pass, in a fresh process per engine "
                   f"that opens the index; first page of 10 hits (docsearch: with snippets)"
                   + (f"; capped by --query-budget: {', '.join(capped)}" if capped else "")
                   + ":")
        out.append("")
        out.append(_table(latency_rows(result), markdown))
        if result["incremental"]:
            out.append("")
            out.append("Incremental (each add is one call on the open index: add, commit; "
                       "docsearch extracts people and topics of the new articles):")
            out.append("")
            out.append(_table(incremental_rows(result), markdown))
        rows = sync_rows(result)
        if rows:
            out.append("")
            out.append(_table(rows, markdown))
        elif name != "reuters":
            out.append("")
            out.append("No-op sync: n/a for the synthetic corpus (it is not written as files).")
        if result.get("agreement"):
            out.append("")
            out.append("Count agreement with docsearch (totals; facet counts of person, topic "
                       "and source top 10 + selected, and every month):")
            out.append("")
            rows, notes = agreement_rows(result)
            out.append(_table(rows, markdown))
            out.append("")
            out.extend(f"- {n}" if markdown else n for n in notes)
    for name, result in results.items():
        loads = [x["load_1min"] for kind in ("build", "query", "incremental")
                 for x in result.get(kind, {}).values() if x and "load_1min" in x]
        if loads:
            out.append("")
            out.append(f"Load average (1 min) while {name}'s steps ran: "
                       f"{min(a for a, _ in loads):.1f} to {max(b for _, b in loads):.1f} "
                       f"on {os.cpu_count()} cores (above 2: other work shared the cores).")
        code = result.get("code")
        if code:
            out.append("")
            out.append(f"Code for {name}: {code['start']}" + (
                "" if code["start"] == code["end"] else
                f"; docsearch changed during the run, it ended at {code['end']}"))
    heading("Goals")
    out.append(_table(goal_rows(results), markdown))
    tantivy_goals = tantivy_goal_rows(results)
    if len(tantivy_goals) > 1:
        out.append("")
        out.append(_table(tantivy_goals, markdown))
    growth = growth_rows(results)
    if growth:
        out.append("")
        out.append("How docsearch's latency grows from Reuters to the synthetic corpus (the "
                   "synthetic articles are longer, about 300 words against 120):")
        out.append("")
        out.append(_table(growth, markdown))
    return "\n".join(out) + "\n"


# =============================================================================== main


def parse_args(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """The options, checked: known engines, docsearch among them, a Solr URL that
    can name an index when ``docsearch-solr`` is asked for."""
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    for engine in engines:
        if engine not in eng.ENGINES:
            parser.error(f"unknown engine {engine!r} (engines: {', '.join(eng.ENGINES)})")
    if not any(e in eng.REFERENCE_NAMES for e in engines):
        parser.error(REFERENCE_NEEDED)
    if "docsearch-solr" in engines and not args.report_only:
        if not args.solr:
            parser.error("docsearch-solr needs a SolrCloud cluster: --solr "
                         "http://HOST:PORT/solr (or set DOCSEARCH_SOLR_URL)")
        try:
            eng.solr_location(args.solr, "check")
        except ValueError as error:
            parser.error(f"--solr: {error}")
    for option in ("solr_shards", "solr_replicas"):
        value = getattr(args, option)
        if value is not None and value < 1:
            parser.error(f"--{option.replace('_', '-')} must be at least 1")
    return args


def build_parser() -> argparse.ArgumentParser:
    """The suite's command-line options."""
    from reuters import DEFAULT
    parser = argparse.ArgumentParser(prog=Path(__file__).name,
                                     description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", choices=("reuters", "synthetic", "all"), default="all")
    parser.add_argument("--synthetic-size", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--engines", default="docsearch,whoosh,tantivy,sqlite")
    parser.add_argument("--reuters", default=str(DEFAULT), help="the Reuters-21578 folder")
    parser.add_argument("--limit", type=int, default=None,
                        help="only the first N Reuters documents (a quick run)")
    parser.add_argument("--workdir", default=None,
                        help="work folder (default: a temporary one, removed unless --keep)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--markdown", default=None, metavar="FILE",
                        help="also write the tables as Markdown to FILE")
    parser.add_argument("--query-budget", type=float, default=900.0, metavar="SECONDS",
                        help="stop an engine's warm-up or timed pass after this long")
    parser.add_argument("--no-sync", action="store_true",
                        help="skip the Reuters-as-files sync steps")
    parser.add_argument("--no-floor", action="store_true",
                        help="skip the extraction-only floor of docsearch's builds")
    parser.add_argument("--profile", action="store_true",
                        help="profile docsearch's build and faceted queries with pyinstrument "
                             "(timings then include the profiler; no incremental steps)")
    parser.add_argument("--workers", type=int, default=None,
                        help="DOCSEARCH_WORKERS for docsearch's steps (default: its own, "
                             "one per core)")
    parser.add_argument("--solr", default=os.environ.get("DOCSEARCH_SOLR_URL"), metavar="URL",
                        help="for docsearch-solr: a SolrCloud node's base URL, "
                             "http://HOST:PORT/solr (default: $DOCSEARCH_SOLR_URL)")
    parser.add_argument("--solr-shards", type=int, default=None, metavar="N",
                        help="shards of docsearch-solr's index (default: docsearch's, 2)")
    parser.add_argument("--solr-replicas", type=int, default=None, metavar="N",
                        help="replicas of each shard (default: docsearch's, 2)")
    parser.add_argument("--solr-state", default=None, metavar="DIR",
                        help="the scripts/solrcloud state folder, where the Solr nodes' "
                             "pids are (default: $SOLRCLOUD_STATE or .solrcloud/)")
    parser.add_argument("--in-process", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--report-only", action="store_true",
                        help="print the tables from the results kept in --workdir")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_child":
        return child(argv[1:])
    parser = build_parser()
    args = parse_args(parser, argv)
    corpora = ("reuters", "synthetic") if args.corpus == "all" else (args.corpus,)
    import sync as bench_sync
    machine = bench_sync.machine_line()
    command = " ".join([COMMAND, *argv])

    if args.report_only:
        if not args.workdir:
            parser.error("--report-only needs --workdir")
        results = {n: _read_json(Path(args.workdir) / n / "results.json") for n in corpora
                   if (Path(args.workdir) / n / "results.json").exists()}
        command = "; ".join(dict.fromkeys(r.get("command", command) for r in results.values())
                            ) or command
        machine = next((r["machine"] for r in results.values() if "machine" in r), machine)
    else:
        given = args.workdir is not None
        workdir = Path(args.workdir) if given else Path(tempfile.mkdtemp(prefix="ds-suite-"))
        workdir.mkdir(parents=True, exist_ok=True)

        def say(line: str) -> None:
            print(line, flush=True)

        say(f"machine: {machine}")
        say(f"work folder: {workdir}")
        results = {}
        try:
            for name in corpora:
                results[name] = run_corpus(name, args, workdir, say)
                results[name]["command"] = command
                results[name]["machine"] = machine
                _write_json(workdir / name / "results.json", results[name])
        finally:
            if not args.keep:
                if given:
                    for name in corpora:
                        shutil.rmtree(workdir / name, ignore_errors=True)
                else:
                    shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(report(results, False, machine, command))
    if args.markdown:
        Path(args.markdown).write_text(report(results, True, machine, command),
                                       encoding="utf-8")
        print(f"tables written to {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
