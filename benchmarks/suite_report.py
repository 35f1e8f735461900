"""The benchmark suite's tables (see ``benchmarks/suite.py``): builds, latencies,
incremental steps, sync, agreement and the goals, as text or Markdown."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from suite_common import (
    CLASSES,
    FACET_CLASSES,
    GOAL_ADD10,
    GOAL_BUILD_RATIO,
    GOAL_FACET_P50,
    GOAL_FACET_P95,
    GOAL_NOOP,
    GOAL_RSS,
    TANTIVY_ADD10,
    TANTIVY_AFTER_ADD,
    TANTIVY_BUILD,
    TANTIVY_FLOOR_RATIO,
    TANTIVY_P95,
    TANTIVY_RSS,
    TANTIVY_WHOOSH_RATIO,
    eng,
)

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
