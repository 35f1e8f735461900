"""A firm's short name that opens a candidate: "Heinz Ketchup", "Havbruk Nord", "Ford Brasil".

A firm is often named by one distinctive word and its legal form or trade ("Heinz Co",
"Cannon Group Inc", "Ardcraig Seafoods") or by that word alone with what only a firm has
("Havbruk's chief executive", "Kestrel shares fell", "a stake in Medarex"). The same
document then names its products, units and models by that word and another ("Heinz
Ketchup", "Havbruk Nord", "Ford Brasil", "Avis Lube"): such a run is no person, unless a
person's own cue stands with it (a title, a role word, "X, the founder,", "X said he").

The evidence must name the word alone as the firm: "Crazy Eddie Inc" says nothing of
"Eddie Antar", "Taft Broadcasting Co" nothing of "Dudley Taft" (the word is not the
candidate's first), and a word that only opens a longer name ("John Smith Foundation")
gives nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from docsearch.extract.cues import (
    _DATELINE_MARKS,
    _NO_VERB,
    _and_his_or_her,
    _appositive_role,
    _person_verb,
)
from docsearch.extract.evidence import _FIRM_OBJECTS, _MARKET_VERBS, _age_after
from docsearch.extract.lexicon import _SPEECH, _Lexicon, fold, word_key
from docsearch.extract.mentions import _Extractor, _Mention
from docsearch.extract.tokens import CAP, INITIAL, PARTICLE, _Token

# What only a firm has, after one word in the possessive: "Havbruk's chief executive"
# (not "staff" or "stake": a person has those too).
_FIRM_POSSESSIONS = frozenset({"shares", "stock", "board", "shareholders", "subsidiary",
                               "subsidiaries", "profit", "profits", "revenue", "revenues",
                               "earnings", "chairman", "ceo"})
_FIRM_POSSESSION_PAIRS = frozenset({("chief", "executive"), ("finance", "director"),
                                    ("chief", "financial"), ("managing", "director")})
# A firm's legal form: "Heinz Co", "Avis Inc", "Cannon Group Inc". A first name before a
# firm's other words may be a person's ("David Steel": "Steel" names a trade too).
_LEGAL_FORMS = frozenset({"co", "cos", "corp", "corporation", "inc", "incorporated", "ltd",
                          "limited", "llc", "llp", "lp", "plc", "company", "ag", "sa", "nv",
                          "bv", "gmbh", "spa", "pty", "bhd", "berhad", "group", "holdings"})
# A person's pronoun right after a speech verb: "X said he", "X says she".
_PERSON_PRONOUNS = frozenset({"he", "she"})


@functools.cache
def _firm_name_words() -> frozenset[str]:
    """The words of org_words.txt that end a firm's name: its legal forms and kinds of
    company ("Co", "Inc", "Group", "Holdings", "Motors") and the nouns of a trade
    ("Seafoods", "Tobacco"); not "Brothers" nor "Sons", whose first word is a family's."""
    from importlib import resources

    text = resources.files("docsearch.extract").joinpath("data/org_words.txt").read_text(
        "utf-8")
    words: set[str] = set()
    keep = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("#"):
            # A section's heading, or a heading's next line (which keeps the section).
            if line.startswith(("# Company and", "# Nouns of a trade")):
                keep = True
            elif not line.startswith(("# Colliery", "# nor a")):
                keep = False
            continue
        if keep and line:
            words.add(word_key(line))
    return frozenset(words - {"brothers", "bros", "sons"})


def firm_words(ex: _Extractor, tokens: Sequence[_Token], lex: _Lexicon) -> frozenset[str]:
    """The one-word short names the document gives its firms (folded): the first word of
    an organisation whose other words all end a firm's name ("Heinz Co", "Cannon Group
    Inc"; a listed first name only before a legal form), and a word standing alone
    before what only a firm has ("Havbruk's chief executive", "Morgan shares fell") or
    after what is done to a firm ("a stake in Medarex")."""
    ends = _firm_name_words()
    out = set()
    for org in ex.orgs:
        keys = org.split()
        if len(keys) >= 2 and keys[0] not in ends and all(k in ends for k in keys[1:]) and (
                keys[0] not in lex.first_names or any(k in _LEGAL_FORMS for k in keys[1:])):
            out.add(keys[0])
    n = len(tokens)
    for k, token in enumerate(tokens):
        if token.kind != CAP or k > 0 and (tokens[k - 1].kind in (CAP, INITIAL)
                                           and not token.sentence_start):
            continue  # not "Eddie" of "Crazy Eddie's shares"
        if k + 1 < n and tokens[k + 1].kind in (CAP, INITIAL) and not token.possessive:
            continue  # a longer name's first word
        following = [t.text.lower() for t in tokens[k + 1:k + 3]]
        if token.possessive:
            firm = bool(following) and (following[0] in _FIRM_POSSESSIONS
                                        or tuple(following) in _FIRM_POSSESSION_PAIRS)
        else:
            firm = len(following) == 2 and following[0] == "shares" and (
                following[1] in _MARKET_VERBS) or k >= 2 and (
                tokens[k - 2].text.lower(), tokens[k - 1].text) in _FIRM_OBJECTS
        if firm:
            out.add(fold(token.text))
    return frozenset(out)


