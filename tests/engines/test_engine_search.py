"""Conformance: searching sample_docs/ gives the same articles with every engine.

Totals and the *sets* of hits are exact (an engine may rank with its own BM25
variant, so the order of equally good hits may differ); facet counts, paging and
date order are exact.
"""

from __future__ import annotations

import pytest
from conftest import REAL_ARTICLE
from hypothesis import given, settings
from hypothesis import strategies as st

import docsearch
from docsearch.models import utc_naive

HARBOUR = {"calloway-gallery-buys-harbour-tapestry.txt", "calloway-gallery-reopens-tidelines.md",
           "dockworkers-walk-out-over-night-shift-rota.md", "lighthouse-keeper-logbooks.txt",
           "port-ellery-affordable-homes-pledge.txt", "port-ellery-ceasefire-talks.html",
           "port-ellery-council-approves-harbour-tram-extension.md",
           "port-strike-deal-after-four-day-stoppage.md", "teachers-pay-offer-splits-union.md",
           "wire-feed.jsonl#1", "wire-feed.jsonl#5"}
LAKE = {"drowned-forest-lake-tamsin.md", "heatwave-lake-tamsin-record-low.md",
        "lake-tamsin-algae-bloom-arrives-early.md", "wire-feed.jsonl#3"}
SWIMMER = {"achterberg-breaks-national-record.md", "achterberg-olympic-squad.md",
           "achterberg-silver-continental-games.html"}
ASTROM = {"brightwater-grid-offshore-battery-hub.md", "tidal-turbine-prototype.html",
          "wire-feed.jsonl#1", "wire-feed.jsonl#6"}
TRAM = "port-ellery-council-approves-harbour-tram-extension.md"


def found(ix, query="", **options):
    results = ix.search(query, per_page=100, **options)
    assert results.total == len(results.hits)
    return {h.path for h in results.hits}


def counts(values):
    return {v.value: v.count for v in values}


def test_the_index_is_made_with_the_engine(sample, engine):
    assert sample.engine == engine
    assert len(sample) == 35


