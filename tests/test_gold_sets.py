"""The hand-read gold sets of benchmarks/gold_sets.py are registered and well formed:
each set's ids are unique, its people sorted, its topics named as in the bundled
taxonomy; the unseen sets can be left out (``--skip``) while rules are tuned."""

from __future__ import annotations

import collections
import json
import random
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
    ("unseen6", 60, 207, [6, 10, 11, 11, 11, 11], "tuned"),  # read and tuned on since
    ("unseen7", 60, 331, [12] * 5, "tuned"),  # read and tuned on in the sixth round
    ("unseen8", 60, 329, [12] * 5, "tuned"),  # read and tuned on in the ninth people round
    ("unseen11", 50, 252, [10] * 5, "seen"),  # own-written, measured once, misses read
    ("unseen12", 50, 287, [10] * 5, "seen"),  # own-written, measured once, misses read
    ("unseen14", 50, 260, [10] * 5, "seen"),  # own-written, measured, misses read
    ("unseen17", 50, 336, [10] * 5, "seen"),  # own-written, measured, misses read
    ("unseen19", 60, 397, [12] * 5, "seen"),  # own-written, measured, misses read
    ("unseen21", 50, 433, [10] * 5, "seen"),  # own-written, measured, misses read
    ("unseen23", 50, 531, [10] * 5, "seen"),  # own-written, measured, misses read
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
    assert set(kept) == {"eval", "sample", "unseen3", "unseen4", "unseen5", "unseen6", "unseen7",
                         "unseen8", "unseen11", "unseen12", "unseen14", "unseen17",
                         "unseen19", "unseen21", "unseen23"}
    assert len(kept["unseen7"]) == len(kept["unseen8"]) == 60
    assert len(kept["unseen11"]) == len(kept["unseen12"]) == len(kept["unseen14"]) == 50
    assert len(kept["unseen17"]) == 50
    assert len(kept["unseen19"]) == 60
    assert len(kept["unseen21"]) == len(kept["unseen23"]) == 50
    skipped = topics_eval.corpora(None, None, ["unseen4", "unseen5", "unseen6", "unseen7",
                                               "unseen8", "unseen11", "unseen12", "unseen14",
                                               "unseen17", "unseen19", "unseen21",
                                               "unseen23"])
    assert set(skipped) == {"eval", "sample", "unseen3"}
    assert "unseen8" not in topics_eval.corpora(None, None, ["unseen8"])
    assert set(topics_eval.corpora(None, None, ["unseen10", "unseen11"])) == set(kept) - {
        "unseen11"}
    assert set(topics_eval.corpora(None, None, ["unseen12"])) == set(kept) - {"unseen12"}
    assert set(topics_eval.corpora(None, None, ["unseen14", "unseen15"])) == set(kept) - {
        "unseen14"}
    assert set(topics_eval.corpora(None, None, ["unseen16", "unseen17"])) == set(kept) - {
        "unseen17"}
    assert set(topics_eval.corpora(None, None, ["unseen18", "unseen19"])) == set(kept) - {
        "unseen19"}
    assert set(topics_eval.corpora(None, None, ["unseen20", "unseen21"])) == set(kept) - {
        "unseen21"}
    assert set(topics_eval.corpora(None, None, ["unseen22", "unseen23"])) == set(kept) - {
        "unseen23"}


@pytest.mark.parametrize("script", [extraction, topics_eval])
@pytest.mark.parametrize(("argv", "skip"), [
    ([], []),
    (["--skip", "unseen8", "--skip", "unseen9"], ["unseen8", "unseen9"]),
    (["--skip", "unseen8", "unseen9"], ["unseen8", "unseen9"]),
    (["--skip", "unseen8", "--misses", "--skip", "unseen9", "ag"], ["unseen8", "unseen9", "ag"]),
    (["--skip", "unseen9", "--skip", "unseen10"], ["unseen9", "unseen10"]),
    (["--skip", "unseen10", "--skip", "unseen11"], ["unseen10", "unseen11"]),
    (["--skip", "unseen13"], ["unseen13"]),
    (["--skip", "unseen15"], ["unseen15"]),
    (["--skip", "unseen14", "--skip", "unseen15"], ["unseen14", "unseen15"]),
    (["--skip", "unseen16"], ["unseen16"]),
    (["--skip", "unseen16", "--skip", "unseen17"], ["unseen16", "unseen17"]),
    (["--skip", "unseen18", "--skip", "unseen19"], ["unseen18", "unseen19"]),
    (["--skip", "unseen20", "--skip", "unseen21"], ["unseen20", "unseen21"]),
    (["--skip", "unseen22", "--skip", "unseen23"], ["unseen22", "unseen23"]),
    (["--skip", "unseen11", "--skip", "unseen12"], ["unseen11", "unseen12"]),
])
def test_skip_keeps_every_name_when_repeated(script: object, argv: list[str],
                                             skip: list[str]) -> None:
    """``--skip a --skip b`` leaves out both sets, not only the last one named."""
    assert script.build_parser().parse_args(argv).skip == skip  # type: ignore[attr-defined]



