"""The source (publication) of an article, from its url's host.

A bundled table maps the hosts of well-known outlets to their names
(``themoscowtimes.com`` → "The Moscow Times"); an unknown host is its own name,
without a leading ``www.``.
"""

from __future__ import annotations

import functools
from importlib import resources
from urllib.parse import urlsplit

__all__ = ["host_of", "outlet_names", "source_from_url"]


@functools.cache
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    text = resources.files("docsearch.extract").joinpath("data/sources.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        host, _, name = line.partition("\t")
        if name.strip():
            table[host.strip().lower()] = name.strip()
    return table


def outlet_names() -> set[str]:
    """The names of the outlets in the bundled table ("The Moscow Times", "CNN"...)."""
    return set(_table().values())


def host_of(url: str | None) -> str | None:
    """The lower-case host of a url without ``www.`` (``None`` if there is none)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def source_from_url(url: str | None) -> str | None:
    """The outlet's name for a url: from the bundled table, else the bare host.

    >>> source_from_url("https://www.themoscowtimes.com/2021/12/31/a-story")
    'The Moscow Times'
    >>> source_from_url("https://news.example.org/x")
    'news.example.org'
    """
    host = host_of(url)
    if not host:
        return None
    table = _table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return host
