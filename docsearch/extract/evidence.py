"""What the words around a capitalised run say of an organisation, a place or a thing.

Used by :mod:`docsearch.extract.mentions` to keep firms, bands, works and places out of
the people: the nouns that end a place or a thing ("Halden Bay", "... airport"), the
heads of an appositive that names a firm ("X, the Dutch insurer,"), what only a firm has
("X's shares"), a person's affiliation ("analyst Priya Sood of Hartley Crane"), a firm
joined by "and" ("Goodyear Tire and Rubber Co"), the words that open a place's name ("New
York", a gazetteer's "North Tyneside") and a first name before a place's name that is a
family name too ("Allan Houston").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from importlib import resources
from typing import TYPE_CHECKING

from docsearch.extract.gazetteer import gazetteer_places
from docsearch.extract.lexicon import (
    _MONTHS,
    _SPEECH,
    _WEEKDAYS,
    _common_noun,
    _Lexicon,
    _lines,
    _word_set,
    fold,
    word_key,
)
from docsearch.extract.tokens import CAP, HONORIFIC, INITIAL, _Token

if TYPE_CHECKING:
    from docsearch.extract.mentions import _Extractor, _Mention

# Words that open a place name: "West Texas", "North Tyneside", "New York".
_COMPASS = _word_set("compass_words.txt")
# Words that open a place's name whatever follows: "Santa Ana", "Fort Calder", "Puerto Lindo".
_PLACE_OPENERS = _word_set("place_openers.txt")
# Words before a thing's or a place's name: "at Wilhelmina Hall", "the Glen Sannox".
_PLACE_PREPOSITIONS = _word_set("place_prepositions.txt")
# Words before a place's, a firm's or a thing's name more often than a person's: a first
# name of the world dictionary's weaker tier does not count after them.
_NOT_BEFORE_WORLD_NAMES = _PLACE_PREPOSITIONS | _word_set("not_before_world_names.txt")


# Words that end a place or organisation name ("Halden Bay", "Greenloop Materials").
_PLACE_NOUNS = _word_set("place_nouns.txt")
# A lower-case word after a name that shows the name belongs to a thing, not a person.
_THING_NOUNS = _PLACE_NOUNS | _word_set("thing_nouns.txt")
# An appositive headed by one of these names an organisation: "Morgan Hale, the insurer,".
_ORG_HEADS = _word_set("org_heads.txt")
# Words that end an appositive: "X, a broker with ...", "X, the firm that ...".
_APPOSITIVE_ENDS = _word_set("appositive_ends.txt")
# A capital inside a word after three lower-case letters: a product or firm ("VaultBox"),
# not a name ("McKenna", "MacLeod", "DiCaprio", "FitzGerald").
_CAMEL = re.compile(r"^(?!Mac|Fitz)[A-Z][a-z]{3,}[A-Z]")
# What only an organisation has: "Mason Reid's shares".
# The words that end a company's name: "Rubber Co", "Athay Inc.".
_COMPANY_SUFFIXES = {"co", "corp", "inc", "ltd", "cos", "sons", "brothers", "plc", "llc", "llp"}
# What is done to a firm: "a stake in X", "the takeover of X", "a merger with X".
_FIRM_OBJECTS = frozenset(tuple(line.split()) for line in _lines("firm_objects.txt"))
# What a firm's shares do: "X shares fell 8%".
_MARKET_VERBS = _word_set("market_verbs.txt")
# What a share price moves by: "11%", "4 per cent", "3 pct", "12p".
_PRICE_UNITS = {"%", "per", "pct", "percent", "p", "pence", "cents", "cts"}
# What a firm reports: "X reported a pre-tax profit", "X posted a loss".
_REPORTS = {"reported", "reports", "posted", "posts", "booked", "announced"}
_RESULTS = {"profit", "profits", "loss", "losses", "revenue", "revenues", "turnover",
            "earnings", "dividend"}
_ORG_POSSESSIONS = _word_set("org_possessions.txt")
# What a firm does to its own: "X Y launched its", "X Y cut its forecast".
_FIRM_VERBS = _word_set("firm_verbs.txt")


# Plural family words before a pair of names: "brothers X and Y Z".
_KIN = _word_set("family_plurals.txt")


def _given_compound(keys: Sequence[str], ex: _Extractor) -> bool:
    """A hyphenated given name whose every part is a listed first name and no role word
    ("sven-goran", "nils-erik"; not "major-general"): a first name, as the listed
    compounds are ("jean-pierre"). A firm's hyphenated name has a part that is no first
    name ("rolls-royce", "coca-cola"), or another word of the name is a word of a firm
    the article names ("X Furniture Inc's Clayton-Marcus Furniture")."""
    lex = ex.lex
    return "-" in keys[0] and all(part in lex.first_names and part not in lex.role_nouns
                                  for part in keys[0].split("-")) and not any(
        ex.in_organisation(k) for k in keys[1:])


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _affiliation(tokens: Sequence[_Token], end: int, lex: _Lexicon) -> bool:
    """A role word and a name follow: "Kidder Peabody analyst Adam Cuhney"."""
    return (end + 1 < len(tokens) and tokens[end].text.islower()
            and tokens[end].text in lex.role_nouns and tokens[end + 1].kind in (CAP, HONORIFIC))


def _org_evidence(tokens: Sequence[_Token], first: int, end: int, lex: _Lexicon) -> bool:
    """What the words around a name say of an organisation: a person's affiliation
    ("Priya Sood of Hartley Crane"), a kind of firm before it ("rivals such as X",
    "competitors like X"), a known firm beside it ("X and Merrill Lynch"), an appositive
    headed by an organisation noun ("Morgan Hale, the Dutch insurer,"), what only a firm
    has ("Mason Reid's shares") or its pronoun ("Carter Lowe said its profits"), what is
    done to a firm ("a stake in X", "the takeover of X"), or "which" after it ("X, which
    makes ...")."""
    if first >= 2 and (tokens[first - 2].text.lower(), tokens[first - 1].text) in (
            _FIRM_OBJECTS) and not tokens[end - 1].possessive:  # not "the sale of X's papers"
        return True
    if first >= 2 and tokens[first - 1].text in ("as", "like"):
        kind = tokens[first - 3] if tokens[first - 2].text == "such" and first >= 3 else (
            tokens[first - 2])
        if kind.text.lower() in lex.org_cues:
            return True
    if end + 1 < len(tokens) and tokens[end].text in ("and", "or", "&"):
        j = end + 1
        while j < len(tokens) and tokens[j].kind == CAP and j - end <= 4:
            j += 1
        # "X and Merrill Lynch", not "X and Merrill Lynch's analyst" nor "... analyst Y".
        if j > end + 1 and not tokens[j - 1].possessive and not (
                j < len(tokens) and tokens[j].text in lex.role_nouns) and fold(
                " ".join(t.text for t in tokens[end + 1:j])) in lex.organisations:
            return True
    if first >= 2 and tokens[first - 1].text == "of":
        # Only after a person's name: "Bank of", "Governor of" and "Prince X of" are titles;
        # "X Y, of Carrow Hale" too.
        o = first - 3 if tokens[first - 2].text == "," else first - 2
        owner = tokens[o]
        key = word_key(owner.text)
        if (owner.kind == CAP and not owner.possessive and key not in lex.titles
                and key not in lex.org_words and key not in lex.place_words
                and o >= 1 and tokens[o - 1].kind == CAP):
            return True
    last = tokens[end - 1]
    if last.possessive:
        return end < len(tokens) and (tokens[end].text.lower() in _ORG_POSSESSIONS or [
            t.text.lower() for t in tokens[end:end + 2]] in (["chief", "executive"], ["ceo"],
                                                            ["finance", "director"]))
    if end + 1 < len(tokens) and tokens[end].text in ("shares", "stock") and (
            tokens[end + 1].text in _MARKET_VERBS):
        return True  # "Ted Baker shares fell"
    if end + 2 < len(tokens) and tokens[end].text in _MARKET_VERBS and (
            tokens[end + 1].text[:1].isdigit() and tokens[end + 2].text in _PRICE_UNITS):
        return True  # "Morland Tye fell 11%", "X rose 4 per cent"
    if end < len(tokens) and tokens[end].text in _REPORTS and any(
            t.text in _RESULTS for t in tokens[end + 1:end + 5]):
        return True  # "X reported a pre-tax profit"
    if end + 1 < len(tokens) and (tokens[end].text in _SPEECH or tokens[end].text in (
            _FIRM_VERBS)) and tokens[end + 1].text == "its":
        return True  # "X said its", "X launched its"
    if [t.text for t in tokens[end:end + 2]] == [",", "which"]:
        # "X, which makes the chips,": a firm or a thing ("who" for a person); not a pair
        # of relatives ("run by siblings Tom and Ruth X, which": the firm is before them).
        return not (first >= 3 and tokens[first - 1].text == "and"
                    and tokens[first - 2].kind == CAP and tokens[first - 3].text in _KIN
                    or _work_by(tokens, first))
    if end + 2 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text.lower() in (
            "a", "an", "the"):
        # The appositive's last noun names a firm: "X, the Dutch insurer," is a firm, not
        # "X, a company founder", "X, the company's economist", "X, the company said".
        head = False
        for k, token in enumerate(tokens[end + 2:end + 7], end + 2):
            word = token.text.lower()
            if word == "-" or word[:1].isdigit() and k + 1 < len(tokens) and (
                    tokens[k + 1].text == "-"):
                continue  # a number's compound: "X, a 40-lorry firm", "a 200-year-old bank"
            if token.possessive or token.kind == CAP:
                head = False  # "the Dutch insurer", "the company's chief economist"
            elif word in _ORG_HEADS:
                head = True
            elif word in lex.role_nouns or word in _SPEECH:
                return False
            elif not word.replace("-", "").isalpha() or word in _APPOSITIVE_ENDS:
                return head
        return head
    return False


# Works a person makes: "a novel by X".
_WORKS_BY = _word_set("works_by.txt")


def _work_by(tokens: Sequence[_Token], first: int) -> bool:
    """"the novel by (the late) X, which ...", "the late X, which ...": "which" is the
    work's, or the dead writer's work's, not the name's (a firm is "acquired by X, which")."""
    k = first - 1
    if k >= 1 and tokens[k].text == "late" and tokens[k - 1].text.lower() in ("the", "his", "her"):
        return True
    return k >= 1 and tokens[k].text == "by" and tokens[k - 1].text.lower() in _WORKS_BY


# A lower-case word of a role's shape: "forecaster", "archaeologist", "tester".
_ROLE_SHAPE = re.compile(r"(?:ologist|ographer|ician|ist|ster|eer|er|or)$")
# Words of that shape that are no roles.
_NOT_ROLES = _word_set("not_roles.txt")
# Words between "the" and a product's name ("the cheaper Tarrow Slate"), some of a role's
# shape ("pricier", "costlier").
_PRODUCT_WORDS = _word_set("product_words.txt")


def _role_shaped(word: str, lex: _Lexicon) -> bool:
    """A lower-case word of a role's shape right before a name, outside the role list
    ("forecaster Ruaridh Penwarden", "the county archaeologist Berwyn Tallis"), or a
    hyphenated role ("the farmer-turned-poet Elfed Pargeter")."""
    if not word[:1].islower() or word in _PRODUCT_WORDS:
        return False  # "the pricier Orla Pad": a comparison of products, no role
    if "-" in word:
        return fold(word.rsplit("-", 1)[1]) in lex.role_nouns
    return _agent_shaped(word, lex) and not word.endswith(_FIRM_AGENTS)


def _agent_shaped(word: str, lex: _Lexicon) -> bool:
    """A word of an agent noun's shape outside the common words: "forecaster", "tester",
    "steelmaker"."""
    return (len(word) > 5 and word not in _NOT_ROLES and word not in lex.english
            and _ROLE_SHAPE.search(word) is not None)


# Agent nouns that are mostly firms: "steelmaker X", "stockbroker X", "operator X".
_FIRM_AGENTS = tuple(_lines("firm_agents.txt"))


def _age_after(tokens: Sequence[_Token], end: int) -> bool:
    """An age in commas after a name: "Ffion Ashcombe-Lyle, 43, won"."""
    if end + 2 >= len(tokens) or tokens[end].text != ",":
        return False
    number = tokens[end + 1].text  # the figure may hold the comma after it: "43,"
    return (number.rstrip(",").isdigit() and len(number.rstrip(",")) <= 3
            and (number.endswith(",") or tokens[end + 2].text in (",", ")")))


_OPENING_QUOTES = {"'", "‘", '"', "“"}
_CLOSING_QUOTES = {"'", "’", '"', "”"}


def _quoted(tokens: Sequence[_Token], first: int, end: int) -> bool:
    """A name in quotes is a variety, a ship or a work: "the rose 'Edwina Halloway'"
    (a closing single quote is read as the name's bare apostrophe)."""
    if first == 0 or tokens[first - 1].text not in _OPENING_QUOTES:
        return False
    return (end < len(tokens) and tokens[end].text in _CLOSING_QUOTES
            or tokens[end - 1].quote_after and tokens[first - 1].text in ("'", "‘"))


def _possessive_role(tokens: Sequence[_Token], k: int, lex: _Lexicon) -> bool:
    """An appositive that gives a person's role at a firm: "X, Google's chief executive,"."""
    if k >= len(tokens) or tokens[k].kind != CAP or not tokens[k].possessive:
        return False
    for token in tokens[k + 1:k + 4]:
        if not token.text.islower():
            return False
        if token.text in lex.role_nouns:
            return True
    return False


def _statement(tokens: Sequence[_Token], end: int) -> bool:
    """"X said in a statement": how a firm speaks, no evidence of a person by itself."""
    return [t.text for t in tokens[end + 1:end + 4]] == ["in", "a", "statement"]


def _joined_company(tokens: Sequence[_Token], end: int) -> bool:
    """"and" and a company name follow: "Goodyear Tire and Rubber Co", "Donaldson Lufkin
    and Jenrette Securities Corp."."""
    if end + 1 >= len(tokens) or tokens[end].text not in ("and", "&"):
        return False
    for j in range(end + 1, min(end + 5, len(tokens))):
        if tokens[j].text[:1].isupper() and word_key(tokens[j].text) in (
                _COMPANY_SUFFIXES):
            return True
        if tokens[j].kind not in (CAP, INITIAL):
            return False
    return False


# Nouns of a settlement or of its people before "of" and a place's name: "residents of X",
# "the village of X" (not "the estate of X", a dead person's, nor "friends of X").
_OF_PLACE = frozenset({"residents", "inhabitants", "villagers", "townspeople", "townsfolk",
                       "citizens", "natives", "village", "town", "city", "hamlet", "suburb",
                       "parish", "district", "county", "province", "borough", "township",
                       "municipality", "island", "neighbourhood", "neighborhood"})
# Last nouns of an appositive that names a place: "X, the old hill estate,", "X, a village".
_PLACE_HEADS = _PLACE_NOUNS | {"constituency", "ward", "parish", "suburb", "hamlet",
                               "neighbourhood", "neighborhood", "settlement", "municipality",
                               "farm", "vineyard", "ranch"}
# People's nouns outside the role list (who come from a place: "a dinner lady from X").
_PERSON_NOUNS = _word_set("people_words.txt") | {"lady", "ladies", "gentleman", "gentlemen"}
# Plural articles of Spanish, never inside a person's name but after "de": "Las Rozas" (a
# last word is no article: "Arjen Los", a Dutch surname).
_PLURAL_ARTICLES = {"las", "los"}


def _place_or_body(tokens: Sequence[_Token], first: int, end: int, keys: Sequence[str],
                   lex: _Lexicon) -> bool:
    """What the words around a name of two words or more say of a place or a body, whatever
    its words: a person's affiliation after it (:func:`_affiliation`); the people or the
    settlement of a place before "of" ("residents of X", "the village of X"); a person
    noun and "from" before it, a person's origin ("a dinner lady from X", "drummers from
    X"; not "took over as chairman from X", a role given); an appositive whose last noun
    is a place's ("X, the old hill estate,"); a street named for a person ("X Jr.
    Boulevard"); a seat before its member ("X member Rachel Y"); the Gaelic article before
    a word that is no name ("An Bord Pleanála"; "An Wang" is a person); a plural Spanish
    article inside it, not after "de" ("Peña Madridista Las Rozas")."""
    from docsearch.extract.span_model import surnames  # it reads this module

    def text(i: int) -> str:
        return tokens[i].text if 0 <= i < len(tokens) else ""

    before, before2 = text(first - 1), text(first - 2)
    if before == "of" and before2 in _OF_PLACE:
        return True
    if before == "from" and _person_noun(before2, lex) and not tokens[end - 1].possessive and (
            "as" not in (text(i) for i in range(first - 6, first - 2))):
        return True
    after, nxt = text(end), text(end + 1)
    if _affiliation(tokens, end, lex):
        return True
    if after.rstrip(".") in ("Jr", "Sr") and nxt[:1].isupper() and _singular(
            nxt.lower()) in _THING_NOUNS:
        return True
    if after == "member" and end + 1 < len(tokens) and tokens[end + 1].kind in (CAP, HONORIFIC):
        return True
    if text(first) == "An" and len(keys) >= 2 and keys[1] not in lex.first_names and (
            keys[1] not in surnames()):
        return True
    if any(keys[i] in _PLURAL_ARTICLES and keys[i - 1] not in ("de", "del", "y")
           for i in range(1, len(keys) - 1)):  # not a last word: "Arjen Los"
        return True
    return _place_appositive(tokens, end)


def _person_noun(word: str, lex: _Lexicon) -> bool:
    """A lower-case noun of a person or of people: a role ("drummer", "residents"), "man",
    "lady"."""
    one = _singular(word)
    return word.islower() and (word in lex.role_nouns or one in lex.role_nouns
                               or word in _PERSON_NOUNS or one in _PERSON_NOUNS)


def _place_appositive(tokens: Sequence[_Token], end: int) -> bool:
    """"X, the sixty-hectare hill estate, ...", "X, a fishing village,": the appositive's
    last noun, before punctuation or a word that ends it, is a place's (not "X, the village
    postmistress", a person's role)."""
    if end + 2 >= len(tokens) or tokens[end].text != "," or tokens[end + 1].text.lower() not in (
            "a", "an", "the"):
        return False
    for k in range(end + 2, min(end + 8, len(tokens))):
        token = tokens[k]
        word = token.text.lower()
        if word == "-":
            continue  # "the 60-hectare estate"
        if token.possessive or not word.replace("-", "").isalnum() or word in _APPOSITIVE_ENDS:
            return False
        if word in _PLACE_HEADS:
            after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
            if not after.replace("-", "").isalnum() or after in _APPOSITIVE_ENDS:
                return True
    return False


def _compass_place(keys: Sequence[str], k: int, lex: _Lexicon) -> bool:
    """"New York", "South Louisiana": a compass word opens a place's name at ``k``."""
    return keys[k] in _COMPASS and (keys[k + 1] in lex.place_words
                                    or f"{keys[k]} {keys[k + 1]}" in lex.places)


def _gazetteer_place(keys: Sequence[str]) -> bool:
    """A place of an installed gazetteer (:mod:`~docsearch.extract.gazetteer`), alone or
    with one word after it: "North Tyneside", "North Carolina State", "Golden Gate Futures"."""
    places = gazetteer_places()
    return " ".join(keys) in places or len(keys) >= 3 and " ".join(keys[:-1]) in places


def _place_as_surname(m: _Mention, keys: Sequence[str], lex: _Lexicon,
                      lowercase_seen: AbstractSet[str]) -> bool:
    """"All-Star Allan Houston": a listed first name that is no place's word and a
    surname that is a place's name too, one a list of family names holds, make a full
    name without a cue; not a place's whole name ("Austin Texas", "Jackson
    Mississippi": the first name itself a place, or the surname no family name), nor
    one after a word that opens places' names ("in", "from") or beside a firm's."""
    from docsearch.extract.span_model import surnames
    first = keys[0]
    return len(keys) == 2 and first in lex.first_names and not (
        first in lex.places or first in lex.place_words or first in lex.place_ends
        or first in lowercase_seen or keys[1] in lex.demonyms
        or m.before in _NOT_BEFORE_WORLD_NAMES or m.beside_org or m.from_heading
        or _gazetteer_place(keys)) and keys[1] in surnames()


def _company_word(word: str, lex: _Lexicon) -> bool:
    key = word_key(word)
    return key in lex.org_words or key in _COMPANY_SUFFIXES


# Agent nouns among the firm agents that name people's jobs too ("at the manager X").
_PERSON_AGENTS = {"manager", "porter", "monitor", "tracker", "dealer"}


def _firm_kind_at(tokens: Sequence[_Token], first: int, lex: _Lexicon) -> bool:
    """"an analyst at the stockbroker X", "at the broker X": a noun of a kind of firm after
    "at the" and right before a name makes it the firm where someone works (a person
    there is set off by commas, "at the bank, X,", or has no "at": "the broker X said"); so
    does "of the" after a person's name and a comma ("Ann Lee, of the stockbroker X,"; not
    "the son of the stockbroker X")."""
    if first < 3 or tokens[first - 2].text != "the" or tokens[first - 3].text != "at" and not (
            tokens[first - 3].text == "of" and first >= 5 and tokens[first - 4].text == ","
            and tokens[first - 5].kind == CAP):  # "X Y, of the stockbroker Z,": Y's firm
        return False
    word = tokens[first - 1].text
    return word.isalpha() and word.islower() and (
        word in lex.org_cues or word in _ORG_HEADS
        or word.endswith(_FIRM_AGENTS) and word not in _PERSON_AGENTS)


def _says_she(tokens: Sequence[_Token], end: int) -> bool:
    """"X said she ...", "X says he ...": a person speaks of herself; a firm says "it"."""
    return end + 1 < len(tokens) and tokens[end].text in _SPEECH and (
        tokens[end + 1].text in ("she", "he"))


# Family names that Chinese, Korean and Vietnamese names put first ("Chen Wei").
_FAMILY_FIRST = _word_set("family_first_surnames.txt")
_VOWEL_RUNS = re.compile(r"[aeiouy]+")


def _family_first(words: Sequence[str], lex: _Lexicon) -> bool:
    """A two-word name in family-name-first order: a common Chinese, Korean or Vietnamese
    family name, then a given name of one syllable that is no listed first name or
    surname ("Chen Wei", not "Lee Smith") or a hyphenated one ("Wong Ka-ming")."""
    from docsearch.extract.span_model import surnames
    if len(words) != 2 or fold(words[0]) not in _FAMILY_FIRST:
        return False
    given = fold(words[1])
    if "-" in given:
        return all(part.isalpha() for part in given.split("-"))
    return given.isalpha() and len(_VOWEL_RUNS.findall(given)) == 1 and (
        given not in lex.first_names and given not in surnames())


# What a player's tally counts: "X's 28 points", "X with 19 points and 11 rebounds".
_TALLIES = frozenset({"points", "goals", "rebounds", "assists", "runs", "wickets", "yards",
                      "touchdowns", "saves", "strikeouts", "hits", "birdies", "tackles",
                      "steals", "aces", "laps", "catches", "tries"})


def _word_surname(key: str) -> bool:
    """A family name that is an organisation's or a place's word too ("Banks", "Church",
    "Street", "Hill"): a listed family name that is no firm's legal form ("Company")."""
    from docsearch.extract.firms import _LEGAL_FORMS
    from docsearch.extract.span_model import surnames
    return key in surnames() and key not in _LEGAL_FORMS and key not in _COMPANY_SUFFIXES


def _word_surname_cue(tokens: Sequence[_Token], first: int, end: int, lex: _Lexicon) -> bool:
    """What only a person has beside a listed first name and a surname that is a common,
    an organisation's or a place's word too: a player's tally ("X's 28 points", "X with
    19 points") or a person's name joined to it by "and" or a comma ("a rotation of X,
    Jiri Welsch and ...", "Led by X and Devin Hester"), the way lists of people are made."""
    n = len(tokens)
    k = end if tokens[end - 1].possessive else end + 1 if (
        end < n and tokens[end].text == "with") else n
    if k + 1 < n and tokens[k].text.isdigit() and tokens[k + 1].text in _TALLIES:
        return True
    if tokens[end - 1].possessive:
        return False
    j = end + 1 if end < n and tokens[end].text == "," else end
    j = j + 1 if j < n and tokens[j].text in ("and", "&") else j
    if j > end and _persons_name_at(tokens, j, 1, lex):
        return True
    i = first - 1
    if i >= 0 and tokens[i].text in ("and", "&"):
        i = i - 1 if i >= 1 and tokens[i - 1].text == "," else i
        return _persons_name_at(tokens, i - 1, -1, lex)
    return False


def _persons_name_at(tokens: Sequence[_Token], k: int, step: int, lex: _Lexicon) -> bool:
    """Whether a name of two or three capitalised words starts (``step`` 1) or ends
    (``step`` -1) at ``k``: its first word a listed first name, none of its words a title,
    a role, an organisation's, a place's, a demonym, a month or a common noun, and the
    whole no known organisation nor place ("Santa Monica")."""
    from docsearch.extract.world_names import world_first_names
    j = k
    while 0 <= j < len(tokens) and tokens[j].kind == CAP and abs(j - k) < 4:
        if step < 0 and j < k and tokens[j].possessive:
            break
        j += step
        if step > 0 and tokens[j - 1].possessive:
            break
    lo, hi = (k, j) if step > 0 else (j + 1, k + 1)
    if not 2 <= hi - lo <= 3 or (0 <= j < len(tokens) and tokens[j].kind == CAP):
        return False
    keys = [word_key(t.text) for t in tokens[lo:hi]]
    if keys[0] not in lex.first_names and (keys[0] not in world_first_names().names
                                           or keys[0] in lex.english):
        return False
    joined = " ".join(keys)
    if keys[0] in _PLACE_OPENERS or keys[0] in _COMPASS or joined in lex.places or (
            _gazetteer_place(keys)):
        return False  # "Santa Monica", "North Tyneside"
    return joined not in lex.organisations and not any(
        x in lex.titles or x in lex.role_nouns or x in lex.org_words or x in lex.place_words
        or x in lex.demonyms or x in _MONTHS or x in _WEEKDAYS or _common_noun(x, lex)
        for x in keys)


_ADJECTIVE_END = re.compile(r"(an|ese|ish|i|ic|ine)$")


def _nationality_nouns() -> frozenset[str]:
    """Nationality nouns that are no adjective: the demonyms of ``demonyms.txt``'s first
    section (nationalities) that the list also gives in the plural ("Briton", "Swede",
    "Spaniard", "Dane", "Scot"), less those of an adjective's ending (-an, -ese, -ish,
    -i, -ic, -ine: "Russian", "American", "Iraqi", "Argentine"), which open the names of
    firms and things ("American Depositary Receipts", "Argentine Plate"). One without a
    plural ("Japanese", "British", "Dutch") is an adjective only."""
    text = resources.files("docsearch.extract").joinpath("data/demonyms.txt").read_text("utf-8")
    section = text.split("\n# Sub-national", 1)[0]
    words = [ln.strip() for ln in section.splitlines() if ln.strip() and ln[0] != "#"]
    plural = set(words)
    return frozenset(fold(w) for w in words if w + "s" in plural and not _ADJECTIVE_END.search(w))


_NATIONALITY_NOUNS = _nationality_nouns()
_FELLOW = frozenset({"fellow", "compatriot"})


def _demonym_lead(tokens: Sequence[_Token], start: int, keys: Sequence[str], lex: _Lexicon,
                  lowercase_seen: AbstractSet[str]) -> int:
    """"Briton X Y", "Fellow Hungarian X Y", "Unseeded Swede X Y", "beat fellow Russian X
    Y": a nationality noun (:func:`_nationality_nouns`; any demonym after "fellow" or
    "compatriot") opens a run, perhaps after one word that opens its sentence, and two or
    three words of a name's shape follow (none a common word, a place or a place's word,
    a demonym, an organisation's word, a title or a role, nor written in lower case in the
    article; not a known organisation nor a gazetteer's place). The noun says what the
    name is: a person, as no firm is a Briton. How many words to cut off the run (the noun
    and what opens it), or 0."""
    n = len(keys)
    if n < 3:
        return 0
    cut = 1 if keys[0] in lex.demonyms else 2 if n > 3 and keys[1] in lex.demonyms else 0
    if not cut:
        return 0
    noun = keys[cut - 1]
    if cut == 2:  # a word opens the sentence: "Fellow", "Unseeded", "Resurgent"
        if not tokens[start].sentence_start or keys[0] in lex.first_names:
            return 0
        fellow = keys[0] in _FELLOW
    else:
        fellow = start > 0 and tokens[start - 1].text in _FELLOW
    if not (fellow or noun in _NATIONALITY_NOUNS):
        return 0
    rest = keys[cut:]
    if n - cut > 3 or any(
            k in lex.english or k in lex.common or k in lex.places or k in lex.place_words
            or k in lex.demonyms or k in lex.org_words or k in lex.titles
            or k in lex.role_nouns or k in lowercase_seen or len(k) < 2 for k in rest):
        return 0
    if " ".join(rest) in lex.organisations or _gazetteer_place(rest):
        return 0
    return cut
