"""People extraction (issue 17, brief Z36): a firm's products, units and models named
by its short name, what a results list gives each entrant in brackets, and a comparison
of products, are no people. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # The firm's short name before its legal form: its model is no person.
    ("Harlan Inc said sales rose in March. Buyers who waited for Harlan Vesta were "
     "disappointed.", []),
    # The short name alone, before what only a firm has.
    ("Selvik Nord said it would not comment. Selvik's chief executive, Ingrid Dahl, "
     "visited the plant last month.", ["Ingrid Dahl"]),
    ("Dorian shares fell 4% on Monday. Buyers waited for Dorian Maxi instead.", []),
    # ... or after what is done to a firm.
    ("A rival bought a stake in Corwin last year. Corwin Aero will build the wings in "
     "Wichita.", []),
])
def test_a_firms_short_name_opens_no_persons_name(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A person's own cue wins over the firm's name.
    ("Dorian Group shares fell 4% on Monday. Dorian Kesh, the founder, said he was calm.",
     ["Dorian Kesh"]),
    # A word inside a longer firm's name is no short name of it.
    ("Lucky Damon Inc said profits fell. Damon Rees sold the house in June.", ["Damon Rees"]),
    # A first name before a trade's noun may be a person's ("Steel"): no firm by it.
    ("David Steel, the party leader, spoke first. David Owen said the budget had failed.",
     ["David Owen"]),
])
def test_people_who_share_a_firms_word_stay(body, people):
    assert extract_people("", body) == people


def test_a_bracketed_name_after_two_entrants_is_their_car():
    body = ("Results: 1 Tane Whitlock (Ford Falcon) 20min 11sec; 2 Rhys Calloway (Ford "
            "Falcon) +1.2sec; 3 Ana Petrov (Mazda Rx) +3.1sec.")
    assert extract_people("", body) == ["Tane Whitlock", "Rhys Calloway", "Ana Petrov"]


def test_a_comparison_of_products_is_no_role():
    body = "Our tester Mara Quill preferred it to the pricier Lena Tab for drawing."
    assert extract_people("", body) == ["Mara Quill"]


@pytest.mark.parametrize("body, people", [
    # A firm's kind after "at the": the firm's name, not a person's.
    ("Gemma Tollard, an analyst at the stockbroker Pennock Haye, said the bid was fair.",
     ["Gemma Tollard"]),
    ("Ravi Dunmore, retail analyst at the broker Quenby Marsh, said sales were weak.",
     ["Ravi Dunmore"]),
    # Without "at the", the same noun is a person's role ...
    ("The broker Alan Fenwick said the shares were cheap.", ["Alan Fenwick"]),
    # ... and so is a name in commas after it.
    ("An analyst at the bank, Joanna Lisle, said rates would rise.", ["Joanna Lisle"]),
])
def test_a_firms_kind_after_at_the_names_a_firm(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A maker who speaks of herself: a person, not a firm.
    ("Unst pottery maker Hilda Rennie said she had sold out by noon.", ["Hilda Rennie"]),
    ("Furniture maker Owen Bracewell said he would hire two apprentices.", ["Owen Bracewell"]),
    # A maker that speaks of itself stays a firm.
    ("Toy maker Brindle Hart said it would close the plant.", []),
])
def test_a_maker_who_says_she_is_a_person(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("title, body, people", [
    # The run opens a sentence and its own "its" follows: a firm, not a person.
    ("", "Dana Veltrix will now offer free backups to its customers. Analysts were "
     "unmoved, said Priya Olund.", ["Priya Olund"]),
    # After a dateline.
    ("", "LONDON (Wire) - Marcus Orbelle has agreed to pay its regulator a fine, said "
     "analyst Tessa Grainger.", ["Tessa Grainger"]),
])
def test_a_run_with_its_own_its_is_a_firm(title, body, people):
    assert extract_people(title, body) == people


@pytest.mark.parametrize("body, people", [
    # Another noun stands between the name and "its": the pronoun is that noun's.
    ("Tom Baxendale bought the house for its views.", ["Tom Baxendale"]),
    # A person's own pronoun comes first.
    ("Lena Markovic said she would sell its shares.", ["Lena Markovic"]),
    # A person's cue wins: the title.
    ("Dr Hana Orlov will now lead its research team.", ["Hana Orlov"]),
])
def test_a_person_near_its_stays_a_person(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # "which" after the name: a firm, even after a role noun that a person has too.
    ("Its largest investor, the fund manager Corrant Bellwood, which owns 9% of the "
     "shares, backed the offer, said analyst Neve Arkwright.", ["Neve Arkwright"]),
    # A listed first name: "which" is another noun's ("the tool written by X, which").
    ("The tool was written by graduate student Anjali Ravindran, which stacks the "
     "images.", ["Anjali Ravindran"]),
    # "who" keeps the person.
    ("The fund manager Odile Brackwater, who owns 9% of the shares, backed the offer.",
     ["Odile Brackwater"]),
])
def test_which_after_a_role_noun_and_a_name_is_a_firm(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A person's affiliation in commas: "X, of the <kind of firm> Y," names a firm.
    ("Rhoda Penhallow, of the stockbroker Quenby Lisle, said the shares were cheap.",
     ["Rhoda Penhallow"]),
    ("Analyst Ivo Drummond, of the broker Fenwick Marley, said the bid was too low.",
     ["Ivo Drummond"]),
    # The same words with no affiliation before them: a person's role and name.
    ("The son of the stockbroker Edgar Quilliam said the house was sold.",
     ["Edgar Quilliam"]),
])
def test_an_affiliation_of_the_kind_of_firm_names_a_firm(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # An appositive with a number's compound before its head noun names a firm.
    ("Alun Pryde, who runs Pryde Haulage, a 40-lorry firm in Wrexham, said costs rose.",
     ["Alun Pryde"]),
    ("Mair Lusty, who owns Lusty Cider, a 200-year-old company, said sales fell.",
     ["Mair Lusty"]),
    # A person's appositive with a number's compound stays a person's.
    ("Gwen Tallis, a 34-year-old teacher, said the school would close.", ["Gwen Tallis"]),
])
def test_an_appositive_with_a_numbers_compound_names_a_firm(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A plural agent noun ends an association's name: no person, even before "said".
    ("The Guild of Boat Builders said it was busy, and the Union of Grain Dealers said "
     "prices would rise.", []),
    ("The Council of Mortgage Lenders said lending had slowed, said economist Ros "
     "Baptiste.", ["Ros Baptiste"]),
    # A surname of that shape stays a person's: after a first name, after a title, or
    # where its singular is an agent's shape but no trade.
    ("Gail Sellers said the plan would fail.", ["Gail Sellers"]),
    ("The judge, Professor Eilidh Mairi Tollanders, praised the singers.",
     ["Eilidh Mairi Tollanders"]),
    ("The crew was steered by Kaveh Tamsters, 58, who said the sea was calm.",
     ["Kaveh Tamsters"]),
])
def test_a_plural_agent_noun_ends_an_associations_name(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A bowl is a game's or a ground's name, not a person's.
    ("Nobody in Tulsa is thinking Orange Bowl yet, said coach Dwane Hollis.",
     ["Dwane Hollis"]),
    ("Fans were already talking Rose Bowl in Ann Arbor.", []),
    # A surname that opens with the word stays a person's.
    ("Rose Bowlby said she would run.", ["Rose Bowlby"]),
])
def test_a_bowl_is_an_event(body, people):
    assert extract_people("", body) == people
