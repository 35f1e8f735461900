"""The hand-read gold sets of benchmarks/gold_sets.py are registered and well formed:
each set's ids are unique, its people sorted, its topics named as in the bundled
taxonomy; the unseen sets can be left out (``--skip``) while rules are tuned."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import extraction  # noqa: E402
import gold_sets  # noqa: E402
import topics_eval  # noqa: E402

from docsearch.extract.topics import default_taxonomy  # noqa: E402


@pytest.mark.parametrize(("name", "docs", "people", "classes", "rules"), [
    ("unseen5", 66, 254, [2, 2, 2] + [6] * 10, "tuned"),  # tuned on in the fourth round
    ("unseen6", 60, 207, [6, 10, 11, 11, 11, 11], "unseen"),
    ("unseen7", 60, 331, [12] * 5, "unseen"),  # this session's unseen set
])
def test_unseen_set_is_registered_with_its_classes(
        name: str, docs: int, people: int, classes: list[int], rules: str) -> None:
    gold = gold_sets.local_sets()[name]
    assert len(gold) == docs
    assert len({d.id for d in gold}) == docs
    assert sum(len(d.people) for d in gold) == people
    assert all(list(d.people) == sorted(d.people) for d in gold)
    topics = collections.Counter(d.topic for d in gold)
    assert set(topics) <= set(default_taxonomy().names)
    assert sorted(topics.values()) == classes
    assert extraction.TUNED[name] == rules
    assert len(topics_eval.corpora(None, None)[name]) == docs


def test_unseen_topics_and_skip() -> None:
    kept = topics_eval.corpora(None, None)
    assert len(kept["unseen5"]) == 66
    assert set(kept) == {"eval", "sample", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7"}
    assert len(kept["unseen7"]) == 60
    skipped = topics_eval.corpora(None, None, ["unseen4", "unseen5", "unseen6", "unseen7"])
    assert set(skipped) == {"eval", "sample", "unseen3"}
    assert "unseen7" not in topics_eval.corpora(None, None, ["unseen7"])

