"""Full names the guards against places and titles used to block (issue 17, brief Z27):
a surname that is also a place's name after a listed first name that is no place ("All-Star
Dorian Houston"), descriptors before a demonym and a name ("Freed Briton Edna Voss"),
and a short word ending in "-er" that is no role word ("Sher Tamang Rai")."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    # A listed first name and a surname that is also a city: a person without a cue.
    ("The return of two-time All-Star Dorian Houston, young guards said, changed it all.",
     ("Dorian Houston",)),
    ("Fans cheered as Marcy Orlando scored twice in the second half.",
     ("Marcy Orlando",)),
    # Capitalised descriptors before a demonym and a full name are cut off.
    ("AFP - Freed Briton Edna Voss made a new appeal for calm, the station said.",
     ("Edna Voss",)),
    ("Wounded Australian Gideon Marsh was flown home on Tuesday.",
     ("Gideon Marsh",)),
    # A first name of the world tier, a listed one and a family name no list holds: a
    # name of three words from abroad, no descriptor before a name.
    ("The presidential favourite Susilo Bambang Hartawan spent the day writing.",
     ("Susilo Bambang Hartawan",)),
    # A descriptor before a listed first name and a listed family name is cut off.
    ("Former Beatle Teddy Harrison played the last song.", ("Teddy Harrison",)),
])
def test_full_names_the_guards_let_through(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body", [
    # A first name that is itself a place opens no place-surname name.
    "The storm hit Austin Texas and Jackson Mississippi on Monday night.",
    "Flights from Houston Texas were cancelled.",
    # A place after a preposition and a place word: no person.
    "The plant in Jordan Valley reopened.",
    # A grade of wheat: "One" is a listed English word, no descriptor of a person.
    "Prices: Canadian One Western Red Spring 148 unch, Two Western Red Spring 135 unch.",
])
def test_places_stay_out(body):
    assert find_people("", body).people == ()


def test_a_short_word_ending_in_er_is_no_role_word():
    # "Sher" is no "Volcanologist": too short to be a role word by its ending.
    found = find_people("", "But Sher Tamang Rai has not ruled out talks with the rebels.")
    assert "Tamang Rai" not in found.people


def test_madam_is_an_honorific():
    # "Madam" before a name written family name first, as "Madame" before one.
    found = find_people("", "Madam Tan Siew Lan, 71, said the parcels came on time.")
    assert found.people == ("Tan Siew Lan",)
