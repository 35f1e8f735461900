"""People extraction (issue 17, brief Z56): well-known full names with no cue in short
items: a name in capitals inside a mixed-case sentence that opens with an honorific or a
known first name ("SIR X Y was pelted ..."), and a hyphenated given name whose every part
is a listed first name ("Ulf-Bertil X"). Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people
from docsearch.extract.headlines import _names_in_capitals
from docsearch.extract.lexicon import _lexicon


@pytest.mark.parametrize("body, people", [
    ("SIR GARETH PELLINGHAM was jeered by his own fans at the ground last night.",
     ["Gareth Pellingham"]),
    ("Last night DAME MURIEL TORRANCE said the theatre would close.", ["Muriel Torrance"]),
    ("MARTIN HOLLOWAY was booed off the stage in Leeds on Friday.", ["Martin Holloway"]),
])
def test_name_in_capitals_in_a_mixed_case_sentence(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body", [
    "The US OPEN starts in New York on Monday, organisers said.",
    "Viewers of BBC NEWS saw the report on Tuesday evening.",
    "GENERAL MOTORS said sales rose four percent in the quarter.",
    "Shares of ROLLS-ROYCE rose after the order was announced.",
    # capitals all through: a headline's or a table's case, not a name's.
    "SIR GARETH PELLINGHAM WAS JEERED BY HIS OWN FANS.",
])
def test_capitals_that_are_no_name_stay_no_person(body):
    assert extract_people("", body) == []


@pytest.mark.parametrize("text, read", [
    ("SIR GARETH PELLINGHAM was jeered", "Sir Gareth Pellingham was jeered"),
    ("fans of MARTIN O'HALLORAN said", "fans of Martin O'Halloran said"),
    ("the US OPEN starts", "the US OPEN starts"),  # no honorific, no first name
    ("WASHINGTON (AP) - Prices rose", "WASHINGTON (AP) - Prices rose"),
    ("MARTIN HOLLOWAY WAS BOOED", "MARTIN HOLLOWAY WAS BOOED"),  # no mixed case beside it
    # a table's heading after a lower-case word: a name's run goes on in lower case.
    ("BASIS MPLS may WINTER WHEAT\n\nMPLS ORD", "BASIS MPLS may WINTER WHEAT\n\nMPLS ORD"),
])
def test_names_in_capitals_written_in_a_names_case_keeping_length(text, read):
    assert _names_in_capitals(text, _lexicon()) == read


@pytest.mark.parametrize("body, people", [
    ("The squad will be available to Ulf-Bertil Smedvik on Saturday.", ["Ulf-Bertil Smedvik"]),
    ("Of the options open to Nils-Erik Brandvold on Sunday, one stood out.",
     ["Nils-Erik Brandvold"]),
])
def test_hyphenated_given_name_of_listed_first_names(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body", [
    "Orders for Hewlett-Packard printers rose in the quarter.",
    "Sales of Procter & Gamble soap and Coca-Cola drinks rose.",
    "He drove a Mercedes-Benz Sprinter to the depot on Monday.",
])
def test_hyphenated_firms_stay_no_person(body):
    assert extract_people("", body) == []


def test_hyphenated_firm_beside_its_parent_stays_no_person():
    """"Marcus" and "Clayton" are first names, but the article names a firm with the
    name's last word ("Tolland Furniture Inc"): a subsidiary's name."""
    body = "Tolland Furniture Inc's Clayton-Marcus Furniture unit bought a rival mill."
    assert extract_people("", body) == []


def test_hyphenated_ranks_are_no_given_name():
    body = "The remarks of Major-General Tirtosudiro last week were quoted widely."
    assert extract_people("", body) == []
