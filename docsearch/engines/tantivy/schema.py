"""The tantivy schema, and a :class:`~docsearch.engines.base.Document` as tantivy fields.

``title`` and ``body`` hold docsearch's analysed terms joined by spaces, read
back by the whitespace tokenizer :data:`TOKENIZER` (registered on every opened
index; tantivy does not store tokenizers), so a term and its position are the
ones :mod:`docsearch.analysis` gave: matches are the other engines' by
construction. ``article`` (indexed, not stored, frequencies without positions)
holds the title's terms then the body's, so tantivy's BM25 of a word in it is
the word's score in the whole article (:mod:`docsearch.search.perfield`; format
:data:`FORMAT` 2 added it). ``id`` and the keyword fields are raw (one value, one term);
``date`` is :func:`~docsearch.engines.base.date_number` as an ``i64`` fast
field; ``doc`` is the whole document as JSON bytes (stored only), written and
read back by the memory engine's record functions, which keep tuples and
datetimes of :attr:`Document.stored` as they were put.
"""

from __future__ import annotations

import json
from typing import Any

import tantivy

from docsearch.engines.base import KEYWORD_FIELDS, TEXT_FIELDS, Document, date_number
from docsearch.engines.memory.storage import document_from_record, record_json
from docsearch.errors import IndexFormatError
from docsearch.search.perfield import ARTICLE

__all__ = ["ARTICLE", "FORMAT", "TOKENIZER", "build_schema", "document_of", "id_and_keywords",
           "register", "stored_record", "tantivy_document"]

#: The tokenizer of the text fields: the terms are already docsearch's.
TOKENIZER = "docsearch_terms"
#: The engine's index format (what this schema and its fields hold); an index of
#: another format must be built again. 1: before ``article``.
FORMAT = 2


def build_schema() -> tantivy.Schema:
    """The schema every docsearch tantivy index has."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    for field in TEXT_FIELDS:
        builder.add_text_field(field, tokenizer_name=TOKENIZER, index_option="position")
    builder.add_text_field(ARTICLE, tokenizer_name=TOKENIZER, index_option="freq")
    for field in KEYWORD_FIELDS:
        builder.add_text_field(field, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("date", indexed=True, fast=True)
    builder.add_bytes_field("doc", stored=True)
    return builder.build()


def register(index: tantivy.Index) -> None:
    """Register :data:`TOKENIZER` on ``index`` (needed before it indexes text)."""
    index.register_tokenizer(
        TOKENIZER, tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())


def tantivy_document(doc: Document) -> tantivy.Document:
    """``doc`` as the tantivy document of :func:`build_schema`."""
    out = tantivy.Document()
    out.add_text("id", doc.id)
    title, body = " ".join(doc.title_terms), " ".join(doc.body_terms)
    out.add_text("title", title)
    out.add_text("body", body)
    out.add_text(ARTICLE, f"{title} {body}")
    for field in KEYWORD_FIELDS:
        for value in dict.fromkeys(doc.keywords.get(field, ())):
            out.add_text(field, value)
    out.add_integer("date", date_number(doc.date))
    out.add_bytes("doc", record_json(doc).encode("utf-8"))
    return out


def _record_text(stored: tantivy.Document) -> str:
    record = stored.get_first("doc")
    if not isinstance(record, bytes):
        raise IndexFormatError("a document of the tantivy index has no stored record")
    return record.decode("utf-8")


def stored_record(stored: tantivy.Document) -> dict[str, Any]:
    """The record (:func:`~docsearch.engines.memory.storage.document_record`) a tantivy
    document of :func:`tantivy_document` holds."""
    found: dict[str, Any] = json.loads(_record_text(stored))
    return found


_DECODER = json.JSONDecoder()
_ID, _KEYWORDS = '{"id": ', ', "keywords": '


def id_and_keywords(stored: tantivy.Document) -> tuple[str, dict[str, list[str]]]:
    """The ``id`` and ``keywords`` of a stored record, decoding only them.

    :func:`tantivy_document` writes the record with :func:`json.dumps`' separators
    and ``id`` first; ``keywords`` comes after the texts and terms (most of the
    bytes), none of which can hold ``, "keywords": `` (a quote inside a string is
    escaped), so its first occurrence is the key. A record written otherwise is
    decoded whole."""
    text = _record_text(stored)
    at = text.find(_KEYWORDS)
    if text.startswith(_ID) and at > 0:
        article_id = _DECODER.raw_decode(text, len(_ID))[0]
        keywords = _DECODER.raw_decode(text, at + len(_KEYWORDS))[0]
        return article_id, keywords
    record = json.loads(text)
    return record["id"], record["keywords"]


def document_of(stored: tantivy.Document) -> Document:
    """The :class:`Document` a tantivy document of :func:`tantivy_document` holds."""
    return document_from_record(stored_record(stored))
