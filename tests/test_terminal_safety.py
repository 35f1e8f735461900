"""Article text cannot drive the terminal: every control character of indexed text
(titles, bodies, people, paths ...) is printed escaped (``\\x1b``) in text output,
while the colour codes of our own stay; ``--json`` escapes them as JSON does."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from docsearch import Article
from docsearch.cli import cli
from docsearch.output import safe

OSC = "\x1b]0;pwned\x07"       # sets the window title (passes even through a pipe)
CLEAR = "\x1b[2J"              # clears the screen
CSI = "\x9b2J"                 # the same, as one C1 character
#: Our own styles: SGR sequences (colours, bold) and nothing else.
OUR_STYLES = re.compile(r"\x1b\[[0-9;]*m")


def hostile(number: int) -> Article:
    return Article(
        id=f"evil{OSC}{number}", title=f"Pier {OSC}reopens {number}",
        body=f"The pier {CLEAR}reopened on Monday.{CSI} The pier has a new \x07bell.",
        people=[f"Ada {OSC}Lind"], topics=[f"harbours{CLEAR}"], source=f"Ledger{CSI}",
        authors=[f"Bo {OSC}Berg"], url=f"https://example.org/{OSC}", path=f"pier{CLEAR}.md")


@pytest.fixture
def index_path(tmp_index) -> Path:
    tmp_index.add([hostile(1), hostile(2)], extract=False)
    return tmp_index.path


def run(*args: str, index: Path, color: bool) -> str:
    result = CliRunner().invoke(cli, [*args, "--index", str(index)], color=color)
    assert result.exit_code == 0, result.output
    return result.output


def assert_harmless(text: str) -> None:
    text = OUR_STYLES.sub("", text)
    assert not any(c in text for c in "\x1b\x07\x9b"), text


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("args", [
    ("search", "pier"), ("search", "pier", "--facet", "author"), ("show", "evil"),
    ("facets", "person", "topic", "source", "author"), ("similar", "evil"),
])
def test_no_control_character_of_an_article_reaches_the_terminal(index_path, args, color):
    args = tuple(a.replace("evil", f"evil{OSC}1") for a in args)
    out = run(*args, index=index_path, color=color)
    assert_harmless(out)
    assert "\\x1b]0;pwned\\x07" in out


def test_the_escapes_are_visible_and_exact(index_path):
    out = run("show", f"evil{OSC}1", index=index_path, color=False).splitlines()
    assert out[0] == "Pier \\x1b]0;pwned\\x07reopens 1"
    assert "       id  evil\\x1b]0;pwned\\x071" in out
    assert "   people  Ada \\x1b]0;pwned\\x07Lind" in out
    assert "The pier \\x1b[2Jreopened on Monday.\\x9b2J The pier has a new \\x07bell." in out
    facets = run("facets", "topic", "source", index=index_path, color=False)
    assert facets == ("topic\n  harbours\\x1b[2J  2\n\n"
                      "source\n  Ledger\\x9b2J  2\n")


def test_our_colours_stay(index_path):
    out = run("search", "pier", index=index_path, color=True)
    assert "\x1b[1m" in out and "\x1b[33m" in out  # bold titles, yellow matches


def test_json_escapes_control_characters(index_path):
    for args in (("search", "pier"), ("show", f"evil{OSC}1"), ("facets",)):
        out = run(*args, "--json", index=index_path, color=True)
        assert_harmless(out.replace("\\u001b", "").replace("\\u0007", ""))
        assert not OUR_STYLES.search(out)
        json.loads(out)
    data = json.loads(run("show", f"evil{OSC}1", "--json", index=index_path, color=False))
    assert data["source"] == f"Ledger{CSI}"


def test_file_and_folder_names_are_escaped_in_index_stats_and_check(tmp_path):
    folder = tmp_path / f"docs{OSC}"
    folder.mkdir()
    hostile_file = folder / f"a{CLEAR}.md"
    hostile_file.write_text("# Ferry news\n\nThe ferry sailed on time.\n")
    (folder / "b.md").write_text("# Tram news\n\nThe tram ran late.\n")
    index = tmp_path / "ix"
    outputs = [run("index", str(folder), index=index, color=False),
               run("stats", index=index, color=False)]
    hostile_file.unlink()
    result = CliRunner().invoke(cli, ["check", "--index", str(index)])
    assert result.exit_code == 1
    outputs.append(result.output)
    for out in outputs:
        assert_harmless(out)
    assert outputs[2] == (f"file gone since indexed: {safe(str(hostile_file))}\n"
                          "2 documents, 2 files: drift found (1 problem)\n")


def test_safe_escapes_c0_c1_and_del_keeping_newlines_and_tabs_on_request():
    assert safe("a\x1bb\x07c\x9bd\x7fe\x00") == "a\\x1bb\\x07c\\x9bd\\x7fe\\x00"
    assert safe("one\ntwo\tthree") == "one\\x0atwo\\x09three"
    assert safe("one\ntwo\tthree\r", layout=True) == "one\ntwo\tthree\\x0d"
    assert safe("Zoë — “quoted” ✓") == "Zoë — “quoted” ✓"


def test_an_error_naming_a_hostile_id_is_escaped(index_path):
    result = CliRunner().invoke(cli, ["show", f"no{OSC}", "--index", str(index_path)])
    assert (result.exit_code, result.stderr) == (
        2, "Error: no article with id 'no\\x1b]0;pwned\\x07'\n")


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_export_to_the_terminal_escapes_del_and_c1(index_path, fmt):
    out = run("export", "--format", fmt, index=index_path, color=False)
    assert "\x9b" not in out and "\x7f" not in out
    assert "\\u009b2J" in out
    records = ([json.loads(line) for line in out.splitlines()] if fmt == "jsonl"
               else json.loads(out))
    assert records[0]["source"] == f"Ledger{CSI}"


def test_one_json_writer_for_every_command():
    from docsearch.models import json_text
    assert json_text({"a": "x\x9by\x7f\x1b"}) == '{"a": "x\\u009by\\u007f\\u001b"}'
    assert json_text(["é"], indent=2) == '[\n  "é"\n]'
