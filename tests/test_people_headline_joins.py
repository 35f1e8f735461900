"""A name given in full in the headline and by surname alone in the body, or the reverse,
is one person (brief Z7)."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("title", "body", "people"), [
    ("Siobhan Brannagh wins Dunmore seat",
     "Brannagh took the seat by 312 votes on Thursday.", ("Siobhan Brannagh",)),
    ("Tearful Anneliese Kettleborough bows out",
     "Kettleborough, who won three titles, has retired from racing.",
     ("Anneliese Kettleborough",)),
    ("Brannagh wins Dunmore seat",
     "Labour candidate Siobhan Brannagh took the seat by 312 votes.", ("Siobhan Brannagh",)),
    ("Kettleborough retires", "Anneliese Kettleborough has retired from racing.",
     ("Anneliese Kettleborough",)),
])
def test_headline_and_body_name_one_person(title, body, people):
    assert find_people(title, body).people == people


@pytest.mark.parametrize(("title", "body"), [
    # The surname alone in the body is a firm's name, not the headline person's.
    ("Morgan Ashby cuts 300 jobs", "Ashby Ltd said the cuts would come by March."),
    # No surname in the body: a title-case headline alone names nobody.
    ("Siobhan Brannagh wins Dunmore seat", "The count ended at four in the morning."),
])
def test_a_headline_name_without_the_body_surname_is_no_person(title, body):
    assert find_people(title, body).people == ()
