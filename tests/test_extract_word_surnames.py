"""People extraction (issue 17, brief Z48): a listed first name and a surname that is an
organisation's, a place's or a common word too ("Banks", "Berlin", "Street") stand as a
person with what only a person has: coordination with a person's name, a tally of a
player ("X's 28 points", "X with 22 points"), an age, a person's verb, or the same
document's person of that name; firms and places stay out. Every sentence here is written
for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # Listed with people's names.
    ("The coach wants a rotation of Darren Banks, Tomas Kreml and Ollie Fenwright.",
     ["Darren Banks", "Tomas Kreml", "Ollie Fenwright"]),
    ("Inspired by Carter Berlin and Lonnie Haskett, the Owls came back to win.",
     ["Carter Berlin", "Lonnie Haskett"]),
    ("Inspired by Lonnie Haskett and Carter Berlin, the Owls came back to win.",
     ["Lonnie Haskett", "Carter Berlin"]),
    # A player's tally.
    ("The Owls won behind Megan Street's 31 points on Friday.", ["Megan Street"]),
    ("The visitors were led by Gavin Church with 19 points and 11 rebounds.",
     ["Gavin Church"]),
    # Speech, an age, a person's verb.
    ("Glenn Street said on Monday that the talks had failed.", ["Glenn Street"]),
    ("Nolan Bridges, 27, was sentenced on Monday.", ["Nolan Bridges"]),
    ("Dennis Banks died at his home in the valley.", ["Dennis Banks"]),
])
def test_word_surnames_with_a_persons_cue(body, people):
    assert extract_people("", body) == people


def test_a_headline_keeps_the_bodys_person():
    # The body says who "Reggie Banks" is: the headline's bare name is no organisation.
    assert extract_people("Owls suspend Reggie Banks",
                          "Owls forward Reggie Banks was suspended for two games. "
                          "Coach Dale Whitacre gave no reason.") == [
        "Reggie Banks", "Dale Whitacre"]


@pytest.mark.parametrize("body, people", [
    # Firms and places, whatever stands beside them.
    ("Lloyds Bank and Corwin Trust said costs rose.", []),
    ("Shares of Morgan Bank, Halden Trust and Corwin Aero fell 3% on Monday.", []),
    ("The march went from Mount Pleasant and Port Elizabeth to Victoria Falls.", []),
    ("Crowds filled Grant Street and Santa Monica on Saturday.", []),
    ("Ward House's 28 rooms were let in a week.", []),
    # A speech verb that is a plural noun too, after a place's name.
    ("Lenders in its Rocky Mountain states, where farming rules, lost money.", []),
    # A place named after a title's holder.
    ("Lorries queued at the King Farouk Bridge crossing and Queen Alia Storm drain.", []),
])
def test_firms_and_places_with_word_ends_stay_out(body, people):
    assert extract_people("", body) == people
