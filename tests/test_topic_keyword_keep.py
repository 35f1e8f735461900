"""When the keywords keep their first topic against a collection's model (issue 17, brief
Z14, ninth topics round).

With a collection's model, the keywords keep their first topic where they are sure of it:
a best score above ``KEEP_SCORE`` (5.5: a score of exactly 5 is one title word, its mention
in the body and one more term) and 3 times the runner-up's; or where no term of the model's
topic occurs and their best score is at least ``UNNAMED_SCORE`` (7: without the 3 times
margin, more terms must agree). Otherwise the model's topic comes first. Chosen on AG
News's odd rows; the small sets inside AG News lost nothing (``docs/extraction-history.md``,
ninth topics round).
"""

from __future__ import annotations

import attrs
import numpy as np

from docsearch.extract.topic_model import TopicModel
from docsearch.extract.topics import KEEP_SCORE, UNNAMED_SCORE, Taxonomy, stem

TOPICS = {"topic": [{"name": "arts", "terms": ["gallery", "museum", "painter", "sculptor"]},
                    {"name": "politics", "terms": ["minister"]},
                    {"name": "sport", "terms": ["match"]}]}
NAMES = ("arts", "politics", "sport")
WORDS = [stem("zorball"), stem("quibbet"), stem("plinth"), stem("other")]


def _taxonomy() -> Taxonomy:
    """The three topics, no seed or supervised model (their checks stay out of the way),
    and a collection's model that reads the made-up words as sport."""
    probs = np.array([[0.02, 0.02, 0.02, 0.94],     # arts
                      [0.02, 0.02, 0.02, 0.94],     # politics
                      [0.3, 0.3, 0.3, 0.1]])        # sport
    model = TopicModel(NAMES, NAMES, WORDS, np.log(probs).astype(np.float32))
    plain = attrs.evolve(Taxonomy.from_dict(TOPICS), seed=None, supervised=None)
    return plain.with_model(model)


def test_the_settings():
    assert (KEEP_SCORE, UNNAMED_SCORE) == (5.5, 7.0)


def test_keywords_at_exactly_five_give_way_to_the_model():
    taxonomy = _taxonomy()
    # gallery: title 3 + body 1; museum 1; a sport term once.
    title, body = "Gallery opens", "The gallery and museum saw zorball quibbet plinth; a match."
    assert taxonomy.scores(title, body) == [5.0, 0.0, 1.0]
    assert taxonomy.classify(title, body) == ["sport", "arts"]


def test_keywords_sure_above_five_keep_their_topic():
    taxonomy = _taxonomy()
    title = "Gallery opens"
    body = "The gallery, museum and painter saw zorball quibbet plinth; a match."
    assert taxonomy.scores(title, body) == [6.0, 0.0, 1.0]
    assert taxonomy.classify(title, body) == ["arts"]


def test_keywords_ahead_of_an_unnamed_model_topic_need_seven():
    taxonomy = _taxonomy()
    # Not sure (politics 3 is more than a third of arts), and no sport term occurs.
    title, body = "Gallery minister", "The gallery, museum and painter saw zorball quibbet plinth."
    assert taxonomy.scores(title, body) == [6.0, 3.0, 0.0]
    assert taxonomy.classify(title, body) == ["sport", "arts", "politics"]
    body = "The gallery, museum, painter and sculptor saw zorball quibbet plinth."
    assert taxonomy.scores(title, body) == [7.0, 3.0, 0.0]
    assert taxonomy.classify(title, body) == ["arts"]
