"""docsearch export: every article with its extracted fields, read back by `docsearch index`."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

import docsearch
from docsearch.cli import cli

FIELDS = {"id", "title", "authors", "source", "published", "url", "people", "surnames",
          "topics", "sections", "path", "content_hash", "body"}
KEPT = ("id", "title", "body", "authors", "source", "published", "url", "sections", "people",
        "surnames", "topics")


def test_export_jsonl_is_every_article_in_id_order(sample_index):
    result = CliRunner().invoke(cli, ["export", "--index", str(sample_index.path)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len(records) == len(sample_index) == 35
    assert [r["id"] for r in records] == sorted(a.id for a in sample_index)
    assert all(set(r) == FIELDS for r in records)
    real = next(r for r in records if r["id"] == "f456809ccdbe6eae")
    assert real["people"][:2] == ["Joe Biden", "Vladimir Putin"]
    assert real["published"] == "2021-12-31"
    assert real["path"] == "2021-12-31-biden-putin-trade-warnings.md"


def test_export_json_is_one_array_of_the_same_records(sample_index, tmp_path):
    target = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "-o", str(target),
                                      "--index", str(sample_index.path)])
    assert result.exit_code == 0
    assert result.output == f"35 articles written to {target}\n"
    array = json.loads(target.read_text("utf-8"))
    lines = CliRunner().invoke(cli, ["export", "--index", str(sample_index.path)]).output
    assert array == [json.loads(line) for line in lines.splitlines()]


def test_an_export_indexed_again_gives_the_same_articles(sample_index, tmp_path):
    export = tmp_path / "articles.jsonl"
    with export.open("w", encoding="utf-8") as out:
        assert sample_index.export(out) == 35
    copy = docsearch.open(tmp_path / "copy", create=True)
    report = copy.sync([export])
    assert (report.added, report.failed) == (35, ())
    before = {a.id: a for a in sample_index}
    after = {a.id: a for a in copy}
    assert set(after) == set(before)
    for article_id, article in before.items():
        for field in KEPT:
            assert getattr(after[article_id], field) == getattr(article, field), \
                (article_id, field)
        # Each comes from its line of the export now (the path is relative to it).
        assert after[article_id].path == f"articles.jsonl#{sorted(before).index(article_id) + 1}"
    # Searches and facets agree too.
    for query in ("harbour", "sanctions", ""):
        a = sample_index.search(query, per_page=50)
        b = copy.search(query, per_page=50)
        assert [h.id for h in a.hits] == [h.id for h in b.hits], query
        assert a.facets == b.facets, query
    copy.close()


def test_empty_index_and_bad_format(tmp_index):
    out = io.StringIO()
    assert tmp_index.export(out, "json") == 0
    assert json.loads(out.getvalue()) == []
    with pytest.raises(docsearch.DocsearchError,
                       match=r"^unknown export format 'csv' \(use jsonl or json\)$"):
        tmp_index.export(io.StringIO(), "csv")
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--index", str(tmp_index.path)])
    assert result.exit_code == 2 and "'csv' is not one of 'jsonl', 'json'" in result.output


def test_export_of_a_missing_index_is_one_line(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("Error: no index at ")


def test_export_to_a_path_that_cannot_be_written_is_one_line(sample_index, tmp_path):
    target = tmp_path / "no-such-folder" / "out.jsonl"
    result = CliRunner().invoke(cli, ["export", "-o", str(target),
                                      "--index", str(sample_index.path)])
    assert result.exit_code == 2
    assert result.output == (f"Error: cannot write {target}: no such file or directory\n")
    assert "Traceback" not in result.output


def test_export_to_a_file_replaces_it_whole(sample_index, tmp_path):
    target = tmp_path / "out.jsonl"
    target.write_text("old contents\n")
    assert sample_index.export(target) == 35
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == 35 and json.loads(lines[0])["id"] == "0766f26a668a5182"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left
