"""A word asked of the title and the body, scored as a word of the whole article.

The parser asks a plain word of both text fields, ``Or(Term("title", w, τ),
Term("body", w, β))`` (``τ``: ``Ranking.title_boost`` times the word's count in
the query, ``β``: that count). The engines with docsearch's own scoring (Whoosh's
and the memory engine) score such a pair, wherever two such terms of one word are
children of one ``Or``, as

    β × BM25(article) + τ × BM25(title)

``BM25(article)`` reads title and body as one text, as the BM25 reference
indexes them: the word's frequency in both together, the article's length
(title's + body's) against the average of it, and Lucene's idf
(:func:`docsearch.search.ranking.idf`) of the number of articles with the word in
either (BM25F with both fields weighted 1, the frequencies added before one
saturation and one length normalisation). ``BM25(title)`` is the word's BM25 in
the title (the title's length against the titles' average) weighed by the same
idf, the article's: how telling a word is does not depend on the field it is
found in (a word rare in titles but common in bodies, ``season``, is not made a
rare word by a title), so a word of the title counts a little more than one of
the body, by as much as the word is worth (``docs/relevance.md``: a title's own
idf let a headline with one query word outrank the story with all of them in its
text, AG's News ``--keep 0.3``). Measured in ``docs/relevance.md`` (issue 16): it beat a BM25 per
field summed on every collection used to choose, above all on short fragments of
a headline. Any other term (a field named in the query, a phrase, a wildcard) is
scored in its own field as before; the tantivy and Solr engines add a BM25 per
field (their own formula).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np

from docsearch.search import querytree as qt
from docsearch.search import ranking

__all__ = ["FIELDS", "Pair", "Postings", "article_scores", "bm25", "pairs", "union"]

#: The two fields a pair is made of (the title's term first).
FIELDS = ("title", "body")


@attrs.frozen
class Pair:
    """A word asked of the title (with ``title_boost``) and the body (``boost``)."""

    text: str
    title_boost: float
    boost: float


def pairs(children: Sequence[qt.Node]) -> list[qt.Node | Pair]:
    """The children of an ``Or`` with each word's title and body terms made one
    :class:`Pair` (where the body's term was).

    >>> pairs([qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri"),
    ...        qt.Term("body", "strike")])  # doctest: +NORMALIZE_WHITESPACE
    [Pair(text='ferri', title_boost=0.75, boost=1.0), Term(field='body', text='strike',
     boost=1.0)]
    """
    boosts = {(c.field, c.text): c.boost for c in children
              if isinstance(c, qt.Term) and c.field in FIELDS}
    both = {text for field, text in boosts if field == "body" and ("title", text) in boosts}
    if not both:
        return list(children)
    out: list[qt.Node | Pair] = []
    for child in children:
        if not isinstance(child, qt.Term) or child.text not in both or child.field not in FIELDS:
            out.append(child)
        elif child.field == "body":
            out.append(Pair(child.text, boosts[("title", child.text)], child.boost))
    return out


def bm25(tf: np.ndarray, length: np.ndarray, average: float, idf: float, k1: float,
         b: float) -> np.ndarray:
    """BM25's term score of each document: ``idf × tf (k1 + 1) / (tf + k1 (1 - b + b ×
    length / average))`` (in Whoosh's order of operations).

    >>> bm25(np.array([1.0, 2.0]), np.array([4.0, 4.0]), 4.0, 1.0, 0.9, 0.4).round(4)
    array([1.    , 1.3103])
    """
    return idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * length / average)))


def union(docs: Sequence[np.ndarray], values: Sequence[np.ndarray],
          ) -> tuple[np.ndarray, np.ndarray]:
    """The documents of any of ``docs`` (each ascending, without repeats) in
    ascending order, and the sum of each one's ``values`` (0 where a part has not
    the document).

    >>> union([np.array([1, 4]), np.array([4, 7])], [np.array([1.0, 2.0]), np.array([3.0, 5.0])])
    (array([1, 4, 7]), array([1., 5., 5.]))
    >>> union([np.zeros(0, dtype=int), np.zeros(0, dtype=int)], [np.zeros(0), np.zeros(0)])
    (array([], dtype=int64), array([], dtype=float64))
    """
    every = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
    if len(docs) > 1 and len(every):  # ascending runs: a stable sort merges them at once
        every = np.sort(every, kind="stable")
        every = every[np.concatenate(([True], every[1:] != every[:-1]))]
    total = np.zeros(len(every))
    for part, value in zip(docs, values, strict=True):
        total[np.searchsorted(every, part)] += value
    return every, total


#: A field's postings of a word: its documents (ascending) and the word's frequency in each.
Postings = tuple[np.ndarray, np.ndarray]


def article_scores(fields: Sequence[Postings | None], lengths: np.ndarray, average: float,
                   documents: int, k1: float, b: float) -> tuple[np.ndarray, np.ndarray, float]:
    """``BM25(article)`` (see the module docs) of the documents having the word in the
    title or the body, from its postings in each (``fields``, ``None``: none there):
    ``lengths`` holds every document's article length (title's + body's), ``average``
    its average, ``documents`` how many there are (the idf's N); and that idf, which
    weighs the word's title part too.

    >>> docs, values, weight = article_scores([(np.array([0]), np.array([1.0])),
    ...                                        (np.array([0, 2]), np.array([1.0, 1.0]))],
    ...                                       np.array([4.0, 4.0, 4.0]), 4.0, 3, 0.9, 0.4)
    >>> docs.tolist(), values.round(4).tolist(), round(weight, 4)
    ([0, 2], [0.6159, 0.47], 0.5108)
    """
    parts = [p for p in fields if p is not None and len(p[0])]
    docs, tf = union([p[0] for p in parts], [p[1] for p in parts])
    weight = ranking.idf(documents, len(docs))
    return docs, bm25(tf, lengths[docs], average, weight, k1, b), weight
