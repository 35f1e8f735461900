"""The benchmark suite's corpora and query mix (see ``benchmarks/suite.py``): the corpus
as JSON lines, the new articles of the incremental steps, and the queries drawn from what
docsearch holds."""

from __future__ import annotations

import collections
import json
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from suite_common import CLASSES, NEW_ARTICLES, TEXT_WORD, QuerySpec, eng

# ============================================================================ corpora


def write_corpus(name: str, folder: Path, size: int, seed: int, reuters: Path) -> int:
    """``corpus.jsonl`` and ``new.jsonl`` for a corpus; returns the corpus size."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for article in _articles(name, size, seed, reuters):
            out.write(json.dumps(eng.article_record(article), ensure_ascii=False) + "\n")
            count += 1
    with (folder / "new.jsonl").open("w", encoding="utf-8") as out:
        for article in _new_articles(name, count, seed, reuters, folder):
            out.write(json.dumps(eng.article_record(article), ensure_ascii=False) + "\n")
    return count


def _articles(name: str, size: int, seed: int, reuters: Path) -> Iterable[Any]:
    if name == "reuters":
        from reuters import read_reuters
        for k, (article, _) in enumerate(read_reuters(reuters)):
            if size and k >= size:
                return
            yield article
    else:
        import synthetic
        yield from synthetic.generate(size, seed)


def _new_articles(name: str, count: int, seed: int, reuters: Path, folder: Path
                  ) -> list[Any]:
    """New articles for the incremental steps: the next synthetic articles, or copies
    of Reuters articles spread over the collection, dated a year later, with a new
    first paragraph and a new id."""
    if name != "reuters":
        import synthetic
        return list(synthetic.generate(NEW_ARTICLES, seed, start=count))
    records = [r for r in eng.read_jsonl(folder / "corpus.jsonl") if r["body"]]
    stride = max(1, len(records) // NEW_ARTICLES)
    out = []
    for k in range(NEW_ARTICLES):
        record = dict(records[(k * stride) % len(records)])
        original = record["id"]
        record["id"] = f"bench-{k:03d}-{original}"
        record["body"] = (f"Benchmark copy of {original}, dated a year later.\n\n"
                          + record["body"])
        published = record.get("published")
        if published:
            record["published"] = str(int(published[:4]) + 1) + published[4:]
        out.append(eng.record_article(record))
    return out


# ========================================================================== query mix


def make_queries(records: Sequence[dict[str, Any]], count: int, seed: int) -> list[QuerySpec]:
    """``count`` queries, the same number of each class, drawn from the corpus."""
    from whoosh.analysis import STOP_WORDS
    rng = random.Random(seed)
    sample = list(records) if len(records) <= 20000 else rng.sample(list(records), 20000)
    df: collections.Counter[str] = collections.Counter()
    for record in sample:
        df.update(set(TEXT_WORD.findall(f"{record['title']} {record['body']}".lower())))
    low, high = 0.005 * len(sample), 0.08 * len(sample)
    mid = sorted(w for w, c in df.items() if low <= c <= high and w not in STOP_WORDS)
    if not mid:
        mid = sorted(w for w in df if w not in STOP_WORDS)
    mid_set = set(mid)
    with_text = [r for r in records if r["body"]]
    person_docs: dict[str, list[int]] = collections.defaultdict(list)
    for k, record in enumerate(with_text):
        for person in record["people"]:
            person_docs[person].append(k)
    people = sorted(p for p, d in person_docs.items() if len(d) >= 3) or sorted(person_docs)
    days = sorted(r["day"] for r in records if r["day"])

    def words_of(record: dict[str, Any]) -> list[str]:
        found = set(TEXT_WORD.findall(f"{record['title']} {record['body']}".lower()))
        return sorted(found & mid_set) or [rng.choice(mid)]

    def doc() -> dict[str, Any]:
        return rng.choice(with_text)

    def phrase() -> tuple[str, ...]:
        for _ in range(50):
            tokens = re.findall(r"[A-Za-z]+|[^A-Za-z\s]+|\s+", doc()["body"])
            pairs = [(tokens[i].lower(), tokens[i + 2].lower())
                     for i in range(len(tokens) - 2)
                     if tokens[i + 1] == " " and tokens[i].isalpha() and tokens[i + 2].isalpha()
                     and len(tokens[i]) >= 3 and len(tokens[i + 2]) >= 3
                     and tokens[i].lower() not in STOP_WORDS
                     and tokens[i + 2].lower() not in STOP_WORDS
                     and (tokens[i].lower() in mid_set or tokens[i + 2].lower() in mid_set)]
            if pairs:
                return rng.choice(pairs)
        return (rng.choice(mid), rng.choice(mid))

    def date_range() -> tuple[str, str]:
        """From an article's day, 1% to 25% of the corpus's span of days."""
        import datetime as dt
        first, last = dt.date.fromisoformat(days[0]), dt.date.fromisoformat(days[-1])
        span = max(1, (last - first).days)
        length = max(1, int(span * rng.uniform(0.01, 0.25)))
        start = dt.date.fromisoformat(rng.choice(days))
        return start.isoformat(), (start + dt.timedelta(days=length)).isoformat()

    specs: list[QuerySpec] = []
    per_class = max(1, count // len(CLASSES))
    for n in range(per_class * len(CLASSES)):
        kind = CLASSES[n % len(CLASSES)]
        base: dict[str, Any] = {"number": n, "kind": kind}
        if kind == "term":
            base["words"] = (rng.choice(mid),)
        elif kind == "and":
            found = words_of(doc())
            base["words"] = tuple(rng.sample(found, 2)) if len(found) >= 2 else (
                found[0], rng.choice(mid))
        elif kind == "phrase":
            base["words"], base["phrase"] = phrase(), True
        elif kind == "person":
            person = rng.choice(people)
            base["people"] = (person,)
            base["words"] = (rng.choice(words_of(with_text[rng.choice(person_docs[person])])),)
        elif kind == "date range":
            base["words"] = (rng.choice(mid),)
            base["since"], base["until"] = date_range()
        elif kind == "by date":
            base["words"], base["sort"] = (rng.choice(mid),), "date"
        elif kind == "facets":
            roll = rng.random()
            base["facets"] = True
            if roll < 0.2:
                base["words"] = ()
            elif roll < 0.7:
                base["words"] = (rng.choice(mid),)
            else:
                found = words_of(doc())
                base["words"] = tuple(rng.sample(found, 2)) if len(found) >= 2 else (
                    found[0],)
        else:  # facets with a selected value: the others of that facet still counted
            record = doc()
            base["facets"] = True
            base["words"] = (rng.choice(words_of(record)),)
            roll = rng.random()
            if roll < 0.5 and record["people"]:
                chosen = [rng.choice(record["people"])]
                if rng.random() < 0.3 and people:
                    chosen.append(rng.choice(people))
                base["people"] = tuple(dict.fromkeys(chosen))
            elif roll < 0.8 and record["topics"]:
                base["topics"] = (rng.choice(record["topics"]),)
            elif record["source"]:
                base["sources"] = (record["source"],)
            elif people:
                base["people"] = (rng.choice(people),)
        specs.append(QuerySpec(**base))
    rng.shuffle(specs)
    return specs
