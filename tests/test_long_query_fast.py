"""Long pasted queries' fast paths (issue 16) give the answers of the slow ones: the
parser's path for plain words builds the tree the grammar builds, the proximity
bonus is, bit for bit, the one of its first vectorised implementation (kept here),
a page re-ranked by it is the one the first sort of tuples made, the query's words
are the ones a walk of the tree finds, and a snapshot's remembered document
frequencies are the term dictionary's."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import docsearch
from docsearch import Article
from docsearch.search import proximity
from docsearch.search import querytree as qt
from docsearch.search.query import QueryParser, plain_words

#: Words a pasted text or a typed query may hold: stop words, accents, digits,
#: dotted abbreviations, underscores, operator names and their look-alikes.
WORDS = ["oil", "Prices", "the", "of", "OPEC's", "u.s.", "U.S.", "café", "Zürich", "1987",
         "3.5", "x_y", "anti", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "and", "or", "not",
         "ANDx", "ORE", "AND.x", "x.OR", "a", "to", "harbour", "harbour", "strike", "an",
         "mid-year", "co.", ".5", "N.Y.", "über", "ØRSTED", "_", "A"]


def _resolve(field: str, typed: str) -> list[tuple[str, str]]:
    return [(field, typed.lower())]


def _full(parser: QueryParser, text: str):  # type: ignore[no-untyped-def]
    try:
        return parser.parse_grammar(text, _resolve)
    except Exception as exc:  # noqa: BLE001 - the same error is expected of both
        return type(exc), str(exc)


def _fast(parser: QueryParser, text: str):  # type: ignore[no-untyped-def]
    try:
        return parser.parse(text, _resolve)
    except Exception as exc:  # noqa: BLE001
        return type(exc), str(exc)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=40),
       spaces=st.sampled_from([" ", "  ", "\t", " \n "]),
       match=st.sampled_from(["all", "any"]), boost=st.sampled_from([1.0, 2.0, 0.75]))
def test_plain_words_parse_to_the_grammars_tree(words, spaces, match, boost):
    parser = QueryParser(title_boost=boost, match=match)
    text = spaces.join(words)
    assert _fast(parser, text) == _full(parser, text)
    assert _fast(parser, text) == _full(parser, text)  # again, from the remembered words


@pytest.mark.parametrize("text", ["oil prices", "  oil  ", "harbour harbour strike",
                                  "the of", "u.s. oil", "OPEC's oil", "oil AND gas",
                                  "oil OR", "NOT oil", "x.OR oil", "oil -gas", "title:oil"])
def test_typed_queries_parse_to_the_grammars_tree(text):
    for match in ("all", "any"):
        parser = QueryParser(match=match)
        assert _fast(parser, text) == _full(parser, text)


def _first_plain_words(text: str) -> str:
    """:func:`plain_words` as it was first written: word by word."""
    return " ".join(m.group(0).replace("'", " ").replace("’", " ").lower()
                    for m in re.finditer(r"\w+(?:[.'’]\w+)*", text))


@settings(max_examples=500, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aAΣσςΟİIıi.'’ -_1ß\u0345\u00adǅ:é")) |
                    st.characters(), max_size=40))
def test_plain_words_are_changed_at_once_as_word_by_word(text):
    """Joined first, then lower-cased at once: the same text (a final sigma, a dotted
    capital I, apostrophes and accents included)."""
    assert plain_words(text) == _first_plain_words(text)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["strike", "strikes", "striking", "oil", "oil-oil",
                                       "anti-oil", "harbour", "Harbour", "the", "u.s."]),
                      max_size=40),
       match=st.sampled_from(["all", "any"]), boost=st.sampled_from([1.0, 0.1, 0.3, 0.75]))
def test_repeated_words_and_terms_parse_to_the_grammars_tree(words, match, boost):
    """Words asked many times and distinct words of one term (``strike``,
    ``strikes``; ``oil``, ``oil-oil``): the boosts added up in turn as the grammar
    adds them (``0.1 + 0.1 + 0.1`` is not ``3 * 0.1``)."""
    parser = QueryParser(title_boost=boost, match=match)
    text = " ".join(words)
    assert _fast(parser, text) == _full(parser, text)
    assert _fast(parser, text) == _full(parser, text)  # again, from the remembered words


@pytest.mark.parametrize("text", ["oil " * 10, "strike oil " * 7 + "strikes", "oil-oil oil " * 6])
def test_a_word_asked_many_times_weighs_its_repeats_added_in_turn(text):
    """Ten repeats of a title boost of 0.1 add up to 0.9999999999999999 (not 1.0)."""
    for match in ("all", "any"):
        parser = QueryParser(title_boost=0.1, match=match)
        assert _fast(parser, text) == _full(parser, text)


def test_plain_words_parse_the_same_when_the_remembered_words_are_forgotten(monkeypatch):
    """A parser that remembers 3 words at most (all forgotten when full, while a query's
    words are being learnt) builds the grammar's trees all the same."""
    from docsearch.search import query

    monkeypatch.setattr(query, "_WORDS_KEPT", 3)
    parser = QueryParser(title_boost=0.75, match="any")
    for text in ["oil prices oil gas the harbour oil", "harbour strike harbour strikes",
                 "oil prices oil gas the harbour oil", "a b c d e f a a"]:
        assert _fast(parser, text) == _full(parser, text)
        assert len(parser._words) <= 3


