"""Context cues around a candidate name: the words near it that only a person has
(a role or family word before it, "paintings by X", "X's memoir", "beat X Y 6-3", a
letter's signature, a place's name as a surname before a verb in the past), and the
contexts that make a capitalised run no person (a vehicle named after one, an actor's
part, a stage name). :class:`docsearch.extract.mentions._Extractor` weighs them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from docsearch.extract.evidence import _FIRM_AGENTS, _ORG_HEADS, _singular
from docsearch.extract.lexicon import _SPEECH, _Lexicon, _word_set, fold, word_key
from docsearch.extract.parts import actor_as_part
from docsearch.extract.things import named_thing
from docsearch.extract.tokens import CAP, INITIAL, _Token

if TYPE_CHECKING:
    from docsearch.extract.mentions import _Mention

# "the Reagan administration": the noun after a lone name that makes it a person.
_LEADER_NOUNS = {"administration", "presidency", "cabinet", "premiership", "regime"}
_APPOSITIVE = {"a", "an", "the", "who", "whose", "aged", "its", "his", "her", "their"}
# "directed by X": the maker of a work is a person.
_MAKER_VERBS = _word_set("maker_verbs.txt")
# "stars as X": the part an actor plays is a character, no person.
_ACTING = _word_set("acting_words.txt")


# Musical works named after their composer: "Mozart's Piano Concerto No 23".
_WORKS = _word_set("musical_works.txt")


# Family in the plural, before first names: "her sons Tobin and Ferris" (not "makers Toyota").
_FAMILY = _word_set("family_plurals.txt")


# Family in the singular: "his grandfather, Walter", "her sister, Georgia".
_RELATIVES = _word_set("relatives.txt")
# Roles of people known by one name: "the model Ajok", "pop star Zuri".
_ONE_NAME_ROLES = {"model", "supermodel", "star", "popstar", "superstar", "influencer"}
# "a girl called Esme": a person; "a dog called Barney": not.
_PEOPLE = _word_set("people_words.txt") | _RELATIVES


# Works a person makes: "paintings by X", "a novel by X".
_WORKS_BY = _word_set("works_by.txt")
# What only a person has: "X's memoir", "X's wife".
_PERSONAL = {"memoir", "memoirs", "autobiography", "poems", "funeral", "death", "grave",
             "obituary", "widow", "widower"} | (_RELATIVES - {"partner"})


# A writer's works, after a possessive and perhaps a word of time: "X's new play".
_WRITINGS = _word_set("writings.txt")
_WORK_TIMES = _word_set("work_times.txt")


def _person_context(tokens: Sequence[_Token], first: int, end: int, lex: _Lexicon) -> bool:
    """Words around a name that only a person has: "paintings by X", "The Hare by E.M.
    X", "campaigners including X", "X's memoir", "X's wife", "X's new play"."""
    if tokens[end - 1].possessive:
        k = end + 1 if end < len(tokens) and tokens[end].text in _WORK_TIMES else end
        return end < len(tokens) and tokens[end].text in _PERSONAL or (
            k > end and k < len(tokens) and tokens[k].text in _WRITINGS)
    if first < 2:
        return False
    before = tokens[first - 1].text
    if before == "by":  # "Small Hours by J.T. Kavanagh": a title's last word, initials
        return tokens[first - 2].text.lower() in _WORKS_BY or (
            tokens[first - 2].kind == CAP and tokens[first].kind == INITIAL
            and word_key(tokens[first - 2].text) not in lex.org_words)
    return before in ("including", "included") and (
        _singular(tokens[first - 2].text.lower()) in lex.role_nouns)


# The loser of a match: "she beat X Y 6-3", "after beating X Y in the final".
_BEAT = _word_set("beat_verbs.txt")
_AFTER_BEATEN = {"", ".", ",", ";", "in", "to", "by", "and", "on", "at", "for", "with", "after",
                 "before", "over", "from"}


def _beaten(tokens: Sequence[_Token], first: int, end: int) -> bool:
    """"beat X Y" ends the phrase or is followed by a score: the loser, a person or a
    club ("beat Glasgow Warriors": a club's name is a common word; "beat X forecasts" no)."""
    if first < 1 or tokens[first - 1].text not in _BEAT or end - first < 2:
        return False
    after = tokens[end].text if end < len(tokens) else ""
    return after in _AFTER_BEATEN or after[:1].isdigit()


