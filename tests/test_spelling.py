"""Did you mean: corrections made from the index's own words and people's names."""

from __future__ import annotations

import time

import pytest

from docsearch import Article


@pytest.mark.parametrize("typed, suggestion", [
    ("Puttin sanctons", "Putin sanctions"),      # a name and a word, capitals kept
    ("sanctons", "sanctions"),                   # written as the articles write it
    ("harbor", "harbour"),
    ("Bidden", "Biden"),
    ("lighthuose keeper", "lighthouse keeper"),  # a transposition
    ("turbne", "turbine"),                       # not "turn", although its stem is as near
    ("ceasefre", "ceasefire"),
    ("recyclng plant", "recycling plant"),
    ("teechers", "teachers"),
    ("Achterbreg", "Achterberg"),
    ('"tidal turbne"', '"tidal turbine"'),       # inside a phrase
    ("title:ukrane", "title:ukraine"),           # a field's words
    ("turbine OR tidl", "turbine OR tidal"),     # operators kept
    ("person:Puttin", 'person:"Vladimir Putin"'),  # a person's name
])
def test_misspelt_queries_get_the_corrected_query(sample_index, typed, suggestion):
    results = sample_index.search(typed)
    assert results.suggestion == suggestion
    assert sample_index.search(suggestion).total > results.total


@pytest.mark.parametrize("query", ["sanctions", "harbour tram", "Putin", "the",
                                   "sanct*", "putni~", "date:2021", "topic:sport",
                                   "person:putin", "zzzzqqq"])
def test_no_suggestion_for_known_words_syntax_or_nothing_near(sample_index, query):
    assert sample_index.search(query).suggestion is None


def test_a_correction_is_suggested_only_when_it_finds_more(sample_index):
    # "harbor" is nowhere, but the filter leaves no article with "harbour" either.
    assert sample_index.search("harbor", topics=["sport"]).suggestion is None
    assert sample_index.search("harbor", topics=["arts, culture, entertainment and media"]
                               ).suggestion == "harbour"


def test_with_match_any_a_misspelt_word_is_corrected_although_others_match(sample_index):
    results = sample_index.search("tapestry harbor", match="any")
    assert results.total > 0
    assert results.suggestion == "tapestry harbour"


def test_suggestion_in_cli_text_and_json(sample_index):
    from click.testing import CliRunner

    from docsearch.cli import cli
    path = str(sample_index.path)
    text = CliRunner().invoke(cli, ["search", "Puttin", "sanctons", "--index", path])
    assert text.exit_code == 0
    assert text.output.splitlines()[:2] == ['No results for "Puttin sanctons".',
                                           "Did you mean: Putin sanctions"]
    as_json = CliRunner().invoke(cli, ["search", "Puttin sanctons", "--json", "--index", path])
    assert '"suggestion": "Putin sanctions"' in as_json.output


def test_people_names_are_vocabulary_even_when_no_text_has_the_word(tmp_index):
    tmp_index.add([
        Article(id="a", title="Minister visits port", body="The minister spoke at the port.",
                people=["Oksana Wierzbicka"]),
        Article(id="b", title="Port reopens", body="The port reopened on Monday.")],
        extract=False)
    results = tmp_index.search("person:Wierzbika")
    assert results.suggestion == 'person:"Oksana Wierzbicka"'


@pytest.mark.parametrize("length", [2_000, 10_000])
def test_a_very_long_word_gets_no_correction_and_answers_quickly(sample_index, length):
    word = ("harbuor" * length)[:length]
    started = time.perf_counter()
    results = sample_index.search(word)
    assert time.perf_counter() - started < 5
    assert (results.total, results.suggestion) == (0, None)


def test_a_long_query_of_many_words_answers_quickly(sample_index):
    # 1,250 misspelt words, 10,000 characters: text pasted, not typed, gets no correction.
    query = " ".join(["harbor", "sanctons", "turbne", "tidl"] * 313)[:10_000]
    started = time.perf_counter()
    results = sample_index.search(query, match="any")
    assert time.perf_counter() - started < 5
    assert (results.total, results.suggestion) == (0, None)
    # Its first 60 characters do; the ninth word ("harb") is past the eight corrected.
    assert sample_index.search(query[:60], match="any").suggestion == (
        "harbour sanctions turbine tidal harbour sanctions turbine tidal harb")


def test_only_the_first_misspelt_words_of_a_query_are_corrected(sample_index):
    from docsearch.search import spelling

    most = spelling._MOST_WORDS
    typed = " ".join(["harbor"] * (most + 2))
    assert sample_index.search(typed, match="any").suggestion == " ".join(
        ["harbour"] * most + ["harbor"] * 2)



def _articles(harbour: int) -> list[Article]:
    return [Article(id=f"h{n}", title="Harbour news", body=f"The harbour ferry left on day {n}.")
            for n in range(harbour)] + [
        Article(id=f"q{n}", title="Moorings", body="Boats moored at the quay.") for n in range(2)]


def test_a_pasted_query_that_finds_plenty_gets_no_correction(tmp_index):
    from docsearch.search import PASTED_WORDS, PLENTY

    tmp_index.add(_articles(PLENTY), extract=False)
    pasted = "the harbour ferry left the quy on a grey morning as trams waited"
    assert len(pasted.split()) > PASTED_WORDS
    found = tmp_index.search(pasted, match="any")
    assert (found.total, found.suggestion) == (PLENTY, None)
    # A typed query keeps its suggestion, and so does a pasted one that finds little.
    assert tmp_index.search("harbour ferry quy", match="any").suggestion == "harbour ferry quay"
    tmp_index.delete([f"h{n}" for n in range(1, PLENTY)])
    found = tmp_index.search(pasted, match="any")
    assert (found.total, found.suggestion) == (1, pasted.replace("quy", "quay"))
