"""More like this: Index.similar and `docsearch similar`, exact hits on sample_docs/."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from docsearch import ArticleNotFoundError, QueryError
from docsearch.cli import cli

# sample_docs/ ids, by file
SQUAD = "1765ac8b876c3fdf"          # achterberg-olympic-squad.md
RECORD = "9906c994e905248f"         # achterberg-breaks-national-record.md
SILVER = "d1c29a7d9167fd29"         # achterberg-silver-continental-games.html
TURBINE = "51ef8b4c22c77eb9"        # tidal-turbine-prototype.html
BRIGHTWATER_PROFIT = "68362647563d1e5c"  # wire-feed.jsonl#6
BATTERY_HUB = "b18dcc234f3c0c70"    # brightwater-grid-offshore-battery-hub.md
ALGAE = "6f4d93a83ec231df"          # lake-tamsin-algae-bloom-arrives-early.md
HEATWAVE = "497956892eef5382"       # heatwave-lake-tamsin-record-low.md
FISH = "npa-20220315-042"           # wire-feed.jsonl#3
FOREST = "f6d6e892755bcb06"         # drowned-forest-lake-tamsin.md


@pytest.mark.parametrize("article, expected", [
    (SQUAD, [SILVER, RECORD]),             # the other two swimming stories
    (RECORD, [SILVER, SQUAD]),
    (TURBINE, [BRIGHTWATER_PROFIT, BATTERY_HUB]),  # the same energy company
    (ALGAE, [FISH, FOREST, HEATWAVE]),     # the other three Lake Tamsin stories
])
def test_the_most_similar_articles_come_first(sample_index, article, expected):
    results = sample_index.similar(article, per_page=len(expected))
    assert [h.id for h in results.hits] == expected
    assert article not in {h.id for h in sample_index.similar(article, per_page=100).hits}


def test_similar_takes_the_search_filters(sample_index):
    results = sample_index.similar(TURBINE, topics=["economy, business and finance"])
    assert [h.id for h in results.hits] == [BRIGHTWATER_PROFIT, BATTERY_HUB,
                                            "npa-20201124-017", "9908000627ea6254"]
    assert results.total == 4
    dated = sample_index.similar(SQUAD, since="2023", per_page=1)
    assert [h.id for h in dated.hits] == [RECORD]
    assert all(h.published.year >= 2023 for h in
               sample_index.similar(SQUAD, since="2023", per_page=50).hits)


def test_similar_counts_leave_the_article_out(sample_index):
    results = sample_index.similar(SQUAD, per_page=100, facets=["topic"])
    assert results.total == len(results.hits) == 24
    assert sum(v.count for v in results.facets["topic"] if v.value == "sport") == 5
    assert results.query == "" and results.suggestion is None


def test_a_unique_id_prefix_is_enough_and_unknown_ids_say_so(sample_index):
    assert [h.id for h in sample_index.similar(SQUAD[:8], per_page=1).hits] == [SILVER]
    with pytest.raises(ArticleNotFoundError, match="^no article with id 'nope'$"):
        sample_index.similar("nope")
    with pytest.raises(QueryError):
        sample_index.similar(SQUAD, per_page=0)


def test_similar_snippets_mark_the_key_terms(sample_index):
    hit = sample_index.similar(SQUAD, per_page=1).hits[0]
    assert "<mark>Achterberg</mark>" in hit.snippet


def test_cli_similar_text_and_json(sample_index):
    path = str(sample_index.path)
    text = CliRunner().invoke(cli, ["similar", SQUAD[:8], "--limit", "1", "--index", path],
                              env={"NO_COLOR": "1"})
    assert text.exit_code == 0
    assert text.output.splitlines()[:3] == [
        f"1-1 of 24 results for articles like {SQUAD[:8]} (page 1 of 24)", "",
        "  1. Achterberg Takes Silver in 200m Butterfly at Continental Games"]
    as_json = CliRunner().invoke(cli, ["similar", SQUAD, "--json", "--limit", "2",
                                       "--topic", "sport", "--index", path])
    data = json.loads(as_json.output)
    assert [h["id"] for h in data["hits"]] == [SILVER, RECORD]
    assert (data["total"], data["query"], data["facets"]) == (5, "", {})
    missing = CliRunner().invoke(cli, ["similar", "nope", "--index", path])
    assert missing.exit_code == 2
    assert missing.output.strip() == "Error: no article with id 'nope'"


def test_key_terms_are_whoosh_expanders_bo1_terms(sample_index):
    """docsearch's Bo1 key terms, from the engine's term statistics, equal those of
    Whoosh's own ``classify.Expander`` on every article of sample_docs/."""
    from whoosh import classify

    from docsearch.search.similar import TITLE_WEIGHT, key_terms

    snapshot = sample_index._engine.snapshot()
    reader = snapshot.searcher.reader()
    compared = 0
    for doc in range(snapshot.size):
        stored = snapshot.stored(doc)
        expander = classify.Expander(reader, "body", model=classify.Bo1Model)
        expander.add_text("\n".join([stored["title"]] * TITLE_WEIGHT + [stored["body"]]))
        expected = [(term, float(weight)) for term, weight in expander.expanded_terms(25)]
        got = key_terms(snapshot, stored)
        assert [t for t, _ in got] == [t for t, _ in expected], stored["id"]
        assert [w for _, w in got] == pytest.approx([w for _, w in expected], rel=1e-12)
        compared += 1
    assert compared == 35
