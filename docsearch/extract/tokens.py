"""Tokens for the people rules: words, initials, particles, honorifics, breaks.

:func:`_tokens` cuts a text into :class:`_Token` objects with a kind (``CAP`` for a
capitalised word, ``INITIAL``, ``PARTICLE``, ``HONORIFIC``, ``OTHER``, ``BREAK``), whether a
sentence starts there, a possessive, and the offset in the text. Initials are "G.", "J.R."
before a name, and capitals such as "AR" or "E" right before a surname ("AR Rahman",
"E Nesbit"), but not known acronyms ("US President", "BBC Radio"); an abbreviated first
name before a listed one ("Ma. Consuelo", ``data/given_name_abbreviations.txt``) too. A
backslash, a feed's escaped line break ("Kofi\\Annan"), parts words like a space; two, a
feed's paragraph break ("... Walters\\\\Google's founders"), end a sentence.
"""

from __future__ import annotations

import functools
import re

import attrs

from docsearch.extract.lexicon import (
    _ABBREVIATIONS,
    _HONORIFICS,
    _PARTICLES,
    _lexicon,
    _word_set,
    fold,
)

_TOKEN = re.compile(
    r"(?P<acronym>(?:[A-Z]\.){2,})"
    r"|(?P<word>(?:[a-z]{1,3}-)?[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s\b|['’](?=\s))?)(?P<dot>\.)?"
    r"|(?P<num>\d[\d,.:]*)"
    r"|(?P<newline>\n)"
    r"|(?P<punct>[^\w\s])"
)
_SENTENCE_END = {".", "!", "?", "\n", ":", ";"}
_OPENERS = {'"', "“", "‘", "'", "(", "[", "—", "–", "-", "*", "«"}

CAP, INITIAL, PARTICLE, HONORIFIC, OTHER, BREAK = range(6)


@attrs.define
class _Token:
    text: str          # the word without a possessive 's
    kind: int
    sentence_start: bool
    possessive: bool = False
    start: int = 0     # where in the text it begins
    quote_after: bool = False  # a bare apostrophe ends it: "Halloway'" (or a closing quote)


def _tokens(text: str) -> list[_Token]:
    return _tokens_and_lowercase(text)[0]


