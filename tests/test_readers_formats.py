"""Each reader on generated files: what it takes from where, and what it rejects."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from docsearch import Article, FileResult, ParseError, read_file, stable_id
from docsearch.readers import iter_files, reader_for
from docsearch.readers.meta import ALIASES
from docsearch.readers.text import TextReader


def read(folder: Path, name: str, content: str | bytes) -> FileResult:
    """Write ``content`` to ``folder/name`` and read it with ``folder`` as the root."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_file(path, folder)


def one(folder: Path, name: str, content: str | bytes) -> Article:
    """The one article of a file that must read without problems."""
    result = read(folder, name, content)
    assert result.errors == ()
    (article,) = result.articles
    return article


def failure(folder: Path, name: str, content: str | bytes) -> ParseError:
    """The one problem of a file that must not give any article."""
    result = read(folder, name, content)
    assert result.articles == ()
    (error,) = result.errors
    assert error.path == str(folder / name)
    return error


def markdown(front: str, body: str) -> str:
    return f"---\n{front.strip()}\n---\n{body}"


# ------------------------------------------------------------------------- Markdown

CLIPPING = """# Extracted Heading

By Tomas Brell

March 3, 2022

## Quay Works

Grace Hopper opened the new quay on Thursday and spoke about the harbour.

Original url: https://www.other.example/2017/08/09/quay
"""

# For each field: a front-matter value and what the article holds then. Every one
# differs from what the clipping above gives without front matter.
FIELD_VALUES = {
    "id": ("custom-7", "custom-7"),
    "title": ("Front Matter Title", "Front Matter Title"),
    "authors": ("[Nadia Quist, Oren Falk]", ("Nadia Quist", "Oren Falk")),
    "source": ("Harbour Herald", "Harbour Herald"),
    "published": ("2019-05-06", dt.date(2019, 5, 6)),
    "url": ("https://herald.example/2018/01/02/quay", "https://herald.example/2018/01/02/quay"),
    "sections": ("[Opening, Reactions]", ("Opening", "Reactions")),
    "people": ("[Ada Lovelace]", ("Ada Lovelace",)),
    "surnames": ("[Lovelace]", ("Lovelace",)),
    "topics": ("[harbour life]", ("harbour life",)),
}
ALIAS_CASES = [(field, key) for field, keys in ALIASES.items() if field != "body"
               for key in keys]


def test_clipping_without_front_matter(tmp_path):
    article = one(tmp_path, "clip.md", CLIPPING)
    assert article.title == "Extracted Heading"
    assert article.authors == ("Tomas Brell",)
    assert article.published == dt.date(2022, 3, 3)
    assert article.url == "https://www.other.example/2017/08/09/quay"
    assert article.source == "other.example"
    assert article.sections == ("Quay Works",)
    assert article.people == ("Grace Hopper",)
    assert article.id == stable_id(url="https://www.other.example/2017/08/09/quay")


def test_every_field_has_a_value_in_the_table():
    assert set(FIELD_VALUES) == set(ALIASES) - {"body"}


@pytest.mark.parametrize(("field", "key"), ALIAS_CASES)
def test_front_matter_key_overrides_extraction(tmp_path, field, key):
    value, expected = FIELD_VALUES[field]
    article = one(tmp_path, "clip.md", markdown(f"{key}: {value}", CLIPPING))
    assert getattr(article, field) == expected


def test_front_matter_keys_are_case_insensitive(tmp_path):
    article = one(tmp_path, "clip.md", markdown("Title: Upper Case Key\nAUTHOR: Nadia Quist",
                                                CLIPPING))
    assert (article.title, article.authors) == ("Upper Case Key", ("Nadia Quist",))


