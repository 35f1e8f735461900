"""First names of locales written in other scripts (brief Z7): ``benchmarks/
build_first_names.py`` writes them in Latin letters to ``data/first_names_world.txt``, the
lexicon reads them, and a name with such a first name and no cue is a person."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from docsearch.extract import lexicon
from docsearch.extract.people import find_people

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import build_first_names  # noqa: E402


@pytest.mark.parametrize(("name", "latin"), [
    ("आदित्य", "aditya"), ("अजित", "ajit"), ("राजकुमार", "rajkumar"), ("नरेंद्र", "narendra"),
    ("अनुष्का", "anushka"), ("सुनीता", "sunita"), ("प्रियंका", "priyanka"), ("संजय", "sanjay"),
])
def test_devanagari_names_read_as_papers_write_them(name, latin):
    assert build_first_names.indic_latin(name) == latin


def test_bengali_and_gujarati_names_share_devanagari_letters():
    assert build_first_names.indic_latin("আকাশ", 0x80) == "akash"
    assert build_first_names.indic_latin("ચિરાગ", 0x180) == "chirag"


@pytest.mark.parametrize(("name", "latin"), [
    ("Γεώργιος", "georgios"), ("Παντελής", "pantelis"), ("Ευάγγελος", "evangelos"),
    ("Κωνσταντίνος", "konstantinos"), ("Ντίνος", "dinos"),
])
def test_greek_names_read_as_papers_write_them(name, latin):
    assert build_first_names.greek_latin(name) == latin


def test_scripts_without_vowels_are_left_out():
    assert build_first_names.indic_latin("Abc") is None
    assert build_first_names.greek_latin("أحمد") is None


def test_the_file_holds_no_word_of_the_other_lists():
    names = {lexicon.fold(n) for n in lexicon._lines("first_names_world.txt")}
    assert len(names) > 3000
    assert not {"gold", "rate", "bank", "paris", "march", "french"} & names
    assert not [n for n in names if build_first_names.other_list_word(n)]


@pytest.mark.parametrize(("body", "people"), [
    ("Tigran Hakobyan and Levan Beridze will share the stage in Tbilisi next month.",
     ("Levan Beridze", "Tigran Hakobyan")),
    ("The recital closing the festival was given by Hristo Stoyanov at the old hall.",
     ("Hristo Stoyanov",)),
    ("Chirag Mehta opened the first of the shops in 2019 with money from his family.",
     ("Chirag Mehta",)),
    ("A new translation by Nefeli Andreou won the prize this year.", ("Nefeli Andreou",)),
])
def test_first_names_of_other_scripts_make_people(body, people):
    assert tuple(sorted(find_people("", body).people)) == people
