"""The people span model (docsearch/extract/span_model.py): what it decides that the rules
leave undecided, and that its shipped weights are what benchmarks/train_people_model.py
trains from its rows (they cannot drift silently from the rules or the data)."""

from __future__ import annotations

import json
import math
import sys
import threading
from pathlib import Path

import attrs
import pytest
from conftest import REUTERS

from docsearch.extract import span_model
from docsearch.extract.lexicon import _lexicon
from docsearch.extract.people import body_mentions, find_people

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
import people_model_rows  # noqa: E402
import train_people_model  # noqa: E402

SHIPPED = span_model.shipped_model()
assert SHIPPED is not None
MODEL: span_model.SpanModel = SHIPPED
WEIGHTS = json.loads(train_people_model.WEIGHTS.read_text("utf-8"))
# The shipped weights switched on at bolder thresholds of the leave-one-set-out grid than
# the shipped ones (accept 0.95, drop 0.05, chosen over all the gold sets; the model
# ships on by its leave-one-set-out verdict: see the docs).
ON = attrs.evolve(MODEL, accept=0.7, drop=0.2)


def people(body: str, model: span_model.SpanModel | None) -> list[str]:
    with span_model.using(model):
        return list(find_people("", body).people)


def probability(body: str) -> float:
    """The shipped model's probability of the one undecided candidate of ``body``."""
    ex, tokens, mentions, _ = body_mentions(body, _lexicon())
    ((_, _, feats),) = span_model.candidates(mentions, tokens, ex, "", MODEL.stats)
    return MODEL.probability(feats)


def kinds(body: str) -> dict[str, str]:
    ex, tokens, mentions, _ = body_mentions(body, _lexicon())
    return {" ".join(m.words): kind for m, kind, _ in
            span_model.candidates(mentions, tokens, ex, "", span_model.WordStats())}


# A quoted person with a first name outside the lists and no title, role or speech verb
# next to the name: the rules leave her out, the model takes her.
QUOTED = ("Tavishi Okonkwo-Reyes has run the allotment society for eleven years. "
          "\"We lost half the leeks to the frost,\" she told members on Tuesday. "
          "Okonkwo-Reyes hopes the new polytunnel will help.")
# A product whose first word is a listed first name, with no cue of a person: the rules
# take it for one, the model drops it.
PRODUCT = ("Pre-orders for Clara Engine open in June. Its battery lasts a week, and it "
           "charges in an hour.")


def test_quoted_unusual_first_name_is_undecided_and_accepted() -> None:
    assert kinds(QUOTED) == {"Tavishi Okonkwo-Reyes": span_model.REJECTED}
    assert people(QUOTED, None) == []
    assert people(QUOTED, ON) == ["Tavishi Okonkwo-Reyes"]


def test_product_with_a_first_name_is_undecided_and_dropped_at_or_under_drop() -> None:
    assert kinds(PRODUCT) == {"Clara Engine": span_model.LISTED}
    assert people(PRODUCT, None) == ["Clara Engine"]
    p = probability(PRODUCT)
    assert people(PRODUCT, attrs.evolve(MODEL, drop=p)) == []
    assert people(PRODUCT, attrs.evolve(MODEL, drop=p - 0.01)) == ["Clara Engine"]


# A first name of the world dictionary's tier only (not the curated lists), no cue.
WORLD = ("Mizanur Rahman opened the new clinic in the town on Monday. Rahman hopes to hire "
         "two nurses.")


def test_a_name_the_world_tier_takes_is_listed_not_rejected() -> None:
    """The rules take "Mizanur Rahman" by the world dictionary's first names, so the model
    may drop it (listed), never has to accept it (rejected); its first word is a feature."""
    assert kinds(WORLD) == {"Mizanur Rahman": span_model.LISTED}
    assert people(WORLD, None) == ["Mizanur Rahman"]
    ex, tokens, mentions, _ = body_mentions(WORLD, _lexicon())
    ((_, _, feats),) = span_model.candidates(mentions, tokens, ex, "", span_model.WordStats())
    assert "f:world" in feats and "l:world" not in feats


def test_a_gazetteer_place_is_decided_by_the_rules_not_the_model() -> None:
    """The gazetteer's evidence decides "Khon Kaen": no candidate for the model to accept."""
    body = "Farmers around Khon Kaen and Udon Thani expect a poor crop."
    assert kinds(body) == {}
    assert people(body, ON) == people(body, None) == []


def test_decided_candidates_are_left_to_the_rules() -> None:
    body = "Analyst Priya Sood said its sales rose. Mr Sood expects more."
    assert kinds(body) == {}
    assert people(body, ON) == people(body, None) == ["Priya Sood"]