def _tokens_and_lowercase(text: str) -> tuple[list[_Token], set[str]]:
    """The tokens of ``text``, and the words it writes in lower case (in lower case: the
    tokens whose text starts with a small letter)."""
    out: list[_Token] = []
    lowercase: set[str] = set()
    # Where the passes below may change a token's kind: capitals ending in a dot ("J.R."),
    # a particle that is a first name ("Ben"), capitals that may be initials ("AR").
    dotted: list[int] = []
    particles: list[int] = []
    capitals: list[int] = []
    sentence_start = True
    append, known = out.append, _WORD_TOKENS
    if len(known) > 200_000:
        known.clear()
    for match in _TOKEN.finditer(text):
        last = match.lastindex  # 2 a word, 3 a word and its dot (see _TOKEN's groups)
        if last == 2 or last == 3:
            whole = match.group()  # (the word and its dot: what decides the row)
            row = known.get(whole)
            if row is None:
                row = known[whole] = _word_token(match.group(2), last == 3)
            word, kind, possessive, quote_after, stop, mark, lower = row
            if lower:
                lowercase.add(lower)
            if mark:
                (capitals if mark == _MAY_BE_INITIALS else particles).append(len(out))
            append(_Token(word, kind, sentence_start, possessive, match.start(), quote_after))
            sentence_start = False
            if stop:
                append(_Token(".", BREAK, False))
                sentence_start = True
            continue
        piece = match.group(0)
        if piece == "\\":
            # A feed's escaped line break ("Kofi\\Annan") parts words like a space; two
            # are a paragraph's end ("... Walters\\\\Google's founders"), a sentence's.
            if text.startswith("\\", match.end()) and out and out[-1].text != "\n":
                out.append(_Token("\n", BREAK, False, start=match.start()))
                sentence_start = True
            continue
        kind_name = match.lastgroup
        if kind_name == "acronym" or kind_name == "num":
            if piece.endswith("."):
                dotted.append(len(out))
            if _INITIALS.match(piece):
                capitals.append(len(out))
            out.append(_Token(piece, OTHER, sentence_start, start=match.start()))
            sentence_start = False
        else:
            if piece.islower():  # a sign that has a case ("ⓐ")
                lowercase.add(piece.lower())
            out.append(_Token(piece, BREAK, False, start=match.start()))
            if piece in _SENTENCE_END:
                sentence_start = True
            elif piece not in _OPENERS:
                sentence_start = False
    # "Victor T.K. Li": dotted initials between two name words are initials.
    if _ABBREVIATED.search(text) or any(f in text for f in _ABBREVIATED_FORMS) and (
            _ABBREVIATED_GIVEN.search(text)):
        out = _abbreviated_names(out)
        dotted = particles = capitals = list(range(len(out)))
    for k in dotted:
        token = out[k]
        if (0 < k < len(out) - 1 and token.kind == OTHER and len(token.text) <= 6
                and token.text.endswith(".") and token.text.replace(".", "").isupper()
                and token.text not in _COUNTRY_ACRONYMS
                and out[k - 1].kind == CAP and out[k + 1].kind == CAP):
            token.kind = INITIAL
    # "Ben Hartigan": a particle that is also a first name opens a name (not "David Ben
    # Gurion").
    for k in particles:
        token = out[k]
        if (k < len(out) - 1 and token.kind == PARTICLE and token.text in _FIRST_NAME_PARTICLES
                and out[k + 1].kind == CAP and (k == 0 or out[k - 1].kind not in (
                    CAP, INITIAL, PARTICLE))):
            token.kind = CAP
    # "AR Rahman", "E Nesbit", "J.R. Ellory": initials in capitals before a surname.
    for k in capitals:
        token = out[k]
        if (k < len(out) - 1 and token.kind == OTHER and _INITIALS.match(token.text)
                and token.text not in _ACRONYMS
                and token.text.lower() not in _lexicon().titles
                and out[k + 1].kind == CAP and (k == 0 or out[k - 1].kind not in (CAP, INITIAL)
                                                or out[k - 1].text.lower() in _lexicon().role_nouns)
                and (k + 2 >= len(out) or out[k + 2].kind != CAP)):
            token.kind = INITIAL
    return out, lowercase


_MAY_BE_INITIALS, _MAY_BE_FIRST_NAME = 1, 2


# Each matched word's row from _word_token, by the word and its dot (cleared when large).
_WORD_TOKENS: dict[str, tuple[str, int, bool, bool, bool, int, str]] = {}


def _word_token(raw: str, dotted: bool) -> tuple[str, int, bool, bool, bool, int, str]:
    """A matched word (and whether a dot follows it) as a token's text, kind, possessive
    and closing quote, whether its dot is a token of its own (a sentence's end), and
    whether a pass of :func:`_tokens` may change its kind (``_MAY_BE_INITIALS``: capitals
    such as "AR"; ``_MAY_BE_FIRST_NAME``: "Ben"; else 0), and the text in lower case when
    it starts with a small letter (else "")."""
    text, kind, possessive, quote_after, stop = _word_parts(raw, dotted)
    mark = (_MAY_BE_INITIALS if kind == OTHER and _INITIALS.match(text)
            else _MAY_BE_FIRST_NAME if text in _FIRST_NAME_PARTICLES else 0)
    return (text, kind, possessive, quote_after, stop, mark,
            text.lower() if text[:1].islower() else "")


def _word_parts(raw: str, dotted: bool) -> tuple[str, int, bool, bool, bool]:
    possessive = raw[-2:] in ("'s", "’s") or raw[-1:] in ("'", "’")
    word = raw[:-2] if raw[-2:] in ("'s", "’s") else raw
    word = word.rstrip("'’")
    lower = word.lower()
    if dotted and lower in _ABBREVIATIONS:
        kind = HONORIFIC if lower in _HONORIFICS else OTHER
        if kind == OTHER and word[:1].isupper() and lower in ("st",):
            kind = PARTICLE
        return word, kind, False, False, False
    if dotted and len(word) == 1 and word.isupper():
        return word + ".", INITIAL, False, False, False
    quote_after = possessive and word == raw.rstrip("'’") and word != raw
    return word, _word_kind(word), possessive, quote_after, dotted


