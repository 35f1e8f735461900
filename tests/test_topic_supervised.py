"""The supervised topic model (issue 17, brief Z3): the seed model with word counts of
labelled texts (Reuters-21578 mapped to IPTC and the repository's tuned sets) counted by
benchmarks/train_topics.py and shipped as data/topic_counts.npz. It takes the seed model's
place where a collection has no model of its own; a user taxonomy of other topic names
keeps today's behaviour; a collection's model is untouched by it."""

from __future__ import annotations

import sys
from pathlib import Path

import attrs
import numpy as np
import pytest
from click.testing import CliRunner
from conftest import REUTERS

import docsearch
import docsearch.extract.topics
from docsearch import load_taxonomy
from docsearch.cli import cli
from docsearch.extract import usercache
from docsearch.extract.topic_model import (
    LABELLED_WEIGHT,
    LabelledCounts,
    bundled_counts,
    fit_topic_model,
    supervised_model,
)
from docsearch.extract.topics import Taxonomy, _default_data

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import train_topics  # noqa: E402

ECONOMY = "economy, business and finance"
BOATS = """
[[topic]]
name = "ferries"
terms = ["ferry:2", "crossing", "timetable"]

[[topic]]
name = "yachts"
terms = ["yacht:2", "marina", "regatta"]
"""


def _bundled() -> Taxonomy:
    return docsearch.extract.topics.default_taxonomy()


def test_the_bundled_taxonomy_has_a_supervised_model_of_its_names():
    bundled = _bundled()
    assert bundled.supervised is not None and bundled.supervised.topics == bundled.names
    counts = bundled_counts()
    assert counts.names == bundled.names
    # 1,048 Reuters stories (1,000 economy, 48 labour) and 626 texts of the read sets: 416
    # of the tuned ones and 210 of unseen8, unseen11, unseen12 and unseen14 (brief Z31).
    assert int(counts.texts.sum()) == 1674
    assert int(counts.texts[bundled.names.index(ECONOMY)]) == 1092
    assert set(counts.vocabulary) <= set(bundled.supervised.vocabulary)
    assert len(bundled.supervised.vocabulary) > len(bundled.seed.vocabulary)


def test_the_supervised_model_reads_a_firms_results_as_business():
    title = "Hospital group shares fall on weak outlook"
    body = ("The private hospital operator said patient numbers were lower than expected and "
            "cut its earnings forecast.")
    assert attrs.evolve(_bundled(), supervised=None).classify(title, body) == [
        "health", ECONOMY]
    assert _bundled().classify(title, body) == [ECONOMY, "health"]


def test_a_taxonomy_of_other_names_keeps_the_seed_model(tmp_path):
    path = tmp_path / "boats.toml"
    path.write_text(BOATS, "utf-8")
    boats = load_taxonomy(path)
    assert boats.supervised is None and boats.seed is not None
    title, body = "Ferry timetable changes", "The ferry crossing moves to 9am; the marina is shut."
    assert boats.classify(title, body) == ["ferries"]
    assert boats.classify("Regatta day", "Yachts fill the marina.") == ["yachts"]


def test_a_taxonomy_extending_the_bundled_one_gets_the_labelled_counts_of_its_names(tmp_path):
    path = tmp_path / "more.toml"
    path.write_text('extends = "default"\n' + BOATS, "utf-8")
    more = load_taxonomy(path)
    assert more.supervised is not None and more.supervised.topics == more.names
    assert more.names[-2:] == ("ferries", "yachts")
    assert more.classify("Hospital group shares fall on weak outlook",
                         "The private hospital operator said patient numbers were lower "
                         "than expected and cut its earnings forecast.")[0] == ECONOMY


def test_a_collections_model_is_untouched_by_the_supervised_model():
    articles = [(f"Rovers win match {i}", "The striker scored a goal in the league match; "
                 "the coach praised the team.") for i in range(25)] + [
        (f"Shares rise {i}", "The company said profits and revenue rose; investors bought "
         "shares on the stock market.") for i in range(25)]
    bundled = _bundled()
    without = attrs.evolve(bundled, supervised=None)
    model = fit_topic_model(articles, bundled)
    assert model is not None
    assert np.array_equal(model.log_probs, fit_topic_model(articles, without).log_probs)
    title = "Hospital group shares fall on weak outlook"
    body = "The hospital operator said patient numbers fell and cut its profit forecast."
    assert bundled.with_model(model).classify(title, body) == (
        without.with_model(model).classify(title, body))


def test_labelled_counts_are_saved_and_read_back(tmp_path):
    counts = LabelledCounts(("a", "b"), ("ferri", "yacht"),
                            np.array([[3, 0], [1, 2]], dtype=np.int32),
                            np.array([2, 1], dtype=np.int32), "in", "local")
    counts.save(tmp_path / "c.npz")
    for source in (tmp_path / "c.npz", (tmp_path / "c.npz").read_bytes()):
        back = LabelledCounts.load(source)
        assert back == counts and (back.inputs, back.local) == ("in", "local")
    assert counts != attrs.evolve(counts, counts=np.array([[3, 0], [1, 1]], dtype=np.int32))


