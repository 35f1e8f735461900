"""docsearch: full-text search over news articles, with facets by person, date and topic.

>>> import docsearch
>>> ix = docsearch.open("index", create=True)                    # doctest: +SKIP
>>> report = ix.sync(["sample_docs"])                             # doctest: +SKIP
>>> results = ix.search("sanctions", people=["Vladimir Putin"])   # doctest: +SKIP
>>> results.hits[0].title, results.facets["topic"][0].value      # doctest: +SKIP

The public surface is what ``__all__`` lists; everything else may change.
"""

from __future__ import annotations

from docsearch.check import CheckReport
from docsearch.engines import EngineInfo, available_engines
from docsearch.errors import (
    AmbiguousPersonError,
    ArticleNotFoundError,
    ConfigError,
    DocsearchError,
    EngineError,
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
from docsearch.extract import enrich, extract_people, stable_id
from docsearch.extract.topics import Taxonomy, classify_topics, load_taxonomy
from docsearch.index import DEFAULT_INDEX, EXPORT_FORMATS, Batch, Index, IndexReport, IndexStats
from docsearch.index import open_index as open
from docsearch.models import Article, FacetValue, Hit, SearchResults
from docsearch.person import CoMention, PersonProfile
from docsearch.readers import FileResult, read_file
from docsearch.search.facets import DEFAULT_FACETS, FACET_NAMES
from docsearch.search.ranking import Ranking
from docsearch.store import DEFAULT_LOCK_TIMEOUT
from docsearch.sync import BATCH_SIZE
from docsearch.watch import DEBOUNCE_MS

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
