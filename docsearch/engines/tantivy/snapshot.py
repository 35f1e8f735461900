"""One tantivy searcher as a :class:`~docsearch.engines.base.Snapshot`.

tantivy addresses a document by (segment, document in segment) and skips deleted
ones; the snapshot numbers the searcher's live documents ``0 .. size-1`` in
address order, once (:class:`Numbering`), so a snapshot has no deleted numbers.
Queries run in tantivy (:mod:`~docsearch.engines.tantivy.compile`): a match or a
scoring collects every matching address and turns it into document numbers.

A text field's terms (sorted) and document frequencies are tantivy's (which,
like Whoosh, still counts deleted documents until a merge drops them). The rest
of the protocol (keyword columns, positions, dates, ids, stored fields) is read
from the documents the searcher stores, decoded once per snapshot into a
:class:`~docsearch.engines.memory.snapshot.MemorySnapshot` whose answers this
class inherits: tantivy's Python bindings give no positions. Positions are read
from the chosen documents' terms; collection frequencies and field lengths
("more like this") from the memory engine's postings, built on first use. That
read is the price of this first version (a second on Reuters-21578); fast fields
and aggregations are the way to drop it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np
import tantivy

from docsearch.engines.base import KEYWORD_FIELDS, TEXT_FIELDS
from docsearch.engines.memory.snapshot import MemorySnapshot
from docsearch.engines.tantivy.compile import compile_query
from docsearch.engines.tantivy.schema import document_of
from docsearch.search.ranking import Scored

__all__ = ["Numbering", "TantivySnapshot"]

#: The fields a query may name (the others match nothing).
QUERY_FIELDS = frozenset(("id", *TEXT_FIELDS, *KEYWORD_FIELDS))


class Numbering:
    """Dense document numbers for a searcher's live addresses, in address order."""

    def __init__(self, addresses: Sequence[tuple[int, int]]) -> None:
        self.ordered = sorted(addresses)
        by_segment: dict[int, list[int]] = {}
        for segment, doc in self.ordered:
            by_segment.setdefault(segment, []).append(doc)
        self.starts: dict[int, int] = {}
        self.segments: dict[int, np.ndarray] = {}
        start = 0
        for segment, docs in by_segment.items():
            self.starts[segment], self.segments[segment] = start, np.array(docs, np.int64)
            start += len(docs)

    def numbers(self, addresses: Sequence[tuple[int, int]]) -> np.ndarray:
        """The document numbers of live ``addresses`` (in the order given)."""
        return np.array([self.starts[s] + int(np.searchsorted(self.segments[s], d))
                         for s, d in addresses], dtype=np.int64)


def _hits(searcher: tantivy.Searcher, query: tantivy.Query,
          limit: int) -> list[tuple[float, int, int]]:
    found = searcher.search(query, limit=max(limit, 1), count=False).hits
    return [(float(score), a.segment_ord, a.doc) for score, a in found]


class TantivySnapshot(MemorySnapshot):
    """A :class:`docsearch.engines.base.Snapshot` over one tantivy searcher."""

    def __init__(self, key: str, searcher: tantivy.Searcher, schema: tantivy.Schema,
                 details: Mapping[str, Any]) -> None:
        self.searcher, self.schema = searcher, schema
        every = _hits(searcher, tantivy.Query.all_query(), searcher.num_docs)
        self.numbering = Numbering([(s, d) for _, s, d in every])
        docs = [document_of(searcher.doc(tantivy.DocAddress(s, d)))
                for s, d in self.numbering.ordered]
        super().__init__(key, docs, details)

    def has_field(self, field: str) -> bool:
        """Whether a query can name ``field`` in this index."""
        return field in QUERY_FIELDS

    def positions(self, field: str, term: str,
                  docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        out = {}
        for doc in docs:
            terms = getattr(self.docs[doc], f"{field}_terms", ()) if field in TEXT_FIELDS else ()
            where = [n for n, t in enumerate(terms) if t == term]
            if where:
                out[int(doc)] = np.array(where, dtype=np.int64)
        return out

    def doc_frequency(self, field: str, term: str) -> int:
        if field in TEXT_FIELDS:
            return int(self.searcher.doc_freq(field, term))
        return super().doc_frequency(field, term)

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        if field not in TEXT_FIELDS:
            return super().terms(field, prefix)
        return iter(sorted(t for t, _ in self.searcher.terms_with_prefix(field, prefix)))

    def _run(self, node: Any) -> tuple[np.ndarray, np.ndarray]:
        """The document numbers ``node`` matches (ascending) and their scores."""
        hits = _hits(self.searcher, compile_query(self, node), self.size)
        docs = self.numbering.numbers([(s, d) for _, s, d in hits])
        scores = np.array([score for score, _, _ in hits], dtype=np.float64)
        order = np.argsort(docs, kind="stable")
        return docs[order], scores[order]

    def match(self, node: Any) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[self._run(node)[0]] = True
        return mask

    def score(self, node: Any, k1: float, b: float) -> Scored:
        """BM25 as tantivy scores it (its own ``k1`` and ``b``: the arguments are
        not used)."""
        return Scored(*self._run(node))
