"""More like this: the query that finds articles like a given one.

An article's key terms are the words of its title and body (the title counted
:data:`TITLE_WEIGHT` times) that are frequent in it and rare in the index, scored
by the Bo1 divergence-from-randomness model (Amati's, as Whoosh's
``classify.Bo1Model`` computes it) from the engine's term statistics. The
:data:`KEY_TERMS` best become an ``OR`` query over title (boosted as in search)
and body, each word weighted by its key-term score, scored by BM25F like any
search but without the proximity bonus (key terms are not a phrase). The article
itself is left out by the search engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from math import log
from typing import Any

from docsearch import analysis
from docsearch.engines.base import Snapshot
from docsearch.search import querytree as qt

__all__ = ["KEY_TERMS", "TITLE_BOOST", "TITLE_WEIGHT", "key_terms", "like_query"]

#: How many key terms the query has (Lucene's MoreLikeThis default).
KEY_TERMS = 25
#: How many times the title's words count against the body's.
TITLE_WEIGHT = 2


def _bo1(weight: float, frequency: float, documents: int) -> float:
    """The Bo1 score of a term ``weight`` times in the article and ``frequency``
    times in the collection of ``documents``."""
    f = frequency / documents
    return weight * log((1.0 + f) / f, 2) + log(1.0 + f, 2)


def _norm(best: float, documents: int) -> float:
    """What Bo1 divides scores by (the best score scored as a frequency)."""
    if not best:
        return best
    f = best / documents
    return (best * log((1.0 + f) / f) + log(1.0 + f)) / log(2.0)


def key_terms(snapshot: Snapshot, stored: Mapping[str, Any],
              count: int = KEY_TERMS) -> list[tuple[str, float]]:
    """The article's key terms with their weights (the best 1.0), best first."""
    title = stored.get("title") or ""
    body = stored.get("body") or ""
    text = "\n".join([title] * TITLE_WEIGHT + [body])
    weights = Counter(analysis.terms(text))
    documents = snapshot.size
    scored = []
    # A remote engine answers for every term at once.
    batch = getattr(snapshot, "collection_frequencies", None)
    known = batch("body", list(weights)) if batch is not None else None
    for term, weight in weights.items():
        frequency = (known.get(term, 0) if known is not None
                     else snapshot.collection_frequency("body", term))
        if frequency:
            scored.append((_bo1(weight, frequency, documents), term))
    if not scored:
        return []
    norm = _norm(max(score for score, _ in scored), documents)
    ranked = sorted(((score / norm, term) for score, term in scored),
                    key=lambda pair: (-pair[0], pair[1]))
    return [(term, float(weight)) for weight, term in ranked[:count]]


#: How much more a key term weighs in the other articles' titles (times the ranking's
#: title boost): a title holds an article's main words.
TITLE_BOOST = 2.0


def like_query(snapshot: Snapshot, stored: Mapping[str, Any], title_boost: float,
               count: int = KEY_TERMS) -> qt.Node:
    """The query for articles like the stored one (``Nothing`` when it has no
    words the index knows): each key term in the title (:data:`TITLE_BOOST` times
    ``title_boost``) or the body."""
    terms = key_terms(snapshot, stored, count)
    if not terms:
        return qt.Nothing()
    return qt.Or(qt.Or((qt.Term("title", term, weight * TITLE_BOOST * title_boost),
                        qt.Term("body", term, weight))) for term, weight in terms)
