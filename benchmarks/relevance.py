"""Ranking quality on a relevance test collection: docsearch against plain BM25.

A collection is a folder in the standard layout:

    docs.jsonl    one document per line: {"doc_id": ..., "title": ..., "text": ...}
    queries.tsv   one query per line: qid<TAB>text
    qrels.trec    TREC judgments: qid 0 doc_id grade   (grade > 0: relevant)

The documents are indexed through docsearch's public API (``docsearch.open``,
``Index.add``; no extraction, which ranking does not use) and every query is run
as a user's plain words (``match="any"``, ``plain=True``) to a depth of 1,000.
The reference is plain BM25 by an independent implementation (``bm25s``, Lucene's
formula, k1 0.9, b 0.4, Porter stemming, English stop words) over title + text.
Runs are scored by ``pytrec_eval`` (trec_eval's own code): MAP, nDCG@10, P@10, with
a paired t-test of each system's per-query average precision against the reference.

    python benchmarks/relevance.py ../shared/ir/cranfield/derived
    python benchmarks/relevance.py COLLECTION --variants       # every ranking choice
    python benchmarks/relevance.py COLLECTION --json out.json  # numbers for docs
    python benchmarks/relevance.py COLLECTION --solr http://127.0.0.1:18983/solr  # + Solr
    python benchmarks/relevance.py COLLECTION --engine tantivy   # another local engine

Needs the ``relevance`` extra: ``pip install -e ".[relevance]"``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

import docsearch
from docsearch import Article, Ranking, analysis

DEPTH = 1000
MEASURES = ("map", "ndcg_cut_10", "P_10")
LABELS = {"map": "MAP", "ndcg_cut_10": "nDCG@10", "P_10": "P@10"}

Run = dict[str, dict[str, float]]
Qrels = dict[str, dict[str, int]]


@attrs.frozen
class Collection:
    name: str
    docs: list[dict[str, str]]
    queries: list[tuple[str, str]]
    qrels: Qrels


class LayoutError(Exception):
    """A collection folder not in the standard layout."""


def load(folder: str | Path) -> Collection:
    folder = Path(folder)
    paths = {name: folder / name for name in ("docs.jsonl", "queries.tsv", "qrels.trec")}
    for name, path in paths.items():
        if not path.is_file():
            raise LayoutError(f"{folder}: no {name} (see benchmarks/relevance.py)")
    docs = []
    with paths["docs.jsonl"].open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            if "doc_id" not in doc:
                raise LayoutError(f"docs.jsonl line {number}: no doc_id")
            docs.append({"doc_id": str(doc["doc_id"]), "title": doc.get("title") or "",
                         "text": doc.get("text") or ""})
    queries = []
    with paths["queries.tsv"].open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            qid, sep, text = line.rstrip("\n").partition("\t")
            if not sep:
                raise LayoutError(f"queries.tsv line {number}: no tab after the query id")
            queries.append((qid.strip(), text))
    qrels: Qrels = {}
    with paths["qrels.trec"].open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise LayoutError(f"qrels.trec line {number}: not 'qid 0 doc_id grade'")
            qrels.setdefault(parts[0], {})[parts[2]] = int(parts[3])
    return Collection(folder.name if folder.name != "derived" else folder.parent.name,
                      docs, queries, qrels)


# ------------------------------------------------------------------ systems


def bm25_reference(collection: Collection, depth: int = DEPTH) -> Run:
    """Plain BM25 (Lucene's formula, k1 0.9, b 0.4), Porter stems, stop words out."""
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("porter")
    texts = [f"{d['title']}\n{d['text']}" for d in collection.docs]
    corpus = bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False)
    model = bm25s.BM25(k1=0.9, b=0.4, method="lucene")
    model.index(corpus, show_progress=False)
    run: Run = {}
    k = min(depth, len(texts))
    for qid, text in collection.queries:
        tokens = bm25s.tokenize([text], stopwords="en", stemmer=stemmer, show_progress=False)
        if not tokens.ids[0]:
            run[qid] = {}
            continue
        found, scores = model.retrieve(tokens, k=k, show_progress=False)
        run[qid] = {collection.docs[int(i)]["doc_id"]: float(s)
                    for i, s in zip(found[0], scores[0], strict=True) if s > 0}
    return run


