"""People extraction (issue 17), the words around a name: transcripts and introductions,
letters' signatures, one-name artists by their role, cues for names outside the list,
firms named like people and surnames that are organisation words, how papers mark a
person, what only a person does, sport and pronoun cues, and a work by initials.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # "I'm" is no name word: the host introduces herself.
    ("Good evening. I'm Ruth Bellamy, and with me is Dev Rao.", ["Ruth Bellamy", "Dev Rao"]),
    # ... and an introduction is a person's cue.
    ("Hello, I'm Tavrin Solbakk. My name is Quennell Oduya, and I run the bakery.",
     ["Tavrin Solbakk", "Quennell Oduya"]),
    # Speakers' labels in capitals at the start of a line.
    ("MARTIN OKAFOR: Welcome back to the show.\nPRIYA DASGUPTA: Thanks for having me.\n"
     "MARTIN OKAFOR: Let's start with the budget.",
     ["Martin Okafor", "Priya Dasgupta"]),
])
def test_transcripts(body, people):
    assert extract_people("", body) == people


def test_a_letter_signed_from_a_hyphenated_town():
    body = "We have waited long enough. Let us finally build it.\nR. Penhallow, Stoke-on-Trent\n"
    assert extract_people("", body) == ["R. Penhallow"]


@pytest.mark.parametrize("body, people", [
    # A one-word name with an appositive that gives a person's role.
    ("Support came from Marisol, the Leeds singer-songwriter whose songs won the crowd.",
     ["Marisol"]),
    ("Shanice, a mother of two from Croydon, has waited six years for a flat.", ["Shanice"]),
    # ... not a firm's or a place's appositive, nor a clause after a comma.
    ("Prices rose in Halverby, a council spokesman said.", []),
    ("Shares in Dornell, the Leeds retailer, rose.", []),
])
def test_one_name_artists_by_their_role(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # The surname alone with a speech verb elsewhere makes the full name a person.
    ("Anwen Tregothnan won the seat by 300 votes. Tregothnan said the result was a surprise.",
     ["Anwen Tregothnan"]),
    # A player and the country they play for.
    ("In the final she meets the top seed, Tarni Quade of Australia, who won in 58 minutes.",
     ["Tarni Quade"]),
    # A results list's initial and surname confirm the full name of the report.
    ("Tavita Leaupepe of Samoa held off Ilario Benedetti.\n"
     "Results: 1 T Leaupepe (Sam) 10.01; 2 I Benedetti (Ita) 10.05; 3 K Obiora (Ngr) 10.09.",
     ["Tavita Leaupepe", "Ilario Benedetti", "K Obiora"]),
    # The maker of a play, a novel or an album, by a possessive.
    ("Oriel Tamsett's new play opens tonight at the Lyceum.", ["Oriel Tamsett"]),
    # "Ben" opens a name as a first name; inside one it is a particle.
    ("Team principal Ben Hartigan said the car was quick.", ["Ben Hartigan"]),
    ("Former prime minister David Ben Gurion spoke.", ["David Ben Gurion"]),
    # A nickname in quotes after a first name outside the list.
    ("Tobenna \"Toby\" Ezeh, a partner at Harlow Ventures, said the round was full.",
     ["Tobenna Ezeh"]),
    # A composer through the score of a work.
    ("The orchestra played Brezzani's score with urgency.", ["Brezzani"]),
    # Trades and callings before a name, also before initials.
    ("Praise went to apprentice Tevita Fonoti and the local mechanic J.R. Brannock.",
     ["Tevita Fonoti", "J.R. Brannock"]),
    # Singers' voices and Indian honorifics are roles and titles.
    ("The Cavaradossi, the young Welsh tenor Rhodri Evans, sang ardently.", ["Rhodri Evans"]),
    ("Replying, Union Minister of State for Petroleum Shri R. K. Chaturvedi said prices "
     "were linked.", ["R. K. Chaturvedi"]),
])
def test_cues_for_names_outside_the_list(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A person's firm after a comma: "X, of Carrow Hale Dunmore".
    ("Selling agent Tom Reece, of Carrow Hale Dunmore, said the buyers were local.",
     ["Tom Reece"]),
    # What only a firm has, and what it does to its own.
    ("Users of Elena Marlow's app complained. Lucia Brand launched its first phone.", []),
    # A product after "the" and a word of its kind.
    ("The cheaper Elena Slate has a smaller screen than the latest Lucia Vista.", []),
    # "New" opens a place's name, no title: no "York Fed".
    ("Rates rose to the New York Fed's level.", []),
    # ... and a role inside the run still ends the title.
    ("A group led by New York Investor David Rocker bought the stake.", ["David Rocker"]),
    ("The South Louisiana Sweet grade was cut by 50 cents.", []),
    # Firms after a plural word of their trade.
    ("The deal was run by brokers Halden Marsh, a spokesman said.", []),
    # What a firm's shares do, and what it says of its own margins.
    ("Shares slipped after Kestle Brand warned that costs would squeeze its margins. "
     "Kestle Brand fell 11% to 312p.", []),
])
def test_firms_named_like_people(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A surname that is an organisation's word too, with a cue.
    ("The parish vicar Anne Church said the roof leaked.", ["Anne Church"]),
    ("Rev Tobias Banks led the prayers.", ["Tobias Banks"]),
    # ... and without one, the organisation.
    ("Donations to St Anne Church rose.", []),
])
def test_surnames_that_are_organisation_words(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # An age or a party in parentheses.
    ("Tegwen Aldous (43), of Tenby, admitted the theft.", ["Tegwen Aldous"]),
    ("The amendment was moved by Carys Hebblethwaite (Lab, Swansea East).",
     ["Carys Hebblethwaite"]),
    ("Deverell Tosh (D-Ohio) agreed.", ["Deverell Tosh"]),
    # A caption's word or a life's years in parentheses, and "the late X Y".
    ("Tavish Oakley (pictured) opened the fair. Ysbail Corran (1931-2019) founded the choir.",
     ["Tavish Oakley", "Ysbail Corran"]),
    ("The hall was left to the village by the late Mererid Arfon.", ["Mererid Arfon"]),
    # Letters after a name.
    ("Ffion Maddocks MP said the bypass was overdue. Ysolde Kernow OBE opened the fair.",
     ["Ffion Maddocks", "Ysolde Kernow"]),
    # A byline and a picture credit.
    ("By Anwen Pritchard, Political Correspondent\nThe council met on Monday.",
     ["Anwen Pritchard"]),
    ("Picture: Tamsin Rowntree\nCrowds at the fair.", ["Tamsin Rowntree"]),
    # Not a ticker.
    ("Halden Marine (HDM) rose.", []),
])
def test_how_papers_mark_a_person(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A verb only a person is the subject of.
    ("Ottilie Venn died on Sunday. Rhun Carver was jailed for six years.",
     ["Ottilie Venn", "Rhun Carver"]),
    ("Asked about the delay, Tancredi Oyelaran shrugged.", ["Tancredi Oyelaran"]),
    # ... not what a firm or a ship does.
    ("Halden Marine was sold. Carrow Hale has been appointed broker.", []),
])
def test_what_only_a_person_does(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # The player a goal or a penalty came from.
    ("Rovers levelled through a late penalty from Ouattrin Mbemba.", ["Ouattrin Mbemba"]),
    # "X and her ...": the pronoun is the name's own.
    ("Thanks go to Marjorie and her kitchen team, and to Idwal Prys and his drivers.",
     ["Marjorie", "Idwal Prys"]),
    # ... not a firm's "its".
    ("Thanks go to Halden and its staff.", []),
])
def test_sport_and_pronoun_cues(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    ("The list is:\nQuiet Rooms by J.T. Mallory\nThe Salt Year by Ines Okafor\nSmall Mercies "
     "by E.M. Trease\nThe chair, Professor Ann Hale, said so.",
     ["J.T. Mallory", "Ines Okafor", "E.M. Trease", "Ann Hale"]),
    # A firm after "by" and a lower-case verb stays out.
    ("The issue was underwritten by J.P. Hallam and priced on Friday.", []),
    # ... and so does one after a firm's name: a bid for a firm by a firm.
    ("The bid for Dunmore Freight Corp by R.T. Askew LBO Inc was raised on Friday.", []),
])
def test_a_work_by_initials(body, people):
    assert extract_people("", body) == people
