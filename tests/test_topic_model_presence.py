"""Self-training reads each word of an article once (issue 17, brief Z6).

A multinomial naive Bayes sums a word's log probability once per occurrence, so one word
said again and again outweighs the rest of the article (Rennie et al. 2003 on the poor
assumptions of naive Bayes for text: word counts are burstier than the model expects).
When self-training relabels the collection, the collection's model
(:class:`~docsearch.extract.topic_model.TopicModel`) counts the words it knows once each
(:meth:`~docsearch.extract.topic_model.TopicModel.best_once`); the fitted model's final
choice for an article still counts every occurrence (chosen on AG News's odd rows: it did
better there than reading each word once in both places).
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import docsearch.extract.topics
from docsearch.extract.topic_model import (
    MIN_KNOWN,
    MODEL_FILE,
    TopicModel,
    _Collection,
    _features,
    collection_taxonomy,
    fit_topic_model,
)
from docsearch.extract.topics import stem
from tests.test_topics import _collection

ECONOMY = "economy, business and finance"
NAMES = docsearch.extract.topics.default_taxonomy().names


def _two_topic_model() -> TopicModel:
    """Economy gives "zorball" most of its mass; sport spreads its mass over three words."""
    vocabulary = [stem("zorball"), stem("quibbet"), stem("plinth")]
    probs = np.array([[0.6, 0.2, 0.2],      # economy
                      [0.3, 0.35, 0.35]])   # sport
    return TopicModel(NAMES, (ECONOMY, "sport"), vocabulary, np.log(probs).astype(np.float32))


def test_self_training_reads_a_word_said_again_and_again_once():
    model = _two_topic_model()
    # Counted at every occurrence, five "zorball"s make it economy (5 ln .6 + 2 ln .2 = -5.77
    # against 5 ln .3 + 2 ln .35 = -8.12); once each, the other two words decide: sport
    # (ln .6 + 2 ln .2 = -3.73 against ln .3 + 2 ln .35 = -3.30).
    title, body = "Quibbet plinth", "Zorball, zorball, zorball, zorball and zorball."
    assert model.best_once(_features(title, body)) == NAMES.index("sport")
    assert model.best(title, body) == ECONOMY
    # Each word once: the same as the article with each word written once.
    assert model.best_once(_features("Quibbet plinth", "Zorball.")) == NAMES.index("sport")
    assert model.best("Quibbet plinth", "Zorball.") == "sport"
    # Economy's word alone is still economy's.
    assert model.best_once(_features("Zorball", "Zorball and zorball.")) == NAMES.index(ECONOMY)


def test_repeats_still_count_towards_the_words_the_model_needs():
    model = _two_topic_model()
    # MIN_KNOWN counts the known words with their repeats, read once or not: three
    # "zorball"s let the model decide; two do not.
    assert MIN_KNOWN == 3
    assert model.best_once(_features("", "Zorball zorball zorball.")) == NAMES.index(ECONOMY)
    assert model.best_once(_features("", "Zorball zorball.")) is None
    assert model.best("", "Zorball zorball.") is None


_COLUMNS = st.lists(st.integers(0, 5), max_size=12)
_LOGS = st.lists(st.lists(st.integers(-9, -1), min_size=6, max_size=6), min_size=1, max_size=4)


@given(_COLUMNS, _LOGS)
def test_best_once_and_best_of_against_the_obvious_sums(known, logs):
    # The numpy paths against the obvious loops: each topic's sum of its log probabilities
    # over the set of known words (read once) or over every occurrence, the first best
    # topic (small integer logs: sums exact, ties broken by order).
    topics = NAMES[:len(logs)]
    vocabulary = [f"w{i}" for i in range(6)]
    model = TopicModel(NAMES, topics, vocabulary, np.array(logs, dtype=np.float32))
    words = [vocabulary[c] for c in known]
    if len(known) < MIN_KNOWN:
        assert model.best_once(words) is None and model.best_of(known) is None
        return
    for columns, got in ((set(known), model.best_once(words)), (known, model.best_of(known))):
        totals = [sum(row[c] for c in columns) for row in logs]
        expected = max(range(len(logs)), key=lambda t: (totals[t], -t))
        assert got == NAMES.index(topics[expected])


def test_self_training_labels_an_article_by_its_words_read_once():
    # The collection: confident sport articles that also say "zorball fans cheered",
    # confident economy ones that also say "quibbet traders were busy", and three articles
    # no term of the taxonomy names that say "quibbet" five times and three sport words once
    # each, and "plinth", a word of theirs alone. Read once, their words are sport's, so
    # self-training labels them sport and "plinth" becomes a sport word (counting every
    # "quibbet", they were economy and so was "plinth").
    odd = [(f"Quibbet {i}", "Quibbet, quibbet, quibbet and quibbet. Zorball fans cheered "
            "by the plinth.") for i in range(3)]
    model = fit_topic_model(_collection() + odd)
    assert model is not None and model.topics == (ECONOMY, "sport")
    assert model.best("Plinth", "Plinth plinth plinth.") == "sport"
    taxonomy = docsearch.extract.topics.default_taxonomy().with_model(model)
    assert taxonomy.classify("Plinth", "Plinth plinth plinth.") == ["sport"]


def test_an_index_saved_before_keeps_its_model(tmp_path):
    # The model file is as before (names, topics, vocabulary, log_probs): an index written
    # earlier loads without a rebuild and chooses topics as before.
    model = _two_topic_model()
    np.savez_compressed(tmp_path / MODEL_FILE, names=np.array(model.names),
                        topics=np.array(model.topics),
                        vocabulary=np.array(sorted(model.vocabulary, key=model.vocabulary.get)),
                        log_probs=model.log_probs)
    loaded = collection_taxonomy(tmp_path).model
    assert loaded is not None and loaded.topics == (ECONOMY, "sport")
    assert np.array_equal(loaded.log_probs, model.log_probs)
    assert loaded.best("Quibbet plinth", "Zorball, zorball, zorball, zorball and zorball.") == (
        ECONOMY)
    assert loaded.best("Quibbet plinth", "Zorball.") == "sport"


_POOL = ["ann", "bob", "cat", "dog", "eel", "fox", "gnu"]


@given(st.lists(st.lists(st.sampled_from(_POOL), max_size=10), min_size=1, max_size=12),
       st.permutations(_POOL), st.integers(1, 7), _LOGS)
def test_relabelling_against_best_once_one_article_at_a_time(docs, order, size, logs):
    # Self-training's relabelling (distinct words and their repeats counted once per
    # collection) against the model's reading of each article's words once each, for a
    # model whose vocabulary is any subset of the collection's words in any order.
    vocabulary = [w for w in order[:size] if any(w in doc for doc in docs)]
    if not vocabulary:
        return
    rows = [[row[i % len(row)] for i in range(len(vocabulary))] for row in logs]
    model = TopicModel(NAMES, NAMES[:len(logs)], vocabulary, np.array(rows, dtype=np.float32))
    assert _Collection(docs).relabelled(model) == [model.best_once(doc) for doc in docs]
