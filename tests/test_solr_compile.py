"""The Solr engine's JSON Query DSL (docsearch.engines.solr.compile), no cluster needed.

A plain word is scored as the Whoosh engine scores it, a word of the whole article
(the ``article`` field, title and body copied into it) times the body's boost plus
the title's BM25 times ``title_boost`` (:func:`docsearch.search.perfield.article_children`,
shared with the tantivy engine).
"""

from __future__ import annotations

import math

import pytest

from docsearch import Ranking
from docsearch.engines.solr.compile import compile_query
from docsearch.search import perfield
from docsearch.search import querytree as qt
from docsearch.search.query import QueryParser


def no_terms(field: str, prefix: str = "") -> list[str]:
    return []


def no_phrase(node: qt.Phrase) -> list[str]:
    return []


def solr(text: str, title_boost: float = Ranking().title_boost) -> dict:
    node = QueryParser(title_boost).parse(text, lambda field, typed: ())
    return compile_query(node, no_terms, no_phrase)


def term(field: str, text: str) -> dict:
    return {"term": {"f": field, "query": text}}


def boosted(query: dict, boost: str) -> dict:
    return {"boost": {"query": query, "b": boost}}


def test_a_plain_word_of_the_default_query_is_its_article_plus_its_title_times_0_75():
    assert solr("ferry") == {"bool": {"should": [term("article", "ferri"),
                                                 boosted(term("title", "ferri"), "0.75")]}}


@pytest.mark.parametrize("text, title_boost, wanted", [
    ("ferry", 1.5, {"bool": {"should": [term("article", "ferri"),
                                        boosted(term("title", "ferri"), "1.5")]}}),
    ("ferry ferry", 0.75, {"bool": {"should": [boosted(term("article", "ferri"), "2.0"),
                                               boosted(term("title", "ferri"), "1.5")]}}),
    ("ferry", 0.0, {"bool": {"should": [term("article", "ferri"),
                                        boosted(term("title", "ferri"), "0.0")]}}),
])
def test_a_plain_word_weighs_its_title_by_title_boost(text, title_boost, wanted):
    assert solr(text, title_boost) == wanted


def test_each_word_of_a_query_is_weighed_alike():
    assert solr("ferry strike") == {"bool": {"must": [
        {"bool": {"should": [term("article", "ferri"), boosted(term("title", "ferri"), "0.75")]}},
        {"bool": {"should": [term("article", "strike"),
                             boosted(term("title", "strike"), "0.75")]}}]}}


def test_a_field_named_in_the_query_keeps_its_boost():
    """Not a plain word: the title's term is not one of a pair of the same word."""
    assert solr("title:ferry night") == {"bool": {"must": [
        term("title", "ferri"),
        {"bool": {"should": [term("article", "night"), boosted(term("title", "night"), "0.75")]}}]}}
    node = qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "night")))
    assert compile_query(node, no_terms, no_phrase) == {"bool": {"should": [
        boosted(term("title", "ferri"), "0.75"), term("body", "night")]}}


def test_a_hyphenated_word_is_a_phrase_and_keeps_its_title_boost():
    assert solr("wal-mart") == {"bool": {"should": [
        {"bool": {"must": [boosted(term("title", "wal"), "0.75"),
                           boosted(term("title", "mart"), "0.75")]}},
        {"bool": {"must": [term("body", "wal"), term("body", "mart")]}}]}}


def test_the_per_field_children_of_an_or():
    children = (qt.Term("body", "strike"), qt.Term("title", "ferri", 1.5),
                qt.Term("body", "ferri", 2.0), qt.Term("title", "night", 0.75))
    assert perfield.article_children(children) == [
        qt.Term("body", "strike"), qt.Term("article", "ferri", 2.0),
        qt.Term("title", "ferri", 1.5), qt.Term("title", "night", 0.75)]


def test_the_configset_copies_title_and_body_into_article():
    """A new schema, a new configset name and index format: an older index is refused."""
    import xml.etree.ElementTree as ET
    from importlib import resources

    from docsearch.engines.solr import store

    schema = ET.fromstring((resources.files("docsearch.engines.solr") / "configset"
                            / "schema.xml").read_bytes())
    field = schema.find("field[@name='article']")
    assert field is not None
    assert (field.get("type"), field.get("stored"), field.get("multiValued"),
            field.get("omitPositions")) == ("terms", "false", "true", "true")
    assert sorted((c.get("source"), c.get("dest")) for c in schema.iter("copyField")) == [
        ("body", "article"), ("title", "article")]
    assert (store.CONFIGSET, store.FORMAT_VERSION) == ("docsearch-v3", 5)


def test_given_the_index_frequencies_the_title_weighs_by_the_articles_idf():
    """'ferri' in 2 titles and 3 articles of 4: the title term weighs 0.75 × idf(3) /
    idf(2) (Lucene's idf), so Solr's BM25 of the title weighs by the article's idf."""
    df = {("title", "ferri"): 2, ("article", "ferri"): 3}
    node = QueryParser(0.75).parse("ferry", lambda field, typed: ())
    found = compile_query(node, no_terms, no_phrase, 4, lambda field, text: df[field, text])
    factor = math.log(1 + 1.5 / 3.5) / math.log(1 + 2.5 / 2.5)
    assert found == {"bool": {"should": [term("article", "ferri"),
                                         boosted(term("title", "ferri"), repr(0.75 * factor))]}}
    assert found["bool"]["should"][1]["boost"]["b"] == "0.3859298796223187"
