"""People extraction (issue 17, brief Z59): lists whose surnames open with a Gaelic or
Welsh particle ("Mac", "Ó", "Ní", "ap", the "h" of "Ó hAodha"), numbered race results a
line each with no heading over them, and a leaderboard whose lines of shared places hold
commas. Every line here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # A line-up: the particles open surnames after initials; one unread item would cost
    # the whole line its share of names.
    ("Glenree won the final.\n"
     "Glenree: F Mac Giolla; D Ó hÉalaí, P Ní Bhriain, L ap Rhydderch, T Dwane, "
     "C Ó Fearghail (capt).",
     ["F Mac Giolla", "D Ó hÉalaí", "P Ní Bhriain", "L ap Rhydderch", "T Dwane",
      "C Ó Fearghail"]),
    # Replacements with one particle among plain initials and surnames.
    ("Carreg won by a try.\n"
     "Replacements: H Bowdler, S Penwarden, L ap Rhydderch, I ap Gethin, D Treloar, K Mabe.",
     ["H Bowdler", "S Penwarden", "L ap Rhydderch", "I ap Gethin", "D Treloar", "K Mabe"]),
])
def test_particles_open_a_surname_after_initials(body, people):
    assert extract_people("", body) == people


def test_a_surname_with_its_particle_alone_is_the_listed_person():
    # "Ó Cuinn" in the scorers' line is the full-back of the team sheet, no "Ó" initial.
    body = ("Kilbride: R Ó Cuinn; P Daly, S Mac Giolla, T Furey, E Lalor.\n"
            "Scorers: Tries: Daly, Ó Cuinn; Cons: Ó Cuinn 2, Furey.")
    assert sorted(extract_people("", body)) == ["E Lalor", "P Daly", "R Ó Cuinn",
                                                "S Mac Giolla", "T Furey"]


def test_places_with_particles_are_no_line_up():
    # (a particle opens a surname only before the surname's own word: "Ó Riada Park" is
    # three words, no listed name)
    body = "Grounds used: St Mary's, Ó Riada Park, Ní Bhriain Hall, Páirc Uí Chaoimh."
    assert extract_people("", body) == []


def test_a_numbered_race_result_without_a_heading_gives_jockeys_not_horses():
    # "1." ranks each line, and no heading ends in ":" over them; the horses have people's
    # names ("Dorothy Brook") and one holds a possessive ("Lord Fenwick's Folly").
    body = ("Velvet Lantern beat Dorothy Brook by a neck, with Lord Fenwick's Folly third.\n"
            "Result: Guineas Stakes (Group 2), 1m\n"
            "1. Velvet Lantern (T J Aherne) 7-2\n"
            "2. Dorothy Brook (J-P Marchand) 5-1 fav\n"
            "3. Lord Fenwick's Folly (S Mac Giolla) 9-1\n"
            "4. Queen Ottoline (R Tully) 12-1\n"
            "10 ran.")
    assert extract_people("", body) == ["T J Aherne", "J-P Marchand", "S Mac Giolla",
                                        "R Tully"]


def test_numbered_lines_of_works_are_no_people():
    body = ("The week's best-sellers:\n"
            "1. The Long Road (Penguin) 12.99\n"
            "2. Winter Harbour (Faber) 9.99\n"
            "3. Salt and Stone (Picador) 14.99\n")
    assert extract_people("", body) == []


def test_a_leaderboard_with_shared_places_is_read_a_line_each():
    body = ("Final leaderboard:\n"
            "-10 K Ashdown 68 70 69 71\n"
            "-9 M Rendall (Sco) 70 68 70 71, P Okonjo 71 70 68 70\n"
            "-8 A Ní Bhriain 72 67 70 71\n"
            "-6 T van Rooyen (SA) 71 71 69 71")
    assert extract_people("", body) == ["K Ashdown", "M Rendall", "P Okonjo", "A Ní Bhriain",
                                        "T van Rooyen"]


@pytest.mark.parametrize("body, people", [
    # A role of two words with its remit after a comma labels one name with initials.
    ("The new board:\nManaging director, lending: P J Greaves\nSales director: R Okafor-Lunn",
     ["P J Greaves", "R Okafor-Lunn"]),
    # A label whose head is no role gives nothing.
    ("Opening hours, winter: T Wed\nBest value, lunch: J Cafe", []),
])
def test_a_role_label_of_several_words(body, people):
    assert extract_people("", body) == people
