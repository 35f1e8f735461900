"""Highlighted snippets: up to three sentence fragments of the body (about 200
characters each) holding the query's words, HTML-escaped, each match wrapped in
``<mark>``. Without a match in the body, the snippet is the body's opening.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from whoosh import highlight
from whoosh.searching import Hit as WhooshHit

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


def make_snippet(hit: WhooshHit, body: str) -> str:
    """The HTML snippet of one hit (see the module docs)."""
    if body:
        for highlighter in HIGHLIGHTERS:
            try:
                text = highlighter.highlight_hit(hit, "body", text=body, top=_FRAGMENTS)
            except (KeyError, ValueError, IndexError):
                text = ""
            if text:
                text = " ".join(text.split())
                return text
    return _opening(body)


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
