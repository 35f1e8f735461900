"""A news relevance collection made from Reuters-21578's TOPICS labels, in the
layout ``benchmarks/relevance.py`` reads, so that ranking choices are checked on
news as well as on Cranfield's aeronautics abstracts.

Each TOPICS category with at least ``--min-docs`` documents becomes a query: its
name as ``cat-descriptions_120396.txt`` gives it ("Money/Foreign Exchange
(MONEY-FX)" -> ``money foreign exchange``; a bare code such as ``COCOA`` ->
``cocoa``; codes with one-letter parts such as ``F-CATTLE`` are left out). Every
document labelled with the category is relevant (grade 1), every other one is
not: the judgments are complete but say "about this subject", not "answers this
question", so the numbers are comparable between systems, not to TREC figures.
Documents are every Reuters story with a title or body (title, body as text).

    python benchmarks/reuters_relevance.py OUT [--reuters FOLDER] [--min-docs 5]
    python benchmarks/relevance.py OUT

The output is derived from Reuters-21578 (research use only, see its SOURCE.md):
write it outside the repository.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from reuters import DEFAULT, read_reuters

_NAMED = re.compile(r"^(.+?)\s*\(([A-Z][A-Z-]*)\)\s*$")
_CODE = re.compile(r"^([A-Z][A-Z-]*)\s*$")


def topic_queries(folder: Path) -> dict[str, str]:
    """TOPICS code (as the labels write it, lower case) -> query text."""
    lines = (folder / "cat-descriptions_120396.txt").read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("****Subject Codes"))
    queries: dict[str, str] = {}
    for line in lines[start + 1:]:
        if line.startswith("@heading"):  # the organisation codes: not TOPICS
            break
        line = line.strip()
        named = _NAMED.match(line)
        if named:
            name, code = named.groups()
        elif _CODE.match(line):
            code, name = line, line
        else:
            continue
        parts = code.lower().split("-")
        if any(len(part) < 2 for part in parts):
            continue
        words = " ".join(re.findall(r"[a-z]+", name.lower()))
        queries[code.lower()] = words
    return queries


def write(out: Path, folder: Path = DEFAULT, min_docs: int = 5) -> tuple[int, int, int]:
    """Write docs.jsonl, queries.tsv and qrels.trec under ``out``; returns the
    counts of documents, queries and judgments."""
    queries = topic_queries(folder)
    relevant: dict[str, list[str]] = defaultdict(list)
    out.mkdir(parents=True, exist_ok=True)
    documents = 0
    with (out / "docs.jsonl").open("w", encoding="utf-8") as docs:
        for article, labels in read_reuters(folder):
            if not (article.title or article.body):
                continue
            documents += 1
            docs.write(json.dumps({"doc_id": article.id, "title": article.title,
                                   "text": article.body}) + "\n")
            for topic in labels.topics:
                relevant[topic].append(article.id)
    kept = [(code, text) for code, text in queries.items()
            if len(relevant.get(code, ())) >= min_docs]
    judgments = 0
    with (out / "queries.tsv").open("w", encoding="utf-8") as qfile, \
            (out / "qrels.trec").open("w", encoding="utf-8") as qrels:
        for number, (code, text) in enumerate(kept, 1):
            qfile.write(f"{number}\t{text}\n")
            for doc_id in relevant[code]:
                qrels.write(f"{number} 0 {doc_id} 1\n")
                judgments += 1
    return documents, len(kept), judgments


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--min-docs", type=int, default=5)
    args = parser.parse_args(argv)
    docs, queries, judgments = write(args.out, args.reuters, args.min_docs)
    print(f"{args.out}: {docs:,} documents, {queries} queries, {judgments:,} judgments")
    return 0


if __name__ == "__main__":
    sys.exit(main())
