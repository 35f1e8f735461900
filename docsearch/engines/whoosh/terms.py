"""What a segment's term dictionary says of a term, looked up once.

Whoosh looks a term up in a segment's dictionary (a hash file read and a pickle
loaded) each time it is asked whether the segment has the term, in how many
documents, and for its postings: a query word is looked up that way three or
four times per segment (scoring, its idf, the proximity positions, did-you-mean's
counts), which for a pasted paragraph of 30 words on an index of several segments
is a sizeable part of the search. :class:`TermInfos` keeps each segment's answer
(the term's ``TermInfo``, or that it has none) for the terms read last, per index
state (:func:`~docsearch.engines.whoosh.state.state_key`).
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from docsearch.engines.whoosh.recent import Recent
from docsearch.engines.whoosh.state import state_key

__all__ = ["TERMS_CACHE", "TermInfos", "matcher"]

#: How many terms' look-ups (in every segment) are remembered, most recently used kept.
TERMS_CACHE = 20_000


class TermInfos:
    """Each segment's ``TermInfo`` of a term (``None``: the segment has not the term),
    remembered per index state for the last :data:`TERMS_CACHE` terms."""

    def __init__(self) -> None:
        # Each segment's entry, and the document frequency they add up to.
        self._infos: Recent[tuple[tuple[Any, ...], int]] = Recent(TERMS_CACHE)

    def infos(self, searcher: Searcher, field: str, btext: bytes) -> tuple[Any, ...]:
        """The term's ``TermInfo`` in each of the searcher's segments (in the order of
        ``leaf_searchers()``), ``None`` where a segment has not the term."""
        return self._entry(searcher, field, btext)[0]

    def doc_frequency(self, searcher: Searcher, field: str, btext: bytes) -> int:
        """In how many documents of the searcher's segments (deleted ones included, as
        Whoosh counts them) the term is."""
        return self._entry(searcher, field, btext)[1]

    def _entry(self, searcher: Searcher, field: str,
               btext: bytes) -> tuple[tuple[Any, ...], int]:
        key = (state_key(searcher), field, btext)
        found = self._infos.get(key)
        if found is None:
            infos = tuple(_info(leaf.reader(), field, btext)
                          for leaf, _ in searcher.leaf_searchers())
            found = (infos, sum(info.doc_frequency() for info in infos if info is not None))
            self._infos.put(key, found)
        return found


def _info(reader: Any, field: str, btext: bytes) -> Any:
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, whoosh3.W3TermsReader):  # not a Whoosh 3 segment
        return _Plain(reader, field, btext) if (field, btext) in reader else None
    try:
        return terms.term_info(field, btext)
    except TermNotFound:
        return None


def matcher(reader: Any, field: str, btext: bytes, info: Any) -> Any:
    """The segment's postings matcher of a term, from its ``TermInfo`` (see
    :meth:`TermInfos.infos`)."""
    terms = reader._terms
    if isinstance(info, _Plain):
        return terms.matcher(field, btext, reader.schema[field].format)
    return terms._codec.postings_reader(terms._postfile, info, reader.schema[field].format,
                                        term=(field, btext))


class _Plain:
    """A term of a segment that is not Whoosh 3's: asked of the reader each time."""

    def __init__(self, reader: Any, field: str, btext: bytes) -> None:
        self._frequency = int(reader.doc_frequency(field,
                                                   reader.schema[field].from_bytes(btext)))

    def doc_frequency(self) -> int:
        return self._frequency
