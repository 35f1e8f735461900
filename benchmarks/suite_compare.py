"""The benchmark suite's agreement (see ``benchmarks/suite.py``): every engine's totals
and facet counts against docsearch's, query by query, and why totals differ."""

from __future__ import annotations

import collections
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
from suite_common import CLASSES, QuerySpec, eng

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
