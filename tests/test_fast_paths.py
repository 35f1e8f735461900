"""The fast paths give Whoosh's own answers: one-pass matching and ranking equals
``docs_for_query`` + ``search``, newest-first pages equal ``sortedby``, and the
fast tokens that snippets mark equal Whoosh's analyzer's, on sample_docs/ and on
random indexes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import sorting

import docsearch
from docsearch import Article
from docsearch.engines.whoosh import scoring
from docsearch.engines.whoosh.compile import to_whoosh
from docsearch.engines.whoosh.vector import Vectors
from docsearch.search import ranking
from docsearch.search.snippets import query_words, tokens_for

QUERIES = ["ferry", "harbour council", "harbour OR ferry", "\"city council\"", "sanct*",
           "putni~", "title:ukraine", "minister NOT ferry", "(rain OR flood) river",
           "body:kremlin", "date:2021", "record", "the", "mayor^2 harbour"]


def check_tokens(hit, body: str, words: frozenset[str]) -> None:
    """The fast tokens are the analyzer's (text, characters, stop word or not) and mark
    exactly the tokens whose text is one of the query's words."""
    searcher = hit.searcher
    analyzer = searcher.schema["body"].analyzer
    # The tree's words the index has are the words Whoosh finds for the compiled query.
    from_bytes = searcher.schema["body"].from_bytes
    whoosh_words = {from_bytes(text) for _, text in
                    hit.results.query_terms(expand=True, fieldname="body")}
    assert {w for w in words if ("body", w) in searcher.reader()} == whoosh_words
    fast = tokens_for()(body, words)
    # The analyzer yields one token object, changed in place: read it as it comes.
    slow = [(t.text, t.startchar, t.endchar, t.stopped)
            for t in analyzer(body, chars=True, removestops=False)]
    assert [(t.text, t.startchar, t.endchar, t.stopped) for t in fast] == slow
    assert [t.matched for t in fast] == [token[0] in words for token in slow]


def parse(ix: docsearch.Index, query: str):  # type: ignore[no-untyped-def]
    return to_whoosh(ix._engine.parser().parse(query, ix._engine.resolve))


def check_ranking(ix: docsearch.Index, query: str, allowed_every: int = 1) -> None:
    searcher = ix._engine.snapshot().searcher
    q = parse(ix, query)
    size = searcher.doc_count_all()
    allowed = np.zeros(size, dtype=bool)
    allowed[::allowed_every] = True
    mask, top = scoring.scored(searcher, q, allowed if allowed_every > 1 else None, 1000)
    expected = sorted(searcher.docs_for_query(q))
    assert np.flatnonzero(mask).tolist() == expected, query
    keep = {d for d in expected if allowed[d]}
    if allowed_every > 1 and not keep:  # Whoosh reads an empty filter as no filter
        assert top == []
        return
    reference = searcher.search(q, limit=1000, filter=keep if allowed_every > 1 else None)
    assert [d for _, d in top] == [hit.docnum for hit in reference], query
    assert [round(s, 9) for s, _ in top] == [round(hit.score, 9) for hit in reference]


def check_vectors(ix: docsearch.Index, query: str) -> bool:
    """Vectorised scores equal Whoosh's (to 1e-9), and so does the ranking of a search;
    returns whether the query was vectorised at all."""
    searcher = ix._engine.snapshot().searcher
    q = parse(ix, query)
    found = Vectors().score(searcher, q)
    reference = searcher.search(q, limit=None)
    expected = {hit.docnum: hit.score for hit in reference}
    if found is not None:
        matched, scores = found
        assert set(np.flatnonzero(matched).tolist()) == set(expected), query
        for docnum, score in expected.items():
            assert scores[docnum] == pytest.approx(score, rel=1e-9, abs=1e-12), query
    # Whoosh knows no proximity bonus: BM25F alone is compared.
    results = ix.search(query, per_page=1000, facets=(), ranking=docsearch.Ranking(proximity=0))
    got = [(searcher.document_number(id=h.id), h.score) for h in results.hits]
    if not (isinstance(q, type(parse(ix, ""))) or results.total == 0):
        # In the order of its own scores, ties by document number; and in Whoosh's
        # order but where two of Whoosh's scores are within 1e-9 (the same article in
        # two segments may score a last bit apart: 2.4238889136145323, ...532).
        assert got == sorted(got, key=lambda p: (-p[1], p[0]))
        assert sorted(d for d, _ in got) == sorted(expected), query
        assert all(expected[a] >= expected[b] - 1e-9
                   for (a, _), (b, _) in zip(got, got[1:], strict=False)), query
    return found is not None