# Words between a name and "its" that give the pronoun another owner or start another
# clause: "X bought the house for its views", "X said she ... its", "X, which ... its".
_OTHER_OWNER = frozenset({"the", "a", "an", "this", "that", "these", "those", "he", "she",
                          "his", "her", "him", "it", "they", "their", "them", "who",
                          "which", "and", "or", "but"})


def its_owners(tokens: Sequence[_Token]) -> frozenset[str]:
    """The runs (folded words) that open a sentence, or follow a dateline, and own the
    "its" a few lower-case words later: "X Y will now offer free backups to its
    customers", "(Wire) - X Y has agreed to pay its regulator". A firm's own pronoun; a
    person's is "his" or "her". The words between are a verb and what it takes, with no
    determiner, pronoun or clause of their own ("X bought the house for its views": the
    house's), eight at most."""
    out = set()
    for k, token in enumerate(tokens):
        if token.text != "its":
            continue
        j = k - 1
        while j >= 0 and k - j <= 8 and tokens[j].text.isalpha() and (
                tokens[j].text.islower() and tokens[j].text not in _OTHER_OWNER):
            j -= 1
        if j < 0 or j == k - 1 or tokens[j].kind != CAP or tokens[j].possessive or (
                tokens[j + 1].text in _NO_VERB):
            continue
        start = j
        while start > 0 and tokens[start - 1].kind in (CAP, PARTICLE, INITIAL) and not (
                tokens[start - 1].possessive or tokens[start].sentence_start):
            start -= 1
        b = start - 1
        while b >= 0 and tokens[b].text in _DATELINE_MARKS:
            b -= 1
        if tokens[start].sentence_start or start == 0 or b < start - 1 and (
                b >= 0 and tokens[b].text[:1].isupper()):
            out.add(" ".join(word_key(t.text) for t in tokens[start:j + 1]))
    return frozenset(out)


def bracketed_affiliations(tokens: Sequence[_Token]) -> frozenset[str]:
    """Names in brackets right after two different names or more: what a results list
    gives each entrant ("1 Kobi Wanambi (Ford Mustang) ...; 5 Jayden Pryce (Ford
    Mustang)"), a car, a club, a team or a party, never the entrant's own name."""
    owners: dict[str, set[str]] = {}
    n = len(tokens)
    for k in range(1, n - 2):
        if tokens[k].text != "(" or tokens[k - 1].kind != CAP:
            continue
        j = k + 1
        while j < n and tokens[j].kind in (CAP, PARTICLE):
            j += 1
        if j - k > 1 and j < n and tokens[j].text == ")":
            key = " ".join(word_key(t.text) for t in tokens[k + 1:j])
            owners.setdefault(key, set()).add(fold(tokens[k - 1].text))
    return frozenset(key for key, names in owners.items() if len(names) >= 2)


def document_firms(ex: _Extractor, tokens: Sequence[_Token], lex: _Lexicon) -> tuple[
        frozenset[str], frozenset[str], frozenset[str]]:
    """The document's firms' short names (:func:`firm_words`, from then on words of its
    organisations too: "Heinz" alone is no person either), its results' bracketed
    affiliations (:func:`bracketed_affiliations`) and the runs that own an "its"
    (:func:`its_owners`)."""
    firms = firm_words(ex, tokens, lex)
    ex.orgs.update(firms)
    return firms, bracketed_affiliations(tokens), its_owners(tokens)


def _person_cue_after(tokens: Sequence[_Token], end: int, lex: _Lexicon) -> bool:
    """What only a person has right after a name: "X, the founder,", "X, 45,", "X died",
    "X and his wife", "X, who", "X said he"."""
    after = [t.text for t in tokens[end:end + 2]]
    return (_appositive_role(tokens, end, lex) or _age_after(tokens, end)
            or _person_verb(tokens, end) or _and_his_or_her(tokens, end)
            or after[:1] in (["who"], ["whose"]) or after in ([",", "who"], [",", "whose"])
            or len(after) == 2 and after[0] in _SPEECH and after[1] in _PERSON_PRONOUNS)


def firm_named(m: _Mention, firms: frozenset[str], bracketed: frozenset[str],
               owners: frozenset[str], tokens: Sequence[_Token], lex: _Lexicon) -> bool:
    """Whether a name of two words or more opens with one of the document's firms' short
    names, or is a bracketed affiliation of its results (:func:`bracketed_affiliations`),
    and has no person's own cue: a title, a role word before it, a family word, or what
    only a person has right after it; or, with no cue of a person at all, owns an "its"
    somewhere in the document (:func:`its_owners`)."""
    keys = [word_key(w) for w in m.words]
    joined = " ".join(keys)
    if owners and not m.cue and joined in owners:
        return True
    if len(keys) < 2 or keys[0] not in firms and joined not in bracketed:
        return False
    if m.titled or m.strong or m.role or m.family:
        return False
    return m.position < 0 or not _person_cue_after(tokens, m.position + len(m.words), lex)
