"""What the templates show, made from the library's values: safe snippets and
bodies, date bar charts, facet lists with the selected values first, links.

Article text is untrusted: every string the templates print is escaped by Jinja2
(autoescape) after :func:`docsearch.output.safe` has made its control characters
visible (``\\xNN``, as in the terminal); the one HTML docsearch makes, a snippet's
``<mark>``, is rebuilt here from the snippet's text, never passed through.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

import attrs
from markupsafe import Markup, escape

from docsearch.models import FacetValue
from docsearch.output import safe, with_empty_buckets

__all__ = ["Bar", "FacetItem", "body_html", "date_bars", "facet_items", "link_url",
           "snippet_html"]

_MARKED = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def _text(fragment: str) -> Markup:
    return escape(safe(html.unescape(fragment)))


def snippet_html(snippet: str) -> Markup:
    """A hit's snippet as HTML: its text escaped again, matches in ``<mark>``; any
    other markup in it is shown as text."""
    parts: list[str] = []
    at = 0
    for match in _MARKED.finditer(snippet):
        parts.append(_text(snippet[at:match.start()]))
        parts.append(Markup("<mark>%s</mark>") % _text(match.group(1)))
        at = match.end()
    parts.append(_text(snippet[at:]))
    return Markup("").join(parts)


def body_html(body: str, sections: Sequence[str] = ()) -> Markup:
    """An article body as HTML: its section headings (a paragraph that is one of
    ``sections``, or a line starting ``## ``) as ``<h2>``, blank-line separated
    blocks as paragraphs, every character of the text escaped."""
    headings = {s.strip() for s in sections}
    out: list[Markup] = []
    paragraph: list[str] = []

    def close() -> None:
        text = " ".join(paragraph)
        if text in headings:
            out.append(Markup("<h2>%s</h2>") % safe(text))
        elif text:
            out.append(Markup("<p>%s</p>") % safe(text, layout=True))
        paragraph.clear()

    for line in body.splitlines():
        text = line.strip()
        if text.startswith("## "):
            close()
            out.append(Markup("<h2>%s</h2>") % safe(text[3:].strip()))
        elif text:
            paragraph.append(text)
        else:
            close()
    close()
    return Markup("\n").join(out)


def link_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a link may point at, else ``None``
    (``javascript:``, ``data:`` and the like are shown as text)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@attrs.frozen
class FacetItem:
    """One checkbox of the facet sidebar (``count`` ``None``: a typed value the
    facet did not list)."""

    value: str
    count: int | None
    selected: bool


def facet_items(values: Sequence[FacetValue], typed: Sequence[str]) -> list[FacetItem]:
    """A facet's values for the sidebar: the selected ones first, each typed filter
    value kept (ticked) even when the facet does not list it."""
    listed = {v.value for v in values}
    items = [FacetItem(t, None, True) for t in typed if t not in listed]
    items += [FacetItem(v.value, v.count, v.selected or v.value in typed)
              for v in values if v.value is not None]
    return sorted(items, key=lambda item: not item.selected)


@attrs.frozen
class Bar:
    """One bar of a date chart, in SVG units (the chart is 100 high)."""

    label: str
    count: int
    x: float
    width: float
    height: float
    href: str | None


def date_bars(values: Sequence[FacetValue], href: Callable[[str], str],
              width: float = 300) -> list[Bar]:
    """The bars of a date facet (empty years and months between put in);
    ``href(label)`` gives each dated bar's link."""
    filled = with_empty_buckets(values)
    if not filled:
        return []
    top = max(v.count for v in filled) or 1
    step = width / len(filled)
    return [Bar(label=v.value or "no date", count=v.count, x=round(i * step, 2),
                width=round(max(step * 0.8, 0.5), 2),
                height=round(100 * v.count / top, 2) if v.count else 0,
                href=None if v.value is None else href(v.value))
            for i, v in enumerate(filled)]
