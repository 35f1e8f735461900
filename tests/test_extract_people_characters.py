"""Characters of novels, plays, films and operas, and works named like people, are no
people (issue 17, brief Z33): the evidence the text gives ("plays the drummer X", "is
superb as X", "her role as X", "the film follows X", "X is the heroine", "the ballad X");
an actor or anyone named "as" something else stays a person. Made-up names only."""

from __future__ import annotations

import pytest

from docsearch import extract_people


@pytest.mark.parametrize("body, people", [
    # "plays" with a role or a relative before the part.
    ("The soap actress Wendy Parrish, who plays barmaid Lacey Dorran in the series, left.",
     ["Wendy Parrish"]),
    ("Veteran actor Femi Balogun plays the drummer Ekundayo Tella, whose drum warns the king.",
     ["Femi Balogun"]),
    ("Newcomer Tola Ibekwe plays his daughter, Morenike Ajani, in the film.", ["Tola Ibekwe"]),
    ("Retired farmer Walt Brenner plays Mayor Quimbley in the musical.", ["Walt Brenner"]),
    # "is superb as", "is excellent as the daughter,": a review's praise of a part.
    ("Veteran actress Lorna Chee is superb as Ah Ping, the grandmother.", ["Lorna Chee"]),
    ("Jade Tanaka is excellent as the daughter, Siew Lan, caught in the middle.",
     ["Jade Tanaka"]),
    # "her role as X".
    ("Rosa Whitcombe won an award for her role as Mabel Fenner, the diner owner.",
     ["Rosa Whitcombe"]),
    # A work follows its hero.
    ("The show follows Hetty Marsh, a young woman who runs a copper claim.", []),
    ("The drama follows a widowed salt trader, Nandi Zulu, across the Karoo.", []),
    ("The series follows Detective Sergeant Nuala Breen, a docker's daughter.", []),
    # The heroine, the narrator, the protagonist.
    ("Moira Lakeland thinks Cordelia Vance is the most irritating heroine in fiction.",
     ["Moira Lakeland"]),
    ("Tansy Grieve, the narrator of the novel, is a widow, writes Ada Pole.", ["Ada Pole"]),
    # A work named like a person, after the noun of its kind.
    ("Haneul sang the ballad Winter Letter with ease.", []),
    ("The portrait, titled Granny Olive at the Lake, shows his grandmother.", []),
    ("She won in 2019 with the novel Esther Rising.", []),
    ("Dionne Marr sang her 1998 hit Summer Rain Lullaby with Tom Gale.", ["Dionne Marr",
                                                                          "Tom Gale"]),
    # "X's adventures" are a character's.
    ("Children love Toby Tumbler's adventures, said Mary Holt.", ["Mary Holt"]),
])
def test_characters_and_works_are_no_people(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # Named "as" something else, or "plays" an opponent: people.
    ("The board appointed as chairman Harold Stenning, who retired last year.",
     ["Harold Stenning"]),
    ("Tomas Berdane plays Andy Rodwell in the final on Sunday.",
     ["Tomas Berdane", "Andy Rodwell"]),
    ("The move follows Finance Minister Ada Kwame's visit to Accra.", ["Ada Kwame"]),
    ("He was hired as coach by Mark Penhale last year.", ["Mark Penhale"]),
    ("Gina Hart, the hero of the rescue, was praised by Paul Noble.", ["Gina Hart",
                                                                        "Paul Noble"]),
    ("The film was directed by Sara Okafor, who played the lead.", ["Sara Okafor"]),
    ("The mayor is played by Jordan Osei-Brandt, and Nan is played with relish by "
     "Vera Lyle.", ["Jordan Osei-Brandt", "Vera Lyle"]),
    ("Tom Bardy played for coach Bill Bellamy and played alongside Ray Lott.",
     ["Tom Bardy", "Bill Bellamy", "Ray Lott"]),
    ("The playing surface reminds Tom Bardy of his school field.", ["Tom Bardy"]),
])
def test_people_beside_the_same_words_stay(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A part named by its first name ("plays X", "is better as X") is the character the
    # article named in full: the full name goes with it.
    ("In the play, the farmer Ansel Vickery and the widow Prue Halloran quarrel over a well. "
     "Tom Glennister plays Ansel with quiet menace, and Joan Merriweather is even better as "
     "Prue.", ["Tom Glennister", "Joan Merriweather"]),
    # "X, ... is played with relish by Y", "X, a widowed baker played with dry wit by Y",
    # "X will be played by Y": X is the part (and its full name too).
    ("Her enemy, the scheming magistrate Judge Orrin Thwaite, is played with relish by "
     "Colm Devaney.", ["Colm Devaney"]),
    ("At its heart is Maud Ferriter, a widowed baker played with dry wit by Siobhra Kealy.",
     ["Siobhra Kealy"]),
    ("It follows Sergeant Kit Dunleavy, a docker's son. Dunleavy will be played by Ross "
     "Ebbing.", ["Ross Ebbing"]),
    # "her role as" a titled part; "plays the miller's widow, X".
    ("Actress Fola Adeyemi won for her role as Mama Ronke, a market trader.", ["Fola Adeyemi"]),
    ("Maura Kell plays the miller's widow, DS Edda Crane, with great restraint.",
     ["Maura Kell"]),
])
def test_parts_named_in_full_elsewhere_are_no_people(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # Players who meet by first name: a match, not a part.
    ("Venus Hartley and Serena Hartley reached the final. Venus plays Serena on Sunday.",
     ["Venus Hartley", "Serena Hartley"]),
    # "played off the court by", "played in by": sport, no part.
    ("Ivo Brandt was played off the court by Luca Ferro.", ["Ivo Brandt", "Luca Ferro"]),
    ("Dale Okoro was played in by Sam Treloar and scored.", ["Dale Okoro", "Sam Treloar"]),
    # "as" and a phrase with a preposition before the name: no part ("is acting as interim
    # director after X's resignation", "was made as a group with X").
    ("Peter Amble is acting as interim director after Corwin's exit, said Dara Corwin.",
     ["Peter Amble", "Dara Corwin"]),
    ("The shares are owned by Wes Tallack, a director. The filing was made as a group with "
     "Tallack.", ["Wes Tallack"]),
    # The actor of a part stays, named by first name after his full name.
    ("Ned Farrow plays the lighthouse keeper. Ned said the part was hard.", ["Ned Farrow"]),
])
def test_players_and_actors_named_by_first_name_stay(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A part given by a relation to another part: "plays Y's mother, X", "as her father, X".
    ("Dame Edna Fellowes plays Rory's grandmother, Bess, who owns the farm.",
     ["Edna Fellowes"]),
    ("Sean Kilbride stars as her father, Stan, a retired docker.", ["Sean Kilbride"]),
    ("Moira Tate plays his sister, Vera, with real bite.", ["Moira Tate"]),
    # A real relative in the news stays: no part is played.
    ("The farm passed to his son, Callum Reid, who sold it in 2001.", ["Callum Reid"]),
])
def test_a_part_named_by_a_relation_to_another_part(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # "X, is played by the <...> actor Y": the part, named before its actor.
    ("The old ferryman, Silas Penwarne, is played by the Bristol actor Joel Harkin.",
     ["Joel Harkin"]),
    ("Greta Lindqvist will be played by the young Swedish actress Ebba Holm.", ["Ebba Holm"]),
    # Played by a team or a coach: sport, both stay.
    ("Tomas Brody was played by the coach Ivan Kerr at full back.", ["Tomas Brody", "Ivan Kerr"]),
])
def test_a_part_played_by_an_actor_with_an_article(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # A part named once with a cue is the part wherever the article names it ("is quietly
    # terrific as Maisie ... her cousin, Maisie"); a full name's part takes its surname
    # alone with it ("stars X as Edith Quarry ... Mrs Quarry").
    ("Nell Garrow is quietly terrific as Maisie, a ferry cook. Later her cousin, Maisie, "
     "arrives at the quay.", ["Nell Garrow"]),
    ("The film stars Ruth Danvers as Edith Quarry, a retired nurse. Mrs Quarry's neighbours "
     "are wary of her.", ["Ruth Danvers"]),
    # "who played Jed's stepdaughter Tansy": a relation to a part, with no comma.
    ("Carys Bellow, who played Jed's stepdaughter Tansy in the soap, left in May.",
     ["Carys Bellow"]),
    # "X himself, played by newcomer Y": the part, and its actor after a performer's noun.
    ("Silas Penwarne himself, played by newcomer Joel Harkin, is the weak link.",
     ["Joel Harkin"]),
    # An actor "as" a titled part or "as the <description>" part.
    ("The cast also includes Odell Marsh as Inspector Frobisher, the detective, and comedian "
     "Jim Tarrant as the landlord, Percy Gleave.", ["Odell Marsh", "Jim Tarrant"]),
    ("Eamon Varley, as the crooked mayor Sir Walter Pim, gets the best lines.",
     ["Eamon Varley"]),
    ("Lorna Quist steals every scene as the Reverend Amble, a nervous young curate.",
     ["Lorna Quist"]),
    # A game's or a work's story mode follows its hero.
    ("Its story mode follows a young courier, Zed Malinowski, who must repay a debt.", []),
])
def test_parts_by_an_actors_as_and_across_the_article(body, people):
    assert extract_people("", body) == people