def _offset(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-04-05", dt.date(2023, 4, 5)),
    ('"2023-04-05"', dt.date(2023, 4, 5)),
    ("April 5, 2023", dt.date(2023, 4, 5)),
    ("2023-04-05 10:30:00", dt.datetime(2023, 4, 5, 10, 30)),
    ("2023-04-05T10:30:00+02:00", dt.datetime(2023, 4, 5, 10, 30, tzinfo=_offset(2))),
    ('"2023-04-05T22:30:00-05:00"', dt.datetime(2023, 4, 5, 22, 30, tzinfo=_offset(-5))),
    ('"2023-04-05T10:30:00Z"', dt.datetime(2023, 4, 5, 10, 30, tzinfo=_offset(0))),
])
def test_front_matter_date_forms(tmp_path, value, expected):
    article = one(tmp_path, "d.md", markdown(f"title: Dated\ndate: {value}", "Text.\n"))
    assert article.published == expected
    assert type(article.published) is type(expected)
    if isinstance(expected, dt.datetime):  # the offset as written is kept
        assert article.published.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(("front", "expected"), [
    ("authors: [Nadia Quist, Oren Falk]", ("Nadia Quist", "Oren Falk")),
    ("authors:\n  - Nadia Quist\n  - Oren Falk", ("Nadia Quist", "Oren Falk")),
    ("authors: Nadia Quist", ("Nadia Quist",)),
    ("author: Nadia Quist", ("Nadia Quist",)),
    ("authors: [{name: Nadia Quist}, {name: Oren Falk}]", ("Nadia Quist", "Oren Falk")),
])
def test_front_matter_authors_list_or_single(tmp_path, front, expected):
    article = one(tmp_path, "a.md", markdown(f"title: Bylined\n{front}", "By Tomas Brell\n"))
    assert article.authors == expected


@pytest.mark.parametrize("title", ["Harbour Tram Approved", "Harbour  Tram Approved"])
def test_h1_equal_to_front_matter_title_is_not_a_section(tmp_path, title):
    text = markdown(f"title: {title}",
                    "# Harbour Tram Approved\n\nThe tram reaches the quay.\n\n## Costs\n\nLow.\n")
    article = one(tmp_path, "t.md", text)
    assert article.title == "Harbour Tram Approved"
    assert article.sections == ("Costs",)
    assert article.body == "The tram reaches the quay.\n\nCosts\n\nLow."


def test_front_matter_without_title_falls_back_to_the_h1(tmp_path):
    article = one(tmp_path, "t.md", markdown("author: Nadia Quist",
                                             "# The Heading Title\n\nBody text.\n"))
    assert (article.title, article.authors, article.sections, article.body) == (
        "The Heading Title", ("Nadia Quist",), (), "Body text.")


def test_empty_front_matter_is_no_front_matter(tmp_path):
    article = one(tmp_path, "t.md", "---\n---\n# Plain Heading\n\nBody text.\n")
    assert (article.title, article.body) == ("Plain Heading", "Body text.")


@pytest.mark.parametrize("front", ["title: [unclosed", "title: a: b", "title: 'open",
                                   "title: x\n\tdate: tab"])
def test_malformed_front_matter(tmp_path, front):
    error = failure(tmp_path, "bad.md", markdown(front, "Body.\n"))
    # The rest of the reason is the YAML parser's own words, on one line.
    assert error.reason.startswith("malformed front matter: ")
    assert "line 2" in error.reason
    assert "\n" not in error.reason


@pytest.mark.parametrize("front", ["- title\n- date", "just a sentence", "42"])
def test_front_matter_that_is_not_a_mapping(tmp_path, front):
    error = failure(tmp_path, "list.md", markdown(front, "# Heading\n\nBody.\n"))
    assert error.reason == "malformed front matter: not a mapping of keys to values"


@pytest.mark.parametrize(("front", "reason"), [
    ("title: [a, b]", "field 'title' must be text"),
    ("title: {main: x}", "field 'title' must be text"),
    ("authors: true", "field 'authors' must be text or a list of text"),
    ("date: [2020-01-01]", "field 'date' must be a date"),
])
def test_front_matter_field_of_the_wrong_type(tmp_path, front, reason):
    assert failure(tmp_path, "bad.md", markdown(front, "Body.\n")).reason == reason


@pytest.mark.parametrize("value", ["0000-01-01", "9999-12-31", "2023-13-45", "soon", "0"])
@pytest.mark.parametrize(("url", "expected"), [
    ("https://herald.example/2020/01/02/story", dt.date(2020, 1, 2)),
    (None, None),
])
def test_unusable_front_matter_date_is_ignored(tmp_path, value, url, expected):
    front = f"title: Dated Story\ndate: {value}" + (f"\nurl: {url}" if url else "")
    article = one(tmp_path, "d.md", markdown(front, "Text.\n"))
    assert (article.title, article.published, article.url) == ("Dated Story", expected, url)


# ----------------------------------------------------------------------- plain text

