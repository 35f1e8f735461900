"""The reference engines of the benchmark suite (see ``benchmarks/engines.py``, which
describes them and through which they are imported): raw Whoosh, raw tantivy and SQLite
FTS5, each building from ``reference.jsonl`` what docsearch holds and answering a
:class:`~engines.QuerySpec` with an :class:`~engines.Answer`."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from engines import (
    FACET_NAMES,
    PAGE,
    Answer,
    Counts,
    QuerySpec,
    _facet_counts,
    read_jsonl,
)

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
