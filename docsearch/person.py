"""A person's profile: when they were in the news, with whom, on which topics
(``Index.person``, ``docsearch person``, the web app's person page).

Everything is computed through the public search API (:meth:`Index.search`), so a
profile means the same over every engine:

* the person filter (``people=[name]``, a surname resolved by the 85% rule, an
  ambiguous one raising :class:`AmbiguousPersonError`) gives the articles, their
  dates (date facet by day: first and last mention, articles per month), topics,
  sources and latest articles (``sort="date"``); the person facet of that search
  counts every person over the whole index (facets are multi-select: a facet
  ignores its own filter) and marks the person the name resolved to;
* the query ``person:"NAME"`` (a query clause, not a filter) counts the people of
  the person's articles: how often each is mentioned with them;
* ``len(ix)`` is the number of articles of the index.

Co-mentioned people are scored by **lift**, ``P(B | A) / P(B)`` =
``(together / articles of A) / (articles of B / articles of the index)``: how many
times more often B appears beside A than in an article at random. Lift alone
favours one-off mentions of rare names, a raw count favours the names that are in
every article; people are ranked by ``count × ln(lift)`` (the co-occurrence count
weighted by its pointwise mutual information) and only those with lift > 1 (seen
with A more often than chance) are kept.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

import attrs

from docsearch.errors import DocsearchError, PersonNotFoundError
from docsearch.models import FacetValue, Hit, format_published, parse_published

if TYPE_CHECKING:
    from docsearch.index import Index

__all__ = ["CoMention", "PersonProfile", "person_profile"]


@attrs.frozen(kw_only=True)
class CoMention:
    """A person mentioned in the same articles as the profile's person.

    ``count`` is how many of the person's articles mention them too; ``lift`` how
    many times more often than in an article of the index at random.

    >>> ix.person("Marcus Oduya-Bell").people[0]
    CoMention(name='Delphine Harrow', count=2, lift=5.0)
    """

    name: str
    count: int
    lift: float

    @property
    def score(self) -> float:
        """The ranking score, ``count × ln(lift)``."""
        return self.count * math.log(self.lift)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "count": self.count, "lift": round(self.lift, 4)}


@attrs.frozen(kw_only=True)
class PersonProfile:
    """When a person was in the news, with whom, on which topics (:meth:`Index.person`).

    ``name`` is the person the typed name stands for; ``articles`` how many
    articles mention them; ``months`` their articles per month (``YYYY-MM``, the
    months with articles, then the undated ones as ``None``), the same counts as
    ``ix.facets(["date"], date_facet="month", people=[name])``; ``people`` the
    people most often mentioned with them (see ``docsearch/person.py`` for the
    ranking); ``topics`` and ``sources`` facet counts over their articles;
    ``latest`` their newest articles (hits without snippets).

    >>> profile = ix.person("Oduya-Bell")
    >>> profile.name, profile.articles, profile.first_mention, profile.last_mention
    ('Marcus Oduya-Bell', 7, datetime.date(2019, 3, 12), datetime.date(2024, 10, 22))
    >>> profile.people[0].name, profile.people[0].count
    ('Delphine Harrow', 2)
    """

    name: str
    articles: int
    first_mention: dt.date | None
    last_mention: dt.date | None
    months: tuple[FacetValue, ...]
    people: tuple[CoMention, ...]
    topics: tuple[FacetValue, ...]
    sources: tuple[FacetValue, ...]
    latest: tuple[Hit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "articles": self.articles,
            "first_mention": format_published(self.first_mention),
            "last_mention": format_published(self.last_mention),
            "months": [v.to_dict() for v in self.months],
            "people": [p.to_dict() for p in self.people],
            "topics": [v.to_dict() for v in self.topics],
            "sources": [v.to_dict() for v in self.sources],
            "latest": [h.to_dict() for h in self.latest],
        }


def person_profile(ix: Index, name: str, *, limit: int = 10, latest: int = 5) -> PersonProfile:
    """The profile of the person ``name`` stands for (see :class:`PersonProfile`);
    ``limit`` caps the co-mentioned people, topics and sources, ``latest`` the
    newest articles listed."""
    if not isinstance(name, str) or not name.strip():
        raise PersonNotFoundError(str(name), ())
    found = ix.search(people=[name], sort="date", per_page=max(1, latest),
                      facets=["person", "date", "topic", "source"], date_facet="day",
                      facet_limit=None, snippets=False)
    resolved = _resolved(found.facets["person"])
    if resolved is None or not found.total:
        raise PersonNotFoundError(name, found.filter_suggestions.get("person", ()))
    days = found.facets["date"]
    dated = [parse_published(v.value) for v in days if v.value is not None]
    return PersonProfile(
        name=resolved,
        articles=found.total,
        first_mention=dated[0] if dated else None,
        last_mention=dated[-1] if dated else None,
        months=_by_month(days),
        people=_co_mentions(ix, resolved, found.total, found.facets["person"], limit),
        topics=found.facets["topic"][:limit],
        sources=found.facets["source"][:limit],
        latest=found.hits[:latest],
    )


def _resolved(people: tuple[FacetValue, ...]) -> str | None:
    """The person a filter value stood for: the selected value (the one with the
    most articles, should case or accents make several match)."""
    selected = [v for v in people if v.selected and v.value is not None]
    return max(selected, key=lambda v: v.count).value if selected else None


def _by_month(days: tuple[FacetValue, ...]) -> tuple[FacetValue, ...]:
    """Day buckets summed into months (``YYYY-MM``), the undated bucket kept last."""
    months: dict[str | None, int] = {}
    for value in days:
        key = None if value.value is None else value.value[:7]
        months[key] = months.get(key, 0) + value.count
    return tuple(FacetValue(value=k, count=c) for k, c in months.items())


def _co_mentions(ix: Index, name: str, articles: int, overall: tuple[FacetValue, ...],
                 limit: int) -> tuple[CoMention, ...]:
    """The people mentioned with ``name`` more often than chance, best first
    (``count × ln(lift)``, then count, then name)."""
    if '"' in name:
        return ()  # the query language has no way to quote a name with a quote in it
    try:
        together = ix.search(f'person:"{name}"', facets=["person"], facet_limit=None,
                             per_page=1, snippets=False).facets["person"]
    except DocsearchError:
        return ()
    size = len(ix)
    known = {v.value: v.count for v in overall}
    found = []
    for value in together:
        others = known.get(value.value, 0)
        if value.value is None or value.value == name or not others:
            continue
        lift = (value.count / articles) / (others / size)
        if lift > 1:
            found.append(CoMention(name=value.value, count=value.count, lift=lift))
    found.sort(key=lambda p: (-p.score, -p.count, p.name))
    return tuple(found[:limit])
