"""People extraction (issue 17, brief Z58): a given name that is an English word or an
organisation's word too ("Will", "Can", "Piers", "Storm", "Abbey") opens a person's name
when the sentence's shape says person: a modal verb that opens a sentence that asks no
question is a given name ("Will X said"); an organisation's word before a surname is a
given name after an honorific or a lower-case role noun, or with an age in commas after
it. Firms, places, works and questions keep their readings. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # A modal that opens a statement, not a question: a given name.
    ("Will Hethersett said the count had been fair.", ["Will Hethersett"]),
    ("Will Hethersett, 52, of Norwich, was elected on Friday.", ["Will Hethersett"]),
    ("The vote was close. Will Tremayne led the rebels. Mr Tremayne said it was fair.",
     ["Will Tremayne"]),
    ("Result:\nJoan Fairlie (Labour) 9,812\nWill Hethersett (Green) 1,203\n"
     "Pat Gorrie (Independent) 311\nLabour hold.",
     ["Joan Fairlie", "Will Hethersett", "Pat Gorrie"]),
    ("Can Durmazoglu, 41, was named head coach on Monday.", ["Can Durmazoglu"]),
    # An organisation's word (or its plural) before a surname, after an honorific or a
    # lower-case role noun, or with an age after it.
    ("Games analyst Piers Harvington-Cole, of a research firm, said the launch was late.",
     ["Piers Harvington-Cole"]),
    ("The second try came from captain Piers Dunmoor after the break.", ["Piers Dunmoor"]),
    ("Mr Storm Calloway said the plan was sound.", ["Storm Calloway"]),
    ("Analyst Abbey Trelawny, of the bank, said rates would rise.", ["Abbey Trelawny"]),
    ("Abbey Trelawny, 34, of Truro, was fined on Monday.", ["Abbey Trelawny"]),
    ("The vote was close. Piers Tremayne led the rebels. Mr Tremayne said it was fair.",
     ["Piers Tremayne"]),
])
def test_word_given_names_with_a_persons_shape(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A question: the modal is a verb.
    ("Will Tremayne resign before the vote? Mr Tremayne said nothing.", ["Tremayne"]),
    ("Can Hethersett win the seat? Mr Hethersett thinks so.", ["Hethersett"]),
    # A conjunction or a preposition opens a clause, whatever verb follows.
    ("As Tremayne said, the vote was close.", []),
    # Firms, places and works whose first word is a given name or an organisation's word.
    ("Rose Garden Ltd said the firm had filed its accounts.", []),
    ("Abbey Life said profits rose 12 pct in the year.", []),
    ("Press Holdings, the publisher, said sales fell.", []),
    # A role a firm holds too.
    ("The bond is priced at par, lead manager Credit Vaudois said.", []),
    # A word that ends as roles do is no title: "Super" is no role.
    ("Super Bowl Preview: the Owls meet the Hawks on Sunday.", []),
    ("Crowds gathered on Hope Street and in the Rose Garden on Sunday.", []),
])
def test_words_that_open_other_things_stay_out(body, people):
    assert extract_people("", body) == people