# A short capitalised word with no vowel and a dot between two names: "Rhys Ll. Jenkins".
_ABBREVIATED = re.compile(r"[a-z] [A-Z][b-df-hj-np-tv-xz]{1,2}\. [A-Z]")
_GIVEN_ABBREVIATIONS = _word_set("given_name_abbreviations.txt")
# "Ma. ", "Wm. ": what the search below needs (a quicker test first).
_ABBREVIATED_FORMS = tuple(f"{word}. " for word in sorted(_GIVEN_ABBREVIATIONS))
_ABBREVIATED_GIVEN = re.compile(
    r"\b(?:" + "|".join(sorted(_GIVEN_ABBREVIATIONS)) + r")\. [A-Z]")


def _abbreviated_names(out: list[_Token]) -> list[_Token]:
    """"Rhys Ll. Jenkins": an abbreviated middle name is an initial, and its dot no
    sentence's end; so is an abbreviated first name before a listed first name ("Ma.
    Consuelo", "Wm. Henry"; not "Jack Ma. Shares")."""
    drop = set()
    first_names = _lexicon().first_names
    for k in range(len(out) - 2):
        token = out[k]
        if (token.kind == CAP and out[k + 1].text == "." and out[k + 1].kind == BREAK
                and out[k + 2].kind == CAP and (
                    k > 0 and out[k - 1].kind == CAP
                    and _abbreviated_name(token.text, out[k - 1].text)
                    or token.text in _GIVEN_ABBREVIATIONS
                    and fold(out[k + 2].text) in first_names)):
            token.text += "."
            token.kind = INITIAL
            out[k + 2].sentence_start = False
            drop.add(k + 1)
    return [t for i, t in enumerate(out) if i not in drop] if drop else out


def _abbreviated_name(word: str, before: str) -> bool:
    """A short capitalised word after a first name that is no word or name of its own
    ("Ll." in "Rhys Ll. Jenkins")."""
    lex = _lexicon()
    return (2 <= len(word) <= 3 and word[1:].islower() and fold(before) in lex.first_names
            and not any(c in "aeiouy" for c in word.lower())
            and fold(word) not in lex.first_names and fold(word) not in lex.english
            and word.lower() not in _PARTICLES)


# Particles that are first names too when they open a name.
_FIRST_NAME_PARTICLES = {"Ben"}
_DOTTED = re.compile(r"^[A-Z]\.$")
_INITIALS = re.compile(r"^(?:[B-HJ-Z]|[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")
# Capitals before a capitalised word that are no initials ("US President", "BBC Radio").
_ACRONYMS = _word_set("acronyms.txt")


_COUNTRY_ACRONYMS = {"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "U.S.S.R.", "D.C."}
@functools.lru_cache(maxsize=200_000)
def _word_kind(word: str) -> int:
    lower = word.lower()
    if lower in _PARTICLES:
        return PARTICLE
    if word[:2] in ("I'", "I’"):
        return OTHER  # "I'm Ruth Bellamy": no name word
    if lower in _HONORIFICS and word[:1].isupper():
        return HONORIFIC
    core = word
    if len(word) > 3 and word[2] == "-" and word[:2] in ("al", "el"):
        core = word[3:]
    if core[:1].isupper() and any(c.islower() for c in core):
        # "Hong Kong-listed", "Paris-based": a word joined on is no part of a name.
        if "-" in core and any(_joined_word(p) for p in core.split("-")[1:]):
            return OTHER
        return CAP
    return OTHER


def _joined_word(part: str) -> bool:
    # ("-ing" after a stem: "Kong-listing", not a syllable of a given name, "Ka-ming")
    return part.islower() and (part.endswith("ed") or len(part) > 4 and part.endswith("ing")
                               or part in _lexicon().english)