def test_a_parts_surname_in_the_headline_is_no_person():
    body = ("The film stars Ruth Danvers as Edith Quarry, a retired nurse. Mrs Quarry's "
            "neighbours are wary of her.")
    assert extract_people("Mrs Quarry tops the box office", body) == ["Ruth Danvers"]


@pytest.mark.parametrize("body, people", [
    # "as" of time or of office after a name: people.
    ("Crowds cheered Tom Ashby as President Ruth Kane arrived at the gates.",
     ["Tom Ashby", "Ruth Kane"]),
    ("Dan Cole replaced Ian Pratt as the chief executive, Mary Vint said.",
     ["Dan Cole", "Ian Pratt", "Mary Vint"]),
    ("Ann Pike wept as her father, Joe Pike, spoke at the inquest.", ["Ann Pike", "Joe Pike"]),
    ("Ann Pike named Joe Pike as the new chairman, and Ivo Lund as his deputy.",
     ["Ann Pike", "Joe Pike", "Ivo Lund"]),
    # A real person a work is about, and its writer.
    ("Dora Fenn's new film about the life of the explorer Hugh Brabazon opens on Friday.",
     ["Dora Fenn", "Hugh Brabazon"]),
])
def test_people_beside_an_actors_as_stay(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # "a novel by the late X, which ...": the novel is what "which" is about; a firm is
    # "acquired by X, which".
    ("It is based on the 1962 novel by the late Edna Brackley, which has been out of print "
     "for years.", ["Edna Brackley"]),
    ("The brand was acquired by Halden Crewe, which makes pumps.", []),
])
def test_which_after_a_work_by_a_person(body, people):
    assert extract_people("", body) == people
