"""A backslash left in a feed's text where a line was broken ("Kofi\\Annan") parts two
words like a space: a name across it is read whole."""

from __future__ import annotations

from docsearch.extract.people import find_people


def test_a_name_across_an_escaped_line_break_is_whole():
    body = "U.N. envoy Lakhdar\\Brahimi on Monday named a new chief of\\staff for the mission."
    assert find_people("", body).people == ("Lakhdar Brahimi",)


def test_two_backslashes_end_a_paragraph_and_part_a_name_run():
    # A feed's paragraph break (the title repeated, then the story) is two backslashes: a
    # name before it does not run on into the next paragraph's first word.
    body = ("Quarry Owners Questioned by Marta Ekdahl\\\\Stonevale's owners, Ivo Brandt and "
            "Lene Holm, were questioned on Monday by Marta Ekdahl on a late news show.")
    people = find_people("", body).people
    assert "Marta Ekdahl" in people
    assert not any("Stonevale" in p for p in people)
