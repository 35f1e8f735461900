"""Things named like people by the phrase that names them are no people (issue 17, brief
Z57): a worm, a horse, a boat, a robot, a band, a show or a tour ("a worm dubbed X", "a
horse named X", "their gig X,", "the robot, known as X", "X, the Brighton five-piece,",
"the X worm", "the tour, My ..."); a person's noun, an appointment, a description with a
role or a possessive, and a kind's members stay people. Made-up names only."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("title, body, people", [
    # A naming word after the kind's noun.
    ("", "A computer worm dubbed Tilly Pocket has hit many PCs, expert Ruth Banner said.",
     ["Ruth Banner"]),
    ("", "A horse named Sarah Jenkins won the race, trainer Sue Dorn said.", ["Sue Dorn"]),
    ("", "The robot, known as Ada Tink, can walk. Engineer Paul Rook built it.",
     ["Paul Rook"]),
    ("", "The virus, called Mabel Quist, deletes files, said analyst Ruth Banner.",
     ["Ruth Banner"]),
    # The kind's noun right before the run, the run closed.
    ("", "The women, in their gig Mary Penrose, won by three lengths, said coach Jim Pascoe.",
     ["Jim Pascoe"]),
    ("", "The bill includes the Leeds five-piece Harry Ledger and the soul singer Jamie Bloom.",
     ["Jamie Bloom"]),
    ("", "The crew rowed their boat Sarah Jenkins, built in 1902, to victory, said cox Tom "
         "Bray.", ["Tom Bray"]),
    # An apposition of the kind after the run; its last word alone later is no person.
    ("", "Tilly Pocket, the Bristol five-piece, were named best band. Singer Ann Oddie said "
         "Pocket had earned it.", ["Ann Oddie"]),
    ("", "Bellamy Crowe, a horse that won the race last year, is the favourite, trainer Sue "
         "Dorn said.", ["Sue Dorn"]),
    # Malware named by the word after its name, in the headline: the body's mention too.
    ("Tilly Pocket worm spreads fast",
     "A computer worm in an e-mail about a woman called Tilly Pocket has infected many "
     "PCs. Expert Ruth Banner said it spread fast.", ["Ruth Banner"]),
    # A possessive determiner opens a title inside a sentence.
    ("", "The tour, My Father's Shed, will run until June, said comedian Dave Pike.",
     ["Dave Pike"]),
])
def test_a_thing_named_by_its_phrase_is_no_person(title, body, people):
    assert extract_people(title, body) == people


@pytest.mark.parametrize("body, people", [
    # A person's noun before the naming word.
    ("A woman called Tilly Pocket said she had lost her dog, police said.", ["Tilly Pocket"]),
    # "named" after "the": an appointment.
    ("The band named Harry Ledger its new drummer on Monday, manager Ann Oddie said.",
     ["Harry Ledger", "Ann Oddie"]),
    # A description with a possessive, a preposition or a role noun.
    ("Harry Ledger, the band's singer, said the tour was over.", ["Harry Ledger"]),
    ("Harry Ledger, the singer with the band, left on Monday.", ["Harry Ledger"]),
    ("Harry Ledger, the horse trainer, said the colt was lame.", ["Harry Ledger"]),
    ("Professor Tom Carver, a virus expert, said the worm spread fast.", ["Tom Carver"]),
    # The members of a kind.
    ("Ann Oddie and Harry Ledger, the comedy duo, won the award.", ["Ann Oddie", "Harry Ledger"]),
    # A person named after a thing keeps the person's name.
    ("Sir Tom Carver, known as Kid Carver, said the show would go on.", ["Tom Carver"]),
])
def test_a_person_beside_a_kinds_noun_stays_a_person(body, people):
    assert extract_people("", body) == people
