"""Things named like people, by the phrase that names them (brief Z57): a worm, a horse, a
boat, a robot, a band, a show or a tour whose name is a capitalised run like a person's.
:func:`docsearch.extract.cues._named_thing_or_part` asks it of each name; a run it takes
is an organisation or thing of the article (so its other mentions are no person either).

The evidence is the shape of the phrase around the run, with a noun of a kind of thing
that has a name of its own (``data/named_kinds.txt``, a closed class: malware, animals,
vessels, machines, bands, shows and other works; "five-piece" and the like by their
form), never a person's noun ("a woman called X", "the boxer, known as Kid X"):

- a naming word after the kind's noun: "a worm dubbed X", "the robot, known as X", "a
  horse named X" ("named" and "called" after "a"/"an" or a comma only: "the band named X
  its new drummer" appoints);
- the kind's noun right before the run, after a determiner, and the run closed by
  punctuation or "and" before lower case: "their gig X, won", "the panel show X?", "the
  Leeds five-piece X and the soul singer" (not "In the film X plays", where the run is a
  clause's subject, nor "the duo X and Y", a list of its members);
- an apposition of the kind after the run: "X, the Brighton five-piece, were", "X, a
  horse that ..." (no role noun, preposition or possessive in it: "X, the band's
  singer", "X, a one-man band", "X, the singer of the band");
- a malware noun right after the run: "the X worm", "X virus spreads";
- a possessive determiner opening the run inside a sentence: "the tour, My Mother's Son".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docsearch.extract.lexicon import _Lexicon, _word_set
from docsearch.extract.tokens import CAP, _Token

# Kinds of things with a name of their own: "the worm", "a horse", "their gig", "the band".
_KINDS = _word_set("named_kinds.txt")
# "five-piece", "4-piece": a band by its size.
_PIECE = re.compile(r"^(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})-piece$")
# Malware is named by the word after its name too: "the X worm".
_MALWARE = frozenset({"worm", "virus", "trojan", "malware", "ransomware", "botnet", "spyware"})
_NAMING = frozenset({"dubbed", "nicknamed", "christened", "renamed"})
_NAMED = frozenset({"named", "called"})  # also "appointed": only after "a"/"an" or a comma
_DETERMINERS = frozenset({"the", "a", "an", "their", "its", "his", "her", "our", "my", "your",
                          "this", "that"})
_INDEFINITE = frozenset({"a", "an"})
# What may close a run named by the kind's noun before it.
_CLOSERS = frozenset({",", ".", ";", ":", "?", "!", ")", "(", "—", "–", "and", "&", "'", '"',
                      "”", "’"})
# What may follow the kind's noun of an apposition after the run.
_APPOSITION_ENDS = frozenset({",", ".", ";", ":", ")", "—", "–", "that", "which", "who",
                              "whose", "from", "with"})
# Words an apposition's description does not hold: "X, the singer of the band" (nor a role
# noun: "X, the lead guitarist band"; nor "-man": "X, a one-man band").
_NOT_DESCRIPTION = frozenset({"of", "for", "in", "at", "on", "to", "from", "by", "with", "and",
                              "or", "but", "the", "a", "an", "behind", "without", "like"})
# A possessive determiner opening a run inside a sentence opens a title, no name.
_TITLE_OPENERS = frozenset({"My", "Our", "Your"})


def _kind(token: _Token) -> bool:
    text = token.text
    return not token.possessive and (text in _KINDS or text.endswith("-piece") and bool(
        _PIECE.match(text)))


def named_thing(tokens: Sequence[_Token], start: int, end: int, lex: _Lexicon) -> bool:
    """Whether ``tokens[start:end]`` is a thing's name by the phrase around it (see the
    module)."""
    first = tokens[start]
    if first.text in _TITLE_OPENERS and not first.sentence_start:
        return True  # "the tour, My Mother's Son"
    if end < len(tokens) and tokens[end].text in _MALWARE and not tokens[end - 1].possessive:
        return True  # "the X worm"
    before = tokens[start - 1].text if start > 0 else ""
    if before in ("and", "&"):
        return False  # "Ant and Dec, the comedy duo": the members of a kind
    if start >= 2 and before.islower() and _named_before(
            tokens, start, end, before):
        return True
    return end + 3 < len(tokens) and tokens[end].text == "," and _apposition(tokens, end + 1, lex)


def _named_before(tokens: Sequence[_Token], start: int, end: int, before: str) -> bool:
    """The kind's noun before the run, with a naming word or a determiner."""
    k = start - 1
    if before == "as" and tokens[k - 1].text == "known":
        k -= 2  # "the robot, known as X"
    elif before in _NAMING or before in _NAMED:
        k -= 1  # "a worm dubbed X", "a horse named X", "the virus, called X"
    if k < start - 1:
        comma = tokens[k].text == ","
        k -= comma
        # (after "named" or "called" a comma or "a"/"an": not "the band named X its drummer")
        return k >= 1 and _kind(tokens[k]) and (
            comma or before not in _NAMED or _determiner_before(tokens, k, _INDEFINITE))
    if not _kind(tokens[k]) or not _determiner_before(tokens, k, _DETERMINERS):
        return False
    # (the run closed: not "In the film X plays"; nor "the duo X and Y", its members)
    if end >= len(tokens):
        return True
    after = tokens[end].text
    return after in _CLOSERS and not (
        after in (",", "and", "&") and end + 1 < len(tokens) and tokens[end + 1].kind == CAP)


def _determiner_before(tokens: Sequence[_Token], k: int, determiners: frozenset[str]) -> bool:
    """A determiner among the three words before the kind's noun at ``k``, the words
    between it and the noun plain ones ("their debut album", "the Leeds five-piece")."""
    for j in range(k - 1, max(k - 4, -1), -1):
        text = tokens[j].text
        if text.lower() in determiners:
            return True
        if not text.replace("-", "").isalpha() or tokens[j].possessive:
            return False
    return False


def _apposition(tokens: Sequence[_Token], k: int, lex: _Lexicon) -> bool:
    """"X, the Brighton five-piece, were": a determiner at ``k``, at most three plain words
    and the kind's noun, then the apposition's end."""
    if tokens[k].text not in ("the", "a", "an"):
        return False
    for j in range(k + 1, min(k + 5, len(tokens) - 1)):
        token = tokens[j]
        if _kind(token):
            return tokens[j + 1].text in _APPOSITION_ENDS
        text = token.text
        if token.possessive or not text.replace("-", "").isalpha() or (
                text in _NOT_DESCRIPTION or text.lower() in lex.role_nouns
                or text.endswith(("-man", "-woman"))):
            return False
    return False
