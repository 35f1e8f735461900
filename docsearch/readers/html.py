"""HTML pages: metadata from ``<meta>``, ``<link>``, ``<time>`` and JSON-LD; the body
from the article element, without scripts, navigation, footers and page furniture.

Title: ``og:title``, else the article's ``<h1>``, else ``<title>`` without a
trailing " | Site" part. Date: ``article:published_time`` and similar meta,
JSON-LD ``datePublished``, else the first ``<time datetime>`` in the article.
Authors: ``author`` / ``article:author`` meta, JSON-LD, or a byline element.
Url: ``<link rel="canonical">`` or ``og:url``. Source: ``og:site_name`` (else
derived from the url later).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from bs4 import BeautifulSoup, CData, NavigableString, Tag

from docsearch.errors import ParseError
from docsearch.extract.dates import coerce_date
from docsearch.models import Article
from docsearch.readers.clipping import Block, assemble, parse_byline
from docsearch.readers.tags import BLOCK_ELEMENTS

__all__ = ["HtmlReader"]

# (``title`` matters in a page without a body element, which is read as a whole; its
# ``head`` stays, since a page that never closes it has all its text in it.)
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe", "svg",
              "button", "template", "select", "input", "figcaption", "header", "menu", "dialog",
              "title")
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:cookie|consent|banner|newsletter|subscri|promo|advert|ads?|share|social"
    r"|related|recommend|most-?read|popular|trending|sidebar|comments?|breadcrumb|paywall"
    r"|signup|sign-up|byline|author|dateline|timestamp|skip|masthead|toolbar|modal|popup)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date",
              "pubdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
              "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
              "published_time", "release_date")
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "parsely-author",
                "sailthru.author")
_TITLE_SPLIT = re.compile(r"\s+[|–—·•:-]\s+")


def _meta(soup: BeautifulSoup, names: tuple[str, ...]) -> list[str]:
    found: dict[str, list[str]] = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "")
        key = str(key).strip().lower()
        content = tag.get("content")
        if key in names and content and str(content).strip():
            found.setdefault(key, []).append(str(content).strip())
    return [value for name in names for value in found.get(name, [])]


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _json_ld(soup: BeautifulSoup) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for tag in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(tag.string or "")
        except (ValueError, TypeError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                if "@graph" in item and isinstance(item["@graph"], list):
                    stack.extend(item["@graph"])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and k.endswith(("Article", "Posting", "Report"))
                       for k in kinds):
                    out.append(item)
            elif isinstance(item, list):
                stack.extend(item)
    return out


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [str(value["name"])] if value.get("name") else []
    if isinstance(value, list):
        return [n for item in value for n in _ld_names(item)]
    return []


def _clean_title(title: str, site: str | None, guess: bool) -> str:
    """``title`` without a trailing " | Site" part: the site's name when it is known;
    with ``guess`` (a ``<title>`` element), also a short last part."""
    parts = _TITLE_SPLIT.split(title)
    if len(parts) > 1:
        if site and parts[-1].strip().lower() == site.lower():
            return " ".join(parts[:-1]).strip()
        if guess and len(parts[-1]) < 40 and len(parts[0]) > len(parts[-1]):
            return _TITLE_SPLIT.split(title, maxsplit=len(parts) - 2)[0].strip()
    return title.strip()


def _is_furniture(tag: Tag) -> bool:
    attrs = tag.attrs or {}
    names = " ".join(attrs.get("class") or []) + " " + str(attrs.get("id") or "")
    role = str(attrs.get("role") or "")
    return bool(_FURNITURE.search(names)) or role in ("navigation", "banner", "contentinfo",
                                                      "complementary", "dialog", "alert")


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text().split())


class _BlockWalker:
    """Cuts an element's text into blocks at the edges of block elements, so that text
    directly inside a ``<div>`` is kept and inline elements (``<em>``, ``<a>``) never
    split a paragraph."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._link_parts: list[str] = []
        self._level = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            link_text = "".join("".join(self._link_parts).split())
            self.blocks.append(Block(text, self._level, link_only=bool(link_text)
                                     and len(link_text) >= len(text) - 2))
        self._parts, self._link_parts = [], []

    def walk(self, root: Tag) -> list[Block]:
        """The blocks of ``root``'s text, in document order (no recursion: any depth)."""
        # To do: (node, inside a link) pairs, and (level, False) to end a block element.
        todo: list[tuple[Any, bool]] = [(c, False) for c in reversed(root.contents)]
        while todo:
            node, in_link = todo.pop()
            if isinstance(node, int):
                self._flush()
                self._level = node  # back to the enclosing element's level
            elif isinstance(node, Tag):
                if node.name in BLOCK_ELEMENTS:
                    self._flush()
                    todo.append((self._level, False))
                    if node.name[0] == "h" and node.name[1:].isdigit():
                        self._level = int(node.name[1:])
                in_link = in_link or node.name == "a"
                todo.extend((c, in_link) for c in reversed(node.contents))
            elif type(node) in (NavigableString, CData):
                self._parts.append(str(node))
                if in_link:
                    self._link_parts.append(str(node))
        self._flush()
        return self.blocks


