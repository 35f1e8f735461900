"""A word of the title and the body as one Whoosh query, scored as the article's.

:func:`~docsearch.engines.whoosh.compile.to_whoosh` makes each word asked of both
text fields in one ``Or`` an :class:`ArticleTerm` (see
:mod:`docsearch.search.article` for the score). Its scores are worked out with
numpy over the whole index state (:meth:`docsearch.engines.whoosh.vector.Vectors.article`),
whether the query is scored by the vectorised path or, when another part of the
query needs it (a phrase, a wildcard), by Whoosh's matchers: there a segment's
part of those scores is handed to Whoosh as a list of postings, so the two paths
give the same scores.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.searching import Searcher

from docsearch.search.article import FIELDS

__all__ = ["ArticleTerm"]


class ArticleTerm(wq.Query):
    """Documents with ``text`` in the title or the body, scored ``boost`` times the
    article's BM25 plus ``title_boost`` times the title's."""

    def __init__(self, text: str, title_boost: float = 1.0, boost: float = 1.0) -> None:
        self.text = text
        self.title_boost = float(title_boost)
        self.boost = float(boost)

    def __repr__(self) -> str:
        return f"ArticleTerm({self.text!r}, title_boost={self.title_boost}, boost={self.boost})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ArticleTerm) and (self.text, self.title_boost, self.boost) == \
            (other.text, other.title_boost, other.boost)

    def __hash__(self) -> int:
        return hash(("ArticleTerm", self.text, self.title_boost, self.boost))

    def is_leaf(self) -> bool:
        return False

    def children(self) -> Iterator[wq.Term]:
        """The word's terms (what Whoosh's ``leaves`` and ``existing_terms`` read)."""
        yield wq.Term(FIELDS[0], self.text, boost=self.title_boost)
        yield wq.Term(FIELDS[1], self.text, boost=self.boost)

    def apply(self, fn: Any) -> ArticleTerm:
        return self

    def estimate_size(self, ixreader: Any) -> int:
        return sum(ixreader.doc_frequency(field, self.text) for field in FIELDS)

    def matcher(self, searcher: Searcher, context: Any = None) -> Any:
        """The part of the whole state's scores in ``searcher``'s segment."""
        from docsearch.engines.whoosh.vector import searcher_vectors

        parent = searcher.get_parent()
        weighting = getattr(context, "weighting", None) or parent.weighting
        if not hasattr(weighting, "K1"):  # matching only (no scores asked): any BM25
            from docsearch.engines.whoosh.scoring import Weighting

            weighting = Weighting()
        found = searcher_vectors(parent).article(parent, weighting, self)
        if found is None:
            return NullMatcher()
        offset = next((o for s, o in parent.leaf_searchers()
                       if s is searcher or s.reader() is searcher.reader()), 0)
        docs, values = found[0], found[1]
        lo, hi = np.searchsorted(docs, [offset, offset + searcher.doc_count_all()])
        if lo == hi:
            return NullMatcher()
        return ListMatcher((docs[lo:hi] - offset).tolist(), weights=values[lo:hi].tolist())
