"""The tantivy engine adds a plain word's BM25 per field, the title's weighed
``title_boost / 0.75`` (docsearch.engines.tantivy.compile.TITLE_WEIGHT): the
default title boost, 0.75, gives its title weight 1, its measured best; a field
named in the query keeps its own boost."""

from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("tantivy")

from docsearch import Ranking  # noqa: E402
from docsearch.engines import tantivy as engine  # noqa: E402
from docsearch.engines.tantivy import compile as tantivy_compile  # noqa: E402
from docsearch.search import querytree as qt  # noqa: E402
from docsearch.search.query import QueryParser  # noqa: E402
from tests.engines.backend_docs import doc, fill  # noqa: E402

DOCS = [
    doc("a1", "Ferry strike", "Ferry crews strike over the night rota of the ferry."),
    doc("a2", "Night market", "The night market opens; a ferry crew shops there."),
    doc("a3", "Ferry", "Swimmers train at night by the harbour."),
    doc("a4", "Harbour shift", "The harbour crews shift the buoys."),
]
#: tantivy's BM25 constants.
K1, B = 1.2, 0.75


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory):
    folder = tmp_path_factory.mktemp("title_weight")
    made = fill(fill(engine.create(folder / "gen"), DOCS[:2]), DOCS[2:])  # two segments
    return made.snapshot()


def field_scores(texts: list[tuple[str, ...]], word: str) -> list[float]:
    """tantivy's BM25 of ``word`` in each of ``texts`` (one field of the documents),
    written out."""
    average = sum(map(len, texts)) / len(texts)
    df = sum(word in t for t in texts)
    idf = math.log(1 + (len(texts) - df + 0.5) / (df + 0.5))
    return [idf * t.count(word) * (K1 + 1) / (t.count(word) + K1 * (1 - B + B * len(t) / average))
            for t in texts]


def expected(word: str, title_weight: float, body_weight: float) -> dict[str, float]:
    title = field_scores([d.title_terms for d in DOCS], word)
    body = field_scores([d.body_terms for d in DOCS], word)
    return {d.id: title_weight * t + body_weight * b
            for d, t, b in zip(DOCS, title, body, strict=True) if t or b}


def scores(snapshot, node) -> dict[str, float]:
    found = snapshot.score(node, 0.9, 0.4)
    return dict(zip((snapshot.ids()[d] for d in found.docs), found.scores.tolist(),
                    strict=True))


def assert_scores(found: dict[str, float], wanted: dict[str, float]) -> None:
    assert sorted(found) == sorted(wanted)
    assert np.allclose([found[k] for k in sorted(found)], [wanted[k] for k in sorted(wanted)],
                       rtol=1e-5)


def test_the_default_title_boost_is_title_weight_1():
    assert Ranking().title_boost == 0.75
    assert tantivy_compile.TITLE_WEIGHT * Ranking().title_boost == 1.0


@pytest.mark.parametrize("word, title_boost, boost, title_weight", [
    ("ferri", 0.75, 1.0, 1.0), ("ferri", 1.5, 2.0, 2.0), ("night", 0.75, 1.0, 1.0),
    ("harbour", 0.0, 1.0, 0.0),
])
def test_a_plain_word_weighs_its_title_by_title_boost_over_0_75(
        snapshot, word, title_boost, boost, title_weight):
    node = qt.Or((qt.Term("title", word, title_boost), qt.Term("body", word, boost),
                  qt.Term("body", "zzz")))
    assert_scores(scores(snapshot, node), expected(word, title_weight, boost))


def test_the_parsed_default_query_gives_the_title_weight_1(snapshot):
    node = QueryParser(Ranking().title_boost).parse("ferry", lambda field, typed: ())
    assert node == qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri")))
    assert_scores(scores(snapshot, node), expected("ferri", 1.0, 1.0))


def test_a_field_named_in_the_query_keeps_its_boost(snapshot):
    """Not a plain word: the title's term is not one of a pair of the same word."""
    node = qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "night")))
    title = expected("ferri", 0.75, 0.0)
    night = expected("night", 0.0, 1.0)
    assert_scores(scores(snapshot, node), {k: title.get(k, 0) + night.get(k, 0)
                                           for k in {*title, *night}})
