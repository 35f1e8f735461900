"""What web clippings have in common, whatever their format.

The Markdown, plain-text and HTML readers turn a file into a list of :class:`Block`
(headings and paragraphs as plain text). :func:`assemble` then applies the rules
of a clipped news page: the title, a byline, a date line, an ``Original url:``
footer, web debris (image-credit links, "Related article" lines, photo credits,
"Advertisement", newsletter boxes...), paragraphs split by a stray blank line, and
section headings. The rules are about the shape of lines, never about one site.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from docsearch.extract.dates import parse_date

__all__ = ["Block", "Clipping", "assemble", "parse_byline"]


@attrs.define
class Block:
    """A heading (``level`` 1–6) or a paragraph (``level`` 0) as plain text.

    ``link_only`` is true when every word of the block is the text of a link or an
    image; ``urls`` are the targets of its links.
    """

    text: str
    level: int = 0
    link_only: bool = False
    urls: list[str] = attrs.Factory(list)

    @property
    def is_heading(self) -> bool:
        return self.level > 0


@attrs.define
class Clipping:
    """The parts of a clipped article found by :func:`assemble`."""

    title: str = ""
    authors: list[str] = attrs.Factory(list)
    published: dt.date | None = None
    url: str | None = None
    sections: list[str] = attrs.Factory(list)
    body: str = ""


_URL = re.compile(r"<?(https?://[^\s<>]+)>?", re.IGNORECASE)

_FOOTER = re.compile(
    r"^(?:original\s+(?:url|link|article|story|source)|source\s*(?:url|link)?|canonical\s*(?:url)?"
    r"|url|link|permalink|read\s+(?:the\s+)?(?:original|full)(?:\s+(?:article|story))?"
    r"(?:\s+(?:at|here|on))?|clipped\s+from|saved\s+from)\s*:?\s*(?P<url><?https?://\S+>?)?$",
    re.IGNORECASE,
)

# Lines that belong to the web page around the article, not to the article.
_DEBRIS_START = re.compile(
    r"^(?:related\s+(?:articles?|stories|story|content|coverage|reading|video|links?)"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?like|recommended(?:\s+for\s+you)?"
    r"|advertisement|sponsored(?:\s+content)?|story\s+continues\s+below"
    r"|share\s+(?:this|on|via)|sign\s+up\b|subscribe\b|follow\s+us\b|click\s+here"
    r"|listen\s+to\s+this\s+(?:article|story)|skip\s+to\s+(?:main\s+)?content"
    r"|download\s+the\s+app|copyright\b|©|all\s+rights\s+reserved)",
    re.IGNORECASE,
)
_DEBRIS_LABEL = re.compile(
    r"^(?:related|more|photo(?:graph)?s?|images?|pictures?|credits?|caption|video|watch"
    r"|listen|gallery|file\s+photo|top\s+image|header\s+image|illustration)\s*[:|]",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\(\s*(?:photo|image|picture|file\s+photo)\b[^)]*\)\s*$"
    r"|\b(?:photo|image|picture|illustration)\s+(?:by|credit|courtesy)\b"
    r"|/\s*(?:getty(?:\s+images)?|afp|reuters|ap|epa|efe|anadolu|shutterstock|alamy|tass"
    r"|sputnik|xinhua|bloomberg|pool|handout)\b[^.]*$"
    r"|\bgetty\s+images\b|\bap\s+photo\b|\bafp\s+photo\b)",
    re.IGNORECASE,
)
_READ_TIME = re.compile(r"^\d+\s*(?:min(?:ute)?s?)\s+read$", re.IGNORECASE)
_END_OF_SENTENCE = re.compile(r"[.!?…:;\"'”’)\]]$")

# A byline: "By Jane Doe", "BY JANE DOE", "Author: Jane Doe", "Written by ...".
_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|authors?\s*:|reporting\s+by)\s*:?\s+(.+)$",
                     re.IGNORECASE)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\|)\s*", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.\-]*|[A-Z]\.|(?:de|da|di|du|del|della|der|den|"
                         r"van|von|la|le|bin|ibn|al|el|dos|das|y|ten|ter|st\.?)|"
                         r"(?:al|el)-[\w'’-]+)$")
_ROLE_IN_BYLINE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|bureau|chief"
    r"|senior|special|associate|freelance|journalist|analyst|desk|team|news|updated|published)\b",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$")
_SEGMENT_SPLIT = re.compile(r"\s+[|·•—–]\s+")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _looks_like_name(text: str) -> bool:
    tokens = text.split()
    if not 1 <= len(tokens) <= 6:
        return False
    if tokens[0].lower() in _WEEKDAYS:
        return False
    if not tokens[0][:1].isupper():
        return False
    return all(_NAME_TOKEN.match(t) for t in tokens)


def _fix_case(name: str) -> str:
    """ "JANE DOE" → "Jane Doe"; short all-caps agency names ("AFP") stay."""
    if name.isupper() and (" " in name or len(name) > 5):
        return " ".join(w.capitalize() if not w.startswith("MC") else "Mc" + w[2:].capitalize()
                        for w in name.split())
    return name


def parse_byline(text: str) -> tuple[list[str], dt.date | None] | None:
    """Authors (and a date, if the line also has one) from a byline, or ``None`` when
    the line is not a byline.

    >>> parse_byline("By Jane Doe and Omar Haddad")
    (['Jane Doe', 'Omar Haddad'], None)
    >>> parse_byline("By Friday, the council will vote") is None
    True
    """
    text = text.strip().strip("*_ ")
    if len(text) > 200:
        return None
    date = None
    segments = _SEGMENT_SPLIT.split(text)
    names_part = None
    for segment in segments:
        match = _BYLINE.match(segment.strip())
        if match and names_part is None:
            names_part = match.group(1)
        else:
            date = date or parse_date(segment)
    if names_part is None:
        return None
    authors: list[str] = []
    for item in _NAME_SPLIT.split(names_part.strip().rstrip(".")):
        item = item.strip().strip("*_ ")
        if not item:
            continue
        item_date = parse_date(item)
        if item_date is not None:
            date = date or item_date
            continue
        item = _IN_PLACE.sub("", item)
        if _ROLE_IN_BYLINE.search(item):
            continue
        if not _looks_like_name(item):
            return None
        authors.append(_fix_case(item))
    if not authors:
        return None
    return authors, date


def _is_debris(block: Block) -> bool:
    text = block.text.strip().strip("*_ ")
    if not text:
        return True
    if block.is_heading:
        return bool(_DEBRIS_START.match(text)) and len(text) < 80
    if block.link_only and len(text) < 200:
        return True
    if len(text) < 250 and (_DEBRIS_START.match(text) or _DEBRIS_LABEL.match(text)):
        return True
    if len(text) < 200 and _CREDIT.search(text):
        return True
    return bool(_READ_TIME.match(text))


def _footer_url(blocks: list[Block], i: int) -> tuple[str | None, int] | None:
    """If block ``i`` is an ``Original url:`` style footer, the url and how many blocks
    it takes (1, or 2 when the url is on the next line)."""
    text = blocks[i].text.strip().strip("*_ ")
    match = _FOOTER.match(text)
    if not match:
        return None
    if match.group("url"):
        return _URL.match(match.group("url"))[1], 1  # type: ignore[index]
    if blocks[i].urls:
        return blocks[i].urls[0], 1
    if i + 1 < len(blocks):
        nxt = blocks[i + 1].text.strip()
        url_match = _URL.fullmatch(nxt)
        if url_match:
            return url_match[1], 2
        if blocks[i + 1].link_only and blocks[i + 1].urls:
            return blocks[i + 1].urls[0], 2
    return None


def _body_like(block: Block) -> bool:
    words = len(block.text.split())
    return not block.is_heading and (len(block.text) > 150 or (
        words > 12 and bool(_END_OF_SENTENCE.search(block.text))))


def assemble(blocks: Sequence[Block], title: str | None = None) -> Clipping:
    """Apply the clipping rules to a document's blocks.

    When ``title`` is not given, the first level-1 heading is the title (else the
    first block).
    """
    items = [b for b in blocks if b.text.strip()]
    out = Clipping()
    if title is None:
        for i, block in enumerate(items):
            if block.level == 1:
                title = block.text
                del items[i]
                break
        else:
            if items:
                title = items.pop(0).text
    out.title = " ".join((title or "").split())

    # The url footer, wherever it is.
    kept: list[Block] = []
    i = 0
    while i < len(items):
        found = _footer_url(items, i)
        if found is not None:
            out.url = out.url or found[0]
            i += found[1]
            continue
        kept.append(items[i])
        i += 1
    if out.url is None and kept and _URL.fullmatch(kept[-1].text.strip()):
        out.url = _URL.fullmatch(kept[-1].text.strip())[1]  # type: ignore[index]
        kept.pop()

    # The header: byline and date among the short blocks before the body starts.
    body: list[Block] = []
    in_header = True
    for block in kept:
        if in_header and (_body_like(block) or len(body) >= 3):
            in_header = False
        if in_header and not block.is_heading:
            byline = parse_byline(block.text)
            if byline is not None and not out.authors:
                out.authors, date = byline
                out.published = out.published or date
                continue
            date = parse_date(block.text)
            if date is not None and out.published is None:
                out.published = date
                continue
        if _is_debris(block):
            continue
        body.append(block)

    # Paragraphs split by a stray blank line are joined again.
    joined: list[Block] = []
    for block in body:
        prev = joined[-1] if joined else None
        if (prev is not None and not prev.is_heading and not block.is_heading
                and block.text[:1].islower()
                and (prev.text.endswith(",") or not _END_OF_SENTENCE.search(prev.text))):
            prev.text = prev.text.rstrip() + " " + block.text.lstrip()
            continue
        joined.append(Block(block.text, block.level, block.link_only, list(block.urls)))

    out.sections = [b.text for b in joined if b.is_heading]
    out.body = "\n\n".join(b.text.strip() for b in joined)
    return out
