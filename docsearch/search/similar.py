"""More like this: the query that finds articles like a given one.

An article's key terms are the words of its title and body (the title counted
:data:`TITLE_WEIGHT` times) that are frequent in it and rare in the index, scored
by the Bo1 divergence-from-randomness model (Whoosh's ``classify.Bo1Model``). The
:data:`KEY_TERMS` best become an ``OR`` query over title (boosted as in search)
and body, each word weighted by its key-term score, scored by BM25F like any
search but without the proximity bonus (key terms are not a phrase). The article
itself is left out by the search engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from whoosh import classify
from whoosh import query as wq
from whoosh.searching import Searcher

__all__ = ["KEY_TERMS", "TITLE_WEIGHT", "key_terms", "like_query"]

#: How many key terms the query has (Lucene's MoreLikeThis default).
KEY_TERMS = 25
#: How many times the title's words count against the body's.
TITLE_WEIGHT = 2


def key_terms(searcher: Searcher, stored: Mapping[str, Any],
              count: int = KEY_TERMS) -> list[tuple[str, float]]:
    """The article's key terms with their weights (the best 1.0), best first."""
    expander = classify.Expander(searcher.reader(), "body", model=classify.Bo1Model)
    title = stored.get("title") or ""
    body = stored.get("body") or ""
    text = "\n".join([title] * TITLE_WEIGHT + [body])
    if not text.strip():
        return []
    expander.add_text(text)
    return [(term, float(weight)) for term, weight in expander.expanded_terms(count)]


def like_query(searcher: Searcher, stored: Mapping[str, Any], title_boost: float,
               count: int = KEY_TERMS) -> wq.Query:
    """The query for articles like the stored one (``NullQuery`` when it has no
    words the index knows)."""
    terms = key_terms(searcher, stored, count)
    if not terms:
        return wq.NullQuery
    return wq.Or([wq.Or([wq.Term("title", term, boost=weight * title_boost),
                         wq.Term("body", term, boost=weight)]) for term, weight in terms])
