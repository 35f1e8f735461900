"""One committed state of a Whoosh index, as docsearch's search layer asks for it.

A :class:`WhooshSnapshot` wraps one Whoosh searcher (scoring with BM25F; one more
searcher on the same reader per other ``k1``/``b``) and answers the
:class:`docsearch.engines.base.Snapshot` questions: the query tree is compiled
(:mod:`~docsearch.engines.whoosh.compile`) and scored with numpy where it can be
(:mod:`~docsearch.engines.whoosh.vector`), by Whoosh's matchers otherwise
(:mod:`~docsearch.engines.whoosh.scoring`); keyword columns come from
:mod:`~docsearch.engines.whoosh.columns`, positions block by block from
:mod:`~docsearch.engines.whoosh.positions`, dates and ids from the sortable
columns. Its :attr:`key` is :func:`~docsearch.engines.whoosh.state.state_key`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

import numpy as np
from whoosh.searching import Searcher

from docsearch.engines.whoosh import scoring
from docsearch.engines.whoosh.compile import to_whoosh
from docsearch.engines.whoosh.positions import occurrences, positions
from docsearch.engines.whoosh.state import state_key
from docsearch.engines.whoosh.vector import numeric_column
from docsearch.search import querytree as qt
from docsearch.search.columns import Column
from docsearch.search.ranking import Scored

if TYPE_CHECKING:
    from docsearch.engines.whoosh.backend import WhooshBackend

__all__ = ["FREQUENCIES_KEPT", "WhooshSnapshot"]

#: How many (field, term) document frequencies a snapshot keeps (then it forgets them all).
FREQUENCIES_KEPT = 50_000


class WhooshSnapshot:
    """A :class:`docsearch.engines.base.Snapshot` over one Whoosh searcher."""

    def __init__(self, searcher: Searcher, backend: WhooshBackend) -> None:
        self.searcher = searcher
        self.backend = backend
        self.key = state_key(searcher)
        self.size = int(searcher.doc_count_all())
        weighting = searcher.weighting
        self._weighted = {(float(weighting.K1), float(weighting.B)): searcher}
        self._lock = threading.Lock()
        #: Each (field, term)'s document frequency asked for (a long query's idf weights
        #: ask for 20 or more: one look-up each, not the term dictionary's).
        self._frequencies: dict[tuple[str, str], int] = {}

    def close(self) -> None:
        self._weighted = {}
        self.searcher.close()

    def weighted(self, k1: float, b: float) -> Searcher:
        """A searcher scoring with BM25F(``k1``, ``b``), sharing this one's reader."""
        key = (float(k1), float(b))
        with self._lock:
            found = self._weighted.get(key)
            if found is None:
                found = Searcher(self.searcher.reader(), weighting=scoring.Weighting(K1=k1, B=b),
                                 closereader=False)
                self._weighted[key] = found
        return found

    # ---------------------------------------------------------------- documents

    def live(self) -> np.ndarray:
        return self._live

    @cached_property
    def _live(self) -> np.ndarray:
        return scoring.live_docs(self.searcher)

    def doc_count(self) -> int:
        return int(self.searcher.doc_count())

    def find(self, article_id: str) -> int | None:
        found = self.searcher.document_number(id=article_id)
        return None if found is None else int(found)

    def ids_with_prefix(self, prefix: str) -> list[str]:
        ids = self.terms("id", prefix)
        return sorted(i for i in ids if self.find(i) is not None)

    def stored(self, doc: int) -> Mapping[str, Any]:
        return dict(self.searcher.stored_fields(doc))

    def dates(self) -> np.ndarray:
        return self._dates_ids[0]

    def ids(self) -> Sequence[str]:
        return self._dates_ids[1]

    @cached_property
    def _dates_ids(self) -> tuple[np.ndarray, list[str]]:
        """Each document's date number and id, read from the sortable columns."""
        dates: list[np.ndarray] = []
        ids: list[str] = []
        for leaf, _offset in self.searcher.leaf_searchers():
            reader = leaf.reader()
            count = reader.doc_count_all()
            if not count:
                continue
            if reader.has_column("date"):  # a segment where no article had a date has none
                column = reader.column_reader("date", translate=False)
                values = numeric_column(column, count)
                dates.append(values if values is not None else np.fromiter(
                    column, dtype=np.int64, count=count))
            else:
                dates.append(np.zeros(count, dtype=np.int64))
            ids.extend(str(v) for v in reader.column_reader("id", translate=True))
        every = np.concatenate(dates) if dates else np.zeros(0, dtype=np.int64)
        return every, ids

    def details(self) -> Mapping[str, Any]:
        return {"segments": len(self.searcher.leaf_searchers()),
                "deleted": self.size - self.doc_count()}

    # ---------------------------------------------------------------- fields

    def column(self, field: str) -> Column:
        return self.backend.columns.get(self.searcher, field)

    def positions(self, field: str, term: str,
                  docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        vectors = self.backend.vectors
        return positions(self.searcher, field, term, docs, vectors.terms, vectors.positions)

    def occurrences(self, terms: Sequence[tuple[str, str]],
                    docs: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every occurrence of each of ``terms`` ((field, word) pairs) in each of
        ``docs`` as three columns (:func:`~docsearch.engines.whoosh.positions.occurrences`):
        what :mod:`docsearch.search.proximity` asks instead of :meth:`positions`."""
        vectors = self.backend.vectors
        return occurrences(self.searcher, terms, docs, vectors.terms, vectors.positions)

    def doc_frequency(self, field: str, term: str) -> int:
        found = self._frequencies.get((field, term))
        if found is None:
            found = self._read_frequency(field, term)
            if len(self._frequencies) >= FREQUENCIES_KEPT:
                self._frequencies.clear()
            self._frequencies[(field, term)] = found
        return found

    def _read_frequency(self, field: str, term: str) -> int:
        if field not in self.searcher.schema:
            return 0
        btext = self.searcher.schema[field].to_bytes(term)
        return self.backend.vectors.terms.doc_frequency(self.searcher, field, btext)

    def collection_frequency(self, field: str, term: str) -> int:
        return int(self.searcher.frequency(field, term))

    def field_length(self, field: str) -> int:
        return int(self.searcher.field_length(field))

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        from_bytes = self.searcher.schema[field].from_bytes
        return (from_bytes(b) for b in self.searcher.reader().expand_prefix(field, prefix))

    # ---------------------------------------------------------------- queries

    def match(self, node: qt.Node) -> np.ndarray:
        if isinstance(node, qt.Every):
            return self.live().copy()
        q = to_whoosh(node)
        vectorised = self.backend.vectors.score(self.searcher, q)  # far faster for many words
        return vectorised[0] if vectorised is not None else scoring.matches(self.searcher, q)

    def score(self, node: qt.Node, k1: float, b: float) -> Scored:
        searcher = self.weighted(k1, b)
        q = to_whoosh(node)
        vectorised = self.backend.vectors.score(searcher, q)
        if vectorised is None:
            return scoring.score_all(searcher, q)
        matched, scores = vectorised
        docs = np.flatnonzero(matched)
        return Scored(docs, scores[docs])
