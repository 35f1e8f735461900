"""Searching an index: one query run, filters and facet counts on numpy columns,
one scored (or date-sorted) page of hits with snippets, and a spelling suggestion.

Filters combine as the facets do: values of one facet are alternatives (OR),
different facets must all hold (AND). Facet counts are *multi-select*: the counts
of a facet ignore that facet's own selection and apply every other filter, so a
selected person's facet still shows how many articles each other person has.
A filter value that stands for none of its facet's values gets the nearest values
as suggestions (``SearchResults.filter_suggestions``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from docsearch.engines.base import Snapshot, is_remote
from docsearch.errors import AmbiguousPersonError, QueryError
from docsearch.models import Article, Hit, SearchResults, parse_published
from docsearch.search import proximity, ranking
from docsearch.search import querytree as qt
from docsearch.search.columns import CACHE_PREFIX, Column, clean_cache
from docsearch.search.dates import check_order, day_range
from docsearch.search.facets import (
    DATE_GRANULARITIES,
    DEFAULT_FACETS,
    FACETS,
    check_facets,
    get_facet,
)
from docsearch.search.people import PeopleView
from docsearch.search.query import MATCHES, QueryParser, plain_words
from docsearch.search.ranking import Ranking
from docsearch.search.similar import like_query
from docsearch.search.snippets import make_snippet, query_words
from docsearch.store import Store
from docsearch.store.documents import article_from_stored

if TYPE_CHECKING:
    from docsearch.search.spelling import Vocabulary

__all__ = ["PASTED_WORDS", "PLENTY", "Ranking", "SearchEngine", "SearchRequest", "people_view"]

_FILTER_FACETS = ("person", "topic", "source", "author")
MAX_PER_PAGE = 1000


def _tuple(values: Sequence[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        return (values,)
    return tuple(v for v in values if v and v.strip())


@attrs.frozen(kw_only=True)
class SearchRequest:
    """Everything one search asks for (see :meth:`docsearch.Index.search`)."""

    query: str = ""
    people: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    since: dt.date | None = None
    until: dt.date | None = None
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10
    facets: tuple[str, ...] = attrs.field(default=DEFAULT_FACETS, converter=_tuple)
    date_facet: str = "year"
    facet_limit: int | None = 10
    match: str = "all"
    plain: bool = False
    snippets: bool = True
    ranking: Ranking = attrs.field(factory=Ranking)

    def validate(self) -> None:
        if self.sort not in ("relevance", "date"):
            raise QueryError(f"unknown sort '{self.sort}' (use relevance or date)")
        if self.match not in MATCHES:
            raise QueryError(f"unknown match '{self.match}' (use all or any)")
        if not isinstance(self.ranking, Ranking):
            raise QueryError(f"ranking must be a docsearch.Ranking, not {self.ranking!r}")
        if not isinstance(self.page, int) or self.page < 1:
            raise QueryError(f"page must be a whole number of at least 1, not {self.page!r}")
        if not isinstance(self.per_page, int) or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise QueryError(f"per_page must be between 1 and {MAX_PER_PAGE}, "
                             f"not {self.per_page!r}")
        if self.date_facet not in DATE_GRANULARITIES:
            raise QueryError(f"unknown date facet '{self.date_facet}' (use year, month or day)")
        if self.facet_limit is not None and self.facet_limit < 1:
            raise QueryError(f"facet_limit must be at least 1, not {self.facet_limit!r}")
        check_order(self.since, self.until)
        check_facets(self.facets)

    def selections(self) -> dict[str, tuple[str, ...]]:
        return {"person": self.people, "topic": self.topics, "source": self.sources,
                "author": self.authors}


#: Queries whose matches and scores are kept (per index state) for facet clicks and paging.
RECENT_QUERIES = 16

#: A query of ``match="any"`` of more words than this (text pasted, not typed) that
#: finds at least :data:`PLENTY` articles gets no did-you-mean: a reader expects a
#: suggestion when a query finds little (and correcting a paragraph costs more than
#: searching it).
PASTED_WORDS = 8
PLENTY = 10


def _all_of(masks: Sequence[np.ndarray | None]) -> np.ndarray | None:
    """The documents in every given mask (``None``: no mask given)."""
    present = [m for m in masks if m is not None]
    if not present:
        return None
    out = present[0].copy()
    for mask in present[1:]:
        out &= mask
    return out


def _pasted_with_plenty(request: SearchRequest, total: int) -> bool:
    """Whether a search is pasted text that found plenty (see :data:`PASTED_WORDS`)."""
    return request.match == "any" and total >= PLENTY and \
        len(request.query.split()) > PASTED_WORDS


def _without(size: int, doc: int) -> np.ndarray:
    mask = np.ones(size, dtype=bool)
    mask[doc] = False
    return mask


#: How many of a column's values, as near as the nearest, a filter value the index
#: does not hold suggests.
NEAR_VALUES = 3


def _near_values(column: Column, typed: str) -> tuple[str, ...]:
    """The values of ``column`` nearest a typed filter value it holds none of
    (see :func:`~docsearch.search.spelling.near_names`)."""
    from docsearch.search.spelling import near_names  # imported only for a miss

    near = near_names(typed, column.values)
    if not near:
        return ()
    return tuple(name for name, edits in near if edits == near[0][1])[:NEAR_VALUES]


def _column(snapshot: Snapshot, field: str) -> Column:
    """A keyword column: a local engine's whole column, a remote one's values."""
    if is_remote(snapshot):
        column: Column = snapshot.value_column(field)
    else:
        column = snapshot.column(field)
    return column


def people_view(snapshot: Snapshot, folder: Path) -> PeopleView:
    """The people of an index state (see :mod:`docsearch.search.people`): read from the
    files saved for it in ``folder`` (a generation's), else built and saved there (the
    files of other states go). A bulk load calls it as it ends, so the first query
    after a build reads them."""
    cache = folder / f"{CACHE_PREFIX}people-{snapshot.key}.json"
    view = PeopleView(_column(snapshot, "person"), _column(snapshot, "surname"), cache)
    clean_cache(folder, {cache.name}, "people-*.json")
    return view


class SearchEngine:
    """Answers searches on one store, through the snapshot of its live generation's
    engine (:class:`docsearch.engines.base.Snapshot`); the caches below are kept per
    index state (``snapshot.key``)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._parsers: dict[tuple[str, float], QueryParser] = {}
        self._people: tuple[str, PeopleView] | None = None
        self._dates = ranking.DateOrder()
        self._recent: dict[tuple[str, qt.Node, tuple[float, float]], ranking.Scored] = {}
        self._vocabulary: tuple[str, Vocabulary] | None = None

    def snapshot(self) -> Snapshot:
        """The latest committed state of the index (of the generation a rebuild
        swapped in, if one did)."""
        self.store.refresh()
        return self.store.live.backend.snapshot()

    def parser(self, match: str = "all", title_boost: float | None = None) -> QueryParser:
        """The query parser for a way of combining words and a title boost."""
        boost = Ranking().title_boost if title_boost is None else float(title_boost)
        found = self._parsers.get((match, boost))
        if found is None:
            found = QueryParser(title_boost=boost, match=match)
            self._parsers[(match, boost)] = found
        return found

    def parse(self, request: SearchRequest) -> qt.Node:
        """The query tree of a request's text."""
        text = plain_words(request.query) if request.plain else request.query
        if request.plain and request.query.strip() and not text:
            return qt.Nothing()  # only punctuation: nothing to look for, not everything
        parser = self.parser(request.match, request.ranking.title_boost)
        return parser.parse(text, self.resolve)

    def close(self) -> None:
        self._recent = {}
        self._people = None
        self._vocabulary = None

    def column(self, field: str, snapshot: Snapshot | None = None) -> Column:
        """The facet column of ``field``; ``person`` under the index's one name per
        person (see :mod:`docsearch.search.people`). A remote engine's holds values
        and counts only (:class:`~docsearch.search.columns.ValueColumn`)."""
        snapshot = snapshot or self.snapshot()
        if field == "person":
            return self.people(snapshot).column
        return _column(snapshot, field)

    def people(self, snapshot: Snapshot | None = None) -> PeopleView:
        """The index's people, rebuilt when the index changed."""
        snapshot = snapshot or self.snapshot()
        if self._people is None or self._people[0] != snapshot.key:
            self._people = (snapshot.key, people_view(snapshot, self.store.live.folder))
        return self._people[1]

    def stored(self, docnum: int) -> dict[str, object]:
        return dict(self.snapshot().stored(docnum))

    def similar(self, request: SearchRequest, docnum: int) -> SearchResults:
        """The articles like the document ``docnum`` (see :mod:`.similar`)."""
        request.validate()
        snapshot = self.snapshot()
        q = like_query(snapshot, snapshot.stored(docnum), request.ranking.title_boost)
        # Key terms are not a phrase: no proximity bonus (it would cost 300 pairs).
        request = attrs.evolve(request, ranking=attrs.evolve(request.ranking, proximity=0.0))
        return self.search(request, query=q, exclude=docnum)

    def article(self, stored: dict[str, object]) -> Article:
        """An article from its stored fields, its people under the index's names."""
        article = article_from_stored(stored)
        data = stored.get("data") or {}
        return article.evolve(people=self.people().people_of(data))  # type: ignore[arg-type]

    def resolve(self, field: str, typed: str) -> list[tuple[str, str]]:
        """The (field, term) pairs of the index that a typed keyword value stands for."""
        column = self.column(field)
        if typed.endswith("*"):
            from docsearch.extract.people import fold
            stem = fold(typed[:-1])
            ords = [i for i, v in enumerate(column.values) if fold(v).startswith(stem)]
        else:
            facet = FACETS.get(field) or get_facet("person")
            ords = facet.resolve(column, typed)
        if field == "person":
            return self.people().terms(ords)
        return [(field, column.values[i]) for i in ords]

    # ------------------------------------------------------------------ search

    def selections(self, snapshot: Snapshot, request: SearchRequest,
                   ) -> tuple[dict[str, set[int]], dict[str, tuple[str, ...]]]:
        """The ordinals of the column values each filter of ``request`` selects, and
        for a typed value that stands for none, the nearest values the index holds."""
        selected: dict[str, set[int]] = {}
        near: dict[str, tuple[str, ...]] = {}
        for field, typed_values in request.selections().items():
            if not typed_values:
                continue
            column = self.column(field, snapshot)
            ords: set[int] = set()
            for typed in typed_values:
                found = FACETS[field].resolve(column, typed)
                if not found and (values := _near_values(column, typed)):
                    near[field] = tuple(dict.fromkeys((*near.get(field, ()), *values)))
                ords.update(found)
            selected[field] = ords
        return selected, near

    def search(self, request: SearchRequest, query: qt.Node | None = None,
               exclude: int | None = None) -> SearchResults:
        """Run a search; ``query`` (already built) stands in for the request's text,
        and the document numbered ``exclude`` is left out of hits and counts."""
        request.validate()
        snapshot = self.snapshot()
        q = self.parse(request) if query is None else query
        if is_remote(snapshot):
            from docsearch.search.remote import remote_search

            return remote_search(self, snapshot, request, q,
                                 None if exclude is None else
                                 str(snapshot.stored(exclude)["id"]))

        # The filters first: they do not depend on the text query.
        dates = (self._date_mask(snapshot, request.since, request.until)
                 if request.since or request.until else None)
        selected, near = self.selections(snapshot, request)
        masks = {field: self.column(field, snapshot).docs_with(sorted(ords))
                 for field, ords in selected.items()}
        filters = _all_of([dates, *masks.values()])
        allowed = filters

        # One pass over the matches: the mask for the facets and, by relevance, the page.
        start = (request.page - 1) * request.per_page
        stop = start + request.per_page
        by_date = request.sort == "date" or isinstance(q, qt.Every)
        top: list[tuple[float | None, int]] = []
        if isinstance(q, qt.Nothing):
            base = np.zeros(snapshot.size, dtype=bool)
        elif by_date:
            base = snapshot.match(q)
        else:
            scored = self._scored(snapshot, q, request.ranking)
            if request.ranking.recency_days is not None:
                until = (ranking.datetime_long(request.until) if request.until else None)
                scored = ranking.recency(scored, self._dates.dates(snapshot),
                                         self._dates.newest(snapshot), request.ranking, until)
            base = scored.mask(snapshot.size)
            if exclude is not None:
                allowed = _all_of([allowed, _without(base.size, exclude)])
            top = self._page(snapshot, q, scored, allowed, start, stop, request.ranking)
        if dates is not None:
            base &= dates
        if exclude is not None:
            base[exclude] = False

        final = base.copy()
        for mask in masks.values():
            final &= mask
        total = int(final.sum())
        if by_date and total:
            top = list(self._dates.page(snapshot, final, start, stop))

        facets = {}
        for name in request.facets:
            facet = get_facet(name)
            mask = base.copy()
            for field, other in masks.items():
                if field != facet.field:
                    mask &= other
            column = self.column(facet.field, snapshot)
            counts = column.counts(mask)
            facets[name] = facet.values(column, counts, selected.get(facet.field, set()),
                                        request.facet_limit, int(mask.sum()),
                                        granularity=request.date_facet)

        hits = self._hits(snapshot, q, top, by_date, request.snippets) if top else ()
        suggestion = None
        if request.query.strip():
            def count(corrected: qt.Node) -> int:
                found = snapshot.match(corrected)
                return int((found if filters is None else found & filters).sum())
            suggestion = self.suggest(snapshot, request, count, total)
        return SearchResults(query=request.query, total=total, page=request.page,
                             per_page=request.per_page, hits=hits, facets=facets,
                             suggestion=suggestion, filter_suggestions=near)

    def _page(self, snapshot: Snapshot, q: qt.Node, scored: ranking.Scored,
              allowed: np.ndarray | None, start: int, stop: int,
              how: Ranking) -> list[tuple[float | None, int]]:
        """Positions ``start``..``stop`` of the allowed hits, best first; with a
        proximity weight, the best :data:`proximity.WINDOW` are scored again."""
        if not how.proximity or start >= proximity.WINDOW:
            return list(scored.top(allowed, start, stop))
        words = proximity.query_words(q)
        if len(words) < 2:
            return list(scored.top(allowed, start, stop))
        scores, docs = scored.best(allowed, proximity.WINDOW)
        final = scores + how.proximity * proximity.bonuses(snapshot, words, docs.tolist(), how.k1)
        order = np.lexsort((docs, -final))[start:stop]  # best first, ties by number
        page: list[tuple[float | None, int]] = list(zip(final[order].tolist(),
                                                        docs[order].tolist(), strict=True))
        if stop > proximity.WINDOW:  # past the window, the order of BM25F alone
            page += scored.top(allowed, proximity.WINDOW, stop)
        return page

    def _scored(self, snapshot: Snapshot, q: qt.Node, how: Ranking) -> ranking.Scored:
        """The matches and scores of ``q``, from the cache of this index state."""
        key = (snapshot.key, q, how.weighting_key)  # a tree is hashable (frozen nodes)
        found = self._recent.pop(key, None)
        if found is None:
            found = snapshot.score(q, how.k1, how.b)
            if len(self._recent) >= RECENT_QUERIES:
                self._recent.pop(next(iter(self._recent)))
        self._recent[key] = found  # most recent last
        return found

    def _date_mask(self, snapshot: Snapshot, since: dt.date | None,
                   until: dt.date | None) -> np.ndarray:
        column = snapshot.column("day")
        low, high = day_range(since, until)
        ords = [i for i, v in enumerate(column.values) if low <= v <= high]
        return column.docs_with(ords)

    def _hits(self, snapshot: Snapshot, q: qt.Node, top: list[tuple[float | None, int]],
              by_date: bool, snippets: bool = True) -> tuple[Hit, ...]:
        words = query_words(snapshot, q) if snippets else frozenset()
        return self.hits_of(snapshot, [(score, snapshot.stored(docnum)) for score, docnum in top],
                            words, by_date, snippets)

    def hits_of(self, snapshot: Snapshot, page: Sequence[tuple[float | None, Mapping[str, Any]]],
                words: frozenset[str], by_date: bool, snippets: bool) -> tuple[Hit, ...]:
        """The hits of a page of stored articles (with their scores)."""
        people = self.people(snapshot)
        out = []
        for score, stored in page:
            data = stored.get("data") or {}
            body = stored.get("body", "")
            out.append(Hit(
                id=stored["id"], title=stored.get("title", ""),
                authors=tuple(data.get("authors", ())), source=data.get("source"),
                published=parse_published(data.get("published")), url=data.get("url"),
                people=people.people_of(data), topics=tuple(data.get("topics", ())),
                path=data.get("path"), score=None if by_date else float(score or 0.0),
                snippet=make_snippet(body, words) if snippets else "",
            ))
        return tuple(out)

    def _has_person(self, typed: str) -> bool:
        """Whether a typed person value stands for anyone (a shared surname does)."""
        try:
            return bool(self.resolve("person", typed))
        except AmbiguousPersonError:
            return True

    def suggest(self, snapshot: Snapshot, request: SearchRequest,
                count: Callable[[qt.Node], int], total: int) -> str | None:
        """A corrected query text, when its words are not all in the index and a
        correction finds more articles (under the same filters) than the query:
        of the speller's few corrections, the one with the fewest edits, then the
        one finding the most articles. Pasted text that found plenty gets none
        (:data:`PASTED_WORDS`)."""
        if _pasted_with_plenty(request, total):
            return None
        from docsearch.search.spelling import Speller, Vocabulary

        people = self.people(snapshot)
        state = snapshot.key
        if self._vocabulary is None or self._vocabulary[0] != state:
            self._vocabulary = (state, Vocabulary(snapshot))
        speller = Speller(snapshot, people.column.values,
                          self._has_person, self._vocabulary[1])
        best: tuple[int, int, str] | None = None
        for corrected, edits in speller.corrections(request.query):
            if corrected.strip() == request.query.strip():
                continue
            try:
                q = self.parse(attrs.evolve(request, query=corrected))
            except QueryError:
                continue
            if isinstance(q, qt.Nothing):
                continue
            found = count(q)  # under the same filters
            # Fewest edits first; among as near ones, the one finding most articles.
            if found > total and (best is None or (edits, -found) < best[:2]):
                best = (edits, -found, corrected)
        return best[2] if best else None