def test_shipped_model_follows_the_leave_one_set_out_verdict() -> None:
    """Trained on the twenty-four read gold sets (unseen20 and unseen21 added once they
    were read) after the rules of briefs Z50 to Z60, the model raises the leave-one-set-out
    mean of precision and recall a little (0.9558 -> 0.9563) and costs no set more than
    0.007 of precision (0.01 allowed): it ships on, at the thresholds best over all the
    sets, accept 0.95, drop 0.05. (Trained after Z50 to Z58 only, the same rule had turned
    it off: one set lost 0.017.)"""
    assert (MODEL.accept, MODEL.drop, MODEL.enabled) == (0.95, 0.05, True)
    assert WEIGHTS["settings"]["sets"] == list(people_model_rows.TRAINING_SETS)
    assert people(QUOTED, attrs.evolve(MODEL, accept=2.0)) == []  # a bar nothing passes
    assert people(QUOTED, None) == []  # the rules alone leave her out
    assert people(QUOTED, MODEL) == ["Tavishi Okonkwo-Reyes"]  # the model takes her
    assert people(PRODUCT, MODEL) == ["Clara Engine"]  # not dropped at 0.05
    assert list(find_people("", QUOTED).people) == ["Tavishi Okonkwo-Reyes"]  # the default


def test_default_follows_the_weights_file() -> None:
    assert (span_model.active_model() is MODEL) == WEIGHTS["enabled"]
    with span_model.using(None):
        assert span_model.active_model() is None


def test_using_holds_in_its_own_thread_only() -> None:
    """An indexing thread keeps the default while another thread scores with a model."""
    seen: list[span_model.SpanModel | None] = []
    with span_model.using(ON):
        worker = threading.Thread(target=lambda: seen.append(span_model.active_model()))
        worker.start()
        worker.join()
        assert span_model.active_model() is ON
    # the default: the shipped model where its verdict is on, else the rules alone
    assert seen == [span_model.active_model()] == [MODEL if MODEL.enabled else None]
    with span_model.using(None):
        assert span_model.active_model() is None  # the rules alone


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    model = span_model.SpanModel({"a": 1.0, "b": -0.5}, 0.25)
    assert model.probability(["a", "b", "unknown"]) == pytest.approx(1 / (1 + 2.718281828**-0.75))
    assert model.probability([]) == pytest.approx(1 / (1 + 2.718281828**-0.25))


def test_local_rows_are_the_recorded_ones() -> None:
    """The rows of the gold sets in the repository, worked out by the rules of this tree
    with the shipped lower-case bands, are the ones the weights were trained on: a rule
    change that moves a candidate or a feature makes this fail (retrain)."""
    sets = people_model_rows.gold_sets([])
    rows = people_model_rows.gold_rows(sets, MODEL.stats)
    assert train_people_model.local_digest(rows) == WEIGHTS["local_rows_sha256"]


@pytest.mark.skipif(not (REUTERS / "reut2-000.sgm.gz").exists(),
                    reason=f"Reuters-21578 is not at {REUTERS}")
def test_shipped_weights_are_what_the_script_trains() -> None:
    pytest.importorskip("sklearn")
    t = train_people_model.training(people_model_rows.read_stories(REUTERS))
    assert people_model_rows.digest(t.rows) == WEIGHTS["rows_sha256"]
    assert t.stats == MODEL.stats
    final = train_people_model.train(t.rows, t.stats)
    assert (final.weights, final.bias) == (WEIGHTS["weights"], WEIGHTS["bias"])


def test_letter_odds_are_the_smoothed_log_odds_of_trigrams() -> None:
    odds = span_model.letter_odds(["ana", "ana"], ["and"], min_count=1)
    # Trigrams of "^ana$": ^an ana na$; of "^and$": ^an and nd$ (each word once).
    # Five distinct trigrams: the names have 3 + 5 in all, the words 3 + 5.
    assert odds == {"^an": 0.0, "ana": round(math.log(2 / 8) - math.log(1 / 8), 2),
                    "and": round(math.log(1 / 8) - math.log(2 / 8), 2),
                    "na$": round(math.log(2 / 8) - math.log(1 / 8), 2),
                    "nd$": round(math.log(1 / 8) - math.log(2 / 8), 2)}
    assert span_model.letter_odds(["ana"], ["and"]) == {}  # each seen under 3 times


def test_name_likeness_is_the_rounded_mean_within_two() -> None:
    letters = {"^na": 3.0, "naj": 3.0, "ajm": 3.0, "jm$": 3.0, "^la": -1.0, "lau": -2.0}
    assert span_model.name_likeness("najm", letters) == 2     # mean 3.0, kept at 2
    assert span_model.name_likeness("launch", letters) == 0   # (-1 - 2) / 6 rounds to 0
    assert span_model.name_likeness("lau", letters) == -1     # (-1 - 2) / 3
    assert span_model.name_likeness("xyz", letters) == 0


def test_surnames_are_folded_latin_family_names() -> None:
    names = span_model.surnames()
    assert {"nguyen", "perera", "yilmaz", "muller", "garcia"} <= names
    assert all(n == n.lower() and " " not in n for n in names)


def test_features_name_the_new_word_evidence() -> None:
    """A candidate's words carry their surname membership and letter likeness."""
    ex, tokens, mentions, _ = body_mentions(QUOTED, _lexicon())
    stats = span_model.WordStats({}, {"^ok": 7.0, "oko": 7.0})  # 14 / 13 trigrams
    ((_, _, feats),) = span_model.candidates(mentions, tokens, ex, "", stats)
    assert "f:letters=0" in feats and "l:letters=1" in feats
