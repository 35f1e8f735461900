"""A known-item relevance collection made from AG's News (the test split: 7,600
news items in 4 classes), in the layout ``benchmarks/relevance.py`` reads: a
held-out check for ranking choices made on Cranfield and Reuters topics.

Every item is a document (its title; its description as text; ``#36;``-style
character references and backslash line breaks written out). ``--queries``
items are drawn at random (``--seed``); each gives one query that recalls it as
a reader would half-remember it: alternately from its title (the source's
``(AP)``-style tag at the end left out) and from the first sentence of its
description (the ``SOURCE - `` or ``CITY (Reuters) - `` lead left out), each
word kept with probability 0.6 (``--keep``), in order (when fewer than 3 are kept, the first
three are kept too; a title of fewer than 3 words or a sentence of fewer than 4
is passed over for the next item drawn).
The relevant documents are the item and any other with the same title and
description (the split has duplicates), grade 1. The construction was fixed
before any ranking was measured on it, and no ranking choice is tuned on it.

    python benchmarks/ag_news_relevance.py OUT [--corpus FOLDER] [--queries 500] [--seed 16]
        [--keep 0.6]
    python benchmarks/relevance.py OUT

The output is derived from AG's News (non-commercial research use, see its
SOURCE.md and readme.txt): write it outside the repository.
"""

from __future__ import annotations

import csv
import gzip
import html
import re
import sys
from pathlib import Path

import known_items
from known_items import KEEP, source_words

__all__ = ["KEEP", "clean", "read", "source_words", "write"]

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "ag_news"
_REFERENCE = re.compile(r"#(\d+);")


def clean(text: str) -> str:
    """AG's text with its escapes written out: ``#36;`` is ``$``, ``\\`` a space."""
    text = _REFERENCE.sub(lambda m: f" {chr(int(m.group(1)))}", text.replace("\\", " "))
    return " ".join(html.unescape(text).split())


def read(folder: Path) -> list[tuple[str, str, str]]:
    """``(doc_id, title, text)`` of every item of the test split, in file order."""
    with gzip.open(folder / "test.csv.gz", "rt", encoding="utf-8", newline="") as lines:
        return [(f"ag{number:05d}", clean(row[1]), clean(row[2]))
                for number, row in enumerate(csv.reader(lines), 1)]


def write(out: Path, folder: Path = DEFAULT, queries: int = 500, seed: int = 16,
          keep: float = KEEP) -> tuple[int, int, int]:
    """Write docs.jsonl, queries.tsv and qrels.trec under ``out``
    (:func:`known_items.write`); returns the counts of documents, queries and
    judgments."""
    return known_items.write(out, read(folder), queries, seed, keep)


def main(argv: list[str] | None = None) -> int:
    return known_items.main(argv, __doc__, write, "--corpus", DEFAULT, KEEP, "test.csv.gz")


if __name__ == "__main__":
    sys.exit(main())