def _after_family(tokens: Sequence[_Token], first: int) -> bool:
    """A family word, perhaps with a comma, right before: "his sister, Georgia", "their
    sons, Neil and"."""
    k = first - 1
    if k > 0 and tokens[k].text == ",":
        k -= 1
    return k >= 0 and tokens[k].text.islower() and (
        tokens[k].text in _RELATIVES or tokens[k].text in _FAMILY)


def _plural_role_before(tokens: Sequence[_Token], position: int, lex: _Lexicon) -> bool:
    """A capitalised plural family or role word opens the sentence right before a name:
    "Owners Nkechi and Tom Fairbairn", "Twins Ottilie and ..."."""
    if position < 1:
        return False
    word = tokens[position - 1]
    key = fold(word.text)
    return (word.sentence_start and word.kind == CAP and key.endswith("s")
            and (key in _FAMILY or _singular(key) in lex.role_nouns))


def _names_work(tokens: Sequence[_Token], end: int) -> bool:
    """A one-word possessive name before a musical work: "Shostakovich's Fifth Symphony"."""
    return tokens[end - 1].possessive and any(
        t.text.lower() in _WORKS for t in tokens[end:end + 3])


_LETTER_ENDS = {".", "!", "?", '"', "”", "’"}


# Vehicles named after people, even with a title: "the locomotive Sir Nigel Gresley".
_VEHICLES = _word_set("vehicles.txt")
_PLACE_POSSESSORS = _word_set("place_possessors.txt")


# Ranks in capitals that are no initials: "DCI Lorna Pike".
_ACRONYM_TITLES = _word_set("acronym_titles.txt")


def _named_thing_or_part(tokens: Sequence[_Token], start: int, end: int,
                         lex: _Lexicon) -> bool:
    """A vehicle named after a person ("the locomotive Sir X Y", "MV Dame X Y"), a place
    named for a crown or a church ("the Queen's Park Savannah", "King's Meadow Bellamy"), an
    actor's part ("Y Z as DCI X W", "stars as X"), a stage name given beside the real
    one ("X, real name Y"), or a thing named by the phrase around it ("a worm dubbed X",
    "X, the Brighton five-piece,": :mod:`docsearch.extract.things`)."""
    if start > 0 and (tokens[start - 1].text in _VEHICLES or tokens[start - 1].possessive
                      and fold(tokens[start - 1].text) in _PLACE_POSSESSORS):
        return True
    k = start - 1
    if k > 0 and tokens[k].text in _ACRONYM_TITLES:
        k -= 1  # "as DCI Lorna Pike"
    if k > 0 and end - start > 1 and tokens[k].text == "as" and (
            tokens[k - 1].text in _ACTING or tokens[k - 1].kind == CAP
            and not tokens[k - 1].sentence_start) and (
            word_key(tokens[start].text) not in lex.titles) and (
            word_key(tokens[start].text) not in lex.modifiers):
        return True  # not "But as State Treasurer Ann Richards said"
    return end + 2 < len(tokens) and tokens[end + 1].text == "real" and (
        tokens[end + 2].text == "name" and tokens[end].text in (",", "(")) or (
        _character_or_work(tokens, start, end, lex)) or actor_as_part(tokens, start, end, lex) or (
        named_thing(tokens, start, end, lex))


# Kinds of works: "the film follows X", "the ballad X", "her 1998 hit X".
_WORK_KINDS = _word_set("work_kinds.txt")
# What a character is called: "X, the narrator of the novel", "X is the heroine".
_CHARACTER_NOUNS = _word_set("character_nouns.txt")
# "plays top seed X", "played the defending champion X": a match, no part.
_OPPONENT_WORDS = _word_set("opponent_words.txt")
_PLAYS = {"plays", "played", "playing", "portrays", "portrayed", "portraying"}
_BE = {"is", "was", "are", "were"}
_BE_OR_COMMA = _BE | {","}
_BE_FORMS = _BE | {"be", "being"}
# After "played": the actor ("played with relish by X"), a partner or a place, no part.
_NOT_PART = {"by", "with", "for", "in", "at", "on", "against", "to", "from", "alongside",
             "opposite", "under", "beside", "and", "or"}