@pytest.mark.parametrize("query, expected", [
    # words (stemmed, accent-folded), all of them by default
    ("harbour", HARBOUR),
    ("lighthouse keeper", {"lighthouse-keeper-logbooks.txt"}),
    ("astrom", ASTROM),
    ("Åström", ASTROM),
    ("sanctions", {REAL_ARTICLE}),
    ("zzzzqqq", set()),
    # phrases, with and without slop
    ('"night shift"', {"dockworkers-walk-out-over-night-shift-rota.md",
                       "carrow-valley-recycling-plant-fire.md"}),
    ('"harbour tram"', {TRAM}),
    ('"tidal turbine"', {"tidal-turbine-prototype.html"}),
    ('"lake tamsin"~2', LAKE | {"carrow-valley-recycling-plant-fire.md",
                                "storm-idris-gales-northmere-coast.md"}),
    # fields
    ("title:lake", LAKE),
    ("title:(lake OR harbour)", LAKE | {"calloway-gallery-buys-harbour-tapestry.txt",
                                        "calloway-gallery-reopens-tidelines.md", TRAM}),
    ("body:tapestry", {"calloway-gallery-buys-harbour-tapestry.txt"}),
    ("person:putin", {REAL_ARTICLE}),
    ('person:"VLADIMIR PUTIN" sanctions', {REAL_ARTICLE}),
    ('person:"de la fuente"', LAKE | {"tidal-turbine-prototype.html"}),
    ('person:"Marcus Oduya-Bell" harbour', {
        "port-ellery-affordable-homes-pledge.txt", "port-ellery-ceasefire-talks.html", TRAM,
        "port-strike-deal-after-four-day-stoppage.md", "wire-feed.jsonl#5"}),
    ("topic:sport", SWIMMER | {"rovers-part-company-with-brandt.txt",
                               "rovers-stun-league-leaders.md", "wire-feed.jsonl#2"}),
    ('source:"the moscow times"', {REAL_ARTICLE}),
    ("source:BBC", set()),
    ("author:afp", {REAL_ARTICLE}),
    # prefixes and fuzzy terms
    ("swim*", SWIMMER | {"heatwave-lake-tamsin-record-low.md"}),
    ("harb*", HARBOUR),
    ("achterburg~", SWIMMER),
    ("turbin~1", {"tidal-turbine-prototype.html"}),
    # operators
    ("tram OR turbine", {TRAM, "tidal-turbine-prototype.html"}),
    ("lighthouse OR tram", {"calloway-gallery-buys-harbour-tapestry.txt",
                            "lighthouse-keeper-logbooks.txt", TRAM}),
    ("harbour AND (tram OR strike)", {
        "dockworkers-walk-out-over-night-shift-rota.md", TRAM,
        "port-strike-deal-after-four-day-stoppage.md", "teachers-pay-offer-splits-union.md"}),
    ("lake NOT algae", {"heatwave-lake-tamsin-record-low.md", "drowned-forest-lake-tamsin.md",
                        "storm-idris-gales-northmere-coast.md",
                        "carrow-valley-recycling-plant-fire.md"}),
    ("lake -algae", {"heatwave-lake-tamsin-record-low.md", "drowned-forest-lake-tamsin.md",
                     "storm-idris-gales-northmere-coast.md",
                     "carrow-valley-recycling-plant-fire.md"}),
    ("council -harbour", {"drowned-forest-lake-tamsin.md"}),
    ("harbour^3 tram", {TRAM}),
    # date: clauses
    ("date:2020", {"lake-tamsin-algae-bloom-arrives-early.md", "rovers-stun-league-leaders.md",
                   "schools-closed-as-flu-cases-climb.md",
                   "wage-support-scheme-shuttered-firms.md", "wire-feed.jsonl#1"}),
    ("date:2021-12", {REAL_ARTICLE, "storm-idris-gales-northmere-coast.md"}),
    ("date:>2023", {"achterberg-olympic-squad.md", "bank-manager-jailed-loan-fraud.md",
                    "hospital-waiting-lists-five-year-high.html",
                    "solberg-vance-signals-regional-rail-cuts.md", "wire-feed.jsonl#5",
                    "wire-feed.jsonl#6"}),
    ("date:<2019-06", {"port-ellery-affordable-homes-pledge.txt", TRAM}),
    ("date:[2019 to 2020-06]", {
        "dockworkers-walk-out-over-night-shift-rota.md", "drowned-forest-lake-tamsin.md",
        "lake-tamsin-algae-bloom-arrives-early.md", "port-ellery-affordable-homes-pledge.txt",
        TRAM, "schools-closed-as-flu-cases-climb.md", "tidal-turbine-prototype.html",
        "wage-support-scheme-shuttered-firms.md", "wire-feed.jsonl#2"}),
])
def test_query_language(sample, query, expected):
    assert found(sample, query) == expected


def test_a_negation_alone_finds_every_article_without(sample):
    assert found(sample, "-harbour") == found(sample) - HARBOUR
    assert len(found(sample, "-harbour")) == 24


def test_a_negation_excludes_from_prefixes_fuzzy_terms_and_ranges(sample):
    """``a -b`` with ``match="any"`` (and ``a OR -b``) is ``a`` without ``b`` whatever
    ``a`` is: Whoosh's ``AndNot`` let through some documents ``b`` matches when ``a``
    expands to several terms (a prefix, a fuzzy term, a range)."""
    storm = {"storm-idris-gales-northmere-coast.md"}
    assert found(sample, "ferry -harbour", match="any") == storm
    assert found(sample, "ferr* -harbour", match="any") == storm
    assert found(sample, "ferrx~ OR -harbour") == storm
    assert found(sample, "date:[2019 to 2020-06] -harbour", match="any") == {
        "drowned-forest-lake-tamsin.md", "lake-tamsin-algae-bloom-arrives-early.md",
        "schools-closed-as-flu-cases-climb.md", "tidal-turbine-prototype.html",
        "wage-support-scheme-shuttered-firms.md", "wire-feed.jsonl#2"}


def test_match_any_and_required_words(sample):
    strike = {REAL_ARTICLE, "dockworkers-walk-out-over-night-shift-rota.md",
              "port-strike-deal-after-four-day-stoppage.md",
              "teachers-pay-offer-splits-union.md"}
    assert found(sample, "harbour strike", match="any") == HARBOUR | strike
    assert found(sample, "harbour +strike", match="any") == strike
    assert found(sample, "harbour +strike") == found(sample, "harbour strike") == strike - {
        REAL_ARTICLE}


def test_plain_queries_read_syntax_as_words(sample):
    assert found(sample, "what is lift?", plain=True) == {"achterberg-breaks-national-record.md"}
    assert found(sample, '"lake (tamsin', plain=True) == LAKE | {
        "carrow-valley-recycling-plant-fire.md", "storm-idris-gales-northmere-coast.md"}


