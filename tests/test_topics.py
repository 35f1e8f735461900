"""Topics: the bundled IPTC taxonomy, your own taxonomy file, and extending the bundled one."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

import docsearch
from docsearch import TaxonomyError, classify_topics, load_taxonomy
from docsearch.cli import cli

MINE = '''
[[topic]]
name = "shipping"
terms = ["ferry", "harbour master", "cargo:2"]

[[topic]]
name = "weather"
terms = ["storm", "gale"]
'''


@pytest.mark.parametrize("title, body, first", [
    ("Strikers win pay deal", "The union said the strike ended after talks.", "labour"),
    ("Rovers win the derby", "The striker scored twice in the second half of the match.",
     "sport"),
    ("Clinic opens", "Doctors said the hospital would treat more patients with the vaccine.",
     "health"),
])
def test_bundled_taxonomy(title, body, first):
    assert classify_topics(title, body)[0] == first


def test_own_taxonomy_replaces_the_bundled_one(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text(MINE, "utf-8")
    taxonomy = load_taxonomy(path)
    assert taxonomy.names == ("shipping", "weather")
    assert classify_topics("Storm and gale", "The ferry and its cargo stayed in port.",
                           taxonomy) == ["weather", "shipping"]
    assert classify_topics("Ferry cancelled", "A storm kept the cargo in port.",
                           taxonomy) == ["shipping"]


def test_extends_default_adds_topics_and_terms(tmp_path):
    path = tmp_path / "more.toml"
    path.write_text('extends = "default"\n' + MINE + '''
[[topic]]
name = "sport"
terms = ["quoits:3"]
''', "utf-8")
    taxonomy = load_taxonomy(path)
    # "weather" is an IPTC topic already: its terms are added; "shipping" is new.
    assert len(taxonomy.names) == 18 and taxonomy.names[-1] == "shipping"
    assert classify_topics("Quoits", "The final drew a crowd.", taxonomy)[0] == "sport"
    assert "sport" not in classify_topics("Quoits", "The final drew a crowd.")


@pytest.mark.parametrize("text, message", [
    ("[[topic]]\nname = 'x'\nterms = 3\n", "topic 1 needs a name and a list of terms"),
    ("title = 'no topics'\n", "no [[topic]] tables"),
    ("[[topic\n", "is not valid TOML"),
    ("extends = 'other'\n[[topic]]\nname = 'x'\nterms = []\n", "extends must be \"default\""),
])
def test_bad_taxonomy_files(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        load_taxonomy(path)


def test_index_with_a_taxonomy_file(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Ferry back\n\nThe ferry and its cargo sailed again.\n",
                                "utf-8")
    taxonomy = tmp_path / "mine.toml"
    taxonomy.write_text(MINE, "utf-8")
    index = tmp_path / "ix"
    result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(index),
                                      "--taxonomy", str(taxonomy)])
    assert result.exit_code == 0, result.output
    with docsearch.open(index) as ix:
        assert [a.topics for a in ix] == [("shipping",)]
    missing = CliRunner().invoke(cli, ["index", str(docs), "--index", str(index),
                                       "--taxonomy", str(tmp_path / "nope.toml")])
    assert missing.exit_code == 2
    assert missing.stderr == (f"Error: cannot read taxonomy {tmp_path / 'nope.toml'}: "
                              "no such file or directory\n")
