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

This module runs the steps; the rest is in modules by concern: ``suite_common`` (paths,
query classes, goals, small helpers), ``suite_corpus`` (the corpora and the query mix),
``suite_children`` (one step of one engine in a child process, and measuring it),
``suite_compare`` (the engines' answers against docsearch's, and why totals differ) and
``suite_report`` (the tables).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from suite_children import (  # noqa: E402,F401  (names the tests and scaling.py use)
    child,
    nodes_during,
    run_child,
    solr_disk_bytes,
    solr_nodes,
    solr_state_folder,
)
from suite_common import (  # noqa: E402,F401
    CLASSES,
    COMMAND,
    FACET_CLASSES,
    HERE,
    NEW_ARTICLES,
    QuerySpec,
    _read_json,
    _write_json,
    eng,
)
from suite_compare import agreement, compare  # noqa: E402,F401
from suite_corpus import make_queries, write_corpus  # noqa: E402,F401
from suite_report import (  # noqa: E402,F401
    _ms,
    _own_mb,
    _pct,
    build_rows,
    latencies,
    report,
    tantivy_goal_rows,
)

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
