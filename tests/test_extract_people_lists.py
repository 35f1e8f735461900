"""People extraction (issue 17), people named in lists: results, classifications and
scorecards, line-ups with bare surnames, crews written "A/B", scoring summaries,
substitutions, skips in parentheses, a role's label, a rank or particles before a surname,
a listed initial that confirms or joins a name in the text, and lists of things that stay
out.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # A scorecard in parentheses, with bowling figures and "not out".
    ("Brief scores: Ashby 241/7 in 50 overs (D Pellow 88, K Rusk 41 not out; T Ambler 3-37) "
     "beat Carrow 198 (M Ilori 62; S Venn 4-29) by 43 runs.",
     ["D Pellow", "K Rusk", "T Ambler", "M Ilori", "S Venn"]),
    # Ranked results: full names with a country in parentheses and a time.
    ("Results: Men's 800m: 1 Tesfaye Girma (Eth) 1:44.10; 2 Mateo Ruiz (Esp) 1:44.90; "
     "3 K Obiora (Ngr) 1:45.02.",
     ["Tesfaye Girma", "Mateo Ruiz", "K Obiora"]),
])
def test_results_and_scorecards(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A line-up whose label carries the formation; "Marsh" and "Hale" are English words too.
    ("Rovers were beaten at home.\nKIRKWALL ROVERS (4-4-2): Sandvik; Orrell, Baptiste, Marsh, "
     "Oyelaran; Dunphy, Okoro, Lisle, Varga; Brennock, Hale.",
     ["Sandvik", "Orrell", "Baptiste", "Marsh", "Oyelaran", "Dunphy", "Okoro", "Lisle",
      "Varga", "Brennock", "Hale"]),
    # Crews written "A/B", with times and gaps after them.
    ("Final standings: 1 Varjonen/Lindqvist 2h 01m 33.2s; 2 Orsini/Marchetti +18.4s; "
     "3 Kettering/Bayliss +1m 02.7s.",
     ["Varjonen", "Lindqvist", "Orsini", "Marchetti", "Kettering", "Bayliss"]),
    # Points with their unit, a country in parentheses.
    ("Laser Radial: 1 Sorlie (NOR) 24pts; 2 Vasquez (ESP) 31pts; 3 Oduya (KEN) 37pts.",
     ["Sorlie", "Vasquez", "Oduya"]),
    # Substitutions: the player who came on is listed, not the one he replaced.
    ("Subs: K Tierney 0-1 for Rowan (41), P Mullally for Keane (inj, 60), D Furlong for Ahern.",
     ["K Tierney", "P Mullally", "D Furlong"]),
    # Two particles before a surname.
    ("Women's 200m freestyle: 1 M van der Merwe (WP) 2:01.40, 2 J de la Cruz (GAU) 2:02.10, "
     "3 R Pillay (KZN) 2:03.55.",
     ["M van der Merwe", "J de la Cruz", "R Pillay"]),
    # Each team's skip in parentheses beside the score.
    ("Quarter-finals: Otaki (R Tamihana) 18 Levin (D Keown) 15; Foxton (M Rawiri) 21 "
     "Shannon (J Pettigrew) 9.",
     ["R Tamihana", "D Keown", "M Rawiri", "J Pettigrew"]),
])
def test_results_and_line_ups(body, people):
    assert extract_people("", body) == people


def test_scoring_summary():
    body = ("Kamloops won in regulation.\nScoring summary\n"
            "First period - 1, KAM, Brodeur 4 (Lisowski, Tanaka), 3:12. 2, KEL, Gagne 9 "
            "(unassisted), 11:40.\nSecond period - 3, KAM, Lisowski 6 (Brodeur), 8:05 (pp).")
    assert extract_people("", body) == ["Brodeur", "Lisowski", "Tanaka", "Gagne"]


@pytest.mark.parametrize("body", [
    # Lists of things, not people, with the same shapes.
    "Ingredients (serves four): Flour, Sugar, Butter, Eggs, Milk.",
    "Menu (two courses): Soup, Salad, Trout, Pudding, Cheese.",
    "Routes: 1 Leeds/Bradford 2h 10m; 2 York/Hull 1h 40m; 3 Derby/Crewe 2h 5m.",
])
def test_lists_that_are_not_people(body):
    assert extract_people("", body) == []


def test_listed_initial_confirms_a_name_with_particles():
    body = ("Tamsin Okoro held off the Olympian Marieke van der Linde.\n"
            "Results: 1 T Okoro (WP) 1:00.92, 2 M van der Linde (GAU) 1:01.10, "
            "3 B Nel (EC) 1:02.77.")
    assert extract_people("", body) == ["Tamsin Okoro", "Marieke van der Linde", "B Nel"]


def test_a_rank_before_a_particle():
    body = "49er: 1 van Rossum/Jansen (NED) 31; 2 Hallam/Dunmore (GBR) 36; 3 Iversen/Dahl (NOR) 40."
    assert extract_people("", body) == ["van Rossum", "Jansen", "Hallam", "Dunmore", "Iversen",
                                        "Dahl"]


def test_a_listed_surname_with_particles_joins_the_full_name():
    body = ("The Dutch crew of Pim van der Voort and Luuk Brands won.\n"
            "49er: 1 van der Voort/Brands (NED) 31; 2 Hallam/Dunmore (GBR) 36; 3 Iversen/Dahl "
            "(NOR) 40.")
    assert extract_people("", body) == ["Pim van der Voort", "Luuk Brands", "Hallam", "Dunmore",
                                        "Iversen", "Dahl"]


def test_a_listed_initial_that_is_also_a_particle():
    # "E" is a particle in Portuguese names, but before a listed surname it is an initial.
    body = ("Substitute Rory Heffernan-Dunne scored late.\n"
            "TEAM: P Mahon; E Dunne, C Fennelly, A Kirwan.")
    assert extract_people("", body) == ["Rory Heffernan-Dunne", "P Mahon", "E Dunne",
                                        "C Fennelly", "A Kirwan"]


@pytest.mark.parametrize("body, people", [
    ("Kilmore won by a point.\nReferee: D Tierney.", ["D Tierney"]),
    ("Kilmore won by a point. Umpire: J.T. Pryce. Attendance: 4,100.", ["J.T. Pryce"]),
    # A label that is no role.
    ("Kilmore won by a point.\nVenue: St Kieran's Park.\nGrade: B Minor.", []),
])
def test_a_role_label_and_initials(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # "Ref" is the referee's label too.
    ("Kilmore won by a point.\nRef: P Garland (Staffordshire).", ["P Garland"]),
    ("Kilmore won by a point.\nRef: 2024/118.", []),
])
def test_a_role_label_abbreviated(body, people):
    assert extract_people("", body) == people


def test_a_racing_result_a_line_each_gives_its_jockeys_not_its_horses():
    # The bracketed slot of "rank Horse (Jockey) odds" is the person; the first slot is
    # the horse, however a person's name it looks ("Sir Percival", "Lady Hester").
    body = ("Copper Kettle won the Ulster Chase by two lengths from Lady Hester, with the "
            "favourite Sir Percival third.\n"
            "Result:\n"
            "1 Copper Kettle (P Quirke) 9-2\n"
            "2 Lady Hester (D Mallon) 11-1\n"
            "3 Sir Percival (K A Ahern) 4-1 fav\n"
            "4 Barrow Boy (B O'Neill) 16-1\n"
            "12 ran.")
    assert extract_people("", body) == ["P Quirke", "D Mallon", "K A Ahern", "B O'Neill"]


def test_a_horse_in_a_result_line_is_no_person():
    body = ("Sir Percival was a length clear at the last.\n"
            "Result: 1 Sir Percival (K Ahern) 4-1; 2 Copper Kettle (P Quirke) 9-2; "
            "3 Lady Hester (D Mallon) 11-1.")
    assert extract_people("", body) == ["K Ahern", "P Quirke", "D Mallon"]


@pytest.mark.parametrize("body, people", [
    # A motor race: the driver, his country in brackets, his team and his time or gap.
    ("Result:\n"
     "1 L Varga (Hun) Brennan 1hr 31min 02.118sec\n"
     "2 T Okafor (Ngr) Castellane Racing +4.551\n"
     "3 H Lindgren (Swe) Brennan +9.870\n"
     "4 M Duchêne (Fra) Ostrava +1 lap",
     ["L Varga", "T Okafor", "H Lindgren", "M Duchêne"]),
    # Clubs with their country and their name's last word are no people.
    ("Standings:\n"
     "1 Ashvale (Sco) United 24pts\n"
     "2 Kelso (Sco) Rovers 21pts\n"
     "3 Hawick (Sco) Athletic 19pts", []),
])
def test_a_team_after_the_bracket(body, people):
    assert extract_people("", body) == people


def test_capitals_and_letters_beyond_latin_1():
    body = ("Results:\n"
            "Flyweight: K Amadi (Eng) bt Ł Wiśniewska (Pol) pts 6\n"
            "Bantamweight: R Ilunga (Cod) bt M Dvořáková (Cze) rsf 2\n"
            "Featherweight: S Brannock (Wal) bt T Šimunić (Cro) pts 4")
    assert extract_people("", body) == ["K Amadi", "Ł Wiśniewska", "R Ilunga", "M Dvořáková",
                                        "S Brannock", "T Šimunić"]


def test_a_given_name_with_a_hyphen_in_lower_case_counts_towards_a_list():
    # "Lin Wei-chung" is a name too, so the line is a list of names.
    body = ("Leaderboard (par 72):\n"
            "-9 T Ashdown 68 70 69\n"
            "-8 G Mallory 70 69 69\n"
            "-7 K Purvis (Eng) 69 70 70; Lin Wei-chung (Tpe) 71 68 70; R Ó Ceallaigh 70 68 71")
    assert extract_people("", body) == ["T Ashdown", "G Mallory", "K Purvis", "Lin Wei-chung",
                                        "R Ó Ceallaigh"]


def test_frame_scores_between_players_with_their_countries():
    body = ("Results, last 32: P Garvey (Eng) 10 N Osei (Gha) 7; D Ruane (Ire) 10 "
            "T Van Hoof (Bel) 3; J Mackle (Sco) 10 A Hamdan (Egy) 8.")
    assert extract_people("", body) == ["P Garvey", "N Osei", "D Ruane", "T Van Hoof",
                                        "J Mackle", "A Hamdan"]


def test_a_scorer_before_a_bracketed_name_stays_a_person():
    # The first slot is a person when it is a first name's: the bracket is who helped.
    body = ("Lee Aaronson scored twice.\n"
            "Goals: Lee Aaronson (P Doyle) 12; Dan Kerrigan (T Haig) 40; Lee Aaronson "
            "(R Mottram) 71.")
    assert extract_people("", body) == ["Lee Aaronson", "P Doyle", "Dan Kerrigan", "T Haig",
                                        "R Mottram"]


@pytest.mark.parametrize("body, people", [
    # A bout's end in capitals, a decision ("UD", "SD", "MD") or a stoppage ("KO"), is a
    # figure like "pts" and "rsf", no team or word of the loser's name.
    ("Results: D Oduya bt K Pinto KO 3; L Bascom bt R Idowu UD 8; T Amos bt J Kale SD 6.",
     ["D Oduya", "K Pinto", "L Bascom", "R Idowu", "T Amos", "J Kale"]),
    ("Results: N Achebe bt W Pryce MD 10; F Oyelaran bt G Kerr TKO 4; P Umeh bt B Ross RTD 5.",
     ["N Achebe", "W Pryce", "F Oyelaran", "G Kerr", "P Umeh", "B Ross"]),
    # A surname that is written like a bout's end in lower case ("Ko") stays a name.
    ("Leaderboard: -8 Lydia Ko 68 70; -7 J Kang 70 69; -6 S Park 71 69.",
     ["Lydia Ko", "J Kang", "S Park"]),
])
def test_a_bouts_end_in_capitals_is_a_figure(body, people):
    assert extract_people("", body) == people
