"""Text analysis: the one way docsearch turns text into the terms it indexes and
searches, at index time and at query time, whatever the engine.

A *word* is a match of :data:`WORD` (letters and digits, with inner dots:
``u.s``, ``3.5``). Each word is lower-cased and folded (:func:`fold`: accents
dropped, ``ß`` is ``ss``); a folded word of one character, or one of the
:data:`STOP_WORDS`, is a *stop word* and not indexed; any other is stemmed with
the reference Porter algorithm (:data:`STEMMER`, from PyStemmer) and that stem
is the indexed *term*. The terms of a text are numbered from 0 with the stop
words left out (positions are what phrases and proximity read).

>>> terms("The Ministers were running for Zürich")
['minist', 'were', 'run', 'zurich']
>>> term("the") is None
True

Engines get these terms ready-made (see :func:`terms`), so every engine matches
the same documents by construction; snippets read :func:`tokens` (every word,
stop words included, with where it is in the text).
"""

from __future__ import annotations

import re
import unicodedata

import attrs
import Stemmer

__all__ = ["STEMMER", "STOP_WORDS", "WORD", "Token", "fold", "form", "stem", "term",
           "terms", "tokens"]

#: A word of text (as Whoosh's default tokenizer reads one, ``\w+(?:\.?\w+)*``: the
#: same matches, since a run of ``\w`` is taken whole, but found faster).
WORD = re.compile(r"\w+(?:\.\w+)*")
#: The English stop words: never indexed, dropped from queries and phrases.
STOP_WORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "for", "from", "have", "if", "in",
    "is", "it", "may", "not", "of", "on", "or", "tbd", "that", "the", "this", "to", "us", "we",
    "when", "will", "with", "yet", "you", "your"})
#: Folded words shorter than this are stop words too.
MIN_LENGTH = 2
#: PyStemmer's algorithm for the indexed form of a word (``porter``: the reference
#: Porter stemmer; ``english`` would be Porter2).
STEMMER = "porter"
#: Letters that Unicode does not decompose into a base letter and a mark.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l",
                          "þ": "th", "ı": "i", "ẞ": "ss", "Æ": "AE", "Œ": "OE", "Ø": "O",
                          "Đ": "D", "Ł": "L", "Þ": "TH"})
#: How many distinct words are remembered (their term and whether they are stopped).
CACHE_SIZE = 200_000

_stemmer = Stemmer.Stemmer(STEMMER)
_stemmer.maxCacheSize = 0  # docsearch caches whole words (see _analysed)
_cache: dict[str, tuple[str, bool]] = {}


def fold(text: str) -> str:
    """``text`` without accents: compatibility-decomposed, combining marks dropped,
    and the letters that do not decompose spelt out (``Łódź`` is ``Lodz``,
    ``Straße`` ``Strasse``). Case is kept."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """The Porter stem of a lower-case, folded word (``running`` is ``run``)."""
    return str(_stemmer.stemWord(word))


def _analysed(word: str) -> tuple[str, bool]:
    """A word's lower-cased, folded and stemmed form, and whether it is a stop word
    (then the form is not stemmed); remembered per distinct word."""
    found = _cache.get(word)
    if found is None:
        folded = fold(word.lower())
        stopped = len(folded) < MIN_LENGTH or folded in STOP_WORDS
        found = (folded if stopped else stem(folded), stopped)
        if len(_cache) >= CACHE_SIZE:
            _cache.clear()
        _cache[word] = found
    return found


def term(word: str) -> str | None:
    """The indexed form of one word (``None`` for a stop word)."""
    text, stopped = _analysed(word)
    return None if stopped else text


def form(word: str) -> str:
    """The form a word's token carries (:attr:`Token.text`): its term, or the
    folded word when it is a stop word."""
    return _analysed(word)[0]


def terms(text: str) -> list[str]:
    """The indexed terms of ``text`` in order, stop words left out (the term at
    index ``i`` has position ``i``)."""
    out = []
    cache = _cache
    for word in WORD.findall(text):
        found = cache.get(word)
        if found is None:
            found = _analysed(word)
        if not found[1]:  # not a stop word
            out.append(found[0])
    return out


@attrs.frozen
class Token:
    """A word of a text: its form (the term, or the folded word when stopped), its
    number among the text's words (stop words counted), and where it is."""

    text: str
    pos: int
    startchar: int
    endchar: int
    stopped: bool


def tokens(text: str) -> list[Token]:
    """Every word of ``text``, stop words included (``stopped``)."""
    out = []
    for pos, match in enumerate(WORD.finditer(text)):
        found, stopped = _analysed(match.group(0))
        out.append(Token(found, pos, match.start(), match.end(), stopped))
    return out
