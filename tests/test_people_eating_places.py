"""A cafe, bistro or tavern ends a place's name, not a person's, even after a word that
is cut as a title elsewhere ("the Hard Luck Cafe")."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize("body", [
    "Fans queued outside the Hard Luck Cafe in Camden on Saturday.",
    "The dance floor in the Hard Rock Bistro was heaving at midnight.",
])
def test_an_eating_place_is_no_person(body):
    assert find_people("", body).people == ()
