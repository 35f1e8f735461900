"""The command line: output, the --json contract, exit codes and one-line errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner
from conftest import REAL_ARTICLE, REAL_ID, REPO, SAMPLE_DOCS

from docsearch.cli import cli

HIT_FIELDS = {"id", "title", "authors", "source", "published", "url", "people", "topics",
              "score", "snippet", "snippet_text", "path"}


@pytest.fixture(scope="module")
def index_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "index"
    result = CliRunner().invoke(cli, ["index", str(SAMPLE_DOCS), "--index", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output == "30 files: 35 added, 0 updated, 0 removed, 0 unchanged, 0 failed\n"
    return path


def run(*args, index=None, env=None):
    argv = list(args) + (["--index", str(index)] if index else [])
    return CliRunner().invoke(cli, argv, env=env)


def run_json(*args, index):
    result = run(*args, "--json", index=index)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_search_json_contract(index_path):
    data = run_json("search", "sanctions", "--person", "Vladimir Putin", index=index_path)
    assert set(data) == {"query", "total", "page", "per_page", "pages", "hits", "facets",
                         "suggestion", "filter_suggestions"}
    assert (data["total"], data["page"], data["suggestion"]) == (1, 1, None)
    assert data["filter_suggestions"] == {}
    (hit,) = data["hits"]
    assert set(hit) == HIT_FIELDS
    assert hit["id"] == REAL_ID and hit["path"] == REAL_ARTICLE
    assert hit["published"] == "2021-12-31"
    assert hit["source"] == "The Moscow Times"
    assert set(data["facets"]) == {"person", "topic", "source", "date"}
    assert data["facets"]["person"][3] == {"value": "Vladimir Putin", "count": 1,
                                           "selected": True}
    assert data["facets"]["date"] == [{"value": "2021", "count": 1, "selected": False}]


def test_search_text_output(index_path):
    result = run("search", "sanctions", "--person", "Vladimir Putin", index=index_path,
                 env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == '1 result for "sanctions" · person: Vladimir Putin (page 1 of 1)'
    assert lines[2] == "  1. Biden and Putin Trade Warnings Over Ukraine, but Vow Diplomacy"
    assert lines[3] == f"     2021-12-31 · The Moscow Times · {REAL_ID}"
    assert lines[4] == ("     people: Joe Biden, Vladimir Putin, Yury Ushakov, Jen Psaki, "
                        "Sergei Ryabkov, Wendy Sherman")
    assert " *Vladimir Putin  1" in lines
    assert "\x1b[" not in result.output


def test_search_options(index_path):
    data = run_json("search", "--source", "harbourledger.example", "--sort", "date",
                    "--limit", "2", "--page", "2", "--date-facet", "month", "--facet", "date",
                    index=index_path)
    assert (data["total"], data["page"], data["per_page"], data["pages"]) == (4, 2, 2, 2)
    assert [h["published"] for h in data["hits"]] == ["2021-06-08", "2019-11-05"]
    assert list(data["facets"]) == ["date"]
    assert data["facets"]["date"][0] == {"value": "2019-11", "count": 1, "selected": False}
    data = run_json("search", "--since", "2024-10", "--until", "2024", index=index_path)
    assert data["total"] == 2
    data = run_json("search", "harbor", index=index_path)
    assert (data["total"], data["suggestion"]) == (0, "harbour")


def test_show(index_path):
    data = run_json("show", REAL_ID[:8], index=index_path)
    assert set(data) == HIT_FIELDS - {"score", "snippet", "snippet_text"} | {"body", "sections",
                                                                "content_hash"}
    assert data["id"] == REAL_ID
    assert data["body"].startswith("President Joe Biden on Thursday warned")
    text = run("show", REAL_ID, index=index_path, env={"NO_COLOR": "1"}).output
    assert text.startswith("Biden and Putin Trade Warnings Over Ukraine, but Vow Diplomacy\n")
    assert "   people  Joe Biden, Vladimir Putin" in text


def test_facets_command(index_path):
    data = run_json("facets", "person", "date", "--limit", "2", index=index_path)
    assert data == {
        "person": [{"value": "Marcus Oduya-Bell", "count": 7, "selected": False},
                   {"value": "Ingrid Solberg-Vance", "count": 6, "selected": False}],
        "date": [{"value": v, "count": c, "selected": False} for v, c in
                 [("2019", 6), ("2020", 5), ("2021", 5), ("2022", 6), ("2023", 6),
                  ("2024", 6), (None, 1)]],
    }
    text = run("facets", "date", index=index_path, env={"NO_COLOR": "1"}).output
    assert text.splitlines()[1] == "  2019       6  ██████████████████████████████"
    assert text.splitlines()[-1] == "  (no date)  1  █████"


def test_stats_command(index_path):
    data = run_json("stats", index=index_path)
    assert (data["documents"], data["people"], data["sources"]) == (35, 56, 10)
    text = run("stats", index=index_path).output
    assert "   documents  35" in text


def test_index_json_and_failures(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Ferry news\n\nThe ferry sailed on time.")
    (docs / "empty.md").write_text("")
    result = run("index", str(docs), "--json", index=tmp_path / "ix")
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "files": 2, "added": 1, "updated": 0, "removed": 0, "unchanged": 0,
        "failed": [{"path": str(docs / "empty.md"), "reason": "empty file"}]}
    result = CliRunner().invoke(cli, ["index", str(docs), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 1
    assert result.stderr == f"skipped {docs / 'empty.md'}: empty file\n"
    assert result.stdout == "2 files: 0 added, 0 updated, 0 removed, 1 unchanged, 1 failed\n"


def test_index_env_variable(tmp_path, index_path):
    result = CliRunner().invoke(cli, ["stats", "--json"], env={"DOCSEARCH_INDEX": str(index_path)})
    assert json.loads(result.output)["documents"] == 35


@pytest.mark.parametrize("args, message", [
    (["search", "x", "--index", "{missing}"],
     "Error: no index at {missing} (create one with: docsearch index FOLDER --index {missing})"),
    (["search", '"open', "--index", "{index}"], 'Error: unbalanced quote in query: "open'),
    (["search", "x", "--since", "soon", "--index", "{index}"],
     "Error: since 'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    (["search", "x", "--sort", "random", "--index", "{index}"],
     "Error: Invalid value for '--sort': 'random' is not one of 'relevance', 'date'."),
    (["search", "x", "--facet", "colour", "--index", "{index}"],
     "Error: Invalid value for '--facet': 'colour' is not one of 'person', 'topic', 'source', "
     "'author', 'date'."),
    (["facets", "colour", "--index", "{index}"],
     "Error: Invalid value for '[FACET]...': 'colour' is not one of 'person', 'topic', "
     "'source', 'author', 'date'."),
    (["search", "x", "--limit", "0", "--index", "{index}"],
     "Error: Invalid value for '--limit': 0 is not in the range 1<=x<=1000."),
    (["show", "nosuchid", "--index", "{index}"], "Error: no article with id 'nosuchid'"),
    (["search", "--bogus"], "Error: No such option '--bogus'."),
    (["nosuchcommand"], "Error: No such command 'nosuchcommand'."),
])
def test_errors_are_one_line_with_status_2(tmp_path, index_path, args, message):
    missing = tmp_path / "missing"
    argv = [a.format(missing=missing, index=index_path) for a in args]
    result = CliRunner().invoke(cli, argv)
    assert result.exit_code == 2
    assert result.stderr == message.format(missing=missing) + "\n"
    assert result.stdout == ""
    assert "Traceback" not in result.output


def test_python_dash_m_and_console_script(index_path):
    for argv in ([sys.executable, "-m", "docsearch"], [str(REPO / ".venv" / "bin" / "docsearch")]):
        if not argv[0].startswith(sys.executable) and not (REPO / ".venv/bin/docsearch").exists():
            continue
        out = subprocess.run([*argv, "search", "sanctions", "--json", "--index", str(index_path)],
                             capture_output=True, text=True, check=True)
        assert json.loads(out.stdout)["hits"][0]["id"] == REAL_ID
    bad = subprocess.run([sys.executable, "-m", "docsearch", "search", "x", "--index",
                          str(index_path.parent / "nope")], capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("Error: no index at")


def test_every_command_and_option_is_in_the_readme():
    readme = (REPO / "README.md").read_text("utf-8")
    for name, command in cli.commands.items():
        assert f"docsearch {name}" in readme, f"command {name} is not in the README"
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert re.search(re.escape(opt) + r"\b", readme), \
                        f"option {opt} of {name} is not in the README"


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F"),
                                           ("zsh", "#compdef docsearch"),
                                           ("fish", "complete --no-files --command docsearch")])
def test_shell_completion_scripts(shell, marker):
    result = CliRunner().invoke(cli, [], prog_name="docsearch",
                                env={"_DOCSEARCH_COMPLETE": f"{shell}_source"})
    assert result.exit_code == 0
    assert marker in result.output


def test_completion_offers_commands_and_choices():
    from click.shell_completion import ShellComplete
    complete = ShellComplete(cli, {}, "docsearch", "_DOCSEARCH_COMPLETE")
    assert sorted(c.value for c in complete.get_completions([], "s")) == \
        ["search", "serve", "show", "similar", "stats"]
    assert [c.value for c in complete.get_completions(["search", "--sort"], "")] == \
        ["relevance", "date"]


def test_date_chart_shows_the_empty_years_and_months_between():
    from docsearch import FacetValue
    from docsearch.output import render_facet, with_empty_buckets
    years = [FacetValue(value="2019", count=2), FacetValue(value="2022", count=1),
             FacetValue(value=None, count=1)]
    assert [(v.value, v.count) for v in with_empty_buckets(years)] == [
        ("2019", 2), ("2020", 0), ("2021", 0), ("2022", 1), (None, 1)]
    months = [FacetValue(value="2023-11", count=1), FacetValue(value="2024-02", count=3)]
    assert [v.value for v in with_empty_buckets(months)] == [
        "2023-11", "2023-12", "2024-01", "2024-02"]
    days = [FacetValue(value="2024-01-01", count=1), FacetValue(value="2024-01-05", count=1)]
    assert with_empty_buckets(days) == days
    far = [FacetValue(value="1900", count=1), FacetValue(value="2024", count=1)]
    assert with_empty_buckets(far) == far  # 125 buckets: drawn as they are
    lines = [click.unstyle(line) for line in render_facet("date", years)]
    assert lines == ["date", "  2019       2  " + "█" * 30, "  2020       0",
                     "  2021       0", "  2022       1  " + "█" * 15, "  (no date)  1  " + "█" * 15]


JSON_RUNS = {
    "index": ["index", "{docs}", "--json"],
    "rebuild": ["rebuild", "--json"],
    "check": ["check", "--json"],
    "search": ["search", "harbour", "--json"],
    "similar": ["similar", "1765ac8b", "--json"],
    "show": ["show", "1765ac8b", "--json"],
    "facets": ["facets", "--json"],
    "stats": ["stats", "--json"],
    "engines": ["engines", "--json"],
    "person": ["person", "Oduya-Bell", "--json"],
}
JSON_KEYS = {
    "index": {"files", "added", "updated", "removed", "unchanged", "failed"},
    "rebuild": {"files", "added", "updated", "removed", "unchanged", "failed"},
    "check": {"documents", "files", "missing", "stale", "changed", "unlisted", "repaired",
              "failed", "ok"},
    "search": {"query", "total", "page", "per_page", "pages", "hits", "facets", "suggestion",
              "filter_suggestions"},
    "similar": {"query", "total", "page", "per_page", "pages", "hits", "facets", "suggestion",
               "filter_suggestions"},
    "show": {"id", "title", "authors", "source", "published", "url", "people", "topics",
             "sections", "path", "content_hash", "body"},
    "facets": {"person", "topic", "source", "date"},
    "stats": {"path", "documents", "deleted", "segments", "size_bytes", "people", "topics",
              "sources", "earliest", "latest", "files", "roots", "last_write", "last_sync",
              "cluster"},
    "engines": {"engines"},
    "person": {"name", "articles", "first_mention", "last_mention", "months", "people",
               "topics", "sources", "latest"},
}


def test_every_command_that_prints_data_has_json_with_the_documented_keys(tmp_path,
                                                                          sample_copy):
    with_json = sorted(name for name, command in cli.commands.items()
                       if any("--json" in getattr(p, "opts", ()) for p in command.params))
    assert with_json == sorted(JSON_RUNS)
    index = str(tmp_path / "ix")
    for name in ["index", *sorted(set(JSON_RUNS) - {"index"})]:
        args = [a.replace("{docs}", str(sample_copy)) for a in JSON_RUNS[name]]
        has_index = any("--index" in getattr(p, "opts", ()) for p in cli.commands[name].params)
        result = CliRunner().invoke(cli, [*args, *(["--index", index] if has_index else [])])
        assert result.exit_code == 0, (name, result.output)
        data = json.loads(result.stdout)
        assert set(data) == JSON_KEYS[name], name


def test_results_header_says_what_was_searched(sample_index):
    from docsearch.output import describe_search
    assert describe_search("harbour", {"person": ("Ada Lind", "Bo Berg"), "topic": (),
                                       "since": ("2020",)}) == \
        '"harbour" · person: Ada Lind or Bo Berg · since 2020'
    assert describe_search("", {"topic": ("sport",)}) == "all articles · topic: sport"
    result = CliRunner().invoke(cli, ["search", "--topic", "sport", "--until", "2023",
                                      "--index", str(sample_index.path)], env={"NO_COLOR": "1"})
    assert result.output.splitlines()[0] == \
        "5 results for all articles · topic: sport · until 2023 (page 1 of 1)"


def test_facets_command_takes_a_query_and_filters(sample_index):
    path = str(sample_index.path)
    result = CliRunner().invoke(cli, ["facets", "date", "topic", "--person", "Marcus Oduya-Bell",
                                      "--json", "--index", path])
    data = json.loads(result.output)
    expected = sample_index.search(people=["Marcus Oduya-Bell"], facets=["date", "topic"],
                                   facet_limit=20).facets
    assert data == {k: [v.to_dict() for v in vs] for k, vs in expected.items()}
    assert sum(v["count"] for v in data["date"]) == 7
    queried = json.loads(CliRunner().invoke(cli, ["facets", "source", "--query", "harbour",
                                                  "--since", "2020", "--json",
                                                  "--index", path]).output)
    assert sum(v["count"] for v in queried["source"]) <= 7
    assert queried == {"source": [v.to_dict() for v in sample_index.search(
        "harbour", since="2020", facets=["source"], facet_limit=20).facets["source"]]}


def test_facet_values_are_never_cut_so_they_can_be_pasted(index_path):
    text = run("facets", "topic", "--limit", "6", index=index_path, env={"NO_COLOR": "1"})
    assert text.output.splitlines() == [
        "topic",
        "  economy, business and finance              7",
        "  sport                                      6",
        "  health                                     4",
        "  labour                                     4",
        "  disaster, accident and emergency incident  3",
        "  environment                                3"]
    shown = run("search", "--topic", "disaster, accident and emergency incident",
                "--facet", "topic", index=index_path, env={"NO_COLOR": "1"}).output
    assert " *disaster, accident and emergency incident  3" in shown.splitlines()


def test_a_value_longer_than_the_alignment_is_printed_whole():
    from docsearch.models import FacetValue
    from docsearch.output import render_facet

    long = "a topic name of seventy characters, which is more than sixty, printed"
    assert render_facet("topic", [FacetValue(value=long, count=2),
                                  FacetValue(value="sport", count=10)])[1:] == [
        f"  {long}   2", "  sport" + " " * 57 + "10"]


def test_search_facet_limit_0_shows_every_value(index_path):
    data = run_json("search", "--facet", "topic", "--facet-limit", "0", index=index_path)
    every = run_json("facets", "topic", "--limit", "0", index=index_path)
    assert len(data["facets"]["topic"]) == len(every["topic"]) == 16
    assert data["facets"] == every


def test_show_a_prefix_shorter_than_four_characters_says_so(index_path):
    result = run("show", REAL_ID[:3], index=index_path)
    assert (result.exit_code, result.stderr) == (
        2, f"Error: no article with id '{REAL_ID[:3]}' (an id prefix needs at least "
           f"4 characters)\n")
    result = run("similar", "zzzzz", index=index_path)
    assert (result.exit_code, result.stderr) == (2, "Error: no article with id 'zzzzz'\n")
