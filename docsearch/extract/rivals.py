"""The winner of a match against a person: "X Y won the cup on Sunday, beating Ann Lee
6-4", "X Y holed a putt to beat Ann Lee".

A firm, a team or a place beats a rival firm, team or forecast, never a player: the
subject of a sentence that beats a person named by a listed first name (perhaps "fellow
Russian Ann Lee") is a person too. Used by :func:`docsearch.extract.people.body_mentions`
for names whose first name is in no list, which have no other cue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from docsearch.extract.cues import _BEAT, _CLAUSE_ENDS, _DATELINE_MARKS, _NO_VERB
from docsearch.extract.evidence import _gazetteer_place
from docsearch.extract.groups import _team
from docsearch.extract.lexicon import _Lexicon, fold, word_key
from docsearch.extract.tokens import _Token

if TYPE_CHECKING:
    from docsearch.extract.mentions import _Mention

# How far after the subject's verb the verb of the result may come.
_REACH = 25


def confirm_by_result(mentions: Sequence[_Mention], tokens: Sequence[_Token],
                      lex: _Lexicon) -> None:
    """Give a cue to a name of two or three words, its first in no list of first names,
    made of name words only (:func:`~docsearch.extract.mentions._name_words`; no place
    of a gazetteer nor a team's shape), that opens its sentence (or follows a dateline)
    before a lower-case verb, when later in the same clause, before any other person, a
    verb of beating (``beat_verbs.txt``) has a person as its object: a name of two words
    or more with a listed first name (or a cue), not possessive ("beat Ann Lee's side"),
    after at most two lower-case words or demonyms ("beating fellow Russian Ann Lee")."""
    if len(mentions) < 2:
        return
    from docsearch.extract.coordination import _name_words
    at = {m.position: m for m in mentions}
    for m in mentions:
        if m.cue or not 2 <= len(m.words) <= 3 or m.beside_org or m.grouped or (
                fold(m.words[0]) in lex.first_names):
            continue
        first, end = m.position, m.position + len(m.words)
        if end >= len(tokens) or tokens[end - 1].possessive or not _opens(tokens, first):
            continue
        verb = tokens[end].text
        if not (verb.isalpha() and verb.islower()) or verb in _NO_VERB:
            continue
        if _beats_a_person(tokens, end, at, lex) and _name_words(m.words, lex):
            keys = [word_key(w) for w in m.words]
            m.cue = not (_gazetteer_place(keys) or _team(keys, m.before, lex))


def _opens(tokens: Sequence[_Token], first: int) -> bool:
    """The name opens its sentence, or follows a dateline ("MIAMI -- X Y")."""
    k = first - 1
    while k >= 0 and tokens[k].text in _DATELINE_MARKS:
        k -= 1
    return first == 0 or tokens[first].sentence_start or k < first - 1 and k >= 0 and (
        tokens[k].text[:1].isupper())


def _beats_a_person(tokens: Sequence[_Token], end: int, at: dict[int, _Mention],
                    lex: _Lexicon) -> bool:
    for j in range(end, min(end + _REACH, len(tokens))):
        text = tokens[j].text
        if text in _CLAUSE_ENDS or tokens[j].sentence_start:
            return False
        other = at.get(j)
        if other is not None and _person(other, lex):
            return False  # another person could be the one who beat
        if text in _BEAT:
            k = j + 1
            while k < min(j + 3, len(tokens)) and k not in at and (
                    tokens[k].text.isalpha() and tokens[k].text.islower()
                    or fold(tokens[k].text) in lex.demonyms):
                k += 1
            loser = at.get(k)
            return loser is not None and _person(loser, lex) and not (
                tokens[k + len(loser.words) - 1].possessive)
    return False


def _person(m: _Mention, lex: _Lexicon) -> bool:
    return len(m.words) >= 2 and (m.cue or fold(m.words[0]) in lex.first_names)
