"""Did you mean: a corrected query made from the index's own words.

Each word of the query text is looked up as the index holds it (lower-cased,
accents folded, stemmed) in the title and body vocabularies. A word in no
article, or in at most :data:`_RARE` articles (a typo in an article, say), is
replaced by the closest indexed word: within one edit (words of up to four
letters) or two (longer words), with the same first letter, in :data:`_MORE`
times more articles than the typed word, the nearest first and, among equally
near ones, the one in the most articles. For a word in no article, the words of
the names of the people in the index are candidates too, written as the names
write them, and so are the words one edit from the typed word whose indexed form
the index has (``consmer`` finds ``consumer``, although the stems ``consmer`` and
``consum`` are three edits apart). The nearest few are then compared, as written,
with the word as typed: a one-edit word if it is an English word (pyspellchecker's
list), else the form the first articles having it use that is nearest the typed
word. The nearest, then a real English word, then the one in most articles, with
the typed word's capitals, is the replacement (so ``turbne`` is ``turbine``, not
``turn``, ``shiping`` is ``shipping``, not ``ships``, and ``dolar`` is ``dollar``,
not an article's typo ``dolr``). The search engine then tries the three best
corrections of each word (nine queries at most) and suggests the one with the
fewest edits that finds the most articles, if it finds more than the typed
query. A real English word typed is not replaced by a word of a single article
that is neither English nor a name. A field value (``person:Puttin``) is corrected against the
people's names; operators, wildcards, fuzzy terms, ranges, numbers and other
fields are left as typed.
Edit distances are rapidfuzz's Damerau-Levenshtein.

The work is bounded, so that a query of any length answers at once: a word of
more than :data:`_LONGEST` letters (a person's name of more than
:data:`_LONGEST_NAME` characters) gets no correction, only the first
:data:`_MOST_WORDS` words of a query that need one are corrected (the others are
left as typed), and a query of more than :data:`_LONGEST_QUERY` characters (text
pasted, not typed) gets none.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from docsearch import analysis
from docsearch.engines.base import Snapshot
from docsearch.search import querytree as qt

__all__ = ["Speller", "near_names"]

_PIECE = re.compile(r'(?P<field>[A-Za-z_]\w*:)?(?P<value>"[^"]*"|[^\s()"]+)')
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_SYNTAX = re.compile(r"[*?~^\[\]{}<>=:\\]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TEXT_FIELDS = {None, "title", "body", "text"}
_PEOPLE_FIELDS = {"person", "people"}
#: How many articles are read to find how a corrected word is written.
_SAMPLE = 3
#: How many of the nearest indexed words are compared as written with the typed word.
_CANDIDATES = 8
#: How many corrections of one word, and of a whole query, are offered.
_OPTIONS = 3
_COMBINATIONS = 9
#: Longer words (and person values) get no correction: the one-edit variants of a
#: word grow with its length, and each is stemmed.
_LONGEST = 40
_LONGEST_NAME = 80
#: At most this many words of one query are corrected (the first that need it),
#: and a longer query text gets no correction (each correction tried is parsed and
#: searched again).
_MOST_WORDS = 8
_LONGEST_QUERY = 1000
#: A word in at most this many articles (or one in this many articles) may still
#: be a typo ...
_RARE = 3
_RARE_SHARE = 2000
#: ... of a word in this many times more articles.
_MORE = 20


def _limit(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def _cased(typed: str, word: str) -> str:
    """``word`` with the capitals of ``typed`` (``Puttin`` -> ``Putin``)."""
    if len(typed) > 1 and typed.isupper():
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word.lower()


def near_names(typed: str, names: Iterable[str]) -> list[tuple[str, int]]:
    """The ``names`` near ``typed``, with their edits, nearest first, then by name:
    the whole name, or one of its words, within one edit of a typed value of up to
    four letters, two of a longer one (case and accents ignored). The person
    filters' suggestions use it too."""
    from rapidfuzz.distance import DamerauLevenshtein  # imported only when needed

    from docsearch.extract.people import fold

    key = fold(typed)
    limit = _limit(key)
    found = []
    for name in names:
        folded = fold(name)
        parts = [p for p in (folded, *folded.split()) if abs(len(p) - len(key)) <= limit]
        near = min((DamerauLevenshtein.distance(key, p) for p in parts), default=limit + 1)
        if near <= limit:
            found.append((near, name))
    return [(name, near) for near, name in sorted(found)]


