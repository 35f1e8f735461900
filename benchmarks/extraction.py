"""How right and how fast extraction is: people on every gold set, Reuters person pairs,
dates, and topics per corpus and class.

    python benchmarks/extraction.py [--reuters DIR] [--ag DIR] [--misses]

Reads Reuters-21578 through ``benchmarks/reuters.py`` into ``Article`` objects (the
Reuters PEOPLE, TOPICS and DATE labels kept aside), runs each extractor on one core
(process time) and prints three tables:

- people: precision / recall on each hand-read gold set (``gold_sets.py``: Reuters 200,
  sample_docs, unseen1, unseen2, the dev set, all *tuned*; unseen3 and unseen4, *seen*
  (read after an issue-17 round); unseen5, *tuned* (read after the third round, tuned on
  in the fourth); unseen6 and unseen7, *tuned* (read and tuned on in earlier rounds);
  unseen8, 60 clippings, and unseen9, people read by hand on 150 AG News items, *tuned*
  (measured unseen once, read and tuned on in the ninth people round); unseen10, people
  read by hand on 250 AG News items, *seen* (measured once after the ninth round, misses
  read); the AG News sets are read from
  ``../shared``, left out with a reason without it; unseen11, 50 clippings written
  and committed before the extractor ran on them, *seen* likewise; unseen12 and unseen14,
  50 longer stories each, and unseen13 and unseen15, people read by hand on 250 more AG
  News items each, written and committed likewise, *seen*: each measured before and after
  the rounds of the session that wrote it, then its misses read; unseen16, people read by
  hand on 250 more AG News items, and unseen17, 50 longer stories written and committed
  likewise, *seen*: measured before and after the rounds of the session that wrote them
  (briefs Z25 to Z34 never read them), then their misses read; unseen18, people read by
  hand on 250 more AG News items, and unseen19, 60 own-written stories in a national
  broadcaster's web style, written and committed likewise, *seen*: measured by the lead
  before and after the rounds of the session that wrote them (briefs Z36 to Z44 never read
  them), then their misses read; unseen20, people read by hand on 250 more AG News items,
  and unseen21, 50 own-written longer stories from a national broadcaster's UK-wide desks,
  written and committed likewise, *seen*: measured by the lead before and after the rounds
  of the session that wrote them (briefs Z47 to Z49 never read them), then their misses
  read; unseen22, people read by hand on 250 more AG News items, and unseen23, 50
  own-written pages in a national broadcaster's web formats (line-ups, results, quote
  pages, charts), written and committed likewise, *seen*: measured by the lead before and
  after the rounds of the session that wrote them (briefs Z50 to Z58 never read them), then
  their misses read), each
  set resolved as one collection by :class:`docsearch.extract.registry.PeopleRegistry` as the
  index does; person pair recall on Reuters (of the (document, PEOPLE label) pairs, the
  share whose person is among the document's people) and the people extractor's speed;
- dates: documents whose date equals the timestamp python-dateutil reads from the DATE
  field's leading ``DD-MON-YYYY HH:MM:SS``;
- topics: ``topics_eval.py``'s table (top-1 per corpus and class, keywords alone and with
  the model each collection learns from itself).

Results go into ``docs/extraction.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from pathlib import Path

from dateutil import parser as dateparser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gold_sets import (  # noqa: E402
    GoldDoc,
    PeopleScore,
    add_skip_option,
    local_sets,
    resolved,
    score_people,
    shared_sets,
)
from people_gold import load_gold  # noqa: E402
from reuters import DEFAULT, read_reuters, slug_matches  # noqa: E402
from topics_eval import AG_DEFAULT, corpora, topic_lines  # noqa: E402

from docsearch.extract.dates import parse_reuters_date  # noqa: E402
from docsearch.extract.people import find_people  # noqa: E402
from docsearch.extract.topics import default_taxonomy  # noqa: E402

_LEADING = re.compile(r"^\s*(\d{1,2}-[A-Z]{3}-\d{4}\s+\d{1,2}:\d{2}:\d{2})", re.IGNORECASE)
#: The gold sets, in the order printed, and whether rules were tuned on them.
TUNED = {"reuters": "tuned", "sample": "tuned", "unseen1": "tuned", "unseen2": "tuned",
         "dev": "tuned (dev)", "unseen3": "seen", "unseen4": "seen",
         "unseen5": "tuned", "unseen6": "tuned", "unseen7": "tuned",
         "unseen8": "tuned", "unseen9": "tuned", "unseen10": "seen",
         "unseen11": "seen", "unseen12": "seen", "unseen13": "seen",
         "unseen14": "seen", "unseen15": "seen", "unseen16": "seen",
         "unseen17": "seen", "unseen18": "seen",
         "unseen19": "seen", "unseen20": "seen", "unseen21": "seen",
         "unseen22": "seen", "unseen23": "seen"}


def expected_date(text: str) -> dt.datetime | None:
    """The timestamp of a DATE field by a second, independent parser."""
    match = _LEADING.match(text)
    if not match:
        return None
    try:
        return dateparser.parse(match.group(1))
    except (ValueError, OverflowError):
        return None


def pair_recall(docs: list, people: dict[str, tuple[str, ...]]) -> tuple[int, int, list[str]]:
    """Reuters (document, PEOPLE label) pairs whose person the document's people hold."""
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
    return hits, pairs, misses