def test_the_supervised_model_adds_a_words_count_times_its_weight():
    names = ("ferries", "yachts")
    words = {"ferri": ((0, 1.0),), "yacht": ((1, 1.0),)}
    counts = LabelledCounts(names, ("crossing", "ferri"), np.array([[10, 0], [0, 0]],
                                                                   dtype=np.int32),
                            np.array([1, 0], dtype=np.int32))
    model = supervised_model(names, words, {}, {}, counts)
    assert model is not None and set(model.vocabulary) == {"crossing", "ferri", "yacht"}
    probs = np.exp(model.log_probs.astype(np.float64))
    # ferries: crossing 0.05 + 10 * 0.1, ferri 0.05 + 1, yacht 0.05 (of 2.15)
    assert LABELLED_WEIGHT == 0.1
    assert probs[0, model.vocabulary["crossing"]] == pytest.approx(1.05 / 2.15, rel=1e-6)
    assert probs[1, model.vocabulary["yacht"]] == pytest.approx(1.05 / 1.15, rel=1e-6)
    assert supervised_model(("x", "y"), words, {}, {}, counts) is None


def test_the_cached_bundled_taxonomy_keeps_its_supervised_model(tmp_path, monkeypatch):
    monkeypatch.setenv("DOCSEARCH_CACHE_DIR", str(tmp_path / "cache"))

    def parse() -> Taxonomy:
        return Taxonomy.from_dict(_default_data(), "taxonomy.toml")
    expected = parse()
    usercache.default_taxonomy(parse)
    got = usercache.default_taxonomy(lambda: pytest.fail("parsed again"))
    assert got.supervised is not None and expected.supervised is not None
    assert got.supervised.vocabulary == expected.supervised.vocabulary
    assert np.array_equal(got.supervised.log_probs, expected.supervised.log_probs)


def test_the_local_inputs_are_those_the_shipped_counts_were_made_from():
    # Fails when a tuned set, the settings or the feature code change without a retrain.
    assert train_topics.fingerprint(train_topics.local_texts()) == bundled_counts().local


def test_leaving_a_source_out_drops_its_texts():
    counts = train_topics.labelled_counts(leave_out=("reuters", "unseen7"))
    assert int(counts.texts.sum()) == 626 - 60


def test_the_read_unseen_sets_are_trained_on_and_left_out_of_their_own_figure():
    # unseen8, unseen11, unseen12 and unseen14 were read (brief Z31): they are training texts,
    # and topics_eval classifies each with counts trained without it.
    import topics_eval
    bundled = _bundled()
    assert train_topics.TRAIN_SETS[-4:] == ("unseen8", "unseen11", "unseen12", "unseen14")
    assert "unseen17" not in train_topics.TRAIN_SETS
    for name, size in (("unseen8", 60), ("unseen11", 50), ("unseen12", 50), ("unseen14", 50)):
        counts = train_topics.labelled_counts(leave_out=("reuters", name))
        assert int(counts.texts.sum()) == 626 - size
        held_out = topics_eval.without_own_texts(bundled, name)
        assert held_out.supervised is not None and bundled.supervised is not None
        assert not np.array_equal(held_out.supervised.log_probs, bundled.supervised.log_probs)
    assert topics_eval.without_own_texts(bundled, "unseen17") is bundled


@pytest.mark.skipif(not (REUTERS / "reut2-000.sgm.gz").exists(),
                    reason=f"Reuters-21578 is not at {REUTERS}")
def test_the_shipped_counts_are_the_training_scripts_output():
    counts = train_topics.labelled_counts(REUTERS)
    shipped = bundled_counts()
    assert counts == shipped
    assert (counts.inputs, counts.local) == (shipped.inputs, shipped.local)


def test_an_index_without_a_model_of_its_own_classifies_with_the_supervised_model(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Hospital group shares fall on weak outlook\n\nThe private "
                                "hospital operator said patient numbers were lower than "
                                "expected and cut its earnings forecast.\n", "utf-8")
    (docs / "b.txt").write_text("Ferry timetable changes\n\nThe ferry crossing moves to 9am; "
                                "the marina is shut.\n", "utf-8")
    boats = tmp_path / "boats.toml"
    boats.write_text(BOATS, "utf-8")
    for args, expected in (([], {"a.txt": (ECONOMY, "health"), "b.txt": ()}),
                           (["--taxonomy", str(boats)], {"a.txt": (), "b.txt": ("ferries",)})):
        index = tmp_path / f"ix{len(args)}"
        result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(index), *args])
        assert result.exit_code == 0, result.output
        with docsearch.open(index) as ix:
            assert {Path(a.path).name: a.topics for a in ix} == expected


def test_a_topics_labelled_mass_is_capped_at_ten_times_the_median():
    # Reuters gives economy some eighty times the words of a median topic (brief Z31): a
    # topic's counts are scaled down to MASS_CAP times the median mass of the topics with
    # texts; the others are kept as counted.
    assert train_topics.MASS_CAP == 10
    counts = np.array([[150, 150], [10, 0], [0, 10], [6, 6], [0, 0]], dtype=np.int32)
    capped = train_topics.capped(counts)
    assert capped.dtype == np.float32
    # masses 300, 10, 10, 12, 0: median of the four with texts 11, cap 110
    assert capped.tolist() == [[55.0, 55.0], [10.0, 0.0], [0.0, 10.0], [6.0, 6.0], [0.0, 0.0]]
    shipped = bundled_counts()
    masses = shipped.counts.sum(axis=1, dtype=np.float64)
    median = float(np.median(masses[masses > 0]))
    economy = shipped.names.index(ECONOMY)
    assert masses[economy] == pytest.approx(10 * median, rel=1e-5)
    assert int(np.sum(masses > 10 * median * (1 + 1e-5))) == 0
