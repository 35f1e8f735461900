"""A first name alone, with no title and no family word before it, joins the one person
of the article who has that first name ("Owner Dale Bixby ... a cookout for Dale and his
wife"); with two such people, or after a family word ("his grandfather, Walter"), it
stays apart."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("Owner Wendell Prokop, 71, is retiring. A party for Wendell and his wife, Irma, is "
     "planned for Sunday.", ("Wendell Prokop", "Irma")),
    ("Wendell Prokop and Wendell Ayres both ran. Wendell and his wife left early.",
     ("Wendell Prokop", "Wendell Ayres", "Wendell")),
])
def test_a_lone_first_name_joins_the_one_person_with_it(body, people):
    assert find_people("", body).people == people


def test_a_plural_of_a_name_is_no_second_person():
    body = ("Arjun Mehta scored nine points. There were two Arjun Mehtas on court, and the "
            "other Arjun Mehta was rested.")
    assert find_people("", body).people == ("Arjun Mehta",)
