"""People extraction (issue 17, brief Z45): UK councillors' and constables' title
abbreviations ("Coun", "Ald", "Cnclr", "Const") and a team's position opening a sentence
("Wing", "Lock") are no part of a name.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize("body, people", [
    ("The plan was approved. Coun Harriet Blakey, the council's leader, said it would go "
     "ahead.", ("Harriet Blakey",)),
    ("The plan was approved. Ald Owen Tresize said it would go ahead.", ("Owen Tresize",)),
    ("The plan was approved. Cnclr Owen Tresize said it would go ahead.", ("Owen Tresize",)),
    ("Police were called. Const Maria Iannou said the road was closed.", ("Maria Iannou",)),
])
def test_uk_title_abbreviations_are_no_part_of_a_name(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body, people", [
    # A team's position opens the sentence before a first name that is also a position
    # word ("Wing"); the story gives the surname alone.
    ("Wing Tobias Penhale scored twice before the break. Penhale's second came from a "
     "chip over the full-back.", ("Tobias Penhale",)),
    # A position word that is no first name.
    ("Lock Tobias Penhale was sent off. The home side finished with 14.", ("Tobias Penhale",)),
])
def test_a_position_opening_a_name_is_no_part_of_it(body, people):
    assert find_people("", body).people == people
