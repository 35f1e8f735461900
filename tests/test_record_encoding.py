"""A stored document's record as JSON text (the tantivy engine's ``doc`` field), written
by a fast path that encodes the title and body once, is byte for byte the obvious
``json.dumps(document_record(doc), ensure_ascii=False)``."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch.engines.base import Document
from docsearch.engines.memory.storage import document_record, record_json
from docsearch.models import Article
from docsearch.store.documents import to_document

text = st.text(max_size=40)
words = st.lists(st.text(min_size=1, max_size=8), max_size=6)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | text
    | st.datetimes(timezones=st.none() | st.just(dt.timezone.utc)) | st.dates(),
    lambda inner: st.lists(inner, max_size=3) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=5), inner, max_size=3), max_leaves=8)


def obvious(doc: Document) -> str:
    return json.dumps(document_record(doc), ensure_ascii=False)


@settings(max_examples=300, deadline=None)
@given(title=text, body=text, title_terms=words, body_terms=words,
       keywords=st.dictionaries(st.sampled_from(["person", "topic", "day"]),
                                st.lists(text, min_size=1, max_size=3).map(tuple)),
       date=st.none() | st.datetimes(), extra=st.dictionaries(text, values, max_size=3),
       same=st.booleans())
def test_any_document_encodes_as_the_obvious_record(title, body, title_terms, body_terms,
                                                    keywords, date, extra, same):
    stored = {"id": "x1", "title": title if same else title + "!", "body": body, **extra}
    doc = Document(id="x1", title=title, body=body, title_terms=tuple(title_terms),
                   body_terms=tuple(body_terms), keywords=keywords, date=date, stored=stored)
    assert record_json(doc) == obvious(doc)


def test_an_article_encodes_as_the_obvious_record():
    article = Article(id="a\u00e91", title='Port "Nord" re\u00f6pens',
                      body="Line\none\t\u2028 \U0001f6a2.",
                      authors=["Ada Lind"], source="news.example", people=["Ada Lind"],
                      topics=["economy"], published="2024-05-02T08:30:00+02:00",
                      url="https://news.example/a", path="docs/a.md#2", content_hash="ab12")
    doc = to_document(article)
    assert record_json(doc) == obvious(doc)
    assert json.loads(record_json(doc))["stored"]["title"] == article.title


def test_terms_that_need_escaping_encode_as_the_obvious_record():
    for terms in [('say "hi"',), ("back\\slash", "ok"), ("tab\there", "nl\n", "\x00", "\x1f"),
                  ("\u2028", "\U0001f6a2", "caf\u00e9"), (), ("",), ("a", "b")]:
        doc = Document(id="t", title="T", body="B", title_terms=terms, body_terms=terms[::-1],
                       keywords={}, date=None, stored={"id": "t"})
        assert record_json(doc) == obvious(doc), terms
