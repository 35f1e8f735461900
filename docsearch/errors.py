"""Every exception docsearch raises on purpose, in one place.

::

    DocsearchError                  base class: catch this to catch them all
    ├── ParseError                  a file or record could not be read as an article
    ├── QueryError                  a malformed query or an invalid search option
    │   ├── UnknownFacetError       a facet name that does not exist
    │   ├── AmbiguousPersonError    a surname several people share, none mostly
    │   └── InvalidDateError        a date option or date: value that is not a date
    ├── IndexNotFoundError          no index at the given path
    ├── IndexLockedError            another writer holds the index lock
    ├── IndexFormatError            an index written by an incompatible version
    ├── ArticleNotFoundError        no article with the given id
    ├── PersonNotFoundError         no person the given name stands for
    ├── RebuildError                a rebuild that cannot start (nothing to build from)
    ├── TaxonomyError               a topic taxonomy file that cannot be used
    ├── ConfigError                 a docsearch.toml that cannot be used
    └── EngineError                 an engine that is unknown, not installed or not the index's
        └── EngineUnavailableError  a remote engine that cannot answer (down, timeout, error)

Each message is one line meant for a person; the CLI prints it as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "AmbiguousPersonError",
    "ArticleNotFoundError",
    "ConfigError",
    "DocsearchError",
    "EngineError",
    "EngineUnavailableError",
    "IndexFormatError",
    "IndexLockedError",
    "IndexNotFoundError",
    "InvalidDateError",
    "ParseError",
    "PersonNotFoundError",
    "QueryError",
    "RebuildError",
    "TaxonomyError",
    "UnknownFacetError",
]


class DocsearchError(Exception):
    """Base class of every error docsearch raises on purpose.

    >>> try:
    ...     docsearch.open(tmp / "nothing-here")
    ... except docsearch.DocsearchError as exc:
    ...     type(exc).__name__
    'IndexNotFoundError'
    """


class ParseError(DocsearchError):
    """A file (or one record of it) could not be read as an article.

    ``path`` names the file, ``reason`` says why, in a few words.

    >>> _ = (tmp / "empty.md").write_text("")
    >>> error = docsearch.read_file(tmp / "empty.md").errors[0]
    >>> isinstance(error, docsearch.ParseError), error.reason
    (True, 'empty file')
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str]]:
        return (ParseError, (self.path, self.reason))  # picklable for worker processes


class QueryError(DocsearchError):
    """A query or a search option that cannot be used.

    >>> ix.search('"harbour')
    Traceback (most recent call last):
    docsearch.errors.QueryError: unbalanced quote in query: "harbour
    """


class UnknownFacetError(QueryError):
    """A facet name that is not one of the known facets.

    >>> ix.search("harbour", facets=["colour"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.UnknownFacetError: unknown facet 'colour' (facets: person, topic, ...)
    """


class AmbiguousPersonError(QueryError):
    """A person filter that is a surname several people of the index share, none of
    them in most of its articles (see the guide, section 3).

    ``name`` is the value as typed; ``candidates`` the people it may mean, as
    ``(name, articles)`` pairs, most articles first (ties by name).

    >>> error = AmbiguousPersonError("Carter", [("Jimmy Carter", 12), ("Ashton Carter", 9)])
    >>> print(error)
    person 'Carter' is ambiguous: Jimmy Carter (12), Ashton Carter (9); give the full name
    >>> error.candidates[0], isinstance(error, QueryError)
    (('Jimmy Carter', 12), True)
    """

    def __init__(self, name: str, candidates: Iterable[tuple[str, int]]) -> None:
        self.name = name
        self.candidates = tuple(sorted(candidates, key=lambda pair: (-pair[1], pair[0])))
        listed = listing([f"{person} ({count})" for person, count in self.candidates])
        super().__init__(f"person '{name}' is ambiguous: {listed}; give the full name")

    def __reduce__(self) -> tuple[type[AmbiguousPersonError], tuple[object, ...]]:
        return (AmbiguousPersonError, (self.name, self.candidates))


def listing(items: Sequence[str], shown: int = 5) -> str:
    """The first ``shown`` items, comma-separated, then how many more there are."""
    out = ", ".join(items[:shown])
    return out + (f" and {len(items) - shown} more" if len(items) > shown else "")


