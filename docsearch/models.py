"""The values docsearch reads, stores and returns: plain, immutable attrs classes.

``Article`` is what readers produce and the index stores; ``SearchResults`` holds
``Hit`` objects and facet counts (``FacetValue``). ``to_dict()`` on each gives the
documented JSON shape (``published`` as ISO 8601).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


#: Characters JSON leaves raw that a terminal may still obey (DEL and C1).
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in range(0x7f, 0xa0)}


def json_text(data: Any, indent: int | None = None) -> str:
    """``data`` as JSON, UTF-8 kept as is, every control character (DEL and C1
    included, which JSON itself leaves raw) written as a ``\\u`` escape: the one
    writer of every JSON docsearch prints or exports, so article text in it cannot
    drive a terminal."""
    return json.dumps(data, indent=indent, ensure_ascii=False).translate(_JSON_ESCAPES)


def unmarked(snippet: str) -> str:
    """An HTML snippet as plain text: marks dropped, entities decoded."""
    return html.unescape(_MARK.sub(r"\1", snippet))

__all__ = ["Article", "FacetValue", "Hit", "SearchResults", "format_published",
           "normalise_datetime", "parse_published", "utc_naive"]


def _strings(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Normalise a list-ish field: a single string becomes a one-item tuple; blanks and
    repeats are dropped, order is kept."""
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    seen: dict[str, None] = {}
    for value in values:
        text = " ".join(str(value).split())
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _optional_path(value: object) -> str | None:
    """A path as it is: file names may hold runs of spaces, tabs and newlines, and two
    names that differ only there are two files."""
    if value is None:
        return None
    text = str(value)
    return text if text.strip() else None


def normalise_datetime(value: dt.datetime) -> dt.datetime:
    """Whole seconds; a time zone becomes its fixed UTC offset at that moment."""
    value = value.replace(microsecond=0)
    offset = value.utcoffset()
    if offset is not None:
        value = value.replace(tzinfo=dt.timezone(offset))
    return value


def format_published(value: dt.date | None) -> str | None:
    """ISO 8601 text of a publication date: ``2021-12-31`` for a date;
    ``2022-10-17T23:05:00-04:00`` for a time with its offset as printed,
    ``2022-05-03T08:30:00Z`` in UTC, ``1987-02-26T15:01:01`` when the zone is unknown;
    ``None`` for none."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = normalise_datetime(value)
        if value.utcoffset() == dt.timedelta(0):
            return value.replace(tzinfo=None).isoformat() + "Z"
        return value.isoformat()
    return value.isoformat()


def parse_published(text: str | None) -> dt.date | None:
    """Inverse of :func:`format_published`."""
    if not text:
        return None
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    return normalise_datetime(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))


def utc_naive(value: dt.date) -> dt.datetime:
    """A publication date as a naive UTC datetime (for sorting and ranges); a date or a
    time of unknown zone is taken as it is."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is not None:
        value = value.astimezone(dt.timezone.utc)
    return value.replace(tzinfo=None)


def _published(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return parse_published(value)
    if isinstance(value, dt.datetime):
        return normalise_datetime(value)
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"published must be a date, a datetime or ISO text, not {value!r}")


