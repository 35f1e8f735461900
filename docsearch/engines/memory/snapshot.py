"""One committed state of the memory engine, as plain Python and numpy.

Documents are numbered in the order the state holds them (every commit renumbers:
a snapshot has no deleted documents). Postings are built on first use: for each
text field a dictionary term → (document numbers, frequencies, positions), for
each keyword field a :class:`~docsearch.search.columns.Column`. Matching and
scoring a query tree is :mod:`docsearch.engines.memory.matching`.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

import attrs
import numpy as np

from docsearch.engines.base import KEYWORD_FIELDS, TEXT_FIELDS, Document, date_number
from docsearch.engines.memory import matching
from docsearch.search.columns import Column

__all__ = ["MemorySnapshot", "Postings", "keyword_columns"]


@attrs.frozen
class Postings:
    """One term of a text field: the documents holding it (ascending), how often,
    and where."""

    docs: np.ndarray
    freqs: np.ndarray
    positions: tuple[np.ndarray, ...]


def _text_postings(docs: Sequence[Document], field: str) -> dict[str, Postings]:
    found: dict[str, tuple[list[int], list[list[int]]]] = {}
    for number, doc in enumerate(docs):
        seen: dict[str, list[int]] = {}
        for position, term in enumerate(getattr(doc, f"{field}_terms")):
            seen.setdefault(term, []).append(position)
        for term, where in seen.items():
            entry = found.setdefault(term, ([], []))
            entry[0].append(number)
            entry[1].append(where)
    return {term: Postings(np.array(numbers, dtype=np.int64),
                           np.array([len(w) for w in where], dtype=np.int64),
                           tuple(np.array(w, dtype=np.int64) for w in where))
            for term, (numbers, where) in found.items()}


def keyword_columns(keywords: Sequence[Mapping[str, Sequence[str]]],
                    fields: Sequence[str]) -> dict[str, Column]:
    """The column of each of ``fields`` over documents numbered by position, from
    each document's keywords, in one pass over them."""
    pairs: dict[str, tuple[list[int], list[str]]] = {field: ([], []) for field in fields}
    for number, held in enumerate(keywords):
        for field, values in held.items():
            found = pairs.get(field)
            if found is not None:
                unique = dict.fromkeys(values)
                found[0].extend([number] * len(unique))
                found[1].extend(unique)
    columns = {}
    for field, (numbers, held_values) in pairs.items():
        values = sorted(set(held_values))
        index = {v: i for i, v in enumerate(values)}
        columns[field] = Column(values, np.array(numbers, dtype=np.int64),
                                np.fromiter(map(index.__getitem__, held_values), np.int32,
                                            len(held_values)), len(keywords))
    return columns


def _keyword_column(docs: Sequence[Document], field: str) -> Column:
    return keyword_columns([doc.keywords for doc in docs], (field,))[field]


