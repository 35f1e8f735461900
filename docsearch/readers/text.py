"""Plain text: the first non-empty line is the title.

Paragraphs are separated by blank lines; lines inside a paragraph are joined. The
lines of the first paragraph after the title are looked at one by one, so a
byline and a date line written directly under the title are found. The clipping
rules of :mod:`.clipping` then apply (byline, date line, ``Original url:``
footer, debris, split paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docsearch.errors import ParseError
from docsearch.extract.dates import parse_date
from docsearch.models import Article
from docsearch.readers.clipping import Block, assemble, parse_byline

__all__ = ["TextReader", "text_blocks"]

_BLANK = re.compile(r"\n[ \t\f\v]*\n")
_TITLE_PREFIX = re.compile(r"^(?:#+\s+|title\s*:\s*)", re.IGNORECASE)
_UNDERLINE = re.compile(r"^[=\-~*_]{3,}$")


def text_blocks(text: str) -> tuple[str, list[Block]]:
    """The title line and the paragraphs of a plain text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    chunks = [c.strip("\n") for c in _BLANK.split(text)]
    chunks = [c for c in chunks if c.strip()]
    if not chunks:
        return "", []
    first_lines = [ln.strip() for ln in chunks[0].split("\n") if ln.strip()]
    first_lines = [ln for ln in first_lines if not _UNDERLINE.match(ln)]
    title = _TITLE_PREFIX.sub("", first_lines[0]) if first_lines else ""
    blocks = _header_blocks(first_lines[1:])
    for chunk in chunks[1:]:
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        if not lines or all(_UNDERLINE.match(ln) for ln in lines):
            continue
        if len(blocks) < 4 and all(len(ln) < 90 for ln in lines) and len(lines) <= 3:
            blocks.extend(_header_blocks(lines))
        else:
            blocks.append(Block(" ".join(lines)))
    return title, blocks


def _header_blocks(lines: list[str]) -> list[Block]:
    """Short lines near the top: a byline or a date line stays a block of its own
    (stacked under the title); the other lines are soft-wrapped text and are joined."""
    blocks: list[Block] = []
    run: list[str] = []
    for line in lines:
        if parse_byline(line) is not None or parse_date(line) is not None:
            if run:
                blocks.append(Block(" ".join(run)))
                run = []
            blocks.append(Block(line))
        else:
            run.append(line)
    if run:
        blocks.append(Block(" ".join(run)))
    return blocks


class TextReader:
    """Plain-text articles (``.txt``, ``.text``)."""

    name = "text"
    suffixes: tuple[str, ...] = (".txt", ".text")

    def read(self, text: str, path: str) -> Iterator[Article]:
        title, blocks = text_blocks(text)
        if not title:
            raise ParseError(path, "no text")
        clip = assemble(blocks, title=title)
        yield Article(title=clip.title, authors=clip.authors, published=clip.published,
                      url=clip.url, sections=clip.sections, body=clip.body)
