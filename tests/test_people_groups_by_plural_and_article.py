"""Groups, teams and products named by a plural are no people (issue 17, brief Z32): a
name without a cue whose last word is "People" or "Men", or a plural's shape (a consonant
and "s") that no list holds as a surname or first name, after a first word that is no
first name or two words before it ("Cocoa Crisps", "Kai Tam Herons"); and a name written
right after a lower-case "the" and followed by a possessive's apostrophe or a plural verb
("the Leo Comets' open day", "the Leo Comets were"); a plural role alone ("Joint Chiefs");
a name with "Zone"; two plurals' names in a list; and no name inside an HTML tag's
attributes, whose brackets still mark a firm's quote after a name. Surnames in "s" that
the lists know stay people ("Elsa Brooks"), and so do a first name and an unlisted surname
in "s" ("Dorian Quellers"), people after "the late", and a name with a cue."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize("body", [
    "Kai Tam Herons beat the visitors by two lengths in the final.",
    "The store sells cereals such as Cocoa Crisps and Barley Biscuits to children.",
    "Long live the first Little People of the islands, the scientists wrote.",
])
def test_a_plural_name_without_a_cue_is_no_person(body):
    assert find_people("", body).people == ()


@pytest.mark.parametrize("body", [
    "He missed the Leo Comets' open day at the park yesterday.",
    "He missed the Red Jax' open day at the park yesterday.",
])
def test_a_name_after_the_with_a_possessive_is_no_person(body):
    assert find_people("", body).people == ()


@pytest.mark.parametrize(("body", "people"), [
    ("Elsa Brooks finished third in the sprint.", ("Elsa Brooks",)),
    ("Marty Gates finished third in the sprint.", ("Marty Gates",)),
    ("Fans remembered the late Ansel Drummond on Friday.", ("Ansel Drummond",)),
    ("Dorian Quellers finished third in the sprint.", ("Dorian Quellers",)),
    ("Coach Rosie Comets said the team had played well.", ("Rosie Comets",)),
    ("Mabel Herons, 34, won the sprint.", ("Mabel Herons",)),
    ("Nadia Castellanos finished third in the sprint.", ("Nadia Castellanos",)),
])
def test_people_stay(body, people):
    assert find_people("", body).people == people


def test_a_plural_role_after_titles_is_no_person():
    body = ("Analysts said the new Chairman Joint Chiefs of Staff Committee met "
            "President Idris Kamaluddin on Monday.")
    assert find_people("", body).people == ("Idris Kamaluddin",)


@pytest.mark.parametrize("body", [
    "A car bomb struck an entrance to Baghdad's Amber Zone on Tuesday.",  # a place's noun
    ('The agency chose a deputy. <FONT face="verdana,MS Sans Serif,arial" '  # a tag's font
     'size="-2" color="#666666"><B>-The Daily Ledger</B></FONT>'),
    "The firm makes cereals such as Trix, Cocoa Crisps and Lucky Biscuits.",  # listed
    ('NEW YORK (Reuters) - Hattie Lark <A HREF="http://quotes.example/q?t=HLK.N">'
     'HLK.N</A> said on Thursday its loans grew.'),  # a link to a quote: a firm's
])
def test_places_fonts_products_and_quoted_firms_are_no_people(body):
    assert find_people("", body).people == ()