class HtmlReader:
    """HTML article pages (``.html``, ``.htm``)."""

    name = "html"
    suffixes: tuple[str, ...] = (".html", ".htm", ".xhtml")

    def read(self, text: str, path: str) -> Iterator[Article]:
        soup = BeautifulSoup(text, "html.parser")
        for br in soup.find_all("br"):
            br.replace_with(" ")
        ld = _json_ld(soup)
        site = _first(_meta(soup, ("og:site_name", "application-name")))
        if not site:
            for item in ld:
                site = _first(_ld_names(item.get("publisher")))
                if site:
                    break

        url = None
        canonical = soup.find("link", rel="canonical")
        if isinstance(canonical, Tag) and str(canonical.get("href") or "").startswith("http"):
            url = str(canonical["href"]).strip()
        url = url or _first(_meta(soup, ("og:url",)))

        published = None
        for value in _meta(soup, _DATE_META) + [str(i.get("datePublished") or "") for i in ld]:
            published = coerce_date(value)
            if published:
                break

        authors = [a for a in _meta(soup, _AUTHOR_META) if not a.startswith("http")]
        if not authors:
            authors = [n for item in ld for n in _ld_names(item.get("author"))]

        # Byline and <time> elements are read before the page furniture goes.
        root = self._content_root(soup)
        if not authors and root is not None:
            for tag in root.select('[rel="author"], .byline, .author, [itemprop="author"]'):
                byline = parse_byline(_text(tag)) or ([_text(tag)], None)
                authors = byline[0]
                break
        if published is None and root is not None:
            for tag in root.find_all("time"):
                published = coerce_date(tag.get("datetime") or _text(tag))
                if published:
                    break

        title = _first(_meta(soup, ("og:title", "twitter:title")))
        h1 = root.find("h1") if root is not None else None
        if not title and isinstance(h1, Tag):
            title = _text(h1)
        from_title_tag = not title and bool(soup.title and soup.title.string)
        if from_title_tag:
            title = str(soup.title.string)  # type: ignore[union-attr]
        title = _clean_title(" ".join((title or "").split()), site, guess=from_title_tag)

        blocks: list[Block] = []
        if root is not None:
            for tag in root.find_all(list(_DROP_TAGS)):
                tag.decompose()
            size = len(_text(root))
            for tag in root.find_all(_is_furniture):
                if len(tag.find_all("p", limit=2)) == 2 and len(_text(tag)) * 2 > size:
                    continue  # paragraphs with most of the text: the article's own box
                tag.decompose()
            blocks = [b for b in _BlockWalker().walk(root)
                      if not (b.level == 1 and b.text == title)]
        if not blocks and not title:
            raise ParseError(path, "no article text in the HTML")
        if not blocks:
            raise ParseError(path, "no article text in the HTML (only a title)")
        clip = assemble(blocks, title=title)
        yield Article(
            title=clip.title,
            authors=authors or clip.authors,
            published=published or clip.published,
            url=url or clip.url,
            source=site,
            sections=clip.sections,
            body=clip.body,
        )

    @staticmethod
    def _content_root(soup: BeautifulSoup) -> Tag | None:
        articles = soup.find_all("article")
        if articles:
            return max(articles, key=lambda t: len(t.get_text()))
        for selector in ('[role="main"]', "main", '[itemprop="articleBody"]', "body"):
            found = soup.select_one(selector)
            if found is not None:
                return found
        return soup if soup.get_text().strip() else None
