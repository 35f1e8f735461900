"""What a snippet reads of a body, found without reading the whole body: where the
words of the query's forms are (:func:`words_of`) and the sentences of the
paragraphs that hold them (:func:`paragraph_sentences`).

Words are found as :func:`docsearch.analysis.tokens` reads them, from the few
places where they can be: an ASCII word begins with its form less the form's last
letter, lower-cased (:func:`prefix_of`: the Porter stemmer rewrites endings only,
and at most one letter of what it keeps; Snowball English two), so only the words
that start with that prefix in the lower-cased body are read (a regular expression
finds them), each one's form checked; a word with a letter outside ASCII (whose
form folds its accents) is always read.

A sentence never runs over a line break (every ``\\n`` ends one), so the sentences
of a text are those of its lines, split one line at a time: a snippet splits only
the lines where its words are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator

from docsearch import analysis

__all__ = ["ABBREVIATIONS", "is_word", "iter_sentences", "paragraph_sentences", "prefix_of",
           "rewritten", "sentences", "words_of"]

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "mt", "ft", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "cmdr", "sgt", "maj", "adm", "rev", "hon", "jr", "sr", "no", "nos", "vs", "etc",
    "al", "co", "corp", "inc", "ltd", "bros", "dept", "est", "fig", "approx", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s",
    "u.k", "u.n", "a.m", "p.m",
})
#: A sentence's end: ``[.!?]+["'”’)\\]]*(?=\\s+["'“‘(\\[]?[A-Z0-9])|\\n``, written to start
#: with one of its first characters so that the text is scanned faster.
_END = re.compile(r"""[\n.!?](?:(?<=[.!?])[.!?]*["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|(?<=\n))""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
#: How far back the word before a full stop is looked for at first.
_LOOKBACK = 16
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def sentences(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` character spans of the sentences of ``text``, blank
    ones left out, surrounding spaces trimmed."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The :func:`sentences` of ``text``, one line at a time."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield from paragraph_sentences(text, start, end)
        start = end + 1


def paragraph_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences (as :func:`sentences`) of ``text[start:end]``, a stretch
    without a line break that starts after one (or at the text's start) and ends
    before one (or at the text's end)."""
    out: list[tuple[int, int]] = []
    for match in _END.finditer(text, start, end):
        word = _word_before(text, match.start()).lower().rstrip(".")
        if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        _trimmed(text, start, match.end(), out)
        start = match.end()
    _trimmed(text, start, end, out)
    return out


def _trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Add ``text[start:end]`` to ``out`` without its surrounding spaces, unless blank."""
    part = text[start:end]
    kept = part.strip()
    if kept:
        start += len(part) - len(part.lstrip())
        out.append((start, start + len(kept)))


def _word_before(text: str, at: int) -> str:
    """The run of word characters and dots that ends at ``at`` (``""`` when none),
    looked for in the few characters before it, not from the text's start."""
    low = max(0, at - _LOOKBACK)
    before = _WORD_BEFORE.search(text, low, at)
    if before is None:
        return ""
    start = before.start()
    while start == low and start > 0 and _is_word_or_dot(text[start - 1]):
        start -= 1
        low = start
    return text[start:at]


def _is_word_or_dot(char: str) -> bool:
    return char.isalnum() or char in "_."


def is_word(char: str) -> bool:
    """Whether ``char`` is a word character as regular expressions' ``\\w`` reads one."""
    return char.isalnum() or char == "_"


def rewritten(stemmer: str) -> int:
    """How many letters at the end of what ``stemmer`` keeps of a word it may have
    rewritten: one for Porter (``y`` to ``i``, an ``e`` added), two for the others
    (Snowball English also turns ``dying`` into ``die``)."""
    return 1 if stemmer == "porter" else 2


def prefix_of(form: str, stemmer: str = analysis.STEMMER) -> str:
    """What an ASCII word of this form begins with, lower-cased: the form less the
    letters the stemmer may have rewritten (but its first letter)."""
    return form[:max(1, len(form) - rewritten(stemmer))]


def words_of(text: str, forms: Collection[str]) -> list[tuple[int, int, str]]:
    """Where the words of ``text`` whose form is one of ``forms`` are, in text order:
    ``(start, end, form)``, as :func:`docsearch.analysis.tokens` reads them."""
    lowered = _lowered(text)
    found: dict[int, tuple[int, int, str]] = {}
    for prefix in {prefix_of(f) for f in forms if f and f.isascii()}:
        for match in _starting(prefix).finditer(lowered):
            if match.start() not in found:
                _check(text, match.start(), forms, found)
    if not text.isascii():
        reached = 0
        for match in _NON_ASCII.finditer(text):
            at = match.start()
            if at >= reached and is_word(text[at]):
                reached = _check(text, _word_start(text, at), forms, found)
    return [found[at] for at in sorted(found)]


def _lowered(text: str) -> str:
    """``text`` lower-cased, as long as ``text`` (the one letter that lower-cases to
    two, ``İ``, is kept; lower-casing keeps word characters word characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)


@functools.lru_cache(maxsize=1024)
def _starting(prefix: str) -> re.Pattern[str]:
    """``prefix`` where a word starts: not after a word character, nor after a dot
    that follows one (``u.s``). It begins with the prefix, so the text is scanned
    for it as for a plain string."""
    text = re.escape(prefix)
    return re.compile(rf"{text}(?<!\w{text})(?<!\w\.{text})")


def _starts_word(text: str, at: int) -> bool:
    """Whether a word starts at ``at`` (as :func:`_starting` reads it)."""
    return not at or not (is_word(text[at - 1]) or (
        text[at - 1] == "." and at > 1 and is_word(text[at - 2])))


def _word_start(text: str, at: int) -> int:
    """Where the word holding the word character at ``at`` starts."""
    while not _starts_word(text, at):
        at -= 1
    return at


def _check(text: str, at: int, forms: Collection[str],
           found: dict[int, tuple[int, int, str]]) -> int:
    """Add the word starting at ``at`` to ``found`` when its form is one of
    ``forms``; where it ends."""
    match = analysis.WORD.match(text, at)
    if match is None:  # a form that does not begin with a word character
        return at + 1
    end = match.end()
    form = analysis.form(match.group())
    if form in forms:
        found[at] = (at, end, form)
    return end
