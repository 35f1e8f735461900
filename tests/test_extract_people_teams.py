"""People extraction (issue 17, brief Z49): a team named like a person ("Dubuque
Hempstead", a school; "Boston Red Sox") is no person when a match's score stands beside
it. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # The loser of a match, a score after it, a first word that is no first name.
    ("Keisha Monroe scored 22 points as the Hawks beat Ottumwa Linden 58-41 on "
     "Friday.", ["Keisha Monroe"]),
    ("Prop Tevita Moala scored twice as the side won the final, beating Falealupo Vaega "
     "27-18.", ["Tevita Moala"]),
    # "the" and a place's name first, a last word that is no surname or first name,
    # beside a score: the winner, whose loser and score follow.
    ("Pitcher Dwayne Colley struck out nine and the unbeaten Denver Gold Sox beat the "
     "Tulsa Red Sox 4-3.", ["Dwayne Colley"]),
])
def test_a_team_beside_a_score_is_no_person(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # Tennis: a person beaten in sets (a series of scores).
    ("Mirela Dobrescu beat Yuki Asahara 6-3, 6-4 in the second round.",
     ["Mirela Dobrescu", "Yuki Asahara"]),
    # A first name: a person, even with a score after the name.
    ("The champion beat Andy Callaway 11-4 in the final frame count.", ["Andy Callaway"]),
    # A place's name first, no "the" before it: a person.
    ("Sydney Harwood, 24, beat Tom Ridley 9-7 in a tie-break.",
     ["Sydney Harwood", "Tom Ridley"]),
    # A first word of no list, a small score: a person (a frame's or a set's count).
    ("In the semi-final she beat Ngaire Tukino 7-5.", ["Ngaire Tukino"]),
    # A title: a person.
    ("She beat Dr Omar Haddad 15-12 in the club final.", ["Omar Haddad"]),
])
def test_a_player_beside_a_score_stays_a_person(body, people):
    assert extract_people("", body) == people

