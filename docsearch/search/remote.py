"""A search on a remote engine: one bulk request, facets counted where the data is.

The meaning is the local search's (:meth:`docsearch.search.SearchEngine.search`):
filters of one facet are alternatives, facets combine with AND, and each facet's
counts ignore its own selection (multi-select). Here the whole search is one
:class:`~docsearch.engines.base.FacetSearch`: the engine (Solr's JSON Facet API)
counts raw ``person`` and ``surname`` terms and the other facets' values, and
this module turns them into the index's facets.

People are one name per person (:mod:`docsearch.search.people`): a facet value
is the sum of its raw terms' counts, exact when one raw term leads to it. An
article naming a person two ways (a full name and a variant) would count twice,
so each person with several raw terms that could be shown (its upper bound
reaches the counts of the top ``facet_limit``) is counted exactly by a second
request: a ``query`` facet of its terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from docsearch.engines.base import Alternatives, FacetSearch, RemoteSnapshot
from docsearch.models import FacetValue, Hit, SearchResults
from docsearch.search import querytree as qt
from docsearch.search.columns import Column
from docsearch.search.facets import get_facet
from docsearch.search.query import day_range
from docsearch.search.ranking import datetime_long
from docsearch.search.snippets import query_words

if TYPE_CHECKING:
    from docsearch.search import SearchEngine, SearchRequest

__all__ = ["remote_search"]


def remote_search(engine: SearchEngine, snapshot: RemoteSnapshot, request: SearchRequest,
                  q: qt.Node, exclude: str | None = None) -> SearchResults:
    """``request`` (its query already read as ``q``) on a remote engine; the article
    ``exclude`` is left out of hits and counts."""
    selected, near = engine.selections(snapshot, request)
    filters: dict[str, Alternatives] = {}
    for field, ords in selected.items():
        if field == "person":
            filters[field] = tuple(engine.people(snapshot).terms(sorted(ords)))
        else:
            values = engine.column(field, snapshot).values
            filters[field] = tuple((field, values[i]) for i in sorted(ords))
    fixed: list[qt.Node] = []
    if request.since or request.until:
        low, high = day_range(request.since, request.until)
        fixed.append(qt.TermRange("day", low, high))
    if exclude is not None:
        fixed.append(qt.Not(qt.Term("id", exclude)))

    counts: dict[str, tuple[str, tuple[str, ...]]] = {}
    for name in request.facets:
        field = get_facet(name).field
        if field == "person":
            counts["person"] = ("person", ("person",))
            counts["surname"] = ("surname", ("person",))
        else:
            counts[name] = (field, (field,))
    by_date = request.sort == "date" or isinstance(q, qt.Every)
    recency = None
    how = request.ranking
    if how.recency_days is not None and not by_date:
        reference = (datetime_long(request.until) if request.until else snapshot.newest())
        if reference > 0:
            recency = (reference, float(how.recency_weight), float(how.recency_days))
    search = FacetSearch(query=q, filters=filters, fixed=tuple(fixed), counts=counts,
                         sort="date" if by_date else "relevance",
                         start=(request.page - 1) * request.per_page, rows=request.per_page,
                         recency=recency)
    answer = snapshot.facet_search(search)

    facets: dict[str, tuple[FacetValue, ...]] = {}
    for name in request.facets:
        facet = get_facet(name)
        if facet.field == "person":
            column, tally = _people_counts(engine, snapshot, search, answer.counts,
                                           selected.get("person", set()), request.facet_limit)
        else:
            column = engine.column(facet.field, snapshot)
            tally = np.zeros(len(column.values), dtype=np.int64)
            for value, count in answer.counts[name].items():
                at = column.lookup.get(value)
                if at is not None:
                    tally[at] = count
        facets[name] = facet.values(column, tally, selected.get(facet.field, set()),
                                    request.facet_limit, answer.total,
                                    granularity=request.date_facet)

    hits: tuple[Hit, ...] = ()
    if answer.hits:
        words = query_words(snapshot, q) if request.snippets else frozenset()
        hits = engine.hits_of(snapshot, answer.hits, words, by_date, request.snippets)
    suggestion = None
    if request.query.strip():
        def count_of(corrected: qt.Node) -> int:
            return snapshot.facet_search(FacetSearch(query=corrected, filters=filters,
                                                     fixed=tuple(fixed), rows=0)).total
        suggestion = engine.suggest(snapshot, request, count_of, answer.total)
    return SearchResults(query=request.query, total=answer.total, page=request.page,
                         per_page=request.per_page, hits=hits, facets=facets,
                         suggestion=suggestion, filter_suggestions=near)


def _people_counts(engine: SearchEngine, snapshot: RemoteSnapshot, search: FacetSearch,
                   raw: Mapping[str, Mapping[str, int]], selected: set[int],
                   limit: int | None) -> tuple[Column, np.ndarray]:
    """The person facet's column and exact counts, from the raw terms' counts."""
    people = engine.people(snapshot)
    column = people.column
    upper = np.zeros(len(column.values), dtype=np.int64)
    lower = np.zeros(len(column.values), dtype=np.int64)
    members: dict[int, list[tuple[str, str]]] = {}
    for field in ("person", "surname"):
        for value, count in raw.get(field, {}).items():
            name = people.canonical(field, value)
            at = column.lookup.get(name) if name is not None else None
            if at is None:
                continue
            upper[at] += count
            lower[at] = max(lower[at], count)
            members.setdefault(at, []).append((field, value))
    several = [at for at, terms in members.items() if len(terms) > 1]
    if several:
        ranked = np.sort(lower)[::-1]
        floor = int(ranked[limit - 1]) if limit is not None and len(ranked) >= limit else 0
        doubtful = [at for at in several if upper[at] >= floor or at in selected]
        if doubtful:
            groups = {str(at): (tuple(members[at]), ("person",)) for at in doubtful}
            exact = snapshot.facet_search(FacetSearch(
                query=search.query, filters=search.filters, fixed=search.fixed,
                groups=groups, rows=0))
            for at in doubtful:
                upper[at] = exact.groups[str(at)]
    return column, upper
