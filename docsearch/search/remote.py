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

from typing import TYPE_CHECKING

import attrs
import numpy as np

from docsearch.engines.base import Alternatives, FacetAnswer, FacetSearch, RemoteSnapshot
from docsearch.models import FacetValue, Hit, SearchResults
from docsearch.search import querytree as qt
from docsearch.search.columns import Column
from docsearch.search.dates import day_range
from docsearch.search.facets import get_facet
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
    groups: dict[str, tuple[Alternatives, tuple[str, ...]]] = {}
    for name in request.facets:
        field = get_facet(name).field
        if field == "person":
            counts["person"] = ("person", ("person",))
            counts["surname"] = ("surname", ("person",))
            groups = _likely_groups(engine, snapshot)
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
                         groups=groups, sort="date" if by_date else "relevance",
                         start=(request.page - 1) * request.per_page, rows=request.per_page,
                         recency=recency)
    answer = snapshot.facet_search(search)

    facets: dict[str, tuple[FacetValue, ...]] = {}
    for name in request.facets:
        facet = get_facet(name)
        if facet.field == "person":
            column, tally = _people_counts(engine, snapshot, search, answer,
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


#: People of several raw names whose exact counts the first request already asks for
#: (those with the most articles in the index: the likeliest to be shown).
LIKELY_GROUPS = 32


@attrs.frozen
class _PeopleIndex:
    """Per index state: each raw ``person``/``surname`` term's person (ordinal of the
    people view's column) and the likeliest people of several raw names."""

    key: tuple[str, int]
    ordinals: dict[str, dict[str, int]]
    likely: dict[str, tuple[Alternatives, tuple[str, ...]]]


_INDEXES: dict[int, _PeopleIndex] = {}


def _people_index(engine: SearchEngine, snapshot: RemoteSnapshot) -> _PeopleIndex:
    people = engine.people(snapshot)
    key = (snapshot.key, id(people))
    found = _INDEXES.get(id(engine))
    if found is not None and found.key == key:
        return found
    ordinals: dict[str, dict[str, int]] = {"person": {}, "surname": {}}
    for at, terms in people.members.items():
        for field, raw in terms:
            ordinals[field][raw] = at
    totals = people.column.counts(None)
    several = [at for at, terms in people.members.items() if len(terms) > 1]
    several.sort(key=lambda at: (-int(totals[at]), at))
    likely: dict[str, tuple[Alternatives, tuple[str, ...]]] = {
        f"p{at}": (tuple(people.members[at]), ("person",)) for at in several[:LIKELY_GROUPS]}
    found = _PeopleIndex(key, ordinals, likely)
    _INDEXES[id(engine)] = found
    return found


def _likely_groups(engine: SearchEngine, snapshot: RemoteSnapshot,
                   ) -> dict[str, tuple[Alternatives, tuple[str, ...]]]:
    """Query facets counting exactly the people most likely shown whom several raw
    names lead to (keyed ``p<ordinal>``)."""
    return _people_index(engine, snapshot).likely


def _people_counts(engine: SearchEngine, snapshot: RemoteSnapshot, search: FacetSearch,
                   answer: FacetAnswer, selected: set[int],
                   limit: int | None) -> tuple[Column, np.ndarray]:
    """The person facet's column and exact counts, from the raw terms' counts (and
    the exact counts of the people several raw names lead to, asked for where the
    first answer has none and the person could be shown)."""
    raw = answer.counts
    people = engine.people(snapshot)
    column = people.column
    index = _people_index(engine, snapshot)
    upper = np.zeros(len(column.values), dtype=np.int64)
    lower = np.zeros(len(column.values), dtype=np.int64)
    members: dict[int, list[tuple[str, str]]] = {}
    for field in ("person", "surname"):
        ordinals = index.ordinals[field]
        for value, count in raw.get(field, {}).items():
            at = ordinals.get(value)
            if at is None:
                continue
            upper[at] += count
            if count > lower[at]:
                lower[at] = count
            members.setdefault(at, []).append((field, value))
    several = [at for at, terms in members.items() if len(terms) > 1]
    if several:
        ranked = np.sort(lower)[::-1]
        floor = int(ranked[limit - 1]) if limit is not None and len(ranked) >= limit else 0
        doubtful = [at for at in several if upper[at] >= floor or at in selected]
        known = [at for at in doubtful if f"p{at}" in answer.groups]
        for at in known:
            upper[at] = answer.groups[f"p{at}"]
        rest = [at for at in doubtful if f"p{at}" not in answer.groups]
        if rest:
            groups = {f"p{at}": (tuple(members[at]), ("person",)) for at in rest}
            exact = snapshot.facet_search(FacetSearch(
                query=search.query, filters=search.filters, fixed=search.fixed,
                groups=groups, rows=0, recency=search.recency))
            for at in rest:
                upper[at] = exact.groups[f"p{at}"]
    return column, upper
