"""One person, one name across the index: surnames, titled surnames, headline names,
spellings, shared surnames (docsearch.extract.registry and the index's person column)."""

from __future__ import annotations

import pytest

from docsearch import Article
from docsearch.extract.people import find_people
from docsearch.extract.registry import PeopleRegistry


def people_facet(ix) -> dict[str, int]:
    return {v.value: v.count for v in ix.facets(["person"], limit=None)["person"]}


def ids(results) -> list[str]:
    return sorted(h.id for h in results.hits)


@pytest.fixture
def volcker_index(tmp_index):
    tmp_index.add([
        Article(id="full", title="Fed holds rates",
                body="Federal Reserve Chairman Paul Volcker said rates would hold."),
        Article(id="titled", title="Dollar steadies",
                body="Chairman Volcker said the dollar had fallen far enough."),
        Article(id="headline", title="VOLCKER SEES NO QUICK FIX FOR TRADE DEFICIT"),
        Article(id="other", title="Harbour opens",
                body="Harbour master Nina Okafor said the ferry would sail."),
    ])
    return tmp_index


def test_surnames_resolve_to_the_one_full_name_the_index_knows(volcker_index):
    assert people_facet(volcker_index) == {"Paul Volcker": 3, "Nina Okafor": 1}
    assert volcker_index.get("titled").people == ("Paul Volcker",)
    assert volcker_index.get("headline").people == ("Paul Volcker",)


def test_filters_and_queries_find_every_form_of_the_person(volcker_index):
    assert ids(volcker_index.search(people=["Paul Volcker"])) == ["full", "headline", "titled"]
    assert ids(volcker_index.search(people=["volcker"])) == ["full", "headline", "titled"]
    assert ids(volcker_index.search('person:"Paul Volcker"')) == ["full", "headline", "titled"]
    hits = volcker_index.search("dollar", people=["Paul Volcker"]).hits
    assert [(h.id, h.people) for h in hits] == [("titled", ("Paul Volcker",))]


def test_a_titled_surname_stays_as_it_is_without_a_full_name(tmp_index):
    tmp_index.add(Article(id="a", title="Rates", body="Chairman Volcker said rates would hold."))
    assert people_facet(tmp_index) == {"Volcker": 1}


def test_a_headline_word_alone_is_no_person_until_the_index_knows_one(tmp_index):
    tmp_index.add(Article(id="h", title="VOLCKER SEES NO QUICK FIX FOR TRADE DEFICIT"))
    assert people_facet(tmp_index) == {}
    tmp_index.add(Article(id="f", title="Fed", body="Fed Chairman Paul Volcker spoke."))
    assert people_facet(tmp_index) == {"Paul Volcker": 2}


def test_a_shared_surname_without_a_dominant_owner_is_not_guessed(tmp_index):
    tmp_index.add([
        Article(id="j", title="Debt", body="Treasury Secretary James Baker said debt would fall."),
        Article(id="h", title="Summit", body="Chief of staff Howard Baker said the trip was on."),
        Article(id="t", title="Talks", body="Secretary Baker said talks would resume."),
        Article(id="w", title="BAKER SAYS TALKS WILL RESUME"),
    ])
    assert people_facet(tmp_index) == {"Baker": 1, "Howard Baker": 1, "James Baker": 1}
    assert tmp_index.get("w").people == ()


def test_a_dominant_owner_takes_a_shared_surname():
    registry = PeopleRegistry({"James Baker": 19, "Howard Baker": 1, "Baker": 2})
    assert registry.canonical("Baker") == "James Baker"
    assert registry.resolve("BAKER") == "James Baker"
    even = PeopleRegistry({"James Baker": 3, "Howard Baker": 2})
    assert even.resolve("Baker") is None


def test_diacritics_and_case_never_split_a_person(tmp_index):
    tmp_index.add([
        Article(id="1", title="A", body="Mayor José López said the port would open."),
        Article(id="2", title="B", body="Mayor Jose Lopez said the port had opened."),
        Article(id="3", title="C", body="Mr. López said it was a good day."),
    ])
    assert people_facet(tmp_index) == {"José López": 3}
    assert ids(tmp_index.search(people=["jose lopez"])) == ["1", "2", "3"]


def test_a_name_joins_its_one_fuller_form():
    registry = PeopleRegistry({"Paul Volcker": 5, "Paul A. Volcker": 2})
    assert registry.canonical("Paul A. Volcker") == "Paul Volcker"
    two = PeopleRegistry({"George Bush": 5, "George W. Bush": 2, "George H. W. Bush": 2})
    assert two.canonical("George Bush") == "George Bush"
    assert two.canonical("George W. Bush") == "George W. Bush"


@pytest.mark.parametrize("body, people", [
    ("Minister Amara Okonkwo-Marsh spoke. Okonkwo-Marsh said the bill would pass.",
     ("Amara Okonkwo-Marsh",)),
    ("Abdel Karim Haddad led the talks. Haddad said they went well.", ("Abdel Karim Haddad",)),
    ("Senator Maria de la Cruz voted no. De la Cruz said the plan was rushed.",
     ("Maria de la Cruz",)),
])
def test_hyphenated_and_multi_part_names_stay_whole(tmp_index, body, people):
    tmp_index.add(Article(id="x", title="T", body=body))
    assert tmp_index.get("x").people == people


@pytest.mark.parametrize("title, surnames", [
    ("LAWSON SAYS HE FAVOURS GRADUAL APPROACH TO CUTS IN U.K. INTEREST RATES", ("Lawson",)),
    ("TREASURY'S BAKER SAYS FLOATING EXCHANGE RATES NEED STABILITY", ("Baker",)),
    ("NAKASONE, SUMITA AGREE RATE CUT NOT APPROPRIATE NOW", ("Nakasone", "Sumita")),
    ("OPEC STICKING FIRM ON OFFICIAL PRICES - SUBROTO", ("Subroto",)),
    ("REAGAN SAYS VOLCKER WILL NOT ACCEPT 3rd TERM, NOMINATES GREENSPAN",
     ("Reagan", "Volcker", "Greenspan")),
])
def test_names_in_capital_headlines_are_weak_surnames(title, surnames):
    found = find_people(title, "")
    assert found.people == ()
    assert [s for s in found.surnames if s in surnames] == list(surnames)


def test_weak_surnames_that_are_words_never_become_people(tmp_index):
    tmp_index.add([
        Article(id="1", title="LAWSON SAYS HE FAVOURS GRADUAL APPROACH TO RATE CUTS"),
        Article(id="2", title="U.K.", body="Chancellor of the Exchequer Nigel Lawson said so."),
    ])
    assert people_facet(tmp_index) == {"Nigel Lawson": 2}


def test_a_word_of_an_organisation_in_the_article_is_no_surname():
    found = find_people("OKC SAYS COURT UPHOLDS RULING",
                        "The court ruled for Phillips Petroleum Co. Phillips said it was pleased.")
    assert "Phillips" not in found.surnames and found.people == ()


def test_a_capital_headline_full_name_counts_without_a_body():
    assert find_people("CARL ICAHN SAYS HE IS TARGET OF PROBE", "").people == ("Carl Icahn",)
