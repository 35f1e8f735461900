"""How right and how fast extraction is on Reuters-21578: people, dates, topics.

    python benchmarks/extraction.py [--reuters DIR] [--misses]

Reads the 21,578 documents through ``benchmarks/reuters.py`` into ``Article`` objects
(the Reuters PEOPLE, TOPICS and DATE labels kept aside), runs each extractor on one
core and prints one table:

- person pair recall: of the (document, PEOPLE label) pairs, the share whose person
  is among the document's people after the collection-wide resolution the index
  applies (:class:`docsearch.extract.registry.PeopleRegistry`);
- gold precision / recall: on the 200 hand-read documents of
  ``benchmarks/data/reuters_people_gold.jsonl`` (see ``people_gold.py``);
- date accuracy: documents whose date equals the timestamp python-dateutil reads
  from the DATE field's leading ``DD-MON-YYYY HH:MM:SS``;
- topic agreement: documents with a body and Reuters TOPICS whose IPTC topic (by
  ``TOPIC_MAP``) is docsearch's first topic (top-1) or among its topics (hit).

Results go into ``docs/extraction.md``.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import re
import sys
import time
from pathlib import Path

from dateutil import parser as dateparser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from people_gold import load_gold  # noqa: E402
from reuters import DEFAULT, read_reuters, slug_matches  # noqa: E402

from docsearch.extract.dates import parse_reuters_date  # noqa: E402
from docsearch.extract.people import find_people, fold  # noqa: E402
from docsearch.extract.registry import PeopleRegistry  # noqa: E402
from docsearch.extract.topics import default_taxonomy  # noqa: E402

ECONOMY = "economy, business and finance"
#: Reuters TOPICS to IPTC top-level topics. Every Reuters topic is an economic or
#: commodity category except these; a document's IPTC topics are its topics' images.
TOPIC_MAP: dict[str, str] = {"jobs": "labour"}
_LEADING = re.compile(r"^\s*(\d{1,2}-[A-Z]{3}-\d{4}\s+\d{1,2}:\d{2}:\d{2})", re.IGNORECASE)


def iptc(topic: str) -> str:
    return TOPIC_MAP.get(topic, ECONOMY)


def gold_match(found: str, gold: str) -> bool:
    """An extracted name is a gold name: the same (ignoring case and accents), or the
    same surname when one of them is a surname alone ("Reagan" / "Ronald Reagan")."""
    a, b = fold(found).split(), fold(gold).split()
    return a == b or a[-1:] == b[-1:] and (len(a) == 1 or len(b) == 1)


def expected_date(text: str) -> dt.datetime | None:
    """The timestamp of a DATE field by a second, independent parser."""
    match = _LEADING.match(text)
    if not match:
        return None
    try:
        return dateparser.parse(match.group(1))
    except (ValueError, OverflowError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list misses and false hits")
    args = parser.parse_args()
    docs = list(read_reuters(args.reuters))
    gold = load_gold()
    taxonomy = default_taxonomy()
    taxonomy.classify("warm up", "warm up the stemmer cache")
    find_people("Warm Up", "President Joe Biden spoke.")

    start = time.process_time()
    found = {a.id: find_people(a.title, a.body, a.sections) for a, _ in docs}
    people_rate = len(docs) / (time.process_time() - start)

    start = time.process_time()
    dates = [parse_reuters_date(labels.date_text) for _, labels in docs]
    date_rate = len(docs) / (time.process_time() - start)

    start = time.process_time()
    topics = {a.id: taxonomy.classify(a.title, a.body) for a, _ in docs}
    topic_rate = len(docs) / (time.process_time() - start)

    start = time.process_time()
    registry = PeopleRegistry(
        collections.Counter(p for f in found.values() for p in f.people),
        collections.Counter(s for f in found.values() for s in f.surnames))
    people = {i: registry.people(f.people, f.surnames) for i, f in found.items()}
    registry_seconds = time.process_time() - start

    pairs = hits = 0
    misses = []
    for article, labels in docs:
        for slug in labels.people:
            pairs += 1
            if any(slug_matches(p, slug) for p in people[article.id]):
                hits += 1
            else:
                misses.append(f"  miss {article.id} {slug}: {people[article.id]} "
                              f"| {article.title[:70]}")

    tp = fp = found_gold = gold_total = 0
    wrong = []
    for doc_id, names in gold.items():
        got = people[doc_id]
        for name in got:
            if any(gold_match(name, g) for g in names):
                tp += 1
            else:
                fp += 1
                wrong.append(f"  false {doc_id} {name!r}")
        for g in names:
            gold_total += 1
            if any(gold_match(name, g) for name in got):
                found_gold += 1
            else:
                wrong.append(f"  missed {doc_id} {g!r} (found {got})")

    right_dates = sum(
        1 for d, (_, labels) in zip(dates, docs, strict=True)
        if d is not None and d == expected_date(labels.date_text))

    top1 = hit = labelled = 0
    for article, labels in docs:
        if not labels.topics or not article.body:
            continue
        labelled += 1
        wanted = {iptc(t) for t in labels.topics}
        got_topics = topics[article.id]
        top1 += bool(got_topics) and got_topics[0] in wanted
        hit += bool(wanted & set(got_topics))

    precision = tp / (tp + fp) if tp + fp else 1.0
    rows = [
        ("people", "person pair recall (Reuters PEOPLE)", f"{hits / pairs:.3f}",
         f"{hits:,} / {pairs:,} pairs", f"{people_rate:,.0f}"),
        ("people", "gold precision (200 documents)", f"{precision:.3f}",
         f"{tp} / {tp + fp} names", ""),
        ("people", "gold recall (200 documents)", f"{found_gold / gold_total:.3f}",
         f"{found_gold} / {gold_total} names", ""),
        ("people", "collection-wide resolution", "", f"{registry_seconds:.2f} s",
         ""),
        ("dates", "right timestamp", f"{right_dates / len(docs):.4f}",
         f"{right_dates:,} / {len(docs):,}", f"{date_rate:,.0f}"),
        ("topics", "IPTC top-1 agreement", f"{top1 / labelled:.3f}",
         f"{top1:,} / {labelled:,}", f"{topic_rate:,.0f}"),
        ("topics", "IPTC among topics", f"{hit / labelled:.3f}", f"{hit:,} / {labelled:,}", ""),
    ]
    print(f"Reuters-21578: {len(docs):,} documents; docs/s on one core (process time)\n")
    print(f"| {'extractor':<9} | {'measure':<37} | {'value':>6} | {'count':<22} | "
          f"{'docs/s':>7} |")
    print(f"|{'-' * 11}|{'-' * 39}|{'-' * 8}|{'-' * 24}|{'-' * 9}|")
    for row in rows:
        print(f"| {row[0]:<9} | {row[1]:<37} | {row[2]:>6} | {row[3]:<22} | {row[4]:>7} |")
    if args.misses:
        print("\n".join(["", *misses, "", *wrong]))


if __name__ == "__main__":
    main()