def _first_compiled(children):  # type: ignore[no-untyped-def]
    """An ``Or``'s Whoosh query as :func:`article.pairs` makes it (the way every ``Or``
    was compiled before plain words took a short way)."""
    from whoosh import query as wq

    from docsearch.engines.whoosh.article import ArticleTerm
    from docsearch.engines.whoosh.compile import to_whoosh
    from docsearch.search import article

    parts = [ArticleTerm(c.text, c.title_boost, c.boost) if isinstance(c, article.Pair)
             else to_whoosh(c) for c in article.pairs(children)]
    return parts[0] if len(parts) == 1 else wq.Or(parts)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_an_or_compiles_as_its_pairs(data):
    """Any ``Or`` of terms (a title and a body term of each word one after the other,
    as the parser makes plain words, or not: a word twice, fields out of order, a
    third field, a phrase) compiles to what :func:`article.pairs` makes of it."""
    from docsearch.engines.whoosh.compile import to_whoosh

    texts = data.draw(st.lists(st.sampled_from(["oil", "harbour", "strike", "u.s"]),
                               min_size=1, max_size=8))
    children: list[qt.Node] = []
    for text in texts:
        children += [qt.Term("title", text, data.draw(st.sampled_from([0.75, 1.0, 0.0]))),
                     qt.Term("body", text, data.draw(st.sampled_from([1.0, 2.0])))]
    if data.draw(st.booleans()):
        odd = st.one_of(st.builds(qt.Term, st.sampled_from(["title", "body", "topic"]),
                                  st.sampled_from(texts)),
                        st.just(qt.Phrase("body", ("oil", "harbour"))))
        children.insert(data.draw(st.integers(0, len(children))), data.draw(odd))
    if data.draw(st.booleans()):
        children = data.draw(st.permutations(children))
    node = qt.Or(children) if len(children) > 1 else children[0]
    expected = _first_compiled(node.children) if isinstance(node, qt.Or) else to_whoosh(node)
    assert to_whoosh(node) == expected


# ------------------------------------------------------------------ proximity

def _first_title_and_body(snapshot, word: str, docs: Sequence[int]):  # type: ignore[no-untyped-def]
    out = {doc: np.asarray(where, dtype=np.int64)
           for doc, where in snapshot.positions("body", word, docs).items()}
    for doc, where in snapshot.positions("title", word, docs).items():
        title = np.asarray(where, dtype=np.int64) - (1 << 40)
        out[doc] = np.concatenate([title, out[doc]]) if doc in out else title
    return out


