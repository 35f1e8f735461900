"""People extraction (issue 17, brief Z42): a family name alone, in no list of family
names, in a short item that gives no fuller name: the subject of its sentence that its own
pronoun follows ("X made his debut"), or a headline's name listed with a person of the
article ("Y, X advance"). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people
from docsearch.extract.people import find_people


@pytest.mark.parametrize("body, people", [
    ("Drovnik was picked in the second round and made his debut in May. Drovnik is 22.",
     ["Drovnik"]),
    ("Talvesque scored twice in the final and dedicated the win to her mother. The crowd "
     "cheered Talvesque.", ["Talvesque"]),
    ("Both sides have hope. Drovnik should gain from his first start at home. Drovnik "
     "trained all week.", ["Drovnik"]),
])
def test_surname_alone_with_its_own_pronoun(body, people):
    assert extract_people("", body) == people


def test_surname_alone_written_once_needs_a_list_of_family_names():
    # A word first in its sentence has a capital whatever it is: written once, with no
    # headline, a word in no list of family names is not taken.
    body = "Drovnik was picked in the second round and made his debut in May."
    assert extract_people("", body) == []


@pytest.mark.parametrize("body", [
    # the speaker's pronoun; a firm's "its"; a verb's form; a place's plural
    "Velbrant broke even last year and needed no new funding, he said. Velbrant is old.",
    "Velbrant cut its forecast and the chairman said he was pleased. Velbrant is old.",
    "Reframing his argument, the minister spoke for an hour. Reframing took a week.",
    "Norways best skier said he would race again. Norways slopes were icy.",
])
def test_no_surname_alone_without_a_persons_pronoun(body):
    assert extract_people("", body) == []


def test_headline_surname_alone_by_its_pronoun_in_the_body():
    found = find_people("Drovnik out for a month",
                        "Drovnik hurt his knee in training on Monday.")
    assert found.people == ("Drovnik",)


def test_headline_name_listed_with_a_person_of_the_article():
    found = find_people("Halvorsen, Trembecki advance to semifinals",
                        "Jonas Halvorsen beat the top seed 6-3, 6-4 on Tuesday.")
    assert set(found.people) == {"Jonas Halvorsen", "Trembecki"}


@pytest.mark.parametrize("title", [
    "HALVORSEN, TREMBECKI ADVANCE",                   # capitals: the case is ours
    "Halvorsen and Trembecki Trade Barbs in Oslo",   # "Trembecki Trade Barbs" is one run
])
def test_no_list_with_a_person(title):
    found = find_people(title, "Jonas Halvorsen beat the top seed 6-3, 6-4 on Tuesday.")
    assert "Trembecki" not in found.people and "Barbs" not in found.people


def test_headline_list_without_a_person_gives_none():
    found = find_people("Kestrevo, Drummock sign supply deal",
                        "The two groups will share a plant near the coast.")
    assert found.people == ()
