"""Titles outside the lists, found by their shape (issue 17, brief Z23): a role word with a
hyphenated prefix or suffix ("Minister-designate", "Vice-Chair", "ex-Minister"); a
capitalised word in front of a first name and a surname that the article gives alone,
the word itself never a name alone; such a word the article also writes in lower case.
Names of three words whose first word is a first name keep every word."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    # A listed role word with a lower-case hyphenated part, or two role words joined.
    ("Prime Minister-designate Tarvo Kallasmaa said the talks would go on.",
     ("Tarvo Kallasmaa",)),
    ("President-elect Marguerite Delacroix-Vinet met the outgoing cabinet.",
     ("Marguerite Delacroix-Vinet",)),
    ("The board's Vice-Chair Brenda Okonjo said the vote was close.", ("Brenda Okonjo",)),
    ("Deputy-Mayor Colin Ashgrove opened the fair.", ("Colin Ashgrove",)),
    ("The ex-Minister Harriet Pellow declined to comment.", ("Harriet Pellow",)),
    ("He was named by prime minister-designate Tarvo Kallasmaa on Monday.",
     ("Tarvo Kallasmaa",)),
    # A hyphenated surname of capitalised parts is no title.
    ("Curator Ana Mason-Tallis said the show would travel.", ("Ana Mason-Tallis",)),
])
def test_hyphenated_roles_are_titles(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize(("body", "people"), [
    # The leading word is never the name alone; the surname is.
    ("The canoe was steered by veteran Kavamatu Vaine Purotu, 58. Purotu said the paddle broke.",
     ("Vaine Purotu",)),
    ("The stable's master, Ryokata Tomoyuki Ishizaka, watched. \"He listened,\" Ishizaka said.",
     ("Tomoyuki Ishizaka",)),
    # The leading word is written in lower case elsewhere in the article.
    ("Among the elders was Ruatoka Sione Marakai. Each ruatoka holds land for the family.",
     ("Sione Marakai",)),
])
def test_a_leading_word_that_is_no_name_is_a_title(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize(("body", "people"), [
    # The first word is a first name: two first names, a middle name, a double first name.
    ("Mary Ann Thistlewood said the plan was late. Thistlewood said so twice.",
     ("Mary Ann Thistlewood",)),
    ("José Luis Barrantes spoke first. Barrantes said the budget was tight.",
     ("José Luis Barrantes",)),
    ("Anna Maria Kovalenko won the race. Kovalenko said it was hard.",
     ("Anna Maria Kovalenko",)),
    ("Jean Claude Rimbert arrived late. Rimbert said the train was slow.",
     ("Jean Claude Rimbert",)),
    # The leading word is the person's name alone elsewhere: it stays.
    ("Teariki Vaine Purotu won. Teariki said Purotu was his family name.",
     ("Teariki Vaine Purotu",)),
])
def test_names_keep_their_first_word(body, people):
    assert find_people("", body).people == people
