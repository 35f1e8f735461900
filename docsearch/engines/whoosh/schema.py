"""The Whoosh schema, and a :class:`docsearch.engines.base.Document` as Whoosh fields.

=========  ==============================================  ============================
field      type                                            used for
=========  ==============================================  ============================
id         ID, unique, stored                              update and delete by id
title      TEXT (:mod:`docsearch.analysis`), stored        search (boosted), highlights
body       TEXT (:mod:`docsearch.analysis`), stored        search, snippets
person     exact multi-value keyword                       filter, facet, ``person:``
surname    exact multi-value keyword                       weak surnames (see registry)
topic      exact multi-value keyword                       filter, facet, ``topic:``
source     exact keyword                                   filter, facet, ``source:``
author     exact multi-value keyword                       ``author:``
date       DATETIME (naive UTC), sortable                  ``--since``/``--until``, sort
day        ID ``YYYY-MM-DD``                               date facet
path       ID                                              which file holds it
hash       ID                                              content hash: moved text keeps
                                                           its extraction
data       STORED                                          the rest of the article
=========  ==============================================  ============================

The keyword fields keep values exactly (case, spaces and commas included): a
value is one term. Searching them case-insensitively is done by the search layer,
which resolves what a user typed against the terms the index holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import analysis, fields

from docsearch import analysis as text_analysis
from docsearch.engines.base import Document

__all__ = ["FACET_FIELDS", "SEPARATOR", "build_schema", "fields_of", "text_analyzer"]

SEPARATOR = "\x1f"
FACET_FIELDS = ("person", "topic", "source", "author")
TEXT_FIELDS = ("title", "body")


class DocsearchTokenizer(analysis.Tokenizer):  # type: ignore[misc]
    """Whoosh's view of :mod:`docsearch.analysis`: the field's analyzer, for any
    path where Whoosh analyses text itself (the index is given the words ready-made,
    see :func:`analyze`). Stop words are left out (or, with ``removestops=False``,
    marked stopped) and the indexed terms numbered from 0."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(self, value: str, positions: bool = False, chars: bool = False,
                 keeporiginal: bool = False, removestops: bool = True, start_pos: int = 0,
                 start_char: int = 0, tokenize: bool = True, mode: str = "",
                 **kwargs: Any) -> Iterator[analysis.Token]:
        t = analysis.Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = text_analysis.tokens(value) if tokenize else \
            [text_analysis.Token(value, 0, 0, len(value), False)]
        pos = start_pos
        for word in words:
            if word.stopped and removestops:
                continue
            t.text, t.stopped, t.boost = word.text, word.stopped, 1.0
            if keeporiginal:
                t.original = value[word.startchar:word.endchar]
            if positions:
                t.pos = pos
            if chars:
                t.startchar, t.endchar = start_char + word.startchar, start_char + word.endchar
            if not word.stopped:
                pos += 1
            yield t


def text_analyzer() -> analysis.Analyzer:
    """The analyzer of the text fields: :mod:`docsearch.analysis`'s words and terms."""
    return DocsearchTokenizer()


def _values_field() -> fields.FieldType:
    field = fields.KEYWORD(stored=False, lowercase=False, commas=False, scorable=False)
    field.analyzer = analysis.RegexTokenizer(r"[^\x1f]+")
    return field


def _date_field() -> fields.DATETIME:
    field = fields.DATETIME(sortable=True)
    # Articles without a date sort as the oldest (Whoosh's default is the newest).
    field.default = 0
    field.set_sortable(True)
    return field


def build_schema() -> fields.Schema:
    """The schema of a docsearch index (format version 4)."""
    analyzer = text_analyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=fields.TEXT(analyzer=analyzer, stored=True, phrase=True),
        body=fields.TEXT(analyzer=analyzer, stored=True, phrase=True),
        person=_values_field(),
        surname=_values_field(),
        topic=_values_field(),
        source=_values_field(),
        author=_values_field(),
        date=_date_field(),
        day=fields.ID(),
        path=fields.ID(),
        hash=fields.ID(),
        data=fields.STORED(),
    )


def fields_of(doc: Document) -> dict[str, Any]:
    """The Whoosh fields of a document: the analysed terms given as the text
    fields' words (Whoosh does not analyse them again), the text itself stored."""
    fields_: dict[str, Any] = {"id": doc.id, "title": list(doc.title_terms),
                               "body": list(doc.body_terms), "_stored_title": doc.title,
                               "_stored_body": doc.body,
                               "data": (doc.stored or {}).get("data") or {}}
    for name, values in doc.keywords.items():
        clean = [v.replace(SEPARATOR, " ") for v in values]
        if not clean:
            continue
        fields_[name] = SEPARATOR.join(clean) if name in _MULTI else clean[0]
    if doc.date is not None:
        fields_["date"] = doc.date
    return fields_


#: The keyword fields that hold several values (joined by :data:`SEPARATOR`).
_MULTI = ("person", "surname", "topic", "source", "author")
