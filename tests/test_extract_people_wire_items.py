"""People extraction (issue 17, brief Z38): short wire items that name people with little
cue: a surname whose apostrophe a feed spaced off ("O 'Hare"), and a name whose own
pronoun follows it in its sentence ("X Y rode ... her"). Every sentence here is written
for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people
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

