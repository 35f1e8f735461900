"""Person profiles (``Index.person``, ``docsearch person``): exact numbers on a small
index of articles written for these tests."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from click.testing import CliRunner

import docsearch
from docsearch.cli import cli

QUILL, BRENNER, UBI, LINDQVIST, OKAFOR, ADA = (
    "Orla Quill", "Tomas Brenner", "Ubi Quitous", "Mara Lindqvist", "Pell Okafor", "Ada Quill")

#: (id, date, people, topics, source): Orla Quill is in a1-a4 of ten articles.
ROWS = [
    ("a1", "2020-01-05", [QUILL, BRENNER, UBI], ["politics"], "Gazette"),
    ("a2", "2020-01-20", [QUILL, BRENNER, OKAFOR], ["politics"], "Gazette"),
    ("a3", "2020-03-02", [QUILL, UBI], ["economy, business and finance"], "Herald"),
    ("a4", "2021-07-15", [QUILL, LINDQVIST], ["politics"], None),
    ("a5", "2021-08-01", [LINDQVIST, UBI], ["health"], "Herald"),
    ("a6", "2021-09-01", [UBI], ["health"], "Herald"),
    ("a7", "2022-01-01", [UBI], ["sport"], "Herald"),
    ("a8", "2022-02-01", [UBI], ["sport"], "Herald"),
    ("a9", "2022-03-01", [UBI, ADA], ["sport"], "Herald"),
    ("a10", None, [UBI, ADA], ["sport"], "Herald"),
]


@pytest.fixture(scope="module")
def people_index(tmp_path_factory):
    path = tmp_path_factory.mktemp("people") / "index"
    ix = docsearch.open(path, create=True)
    ix.add([docsearch.Article(id=i, title=f"Story {i}", body=f"Council news item {i}.",
                              published=day, people=people, topics=topics, source=source)
            for i, day, people, topics, source in ROWS], extract=False)
    yield ix
    ix.close()


def test_profile_numbers_are_exact(people_index):
    profile = people_index.person(QUILL, latest=2)
    assert profile.name == QUILL
    assert profile.articles == 4
    assert (profile.first_mention, profile.last_mention) == (dt.date(2020, 1, 5),
                                                              dt.date(2021, 7, 15))
    assert [(m.value, m.count) for m in profile.months] == [
        ("2020-01", 2), ("2020-03", 1), ("2021-07", 1)]
    assert [(t.value, t.count) for t in profile.topics] == [
        ("politics", 3), ("economy, business and finance", 1)]
    assert [(s.value, s.count) for s in profile.sources] == [("Gazette", 2), ("Herald", 1)]
    assert [h.id for h in profile.latest] == ["a4", "a3"]


def test_co_mentions_ranked_by_count_times_log_lift(people_index):
    # lift = (together / 4) / (articles of B / 10): Brenner 2.5 (2 together), Okafor
    # 2.5 (1), Lindqvist 1.25 (1); Ubi Quitous is in 8 of 10 articles, 2 of Quill's:
    # lift 0.625, left out although mentioned with her as often as Brenner.
    people = people_index.person(QUILL).people
    assert [(p.name, p.count, p.lift) for p in people] == [
        (BRENNER, 2, 2.5), (OKAFOR, 1, 2.5), (LINDQVIST, 1, 1.25)]
    assert people[0].score == pytest.approx(2 * math.log(2.5))
    assert people[0].to_dict() == {"name": BRENNER, "count": 2, "lift": 2.5}


def test_months_are_the_date_facet_by_month_with_the_person_filter(people_index):
    for name in (QUILL, UBI, LINDQVIST):
        expected = people_index.facets(["date"], date_facet="month", people=[name])["date"]
        assert people_index.person(name).months == expected
    months = people_index.person(UBI).months
    assert (months[-1].value, months[-1].count) == (None, 1)  # a10 has no date


def test_limit_caps_people_topics_and_sources(people_index):
    profile = people_index.person(QUILL, limit=1, latest=0)
    assert [p.name for p in profile.people] == [BRENNER]
    assert [t.value for t in profile.topics] == ["politics"]
    assert [s.value for s in profile.sources] == ["Gazette"]
    assert profile.latest == ()


def test_surname_resolves_as_the_person_filter_does(people_index):
    assert people_index.person("Brenner").name == BRENNER
    assert people_index.person("brenner").articles == 2


def test_ambiguous_surname_raises_with_candidates(people_index):
    with pytest.raises(docsearch.AmbiguousPersonError) as caught:
        people_index.person("Quill")
    assert caught.value.candidates == ((QUILL, 4), (ADA, 2))


def test_unknown_name_raises_with_suggestions(people_index):
    with pytest.raises(docsearch.PersonNotFoundError) as caught:
        people_index.person("Orla Quil")
    assert caught.value.suggestions == (QUILL,)
    assert str(caught.value) == "no person 'Orla Quil' in the index (did you mean: Orla Quill?)"
    with pytest.raises(docsearch.PersonNotFoundError, match="^no person 'Zzyzx' in the index$"):
        people_index.person("Zzyzx")
    with pytest.raises(docsearch.PersonNotFoundError):
        people_index.person("  ")


def test_to_dict_is_the_json_shape(people_index):
    data = people_index.person(QUILL, latest=1).to_dict()
    assert list(data) == ["name", "articles", "first_mention", "last_mention", "months",
                          "people", "topics", "sources", "latest"]
    assert data["first_mention"] == "2020-01-05"
    assert data["months"][0] == {"value": "2020-01", "count": 2, "selected": False}
    assert [h["id"] for h in data["latest"]] == ["a4"]


def test_cli_person_json_is_to_dict(people_index):
    result = CliRunner().invoke(cli, ["person", QUILL, "--json", "--index",
                                      str(people_index.path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == people_index.person(QUILL).to_dict()


def test_cli_person_text(people_index):
    result = CliRunner().invoke(cli, ["person", "Brenner", "--index", str(people_index.path)],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Tomas Brenner: 2 articles, 2020-01-05 to 2020-01-20"
    assert lines[6:8] == ["  Orla Quill     2  2.50×", "  Pell Okafor    1  5.00×"]


@pytest.mark.parametrize(("name", "message"), [
    ("Quill", "Error: person 'Quill' is ambiguous: Orla Quill (4), Ada Quill (2); "
              "give the full name"),
    ("Orla Quil", "Error: no person 'Orla Quil' in the index (did you mean: Orla Quill?)"),
])
def test_cli_person_errors_are_one_line_exit_2(people_index, name, message):
    result = CliRunner().invoke(cli, ["person", name, "--index", str(people_index.path)])
    assert result.exit_code == 2
    assert result.output.splitlines() == [message]
