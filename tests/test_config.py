"""docsearch.toml: option defaults from a file, below options and the environment."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_DOCS

from docsearch.cli import cli
from docsearch.config import read_config


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env={"DOCSEARCH_INDEX": "", **(env or {})})


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DOCSEARCH_INDEX", raising=False)
    monkeypatch.delenv("DOCSEARCH_LOCK_TIMEOUT", raising=False)
    return tmp_path


def hits(result) -> int:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.output
    return len(json.loads(result.output)["hits"])


def test_settings_from_the_working_folder(here):
    (here / "docsearch.toml").write_text('index = "data/ix"\n[search]\nlimit = 2\n'
                                         'facet_limit = 1\n')
    assert run("index", str(SAMPLE_DOCS), "-q").exit_code == 0
    assert (here / "data" / "ix" / "docsearch.json").exists()
    result = run("search", "harbour", "--json")
    assert hits(result) == 2
    assert [len(v) for k, v in json.loads(result.output)["facets"].items() if k != "date"] \
        == [1, 1, 1]


def test_option_beats_environment_beats_file_beats_default(here, tmp_path_factory):
    other = tmp_path_factory.mktemp("other") / "ix"
    (here / "docsearch.toml").write_text('index = "ix"\n[search]\nlimit = 3\n')
    assert run("index", str(SAMPLE_DOCS), "-q").exit_code == 0
    assert run("index", str(SAMPLE_DOCS), "-q", "--index", str(other)).exit_code == 0
    assert hits(run("search", "harbour", "--json")) == 3                       # the file
    assert hits(run("search", "harbour", "--json", "--limit", "1")) == 1       # the option
    (here / "ix").rename(here / "moved")
    env = {"DOCSEARCH_INDEX": str(here / "moved")}
    assert hits(run("search", "harbour", "--json", env=env)) == 3              # env over file
    assert hits(run("search", "harbour", "--json", "--index", str(other), env=env)) == 3
    (here / "docsearch.toml").unlink()
    assert hits(run("search", "harbour", "--json", "--index", str(other))) == 10  # default


def test_config_option_reads_another_file_with_paths_relative_to_it(here, tmp_path_factory):
    folder = tmp_path_factory.mktemp("settings")
    (folder / "team.toml").write_text('index = "shared-ix"\n[similar]\nlimit = 1\n')
    (here / "docsearch.toml").write_text('index = "not-this"\n')
    config = str(folder / "team.toml")
    assert run("--config", config, "index", str(SAMPLE_DOCS), "-q").exit_code == 0
    assert (folder / "shared-ix").is_dir() and not (here / "not-this").exists()
    assert hits(run("--config", config, "similar", "1765ac8b", "--json")) == 1
    assert read_config(folder / "team.toml") == {
        "": {"index": str(folder / "shared-ix")}, "similar": {"limit": 1}}


def test_top_level_settings_reach_every_command_having_them(here):
    (here / "topics.toml").write_text('[[topic]]\nname = "boats"\nterms = ["ferry:3"]\n')
    (here / "docsearch.toml").write_text('index = "ix"\ntaxonomy = "topics.toml"\n')
    result = run("index", str(SAMPLE_DOCS), "-q")
    assert result.exit_code == 0, result.output
    facets = json.loads(run("facets", "topic", "--json", "--limit", "0").output)["topic"]
    assert "boats" in {v["value"] for v in facets}  # the file's taxonomy classified them


@pytest.mark.parametrize("text, message", [
    ("[search]\nlimt = 1\n",
     "Error: docsearch.toml: [search] unknown setting 'limt' (settings: author, date_facet, "
     "facet, facet_limit, index, json, limit, match, page, person, plain, recency, since, "
     "sort, source, topic, until)"),
    ('[search]\nlimit = "many"\n',
     "Error: docsearch.toml: [search] limit: Invalid value for '--limit': 'many' is not a "
     "valid integer range."),
    ('[search]\nsort = "oldest"\n',
     "Error: docsearch.toml: [search] sort: Invalid value for '--sort': 'oldest' is not one "
     "of 'relevance', 'date'."),
    ('[search]\nperson = "Ada"\n',
     "Error: docsearch.toml: [search] person: Invalid value: expected a list"),
    ("colour = true\n", "Error: docsearch.toml: unknown setting 'colour' (no command has "
                        "--colour)"),
    ("[serch]\nlimit = 1\n", "Error: docsearch.toml: unknown command [serch] (commands: check, "
                             "engines, export, facets, index, person, rebuild, search, serve, "
                             "show, similar, stats, watch)"),
    ("limit = [\n", "Error: docsearch.toml: not valid TOML (Invalid value (at end of "
                    "document))"),
])
def test_a_bad_setting_is_one_line_naming_the_file(here, text, message):
    (here / "docsearch.toml").write_text(text)
    result = run("stats")
    assert result.exit_code == 2
    assert result.output.rstrip("\n") == message


def test_a_missing_config_file_given_by_option(here):
    result = run("--config", "nope.toml", "stats")
    assert (result.exit_code, result.output) == (2, "Error: no config file at nope.toml\n")
