"""Highlighted snippets: up to three sentences of the body (each at most about
:data:`MAX_CHARS` characters) that hold the query's words, in the order they come
in the article, each matched word wrapped in ``<mark>``, the text HTML-escaped.

Sentences end at ``.``, ``!`` or ``?`` before a capital, a digit or an opening
quote (not after a title such as ``Ms.`` or an initial), and at every line break,
so a section heading is never glued to the sentence under it. A sentence longer
than :data:`MAX_CHARS` is cut, between words, to the stretch holding the most of
its matches, with ``…`` where it was cut. The three sentences are chosen greedily:
first the one with the most distinct query words, then each time the one adding
the most words not shown yet (then the most matches, then the earliest), so every
query word found in the body is shown when three sentences can hold them. Without
a match in the body (the title matched, say), the snippet is the body's opening.

A snippet never reads the whole body (:mod:`docsearch.search.snippettext`): the
query's words are looked for only where the lower-cased text holds the start of
their form, the sentences are split only on the lines that hold a match, and the
words of a sentence are read only when it is long enough to be cut. What was split
is remembered for the last :data:`_BODIES` bodies (:func:`_read`).
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Callable, Sequence
from typing import Any

from docsearch import analysis
from docsearch.engines.base import Snapshot
from docsearch.models import unmarked
from docsearch.search import querytree as qt
from docsearch.search.snippettext import iter_sentences, paragraph_sentences, sentences, words_of

__all__ = ["MAX_CHARS", "make_snippet", "plain_snippet", "sentences", "terminal_snippet"]

MAX_CHARS = 200
_FRAGMENTS = 3
_ELLIPSIS = "…"
#: How many bodies' lines and long sentences are remembered (a page of hits, the pages
#: near it, the articles that come back query after query).
_BODIES = 256


class _Match:
    """A matched word: its form (a query word) and where it is in the body."""

    __slots__ = ("endchar", "startchar", "text")

    def __init__(self, text: str, startchar: int, endchar: int) -> None:
        self.text, self.startchar, self.endchar = text, startchar, endchar


class _Body:
    """What the snippets of one body read whatever the query, worked out when first
    needed: the sentences of each line that held a match (and where they end), and
    the words of each long sentence once one was cut."""

    __slots__ = ("lines", "words")

    def __init__(self) -> None:
        self.lines: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
        self.words: dict[int, tuple[list[int], list[int]]] = {}

    def line_of(self, body: str, at: int) -> tuple[list[int], list[tuple[int, int]]]:
        """Where the sentences of the line holding ``body[at]`` end, and the sentences."""
        start = body.rfind("\n", 0, at) + 1
        found = self.lines.get(start)
        if found is None:
            end = body.find("\n", at)
            spans = paragraph_sentences(body, start, len(body) if end < 0 else end)
            found = self.lines[start] = ([end for _, end in spans], spans)
        return found

    def words_in(self, body: str, start: int, end: int) -> tuple[list[int], list[int]]:
        """Where the words of the sentence ``body[start:end]`` start, and end."""
        found = self.words.get(start)
        if found is None:
            found = self.words[start] = _offsets(body[start:end], start)
        return found


def _offsets(text: str, at: int) -> tuple[list[int], list[int]]:
    """Where the words of ``text`` start and end, counted from ``at``."""
    starts, ends = [], []
    for match in analysis.WORD.finditer(text):
        start, end = match.span()
        starts.append(start + at)
        ends.append(end + at)
    return starts, ends


@functools.lru_cache(maxsize=_BODIES)
def _read(body: str) -> _Body:
    """The :class:`_Body` of ``body`` (remembered for the last :data:`_BODIES`)."""
    return _Body()


def _matches(body: str, words: frozenset[str]) -> list[_Match]:
    """The words of ``body`` whose form is one of ``words``, in text order, as
    :func:`docsearch.analysis.tokens` reads them."""
    return [_Match(form, start, end) for start, end, form in words_of(body, words)]


class _Fragment:
    """A stretch of one sentence and the matched tokens in it."""

    __slots__ = ("cut_end", "cut_start", "end", "matches", "start", "terms")

    def __init__(self, start: int, end: int, matches: list[_Match], cut_start: bool,
                 cut_end: bool) -> None:
        self.start, self.end = start, end
        self.matches = matches
        self.terms = frozenset(t.text for t in matches)
        self.cut_start, self.cut_end = cut_start, cut_end


def _window(body: str, read: _Body, start: int, end: int, matches: Sequence[_Match],
            ) -> _Fragment:
    """The best stretch of about MAX_CHARS of a long sentence, cut between words
    (at spaces: a hyphenated word is one word). Words come in text order, so each
    bound is found by bisection (a sentence may hold thousands of matches)."""
    best: tuple[Any, ...] | None = None
    starts, ends = read.words_in(body, start, end)
    match_starts = [m.startchar for m in matches]
    match_ends = [m.endchar for m in matches]
    for anchor in matches:
        # Start a little before the match (at a word), keep whole words up to the limit.
        at = bisect.bisect_left(starts, anchor.startchar - 40)  # at most the anchor's
        left = start if at == 0 else starts[at]
        last = bisect.bisect_right(ends, left + MAX_CHARS) - 1
        last_end = ends[last] if last >= 0 and starts[last] >= left else left
        right = end if end - left <= MAX_CHARS else last_end
        if right == end and end - left < MAX_CHARS:  # room left: more context before
            left = max(start, end - MAX_CHARS)
            if left > start:
                at = bisect.bisect_left(starts, left)
                left = starts[at] if at < len(starts) else left
        held = _within(matches, match_starts, match_ends, left, right)
        key = (-len({m.text for m in held}), -len(held), left)
        if best is None or key < best[0]:
            best = (key, left, right, held)
    assert best is not None
    _, left, right, held = best
    while left > start and not body[left - 1].isspace():
        left -= 1
    while right < end and not body[right].isspace():
        right += 1
    held = _within(matches, match_starts, match_ends, left, right)
    return _Fragment(left, right, held, left > start, right < end)


def _within(matches: Sequence[_Match], starts: list[int], ends: list[int], left: int,
            right: int) -> list[_Match]:
    """The matches (in text order, ``starts`` and ``ends`` their offsets) lying
    wholly between ``left`` and ``right``."""
    return list(matches[bisect.bisect_left(starts, left):bisect.bisect_right(ends, right)])


def _fragments(body: str, read: _Body, matched: Sequence[_Match]) -> list[_Fragment]:
    """A fragment for each sentence holding matches (found by bisection in the
    sentences of the match's line)."""
    out: list[_Fragment] = []
    position = 0
    while position < len(matched):
        ends, spans = read.line_of(body, matched[position].startchar)
        at = bisect.bisect_right(ends, matched[position].startchar)
        if at == len(ends):  # never: a word is in a sentence
            position += 1
            continue
        start, end = spans[at]
        inside = []
        while position < len(matched) and matched[position].startchar < end:
            if matched[position].startchar >= start:
                inside.append(matched[position])
            position += 1
        if not inside:
            continue
        if end - start <= MAX_CHARS:
            out.append(_Fragment(start, end, inside, False, False))
        else:
            out.append(_window(body, read, start, end, inside))
    return out


def _choose(fragments: list[_Fragment]) -> list[_Fragment]:
    chosen: list[_Fragment] = []
    shown: set[str] = set()
    left = list(fragments)
    while left and len(chosen) < _FRAGMENTS:
        best = min(left, key=lambda f: (-len(f.terms - shown), -len(f.terms),
                                        -len(f.matches), f.start))
        chosen.append(best)
        shown |= best.terms
        left.remove(best)
    return sorted(chosen, key=lambda f: f.start)


def _render(body: str, fragment: _Fragment) -> str:
    parts = []
    last = fragment.start
    for token in fragment.matches:
        parts.append(html.escape(body[last:token.startchar], quote=False))
        parts.append("<mark>" + html.escape(body[token.startchar:token.endchar], quote=False)
                     + "</mark>")
        last = token.endchar
    parts.append(html.escape(body[last:fragment.end], quote=False))
    text = " ".join("".join(parts).split())
    if fragment.cut_start:
        text = f"{_ELLIPSIS} {text}"
    if fragment.cut_end:
        text = f"{text} {_ELLIPSIS}"
    return text


def _opening(body: str) -> str:
    """The body's first sentence, cut at a word when long."""
    first = next(iter_sentences(body), None)
    if first is None:
        return ""
    start, end = first
    text = " ".join(body[start:end].split())
    if len(text) <= MAX_CHARS:
        return html.escape(text, quote=False)
    cut = text.rfind(" ", 0, MAX_CHARS)
    return html.escape(text[:cut if cut > 0 else MAX_CHARS], quote=False) + f" {_ELLIPSIS}"


class Tokens:
    """A text's words as the highlighter's fragmenters read them
    (:func:`docsearch.analysis.tokens`), each marked when it is a query word."""

    def __call__(self, text: str, words: frozenset[str]) -> list[_Token]:
        return [_Token(t.text, t.pos, t.startchar, t.endchar, t.stopped, t.text in words)
                for t in analysis.tokens(text)]


class _Token:
    """What the highlighter's fragmenters read of a token (a light ``Token``)."""

    __slots__ = ("boost", "endchar", "matched", "pos", "startchar", "stopped", "text")

    def __init__(self, text: str, pos: int, startchar: int, endchar: int, stopped: bool,
                 matched: bool, boost: float = 1.0) -> None:
        self.text = text
        self.pos = pos
        self.startchar = startchar
        self.endchar = endchar
        self.stopped = stopped
        self.matched = matched
        self.boost = boost

    def copy(self) -> _Token:
        return _Token(self.text, self.pos, self.startchar, self.endchar, self.stopped,
                      self.matched, self.boost)


def query_words(snapshot: Snapshot, tree: qt.Node, field: str = "body") -> frozenset[str]:
    """The words of the field a snippet marks: the query tree's terms and phrase
    words, prefixes, wildcards, fuzzy terms and ranges expanded to the index's
    terms (worked out once per search, not once per hit)."""
    words: set[str] = set()
    for node in qt.walk(tree):
        if getattr(node, "field", None) != field:
            continue
        if isinstance(node, qt.Term):
            words.add(node.text)
        elif isinstance(node, qt.Phrase):
            words.update(node.terms)
        elif isinstance(node, (qt.Prefix, qt.Wildcard, qt.Fuzzy, qt.TermRange)):
            words.update(qt.expand(node, snapshot.terms))
    return frozenset(words)


def make_snippet(body: str, words: frozenset[str]) -> str:
    """The HTML snippet of one hit's body (see the module docs); ``words`` from
    :func:`query_words`."""
    if not body:
        return ""
    chosen = _choose(_fragments(body, _read(body), _matches(body, words)))
    if not chosen:
        return _opening(body)
    text = f" {_ELLIPSIS} ".join(_render(body, f) for f in chosen)
    return text.replace(f"{_ELLIPSIS} {_ELLIPSIS}", _ELLIPSIS)


_TOKENS = Tokens()


def tokens_for() -> Tokens:
    """The tokens of the text fields (one shared :class:`Tokens`)."""
    return _TOKENS


_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


#: The snippet as plain text (marks dropped, entities decoded): ``Hit.snippet_text``.
plain_snippet = unmarked


def terminal_snippet(snippet: str, style: Callable[[str], str]) -> str:
    """The snippet as terminal text, each match passed through ``style``."""
    parts = []
    last = 0
    for match in _MARK.finditer(snippet):
        parts.append(html.unescape(snippet[last:match.start()]))
        parts.append(style(html.unescape(match.group(1))))
        last = match.end()
    parts.append(html.unescape(snippet[last:]))
    return "".join(parts)
