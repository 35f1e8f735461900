"""The people gold sample: 200 Reuters-21578 documents drawn with a fixed seed, each
read by a person who wrote down every person it mentions.

    python benchmarks/people_gold.py --dump DIR   # the 200 texts, 4 files, for annotating

The annotations are in ``benchmarks/data/reuters_people_gold.jsonl``: one line per
document, ``{"id": "reuters-NEWID", "people": [...]}``, each person under the fullest form
the document gives (a surname alone when that is all it gives). Only ids and names are
committed, never Reuters text. ``benchmarks/extraction.py`` scores the extractor on it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import DEFAULT, read_reuters  # noqa: E402

SEED = 1987
SIZE = 200
GOLD = Path(__file__).resolve().parent / "data" / "reuters_people_gold.jsonl"


def sample_ids(total: int = 21578, size: int = SIZE, seed: int = SEED) -> list[str]:
    """The ids of the gold documents, in NEWID order."""
    newids = sorted(random.Random(seed).sample(range(1, total + 1), size))
    return [f"reuters-{n}" for n in newids]


def load_gold(path: Path = GOLD) -> dict[str, list[str]]:
    """``{id: [person, ...]}`` from the gold file."""
    lines = path.read_text("utf-8").splitlines()
    return {d["id"]: d["people"] for d in map(json.loads, filter(None, lines))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, required=True, help="folder for the texts")
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--parts", type=int, default=4)
    args = parser.parse_args()
    wanted = set(sample_ids())
    docs = [a for a, _ in read_reuters(args.reuters) if a.id in wanted]
    args.dump.mkdir(parents=True, exist_ok=True)
    per = -(-len(docs) // args.parts)
    for k in range(args.parts):
        with open(args.dump / f"part{k + 1}.txt", "w", encoding="utf-8") as out:
            for a in docs[k * per:(k + 1) * per]:
                out.write(f"=== {a.id}\nTITLE: {a.title}\n{a.body}\n\n")
    print(f"{len(docs)} documents in {args.parts} files under {args.dump}")


if __name__ == "__main__":
    main()
