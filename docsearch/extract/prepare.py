"""The body text made ready for reading names, and the shape of a name's word.

What :func:`docsearch.extract.people.body_mentions` does to a body before it is cut into
tokens: blanks that keep every offset (an HTML tag's inside, a nickname in quotes between a
first name and a surname, brackets around an editor's first name, the blank a feed put
between "O" and the apostrophe of "O'Neal"), and the two tests of a
word that may be a name outside the lists (:func:`_given_like`, :func:`_name_like`).
"""

from __future__ import annotations

import re

from docsearch.extract.evidence import _COMPASS
from docsearch.extract.lexicon import _MONTHS, _WEEKDAYS, _common_noun, _Lexicon, fold

# An HTML tag with an attribute: '<FONT face="verdana,MS Sans Serif">' (not "<CPB>").
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*\s[^<>]*=[^<>]*>")


def _without_tags(text: str) -> str:
    """The text with the inside of each HTML tag that has an attribute blanked out (same
    length, so offsets hold): a font's name in a tag is no one's. The brackets stay: a
    link right after a name is a firm's quote as "<FRE.N>" is."""
    if "=" not in text or "<" not in text:
        return text
    return _TAG.sub(lambda match: "<" + " " * (len(match.group()) - 2) + ">", text)


# A nickname in quotes between a first name and a surname: 'Luke "The Hammer" Dacre'.
_NICKNAME = re.compile(
    r"\b([A-Z][a-zà-ÿ]+) [\"“‘'][A-Z][^\"“”‘’'\n]{0,30}?[\"”’'] (?=[A-Z][a-zà-ÿ])")


def _without_nicknames(text: str, lex: _Lexicon) -> str:
    """The text with each nickname between a first name (known, or of a name's shape and
    no common word) and a surname blanked out (same length, so offsets hold): "Ryan "The
    Rocket" Stallard" reads "Ryan Stallard"."""
    if ' "' not in text and " “" not in text and " ‘" not in text and " '" not in text:
        return text  # (the quote that opens a nickname follows a space)

    def blank(match: re.Match[str]) -> str:
        first = match.group(1)
        if fold(first) not in lex.first_names and not (
                _given_like(first, lex) and _name_like(first, lex)):
            return match.group()
        return first + " " * (len(match.group()) - len(first))
    return _NICKNAME.sub(blank, text)


# An editor's first name in brackets before a surname: "(Alan) Greenspan", "[Teresa] Vallance";
# after a first name or an initial it is a nickname: "James E. (Jim) Nugent".
_BRACKETED_FIRST = re.compile(r"[(\[]([A-Z][a-zà-ÿ]+)[)\]] (?=[A-Z][a-zà-ÿ])")
_WORD_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w.]*) $")


def _without_brackets(text: str, lex: _Lexicon) -> str:
    """The text with the brackets around a known first name before a surname blanked out,
    and a nickname in brackets after a first name or an initial (same length, so offsets
    hold): "(Alan) Greenspan" and "Judge (Harold) Greene" read " Alan  Greenspan" and
    "Judge  Harold  Greene", "James E. (Jim) Nugent" reads "James E.       Nugent". After
    another capitalised word the brackets stay ("Matteo Barbieri (Ita) Vortice Cycling")."""
    if "(" not in text and "[" not in text:
        return text

    def blank(match: re.Match[str]) -> str:
        first = match.group(1)
        if fold(first) not in lex.first_names:
            return match.group()
        word = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
        before = fold(word.group(1)).rstrip(".") if word else ""
        if before and (before in lex.first_names or len(before) == 1):
            return " " * len(match.group())  # a nickname
        if before and before not in lex.titles and before not in lex.role_nouns:
            return match.group()  # "Matteo Barbieri (Ita) Vortice": a country's code
        return f" {first}  "
    return _BRACKETED_FIRST.sub(blank, text)


# "Shaquille O 'Neal", "Valery Giscard d 'Estaing": a feed that spaces every apostrophe
# off its word ("don 't", "Bush 's") parts an Irish "O'" or a Romance "D'" from the
# surname; a lone capital "O" or "D" (or "d") before an apostrophe and a capitalised word
# is no word of its own, so the blank moves before it (same length, so offsets hold).
# A word the apostrophe also closes is quoted: "Plan D 'Harvest'" stays.
_SPACED_APOSTROPHE = re.compile(
    r"(?<![\w'’.])([ODd]) (['’])(?=[A-Z][a-zà-ÿ]+\b(?:['’]s\b|(?!['’])))")


def _joined_apostrophes(text: str) -> str:
    """The text with "O 'Neal" read "O'Neal" (the blank moved before the "O")."""
    if " '" not in text and " ’" not in text:
        return text
    return _SPACED_APOSTROPHE.sub(r" \1\2", text)


_GIVEN = re.compile(r"^[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?$")


def _given_like(word: str, lex: _Lexicon) -> bool:
    """A word that may be a first name outside the list: a name's shape and no month,
    weekday, compass word, demonym, organisation word or participle ("Echoing X said",
    "Eastern Shell", "Norsk Hydro")."""
    key = fold(word)
    return _GIVEN.match(word) is not None and not (
        key in _MONTHS or key in _WEEKDAYS or key in _COMPASS or key in lex.demonyms
        or key in lex.org_words or key.endswith(("ing", "ed")))


def _name_like(word: str, lex: _Lexicon) -> bool:
    key = fold(word)
    return (len(key) > 2 and any(c in "aeiouy" for c in key) and not _common_noun(key, lex)
            and key not in lex.place_words)
