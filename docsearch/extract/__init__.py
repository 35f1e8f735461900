"""Values extracted from an article's text: people, topics, dates, source, id.

Plain functions with no index in them. :func:`enrich` fills what a reader (or a
Python caller) left empty and never overwrites a value that was given.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import attrs

from docsearch.extract.people import extract_people, find_people
from docsearch.extract.topics import Taxonomy, classify_topics
from docsearch.models import Article

if TYPE_CHECKING:
    from docsearch.extract.dates import date_from_url, parse_date
    from docsearch.extract.sources import source_from_url

#: Names of ``__all__`` imported on first use (PEP 562): a search needs the people
#: module, not the dates one (and dateutil).
_LAZY = {"date_from_url": "docsearch.extract.dates", "parse_date": "docsearch.extract.dates",
         "source_from_url": "docsearch.extract.sources"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'docsearch.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

__all__ = [
    "Extraction",
    "article_id",
    "canonical_url",
    "classify_topics",
    "date_from_url",
    "enrich",
    "extract_people",
    "parse_date",
    "source_from_url",
    "stable_id",
]

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid")


def canonical_url(url: str) -> str:
    """A url in one spelling: lower-case scheme and host, no ``www.``, no fragment,
    no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if parts.port:
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING)])
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower() or "https", host, path, query, ""))


def stable_id(*, url: str | None = None, path: str | None = None, text: str | None = None) -> str:
    """A 16-hex-digit id that stays the same across runs: from the url when there is
    one, else from the path relative to the indexed folder, else from the text.

    >>> stable_id(url="https://www.example.com/a/?utm_source=x") == stable_id(
    ...     url="https://example.com/a")
    True
    """
    if url:
        key = "url:" + canonical_url(url)
    elif path:
        key = "path:" + path.replace("\\", "/")
    else:
        key = "text:" + (text or "")
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def article_id(article: Article) -> str:
    """The id of an article that states none: :func:`stable_id` of its url, else of
    its path, else of its content hash (or, without one, the hash of its text). The
    one place an id is derived, with or without extraction."""
    return stable_id(url=article.url, path=article.path,
                     text=article.content_hash or article.computed_hash())


@attrs.frozen
class Extraction:
    """What extraction found in one text: people, weak surnames, topics."""

    people: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()

    @classmethod
    def of(cls, article: Article) -> Extraction:
        return cls(article.people, article.surnames, article.topics)


def enrich(article: Article, taxonomy: Taxonomy | None = None,
           cache: Mapping[str, Extraction] | None = None) -> Article:
    """Fill the fields the article does not state: id, date (from the url), source
    (from the url), people and topics (from the text), content hash.

    ``cache`` maps content hashes to earlier extractions: an article whose hash is
    there takes its people and topics from it instead of extracting them again.

    >>> a = docsearch.enrich(docsearch.Article(
    ...     title="Mayor opens tram line", url="https://news.example/2024/05/02/tram",
    ...     body="Mayor Rosa Lindqvist opened the tram line. Lindqvist said it was on time."))
    >>> a.people, a.published, a.source, a.id
    (('Rosa Lindqvist',), datetime.date(2024, 5, 2), 'news.example', '8ce092d3c317e274')
    """
    from docsearch.extract.dates import date_from_url
    from docsearch.extract.sources import source_from_url

    changes: dict[str, object] = {}
    digest = article.content_hash or article.computed_hash()
    known = cache.get(digest) if cache is not None else None
    if known is not None:
        if not article.people:
            changes["people"], changes["surnames"] = known.people, known.surnames
        if not article.topics:
            changes["topics"] = known.topics
        article = article.evolve(**changes) if changes else article
        changes = {}
    if article.published is None:
        found = date_from_url(article.url)
        if found is not None:
            changes["published"] = found
    if article.source is None and article.url:
        changes["source"] = source_from_url(article.url)
    if not article.people and known is None:
        people = find_people(article.title, article.body, article.sections)
        changes["people"] = people.people
        if not article.surnames:  # surnames the record states are kept
            changes["surnames"] = people.surnames
    if not article.topics and known is None:
        changes["topics"] = classify_topics(article.title, article.body, taxonomy)
    if article.content_hash is None:
        changes["content_hash"] = digest
    if not article.id:
        changes["id"] = article_id(article)
    return article.evolve(**changes) if changes else article