def check_terms_summed_at_once(ix: docsearch.Index, words: list[str]) -> None:
    """A union of terms (a query of ``match="any"``), scored in one pass over the
    postings, equals the sum of each term's whole score array, bit for bit."""
    from docsearch.engines.whoosh.vector import _Run

    searcher = ix._engine.snapshot().searcher
    q = to_whoosh(ix._engine.parser(match="any").parse(" ".join(words), ix._engine.resolve))
    assert type(q).__name__ == "Or" and all(type(t).__name__ in ("Term", "ArticleTerm")
                                            for t in q.subqueries)
    run = _Run(Vectors(), searcher, searcher.weighting)
    matched, scores = run.node(q)
    expected_matched = np.zeros(searcher.doc_count_all(), dtype=bool)
    expected = np.zeros(searcher.doc_count_all())
    for term in q.subqueries:
        m, one = run.term(term)
        expected_matched |= m
        expected += one
    assert matched.tolist() == expected_matched.tolist()
    assert scores.tolist() == expected.tolist()


def test_terms_summed_at_once_on_sample_docs(sample_index):
    check_terms_summed_at_once(sample_index, ["harbour", "ferry", "council", "the", "minister",
                                              "ukraine", "nowhere", "harbour", "record"])


VECTORISED = ["ferry", "harbour council", "harbour OR ferry", "minister NOT ferry",
              "(rain OR flood) river", "body:kremlin", "title:ukraine", "mayor^2 harbour",
              "record", "the"]


@pytest.mark.parametrize("query", QUERIES)
def test_one_pass_ranking_equals_whoosh_on_sample_docs(sample_index, query):
    check_ranking(sample_index, query)
    check_ranking(sample_index, query, allowed_every=2)
    assert check_vectors(sample_index, query) == (query in VECTORISED)


def test_newest_first_pages_equal_whoosh_sortedby(sample_index):
    snapshot = sample_index._engine.snapshot()
    searcher = snapshot.searcher
    order = ranking.DateOrder()
    for query in ["", "harbour", "council OR ferry"]:
        q = parse(sample_index, query)
        final = scoring.matches(searcher, q)
        by = [sorting.FieldFacet("date", reverse=True), sorting.FieldFacet("id")]
        reference = [h.docnum for h in searcher.search(q, limit=None, sortedby=by)]
        for start, stop in [(0, 10), (3, 7), (10, 20), (0, 1000)]:
            assert [d for _, d in order.page(snapshot, final, start, stop)] == \
                reference[start:stop], (query, start)


@pytest.mark.parametrize("query", QUERIES)
def test_fast_tokens_equal_the_analyzers(sample_index, query):
    snapshot = sample_index._engine.snapshot()
    tree = sample_index._engine.parser().parse(query, sample_index._engine.resolve)
    results = snapshot.searcher.search(to_whoosh(tree), limit=None)
    words = query_words(snapshot, tree)
    for hit in results:
        check_tokens(hit, hit["body"], words)


WORDS = ["harbour", "ferry", "council", "river", "flood", "budget", "market", "school",
         "station", "bridge", "storm", "tram"]


@st.composite
def corpora(draw):  # type: ignore[no-untyped-def]
    count = draw(st.integers(5, 40))
    articles = []
    for n in range(count):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=30))
        title = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4)))
        day = draw(st.one_of(st.none(), st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31))))
        body = ". ".join(" ".join(words[i:i + 6]) for i in range(0, len(words), 6)) + "."
        articles.append(Article(id=f"a{n:03d}", title=title.title(), body=body, published=day,
                                people=("Ada Lind",), topics=("economy",)))
    deletes = draw(st.lists(st.integers(0, count - 1), max_size=5))
    return articles, deletes


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora(), query=st.sampled_from(
    ["harbour", "ferry council", "storm OR tram", "\"river flood\"", "bri*", "market~",
     "harbour NOT ferry", "(storm OR flood) river", "title:harbour^3 tram"]))
def test_fast_paths_on_random_indexes_with_updates_and_deletes(tmp_path_factory, corpus, query):
    articles, deletes = corpus
    ix = docsearch.open(tmp_path_factory.mktemp("fast") / "ix", create=True)
    half = len(articles) // 2
    ix.add(articles[:half], extract=False)
    ix.add(articles[half:], extract=False)  # two segments
    ix.add([articles[0].evolve(body=articles[0].body + " harbour storm")], extract=False)
    ix.delete([articles[i].id for i in deletes])
    check_ranking(ix, query)
    check_ranking(ix, query, allowed_every=3)
    check_vectors(ix, query)
    check_terms_summed_at_once(ix, WORDS)
    snapshot = ix._engine.snapshot()
    searcher = snapshot.searcher
    terms = [t for w in WORDS for t in docsearch.analysis.terms(w)] + ["nowhere"]
    for _ in range(2):  # remembered term dictionary entries: the same counts again
        assert [snapshot.doc_frequency(f, t) for f in ("title", "body") for t in terms] == \
            [searcher.doc_frequency(f, t) for f in ("title", "body") for t in terms]
    tree = ix._engine.parser().parse(query, ix._engine.resolve)
    q = to_whoosh(tree)
    by = [sorting.FieldFacet("date", reverse=True), sorting.FieldFacet("id")]
    reference = [h.docnum for h in searcher.search(q, limit=None, sortedby=by)]
    final = scoring.matches(searcher, q)
    assert [d for _, d in ranking.DateOrder().page(snapshot, final, 0, 1000)] == reference
    words = query_words(snapshot, tree)
    for hit in searcher.search(q, limit=None):
        check_tokens(hit, hit["body"], words)
    ix.close()


