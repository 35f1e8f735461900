"""``Index``: the one object Python code and the CLI work with.

It ties the pieces together: readers turn files into articles, extraction fills
their people, topics and dates, the store writes them to Whoosh in batches, and
the search engine answers queries with facets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from docsearch.errors import ArticleNotFoundError, InvalidDateError, ParseError
from docsearch.extract import Extraction, enrich
from docsearch.extract.dates import parse_bound
from docsearch.extract.topics import Taxonomy
from docsearch.models import Article, FacetValue, SearchResults
from docsearch.readers import iter_files, read_file
from docsearch.search import SearchEngine, SearchRequest
from docsearch.search.facets import DEFAULT_FACETS
from docsearch.store import DEFAULT_LOCK_TIMEOUT, Store
from docsearch.store.schema import article_from_stored, to_document

__all__ = ["DEFAULT_INDEX", "Index", "IndexReport", "IndexStats", "open_index"]

DEFAULT_INDEX = "index"
BATCH_SIZE = 5000


@attrs.frozen
class IndexReport:
    """What indexing some paths did: counts of articles and the problems met."""

    files: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: tuple[ParseError, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"files": self.files, "added": self.added, "updated": self.updated,
                "unchanged": self.unchanged,
                "failed": [{"path": e.path, "reason": e.reason} for e in self.failed]}


@attrs.frozen
class IndexStats:
    """Size and contents of an index."""

    path: str
    documents: int
    segments: int
    size_bytes: int
    people: int
    topics: int
    sources: int
    earliest: str | None
    latest: str | None
    last_write: str | None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


DateLike = dt.date | str | None
Progress = Callable[[str, int], None]


def _date_option(value: DateLike, name: str, *, end: bool) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    found = parse_bound(str(value), end=end)
    if found is None:
        raise InvalidDateError(
            f"{name} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return found


class Index:
    """A docsearch index in a folder.

    >>> import docsearch
    >>> ix = docsearch.open("index", create=True)      # doctest: +SKIP
    >>> ix.index_paths(["sample_docs"]).added           # doctest: +SKIP
    35
    >>> ix.search("sanctions", people=["Vladimir Putin"]).total  # doctest: +SKIP
    1
    """

    def __init__(self, path: str | Path = DEFAULT_INDEX, *, create: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 taxonomy: Taxonomy | None = None) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout
        self.taxonomy = taxonomy
        self._store = Store.create(self.path) if create else Store.open(self.path)
        self._engine = SearchEngine(self._store)

    # ----------------------------------------------------------------- writing

    def add(self, articles: Iterable[Article] | Article, *, extract: bool = True) -> int:
        """Add or replace articles (matched by id); returns how many were written.

        Fields an article leaves empty are extracted from its text unless
        ``extract`` is false. Written in batches, one commit per batch.
        """
        if isinstance(articles, Article):
            articles = [articles]
        batches = _Batches(self._write)
        for article in articles:
            batches.add(enrich(article, self.taxonomy) if extract else _with_id(article))
        return batches.finish()

    def _write(self, batch: Sequence[Article], merge: bool = True) -> int:
        docs = [to_document(a) for a in batch]  # validate all before the writer opens
        with self._store.writer(self.lock_timeout, merge=merge) as writer:
            # Whoosh's update_document looks the id up in every segment; a new id
            # skips that (ids of deleted articles may still be listed: harmless).
            existing = {t.decode("utf-8") for t in writer.reader().lexicon("id")}
            for doc in docs:
                if doc["id"] in existing:
                    writer.update_document(**doc)
                else:
                    writer.add_document(**doc)
                    existing.add(doc["id"])
        return len(docs)

    def delete(self, ids: Iterable[str] | str) -> int:
        """Remove articles by id; returns how many were in the index."""
        if isinstance(ids, str):
            ids = [ids]
        wanted = [i for i in ids if i]
        if not wanted:
            return 0
        with self._store.writer(self.lock_timeout) as writer:
            return sum(writer.delete_by_term("id", i) for i in wanted)

    def index_paths(self, paths: Iterable[str | Path], *,
                    progress: Progress | None = None) -> IndexReport:
        """Read files and folders into the index.

        Articles whose content did not change since they were indexed are left as
        they are; new and changed ones are written in batches. A file that cannot be
        read is reported in ``IndexReport.failed`` and the run goes on.
        """
        known, cache = self._known()
        added = updated = unchanged = files = 0
        failed: list[ParseError] = []
        batches = _Batches(self._write)
        seen: set[str] = set()
        for file, root in iter_files(paths):
            files += 1
            result = read_file(file, root, self.taxonomy, cache)
            failed.extend(result.errors)
            for article in result.articles:
                previous = known.get(article.id)
                if article.id in seen:
                    updated += 1
                elif previous is None:
                    added += 1
                elif previous == article.content_hash:
                    unchanged += 1
                    seen.add(article.id)
                    continue
                else:
                    updated += 1
                seen.add(article.id)
                batches.add(article)
            if progress is not None:
                progress(str(file), files)
        batches.finish()
        return IndexReport(files=files, added=added, updated=updated, unchanged=unchanged,
                           failed=tuple(failed))

    def _known(self) -> tuple[dict[str, str | None], dict[str, Extraction]]:
        """The content hash of every indexed article by id, and what extraction found
        in each content hash (so unchanged or moved text is not extracted again)."""
        hashes: dict[str, str | None] = {}
        cache: dict[str, Extraction] = {}
        for fields in self._engine.searcher().all_stored_fields():
            article = article_from_stored(fields)
            hashes[article.id] = article.content_hash
            if article.content_hash:
                cache[article.content_hash] = Extraction.of(article)
        return hashes, cache

    # ----------------------------------------------------------------- reading

    def get(self, article_id: str) -> Article:
        """The article with this id (or the one id that starts with it, 4+ characters)."""
        searcher = self._engine.searcher()
        stored = searcher.document(id=article_id)
        if stored is None and len(article_id) >= 4:
            matches = [f for f in searcher.documents() if f["id"].startswith(article_id)]
            if len(matches) == 1:
                stored = matches[0]
            elif len(matches) > 1:
                raise ArticleNotFoundError(f"id '{article_id}' is ambiguous: "
                                           f"{len(matches)} articles start with it")
        if stored is None:
            raise ArticleNotFoundError(f"no article with id '{article_id}'")
        return self._engine.article(stored)

    def __iter__(self):  # type: ignore[no-untyped-def]
        """Every article in the index, in index order."""
        for stored in self._engine.searcher().documents():
            yield self._engine.article(stored)

    def __len__(self) -> int:
        return int(self._engine.searcher().doc_count())

    def search(self, query: str = "", *, people: Sequence[str] | str = (),
               topics: Sequence[str] | str = (), sources: Sequence[str] | str = (),
               authors: Sequence[str] | str = (), since: DateLike = None,
               until: DateLike = None, sort: str = "relevance", page: int = 1,
               per_page: int = 10, facets: Sequence[str] = DEFAULT_FACETS,
               date_facet: str = "year", facet_limit: int | None = 10) -> SearchResults:
        """Search the index.

        ``query`` uses the Whoosh query language (empty: every article, newest
        first). ``people``, ``topics``, ``sources`` and ``authors`` filter (values of
        one are alternatives; different ones must all hold); ``since`` and ``until``
        bound the date (inclusive; ``"2021"``, ``"2021-12"``, a ``date``). ``sort`` is
        ``"relevance"`` or ``"date"`` (newest first). ``facets`` names the facet counts
        wanted (``person``, ``topic``, ``source``, ``author``, ``date``); ``date_facet``
        is ``"year"``, ``"month"`` or ``"day"``; ``facet_limit`` caps the values of
        each non-date facet (``None``: all).

        >>> ix.search("sanctions", people=["Vladimir Putin"]).hits[0].title  # doctest: +SKIP
        'Biden and Putin Trade Warnings Over Ukraine, but Vow Diplomacy'
        """
        request = SearchRequest(
            query=query, people=people, topics=topics, sources=sources, authors=authors,
            since=_date_option(since, "since", end=False),
            until=_date_option(until, "until", end=True),
            sort=sort, page=page, per_page=per_page, facets=facets, date_facet=date_facet,
            facet_limit=facet_limit)
        return self._engine.search(request)

    def facets(self, names: Sequence[str] = DEFAULT_FACETS, *, query: str = "",
               date_facet: str = "year", limit: int | None = None,
               **filters: Any) -> dict[str, tuple[FacetValue, ...]]:
        """Facet counts over the whole index (or over a query and filters)."""
        results = self.search(query, facets=names, date_facet=date_facet, facet_limit=limit,
                              per_page=1, **filters)
        return dict(results.facets)

    def stats(self) -> IndexStats:
        """Documents, segments, size on disk and what the facets hold."""
        searcher = self._engine.searcher()
        days = self._engine.column("day")
        day_counts = days.counts(None)
        present = [v for v, c in zip(days.values, day_counts, strict=True) if c]
        return IndexStats(
            path=str(self.path),
            documents=int(searcher.doc_count()),
            segments=len(searcher.leaf_searchers()),
            size_bytes=self._store.size_on_disk(),
            people=int((self._engine.column("person").counts(None) > 0).sum()),
            topics=int((self._engine.column("topic").counts(None) > 0).sum()),
            sources=int((self._engine.column("source").counts(None) > 0).sum()),
            earliest=present[0] if present else None,
            latest=present[-1] if present else None,
            last_write=self._store.meta.get("last_write"),
        )

    def close(self) -> None:
        """Release the searcher and the index files."""
        self._engine.close()
        self._store.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<docsearch.Index {str(self.path)!r}>"


class _Batches:
    """Articles written in batches of ``BATCH_SIZE``, one commit each, so that an
    interrupted run keeps what it committed. Small segments are merged only at the
    last commit, not at every batch."""

    def __init__(self, write: Callable[..., int]) -> None:
        self._write = write
        self._current: list[Article] = []
        self._full: list[Article] | None = None
        self.written = 0

    def add(self, article: Article) -> None:
        self._current.append(article)
        if len(self._current) >= BATCH_SIZE:
            if self._full is not None:
                self.written += self._write(self._full, merge=False)
            self._full, self._current = self._current, []

    def finish(self) -> int:
        if self._full is not None:
            self.written += self._write(self._full, merge=not self._current)
        if self._current:
            self.written += self._write(self._current, merge=True)
        self._full, self._current = None, []
        return self.written


def _with_id(article: Article) -> Article:
    if article.id:
        return article
    from docsearch.extract import stable_id
    return article.evolve(id=stable_id(url=article.url, path=article.path,
                                       text=article.computed_hash()))


def open_index(path: str | Path = DEFAULT_INDEX, *, create: bool = False,
               lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
               taxonomy: Taxonomy | None = None) -> Index:
    """Open the index at ``path`` (``create=True`` makes it when missing).

    Raises :class:`~docsearch.errors.IndexNotFoundError` when there is none.
    """
    return Index(path, create=create, lock_timeout=lock_timeout, taxonomy=taxonomy)
