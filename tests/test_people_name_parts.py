"""A full name is not cut into parts (issue 17, brief Z37): the first names of a three-word
name given alone later are that person ("Einar Logi Hauksson ... Einar Logi"); a name of
three words after a role word keeps its first word ("Businessman Zaheerul Rahman Sarkar");
"brothers X and Y Z" gives X the surname Z, and a firm's "which" after such a pair is no
evidence that the pair is a firm. Made-up names only."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    ("Left back Einar Logi Hauksson scored six times. Einar Logi, whose brother also plays, "
     "was named man of the match.", ["Einar Logi Hauksson"]),
    ("The motion was tabled by MP Hrefna Lind Arnardóttir. \"This is an emergency,\" Hrefna "
     "Lind told parliament.", ["Hrefna Lind Arnardóttir"]),
    ("Businessman Zaheerul Rahman Sarkar is standing for a smaller party.",
     ["Zaheerul Rahman Sarkar"]),
    ("The trio is made up of brothers Kawika and Makoa Kealamakia and their cousin, Pono "
     "Akiona.", ["Kawika Kealamakia", "Makoa Kealamakia", "Pono Akiona"]),
    ("The parts come from Brannagan Metals, a scrap dealer run by siblings Tom and Ruth "
     "Brannagan, which supplies the cells. \"We started with copper,\" Ruth Brannagan said.",
     ["Tom Brannagan", "Ruth Brannagan"]),
])
def test_names_stay_whole(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # Two people share the first two words: the short form joins neither.
    ("Anna Maria Vogel and Anna Maria Brandt met. Anna Maria spoke first.",
     ["Anna Maria Vogel", "Anna Maria Brandt", "Anna Maria"]),
    # A first name and a surname are a full name, not the given names of a longer run.
    ("The show with Dana Whitcombe Google ran late. The founders were interviewed by Dana "
     "Whitcombe on ABC.", ["Dana Whitcombe Google", "Dana Whitcombe"]),
    # After a title, a misspelt title is no given name: "Prime Minsiter X Y".
    ("Prime Minsiter Yasuhiro Kawabe said the talks went well.", ["Yasuhiro Kawabe"]),
    # A firm's "which" after a lone name stays a firm's.
    ("Analysts at Hale Morrow, which advises the fund, were cautious.", []),
])
def test_parts_of_other_names_stay_apart(body, people):
    assert extract_people("", body) == people