class Vocabulary:
    """The indexed words of title and body by first letter, read from the index
    once per letter (per index state: the search engine keeps one per snapshot)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._letters: dict[str, list[str]] = {}
        self._sets: dict[str, frozenset[str]] = {}
        self._names: tuple[Sequence[str], dict[str, str]] | None = None

    def starting(self, letter: str) -> list[str]:
        """The indexed words starting with ``letter``, sorted."""
        found = self._letters.get(letter)
        if found is None:
            words: set[str] = set()
            for field in ("body", "title"):
                words.update(self.snapshot.terms(field, letter))
            found = self._letters[letter] = sorted(words)
            self._sets[letter] = frozenset(words)
        return found

    def known(self, letter: str) -> frozenset[str]:
        """The same words as a set."""
        if letter not in self._sets:
            self.starting(letter)
        return self._sets[letter]

    def name_words(self, names: Sequence[str],
                   term: Callable[[str], str | None]) -> dict[str, str]:
        """Each word (three letters or more) of ``names`` by its indexed form
        (``term``), as the names write it; kept for as long as ``names`` is the
        same list (the index's people, one list per index state)."""
        if self._names is None or self._names[0] is not names:
            found: dict[str, str] = {}
            for name in names:
                for word in _WORD.findall(name):
                    indexed = term(word)
                    if indexed and len(word) > 2:
                        found.setdefault(indexed, word)
            self._names = (names, found)
        return self._names[1]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@functools.lru_cache(maxsize=1)
def english_words() -> dict[str, int]:
    """English words and how common they are (pyspellchecker's word list, read
    once): which of the words one edit from a typed one are real words, and a
    tie-break between equally near corrections. Corrections themselves always
    come from the index."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


def _edits(word: str) -> set[str]:
    """Every word one edit (a letter deleted, swapped with the next, changed or
    added) from ``word``."""
    letters = _LETTERS + "".join(sorted(set(word) - set(_LETTERS)))
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    out.discard(word)
    # The first letter is kept, as it is for the other candidates (or swapped).
    return {w for w in out if w[:1] == word[:1] or w[:2] == word[1::-1]}


#: A correction: the corrected text and how many edits it is from the typed one.
Option = tuple[str, int]


def _combined(text: str, sites: list[tuple[int, int, list[Option]]],
              most: int) -> list[Option]:
    """The texts made by replacing each site ``(start, end, options)`` of ``text``
    with one of its options, fewest edits first, at most ``most`` of them."""
    combos: list[tuple[int, list[str]]] = [(0, [])]
    for _start, _end, options in sites:
        combos = sorted(((edits + d, [*chosen, word]) for edits, chosen in combos
                         for word, d in options), key=lambda c: c[0])[:most]
    out = []
    for edits, chosen in combos:
        parts, last = [], 0
        for (start, end, _), word in zip(sites, chosen, strict=True):
            parts += [text[last:start], word]
            last = end
        parts.append(text[last:])
        out.append(("".join(parts), edits))
    return out


class Speller:
    """Corrects query text against one snapshot's vocabulary."""

    def __init__(self, snapshot: Snapshot, names: Sequence[str],
                 has_person: Callable[[str], bool],
                 vocabulary: Vocabulary | None = None) -> None:
        self.snapshot = snapshot
        self.names = names
        self.has_person = has_person
        self.words = vocabulary or Vocabulary(snapshot)
        self.vocabulary = self.words.starting
        self.known_words = self.words.known
        self.rare = max(_RARE, snapshot.size // _RARE_SHARE)

    # --------------------------------------------------------------- queries

    def corrections(self, text: str) -> list[Option]:
        """Corrected versions of the query text, fewest edits first (at most
        :data:`_COMBINATIONS`), each word with up to :data:`_OPTIONS` corrections;
        empty when no word needed (or found) one."""
        if len(text) > _LONGEST_QUERY:
            return []
        sites: list[tuple[int, int, list[Option]]] = []
        tried = 0
        for piece in _PIECE.finditer(text):
            field = (piece.group("field") or "")[:-1].lower() or None
            value = piece.group("value")
            start = piece.start("value")
            if field in _PEOPLE_FIELDS:
                tried += 1
                person = self._person_value(value)
                if person is not None:
                    sites.append((start, piece.end("value"), [person]))
            elif field in _TEXT_FIELDS and value not in _OPERATORS \
                    and not _SYNTAX.search(value):
                for word in _WORD.finditer(value):
                    if tried >= _MOST_WORDS:
                        break
                    needed = self._needs_correction(word.group(0))
                    if needed is None:
                        continue
                    tried += 1
                    options = self.word_options(word.group(0), *needed)
                    if options:
                        sites.append((start + word.start(), start + word.end(), options))
            if tried >= _MOST_WORDS:
                break
        return _combined(text, sites, _COMBINATIONS) if sites else []

    def _person_value(self, value: str) -> Option | None:
        typed = value.strip('"')
        if not typed or len(typed) > _LONGEST_NAME or typed.endswith("*") \
                or self.has_person(typed):
            return None
        near = near_names(typed, self.names)
        return (f'"{near[0][0]}"', near[0][1]) if near else None

    # ----------------------------------------------------------------- words

    def _term(self, word: str) -> str | None:
        found = analysis.terms(word)
        return found[0] if len(found) == 1 else None

    def _stem(self, word: str) -> str:
        """The indexed form of a lower-case word (the stemmer alone)."""
        return analysis.stem(word)

    def _frequency(self, term: str) -> int:
        """In how many articles the indexed word is (title or body, whichever more)."""
        return max(self.snapshot.doc_frequency(field, term) for field in ("body", "title"))

    def name_words(self) -> dict[str, str]:
        """Each word of the people's names, by its indexed form: how names write it
        (worked out once per index state, in the :class:`Vocabulary`)."""
        return self.words.name_words(self.names, self._term)

    def _needs_correction(self, typed: str) -> tuple[str, int] | None:
        """The indexed form of a typed word and in how many articles it is, when
        the word may be a typo: three to :data:`_LONGEST` letters, not a figure,
        in no more than a few articles; else None."""
        if not 3 <= len(typed) <= _LONGEST or typed.isdigit():
            return None
        term = self._term(typed)
        if term is None:
            return None
        known = self._frequency(term)
        return None if known > self.rare else (term, known)

    def word_options(self, typed: str, term: str, known: int) -> list[Option]:
        """Corrections of one typed word (its indexed form ``term`` in ``known``
        articles, see :meth:`_needs_correction`), nearest first (see the module
        docs); empty when nothing is near enough."""
        from rapidfuzz import process
        from rapidfuzz.distance import DamerauLevenshtein

        low = typed.lower()
        limit = _limit(term)
        # Candidates: indexed words near the typed word's indexed form ...
        near_words = process.extract(term, self.vocabulary(term[:1]),
                                     scorer=DamerauLevenshtein.distance,
                                     score_cutoff=limit, limit=None)
        candidates = {other for other, _, _ in near_words}
        # ... the indexed forms of words one edit from the word as typed (so
        # "consmer" finds "consumer", whose stem is three edits from "consmer") ...
        one_edit: dict[str, list[str]] = {}
        for variant in sorted(_edits(low)):
            stem = self._stem(variant)
            if stem[:1] and stem in self.known_words(stem[:1]):
                one_edit.setdefault(stem, []).append(variant)
        candidates.update(one_edit)
        # ... and, for a word in no article, the words of people's names.
        names = self.name_words()
        if not known:
            candidates.update(other for other, word in names.items()
                              if other[:1] == term[:1]
                              and DamerauLevenshtein.distance(low, word.lower()) <= limit)
        candidates.discard(term)
        ranked = []
        for other in candidates:
            frequency = self._frequency(other)
            # A word the index has (a typo in an article, say) gives way only to a
            # word in many more articles.
            if frequency > known * _MORE:
                ranked.append((other not in one_edit, DamerauLevenshtein.distance(term, other),
                               -frequency, other))
        ranked.sort()
        english = english_words()
        found = []
        for _, near, freq, other in ranked[:_CANDIDATES]:
            real = sorted((v for v in one_edit.get(other, ()) if v in english),
                          key=lambda v: (-english[v], v))
            surface = names.get(other) or (real[0] if real else self._written(other, typed))
            found.append((DamerauLevenshtein.distance(low, surface.lower()),
                          surface.lower() not in english and other not in names, near, freq,
                          surface))
        found.sort()
        out: list[Option] = []
        typed_is_english = low in english
        for edits, foreign, _, freq, surface in found:
            word = _cased(typed, surface)
            # A real word typed is not "corrected" into a word of one article that
            # no dictionary has (a typo in that article, most likely).
            if edits <= limit and not (typed_is_english and foreign and -freq < 2) \
                    and word not in {w for w, _ in out}:
                out.append((word, edits))
        return out[:_OPTIONS]

    def _written(self, term: str, typed: str) -> str:
        """How the articles write the indexed word ``term``: of its forms in the
        first articles that have it, the nearest to ``typed``, the commonest among
        equals."""
        from rapidfuzz.distance import DamerauLevenshtein

        from docsearch.search.snippets import tokens_for

        tokens = tokens_for()
        forms: Counter[str] = Counter()
        for field in ("body", "title"):
            if not self.snapshot.doc_frequency(field, term):
                continue
            holding = np.flatnonzero(self.snapshot.match(qt.Term(field, term)))
            for doc in holding[:_SAMPLE]:
                text = self.snapshot.stored(int(doc)).get(field) or ""
                for token in tokens(text, frozenset((term,))):
                    if token.matched:
                        forms[text[token.startchar:token.endchar].lower()] += 1
            if forms:
                break
        if not forms:
            return term
        low = typed.lower()
        return min(forms, key=lambda f: (DamerauLevenshtein.distance(low, f), -forms[f], f))
