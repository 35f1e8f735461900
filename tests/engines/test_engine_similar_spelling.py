"""Conformance: "more like this" and "did you mean" on sample_docs/ with every engine."""

from __future__ import annotations

import pytest

from docsearch import ArticleNotFoundError
from docsearch.analysis import terms

SQUAD = "1765ac8b876c3fdf"          # achterberg-olympic-squad.md
TURBINE = "51ef8b4c22c77eb9"        # tidal-turbine-prototype.html
ALGAE = "6f4d93a83ec231df"          # lake-tamsin-algae-bloom-arrives-early.md


def words(article):
    return set(terms(article.title)) | set(terms(article.body))


@pytest.mark.parametrize("source", [SQUAD, TURBINE, ALGAE])
def test_similar_leaves_the_article_out_and_finds_articles_sharing_its_words(sample, source):
    """The hit-id set of ``similar`` may differ between engines (the key terms are
    weighed with each engine's term statistics, and ranked by its BM25): tested is
    only that the article itself is left out and that every hit shares a word with it."""
    results = sample.similar(source, per_page=100)
    hits = {h.id for h in results.hits}
    assert results.total == len(hits) > 0
    assert source not in hits
    own = words(sample.get(source))
    sharing = {a.id for a in sample if a.id != source and words(a) & own}
    assert hits <= sharing


def test_similar_takes_the_filters_and_knows_ids(sample):
    dated = sample.similar(SQUAD, since="2023", per_page=50)
    assert dated.total > 0 and all(h.published.year >= 2023 for h in dated.hits)
    assert SQUAD not in {h.id for h in dated.hits}
    assert sample.similar(SQUAD[:8], per_page=1).total == sample.similar(SQUAD).total
    with pytest.raises(ArticleNotFoundError, match="^no article with id 'nope'$"):
        sample.similar("nope")


@pytest.mark.parametrize("typed, suggestion", [
    ("Puttin sanctons", "Putin sanctions"),
    ("sanctons", "sanctions"),
    ("harbor", "harbour"),
    ("Bidden", "Biden"),
    ("lighthuose keeper", "lighthouse keeper"),
    ("turbne", "turbine"),
    ("ceasefre", "ceasefire"),
    ("recyclng plant", "recycling plant"),
    ("teechers", "teachers"),
    ("Achterbreg", "Achterberg"),
    ('"tidal turbne"', '"tidal turbine"'),
    ("title:ukrane", "title:ukraine"),
    ("turbine OR tidl", "turbine OR tidal"),
    ("person:Puttin", 'person:"Vladimir Putin"'),
])
def test_did_you_mean(sample, typed, suggestion):
    results = sample.search(typed)
    assert results.suggestion == suggestion
    assert sample.search(suggestion).total > results.total


@pytest.mark.parametrize("query", ["sanctions", "harbour tram", "Putin", "sanct*", "date:2021",
                                   "topic:sport", "zzzzqqq"])
def test_no_suggestion_for_known_words_or_nothing_near(sample, query):
    assert sample.search(query).suggestion is None


def test_a_suggestion_only_when_it_finds_more(sample):
    assert sample.search("harbor", topics=["sport"]).suggestion is None
    assert sample.search("harbor", topics=["arts, culture, entertainment and media"]
                         ).suggestion == "harbour"
