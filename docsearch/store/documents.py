"""An article as every engine stores it, and back.

:func:`to_document` makes the :class:`docsearch.engines.base.Document` of an
article: the analysed terms of title and body (:mod:`docsearch.analysis`), the
keyword values (people, surnames, topics, source, authors, day, path, hash), the
date, and the stored fields, which :func:`article_from_stored` turns back into
the article::

    {"id": ..., "title": ..., "body": ..., "data": {"authors": [...], "source": ...,
     "published": ..., "url": ..., "sections": [...], "people": [...],
     "surnames": [...], "topics": [...], "path": ..., "content_hash": ...}}

The keyword fields keep values exactly (case, spaces and commas included): a
value is one term. Searching them case-insensitively is done by the search layer,
which resolves what a user typed against the terms the index holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docsearch import analysis as text_analysis
from docsearch.engines.base import Document
from docsearch.models import Article, format_published, parse_published, utc_naive

__all__ = ["Terms", "analyze", "article_from_stored", "to_document"]

#: The indexed words of an article's title and body (see :func:`analyze`).
Terms = tuple[list[str], list[str]]


def analyze(article: Article) -> Terms:
    """The words to index for the title and the body (:func:`docsearch.analysis.terms`),
    worked out where the article is read (in a worker process) rather than in the
    process that writes."""
    return (text_analysis.terms(article.title), text_analysis.terms(article.body))


def _keywords(article: Article) -> dict[str, tuple[str, ...]]:
    keywords = {"person": tuple(article.people), "surname": tuple(article.surnames),
                "topic": tuple(article.topics), "author": tuple(article.authors),
                "source": (article.source,) if article.source else ()}
    if article.published is not None:
        keywords["day"] = (article.published.strftime("%Y-%m-%d"),)
    if article.path:
        keywords["path"] = (article.path.split("#", 1)[0],)
    if article.content_hash:
        keywords["hash"] = (article.content_hash,)
    return {name: values for name, values in keywords.items() if values}


def to_document(article: Article, terms: Terms | None = None) -> Document:
    """The engine document of an article; ``terms`` (from :func:`analyze`) saves
    analysing the text again."""
    title_terms, body_terms = terms if terms is not None else analyze(article)
    stored = {
        "id": article.id,
        "title": article.title,
        "body": article.body,
        "data": {
            "authors": list(article.authors),
            "source": article.source,
            "published": format_published(article.published),
            "url": article.url,
            "sections": list(article.sections),
            "people": list(article.people),
            "surnames": list(article.surnames),
            "topics": list(article.topics),
            "path": article.path,
            "content_hash": article.content_hash,
        },
    }
    return Document(id=article.id, title=article.title, body=article.body,
                    title_terms=tuple(title_terms), body_terms=tuple(body_terms),
                    keywords=_keywords(article),
                    date=utc_naive(article.published) if article.published else None,
                    stored=stored)


def article_from_stored(stored: Mapping[str, Any]) -> Article:
    """The article back from its stored fields."""
    data = stored.get("data") or {}
    return Article(
        id=stored.get("id", ""),
        title=stored.get("title", ""),
        body=stored.get("body", ""),
        authors=data.get("authors", ()),
        source=data.get("source"),
        published=parse_published(data.get("published")),
        url=data.get("url"),
        sections=data.get("sections", ()),
        people=data.get("people", ()),
        surnames=data.get("surnames", ()),
        topics=data.get("topics", ()),
        path=data.get("path"),
        content_hash=data.get("content_hash"),
    )
