"""Facet kinds, one small class each, in one registry.

A facet kind knows its column (the keyword field it counts), how a typed value
is resolved to the values the index holds, and how counts become an ordered
list of :class:`~docsearch.models.FacetValue`:

- ``person``, ``topic``, ``source``, ``author``: most frequent first (ties by
  name), the top ``limit`` plus every selected value;
- ``date``: buckets by year, month or day in date order, then a ``None`` bucket
  counting matching articles without a date.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from docsearch.defaults import DEFAULT_FACETS, FACET_NAMES
from docsearch.errors import AmbiguousPersonError, QueryError, UnknownFacetError, listing
from docsearch.models import FacetValue
from docsearch.search.columns import Column

__all__ = ["DATE_GRANULARITIES", "DEFAULT_FACETS", "FACETS", "FACET_NAMES", "DateFacet", "Facet",
           "PersonFacet", "TermsFacet", "TopicFacet", "get_facet"]

DATE_GRANULARITIES = {"year": 4, "month": 7, "day": 10}


class Facet:
    """Base class: a named facet counted over one keyword column."""

    name: str = ""
    field: str = ""

    def resolve(self, column: Column, typed: str) -> list[int]:
        """Ordinals of the column values that ``typed`` stands for: the exact value,
        else the values equal to it ignoring case and accents."""
        exact = column.lookup.get(typed.strip())
        if exact is not None:
            return [exact]
        from docsearch.extract.people import fold  # the name rules: only for a typed value

        key = fold(" ".join(typed.split()))
        return [i for i, v in enumerate(column.values) if fold(v) == key]

    def values(self, column: Column, counts: np.ndarray, selected: set[int], limit: int | None,
               total: int, **options: str) -> tuple[FacetValue, ...]:
        raise NotImplementedError


class TermsFacet(Facet):
    """Counts of a keyword field's values, most frequent first."""

    def __init__(self, name: str, field: str) -> None:
        self.name = name
        self.field = field

    def values(self, column: Column, counts: np.ndarray, selected: set[int], limit: int | None,
               total: int, **options: str) -> tuple[FacetValue, ...]:
        order = column.by_count(counts).tolist()
        if limit is not None:
            shown = order[:limit]
            shown += [i for i in sorted(selected, key=lambda i: column.values[i])
                      if i not in shown]
        else:
            shown = order + [i for i in sorted(selected) if i not in order]
        return tuple(FacetValue(value=column.values[i], count=int(counts[i]),
                                selected=i in selected) for i in shown)


class PersonFacet(TermsFacet):
    """People: a surname alone ("Putin", "de la Fuente") also finds the person of that
    surname: the only one, or the one holding at least
    :data:`~docsearch.extract.registry.DOMINANT` of the articles of all the index's
    full names ending in it; when none does, :class:`AmbiguousPersonError`. A value
    the index holds as it is (a bare surname that no evidence joined to a full name,
    issue 17) means that value: selecting a facet value finds what it counts."""

    def resolve(self, column: Column, typed: str) -> list[int]:
        exact = super().resolve(column, typed)
        if exact:
            return exact  # a value as the index holds it: its articles, as the facet counts
        shown = " ".join(typed.split())
        from docsearch.extract.people import fold

        key = fold(shown)
        if not key:
            return []
        matches = [i for i, v in enumerate(column.values) if fold(v).endswith(" " + key)]
        if len(matches) < 2:
            return matches
        from docsearch.extract.registry import dominant

        counts = column.counts(None)
        held = {column.values[i]: int(counts[i]) for i in matches}
        owner = dominant(held)
        if owner is None:
            raise AmbiguousPersonError(shown, held.items())
        return [column.lookup[owner]]


class TopicFacet(TermsFacet):
    """Topics: a prefix of one topic's name ("disaster") also finds it; a prefix of
    several is a :class:`QueryError` naming them."""

    def resolve(self, column: Column, typed: str) -> list[int]:
        found = super().resolve(column, typed)
        if found:
            return found
        shown = " ".join(typed.split())
        from docsearch.extract.people import fold

        key = fold(shown)
        if not key:
            return []
        matches = [i for i, v in enumerate(column.values) if fold(v).startswith(key)]
        if len(matches) > 1:
            names = listing([f"'{column.values[i]}'" for i in matches])
            raise QueryError(f"topic '{shown}' is ambiguous: {names}; type more of the name")
        return matches


class DateFacet(Facet):
    """Articles per year, month or day, in date order, plus undated ones."""

    name = "date"
    field = "day"

    def values(self, column: Column, counts: np.ndarray, selected: set[int], limit: int | None,
               total: int, **options: str) -> tuple[FacetValue, ...]:
        width = DATE_GRANULARITIES[options.get("granularity", "year")]
        buckets: dict[str, int] = {}
        for i in np.flatnonzero(counts).tolist():
            key = column.values[i][:width]
            buckets[key] = buckets.get(key, 0) + int(counts[i])
        out = [FacetValue(value=k, count=v) for k, v in sorted(buckets.items())]
        undated = total - int(counts.sum())
        if undated > 0:
            out.append(FacetValue(value=None, count=undated))
        return tuple(out)


FACETS: dict[str, Facet] = {
    "person": PersonFacet("person", "person"),
    "topic": TopicFacet("topic", "topic"),
    "source": TermsFacet("source", "source"),
    "author": TermsFacet("author", "author"),
    "date": DateFacet(),
}
assert tuple(FACETS) == FACET_NAMES, "docsearch.defaults.FACET_NAMES names FACETS"


def get_facet(name: str) -> Facet:
    """The facet kind called ``name``; :class:`UnknownFacetError` if there is none."""
    try:
        return FACETS[name]
    except KeyError:
        raise UnknownFacetError(
            f"unknown facet '{name}' (facets: {', '.join(FACETS)})") from None


def check_facets(names: Sequence[str]) -> tuple[str, ...]:
    """Validate facet names, keeping their order and dropping repeats."""
    out: list[str] = []
    for name in names:
        get_facet(name)
        if name not in out:
            out.append(name)
    return tuple(out)
