"""Highlighted snippets: up to three sentence fragments of the body (about 200
characters each) holding the query's words, HTML-escaped, each match wrapped in
``<mark>``. Without a match in the body, the snippet is the body's opening.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from whoosh import highlight
from whoosh.searching import Hit as WhooshHit
from whoosh.searching import Results

__all__ = ["make_snippet", "plain_snippet", "terminal_snippet"]

MAX_CHARS = 200
_FRAGMENTS = 3


class MarkFormatter(highlight.Formatter):
    """Escaped text with ``<mark>`` around each matched word; fragments joined by " … "."""

    between = " … "

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text: str, token: highlight.Token, replace: bool = False) -> str:
        return "<mark>" + html.escape(highlight.get_text(text, token, replace), quote=False) \
            + "</mark>"


FORMATTER = MarkFormatter()
HIGHLIGHTERS = (
    highlight.Highlighter(
        fragmenter=highlight.SentenceFragmenter(maxchars=MAX_CHARS, charlimit=None),
        formatter=FORMATTER),
    highlight.Highlighter(
        fragmenter=highlight.ContextFragmenter(maxchars=MAX_CHARS, surround=60, charlimit=None),
        formatter=FORMATTER),
)


def _opening(body: str) -> str:
    text = " ".join(body.split())
    if len(text) <= MAX_CHARS:
        return html.escape(text, quote=False)
    cut = text.rfind(" ", 0, MAX_CHARS)
    return html.escape(text[:cut if cut > 0 else MAX_CHARS], quote=False) + " …"


class Tokens:
    """The tokens Whoosh's highlighter would get from the field's analyzer, made
    faster: the text is split with the analyzer's own tokenizer pattern and each
    distinct word goes through the analyzer's filters once (then cached)."""

    def __init__(self, analyzer: Any, pattern: re.Pattern[str], cache_size: int = 200_000):
        self.analyzer = analyzer
        self.pattern = pattern
        self.cache_size = cache_size
        self._words: dict[str, tuple[str, bool]] = {}

    def _word(self, word: str) -> tuple[str, bool]:
        found = self._words.get(word)
        if found is None:
            tokens = list(self.analyzer(word, mode="index", removestops=False))
            found = (tokens[0].text, bool(tokens[0].stopped)) if len(tokens) == 1 \
                else (word.lower(), True)
            if len(self._words) >= self.cache_size:
                self._words.clear()
            self._words[word] = found
        return found

    def __call__(self, text: str, words: frozenset[str]) -> list[_Token]:
        word = self._word
        out = []
        for pos, match in enumerate(self.pattern.finditer(text)):
            term, stopped = word(match.group(0))
            start, end = match.span()
            out.append(_Token(term, pos, start, end, stopped, term in words))
        return out


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


def query_words(results: Results, field: str = "body") -> frozenset[str]:
    """The words of the field a snippet marks: the query's terms, wildcards expanded
    (worked out once per search, not once per hit)."""
    from_bytes = results.searcher.schema[field].from_bytes
    return frozenset(from_bytes(text) for _, text in
                     results.query_terms(expand=True, fieldname=field))


def make_snippet(hit: WhooshHit, body: str, words: frozenset[str] | None = None,
                 tokens: Tokens | None = None) -> str:
    """The HTML snippet of one hit (see the module docs). ``words`` (from
    :func:`query_words`) and ``tokens`` save work when a page has several hits."""
    if body:
        if words is None:
            words = query_words(hit.results)
        if tokens is None:
            tokens = tokens_for(hit.results.searcher.schema["body"].analyzer)
        found = tokens(body, words)
        merged = list(highlight.Highlighter._merge_matched_tokens(iter(found)))
        for highlighter in HIGHLIGHTERS:
            try:
                fragments = highlighter.fragmenter.fragment_tokens(body, iter(merged))
                best = highlight.top_fragments(fragments, _FRAGMENTS, highlighter.scorer,
                                               highlighter.order, minscore=1)
                text = highlighter.formatter.format(best)
            except (KeyError, ValueError, IndexError):
                text = ""
            if text:
                return " ".join(text.split())
    return _opening(body)


_TOKENS: dict[int, Tokens] = {}


def tokens_for(analyzer: Any) -> Tokens:
    """The (cached) fast tokens of an analyzer whose tokenizer is a RegexTokenizer."""
    found = _TOKENS.get(id(analyzer))
    if found is None or found.analyzer is not analyzer:
        pattern = getattr(analyzer, "items", [None])[0]
        found = Tokens(analyzer, pattern.expression)
        _TOKENS[id(analyzer)] = found
    return found


_MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def plain_snippet(snippet: str) -> str:
    """The snippet as plain text (marks dropped, entities decoded)."""
    return html.unescape(_MARK.sub(r"\1", snippet))


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
