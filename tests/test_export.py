"""docsearch export: every article with its extracted fields, read back by `docsearch index`."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

import docsearch
from docsearch.cli import cli

FIELDS = {"id", "title", "authors", "source", "published", "url", "people", "surnames",
          "topics", "sections", "path", "content_hash", "body", "extracted"}
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
        # The path and content hash are those of the file it first came from.
        assert after[article_id].path == article.path
        assert after[article_id].content_hash == article.content_hash
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
                       match=r"^unknown export format 'xml' \(use jsonl, json or csv\)$"):
        tmp_index.export(io.StringIO(), "xml")
    result = CliRunner().invoke(cli, ["export", "--format", "xml", "--index", str(tmp_index.path)])
    assert result.exit_code == 2 and "'xml' is not one of 'jsonl', 'json', 'csv'" in result.output


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


def _round_trip(index: docsearch.Index, tmp_path) -> docsearch.Index:
    export = tmp_path / "articles.jsonl"
    assert index.export(export) == len(index)
    copy = docsearch.open(tmp_path / "copy", create=True)
    report = copy.sync([export])
    assert (report.added, report.failed) == (len(index), ())
    return copy


def test_a_round_trip_keeps_every_field_of_every_article(sample_index, tmp_path):
    copy = _round_trip(sample_index, tmp_path)
    before, after = list(sample_index.articles_by_id()), list(copy.articles_by_id())
    assert [a.id for a in after] == [a.id for a in before]
    for old, new in zip(before, after, strict=True):
        assert new == old, old.id  # every field: path, content_hash, people, surnames...
    for query in ("harbour", "sanctions", "", "person:putin"):
        a = sample_index.search(query, per_page=50, facet_limit=None)
        b = copy.search(query, per_page=50, facet_limit=None)
        assert [(h.id, h.score) for h in a.hits] == [(h.id, h.score) for h in b.hits], query
        assert a.facets == b.facets, query
    copy.close()


def test_an_exported_article_with_no_people_is_not_extracted_again(tmp_path):
    ix = docsearch.open(tmp_path / "ix", create=True)
    ix.add(docsearch.Article(id="quiet", title="Mayor Anna Brevik opens the pier",
                             body="Mayor Anna Brevik opened the pier."), extract=False)
    assert ix.get("quiet").people == ()
    copy = _round_trip(ix, tmp_path)
    assert copy.get("quiet") == ix.get("quiet")
    assert copy.get("quiet").people == ()
    copy.close()
    ix.close()


def test_an_exported_record_says_it_was_extracted(sample_index):
    out = io.StringIO()
    sample_index.export(out)
    record = json.loads(out.getvalue().splitlines()[0])
    assert record["extracted"] is True


EXPORT_HEADER = ("id,title,authors,source,published,url,people,surnames,topics,sections,"
                 "path,content_hash,body")


def test_export_takes_a_query_and_the_search_filters(sample_index):
    out = io.StringIO()
    assert sample_index.export(out, query="harbour", topics=["labour"]) == 4
    ids = [json.loads(line)["id"] for line in out.getvalue().splitlines()]
    expected = sorted(h.id for h in sample_index.search("harbour", topics=["labour"],
                                                        per_page=50).hits)
    assert ids == expected
    assert ids == ["2c10501bc5566a14", "5b02a445a1dfafd6", "c3003557c80e3042",
                   "npa-20201124-017"]


def test_export_command_filters(sample_index):
    result = CliRunner().invoke(cli, ["export", "--index", str(sample_index.path),
                                      "--person", "Vladimir Putin", "--since", "2021",
                                      "--until", "2021-12"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == [
        "f456809ccdbe6eae"]
    result = CliRunner().invoke(cli, ["export", "--index", str(sample_index.path),
                                      "--query", "tapestry", "--source", "nowhere"])
    assert (result.exit_code, result.output) == (0, "")


def test_export_csv_is_one_row_per_article(sample_index, tmp_path):
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(target),
                                      "--query", "tapestry", "--since", "2023",
                                      "--index", str(sample_index.path)])
    assert (result.exit_code, result.output) == (0, f"1 article written to {target}\n")
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert ",".join(rows[0]) == EXPORT_HEADER
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["body"].startswith("The Calloway Gallery has bought a seventeenth-century")
    assert row["body"].endswith("It is expected to go on show in February.")
    del row["body"]
    assert row == {
        "id": "f77a98ae7143d1b1",
        "title": "Calloway Gallery Buys Harbour Tapestry After Public Appeal",
        "authors": "Imogen Tarrant", "source": "", "published": "2023-07-18", "url": "",
        "people": "Vivienne Saltmarsh; Hyun-woo Park", "surnames": "",
        "topics": "arts, culture, entertainment and media", "sections": "",
        "path": "calloway-gallery-buys-harbour-tapestry.txt",
        "content_hash": "eb8d94b89cf5536eb71b992633bb88a175c8d0ae9c3c6c41b684bcebee07705d"}