# Prepositions that put a phrase between "as" and a name: "is acting as head after X's".
_LINKS = {"after", "before", "of", "about", "over", "into", "than", "near", "behind", "like"}
_OWNERS = {"the", "a", "an", "his", "her", "their", "its", "this"}
# Words before "as" that name a person something: "known as X", "such as X", "so as".
_NOT_PRAISE = {"known", "such", "same", "so", "well", "just", "only", "even", "much", "soon",
               "long", "far", "good", "seen", "thought", "taken", "chosen", "given", "hailed"}
# "X is played with relish by Y", "X, a widowed baker played by Y": a part.
_PLAYED = {"played", "portrayed", "voiced"}


def _description(tokens: Sequence[_Token], i: int, j: int) -> list[str] | None:
    """The lower-case words of ``tokens[i:j]`` (at most four, perhaps ended by a comma) that
    describe a name right after them: "the drummer", "his eldest daughter,"; None when
    others are among them."""
    words = [t.text for t in tokens[i:j]]
    if words and words[-1] == ",":
        words = words[:-1]
    if len(words) > 4 or not all(
            w.replace("-", "").isalpha() and w.islower() and not (
                t.possessive and (i + n == 0 or tokens[i + n - 1].text not in _OWNERS))
            for n, (w, t) in enumerate(zip(words, tokens[i:j], strict=False))):
        return None  # (a possessive after "the": "plays the miller's widow, X")
    return words


def _character_or_work(tokens: Sequence[_Token], start: int, end: int, lex: _Lexicon) -> bool:
    """A character of a work or a work named like a person, by the words around it: an
    actor's part ("plays the drummer X", "plays Mayor X", "is superb as X", "her role as
    X"), a work's hero ("the film follows a widowed trader, X"), the noun of a character
    ("X, the narrator", "X is the most irritating heroine", "the heroine X", "X's
    adventures") or of a work ("the ballad X", "her 1998 hit X", "a portrait titled X");
    not a match ("plays top seed X"), nor anyone named "as" something ("appointed as
    chairman X")."""
    first = word_key(tokens[start].text)
    titled = first in lex.titles
    if _played_by(tokens, end) or _relation_part(tokens, start):
        return True
    if start > 0 and tokens[start - 1].text in _ACRONYM_TITLES:
        start -= 1  # "plays the miller's widow, DS X Y"
    lowest = max(start - 7, 0)
    # (the look back decides only at one of its cue words: none before, no look back)
    cued = any(t.text in _CUES_BEFORE for t in tokens[lowest:start])
    for j in range(start - 1, lowest - 1, -1) if cued else ():
        words = _description(tokens, j + 1, start)
        if words is None:
            break
        word = tokens[j].text
        if word in _PLAYS:  # "plays the drummer X", "plays Mayor X", not "plays X"
            # (one word, or words after "the" / "his": not "the playing surface reminds X")
            return (len(words) == 1 or len(words) > 1 and words[0] in _OWNERS
                    or not words and titled) and not any(
                w in _OPPONENT_WORDS or w in _NOT_PART for w in words)
        if word == "as" and j >= 2 and first not in lex.modifiers and not any(
                w in _NOT_PART or w in _LINKS for w in words):  # not "as director after X"
            praise = tokens[j - 1].text  # "is superb as X", "her role as Mama X"
            # (a word of degree between: "is quietly superb as X", "is even better as X")
            k = j - 3 if j >= 3 and tokens[j - 3].text in _BE and tokens[j - 2].text.isalpha(
                ) and tokens[j - 2].text.islower() else j - 2
            return praise in ("role", "roles") or not titled and (
                tokens[k].text in _BE and praise.isalpha() and praise.islower()
                and not praise.endswith("ed") and praise not in _NOT_PRAISE)
        if word == "follows":  # "the film follows X", "its story mode follows X"
            return j >= 1 and (tokens[j - 1].text.lower() in _WORK_KINDS or j >= 2 and tokens[
                j - 1].text.islower() and tokens[j - 2].text.lower() in _WORK_KINDS)
        if not words and word in _CHARACTER_NOUNS:  # "the heroine X", "the heroine, X"
            return True
        if not words and word in ("titled", "entitled"):  # "a portrait titled X"
            return True
        if not words and word in _WORK_KINDS and j >= 1:  # "the ballad X", "her 1998 hit X"
            owner = tokens[j - 1].text
            return owner.lower() in _OWNERS or owner.isdigit() and len(owner) == 4
    if tokens[end - 1].possessive:
        return end < len(tokens) and tokens[end].text == "adventures"
    k = end + 1 if end < len(tokens) and tokens[end].text in _BE_OR_COMMA else end
    if k == end or k >= len(tokens) or tokens[k].text != "the":
        return False
    for token in tokens[k + 1:k + 6]:  # "X, the narrator", "X is the most irritating heroine"
        if token.text in _CHARACTER_NOUNS:
            return True
        if not (token.text.replace("-", "").isalpha() and token.text.islower()):
            return False
    return False


