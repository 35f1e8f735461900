"""Ranking options: how words combine (all/any), plain queries, BM25 settings,
the proximity bonus and the recency boost."""

from __future__ import annotations

import datetime as dt

import pytest

import docsearch
from docsearch import Article, QueryError, Ranking


def add(ix: docsearch.Index, *articles: Article) -> None:
    ix.add(list(articles), extract=False)


@pytest.mark.parametrize("settings, message", [
    ({"k1": -1}, "ranking k1 must be a number of at least 0, not -1"),
    ({"b": 1.5}, "ranking b must be between 0 and 1, not 1.5"),
    ({"title_boost": "high"}, "ranking title_boost must be a number of at least 0, not 'high'"),
    ({"proximity": -0.5}, "ranking proximity must be a number of at least 0, not -0.5"),
    ({"recency_days": 0}, "ranking recency_days must be a number of days above 0, not 0"),
])
def test_bad_ranking_settings_say_what_is_wrong(settings, message):
    with pytest.raises(QueryError) as caught:
        Ranking(**settings)
    assert str(caught.value) == message


def test_bad_match_and_ranking_arguments(sample_index):
    with pytest.raises(QueryError, match=r"^unknown match 'some' \(use all or any\)$"):
        sample_index.search("harbour", match="some")
    with pytest.raises(QueryError, match="^ranking must be a docsearch.Ranking"):
        sample_index.search("harbour", ranking={"k1": 1})  # type: ignore[arg-type]


def test_match_any_finds_articles_with_either_word_those_with_both_first(tmp_index):
    add(tmp_index,
        Article(id="both", title="Notes", body="The ferry and the tram both ran late."),
        Article(id="ferry", title="Notes", body="The ferry ran late."),
        Article(id="tram", title="Notes", body="The tram ran late."),
        Article(id="none", title="Notes", body="The bus ran late."))
    assert [h.id for h in tmp_index.search("ferry tram").hits] == ["both"]
    results = tmp_index.search("ferry tram", match="any")
    assert results.total == 3
    assert results.hits[0].id == "both"
    assert {h.id for h in results.hits[1:]} == {"ferry", "tram"}


def test_plain_queries_read_syntax_as_words(tmp_index):
    add(tmp_index, Article(id="a", title="Lift", body="What is lift? The title says it all."))
    with pytest.raises(QueryError):
        tmp_index.search('what is "lift')
    results = tmp_index.search('what is "lift? title: (AND', plain=True, match="any")
    assert [h.id for h in results.hits] == ["a"]
    assert tmp_index.search("lift*", plain=True).total == 1  # the star is no wildcard
    assert tmp_index.search("?!", plain=True).total == 0     # no words: nothing, not all
    assert tmp_index.search("", plain=True).total == 1       # empty: every article


def test_bm25_settings_change_scores_not_matches(sample_index):
    a = sample_index.search("harbour council", per_page=50)
    b = sample_index.search("harbour council", per_page=50, ranking=Ranking(k1=2.0, b=0.2))
    assert a.total == b.total and {h.id for h in a.hits} == {h.id for h in b.hits}
    assert [h.score for h in a.hits] != [h.score for h in b.hits]
    assert sample_index.search("harbour council", per_page=50).hits == a.hits  # cache keyed


def test_title_boost_weighs_title_words(tmp_index):
    add(tmp_index,
        Article(id="title", title="Ferry", body="A note about boats and more boats."),
        Article(id="body", title="Notes", body="A note about the ferry and boats."))
    assert [h.id for h in tmp_index.search("ferry", ranking=Ranking(title_boost=3)).hits] == \
        ["title", "body"]
    assert [h.id for h in tmp_index.search("ferry", ranking=Ranking(title_boost=0)).hits] == \
        ["body", "title"]


def test_proximity_puts_words_side_by_side_first(tmp_index):
    near = "the harbour tram runs every hour along the quay past the old market hall"
    far = "the harbour wall runs every hour along the quay past the old market tram"
    add(tmp_index, Article(id="far", title="Notes", body=far),
        Article(id="near", title="Notes", body=near))
    plain = tmp_index.search("harbour tram", ranking=Ranking(proximity=0))
    assert plain.hits[0].score == plain.hits[1].score  # BM25 cannot tell them apart
    close = tmp_index.search("harbour tram", ranking=Ranking(proximity=1))
    assert [h.id for h in close.hits] == ["near", "far"]
    assert close.hits[1].score == plain.hits[0].score  # 13 words apart: no bonus
    assert close.hits[0].score > plain.hits[0].score


