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


def test_a_surname_never_joins_a_full_name_of_another_article(volcker_index):
    # Issue 17: "Mr Michael" is not George Michael because the index knows him; a bare
    # surname joins a full name only in its own article (or by a first initial).
    assert people_facet(volcker_index) == {"Volcker": 2, "Paul Volcker": 1, "Nina Okafor": 1}
    assert volcker_index.get("titled").people == ("Volcker",)
    assert volcker_index.get("headline").people == ("Volcker",)


def test_filters_and_queries_find_each_form_of_the_person(volcker_index):
    assert ids(volcker_index.search(people=["Paul Volcker"])) == ["full"]
    # The bare surname is a facet value of its own: selecting it finds what it counts.
    assert ids(volcker_index.search(people=["Volcker"])) == ["headline", "titled"]
    assert ids(volcker_index.search('person:"Paul Volcker"')) == ["full"]
    hits = volcker_index.search("dollar", people=["Volcker"]).hits
    assert [(h.id, h.people) for h in hits] == [("titled", ("Volcker",))]


def test_mr_michael_is_no_george_michael(tmp_index):
    tmp_index.add([
        Article(id="g", title="Concert", body="Singer George Michael sang for two hours."),
        Article(id="m", title="Vote", body="Mr Michael said the vote was close."),
    ])
    assert people_facet(tmp_index) == {"George Michael": 1, "Michael": 1}
    tmp_index.add(Article(id="a", title="Jobs", body="First secretary Alun Michael backed "
                                                    "the plan. Mr Michael said it would help."))
    assert people_facet(tmp_index) == {"Alun Michael": 1, "George Michael": 1, "Michael": 1}
    assert tmp_index.get("m").people == ("Michael",)


def test_initials_join_the_one_full_name_with_that_first_initial():
    registry = PeopleRegistry({"Tiernan Rourke": 3, "T Rourke": 2, "J. Baker": 1,
                               "James Baker": 2, "Jane Baker": 1, "K Baker": 1})
    assert registry.canonical("T Rourke") == "Tiernan Rourke"
    assert registry.canonical("J. Baker") == "J. Baker"  # James or Jane: not guessed
    assert registry.canonical("K Baker") == "K Baker"


def test_a_titled_surname_stays_as_it_is_without_a_full_name(tmp_index):
    tmp_index.add(Article(id="a", title="Rates", body="Chairman Volcker said rates would hold."))
    assert people_facet(tmp_index) == {"Volcker": 1}


def test_a_headline_word_alone_is_no_person_until_the_index_knows_one(tmp_index):
    tmp_index.add(Article(id="h", title="VOLCKER SEES NO QUICK FIX FOR TRADE DEFICIT"))
    assert people_facet(tmp_index) == {}
    tmp_index.add(Article(id="f", title="Fed", body="Fed Chairman Paul Volcker spoke."))
    assert people_facet(tmp_index) == {"Paul Volcker": 1, "Volcker": 1}


def test_a_shared_surname_without_a_dominant_owner_is_not_guessed(tmp_index):
    tmp_index.add([
        Article(id="j", title="Debt", body="Treasury Secretary James Baker said debt would fall."),
        Article(id="h", title="Summit", body="Chief of staff Howard Baker said the trip was on."),
        Article(id="t", title="Talks", body="Secretary Baker said talks would resume."),
        Article(id="w", title="BAKER SAYS TALKS WILL RESUME"),
    ])
    assert people_facet(tmp_index) == {"Baker": 2, "Howard Baker": 1, "James Baker": 1}
    assert tmp_index.get("w").people == ("Baker",)


def test_a_dominant_owner_takes_no_bare_surname():
    registry = PeopleRegistry({"James Baker": 19, "Howard Baker": 1, "Baker": 2})
    assert registry.canonical("Baker") == "Baker"
    assert registry.resolve("BAKER") == "Baker"
    assert PeopleRegistry({"James Baker": 3}).resolve("Baker") == "Baker"
    assert PeopleRegistry({"James Baker": 3}).resolve("Smith") is None


def test_diacritics_and_case_never_split_a_person(tmp_index):
    tmp_index.add([
        Article(id="1", title="A", body="Mayor José López said the port would open."),
        Article(id="2", title="B", body="Mayor Jose Lopez said the port had opened."),
        Article(id="3", title="C", body="Mr. López said it was a good day."),
    ])
    assert people_facet(tmp_index) == {"José López": 2, "López": 1}
    assert ids(tmp_index.search(people=["jose lopez"])) == ["1", "2"]


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
    assert people_facet(tmp_index) == {"Lawson": 1, "Nigel Lawson": 1}


def test_a_word_of_an_organisation_in_the_article_is_no_surname():
    found = find_people("OKC SAYS COURT UPHOLDS RULING",
                        "The court ruled for Phillips Petroleum Co. Phillips said it was pleased.")
    assert "Phillips" not in found.surnames and found.people == ()


def test_a_capital_headline_full_name_counts_without_a_body():
    assert find_people("CARL ICAHN SAYS HE IS TARGET OF PROBE", "").people == ("Carl Icahn",)


def test_a_headline_title_its_body_never_names_is_only_a_weak_surname():
    # "Inspector Quillon finds the file": a title in a headline alone (a pun as often as a
    # person) is no person the article establishes, and teaches the collection no surname.
    found = find_people("Inspector Quillon finds the missing file",
                        "It is the tool most office workers reach for first.")
    assert found.people == () and found.surnames == ("Quillon",)
    found = find_people("Senator Marwick backs the bill", "Marwick said the vote was close.")
    assert found.people == ("Marwick",)


def test_a_headline_title_alone_licenses_no_other_headline_word(tmp_index):
    tmp_index.add([
        Article(id="pun", title="Inspector Quillon finds the missing file",
                body="It is the tool most office workers reach for first."),
        Article(id="a", title="Quillon shares jump on debut",
                body="Investors bought the stock at a furious pace."),
        Article(id="b", title="Rumours surround Quillon browser",
                body="The software maker is said to be working on a browser."),
    ])
    assert people_facet(tmp_index) == {}


def test_a_headline_role_word_alone_still_makes_a_person():
    found = find_people("Harbour boss Quillon has berth worries",
                        "The port had a busy week after two ferries were delayed.")
    assert found.people == ("Quillon",)


def test_a_headline_title_without_any_body_is_still_a_person():
    # No body at all: the headline is the whole story, its title the story's evidence.
    found = find_people("Island Prime Minister Quillon resigns after the vote", "")
    assert found.people == ("Quillon",)
