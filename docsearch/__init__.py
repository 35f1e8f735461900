"""docsearch: full-text search over news articles, with facets by person, date and topic.

>>> import docsearch
>>> ix = docsearch.open("index", create=True)                    # doctest: +SKIP
>>> report = ix.sync(["sample_docs"])                             # doctest: +SKIP
>>> results = ix.search("sanctions", people=["Vladimir Putin"])   # doctest: +SKIP
>>> results.hits[0].title, results.facets["topic"][0].value      # doctest: +SKIP

The public surface is what ``__all__`` lists; everything else may change.
"""

from __future__ import annotations

import importlib
import typing

from docsearch.errors import (
    AmbiguousPersonError,
    ArticleNotFoundError,
    ConfigError,
    DocsearchError,
    EngineError,
    EngineUnavailableError,
    IndexFormatError,
    IndexLockedError,
    IndexNotFoundError,
    InvalidDateError,
    ParseError,
    PersonNotFoundError,
    QueryError,
    RebuildError,
    TaxonomyError,
    UnknownFacetError,
)

if typing.TYPE_CHECKING:
    from docsearch.batch import Batch
    from docsearch.check import CheckReport
    from docsearch.defaults import (
        BATCH_SIZE,
        DEBOUNCE_MS,
        DEFAULT_FACETS,
        DEFAULT_INDEX,
        DEFAULT_LOCK_TIMEOUT,
        EXPORT_FORMATS,
        FACET_NAMES,
    )
    from docsearch.engines import EngineInfo, available_engines
    from docsearch.extract import enrich, extract_people, stable_id
    from docsearch.extract.topics import Taxonomy, classify_topics, load_taxonomy
    from docsearch.index import Index, IndexStats
    from docsearch.index import open_index as open
    from docsearch.models import Article, FacetValue, Hit, SearchResults
    from docsearch.person import CoMention, PersonProfile
    from docsearch.readers import FileResult, read_file
    from docsearch.search.ranking import Ranking
    from docsearch.sync import IndexReport

#: Where each public name lives: ``import docsearch`` loads none of these modules, the
#: first use of a name loads its own (PEP 562), so a command imports what it needs.
_LAZY = {
    **dict.fromkeys(["BATCH_SIZE", "DEBOUNCE_MS", "DEFAULT_FACETS", "DEFAULT_INDEX",
                     "DEFAULT_LOCK_TIMEOUT", "EXPORT_FORMATS", "FACET_NAMES"],
                    "docsearch.defaults"),
    "CheckReport": "docsearch.check",
    **dict.fromkeys(["EngineInfo", "available_engines"], "docsearch.engines"),
    **dict.fromkeys(["enrich", "extract_people", "stable_id"], "docsearch.extract"),
    **dict.fromkeys(["Taxonomy", "classify_topics", "load_taxonomy"],
                    "docsearch.extract.topics"),
    "Batch": "docsearch.batch",
    **dict.fromkeys(["Index", "IndexStats", "open"], "docsearch.index"),
    "IndexReport": "docsearch.sync",
    **dict.fromkeys(["Article", "FacetValue", "Hit", "SearchResults"], "docsearch.models"),
    **dict.fromkeys(["CoMention", "PersonProfile"], "docsearch.person"),
    **dict.fromkeys(["FileResult", "read_file"], "docsearch.readers"),
    "Ranking": "docsearch.search.ranking",
}
_RENAMED = {"open": "open_index"}


def __getattr__(name: str) -> typing.Any:
    """A public name, its module imported on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'docsearch' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0"

__all__ = [
    "BATCH_SIZE",
    "DEBOUNCE_MS",
    "DEFAULT_FACETS",
    "DEFAULT_INDEX",
    "DEFAULT_LOCK_TIMEOUT",
    "EXPORT_FORMATS",
    "FACET_NAMES",
    "AmbiguousPersonError",
    "Article",
    "ArticleNotFoundError",
    "Batch",
    "CheckReport",
    "CoMention",
    "ConfigError",
    "DocsearchError",
    "EngineError",
    "EngineInfo",
    "EngineUnavailableError",
    "FacetValue",
    "FileResult",
    "Hit",
    "Index",
    "IndexFormatError",
    "IndexLockedError",
    "IndexNotFoundError",
    "IndexReport",
    "IndexStats",
    "InvalidDateError",
    "ParseError",
    "PersonNotFoundError",
    "PersonProfile",
    "QueryError",
    "Ranking",
    "RebuildError",
    "SearchResults",
    "Taxonomy",
    "TaxonomyError",
    "UnknownFacetError",
    "__version__",
    "available_engines",
    "classify_topics",
    "enrich",
    "extract_people",
    "load_taxonomy",
    "open",
    "read_file",
    "stable_id",
]
