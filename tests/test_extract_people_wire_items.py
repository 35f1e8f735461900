"""People extraction (issue 17, brief Z38): short wire items that name people with little
cue: a surname whose apostrophe a feed spaced off ("O 'Hare"), and a name whose own
pronoun follows it in its sentence ("X Y rode ... her"). Every sentence here is written
for these tests."""

from __future__ import annotations

import attrs
import pytest

from docsearch import extract_people
from docsearch.extract import span_model
from docsearch.extract.people import FoundPeople, find_people
from docsearch.extract.prepare import _joined_apostrophes


@pytest.mark.parametrize("body, people", [
    ("Declan O 'Farrell acknowledged he had never run a port before.", ["Declan O'Farrell"]),
    ("By Maeve O 'Dwyer, AP.", ["Maeve O'Dwyer"]),
    ("Renaud D 'Arvillers signed the treaty for the town.", ["Renaud D'Arvillers"]),
])
def test_apostrophe_spaced_off_after_o_or_d(body, people):
    assert extract_people("", body) == people


def test_a_quote_after_a_capital_letter_stays_a_quote():
    body = "Plan B 'Harvest' failed, the ministry said."
    assert extract_people("", body) == []


@pytest.mark.parametrize("text, read", [
    ("Plan D 'Harvest' failed", "Plan D 'Harvest' failed"),  # quoted: the quote closes it
    ("Ciaran O 'Hare 's goal", "Ciaran  O'Hare 's goal"),
    ("Giscard d 'Estaing spoke", "Giscard  d'Estaing spoke"),
    ("ABO 'Kelly", "ABO 'Kelly"),  # no lone capital
])
def test_spaced_apostrophe_joined_keeping_length(text, read):
    assert _joined_apostrophes(text) == read


def test_headline_apostrophe_spaced_off():
    # The headline's lone name is the whole surname, not "Farrell".
    assert find_people("O 'Farrell takes the port job", "") == FoundPeople((), ("O'Farrell",))


@pytest.mark.parametrize("body, people", [
    # The subject's own pronoun follows it in its sentence: a person, with no other cue.
    ("Kestrin Morrow shot a 4-under 68 on Sunday for his second title of the year.",
     ["Kestrin Morrow"]),
    ("Pelham Ostrow stumbled her way into the final and won it.", ["Pelham Ostrow"]),
    ("LISBON - Quill Dunmore appears to have freed himself of his old injury.",
     ["Quill Dunmore"]),
])
def test_subject_followed_by_its_own_pronoun(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body", [
    # "it", "its", "they", "their" first: a firm or a team.
    "Harrow Vantage posted its results and its chief said he was pleased.",
    # another name comes before the pronoun: whose it is is not known.
    "Pelham Ostrow hired Kestrin Morrow as his deputy.",
    # "her" as an object is someone else; a quotation's pronoun is the speaker's.
    "Quill Dunmore signed her to a new contract.",
    # a team's shape, a place's: no person even with the pronoun.
    "The Denver Nuggets beat Ohio, and the coach said his side was tired.",
    # no verb after the name.
    "Kestrin Morrow and the caddie lost his bag.",
])
def test_no_own_pronoun_no_person(body):
    with span_model.using(None):  # the rule alone (the span model may still decide)
        assert extract_people("", body) == []


def test_the_span_model_decides_what_the_pronoun_rule_leaves():
    """The shipped span model, switched on (whether it ships on follows its
    leave-one-set-out verdict), takes the person hired as a deputy, whom the pronoun rule
    leaves undecided."""
    shipped = span_model.shipped_model()
    assert shipped is not None
    with span_model.using(attrs.evolve(shipped, enabled=True)):
        assert extract_people("", "Pelham Ostrow hired Kestrin Morrow as his deputy.") == [
            "Kestrin Morrow"]


def test_no_own_pronoun_rule_for_initials():
    body = "Talks on the next Korea-U.S. Textile pact begin in May, he said."
    assert extract_people("", body) == []
