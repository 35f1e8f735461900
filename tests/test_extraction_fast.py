"""The worker-side fast paths of extraction against the slow, obvious answers: the
topic terms found in a text (one remembered entry per distinct word) and the indexed
terms of a text (words read in one pass) equal the word-by-word computations they
replaced, on any text (hypothesis) and on the sample articles."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch import analysis
from docsearch.extract.topics import _WORD, _stem, default_taxonomy

SAMPLES = Path(__file__).parent / "data"

#: Words the bundled taxonomy knows (stems, prefixes, phrase starts), and others.
VOCABULARY = ["strike", "strikes", "union", "football", "cup", "world", "world cup", "oil",
              "prices", "central bank", "bank", "elect", "election", "electoral", "vote",
              "harbour", "ferry", "the", "a", "of", "Zürich", "co2", "covid-19", "don't",
              "rock'n'roll", "5g", "e-mail", "u.s.", "3.5", "Straße", "climate change"]
texts = st.lists(st.sampled_from(VOCABULARY) | st.text(max_size=12), max_size=60).map(" ".join)


def obvious_hits(taxonomy, text):
    """Each taxonomy term of ``text`` with its targets and count, in the order of first
    occurrence (words before the phrases that start with them), and the stems."""
    found = {}
    words = _WORD.findall(text.lower())
    tokens = [_stem(w) for w in words]
    for pos, token in enumerate(tokens):
        key, targets = token, taxonomy.words.get(token)
        if targets is None:
            word = words[pos]
            for length in taxonomy.prefix_lengths:
                if length <= len(word) and word[:length] in taxonomy.prefixes:
                    key, targets = word[:length] + "*", taxonomy.prefixes[word[:length]]
                    break
        if targets is not None:
            found[key] = (targets, found[key][1] + 1 if key in found else 1)
        for size in taxonomy.phrase_starts.get(token, ()):
            phrase = tuple(tokens[pos:pos + size])
            if phrase in taxonomy.phrases:
                targets = taxonomy.phrases[phrase]
                found[phrase] = (targets, found[phrase][1] + 1 if phrase in found else 1)
    return found, tokens


def obvious_terms(text):
    return [t for t in (analysis.term(m.group(0)) for m in analysis.WORD.finditer(text))
            if t is not None]


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_topic_hits_equal_the_word_by_word_answer(text):
    taxonomy = default_taxonomy()
    found, tokens = taxonomy._hits(text)
    expected, expected_tokens = obvious_hits(taxonomy, text)
    assert list(found.items()) == list(expected.items())  # the same order too
    assert tokens == expected_tokens


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_indexed_terms_equal_the_word_by_word_answer(text):
    assert analysis.terms(text) == obvious_terms(text)


def test_sample_articles_give_the_same_hits_and_terms():
    taxonomy = default_taxonomy()
    files = sorted(SAMPLES.rglob("*.md")) + sorted(SAMPLES.rglob("*.txt"))
    assert files
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        found, tokens = taxonomy._hits(text)
        expected, expected_tokens = obvious_hits(taxonomy, text)
        assert list(found.items()) == list(expected.items()), path
        assert tokens == expected_tokens
        assert analysis.terms(text) == obvious_terms(text), path
