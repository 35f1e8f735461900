"""Every exception docsearch raises on purpose, in one place.

::

    DocsearchError                  base class: catch this to catch them all
    ├── ParseError                  a file or record could not be read as an article
    ├── QueryError                  a malformed query or an invalid search option
    │   └── UnknownFacetError       a facet name that does not exist
    ├── InvalidDateError            a date option that is not a date
    ├── IndexNotFoundError          no index at the given path
    ├── IndexLockedError            another writer holds the index lock
    ├── IndexFormatError            an index written by an incompatible version
    ├── ArticleNotFoundError        no article with the given id
    ├── RebuildError                a rebuild that cannot start (nothing to build from)
    ├── TaxonomyError               a topic taxonomy file that cannot be used
    └── ConfigError                 a docsearch.toml that cannot be used

Each message is one line meant for a person; the CLI prints it as it is.
"""

from __future__ import annotations

__all__ = [
    "ArticleNotFoundError",
    "ConfigError",
    "DocsearchError",
    "IndexFormatError",
    "IndexLockedError",
    "IndexNotFoundError",
    "InvalidDateError",
    "ParseError",
    "QueryError",
    "RebuildError",
    "TaxonomyError",
    "UnknownFacetError",
]


class DocsearchError(Exception):
    """Base class of every error docsearch raises on purpose."""


class ParseError(DocsearchError):
    """A file (or one record of it) could not be read as an article.

    ``path`` names the file, ``reason`` says why, in a few words.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str]]:
        return (ParseError, (self.path, self.reason))  # picklable for worker processes


class QueryError(DocsearchError):
    """A query or a search option that cannot be used."""


class UnknownFacetError(QueryError):
    """A facet name that is not one of the known facets."""


class InvalidDateError(DocsearchError):
    """A date given as an option or filter that cannot be read as a date."""


class IndexNotFoundError(DocsearchError):
    """There is no docsearch index at the given path."""


class IndexLockedError(DocsearchError):
    """Another process is writing to the index and did not finish in time."""


class IndexFormatError(DocsearchError):
    """The index exists but was written in a format this version cannot use."""


class ArticleNotFoundError(DocsearchError):
    """No article with the given id is in the index."""


class RebuildError(DocsearchError):
    """A rebuild that cannot be done: no folders to build from, or one is missing."""


class TaxonomyError(DocsearchError):
    """A taxonomy file that cannot be read or has no usable topics."""


class ConfigError(DocsearchError):
    """A settings file (``docsearch.toml``) that cannot be read, or a setting in it
    that no command has or whose value is of the wrong type."""