def build_index(collection: Collection, folder: Path | str,
                engine: str | None = None) -> docsearch.Index:
    ix = docsearch.open(folder, create=True, engine=engine)
    ix.add((Article(id=d["doc_id"], title=d["title"], body=d["text"])
            for d in collection.docs), extract=False)
    return ix


def docsearch_run(ix: docsearch.Index, collection: Collection, ranking: Ranking,
                  depth: int = DEPTH) -> Run:
    run: Run = {}
    for qid, text in collection.queries:
        if not text.strip():  # an empty query would list every article, newest first
            run[qid] = {}
            continue
        results = ix.search(text, match="any", plain=True, per_page=depth, facets=(),
                            snippets=False, ranking=ranking)
        # trec_eval orders by score; rank-based scores keep docsearch's tie order.
        run[qid] = {hit.id: float(depth - rank) for rank, hit in enumerate(results.hits)}
    return run


# ------------------------------------------------------------------ variants

#: Ranking choices measured by ``--variants``: name -> (Ranking, analyzer change).
Variant = tuple[Ranking, str | None]


def variants() -> dict[str, Variant]:
    """Each ranking choice changed alone from docsearch's defaults."""
    d = Ranking()
    out: dict[str, Variant] = {
        "docsearch (defaults)": (d, None),
        "Whoosh's defaults (k1 1.2, b 0.75, no proximity)":
            (attrs.evolve(d, k1=1.2, b=0.75, proximity=0), None),
    }
    for weight in (0, 1, 3):
        out[f"proximity {weight:g}"] = (attrs.evolve(d, proximity=weight), None)
    for boost in (1, 1.5, 3):
        out[f"title boost {boost:g}"] = (attrs.evolve(d, title_boost=boost), None)
    for k1, b in ((1.2, 0.75), (1.2, 0.5), (0.9, 0.3), (0.7, 0.4)):
        out[f"BM25 k1 {k1:g} b {b:g}"] = (attrs.evolve(d, k1=k1, b=b), None)
    out["no stemming"] = (d, "no-stem")
    other = "porter" if analysis.STEMMER == "english" else "english"
    out[f"{STEMMERS[other]} stemming"] = (d, f"stemmer:{other}")
    out["no stop words"] = (d, "no-stop")
    out["bm25s's stop words"] = (d, "stop:bm25s")
    out["title and text as one field"] = (d, "one-field")
    out["made-up dates, no recency"] = (d, "dated")
    for days in (30, 365):
        out[f"made-up dates, recency {days} days"] = (attrs.evolve(d, recency_days=days),
                                                      "dated")
    return out


def custom(spec: str) -> Ranking:
    """A ranking from ``key=value,...`` (``k1=0.9,b=0.4,proximity=1``)."""
    values: dict[str, float] = {}
    for part in spec.split(","):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in attrs.fields_dict(Ranking):
            raise LayoutError(f"not a ranking setting: {part!r} "
                              f"(settings: {', '.join(attrs.fields_dict(Ranking))})")
        try:
            values[key.strip()] = float(value)
        except ValueError:
            raise LayoutError(f"not a number: {part!r}") from None
    return attrs.evolve(Ranking(), **values)


#: PyStemmer's algorithms a variant may stem with, by name.
STEMMERS = {"porter": "Porter", "english": "Snowball English"}


@contextmanager
def analyzer_variant(change: str | None) -> Iterator[None]:
    """Index and search with another text analysis (a benchmark-only change to
    :mod:`docsearch.analysis`, undone on exit): no stemming, no stop words, the
    reference's stop words (``stop:bm25s``), or ``stemmer:NAME``, another of
    PyStemmer's algorithms (:data:`STEMMERS`)."""
    import Stemmer

    if change not in ("no-stem", "no-stop", "stop:bm25s") and \
            not (change or "").startswith("stemmer:"):
        yield
        return
    changes: dict[str, Any]
    if change == "no-stem":
        changes = {"stem": str}
    elif change == "no-stop":
        changes = {"STOP_WORDS": frozenset(), "MIN_LENGTH": 1}
    elif change == "stop:bm25s":
        from bm25s.stopwords import STOPWORDS_EN

        changes = {"STOP_WORDS": frozenset(STOPWORDS_EN)}
    else:
        stemmer = Stemmer.Stemmer(str(change).partition(":")[2])
        stemmer.maxCacheSize = 0
        changes = {"_stemmer": stemmer}
    original = {name: getattr(analysis, name) for name in changes}
    for name, value in changes.items():
        setattr(analysis, name, value)
    analysis._cache.clear()
    try:
        yield
    finally:
        for name, value in original.items():
            setattr(analysis, name, value)
        analysis._cache.clear()


