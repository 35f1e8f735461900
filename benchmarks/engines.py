"""The engines the benchmark suite compares, one small adapter each.

Every adapter builds an index from a JSON-lines file, answers a :class:`QuerySpec` with
an :class:`Answer` (total hits, facet counts, the ids of the first page) and adds
articles to an index it built:

- ``docsearch`` (also called ``docsearch-whoosh``): ``docsearch.open(...,
  create=True).add(articles)`` from the corpus itself (people and topics extracted),
  ``Index.search`` with multi-select facets; ``docsearch-tantivy`` the same with the
  index in docsearch's tantivy engine, ``docsearch-solr`` with it on a SolrCloud cluster
  (``solr://HOST:PORT/solr/NAME``, a fresh ``NAME`` per run, deleted at its end);
- ``whoosh``: raw Whoosh on the same text with docsearch's text analyzer and the
  people / topics / sources that docsearch extracted (no extraction of its own); facets
  by ``groupedby`` with ``allow_overlap``, multi-select done as a Whoosh user would, by
  running the query once more per facet that has a selection, without that selection;
- ``tantivy``: the ``tantivy`` package, ``en_stem`` text fields, raw-tokenized fast
  string fields for people, topics, sources and months, counts by a ``terms``
  aggregation (the Python package has no facet collector), multi-select as above;
- ``sqlite``: Python's ``sqlite3`` with an FTS5 table (``porter unicode61
  remove_diacritics 2``) for the text and a join table ``(article, facet, value)``
  counted by ``GROUP BY``, multi-select as above.

The reference engines (all but ``docsearch``) read ``reference.jsonl``: the articles as
docsearch stored them, with the people (under the index's names), topics, source and
day it holds for each, so that their counts can agree with docsearch's.
"""

from __future__ import annotations

import calendar
import contextlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

import docsearch
from docsearch.models import utc_naive

__all__ = ["ENGINES", "FLOOR", "REFERENCE_NAMES", "Answer", "Engine", "ExtractionFloor",
           "QuerySpec", "make_engine",
           "read_jsonl", "reference_record", "solr_location", "top_values"]

FACET_NAMES = ("person", "topic", "source", "month")
FACET_LIMIT = 10
PAGE = 10

Counts = dict[str, dict[str, int]]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class QuerySpec:
    """One query of the mix, in terms every engine can run."""

    number: int
    kind: str
    words: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    phrase: bool = False
    people: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    since: str | None = None          # YYYY-MM-DD, inclusive
    until: str | None = None
    sort: str = "relevance"           # or "date" (newest first)
    facets: bool = False              # person + topic + source + month counts

    def text(self) -> str:
        """The query in the Whoosh (and docsearch) query language."""
        if not self.words:
            return ""
        joined = " ".join(self.words)
        return f'"{joined}"' if self.phrase else joined

    def selections(self) -> dict[str, tuple[str, ...]]:
        found = {"person": self.people, "topic": self.topics, "source": self.sources}
        return {k: v for k, v in found.items() if v}

    def describe(self) -> str:
        parts = [self.text() or "(all)"]
        for name, values in self.selections().items():
            parts.append(f"{name}={'|'.join(values)}")
        if self.since or self.until:
            parts.append(f"date {self.since or '..'}..{self.until or ''}")
        if self.sort == "date":
            parts.append("by date")
        if self.facets:
            parts.append("facets")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class Answer:
    """What an engine found: the total, facet counts (top ``FACET_LIMIT`` of person,
    topic and source plus the selected values; every month), the first page's ids."""

    total: int
    facets: Counts = attrs.Factory(dict)
    ids: tuple[str, ...] = ()


def top_values(counts: dict[str, int], selected: Sequence[str] = (),
               limit: int | None = FACET_LIMIT) -> dict[str, int]:
    """The ``limit`` most frequent values (ties by value), then the selected ones."""
    order = sorted(((v, c) for v, c in counts.items() if c > 0), key=lambda p: (-p[1], p[0]))
    shown = dict(order if limit is None else order[:limit])
    for value in selected:
        shown.setdefault(value, counts.get(value, 0))
    return shown


