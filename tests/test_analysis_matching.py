"""analysis.matching (the words of a text that have one of a query's forms) reads only
the words that can have one: an ASCII word's form begins with its own first letter,
lower-cased, because the Porter stemmer rewrites endings only. Checked against the
plain answer (every word's form) and, for the premise, against the stemmer."""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch import analysis

ASCII_WORDS = st.text(string.ascii_letters + string.digits + ".", min_size=1, max_size=14)
WORDS = st.one_of(ASCII_WORDS, st.text(st.characters(whitelist_categories=("Ll", "Lu", "Nd")),
                                       min_size=1, max_size=10))


def plain(words: set[str], forms: set[str]) -> dict[str, str]:
    return {w: f for w in words if (f := analysis.form(w)) in forms}


@settings(max_examples=300, deadline=None)
@given(word=ASCII_WORDS)
def test_an_ascii_words_form_begins_with_its_first_letter(word):
    assert analysis.form(word)[:1] == word[:1].lower()


@settings(max_examples=300, deadline=None)
@given(words=st.sets(WORDS, max_size=40), chosen=st.sets(WORDS, max_size=5),
       others=st.sets(st.text(string.ascii_lowercase, min_size=1, max_size=6), max_size=3))
def test_matching_equals_every_words_form(words, chosen, others):
    forms = {analysis.form(w) for w in chosen} | others
    assert analysis.matching(set(words), forms) == plain(words, forms)


def test_matching_finds_the_forms_of_real_words():
    words = {"Harbours", "harbour", "HARBOUR", "Ferries", "ferry", "the", "Zürich", "zurich",
             "Ølberg", "olberg", "3.5", "running", "Runs", "ran", "u.s", "U.S"}
    forms = {"harbour", "ferri", "zurich", "olberg", "run", "3.5", "the"}
    assert analysis.matching(words, forms) == plain(words, forms) == {
        "Harbours": "harbour", "harbour": "harbour", "HARBOUR": "harbour", "Ferries": "ferri",
        "ferry": "ferri", "the": "the", "Zürich": "zurich", "zurich": "zurich",
        "Ølberg": "olberg", "olberg": "olberg", "3.5": "3.5", "running": "run", "Runs": "run"}
