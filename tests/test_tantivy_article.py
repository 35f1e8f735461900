"""The tantivy engine scores a plain word as a word of the whole article (its
``article`` field: the title's terms then the body's) plus the title's score times
the title boost, as the Whoosh engine does (docsearch.search.article), and refuses
an index made before that field (format 1) with a line asking for a rebuild."""

from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("tantivy")

import docsearch  # noqa: E402
from docsearch.engines import tantivy as engine  # noqa: E402
from docsearch.engines.tantivy.compile import compile_query  # noqa: E402
from docsearch.errors import IndexFormatError  # noqa: E402
from docsearch.search import perfield  # noqa: E402
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
    folder = tmp_path_factory.mktemp("article")
    made = fill(fill(engine.create(folder / "gen"), DOCS[:2]), DOCS[2:])  # two segments
    return made.snapshot()


def bm25(tf: int, length: int, average: float, df: int, n: int) -> float:
    """tantivy's BM25 of one term in one document, written out."""
    idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
    return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / average))


def field_scores(texts: list[tuple[str, ...]], word: str) -> list[float]:
    """Each text's BM25 of ``word`` among ``texts`` (the documents' field)."""
    average = sum(map(len, texts)) / len(texts)
    df = sum(word in t for t in texts)
    return [bm25(t.count(word), len(t), average, df, len(texts)) if word in t else 0.0
            for t in texts]


def idf(texts: list[tuple[str, ...]], word: str) -> float:
    df = sum(word in t for t in texts)
    return math.log(1 + (len(texts) - df + 0.5) / (df + 0.5))


def expected(word: str, title_boost: float, boost: float) -> dict[str, float]:
    """The title's BM25 weighed by the article's idf, as the Whoosh engine weighs it."""
    articles = [d.title_terms + d.body_terms for d in DOCS]
    titles = [d.title_terms for d in DOCS]
    article = field_scores(articles, word)
    title = [t * idf(articles, word) / idf(titles, word) for t in field_scores(titles, word)]
    return {d.id: boost * a + title_boost * t
            for d, a, t in zip(DOCS, article, title, strict=True) if a}


def scores(snapshot, node) -> dict[str, float]:
    found = snapshot.score(node, 0.9, 0.4)
    return dict(zip((snapshot.ids()[d] for d in found.docs), found.scores.tolist(),
                    strict=True))


@pytest.mark.parametrize("word, title_boost, boost", [
    ("ferri", 0.75, 1.0), ("ferri", 1.5, 2.0), ("night", 0.75, 1.0), ("harbour", 0.0, 1.0),
])
def test_a_plain_word_scores_the_article_plus_the_title_times_its_boost(
        snapshot, word, title_boost, boost):
    node = qt.Or((qt.Term("title", word, title_boost), qt.Term("body", word, boost),
                  qt.Term("body", "zzz")))
    found, wanted = scores(snapshot, node), expected(word, title_boost, boost)
    assert sorted(found) == sorted(wanted)
    assert np.allclose([found[k] for k in sorted(found)], [wanted[k] for k in sorted(wanted)],
                       rtol=1e-5)


def test_the_compiled_query_of_a_plain_word(snapshot):
    """The article's term times the body's boost, then the title's times the title
    boost and the article's idf over the titles' (fields: 0 id, 1 title, 2 body, 3
    article; 'ferri' is in 2 titles and 3 articles of 4)."""
    factor = math.log(1 + 1.5 / 3.5) / math.log(1 + 2.5 / 2.5)
    assert round(0.75 * factor, 4) == 0.3859
    node = QueryParser(0.75).parse("ferry", lambda field, typed: ())
    assert node == qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri")))
    assert repr(compile_query(snapshot, node)) == (
        'Query(BooleanQuery { subqueries: [(Should, TermQuery(Term(field=3, type=Str, '
        '"ferri"))), (Should, Boost(query=TermQuery(Term(field=1, type=Str, "ferri")), '
        'boost=0.38592988))], minimum_number_should_match: 1 })')


def test_a_word_of_the_title_and_the_body_counts_once_in_the_article(snapshot):
    """a1 has 'ferri' once in its title and twice in its body: one saturation of 3,
    not a title's score added to a body's."""
    node = qt.Or((qt.Term("title", "ferri", 0.75), qt.Term("body", "ferri")))
    per_field = {d.id: 0.75 * t + b for d, t, b in zip(
        DOCS, field_scores([d.title_terms for d in DOCS], "ferri"),
        field_scores([d.body_terms for d in DOCS], "ferri"), strict=True)}
    assert DOCS[0].title_terms.count("ferri") + DOCS[0].body_terms.count("ferri") == 3
    assert not math.isclose(scores(snapshot, node)["a1"], per_field["a1"], rel_tol=1e-3)


def test_a_field_named_alone_scores_in_that_field(snapshot):
    wanted = field_scores([d.body_terms for d in DOCS], "ferri")
    found = scores(snapshot, qt.Or((qt.Term("body", "ferri"), qt.Term("body", "zzz"))))
    assert sorted(found) == ["a1", "a2"]
    assert np.allclose([found["a1"], found["a2"]], wanted[:2], rtol=1e-5)


def test_an_index_of_format_1_asks_for_a_rebuild(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True, engine="tantivy") as ix:
        ix.add([docsearch.Article(id="a1", title="Tide tables", body="Printed tide tables.")],
               extract=False)
    data = tmp_path / "ix" / "data"
    assert (data / engine.FORMAT_FILE).read_text() == '{"format": 2}'
    (data / engine.FORMAT_FILE).unlink()  # as an index of format 1 was made
    with pytest.raises(IndexFormatError) as caught:
        engine.open(data)
    assert str(caught.value) == (f"the tantivy index in {data} has tantivy engine format 1, "
                                 f"not 2: rebuild the index")
    with pytest.raises(IndexFormatError) as caught:
        docsearch.open(tmp_path / "ix")
    assert str(caught.value) == (f"the index at {tmp_path / 'ix'} is damaged: the tantivy "
                                 f"index in {data} has tantivy engine format 1, not 2: "
                                 f"rebuild the index")


def test_the_shared_children_of_an_or():
    """docsearch.search.perfield.article_children: a plain word's article term (the
    body's boost) then its title term, the title's boost times idf(article) /
    idf(title) given the frequencies; other terms as they were."""
    children = (qt.Term("body", "strike"), qt.Term("title", "ferri", 1.5),
                qt.Term("body", "ferri", 2.0), qt.Term("title", "night", 0.75))
    df = {("title", "ferri"): 2, ("article", "ferri"): 3}
    factor = math.log(1 + 1.5 / 3.5) / math.log(1 + 2.5 / 2.5)
    assert perfield.article_children(children, 4, lambda field, text: df[field, text]) == [
        qt.Term("body", "strike"), qt.Term("article", "ferri", 2.0),
        qt.Term("title", "ferri", 1.5 * factor), qt.Term("title", "night", 0.75)]
    assert perfield.article_children(children)[2] == qt.Term("title", "ferri", 1.5)