@attrs.frozen(kw_only=True)
class Article:
    """One news article, as read from a file or built in Python.

    >>> a = Article(title="Harbour reopens", body="The harbour reopened on Monday.")
    >>> a.title, a.people
    ('Harbour reopens', ())

    ``id`` is stable across runs (see :func:`docsearch.extract.article_id`); when it is
    left empty, the index derives it from the url, else the path, else the content.
    """

    id: str = attrs.field(default="", converter=lambda v: str(v or "").strip())
    title: str = attrs.field(default="", converter=lambda v: " ".join(str(v or "").split()))
    authors: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    source: str | None = attrs.field(default=None, converter=_optional_text)
    published: dt.date | None = attrs.field(default=None, converter=_published)
    url: str | None = attrs.field(default=None, converter=_optional_text)
    body: str = attrs.field(default="", converter=lambda v: str(v or "").strip())
    sections: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    people: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    topics: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    path: str | None = attrs.field(default=None, converter=_optional_path)
    content_hash: str | None = attrs.field(default=None, converter=_optional_text)
    #: One-word names with a cue of a person but no full name in the article
    #: ("VOLCKER SEES ..."): the index counts each as the one person it knows by that
    #: surname, if any. Filled by extraction; not part of the JSON shape.
    surnames: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def evolve(self, **changes: Any) -> Article:
        """A copy with some fields changed."""
        return attrs.evolve(self, **changes)

    def computed_hash(self) -> str:
        """A SHA-256 of the article's own text fields (used when no file hash is known)."""
        h = hashlib.sha256()
        for part in (self.title, "\x1f".join(self.authors), self.source or "",
                     format_published(self.published) or "", self.url or "", self.body):
            h.update(part.encode("utf-8"))
            h.update(b"\x1e")
        return h.hexdigest()

    def to_dict(self, body: bool = True) -> dict[str, Any]:
        """The documented JSON shape of an article."""
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "source": self.source,
            "published": format_published(self.published),
            "url": self.url,
            "people": list(self.people),
            "topics": list(self.topics),
            "sections": list(self.sections),
            "path": self.path,
            "content_hash": self.content_hash,
        }
        if body:
            out["body"] = self.body
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from :meth:`to_dict` output (unknown keys are ignored)."""
        names = {f.name for f in attrs.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@attrs.frozen(kw_only=True)
class FacetValue:
    """One value of a facet and how many matching articles have it.

    ``value`` is ``None`` in the date facet's bucket of articles without a date.
    ``selected`` is true when the search filtered on this value.

    >>> for value in ix.search("harbour", topics=["labour"]).facets["topic"][:2]:
    ...     print(value)
    FacetValue(value='labour', count=4, selected=True)
    FacetValue(value='arts, culture, entertainment and media', count=2, selected=False)
    """

    value: str | None
    count: int
    selected: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "count": self.count, "selected": self.selected}


@attrs.frozen(kw_only=True)
class Hit:
    """One search result: the article's fields (no body), its score and a snippet.

    ``snippet`` is HTML: article text escaped, matched terms wrapped in ``<mark>``;
    ``snippet_text`` is the same as plain text.
    ``score`` is ``None`` when results are sorted by date.

    >>> hit = ix.search("tapestry").hits[0]
    >>> hit.title, hit.published, hit.source
    ('Calloway Gallery Buys Harbour Tapestry After Public Appeal', datetime.date(2023, 7, 18), None)
    >>> hit.snippet.count("<mark>tapestry</mark>"), "<mark>" in hit.snippet_text
    (3, False)
    """

    id: str
    title: str
    authors: tuple[str, ...]
    source: str | None
    published: dt.date | None
    url: str | None
    people: tuple[str, ...]
    topics: tuple[str, ...]
    path: str | None
    score: float | None
    snippet: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "authors": list(self.authors),
            "source": self.source,
            "published": format_published(self.published),
            "url": self.url,
            "people": list(self.people),
            "topics": list(self.topics),
            "path": self.path,
            "score": None if self.score is None else round(self.score, 4),
            "snippet": self.snippet,
            "snippet_text": self.snippet_text,
        }

    @property
    def snippet_text(self) -> str:
        """The snippet as plain text (no marks, entities decoded)."""
        return unmarked(self.snippet)


@attrs.frozen(kw_only=True)
class SearchResults:
    """The answer to one search: one page of hits plus facet counts.

    ``total`` counts every matching article, not only this page. ``facets`` maps a
    facet name (``person``, ``topic``, ``source``, ``date``) to its values.
    ``suggestion`` is a corrected query when the index suggests one, else ``None``.
    ``filter_suggestions`` maps a filter (``person``, ``topic``, ``source``,
    ``author``) given a value the index does not know to the values near it.

    >>> results = ix.search("harbour", per_page=4)
    >>> results.total, results.pages, len(results.hits), results.suggestion
    (11, 3, 4, None)
    >>> ix.search("harbor").suggestion
    'harbour'
    >>> ix.search(people=["Puttin"]).filter_suggestions
    {'person': ('Vladimir Putin',)}
    """

    query: str
    total: int
    page: int
    per_page: int
    hits: tuple[Hit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]]
    suggestion: str | None = None
    filter_suggestions: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)

    @property
    def pages(self) -> int:
        """How many pages of ``per_page`` hits there are."""
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {name: [v.to_dict() for v in values] for name, values in self.facets.items()},
            "suggestion": self.suggestion,
            "filter_suggestions": {name: list(values)
                                   for name, values in self.filter_suggestions.items()},
        }
