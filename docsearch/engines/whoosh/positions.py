"""Positions of a term in chosen documents, read from Whoosh's postings block by block.

The proximity bonus (:mod:`docsearch.search.proximity`) needs the positions of
the query's words in the best hundred hits only. A postings block is opened only
if it can hold one of the documents, and the documents are looked up in it by
bisection (Whoosh's own ``skip_to`` steps through a block one posting at a time).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh.codec import whoosh3
from whoosh.searching import Searcher

from docsearch.engines.whoosh.terms import TermInfos, matcher

__all__ = ["positions"]


def positions(searcher: Searcher, field: str, word: str, docs: Sequence[int],
              terms: TermInfos | None = None) -> dict[int, np.ndarray]:
    """The positions of ``word`` in each of ``docs`` (ascending) that has it, read
    segment by segment: a postings block is opened only if it can hold one of the
    documents, and the documents are looked up in it by bisection (Whoosh's own
    ``skip_to`` steps through a block one posting at a time). ``terms``: where
    the segments' term dictionary entries are remembered."""
    found: dict[int, np.ndarray] = {}
    terms = terms or TermInfos()
    btext = searcher.schema[field].to_bytes(word)
    infos = terms.infos(searcher, field, btext)
    for (leaf, offset), info in zip(searcher.leaf_searchers(), infos, strict=True):
        reader = leaf.reader()
        end = offset + reader.doc_count_all()
        local = [d - offset for d in docs if offset <= d < end]
        if not local or info is None:
            continue
        postings = matcher(reader, field, btext, info)
        if isinstance(postings, whoosh3.W3LeafMatcher):
            _from_blocks(postings, local, offset, found)
        else:  # a short list kept with the term: the generic way
            for doc in local:
                if not postings.is_active():
                    break
                if postings.id() < doc:
                    postings.skip_to(doc)
                if postings.is_active() and postings.id() == doc:
                    found[doc + offset] = np.asarray(postings.value_as("positions"),
                                                     dtype=np.int64)
    return found


def _from_blocks(matcher: Any, local: list[int], offset: int,
                 found: dict[int, np.ndarray]) -> None:
    at = 0
    while at < len(local) and matcher.is_active():
        top = matcher.block_max_id()
        if top < local[at]:
            matcher._next_block()
            continue
        stop = bisect.bisect_right(local, top, at)
        if matcher._ids is None:
            matcher._read_ids()
        ids: Sequence[int] = matcher._ids
        for doc in local[at:stop]:
            i = bisect.bisect_left(ids, doc)
            if i < len(ids) and ids[i] == doc:
                matcher._i = i
                found[doc + offset] = np.asarray(matcher.value_as("positions"), dtype=np.int64)
        at = stop
        if at < len(local):
            matcher._next_block()