def _relation_part(tokens: Sequence[_Token], start: int) -> bool:
    """A part named by its relation to another part, in commas: "plays Rory's
    grandmother, X", "stars as her father, X" (a relative's noun, perhaps after one
    adjective, owned by a part that is played or by a pronoun after "stars as")."""
    k = start - 2
    if k >= 2 and tokens[k + 1].text in _RELATIVES and tokens[k].possessive and tokens[
            k].kind == CAP:
        return tokens[k - 1].text in _PLAYS  # "played Jed's stepdaughter X" (no comma)
    if k < 2 or tokens[start - 1].text != "," or tokens[k].text not in _RELATIVES:
        return False
    k -= 1
    if tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k].text not in _OWNERS:
        k -= 1  # "plays Rory's estranged daughter, X"
    owner = tokens[k]
    if owner.kind == CAP and owner.possessive:
        return k > 0 and tokens[k - 1].text in _PLAYS
    return owner.text in ("his", "her", "their") and k >= 2 and tokens[k - 1].text == "as" and (
        tokens[k - 2].text in _ACTING)


def _played_by(tokens: Sequence[_Token], end: int) -> bool:
    """A part and its actor after it: "X, is played with relish by Y", "X will be played by
    Y", "X, a widowed baker played with dry wit by Y": a form of "be" or a short appositive,
    "played" (or "portrayed", "voiced"), at most an adverb or "with" and three words, then
    "by" and a capital or an actor's noun ("by the Berlin actor Y", "X himself, played by
    newcomer Y"; not "was played off the court by", "was played in by": sport)."""
    k = end + 1 if end < len(tokens) and tokens[end].text in _SELVES else end
    k = k + 1 if k < len(tokens) and tokens[k].text == "," else k
    if k < len(tokens) and tokens[k].text in ("a", "an", "the") and k > end:
        for k in range(k + 1, min(k + 6, len(tokens))):  # noqa: B020
            if not tokens[k].text.replace("-", "").isalpha() or not tokens[k].text.islower():
                return False
            if tokens[k].text in _PLAYED:
                break
    elif not (k > end and k < len(tokens) and tokens[k].text in _PLAYED):  # "X, played by"
        if k < len(tokens) and tokens[k].text == "will" and k + 1 < len(tokens):
            k += 1
        if k >= len(tokens) or tokens[k].text not in _BE_FORMS:
            return False
        k += 1
    if k >= len(tokens) or tokens[k].text not in _PLAYED:
        return False
    k += 1
    if k < len(tokens) and tokens[k].text.endswith("ly"):
        k += 1
    elif k < len(tokens) and tokens[k].text == "with":
        k = next((i for i in range(k + 1, min(k + 5, len(tokens))) if tokens[i].text == "by"), k)
    if k + 1 >= len(tokens) or tokens[k].text != "by":
        return False
    if tokens[k + 1].text in ("the", "a", "an"):  # "by the Berlin actor Y"
        return any(t.text in _PERFORMERS for t in tokens[k + 2:k + 6])
    return tokens[k + 1].kind == CAP or tokens[k + 1].text in _PERFORMERS and (
        k + 2 < len(tokens) and tokens[k + 2].kind == CAP)  # "by newcomer Y"