def test_the_empty_query_finds_everything(sample):
    assert sample.search("").total == 35
    assert len(found(sample)) == 35


def test_the_same_hits_as_the_whoosh_engine(sample, sample_index):
    """Every query above, and filtered ones, against the default engine's answers."""
    for query, options in [("harbour", {}), ("lake OR ferry", {}), ("sanct* -putin", {}),
                           ("harbour", {"people": ["Marcus Oduya-Bell"]}),
                           ("", {"topics": ["sport"], "since": "2023"}),
                           ("council", {"match": "any", "sources": ["Meridian Daily"]}),
                           ('"harbour board"~3 OR ferry', {})]:
        assert found(sample, query, **options) == found(sample_index, query, **options), query


# ------------------------------------------------------------------- filters and facets

def test_filters(sample):
    assert found(sample, "harbour", people=["Marcus Oduya-Bell"]) == {
        "port-ellery-affordable-homes-pledge.txt", "port-ellery-ceasefire-talks.html", TRAM,
        "port-strike-deal-after-four-day-stoppage.md", "wire-feed.jsonl#5"}
    assert found(sample, topics=["sport"], since="2023") == {
        "achterberg-breaks-national-record.md", "achterberg-olympic-squad.md"}
    assert len(found(sample, people=["henrik astrom"])) == 4
    assert found(sample, people=["Åström"]) == ASTROM
    assert found(sample, sources=["THE MOSCOW TIMES"]) == {REAL_ARTICLE}
    assert found(sample, people=["Nobody Known"]) == set()
    assert len(found(sample, since="2021", until="2021")) == 5
    assert len(found(sample, since="2021-12-31", until="2021-12-31")) == 2


def test_facets_of_the_whole_corpus(sample):
    facets = sample.facets(limit=None)
    people = counts(facets["person"])
    assert len(people) == 56  # "Coach Brandt" alone stays "Brandt": no join across articles
    assert {k: v for k, v in people.items() if v > 1} == {
        "Marcus Oduya-Bell": 7, "Ingrid Solberg-Vance": 6, "Lucía de la Fuente": 5,
        "Nadia Kowalczyk": 5, "Abdel Karim Haddad": 4, "Henrik Åström": 4,
        "Mireille Dufresne": 3, "Rowan Tully": 3, "Sydney Achterberg": 3,
        "Vivienne Saltmarsh": 3, "Delphine Harrow": 2, "Gideon Rusk": 2, "Kofi Amankwah": 2,
        "Liam Dorsey": 2, "Ravi Lindahl": 2, "Rupert Halloway": 2, "Stefan Brandt": 2}
    assert counts(facets["source"]) == {
        "harbourledger.example": 4, "northbaytribune.example": 4, "valleycourier.example": 4,
        "Coastline Public Radio": 3, "Meridian Daily": 3, "Northwind Press Agency": 3,
        "The Northmere Gazette": 3, "Tidewater Newswire": 3, "The Civic Observer": 2,
        "The Moscow Times": 1}
    assert [(v.value, v.count) for v in facets["date"]] == [
        ("2019", 6), ("2020", 5), ("2021", 5), ("2022", 6), ("2023", 6), ("2024", 6), (None, 1)]


def test_facets_equal_the_whoosh_engines(sample, sample_index):
    for options in [{}, {"people": ["Marcus Oduya-Bell", "Ingrid Solberg-Vance"]},
                    {"topics": ["sport"]}, {"since": "2020", "until": "2022-06"}]:
        for granularity in ("year", "month", "day"):
            ours = sample.search("", facets=["person", "topic", "source", "author", "date"],
                                 facet_limit=None, date_facet=granularity, **options)
            theirs = sample_index.search("", facets=["person", "topic", "source", "author",
                                                     "date"],
                                         facet_limit=None, date_facet=granularity, **options)
            assert ours.total == theirs.total
            assert {k: counts(v) for k, v in ours.facets.items()} == \
                {k: counts(v) for k, v in theirs.facets.items()}