def _facet_counts(name: str, counts: dict[str, int], spec: QuerySpec) -> dict[str, int]:
    if name == "month":
        return {k: v for k, v in sorted(counts.items()) if k and v > 0}
    return top_values(counts, spec.selections().get(name, ()))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def article_record(article: docsearch.Article) -> dict[str, Any]:
    """An article of the corpus as one JSON object (what ``docsearch`` builds from)."""
    from docsearch.models import format_published
    return {"id": article.id, "title": article.title, "body": article.body,
            "authors": list(article.authors), "source": article.source,
            "published": format_published(article.published)}


def record_article(record: dict[str, Any]) -> docsearch.Article:
    return docsearch.Article(id=record["id"], title=record["title"], body=record["body"],
                             authors=record.get("authors") or (), source=record.get("source"),
                             published=record.get("published"))


def reference_record(article: docsearch.Article) -> dict[str, Any]:
    """An article as docsearch holds it, for the reference engines."""
    published = article.published
    return {
        "id": article.id, "title": article.title, "body": article.body,
        "people": list(article.people), "topics": list(article.topics),
        "source": article.source,
        "day": published.strftime("%Y-%m-%d") if published is not None else None,
        "ts": calendar.timegm(utc_naive(published).timetuple()) if published else None,
    }


def size_on_disk(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):
                total += (Path(folder) / name).stat().st_size
    return total