# The words at which _character_or_work's look back decides.
_CUES_BEFORE = _PLAYS | {"as", "follows", "titled", "entitled"} | _CHARACTER_NOUNS | _WORK_KINDS

# "X himself, played by Y".
_SELVES = {"himself", "herself"}
# What an actor is called after "played by the": "by the young Welsh actress Y".
_PERFORMERS = {"actor", "actress", "actors", "comedian", "newcomer", "star"}


def parts_by_first_name(mentions: Sequence[_Mention], tokens: Sequence[_Token], lex: _Lexicon,
                        named_parts: AbstractSet[str] = frozenset(),
                        ) -> tuple[list[_Mention], set[str], set[str]]:
    """The article's mentions less the parts of a play, film or novel that it names in full
    and then by one word, where that word is the part ("Tom Y plays Ansel with ...", "Joan
    Z is even better as Prue", "Dunleavy will be played by Y"): the full name ("the farmer
    Ansel Vickery") is the character too. Not players who meet by first name ("Venus plays
    Serena"). Nor the one-word mentions of the last word of a name read as a part where it
    stood (``named_parts``, folded: "is superb as Maisie ... her cousin, Maisie", "stars Y
    as Edith Quarry ... Mrs Quarry's neighbours"). Also the part words and those last
    words, for the headline's mentions (:func:`without_parts`)."""
    firsts = {m.words[0] for m in mentions if len(m.words) > 1}
    ends = firsts | {m.words[-1] for m in mentions if len(m.words) > 1}
    parts = set()
    surnames = {key for m in mentions if len(m.words) == 1 and (key := fold(m.words[0])) in (
        named_parts)} if named_parts else set()
    for k, token in enumerate(tokens):
        if (token.text not in ends or token.kind != CAP or k + 1 < len(tokens)
                and tokens[k + 1].kind == CAP or k > 0 and tokens[k - 1].kind == CAP):
            continue
        key = fold(token.text)
        if _character_or_work(tokens, k, k + 1, lex) or token.text in firsts and k >= 2 and tokens[
                k - 1].text in _PLAYS and not (tokens[k - 2].kind == CAP and not (
                    k >= 3 and tokens[k - 3].kind == CAP)):  # "Venus plays Serena"
            parts.add(key)
    return without_parts(mentions, parts, surnames), parts, surnames


def without_parts(mentions: Sequence[_Mention], parts: AbstractSet[str],
                  surnames: AbstractSet[str]) -> list[_Mention]:
    """The mentions less those of a part's word (``parts``) and the one-word mentions of a
    part's surname (``surnames``): a headline's too ("Mrs X tops the box office")."""
    if not parts and not surnames:
        return list(mentions)
    return [m for m in mentions if fold(m.words[0]) not in parts
            and fold(m.words[-1]) not in parts
            and not (len(m.words) == 1 and fold(m.words[0]) in surnames)]


def _place_surname(keys: Sequence[str], after: str, lex: _Lexicon) -> bool:
    """A first name and a surname that is also a place's name, before a verb in the past:
    "Charles Darwin passed through", not "Charles de Gaulle airport"."""
    return (len(keys) == 2 and keys[1] in lex.place_words and keys[0] in lex.first_names
            and keys[0] not in lex.place_words and (after.endswith("ed") or after in _SPEECH))


def _signature(tokens: Sequence[_Token], first: int, end: int) -> bool:
    """Initials and a surname on a line of their own, perhaps with a town after a comma:
    a letter's signature ("T. W. Garside, Ilkley")."""
    if tokens[first].kind != INITIAL:
        return False
    k = first - 1
    while k >= 0 and tokens[k].text == "\n":
        k -= 1
    # After a line that ends a sentence ("... thank you.\nT. W. Garside"), not a table's row.
    if k == first - 1 or k >= 0 and tokens[k].text not in _LETTER_ENDS:
        return False
    k = end
    if k < len(tokens) and tokens[k].text == ",":
        k += 1
        while k < len(tokens) and tokens[k].text[:1].isupper():  # "Stoke-on-Trent"
            k += 1
    return k == len(tokens) or tokens[k].text == "\n"


_APPOSITIVE_HEAD_ENDS = {",", ".", ";", ")", "—", "who", "whose", "whom", "from", "with", "and"}


