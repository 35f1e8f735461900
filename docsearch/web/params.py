"""The web app's URL parameters, read and checked as the CLI reads its options.

A search URL carries the ``docsearch search`` options under their CLI names
(``q`` for the query; ``person``, ``topic``, ``source`` and ``author`` repeatable);
a value the CLI would refuse raises :class:`BadParameter` with the CLI's one-line
message (``Invalid value for '--page': 0 is not in the range x>=1.``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode

import attrs
import click

from docsearch.errors import QueryError

__all__ = ["FILTERS", "BadParameter", "SearchParams", "article_url", "person_url"]

#: URL parameter → ``Index.search`` keyword, for the repeatable filters.
FILTERS = {"person": "people", "topic": "topics", "source": "sources", "author": "authors"}

_SORTS = click.Choice(["relevance", "date"])
_GRAINS = click.Choice(["year", "month", "day"])
_MATCHES = click.Choice(["all", "any"])


class BadParameter(QueryError):
    """A URL parameter the CLI would refuse (its one-line message)."""


def convert(kind: click.ParamType, option: str, value: str) -> Any:
    """``value`` converted as the CLI option ``option`` converts it."""
    try:
        return kind.convert(value, None, None)
    except click.BadParameter as exc:
        raise BadParameter(f"Invalid value for '{option}': {exc.message}") from None


def _one(query: Mapping[str, str], name: str) -> str | None:
    value = query.get(name)
    return value if value else None


@attrs.frozen(kw_only=True)
class SearchParams:
    """One search's parameters, as the search page and ``/search.json`` read them."""

    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    since: str | None = None
    until: str | None = None
    sort: str = "relevance"
    page: int = 1
    limit: int = 10
    date_facet: str = "year"
    facet_limit: int | None = 10
    match: str = "all"

    @classmethod
    def read(cls, query: Any) -> SearchParams:
        """From a request's query parameters (a Starlette ``QueryParams``)."""
        filters = {name: tuple(v for v in query.getlist(name) if v.strip()) for name in FILTERS}
        facet_limit = convert(click.IntRange(0), "--facet-limit", query.get("facet_limit", "10"))
        return cls(
            q=query.get("q", ""),
            filters={k: v for k, v in filters.items() if v},
            since=_one(query, "since"), until=_one(query, "until"),
            sort=convert(_SORTS, "--sort", query.get("sort", "relevance")),
            page=convert(click.IntRange(1), "--page", query.get("page", "1")),
            limit=convert(click.IntRange(1, 1000), "--limit", query.get("limit", "10")),
            date_facet=convert(_GRAINS, "--date-facet", query.get("date_facet", "year")),
            facet_limit=facet_limit or None,
            match=convert(_MATCHES, "--match", query.get("match", "all")),
        )

    def search_kwargs(self) -> dict[str, Any]:
        """The keywords of ``Index.search`` (the CLI's defaults where not given)."""
        kwargs: dict[str, Any] = {FILTERS[k]: v for k, v in self.filters.items()}
        return dict(kwargs, since=self.since, until=self.until, sort=self.sort,
                    page=self.page, per_page=self.limit, date_facet=self.date_facet,
                    facet_limit=self.facet_limit, match=self.match)

    def pairs(self) -> list[tuple[str, str]]:
        """The parameters that differ from the defaults, as URL pairs."""
        out: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        out += [(name, value) for name, values in self.filters.items() for value in values]
        out += [(k, v) for k, v in (("since", self.since), ("until", self.until)) if v]
        defaults = SearchParams()
        for name in ("sort", "page", "limit", "date_facet", "facet_limit", "match"):
            value = getattr(self, name)
            if value != getattr(defaults, name):
                out.append((name, "0" if value is None else str(value)))
        return out

    def url(self, **changes: Any) -> str:
        """The search page URL of these parameters with ``changes`` (``page`` back
        to 1 unless changed too)."""
        changes.setdefault("page", 1)
        return "/?" + urlencode(attrs.evolve(self, **changes).pairs())

    def json_url(self) -> str:
        """The ``/search.json`` URL of these parameters."""
        return "/search.json?" + urlencode(self.pairs())

    def with_value(self, name: str, value: str) -> str:
        """The URL with one more value of the filter ``name``."""
        values = self.filters.get(name, ())
        if value in values:
            return self.url()
        return self.url(filters={**self.filters, name: (*values, value)})

    def without_value(self, name: str, value: str) -> str:
        """The URL without one value of a filter (``since``/``until`` included)."""
        if name in ("since", "until"):
            return self.url(**{name: None})
        rest = tuple(v for v in self.filters.get(name, ()) if v != value)
        filters = {k: v for k, v in self.filters.items() if k != name}
        return self.url(filters={**filters, **({name: rest} if rest else {})})

    def chips(self) -> Sequence[tuple[str, str, str]]:
        """The active filters as ``(name, value, URL without it)``."""
        out = [(n, v, self.without_value(n, v)) for n, vs in self.filters.items() for v in vs]
        out += [(n, v, self.without_value(n, v)) for n, v in
                (("since", self.since), ("until", self.until)) if v]
        return out


def article_url(article_id: str) -> str:
    return "/article/" + quote(article_id, safe="")


def person_url(name: str) -> str:
    return "/person/" + quote(name, safe="")
