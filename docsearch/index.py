"""``Index``: the one object Python code and the CLI work with.

It ties the pieces together: readers turn files into articles, extraction fills
their people, topics and dates, the store writes them in batches to the engine
the index records (a :class:`docsearch.engines.base.Backend`), and the search
layer answers queries with facets from the engine's snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

import attrs

from docsearch.defaults import BATCH_SIZE, DEFAULT_FACETS, DEFAULT_INDEX
from docsearch.engines import choose_engine, open_store, remote_engine
from docsearch.errors import (
    ArticleNotFoundError,
    RebuildError,
)
from docsearch.models import Article, FacetValue, SearchResults
from docsearch.search import MAX_PER_PAGE, Ranking, SearchEngine, SearchRequest
from docsearch.search.dates import date_option
from docsearch.store import DEFAULT_LOCK_TIMEOUT, Store
from docsearch.store.documents import article_from_stored

if TYPE_CHECKING:  # reading, extraction, sync and check are imported where used
    from docsearch.batch import Batch
    from docsearch.check import CheckReport
    from docsearch.extract.topics import Taxonomy
    from docsearch.person import PersonProfile
    from docsearch.sync import IndexReport, Progress

__all__ = ["DEFAULT_INDEX", "Index", "IndexStats", "open_index"]


@attrs.frozen
class IndexStats:
    """Size and contents of an index (``docsearch stats``).

    >>> stats = ix.stats()
    >>> stats.documents, stats.earliest, stats.latest
    (35, '2019-03-12', '2024-12-02')
    """

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
    deleted: int = 0
    files: int = 0
    roots: tuple[str, ...] = ()
    last_sync: dict[str, Any] | None = None
    #: A remote index's layout: ``collection``, ``shards``, ``replicas`` (in all),
    #: ``active_replicas`` and ``live_nodes`` (``None`` for a folder).
    cluster: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


DateLike = dt.date | str | None


def _date_option(value: DateLike, name: str, *, end: bool) -> dt.date | None:
    if value is not None and not isinstance(value, (str, dt.date)):
        raise TypeError(f"{name} must be a str or a date, not {type(value).__name__}")
    return date_option(value, name, end=end)


def _check_text(**values: object) -> None:
    """Raise ``TypeError`` naming the parameter whose value is not a ``str``."""
    for name, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")


def _check_values(**values: object) -> None:
    """Raise ``TypeError`` naming the parameter that is not a ``str``, a list of
    ``str`` or ``None``."""
    for name, value in values.items():
        if value is None or isinstance(value, str):
            continue
        if isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
            raise TypeError(f"{name} must be a str or a list of str, "
                            f"not {type(value).__name__}")
        for item in value:
            if not isinstance(item, str):
                raise TypeError(f"{name} must be a str or a list of str, not "
                                f"{type(value).__name__} holding {type(item).__name__}")


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
                 taxonomy: Taxonomy | None = None, engine: str | None = None,
                 shards: int | None = None, replicas: int | None = None) -> None:
        chosen = choose_engine(path, engine, None if remote_engine(path) else
                               Store.recorded_engine(path))
        #: The name of the engine the index was made with (see :mod:`docsearch.engines`).
        self.engine = chosen.name
        self.lock_timeout = lock_timeout
        self._given_taxonomy = taxonomy
        self._taxonomy: Taxonomy | None = None  # read when first needed (a search does not)
        if chosen.remote:
            sizes = {k: v for k, v in (("shards", shards), ("replicas", replicas)) if v}
            remote = open_store(chosen.name, str(path), create=create, timeout=lock_timeout,
                                **sizes)
            # The same interface as a folder's Store (duck-typed).
            self._store: Store = cast(Store, remote)
            #: Where the index is: its folder, or the location of a remote index.
            self.path: Path = cast(Path, remote.path)
        else:
            self.path = Path(path)
            self._store = (Store.create(self.path, lock_timeout, engine=self.engine)
                           if create else Store.open(self.path))
        self._engine = SearchEngine(self._store)

    @property
    def taxonomy(self) -> Taxonomy:
        """The taxonomy articles are classified with: the one given to :func:`open`
        (default: the bundled IPTC one) with the topic model the index has learnt."""
        from docsearch.extract.topic_model import collection_taxonomy

        if self._taxonomy is None:
            self._taxonomy = collection_taxonomy(self._store.model_folder(),
                                                 self._given_taxonomy)
        return self._taxonomy

    @taxonomy.setter
    def taxonomy(self, value: Taxonomy) -> None:
        self._taxonomy = value

    # ----------------------------------------------------------------- writing

    def batch(self) -> Batch:
        """A batch of changes committed together when the ``with`` block ends (and not
        at all if it raises); the write lock is held for the block.

        >>> with ix.batch() as batch:                                # doctest: +SKIP
        ...     batch.add(Article(title="Tram line opens", body="..."))
        ...     batch.update("f456809ccdbe6eae", topics=["sport"])
        ...     batch.delete("0123456789abcdef")
        """
        from docsearch.batch import Batch

        return Batch(self)

    def add(self, articles: Iterable[Article] | Article, *, extract: bool = True) -> int:
        """Add or replace articles (matched by id); returns how many were written.

        Fields an article leaves empty are extracted from its text unless
        ``extract`` is false. Written in batches of ``BATCH_SIZE``, one commit each.
        """
        from docsearch.batch import prepared

        if isinstance(articles, Article):
            articles = [articles]
        with self.batch() as batch:
            for article, terms in prepared(articles, self.taxonomy, extract):
                batch._put(article, terms)
                if len(batch) >= BATCH_SIZE:
                    batch.commit(merge=False)  # merged once, at the last commit
        return batch.written

    def update(self, article_id: str, **changes: Any) -> Article:
        """Change fields of one indexed article (``title=``, ``topics=``, ...) and
        return it as stored. Raises :class:`ArticleNotFoundError` when it is absent."""
        with self.batch() as batch:
            article = batch.update(article_id, **changes)
        return article

    def delete(self, ids: Iterable[str] | str) -> int:
        """Remove articles by id; returns how many were in the index."""
        with self.batch() as batch:
            batch.delete(ids)
        return batch.deleted

    def sync(self, paths: Iterable[str | Path], *, dry_run: bool = False,
             progress: Progress | None = None, batch_size: int = BATCH_SIZE,
             allow_empty: bool = False) -> IndexReport:
        """Bring the index in step with the files under ``paths`` (files or folders).

        New files are added, changed ones re-read, deleted ones removed; files whose
        size and modification time did not change are not read. A file that cannot be
        read is reported in ``IndexReport.failed``, keeps what it gave before, and the
        run goes on. Commits every ``batch_size`` articles, so an interrupted sync
        keeps what it committed. ``dry_run`` writes nothing and lists the changes.
        ``progress(path, done, total, failed)`` is called after each file. A folder
        given that lists no file now but gave files before (an unmounted disk) is
        reported in ``failed`` and its articles stay, unless ``allow_empty``. See
        :mod:`docsearch.sync`.

        >>> report = ix.sync(["sample_docs"])                # doctest: +SKIP
        >>> report.added, report.failed                      # doctest: +SKIP
        (35, ())
        """
        from docsearch import sync as syncing

        paths = [Path(p) for p in paths]
        with self._store.writing(self.lock_timeout) as store:
            report = syncing.sync(store.live, paths, self.taxonomy, dry_run=dry_run,
                                  batch_size=batch_size, progress=progress,
                                  allow_empty=allow_empty)
            if not dry_run:
                store.note_write()
            return self._noted(report)

    #: The old name of :meth:`sync`.
    index_paths = sync

    def rebuild(self, paths: Iterable[str | Path] | None = None, *,
                progress: Progress | None = None, batch_size: int = BATCH_SIZE,
                allow_empty: bool = False) -> IndexReport:
        """Build a fresh index from ``paths`` (default: the folders synced before)
        beside the live one, then swap it in atomically.

        Searches keep using the live index while the new one is built and see the
        new one afterwards; writers wait for the lock until the swap. Every file is
        read and extracted again; articles no file gives (added from Python) are
        carried over as they are. If the rebuild fails or is interrupted, the live
        index is left as it was. A folder that lists no file now but gave files
        before (an unmounted disk) stops the rebuild, unless ``allow_empty``.
        """
        from docsearch import sync as syncing
        from docsearch.extract.topic_model import collection_taxonomy

        with self._store.writing(self.lock_timeout) as store:
            if paths is None:
                roots = store.manifest.get_meta("roots", [])
                if not roots:
                    raise RebuildError(f"the index at {self.path} records no folders to "
                                       f"rebuild from; name them: docsearch rebuild FOLDER")
            else:
                roots = [str(p) for p in paths]
            gone = [r for r in roots if not Path(r).exists()]
            if gone:
                raise RebuildError(f"cannot rebuild: {gone[0]} does not exist (the live index "
                                   f"is unchanged; name the folders to rebuild from)")
            empty = [] if allow_empty else syncing.empty_roots(roots, store.manifest.entries())
            if empty:
                root, held = empty[0]
                raise RebuildError(f"cannot rebuild: {root}: folder is empty (it held {held} "
                                   f"file{'s' * (held != 1)}); the live index is unchanged; "
                                   f"use --allow-empty to rebuild without them")
            self.taxonomy = collection_taxonomy(  # topics learnt from the collection
                self._store.model_folder(), self.taxonomy, ((a.title, a.body) for a in self))
            self._store.keep_model()
            fresh = store.new_generation()
            try:
                report = syncing.sync(fresh, [Path(r) for r in roots], self.taxonomy,
                                      batch_size=batch_size, progress=progress,
                                      allow_empty=allow_empty)
                kept = syncing.carry_unlisted(store.live, fresh)
            except BaseException:
                store.discard(fresh)
                raise
            store.swap(fresh)
            if kept:
                report = attrs.evolve(report, notes=(
                    *report.notes, f"kept {kept} article{'s' * (kept != 1)} that no file gives "
                                   f"(added from Python)"))
            return self._noted(report)

    def watch(self, paths: Iterable[str | Path], *, debounce_ms: int | None = None,
              stop_event: Any = None, force_polling: bool | None = None,
              ) -> Iterator[IndexReport]:
        """Sync ``paths`` now and after every burst of file changes, yielding each
        report, until ``stop_event`` is set or Ctrl-C (see :mod:`docsearch.watch`)."""
        from docsearch.watch import DEBOUNCE_MS, watch
        return watch(self.sync, list(paths), ignore=[self.path],
                     debounce_ms=debounce_ms or DEBOUNCE_MS, stop_event=stop_event,
                     force_polling=force_polling)

    def check(self, *, repair: bool = False, deep: bool = False) -> CheckReport:
        """Compare the index with its manifest and the files on disk (see
        :mod:`docsearch.check`): files by size and modification time, as git does,
        or with ``deep`` by their content (SHA-256, every file read). ``repair``
        fixes what it finds, under the write lock. The report is of what was found;
        ``repaired`` says whether all was fixed, ``failed`` which files the repair
        could not read, and why."""
        from docsearch import check as health
        from docsearch import sync as syncing

        if not repair:
            self._store.refresh()
            return health.check(self._store.live, deep)
        with self._store.writing(self.lock_timeout) as store:
            found = health.check(store.live, deep)
            if found.ok:
                return found
            roots = health.forget(store.live, found)
            failed = syncing.sync(store.live, [Path(r) for r in roots],
                                  self.taxonomy).failed if roots else ()
            store.note_write()
            return attrs.evolve(found, repaired=health.check(store.live, deep).ok,
                                failed=failed)

    def _noted(self, report: IndexReport) -> IndexReport:
        cleared = self._store.lock.cleared
        if cleared is None:
            return report
        self._store.lock.cleared = None
        from docsearch.store.lock import describe_holder
        return attrs.evolve(report, notes=(
            *report.notes, f"cleared a lock left by {describe_holder(cleared)}, which ended "
                           f"without releasing it"))

    # ----------------------------------------------------------------- reading

    def get(self, article_id: str) -> Article:
        """The article with this id (or the one id that starts with it, 4+ characters)."""
        return self._engine.article(self._engine.stored(self._find(article_id)))

    #: An id prefix finds the one article whose id starts so from this length on.
    _MIN_PREFIX = 4

    def _find(self, article_id: str) -> int:
        """The document number of an article id (or of its one id starting so)."""
        snapshot = self._engine.snapshot()
        docnum = snapshot.find(article_id)
        if docnum is None and len(article_id) >= self._MIN_PREFIX:
            live = snapshot.ids_with_prefix(article_id)
            if len(live) == 1:
                docnum = snapshot.find(live[0])
            elif len(live) > 1:
                raise ArticleNotFoundError(f"id '{article_id}' is ambiguous: "
                                           f"{len(live)} articles start with it")
        if docnum is None:
            short = len(article_id) < self._MIN_PREFIX
            raise ArticleNotFoundError(
                f"no article with id '{article_id}'" + (
                    f" (an id prefix needs at least {self._MIN_PREFIX} characters)"
                    if short else ""))
        return int(docnum)

    def similar(self, article_id: str, *, people: Sequence[str] | str = (),
                topics: Sequence[str] | str = (), sources: Sequence[str] | str = (),
                authors: Sequence[str] | str = (), since: DateLike = None,
                until: DateLike = None, sort: str = "relevance", page: int = 1,
                per_page: int = 10, facets: Sequence[str] = (), date_facet: str = "year",
                facet_limit: int | None = 10, snippets: bool = True,
                ranking: Ranking | None = None) -> SearchResults:
        """The articles most like the one with this id (itself left out), under the
        same filters and options as :meth:`search`; no facets unless asked for.
        Likeness is the article's key terms (see ``docsearch/search/similar.py``)
        searched as an ``OR`` query; ``query`` in the results is empty.

        >>> ix.similar("tidal-turbine-prototype").hits[0].id  # doctest: +SKIP
        """
        _check_text(article_id=article_id, sort=sort, date_facet=date_facet)
        _check_values(people=people, topics=topics, sources=sources, authors=authors)
        docnum = self._find(article_id)
        request = SearchRequest(
            people=people, topics=topics, sources=sources, authors=authors,
            since=_date_option(since, "since", end=False),
            until=_date_option(until, "until", end=True),
            sort=sort, page=page, per_page=per_page, facets=facets, date_facet=date_facet,
            facet_limit=facet_limit, snippets=snippets,
            ranking=Ranking() if ranking is None else ranking)
        return self._engine.similar(request, docnum)

    def __iter__(self):  # type: ignore[no-untyped-def]
        """Every article in the index, in index order."""
        from docsearch import sync as syncing

        for stored in syncing.live_stored(self._engine.snapshot()):
            yield self._engine.article(stored)

    def __len__(self) -> int:
        return self._engine.snapshot().doc_count()

    def articles_by_id(self) -> Iterator[Article]:
        """Every article in the index, in id order (stable from one run to the next,
        which index order is not)."""
        for docnum in self._docnums_by_id():
            yield self._engine.article(self._engine.stored(docnum))

    def _docnums_by_id(self, wanted: set[str] | None = None) -> Iterator[int]:
        """The document numbers of the live articles in id order (only ``wanted``
        ids when given)."""
        from docsearch import sync as syncing

        live = syncing.live_ids(self._engine.snapshot())
        for article_id in sorted(live):
            if wanted is None or article_id in wanted:
                yield live[article_id]

    def export(self, out: TextIO | str | Path, format: str = "jsonl", *, query: str = "",
               people: Sequence[str] | str = (), topics: Sequence[str] | str = (),
               sources: Sequence[str] | str = (), authors: Sequence[str] | str = (),
               since: DateLike = None, until: DateLike = None) -> int:
        """Write every article (or those ``query`` and the filters of :meth:`search`
        match), in id order, as the index stores it, to ``out``, a text stream or a
        file path: one JSON object a line (``"jsonl"``), one JSON array (``"json"``)
        or CSV with a header row (``"csv"``, list fields joined with ``"; "``). A
        record has the fields of ``docsearch show --json`` plus ``surnames``, with
        ``people`` and ``surnames`` as found in the article (not under the index's
        names), and ``"extracted": true`` (not in CSV): ``docsearch index`` reads a
        JSON Lines export back exactly as it was. A file is written beside its place
        and moved there when complete, so it is never left half written. Returns the
        count.

        >>> import io
        >>> buffer = io.StringIO()
        >>> ix.export(buffer)                               # doctest: +SKIP
        35
        """
        from docsearch.export import check_format, export_articles

        check_format(format)
        filters = {"people": people, "topics": topics, "sources": sources,
                   "authors": authors, "since": since, "until": until}
        wanted = (self._matching_ids(query, filters)
                  if query or any(filters.values()) else None)
        articles = (article_from_stored(self._engine.stored(docnum))
                    for docnum in self._docnums_by_id(wanted))
        return export_articles(out, format, articles)

    def _matching_ids(self, query: str, filters: dict[str, Any]) -> set[str]:
        """The ids of every article a search matches, page after page."""
        ids: set[str] = set()
        page = 1
        while True:
            results = self.search(query, **filters, page=page, per_page=MAX_PER_PAGE,
                                  sort="date", facets=(), snippets=False)
            ids.update(hit.id for hit in results.hits)
            if page >= results.pages:
                return ids
            page += 1

    def search(self, query: str = "", *, people: Sequence[str] | str = (),
               topics: Sequence[str] | str = (), sources: Sequence[str] | str = (),
               authors: Sequence[str] | str = (), since: DateLike = None,
               until: DateLike = None, sort: str = "relevance", page: int = 1,
               per_page: int = 10, facets: Sequence[str] = DEFAULT_FACETS,
               date_facet: str = "year", facet_limit: int | None = 10,
               match: str = "all", plain: bool = False, snippets: bool = True,
               ranking: Ranking | None = None) -> SearchResults:
        """Search the index.

        ``query`` uses the Whoosh query language (empty: every article, newest
        first). ``people``, ``topics``, ``sources`` and ``authors`` filter (values of
        one are alternatives; different ones must all hold); ``since`` and ``until``
        bound the date (inclusive; ``"2021"``, ``"2021-12"``, a ``date``). ``sort`` is
        ``"relevance"`` or ``"date"`` (newest first). ``facets`` names the facet counts
        wanted (``person``, ``topic``, ``source``, ``author``, ``date``); ``date_facet``
        is ``"year"``, ``"month"`` or ``"day"``; ``facet_limit`` caps the values of
        each non-date facet (``None``: all). ``match="any"`` lets an article match
        with any of the words (the more it has, the higher it ranks); ``plain=True``
        reads the query as plain words, its syntax characters as text;
        ``snippets=False`` leaves each hit's snippet empty (faster). ``ranking``
        (a :class:`Ranking`) changes how relevance is scored, a recency boost
        included.

        >>> ix.search("sanctions", people=["Vladimir Putin"]).hits[0].title  # doctest: +SKIP
        'Biden and Putin Trade Warnings Over Ukraine, but Vow Diplomacy'
        """
        _check_text(query=query, sort=sort, match=match, date_facet=date_facet)
        _check_values(people=people, topics=topics, sources=sources, authors=authors)
        request = SearchRequest(
            query=query, people=people, topics=topics, sources=sources, authors=authors,
            since=_date_option(since, "since", end=False),
            until=_date_option(until, "until", end=True),
            sort=sort, page=page, per_page=per_page, facets=facets, date_facet=date_facet,
            facet_limit=facet_limit, match=match, plain=plain, snippets=snippets,
            ranking=Ranking() if ranking is None else ranking)
        return self._engine.search(request)

    def facets(self, names: Sequence[str] = DEFAULT_FACETS, *, query: str = "",
               date_facet: str = "year", limit: int | None = None,
               **filters: Any) -> dict[str, tuple[FacetValue, ...]]:
        """Facet counts over the whole index (or over a query and filters)."""
        results = self.search(query, facets=names, date_facet=date_facet, facet_limit=limit,
                              per_page=1, **filters)
        return dict(results.facets)

    def person(self, name: str, *, limit: int = 10, latest: int = 5) -> PersonProfile:
        """When the person ``name`` stands for was in the news, with whom and on which
        topics (a :class:`~docsearch.person.PersonProfile`; a surname resolves as the
        ``people`` filter does). ``limit`` caps the people, topics and sources listed,
        ``latest`` the newest articles. Raises :class:`AmbiguousPersonError` or
        :class:`PersonNotFoundError` (with suggestions).

        >>> ix.person("Oduya-Bell").articles
        7
        """
        from docsearch.person import person_profile
        return person_profile(self, name, limit=limit, latest=latest)

    def stats(self) -> IndexStats:
        """Documents, segments, size on disk, what the facets hold and the last sync."""
        snapshot = self._engine.snapshot()
        details = snapshot.details()
        days = self._engine.column("day")
        day_counts = days.counts(None)
        present = [v for v, c in zip(days.values, day_counts, strict=True) if c]
        manifest = self._store.manifest
        return IndexStats(
            path=str(self.path),
            documents=snapshot.doc_count(),
            segments=int(details.get("segments", 1)),
            size_bytes=self._store.size_on_disk(),
            people=int((self._engine.column("person").counts(None) > 0).sum()),
            topics=int((self._engine.column("topic").counts(None) > 0).sum()),
            sources=int((self._engine.column("source").counts(None) > 0).sum()),
            earliest=present[0] if present else None,
            latest=present[-1] if present else None,
            last_write=self._store.meta.get("last_write"),
            deleted=int(details.get("deleted", 0)),
            files=len(manifest),
            roots=tuple(manifest.get_meta("roots", [])),
            last_sync=manifest.get_meta("last_sync"),
            cluster=({k: details[k] for k in ("collection", "shards", "replicas",
                                              "active_replicas", "live_nodes") if k in details}
                     or None),
        )

    def close(self) -> None:
        """Release the snapshot and the index files."""
        self._engine.close()
        self._store.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<docsearch.Index {str(self.path)!r}>"


def open_index(path: str | Path = DEFAULT_INDEX, *, create: bool = False,
               lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
               taxonomy: Taxonomy | None = None, engine: str | None = None,
               shards: int | None = None, replicas: int | None = None) -> Index:
    """Open the index at ``path`` (``create=True`` makes it when missing).

    ``engine`` names the engine a new index is made with (default ``"whoosh"``; see
    :func:`available_engines`); it is recorded in the index, so reopening needs none,
    and naming another for an existing index is an :class:`EngineError`. A
    ``path`` that is a URL (``solr://HOST:PORT/solr/COLLECTION``) names a remote
    engine's index; ``shards`` and ``replicas`` size a new Solr index (default 2
    and 2; ignored for a folder or an existing index). Raises
    :class:`~docsearch.errors.IndexNotFoundError` when there is none.

    >>> with docsearch.open(tmp / "new", create=True) as new:
    ...     len(new), new.engine
    (0, 'whoosh')
    """
    return Index(path, create=create, lock_timeout=lock_timeout, taxonomy=taxonomy,
                 engine=engine, shards=shards, replicas=replicas)