def _appositive_role(tokens: Sequence[_Token], end: int, lex: _Lexicon) -> bool:
    """An appositive that gives a person's role: "Marisol, the Leeds singer-songwriter",
    "Shanice, a mother of two" (the role word within four words of "the" or "a", where
    the appositive's head ends)."""
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].text not in (
            "the", "a", "an"):
        return False
    for k in range(end + 2, min(end + 6, len(tokens))):
        word = tokens[k].text
        if word in lex.role_nouns or "-" in word and word.rsplit("-", 1)[1] in lex.role_nouns:
            # The appositive's head ends there: not "X, a spokesman said", "X, the head
            # of", "X, the presidential palace", "X, a gas producer".
            after = tokens[k + 1].text if k + 1 < len(tokens) else ""
            return (word.islower() and (after in _APPOSITIVE_HEAD_ENDS
                                        or after == "of" and word in _RELATIVES)
                    and word not in _ORG_HEADS and not word.endswith(_FIRM_AGENTS))
        if tokens[k].possessive or not (tokens[k].kind == CAP or word.isalpha()
                                        and word.islower()):
            return False
    return False


# Parties after a member's name: "(Lab, Swansea East)", "(SNP)"; "(R-Texas)" is matched
# by its shape.
_PARTIES = _word_set("parties.txt")
_US_PARTY = re.compile(r"^[RDI]-[A-Z][a-z]")
# "X Y (pictured)", "X Y (left)": a photograph's caption names people.
_PICTURED = {"pictured", "left", "right", "centre", "center", "above", "below", "inset",
             "top", "bottom"}
# "X Y (1931-2019)": a life's years.
_LIFESPAN = re.compile(r"^1[6-9]\d\d$|^20\d\d$")
# Letters after a name that only a person has: "X Y MP", "X Y OBE".
_POST_NOMINALS = _word_set("post_nominals.txt")
# Labels of a credit line: "Picture: X Y", "Interview by X Y".
_CREDITS = {"Picture", "Pictures", "Photo", "Photos", "Photograph", "Photographs", "Words",
            "Reporting", "Illustration", "Interview"}


def _house_style(tokens: Sequence[_Token], first: int, end: int) -> bool:
    """How papers mark a person: an age, a party, a life's years or a caption's word in
    parentheses ("X Y (43)", "X Y (Lab, Swansea East)", "X Y (R-Texas)", "X Y
    (1931-2019)", "X Y (pictured)"), "the late X Y", letters after the name ("X Y MP", "X Y
    OBE"), a byline ("By X Y" on a line of its own), a credit ("Picture: X Y") or a speaker's
    introduction ("I'm X Y", "my name is X Y")."""
    after = tokens[end].text if end < len(tokens) else ""
    if after == "(" and end + 2 < len(tokens):
        inside, close = tokens[end + 1].text, tokens[end + 2].text
        return (inside.isdigit() and len(inside) <= 3 and close == ")"
                or inside in _PARTIES and close in (",", ")")
                or _US_PARTY.match(inside) is not None
                or inside in _PICTURED and close == ")"
                or _LIFESPAN.match(inside) is not None and close in ("-", "–"))
    if first >= 2 and tokens[first - 1].text == "late" and tokens[first - 2].text.lower() in (
            "the", "her", "his", "their", "our", "my"):
        return True  # "the late X Y"
    if first >= 1 and tokens[first - 1].text in ("I'm", "I’m") or first >= 3 and (
            [t.text.lower() for t in tokens[first - 2:first]] == ["i", "am"]
            or [t.text.lower() for t in tokens[first - 3:first]] == ["my", "name", "is"]):
        return True  # "I'm X Y", "my name is X Y": a speaker introduces himself
    if after in _POST_NOMINALS:
        return True
    at_line_start = first < 2 or tokens[first - 2].text == "\n"
    if first >= 1 and tokens[first - 1].text == "By" and at_line_start:
        return after in ("", "\n", ",")
    return (first >= 2 and tokens[first - 1].text == ":" and tokens[first - 2].text in _CREDITS
            and (first < 3 or tokens[first - 3].text == "\n"))


# What only a person does: "X Y died", "X Y shrugged", "X Y was jailed".
_PERSON_VERBS = _word_set("person_verbs.txt")
_PERSON_PASSIVES = _word_set("person_passives.txt")


