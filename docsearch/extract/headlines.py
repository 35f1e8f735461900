"""Headlines and section headings: their case, and the cues that present a name in them.

An all-capitals headline is put in the case of running text first (:func:`_headline_case`),
so that the name rules of :mod:`docsearch.extract.mentions` apply to it; a headline in
title case only confirms people found in the body. :func:`_headline_cue` says whether a
headline presents a name as a person ("Lawson says", "Fed's Volcker"). A name in capitals
inside a body's mixed-case sentence is put in a name's case (:func:`_names_in_capitals`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docsearch.extract.cues import _MAKER_VERBS
from docsearch.extract.lexicon import (
    _HEADLINE_VERBS,
    _HONORIFICS,
    _MONTHS,
    _WEEKDAYS,
    _common_noun,
    _Lexicon,
    _lexicon,
    fold,
)
from docsearch.extract.tokens import CAP, _Token


def _is_titlecase(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if not words:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.6 or text.isupper()


def _plain_word(word: str, lex: _Lexicon) -> bool:
    """A word that in a headline is more likely a word than part of a name."""
    key = fold(word).rstrip(".")
    return (key in lex.english or key in lex.demonyms or key in lex.place_words
            or key in lex.org_words or key in lex.titles or key.endswith(("ed", "ly"))
            or bool(_VERB_LIKE.match(key)) and key not in lex.first_names)


# Endings of abstract nouns, never of names: "VOLCKER DEPARTURE", "GREENSPAN APPOINTMENT".
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ture")


def _headline_case(text: str, lex: _Lexicon) -> str:
    """An all-capitals headline in the case of running text, so that the name rules
    apply to it: "TREASURY'S BAKER SAYS" becomes "Treasury's Baker says". Common
    English words, verbs and their forms go to lower case; the rest is capitalised.
    (A name that is also a common word, "PRICE", is lost: in capitals it is ambiguous.)"""
    letters = [c for c in text if c.isalpha()]
    if sum(c.isupper() for c in letters) < 0.8 * len(letters) or len(letters) < 4:
        return text
    words: list[str] = []
    raw = text.split()
    keys = [fold(w).strip(".,;:!?'\"()") for w in raw]
    keys = [k[:-2] if k.endswith("'s") else k for k in keys]
    for i, (word, key) in enumerate(zip(raw, keys, strict=True)):
        after = keys[i + 1] if i + 1 < len(keys) else ""
        verb_like = (i > 0 and after not in _HEADLINE_VERBS and key not in lex.first_names
                     and key not in lex.org_words
                     and (len(key) > 6 and bool(_VERB_LIKE.match(key)) or key.endswith("ly")
                          or len(key) > 6 and key.endswith(_NOUN_ENDINGS)
                          or keys[i - 1] == "to"))  # "TO RENAME VOLCKER"
        if (_common_noun(key, lex) or key in _HEADLINE_VERBS or key in _MONTHS or verb_like
                or key in _WEEKDAYS or len(key) < 3 and key not in ("al", "de", "le")
                or len(key) > 5 and key.endswith(("ing", "ed")) and key not in lex.first_names):
            words.append(word.lower())
        elif "." in word.strip(".") or not any(c.isalpha() for c in word):
            words.append(word)  # "U.K.", "7.7"
        else:
            words.append("-".join(p[:1] + p[1:].lower() for p in word.split("-")))
    return " ".join(words)


# Two to four words in capitals ("SIR ALEX FERGUSON", "O'HALLORAN", "JEAN-PIERRE").
_CAPITALS_RUN = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ]"
                           r"(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*[A-ZÀ-ÖØ-Þ]){1,3}(?![\w'’-])")
_CAPITALS_SEEN = re.compile(r"[A-Z][A-Z]+ [A-Z][A-Z'’]")  # the cheap test first: most bodies fail
_CAPITAL_TAIL = re.compile(r"(?<=[^\W\d_])[^\W\d_]+")


def _names_in_capitals(body: str, lex: _Lexicon) -> str:
    """A body's name in capitals inside a mixed-case sentence, in a name's case (the same
    length): "SIR ALEX FERGUSON was pelted" becomes "Sir Alex Ferguson was pelted". A
    tabloid sets its opening name so; the lower-case word right after it shows the
    sentence goes on in running text (a table's heading ends its line: "may WINTER
    WHEAT"). Only a run that opens
    with an honorific or a listed first name that is no English word, and whose other
    words are no common words, is a name: "the US OPEN", "BBC NEWS", "GENERAL MOTORS
    said", "MARK TO MARKET rules" stay as written."""
    if _CAPITALS_SEEN.search(body) is None:
        return body
    found = _CAPITALS_RUN.search(body)
    parts: list[str] = []
    done = 0
    while found is not None:
        start, end = found.span()
        words = found.group().split(" ")
        first = fold(words[0])
        if (body[end:end + 1] == " " and body[end + 1:end + 2].islower()
                and (first in _HONORIFICS or first in lex.first_names and first not in lex.english)
                and not any(_common_noun(fold(w), lex) for w in words[1:])):
            parts.append(body[done:start])
            parts.append(_CAPITAL_TAIL.sub(lambda m: m.group().lower(), found.group()))
            done = end
        found = _CAPITALS_RUN.search(body, end)
    return "".join(parts) + body[done:] if parts else body


# A lower-case word that reads as a verb in the present ("forecasts", "maintains").
_VERB_LIKE = re.compile(r"^[a-z]{3,}[^su]s$")


def _headline_cue(tokens: Sequence[_Token], start: int, end: int) -> bool:
    """Whether a headline presents a name as a person: a verb follows ("Lawson says"),
    an owner precedes ("Treasury's Baker", "Fed's Volcker"), it closes the headline
    after a dash or comma ("... - Subroto"), or it is listed with such a name
    ("Nakasone, Sumita agree")."""
    after = tokens[end].text.lower() if end < len(tokens) else ""
    if after in _HEADLINE_VERBS or _VERB_LIKE.match(after) and after not in _lexicon().org_words:
        return True
    if tokens[end - 1].possessive or start > 0 and tokens[start - 1].possessive:
        return True
    if end == len(tokens) and start > 0 and tokens[start - 1].text in ("-", "—", "–", ",", ":"):
        return True
    if after in (",", "and") and end + 1 < len(tokens) and tokens[end + 1].kind == CAP:
        nxt = end + 2
        return nxt < len(tokens) and tokens[nxt].text.lower() in _HEADLINE_VERBS
    return False


def _headline_credit(tokens: Sequence[_Token], start: int) -> bool:
    """A headline's credit: a maker's verb in lower case and "by" right before the name
    ("Scheduled Tasks written by X Y on Monday"). The maker of a work is a person, and the
    lower case shows the headline is not in title case there, so the cue reads as in the
    body's text."""
    return start >= 2 and tokens[start - 1].text == "by" and (
        tokens[start - 2].text in _MAKER_VERBS)
