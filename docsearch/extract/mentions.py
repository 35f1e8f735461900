"""Candidate names in an article's tokens and the evidence around each.

:class:`_Extractor` finds runs of capitalised words (:meth:`_Extractor.runs`), cuts titles,
roles and descriptors off them and weighs the cues of a person against the evidence of
an organisation, place or thing (:mod:`docsearch.extract.evidence`; the cues in the words
around a name are :mod:`docsearch.extract.cues`'s, the shapes of teams and groups
:mod:`docsearch.extract.groups`'s) (:meth:`_Extractor.mention`), and says which mentions
are full names (:meth:`_Extractor.is_full_name`).
Names joined by "and" are :mod:`docsearch.extract.coordination`'s. How the
mentions of an article become its people is :mod:`docsearch.extract.people`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from docsearch.extract.cues import (
    _APPOSITIVE,
    _FAMILY,
    _LEADER_NOUNS,
    _MAKER_VERBS,
    _ONE_NAME_ROLES,
    _PEOPLE,
    _after_family,
    _and_his_or_her,
    _appositive_role,
    _beaten,
    _house_style,
    _named_thing_or_part,
    _names_work,
    _person_context,
    _person_verb,
    _place_surname,
    _signature,
    _sport_act,
)
from docsearch.extract.evidence import (
    _CAMEL,
    _COMPASS,
    _NOT_BEFORE_WORLD_NAMES,
    _PLACE_NOUNS,
    _PLACE_OPENERS,
    _PLACE_PREPOSITIONS,
    _PRODUCT_WORDS,
    _THING_NOUNS,
    _age_after,
    _company_word,
    _compass_place,
    _demonym_lead,
    _firm_kind_at,
    _gazetteer_place,
    _given_compound,
    _joined_company,
    _org_evidence,
    _place_as_surname,
    _place_or_body,
    _possessive_role,
    _quoted,
    _role_shaped,
    _says_she,
    _singular,
    _statement,
    _word_surname,
    _word_surname_cue,
)
from docsearch.extract.given_words import modal_given_name, org_word_given_name
from docsearch.extract.groups import (
    _PLURAL_NOUNS,
    _PLURAL_VERBS,
    _agents,
    _association_end,
    _plural_group,
    _plural_role,
    _team,
)
from docsearch.extract.lexicon import (
    _GIVEN_NAME_TITLES,
    _MONTHS,
    _PARTICLES,
    _SPEECH,
    _SUFFIXES,
    _TITLE_OR_NAME,
    _WEEKDAYS,
    _common_noun,
    _Lexicon,
    fold,
    word_key,
)
from docsearch.extract.tokens import (
    _DOTTED,
    _FIRST_NAME_PARTICLES,
    _INITIALS,
    CAP,
    HONORIFIC,
    INITIAL,
    PARTICLE,
    _Token,
)
from docsearch.extract.world_names import world_first_names


def _last_name_word(word: str, i: int, count: int) -> bool:
    """A capitalised particle that ends a name is a surname ("Louis Lo", "Ana Da"); one
    that opens it may be a first name ("Ben Hartigan")."""
    return (i == count - 1 and i > 0 and word[:1].isupper()
            or i == 0 and count > 1 and word in _FIRST_NAME_PARTICLES)


# Surnames that are organisation or place words too ("Anne Church", "Tobias Banks").
_ORG_WORD_SURNAMES = {"church", "banks", "bridges", "chambers", "house", "weeks", "hill"}
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
    family: bool = False           # a family word before it ("her sister, Georgia")
    strong: bool = False           # a role word right before ("captain X Y"), or a title
                                   # on its surname elsewhere ("Mr Obuya"): common words pass
    doubted: bool = False          # the span model's low probability: no full name
    before: str = ""               # the word before it, in lower case
    beside_org: bool = False       # "," or "and" joins it to an organisation's name
    grouped: bool = False          # "the X Y'" / "the X Y were": a group's name after "the"
    plural_list: bool = False      # listed beside another plural's name ("X Puffs and Y Charms")


class _Extractor:
    def __init__(self, lex: _Lexicon) -> None:
        self.lex = lex
        self.orgs: set[str] = set()
        self.lowercase_seen: set[str] = set()
        # Where the last organisation named with a cue ended: "banks X and Y".
        self._org_end: tuple[int, int] = (0, -1)
        # Names of a first name and an organisation's word read as people ("Ada Banks").
        self.word_surnamed: set[str] = set()
        # The folded last words of names read as parts or things ("as Agatha X", "the film
        # follows X"): cues.parts_by_first_name drops their one-word mentions too.
        self.parts: set[str] = set()

    def runs(self, tokens: Sequence[_Token]) -> Iterable[tuple[int, int]]:
        """Spans of name-like tokens: capitalised words, initials, particles, honorifics.
        A possessive ("Lloyd's") ends a span."""
        i = 0
        n = len(tokens)
        while i < n:
            if tokens[i].kind in (CAP, HONORIFIC) or (
                    tokens[i].kind in (PARTICLE, INITIAL) and i + 1 < n
                    and tokens[i + 1].kind in (CAP, PARTICLE)) or (  # "P. R. Haverstock"
                    tokens[i].kind == INITIAL and i + 2 < n and tokens[i + 1].kind == INITIAL
                    and tokens[i + 2].kind == CAP):
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

    def _is_title(self, keys: Sequence[str], k: int, token: _Token) -> bool:
        """Whether ``keys[k]`` is a title here. A title that is also a first name, followed
        by one word only, is a first name ("Earl Jennings", "Prince Harry"); one that is
        a given name first of all, wherever it stands ("Director Skip Bertman")."""
        key = keys[k]
        if token.kind == HONORIFIC or _hyphenated_title(token.text, self.lex):
            return True
        if key not in self.lex.titles and key not in self.lex.modifiers:
            return False
        return not (key in _TITLE_OR_NAME and k == len(keys) - 2
                    and (k == 0 or key in _GIVEN_NAME_TITLES))

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
            key = word_key(token.text)
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
        keys = [word_key(w) for w in words]
        titled = False
        # A title followed by more words: everything up to it is the title.
        last_title = -1
        for k in range(len(keys) - 1):
            if _compass_place(keys, k, lex):
                continue  # "the New York Fed": a place's name, no title
            if self._is_title(keys, k, tokens[start + k]):
                if keys[k] not in lex.modifiers or tokens[start + k].kind == HONORIFIC and (
                        keys[k + 1] in lex.titles or keys[k + 1] in lex.modifiers):
                    titled = True  # "Lady Justice X"
                last_title = k
            elif (k >= 1 and keys[k] in lex.role_nouns and k + 2 < len(keys)
                  and keys[k + 1] in lex.first_names):
                last_title = k  # "New York Investor David Rocker": a role inside the run
            elif last_title >= 0 and (keys[k] in lex.demonyms or keys[k] in lex.place_words):
                last_title = k
        if _named_thing_or_part(tokens, start, end, lex):
            self.orgs.add(" ".join(keys))
            self.parts.add(fold(words[-1]))
            return None
        sentence_start = tokens[start].sentence_start or headline
        if (last_title < 0 and len(keys) >= 2 and keys[0].endswith("s") and (
                keys[1] in lex.first_names or len(keys) == 2 and end < len(tokens)
                and tokens[end].text == "and" and tokens[start].sentence_start) and (
                _singular(keys[0]) in lex.role_nouns or keys[0] in _FAMILY)):
            words, keys = words[1:], keys[1:]  # "Singers Jennifer Lopez and ...", "Twins X and"
            titled = True
        if last_title >= 0:
            if any(k in lex.org_words for k in keys[:last_title + 1]) and not titled:
                self.orgs.add(" ".join(keys))
                return None
            words, keys = words[last_title + 1:], keys[last_title + 1:]
        elif sentence_start:
            while keys and (keys[0] in lex.common or keys[0] in _WEEKDAYS or keys[0] in _MONTHS
                            or (keys[0] in self.lowercase_seen and keys[0] not in lex.first_names)):
                if not headline and modal_given_name(tokens, end, keys, lex):
                    break  # "Will Hethersett said": a modal that asks nothing is a name
                words, keys = words[1:], keys[1:]
            # "Volcanologist Thordur Arnason": a capitalised role word opens the sentence
            # (by its ending, five letters or more: "Sher Bahadur Deuba" has none).
            if len(keys) >= 3 and keys[0] not in lex.first_names and (
                    _ROLE_SUFFIX.search(keys[0]) and len(keys[0]) >= 5
                    or keys[0] in lex.role_nouns):
                words, keys = words[1:], keys[1:]
                titled = True
        # "Seventeen-year-old X Y", "the Welshman X Y": an age or a person's nationality.
        if len(keys) >= 3 and (keys[0].endswith("-year-old") or keys[0] in lex.demonyms
                               and keys[0].endswith(("man", "woman"))):
            words, keys = words[1:], keys[1:]
            titled = True
        # "Kidnapped Briton Margaret Hassan": capitalised descriptors, a demonym and a
        # listed first name; the descriptors no name, place, organisation or listed
        # English word (not "One Western Red Spring", a grade of wheat).
        for k in range(1, len(keys) - 2):
            if keys[k] in lex.demonyms and keys[k + 1] in lex.first_names:
                if not any(x in lex.first_names or x in lex.place_words or x in lex.org_words
                           or x in lex.demonyms or x in lex.titles or x in lex.english
                           or x in lex.common for x in keys[:k]):
                    words, keys = words[k + 1:], keys[k + 1:]
                break
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
                or after_run[:1] and after_run[0][:1].isupper()  # "X Inc.", "X Corp."
                and not tokens[end - 1].possessive and _company_word(after_run[0], lex)
                or after_run in (["and", "Co"], ["&", "Co"])):
            # "Rubber Co", "Campbell Soup Co <CPB>", "Frank B. Hall and Co": a company.
            self.orgs.add(" ".join(keys))
            for cut in range(1, len(keys)):
                self.orgs.add(" ".join(keys[:cut]))
            return None
        if (any(k in lex.org_words or k in _PLACE_NOUNS for k in keys[1:]) or (
                keys[0] in lex.org_words and len(keys) > 1)) and not self._org_word_surname(
                tokens, start, end, keys, titled) and not org_word_given_name(
                tokens, end, keys, lex):
            self.orgs.add(" ".join(keys))
            for cut in range(1, len(keys)):
                self.orgs.add(" ".join(keys[:cut]))
            return None
        caps = [k for i, (k, w) in enumerate(zip(keys, words, strict=True))
                if not (k in _PARTICLES and not _last_name_word(w, i, len(words))
                        or w.endswith("."))]
        if (len(keys) >= 3 and keys[1] in lex.first_names and keys[0] not in lex.first_names
                and not _compass_place(keys, 0, lex)  # not "New York Fed", "South Louisiana"
                and not (titled and keys[0] in world_first_names().names  # "Businessman X Y Z"
                         or start > 0 and (tokens[start - 1].text in lex.role_nouns  # "engineer"
                                           or _role_shaped(tokens[start - 1].text, lex)))
                and (keys[0] in lex.place_words or keys[0] in lex.demonyms
                     or len(keys) == 3 and keys[1] not in _PARTICLES
                     and (len(keys[0]) > 5 or keys[0] in lex.english)
                     and not _given_names_from_abroad(keys, lex))):
            # "ambassador to Moscow Salah Bassiouni", "Beatle George Harrison"
            words, keys, caps = words[1:], keys[1:], caps[1:]
        # "Briton X Y", "Fellow Hungarian X Y": a nationality noun, cut off, is a cue.
        led = _demonym_lead(tokens, end - len(keys), keys, lex, self.lowercase_seen) if len(
            keys) >= 3 and (keys[0] in lex.demonyms or keys[1] in lex.demonyms) else 0
        if led:
            words, keys, caps = words[led:], keys[led:], caps[led:]
        if not caps or len(caps) > 5:
            return None
        joined = " ".join(keys)
        if (joined in lex.places or joined in lex.demonyms or all(
                k in lex.place_words or k in lex.demonyms or k in _MONTHS or k in _WEEKDAYS
                or k in lex.common for k in caps)) and not (
                len(keys) == 1 and _after_family(tokens, end - 1)):  # "her sister, Georgia"
            return None
        if len(caps) == 1 and (caps[0] in lex.titles or caps[0] in lex.modifiers
                               or caps[0] in lex.org_words or _plural_role(caps[0], lex)):
            return None
        first = start + (end - start - len(words))
        before = tokens[first - 1].text.lower() if first > 0 else ""
        before2 = tokens[first - 2].text.lower() if first > 1 else ""
        if self._organisation(tokens, first, end, joined, keys, titled):
            return None
        after = tokens[end].text.lower() if end < len(tokens) else ""
        after2 = tokens[end + 1].text.lower() if end + 1 < len(tokens) else ""
        if len(caps) > 1 and not titled and (before not in lex.role_nouns or [
                t.text for t in tokens[end:end + 2]] == [",", "which"] and (
                keys[0] not in lex.first_names)) and (
                _org_evidence(tokens, first, end, lex)
                or first > start >= 2 and tokens[start - 2].text == ","  # "X, of Carrow Hale Y"
                and _org_evidence(tokens, start, end, lex)) or [
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
                or _place_or_body(tokens, first, end, keys, lex)
                or _joined_company(tokens, end) and before not in lex.role_nouns) or (
                len(caps) > 1 and _quoted(tokens, start, end)):  # "the rose 'Edwina Halloway'"
            self.orgs.add(joined)
            return None
        shaped = len(caps) > 1 and first > 0 and _role_shaped(tokens[first - 1].text, lex)
        # "the top seed, X", "her daughter, Lucy": a lower-case role word and a comma.
        role_comma = (before == "," and before2 in lex.role_nouns
                      and tokens[first - 2].text.islower())
        context = _person_context(tokens, first, end, lex)
        cue = led > 0 or titled or before in lex.role_nouns or shaped or (
            _signature(tokens, first, end)) or before in _SPEECH or before.endswith("year-old") or (
            before == "name" and before2 == "real") or (
            before == "by" and before2 in _MAKER_VERBS) or _age_after(tokens, end) or (
            _house_style(tokens, first, end)) or (
            len(caps) > 1 and _person_verb(tokens, end)) or _sport_act(tokens, first) or (
            _and_his_or_her(tokens, end)) or (
            _place_surname(keys, after, lex)) or context or _beaten(tokens, first, end) or (
            len(caps) == 2 == len(keys) and keys[0] in lex.first_names and (
                keys[1] in lex.place_words or keys[1] in lex.demonyms)
            and _word_surname_cue(tokens, first, end, lex)) or (
            after in _SPEECH and not _statement(tokens, end)) or (
            after in ("who", "whose") and len(caps) > 1) or (
            after in _LEADER_NOUNS and len(caps) == 1) or (
            after == "," and (after2 in _APPOSITIVE or after2 in _SPEECH
                              or after2 in lex.role_nouns
                              or _possessive_role(tokens, end + 1, lex))) or (
            role_comma)
        if len(caps) > 1 and not cue and before2 == "the" and (
                "-" in before or before in _PRODUCT_WORDS and tokens[first - 1].text.islower()):
            self.orgs.add(joined)  # "the long-delayed Glen Sannox", "the cheaper X Y": things
            return None
        if len(words) == 1 and _CAMEL.match(words[0]):
            return None
        family = _after_family(tokens, first)
        role = (len(words) == 1 and (_names_work(tokens, end) or before in _FAMILY
                                     or family and after in (",", ".", "and", "")
                                     or before in ("called", "named") and before2 in _PEOPLE
                                     or before in _ONE_NAME_ROLES
                                     or before != "the" and (_appositive_role(tokens, end, lex)
                                                              or _and_his_or_her(tokens, end)))
                or before in lex.role_nouns and tokens[first - 1].text.islower()
                or role_comma and after in (",", ".", "and", "")) and not (
            after == "," and end + 1 < len(tokens) and tokens[end + 1].kind == CAP)
        # (not "manager Kidder, Peabody")
        # "the Red Sox' open day", "the Leo Comets were": right after a lower-case "the",
        # a possessive or a plural verb after it: a team or a group.
        grouped = first > 0 and tokens[first - 1].text == "the" and (
            tokens[end - 1].possessive or after in _PLURAL_VERBS)
        return _Mention(words, titled, cue, first, role=role, family=family, before=before,
                        grouped=grouped,
                        strong=len(caps) > 1 and ((before in lex.role_nouns or shaped)
                                                  and tokens[first - 1].text.islower() or context))

    def _org_word_surname(self, tokens: Sequence[_Token], start: int, end: int,
                          keys: Sequence[str], titled: bool) -> bool:
        """A first name and a surname that is an organisation's or a place's word too,
        with a cue: "the vicar Anne Church", "Rev Tobias Banks", "Ada Hill said", "Ada
        Banks, 34,", "X, Ada Banks and Y Z", "Ada Banks's 28 points"; or a name the
        document has read so before ("Owls suspend Ada Banks")."""
        lex = self.lex
        if len(keys) != 2 or keys[0] not in lex.first_names:
            return False
        joined = f"{keys[0]} {keys[1]}"
        if joined in self.word_surnamed:
            return True
        listed = keys[1] in _ORG_WORD_SURNAMES
        if not listed and not _word_surname(keys[1]):
            return False
        before = tokens[start - 1].text if start > 0 else ""
        # (A title names places after its holder: "the King Hussein Bridge crossing".)
        # A speech verb that is a plural noun too follows a place ("Rocky Mountain states").
        after = tokens[end].text if end < len(tokens) else ""
        if titled and listed or end - start == 2 and (
                before.islower() and before in lex.role_nouns or (
                after in _SPEECH and (listed or after == "says" or not after.endswith("s")))
                or _age_after(tokens, end) or _person_verb(tokens, end)
                or _word_surname_cue(tokens, start, end, lex)):
            self.word_surnamed.add(joined)
            return True
        return False

    def _organisation(self, tokens: Sequence[_Token], first: int, end: int, joined: str,
                      keys: Sequence[str], titled: bool) -> bool:
        """An organisation, band or work by evidence: a known one ("Merrill Lynch"), an
        organisation word before it ("investment banks X"), or listed right after one
        ("X and Y"); a place by its first words ("West Texas", "North Tyneside", "Santa
        Ana", "Fort Calder")."""
        lex = self.lex
        before = tokens[first - 1].text if first > 0 else ""
        gap = [t.text for t in tokens[self._org_end[1]:first]] if (
            self._org_end[0] == id(tokens)) else []
        if (joined in lex.organisations or " ".join(keys[:2]) in lex.organisations
                or not titled and before in lex.org_cues and not (  # "maker X said she"
                    keys[0] in lex.first_names and _says_she(tokens, end))
                or not titled and _firm_kind_at(tokens, first, lex)  # "at the broker X"
                or gap in (["and"], [","], ["&"], ["or"])):
            self.orgs.add(joined)
            self._org_end = (id(tokens), end)
            return True
        return len(keys) >= 2 and (keys[0] in _COMPASS and (
            keys[1] in lex.place_words or keys[1] in lex.demonyms) or keys[0] in _PLACE_OPENERS
            and not titled)

    def is_full_name(self, m: _Mention) -> bool:
        if m.doubted:
            return False
        keys = [word_key(w) for w in m.words]
        if 2 <= len(keys) <= 4 and all(_INITIALS.match(w) or _DOTTED.match(w)
                                       for w in m.words[:-1]) and not m.from_heading:
            # "AR Rahman", "E Nesbit", "Mr K. Ramaswamy", "A. J. Penrose": initials and a
            # surname, with a cue.
            surname = keys[-1]
            # A titled one may share its surname with a firm ("Chairman K.D.S. Ranweli").
            return m.cue and not _common_noun(surname, self.lex) and (
                m.titled or not self.in_organisation(surname)) and (
                surname not in self.lex.place_words) and not _agents(surname, self.lex)
        caps = [k for i, (k, w) in enumerate(zip(keys, m.words, strict=True))
                if (k not in _PARTICLES or _last_name_word(w, i, len(keys))) and len(k) > 1]
        if len(caps) < 2:
            return False
        joined = " ".join(keys)
        if any(org == joined or org.startswith(joined + " ") for org in self.orgs):
            return False
        if (keys[-1] in self.lex.place_words or keys[-1] in self.lex.demonyms) and not (
                m.cue and keys[0] in self.lex.first_names) and not _place_as_surname(
                m, keys, self.lex, self.lowercase_seen):
            return False  # "Charles de Gaulle airport" no, "president Miguel de la Madrid" yes
        if not m.titled and _association_end(keys, self.lex):
            return False  # "(Council of) Mortgage Lenders said": a body's plural agents
        common = [_common_noun(k, self.lex) for k in caps]
        if keys[0] not in self.lex.first_names and (all(common) if m.strong else any(common)):
            return False  # "Unit Two", "Goodyear Tire", "Philippine Coffee"
        if m.cue:
            return True
        if _gazetteer_place(keys):
            return False  # a place's name, no cue: "North Tyneside", "Khon Kaen"
        if _team(keys, m.before, self.lex):
            return False  # "Cleveland Browns", "(New) York Yankees", "Florida State"
        if m.grouped or keys[-1] in _PLURAL_NOUNS or _plural_group(keys[-1], self.lex) and (
                len(caps) >= 3 or keys[0] not in self.lex.first_names or m.plural_list):
            return False  # "the Red Sox'", "Little People", "Tai Tam Tigers", "Cocoa Puffs"
        return keys[0] in self.lex.first_names or _given_compound(
            keys, self) or self._world_first_name(m, keys, caps)

    def _world_first_name(self, m: _Mention, keys: Sequence[str], caps: Sequence[str]) -> bool:
        """A full name by the world dictionary's weaker tier of first names
        (:mod:`~docsearch.extract.world_names`): two or three name words (a middle one a
        first name of either tier); the first none of the lexicon's words nor written in
        lower case in the article; the surname no common English word, no particle and no
        last word of a place's name; no word of an organisation the article names; not
        after a word that opens places' and things' names ("from", "of", "the") nor in a
        list with an organisation ("X Y, Goldman Sachs and ...")."""
        lex, key, world = self.lex, keys[0], world_first_names()
        surname = caps[-1]
        if not 2 <= len(caps) <= 3 or key != caps[0] or m.before in _NOT_BEFORE_WORLD_NAMES or (
                m.beside_org or key in self.lowercase_seen or len(surname) < 3):
            return False
        if (key in lex.english or key in lex.places or key in lex.place_words
                or key in lex.demonyms or key in lex.org_words or key in lex.role_nouns
                or key in lex.modifiers or key in _MONTHS or surname in _PARTICLES
                or surname in lex.place_ends or surname in world.common
                or any(self.in_organisation(k) for k in caps)):
            return False
        return key in world.names and (len(caps) == 2 or caps[1] in lex.first_names
                                       or caps[1] in world.names)

    def in_organisation(self, key: str) -> bool:
        """Whether a one-word name is a word of an organisation or thing the article
        names ("Phillips" of "Phillips Petroleum Co")."""
        return any(key in org.split() for org in self.orgs)


def _given_names_from_abroad(keys: Sequence[str], lex: _Lexicon) -> bool:
    """"Susilo Bambang Yudhoyono": a first name of the world tier (no English word, place
    or demonym), a listed first name and a family name that no list of first names or
    family names holds: three words of a name from abroad, the first no descriptor (not
    "Beatle George Harrison")."""
    from docsearch.extract.span_model import surnames
    return keys[0] in world_first_names().names and keys[0] not in lex.english and (
        keys[2] not in lex.first_names and keys[2] not in surnames())


def _hyphenated_title(word: str, lex: _Lexicon) -> bool:
    """A title with a hyphenated prefix or suffix ("Minister-designate", "Vice-Chair",
    "ex-Minister"): a title among its parts and every other part a title, a modifier or
    in lower case, so that no hyphenated surname ("King-Hele") is one."""
    parts = word.split("-")
    keys = [word_key(p) for p in parts]
    return len(parts) > 1 and any(k in lex.titles for k in keys) and all(
        k in lex.titles or k in lex.modifiers or p.islower() for p, k in zip(parts, keys,
                                                                              strict=True))
