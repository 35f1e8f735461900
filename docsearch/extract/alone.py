"""A family name alone ("Hayden walks into strife", "..., Warmenhoven says") and the
evidence that makes it a person in the article that gives no fuller name.

:func:`people.find_people <docsearch.extract.people.find_people>` takes a one-word name
as a person when the word is a family name and nothing else (:func:`_surname_only`) and
its context is a person's: it opens a headline before a verb (:func:`_leads_with_verb`),
it speaks in the body (:func:`_subject_of_speech`), or, for a word in no list of family
names, it is its sentence's subject and its own pronoun follows (:func:`subject_alone`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from docsearch.extract import span_model
from docsearch.extract.cues import own_pronoun
from docsearch.extract.evidence import _PLACE_PREPOSITIONS, _statement
from docsearch.extract.lexicon import _HEADLINE_VERBS, _SPEECH, _common_noun, fold
from docsearch.extract.mentions import _Extractor, _Mention
from docsearch.extract.tokens import _Token
from docsearch.extract.world_names import world_first_names

# A family name's shape: one capital, then small letters ("Hayden"; not "McAllister",
# "D'Angelo", "Hakuryu-maru", "NetApp").
_SURNAME_SHAPE = re.compile(r"^[A-Z][a-zà-ÿ]{4,}$")


def _leads_with_verb(tokens: Sequence[_Token], start: int, end: int) -> bool:
    """A one-word name opens the headline and a verb in lower or title case follows:
    "Hayden walks into strife", "Blunkett gets tougher" (a title-case verb joins the
    name's run: "X Vows to ..." is one run of two words)."""
    if end - start != 1 or any(t.text[:1].isalnum() for t in tokens[:start]) or end >= len(
            tokens):
        return False
    after = tokens[end].text
    word = after.lower()
    return (after.islower() or after[:1].isupper() and after[1:].islower()) and (
        word in _HEADLINE_VERBS or _PRESENT_VERB.match(word) is not None)


# A verb in the present after a headline's subject ("gets", "walks", "ends"; not "this").
_PRESENT_VERB = re.compile(r"^[a-z]{2,}[^su\W]s$")


def _subject_of_speech(tokens: Sequence[_Token], k: int, body: str) -> bool:
    """A one-word name at ``k`` speaks in mixed-case text: "X said", "X says", "said X"."""
    if body.isupper() or tokens[k].possessive:  # "Lloyd's said": a firm's name
        return False
    return _speaks(tokens, k + 1) or k > 0 and tokens[k - 1].text in _SPEECH and (
        tokens[k - 1].text.islower())


def _surname_only(word: str, ex: _Extractor, people: Sequence[Sequence[str]],
                  tokens: Sequence[_Token], listed: bool = True) -> bool:
    """A word of five letters or more that is a family name (Faker's) and nothing else: no
    common English word in any case (the lexicon's words, pyspellchecker's common words,
    the words Reuters writes in lower case) nor the plural of one, no place, demonym or
    organisation word, not written in lower case in the article, no word of an
    organisation it names, no place of it ("in Stanley") nor a firm's first word ("Needham
    & Co"), and no word of one of its people (a family name written first or a first of
    two surnames: "Wang Yi ... Wang said", "Valentina Sepúlveda Araya ... Sepúlveda
    said"). Shorter words are too often words or family names written first ("Choi").
    With ``listed`` false the word need not be Faker's (:func:`subject_alone` asks more of
    its context then)."""
    lex, key = ex.lex, fold(word)
    if not _SURNAME_SHAPE.match(word) or listed and key not in span_model.surnames():
        return False
    forms = {key, key[:-1], key[:-2]} if key.endswith("es") else (
        {key, key[:-1]} if key.endswith("s") else {key})
    common = world_first_names().common
    model = span_model.shipped_model()
    lower = model.lower_words if model is not None else {}
    return not (_common_noun(key, lex) or any(f in common or f in lower for f in forms)
                or any(f in lex.place_words or f in lex.demonyms for f in forms)
                or key in lex.org_words
                or key in lex.organisations or key in ex.lowercase_seen
                or ex.in_organisation(key)
                or any(len(p) > 1 and key in map(fold, p) for p in people)
                or key in lex.place_ends
                or any(t.text == word and not _alone(tokens, k) for k, t in enumerate(tokens)))


def _alone(tokens: Sequence[_Token], k: int) -> bool:
    """Whether the word at ``k`` stands alone, as a person's surname does: not after a
    place's preposition ("in Stanley"), no capitalised word or initial right before it (but
    a sentence's first word) or right after it ("Ing C. Olivetti", "Hauser Chemical"), not
    possessive ("Lloyd's of London"), and not joined to another capitalised word by "and",
    "&" or "/", as firms are named ("Duff and Phelps", "Needham & Co", "Donaldson,
    Lufkin and Jenrette")."""
    def text(i: int) -> str:
        return tokens[i].text if 0 <= i < len(tokens) else ""

    def capital(i: int) -> bool:
        return text(i)[:1].isupper()

    before, after = text(k - 1), text(k + 1)
    return not (tokens[k].possessive or before.lower() in _AT_PLACE
                or capital(k - 1) and not tokens[k - 1].sentence_start or capital(k + 1)
                or after in ("&", "amp") or before in _JOINS and capital(k - 2)
                or after in _JOINS and capital(k + 2)
                or after == "," and capital(k + 2) and text(k + 3) in _JOINS)


_JOINS = {"and", "&", "amp", "/"}


# Words before a place's name ("in Stanley"; "the" comes before names too).
_AT_PLACE = _PLACE_PREPOSITIONS - {"the"}


def _speaks(tokens: Sequence[_Token], k: int) -> bool:
    """A speech verb at ``k``, not "said in a statement" (how a firm speaks)."""
    return k < len(tokens) and tokens[k].text in _SPEECH and not _statement(tokens, k)


def subject_alone(word: str, k: int, ex: _Extractor, people: Sequence[Sequence[str]],
                  tokens: Sequence[_Token], names: AbstractSet[int], in_heading: bool) -> bool:
    """"Traber was chosen in the first round ... and made his debut", "Guillon should
    benefit from his first start": a one-word name at ``k`` that opens its sentence
    before a lower-case verb, its own "he", "his", "she" or "her" following before any
    other name (:func:`~docsearch.extract.cues.own_pronoun`: a firm, a team or a place
    takes "it" or "they"), is a person when the word is a family name's and nothing else
    (:func:`_surname_only`), even one in no list of family names. Not when the pronoun
    only tells who spoke (", he said": "Euras broke even in 1986, he said" is a firm and
    a speaker), nor a word in "-ing" ("Summing up his predictions, ..." opens with a verb's
    form; a family name in "-ing" is Faker's, "Fleming"). A word in no list of family
    names must be written again, in the headline (``in_heading``) or the body: a word
    first in its sentence has a capital whatever it is, and a rare word opens a sentence
    once ("Hindsight had proved him right"); the article's own subject recurs."""
    j = own_pronoun(tokens, k, k + 1, names)
    if j < 0 or j + 1 < len(tokens) and tokens[j].text in ("he", "she") and _speaks(
            tokens, j + 1):
        return False
    key = fold(word)
    return _surname_only(word, ex, people, tokens) or not key.endswith("ing") and (
        in_heading or sum(t.text == word for t in tokens) > 1) and _surname_only(
        word, ex, people, tokens, listed=False)


# What joins the names of a headline's list: "Bush, Kerry trade barbs", "X and Y advance".
_LIST_JOINS = frozenset({",", "and", "&"})


def headline_lists(spans: Sequence[tuple[_Mention, int, int]],
                   tokens: Sequence[_Token]) -> dict[int, list[_Mention]]:
    """The other names listed with each name of a headline (``spans``: each mention with
    where it starts and ends): names joined by commas, "and" or "&" ("Winslow, Carrow,
    Maddox among injured"); a run of words of which the name is only a part ends a list
    ("Bush and Kerry Trade Barbs" lists no "Barbs")."""
    groups: list[list[_Mention]] = []
    last_end = -2
    for m, start, end in spans:
        if len(m.words) != end - start:  # "Kerry Trade Barbs" read as "Barbs": no list
            groups.append([])
            last_end = -2
            continue
        if groups and start == last_end + 1 and tokens[last_end].text in _LIST_JOINS:
            groups[-1].append(m)
        else:
            groups.append([m])
        last_end = end
    return {id(m): [o for o in group if o is not m] for group in groups if len(group) > 1
            for m in group}


def listed_with_person(word: str, others: Sequence[_Mention], ex: _Extractor,
                       people: Sequence[Sequence[str]], tokens: Sequence[_Token]) -> bool:
    """"Bush, Kerry trade barbs", "Spears, Stosur advance": a one-word name a headline
    lists with a person of the article (one of ``people``, or that person's surname) is
    a person too, as a list's names are of one kind, when the word is a family name's and
    nothing else (:func:`_surname_only`, in no list of family names needed; no word in
    "-ing"). Only in a mixed-case headline: in capitals a word's case is ours."""
    known = {fold(p[-1]) for p in people} | {fold(" ".join(p)) for p in people}
    return any(fold(" ".join(o.words)) in known for o in others) and (
        _surname_only(word, ex, people, tokens) or not fold(word).endswith("ing")
        and _surname_only(word, ex, people, tokens, listed=False))


def headline_title_alone(m: _Mention, body_mentions: Sequence[_Mention],
                         body_tokens: Sequence[_Token]) -> bool:
    """"Inspector Google solves the crime": a word after a capitalised title in a
    mixed-case headline whose body names no such word (in no name of its own) has only the
    headline's evidence, and a headline borrows a title for a pun or a nickname as a story
    does not ("Doctor Spreadsheet", "Captain Broadband"). It is then a weak surname, as a
    capital headline's name is: a person only where the collection knows someone of that
    surname, and no evidence that licenses other articles' weak surnames. A lower-case
    role word describes someone ("Arsenal boss Wenger has keeper worries"), and with no
    body at all the headline is the whole story: not so."""
    if m.position >= 0 or not m.titled or m.role or not body_tokens:
        return False
    key = fold(m.words[-1])
    return not any(key == fold(w) for b in body_mentions for w in b.words)
