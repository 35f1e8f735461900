"""A topic the collection's model lost in self-training does not overrule the keywords
(issue 17, brief Z40).

A collection's model keeps a topic with at least ``MIN_EXAMPLES`` confident keyword
articles, but self-training can swallow it: in an archive of another publisher's four
classes (AG News: world, sport, business, technology) the 50-odd arts articles are relabelled
sport or politics round after round until none is left, and the arts row of the model is
smoothing alone. Such a model cannot judge an arts article, and yet it chose its sport for a
festival bill or a theatre review. The model now records how many articles each of its
topics was trained on (:attr:`TopicModel.articles`); a topic with fewer than
``MIN_EXAMPLES`` is *lost* (:attr:`TopicModel.lost`), and where the taxonomy's own model
(the supervised model, else the seed model) is sure of a lost topic that some term names
(:meth:`TopicModel.sure_of`, ``SEED_SURE``), that topic comes first.
"""

from __future__ import annotations

import attrs
import numpy as np

from docsearch.extract.topic_model import (
    MIN_EXAMPLES,
    MODEL_FILE,
    TopicModel,
    _features,
    collection_taxonomy,
    fit_topic_model,
)
from docsearch.extract.topics import Taxonomy, default_taxonomy, stem

TOPICS = {"topic": [{"name": "arts", "terms": ["gallery", "museum", "painter", "sculptor"]},
                    {"name": "politics", "terms": ["minister"]},
                    {"name": "sport", "terms": ["match"]}]}
NAMES = ("arts", "politics", "sport")
WORDS = [stem("zorball"), stem("quibbet"), stem("plinth"), stem("other")]
SEED_WORDS = [stem("gallery"), stem("zorball"), stem("quibbet"), stem("plinth")]


def _taxonomy(articles: tuple[int, ...] | None, arts_sure: bool = True) -> Taxonomy:
    """The three topics; a collection's model that reads the made-up words as sport and
    was trained on ``articles`` per topic; a seed model that reads them as the arts (sure
    of them, or not with ``arts_sure`` false)."""
    probs = np.array([[0.02, 0.02, 0.02, 0.94],     # arts
                      [0.02, 0.02, 0.02, 0.94],     # politics
                      [0.3, 0.3, 0.3, 0.1]])        # sport
    model = TopicModel(NAMES, NAMES, WORDS, np.log(probs).astype(np.float32), articles)
    other = 0.01 if arts_sure else 0.15
    seed = np.array([[0.25] * 4, [other] * 4, [other] * 4])
    seed_model = TopicModel(NAMES, NAMES, SEED_WORDS, np.log(seed).astype(np.float32))
    plain = attrs.evolve(Taxonomy.from_dict(TOPICS), seed=seed_model, supervised=None)
    return plain.with_model(model)


TITLE, BODY = "Gallery opens", "The gallery saw zorball quibbet plinth; a match."


def test_the_article_and_the_models():
    taxonomy = _taxonomy((MIN_EXAMPLES - 1, 400, 500))
    assert taxonomy.scores(TITLE, BODY) == [4.0, 0.0, 1.0]
    assert taxonomy.model is not None and taxonomy.model.best(TITLE, BODY) == "sport"
    assert taxonomy.seed is not None
    assert taxonomy.seed.sure_of(taxonomy.scores(TITLE, BODY),
                                 _features(TITLE, BODY)) == 0


def test_a_lost_topic_the_seed_model_is_sure_of_comes_first():
    taxonomy = _taxonomy((MIN_EXAMPLES - 1, 400, 500))
    assert taxonomy.model is not None and taxonomy.model.lost == frozenset({0})
    assert taxonomy.classify(TITLE, BODY) == ["arts"]


def test_a_topic_the_model_learnt_stays_the_models_to_judge():
    taxonomy = _taxonomy((MIN_EXAMPLES, 400, 500))
    assert taxonomy.model is not None and taxonomy.model.lost == frozenset()
    assert taxonomy.classify(TITLE, BODY) == ["sport", "arts"]


def test_a_model_saved_before_without_its_articles_loses_no_topic():
    taxonomy = _taxonomy(None)
    assert taxonomy.model is not None and taxonomy.model.lost == frozenset()
    assert taxonomy.classify(TITLE, BODY) == ["sport", "arts"]


