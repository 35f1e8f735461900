"""Which text in angle brackets is an HTML tag, and the text of a piece of HTML.

Text written in a Markdown file is text unless it is a real HTML tag: ``<b>``,
``</span>``, ``<a href="...">`` (a known element name, in the shape of a tag). News copy
puts other words in angle brackets (``STANDARD OIL <SRD>``, ``<ACME CORP>``, ``<5%``)
and these are kept as written. So are the stock tickers that happen to be element
names: a name in capitals is a tag only when the text also closes it (``<B>...</B>``)
or it is an element that is never closed (``<BR>``, ``<IMG ...>``): ``DU PONT <DD>``
and ``SEARS <S>`` are text; a capitalised name (``<Strong Point Inc>``) is never a tag.
What scripts and styles hold, and comments, are never text.
"""

from __future__ import annotations

import functools
import html
import re

__all__ = ["BLOCK_ELEMENTS", "ELEMENTS", "HIDDEN_ELEMENTS", "VOID_ELEMENTS", "html_text",
           "not_a_tag", "tag_name"]

#: Elements that start and end a block of text; other elements are inline.
BLOCK_ELEMENTS = frozenset((
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt",
    "div", "section", "article", "main", "body", "ul", "ol", "dl", "table", "thead", "tbody",
    "tfoot", "tr", "caption", "figure", "hr", "address", "center", "details", "summary",
    "fieldset", "hgroup", "html",
))
#: Elements whose content is never shown as text.
HIDDEN_ELEMENTS = frozenset(("script", "style", "noscript", "template"))
#: HTML element names, current and obsolete (``font``, ``tt``...).
ELEMENTS = BLOCK_ELEMENTS | HIDDEN_ELEMENTS | frozenset((
    "a", "abbr", "acronym", "area", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
    "big", "blink", "br", "button", "canvas", "cite", "code", "col", "colgroup", "data",
    "datalist", "del", "dfn", "dialog", "dir", "em", "embed", "figcaption", "font", "footer",
    "form", "frame", "frameset", "head", "header", "i", "iframe", "img", "input", "ins", "kbd",
    "label", "legend", "link", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav",
    "nobr", "noframes", "object", "optgroup", "option", "output", "param", "picture",
    "progress", "q", "rp", "rt", "ruby", "s", "samp", "search", "select", "slot", "small",
    "source", "span", "strike", "strong", "sub", "sup", "svg", "textarea", "time", "title",
    "track", "tt", "u", "var", "video", "wbr",
))

#: Elements that are never closed.
VOID_ELEMENTS = frozenset(("area", "base", "basefont", "br", "col", "embed", "frame", "hr",
                           "img", "input", "link", "meta", "param", "source", "track", "wbr"))

_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_CLOSING = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)(?:\s+[^<>]*?)?\s*/?>")
_UNSEEN = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<![A-Za-z][^>]*>|<\?.*?(?:\?>|$)"
                     r"|<(" + "|".join(HIDDEN_ELEMENTS) + r")\b.*?(?:</\1\s*>|$)",
                     re.IGNORECASE | re.DOTALL)


def tag_name(text: str) -> tuple[str, bool] | None:
    """The element name (lower case) of a tag at the start of ``text`` and whether it
    is a closing tag; ``None`` when ``text`` does not start like a tag."""
    match = _NAME.match(text)
    return (match[2].lower(), bool(match[1])) if match else None


def not_a_tag(src: str, pos: int = 0) -> bool:
    """True when ``src`` at ``pos`` starts like a tag (``<SRD>``, ``<DD>``, ``</x``) but
    is text (see the module's docstring)."""
    match = _NAME.match(src, pos)
    if match is None:
        return False
    closing, name = bool(match[1]), match[2]
    lower = name.lower()
    if lower not in ELEMENTS or not (name.islower() or name.isupper()):
        return True
    return (name.isupper() and not closing and lower not in VOID_ELEMENTS
            and lower not in _closed(src))


@functools.lru_cache(maxsize=8)
def _closed(src: str) -> frozenset[str]:
    """The names of the elements ``src`` closes somewhere (lower case); worked out once
    per text however many tags it holds."""
    return frozenset(name.lower() for name in _CLOSING.findall(src))


def _replace_tag(match: re.Match[str]) -> str:
    if not_a_tag(match.string, match.start()):
        return match[0]
    name = match[1].lower()
    return " " if name in BLOCK_ELEMENTS or name == "br" else ""


def html_text(markup: str) -> str:
    """The text of a piece of HTML, on one line: real tags, comments and the content
    of scripts and styles go; other words in angle brackets and the text stay, with
    entities (``&amp;``) decoded."""
    text = _TAG.sub(_replace_tag, _UNSEEN.sub(" ", markup))
    return " ".join(html.unescape(text).split())