def test_recency_boost_follows_the_documented_decay(tmp_index):
    body = "The ferry timetable changes on Monday."
    add(tmp_index,
        Article(id="old", title="Ferry", body=body, published=dt.date(2024, 1, 1)),
        Article(id="new", title="Ferry", body=body, published=dt.date(2024, 1, 31)),
        Article(id="undated", title="Ferry", body=body))
    plain = tmp_index.search("ferry")
    base = plain.hits[0].score
    assert {h.score for h in plain.hits} == {base}
    boosted = tmp_index.search("ferry", ranking=Ranking(recency_days=30))
    scores = {h.id: h.score for h in boosted.hits}
    assert [h.id for h in boosted.hits] == ["new", "old", "undated"]
    assert scores["new"] == pytest.approx(base * 2)             # the newest: factor 1 + 1
    assert scores["old"] == pytest.approx(base * 1.5)           # 30 days older: 1 + 0.5
    assert scores["undated"] == pytest.approx(base)             # no date: no boost
    weaker = tmp_index.search("ferry", ranking=Ranking(recency_days=30, recency_weight=0.5))
    assert {h.id: h.score for h in weaker.hits}["new"] == pytest.approx(base * 1.5)
    until = tmp_index.search("ferry", until="2024-01-01",
                             ranking=Ranking(recency_days=30))
    assert [h.id for h in until.hits] == ["old"]  # a date filter leaves undated out
    assert until.hits[0].score == pytest.approx(base * 2)       # measured from `until`


def test_recency_is_off_by_default_and_dateless_indexes_are_unchanged(tmp_index):
    add(tmp_index, Article(id="a", title="Ferry", body="ferry ferry"),
        Article(id="b", title="Notes", body="ferry"))
    a = tmp_index.search("ferry")
    b = tmp_index.search("ferry", ranking=Ranking(recency_days=7))
    assert [(h.id, h.score) for h in a.hits] == [(h.id, h.score) for h in b.hits]
    assert Ranking().recency_days is None


def _whoosh_positions(searcher, word):  # type: ignore[no-untyped-def]
    """Every live document's positions of ``word`` in the body, the plain Whoosh way."""
    out = {}
    if ("body", word) not in searcher.reader():
        return out
    matcher = searcher.postings("body", word)
    while matcher.is_active():
        if not searcher.reader().is_deleted(matcher.id()):
            out[matcher.id()] = list(matcher.value_as("positions"))
        matcher.next()
    return out


def test_proximity_reads_the_positions_whoosh_has(tmp_index, sample_index):
    from docsearch.engines.whoosh.positions import Remembered
    from docsearch.engines.whoosh.positions import positions as _positions
    words = " ".join(["ferry harbour"] * 40)  # long postings: several blocks
    tmp_index.add([Article(id=f"a{n}", title="Notes", body=f"{'tram ' * n}{words} ferry")
                   for n in range(300)], extract=False)
    tmp_index.add([Article(id=f"b{n}", title="More", body="harbour ferry tram " * (n % 7 + 1))
                   for n in range(200)], extract=False)  # a second segment
    tmp_index.delete([f"a{n}" for n in range(0, 300, 3)])
    remembered = Remembered()  # what one search read, the next need not read again
    for ix in (tmp_index, sample_index):
        searcher = ix._engine.snapshot().searcher
        for word in ("ferri", "harbour", "tram", "nothing"):
            expected = _whoosh_positions(searcher, word)
            last = searcher.doc_count_all() - 1
            for docs in (sorted(expected)[::2] + [last], sorted(expected)[::3] + [1, last]):
                for shared in (None, remembered):
                    found = _positions(searcher, "body", word, sorted(set(docs)),
                                       remembered=shared)
                    assert {d: list(p) for d, p in found.items()} == \
                        {d: expected[d] for d in sorted(set(docs)) if d in expected}, word


def _loop_bonuses(positions, weights, words, docs, k1):  # type: ignore[no-untyped-def]
    """The proximity bonus as first written: every pair of words, every document,
    every pair of positions (kept here to check the vectorised sum against)."""
    import numpy as np
    out = np.zeros(len(docs))
    where = {doc: i for i, doc in enumerate(docs)}
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            weight = min(weights[a], weights[b])
            for doc in positions[a].keys() & positions[b].keys():
                gaps = np.abs(np.subtract.outer(positions[a][doc], positions[b][doc]))
                near = gaps[(gaps > 0) & (gaps <= 5)]
                if len(near):
                    acc = float(np.sum(1.0 / near.astype(np.float64) ** 2))
                    out[where[doc]] += weight * acc * (k1 + 1) / (acc + k1)
    return out