def dated(collection: Collection) -> Collection:
    """The collection with made-up dates (one a day, in a shuffled order), so that a
    recency boost has something to act on; the dates say nothing of relevance."""
    import random

    order = list(range(len(collection.docs)))
    random.Random(7).shuffle(order)
    return attrs.evolve(collection, docs=[dict(d, day=str(order[i]))
                                          for i, d in enumerate(collection.docs)])


def one_field(collection: Collection) -> Collection:
    """The collection with each title moved into its text (``title\ntext``), as the
    reference indexes them: one field, no title boost."""
    return attrs.evolve(collection, docs=[dict(d, title="", text=f"{d['title']}\n{d['text']}")
                                          for d in collection.docs])


def build_dated_index(collection: Collection, folder: Path,
                      engine: str | None = None) -> docsearch.Index:
    import datetime as dt

    start = dt.date(2000, 1, 1)
    ix = docsearch.open(folder, create=True, engine=engine)
    ix.add((Article(id=d["doc_id"], title=d["title"], body=d["text"],
                    published=start + dt.timedelta(days=int(d["day"])))
            for d in dated(collection).docs), extract=False)
    return ix


# ------------------------------------------------------------------ scoring


def evaluate(run: Run, qrels: Qrels) -> dict[str, dict[str, float]]:
    """Per-query scores of ``run`` (every judged query; one with no hits scores 0)."""
    import pytrec_eval

    evaluator = pytrec_eval.RelevanceEvaluator(qrels, set(MEASURES))
    per_query = evaluator.evaluate({qid: run.get(qid, {}) for qid in qrels})
    return {qid: {m: per_query.get(qid, {}).get(m, 0.0) for m in MEASURES} for qid in qrels}