def people_row(name: str, docs: int, found: PeopleScore) -> str:
    return (f"| {name} | {TUNED.get(name, '')} | {docs} | {found.precision:.3f} "
            f"({found.tp}/{found.tp + found.fp}) | {found.recall:.3f} "
            f"({found.found_gold}/{found.gold}) |")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--ag", type=Path, default=AG_DEFAULT)
    parser.add_argument("--misses", action="store_true", help="list misses and false hits")
    add_skip_option(parser, "gold sets and corpora to leave out (--skip unseen8 --skip "
                            "unseen9 --skip unseen10 --skip unseen11 --skip unseen12 "
                            "--skip unseen13 --skip unseen14 --skip unseen15 "
                            "--skip unseen16 --skip unseen17 --skip unseen18 "
                            "--skip unseen19 --skip unseen20 --skip unseen21 --skip unseen22 "
                            "--skip unseen23 while tuning)")
    return parser


def main() -> None:
    args = build_parser().parse_args()
    docs = list(read_reuters(args.reuters))
    find_people("Warm Up", "President Joe Biden spoke.")

    start = time.process_time()
    found = {a.id: find_people(a.title, a.body, a.sections) for a, _ in docs}
    people_rate = len(docs) / (time.process_time() - start)
    start = time.process_time()
    people = resolved(found)
    registry_seconds = time.process_time() - start
    hits, pairs, misses = pair_recall(docs, people)

    gold = load_gold()
    by_id = {a.id: a for a, _ in docs}
    reuters_gold = [GoldDoc(i, by_id[i].title, by_id[i].body, tuple(names))
                    for i, names in gold.items()]
    shared, absent = shared_sets(args.ag)
    for reason in absent:
        print(reason)
    every = {"reuters": reuters_gold, **local_sets(), **shared}
    sets = {name: docs for name, docs in every.items() if name not in args.skip}
    print("People: precision and recall per gold set (each resolved as one collection)\n")
    print("| gold set | rules | docs | precision | recall |")
    print("|---|---|---|---|---|")
    errors: list[str] = []
    for name, gold_docs in sets.items():
        got = ({d.id: people[d.id] for d in gold_docs} if name == "reuters" else resolved(
            {d.id: find_people(d.title, d.body, d.sections) for d in gold_docs}))
        result = score_people(got, gold_docs)
        print(people_row(name, len(gold_docs), result))
        errors += [f"[{name}]", *result.errors]
    print(f"\nReuters person pair recall: {hits / pairs:.3f} ({hits:,} / {pairs:,} pairs); "
          f"people {people_rate:,.0f} docs/s on one core; collection-wide resolution "
          f"{registry_seconds:.2f} s")

    start = time.process_time()
    dates = [parse_reuters_date(labels.date_text) for _, labels in docs]
    date_rate = len(docs) / (time.process_time() - start)
    right = sum(1 for d, (_, labels) in zip(dates, docs, strict=True)
                if d is not None and d == expected_date(labels.date_text))
    print(f"Dates: {right / len(docs):.4f} right ({right:,} / {len(docs):,}), "
          f"{date_rate:,.0f} docs/s\n")

    print("Topics: top-1 per corpus and class\n")
    print("\n".join(topic_lines(corpora(args.reuters, args.ag, args.skip),
                                default_taxonomy())))
    if args.misses:
        print("\n".join(["", *misses, "", *errors]))


if __name__ == "__main__":
    main()
