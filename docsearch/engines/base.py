"""The engine interface: what docsearch asks of the engine that stores and matches.

docsearch owns the *meaning* of a search: the analysis of text into terms
(:mod:`docsearch.analysis`), the query tree (:mod:`docsearch.search.querytree`),
filters and facets, the people registry, ranking choices that are not an engine's
formula (proximity, recency), snippets, spelling and sync. An engine only stores
documents and answers questions about one committed state of them. It is the
same split as httpx's ``Client`` and ``BaseTransport``: :class:`docsearch.Index`
talks to a :class:`Backend`, and an engine's own library is imported only inside
its folder (``docsearch/engines/<name>/``), where its exceptions are mapped to
docsearch's (:mod:`docsearch.errors`).

::

    Index ──► Store (folder, lock, generations, manifest)  ──►  Backend  (one per generation)
      │                                                          ├── writer()   → Writer
      └──► search layer (numpy facets, paging, proximity) ──►    └── snapshot() → Snapshot

The three protocols
-------------------
:class:`Backend`
    One engine index in one generation folder: created or opened there, written
    through :meth:`Backend.writer` (one commit per block), read through
    :meth:`Backend.snapshot` (the latest committed state; cheap when nothing
    changed).
:class:`Writer`
    ``put`` a :class:`Document` (replacing the one with its id) or ``delete`` an
    id. Everything written in one ``with backend.writer():`` block becomes
    visible together, or not at all if the block raises.
:class:`Snapshot`
    One committed state, as a search sees it. Documents are numbered
    ``0 .. size-1`` within the snapshot (deleted ones keep their numbers until a
    merge; :meth:`Snapshot.live` says which are live). Everything docsearch's search
    layer needs is here: keyword columns for filters and facets, a boolean mask
    or scores for a query tree, positions for the proximity bonus, dates for
    sorting and recency, stored fields, id look-ups and term statistics for
    spelling and "more like this".

An engine's module (``docsearch.engines.<name>``) gives ``create(folder) -> Backend``
(a new, empty index in an existing empty folder) and ``open(folder) -> Backend``.

Terms are always docsearch's: :class:`Document` carries the analysed terms of
title and body, and the query tree holds analysed terms, so every engine matches
the same documents by construction. An engine may score with its own formula
(BM25 variants differ in details); the conformance suite (``tests/engines/``)
requires identical totals, hit-id sets and facet counts, not identical scores.

Dates are ``int64`` microseconds since ``0001-01-01T00:00`` (naive UTC), 0 for an
article without a date (:func:`date_number`).

A remote engine (SolrCloud) implements the same protocols, and one more method,
:meth:`RemoteSnapshot.facet_search`: where whole-index numpy columns do not fit
(millions of documents on other machines), a search with its filters and facets
is one :class:`FacetSearch` (in docsearch's terms: the query tree, the filters as
tagged alternatives of keyword terms, the facet counts wanted and which filters
each ignores), answered in bulk by a :class:`FacetAnswer`; the search layer then
orders and names the facet values as for a local engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol, TypeGuard

import attrs
import numpy as np

__all__ = ["KEYWORD_FIELDS", "TEXT_FIELDS", "Backend", "Document", "FacetAnswer", "FacetSearch",
           "RemoteSnapshot", "Snapshot", "Writer", "date_number", "is_remote"]

#: The fields whose values are kept exactly (one value is one term): filters,
#: facets and ``person:``-style query clauses. ``day`` is the published day
#: ``YYYY-MM-DD`` as the source printed it; ``hash`` the content hash; ``path``
#: the file an article came from.
KEYWORD_FIELDS = ("person", "surname", "topic", "source", "author", "day", "hash", "path")
#: The fields searched as text, in docsearch's analysed terms.
TEXT_FIELDS = ("title", "body")

_EPOCH = dt.datetime(1, 1, 1)


def date_number(value: dt.datetime | None) -> int:
    """A naive UTC datetime as the engines' date number (0: no date)."""
    if value is None:
        return 0
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


@attrs.frozen(kw_only=True)
class Document:
    """One article as an engine stores it.

    ``title_terms`` and ``body_terms`` are the analysed terms in position order
    (stop words out, positions renumbered); ``keywords`` maps each of
    :data:`KEYWORD_FIELDS` to its values; ``date`` is naive UTC (sorting and
    recency); ``stored`` is what :meth:`Snapshot.stored` gives back, unchanged.
    """

    id: str
    title: str
    body: str
    title_terms: tuple[str, ...]
    body_terms: tuple[str, ...]
    keywords: Mapping[str, tuple[str, ...]]
    date: dt.datetime | None
    stored: Mapping[str, Any]


class Writer(Protocol):
    """Changes to one backend, committed together (see :meth:`Backend.writer`)."""

    def put(self, doc: Document) -> None:
        """Add ``doc``, replacing the document with the same id if there is one."""

    def delete(self, article_id: str) -> None:
        """Delete the document with this id (nothing if there is none)."""


