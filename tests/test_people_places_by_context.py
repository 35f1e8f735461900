"""People extraction (issue 17, brief Z43): places, venues and bodies whose names look
like people's, told by the words around them: the people of a place ("residents of X",
"a dinner lady from X"), a place's appositive ("X, the old hill estate,"), a street
named for a person ("X Jr. Boulevard"), a seat before its member ("X member Y"), the
Gaelic article that opens a body's name ("An Bord ..."), a plural Spanish article inside
a name ("... Las Rozas"). A person's cue still makes a person. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # The people of a place: its residents, or its village, before "of".
    ("Councillor Dilys Yarrow asked that residents of Carwen Bellamy, who live by the "
     "river, be heard.", ["Dilys Yarrow"]),
    ("The clinic serves the village of Rhoda Hale and two farms.", []),
    # A person's origin: a person noun, "from" and a place (a plural too).
    ("A bus driver from Penrhyn Tallis who won the lottery says she will keep working.", []),
    ("Steel drummers from Rose Hallam closed the evening.", []),
    # ... not a role given "as" ("took over as chairman from X") nor a possession.
    ("Jonah Prewitt took over as chairman from Alder Quennell, who retired in May.",
     ["Jonah Prewitt", "Alder Quennell"]),
    # A place's appositive: its last noun is a place's.
    ("Quinta da Lyle Seaton, the 60-hectare hill estate owned by one family, was sold.", []),
    ("The ferry serves Ashton Morrow, a fishing village, twice a day.", []),
    # ... not a person's role that ends it ("the village postmistress").
    ("Maud Pellow, the village postmistress, retired.", ["Maud Pellow"]),
    # A street named for a person, after "Jr.".
    ("Police closed a stretch of Martin Luther King Jr. Boulevard on Friday.", []),
    # A seat before its member's name.
    ("The bill's sponsor, Douglas Eastholm member Rachel Skillen, opposed it.",
     ["Rachel Skillen"]),
    # The Gaelic article opens a body's name; "An" before a surname is a first name.
    ("The plan could be overruled by An Bord Cluaine on appeal.", []),
    ("The Mod is organised by An Comunn Feisean every autumn.", []),
    ("The company was founded by An Wang in 1951.", ["An Wang"]),
    # A plural Spanish article inside a name: a club's or a place's, no person.
    ("Oscar Nunez, spokesman for the supporters' club Pena Blanca Las Rozas, said no.",
     ["Oscar Nunez"]),
])
def test_places_and_bodies_by_their_context(body, people):
    assert extract_people("", body) == people


def test_a_last_word_like_an_article_is_a_surname():
    # "Los" ends a Dutch name: no article, which a noun would follow.
    body = "The prize went to Jan Los and Piet Smit."
    assert extract_people("", body) == ["Jan Los", "Piet Smit"]
