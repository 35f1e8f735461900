"""A word asked of the title and the body scores as a word of the whole article
(``docsearch.search.article``): BM25 over title + body as one text, plus the
title's BM25 (weighed by the article's idf) times the title boost (issue 16).
Whoosh's engine and the memory engine score so; exact scores here are worked out
by hand from the formula."""

from __future__ import annotations

import math

import pytest

import docsearch
from docsearch import Article, Ranking

K1, B = 0.9, 0.4
#: No proximity bonus: BM25 alone is checked.
PLAIN = {"match": "any", "facets": (), "snippets": False, "ranking": Ranking(proximity=0)}

#: Terms (stop words and one-letter words out, Porter stems):
#: a: title [harbour, ferri] (2), body [ferri, left, harbour, noon] (4): article 6
#: b: title [council, note] (2), body [harbour, board, met, harbour, wa, calm] (6): article 8
#: c: title [weather] (1), body [rain, all, dai] (3): article 4
ARTICLES = [
    Article(id="a", title="Harbour ferry", body="The ferry left the harbour at noon."),
    Article(id="b", title="Council notes", body="The harbour board met. The harbour was calm."),
    Article(id="c", title="Weather", body="Rain all day."),
]


def idf(n: int, df: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


def bm25(tf: float, length: float, average: float, weight: float) -> float:
    return weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


@pytest.fixture(params=["whoosh", "memory"])
def small(request, tmp_path):  # type: ignore[no-untyped-def]
    ix = docsearch.open(tmp_path / "ix", create=True, engine=request.param)
    ix.add(ARTICLES, extract=False)
    yield ix
    ix.close()


def test_a_word_scores_as_the_articles_plus_the_titles(small):
    # harbour: in 2 of 3 articles (a: title and body, b: body twice), in 1 of 3 titles;
    # the title's part is weighed by the article's idf too.
    # Article lengths 6, 8, 4: average 6; title lengths 2, 2, 1: average 5/3.
    article = idf(3, 2)
    expected_a = bm25(2, 6, 6, article) + 0.75 * bm25(1, 2, 5 / 3, article)
    expected_b = bm25(2, 8, 6, article)
    hits = small.search("harbour", **PLAIN).hits
    assert [h.id for h in hits] == ["a", "b"]
    assert [h.score for h in hits] == pytest.approx([expected_a, expected_b], rel=1e-12)


def test_a_repeated_word_and_the_title_boost_multiply_their_parts(small):
    # ferry twice (query term frequency 2), title boost 2: 2 × article + 2 × 2 × title.
    expected = 2 * bm25(2, 6, 6, idf(3, 1)) + 2 * 2 * bm25(1, 2, 5 / 3, idf(3, 1))
    hits = small.search("ferry ferry", **dict(PLAIN, ranking=Ranking(proximity=0,
                                                                      title_boost=2))).hits
    assert [h.id for h in hits] == ["a"]
    assert hits[0].score == pytest.approx(expected, rel=1e-12)


def test_a_named_field_scores_in_that_field_alone(small):
    # body:harbour is the body's BM25 (lengths 4, 6, 3: average 13/3), df 2 of 3.
    hits = small.search("body:harbour", **PLAIN).hits
    assert [h.id for h in hits] == ["b", "a"]
    assert [h.score for h in hits] == pytest.approx(
        [bm25(2, 6, 13 / 3, idf(3, 2)), bm25(1, 4, 13 / 3, idf(3, 2))], rel=1e-12)


def test_every_word_must_match_scores_the_same_way(small):
    # match all: And(Or(title, body) per word); a has both words.
    expected = (bm25(2, 6, 6, idf(3, 2)) + 0.75 * bm25(1, 2, 5 / 3, idf(3, 2))
                + bm25(2, 6, 6, idf(3, 1)) + 0.75 * bm25(1, 2, 5 / 3, idf(3, 1)))
    hits = small.search("harbour ferry", **dict(PLAIN, match="all")).hits
    assert [h.id for h in hits] == ["a"]
    assert hits[0].score == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("engine", ["whoosh", "memory"])
def test_a_fragment_of_a_headline_finds_its_story(tmp_path, engine):
    """A word in both title and body is one word of the article, not two: the story
    with the fragment's two words (one in its title, one in its body) comes before
    one that repeats a single word in its title and its body."""
    ix = docsearch.open(tmp_path / engine, create=True, engine=engine)
    ix.add([
        Article(id="ferry", title="Ferry timetable",
                body="The ferry timetable changes in spring. Ferry tickets cost more."),
        Article(id="strike", title="Strike at the port",
                body="Ferry crews walked out on Monday over pay."),
        Article(id="other", title="Council budget", body="The council met to set the budget."),
    ], extract=False)
    hits = ix.search("ferry strike", **dict(PLAIN, ranking=Ranking())).hits
    assert [h.id for h in hits] == ["strike", "ferry"]
    ix.close()


@pytest.mark.parametrize("engine", ["whoosh", "memory"])
def test_a_title_word_weighs_as_much_as_the_word_is_worth_in_articles(tmp_path, engine):
    """A word in one title but in most bodies (stop) is not a rare word: its title
    part is weighed by the article's idf, not the titles', so a headline with that
    word does not outrank a story with the query's words in the same places as its
    own (AG's News ``--keep 0.3``, docs/relevance.md)."""
    ix = docsearch.open(tmp_path / engine, create=True, engine=engine)
    ix.add([
        Article(id="story", title="Another season of heartache", body="Arsenal must stop the rot."),
        Article(id="headline", title="Nothing can stop Federer",
                body="Last season he won the cup."),
        Article(id="rain", title="Season starts late", body="Fans asked the rain to stop."),
        Article(id="coach", title="Coach signs for the season", body="The club is pleased."),
        Article(id="bus", title="Bus route changes", body="The bus will stop at the station."),
    ], extract=False)
    # stop and season: each in 4 of 5 articles; stop in 1 title, season in 3.
    # Titles (terms): 3, 3, 3, 3, 3 (average 3); articles: 7, 8, 7, 5, 6 (average 6.6).
    both = idf(5, 4)
    story = bm25(1, 7, 6.6, both) * 2 + 0.75 * bm25(1, 3, 3, both)
    headline = bm25(1, 8, 6.6, both) * 2 + 0.75 * bm25(1, 3, 3, both)
    hits = ix.search("stop season", **dict(PLAIN, ranking=Ranking())).hits
    assert [h.id for h in hits] == ["story", "rain", "headline", "coach", "bus"]
    assert [hits[0].score, hits[2].score] == pytest.approx([story, headline], rel=1e-12)
    ix.close()
