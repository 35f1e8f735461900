"""A collection's model torn between two of its topics yields to a sure supervised model
(issue 17, brief Z44).

A collection's model learns each topic's words from the collection alone. In an archive
whose politics is world politics and whose business is money words (AG News), a local
council's vote on a budget, a tax or housing reads as business to it, yet it still gives
politics some weight. Where the taxonomy's own model (the supervised model, else the seed
model) is sure of a topic some term names (:meth:`TopicModel.sure_of`, ``SEED_SURE``) and
the collection's model itself gives that topic at least ``1 - SEED_SURE``
(:meth:`TopicModel.torn`: it is not sure against it), that topic comes first. A topic the
collection's model does not keep gets nothing from it and is never chosen this way (Reuters:
trade-policy stories the supervised model reads as politics stay economy).
"""

from __future__ import annotations

import attrs
import numpy as np

from docsearch.extract.topic_model import SEED_SURE, TopicModel, _features
from docsearch.extract.topics import Taxonomy, stem

TOPICS = {"topic": [{"name": "economy", "terms": ["budget"]},
                    {"name": "politics", "terms": ["council"]},
                    {"name": "sport", "terms": ["match"]}]}
NAMES = ("economy", "politics", "sport")
WORDS = [stem("zorball"), stem("quibbet"), stem("plinth"), stem("other")]
SEED_WORDS = [stem("council"), stem("zorball"), stem("quibbet"), stem("plinth")]
TITLE, BODY = "Council rejects plan", "The council zorball quibbet plinth; a budget."


def _taxonomy(politics: float, *, kept: bool = True, sure: bool = True) -> Taxonomy:
    """A collection's model whose economy row gives each made-up word 0.3 and whose
    politics row gives ``politics`` (the model reads the words as economy, and how much it
    holds politics possible depends on it); politics is one of its topics unless ``kept``
    is false. A seed model sure of politics for those words (or not, ``sure`` false)."""
    rows = {"economy": [0.3, 0.3, 0.3, 0.1],
            "politics": [politics] * 3 + [1 - 3 * politics],
            "sport": [0.02, 0.02, 0.02, 0.94]}
    topics = NAMES if kept else ("economy", "sport")
    probs = np.array([rows[t] for t in topics])
    model = TopicModel(NAMES, topics, WORDS, np.log(probs).astype(np.float32),
                       [500] * len(topics))
    other = 0.01 if sure else 0.15
    seed = np.array([[other] * 4, [0.25] * 4, [other] * 4])
    seed_model = TopicModel(NAMES, NAMES, SEED_WORDS, np.log(seed).astype(np.float32))
    plain = attrs.evolve(Taxonomy.from_dict(TOPICS), seed=seed_model, supervised=None)
    return plain.with_model(model)


def _chance(taxonomy: Taxonomy, topic: str) -> float:
    assert taxonomy.model is not None
    weights = taxonomy.model._probabilities(_features(TITLE, BODY))
    assert weights is not None
    return float(weights[taxonomy.model.topics.index(topic)])


def test_the_article_and_the_models():
    taxonomy = _taxonomy(0.15)
    assert taxonomy.scores(TITLE, BODY) == [1.0, 4.0, 0.0]
    assert taxonomy.model is not None and taxonomy.model.best(TITLE, BODY) == "economy"
    assert taxonomy.model.lost == frozenset()
    assert taxonomy.seed is not None
    assert taxonomy.seed.sure_of(taxonomy.scores(TITLE, BODY), _features(TITLE, BODY)) == 1
    assert 1 - SEED_SURE < _chance(taxonomy, "politics") < 0.5
    assert _chance(_taxonomy(0.05), "politics") < 1 - SEED_SURE


def test_torn_is_the_models_weight_of_the_topic():
    torn, sure = _taxonomy(0.15).model, _taxonomy(0.05).model
    assert torn is not None and sure is not None
    words = _features(TITLE, BODY)
    assert torn.torn(words, 1) and not sure.torn(words, 1)
    assert torn.torn(words, 0) and sure.torn(words, 0)
    # A topic the model does not keep, and too few known words: never torn.
    dropped = _taxonomy(0.15, kept=False).model
    assert dropped is not None and not dropped.torn(words, 1)
    assert not torn.torn(["zorbal"], 1)


def test_a_torn_model_yields_to_the_topic_the_seed_model_is_sure_of():
    assert _taxonomy(0.15).classify(TITLE, BODY) == ["politics"]


def test_a_model_sure_against_the_topic_keeps_its_own():
    assert _taxonomy(0.05).classify(TITLE, BODY) == ["economy", "politics"]


def test_a_seed_model_not_sure_leaves_the_models_topic():
    taxonomy = _taxonomy(0.15, sure=False)
    assert taxonomy.seed is not None
    assert taxonomy.seed.sure_of(taxonomy.scores(TITLE, BODY), _features(TITLE, BODY)) is None
    assert taxonomy.classify(TITLE, BODY) == ["economy", "politics"]


def test_a_topic_the_model_does_not_keep_is_not_chosen():
    assert _taxonomy(0.15, kept=False).classify(TITLE, BODY) == ["economy", "politics"]


def test_a_topic_no_term_names_is_not_chosen():
    taxonomy = _taxonomy(0.15)
    title, body = "Plan rejected", "The board zorball quibbet plinth; a budget."
    assert taxonomy.scores(title, body) == [1.0, 0.0, 0.0]
    assert taxonomy.classify(title, body) == ["economy"]