def test_multi_select_facets_ignore_their_own_selection(sample):
    everything = counts(sample.facets(["person"], limit=None)["person"])
    two = sample.search(people=["Marcus Oduya-Bell", "Ingrid Solberg-Vance"], facet_limit=None)
    assert two.total == 12
    assert counts(two.facets["person"]) == everything
    assert {v.value for v in two.facets["person"] if v.selected} == {
        "Marcus Oduya-Bell", "Ingrid Solberg-Vance"}
    assert [(v.value, v.count) for v in two.facets["date"]] == [
        ("2019", 2), ("2020", 1), ("2021", 2), ("2022", 2), ("2023", 2), ("2024", 3)]
    across = sample.search(people=["Marcus Oduya-Bell"], sources=["harbourledger.example"],
                           facet_limit=None)
    assert across.total == 2
    assert counts(across.facets["source"]) == {"harbourledger.example": 2,
                                               "Northwind Press Agency": 1,
                                               "The Civic Observer": 1,
                                               "northbaytribune.example": 1}
    assert counts(across.facets["person"])["Ingrid Solberg-Vance"] == 2


def test_date_facet_by_month_and_day(sample):
    months = sample.facets(["date"], date_facet="month")["date"]
    assert len(months) == 31
    assert counts(months)["2021-12"] == 2 and counts(months)["2020-04"] == 2
    days = sample.search(since="2021-12-31", until="2022-05-03", facets=["date"],
                         date_facet="day").facets["date"]
    assert [(v.value, v.count) for v in days] == [
        ("2021-12-31", 2), ("2022-03-15", 1), ("2022-05-03", 2)]


def test_facets_of_hand_made_articles(harbour):
    results = harbour.search("", facets=["person", "topic", "source", "author", "date"],
                             facet_limit=None, date_facet="day")
    assert results.total == 8
    assert counts(results.facets["person"]) == {"Orla Fenwick": 3, "Tobias Wren": 2}
    assert counts(results.facets["topic"]) == {"transport": 3, "politics": 1, "economy": 2,
                                               "sport": 1, "education": 1, "labour": 1,
                                               "environment": 1}
    assert counts(results.facets["source"]) == {"Gull Post": 4, "Cape Herald": 3}
    assert counts(results.facets["author"]) == {"Ines Marr": 2}
    assert counts(results.facets["date"]) == {"2022-03-01": 2, "2021-11-20": 1,
                                              "2023-06-05": 3, "2020-01-15": 1, None: 1}
    chosen = harbour.search("", people=["Orla Fenwick"], topics=["economy", "transport"],
                            facet_limit=None)
    assert {h.id for h in chosen.hits} == {"art-a", "art-h"}
    assert counts(chosen.facets["topic"]) == {"transport": 1, "politics": 1, "economy": 1}
    assert counts(chosen.facets["person"]) == {"Orla Fenwick": 2, "Tobias Wren": 1}


# ------------------------------------------------------------------- paging and sorting

def test_paging_has_no_gap_and_no_duplicate(sample):
    pages = [sample.search("harbour", per_page=4, page=n) for n in (1, 2, 3, 4)]
    assert [len(p.hits) for p in pages] == [4, 4, 3, 0]
    assert {p.total for p in pages} == {11} and pages[0].pages == 3
    ids = [h.id for p in pages for h in p.hits]
    assert len(ids) == len(set(ids)) == 11
    assert ids == [h.id for h in sample.search("harbour", per_page=20).hits]
    by_date = [h.id for n in (1, 2, 3, 4) for h in sample.search(sort="date", per_page=10,
                                                                  page=n).hits]
    assert by_date == [h.id for h in sample.search(sort="date", per_page=50).hits]
    assert len(set(by_date)) == 35


def test_sort_by_date_newest_first_ties_by_id_undated_last(harbour):
    results = harbour.search("", sort="date", per_page=20)
    assert [h.id for h in results.hits] == ["art-d", "art-e", "art-h", "art-a", "art-b",
                                            "art-c", "art-f", "art-g"]
    assert all(h.score is None for h in results.hits)
    ferry = harbour.search("ferry", sort="date", per_page=20)
    assert [h.id for h in ferry.hits] == ["art-e", "art-a", "art-g"]


def test_sort_by_date_on_sample_docs(sample):
    results = sample.search(sort="date", per_page=100)
    dates = [h.published for h in results.hits]
    assert dates[-1] is None
    keys = [(utc_naive(h.published), h.id) for h in results.hits[:-1]]
    by_id = sorted(keys, key=lambda k: k[1])
    assert keys == sorted(by_id, key=lambda k: k[0], reverse=True)  # stable: ties by id
    assert results.hits[0].path == "wire-feed.jsonl#6"