class InvalidDateError(QueryError):
    """A date given as an option, filter or ``date:`` value that cannot be read as a date.

    >>> ix.search("harbour", since="last spring")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.InvalidDateError: since 'last spring' is not a date (use YYYY, ...)
    """


class IndexNotFoundError(DocsearchError):
    """There is no docsearch index at the given path.

    >>> docsearch.open(tmp / "none")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.IndexNotFoundError: no index at .../none (create one with: ...)
    """


class IndexLockedError(DocsearchError):
    """Another process is writing to the index and did not finish in time.

    >>> busy = docsearch.open(tmp / "busy", create=True, lock_timeout=0)
    >>> with busy.batch():                       # this process holds the lock ...
    ...     try:
    ...         docsearch.open(tmp / "busy", lock_timeout=0).add(
    ...             docsearch.Article(title="Late", body="Too late."))
    ...     except docsearch.IndexLockedError as exc:
    ...         print(exc)
    the index at ... is being written by process ...
    """


class IndexFormatError(DocsearchError):
    """The index exists but was written in a format this version cannot use.

    >>> old = tmp / "old"
    >>> docsearch.open(old, create=True).close()
    >>> meta = old / "docsearch.json"
    >>> _ = meta.write_text(meta.read_text().replace('"format": 4', '"format": 1'))
    >>> docsearch.open(old)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.IndexFormatError: ...
    """


class ArticleNotFoundError(DocsearchError):
    """No article with the given id is in the index.

    >>> ix.get("no-such-id")
    Traceback (most recent call last):
    docsearch.errors.ArticleNotFoundError: no article with id 'no-such-id'
    """


class PersonNotFoundError(DocsearchError):
    """A person's name that stands for no one in the index (``Index.person``).

    ``name`` is the value as typed; ``suggestions`` the nearest names the index
    knows (maybe none).

    >>> try:
    ...     ix.person("Puttin")
    ... except docsearch.PersonNotFoundError as exc:
    ...     print(exc, exc.suggestions)
    no person 'Puttin' in the index (did you mean: Vladimir Putin?) ('Vladimir Putin',)
    """

    def __init__(self, name: str, suggestions: Iterable[str]) -> None:
        self.name = name
        self.suggestions = tuple(suggestions)
        hint = f" (did you mean: {listing(self.suggestions)}?)" if self.suggestions else ""
        super().__init__(f"no person '{name}' in the index{hint}")

    def __reduce__(self) -> tuple[type[PersonNotFoundError], tuple[object, ...]]:
        return (PersonNotFoundError, (self.name, self.suggestions))


class RebuildError(DocsearchError):
    """A rebuild that cannot be done: no folders to build from, or one is missing.

    >>> docsearch.open(tmp / "blank", create=True).rebuild()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.RebuildError: the index at ... records no folders to rebuild from; ...
    """


class TaxonomyError(DocsearchError):
    """A taxonomy file that cannot be read or has no usable topics.

    >>> _ = (tmp / "none.toml").write_text("[[topic]]\\n")
    >>> docsearch.load_taxonomy(tmp / "none.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.TaxonomyError: ...
    """


class ConfigError(DocsearchError):
    """A settings file (``docsearch.toml``) that cannot be read, or a setting in it
    that no command has or whose value is of the wrong type.

    >>> from docsearch.config import read_config
    >>> read_config(tmp / "missing.toml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.ConfigError: no config file at .../missing.toml
    """


class EngineError(DocsearchError):
    """An engine that cannot be used: unknown, not in this version of docsearch,
    its library not installed (the message says how to install it), or not the
    engine the index was made with.

    >>> docsearch.open(tmp / "new", create=True, engine="lucene")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.EngineError: unknown engine 'lucene' (engines: whoosh, ...)
    """


class EngineUnavailableError(EngineError):
    """A remote engine (a SolrCloud cluster) that cannot answer: no node reachable,
    a timeout, a collection missing, or an error the engine reported. Nothing the
    engine did not acknowledge is recorded as written.

    >>> docsearch.open("solr://127.0.0.1:9/solr/news")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    docsearch.errors.EngineUnavailableError: cannot reach SolrCloud at 127.0.0.1:9 ...
    """