def test_a_seed_model_not_sure_of_the_lost_topic_leaves_the_models():
    taxonomy = _taxonomy((0, 400, 500), arts_sure=False)
    assert taxonomy.seed is not None
    assert taxonomy.seed.sure_of(taxonomy.scores(TITLE, BODY), _features(TITLE, BODY)) is None
    assert taxonomy.classify(TITLE, BODY) == ["sport", "arts"]


def test_a_lost_topic_no_term_names_is_not_chosen():
    taxonomy = _taxonomy((0, 400, 500))
    title, body = "Opening", "The hall saw zorball quibbet plinth; a match."
    assert taxonomy.scores(title, body) == [0.0, 0.0, 1.0]
    assert taxonomy.classify(title, body) == ["sport"]


def _pool(i: int) -> str:
    """A made-up word (``zq`` and the letters of ``i``'s digits)."""
    return "zq" + "".join("abcdefghij"[int(c)] for c in str(i))


PLAIN = "It was said on the day that it was in the town at the time, and then it was over."


def _swallowed(n_sport: int = 400, n_arts: int = 25) -> list[tuple[str, str]]:
    """Sport articles with ten words of a pool of 2,000 made-up words each (a large
    vocabulary, as a real collection has), and ``n_arts`` articles the keywords read
    confidently as the arts whose other words are the sport articles' plain words."""
    sport = [(f"Rovers win match {i}", "The striker scored a goal in the league match; the "
              f"coach praised the team. {PLAIN} "
              + " ".join(_pool((i * 10 + k) % 2000) for k in range(10))) for i in range(n_sport)]
    arts = [(f"Gallery painter {i}", PLAIN) for i in range(n_arts)]
    return sport + arts


ARTS = "arts, culture, entertainment and media"


def test_fitting_records_the_articles_each_topic_was_trained_on():
    taxonomy = default_taxonomy()
    docs = _swallowed()
    model = fit_topic_model(docs, taxonomy)
    assert model is not None and model.articles is not None
    # 25 confident arts articles: the model keeps the arts; self-training relabels them sport.
    assert model.topics == (ARTS, "sport")
    assert model.articles == (0, 425)
    assert model.lost == frozenset({taxonomy.names.index(ARTS)})
    trained = dict(zip(model.topics, model.articles, strict=True))
    expected = [model.best_once(_features(t, b)) for t, b in docs]
    assert trained == {topic: sum(1 for e in expected if e == taxonomy.names.index(topic))
                       for topic in model.topics}


def test_the_articles_are_saved_and_read_back(tmp_path):
    docs = _swallowed()
    taxonomy = collection_taxonomy(tmp_path, articles=docs)
    assert (tmp_path / MODEL_FILE).exists()
    loaded = collection_taxonomy(tmp_path).model
    assert taxonomy.model is not None and loaded is not None
    assert loaded.articles == taxonomy.model.articles
    assert loaded.lost == taxonomy.model.lost != frozenset()


def test_an_arts_article_in_a_collection_that_lost_the_arts():
    # The model reads the plain words as sport; one sport word ("fans", 1) and the arts
    # terms (3): without the rule the model's sport came first. The supervised model is
    # sure of the arts, which the collection's model lost.
    taxonomy = default_taxonomy().with_model(fit_topic_model(_swallowed()))
    title, body = "Band on tour", ("The singer and the band played songs from the new album; "
                                   f"the fans in the stadium cheered. {PLAIN}")
    assert taxonomy.model is not None and taxonomy.model.best(title, body) == "sport"
    assert taxonomy.scores(title, body)[taxonomy.names.index("sport")] == 1.0
    assert taxonomy.classify(title, body) == [ARTS]
    # A sport article keeps the model's sport.
    assert taxonomy.classify("Cup final", f"The striker scored a goal. {PLAIN}")[0] == "sport"


def test_a_model_without_its_articles_is_saved_and_read_back_without(tmp_path):
    model = _taxonomy(None).model
    assert model is not None
    model.save(tmp_path / MODEL_FILE)
    loaded = TopicModel.load(tmp_path / MODEL_FILE)
    assert loaded.articles is None and loaded.lost == frozenset()
    counted = _taxonomy((3, 400, 500)).model
    assert counted is not None
    counted.save(tmp_path / MODEL_FILE)
    assert TopicModel.load(tmp_path / MODEL_FILE).articles == (3, 400, 500)
