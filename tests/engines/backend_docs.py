"""The documents and helpers the engine backend tests share (memory and tantivy):
three small documents written straight through the ``Writer`` protocol."""

from __future__ import annotations

import datetime as dt

import numpy as np

from docsearch.analysis import terms
from docsearch.engines.base import Document


def doc(article_id: str, title: str, body: str, *, day: dt.datetime | None = None,
        **keywords: tuple[str, ...]) -> Document:
    return Document(id=article_id, title=title, body=body, title_terms=tuple(terms(title)),
                    body_terms=tuple(terms(body)), keywords=keywords, date=day,
                    stored={"id": article_id, "title": title, "data": {"n": (1, 2)}})


DOCS = [
    doc("d1", "Harbour wall repaired", "Masons repaired the harbour wall by the quay.",
        day=dt.datetime(2022, 3, 1), person=("Orla Fenwick",), topic=("transport",)),
    doc("d2", "Ferry fares frozen", "Ferry fares stay frozen; the harbour board agreed.",
        day=dt.datetime(2023, 6, 5, 9, 30), person=("Orla Fenwick", "Tobias Wren"),
        topic=("transport", "economy"), source=("Gull Post",)),
    doc("d3", "Night market", "A night market on the quay.", topic=("economy",)),
]


def fill(backend, docs):
    """``docs`` written to ``backend`` in one commit; the backend back."""
    with backend.writer() as writer:
        for d in docs:
            writer.put(d)
    return backend


def ids(snapshot, mask):
    """The article ids of the documents in a boolean mask."""
    return {snapshot.ids()[n] for n in np.flatnonzero(mask)}
