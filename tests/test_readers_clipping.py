"""The web-clipping rules, on the real article and on clippings the rules never saw."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import DATA, REAL_ARTICLE, REAL_ID, SAMPLE_DOCS, load_json

from docsearch import read_file
from docsearch.readers.clipping import Block, assemble, parse_byline
from docsearch.readers.lines import parse_meta_line

UNSEEN = DATA / "unseen"
EXPECTED = load_json(UNSEEN / "expected.json")
# A second set, written later and never used to tune people extraction: its people are
# measured (docs/extraction.md), the rest must be exact.
UNSEEN2 = DATA / "unseen2"
EXPECTED2 = load_json(UNSEEN2 / "expected.json")


@pytest.fixture(scope="module")
def real():
    result = read_file(SAMPLE_DOCS / REAL_ARTICLE, SAMPLE_DOCS)
    assert result.errors == ()
    (article,) = result.articles
    return article


def test_real_article_metadata(real):
    assert real.id == REAL_ID
    assert real.title == "Biden and Putin Trade Warnings Over Ukraine, but Vow Diplomacy"
    assert real.authors == ("AFP",)
    assert real.published == dt.date(2021, 12, 31)
    assert real.url == ("https://www.themoscowtimes.com/2021/12/31/"
                        "biden-and-putin-trade-warnings-over-ukraine-but-vow-diplomacy-a75966")
    assert real.source == "The Moscow Times"
    assert real.sections == ("Troops and demands", "U.S. support for Ukraine")
    assert real.path == REAL_ARTICLE
    assert len(real.content_hash) == 64


def test_real_article_people(real):
    assert real.people == ("Joe Biden", "Vladimir Putin", "Yury Ushakov", "Jen Psaki",
                           "Sergei Ryabkov", "Wendy Sherman")


def test_real_article_body_has_no_debris(real):
    assert "kremlin.ru" not in real.body
    assert "Related article" not in real.body
    assert "Emphasize Diplomacy Ahead of Call" not in real.body
    assert "Original url" not in real.body
    assert "themoscowtimes" not in real.body
    assert "AFP" not in real.body.split("\n\n")[0]
    assert "December 31, 2021" not in real.body
    assert "**" not in real.body and "](" not in real.body


def test_real_article_split_paragraph_is_joined(real):
    assert ("the depth of disagreement — or the dangerously high stakes on the fringes of "
            "eastern Europe — ahead of in-person negotiations") in real.body
    paragraphs = real.body.split("\n\n")
    assert paragraphs[0].startswith("President Joe Biden on Thursday warned")
    assert paragraphs[-1].endswith("are set to expand if Moscow attacks.")


@pytest.mark.parametrize("folder, name", [(UNSEEN, n) for n in sorted(EXPECTED)]
                         + [(UNSEEN2, n) for n in sorted(EXPECTED2)])
def test_unseen_clipping(folder, name):
    expected = (EXPECTED if folder == UNSEEN else EXPECTED2)[name]
    result = read_file(folder / name, folder)
    assert result.errors == ()
    (article,) = result.articles
    assert article.title == expected["title"]
    assert list(article.authors) == expected["authors"]
    published = article.published.isoformat()[:10] if article.published else None
    assert published == expected["published"]
    assert article.url == expected["url"]
    assert article.source == expected.get("source", article.source)
    assert list(article.sections) == expected["sections"]
    if folder == UNSEEN:
        assert sorted(article.people) == sorted(expected["people"])
    for text in expected["body_contains"]:
        assert text in article.body
    for text in expected["body_excludes"]:
        assert text not in article.body


@pytest.mark.parametrize("line, authors", [
    ("By [AFP](#)", ["AFP"]),
    ("By Jane Doe", ["Jane Doe"]),
    ("By Jane Doe and Omar Haddad", ["Jane Doe", "Omar Haddad"]),
    ("By Ana Ruiz, Li Wei & Tom Abbott", ["Ana Ruiz", "Li Wei", "Tom Abbott"]),
    ("By Jane Doe, Staff Writer", ["Jane Doe"]),
    ("BY JANE DOE", ["Jane Doe"]),
    ("Author: Pieter van der Berg", ["Pieter van der Berg"]),
    ("Written by Jane Doe in Kyiv", ["Jane Doe"]),
])
def test_bylines(line, authors):
    assert parse_byline(line.replace("[AFP](#)", "AFP")) == (authors, None)


def test_dateline_with_issued_and_modified_stamps():
    meta = parse_meta_line("Issued on: 23/10/2023 - 07:18 Modified: 23/10/2023 - 10:02")
    assert (meta.published, meta.updated) == (dt.datetime(2023, 10, 23, 7, 18),
                                              dt.datetime(2023, 10, 23, 10, 2))


def test_byline_with_date():
    assert parse_byline("By Jane Doe | March 4, 2024") == (["Jane Doe"], dt.date(2024, 3, 4))


@pytest.mark.parametrize("line", [
    "By Friday, the council will have voted on the plan.",
    "By then the damage was done",
    "By 2030 emissions must halve",
    "Bylines are not always present",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize("line", [
    "Published reports said the deal was close.",
    "Updated figures are due on Friday",
    "Dated buildings line the quay",
])
def test_sentences_starting_with_a_stamp_word_are_not_stamps(line):
    from docsearch.readers.lines import parse_meta_line
    assert parse_meta_line(line) is None


def _body(*texts: str) -> str:
    return assemble([Block(t) for t in texts], title="T").body


@pytest.mark.parametrize("debris", [
    "Advertisement",
    "Read more: Council votes on budget",
    "Related: Port reopens after storm",
    "Photo: Ines Carvalho / Northbay Tribune",
    "(Photo by Ana Lima/Getty Images)",
    "Image: Protesters in the square / AFP",
    "Share this article",
    "Sign up for our newsletter to get the morning briefing",
    "5 min read",
    "Updated 3 hours ago",
    "Page 2 of 3",
    "Photo by Jane Doe/AFP",
    "Courtesy of the Calloway Gallery",
    "The harbour at dawn. Photo by Jane Doe",
    "Image credit: Northbay Tribune",
    "(Picture courtesy of the Tamsin Anglers' Association)",
])
def test_debris_lines_are_dropped(debris):
    body = _body("The council met on Monday to discuss the budget for next year in detail.",
                 debris, "It will vote again next week after a long and heated debate.")
    assert debris not in body
    assert body.count("\n\n") == 1


@pytest.mark.parametrize("sentence", [
    "The picture by the lighthouse shows the old pier.",
    "The minister paid a courtesy call on the mayor.",
    "The new exhibition includes a picture by Turner, lent by the museum.",
    "He said the photo by the agency was misleading and would be withdrawn.",
    "Visitors can see it as a courtesy of the harbour board",
])
def test_sentences_that_mention_photos_or_courtesy_are_kept(sentence):
    body = _body("The council met on Monday to discuss the budget for next year in detail.",
                 sentence, "It will vote again next week after a long and heated debate.")
    assert sentence in body


def test_figure_lines_that_end_an_article_are_kept():
    """A results table (short lines, no full stop) is the article, not page debris."""
    body = _body("Harbourline Ferries said on Tuesday its first-quarter profit rose.",
                 "Shr 28 cts vs 22 cts", "Net 4,500,000 vs 3,800,000",
                 "Revs 35.2 mln vs 30.1 mln", "Related Topics", "Updated 3 hours ago",
                 "lb/mlr/dw")
    assert body.split("\n\n") == [
        "Harbourline Ferries said on Tuesday its first-quarter profit rose.",
        "Shr 28 cts vs 22 cts", "Net 4,500,000 vs 3,800,000", "Revs 35.2 mln vs 30.1 mln"]


def test_link_only_lines_are_dropped_but_links_in_text_stay():
    blocks = [Block("The council met on Monday to discuss the budget for next year."),
              Block("reuters.com", link_only=True, urls=["https://reuters.com"]),
              Block("The mayor said the report was clear.")]
    assert "reuters.com" not in assemble(blocks, title="T").body


def test_paragraph_ending_with_punctuation_is_not_joined():
    body = _body("The vote passed.", "the opposition walked out afterwards, in protest.")
    assert body == "The vote passed.\n\nthe opposition walked out afterwards, in protest."


@pytest.mark.parametrize("footer", [
    ["Original url:", "<https://example.org/2020/01/02/a>"],
    ["Original URL: https://example.org/2020/01/02/a"],
    ["Source: https://example.org/2020/01/02/a"],
    ["Read the original article at https://example.org/2020/01/02/a"],
])
def test_url_footers(footer):
    clip = assemble([Block("The council met on Monday to discuss the budget for next year."),
                     *[Block(f) for f in footer]], title="T")
    assert clip.url == "https://example.org/2020/01/02/a"
    assert "example.org" not in clip.body
