"""An actor's "as": the part a named actor plays, given after "as" with a title or a
short description ("Odell Marsh as Inspector Frobisher, the detective", "comedian Jim
Tarrant as the landlord, Percy Gleave.", "Eamon Varley, as the crooked mayor Sir Walter
Pim, gets"). :func:`docsearch.extract.cues._named_thing_or_part` asks it of each name.

The evidence is the shape "Name as ... X" closed by punctuation: a person's name right
before "as" (the actor), then a title or "the"/"a"/"his"/"her" and at most three plain
words (the part's description), then the part's name, then a comma, a full stop, a
semicolon or "and". "as" of time or of office looks the same up to the name, but goes on
to a verb ("cheered X as President Y arrived", "replaced X as the chief executive, Y
said"), and "as the new chairman" names no one after the description.
"""

from __future__ import annotations

from collections.abc import Sequence

from docsearch.extract.lexicon import _SPEECH, _Lexicon, word_key
from docsearch.extract.tokens import CAP, _Token

# What opens a part's description after "as": "as the landlord", "as his sister".
_OPENERS = frozenset({"the", "a", "an", "his", "her", "their"})
# Prepositions and conjunctions: a description holds none ("as head of ...", "as well").
_NOT_DESCRIPTION = frozenset({"of", "for", "in", "at", "on", "to", "from", "by", "with",
                              "after", "before", "than", "and", "or", "but", "if", "when",
                              "well", "soon", "long", "much", "far", "such", "same", "new",
                              "former", "acting", "interim", "deputy", "chief", "first"})
# What may follow a part's name: the end of a clause or an appositive.
_CLOSERS = frozenset({",", ".", ";", "and"})
# What opens an appositive after the part's name and a comma: "Percy Gleave, a ...".
_APPOSITIVES = frozenset({"the", "a", "an", "who", "whose"})


def actor_as_part(tokens: Sequence[_Token], start: int, end: int, lex: _Lexicon) -> bool:
    """Whether ``tokens[start:end]`` is a part an actor plays "as" (see the module)."""
    j = start - 1
    if j > 0 and tokens[j].text == ",":
        j -= 1  # "as the landlord, Percy Gleave"
    lowest = max(j - 4, 0)
    while j > lowest and tokens[j].text != "as":
        word = tokens[j].text
        if not (word.isalpha() and word.islower()) or tokens[j].possessive or (
                word in _NOT_DESCRIPTION):
            return False
        j -= 1
    if j < 2 or tokens[j].text != "as":
        return False
    described = j + 1 < start and tokens[j + 1].text != ","
    if described and tokens[j + 1].text not in _OPENERS:
        return False
    if not described and word_key(tokens[start].text) not in lex.titles:
        return False  # a plain "X as Y Z" is cues' own rule; a title here: "as Inspector X"
    after = tokens[end].text if end < len(tokens) else "."
    if after not in _CLOSERS or after == "," and end + 1 < len(tokens) and (
            tokens[end + 1].text in _SPEECH):
        return False  # "as President Y arrived", "as the chief executive, Y said"
    if tokens[j - 1].text == ",":  # "Eamon Varley, as the crooked mayor Sir Walter Pim, gets"
        return _name_word(tokens[j - 2])
    if after == "," and end + 1 < len(tokens) and tokens[end + 1].text not in _APPOSITIVES:
        return False  # "... as her father, Joe Pike, spoke"
    if _name_word(tokens[j - 1]):
        return True  # "Jim Tarrant as the landlord, Percy Gleave."
    # A titled part after "as" and the sentence's subject, a name: "Lorna Quist steals
    # every scene as the Reverend Amble, a ...".
    if described and (start - j != 2 or word_key(tokens[start].text) not in lex.titles):
        return False
    k = j - 1
    while k > max(j - 12, 0) and tokens[k].text.isalpha() and tokens[k].text.islower():
        k -= 1
    return k >= 1 and _name_word(tokens[k]) and tokens[k - 1].kind == CAP and (
        tokens[k - 1].sentence_start)


def _name_word(token: _Token) -> bool:
    """A capitalised word that may end an actor's name."""
    return token.kind == CAP and not token.sentence_start and not token.possessive
