"""Name forms in brackets and particles: an editor's bracketed first
name before a surname, a bracketed nickname after a first name, Malay patronymics
("binti", "binte")."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    # An editor's first name in brackets inside a quotation.
    ('"We are wary of (Alan) Greenspan, who takes over in August," one trader said.',
     ("Alan Greenspan",)),
    # After a name that is no first name: a country's code, not an editor's first name.
    ("2 Matteo Barbieri (Ita) Vortice Cycling same time.", ("Matteo Barbieri",)),
    ("We urge Judge (Harold) Greene to act quickly, the group said.", ("Harold Greene",)),
    ('"Nobody expected [Teresa] Vallance to stand down," the chairman said.',
     ("Teresa Vallance",)),
    ('"It is better than last year," Commissioner James E. (Jim) Nugent told reporters.',
     ("James E. Nugent",)),
    ("The fund was set up by William (Bill) Hartigan in 1971.", ("William Hartigan",)),
    ("Managing director Nurul Aisyah binte Rahmat said the merger would close in May.",
     ("Nurul Aisyah binte Rahmat",)),
    ("The award went to Siti Rohana binti Yusof, a teacher in Ipoh.",
     ("Siti Rohana binti Yusof",)),
])
def test_general_name_forms(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body", [
    # Brackets around a word that is no first name, or with no name after them.
    '"The plan (Phase) Two starts in May," the council said.',
    "Shares of the group (Alan) fell.",
])
def test_brackets_without_a_first_name_and_surname_make_no_person(body):
    assert find_people("", body).people == ()
