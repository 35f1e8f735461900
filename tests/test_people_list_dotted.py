"""Results lines, leaderboards and scorer lines whose initials carry dots (issue 17, brief
Z35): a golf leaderboard's scores to par ("-9") and a standings table's shared ranks
("1–2") open an item as a rank does, a country code or a club stands in brackets, a gap
("at 8sec") is a figure, initials and surnames may open with a capital beyond A-Z ("Ó.
Valdimarsson", "Þórsson"), and an item that is a first name and a surname without a rank
("Corbin Ashgrove") counts towards a list's share of names. Initials and a surname still
count only in a list of two or more such items, and lists of firms and currencies stay
out. Every name here is made up for these tests."""

from __future__ import annotations

import pytest

from docsearch.extract.lexicon import _lexicon
from docsearch.extract.lists import listed_names
from docsearch.extract.people import find_people


def _listed(body: str) -> list[str]:
    return [" ".join(n.words) for n in listed_names(body, _lexicon())]


@pytest.mark.parametrize(("body", "listed"), [
    # A leaderboard: scores to par as ranks, country codes in brackets, rounds as figures.
    ("Leaderboard after 36 holes (par 70): -9 R. Okonkwo (NGA) 66 65; -7 T. Brandvold (NOR) "
     "67 66; -5 L. Quenneville (CAN) 68 67, B. Marchetti (ITA) 67 68.",
     ["R. Okonkwo", "T. Brandvold", "L. Quenneville", "B. Marchetti"]),
    # Standings: shared ranks, pairs joined by "and", full names without a rank beside them.
    ("Final standings: 1–2 A. Veldkamp (Dillon) and Corbin Ashgrove (Havre) 6; 3 P. Whitlatch "
     "(Cut Bank) 5.5; 4–5 M. Oyelaran (Polson) and Dorian Felsted (Libby) 5.",
     ["A. Veldkamp", "P. Whitlatch", "M. Oyelaran"]),
    # Scorers with initials and surnames that open with Icelandic capitals, full names and
    # surnames alone between them.
    ("Scorers — Hafnir: Bjarki Þórsson 8, Ó. Valdimarsson 6, Á. Sveinsson 4, Kolbeinsson 2. "
     "Víkingar: Ragnarsson 9, É. Hauksson 5, Þ. Leifsson 3, Baldursson 2.",
     ["Ó. Valdimarsson", "Á. Sveinsson", "Ragnarsson", "É. Hauksson", "Þ. Leifsson",
      "Baldursson"]),
    # A stage's result: three-word names after a rank, gaps written "at 8sec".
    ("Stage 2 (Gitega–Ngozi, 98km): 1 Jean Claude Habimana (Team Akagera) 2hr 31min 04sec; "
     "2 N. Bizimana (Burundi) at 8sec; 3 Olivier Mugisha Kayitare (Team Nyungwe) s.t.; "
     "4 F. Sawadogo (Mali) s.t.",
     ["Jean Claude Habimana", "N. Bizimana", "Olivier Mugisha Kayitare", "F. Sawadogo"]),
    # A crew in brackets: a full name beside one with initials.
    ("Double sculls: 1 Kells (R. Dunleavy, Cormac Breen) 7:02.4; 2 Boyne (S. Farrelly, "
     "T. Farrelly) 7:05.1.",
     ["R. Dunleavy", "S. Farrelly", "T. Farrelly"]),
])
def test_dotted_initials_in_results_lines(body, listed):
    assert _listed(body) == listed


@pytest.mark.parametrize("body", [
    # One name with initials beside a full name is no list.
    "Guests: P. Marchetti, Ambrose Kettleby.",
    "Double sculls: 1 Kells (R. Dunleavy, Cormac Breen) 7:02.4.",
    # Firms and currencies in a price table.
    "N.Z. Dlrs 0.5612, H.J. Heinz 41, E.F. Hutton 12, U.S. Steel 22",
    "Most active: H.J. Heinz 41, E.F. Hutton 12.5, U.S. Steel 22.25, Dow Jones 14.",
    # Scores to par are no rank before a firm.
    "Changes: -3 Texaco Inc, -2 Chevron Corp, +1 Mobil Corp.",
])
def test_dotted_shapes_that_are_no_list(body):
    assert _listed(body) == []


def test_dotted_leaderboard_people():
    body = ("Leaderboard after 36 holes (par 70): -9 R. Okonkwo (NGA) 66 65; -7 T. Brandvold "
            "(NOR) 67 66; -5 L. Quenneville (CAN) 68 67.")
    assert find_people("", body).people == ("R. Okonkwo", "T. Brandvold", "L. Quenneville")


@pytest.mark.parametrize(("body", "listed"), [
    # A class word ("Men") is no surname beside a full name and a name with initials.
    ("Results: Men, final: Tariq Omar Baig (Pak) bt O. Rahimi (Afg) 3-1. Semis: Baig bt "
     "T. Sadri (Egy) 3-0; Rahimi bt H. Qureshi (Pak) 3-2.",
     ["Baig", "T. Sadri", "Rahimi", "H. Qureshi"]),
    # Three words after a rank are a name only when the first is a known first name.
    ("Choirs: 1 Côr Aelwyd Tegid, 2 Côr Bro Nantlle.", []),
])
def test_classes_and_choirs_are_no_names(body, listed):
    assert _listed(body) == listed
