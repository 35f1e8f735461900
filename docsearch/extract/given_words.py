"""Given names that are words too: what the sentence's shape says of them.

Used by :mod:`docsearch.extract.mentions`. A capitalised word that is a common word or an
organisation's word is read as such before a surname ("Will the Fed", "Abbey Life"); it
opens a person's name when the grammar or the context leaves no other reading:

- a modal verb ("Will", "Can") opens a sentence only to ask a question, so one that opens
  a sentence which asks none, before one name's word, is a given name ("Will Hethersett
  said", a results line "Will Hethersett (Green) 1,203"); a preposition or a conjunction
  opens a clause in statements too ("As Tremayne said, ..."), so it never counts;
- an organisation's word (or its plural: "Piers", "Storm", "Abbey") before one name's
  word is a given name after an honorific or a title ("Mr Storm Calloway"), after a
  lower-case role noun that names no firm ("captain Piers Dunmoor"; not "lead manager
  Credit Suisse"), with an age in commas after it ("Abbey Trelawny, 34,"), or when the
  text gives its surname after an honorific ("Mr Oakenfold"): what no firm has.
"""

from __future__ import annotations

from collections.abc import Sequence

from docsearch.extract.evidence import _age_after
from docsearch.extract.lexicon import _common_noun, _Lexicon, word_key
from docsearch.extract.tokens import BREAK, HONORIFIC, _Token

# The modal verbs of English: a closed class. A sentence they open asks a question.
_MODALS = frozenset({"will", "can", "shall", "may", "might", "must", "should", "would",
                     "could"})
# Agent nouns' endings: a firm is a "lead manager", an "adviser" or a "sponsor" too; a
# "captain", an "analyst" or a "spokesman" is a person.
_FIRMS_TOO = ("er", "or")
# How far a sentence is read for its question mark.
_REACH = 80


def modal_given_name(tokens: Sequence[_Token], end: int, keys: Sequence[str],
                     lex: _Lexicon) -> bool:
    """"Will Hethersett said": a run of two words at a body sentence's start whose first
    is a modal verb and a listed first name and whose second a name's word, in a sentence
    that asks no question (no "?" before its end)."""
    if len(keys) != 2 or keys[0] not in _MODALS or keys[0] not in lex.first_names:
        return False
    if not _name_word(keys[1], lex):
        return False
    for k in range(end, min(end + _REACH, len(tokens))):
        token = tokens[k]
        if token.kind == BREAK and token.text in (".", "!", "?", "\n", ":", ";"):
            return token.text != "?"
    return end >= len(tokens)


def org_word_given_name(tokens: Sequence[_Token], end: int, keys: Sequence[str],
                        lex: _Lexicon) -> bool:
    """"Mr Storm Calloway", "captain Piers Dunmoor", "Abbey Trelawny, 34,": two words,
    the first an organisation's word, the second a name's word, right after a capitalised
    title or an honorific ("Council President X Y"; not a word that only ends as roles do:
    "Super Bowl Preview"), after a lower-case role noun no firm is too (not "lead manager
    Credit Suisse"), before an age in commas, or with its surname after an honorific
    anywhere in the text."""
    if len(keys) != 2 or keys[0] not in lex.org_words or not _name_word(keys[1], lex):
        return False
    before = tokens[end - 3] if end > 2 else None
    if before is not None and (before.kind == HONORIFIC or before.text[:1].isupper() and (
            word_key(before.text) in lex.titles) or before.text in lex.role_nouns and (
            before.text.islower() and not before.text.endswith(_FIRMS_TOO))):
        return True
    return _age_after(tokens, end) or any(
        token.kind == HONORIFIC and word_key(after.text) == keys[1]  # "... Mr Oakenfold"
        for token, after in zip(tokens, tokens[1:], strict=False))


def _name_word(key: str, lex: _Lexicon) -> bool:
    """A word that may be a surname: no common word, organisation's or place's word,
    title or people's name."""
    return not (key in lex.common or key in lex.org_words or key in lex.place_words
                or key in lex.titles or key in lex.demonyms or _common_noun(key, lex))
