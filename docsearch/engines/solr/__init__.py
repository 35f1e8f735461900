"""The Solr engine: a docsearch index on a SolrCloud cluster, reached over HTTP.

``docsearch.open("solr://HOST:PORT/solr/NAME", create=True)`` (or ``--index
solr://...`` on every command) makes or opens the index ``NAME`` in the cluster
(:mod:`~docsearch.engines.solr.store`: what it creates there). docsearch still
owns the meaning of a search: it analyses the text into its own terms, which
Solr indexes as they are (``configset/schema.xml`` only splits on whitespace),
so Solr and the embedded engines match the same documents; it compiles its
query tree to Solr's JSON Query DSL (:mod:`~docsearch.engines.solr.compile`) and
asks for facets with the JSON Facet API (:mod:`~docsearch.engines.solr.snapshot`).
Solr scores with its own BM25. ``httpx`` is imported only in
:mod:`~docsearch.engines.solr.client`, where its errors become
:class:`~docsearch.errors.EngineUnavailableError`.

Install with ``pip install "docsearch[solr]"``; a test cluster:
``scripts/solrcloud up`` (docs/solrcloud-test-cluster.md).
"""

from __future__ import annotations

from pathlib import Path

from docsearch.engines.solr.backend import SolrBackend
from docsearch.engines.solr.client import SolrClient, parse_location

__all__ = ["create", "open", "open_store"]


def open(location: str | Path) -> SolrBackend:  # noqa: A001 - the engine module's interface
    """The backend of one generation, named ``solr://.../solr/NAME#COLLECTION`` (how
    a sync's worker processes reopen it)."""
    text = str(location)
    base, _, collection = text.partition("#")
    where = parse_location(base)
    return SolrBackend(SolrClient(where), collection or where.name,
                       f"{where.name}__docsearch", text, owns_client=True)


def create(location: str | Path) -> SolrBackend:
    """Solr collections are made by the store (:mod:`~docsearch.engines.solr.store`)."""
    raise NotImplementedError("a Solr index is created with docsearch.open(URL, create=True)")


def open_store(location: str, *, create: bool, timeout: float, **sizes: int) -> object:
    """The index at ``location`` (see :mod:`~docsearch.engines.solr.store`)."""
    from docsearch.engines.solr.store import SolrStore

    if create:
        return SolrStore.create(location, timeout, **sizes)
    return SolrStore.open(location)
