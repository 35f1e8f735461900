"""Markdown: web clippings, with or without YAML front matter.

The text is parsed with markdown-it-py into headings and paragraphs (markup
stripped, link text kept), then the clipping rules of :mod:`.clipping` find the
title, byline, date line, url footer and debris. Front-matter values (see
:mod:`.meta`) override what the clipping rules find.

Only real HTML tags are markup (see :mod:`.tags`): ``STANDARD OIL <SRD>`` keeps its
``<SRD>``, and an HTML block gives its text, without scripts, styles and comments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import html_block as _markdown_it_html_block
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import html_inline as _markdown_it_html_inline
from markdown_it.token import Token

from docsearch.errors import ParseError
from docsearch.models import Article
from docsearch.readers.clipping import Block, assemble
from docsearch.readers.meta import fields_from_metadata
from docsearch.readers.tags import BLOCK_ELEMENTS, HIDDEN_ELEMENTS, html_text, not_a_tag, tag_name

__all__ = ["MarkdownReader", "markdown_blocks"]

_MD = MarkdownIt("commonmark").enable("table")


# CommonMark takes any ``<word ...>`` for HTML; here only a real tag is (``<SRD>`` is
# text), both inside a paragraph and at the start of an HTML block.
def _html_inline(state: StateInline, silent: bool) -> bool:
    return not not_a_tag(state.src, state.pos) and _markdown_it_html_inline(state, silent)


def _html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    pos = state.bMarks[start] + state.tShift[start]
    return not not_a_tag(state.src, pos) and _markdown_it_html_block(state, start, end, silent)


_MD.inline.ruler.at("html_inline", _html_inline)
_MD.block.ruler.at("html_block", _html_block, {"alt": ["paragraph", "reference", "blockquote"]})
# markdown-it skips whatever lies deeper than its nesting limit (20 levels of quotes
# and lists). A text nested that deep is parsed again without its quote and list
# markers, so that all of its words are kept.
_NESTING_LIMIT: int = _MD.options["maxNesting"]
_CONTAINER_MARKS = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))+[ \t]*",
                              re.MULTILINE)


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML in which a date that Python cannot hold (year 0, month 13) stays text,
    so that :func:`.meta.fields_from_metadata` can ignore it instead of failing."""


def _timestamp(loader: Any, node: yaml.Node) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """The front-matter mapping of a Markdown text and the text after it."""
    text = text.lstrip("\ufeff").strip()
    handler = frontmatter.detect_format(text, frontmatter.handlers)
    if handler is None:
        return {}, text
    try:
        raw, content = handler.split(text)
    except ValueError:
        return {}, text  # no closing delimiter: not front matter
    try:
        if isinstance(handler, YAMLHandler):
            meta = yaml.load(raw, Loader=_FrontMatterLoader)
        else:
            meta = handler.load(raw)
    except (yaml.YAMLError, ValueError, TypeError) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise ParseError(path, f"malformed front matter: {reason}") from None
    if meta is None:
        return {}, content
    if not isinstance(meta, dict):
        raise ParseError(path, "malformed front matter: not a mapping of keys to values")
    return meta, content


def _inline_block(token: Token, level: int) -> Block:
    """Plain text of an inline token, noting whether all of it is link or image text."""
    parts: list[str] = []
    urls: list[str] = []
    depth = 0
    outside = 0
    links = 0
    hidden: str | None = None  # inside this script or style element
    for child in token.children or []:
        kind = child.type
        if hidden is not None or kind == "html_inline":
            hidden = _after_tag(child, hidden, parts)
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
            if depth == 0 and child.content.strip():
                outside += 1
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "link_open":
            depth += 1
            links += 1
            href = str(child.attrs.get("href") or "")
            if href.startswith(("http://", "https://")):
                urls.append(href)
        elif kind == "link_close":
            depth = max(0, depth - 1)
        elif kind == "image":
            links += 1
            parts.append(child.content)
    text = " ".join("".join(parts).split())
    children = [c for c in token.children or [] if not (c.type == "text" and not c.content.strip())]
    if (level == 0 and len(children) >= 3 and children[0].type == "strong_open"
            and children[-1].type == "strong_close" and len(text) < 100
            and not any(c.type == "strong_open" for c in children[1:-1])
            and not text.endswith((".", ":", "!", "?"))):
        level = 3  # a paragraph that is one short bold phrase is a heading
    return Block(text=text, level=level, link_only=links > 0 and outside == 0, urls=urls)


def _after_tag(child: Token, hidden: str | None, parts: list[str]) -> str | None:
    """The hidden element (script, style) the text after ``child`` is in, if any; a
    tag that breaks a line adds a space to ``parts``."""
    found = tag_name(child.content) if child.type == "html_inline" else None
    if found is None:
        return hidden
    name, closing = found
    if hidden is not None:
        return None if closing and name == hidden else hidden
    if name in HIDDEN_ELEMENTS and not closing:
        return name
    if name == "br" or name in BLOCK_ELEMENTS:
        parts.append(" ")
    return None


def _parse(text: str) -> list[Token]:
    """The tokens of a Markdown text; flattened when it is nested near the limit."""
    tokens = _MD.parse(text)
    if max((t.level for t in tokens), default=0) >= _NESTING_LIMIT - 2:
        tokens = _MD.parse(_CONTAINER_MARKS.sub("", text))
    return tokens


def markdown_blocks(text: str) -> list[Block]:
    """Headings, paragraphs, list items, table rows and code of a Markdown text."""
    tokens = _parse(text)
    blocks: list[Block] = []
    level = 0
    row: list[str] = []
    in_cell = False
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            level = int(token.tag[1:])
        elif kind == "heading_close":
            level = 0
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "tr_close":
            if any(row):
                blocks.append(Block(" | ".join(row)))
            row = []
        elif kind == "inline":
            block = _inline_block(token, level)
            if in_cell:
                row.append(block.text)
            else:
                blocks.append(block)
        elif kind in ("fence", "code_block") and token.content.strip():
            blocks.append(Block(token.content.strip()))
        elif kind == "html_block" and html_text(token.content):
            blocks.append(Block(html_text(token.content)))
    return blocks


class MarkdownReader:
    """Markdown clippings and Markdown with YAML front matter (``.md``, ``.markdown``)."""

    name = "markdown"
    suffixes: tuple[str, ...] = (".md", ".markdown", ".mdown", ".mkd")

    def read(self, text: str, path: str) -> Iterator[Article]:
        meta: dict[str, Any] = {}
        content = text
        if text.lstrip("\ufeff").startswith(("---", "+++")):
            meta, content = _front_matter(text, path)
        fields = fields_from_metadata(meta, path)
        blocks = markdown_blocks(content)
        title = fields.get("title")
        if (title is not None and blocks and blocks[0].level == 1
                and blocks[0].text == " ".join(title.split())):
            blocks = blocks[1:]
        clip = assemble(blocks, title=title)
        values: dict[str, Any] = {
            "title": clip.title,
            "authors": clip.authors,
            "published": clip.published,
            "url": clip.url,
            "sections": clip.sections,
            "body": clip.body,
        }
        values.update({k: v for k, v in fields.items() if k != "body"})
        if not values["title"] and not values["body"]:
            raise ParseError(path, "no title or text")
        yield Article(**values)
