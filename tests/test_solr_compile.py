"""The Solr engine's JSON Query DSL (docsearch.engines.solr.compile), no cluster needed.

Solr adds its own BM25 per field, as tantivy does, so a plain word's title term
weighs ``title_boost`` times the shared per-field title weight
(:data:`docsearch.search.perfield.TITLE_WEIGHT`, 1 / 0.75): the default title boost
gives the title weight 1, and Solr ranks with the weights tantivy ranks with.
"""

from __future__ import annotations

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


def test_a_plain_word_of_the_default_query_weighs_its_title_1():
    assert solr("ferry") == {"bool": {"should": [term("title", "ferri"), term("body", "ferri")]}}


@pytest.mark.parametrize("text, title_boost, wanted", [
    ("ferry", 1.5, {"bool": {"should": [boosted(term("title", "ferri"), "2.0"),
                                        term("body", "ferri")]}}),
    ("ferry ferry", 0.75, {"bool": {"should": [boosted(term("title", "ferri"), "2.0"),
                                               boosted(term("body", "ferri"), "2.0")]}}),
    ("ferry", 0.0, {"bool": {"should": [boosted(term("title", "ferri"), "0.0"),
                                        term("body", "ferri")]}}),
])
def test_a_plain_word_weighs_its_title_by_title_boost_over_0_75(text, title_boost, wanted):
    assert solr(text, title_boost) == wanted


def test_each_word_of_a_query_is_weighed_alike():
    assert solr("ferry strike") == {"bool": {"must": [
        {"bool": {"should": [term("title", "ferri"), term("body", "ferri")]}},
        {"bool": {"should": [term("title", "strike"), term("body", "strike")]}}]}}


def test_a_field_named_in_the_query_keeps_its_boost():
    """Not a plain word: the title's term is not one of a pair of the same word."""
    assert solr("title:ferry night") == {"bool": {"must": [
        term("title", "ferri"),
        {"bool": {"should": [term("title", "night"), term("body", "night")]}}]}}
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
    assert perfield.children(children) == [
        qt.Term("body", "strike"), qt.Term("title", "ferri", 2.0), qt.Term("body", "ferri", 2.0),
        qt.Term("title", "night", 0.75)]
    assert perfield.TITLE_WEIGHT * Ranking().title_boost == 1.0
