"""Teams, groups and lists of firms: the shapes that make a capitalised run no person.

A place's name before a plural that is no name is a team ("Cleveland Browns", "Florida
State"); a name ending in a plural of that shape, or in "people", is a group's or a
product's ("Tai Tam Tigers", "Little People"); the plural of a role or an agent noun is no
surname ("Joint Chiefs", "Underwriters"). :func:`mark_beside_organisations` marks the
mentions that "," or "and" joins to an organisation's name, and two plurals' names listed
together. Used by :mod:`docsearch.extract.mentions` and :mod:`docsearch.extract.people`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from docsearch.extract.cues import _BEAT
from docsearch.extract.evidence import _FIRM_AGENTS, _agent_shaped, _singular
from docsearch.extract.lexicon import _Lexicon, fold, word_key
from docsearch.extract.tokens import CAP, PARTICLE, _Token
from docsearch.extract.world_names import world_first_names

if TYPE_CHECKING:
    from docsearch.extract.mentions import _Extractor, _Mention


def _team(keys: Sequence[str], before: str, lex: _Lexicon) -> bool:
    """A team, by its shape: a place's name (the lexicon's, "New" before it included: "New
    York Yankees" left "York Yankees") before a capitalised plural that is no surname nor
    first name ("Cleveland Browns", "Los Angeles Lakers"; not "Austin Rivers") or before
    "State" ("Florida State")."""
    if len(keys) < 2:
        return False
    place = keys[0] in lex.places or before == "new" and f"new {keys[0]}" in lex.places or (
        len(keys) > 2 and f"{keys[0]} {keys[1]}" in lex.places)
    if not place:
        return False
    if keys[-1] == "state":
        return len(keys) == 2
    return _plural_no_name(keys[-1], lex)


def _score(tokens: Sequence[_Token], k: int) -> int:
    """The higher number of a match's one score at ``k`` ("58-41", "4-3"), or -1: none, or
    one of a series, as sets and games are given ("6-3, 6-4", "21-15 21-18")."""
    if k + 2 >= len(tokens) or tokens[k + 1].text not in ("-", "–"):
        return -1
    a, b = tokens[k].text, tokens[k + 2].text.rstrip(",.;:")
    if not (a.isdigit() and b.isdigit()):
        return -1
    nxt = k + 3
    if nxt < len(tokens) and tokens[nxt].text == ",":
        nxt += 1
    if nxt + 1 < len(tokens) and tokens[nxt].text[:1].isdigit() and (
            tokens[nxt + 1].text in ("-", "–")):
        return -1
    return max(int(a), int(b))


def team_by_score(m: _Mention, tokens: Sequence[_Token], lex: _Lexicon) -> bool:
    """A team named like a person, by a match's one score beside it: the loser, its score
    right after it, its first word no first name of any list and a points game's score
    ("the Hawks beat Ottumwa Linden 58-41"; not "beat Ngaire Tukino 7-5", a frame's or a
    set's count); or "the" and a place's name first, a last word no surname nor first
    name, the score after it or after the loser it beat ("the unbeaten Denver Gold Sox
    beat the Tulsa Red Sox 4-3"). No person's cue of its own: a title, a role word or a
    family word before it."""
    end = m.position + len(m.words)
    if m.position < 0 or end >= len(tokens) or m.titled or m.role or m.family or m.strong:
        return False
    after = tokens[end].text
    if after[:1].isdigit():
        top = _score(tokens, end)
    elif after in _BEAT:
        k = end + 1
        if k < len(tokens) and tokens[k].text == "the":
            k += 1
        j = k
        while j < len(tokens) and tokens[j].kind in (CAP, PARTICLE):
            j += 1
        top = _score(tokens, j) if j > k else -1
    else:
        return False
    if top < 0:
        return False
    keys = [word_key(w) for w in m.words]
    if keys[0] in lex.places and _after_the(tokens, m.position):
        from docsearch.extract.span_model import surnames  # it reads mentions

        return keys[-1] not in surnames() and keys[-1] not in lex.first_names
    return top >= 12 and after[:1].isdigit() and keys[0] not in lex.first_names and (
        keys[0] not in world_first_names().names)


def _after_the(tokens: Sequence[_Token], first: int) -> bool:
    """"the" right before a name, or before two lower-case words and it ("the streaking
    X")."""
    for k in range(first - 1, max(first - 4, -1), -1):
        text = tokens[k].text
        if text in ("the", "The"):
            return True
        if not (text.isalpha() and text.islower()):
            return False
    return False


def _plural_no_name(key: str, lex: _Lexicon) -> bool:
    """A plural's shape ("browns", "yankees"; not "ross", "marcus", "lewis") that is no
    surname of Faker's lists and no first name."""
    from docsearch.extract.span_model import surnames  # it reads mentions, which reads this

    return (len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is", "os"))
            and key not in lex.first_names and key not in world_first_names().names
            and key not in surnames())


# Verbs of a plural subject: "the Leo Comets were", "the Leo Comets have".
_PLURAL_VERBS = frozenset({"are", "were", "have", "their"})
# Plurals without an "s": a name ending in one is a group's ("Little People").
_PLURAL_NOUNS = frozenset({"people", "men", "women", "children"})
# A plural's shape: a consonant and "s" ("tigers", "charms", "puffs"; not "jones", "vargas").
_CONSONANT_PLURAL = re.compile(r"[^aeiouys']s$")


def _plural_group(key: str, lex: _Lexicon) -> bool:
    """A name's last word that makes it a group's, a team's or a product's name: a plural
    without "s" ("People") or one of a plural's shape after a consonant that no list holds
    as a surname or first name ("Tigers", "Charms"; not "Brooks", "Castellanos")."""
    return key in _PLURAL_NOUNS or bool(_CONSONANT_PLURAL.search(key)) and (
        _plural_no_name(key, lex))


def _plural_role(key: str, lex: _Lexicon) -> bool:
    """The plural of a role or a title that no list holds as a surname: "Chiefs" of
    "Chairman Joint Chiefs of Staff"."""
    one = _singular(key)
    if one == key or one not in lex.role_nouns and one not in lex.titles:
        return False
    from docsearch.extract.span_model import surnames  # it reads mentions, which reads this

    return one not in lex.first_names and key not in surnames()


def _agents(key: str, lex: _Lexicon) -> bool:
    """A plural agent noun, no surname: "Underwriters" of "S and P. Underwriters said"."""
    one = _singular(key)
    return one != key and one not in lex.first_names and (
        one in lex.role_nouns or _agent_shaped(one, lex))


def _association_end(keys: Sequence[str], lex: _Lexicon) -> bool:
    """A name that ends in a plural agent noun no list holds as a surname, its first word
    no first name: an association's or a trade's name ("Mortgage Lenders", "Boat Builders",
    "Grain Dealers"), never a person's ("Gail Sellers" has a first name)."""
    if len(keys) < 2 or not keys[-1].endswith("s") or keys[0] in lex.first_names:
        return False
    one = _singular(keys[-1])
    if one == keys[-1] or not (one in lex.role_nouns or one.endswith(_FIRM_AGENTS)):
        return False  # an agent's shape alone is no trade: "(Morag Ann) Gillanders"
    from docsearch.extract.span_model import surnames  # it reads mentions, which reads this

    return keys[-1] not in surnames()


def mark_beside_organisations(mentions: Sequence[_Mention], runs: Sequence[tuple[int, int]],
                              tokens: Sequence[_Token], ex: _Extractor) -> None:
    """Mark the mentions that "," or "and" joins to an organisation's name ("Keefe
    Bruyette, Goldman Sachs and Merrill Lynch"): a list of firms."""
    lex = ex.lex
    ends, starts = set(), set()
    for start, end in runs:
        keys = [word_key(t.text) for t in tokens[start:end]]
        if " ".join(keys) in ex.orgs or " ".join(keys) in lex.organisations or any(
                k in lex.org_words for k in keys):
            ends.add(end)
            starts.add(start)
    for m in mentions:
        end = m.position + len(m.words)
        m.beside_org = m.position >= 2 and tokens[m.position - 1].text in _LIST_JOINS and (
            m.position - 1 in ends) or end + 1 < len(tokens) and (
            tokens[end].text in _LIST_JOINS and end + 1 in starts)
    # "Trix, Cocoa Puffs and Lucky Charms": two plurals' names in a list are groups' or
    # products' names.
    for m, nxt in zip(mentions, mentions[1:], strict=False):
        end = m.position + len(m.words)
        if (nxt.position == end + 1 and tokens[end].text in _LIST_JOINS
                and _plural_group(fold(m.words[-1]), lex)
                and _plural_group(fold(nxt.words[-1]), lex)):
            m.plural_list = nxt.plural_list = True


_LIST_JOINS = (",", "and", "&")
