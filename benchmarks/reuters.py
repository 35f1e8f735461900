"""Reuters-21578 as docsearch ``Article`` objects, with the Reuters labels kept aside.

The collection lives outside the repository (``../shared/corpora/reuters21578/``, see its
SOURCE.md): 22 gzipped SGML files, latin-1, with control characters written as numeric
references. Each document becomes an ``Article`` (id ``reuters-NEWID``, the body's
paragraphs rejoined, source "Reuters", no url) and a ``Labels`` record (PEOPLE and
TOPICS slugs, the raw DATE text).

    python benchmarks/reuters.py [FOLDER]      # prints counts as a smoke test
"""

from __future__ import annotations

import gzip
import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

from docsearch import Article
from docsearch.extract.dates import parse_reuters_date

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "reuters21578"

_DOC = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_NEWID = re.compile(r'NEWID="(\d+)"')
_CONTROL = re.compile(r"&#(\d+);")
_PARAGRAPH = re.compile(r"\n {2,}|\n\t")


@attrs.frozen
class Labels:
    """What Reuters says about a document."""

    newid: int
    people: tuple[str, ...]
    topics: tuple[str, ...]
    date_text: str


def _field(record: str, tag: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", record, re.DOTALL)
    return match.group(1) if match else ""


def _slugs(record: str, tag: str) -> tuple[str, ...]:
    return tuple(re.findall(r"<D>(.*?)</D>", _field(record, tag)))


def _text(raw: str) -> str:
    """Control-character references dropped (DEL stands for a lost letter), entities
    decoded."""
    raw = _CONTROL.sub(lambda m: "" if m.group(1) != "127" else "", raw)
    return html.unescape(raw)


def _body(raw: str) -> str:
    text = _text(raw).replace("\r", "")
    text = re.sub(r"\s*Reuter\s*$", "", text.strip())
    paragraphs = [" ".join(p.split()) for p in _PARAGRAPH.split(text)]
    return "\n\n".join(p for p in paragraphs if p)


def read_reuters(folder: str | Path = DEFAULT) -> Iterator[tuple[Article, Labels]]:
    """Every Reuters-21578 document, in NEWID order."""
    files = sorted(Path(folder).glob("reut2-*.sgm.gz"))
    if not files:
        raise FileNotFoundError(f"no reut2-*.sgm.gz files in {folder}")
    for file in files:
        with gzip.open(file, "rb") as handle:
            data = handle.read().decode("latin-1")
        for match in _DOC.finditer(data):
            attributes, record = match.groups()
            newid = int(_NEWID.search(attributes).group(1))  # type: ignore[union-attr]
            date_text = _text(_field(record, "DATE")).strip()
            author = " ".join(_text(_field(record, "AUTHOR")).split())
            author = re.sub(r"^by\s+", "", author, flags=re.IGNORECASE).split(",")[0].strip()
            article = Article(
                id=f"reuters-{newid}",
                title=" ".join(_text(_field(record, "TITLE")).split()),
                body=_body(_field(record, "BODY")),
                authors=[author] if author else [],
                source="Reuters",
                published=parse_reuters_date(date_text),
                path=f"{file.name}#{newid}",
            )
            yield article, Labels(newid, _slugs(record, "PEOPLE"), _slugs(record, "TOPICS"),
                                  date_text)


if __name__ == "__main__":
    count = dated = with_people = 0
    for art, labels in read_reuters(sys.argv[1] if len(sys.argv) > 1 else DEFAULT):
        count += 1
        dated += art.published is not None
        with_people += bool(labels.people)
    print(f"{count} documents, {dated} dated, {with_people} with PEOPLE labels")


def slug_matches(name: str, slug: str) -> bool:
    """Whether an extracted name is the person of a Reuters PEOPLE slug: the slug is the
    whole folded name ("james-baker") or its end ("volcker", "de-larosiere"), or the
    name is the slug's surname alone ("Baker" for "james-baker")."""
    from docsearch.extract.people import fold
    key = "-".join(fold(name).replace("-", " ").split())
    return key == slug or key.endswith("-" + slug) or key == slug.rsplit("-", 1)[-1]