def _person_verb(tokens: Sequence[_Token], end: int) -> bool:
    """A verb only a person is the subject of, right after the name: "X Y died", "X Y
    was jailed"."""
    after = tokens[end].text if end < len(tokens) else ""
    if after in _PERSON_VERBS:
        return True
    return after in ("was", "is", "has", "had") and end + 1 < len(tokens) and (
        tokens[end + 1].text in _PERSON_PASSIVES
        or tokens[end + 1].text == "been" and end + 2 < len(tokens)
        and tokens[end + 2].text in _PERSON_PASSIVES)


# What a player does that the report says came "from" them: "a late penalty from X".
_SPORT_ACTS = _word_set("sport_acts.txt")


def _sport_act(tokens: Sequence[_Token], first: int) -> bool:
    """The player a goal, a penalty or a save came from: "a late penalty from X"."""
    return first >= 2 and tokens[first - 1].text == "from" and (
        tokens[first - 2].text in _SPORT_ACTS)


def _and_his_or_her(tokens: Sequence[_Token], end: int) -> bool:
    """"X and her kitchen team", "X and his wife": the pronoun is the name's own."""
    k = end + 1 if end < len(tokens) and tokens[end].text in _SELVES else end
    k = k + 1 if k < len(tokens) and tokens[k].text == "," else k
    return k + 1 < len(tokens) and tokens[k].text == "and" and tokens[k + 1].text in (
        "his", "her")


# A person's own pronouns, and a thing's or a group's (which a firm or a team takes).
_HIS_HER = frozenset({"he", "she", "his", "her", "himself", "herself"})
_ITS_THEIR = frozenset({"it", "its", "itself", "they", "their", "them", "themselves"})
# Function words that cannot follow a sentence's subject as its verb.
_NO_VERB = frozenset({"and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "for",
                      "with", "from", "by", "who", "whose", "which", "that", "as", "nor"})
# Marks between a dateline and a story's first word: "MIAMI -- X", "(Reuters) - X".
_DATELINE_MARKS = frozenset({"-", "--", "—", "–", ":", ")"})
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", '"', "“", "”", "quot"})


def _subject_with_own_pronoun(tokens: Sequence[_Token], first: int, end: int,
                              names: AbstractSet[int]) -> bool:
    """Whether the name at ``first:end`` is its sentence's subject and its own pronoun
    follows (:func:`own_pronoun`)."""
    return own_pronoun(tokens, first, end, names) >= 0


def own_pronoun(tokens: Sequence[_Token], first: int, end: int,
                names: AbstractSet[int]) -> int:
    """"X Y shot a 67 Sunday for his first title", "X Y stumbled her way into a playoff":
    a name opens its sentence (or follows a dateline), a lower-case verb comes right after
    it, and "he", "she", "his", "himself", "herself" or a possessive "her" follows in the
    same sentence before any other name the article gives (``names``: where each candidate
    starts), any quotation or any "it", "its", "they" or "their". The subject's own pronoun
    is a person's: a firm, a team or a place takes "it" or "they". A wire's short item
    often gives no other cue. The pronoun's position, or -1."""
    k = first - 1
    while k >= 0 and tokens[k].text in _DATELINE_MARKS:
        k -= 1
    if not (tokens[first].sentence_start or first == 0 or k < first - 1 and k >= 0
            and tokens[k].text[:1].isupper()):
        return -1
    if end >= len(tokens) or tokens[end - 1].possessive:
        return -1
    verb = tokens[end].text
    if not (verb.isalpha() and verb.islower()) or verb in _NO_VERB:
        return -1
    for j in range(end, min(end + 30, len(tokens))):
        text = tokens[j].text
        if j in names or text in _CLAUSE_ENDS or text in _ITS_THEIR or tokens[j].sentence_start:
            return -1
        if text in _HIS_HER:
            # "her way", "her first title"; not "signed her to" (someone else: "her" as
            # the object, as "him" always is).
            after = tokens[j + 1].text if j + 1 < len(tokens) else ""
            return j if text != "her" or after.isalpha() and after.islower() and (
                after not in _NO_VERB) else -1
    return -1
