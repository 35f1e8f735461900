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
   months, weekdays and sentence-initial common words are not people; nor is a candidate
   with no cue whose whole name is a place of two words or more in an installed gazetteer
   (:mod:`docsearch.extract.gazetteer`: "North Tyneside", "Khon Kaen").
   Initials with a cue are a first name ("composer AR Rahman", "Mr K. Ramaswamy"); "David
   and Ed Mirvish" is two people; an organisation word before a name makes it an
   organisation ("investment banks X and Y", "the band X"). Cues for first names outside
   the list: a word of a role's shape ("forecaster X Y"), an age in commas, a letter's
   signature, the surname given elsewhere after an honorific ("Mr Obuya ... Vusi Obuya"),
   "real name" before it, a role word before three names ("engineer Zeeshan Ali Memon"
   keeps its first word). A titled name with initials may share its surname with a firm
   ("Chairman K.D.S. Ranweli" of "Ranweli Apparel PLC"); a place named for a title holder
   is no person ("the Queen's Park Savannah").
   A nickname in quotes is skipped ('Luke "The Hammer" Dacre'), and one in brackets after
   a first name ("James E. (Jim) Nugent"); an editor's bracketed first name before a
   surname is read ("(Alan) Greenspan"); a name in quotes is a variety or a work ("the
   rose 'Edwina Halloway'").
4. One-word mentions ("Biden", "Mr. Biden", "President Biden") join the full name
   with that surname in the same article; with a title or a role word before it
   ("the singer Kesia", "his grandfather, Walter", "a girl called Esme") and no full name
   in the article, the name alone is the person. "D Raistrick" joins "Dan Raistrick";
   with a title, a family name written first joins its full name ("Mr Lim" and "Lim Boon
   Keat").
5. The fullest form is canonical; diacritics and case never split a person.

Headlines and section headings in title case only confirm people found in the
body; they add none of their own, except a full name whose surname the body gives alone
("Siobhan Brannagh wins" / "Brannagh took the seat").
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet

import attrs

from docsearch.extract import span_model
from docsearch.extract.alone import (
    _leads_with_verb,
    _speaks,
    _subject_of_speech,
    _surname_only,
    headline_lists,
    headline_title_alone,
    listed_with_person,
    subject_alone,
)
from docsearch.extract.bylines import read_byline
from docsearch.extract.charts import without_titles
from docsearch.extract.coordination import _coordinated, _name_words
from docsearch.extract.cues import _subject_with_own_pronoun, parts_by_first_name, without_parts
from docsearch.extract.evidence import _family_first, _gazetteer_place
from docsearch.extract.firms import document_firms, firm_named
from docsearch.extract.groups import (
    _plural_group,
    _team,
    mark_beside_organisations,
    team_by_score,
)
from docsearch.extract.headlines import (
    _headline_case,
    _headline_credit,
    _headline_cue,
    _is_titlecase,
    _names_in_capitals,
    _plain_word,
)
from docsearch.extract.lexicon import (
    _MONTHS,
    _PARTICLES,
    _common_noun,
    _Lexicon,
    _lexicon,
    _word_set,
    fold,
    word_key,
)
from docsearch.extract.lists import ListedName, listed_names, ridden
from docsearch.extract.mentions import _Extractor, _Mention
from docsearch.extract.prepare import (
    _GIVEN,
    _given_like,
    _joined_apostrophes,
    _name_like,
    _without_brackets,
    _without_nicknames,
    _without_tags,
)
from docsearch.extract.rivals import confirm_by_result
from docsearch.extract.tokens import (
    _FIRST_NAME_PARTICLES,
    HONORIFIC,
    _Token,
    _tokens,
    _tokens_and_lowercase,
)
from docsearch.extract.world_names import world_first_names

__all__ = ["FoundPeople", "extract_people", "find_people", "fold", "is_surname_form",
           "surname_keys"]


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
    ("volcker", "de la fuente"; not "ben love", whose "Ben" is a first name)."""
    words = key.split()
    return len(words) == 1 or all(w in _PARTICLES for w in words[:-1]) and not (
        len(words) == 2 and words[0] in _FIRST_NAME_KEYS)


_FIRST_NAME_KEYS = {fold(p) for p in _FIRST_NAME_PARTICLES}


def extract_people(title: str = "", body: str = "", headings: Iterable[str] = ()) -> list[str]:
    """The people an article mentions, each under its fullest form, in order of first
    mention.

    >>> extract_people("", "President Joe Biden spoke. Later Mr. Biden left.")
    ['Joe Biden']
    """
    return list(find_people(title, body, headings).people)


def _surname_alone_in(m: _Mention, mentions: list[_Mention], ex: _Extractor) -> bool:
    """Whether the body names ``m``'s last word alone, and no organisation has it."""
    surname = fold(m.words[-1])
    return len(m.words) > 1 and not ex.in_organisation(surname) and any(
        len(b.words) == 1 and fold(b.words[0]) == surname for b in mentions)


def find_people(title: str = "", body: str = "", headings: Iterable[str] = ()) -> FoundPeople:
    """The people of an article and its unresolved surnames (see :class:`FoundPeople`).

    >>> find_people("VOLCKER SEES NO QUICK FIX", "")
    FoundPeople(people=(), surnames=('Volcker',))
    """
    lex = _lexicon()
    ex, body_tokens, mentions, listed = body_mentions(body, lex)
    mentions, parts, part_surnames = parts_by_first_name(mentions, body_tokens, lex, ex.parts)
    mentions = without_titles(mentions, body, body_tokens, lex)  # "5 (2) Artist - Title"
    model = span_model.active_model()
    if model is not None:
        span_model.weigh(model, mentions, body_tokens, ex, title)
    heading_mentions: list[_Mention] = []
    leading: set[int] = set()  # ids of mixed-case headlines' first words before a verb
    together: dict[int, list[_Mention]] = {}  # the names a headline lists with each
    credited: set[int] = set()  # ids of headline names after "written by" (a credit)
    for text in [title, *headings]:
        if not text:
            continue
        tokens = _tokens(_headline_case(_joined_apostrophes(text), lex))
        headline = _is_titlecase(text)
        spans = [(m, s, e) for s, e in ex.runs(tokens)
                 if (m := ex.mention(tokens, s, e, headline=headline)) is not None]
        # "Brothers David and Ed Kelleher sell ...": coordination as in the body.
        spans = [(m, s, e) for m, (_, s, e) in zip(
            _coordinated([m for m, _, _ in spans], tokens, lex), spans, strict=True)]
        together.update(headline_lists(spans, tokens))
        for m, s, e in spans:
            m.from_heading = headline
            m.position = -1
            m.cue = m.cue or _headline_cue(tokens, s, e)
            m.upper = text.isupper()
            heading_mentions.append(m)
            if not m.upper and _leads_with_verb(tokens, s, e):
                leading.add(id(m))
            if _headline_credit(tokens, s):
                credited.add(id(m))

    heading_mentions = without_parts(heading_mentions, parts, part_surnames)
    _unglue_possessives(mentions, heading_mentions, lex)
    full_names: dict[int, bool] = {}  # each mention's is_full_name, asked once
    firms: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []  # at the first one

    def full_name(m: _Mention) -> bool:
        known = full_names.get(id(m))
        if known is None:
            known = ex.is_full_name(m)
            if known and len(m.words) > 1:  # "Heinz Co" ... "Heinz Ketchup": no person
                firms[:] = firms or [document_firms(ex, body_tokens, lex)]
                known = not (firm_named(m, *firms[0], body_tokens, lex)
                             or team_by_score(m, body_tokens, lex))  # "beat X Y 58-41"
            full_names[id(m)] = known
        return known

    # Full names first; shorter forms that are part of a fuller one merge into it.
    people: list[list[str]] = []
    first_seen: list[int] = []
    # A headline's full name with a known first name is a person when the headline
    # was in capitals (its case is then ours) or there is no body to name it, and
    # when the body gives its surname alone ("Siobhan Brannagh wins" / "Brannagh took"),
    # or the headline credits it ("... written by Greg Melton").
    trusted = [m for m in heading_mentions
               if ((not body.strip() or m.upper) and m.cue or _surname_alone_in(m, mentions, ex)
                   or id(m) in credited)
               and len(m.words) <= 3 and word_key(m.words[0]) in lex.first_names
               and full_name(m) and not any(_plain_word(w, lex) for w in m.words)]
    for m in mentions + trusted:
        if not full_name(m) or m.from_heading and m not in trusted:
            continue
        folded = [fold(w) for w in m.words]
        for i, person in enumerate(people):
            pf = [fold(w) for w in person]
            if _contains(pf, folded):
                break
            if _contains(folded, pf):
                people[i] = m.words
                break
            if len(pf) == 2 == len(folded) and pf[1] == folded[1]:
                if _initial_form(folded, pf):
                    break
                if _initial_form(pf, folded):
                    people[i] = m.words
                    break
        else:
            people.append(m.words)
            first_seen.append(m.position)
    _join_given_names(people, first_seen)

    index: dict[str, set[int]] = {}
    for i, person in enumerate(people):
        for key in surname_keys(person):
            index.setdefault(key, set()).add(i)
    starts = [t.start for t in body_tokens]
    for item in listed:
        owner = _listed_person(item, people, index)
        position = bisect.bisect_left(starts, item.offset)
        if owner is None:
            people.append(item.words)
            first_seen.append(position)
            for key in surname_keys(item.words):
                index.setdefault(key, set()).add(len(people) - 1)
        else:
            first_seen[owner] = min(first_seen[owner], position)

    surnames: list[str] = []
    weak: dict[str, str] = {}
    seen_alone: set[str] = set()
    begins = {m.position for m in mentions}  # where the body's names start
    headed = {fold(w) for m in heading_mentions for w in m.words}
    for m in mentions + heading_mentions:
        if not m.from_heading and full_name(m):
            continue
        key = " ".join(fold(w) for w in m.words)
        owners = (index.get(key, set()) or _by_first_name(m, key, people, body_tokens, lex)
                  or _by_family_name(m, key, people, ex.lowercase_seen, lex)
                  or _by_given_name_alone(m, key, people, lex))
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
                and not _common_noun(key, lex) and (key not in lex.place_words or m.family)):
            if headline_title_alone(m, mentions, body_tokens):  # "Inspector Google solves"
                weak.setdefault(key, " ".join(m.words))
                continue
            surnames.append(" ".join(m.words))
            people.append(m.words)
            first_seen.append(m.position)
        elif m.position >= 0 and key not in seen_alone and subject_alone(
                m.words[0], m.position, ex, people, body_tokens, begins, key in headed):
            # "Traber was chosen ... made his debut": its own pronoun makes it a person.
            seen_alone.add(key)
            people.append(m.words)
            first_seen.append(m.position)
        elif m.position < 0 and not m.upper and key not in seen_alone and listed_with_person(
                m.words[0], together.get(id(m), ()), ex, people, body_tokens):
            seen_alone.add(key)  # "Spears, Stosur advance": one kind in a list
            people.append(m.words)
            first_seen.append(m.position)
        elif ((m.cue or m.titled) and len(key) > 2 or (
                m.position < 0 and len(key) > 3 and not _plain_word(key, lex))) and not (
                ex.in_organisation(key)):
            if key not in seen_alone and (
                    id(m) in leading if m.position < 0 else _subject_of_speech(
                        body_tokens, m.position, body)) and _surname_only(
                    m.words[0], ex, people, body_tokens):
                # "Hayden walks into strife", "..., Warmenhoven says": a family name and
                # nothing else, said to speak or act in mixed-case text, is a person.
                seen_alone.add(key)
                people.append(m.words)
                first_seen.append(m.position)
                continue
            # A headline's lone name needs no cue: the index takes it only if it knows
            # the person (and the word is not far more often a headline word).
            weak.setdefault(key, " ".join(m.words))

    order = sorted(range(len(people)), key=lambda i: first_seen[i])
    result: list[str] = []
    seen: set[str] = set()
    names = {fold(" ".join(person)) for person in people}
    for i in order:
        name = " ".join(people[i])
        if fold(name) not in seen and not (  # "two Sunil Kumars": a plural, no one new
                len(people[i]) > 1 and name.endswith("s") and fold(name[:-1]) in names):
            seen.add(fold(name))
            result.append(name)
    return FoundPeople(tuple(result), tuple(w for k, w in weak.items() if k not in seen))


def _unglue_possessives(mentions: Sequence[_Mention], heading_mentions: Sequence[_Mention],
                        lex: _Lexicon) -> None:
    """"Eliot Spitzers probe ... Spitzer": a full name whose last word is a surname the
    article gives alone plus an "s" (an apostrophe lost) is that person, when the word with
    its "s" is no surname of its own ("Lena Edwards ... Edward" stays), the article never
    writes it alone ("the Wallenbergs", "Soros"), the first word is a known first name and
    the surname a name's, no common word, demonym or capitals ("Bedford Trucks", "Ramadan
    Moslems", "Ireland FRNs" stay as they are)."""
    alone = {fold(m.words[0]) for m in (*mentions, *heading_mentions) if len(m.words) == 1}
    for m in mentions:
        last = m.words[-1]
        key = fold(last)
        if (len(m.words) > 1 and len(key) > 3 and last.endswith("s") and not last.endswith("ss")
                and key[:-1] in alone and key not in alone and key not in span_model.surnames()
                and fold(m.words[0]) in lex.first_names and not last.isupper()
                and _name_like(last[:-1], lex) and key[:-1] not in lex.demonyms):
            m.words[-1] = last[:-1]




def body_mentions(body: str, lex: _Lexicon) -> tuple[
        _Extractor, list[_Token], list[_Mention], list[ListedName]]:
    """The body's tokens, its candidate names with their cues (the rules' evidence
    weighed) and its listed names, and the extractor that read them."""
    ex = _Extractor(lex)
    body = _names_in_capitals(_without_tags(read_byline(body, lex)), lex)
    body_tokens, ex.lowercase_seen = _tokens_and_lowercase(
        _without_brackets(_without_nicknames(_joined_apostrophes(body), lex), lex))
    runs = list(ex.runs(body_tokens))
    mentions = _coordinated([m for s, e in runs
                             if (m := ex.mention(body_tokens, s, e, headline=False)) is not None],
                            body_tokens, lex)
    mark_beside_organisations(mentions, runs, body_tokens, ex)
    _cut_leading_titles(mentions, ex)
    _confirm_by_titled_surname(mentions, body_tokens, lex)
    _confirm_by_own_pronoun(mentions, body_tokens, lex)
    confirm_by_result(mentions, body_tokens, lex)
    things: list[list[str]] = []  # horses, boats and teams a listed name rides or skips
    listed = list(listed_names(body, lex, things))
    if things:
        mentions = [m for m in mentions if not ridden(m.words, things)]
    _confirm_by_listed_initial(mentions, listed, lex)
    return ex, body_tokens, mentions, listed


# Titles put before a first name alone: "Sir Tobias", "Aunty Beryl", "Sheikh Ali".
_FIRST_NAME_TITLES = _word_set("first_name_titles.txt")
def _cut_leading_titles(mentions: Sequence[_Mention], ex: _Extractor) -> None:
    """A title outside the lists, by its shape: a capitalised word before a first name
    (either tier) and a surname, the word itself in no list of first names nor Faker's surnames,
    no common word and never the name alone in the article, is a title when the article
    gives the surname alone ("Mataiapo Vaine Marsters ... Marsters said") or writes the
    word in lower case ("the mataiapo"). Cut off, it counts as a title before the name.
    Short words stay ("Vo Chi Cong": a family name first). A role word is cut so even when
    it is a first name too ("Wing Tobias X ... X went over": a team's position)."""
    lex, world = ex.lex, world_first_names()
    alone = {fold(m.words[0]) for m in mentions if len(m.words) == 1}
    for m in mentions:
        if len(m.words) < 3 or not _GIVEN.match(m.words[0]) or len(m.words[0]) < 4:
            continue
        lead, given, surname = fold(m.words[0]), fold(m.words[1]), fold(m.words[-1])
        if (given not in lex.first_names and given not in world.names
                or lead in alone or _no_title(lead, lex) and lead not in lex.role_nouns
                or _common_noun(surname, lex)):
            continue
        if surname in alone or lead in ex.lowercase_seen:
            del m.words[0]
            m.position += 1
            m.titled = m.cue = True


def _no_title(key: str, lex: _Lexicon) -> bool:
    """A word that is a name, a common word, a month or a place's, people's or
    organisation's word, and so no title outside the lists."""
    return (key in lex.first_names or key in world_first_names().names or key in _PARTICLES
            or key in span_model.surnames() or _common_noun(key, lex) or key in _MONTHS
            or key in lex.place_words or key in lex.demonyms or key in lex.org_words)


def _confirm_by_titled_surname(mentions: Sequence[_Mention], tokens: Sequence[_Token],
                               lex: _Lexicon) -> None:
    """"Mr Obuya ... Vusi Obuya": a name whose surname the article also gives after an
    honorific is a person, even with a first name outside the list or a surname that is a
    common word ("Ms Glass ... Morven Glass"). So is one whose surname the article gives
    alone before a speech verb ("Anwen Tregothnan won ... Tregothnan said"), when the
    surname is no common word. The words before the surname must look like names (a
    vowel, no common word: not "Hvy Fowl", "Value Added Tax")."""
    titled = {fold(m.words[0]) for m in mentions if len(m.words) == 1 and m.position > 0
              and tokens[m.position - 1].kind == HONORIFIC}
    speaking = {fold(m.words[0]) for m in mentions if len(m.words) == 1
                and _speaks(tokens, m.position + 1) and _name_like(m.words[0], lex)
                and not fold(m.words[0]).endswith(("ated", "ised", "ized", "ing"))}
    if titled or speaking:
        for m in mentions:
            surname = fold(m.words[-1])
            if not m.cue and 2 <= len(m.words) <= 3 and all(
                    _name_like(w, lex) for w in m.words[:-1]) and (surname in titled or (
                    surname in speaking and all(_given_like(w, lex) for w in m.words[:-1]))):
                m.cue = True
                m.strong = surname in titled
            elif not m.cue and fold(m.words[0]) in titled and _family_first(m.words, lex):
                m.cue = m.strong = True  # "Wong Ka-ming ... Mr Wong"


def _confirm_by_own_pronoun(mentions: Sequence[_Mention], tokens: Sequence[_Token],
                            lex: _Lexicon) -> None:
    """"X Y stumbled her way into a playoff": a name of two or three words, each a name's
    word only (no place, organisation, role or common word), that its own pronoun follows
    as its sentence's subject (:func:`_subject_with_own_pronoun`) is a person; no place
    of a gazetteer nor a team's shape ("Boston Red Sox") even then. A first name may
    end as a plural does ("Rubens"); the surname may not ("the Tai Tam Tigers"). Initials
    are too often a place's or a firm's ("the China-U.S. Textile agreement ... he said")."""
    starts = {m.position for m in mentions}
    for m in mentions:
        if (not m.cue and 2 <= len(m.words) <= 3 and not (m.beside_org or m.grouped)
                and _subject_with_own_pronoun(tokens, m.position, m.position + len(m.words),
                                              starts)
                and all(len(w) > 2 and w[-1].isalpha() for w in m.words)
                and _name_words(m.words[-1:], lex) and _name_words(
                    [w for w in m.words[:-1] if not _plural_group(fold(w), lex)], lex)):
            keys = [word_key(w) for w in m.words]
            m.cue = not (_gazetteer_place(keys) or _team(keys, m.before, lex))


# A given name's shape: "Anwen", "Jean-Luc"; not "B-Free", "McKinsey", "KGaA".
def _confirm_by_listed_initial(mentions: Sequence[_Mention], listed: Sequence[ListedName],
                               lex: _Lexicon) -> None:
    """"Oshane Whyte ... Results: 2 O Whyte (Jam) 10.02": a name whose first initial and
    surname (particles included: "A de la Cruz") a list of the article gives is a person."""
    initials = {(fold(n.first)[:1], fold(n.surname)) for n in listed if n.first}
    if initials:
        for m in mentions:
            if (not m.cue and len(m.words) >= 2 and _given_like(m.words[0], lex)
                    and all(fold(w) in _PARTICLES for w in m.words[1:-1])
                    and (fold(m.words[0])[:1], fold(" ".join(m.words[1:]))) in initials):
                m.cue = True


def _by_first_name(m: _Mention, key: str, people: Sequence[Sequence[str]],
                   tokens: Sequence[_Token], lex: _Lexicon) -> set[int]:
    """A title and a first name ("Sir Tobias", "Aunty Beryl"): the people of the article
    with that first name."""
    if (not m.titled or len(m.words) != 1 or key not in lex.first_names or m.position < 1
            or word_key(tokens[m.position - 1].text) not in _FIRST_NAME_TITLES):
        return set()
    return {i for i, person in enumerate(people) if len(person) > 1 and fold(person[0]) == key}


def _by_given_name_alone(m: _Mention, key: str, people: Sequence[Sequence[str]],
                         lex: _Lexicon) -> set[int]:
    """"Owner Dale Bixby ... Dale and his wife": a known first name alone, with no title
    and no family word before it, joins the one person of the article with that first
    name (with two, it stays apart)."""
    if m.titled or m.family or len(m.words) != 1 or key not in lex.first_names:
        return set()
    owners = {i for i, person in enumerate(people) if len(person) > 1 and fold(person[0]) == key}
    return owners if len(owners) == 1 else set()


def _by_family_name(m: _Mention, key: str, people: Sequence[Sequence[str]],
                    lowercase: AbstractSet[str], lex: _Lexicon) -> set[int]:
    """"Mr Lim Boon Keat ... Mr Lim": with a title, the article's people of three words or
    more whose first word is the one-word name (no person has it as a surname): the family
    name written first. Not a run whose other words the article writes in lower case too
    ("President Harlow ... the Harlow Farm Reform ... farm subsidies"). Of two words, only
    a name of that order's shape ("Mr Chen ... Chen Wei", not "Mr Lee ... Lee Smith")."""
    if not m.titled or len(m.words) != 1 or key in _PARTICLES:
        return set()
    return {i for i, person in enumerate(people) if fold(person[0]) == key and (
            len(person) > 2 or _family_first(person, lex))
            and not any(w[:1].isupper() and w.lower() in lowercase for w in person[1:])}


def _listed_person(item: ListedName, people: Sequence[Sequence[str]],
                   index: Mapping[str, set[int]]) -> int | None:
    """The person of the article a listed name is: the same name, else the one person
    with its surname whose first name starts with its first initial ("T Rourke" and
    "Tiernan Rourke"; a surname alone, "van den Berg" too: the one person with that
    surname)."""
    folded = [fold(w) for w in item.words]
    for i, person in enumerate(people):
        if [fold(w) for w in person] == folded:
            return i
    owners = index.get(folded[-1], set())
    if item.first:
        initial = folded[0][:1]
        owners = {i for i in owners if len(people[i]) > 1 and fold(people[i][0])[:1] == initial}
    return next(iter(owners)) if len(owners) == 1 else None


def _join_given_names(people: list[list[str]], first_seen: list[int]) -> None:
    """"Arnar Freyr Jónsson ... Arnar Freyr said": a name of two words or more that opens
    the one longer name of three words or more in the article is that person, called by
    the given names (as Icelandic, Spanish and South Asian names are): each of its words a
    listed first name (not "Barbara Walters" in a run glued to the next, "Barbara Walters
    Google"). With two such longer names ("Anna Maria Vogel", "Anna Maria Brandt") it
    stays apart."""
    folded = [[fold(w) for w in person] for person in people]
    given = _lexicon().first_names
    world = world_first_names().names
    for i in range(len(people) - 1, -1, -1):
        short = folded[i]
        if len(short) < 2 or not all(w in given or w in world for w in short):
            continue
        owners = [j for j, full in enumerate(folded) if len(full) >= 3 and len(full) > len(
            short) and full[:len(short)] == short]
        if len(owners) == 1:
            j = owners[0]
            first_seen[j] = min(first_seen[j], first_seen[i])
            del people[i], first_seen[i], folded[i]


def _initial_form(short: Sequence[str], full: Sequence[str]) -> bool:
    """"D Raistrick" is "Dan Raistrick" written with the first initial (folded words)."""
    return (len(short) == 2 == len(full) and short[1] == full[1] and len(full[0]) > 1
            and 1 <= len(short[0].rstrip(".")) <= 3 and full[0][:1] == short[0][:1]
            and short[0].rstrip(".") != full[0])


def _contains(longer: Sequence[str], shorter: Sequence[str]) -> bool:
    """True when ``shorter`` is ``longer`` with some words left out (same order)."""
    if len(shorter) > len(longer) or shorter[-1] != longer[-1]:
        return False
    it = iter(longer)
    return all(any(word == other for other in it) for word in shorter)
