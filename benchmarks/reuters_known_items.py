"""A known-item relevance collection made from Reuters-21578, of the same kind as
``ag_news_relevance.py`` makes from AG's News (:mod:`known_items`): a second
collection of short, half-remembered news queries, to find out what docsearch's
score loses on them without tuning on AG's News.

Every Reuters story with a title or a body is a document (title; body as text).
``--queries`` stories are drawn at random (``--seed``); each gives one query,
alternately from its title and from its body's first sentence (the ``CITY,
Month D - `` lead left out), each word kept with probability ``--keep`` (0.3:
the short fragments of AG's ``--keep 0.3`` set); a first "sentence" of more than
:data:`LONGEST` words (an earnings table has no sentence end) is passed over. The
story and any other with the same title and body are relevant.

    python benchmarks/reuters_known_items.py OUT [--reuters FOLDER] [--queries 500]
        [--seed 16] [--keep 0.3]
    python benchmarks/relevance.py OUT

The output is derived from Reuters-21578 (research use only, see its SOURCE.md):
write it outside the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

import known_items
from reuters import DEFAULT, read_reuters

__all__ = ["KEEP", "LONGEST", "items", "write"]

#: How likely each word of a query's source is to be kept.
KEEP = 0.3
#: The most words a query's source may have.
LONGEST = 50


def items(folder: Path) -> list[known_items.Item]:
    """``(doc_id, title, text)`` of every story with a title or a body, in NEWID order."""
    return [(article.id, article.title, article.body) for article, _labels in read_reuters(folder)
            if article.title or article.body]


def write(out: Path, folder: Path = DEFAULT, queries: int = 500, seed: int = 16,
          keep: float = KEEP) -> tuple[int, int, int]:
    """Write the collection under ``out``; the counts of documents, queries and
    judgments."""
    return known_items.write(out, items(folder), queries, seed, keep, LONGEST)


def main(argv: list[str] | None = None) -> int:
    return known_items.main(argv, __doc__, write, "--reuters", DEFAULT, KEEP)


if __name__ == "__main__":
    sys.exit(main())
