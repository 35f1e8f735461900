"""Train the bundled topic model's labelled word counts (``docsearch/extract/data/
topic_counts.npz``) from labelled text docsearch may use, none of it AG News.

The seed model (:func:`docsearch.extract.topic_model.seed_model`) is a multinomial naive
Bayes: a linear model over words. Its counts come from the taxonomy's terms and the seed
sentences of ``data/topic_seeds.txt``, and, for the bundled topic names, from these
labelled texts, counted here once and shipped:

* Reuters-21578 stories with a body and TOPICS (``../shared/corpora/reuters21578``), mapped
  to the IPTC top level as ``topics_eval.REUTERS_MAP`` does (every TOPICS slug is economy,
  ``jobs`` is labour; a story with both is left out): all labour stories and every k-th
  economy story, at most ``REUTERS_ECONOMY`` (k the quotient of the economy stories by it);
* the topic labels of the hand-written sets already read (``TRAIN_SETS``:
  ``tests/data/topics/eval.jsonl``, ``sample_docs``, ``benchmarks/data/people_dev.jsonl``,
  the tuned clippings ``unseen3`` to ``unseen7`` and, since brief Z31, the read clippings
  ``unseen8``, ``unseen11``, ``unseen12`` and ``unseen14``; never ``unseen17``).

A topic's word mass (its counts' sum) is capped at ``MASS_CAP`` times the median mass of the
topics with texts (:func:`capped`: its counts scaled down, so the file holds them as floats):
Reuters alone gave economy some eighty times a median topic's words, and the capped counts
classify AG News (never trained on) better on its odd rows and on its even rows (brief Z31).

An article's features are the Porter stems of its title and body (as the collection's model
reads them); a stem is kept when at least ``MIN_TEXTS`` texts hold it. The file holds the
topic names, the vocabulary, the counts (topics × vocabulary), the number of texts of each
topic, and two SHA-256 hashes: of the settings and every input text (``inputs``), and of the
settings and the texts of the repository's own sets alone (``local``), so a test can tell
that the shipped counts are this script's output for today's inputs.

Counting is deterministic (no randomness, texts in file order). Cross-publisher checks leave
a source out (:func:`labelled_counts` with ``leave_out``): ``topics_eval.py`` classifies each
training set with counts trained without it.

Usage: ``python benchmarks/train_topics.py [--reuters DIR] [--check]`` (``--check``: compare
with the shipped file instead of writing it; exit 1 when they differ).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from topics_eval import ECONOMY, eval_set, gold_topic_set, reuters_set  # noqa: E402

from docsearch.extract.topic_model import LabelledCounts  # noqa: E402
from docsearch.extract.topics import _default_data, stems  # noqa: E402

OUTPUT = ROOT / "docsearch" / "extract" / "data" / "topic_counts.npz"
REUTERS_DEFAULT = ROOT.parent / "shared" / "corpora" / "reuters21578"
#: The repository's hand-written sets with topic labels that are trained on (all read
#: already; an unseen set not yet read, such as unseen17, is never read here).
TRAIN_SETS = ("eval", "sample", "dev", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7",
              "unseen8", "unseen11", "unseen12", "unseen14")
#: The most Reuters economy stories counted (every k-th one).
REUTERS_ECONOMY = 1000
#: A stem is kept when at least this many labelled texts hold it.
MIN_TEXTS = 3
#: A topic's word mass is at most this many times the median mass of the topics with texts.
MASS_CAP = 10
SETTINGS = {"reuters_economy": REUTERS_ECONOMY, "min_texts": MIN_TEXTS, "mass_cap": MASS_CAP,
            "train_sets": list(TRAIN_SETS), "features": "stems of title and body"}

#: A labelled text: (source, topic name, title, body).
Text = tuple[str, str, str, str]


def local_texts(names: Sequence[str] = TRAIN_SETS) -> list[Text]:
    """The labelled texts of the repository's own sets named in ``names``."""
    out: list[Text] = []
    for name in names:
        docs = eval_set() if name == "eval" else gold_topic_set(name)
        out += [(name, d.label, d.title, d.body) for d in docs]
    return out


