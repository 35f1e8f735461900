"""Snippets: sentence-aware fragments, every query word shown where three
sentences can hold them, HTML-escaped, never a broken word."""

from __future__ import annotations

import re

import pytest

from docsearch import Article
from docsearch.search.snippets import MAX_CHARS, plain_snippet, sentences, terminal_snippet

LONG = ("The harbour board, which has met every month since the eighteen-nineties in the "
        "old customs house on the quay, agreed after a long and sometimes bitter debate "
        "that lasted well into the evening to sell the seventeenth-century dredger to a "
        "museum in the capital for a sum it would not disclose to reporters.")


def snippet_of(ix, body: str, query: str, title: str = "Notes") -> str:
    ix.add([Article(id="x", title=title, body=body)], extract=False)
    results = ix.search(query, match="any")
    assert [h.id for h in results.hits] == ["x"]
    return results.hits[0].snippet


def test_exact_snippet_on_sample_docs(sample_index):
    hit = sample_index.search("strike deal union", match="any").hits[0]
    assert hit.id == "c3003557c80e3042"
    assert hit.snippet == (
        "… to work on Saturday morning after their <mark>union</mark> and terminal operator "
        "Ellery Gateway Holdings reached a pay agreement late on Thursday, ending a four-day "
        "stoppage that left dozens of ships stranded … The <mark>deal</mark> gives around "
        "1,100 workers a 7 percent rise this year and a further 4 percent in 2023, along with "
        "a guarantee that no employee will be made redundant because of automation before "
        "2026. … \"Nobody wins a <mark>strike</mark>,\" he said.")


def test_sentences_split_at_ends_and_line_breaks_not_after_titles_or_initials():
    text = ("Ms. Okafor met Dr. Lind at 9 a.m. on Monday. J. R. Hale was there too! "
            "Was it useful? \"Yes,\" she said.\nA heading\n\nThe 2 sides met. 3 more came.")
    assert [text[a:b] for a, b in sentences(text)] == [
        "Ms. Okafor met Dr. Lind at 9 a.m. on Monday.", "J. R. Hale was there too!",
        "Was it useful?", "\"Yes,\" she said.", "A heading", "The 2 sides met.", "3 more came."]


def test_a_heading_is_never_glued_to_the_sentence_below(tmp_index):
    body = "First part.\n\nBack from injury\n\nThe swimmer returned to the pool in March."
    assert snippet_of(tmp_index, body, "swimmer") == \
        "The <mark>swimmer</mark> returned to the pool in March."


def test_every_query_word_is_shown_when_three_sentences_hold_them(tmp_index):
    body = ("The ferry left early. The ferry was full. The ferry was late. "
            "Nobody liked the ferry. A storm came in the night. The pier was closed.")
    snippet = snippet_of(tmp_index, body, "ferry storm pier")
    assert snippet == ("The <mark>ferry</mark> left early. … A <mark>storm</mark> came in the "
                       "night. … The <mark>pier</mark> was closed.")


def test_at_most_three_fragments_in_article_order(tmp_index):
    body = " ".join(f"Sentence {n} mentions the tram." for n in range(1, 9))
    snippet = snippet_of(tmp_index, body, "tram")
    assert snippet == ("Sentence 1 mentions the <mark>tram</mark>. … Sentence 2 mentions the "
                       "<mark>tram</mark>. … Sentence 3 mentions the <mark>tram</mark>.")


def test_a_long_sentence_is_cut_between_words_around_its_matches(tmp_index):
    snippet = snippet_of(tmp_index, LONG, "dredger museum")
    text = plain_snippet(snippet)
    assert text.startswith("… ")  # cut before; the sentence's end is in
    inner = text[2:]
    assert MAX_CHARS - 20 <= len(inner) <= MAX_CHARS + 20
    assert LONG.endswith(inner)  # a stretch of the sentence as written
    assert LONG[len(LONG) - len(inner) - 1] == " "  # a whole word first
    assert "seventeenth-century <mark>dredger</mark>" in snippet
    assert "<mark>museum</mark>" in snippet


