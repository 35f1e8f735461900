"""Result lines and scorecards in other shapes: a label with a note in brackets
("BATTING (first innings):"), ranks written "1." and a rugby league scoring summary whose
items end in "tries" or "goals"."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("SHARKS 1st innings (target 240): P. Rowe c Dale b Hunt 31, T. Okoye lbw b Hunt 12, "
     "L. Ferris run out 4, B. Mensah not out 20.",
     ("P. Rowe", "Dale", "Hunt", "T. Okoye", "L. Ferris", "B. Mensah")),
    # The last item's sentence ends after its figures: "Extras" is no name.
    ("GULLS 1st innings: R. Dyer c Pyke b Lamb 12, T. Ince not out 30, K. Orr lbw b Lamb 4. "
     "Extras 9. Total 55.",
     ("R. Dyer", "Pyke", "Lamb", "T. Ince", "K. Orr")),
    ("Final table (seniors): 1. Okonkwo 8.5; 2. Haverty 8; 3. J. Stroud 7.",
     ("Okonkwo", "Haverty", "J. Stroud")),
    ("Women -57kg: 1. Nodira Yusupova (UZB); 2. Elodie Marchetti (FRA); 3. Tuya Batbayar "
     "(MGL).",
     ("Nodira Yusupova", "Elodie Marchetti", "Tuya Batbayar")),
    # Times in the items ("2:08:41") are no labels.
    ("Women: 1. Lucy Wanjiru 2:24:07; 2. Mercy Chelimo 2:25:30; 3. Jepkosgei 2:26:02.",
     ("Lucy Wanjiru", "Mercy Chelimo", "Jepkosgei")),
    ("Easts 20 (R Tuilagi 2, D Cordner tries; P Brennan 4 goals) def Wests 12.",
     ("R Tuilagi", "D Cordner", "P Brennan")),
])
def test_result_lines_give_their_people(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body", [
    "Timetable (winter): 1. Leeds 9.30; 2. York 10.15; 3. Hull 11.",
    "Easts 20 (Randwick 2, Maroubra tries) def Wests 12.",
])
def test_result_lines_of_places_give_no_people(body):
    assert find_people("", body).people == ()


@pytest.mark.parametrize("body", [
    # Ranked surnames alone with no label: firms as often as people.
    "Car sales rose in March, led by 1. Toyota 25.3; 2. Nissan 18.1; 3. Honda 12.0.",
    "Best sellers 1. Heinz 30; 2. Kellogg 18; 3. Nestle 12.",
    "Ingredients (two bowls): Flour, Sugar, Butter, Eggs, Milk.",
])
def test_ranked_words_without_a_list_label_give_no_people(body):
    assert find_people("", body).people == ()