def test_text_title_after_blank_lines_and_bom(tmp_path):
    text = "\n\n   \nQuarry Road Bridge Closes\n\nThe bridge closes.\n"
    from_file = one(tmp_path, "t.txt", b"\xef\xbb\xbf" + text.encode())
    (direct,) = TextReader().read("\ufeff" + text, "t.txt")
    for article in (from_file, direct):
        assert (article.title, article.body) == ("Quarry Road Bridge Closes", "The bridge closes.")


@pytest.mark.parametrize("gap", ["", "\n"], ids=["stacked", "after-blank-line"])
def test_text_byline_and_date_line_under_the_title(tmp_path, gap):
    text = (f"Quarry Road Bridge Closes\n{gap}By Mira Castell and Oren Falk\nMarch 3, 2022\n\n"
            "The bridge closes for six weeks.\n")
    article = one(tmp_path, "t.txt", text)
    assert article.authors == ("Mira Castell", "Oren Falk")
    assert article.published == dt.date(2022, 3, 3)
    assert article.body == "The bridge closes for six weeks."


def test_text_soft_wrapped_lines_are_joined(tmp_path):
    text = ("Harbour Tram Approved\n\n"
            "The council voted on\nMonday to extend the tram line to\nPort Ellery harbour.\n\n"
            "Work on the line starts in May and is due to end in the autumn of next year,\n"
            "said the engineer in charge,\n   who spoke at the harbour office.\n")
    article = one(tmp_path, "t.txt", text)
    assert article.body == (
        "The council voted on Monday to extend the tram line to Port Ellery harbour.\n\n"
        "Work on the line starts in May and is due to end in the autumn of next year, said "
        "the engineer in charge, who spoke at the harbour office.")


def test_text_crlf_line_endings(tmp_path):
    article = one(tmp_path, "t.txt", "Ferry Fares Frozen\r\nBy Ben Ochoa\r\n\r\nFares\r\nstay.\r\n")
    assert (article.title, article.authors, article.body) == (
        "Ferry Fares Frozen", ("Ben Ochoa",), "Fares stay.")


@pytest.mark.parametrize("footer", [
    "Original url: https://www.valleypost.example/news/2021/07/09/bridge",
    "Original url:\nhttps://www.valleypost.example/news/2021/07/09/bridge",
])
def test_text_url_footer_gives_url_source_and_date(tmp_path, footer):
    article = one(tmp_path, "t.txt", f"Bridge Reopens\n\nTraffic flows again.\n\n{footer}\n")
    assert article.url == "https://www.valleypost.example/news/2021/07/09/bridge"
    assert article.source == "valleypost.example"
    assert article.published == dt.date(2021, 7, 9)
    assert article.body == "Traffic flows again."


def test_text_date_line_wins_over_the_url_date(tmp_path):
    text = ("Bridge Reopens\nJune 1, 2021\n\nTraffic flows again.\n\n"
            "Original url: https://valleypost.example/2021/07/09/bridge\n")
    assert one(tmp_path, "t.txt", text).published == dt.date(2021, 6, 1)


def test_text_without_any_line_is_rejected():
    with pytest.raises(ParseError) as info:
        list(TextReader().read("\n \n\t\n", "blank.txt"))
    assert (info.value.path, info.value.reason) == ("blank.txt", "no text")


# ----------------------------------------------------------------------------- HTML

def page(head: str = "", body: str = "") -> str:
    return f"<!doctype html>\n<html><head>{head}</head><body>{body}</body></html>\n"


def json_ld(**fields: object) -> str:
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **fields})
    return f'<script type="application/ld+json">{data}</script>'


ARTICLE = "<article><h1>Heading Title</h1><p>Body text.</p></article>"


@pytest.mark.parametrize(("head", "body", "title"), [
    ('<meta property="og:title" content="Open Graph Title"><title>Tab | Site</title>',
     ARTICLE, "Open Graph Title"),
    ("<title>Tab Title | Port Post</title>", ARTICLE, "Heading Title"),
    ("<title>Harbour Tram Approved | Port Ellery Post</title>", "<p>Body text.</p>",
     "Harbour Tram Approved"),
    ('<meta property="og:site_name" content="The Daily Quay">'
     "<title>Tram Vote | The Daily Quay</title>", "<p>Body text.</p>", "Tram Vote"),
    ('<meta property="og:site_name" content="The Daily Quay">'
     '<meta property="og:title" content="Tram Vote | The Daily Quay">', "<p>Body text.</p>",
     "Tram Vote"),
    ("", "<article><h1>Council backs tram after long debate - report</h1><p>Text.</p></article>",
     "Council backs tram after long debate - report"),
])
def test_html_title(tmp_path, head, body, title):
    article = one(tmp_path, "p.html", page(head, body))
    assert article.title == title
    assert title not in article.body


