"""A performer's real name given beside a stage name ("X, real name Y", "X (real name Y)")
is a person even with a first name outside the list."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("The comic Captain Bluster, real name Kelvyn Ashcombe-Prout, topped the bill.",
     ("Kelvyn Ashcombe-Prout",)),
    ("The drag act Miss Tempest (real name Tamsyn Oduya) hosted the night.",
     ("Tamsyn Oduya",)),
])
def test_a_real_name_is_a_person(body, people):
    assert find_people("", body).people == people
