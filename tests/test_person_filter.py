"""What a typed filter value stands for: a surname shared by several people (the
dominant one, else an ambiguity error), a misspelt person (a suggestion, no
crash) and a topic by a unique prefix of its name (docsearch.search.facets)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import docsearch
from docsearch import Article
from docsearch.cli import cli

PEOPLE = {"Orla Penrose": 9, "Tobias Penrose": 1,       # 90%: the surname is Orla's
          "Ines Carrow": 5, "Mateo Carrow": 4,          # 5 to 4: nobody's
          "Ada Lund": 3, "Bo Lund": 2, "Cy Lund": 2, "Di Lund": 1, "Ed Lund": 1, "Flo Lund": 1}
CARROW = "person 'Carrow' is ambiguous: Ines Carrow (5), Mateo Carrow (4); give the full name"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> docsearch.Index:
    """An index whose people share surnames, and whose topics share a first word."""
    articles = [Article(id=f"{name.split()[0].lower()}-{n}", title=f"Harbour note {n}",
                        body="The ferry sailed on time.", people=[name], topics=["harbour"])
                for name, count in PEOPLE.items() for n in range(count)]
    articles += [Article(id="port", title="Port", body="Quiet day.", topics=["port"]),
                 Article(id="port-sec", title="Port", body="Quiet day.",
                         topics=["port security"])]
    ix = docsearch.open(tmp_path_factory.mktemp("shared") / "index", create=True)
    ix.add(articles)
    yield ix
    ix.close()


def selected(results: docsearch.SearchResults) -> list[tuple[str | None, int]]:
    return [(v.value, v.count) for v in results.facets["person"] if v.selected]


# ------------------------------------------------------------- shared surnames

def test_a_surname_means_the_person_holding_most_of_its_articles(shared):
    for results in (shared.search(people=["Penrose"]), shared.search(people=["penrose"]),
                    shared.search("person:Penrose")):
        assert results.total == 9
    assert selected(shared.search(people=["Penrose"])) == [("Orla Penrose", 9)]
    assert shared.search(people=["Tobias Penrose"]).total == 1


def test_a_shared_surname_without_a_dominant_person_is_an_error(shared):
    for call in (lambda: shared.search(people=["Carrow"]),
                 lambda: shared.search("person:Carrow"),
                 lambda: shared.facets(["person"], people=["carrow"])):
        with pytest.raises(docsearch.AmbiguousPersonError) as caught:
            call()
        assert isinstance(caught.value, docsearch.QueryError)
        assert caught.value.candidates == (("Ines Carrow", 5), ("Mateo Carrow", 4))
    assert str(caught.value) == CARROW.replace("'Carrow'", "'carrow'")
    assert caught.value.name == "carrow"
    assert shared.search(people=["Mateo Carrow"]).total == 4


def test_a_long_list_of_candidates_is_cut_after_five(shared):
    with pytest.raises(docsearch.AmbiguousPersonError) as caught:
        shared.search(people=["Lund"])
    assert str(caught.value) == (
        "person 'Lund' is ambiguous: Ada Lund (3), Bo Lund (2), Cy Lund (2), Di Lund (1), "
        "Ed Lund (1) and 1 more; give the full name")
    assert len(caught.value.candidates) == 6


def test_the_cli_says_an_ambiguous_surname_in_one_line_and_exits_2(shared):
    for args in (["search", "--person", "Carrow"], ["search", "person:Carrow"]):
        result = CliRunner().invoke(cli, [*args, "--index", str(shared.path)])
        assert result.exit_code == 2, result.output
        assert result.output == f"Error: {CARROW}\n"


# ------------------------------------------------------------- misspelt people

def test_a_misspelt_person_finds_nothing_and_suggests_the_name(sample_index):
    results = sample_index.search(people=["Puttin"])
    assert (results.total, results.filter_suggestions) == (0, {"person": ("Vladimir Putin",)})
    assert sample_index.search(people=["Vladimir Putin"]).filter_suggestions == {}
    assert sample_index.search(people=["Zzyzx Qwerty"]).filter_suggestions == {}
    in_query = sample_index.search("person:Puttin")
    assert (in_query.total, in_query.suggestion, in_query.filter_suggestions) == \
        (0, 'person:"Vladimir Putin"', {})


def test_every_filter_value_the_index_does_not_know_gets_suggestions(sample_index):
    results = sample_index.search(people=["Puttin", "Joe Biden", "Jen Psakki"],
                                  topics=["sprot", "health"], sources=["The Moscow Tims"])
    assert results.filter_suggestions == {"person": ("Vladimir Putin", "Jen Psaki"),
                                          "topic": ("sport",), "source": ("The Moscow Times",)}
    assert sample_index.search(people=["Puttin", "Joe Biden"]).total == 1


def test_the_cli_prints_the_suggested_person(sample_index):
    index = str(sample_index.path)
    result = CliRunner().invoke(cli, ["search", "--person", "Puttin", "--index", index],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "No results for all articles · person: Puttin.",
        'Did you mean --person "Vladimir Putin"?']
    result = CliRunner().invoke(cli, ["search", "--person", "Puttin", "--json", "--index", index])
    data = json.loads(result.output)
    assert (data["total"], data["filter_suggestions"]) == (0, {"person": ["Vladimir Putin"]})


# ------------------------------------------------------------- topic prefixes

def test_a_topic_is_found_by_a_unique_prefix_of_its_name(sample_index):
    for results in (sample_index.search(topics=["disaster"]),
                    sample_index.search(topics=["Disaster, acc"])):
        assert results.total == 3
        assert [v.value for v in results.facets["topic"] if v.selected] == \
            ["disaster, accident and emergency incident"]
    assert sample_index.search("topic:disaster").total == 3


def test_an_exact_topic_name_wins_over_longer_ones(shared):
    assert [h.id for h in shared.search(topics=["port"]).hits] == ["port"]
    assert [h.id for h in shared.search(topics=["port s"]).hits] == ["port-sec"]


def test_an_ambiguous_topic_prefix_is_an_error(sample_index):
    message = ("topic 'e' is ambiguous: 'economy, business and finance', 'education', "
               "'environment'; type more of the name")
    for call in (lambda: sample_index.search(topics=["e"]),
                 lambda: sample_index.search("topic:e")):
        with pytest.raises(docsearch.QueryError) as caught:
            call()
        assert str(caught.value) == message


def test_sources_and_authors_are_not_matched_by_prefix(sample_index):
    assert sample_index.search(sources=["The Moscow Times"]).total == 1
    assert sample_index.search(sources=["The Moscow"]).total == 0


def test_the_people_follow_the_index_even_when_a_new_column_reuses_an_old_id(tmp_index,
                                                                              monkeypatch):
    import docsearch.search as search

    # Every object under one id: what CPython does when a freed column's memory is reused.
    monkeypatch.setattr(search, "id", lambda obj: 1, raising=False)
    tmp_index.add(Article(id="h", title="VOLCKER SEES NO QUICK FIX", people=["Nina Okafor"]))
    assert tmp_index.search(people=["Volcker"]).total == 0
    tmp_index.add(Article(id="f", title="Fed", body="Chairman Paul Volcker spoke.",
                          people=["Paul Volcker"]))
    assert tmp_index.search(people=["Volcker"]).total == 1


# ------------------------------------------- a bare surname beside full names

@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> docsearch.Index:
    """Articles that name a person by surname alone stay under the bare surname (no
    evidence joins them to a full name): "Penrose" beside "Orla Penrose"."""
    people = {"Orla Penrose": 9, "Tobias Penrose": 1, "Penrose": 4,
              "Ines Carrow": 5, "Mateo Carrow": 4, "Carrow": 2}
    articles = [Article(id=f"{name.replace(' ', '-').lower()}-{n}", title=f"Pier note {n}",
                        body="The pier opened.", people=[name])
                for name, count in people.items() for n in range(count)]
    ix = docsearch.open(tmp_path_factory.mktemp("bare") / "index", create=True)
    ix.add(articles, extract=False)
    yield ix
    ix.close()


def test_a_bare_surname_the_index_holds_is_that_value(bare):
    # A facet value is always selectable as shown and finds what the facet counts,
    # even when a full name ending in it dominates the surname.
    for results in (bare.search(people=["Penrose"]), bare.search("person:penrose")):
        assert results.total == 4
    assert selected(bare.search(people=["Penrose"])) == [("Penrose", 4)]
    assert selected(bare.search(people=["Carrow"])) == [("Carrow", 2)]
    assert bare.search(people=["Orla Penrose"]).total == 9