def _first_pair_bonuses(positions: Mapping[str, Mapping[int, np.ndarray]],
                        weights: Mapping[str, float], words: Sequence[str],
                        docs: Sequence[int], saturation: float) -> np.ndarray:
    """The first vectorised bonus, as it was before the long-query work."""
    where = {doc: i for i, doc in enumerate(docs)}
    rows, places, ids = [], [], []
    for number, text in enumerate(words):
        for doc, found in positions[text].items():
            if doc in where:
                rows.append(np.full(len(found), where[doc], dtype=np.int64))
                places.append(np.asarray(found, dtype=np.int64))
                ids.append(np.full(len(found), number, dtype=np.int64))
    out = np.zeros(len(docs))
    if not rows:
        return out
    row, place, word = np.concatenate(rows), np.concatenate(places), np.concatenate(ids)
    order = np.lexsort((place, row))
    row, place, word = row[order], place[order], word[order]
    count = len(words)
    keys, near = [], []
    for step in range(1, proximity.SPAN + 1):
        gap = place[step:] - place[:-step]
        close = (row[step:] == row[:-step]) & (gap > 0) & (gap <= proximity.SPAN) & \
            (word[step:] != word[:-step])
        low = np.minimum(word[step:], word[:-step])[close]
        high = np.maximum(word[step:], word[:-step])[close]
        keys.append((row[step:][close] * count + low) * count + high)
        near.append(1.0 / gap[close].astype(np.float64) ** 2)
    key = np.concatenate(keys)
    if not len(key):
        return out
    pairs, index = np.unique(key, return_inverse=True)
    acc = np.bincount(index, weights=np.concatenate(near))
    weight = np.array([weights[w] for w in words])
    low, high = (pairs // count) % count, pairs % count
    bonus = np.minimum(weight[low], weight[high]) * acc * (saturation + 1) / (acc + saturation)
    return np.bincount(pairs // (count * count), weights=bonus, minlength=len(docs))


def _first_bonuses(snapshot, words: Sequence[str], docs: Sequence[int],  # type: ignore[no-untyped-def]
                   k1: float) -> np.ndarray:
    if len(words) < 2 or not len(docs):
        return np.zeros(len(docs))
    weights = {w: proximity.idf(snapshot, "body", w) for w in words}
    words = proximity.rarest(words, weights)
    ordered = sorted(set(docs))
    positions = {w: _first_title_and_body(snapshot, w, ordered) for w in words}
    return _first_pair_bonuses(positions, weights, words, docs, k1 if k1 > 0 else 1.0)


@pytest.mark.parametrize("direct", [proximity.DIRECT_SUMS, 0])
def test_proximity_bonus_is_bit_for_bit_the_first_ones(tmp_index, monkeypatch, direct):
    """Sums of each document's pairs counted into one array or by ``np.unique``."""
    monkeypatch.setattr(proximity, "DIRECT_SUMS", direct)
    chance = random.Random(1616)
    vocabulary = [f"v{n}w" for n in range(40)]
    articles = []
    for n in range(300):
        title = " ".join(chance.choice(vocabulary) for _ in range(chance.randint(1, 8)))
        body = " ".join(chance.choice(vocabulary + ["the", "of"])
                        for _ in range(chance.randint(0, 120)))
        articles.append(Article(id=f"a{n}", title=title, body=body or "empty"))
    # Three batches: several segments, and deletions (replaced articles) in them.
    for start in (0, 100, 200):
        tmp_index.add(articles[start:start + 100], extract=False)
    tmp_index.add(articles[50:60], extract=False)
    snapshot = tmp_index._engine.snapshot()
    size = snapshot.size
    for _ in range(40):
        words = chance.sample(vocabulary + ["nowhere"], chance.randint(0, 30))
        docs = chance.sample(range(size), chance.randint(0, 100))
        k1 = chance.choice([0.0, 0.9, 1.2])
        expected = _first_bonuses(snapshot, words, docs, k1)
        found = proximity.bonuses(snapshot, words, docs, k1)
        assert found.dtype == expected.dtype
        np.testing.assert_array_equal(found, expected)


def _current_bonuses(snapshot, words: Sequence[str], docs: Sequence[int],  # type: ignore[no-untyped-def]
                     k1: float) -> np.ndarray:
    """The bonus as it was before the occurrences were gathered as arrays (a word's
    positions asked of each field, as a mapping by document)."""
    if len(words) < 2 or not len(docs):
        return np.zeros(len(docs))
    weights = {w: proximity.idf(snapshot, "body", w) for w in words}
    words = proximity.rarest(words, weights)
    ordered = sorted(set(docs))
    found = [snapshot.positions(field, word, ordered) if snapshot.doc_frequency(field, word)
             else {} for field in ("title", "body") for word in words]
    row, place, number = proximity._columns(found, {doc: i for i, doc in enumerate(docs)})
    place[:sum(len(p) for title in found[:len(words)] for p in title.values())] -= 1 << 40
    return proximity._close_pairs(row, place, number % len(words),
                                  np.array([weights[w] for w in words]), len(docs),
                                  k1 if k1 > 0 else 1.0)


def _occurrence_set(row, place, number):  # type: ignore[no-untyped-def]
    return sorted(zip(row.tolist(), place.tolist(), number.tolist(), strict=True))


#: Words of the articles below, as a long query's words are: common and rare ones.
VOCABULARY = [f"v{n}w" for n in range(40)]


def _random_articles(chance: random.Random, count: int, prefix: str) -> list[Article]:
    articles = []
    for n in range(count):
        words = VOCABULARY[:chance.randint(3, 40)]
        title = " ".join(chance.choice(words) for _ in range(chance.randint(1, 8)))
        body = " ".join(chance.choice(words + ["the", "of"])
                        for _ in range(chance.randint(0, 120)))
        articles.append(Article(id=f"{prefix}{n}", title=title, body=body or "empty"))
    return articles


@pytest.fixture(scope="module")
def segmented_index(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Random articles in several segments, some replaced (deletions in them)."""
    ix = docsearch.open(tmp_path_factory.mktemp("occurrences") / "index", create=True)
    chance = random.Random(2026)
    articles = _random_articles(chance, 300, "a")
    for start in (0, 100, 200):
        ix.add(articles[start:start + 100], extract=False)
    ix.add(articles[50:60], extract=False)
    yield ix
    ix.close()


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_occurrences_as_arrays_are_the_positions_mappings(segmented_index, data):
    """A Whoosh snapshot's occurrences of several words in several fields (gathered as
    arrays over the index state, reading only what it does not hold yet) are the
    positions of each word asked one by one, and the bonus made of them is, bit for
    bit, the one made of the positions mappings; in every order of asking, and on
    a fresh snapshot of the same state and of a later one."""
    engine = segmented_index._engine
    snapshot = engine.snapshot()
    size = snapshot.size
    for _ in range(data.draw(st.integers(1, 4))):
        words = data.draw(st.lists(st.sampled_from(VOCABULARY + ["nowhere", "the"]),
                                   max_size=14, unique=True))
        fields = data.draw(st.sampled_from([("title", "body"), ("body",), ("body", "title")]))
        docs = data.draw(st.lists(st.integers(0, size - 1), max_size=100, unique=True))
        terms = [(field, word) for field in fields for word in words]
        found = snapshot.occurrences(terms, docs)
        mappings = [snapshot.positions(field, word, sorted(docs)) for field, word in terms]
        expected = proximity._columns(mappings, {doc: i for i, doc in enumerate(docs)})
        assert all(column.dtype == np.int64 for column in found)
        assert _occurrence_set(*found) == _occurrence_set(*expected)
        k1 = data.draw(st.sampled_from([0.0, 0.9]))
        np.testing.assert_array_equal(proximity.bonuses(snapshot, words, docs, k1),
                                      _current_bonuses(snapshot, words, docs, k1))


def test_occurrences_follow_the_index_state(tmp_index, monkeypatch):
    """Arrays of one state are not those of the next (an article replaced, one
    added), and past their limit they start again with what is asked."""
    from docsearch.engines.whoosh import positions

    monkeypatch.setattr(positions, "ARRAYS_KEPT", 50)
    tmp_index.add(_random_articles(random.Random(7), 40, "a"), extract=False)
    terms = [("title", "v1w"), ("body", "v1w"), ("body", "v2w")]
    for round_ in range(3):
        snapshot = tmp_index._engine.snapshot()
        docs = list(range(snapshot.size))[::-1]
        for _ in range(2):
            found = snapshot.occurrences(terms, docs)
            mappings = [snapshot.positions(field, word, sorted(docs)) for field, word in terms]
            expected = proximity._columns(mappings, {doc: i for i, doc in enumerate(docs)})
            assert _occurrence_set(*found) == _occurrence_set(*expected)
        tmp_index.add([Article(id="a3", title="v1w v2w", body=f"v2w v1w {round_}"),
                       Article(id=f"new{round_}", title="v2w", body="v1w v1w v2w")],
                      extract=False)


# ------------------------------------------------------------------ scores

@pytest.mark.parametrize("dense", [0.0, 0.3, 2.0])
def test_common_terms_kept_whole_give_the_same_sums(sample_index, monkeypatch, dense):
    """A union of terms sums the same, bit for bit, whether a term's scores are added
    to its documents or, for a common term, as a whole array (every term: 0.0)."""
    from docsearch.engines.whoosh import vector
    from tests.test_fast_paths import check_terms_summed_at_once

    monkeypatch.setattr(vector, "DENSE", dense)
    words = ["harbour", "ferry", "council", "minister", "ukraine", "nowhere", "harbour",
             "record", "city", "said", "year"]
    check_terms_summed_at_once(sample_index, words)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_union_sums_as_adding_each_terms_whole_array(sample_index, data):
    """A union of terms (plain words of the whole article, words of one field, common
    ones kept whole or not, boosts of 0 among them) matches and sums, bit for bit,
    what adding each term's whole arrays in turn gives."""
    from whoosh import query as wq

    from docsearch.engines.whoosh import vector
    from docsearch.engines.whoosh.article import ArticleTerm

    words = ["harbour", "ferry", "council", "minister", "the", "said", "year", "nowhere",
             "record", "city", "ukraine"]
    leaf = st.one_of(
        st.builds(ArticleTerm, st.sampled_from(words), st.sampled_from([0.0, 0.75, 2.0]),
                  st.sampled_from([0.0, 1.0, 1.5])),
        st.builds(lambda field, word, boost: wq.Term(field, word, boost=boost),
                  st.sampled_from(["title", "body"]), st.sampled_from(words),
                  st.sampled_from([0.0, 0.5, 1.0, 2.0])))
    terms = data.draw(st.lists(leaf, max_size=12))
    searcher = sample_index._engine.snapshot().searcher
    dense = vector.DENSE
    vector.DENSE = data.draw(st.sampled_from([0.0, 0.05, 0.3, 2.0]))
    try:
        run = vector._Run(vector.Vectors(), searcher, searcher.weighting)
        matched, scores = run.terms(terms)
        expected_matched = np.zeros(searcher.doc_count_all(), dtype=bool)
        expected = np.zeros(searcher.doc_count_all())
        for term in terms:
            one_matched, one = run.term(term)
            expected_matched |= one_matched
            expected += one
    finally:
        vector.DENSE = dense
    assert matched.tolist() == expected_matched.tolist()
    assert scores.tolist() == expected.tolist()


# ------------------------------------------------------------------ the page


def _first_page(window: list[tuple[float, int]], bonus: np.ndarray, weight: float,
                start: int, stop: int) -> list[tuple[float, int]]:
    """The re-ranked window as the first implementation sorted it (tuples)."""
    rescored = sorted(((score + weight * float(extra), doc)
                       for (score, doc), extra in zip(window, bonus, strict=True)),
                      key=lambda pair: (-pair[0], pair[1]))
    return rescored[start:stop]


@settings(max_examples=200, deadline=None)
@given(scores=st.lists(st.sampled_from([0.5, 1.0, 1.25, 2.0, 3.5, 7.0]), max_size=60),
       bonus=st.lists(st.sampled_from([0.0, 0.125, 0.5, 1.0, 2.25]), min_size=60, max_size=60),
       weight=st.sampled_from([0, 1.0, 2.0, 0.3]), start=st.integers(0, 20),
       length=st.integers(0, 30), allowed=st.lists(st.booleans(), min_size=80, max_size=80))
def test_best_and_top_order_as_the_sort_of_tuples(scores, bonus, weight, start, length,
                                                  allowed):
    """``Scored.best`` and ``top`` (ties by document number) and the bonus added to
    the window as arrays give the page the sort of (score, document) tuples gave."""
    from docsearch.search.ranking import Scored

    docs = np.arange(0, 2 * len(scores), 2, dtype=np.int64)
    scored = Scored(docs, np.array(scores, dtype=np.float64))
    mask = np.array(allowed + [True] * 80)[:max(1, 2 * len(scores))]
    stop = start + length
    for keep in (None, mask):
        pairs = [(s, int(d)) for s, d in zip(scores, docs.tolist(), strict=True)
                 if keep is None or keep[d]]
        expected = sorted(pairs, key=lambda pair: (-pair[0], pair[1]))
        assert scored.top(keep, start, stop) == expected[start:stop]
        window_scores, window_docs = scored.best(keep, 50)
        assert list(zip(window_scores.tolist(), window_docs.tolist(), strict=True)) == \
            expected[:50]
        extra = np.array(bonus[:len(window_docs)])
        final = window_scores + weight * extra
        order = np.lexsort((window_docs, -final))[start:stop]
        page = list(zip(final[order].tolist(), window_docs[order].tolist(), strict=True))
        assert page == _first_page(expected[:50], extra, weight, start, stop)


def test_a_page_re_ranked_is_the_first_implementations(sample_index):
    """Every page of a few queries, filtered or not, past the window too, is the one
    the first implementation's sort of tuples made (scores bit for bit)."""
    engine = sample_index._engine
    snapshot = engine.snapshot()
    how = docsearch.Ranking()
    for text in ("harbour council ferry", "the minister said the city council record",
                 "ukraine minister harbour ferry strike council year city"):
        q = engine.parser("any", how.title_boost).parse(text, engine.resolve)
        scored = engine._scored(snapshot, q, how)
        words = proximity.query_words(q)
        window = scored.top(None, 0, proximity.WINDOW)
        bonus = proximity.bonuses(snapshot, words, [doc for _, doc in window], how.k1)
        allowed = np.zeros(snapshot.size, dtype=bool)
        allowed[::2] = True
        for start, stop in ((0, 10), (5, 15), (0, 3), (90, 110), (0, 150)):
            expected = _first_page(window, bonus, how.proximity, start, stop)
            if stop > proximity.WINDOW:
                expected += scored.top(None, proximity.WINDOW, stop)
            assert engine._page(snapshot, q, scored, None, start, stop, how) == expected
            found = engine._page(snapshot, q, scored, allowed, start, stop, how)
            assert all(doc % 2 == 0 for _, doc in found)
        assert engine._page(snapshot, q, scored, None, 0, 10, how)


# ------------------------------------------------------------------ words and counts


def _walked_terms(node, field: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The query's words as the first implementation found them (a generator walk)."""
    out: list[str] = []
    for sub in qt.walk(node, negated=False):
        words = (sub.text,) if isinstance(sub, qt.Term) and sub.field == field else \
            sub.terms if isinstance(sub, qt.Phrase) and sub.field == field else ()
        out.extend(w for w in words if w not in out)
    return out


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS + ['"oil prices"', '"the harbour strike"', "-oil",
                                               "NOT", "(", ")", "title:oil", "+gas", "oil*",
                                               "body:price", "ANDNOT", "AND", "OR"]),
                      max_size=30),
       match=st.sampled_from(["all", "any"]))
