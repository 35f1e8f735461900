"""The query tree (:mod:`docsearch.search.querytree`) compiled into a Whoosh query.

Ranges are constant-scored (a ``date:`` clause filters, it does not rank), and
``Nothing`` is Whoosh's ``NullQuery``, which Whoosh's own ``normalize`` would drop
from an ``And``: the compiled query is therefore not normalised (the tree already
is flat).

>>> from docsearch.search import querytree as qt
>>> to_whoosh(qt.Or((qt.Term("title", "ferri", 2.0), qt.Term("body", "strike"))))
Or([Term('title', 'ferri', boost=2.0), Term('body', 'strike')])

A word asked of the title and the body in one ``Or`` is one
:class:`~docsearch.engines.whoosh.article.ArticleTerm`, scored as the article's
(:mod:`docsearch.search.article`):

>>> to_whoosh(qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri"))))
ArticleTerm('ferri', title_boost=0.75, boost=1.0)
"""

from __future__ import annotations

from operator import attrgetter

from whoosh import query as wq

from docsearch.engines.whoosh.article import ArticleTerm
from docsearch.search import article
from docsearch.search import querytree as qt

__all__ = ["to_whoosh"]


def to_whoosh(node: qt.Node) -> wq.Query:
    """The Whoosh query that matches what ``node`` does, scored the same way."""
    if isinstance(node, qt.Term):
        return wq.Term(node.field, node.text, boost=node.boost)
    if isinstance(node, qt.Phrase):
        return wq.Phrase(node.field, list(node.terms), slop=node.slop, boost=node.boost)
    if isinstance(node, qt.Prefix):
        return wq.Prefix(node.field, node.text, boost=node.boost)
    if isinstance(node, qt.Wildcard):
        return wq.Wildcard(node.field, node.pattern, boost=node.boost)
    if isinstance(node, qt.Fuzzy):
        return wq.FuzzyTerm(node.field, node.text, boost=node.boost, maxdist=node.distance,
                            prefixlength=node.prefix_length)
    if isinstance(node, qt.TermRange):
        return wq.TermRange(node.field, node.low, node.high, boost=node.boost,
                            constantscore=True)
    if isinstance(node, qt.And):
        return wq.And([to_whoosh(c) for c in node.children])
    if isinstance(node, qt.Or):
        parts = _word_pairs(node.children)
        if parts is None:
            parts = [ArticleTerm(c.text, c.title_boost, c.boost) if isinstance(c, article.Pair)
                     else to_whoosh(c) for c in article.pairs(node.children)]
        return parts[0] if len(parts) == 1 else wq.Or(parts)
    if isinstance(node, qt.Not):
        return wq.Not(to_whoosh(node.child))
    if isinstance(node, qt.AndMaybe):
        return wq.AndMaybe(to_whoosh(node.required), to_whoosh(node.optional))
    if isinstance(node, qt.AndNot):
        # Not wq.AndNot: its matcher lets documents of the negative part through when
        # the positive part expands to several terms (a prefix, a fuzzy term, a range).
        return wq.And([to_whoosh(node.positive), wq.Not(to_whoosh(node.negative))])
    if isinstance(node, qt.Every):
        return wq.Every()
    return wq.NullQuery


def _word_pairs(children: tuple[qt.Node, ...]) -> list[wq.Query] | None:
    """The :class:`ArticleTerm` of each word when ``children`` are a title term and
    the body term of the same word, word after word, each word once (what the
    parser makes of plain words): what :func:`article.pairs` gives then, found
    without a look-up per term; else ``None``."""
    count = len(children) // 2
    if not count or len(children) != 2 * count or set(map(type, children)) != {qt.Term}:
        return None
    if list(map(_FIELD, children)) != [*article.FIELDS] * count:
        return None
    texts = list(map(_TEXT, children))
    words = texts[1::2]
    if texts[::2] != words or len(set(words)) != count:
        return None
    boosts = list(map(_BOOST, children))
    return list(map(ArticleTerm, words, boosts[::2], boosts[1::2]))


_FIELD, _TEXT, _BOOST = attrgetter("field"), attrgetter("text"), attrgetter("boost")