class Engine(Protocol):
    name: str
    source_file: str

    def build(self, source: Path, folder: Path) -> int: ...

    def open(self, folder: Path) -> None: ...

    def query(self, spec: QuerySpec) -> Answer: ...

    def add(self, records: Sequence[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


# ------------------------------------------------------------------------- docsearch


class DocsearchEngine:
    """docsearch through its public API."""

    name = "docsearch"
    source_file = "corpus.jsonl"
    #: The engine docsearch stores the index with (``None``: its default).
    engine: str | None = None

    def __init__(self) -> None:
        self.index: docsearch.Index | None = None
        self.folder: Path | None = None

    def build(self, source: Path, folder: Path) -> int:
        with docsearch.open(folder, create=True, engine=self.engine) as ix:
            return ix.add(record_article(r) for r in read_jsonl(source))

    def open(self, folder: Path) -> None:
        self.folder = folder
        self.index = docsearch.open(folder)

    def query(self, spec: QuerySpec) -> Answer:
        assert self.index is not None
        results = self.index.search(
            spec.text(), people=spec.people, topics=spec.topics, sources=spec.sources,
            since=spec.since, until=spec.until, sort=spec.sort, per_page=PAGE,
            facets=("person", "topic", "source", "date") if spec.facets else (),
            date_facet="month", facet_limit=FACET_LIMIT)
        facets: Counts = {}
        for name, values in results.facets.items():
            key = "month" if name == "date" else name
            facets[key] = {v.value: v.count for v in values if v.value is not None}
        return Answer(results.total, facets, tuple(h.id for h in results.hits))

    def add(self, records: Sequence[dict[str, Any]]) -> None:
        """``Index.add`` on the open index: extraction, one commit."""
        assert self.index is not None
        self.index.add(record_article(r) for r in records)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None

    def index_bytes(self, folder: Path) -> int:
        """The size of the index this engine built in ``folder``."""
        return size_on_disk(folder)


class DocsearchWhooshEngine(DocsearchEngine):
    """docsearch with its index in the Whoosh engine (its default), by that name."""

    name = "docsearch-whoosh"
    engine = "whoosh"


class DocsearchTantivyEngine(DocsearchEngine):
    """docsearch with its index in the tantivy engine."""

    name = "docsearch-tantivy"
    engine = "tantivy"


class ExtractionFloor:
    """The extraction-only floor of a docsearch build: what :meth:`DocsearchEngine.build`
    does but write, i.e. read the JSON lines, extract people and topics and analyse the
    text on every core (``Index.add``'s preparation, the same workers), the results
    dropped. An empty index is made in ``folder`` for the taxonomy a build uses."""

    name = "extraction-only"
    source_file = "corpus.jsonl"

    def build(self, source: Path, folder: Path) -> int:
        from docsearch.batch import prepared
        with docsearch.open(folder, create=True) as ix:
            ready = prepared((record_article(r) for r in read_jsonl(source)), ix.taxonomy)
            return sum(1 for _ in ready)


#: The name of the extraction-only floor (run by the suite beside docsearch's builds).
FLOOR = ExtractionFloor.name


def solr_location(base_url: str, name: str) -> str:
    """The docsearch location of the index ``name`` on the cluster whose node has the
    base URL ``base_url`` (``http://HOST:PORT/solr``, as ``scripts/solrcloud up``
    prints it): ``solr://HOST:PORT/solr/NAME`` (``https://...`` stays as it is).

    >>> solr_location("http://127.0.0.1:38983/solr/", "bench_1")
    'solr://127.0.0.1:38983/solr/bench_1'
    """
    base = base_url.strip().rstrip("/")
    scheme, sep, rest = base.partition("://")
    if not sep or not rest.endswith("/solr"):
        raise ValueError(f"{base_url!r} is not a Solr base URL (http://HOST:PORT/solr)")
    if scheme.lower() == "http":
        scheme = "solr"
    return f"{scheme}://{rest}/{name}"


class DocsearchSolrEngine(DocsearchEngine):
    """docsearch with its index on a SolrCloud cluster. The location is given by the
    suite (``--solr``); ``build`` keeps it in the engine's folder (``location.txt``),
    where ``open`` reads it back."""

    name = "docsearch-solr"
    engine = "solr"
    LOCATION_FILE = "location.txt"

    def __init__(self, location: str | None = None, shards: int | None = None,
                 replicas: int | None = None) -> None:
        super().__init__()
        self.location = location
        #: The size of the new index (``None``: docsearch's default, 2 and 2).
        self.shards, self.replicas = shards, replicas

    def build(self, source: Path, folder: Path) -> int:
        if not self.location:
            raise SystemExit("docsearch-solr needs a cluster: --solr URL or DOCSEARCH_SOLR_URL")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / self.LOCATION_FILE).write_text(self.location + "\n", encoding="utf-8")
        with docsearch.open(self.location, create=True, shards=self.shards,
                            replicas=self.replicas) as ix:
            return ix.add(record_article(r) for r in read_jsonl(source))

    @classmethod
    def recorded(cls, folder: Path) -> str:
        """The location a build in ``folder`` used."""
        return (folder / cls.LOCATION_FILE).read_text(encoding="utf-8").strip()

    def open(self, folder: Path) -> None:
        self.location = self.recorded(folder)
        self.folder = folder
        self.index = docsearch.open(self.location)

    def index_bytes(self, folder: Path) -> int:
        """What Solr reports for the collection: the leaders' segments, one copy of each
        shard (each replica holds another copy)."""
        with docsearch.open(self.recorded(folder)) as ix:
            return ix.stats().size_bytes

    @staticmethod
    def delete(location: str) -> bool:
        """Delete the index at ``location`` from the cluster; ``False`` if there is none."""
        from docsearch.engines.solr.store import SolrStore
        from docsearch.errors import IndexNotFoundError
        try:
            store = SolrStore.open(location)
        except IndexNotFoundError:
            return False
        try:
            store.delete_everything()
        finally:
            store.close()
        return True


# ----------------------------------------------------------------------------- whoosh


class WhooshEngine:
    """Raw Whoosh: the same text, docsearch's analyzer, no extraction."""

    name = "whoosh"
    source_file = "reference.jsonl"
    SEP = "\t"

    def __init__(self) -> None:
        self.ix: Any = None
        self.searcher: Any = None
        self.parser: Any = None

    @classmethod
    def schema(cls) -> Any:
        from whoosh import analysis, fields

        from docsearch.engines.whoosh.schema import text_analyzer

        def values() -> fields.FieldType:
            field = fields.KEYWORD(lowercase=False, scorable=False)
            field.analyzer = analysis.RegexTokenizer(r"[^\t]+")
            return field

        analyzer = text_analyzer()
        return fields.Schema(
            id=fields.ID(stored=True, unique=True, sortable=True),
            title=fields.TEXT(analyzer=analyzer, stored=True, phrase=True),
            body=fields.TEXT(analyzer=analyzer, stored=True, phrase=True),
            person=values(), topic=values(), source=values(),
            day=fields.ID(), month=fields.ID(sortable=True),
            ts=fields.NUMERIC(bits=64, sortable=True, signed=True),
        )

    def _document(self, record: dict[str, Any]) -> dict[str, Any]:
        doc: dict[str, Any] = {"id": record["id"], "title": record["title"],
                               "body": record["body"]}
        for field, values in (("person", record["people"]), ("topic", record["topics"]),
                              ("source", [record["source"]] if record["source"] else [])):
            if values:
                doc[field] = self.SEP.join(v.replace(self.SEP, " ") for v in values)
        if record["day"]:
            doc["day"], doc["month"], doc["ts"] = record["day"], record["day"][:7], record["ts"]
        return doc

    def build(self, source: Path, folder: Path) -> int:
        from whoosh import index
        folder.mkdir(parents=True, exist_ok=True)
        ix = index.create_in(str(folder), self.schema())
        count = 0
        writer = ix.writer(limitmb=128)
        for record in read_jsonl(source):
            writer.add_document(**self._document(record))
            count += 1
        writer.commit()
        ix.close()
        return count

    def open(self, folder: Path) -> None:
        from whoosh import index
        from whoosh.qparser import MultifieldParser
        self.ix = index.open_dir(str(folder))
        self.searcher = self.ix.searcher()
        self.parser = MultifieldParser(["title", "body"], self.ix.schema,
                                       fieldboosts={"title": 2.0, "body": 1.0})

    def query(self, spec: QuerySpec) -> Answer:
        from whoosh import query as wq
        from whoosh import sorting
        text = spec.text()
        q = self.parser.parse(text) if text else wq.Every()
        selections = {field: wq.Or([wq.Term(field, v) for v in values])
                      for field, values in spec.selections().items()}
        date = (wq.TermRange("day", spec.since, spec.until)
                if spec.since or spec.until else None)

        def filter_without(skip: str | None) -> Any:
            parts = [f for k, f in selections.items() if k != skip]
            if date is not None:
                parts.append(date)
            return wq.And(parts) if parts else None

        def facet(name: str) -> Any:
            return sorting.FieldFacet(name, allow_overlap=name != "month",
                                      maptype=sorting.Count)

        kwargs: dict[str, Any] = {"limit": PAGE}
        if spec.sort == "date" or not text:
            kwargs["sortedby"] = [sorting.FieldFacet("ts", reverse=True),
                                  sorting.FieldFacet("id")]
        together = [n for n in FACET_NAMES if n not in selections] if spec.facets else []
        if together:
            kwargs["groupedby"] = {n: facet(n) for n in together}
        results = self.search(q, filter_without(None), **kwargs)
        counts: dict[str, dict[str, int]] = {n: results.groups(n) if results else {}
                                             for n in together}
        total = len(results) if results else 0
        ids = tuple(hit["id"] for hit in results) if results else ()
        if spec.facets:
            for name in selections:
                again = self.search(q, filter_without(name), limit=1,
                                    groupedby={name: facet(name)})
                counts[name] = again.groups(name) if again else {}
        facets = {n: _facet_counts(n, {k: v for k, v in counts[n].items() if k}, spec)
                  for n in FACET_NAMES if n in counts}
        return Answer(total, facets, ids)

    def search(self, q: Any, filter_query: Any, **kwargs: Any) -> Any:
        """``searcher.search`` with the filter's documents, or ``None`` when the filter
        matches none: Whoosh 2.7 ignores an empty filter (``FilterCollector`` tests
        ``if _allow``) and would return every match."""
        if filter_query is None:
            return self.searcher.search(q, **kwargs)
        allow = set(self.searcher.docs_for_query(filter_query))
        if not allow:
            return None
        return self.searcher.search(q, filter=allow, **kwargs)

    def add(self, records: Sequence[dict[str, Any]]) -> None:
        self.searcher.close()
        writer = self.ix.writer(limitmb=128)
        for record in records:
            writer.update_document(**self._document(record))
        writer.commit()
        self.searcher = self.ix.searcher()

    def close(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
        if self.ix is not None:
            self.ix.close()


# ---------------------------------------------------------------------------- tantivy


class TantivyEngine:
    """tantivy: ``en_stem`` text, raw fast string fields counted by aggregations."""

    name = "tantivy"
    source_file = "reference.jsonl"
    HEAP = 256_000_000
    BUCKETS = 65_000

    def __init__(self) -> None:
        self.index: Any = None
        self.schema: Any = None

    @staticmethod
    def _schema() -> Any:
        import tantivy
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=True, tokenizer_name="en_stem")
        for name in FACET_NAMES:
            builder.add_text_field(name, tokenizer_name="raw", fast=True)
        builder.add_unsigned_field("day", indexed=True, fast=True)
        builder.add_integer_field("ts", indexed=False, fast=True)
        return builder.build()

    @staticmethod
    def _document(record: dict[str, Any]) -> Any:
        import tantivy
        doc = tantivy.Document()
        doc.add_text("id", record["id"])
        doc.add_text("title", record["title"])
        doc.add_text("body", record["body"])
        for value in record["people"]:
            doc.add_text("person", value)
        for value in record["topics"]:
            doc.add_text("topic", value)
        if record["source"]:
            doc.add_text("source", record["source"])
        if record["day"]:
            doc.add_text("month", record["day"][:7])
            doc.add_unsigned("day", int(record["day"].replace("-", "")))
            doc.add_integer("ts", int(record["ts"]))
        return doc

    def build(self, source: Path, folder: Path) -> int:
        import tantivy
        folder.mkdir(parents=True, exist_ok=True)
        index = tantivy.Index(self._schema(), path=str(folder))
        writer = index.writer(heap_size=self.HEAP)
        count = 0
        for record in read_jsonl(source):
            writer.add_document(self._document(record))
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        return count

    def open(self, folder: Path) -> None:
        import tantivy
        self.index = tantivy.Index.open(str(folder))
        self.schema = self.index.schema

    def _filters(self, spec: QuerySpec, skip: str | None) -> list[Any]:
        import tantivy
        Query, Occur = tantivy.Query, tantivy.Occur  # noqa: N806
        parts = []
        for field, values in spec.selections().items():
            if field == skip:
                continue
            terms = [(Occur.Should, Query.term_query(self.schema, field, v)) for v in values]
            parts.append(Query.boolean_query(terms))
        if spec.since or spec.until:
            low = int(spec.since.replace("-", "")) if spec.since else None
            high = int(spec.until.replace("-", "")) if spec.until else None
            parts.append(Query.range_query(self.schema, "day", tantivy.FieldType.Unsigned,
                                           low, high))
        return parts

    def _query(self, text_query: Any, filters: list[Any]) -> Any:
        import tantivy
        if not filters:
            return text_query
        musts = [(tantivy.Occur.Must, text_query)]
        musts += [(tantivy.Occur.Must, f) for f in filters]
        return tantivy.Query.boolean_query(musts)

    def _counts(self, searcher: Any, q: Any, names: Iterable[str]) -> Counts:
        aggs = {n: {"terms": {"field": n, "size": self.BUCKETS, "segment_size": self.BUCKETS}}
                for n in names}
        found = searcher.aggregate(q, aggs)
        return {n: {b["key"]: int(b["doc_count"]) for b in found[n]["buckets"]} for n in names}

    def query(self, spec: QuerySpec) -> Answer:
        import tantivy
        searcher = self.index.searcher()
        text = spec.text()
        text_query = (self.index.parse_query(text, ["title", "body"],
                                             field_boosts={"title": 2.0},
                                             conjunction_by_default=True)
                      if text else tantivy.Query.all_query())
        q = self._query(text_query, self._filters(spec, None))
        if spec.sort == "date" or not text:
            found = searcher.search(q, PAGE, count=True, order_by_field="ts")
        else:
            found = searcher.search(q, PAGE, count=True)
        ids = tuple(searcher.doc(address)["id"][0] for _, address in found.hits)
        counts: Counts = {}
        if spec.facets:
            selections = spec.selections()
            together = [n for n in FACET_NAMES if n not in selections]
            if together:
                counts.update(self._counts(searcher, q, together))
            for name in selections:
                counts.update(self._counts(
                    searcher, self._query(text_query, self._filters(spec, name)), [name]))
        facets = {n: _facet_counts(n, counts[n], spec) for n in FACET_NAMES if n in counts}
        return Answer(int(found.count), facets, ids)

    def add(self, records: Sequence[dict[str, Any]]) -> None:
        writer = self.index.writer(heap_size=50_000_000)
        for record in records:
            writer.delete_documents_by_term("id", record["id"])
            writer.add_document(self._document(record))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()

    def close(self) -> None:
        self.index = None


# ----------------------------------------------------------------------------- sqlite


class SqliteEngine:
    """SQLite FTS5 for the text, a join table counted by GROUP BY for the facets."""

    name = "sqlite"
    source_file = "reference.jsonl"
    TOKENIZE = "porter unicode61 remove_diacritics 2"

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None

    @staticmethod
    def _file(folder: Path) -> Path:
        return folder / "index.sqlite"

    def _insert(self, db: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> int:
        count = 0
        for record in records:
            cursor = db.execute("INSERT INTO doc(id, day, ts) VALUES (?, ?, ?)",
                                (record["id"], record["day"], record["ts"]))
            rowid = cursor.lastrowid
            db.execute("INSERT INTO text(rowid, title, body) VALUES (?, ?, ?)",
                       (rowid, record["title"], record["body"]))
            values = [("person", v) for v in record["people"]]
            values += [("topic", v) for v in record["topics"]]
            if record["source"]:
                values.append(("source", record["source"]))
            if record["day"]:
                values.append(("month", record["day"][:7]))
            db.executemany("INSERT INTO facet(article, facet, value) VALUES (?, ?, ?)",
                           [(rowid, f, v) for f, v in values])
            count += 1
        return count

    def build(self, source: Path, folder: Path) -> int:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        db = sqlite3.connect(self._file(folder))
        db.executescript(f"""
            CREATE TABLE doc(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, day TEXT, ts INTEGER);
            CREATE VIRTUAL TABLE text USING fts5(title, body, tokenize='{self.TOKENIZE}');
            CREATE TABLE facet(article INTEGER, facet TEXT, value TEXT);
        """)
        with db:
            count = self._insert(db, read_jsonl(source))
        db.executescript("""
            CREATE INDEX facet_value ON facet(facet, value, article);
            CREATE INDEX facet_article ON facet(article, facet, value);
            CREATE INDEX doc_day ON doc(day);
            CREATE INDEX doc_ts ON doc(ts);
        """)
        db.close()
        return count

    def open(self, folder: Path) -> None:
        self.db = sqlite3.connect(self._file(folder))

    @staticmethod
    def _match(spec: QuerySpec) -> str:
        if spec.phrase:
            return '"' + " ".join(spec.words) + '"'
        return " AND ".join(f'"{w}"' for w in spec.words)

    def _base(self, spec: QuerySpec, scored: bool = False) -> tuple[str, list[Any]]:
        """``WITH m(r, score)``: the rowids (and BM25 scores) of the text matches,
        materialized: FTS5 with ``rowid IN (subquery)`` is slow (hundreds of ms)."""
        if not spec.words:
            return "WITH m AS (SELECT rowid AS r, 0 AS score FROM doc)", []
        score = "bm25(text, 2.0, 1.0)" if scored else "0"
        return (f"WITH m AS MATERIALIZED (SELECT rowid AS r, {score} AS score FROM text "
                f"WHERE text MATCH ?)", [self._match(spec)])

    @staticmethod
    def _filters(spec: QuerySpec, skip: str | None) -> tuple[str, list[Any]]:
        """``WHERE`` conditions on ``m.r`` for every filter but ``skip``'s."""
        sql, args = "1", []
        for field, values in spec.selections().items():
            if field == skip:
                continue
            marks = ", ".join("?" * len(values))
            sql += (f" AND EXISTS (SELECT 1 FROM facet WHERE article = m.r AND facet = ? "
                    f"AND value IN ({marks}))")
            args += [field, *values]
        if spec.since or spec.until:
            sql += " AND EXISTS (SELECT 1 FROM doc WHERE rowid = m.r AND day BETWEEN ? AND ?)"
            args += [spec.since or "0000-00-00", spec.until or "9999-99-99"]
        return sql, args

    def _matching(self, spec: QuerySpec, skip: str | None) -> tuple[str, list[Any]]:
        """A query for the rowids that match the text and every filter but ``skip``'s."""
        base, args = self._base(spec)
        where, more = self._filters(spec, skip)
        return f"{base} SELECT r FROM m WHERE {where}", args + more

    def query(self, spec: QuerySpec) -> Answer:
        assert self.db is not None
        db = self.db
        base, base_args = self._base(spec)
        where, where_args = self._filters(spec, None)
        total = db.execute(f"{base} SELECT count(*) FROM m WHERE {where}",
                           base_args + where_args).fetchone()[0]
        if spec.sort == "date" or not spec.words:
            order = "doc.ts DESC, doc.id"
        else:
            base, base_args = self._base(spec, scored=True)
            order = "m.score"
        page = db.execute(f"{base} SELECT doc.id FROM m JOIN doc ON doc.rowid = m.r "
                          f"WHERE {where} ORDER BY {order} LIMIT {PAGE}",
                          base_args + where_args).fetchall()
        facets: Counts = {}
        if spec.facets:
            base, base_args = self._base(spec)
            selections = spec.selections()
            for name in FACET_NAMES:
                where, where_args = self._filters(spec, name if name in selections else None)
                rows = db.execute(
                    f"{base} SELECT f.value, count(*) FROM m JOIN facet AS f "
                    f"ON f.article = m.r AND f.facet = ? WHERE {where} GROUP BY f.value",
                    [*base_args, name, *where_args]).fetchall()
                facets[name] = _facet_counts(name, dict(rows), spec)
        return Answer(int(total), facets, tuple(r[0] for r in page))

    def add(self, records: Sequence[dict[str, Any]]) -> None:
        assert self.db is not None
        with self.db:
            self._insert(self.db, records)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


ENGINES: dict[str, type[Any]] = {"docsearch": DocsearchEngine,
                                 "docsearch-whoosh": DocsearchWhooshEngine,
                                 "docsearch-tantivy": DocsearchTantivyEngine,
                                 "docsearch-solr": DocsearchSolrEngine,
                                 "whoosh": WhooshEngine, "tantivy": TantivyEngine,
                                 "sqlite": SqliteEngine}

#: The engines every other is compared with, the first of them run: docsearch on its
#: default engine (under either name), else docsearch on tantivy.
REFERENCE_NAMES = ("docsearch", "docsearch-whoosh", "docsearch-tantivy")


def make_engine(name: str, options: dict[str, Any] | None = None) -> Engine:
    """The engine called ``name`` (or :data:`FLOOR`, which only builds); ``options`` are
    the suite's (``solr_index``: where ``docsearch-solr`` builds; ``solr_shards``,
    ``solr_replicas``: its size)."""
    if name == FLOOR:
        return ExtractionFloor()  # type: ignore[return-value]
    try:
        cls = ENGINES[name]
    except KeyError:
        raise SystemExit(f"unknown engine {name!r} (engines: {', '.join(ENGINES)})") from None
    if cls is DocsearchSolrEngine:
        given = options or {}
        return DocsearchSolrEngine(given.get("solr_index"), given.get("solr_shards"),
                                   given.get("solr_replicas"))
    return cls()  # type: ignore[no-any-return]