def test_words_analysed_in_workers_index_as_whoosh_would(sample_index, tmp_path):
    """Articles written with their words analysed beforehand (as workers do) answer
    every query exactly as articles Whoosh analyses itself."""
    from docsearch.sync import commit
    articles = list(sample_index)
    raw = docsearch.open(tmp_path / "raw", create=True)
    commit(raw._store.live, articles)  # no terms: Whoosh runs the analyzer
    prepared = docsearch.open(tmp_path / "prepared", create=True)
    prepared.add(articles, extract=False)  # terms from analyze()
    for query in [*QUERIES, "\"economic sanctions\"", "\"the harbour\"", "title:\"city council\""]:
        a = raw.search(query, per_page=100, facets=())
        b = prepared.search(query, per_page=100, facets=())
        assert [(h.id, h.score, h.snippet) for h in a.hits] == \
            [(h.id, h.score, h.snippet) for h in b.hits], query
        assert a.total == b.total
    assert [a.title for a in prepared] == [a.title for a in raw]
    raw.close()
    prepared.close()


def test_cached_columns_and_people_give_the_same_answers(tmp_path):
    """What one process saves beside the index (facet columns, people) gives a later
    one the same facets and names; files of replaced segments go; a damaged cache
    file is ignored."""
    import shutil

    from docsearch.search.columns import CACHE_PREFIX
    from tests.conftest import SAMPLE_DOCS
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, docs)
    first = docsearch.open(tmp_path / "ix", create=True)
    first.sync([docs])
    expected = first.search("", facets=("person", "topic", "source", "date"), facet_limit=None)
    data = first._store.live.folder
    cached = sorted(p.name for p in data.glob(CACHE_PREFIX + "*"))
    assert any(n.endswith("-person.col") for n in cached)
    assert any(n.startswith(CACHE_PREFIX + "people-") for n in cached)
    for path in data.glob(CACHE_PREFIX + "*-topic.col"):
        path.write_bytes(b"not a numpy file")
    second = docsearch.open(tmp_path / "ix")
    got = second.search("", facets=("person", "topic", "source", "date"), facet_limit=None)
    assert got.facets == expected.facets
    assert [h.people for h in got.hits] == [h.people for h in expected.hits]
    second.add(Article(id="new-1", title="Ferry Strike", body="Mayor Ilse Varnholt spoke."))
    second.search("ferry")
    now = {p.name for p in data.glob(CACHE_PREFIX + "*.col")} - {
        p.name for p in data.glob(CACHE_PREFIX + "state-*")}
    segments = {leaf.reader().segment().segment_id()
                for leaf, _ in second._engine.snapshot().searcher.leaf_searchers()}
    assert now and all(any(s in name for s in segments) for name in now)
    assert len(list(data.glob(CACHE_PREFIX + "people-*.json"))) == 1
    first.close()
    second.close()


def test_recent_drops_the_least_recently_used_beyond_its_size():
    from docsearch.engines.whoosh.recent import Recent
    recent: Recent[list[int]] = Recent(5, len)
    recent.put("a", [1, 2])
    recent.put("b", [1, 2])
    assert recent.get("a") == [1, 2]  # now used after "b"
    recent.put("c", [1, 2])  # 6 > 5: "b" goes
    assert (recent.get("b"), recent.get("a"), recent.held, len(recent)) == (None, [1, 2], 4, 2)
    recent.put("a", [1])  # replaced, counted once
    assert recent.held == 3
    recent.put("big", list(range(9)))  # alone larger than the limit: kept, the rest go
    assert (len(recent), recent.held, recent.get("big")) == (1, 9, list(range(9)))


def test_long_pasted_queries_answer_the_same_from_remembered_postings(sample_index):
    """What the engine remembers (postings, term entries, positions) changes no answer:
    long pasted queries, asked again after others, equal a fresh process's answers."""
    bodies = [a.body.split() for a in sample_index if len(a.body.split()) >= 30]
    queries = [" ".join(words[:30]) for words in bodies[:6]]
    assert len(queries) == 6
    asked = {"match": "any", "plain": True, "per_page": 20, "facets": ("topic",)}
    warm = [sample_index.search(q, **asked) for q in queries + queries[::-1]][len(queries):][::-1]
    for query, again in zip(queries, warm, strict=True):
        fresh = docsearch.open(sample_index.path)
        first = fresh.search(query, **asked)
        fresh.close()
        assert [(h.id, h.score) for h in again.hits] == [(h.id, h.score) for h in first.hits]
        assert (again.total, again.facets) == (first.total, first.facets)