@pytest.mark.parametrize(("head", "body", "published"), [
    ('<meta property="article:published_time" content="2023-06-04T09:15:00+02:00">', ARTICLE,
     dt.datetime(2023, 6, 4, 9, 15, tzinfo=_offset(2))),
    ('<meta name="date" content="2020-05-06">', ARTICLE, dt.date(2020, 5, 6)),
    (json_ld(datePublished="2022-11-05"), ARTICLE, dt.date(2022, 11, 5)),
    ("", '<article><h1>T</h1><time datetime="2021-02-03">Feb 3</time><p>Text.</p></article>',
     dt.date(2021, 2, 3)),
    ('<meta name="date" content="2020-05-06">',
     '<article><h1>T</h1><time datetime="2021-02-03">x</time><p>Text.</p></article>',
     dt.date(2020, 5, 6)),
    ('<meta name="date" content="not a date">', ARTICLE, None),
])
def test_html_date(tmp_path, head, body, published):
    assert one(tmp_path, "p.html", page(head, body)).published == published


@pytest.mark.parametrize(("head", "body", "authors"), [
    ('<meta name="author" content="Ana Ruiz">', ARTICLE, ("Ana Ruiz",)),
    (json_ld(author={"@type": "Person", "name": "Lena Ortiz"}), ARTICLE, ("Lena Ortiz",)),
    (json_ld(author=[{"@type": "Person", "name": "Lena Ortiz"}, {"name": "Tom Reyes"}]),
     ARTICLE, ("Lena Ortiz", "Tom Reyes")),
    ("", '<article><h1>T</h1><p class="byline">By Sam Kerr and Ines Duval</p>'
     "<p>Body text.</p></article>", ("Sam Kerr", "Ines Duval")),
    ('<meta name="author" content="https://social.example/ana">', ARTICLE, ()),
])
def test_html_authors(tmp_path, head, body, authors):
    article = one(tmp_path, "p.html", page(head, body))
    assert article.authors == authors
    assert article.body == "Body text."


@pytest.mark.parametrize(("head", "url"), [
    ('<link rel="canonical" href="https://post.example/2023/06/04/tram">',
     "https://post.example/2023/06/04/tram"),
    ('<meta property="og:url" content="https://post.example/2023/06/05/tram">',
     "https://post.example/2023/06/05/tram"),
    ('<meta property="og:url" content="https://post.example/og">'
     '<link rel="canonical" href="https://post.example/canonical">',
     "https://post.example/canonical"),
])
def test_html_url(tmp_path, head, url):
    assert one(tmp_path, "p.html", page(head, ARTICLE)).url == url


def test_html_source_from_site_name(tmp_path):
    head = ('<meta property="og:site_name" content="Port Ellery Post">'
            '<link rel="canonical" href="https://post.example/tram">')
    article = one(tmp_path, "p.html", page(head, ARTICLE))
    assert (article.source, article.url) == ("Port Ellery Post", "https://post.example/tram")


def test_html_body_is_only_the_article_text(tmp_path):
    head = ("<title>Harbour Tram Approved</title>"
            '<script>var tracking = "SCRIPT";</script><style>.x { content: "STYLE"; }</style>')
    body = """
    <nav><a href="/">NAV home</a></nav>
    <div class="cookie-banner">COOKIE we use cookies <button>Accept</button></div>
    <article>
      <h1>Harbour Tram Approved</h1>
      <p>The council voted on <em>Monday</em>, after a <a href="/d">long debate</a>.
         Caf&eacute; owners &amp; residents cheered &mdash; loudly&hellip;</p>
      <aside>ASIDE more stories</aside>
      <div class="newsletter-signup"><p>NEWSLETTER get our emails</p></div>
      <div>Work starts in <strong>May</strong>; it ends in <b>June</b>.</div>
      <script>document.write("INLINE SCRIPT")</script>
    </article>
    <footer>FOOTER contact us</footer>"""
    article = one(tmp_path, "p.html", page(head, body))
    assert article.title == "Harbour Tram Approved"
    assert article.body == (
        "The council voted on Monday, after a long debate. Café owners & residents cheered "
        "— loudly…\n\nWork starts in May; it ends in June.")


