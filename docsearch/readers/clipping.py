"""What web clippings have in common, whatever their format.

The Markdown, plain-text and HTML readers turn a file into a list of :class:`Block`
(headings and paragraphs as plain text). :func:`assemble` then applies the rules
of a clipped news page, zone by zone:

- the title (the first level-1 heading, unless the reader knows it);
- an ``Original url:`` style footer, anywhere, gives the url;
- the header (the lines before the article's second paragraph, up to the last byline
  or date line) gives the authors and the date; its other short lines that are not
  sentences ("Associated Press", "Share full article", "Reporting from Amman") go;
- page furniture and photo credits go wherever they are (see :mod:`.lines`);
- the trailer (short lines that are not sentences after the last paragraph, unless
  they hold figures, and an "About the author" box) goes;
- a paragraph split by a stray blank line is joined again.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

import attrs

from docsearch.readers.lines import (
    ends_sentence,
    is_debris,
    is_fragment,
    parse_byline,
    parse_meta_line,
)

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
        words > 12 and ends_sentence(block.text)))


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
    kept = _take_url(items, out)
    kept = _take_header(kept, out)
    kept = _drop_about_box(kept)
    kept = [b for b in kept if not is_debris(b.text, link_only=b.link_only, heading=b.is_heading)]
    kept = _drop_trailer(kept)
    joined = _join_split_paragraphs(kept)
    out.sections = [b.text for b in joined if b.is_heading]
    out.body = "\n\n".join(b.text.strip() for b in joined)
    return out


def _take_url(items: list[Block], out: Clipping) -> list[Block]:
    """Blocks without the url footer; the url goes to ``out``."""
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
    return kept


_HEADER_SCAN = 12


def _take_header(blocks: list[Block], out: Clipping) -> list[Block]:
    """Blocks without the header's byline, date and other non-sentence lines; the
    authors and date go to ``out`` (a publication date wins over an update)."""
    drop: set[int] = set()
    header_end = -1
    paragraphs = 0
    updated: dt.date | None = None
    for i, block in enumerate(blocks[:_HEADER_SCAN]):
        if _body_like(block):
            paragraphs += 1
            if paragraphs >= 2:
                break
            continue
        if block.is_heading:
            continue
        meta = parse_meta_line(block.text)
        if meta is not None:
            if meta.authors and not out.authors:
                out.authors = meta.authors
            out.published = out.published or meta.published
            updated = updated or meta.updated
        elif not block.link_only:
            continue
        drop.add(i)
        if meta is None or meta.authors or meta.published or meta.updated:
            # A stamp that says nothing ("Updated 3 hours ago") goes, but does not
            # make the lines above it header: they may be the article (a table).
            header_end = i
    out.published = out.published or updated
    for i in range(header_end):
        if not blocks[i].is_heading and is_fragment(blocks[i].text):
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop]


_ABOUT = re.compile(r"^(?:about\s+the\s+(?:author|writer|reporter)s?)\b", re.IGNORECASE)


def _drop_about_box(blocks: list[Block]) -> list[Block]:
    """Blocks up to an "About the author" box in the second half of the page."""
    for i, block in enumerate(blocks):
        if i > len(blocks) // 2 and _ABOUT.match(block.text.strip().strip("*_ ")):
            return blocks[:i]
    return blocks


_FIGURE = re.compile(r"\d")


def _drop_trailer(blocks: list[Block]) -> list[Block]:
    """Blocks without the non-sentence lines that end the page ("Related Topics",
    "Renewable energy", "lb/mlr/dw"). A line with a figure in it stops the cut: the
    rows of a results table ("Revs 35.2 mln vs 30.1 mln") are the article."""
    end = len(blocks)
    while end > 1 and not blocks[end - 1].is_heading and is_fragment(blocks[end - 1].text) \
            and not _FIGURE.search(blocks[end - 1].text):
        end -= 1
    while end > 1 and blocks[end - 1].is_heading:
        end -= 1  # a heading with nothing under it
    return blocks[:end]


def _join_split_paragraphs(blocks: list[Block]) -> list[Block]:
    """A paragraph that stops mid-sentence and one that starts in lower case are one."""
    joined: list[Block] = []
    for block in blocks:
        prev = joined[-1] if joined else None
        if (prev is not None and not prev.is_heading and not block.is_heading
                and block.text[:1].islower()
                and (prev.text.endswith(",") or not ends_sentence(prev.text))):
            prev.text = prev.text.rstrip() + " " + block.text.lstrip()
            continue
        joined.append(Block(block.text, block.level, block.link_only, list(block.urls)))
    return joined
