"""People mentioned in an article, each under one canonical name.

A rule-based extractor, fast enough for whole archives (no model to download):

1. The text is cut into tokens (:mod:`docsearch.extract.tokens`); runs of capitalised
   words (with name particles such as "de la", initials and hyphenated parts) are the
   candidates. Team sheets and scorecards are read as lists (:mod:`docsearch.extract.lists`).
2. Titles and roles in front of a name are cut off and remembered as evidence
   ("Deputy Foreign Minister Sergei Ryabkov" → "Sergei Ryabkov", a person).
3. A candidate of two or more words is a person when its first word is a known
   first name, or a title, role word, honorific or speech verb stands next to it.
   Places, demonyms, organisations (a run with "Bank", "Ministry", "Inc"...),
   months, weekdays and sentence-initial common words are not people.
   Initials with a cue are a first name ("composer AR Rahman"); "David and Ed Mirvish"
   is two people; an organisation word before a name makes it an organisation
   ("investment banks X and Y", "the band X").
4. One-word mentions ("Biden", "Mr. Biden", "President Biden") join the full name
   with that surname in the same article; with a title or a role word before it
   ("the singer Kesia") and no full name in the article, the name alone is the person.
5. The fullest form is canonical; diacritics and case never split a person.

Headlines and section headings in title case only confirm people found in the
body; they add none of their own.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs

from docsearch.extract.lexicon import (
    _HEADLINE_VERBS,
    _MONTHS,
    _PARTICLES,
    _SPEECH,
    _SUFFIXES,
    _TITLE_OR_NAME,
    _WEEKDAYS,
    _Lexicon,
    _lexicon,
    fold,
)
from docsearch.extract.lists import listed_names
from docsearch.extract.tokens import (
    _INITIALS,
    CAP,
    HONORIFIC,
    INITIAL,
    PARTICLE,
    _Token,
    _tokens,
)

__all__ = ["FoundPeople", "extract_people", "find_people", "fold", "is_surname_form",
           "surname_keys"]


def _last_name_word(word: str, i: int, count: int) -> bool:
    """A capitalised particle that ends a name is a surname ("Louis Lo", "Ana Da")."""
    return i == count - 1 and i > 0 and word[:1].isupper()


# Words that open a place name: "West Texas", "North Tyneside", "New York".
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "new", "upper", "lower", "greater", "central", "north-east", "north-west",
            "south-east", "south-west"}


# ---------------------------------------------------------------------- mentions

# Words that end a place or organisation name ("Halden Bay", "Greenloop Materials").
_PLACE_NOUNS = {
    "bay", "valley", "lake", "river", "mount", "mountain", "mountains", "hill", "hills", "point",
    "island", "islands", "isle", "coast", "harbour", "harbor", "beach", "creek", "forest",
    "canyon", "gulf", "sea", "ocean", "strait", "straits", "peninsula", "cape", "falls",
    "springs", "heights", "gardens", "square", "bridge", "tower", "towers", "road", "street",
    "avenue", "boulevard", "highway", "motorway", "interchange", "lighthouse", "pueblo",
    "metro", "airport", "station", "terminal", "plaza", "estate", "marina", "pier", "wharf",
    "quay", "dock", "docks", "reservoir", "dam", "canal", "shoal", "reef", "glacier", "volcano",
    "desert", "plains", "ridge", "gorge", "fjord", "delta", "basin", "materials", "county",
    "province", "region", "district", "borough", "township", "village", "city", "town",
}
# A lower-case word after a name that shows the name belongs to a thing, not a person.
_THING_NOUNS = _PLACE_NOUNS | {
    "stadium", "arena", "hospital", "clinic", "school", "college", "university", "ferry",
    "ship", "vessel", "boat", "building", "museum", "gallery", "centre", "center", "hotel",
    "company", "firm", "group", "team", "club", "prize", "award", "foundation", "trophy",
    "cup", "line", "route", "library", "theatre", "theater", "hall", "church", "cathedral",
    "mosque", "temple", "plant", "factory", "mine", "port", "festival", "fund", "index",
    "doctrine", "era", "brand", "label", "shipyard", "campus", "memorial", "monument",
    "park", "tunnel", "railway", "project", "programme", "program", "scheme", "act",
    "pharmacy", "store", "shop", "supermarket", "restaurant", "brewery", "bakery", "dealership",
}
# An appositive headed by one of these names an organisation: "Morgan Hale, the insurer,".
_ORG_HEADS = {
    "insurer", "lender", "bank", "firm", "company", "group", "chain", "retailer", "maker",
    "provider", "brokerage", "consultancy", "agency", "carrier", "airline", "publisher",
    "label", "band", "manufacturer", "conglomerate", "subsidiary", "startup", "start-up",
    "partnership", "supplier", "wholesaler", "distributor", "fund",
}
# Words that end an appositive: "X, a broker with ...", "X, the firm that ...".
_APPOSITIVE_ENDS = {"with", "of", "at", "in", "for", "from", "that", "which", "who", "and",
                    "based", "owned", "whose", "on", "to", "by"}
# A capital inside a word after three lower-case letters: a product or firm ("VaultBox"),
# not a name ("McKenna", "MacLeod", "DiCaprio", "FitzGerald").
_CAMEL = re.compile(r"^(?!Mac|Fitz)[A-Z][a-z]{3,}[A-Z]")
# What only an organisation has: "Mason Reid's shares".
_ORG_POSSESSIONS = {"shares", "stock", "board", "profits", "profit", "revenue", "revenues",
                    "subsidiary", "subsidiaries", "shareholders", "stores", "factories",
                    "headquarters", "staff", "employees", "customers", "brokers"}
# "the Reagan administration": the noun after a lone name that makes it a person.
_LEADER_NOUNS = {"administration", "presidency", "cabinet", "premiership", "regime"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "into", "across", "the",
                       "throughout", "towards", "toward"}
_APPOSITIVE = {"a", "an", "the", "who", "whose", "aged", "its", "his", "her", "their"}
_ROLE_SUFFIX = re.compile(r"(?:ist|ian|ologist|er|or|ant|ent|man|woman|person)$")


@attrs.define
class _Mention:
    words: list[str]
    titled: bool        # a title or honorific stood before it ("President", "Mr.")
    cue: bool           # some evidence of a person (titled, role word, speech verb...)
    position: int
    from_heading: bool = False
    upper: bool = False            # from a headline in capitals
    role: bool = False             # a lower-case role word right before it ("singer Kesia")


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _affiliation(tokens: Sequence[_Token], end: int, lex: _Lexicon) -> bool:
    """A role word and a name follow: "Kidder Peabody analyst Adam Cuhney"."""
    return (end + 1 < len(tokens) and tokens[end].text.islower()
            and tokens[end].text in lex.role_nouns and tokens[end + 1].kind in (CAP, HONORIFIC))


def _org_evidence(tokens: Sequence[_Token], first: int, end: int, lex: _Lexicon) -> bool:
    """What the words around a name say of an organisation: a person's affiliation
    ("Priya Sood of Hartley Crane"), a kind of firm before it ("rivals such as X",
    "competitors like X"), a known firm beside it ("X and Merrill Lynch"), an appositive
    headed by an organisation noun ("Morgan Hale, the Dutch insurer,"), what only a firm
    has ("Mason Reid's shares") or its pronoun ("Carter Lowe said its profits")."""
    if first >= 2 and tokens[first - 1].text in ("as", "like"):
        kind = tokens[first - 3] if tokens[first - 2].text == "such" and first >= 3 else (
            tokens[first - 2])
        if kind.text.lower() in lex.org_cues:
            return True
    if end + 1 < len(tokens) and tokens[end].text in ("and", "or", "&"):
        j = end + 1
        while j < len(tokens) and tokens[j].kind == CAP and j - end <= 4:
            j += 1
        # "X and Merrill Lynch", not "X and Merrill Lynch's analyst" nor "... analyst Y".
        if j > end + 1 and not tokens[j - 1].possessive and not (
                j < len(tokens) and tokens[j].text in lex.role_nouns) and fold(
                " ".join(t.text for t in tokens[end + 1:j])) in lex.organisations:
            return True
    if first >= 2 and tokens[first - 1].text == "of":
        # Only after a person's name: "Bank of", "Governor of" and "Prince X of" are titles.
        owner = tokens[first - 2]
        key = fold(owner.text).rstrip(".")
        if (owner.kind == CAP and not owner.possessive and key not in lex.titles
                and key not in lex.org_words and key not in lex.place_words
                and first >= 3 and tokens[first - 3].kind == CAP):
            return True
    last = tokens[end - 1]
    if last.possessive:
        return end < len(tokens) and tokens[end].text.lower() in _ORG_POSSESSIONS
    if end + 1 < len(tokens) and tokens[end].text in _SPEECH and tokens[end + 1].text == "its":
        return True
    if end + 2 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text.lower() in (
            "a", "an", "the"):
        # The appositive's last noun names a firm: "X, the Dutch insurer," is a firm, not
        # "X, a company founder", "X, the company's economist", "X, the company said".
        head = False
        for token in tokens[end + 2:end + 7]:
            word = token.text.lower()
            if token.possessive or token.kind == CAP:
                head = False  # "the Dutch insurer", "the company's chief economist"
            elif word in _ORG_HEADS:
                head = True
            elif word in lex.role_nouns or word in _SPEECH:
                return False
            elif not word.replace("-", "").isalpha() or word in _APPOSITIVE_ENDS:
                return head
        return head
    return False


def _joined_company(tokens: Sequence[_Token], end: int) -> bool:
    """"and" and a company name follow: "Goodyear Tire and Rubber Co"."""
    if end + 1 >= len(tokens) or tokens[end].text not in ("and", "&"):
        return False
    j = end + 1
    while j < len(tokens) and tokens[j].kind in (CAP, INITIAL) and j - end < 5:
        if tokens[j].text in ("Co", "Corp", "Inc", "Ltd", "Cos", "Sons", "Brothers"):
            return True
        j += 1
    return False


def _is_titlecase(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if not words:
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps / len(words) >= 0.6 or text.isupper()


class _Extractor:
    def __init__(self, lex: _Lexicon) -> None:
        self.lex = lex
        self.orgs: set[str] = set()
        self.lowercase_seen: set[str] = set()
        # Where the last organisation named with a cue ended: "banks X and Y".
        self._org_end: tuple[int, int] = (0, -1)

    def runs(self, tokens: Sequence[_Token]) -> Iterable[tuple[int, int]]:
        """Spans of name-like tokens: capitalised words, initials, particles, honorifics.
        A possessive ("Lloyd's") ends a span."""
        i = 0
        n = len(tokens)
        while i < n:
            if tokens[i].kind in (CAP, HONORIFIC) or (
                    tokens[i].kind in (PARTICLE, INITIAL) and i + 1 < n
                    and tokens[i + 1].kind in (CAP, PARTICLE)):
                j = i + 1
                while j < n and not tokens[j - 1].possessive and tokens[j].kind in (
                        CAP, INITIAL, PARTICLE, HONORIFIC):
                    j += 1
                while j - 1 > i and tokens[j - 1].kind == PARTICLE and (
                        tokens[j - 1].text.islower()):
                    j -= 1
                yield i, j
                i = j
            else:
                i += 1

    def _is_title(self, keys: Sequence[str], k: int, kind: int) -> bool:
        """Whether ``keys[k]`` is a title here. A title that is also a first name, followed
        by one word only, is a first name ("Earl Jennings", "Prince Harry")."""
        key = keys[k]
        if kind == HONORIFIC:
            return True
        if key not in self.lex.titles and key not in self.lex.modifiers:
            return False
        return not (key in _TITLE_OR_NAME and k == 0 and len(keys) == 2)

    def _title_phrase_before(self, tokens: Sequence[_Token], start: int) -> bool:
        """Whether a title word stands shortly before ``start``, joined to it by "of",
        "the" and capitalised words ("Governor of the Bank of England ...")."""
        i = start - 1
        if i < 0 or tokens[i].text.lower() not in ("of", "the"):
            return False
        for _ in range(8):
            if i < 0:
                return False
            token = tokens[i]
            key = fold(token.text).rstrip(".")
            if key in self.lex.titles:
                return True
            if token.kind != CAP and key not in ("of", "the", "and", "for"):
                return False
            i -= 1
        return False

    def mention(self, tokens: Sequence[_Token], start: int, end: int,
                headline: bool) -> _Mention | None:
        lex = self.lex
        words = [t.text for t in tokens[start:end]]
        keys = [fold(w).rstrip(".") for w in words]
        titled = False
        # A title followed by more words: everything up to it is the title.
        last_title = -1
        for k in range(len(keys) - 1):
            if self._is_title(keys, k, tokens[start + k].kind):
                if keys[k] not in lex.modifiers:
                    titled = True
                last_title = k
            elif last_title >= 0 and (keys[k] in lex.demonyms or keys[k] in lex.place_words):
                last_title = k
        sentence_start = tokens[start].sentence_start or headline
        if (last_title < 0 and len(keys) >= 2 and keys[0].endswith("s") and keys[1] in
                lex.first_names and _singular(keys[0]) in lex.role_nouns):
            words, keys = words[1:], keys[1:]  # "Singers Jennifer Lopez and ..."
            titled = True
        if last_title >= 0:
            if any(k in lex.org_words for k in keys[:last_title + 1]) and not titled:
                self.orgs.add(" ".join(keys))
                return None
            words, keys = words[last_title + 1:], keys[last_title + 1:]
        elif sentence_start:
            while keys and (keys[0] in lex.common or keys[0] in _WEEKDAYS or keys[0] in _MONTHS
                            or (keys[0] in self.lowercase_seen and keys[0] not in lex.first_names)):
                words, keys = words[1:], keys[1:]
            # "Volcanologist Thordur Arnason": a capitalised role word opens the sentence.
            if len(keys) >= 3 and keys[0] not in lex.first_names and _ROLE_SUFFIX.search(keys[0]):
                words, keys = words[1:], keys[1:]
                titled = True
        while len(keys) > 1 and (keys[-1] in _WEEKDAYS or keys[-1] in ("today", "tonight")):
            words, keys = words[:-1], keys[:-1]  # "met James Baker Monday"
        while keys and keys[-1] in _SUFFIXES:
            words, keys = words[:-1], keys[:-1]
        if not keys:
            return None
        # "Chancellor of the Exchequer Nigel Lawson": a title phrase runs on through
        # "of the ..." and the name starts at the first first name.
        if len(keys) >= 3 and keys[0] not in lex.first_names and self._title_phrase_before(
                tokens, start):
            for k in range(1, len(keys) - 1):
                if keys[k] in lex.first_names:
                    words, keys = words[k:], keys[k:]
                    titled = True
                    break
        after_run = [t.text for t in tokens[end:end + 2]]
        if (words[-1] in ("Co", "Co.") and len(keys) > 1 or after_run[:1] == ["<"]
                or after_run in (["and", "Co"], ["&", "Co"])):
            # "Rubber Co", "Campbell Soup Co <CPB>", "Frank B. Hall and Co": a company.
            self.orgs.add(" ".join(keys))
            for cut in range(1, len(keys)):
                self.orgs.add(" ".join(keys[:cut]))
            return None
        if any(k in lex.org_words or k in _PLACE_NOUNS for k in keys[1:]) or (
                keys[0] in lex.org_words and len(keys) > 1):
            self.orgs.add(" ".join(keys))
            for cut in range(1, len(keys)):
                self.orgs.add(" ".join(keys[:cut]))
            return None
        caps = [k for i, (k, w) in enumerate(zip(keys, words, strict=True))
                if not (k in _PARTICLES and not _last_name_word(w, i, len(words))
                        or w.endswith("."))]
        if (len(keys) >= 3 and keys[1] in lex.first_names and keys[0] not in lex.first_names
                and (keys[0] in lex.place_words or keys[0] in lex.demonyms
                     or len(keys) == 3 and keys[1] not in _PARTICLES
                     and (len(keys[0]) > 5 or keys[0] in lex.english))):
            # "ambassador to Moscow Salah Bassiouni", "Beatle George Harrison"
            words, keys = words[1:], keys[1:]
            caps = caps[1:]
        if not caps or len(caps) > 5:
            return None
        joined = " ".join(keys)
        if (joined in lex.places or joined in lex.demonyms or all(
                k in lex.place_words or k in lex.demonyms or k in _MONTHS or k in _WEEKDAYS
                or k in lex.common for k in caps)):
            return None
        if len(caps) == 1 and (caps[0] in lex.titles or caps[0] in lex.modifiers
                               or caps[0] in lex.org_words):
            return None
        first = start + (end - start - len(words))
        before = tokens[first - 1].text.lower() if first > 0 else ""
        before2 = tokens[first - 2].text.lower() if first > 1 else ""
        if self._organisation(tokens, first, end, joined, keys, titled):
            return None
        after = tokens[end].text.lower() if end < len(tokens) else ""
        after2 = tokens[end + 1].text.lower() if end + 1 < len(tokens) else ""
        if len(caps) > 1 and not titled and before not in lex.role_nouns and (
                _org_evidence(tokens, first, end, lex)) or [
                t.text for t in tokens[end:end + 3]] == [",", "played", "by"]:
            self.orgs.add(joined)  # an organisation, or a character ("X, played by Y")
            return None
        # Things and places: "the Glen Sannox", "at Wilhelmina Hall", "Seoul Metro",
        # "Charles de Gaulle airport".
        if len(caps) > 1 and not titled and (
                before in _PLACE_PREPOSITIONS and not (
                    tokens[end - 1].possessive and keys[0] in lex.first_names)
                or _singular(after) in _THING_NOUNS
                or (caps[0] in lex.place_words and caps[0] not in lex.first_names)
                or _affiliation(tokens, end, lex) or _joined_company(tokens, end)):
            self.orgs.add(joined)
            return None
        cue = titled or before in lex.role_nouns or before in _SPEECH or after in _SPEECH or (
            after in ("who", "whose") and len(caps) > 1) or (
            after in _LEADER_NOUNS and len(caps) == 1) or (
            after == "," and (after2 in _APPOSITIVE or after2 in _SPEECH
                              or after2 in lex.role_nouns)) or (
            before == "," and before2 in lex.role_nouns)
        if len(caps) > 1 and not cue and before2 == "the" and "-" in before:
            self.orgs.add(joined)  # "the long-delayed Glen Sannox": a thing
            return None
        if len(words) == 1 and _CAMEL.match(words[0]):
            return None
        role = (before in lex.role_nouns and tokens[first - 1].text.islower()
                or before == "," and before2 in lex.role_nouns  # "her daughter, Lucy, and"
                and after in (",", ".", "and", "")) and not (  # "manager Kidder, Peabody"
            after == "," and end + 1 < len(tokens) and tokens[end + 1].kind == CAP)
        return _Mention(words, titled, cue, first, role=role)

    def _organisation(self, tokens: Sequence[_Token], first: int, end: int, joined: str,
                      keys: Sequence[str], titled: bool) -> bool:
        """An organisation, band or work by evidence: a known one ("Merrill Lynch"), an
        organisation word before it ("investment banks X"), or listed right after one
        ("X and Y"); a place by its first words ("West Texas", "North Tyneside")."""
        lex = self.lex
        before = tokens[first - 1].text if first > 0 else ""
        gap = [t.text for t in tokens[self._org_end[1]:first]] if (
            self._org_end[0] == id(tokens)) else []
        if (joined in lex.organisations or " ".join(keys[:2]) in lex.organisations
                or not titled and before in lex.org_cues
                or gap in (["and"], [","], ["&"], ["or"])):
            self.orgs.add(joined)
            self._org_end = (id(tokens), end)
            return True
        return len(keys) >= 2 and keys[0] in _COMPASS and (
            keys[1] in lex.place_words or keys[1] in lex.demonyms)

    def is_full_name(self, m: _Mention) -> bool:
        keys = [fold(w).rstrip(".") for w in m.words]
        if len(keys) == 2 and _INITIALS.match(m.words[0]) and not m.from_heading:
            # "AR Rahman", "E Nesbit": initials and a surname, with a cue.
            return m.cue and not _common_noun(keys[1], self.lex) and not self.in_organisation(
                keys[1]) and keys[1] not in self.lex.place_words
        caps = [k for i, (k, w) in enumerate(zip(keys, m.words, strict=True))
                if (k not in _PARTICLES or _last_name_word(w, i, len(keys))) and len(k) > 1]
        if len(caps) < 2:
            return False
        joined = " ".join(keys)
        if any(org == joined or org.startswith(joined + " ") for org in self.orgs):
            return False
        if (keys[-1] in self.lex.place_words or keys[-1] in self.lex.demonyms) and not (
                m.cue and keys[0] in self.lex.first_names):
            return False  # "Charles de Gaulle airport" no, "president Miguel de la Madrid" yes
        if keys[0] not in self.lex.first_names and any(
                _common_noun(k, self.lex) for k in caps):
            return False  # "Unit Two", "Goodyear Tire", "Philippine Coffee"
        return m.cue or keys[0] in self.lex.first_names

    def in_organisation(self, key: str) -> bool:
        """Whether a one-word name is a word of an organisation or thing the article
        names ("Phillips" of "Phillips Petroleum Co")."""
        return any(key in org.split() for org in self.orgs)


def surname_keys(words: Sequence[str]) -> set[str]:
    """Keys under which a one-word (or particle + word) mention may refer to ``words``."""
    keys = [fold(w) for w in words]
    out = {keys[-1]}
    # "de la Fuente", "van der Berg": the particles belong to the surname.
    k = len(keys) - 1
    while k > 0 and keys[k - 1] in _PARTICLES:
        k -= 1
        out.add(" ".join(keys[k:]))
    for part in keys[-1].split("-"):
        if len(part) > 2:
            out.add(part)
    if len(keys) >= 3 and keys[-2] not in _PARTICLES:
        out.add(" ".join(keys[-2:]))  # "Karim Haddad" in "Abdel Karim Haddad"
    return out


@attrs.frozen
class FoundPeople:
    """What :func:`find_people` found in one article.

    ``people`` are persons the article itself establishes (full names, and surnames
    with a title: "President Reagan"). ``surnames`` are one-word names with some cue
    of a person ("LAWSON SAYS ...", "Sarney said") but no full name in the article:
    the index counts them as a person only when it knows one full name for them.
    """

    people: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()


@functools.lru_cache(maxsize=200_000)
def is_surname_form(key: str) -> bool:
    """Whether a folded name is a surname alone: one word, or particles and one word
    ("volcker", "de la fuente")."""
    words = key.split()
    return len(words) == 1 or all(w in _PARTICLES for w in words[:-1])


def extract_people(title: str = "", body: str = "", headings: Iterable[str] = ()) -> list[str]:
    """The people an article mentions, each under its fullest form, in order of first
    mention.

    >>> extract_people("", "President Joe Biden spoke. Later Mr. Biden left.")
    ['Joe Biden']
    """
    return list(find_people(title, body, headings).people)


def find_people(title: str = "", body: str = "", headings: Iterable[str] = ()) -> FoundPeople:
    """The people of an article and its unresolved surnames (see :class:`FoundPeople`).

    >>> find_people("VOLCKER SEES NO QUICK FIX", "")
    FoundPeople(people=(), surnames=('Volcker',))
    """
    lex = _lexicon()
    ex = _Extractor(lex)
    body_tokens = _tokens(body)
    ex.lowercase_seen = {t.text.lower() for t in body_tokens if t.text[:1].islower()}
    mentions = _coordinated([m for s, e in ex.runs(body_tokens)
                             if (m := ex.mention(body_tokens, s, e, headline=False)) is not None],
                            body_tokens, lex)
    heading_mentions: list[_Mention] = []
    for text in [title, *headings]:
        if not text:
            continue
        tokens = _tokens(_headline_case(text, lex))
        headline = _is_titlecase(text)
        for s, e in ex.runs(tokens):
            m = ex.mention(tokens, s, e, headline=headline)
            if m is not None:
                m.from_heading = headline
                m.position = -1
                m.cue = m.cue or _headline_cue(tokens, s, e)
                m.upper = text.isupper()
                heading_mentions.append(m)

    # Full names first; shorter forms that are part of a fuller one merge into it.
    people: list[list[str]] = []
    first_seen: list[int] = []
    # A headline's full name with a known first name is a person when the headline
    # was in capitals (its case is then ours) or there is no body to name it.
    trusted = [m for m in heading_mentions if (not body.strip() or m.upper)
               and m.cue and len(m.words) <= 3 and fold(m.words[0]).rstrip(".") in lex.first_names
               and ex.is_full_name(m) and not any(_plain_word(w, lex) for w in m.words)]
    for m in mentions + trusted:
        if not ex.is_full_name(m) or m.from_heading and m not in trusted:
            continue
        folded = [fold(w) for w in m.words]
        for i, person in enumerate(people):
            pf = [fold(w) for w in person]
            if _contains(pf, folded):
                break
            if _contains(folded, pf):
                people[i] = m.words
                break
        else:
            people.append(m.words)
            first_seen.append(m.position)

    index: dict[str, set[int]] = {}
    for i, person in enumerate(people):
        for key in surname_keys(person):
            index.setdefault(key, set()).add(i)
    starts = [t.start for t in body_tokens]
    for listed in listed_names(body, lex):
        owner = _listed_person(listed.words, people, index)
        position = bisect.bisect_left(starts, listed.offset)
        if owner is None:
            people.append(listed.words)
            first_seen.append(position)
            for key in surname_keys(listed.words):
                index.setdefault(key, set()).add(len(people) - 1)
        else:
            first_seen[owner] = min(first_seen[owner], position)

    surnames: list[str] = []
    weak: dict[str, str] = {}
    for m in mentions + heading_mentions:
        if ex.is_full_name(m) and not m.from_heading:
            continue
        key = " ".join(fold(w) for w in m.words)
        owners = index.get(key, set())
        if len(owners) == 1:
            i = next(iter(owners))
            if m.position >= 0:
                first_seen[i] = min(first_seen[i], m.position)
            continue
        one_word = len(m.words) == 1 or m.words[0].lower() in _PARTICLES
        if not owners and not one_word and m.upper and len(m.words) <= 3 and not any(
                _plain_word(w, lex) for w in m.words) and fold(m.words[0]) in lex.first_names:
            # "... AGAINST IVAN BOESKY": a person only if the index knows the name.
            weak.setdefault(key, " ".join(m.words))
            continue
        if owners or not one_word:
            continue
        if ((m.titled or m.role) and not m.from_heading and key not in (fold(s) for s in surnames)
                and not _common_noun(key, lex) and key not in lex.place_words):
            surnames.append(" ".join(m.words))
            people.append(m.words)
            first_seen.append(m.position)
        elif ((m.cue or m.titled) and len(key) > 2 or (
                m.position < 0 and len(key) > 3 and not _plain_word(key, lex))) and not (
                ex.in_organisation(key)):
            # A headline's lone name needs no cue: the index takes it only if it knows
            # the person (and the word is not far more often a headline word).
            weak.setdefault(key, " ".join(m.words))

    order = sorted(range(len(people)), key=lambda i: first_seen[i])
    result: list[str] = []
    seen: set[str] = set()
    for i in order:
        name = " ".join(people[i])
        if fold(name) not in seen:
            seen.add(fold(name))
            result.append(name)
    return FoundPeople(tuple(result), tuple(w for k, w in weak.items() if k not in seen))


def _coordinated(mentions: list[_Mention], tokens: Sequence[_Token],
                 lex: _Lexicon) -> list[_Mention]:
    """"David and Ed Mirvish": a lone first name joined by "and" to a full name whose
    first word is a first name takes its surname."""
    out = list(mentions)
    for k in range(len(out) - 1):
        m, nxt = out[k], out[k + 1]
        end = m.position + len(m.words)
        key = fold(m.words[0])
        if (len(m.words) == 1 and key in lex.first_names and key not in lex.place_words
                and not tokens[end - 1].possessive and end + 1 == nxt.position
                and tokens[end].text in ("and", "&")
                and len(nxt.words) >= 2 and fold(nxt.words[0]) in lex.first_names):
            out[k] = attrs.evolve(m, words=[m.words[0], *nxt.words[1:]],
                                  cue=m.cue or nxt.cue or m.titled)
    return out


def _listed_person(words: Sequence[str], people: Sequence[Sequence[str]],
                   index: Mapping[str, set[int]]) -> int | None:
    """The person of the article a listed name is: the same name, else the one person
    with its surname whose first name starts with its first initial ("T Rourke" and
    "Tiernan Rourke"; a surname alone: the one person with that surname)."""
    folded = [fold(w) for w in words]
    for i, person in enumerate(people):
        if [fold(w) for w in person] == folded:
            return i
    owners = index.get(folded[-1], set())
    if len(words) > 1:
        initial = folded[0][:1]
        owners = {i for i in owners if len(people[i]) > 1 and fold(people[i][0])[:1] == initial}
    return next(iter(owners)) if len(owners) == 1 else None


def _common_noun(key: str, lex: _Lexicon) -> bool:
    """A common English word or its plural ("taxes", "rates")."""
    return key in lex.english or key.endswith("s") and (
        key[:-1] in lex.english or key.endswith("es") and key[:-2] in lex.english)


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


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """True when ``shorter`` is ``longer`` with some words left out (same order)."""
    if len(shorter) > len(longer) or shorter[-1] != longer[-1]:
        return False
    it = iter(longer)
    return all(any(word == other for other in it) for word in shorter)