class Snapshot(Protocol):
    """One committed state of a backend (see the module docs)."""

    #: Identifies this state: the one key every per-state cache uses.
    key: str
    #: How many document numbers there are (live or deleted).
    size: int

    def live(self) -> np.ndarray:
        """A boolean mask of the live documents."""

    def doc_count(self) -> int:
        """How many live documents there are."""

    def column(self, field: str) -> Any:
        """The :class:`docsearch.search.columns.Column` of a keyword field: its
        distinct values (sorted) and the (document, value) pairs."""

    def match(self, node: Any) -> np.ndarray:
        """A boolean mask of the live documents a query tree matches."""

    def score(self, node: Any, k1: float, b: float) -> Any:
        """The :class:`docsearch.search.ranking.Scored` documents a query tree
        matches, ascending, with their BM25F scores (``k1``, ``b``)."""

    def positions(self, field: str, term: str,
                  docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        """The positions of ``term`` in ``field`` of each of ``docs`` (ascending
        document numbers) that holds it."""

    def dates(self) -> np.ndarray:
        """Each document's :func:`date_number` (0: no date), ``int64``."""

    def ids(self) -> Sequence[str]:
        """Each document number's article id."""

    def find(self, article_id: str) -> int | None:
        """The live document with this id."""

    def ids_with_prefix(self, prefix: str) -> list[str]:
        """The live ids that start with ``prefix``, sorted."""

    def stored(self, doc: int) -> Mapping[str, Any]:
        """What :attr:`Document.stored` held for this document."""

    def doc_frequency(self, field: str, term: str) -> int:
        """In how many documents ``field`` holds ``term`` (an engine may still count
        deleted documents until it merges them away: Whoosh does, and its idf and
        key-term statistics with it)."""

    def collection_frequency(self, field: str, term: str) -> int:
        """How many times ``term`` occurs in ``field`` over all documents."""

    def field_length(self, field: str) -> int:
        """How many terms ``field`` holds over all documents."""

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        """The terms of ``field`` starting with ``prefix``, sorted."""

    def details(self) -> Mapping[str, Any]:
        """Engine facts for ``docsearch stats`` (segments, deleted documents ...)."""


#: (field, term) pairs: alternatives, any of which a document must hold.
Alternatives = tuple[tuple[str, str], ...]


@attrs.frozen(kw_only=True)
class FacetSearch:
    """One search with its filters and facet counts, for a remote engine.

    ``filters`` maps a tag (a facet's field) to its alternatives; a document must
    match ``query``, every one of ``fixed`` (query trees no facet ignores: a date
    range, an excluded article) and, for each tag, one of its alternatives.
    ``counts`` maps a name to ``(field, ignored tags)``: how many documents hold each
    value of ``field`` among those matching everything but the ignored tags.
    ``groups`` maps a name to ``(alternatives, ignored tags)``: how many such
    documents hold any of the alternatives. ``sort`` is ``relevance`` (best first,
    ties by id) or ``date`` (newest first, undated last, ties by id);
    ``start``/``rows`` the page. ``recency`` (reference date number, weight, half
    life in days) multiplies a dated document's score by ``1 + weight * 0.5 **
    (age / half life)``, its age in days before the reference (see
    :class:`~docsearch.search.ranking.Ranking`).
    """

    query: Any
    filters: Mapping[str, Alternatives] = attrs.field(factory=dict)
    fixed: tuple[Any, ...] = ()
    counts: Mapping[str, tuple[str, tuple[str, ...]]] = attrs.field(factory=dict)
    groups: Mapping[str, tuple[Alternatives, tuple[str, ...]]] = attrs.field(factory=dict)
    sort: str = "relevance"
    start: int = 0
    rows: int = 10
    recency: tuple[int, float, float] | None = None


@attrs.frozen(kw_only=True)
class FacetAnswer:
    """What a :class:`FacetSearch` found: the total, the page (score or ``None`` when
    sorted by date, and the stored fields), the counts per value and the groups'."""

    total: int
    hits: tuple[tuple[float | None, Mapping[str, Any]], ...]
    counts: Mapping[str, Mapping[str, int]]
    groups: Mapping[str, int]


class RemoteSnapshot(Snapshot, Protocol):
    """A snapshot of a remote engine: it also answers a whole search in bulk."""

    def facet_search(self, search: FacetSearch) -> FacetAnswer:
        """The total, page and facet counts of ``search`` (see :class:`FacetSearch`)."""

    def value_column(self, field: str) -> Any:
        """The :class:`~docsearch.search.columns.ValueColumn` of a keyword field: its
        values and how many documents hold each (no documents)."""

    def newest(self) -> int:
        """The newest date number among the documents (0: none has a date)."""


def is_remote(snapshot: Snapshot) -> TypeGuard[RemoteSnapshot]:
    """Whether ``snapshot`` is a remote engine's (it answers searches in bulk)."""
    return hasattr(snapshot, "facet_search")


class Backend(Protocol):
    """One engine index in one folder (a generation of a docsearch index)."""

    folder: Path

    def writer(self, merge: bool = True) -> AbstractContextManager[Writer]:
        """A block whose changes are committed together when it ends (dropped if it
        raises); ``merge=False`` may skip merge work until a later commit."""

    def snapshot(self) -> Snapshot:
        """The latest committed state (the same object while nothing changed)."""

    def tidy(self) -> bool:
        """Merge when the engine's policy says so (after a sync); True if it did."""

    def size_on_disk(self) -> int:
        """Bytes the engine's files take."""

    def close(self) -> None:
        """Release files and handles."""