def test_unseen9_gold_rows_are_the_seeded_sample() -> None:
    """unseen9 stores only AG News row numbers and names: the 150 rows of the seeded
    sample, each once, in order, with sorted people (66 in 53 items)."""
    lines = (gold_sets.DATA / "unseen9" / "gold.jsonl").read_text("utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    assert [d["row"] for d in gold] == gold_sets.ag_sample_rows()
    assert len(gold) == len({d["row"] for d in gold}) == 150
    assert sum(len(d["people"]) for d in gold) == 66
    assert sum(1 for d in gold if d["people"]) == 53
    assert all(d["people"] == sorted(d["people"]) for d in gold)
    assert extraction.TUNED["unseen9"] == "tuned"  # read and tuned on in the ninth round


def test_unseen10_gold_rows_are_the_seeded_sample_disjoint_from_unseen9() -> None:
    """unseen10: 250 rows sampled with seed 2027 from the rows not in unseen9, each once,
    in order, with sorted people (138 in 96 items)."""
    lines = (gold_sets.DATA / "unseen10" / "gold.jsonl").read_text("utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    unseen9 = set(gold_sets.ag_sample_rows())
    rows = [d["row"] for d in gold]
    assert rows == gold_sets.ag_sample_rows(2027, 250, exclude=unseen9)
    assert len(rows) == len(set(rows)) == 250
    assert not unseen9 & set(rows)
    assert all(0 <= row < 7600 for row in rows)
    assert sum(len(d["people"]) for d in gold) == 138
    assert sum(1 for d in gold if d["people"]) == 96
    assert all(d["people"] == sorted(d["people"]) for d in gold)
    assert extraction.TUNED["unseen10"] == "seen"  # measured once, misses read


def unseen9_and_unseen10_rows() -> set[int]:
    unseen9 = set(gold_sets.ag_sample_rows())
    return unseen9 | set(gold_sets.ag_sample_rows(2027, 250, exclude=unseen9))


def unseen13_rows() -> list[int]:
    """unseen13's rows: seed 2028, 250 rows, unseen9's and unseen10's left out."""
    return gold_sets.ag_sample_rows(2028, 250, exclude=unseen9_and_unseen10_rows())


def check_ag_gold(name: str, rows: list[int], earlier: set[int], people: int,
                  named: int) -> None:
    """NAME's gold stores the 250 seeded ``rows`` in order, each once, none of them in the
    ``earlier`` sets', with sorted people (``people`` in ``named`` items)."""
    lines = (gold_sets.DATA / name / "gold.jsonl").read_text("utf-8").splitlines()
    gold = [json.loads(line) for line in lines]
    assert [d["row"] for d in gold] == rows
    assert len(rows) == len(set(rows)) == 250
    assert not earlier & set(rows)
    assert all(0 <= row < 7600 for row in rows)
    assert sum(len(d["people"]) for d in gold) == people
    assert sum(1 for d in gold if d["people"]) == named
    assert all(d["people"] == sorted(d["people"]) for d in gold)


def test_unseen13_gold_rows_are_the_seeded_sample_disjoint_from_unseen9_and_unseen10() -> None:
    """unseen13: 250 rows sampled with seed 2028 from the rows in neither unseen9 nor
    unseen10, each once, in order, with sorted people (134 in 102 items)."""
    earlier = unseen9_and_unseen10_rows()
    assert len(earlier) == 400
    check_ag_gold("unseen13", unseen13_rows(), earlier, 134, 102)
    assert extraction.TUNED["unseen13"] == "seen"  # measured once at the end, misses read


def unseen15_rows() -> list[int]:
    """unseen15's rows: seed 2029, 250 rows, unseen9's, unseen10's and unseen13's left out."""
    return gold_sets.ag_sample_rows(2029, 250,
                                    exclude=unseen9_and_unseen10_rows() | set(unseen13_rows()))


def test_unseen15_gold_rows_are_the_seeded_sample_disjoint_from_unseen9_10_and_13() -> None:
    """unseen15: 250 rows sampled with seed 2029 from the rows in none of unseen9,
    unseen10 and unseen13, each once, in order, with sorted people (148 in 103 items)."""
    earlier = unseen9_and_unseen10_rows() | set(unseen13_rows())
    assert len(earlier) == 650
    check_ag_gold("unseen15", unseen15_rows(), earlier, 148, 103)
    assert extraction.TUNED["unseen15"] == "seen"  # measured at the end, misses read


def unseen16_rows() -> list[int]:
    """unseen16's rows: seed 2030, 250 rows, unseen9's, unseen10's, unseen13's and
    unseen15's left out."""
    return gold_sets.ag_sample_rows(2030, 250, exclude=unseen9_and_unseen10_rows()
                                    | set(unseen13_rows()) | set(unseen15_rows()))


def test_unseen16_gold_rows_are_the_seeded_sample_disjoint_from_unseen9_10_13_and_15() -> None:
    """unseen16: 250 rows sampled with seed 2030 from the rows in none of unseen9,
    unseen10, unseen13 and unseen15, each once, in order, with sorted people (113 in 85
    items)."""
    earlier = unseen9_and_unseen10_rows() | set(unseen13_rows()) | set(unseen15_rows())
    assert len(earlier) == 900
    check_ag_gold("unseen16", unseen16_rows(), earlier, 113, 85)
    assert extraction.TUNED["unseen16"] == "seen"  # measured, then its misses read


def unseen18_rows() -> list[int]:
    """unseen18's rows: seed 2031, 250 rows, the rows of unseen9, unseen10, unseen13,
    unseen15 and unseen16 left out."""
    return gold_sets.ag_sample_rows(2031, 250, exclude=unseen9_and_unseen10_rows()
                                    | set(unseen13_rows()) | set(unseen15_rows())
                                    | set(unseen16_rows()))


def test_unseen18_gold_rows_are_the_seeded_sample_disjoint_from_the_earlier_ag_sets() -> None:
    """unseen18: 250 rows sampled with seed 2031 from the rows in none of unseen9,
    unseen10, unseen13, unseen15 and unseen16, each once, in order, with sorted people
    (113 in 83 items)."""
    earlier = (unseen9_and_unseen10_rows() | set(unseen13_rows()) | set(unseen15_rows())
               | set(unseen16_rows()))
    assert len(earlier) == 1150
    check_ag_gold("unseen18", unseen18_rows(), earlier, 113, 83)
    assert extraction.TUNED["unseen18"] == "seen"  # measured, then its misses read


def unseen20_rows() -> list[int]:
    """unseen20's rows: seed 2032, 250 rows, the rows of unseen9, unseen10, unseen13,
    unseen15, unseen16 and unseen18 left out."""
    return gold_sets.ag_sample_rows(2032, 250, exclude=unseen9_and_unseen10_rows()
                                    | set(unseen13_rows()) | set(unseen15_rows())
                                    | set(unseen16_rows()) | set(unseen18_rows()))


def test_unseen20_gold_rows_are_the_seeded_sample_disjoint_from_the_earlier_ag_sets() -> None:
    """unseen20: 250 rows sampled with seed 2032 from the rows in none of unseen9,
    unseen10, unseen13, unseen15, unseen16 and unseen18, each once, in order, with sorted
    people (147 in 102 items)."""
    earlier = (unseen9_and_unseen10_rows() | set(unseen13_rows()) | set(unseen15_rows())
               | set(unseen16_rows()) | set(unseen18_rows()))
    assert len(earlier) == 1400
    check_ag_gold("unseen20", unseen20_rows(), earlier, 147, 102)
    assert extraction.TUNED["unseen20"] == "seen"  # measured, then its misses read


def unseen22_rows() -> list[int]:
    """unseen22's rows: seed 2033, 250 rows, the rows of unseen9, unseen10, unseen13,
    unseen15, unseen16, unseen18 and unseen20 left out."""
    return gold_sets.ag_sample_rows(2033, 250, exclude=unseen9_and_unseen10_rows()
                                    | set(unseen13_rows()) | set(unseen15_rows())
                                    | set(unseen16_rows()) | set(unseen18_rows())
                                    | set(unseen20_rows()))


def test_unseen22_gold_rows_are_the_seeded_sample_disjoint_from_the_earlier_ag_sets() -> None:
    """unseen22: 250 rows sampled with seed 2033 from the rows in none of unseen9,
    unseen10, unseen13, unseen15, unseen16, unseen18 and unseen20, each once, in order,
    with sorted people (122 in 88 items)."""
    earlier = (unseen9_and_unseen10_rows() | set(unseen13_rows()) | set(unseen15_rows())
               | set(unseen16_rows()) | set(unseen18_rows()) | set(unseen20_rows()))
    assert len(earlier) == 1650
    check_ag_gold("unseen22", unseen22_rows(), earlier, 122, 88)
    assert extraction.TUNED["unseen22"] == "seen"  # measured, then its misses read


def test_ag_sample_rows_leaves_out_the_excluded_rows() -> None:
    """A sample with ``exclude`` draws from the other rows only, and without it is the
    plain seeded sample of every row."""
    assert gold_sets.ag_sample_rows(7, 3, 10) == sorted(random.Random(7).sample(range(10), 3))
    assert gold_sets.ag_sample_rows(7, 8, 10, exclude={0, 9}) == list(range(1, 9))


def test_ag_sets_are_left_out_with_a_reason_without_the_corpus(tmp_path: Path) -> None:
    assert gold_sets.shared_sets(tmp_path) == (
        {}, [f"unseen9 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen10 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen13 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen15 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen16 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen18 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen20 left out: no {tmp_path / 'test.csv.gz'}",
             f"unseen22 left out: no {tmp_path / 'test.csv.gz'}"])


def test_ag_sets_not_named_in_only_are_not_read(tmp_path: Path) -> None:
    """``only`` names the AG News sets to read (the span model's trainer reads the sets it
    may learn from, never one still unseen)."""
    assert gold_sets.shared_sets(tmp_path, only=("unseen10", "dev")) == (
        {}, [f"unseen10 left out: no {tmp_path / 'test.csv.gz'}"])
    if (gold_sets.AG_NEWS / "test.csv.gz").exists():
        sets, absent = gold_sets.shared_sets(only=("unseen9",))
        assert (list(sets), absent) == (["unseen9"], [])


@pytest.mark.skipif(not (gold_sets.AG_NEWS / "test.csv.gz").exists(),
                    reason="needs ../shared/corpora/ag_news/test.csv.gz")
@pytest.mark.parametrize(("name", "rows", "people"), [
    ("unseen9", gold_sets.ag_sample_rows(), 66),
    ("unseen10", gold_sets.ag_sample_rows(2027, 250, exclude=set(gold_sets.ag_sample_rows())),
     138),
    ("unseen13", unseen13_rows(), 134),
    ("unseen15", unseen15_rows(), 148),
    ("unseen16", unseen16_rows(), 113),
    ("unseen18", unseen18_rows(), 113),
    ("unseen20", unseen20_rows(), 147),
    ("unseen22", unseen22_rows(), 122),
])
def test_ag_people_sets_read_their_items_from_the_corpus(
        name: str, rows: list[int], people: int) -> None:
    sets, absent = gold_sets.shared_sets()
    assert absent == []
    assert set(sets) == {"unseen9", "unseen10", "unseen13", "unseen15", "unseen16",
                         "unseen18", "unseen20", "unseen22"}
    gold = sets[name]
    assert [d.id for d in gold] == [f"ag-{row}" for row in rows]
    assert sum(len(d.people) for d in gold) == people
    assert all(d.title and d.body and d.topic is None for d in gold)
    texts = {(t.title, t.body) for t in topics_eval.ag_set()}
    assert all((d.title, d.body) in texts for d in gold)
