"""The extractor's quick paths give what the slow paths they skip would give.

Each quick test stands before a slower one and must never change a result: the lists'
item test (:func:`_opens_no_name`), the end-anchored patterns run only where an item's last
word allows a match, the item split's lookahead, and the look back for an actor's part run
only where one of its cue words stands. Items are drawn from the words these patterns react
to, so that the cases where a quick path could go wrong are common."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch.extract import lists
from docsearch.extract.lexicon import _lexicon
from docsearch.extract.people import find_people

WORDS = ["de", "van", "la", "al", "pts", "dnf", "ko", "s.t.", "st", "same", "time", "at",
         "12", "3-41", "+4", "*", "1:44.10", "for", "Lamb", "tries", "goals", "field", "A",
         "J.R.", "AR", "St", "Smith", "Mac", "McKay", "O'Neil", "Ó.", "the", "said", "and",
         "c", "b", "lbw", "not out", "/", ":", "Result:", ".", "(x)", "é", "ñandu", "Ward",
         "Price", "Hiwot", "Alemu", "2.", "=3", "-9", "\u00a0", "\t"]
# (written out, not read from the module: a word dropped there must still be tried here)
OPENERS = ["de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "le", "la", "ní",
           "ni", "nic", "mac", "bin", "al", "el", "at", "same", "st", "s.t", "s.t.", "st.", "dnf",
           "pts", "rsf", "tko", "ko", "rtd", "dq", "the", "said", "ñandu", "é", "Smith", "3", "A"]
TAILS = ["", " 12", " rsf 4", " at 11", " same time", " tries", " goal", " pens", " for Lamb",
         " 4. Extras 9", ".", *(f" {w}" for w in ("st", "s.t", "st.", "s.t.", "dnf", "pts", "rsf",
                                                  "tko", "ko", "rtd", "dq", "+4", "*"))]
# Items shaped like a name after an opening word ("al Ward 12"), where a quick test that
# let a particle or a figure through would be caught, and items of any words.
ITEMS = st.one_of(
    st.tuples(st.sampled_from(OPENERS), st.sampled_from(["", "J ", "A.B. "]),
              st.sampled_from(["Ward", "Smith", "McKay", "Alemu", "Price"]),
              st.sampled_from(TAILS)).map(lambda t: f"{t[0]} {t[1]}{t[2]}{t[3]}"),
    st.sampled_from(OPENERS).map(str),
    st.lists(st.sampled_from(WORDS + OPENERS), min_size=1, max_size=7).map(" ".join))


def slow_core(item: str) -> str:
    """The item's cleaning as it was written before the quick tests."""
    return lists._SUB_LABEL.sub("", lists._FIGURES.sub("", lists._SCORES.sub("", (
        lists._REPLACED.sub("", lists._SENTENCE_AFTER.sub("", item.strip()).rstrip(".")
                            .strip())))))


@settings(max_examples=400, deadline=None)
@given(ITEMS)
def test_item_core_is_the_chain_of_patterns(item: str) -> None:
    assert lists._item_core(item) == slow_core(item)
    assert lists._without_figures(item) == lists._FIGURES.sub("", item)


@settings(max_examples=400, deadline=None)
@given(ITEMS)
def test_an_item_that_opens_no_name_is_listed_and_holds_no_name(item: str) -> None:
    """Where the quick test says so, the slow path finds a non-empty item, no full name
    and a piece that is no name."""
    if not lists._opens_no_name(item):
        return
    lex = _lexicon()
    core = lists._item_core(item)
    assert core
    assert not lists._unranked_full_name(core, lex)
    pieces = [piece for part in lists._DISMISSAL.split(core) if part
              for piece in lists._CREW.split(part)]
    for labelled in (False, True):
        assert any(lists._name(lists._without_figures(p), lex, labelled) is None
                   for p in pieces)


def test_every_opening_word_with_every_name_shape() -> None:
    """The grid of opening words, initials, surnames and tails, each item checked as the
    random ones are (a word dropped from the quick test's list is caught here)."""
    for opener in OPENERS:
        for middle in ("", "J ", "A.B. ", "time ", "Orr "):
            for surname in ("Ward", "Smith", "McKay", "Alemu", ""):
                for tail in TAILS:
                    item = f"{opener} {middle}{surname}{tail}".strip()
                    test_item_core_is_the_chain_of_patterns.hypothesis.inner_test(item)
                    test_an_item_that_opens_no_name_is_listed_and_holds_no_name.hypothesis \
                        .inner_test(item)


def test_items_that_open_no_name() -> None:
    assert lists._opens_no_name("the company said on Tuesday")
    assert not lists._opens_no_name("van Dijk")  # a particle opens a name
    assert not lists._opens_no_name("pts.")  # a figure: the item may be empty
    assert not lists._opens_no_name("men's final: J Orr")  # a label inside the item
    assert not lists._opens_no_name("K Orr 41")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + [";", ",", ", 5", "&", " bt ", " 6-3 Orr",
                                         "drew with"]), max_size=12).map(" ".join))
def test_item_split_lookahead_splits_as_before(line: str) -> None:
    plain = re.compile(lists._ITEM_SPLIT.pattern.removeprefix(r"(?=[\s;,&a])"))
    assert lists._ITEM_SPLIT.pattern.startswith(r"(?=[\s;,&a])")
    assert lists._ITEM_SPLIT.split(line) == plain.split(line)


def test_parts_are_still_found_after_their_cue_words() -> None:
    """The look back for a part runs where a cue word stands within its reach (and
    only there): the characters stay out, the actors in."""
    found = find_people("", "Asha Mendel plays the grieving miller Tobias Crane in the film. "
                            "The film follows Dorothea Vance across the moor.")
    assert found.people == ("Asha Mendel",)