@functools.cache
def reuters_texts(folder: Path = REUTERS_DEFAULT) -> tuple[Text, ...]:
    """Reuters stories with one IPTC topic: every labour story and every k-th economy one."""
    stories = [d for d in reuters_set(folder) if d.label in ("economy", "labour")]
    economy = [d for d in stories if d.label == "economy"]
    step = max(1, len(economy) // REUTERS_ECONOMY) if REUTERS_ECONOMY else 0
    chosen = {id(d) for d in economy[::step][:REUTERS_ECONOMY]} if step else set()
    return tuple(("reuters", ECONOMY if d.label == "economy" else "labour", d.title, d.body)
                 for d in stories if d.label == "labour" or id(d) in chosen)


def fingerprint(texts: Iterable[Text]) -> str:
    """SHA-256 of the settings and every text (source, topic, title, body), in order."""
    digest = hashlib.sha256(json.dumps(SETTINGS, sort_keys=True).encode())
    for text in texts:
        digest.update(json.dumps(text).encode())
    return digest.hexdigest()


def capped(counts: np.ndarray) -> np.ndarray:
    """``counts`` (topics × stems) as float32, each row whose sum exceeds ``MASS_CAP`` times
    the median row sum of the rows with counts scaled down to that much."""
    masses = counts.sum(axis=1, dtype=np.float64)
    held = masses[masses > 0]
    limit = MASS_CAP * float(np.median(held)) if held.size else 0.0
    factors = np.where(masses > limit, limit / np.maximum(masses, 1.0), 1.0)
    return (counts * factors[:, None]).astype(np.float32)


def count(texts: Sequence[Text], names: Sequence[str]) -> LabelledCounts:
    """Each topic's count of each stem (stems in at least ``MIN_TEXTS`` texts), its mass
    :func:`capped`, and the number of texts of each topic; a topic not in ``names`` is an
    error."""
    row = {name: i for i, name in enumerate(names)}
    features = [stems(title) + stems(body) for _, _, title, body in texts]
    held: dict[str, int] = {}
    for words in features:
        for word in set(words):
            held[word] = held.get(word, 0) + 1
    vocabulary = sorted(w for w, n in held.items() if n >= MIN_TEXTS)
    column = {w: i for i, w in enumerate(vocabulary)}
    counts = np.zeros((len(names), len(vocabulary)), dtype=np.int32)
    sizes = np.zeros(len(names), dtype=np.int32)
    for (_, topic, _, _), words in zip(texts, features, strict=True):
        sizes[row[topic]] += 1
        for word in words:
            if word in column:
                counts[row[topic], column[word]] += 1
    return LabelledCounts(tuple(names), tuple(vocabulary), capped(counts), sizes)


def labelled_counts(reuters: Path = REUTERS_DEFAULT, leave_out: Sequence[str] = ()
                    ) -> LabelledCounts:
    """The counts of every training text but those of the sources in ``leave_out``
    ("reuters" or a name of ``TRAIN_SETS``), with the ``inputs`` and ``local`` hashes
    (:func:`fingerprint`)."""
    local = [t for t in local_texts() if t[0] not in leave_out]
    texts = local + ([] if "reuters" in leave_out else list(reuters_texts(reuters)))
    names = [topic["name"] for topic in _default_data()["topic"]]
    return attrs.evolve(count(texts, names), inputs=fingerprint(texts), local=fingerprint(local))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=REUTERS_DEFAULT)
    parser.add_argument("--check", action="store_true",
                        help="compare with the shipped file instead of writing it")
    args = parser.parse_args()
    counts = labelled_counts(args.reuters)
    if args.check:
        shipped = LabelledCounts.load(OUTPUT)
        same = shipped == counts and (shipped.inputs, shipped.local) == (counts.inputs,
                                                                         counts.local)
        print("the shipped counts are this script's output" if same
              else "the shipped counts differ: run benchmarks/train_topics.py")
        sys.exit(0 if same else 1)
    counts.save(OUTPUT)
    sizes = ", ".join(f"{n[:12]} {s}" for n, s in zip(counts.names, counts.texts, strict=True))
    print(f"{OUTPUT.name}: {int(counts.texts.sum())} texts, {len(counts.vocabulary)} stems "
          f"({sizes})")


if __name__ == "__main__":
    main()