def means(per_query: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    count = len(per_query) or 1
    return {m: sum(q[m] for q in per_query.values()) / count for m in MEASURES}


def paired_p(a: Mapping[str, Mapping[str, float]], b: Mapping[str, Mapping[str, float]],
             measure: str = "map") -> float | None:
    """Two-sided paired t-test p-value of ``a`` against ``b`` on ``measure``."""
    from scipy import stats

    qids = sorted(a)
    x = [a[q][measure] for q in qids]
    y = [b[q][measure] for q in qids]
    if x == y:
        return None
    return float(stats.ttest_rel(x, y).pvalue)


def table(rows: list[dict[str, Any]]) -> str:
    header = (f"{'system':32} {'MAP':>7} {'nDCG@10':>8} {'P@10':>7} {'ΔMAP':>8} "
              f"{'ΔnDCG@10':>9} {'p (MAP)':>8}")
    lines = [header, "-" * len(header)]
    for row in rows:
        p = row.get("p")
        lines.append(
            f"{row['system']:32} {row['map']:7.4f} {row['ndcg_cut_10']:8.4f} "
            f"{row['P_10']:7.4f} {row.get('d_map', 0.0):+8.4f} "
            f"{row.get('d_ndcg', 0.0):+9.4f} {'—' if p is None else f'{p:.3f}':>8}")
    return "\n".join(lines)


def solr_row(collection: Collection, solr: str, reference: Mapping[str, Mapping[str, float]],
             first: Mapping[str, Any]) -> dict[str, Any]:
    """docsearch's defaults on the Solr engine (Solr's own BM25), the index made in the
    cluster at ``solr`` (``http://HOST:PORT/solr``) and deleted afterwards."""
    from docsearch.engines.solr.store import SolrStore

    base = solr.rstrip("/").replace("http://", "solr://", 1)
    where = f"{base}/relevance{int(time.time())}"
    started = time.perf_counter()
    ix = build_index(collection, where)
    try:
        scores = evaluate(docsearch_run(ix, collection, Ranking()), collection.qrels)
    finally:
        ix.close()
        store = SolrStore.open(where)
        store.delete_everything()
        store.close()
    row = {"system": "docsearch (defaults) on Solr", **means(scores),
           "p": paired_p(scores, reference), "seconds": time.perf_counter() - started}
    row["d_map"] = row["map"] - first["map"]
    row["d_ndcg"] = row["ndcg_cut_10"] - first["ndcg_cut_10"]
    return row


def measure(collection: Collection, names: list[str] | None = None,
            echo: Callable[[str], None] = print, solr: str | None = None,
            engine: str | None = None) -> list[dict[str, Any]]:
    """The rows of the table: the reference first, then each docsearch variant on
    ``engine`` (default: Whoosh's; and with ``solr``, docsearch's defaults on that
    SolrCloud cluster)."""
    started = time.perf_counter()
    reference = evaluate(bm25_reference(collection), collection.qrels)
    rows: list[dict[str, Any]] = [{"system": "BM25 reference (bm25s)", **means(reference),
                                   "p": None, "seconds": time.perf_counter() - started}]
    chosen = variants()
    wanted = names or ["docsearch (defaults)"]
    for name in wanted:
        if name not in chosen and "=" in name:
            chosen[name] = (custom(name), None)
    unknown = [n for n in wanted if n not in chosen]
    if unknown:
        raise LayoutError(f"unknown variant(s): {', '.join(unknown)}")
    indexes: dict[str | None, docsearch.Index] = {}
    with tempfile.TemporaryDirectory(prefix="docsearch-relevance-") as tmp:
        for name in wanted:
            ranking, change = chosen[name]
            started = time.perf_counter()
            with analyzer_variant(change):
                if change not in indexes:
                    folder = Path(tmp) / f"ix-{len(indexes)}"
                    indexes[change] = (
                        build_dated_index(collection, folder, engine) if change == "dated"
                        else build_index(one_field(collection) if change == "one-field"
                                         else collection, folder, engine))
                scores = evaluate(docsearch_run(indexes[change], collection, ranking),
                                  collection.qrels)
            row = {"system": name, **means(scores), "p": paired_p(scores, reference),
                   "seconds": time.perf_counter() - started}
            row["d_map"] = row["map"] - rows[0]["map"]
            row["d_ndcg"] = row["ndcg_cut_10"] - rows[0]["ndcg_cut_10"]
            rows.append(row)
            echo(f"  {name}: MAP {row['map']:.4f} ({row['seconds']:.1f} s)")
        for ix in indexes.values():
            ix.close()
    if solr:
        rows.append(solr_row(collection, solr, reference, rows[0]))
        echo(f"  on Solr: MAP {rows[-1]['map']:.4f} ({rows[-1]['seconds']:.1f} s)")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("collection", type=Path, help="folder in the standard layout")
    parser.add_argument("--variants", nargs="*", metavar="NAME",
                        help="measure these ranking choices (no names: all of them; "
                             "'k1=0.9,b=0.4,proximity=1': any settings of docsearch.Ranking)")
    parser.add_argument("--engine", metavar="NAME",
                        help="the local engine docsearch's indexes are made with (default "
                             "whoosh; tantivy scores with its own BM25)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the rows here")
    parser.add_argument("--solr", metavar="URL",
                        help="also rank with the Solr engine on this SolrCloud cluster "
                             "(http://HOST:PORT/solr; scripts/solrcloud up prints one)")
    args = parser.parse_args(argv)
    try:
        collection = load(args.collection)
        names = None if args.variants is None else (args.variants or list(variants()))
        print(f"{collection.name}: {len(collection.docs):,} documents, "
              f"{len(collection.queries):,} queries, {len(collection.qrels):,} judged; "
              f"depth {DEPTH}", file=sys.stderr)
        rows = measure(collection, names, echo=lambda line: print(line, file=sys.stderr),
                       solr=args.solr, engine=args.engine)
    except (LayoutError, json.JSONDecodeError, ValueError, docsearch.DocsearchError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"collection": collection.name, "rows": rows},
                                        indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