def test_html_article_box_with_a_furniture_like_class_is_kept(tmp_path):
    body = ('<article><h1>Tram Vote</h1><div class="story-body has-comments">'
            "<p>The council voted for the tram.</p><p>Work starts in May.</p>"
            '<div class="share-buttons">Share on Quayface</div></div></article>')
    article = one(tmp_path, "p.html", page("", body))
    assert article.body == "The council voted for the tram.\n\nWork starts in May."


def test_html_nested_deeper_than_the_recursion_limit(tmp_path):
    body = "<div>" * 5000 + "<p>Deep <em>text</em>.</p>" + "</div>" * 5000 + "<p>After.</p>"
    article = one(tmp_path, "deep.html", page("<title>Deep Page</title>", body))
    assert (article.title, article.body) == ("Deep Page", "Deep text.\n\nAfter.")


def test_html_sections_from_headings(tmp_path):
    body = "<article><h1>T</h1><p>One.</p><h2>Costs &amp; Risks</h2><p>Two.</p></article>"
    article = one(tmp_path, "p.html", page("", body))
    assert (article.sections, article.body) == (("Costs & Risks",), "One.\n\nCosts & Risks\n\nTwo.")


@pytest.mark.parametrize(("html", "reason"), [
    (page("<title>Only Title</title>"), "no article text in the HTML (only a title)"),
    (page("<title>Only Title</title>", "<nav>Menu</nav><script>x()</script><footer>c</footer>"),
     "no article text in the HTML (only a title)"),
    (page("<title>Only Title</title>", '<div class="cookie-consent"><p>We use cookies to '
          "improve the site.</p><button>OK</button></div>"),
     "no article text in the HTML (only a title)"),
    (page(), "no article text in the HTML"),
    (page("", "  <!-- a comment -->  "), "no article text in the HTML"),
])
def test_html_without_body_text(tmp_path, html, reason):
    assert failure(tmp_path, "empty.html", html).reason == reason


# ----------------------------------------------------------------------- JSON Lines

def jsonl(*records: dict | str) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                   for r in records)


@pytest.mark.parametrize(("record", "field", "expected"), [
    ({"title": "T", "body": "Body words."}, "body", "Body words."),
    ({"title": "T", "text": "Text words."}, "body", "Text words."),
    ({"title": "T", "content": "Content words."}, "body", "Content words."),
    ({"headline": "Headline Title"}, "title", "Headline Title"),
    ({"title": "T", "published": "2022-02-01"}, "published", dt.date(2022, 2, 1)),
    ({"title": "T", "date": "2022-02-01T12:00:00+01:00"}, "published",
     dt.datetime(2022, 2, 1, 12, 0, tzinfo=_offset(1))),
    ({"title": "T", "author": "Ben Ochoa"}, "authors", ("Ben Ochoa",)),
    ({"title": "T", "authors": ["Ben Ochoa", "Ada Lin"]}, "authors", ("Ben Ochoa", "Ada Lin")),
    ({"title": "T", "source": "Wire Service"}, "source", "Wire Service"),
    ({"title": "T", "link": "https://wire.example/a"}, "url", "https://wire.example/a"),
    ({"title": "T", "people": ["Ada Lin"]}, "people", ("Ada Lin",)),
    ({"title": "T", "topics": ["ports"]}, "topics", ("ports",)),
])
def test_jsonl_field_names_and_aliases(tmp_path, record, field, expected):
    article = one(tmp_path, "feed.jsonl", jsonl(record))
    assert getattr(article, field) == expected


def test_jsonl_ids(tmp_path):
    url = "https://wire.example/2020/03/04/ferry"
    result = read(tmp_path, "sub/feed.jsonl", jsonl(
        {"id": "wire-1", "title": "Explicit", "url": url},
        {"title": "From Url", "url": url + "?utm_source=feed"},
        {"title": "From Path", "body": "No url."},
    ))
    assert result.errors == ()
    assert [(a.id, a.path) for a in result.articles] == [
        ("wire-1", "sub/feed.jsonl#1"),
        (stable_id(url=url), "sub/feed.jsonl#2"),
        (stable_id(path="sub/feed.jsonl#3"), "sub/feed.jsonl#3"),
    ]