def test_a_word_repeated_in_the_query_weighs_more(fresh):
    """Query term frequency: a word typed twice counts twice (as BM25's qtf and
    Lucene's repeated clauses), so the article with more of it comes first."""
    fresh.add([docsearch.Article(id="ferries", title="Notes", body="ferry ferry ferry harbour"),
               docsearch.Article(id="harbours", title="Notes",
                                 body="harbour harbour harbour ferry")], extract=False)
    plain = {"match": "any", "facets": (), "ranking": docsearch.Ranking(proximity=0)}
    assert [h.id for h in fresh.search("ferry harbour harbour", **plain).hits] == \
        ["harbours", "ferries"]
    assert [h.id for h in fresh.search("ferry ferry harbour", **plain).hits] == \
        ["ferries", "harbours"]
    assert [h.id for h in fresh.search("harbour ferry harbour", **dict(plain, match="all"))
            .hits] == ["harbours", "ferries"]


def test_a_word_scores_with_lucenes_idf(fresh):
    """BM25's idf is Lucene's, ln(1 + (N - df + 0.5) / (df + 0.5)): a word in every
    article weighs almost nothing (Whoosh's ln(N / (df + 1)) + 1 never falls below 1)."""
    import math
    fresh.add([docsearch.Article(id=f"a{n}", title="Notes", body=f"harbour {word}")
               for n, word in enumerate(["ferry", "tram", "bus"])], extract=False)
    plain = {"match": "any", "facets": (), "ranking": docsearch.Ranking(proximity=0)}
    # Equal lengths: BM25's term part is tf (k1 + 1) / (tf + k1) = 1, so a score is its idf.
    assert [h.score for h in fresh.search("harbour", **plain).hits] == \
        pytest.approx([math.log(1 + 0.5 / 3.5)] * 3)
    assert fresh.search("ferry", **plain).hits[0].score == pytest.approx(math.log(1 + 2.5 / 1.5))


def test_relevance_hits_are_whole_and_scored(harbour):
    results = harbour.search("harbour board", per_page=20)
    assert {h.id for h in results.hits} == {"art-a", "art-b", "art-e"}
    assert all(h.score is not None and h.score > 0 for h in results.hits)
    assert results.hits[0].id == "art-b"  # both words in the title and the body


def test_a_strong_recency_boost_puts_the_newest_match_first(harbour):
    # "ferry" finds art-a (2022-03-01), art-e (2023-06-05) and the undated art-g.
    plain = harbour.search("ferry", per_page=20)
    assert {h.id for h in plain.hits} == {"art-a", "art-e", "art-g"}
    fresh = harbour.search("ferry", per_page=20,
                           ranking=docsearch.Ranking(recency_days=1, recency_weight=1000))
    assert fresh.hits[0].id == "art-e"
    assert {h.id for h in fresh.hits} == {"art-a", "art-e", "art-g"}
    # The reference is the search's --until when given: art-a is then the newest.
    before = harbour.search("ferry", until="2022-12-31", per_page=20,
                            ranking=docsearch.Ranking(recency_days=1, recency_weight=1000))
    assert [h.id for h in before.hits] == ["art-a"]


WORDS = ["harbour", "lake", "ferry", "night", "council", "strike", "tram", "turbine", "swim",
         "tamsin", "board", "fire", "putin", "school", "rail", "wage", "record", "storm"]
_word = st.sampled_from(WORDS)
_leaf = st.one_of(
    _word,
    _word.map(lambda w: f"title:{w}"),
    _word.map(lambda w: f"{w[:3]}*"),
    _word.map(lambda w: f"{w[:-1]}x~"),
    st.tuples(_word, _word, st.sampled_from(["", "~2", "~3"])).map(
        lambda t: f'"{t[0]} {t[1]}"{t[2]}'),
    st.sampled_from(["topic:sport", "date:2021", "date:[2019 to 2020-06]", "person:putin"]),
)
_query = st.recursive(
    _leaf,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from([" ", " OR ", " AND ", " -", " NOT "]), inner).map(
            "".join),
        inner.map(lambda q: f"({q})")),
    max_leaves=5)


@settings(max_examples=60, deadline=None)
@given(query=_query, match=st.sampled_from(["all", "any"]))
def test_random_queries_find_what_the_whoosh_engine_finds(sample, sample_index, query, match):
    """Every engine finds what the Whoosh engine finds (negations among alternatives
    included, since the Whoosh engine compiles ``AndNot`` as ``And(a, Not(b))``)."""
    assert found(sample, query, match=match) == found(sample_index, query, match=match)
