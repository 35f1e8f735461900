"""Text the readers used to lose: words in angle brackets that are no HTML tag, and
files in a legacy encoding (issue 12, items 6 and 8)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from docsearch import Article, FileResult, read_file
from docsearch.cli import cli


def read(folder: Path, name: str, content: str | bytes) -> FileResult:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return read_file(path, folder)


def one(folder: Path, name: str, content: str | bytes) -> Article:
    result = read(folder, name, content)
    assert result.errors == ()
    (article,) = result.articles
    return article


# ----------------------------------------------------------- text in angle brackets

def test_ticker_in_a_markdown_heading_is_kept(tmp_path):
    article = one(tmp_path, "srd.md", "# STANDARD OIL <SRD> TO FORM UNIT\n\n"
                                      "Standard Oil Co said it will form a pipeline unit.\n")
    assert article.title == "STANDARD OIL <SRD> TO FORM UNIT"
    assert article.body == "Standard Oil Co said it will form a pipeline unit."


def test_ticker_in_a_markdown_paragraph_is_kept(tmp_path):
    article = one(tmp_path, "bp.md", "# Oil Deal\n\n"
                                     "British Petroleum Co Plc <BP> said it sold its stake.\n")
    assert article.body == "British Petroleum Co Plc <BP> said it sold its stake."


def test_company_in_brackets_as_the_whole_heading(tmp_path):
    article = one(tmp_path, "acme.md", "# <ACME CORP>\n\nMarch 3, 1987\n\n"
                                       "Acme Corp said first quarter profits rose.\n")
    assert article.title == "<ACME CORP>"
    assert article.published == dt.date(1987, 3, 3)
    assert article.body == "Acme Corp said first quarter profits rose."


def test_ticker_alone_on_a_line_starts_no_html_block(tmp_path):
    article = one(tmp_path, "line.md", "# Brewer Buys Maltings\n\n<KBRW>\nKestrel Brewing said "
                                       "it bought two maltings.\n\nThe price was not given.\n")
    assert article.body == ("<KBRW> Kestrel Brewing said it bought two maltings.\n\n"
                            "The price was not given.")


@pytest.mark.parametrize("text", [
    "Rates stay <5% this year.",
    "It holds when a < b > c.",
    "Talks with <Harlow Lumber Co Ltd> go on.",
    "Shares of <TRN.L> rose.",
])
def test_other_angle_bracket_text_is_kept(tmp_path, text):
    assert one(tmp_path, "t.md", f"# Note\n\n{text}\n").body == text


@pytest.mark.parametrize(("title", "body"), [
    ("DU PONT CO <DD> LAUNCHES FIBER", "Du Pont Co <DD> said it will sell a new fiber."),
    ("SEARS <S> TO CUT JOBS", "Sears, Roebuck and Co <S> and Phillips <P> said so."),
    ("VARIAN <VAR>, TALMONT FORM VENTURE", "Varian Associates <VAR> and <NAV> agreed."),
    ("<MARK RESOURCES INC> YEAR LOSS", "<Strong Point Inc> and <Video Shopping Mall Inc> "
                                       "said they would merge."),
], ids=["dd", "s-and-p", "var-nav", "with-words"])
def test_tickers_named_like_html_elements_are_text(tmp_path, title, body):
    # An element name in capitals with no closing tag, or capitalised, is no tag.
    article = one(tmp_path, "ticker.md", f"# {title}\n\n{body}\n")
    assert (article.title, article.body) == (title, body)


def test_old_capital_tags_are_still_markup(tmp_path):
    article = one(tmp_path, "old.md", "# Old Page\n\nA <B>bold</B> and <I>slanted</I> word."
                                      "<BR>Next <IMG SRC=\"x.png\">line.\n")
    assert article.body == "A bold and slanted word. Next line."


def test_real_inline_tags_go_and_their_text_stays(tmp_path):
    article = one(tmp_path, "tags.md",
                  '# Tags\n\nShares rose <b>sharply</b> and <EM>fast</EM>.<br>Then '
                  '<span class="x">fell</span> to <a href="https://x.example">9p</a>.\n')
    assert article.body == "Shares rose sharply and fast. Then fell to 9p."


def test_script_and_style_text_stays_out(tmp_path):
    article = one(tmp_path, "script.md",
                  "# Page\n\nBefore <script>var s = 'SCRIPT';</script> middle "
                  "<style>p { color: red; }</style> after.\n\n"
                  "<script>\nvar t = 'BLOCK';\n</script>\n\nLast line.\n")
    assert article.body == "Before middle after.\n\nLast line."


def test_text_inside_an_html_block_is_kept(tmp_path):
    article = one(tmp_path, "block.md",
                  '# Boxes\n\n<div class="note">\nThe <SRD> unit opens in <i>May</i>.\n'
                  "</div>\n\n<!-- a comment -->\n\n<p>A &amp; B merged.</p>\n")
    assert article.body == "The <SRD> unit opens in May.\n\nA & B merged."


def test_angle_brackets_in_plain_text_are_kept(tmp_path):
    article = one(tmp_path, "srd.txt", "STANDARD OIL <SRD> TO FORM UNIT\n\n"
                                       "Standard Oil Co <SRD> said it will form a unit.\n")
    assert article.title == "STANDARD OIL <SRD> TO FORM UNIT"
    assert article.body == "Standard Oil Co <SRD> said it will form a unit."


def test_escaped_brackets_in_html_are_text(tmp_path):
    article = one(tmp_path, "srd.html", "<html><body><article><h1>STANDARD OIL &lt;SRD&gt; "
                                        "UNIT</h1><p>Standard Oil &lt;SRD&gt; said so.</p>"
                                        "</article></body></html>")
    assert article.title == "STANDARD OIL <SRD> UNIT"
    assert article.body == "Standard Oil <SRD> said so."


# ------------------------------------------------------------------ legacy encodings

STORY = ("Harbour Shares Rally\n\nShares in Kestrel Dock Holdings rose 14p to £3.82 on Tuesday "
         "after the café chain it owns reported a “strong summer”, its chairman, Renée Ardoise, "
         "said. Analysts at Pellow & Co now expect a dividend of £0.12 a share.\n")
STORY_BODY = STORY.split("\n\n")[1].strip()
PLAIN_STORY = STORY.replace("“", '"').replace("”", '"')  # Latin-1 has no curly quotes


@pytest.mark.parametrize(("content", "body"), [
    (STORY.encode("cp1252"), STORY_BODY),
    (PLAIN_STORY.encode("latin-1"), PLAIN_STORY.split("\n\n")[1].strip()),
], ids=["cp1252", "latin-1"])
def test_western_legacy_text_is_read_as_cp1252(tmp_path, content, body):
    result = read(tmp_path, "old.txt", content)
    assert result.errors == ()
    assert (result.articles[0].title, result.articles[0].body) == ("Harbour Shares Rally", body)
    assert result.encoding == "cp1252"
    assert result.notes == (f"{tmp_path / 'old.txt'}: read as cp1252 (not UTF-8)",)


CANAL = ("The Tollerby Canal Company said on Monday that traffic on its northern reach rose "
         "in the first quarter, helped by a mild winter and by new barge contracts with two "
         "grain merchants. The company expects the reach to carry more coal this year.")


def test_a_lone_pound_sign_is_not_read_as_japanese(tmp_path):
    # charset-normalizer's best guess for these bytes is cp932, reading the '£' as one
    # half-width katakana, with cp1252 judged a little less clean.
    body = "\n\n".join([CANAL] * 20 + ["Its net income fell to 472 mln £, the chairman said."])
    result = read(tmp_path, "canal.md", f"# CANAL COMPANY REPORTS\n\n{body}\n".encode("latin-1"))
    assert result.encoding == "cp1252"
    assert result.articles[0].body == body


@pytest.mark.parametrize(("text", "encoding"), [
    ("# Oil Prices\n\nBrent crude fell to £18 a barrel in London.\n", "latin-1"),
    ("# Café Notes\n\nSome text.\n", "latin-1"),
    ("# Smart “quotes”\n\nSome text.\n", "cp1252"),
    ("# Heizöl\n\nDie Preise für Heizöl sind in München gestiegen.\n", "cp1252"),
], ids=["pound", "e-acute", "curly-quotes", "umlauts"])
def test_short_western_texts_are_read_as_cp1252(tmp_path, text, encoding):
    result = read(tmp_path, "short.md", text.encode(encoding))
    title, body = text[2:].split("\n\n")
    assert (result.articles[0].title, result.articles[0].body) == (title, body.strip())
    assert result.encoding == "cp1252"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Новости рынка\n\nАкции компании выросли на пять процентов во вторник, сообщил "
     "представитель биржи.\n", "cp1251"),
    ("Οικονομία\n\nΟι τιμές των καυσίμων αυξήθηκαν στην Αθήνα, δήλωσε ο εκπρόσωπος "
     "του υπουργείου την Τρίτη.\n", "cp1253"),
], ids=["cyrillic", "greek"])
def test_other_legacy_encodings_are_detected(tmp_path, text, encoding):
    result = read(tmp_path, "other.txt", text.encode(encoding))
    title, body = text.split("\n\n")
    assert (result.articles[0].title, result.articles[0].body) == (title, body.strip())
    assert result.encoding == encoding


def test_utf8_and_bom_files_have_no_encoding_note(tmp_path):
    plain = read(tmp_path, "a.txt", "Café\n\nText.\n")
    bom = read(tmp_path, "b.txt", "\ufeffCafé\n\nText.\n".encode("utf-16"))
    assert (plain.encoding, plain.notes, bom.encoding, bom.notes) == (None, (), None, ())


def test_bytes_no_encoding_fits_are_reported(tmp_path):
    result = read(tmp_path, "noise.txt", bytes(range(128, 256)) * 4)
    assert result.articles == ()
    assert [e.reason for e in result.errors] == [
        "not UTF-8 text (byte 0x80 at offset 0), nor in any encoding recognised"]


def test_utf8_with_a_bad_byte_is_reported_not_garbled(tmp_path):
    data = "Café Notes\n\nThe café and two crêpes.".encode() + b" One bad \xff byte.\n"
    result = read(tmp_path, "broken.txt", data)
    assert result.articles == ()
    assert [e.reason for e in result.errors] == ["invalid UTF-8 text (byte 0xff at offset 48)"]


def test_utf8_files_are_read_without_the_detector(tmp_path):
    # Only bytes that are not UTF-8 need charset-normalizer (imported then, not before).
    (tmp_path / "a.md").write_text("# Café\n\nText.\n", encoding="utf-8")
    code = ("import sys; sys.modules['charset_normalizer'] = None; import docsearch; "
            f"r = docsearch.read_file({str(tmp_path / 'a.md')!r}); "
            "print(r.articles[0].title, r.errors)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout == "Café ()\n"


def test_sync_indexes_a_legacy_file_and_notes_the_encoding(tmp_index, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_bytes(STORY.replace("Harbour", "# Harbour", 1).encode("cp1252"))
    report = tmp_index.sync([docs])
    assert (report.added, report.failed) == (1, ())
    assert report.notes == (f"{docs / 'old.md'}: read as cp1252 (not UTF-8)",)
    assert [h.title for h in tmp_index.search("Ardoise").hits] == ["Harbour Shares Rally"]


def test_cli_index_shows_the_encoding_note(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.txt").write_bytes(STORY.encode("cp1252"))
    (docs / "new.txt").write_text("Ferry News\n\nThe ferry sailed on time.\n", encoding="utf-8")
    note = f"{docs / 'old.txt'}: read as cp1252 (not UTF-8)"
    result = CliRunner().invoke(cli, ["index", str(docs), "--json",
                                      "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "files": 2, "added": 2, "updated": 0, "removed": 0, "unchanged": 0, "failed": [],
        "notes": [note]}
    (docs / "old.txt").write_bytes(STORY.replace("Tuesday", "Monday").encode("cp1252"))
    result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    assert result.stderr == f"note: {note}\n"
    assert result.stdout == "2 files: 0 added, 1 updated, 0 removed, 1 unchanged, 0 failed\n"