@pytest.mark.parametrize("seed", range(30))
def test_proximity_pairs_summed_at_once_equal_every_pair_of_positions(seed):
    import random

    import numpy as np

    from docsearch.search import proximity
    chance = random.Random(seed)
    words = [f"w{n}" for n in range(chance.randint(2, 30))]
    docs = chance.sample(range(500), chance.randint(1, 40))
    positions: dict[str, dict[int, np.ndarray]] = {w: {} for w in words}
    for doc in docs:
        length = chance.randint(1, 60)
        for at in range(length):  # each position holds one word, or none of the query's
            word = chance.choice(words + [None] * chance.randint(0, 20))
            if word is not None:
                positions[word].setdefault(doc, [])
                positions[word][doc].append(at)
    positions = {w: {d: np.array(p) for d, p in found.items()} for w, found in positions.items()}
    weights = {w: chance.uniform(0.01, 8.0) for w in words}
    k1 = chance.choice([0.9, 1.2])
    expected = _loop_bonuses(positions, weights, words, docs, k1)
    found = proximity.pair_bonuses(positions, weights, words, docs, k1)
    assert found.tolist() == pytest.approx(expected.tolist(), rel=1e-12, abs=1e-12)


def test_proximity_pairs_are_made_of_the_query_words_of_highest_idf(tmp_index):
    import random

    import numpy as np

    from docsearch.search import proximity
    chance = random.Random(16)
    vocabulary = [f"k{chr(97 + n)}v" for n in range(20)]
    # Word n is in about n/20 of the articles: the idf falls along the vocabulary.
    bodies = [" ".join(w for n, w in enumerate(vocabulary) for _ in range(chance.randint(0, 2))
                       if chance.random() < (n + 1) / 20) for _ in range(120)]
    tmp_index.add([Article(id=f"a{n}", title="Notes", body=body or "empty")
                   for n, body in enumerate(bodies)], extract=False)
    snapshot = tmp_index._engine.snapshot()
    words = [vocabulary[n] for n in chance.sample(range(20), 20)]
    docs = list(range(0, 120, 3))
    weights = {w: proximity.idf(snapshot, "body", w) for w in words}
    # The highest idf first, the first in query order among equals.
    rarest = sorted(words, key=lambda w: -weights[w])[:proximity.MOST_WORDS]
    assert len(rarest) < len(words)
    kept = [w for w in words if w in rarest]
    positions = {w: {d: np.array(p) for d, p in _whoosh_positions(snapshot.searcher, w).items()
                     if d in docs} for w in kept}
    expected = _loop_bonuses(positions, weights, kept, docs, 0.9)
    found = proximity.bonuses(snapshot, words, docs, 0.9)
    assert found.tolist() == pytest.approx(expected.tolist(), rel=1e-12, abs=1e-12)
    assert proximity.rarest(words, weights) == kept
    assert proximity.rarest(words[:5], weights) == words[:5]


def test_proximity_counts_words_side_by_side_in_the_title_too(tmp_index):
    body = "the harbour wall runs every hour along the quay past the old market tram"
    add(tmp_index, Article(id="apart", title="Harbour notes on a tram", body=body),
        Article(id="side", title="Harbour tram notes", body=body))
    plain = tmp_index.search("harbour tram", ranking=Ranking(proximity=0))
    assert plain.hits[0].score == plain.hits[1].score  # the same words, titles as long
    close = tmp_index.search("harbour tram", ranking=Ranking(proximity=1))
    assert [h.id for h in close.hits] == ["side", "apart"]
    # 3 apart in the title ("harbour notes on a tram": stop words keep their places)
    assert close.hits[1].score > plain.hits[1].score
    # A title word and a body word are never close, whatever their places.
    add(tmp_index, Article(id="ends", title="Tram", body="harbour " + body))
    ends = {h.id: h.score for h in tmp_index.search("harbour tram", match="any",
                                                      ranking=Ranking(proximity=1)).hits}
    unboosted = {h.id: h.score for h in tmp_index.search("harbour tram", match="any",
                                                           ranking=Ranking(proximity=0)).hits}
    assert ends["ends"] == unboosted["ends"]