def test_html_is_escaped_and_marks_are_the_only_tags(tmp_index):
    body = 'The council said <script>alert("x")</script> & "the tram" won.'
    snippet = snippet_of(tmp_index, body, "council tram")
    assert snippet == ('The <mark>council</mark> said &lt;script&gt;alert("x")&lt;/script&gt; '
                       '&amp; "the <mark>tram</mark>" won.')
    assert re.findall(r"</?(\w+)", snippet) == ["mark", "mark", "mark", "mark"]


def test_title_only_match_gives_the_opening(tmp_index):
    body = "Nothing here names the subject. A second sentence follows."
    snippet = snippet_of(tmp_index, body, "volcano", title="Volcano erupts")
    assert snippet == "Nothing here names the subject."


def test_a_long_opening_is_cut_at_a_word(tmp_index):
    snippet = snippet_of(tmp_index, LONG, "volcano", title="Volcano")
    assert snippet.endswith(" …")
    assert LONG.startswith(snippet[:-2]) and LONG[len(snippet) - 2] == " "


@pytest.mark.parametrize("style, expected", [
    (lambda s: f"[{s}]", 'Bread & [butter] for "[ferry]" crews'),
])
def test_plain_and_terminal_renderings(style, expected):
    html_snippet = 'Bread &amp; <mark>butter</mark> for "<mark>ferry</mark>" crews'
    assert plain_snippet(html_snippet) == 'Bread & butter for "ferry" crews'
    assert terminal_snippet(html_snippet, style) == expected


def test_json_hits_carry_html_and_plain_text(sample_index):
    data = sample_index.search("tapestry").to_dict()
    hit = data["hits"][0]
    assert hit["snippet"].count("<mark>tapestry</mark>") == 3
    assert hit["snippet_text"] == plain_snippet(hit["snippet"])
    assert "<mark>" not in hit["snippet_text"]


def test_snippets_can_be_left_out(sample_index):
    hits = sample_index.search("harbour", snippets=False).hits
    assert len(hits) > 1 and {h.snippet for h in hits} == {""}


@pytest.mark.parametrize("query", ["harbour", "sanctions Ukraine", "council vote", "lake fish",
                                   "strike union deal", "Kremlin", "record", "fire evacuation"])
def test_every_sample_snippet_is_clean(sample_index, query):
    """On every hit: no Markdown left, at most three fragments of about 200 characters,
    each a stretch of the body as written (whitespace aside) that starts and ends
    at a word's edge."""
    results = sample_index.search(query, match="any", per_page=50)
    assert results.hits
    for hit in results.hits:
        text = plain_snippet(hit.snippet)
        assert not re.search(r"\]\(|\*\*|^#|!\[|<(?!/?mark>)", hit.snippet), hit.id
        body = " ".join(sample_index.get(hit.id).body.split())
        fragments = text.split(" … ")
        assert 1 <= len(fragments) <= 3, hit.id
        for fragment in fragments:
            inner = fragment.removeprefix("… ").removesuffix(" …")
            assert len(inner) <= MAX_CHARS + 30, (hit.id, inner)
            at = body.find(inner)
            assert at >= 0, (hit.id, inner)
            end = at + len(inner)
            assert at == 0 or not body[at - 1].isalnum(), (hit.id, inner)
            assert end == len(body) or not body[end].isalnum(), (hit.id, inner)


def test_one_long_sentence_with_many_matches_is_snipped_quickly(tmp_index):
    import time

    body = "The harbour wall " * 6000 + "ends here."   # one sentence, 6,000 matches
    started = time.perf_counter()
    snippet = snippet_of(tmp_index, body, "harbour")
    assert time.perf_counter() - started < 5
    assert snippet == "The <mark>harbour</mark> wall " * 11 + "The <mark>harbour</mark> …"