def test_query_words_are_the_walks(words, match):
    parser = QueryParser(title_boost=0.75, match=match)
    try:
        tree = parser.parse_grammar(" ".join(words), _resolve)
    except Exception:  # noqa: BLE001 - a query the grammar refuses has no words
        return
    for field in ("body", "title"):
        assert qt.terms(tree, field) == _walked_terms(tree, field)


def test_remembered_document_frequencies_are_the_term_dictionarys(tmp_index):
    tmp_index.add([Article(id=f"d{n}", title="harbour strike" if n % 3 else "ferry",
                           body="the harbour council met " * (n % 4 + 1)) for n in range(30)],
                  extract=False)
    snapshot = tmp_index._engine.snapshot()
    reader = snapshot.searcher.reader()
    for field, word in [("title", "harbour"), ("body", "harbour"), ("title", "ferri"),
                        ("body", "nowhere"), ("nofield", "harbour")]:
        expected = reader.doc_frequency(field, word) if field in snapshot.searcher.schema else 0
        assert snapshot.doc_frequency(field, word) == expected
        assert snapshot.doc_frequency(field, word) == expected  # remembered
    tmp_index.add([Article(id="d99", title="harbour", body="harbour")], extract=False)
    assert tmp_index._engine.snapshot().doc_frequency("title", "harbour") == \
        snapshot.doc_frequency("title", "harbour") + 1


def test_recent_values_are_looked_up_at_once_as_one_by_one():
    """:meth:`Recent.get_all` gives what :meth:`Recent.get` of each key gives, and
    leaves the values in the same order of use (the one used last dropped last)."""
    from docsearch.engines.whoosh.recent import Recent

    one, all_at_once = Recent[int](limit=4), Recent[int](limit=4)
    for recent in (one, all_at_once):
        for key in "abcd":
            recent.put(key, ord(key))
    keys = ["c", "x", "a", "c"]
    assert all_at_once.get_all(keys) == [one.get(key) for key in keys] == [99, None, 97, 99]
    for recent in (one, all_at_once):
        recent.put("e", 101)
        recent.put("f", 102)
    assert [one.get(k) for k in "abcdef"] == [all_at_once.get(k) for k in "abcdef"] == \
        [97, None, 99, None, 101, 102]
