"""A backslash left in a feed's text where a line was broken ("Kofi\\Annan") parts two
words like a space: a name across it is read whole."""

from __future__ import annotations

from docsearch.extract.people import find_people


def test_a_name_across_an_escaped_line_break_is_whole():
    body = "U.N. envoy Lakhdar\\Brahimi on Monday named a new chief of\\staff for the mission."
    assert find_people("", body).people == ("Lakhdar Brahimi",)
