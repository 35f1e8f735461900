"""Teams are no people: a place's name before a capitalised plural ("Cleveland Browns",
"New York Yankees") or before "State" ("Florida State"). A surname that ends in "s" stays a
person's ("Austin Rivers", "Jackson Edwards"). And a full name glued to a lost apostrophe's
"s" ("Eliot Spitzers probe") is the person whose surname the article gives alone."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("The rookie season of Cleveland Browns tight end Marlon Quaye may be over.",
     ("Marlon Quaye",)),
    ("Dallas Cowboys running back Trent Malory was inactive on Sunday.", ("Trent Malory",)),
    ("New York Yankees right fielder Desmond Pell missed the game.", ("Desmond Pell",)),
    ("Houston Rockets guard Lenny Sorvik scored 30 points.", ("Lenny Sorvik",)),
    ("Despite myriad miscues, Florida State rallied to win 17-13.", ()),
    ("Forty former Arizona State teammates of Corey Blaine gathered.", ("Corey Blaine",)),
])
def test_a_team_is_no_person(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body", [
    "Austin Rivers scored 20 points off the bench on Tuesday.",
    "Jackson Edwards and his wife moved to the coast last year.",
    "Dallas Williams was named head of the school board.",
])
def test_a_place_first_name_with_a_surname_in_s_is_a_person(body):
    assert len(find_people("", body).people) == 1


def test_a_glued_possessive_is_the_surname_the_article_gives():
    found = find_people("Ohio joins in Tresswell probe",
                        "Ohio joins the Attorney General Miriam Tresswells probe.")
    assert found.people == ("Miriam Tresswell",)


@pytest.mark.parametrize(("body", "name"), [
    ("Coach Doc Rivers said the River team had played well.", "Doc Rivers"),
    ("Lena Edwards scored twice, said Edward, her coach.", "Lena Edwards"),
])
def test_a_surname_in_s_is_kept(body, name):
    assert find_people("", body).people == (name,)
