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
day it holds for each, so that their counts can agree with docsearch's. Their adapters are
in ``benchmarks/reference_engines.py`` (imported here); this module holds the query and
answer types, the helpers they share and docsearch's adapters.
"""

from __future__ import annotations

import calendar
import contextlib
import json
import os
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


# The reference engines (raw Whoosh, tantivy, SQLite) live in their own module, which
# imports the shared parts above: imported here, after them.
from reference_engines import SqliteEngine, TantivyEngine, WhooshEngine  # noqa: E402

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
