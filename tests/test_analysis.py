"""docsearch's own text analysis (docsearch.analysis): words, folding, stop words,
Porter stems, positions; the index and the query read text the same way."""

from __future__ import annotations

import json

import pytest

import docsearch
from docsearch import Article, IndexFormatError, analysis
from docsearch.analysis import Token, fold, stem, term, terms, tokens
from docsearch.engines.whoosh.schema import build_schema
from docsearch.store import META_FILE
from docsearch.store.documents import analyze


@pytest.mark.parametrize(("text", "folded"), [
    ("Zürich", "Zurich"), ("Łódź", "Lodz"), ("Straße", "Strasse"), ("Ærø", "AEro"),
    ("œuvre", "oeuvre"), ("Øresund", "Oresund"), ("Đakovo", "Dakovo"), ("þing", "thing"),
    ("ılık", "ilik"), ("São Tomé", "Sao Tome"), ("ﬁnal", "final"), ("plain", "plain"),
])
def test_fold_drops_accents_and_spells_out_letters(text, folded):
    assert fold(text) == folded


def test_terms_lower_fold_stop_and_stem():
    assert terms("The Mayor of Łódź is RUNNING again, and Ærø's ferries were late") == [
        "mayor", "lodz", "run", "again", "aero", "ferri", "were", "late"]


def test_stop_words_and_single_characters_are_not_indexed():
    assert len(analysis.STOP_WORDS) == 34
    assert terms("a an and tbd yet your x 7 ß") == ["ss"]
    assert term("The") is None
    assert term("x") is None
    assert term("Harbours") == "harbour"


@pytest.mark.parametrize(("word", "stemmed"), [
    ("running", "run"), ("added", "ad"), ("ministers", "minist"), ("sanctions", "sanction"),
    ("assembly", "assembli"), ("bidding", "bid"), ("ponies", "poni"), ("caresses", "caress"),
])
def test_stems_are_the_reference_porter(word, stemmed):
    assert analysis.STEMMER == "porter"
    assert stem(word) == stemmed


def test_words_keep_inner_dots():
    # Porter takes the plural s off "u.s" as off any word; the query does the same.
    assert terms("U.S. output rose 3.5 pct") == ["u.", "output", "rose", "3.5", "pct"]


def test_tokens_keep_stop_words_with_their_places():
    assert tokens("The ferry, at Oslo") == [
        Token("the", 0, 0, 3, True), Token("ferri", 1, 4, 9, False),
        Token("at", 2, 11, 13, True), Token("oslo", 3, 14, 18, False)]


def test_the_whoosh_field_indexes_docsearchs_terms():
    analyzer = build_schema()["body"].analyzer
    text = "The ferries of Zürich were running"
    assert [t.text for t in analyzer(text)] == terms(text)
    assert [(t.text, t.pos) for t in analyzer(text, positions=True)] == [
        ("ferri", 0), ("zurich", 1), ("were", 2), ("run", 3)]
    assert [(t.text, t.stopped) for t in analyzer("the run", removestops=False)] == [
        ("the", True), ("run", False)]
    article = Article(id="a", title="Running ferries", body="Zürich and the lake")
    assert analyze(article) == (["run", "ferri"], ["zurich", "lake"])


def test_the_query_finds_what_the_index_holds(tmp_index):
    tmp_index.add([Article(id="z", title="Ferries", body="Skaters were running on the "
                                                         "frozen lake of Zürich")])
    for query in ("run", "runs", "ZURICH", "zürich", '"running on the frozen"', "ferry",
                  "title:ferry", "skater"):
        assert [h.id for h in tmp_index.search(query).hits] == ["z"], query
    assert tmp_index.search("the").total == 0


def test_an_index_of_format_3_must_be_rebuilt(tmp_path):
    docsearch.open(tmp_path / "ix", create=True).close()
    meta_file = tmp_path / "ix" / META_FILE
    meta = json.loads(meta_file.read_text("utf-8"))
    meta["format"] = 3
    meta_file.write_text(json.dumps(meta), "utf-8")
    with pytest.raises(IndexFormatError) as info:
        docsearch.open(tmp_path / "ix")
    assert str(info.value) == (f"{tmp_path / 'ix'} is a docsearch index of format 3; this "
                               f"version reads format 4 (delete the folder and index again)")
