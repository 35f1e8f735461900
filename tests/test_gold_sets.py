"""The hand-read gold sets of benchmarks/gold_sets.py are registered and well formed:
each set's ids are unique, its people sorted, its topics named as in the bundled
taxonomy; the unseen sets can be left out (``--skip``) while rules are tuned."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import extraction  # noqa: E402
import gold_sets  # noqa: E402
import topics_eval  # noqa: E402

from docsearch.extract.topics import default_taxonomy  # noqa: E402


def test_unseen5_is_registered_with_its_classes() -> None:
    docs = gold_sets.local_sets()["unseen5"]
    assert len(docs) == 66
    assert len({d.id for d in docs}) == 66
    assert sum(len(d.people) for d in docs) == 254
    assert all(list(d.people) == sorted(d.people) for d in docs)
    topics = collections.Counter(d.topic for d in docs)
    assert set(topics) <= set(default_taxonomy().names)
    assert sorted(topics.values()) == [2, 2, 2] + [6] * 10
    assert extraction.TUNED["unseen5"] == "unseen"


def test_unseen5_topics_and_skip() -> None:
    kept = topics_eval.corpora(None, None)
    assert len(kept["unseen5"]) == 66
    assert set(kept) == {"eval", "sample", "unseen3", "unseen4", "unseen5"}
    skipped = topics_eval.corpora(None, None, ["unseen4", "unseen5"])
    assert set(skipped) == {"eval", "sample", "unseen3"}
