"""Metadata records (YAML front matter, JSON Lines objects) as ``Article`` fields.

One table of field names and their accepted aliases serves every format, so the
same key means the same thing in front matter and in JSON Lines:

=============  ==========================================================
field          accepted keys (first found wins)
=============  ==========================================================
id             ``id``, ``doc_id``, ``uid``
title          ``title``, ``headline``
authors        ``authors``, ``author``, ``byline``, ``creator``
source         ``source``, ``publication``, ``publisher``, ``site``, ``site_name``
published      ``published``, ``date``, ``pubdate``, ``published_at``, ``datetime``
url            ``url``, ``link``, ``canonical_url``, ``permalink``
body           ``body``, ``text``, ``content``
sections       ``sections``
people         ``people``, ``persons``
surnames       ``surnames`` (names given as a surname alone; ``docsearch export`` has them)
topics         ``topics``, ``topic``, ``categories``
=============  ==========================================================
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docsearch.errors import ParseError
from docsearch.extract.dates import coerce_date

__all__ = ["ALIASES", "fields_from_metadata"]

ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "uid"),
    "title": ("title", "headline"),
    "authors": ("authors", "author", "byline", "creator"),
    "source": ("source", "publication", "publisher", "site", "site_name"),
    "published": ("published", "date", "pubdate", "published_at", "datetime"),
    "url": ("url", "link", "canonical_url", "permalink"),
    "body": ("body", "text", "content"),
    "sections": ("sections",),
    "people": ("people", "persons"),
    "surnames": ("surnames",),
    "topics": ("topics", "topic", "categories"),
}
_LISTS = {"authors", "sections", "people", "surnames", "topics"}


def _as_list(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, bool):  # JSON true/false, YAML yes/no: never a name
        raise ParseError(where, f"field {key!r} must be text or a list of text")
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        name = value.get("name")
        return [str(name)] if name else []
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            out.extend(_as_list(item, key, where))
        return out
    if isinstance(value, (int, float)):
        return [str(value)]
    raise ParseError(where, f"field {key!r} must be text or a list of text")


def fields_from_metadata(meta: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Article keyword arguments from a metadata mapping (keys are case-insensitive).

    Only fields present in ``meta`` appear in the result. A value of the wrong shape
    raises :class:`~docsearch.errors.ParseError` naming ``where``.
    """
    lowered = {str(k).strip().lower(): v for k, v in meta.items()}
    out: dict[str, Any] = {}
    for field, keys in ALIASES.items():
        for key in keys:
            if key not in lowered or lowered[key] in (None, "", []):
                continue
            value = lowered[key]
            if field in _LISTS:
                out[field] = _as_list(value, key, where)
            elif field == "published":
                if isinstance(value, (bool, Mapping, list, tuple)):
                    raise ParseError(where, f"field {key!r} must be a date")
                date = coerce_date(value)
                if date is None:
                    continue  # an unusable date (year 0, 9999, text) counts as none
                out[field] = date
            elif isinstance(value, (bool, Mapping, list, tuple)):
                raise ParseError(where, f"field {key!r} must be text")
            else:
                out[field] = str(value)
            break
    return out
