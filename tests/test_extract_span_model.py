"""The people span model (docsearch/extract/span_model.py): what it decides that the rules
leave undecided, and that its shipped weights are what benchmarks/train_people_model.py
trains from its rows (they cannot drift silently from the rules or the data)."""

from __future__ import annotations

import json
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
# The shipped weights switched on at thresholds of the leave-one-set-out grid (the shipped
# thresholds, chosen over all the gold sets, accept and drop nothing: see the docs).
ON = attrs.evolve(MODEL, accept=0.7, drop=0.2)


def people(body: str, model: span_model.SpanModel | None) -> list[str]:
    with span_model.using(model):
        return list(find_people("", body).people)


def kinds(body: str) -> dict[str, str]:
    ex, tokens, mentions, _ = body_mentions(body, _lexicon())
    return {" ".join(m.words): kind for m, kind, _ in
            span_model.candidates(mentions, tokens, ex, "", {})}


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


def test_product_with_a_first_name_is_undecided_and_dropped() -> None:
    assert kinds(PRODUCT) == {"Clara Engine": span_model.LISTED}
    assert people(PRODUCT, None) == ["Clara Engine"]
    assert people(PRODUCT, ON) == []


def test_decided_candidates_are_left_to_the_rules() -> None:
    body = "Analyst Priya Sood said its sales rose. Mr Sood expects more."
    assert kinds(body) == {}
    assert people(body, ON) == people(body, None) == ["Priya Sood"]


def test_shipped_thresholds_leave_the_rules_alone() -> None:
    assert (MODEL.accept, MODEL.drop, MODEL.enabled) == (2.0, -1.0, False)
    assert people(QUOTED, MODEL) == [] and people(PRODUCT, MODEL) == ["Clara Engine"]


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
    assert seen == [span_model.active_model()] == [None]


def test_probability_is_the_logistic_of_the_summed_weights() -> None:
    model = span_model.SpanModel({"a": 1.0, "b": -0.5}, 0.25)
    assert model.probability(["a", "b", "unknown"]) == pytest.approx(1 / (1 + 2.718281828**-0.75))
    assert model.probability([]) == pytest.approx(1 / (1 + 2.718281828**-0.25))


def test_local_rows_are_the_recorded_ones() -> None:
    """The rows of the gold sets in the repository, worked out by the rules of this tree
    with the shipped lower-case bands, are the ones the weights were trained on: a rule
    change that moves a candidate or a feature makes this fail (retrain)."""
    sets = people_model_rows.gold_sets([])
    rows = people_model_rows.gold_rows(sets, MODEL.lower_words)
    assert train_people_model.local_digest(rows) == WEIGHTS["local_rows_sha256"]


@pytest.mark.skipif(not (REUTERS / "reut2-000.sgm.gz").exists(),
                    reason=f"Reuters-21578 is not at {REUTERS}")
def test_shipped_weights_are_what_the_script_trains() -> None:
    pytest.importorskip("sklearn")
    t = train_people_model.training(people_model_rows.read_stories(REUTERS))
    assert people_model_rows.digest(t.rows) == WEIGHTS["rows_sha256"]
    assert t.lower == MODEL.lower_words
    final = train_people_model.train(t.rows, t.lower)
    assert (final.weights, final.bias) == (WEIGHTS["weights"], WEIGHTS["bias"])
