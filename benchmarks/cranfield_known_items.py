"""A known-item relevance collection made from Cranfield's 1,400 abstracts, of the
same kind as ``ag_news_relevance.py`` makes from AG's News (:mod:`known_items`):
short, half-remembered queries on text that is not news, a held-out check.

Every abstract is a document as Cranfield has it (its text begins with its
title). ``--queries`` abstracts are drawn at random (``--seed``); each gives one
query, alternately from its title and from the first sentence of its abstract
after the title the text repeats, each word kept with probability ``--keep``
(0.3), in order (when fewer than 3 are kept, the first three are kept too; a
title of fewer than 3 words or a sentence of fewer than 4 is passed over). The
abstract and any other with the same title and text are relevant.

    python benchmarks/cranfield_known_items.py OUT [--cranfield FOLDER] [--queries 500]
        [--seed 16] [--keep 0.3]
    python benchmarks/relevance.py OUT
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import known_items

__all__ = ["DEFAULT", "KEEP", "items", "without_title", "write"]

DEFAULT = (Path(__file__).resolve().parent.parent.parent / "shared" / "ir" / "cranfield"
           / "derived")
#: How likely each word of a query's source is to be kept.
KEEP = 0.3


def items(folder: Path) -> list[known_items.Item]:
    """``(doc_id, title, text)`` of every abstract of ``folder/docs.jsonl``, in its order."""
    with (folder / "docs.jsonl").open(encoding="utf-8") as lines:
        return [(str(d["doc_id"]), d.get("title") or "", d.get("text") or "")
                for d in map(json.loads, lines)]


def without_title(title: str, text: str) -> str:
    """The text without the title it begins with (a first sentence to draw from)."""
    return text[len(title):].lstrip() if title and text.startswith(title) else text


def write(out: Path, folder: Path = DEFAULT, queries: int = 500, seed: int = 16,
          keep: float = KEEP) -> tuple[int, int, int]:
    """Write the collection under ``out``; the counts of documents, queries and
    judgments."""
    documents = items(folder)
    sources = [(doc_id, title, without_title(title, text)) for doc_id, title, text in documents]
    return known_items.write(out, documents, queries, seed, keep, sources=sources)


def main(argv: list[str] | None = None) -> int:
    return known_items.main(argv, __doc__, write, "--cranfield", DEFAULT, KEEP, "docs.jsonl")


if __name__ == "__main__":
    sys.exit(main())
