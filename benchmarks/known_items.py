"""Known-item relevance collections, in the layout ``benchmarks/relevance.py``
reads: each query recalls one news item as a reader half-remembers it, and that
item (with any exact duplicate) is the one relevant document, so MAP is the mean
reciprocal rank. ``ag_news_relevance.py``, ``reuters_known_items.py`` and
``cranfield_known_items.py`` make theirs here, from their own items.

Items are drawn at random (``seed``); each gives one query, alternately from its
title (a source's ``(AP)``-style tag at the end left out) and from the first
sentence of its text (a ``SOURCE - `` or ``CITY (Reuters) - `` lead left out),
each word kept with probability ``keep``, in order (when fewer than 3 are kept,
the first three are kept too; a title of fewer than 3 words or a sentence of
fewer than 4 is passed over for the next item drawn). The relevant documents are
the item and any other with the same title and text, grade 1.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

__all__ = ["KEEP", "Item", "Writer", "main", "source_words", "write"]

#: How likely each word of a query's source is to be kept.
KEEP = 0.6
_TAG = re.compile(r"\s*\([^()]*\)\s*$")  # "(AP)", "(Reuters)" after a title
_LEAD = re.compile(r"^[^.!?]{0,80}?\s(?:-|--)\s")  # "AP - ", "TORONTO (Reuters) - "
_SENTENCE = re.compile(r"^.+?[.!?](?=\s|$)")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*")

#: An item: ``(doc_id, title, text)``.
Item = tuple[str, str, str]


def source_words(title: str, text: str, from_title: bool) -> list[str]:
    """The words a query is drawn from: the title without its trailing source tag,
    or the text's first sentence without its lead."""
    if from_title:
        return _WORD.findall(_TAG.sub("", title))
    body = _LEAD.sub("", text, count=1)
    first = _SENTENCE.match(body)
    return _WORD.findall(first.group(0) if first else body)


def write(out: Path, items: Sequence[Item], queries: int = 500, seed: int = 16,
          keep: float = KEEP, longest: int | None = None,
          sources: Sequence[Item] | None = None) -> tuple[int, int, int]:
    """Write docs.jsonl (every item), queries.tsv and qrels.trec under ``out``;
    returns the counts of documents, queries and judgments. ``longest``: a source
    of more words (a table with no sentence end) is passed over too. ``sources``:
    what each item's query is drawn from, item for item (default: the items; a
    text that repeats its title gives its text without it)."""
    same: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc_id, title, text in items:
        same[(title, text)].append(doc_id)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "docs.jsonl").open("w", encoding="utf-8") as docs:
        for doc_id, title, text in items:
            docs.write(json.dumps({"doc_id": doc_id, "title": title, "text": text}) + "\n")
    chance = random.Random(seed)
    order = list(range(len(items)))
    chance.shuffle(order)
    judgments = 0
    made = 0
    with (out / "queries.tsv").open("w", encoding="utf-8") as qfile, \
            (out / "qrels.trec").open("w", encoding="utf-8") as qrels:
        for index in order:
            if made == queries:
                break
            _, title, text = (sources or items)[index]
            from_title = made % 2 == 0
            words = source_words(title, text, from_title)
            if len(words) < (3 if from_title else 4) or len(words) > (longest or len(words)):
                continue
            kept = [i for i in range(len(words)) if chance.random() < keep]
            if len(kept) < 3:  # too few kept: the first three words are kept too
                kept = sorted(set(kept) | {0, 1, 2})
            made += 1
            qfile.write(f"{made}\t{' '.join(words[i] for i in kept)}\n")
            for relevant in same[items[index][1:]]:
                qrels.write(f"{made} 0 {relevant} 1\n")
                judgments += 1
    return len(items), made, judgments


#: A builder's ``write(out, folder, queries, seed, keep)``: the counts of documents,
#: queries and judgments.
Writer = Callable[[Path, Path, int, int, float], tuple[int, int, int]]


def main(argv: list[str] | None, doc: str, writer: Writer, option: str, folder: Path,
         keep: float, needs: str | None = None) -> int:
    """A builder's command line: ``OUT [OPTION FOLDER] [--queries 500] [--seed 16]
    [--keep KEEP]`` (``doc``: the builder's docstring; ``needs``: a file the folder
    must hold, else a one-line error)."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument(option, dest="folder", type=Path, default=folder,
                        help=f"the folder holding the corpus{f' ({needs})' if needs else ''}")
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--keep", type=float, default=keep,
                        help="how likely each word is to be kept (default %(default)s)")
    args = parser.parse_args(argv)
    if needs and not (args.folder / needs).is_file():
        print(f"error: no {needs} in {args.folder}", file=sys.stderr)
        return 2
    try:
        docs, made, judgments = writer(args.out, args.folder, args.queries, args.seed, args.keep)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.out}: {docs:,} documents, {made} queries, {judgments:,} judgments")
    return 0
