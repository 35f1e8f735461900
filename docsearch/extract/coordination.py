"""Names joined by "and": coordination among a document's candidate names.

:func:`_coordinated` gives "David" of "David and Ed Mirvish" its surname, passes a plural
family word's role to the one-word name joined to the first ("her sons Tobin and Ferris"),
and makes a name joined by "and" (perhaps with a role: "and the poet") to a person a
person when both are made of name words only (:func:`_name_words`).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from docsearch.extract.cues import _FAMILY, _after_family, _plural_role_before
from docsearch.extract.groups import _plural_group
from docsearch.extract.lexicon import _common_noun, _Lexicon, fold, word_key
from docsearch.extract.mentions import _Mention
from docsearch.extract.tokens import _INITIALS, _Token


def _coordinated(mentions: list[_Mention], tokens: Sequence[_Token],
                 lex: _Lexicon) -> list[_Mention]:
    """"David and Ed Mirvish", "brothers Kawika and Makoa Akana": a first name (any name
    after a plural family word) and "and" before a full name take its surname. "her sons
    Tobin and Ferris": a one-word name after a plural role word passes its role to the one
    joined to it. Names of two or three words joined by "and" (and a role: "and the poet")
    to a person are people ("by Kestrin Wielgosz and Elena Marsh", "and the poet BK Osei")."""
    out = list(mentions)
    for k in range(len(out) - 1):
        m, nxt = out[k], out[k + 1]
        end = m.position + len(m.words)
        key = fold(m.words[0])
        family = m.role and m.position > 0 and tokens[m.position - 1].text in _FAMILY
        if (len(m.words) == 1 and (key in lex.first_names or family or _plural_role_before(
                tokens, m.position, lex)) and key not in lex.place_words
                and not tokens[end - 1].possessive and end + 1 == nxt.position
                and tokens[end].text in ("and", "&") and len(nxt.words) >= 2
                and (fold(nxt.words[0]) in lex.first_names or family)):
            out[k] = attrs.evolve(m, words=[m.words[0], *nxt.words[1:]],
                                  cue=m.cue or nxt.cue or m.titled)
            if family:  # "brothers Idris and Emlyn Vaughan"
                out[k + 1] = attrs.evolve(nxt, cue=True)
        elif (m.role and len(m.words) == 1 == len(nxt.words) and end + 1 == nxt.position
              and tokens[end].text == "and" and m.position > 0
              and (tokens[m.position - 1].text in _FAMILY or _after_family(
                  tokens, m.position) and tokens[m.position - 2].text in _FAMILY)):
            out[k + 1] = attrs.evolve(nxt, role=True)  # "her sons Tobin and Ferris"
        elif _joined(tokens, end, nxt.position, lex) and all(
                2 <= len(x.words) <= 3 for x in (m, nxt)):
            if not m.cue and _person_like(nxt, m, lex):
                out[k] = attrs.evolve(m, cue=True)
            elif not nxt.cue and _person_like(m, nxt, lex):
                out[k + 1] = attrs.evolve(nxt, cue=True)
    return out


def _person_like(known: _Mention, other: _Mention, lex: _Lexicon) -> bool:
    """Whether ``known`` shows that ``other``, joined to it by "and", is a person: it has
    a cue, or a listed first name when ``other`` has no initials; and both are made of
    words that are names only (no place, title, organisation or common word)."""
    if not (_name_words(known.words, lex) and _name_words(other.words, lex)):
        return False
    return known.cue or not _INITIALS.match(other.words[0]) and (
        fold(known.words[0]) in lex.first_names)


def _name_words(words: Sequence[str], lex: _Lexicon) -> bool:
    keys = [word_key(w) for w in words]
    return not any(k in lex.titles or k in lex.role_nouns or k in lex.demonyms
                   or k in lex.place_words or k in lex.org_words or _common_noun(k, lex)
                   or k.endswith("ing") or _plural_group(k, lex) for k in keys)


def _joined(tokens: Sequence[_Token], end: int, start: int, lex: _Lexicon) -> bool:
    """Only "and" stands between two names, with perhaps a role ("and the poet")."""
    gap = [t.text for t in tokens[end:start]]
    if not gap or gap[0] not in ("and", "&") or end > 0 and tokens[end - 1].possessive:
        return False
    rest = gap[1:]
    if rest[:1] in (["the"], ["a"], ["his"], ["her"], ["their"]):
        rest = rest[1:]
    return not rest or len(rest) == 1 and rest[0] in lex.role_nouns