class MemorySnapshot:
    """A :class:`docsearch.engines.base.Snapshot` over a tuple of documents."""

    def __init__(self, key: str, docs: Sequence[Document], details: Mapping[str, Any]) -> None:
        self.key = key
        self.docs = tuple(docs)
        self.size = len(self.docs)
        self._details = dict(details)
        #: What is built on first use, per (kind, field): postings, columns, lengths.
        self._built: dict[tuple[str, str], Any] = {}

    def _once(self, kind: str, field: str, build: Callable[[], Any]) -> Any:
        found = self._built.get((kind, field))
        if found is None:
            found = self._built[(kind, field)] = build()
        return found

    # ---------------------------------------------------------------- documents

    def live(self) -> np.ndarray:
        return np.ones(self.size, dtype=bool)

    def doc_count(self) -> int:
        return self.size

    def ids(self) -> Sequence[str]:
        return self._ids

    @cached_property
    def _ids(self) -> list[str]:
        return [doc.id for doc in self.docs]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {doc_id: n for n, doc_id in enumerate(self._ids)}

    @cached_property
    def _sorted_ids(self) -> list[str]:
        return sorted(self._ids)

    def find(self, article_id: str) -> int | None:
        return self._numbers.get(article_id)

    def ids_with_prefix(self, prefix: str) -> list[str]:
        ids = self._sorted_ids
        start = bisect.bisect_left(ids, prefix)
        out = []
        for doc_id in ids[start:]:
            if not doc_id.startswith(prefix):
                break
            out.append(doc_id)
        return out

    def stored(self, doc: int) -> Mapping[str, Any]:
        return self.docs[doc].stored

    def dates(self) -> np.ndarray:
        return self._dates

    @cached_property
    def _dates(self) -> np.ndarray:
        return np.array([date_number(doc.date) for doc in self.docs], dtype=np.int64)

    def details(self) -> Mapping[str, Any]:
        return dict(self._details)

    # ---------------------------------------------------------------- fields

    def column(self, field: str) -> Column:
        """The column of a keyword field (``id`` too: one value per document)."""
        def build() -> Column:
            if field == "id":
                return _id_column(self._ids)
            if field in KEYWORD_FIELDS:
                return _keyword_column(self.docs, field)
            return Column([], np.zeros(0, np.int64), np.zeros(0, np.int32), self.size)

        column: Column = self._once("column", field, build)
        return column

    def postings(self, field: str) -> Mapping[str, Postings]:
        """The postings of a text field (empty for any other field)."""
        found: Mapping[str, Postings] = self._once(
            "postings", field,
            lambda: _text_postings(self.docs, field) if field in TEXT_FIELDS else {})
        return found

    def lengths(self, field: str) -> np.ndarray:
        """How many terms ``field`` holds in each document."""
        found: np.ndarray = self._once("lengths", field, lambda: np.array(
            [len(getattr(doc, f"{field}_terms")) for doc in self.docs], dtype=np.int64))
        return found

    def keyword_docs(self, field: str, value: str) -> np.ndarray:
        """The documents whose keyword ``field`` holds ``value`` (ascending)."""
        column = self.column(field)
        ordinal = column.lookup.get(value)
        if ordinal is None:
            return np.zeros(0, dtype=np.int64)
        return np.unique(column.docs[column.ords == ordinal])

    def positions(self, field: str, term: str,
                  docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        found = self.postings(field).get(term)
        if found is None:
            return {}
        out = {}
        for doc in docs:
            at = int(np.searchsorted(found.docs, doc))
            if at < len(found.docs) and found.docs[at] == doc:
                out[int(doc)] = found.positions[at]
        return out

    def doc_frequency(self, field: str, term: str) -> int:
        if field in TEXT_FIELDS:
            found = self.postings(field).get(term)
            return 0 if found is None else len(found.docs)
        return len(self.keyword_docs(field, term))

    def collection_frequency(self, field: str, term: str) -> int:
        if field in TEXT_FIELDS:
            found = self.postings(field).get(term)
            return 0 if found is None else int(found.freqs.sum())
        return self.doc_frequency(field, term)

    def field_length(self, field: str) -> int:
        return int(self.lengths(field).sum()) if field in TEXT_FIELDS else 0

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        every = self._sorted_terms(field)
        start = bisect.bisect_left(every, prefix)
        for term in every[start:]:
            if not term.startswith(prefix):
                break
            yield term

    def _sorted_terms(self, field: str) -> list[str]:
        found: list[str] = self._once("terms", field, lambda: (
            sorted(self.postings(field)) if field in TEXT_FIELDS
            else self._sorted_ids if field == "id" else self.column(field).values))
        return found

    # ---------------------------------------------------------------- queries

    def match(self, node: Any) -> np.ndarray:
        return matching.match(self, node)

    def score(self, node: Any, k1: float, b: float) -> Any:
        return matching.score(self, node, k1, b)


def _id_column(ids: Sequence[str]) -> Column:
    values = sorted(ids)
    index = {v: i for i, v in enumerate(values)}
    return Column(values, np.arange(len(ids), dtype=np.int64),
                  np.array([index[i] for i in ids], dtype=np.int32), len(ids))