def test_jsonl_broken_lines_are_reported_and_the_rest_read(tmp_path):
    text = jsonl(
        {"title": "First Good", "body": "One."},
        "{not json",
        "[1, 2]",
        "",
        "   ",
        {"source": "Wire", "url": "https://wire.example/x"},
        {"title": ["a list"], "body": "x"},
        {"title": "Bad Author", "body": "x", "authors": True},
        {"title": "Bad Date", "body": "x", "date": {"year": 2020}},
        {"title": "Line \u2028 Separator", "body": "Kept\u0085whole."},
        "null",
        "[" * 100_000,
        {"title": "Last Good", "text": "Two."},
    )
    result = read(tmp_path, "feed.jsonl", text)
    file = tmp_path / "feed.jsonl"
    assert [(e.path, e.reason) for e in result.errors] == [
        (f"{file}:2", "invalid JSON (Expecting property name enclosed in double quotes "
                      "at column 2)"),
        (f"{file}:3", "not a JSON object"),
        (f"{file}:6", "no title or body"),
        (f"{file}:7", "field 'title' must be text"),
        (f"{file}:8", "field 'authors' must be text or a list of text"),
        (f"{file}:9", "field 'date' must be a date"),
        (f"{file}:11", "not a JSON object"),
        (f"{file}:12", "invalid JSON (maximum recursion depth exceeded while decoding a JSON "
                       "array from a unicode string)"),
    ]
    assert [(a.title, a.path) for a in result.articles] == [
        ("First Good", "feed.jsonl#1"),
        ("Line Separator", "feed.jsonl#10"),
        ("Last Good", "feed.jsonl#13"),
    ]


def test_jsonl_with_bom_and_crlf(tmp_path):
    data = b"\xef\xbb\xbf" + jsonl({"title": "A"}, {"title": "B"}).replace("\n", "\r\n").encode()
    result = read(tmp_path, "feed.ndjson", data)
    assert result.errors == ()
    assert [(a.title, a.path) for a in result.articles] == [("A", "feed.ndjson#1"),
                                                            ("B", "feed.ndjson#2")]


# ------------------------------------------------------------------------- registry

@pytest.mark.parametrize(("name", "reader"), [
    ("a.md", "markdown"), ("a.markdown", "markdown"), ("a.MD", "markdown"),
    ("a.txt", "text"), ("a.text", "text"), ("A.TXT", "text"),
    ("a.html", "html"), ("a.htm", "html"), ("a.HtMl", "html"),
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("a.JSONL", "jsonl"),
    ("dir.md/a.txt", "text"), ("a.txt.md", "markdown"),
])
def test_reader_for_suffix(name, reader):
    assert reader_for(name).name == reader


@pytest.mark.parametrize("name", ["a.xyz", "a.pdf", "README", "a.md.bak", "a."])
def test_no_reader_for_other_names(name):
    assert reader_for(name) is None


@pytest.mark.parametrize(("name", "reason"), [
    ("notes.xyz", "unsupported file type '.xyz'"),
    ("README", "unsupported file type 'README'"),
])
def test_unsupported_file_named_directly(tmp_path, name, reason):
    file = tmp_path / name
    file.write_text("Some Title\n\nSome text.\n")
    assert list(iter_files([file])) == [(file, tmp_path)]
    assert failure(tmp_path, name, "Some Title\n\nSome text.\n").reason == reason


def test_missing_file_named_directly(tmp_path):
    result = read_file(tmp_path / "gone.md", tmp_path)
    assert [(e.path, e.reason) for e in result.errors] == [
        (str(tmp_path / "gone.md"), "cannot read: no such file or directory")]


def test_iter_files_skips_unknown_and_hidden_and_sorts(tmp_path):
    names = ["b.md", "a/z.TXT", "a/b/c.htm", "C.html", "d.jsonl", "a.md", ".hidden.md",
             ".git/x.md", "a/.cache/y.txt", "notes.xyz", "image.png", "README", "e.ndjson"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("Title\n")
    found = list(iter_files([tmp_path]))
    assert {root for _, root in found} == {tmp_path}
    assert [f.relative_to(tmp_path).as_posix() for f, _ in found] == [
        "C.html", "a/b/c.htm", "a/z.TXT", "a.md", "b.md", "d.jsonl", "e.ndjson"]
