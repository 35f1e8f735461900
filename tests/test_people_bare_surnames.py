"""A bare surname with evidence is a person (issue 17, brief Z25): a family name and
nothing else, opening a mixed-case headline before a verb or said to speak in mixed-case
text, needs no full name in the article nor in the index."""

from __future__ import annotations

import pytest

from benchmarks.gold_sets import resolved
from docsearch.extract.people import FoundPeople, find_people

BODY = "The union leader left the meeting early on Tuesday."


@pytest.mark.parametrize("title, body", [
    ("Gallagher walks out of talks", BODY),              # a headline's first word, a verb
    ("Gallagher ends strike", BODY),                       # a verb of four letters
    ("Union talks end", "The meeting ended early, Gallagher said on Tuesday."),
    ("Union talks end", "The meeting ended early, said Thornton."),
])
def test_a_family_name_with_a_cue_is_a_person(title: str, body: str) -> None:
    found = find_people(title, body)
    assert len(found.people) == 1
    assert found.people[0] in ("Gallagher", "Thornton")
    assert found.surnames == ()


def test_it_is_a_person_in_a_collection_that_knows_no_one_of_that_name() -> None:
    found = {"1": find_people("Gallagher walks out of talks", BODY),
             "2": find_people("Prices rise", "Oil prices rose on Monday.")}
    assert resolved(found) == {"1": ("Gallagher",), "2": ()}


@pytest.mark.parametrize("title, body", [
    # Capitals: the case is lost ("GALLAGHER SAYS" stays a weak surname, as before).
    ("GALLAGHER WALKS OUT OF TALKS", BODY),
    ("UNION TALKS END", "THE MEETING ENDED EARLY, GALLAGHER SAID ON TUESDAY."),
    # Not the headline's first word, or no verb after it.
    ("Talks end as Gallagher walks out", BODY),
    ("Gallagher: talks end", BODY),
    # Firms named by their founders, and places.
    ("Ratings cut", "Thornton and Gallagher said it lowered the ratings. Gallagher said so."),
    ("Ratings cut", "Rates were cut, Gallagher & Co said. Gallagher said the cut was due."),
    ("Stocks fall", "Stocks fell, Gallagher said. In Gallagher, shops closed."),
    ("Insurer acts", "The insurer acted, Lloyd's said. Lloyd's of London is old."),
    # A family name written first: the person is "Wang Lifeng".
    ("Talks", "Wang Lifeng met officials. Wang said talks went well."),
    # No family name, or a common word too.
    ("Pfizer to settle claims", "The drug maker said on Friday it would pay."),
    ("Union talks end", "The meeting ended early, Young said."),
    ("Union talks end", "The meeting ended early, Choi said."),   # four letters
])
def test_no_person_without_the_evidence(title: str, body: str) -> None:
    assert find_people(title, body).people == ()


def test_a_bare_surname_never_joins_another_articles_full_name() -> None:
    found = {"1": find_people("Gallagher walks out of talks", BODY),
             "2": find_people("", "Noel Gallagher, the singer, said the tour was over.")}
    assert resolved(found) == {"1": ("Gallagher",), "2": ("Noel Gallagher",)}


def test_the_full_name_in_the_article_still_takes_it() -> None:
    assert find_people("Gallagher walks out", "Union leader Mary Gallagher left early.") == (
        FoundPeople(("Mary Gallagher",), ()))
