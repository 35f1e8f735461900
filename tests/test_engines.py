"""Choosing an engine: the registry, ``docsearch engines``, and the engine an index
records at creation (docsearch.engines, docsearch.open(engine=...), index --engine)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_DOCS

import docsearch
from docsearch import engines
from docsearch.cli import cli

#: What find_spec finds in the tests below (unless a test adds more): an install with
#: neither the tantivy nor the solr engine.
HERE = {"docsearch.engines.whoosh", "httpx"}


@pytest.fixture
def found(monkeypatch):
    """Make the engines' modules what a test says is installed (no real look-up)."""
    def install(*modules):
        present = HERE | set(modules)
        monkeypatch.setattr(engines, "_found", lambda name: name in present)
    install()
    return install


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_the_registry_names_every_engine_default_first(found):
    listed = docsearch.available_engines()
    assert [e.name for e in listed] == ["whoosh", "tantivy", "solr"]
    assert [(e.default, e.implemented, e.installed) for e in listed] == [
        (True, True, True), (False, False, False), (False, False, True)]
    assert [e.install for e in listed] == [
        "built in", 'pip install "docsearch[tantivy]"', 'pip install "docsearch[solr]"']


def test_the_memory_engine_is_listed_only_where_its_module_exists(found):
    found("docsearch.engines.memory")
    assert [e.name for e in docsearch.available_engines()] == [
        "whoosh", "memory", "tantivy", "solr"]


def test_docsearch_engines_prints_one_line_an_engine(found):
    result = run("engines")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "whoosh   installed (default)                         built in",
        'tantivy  not available in this version of docsearch  pip install "docsearch[tantivy]"',
        'solr     not available in this version of docsearch  pip install "docsearch[solr]"; '
        "index at solr://HOST:PORT/solr/COLLECTION",
    ]


def test_an_implemented_engine_without_its_library_is_not_installed(found):
    found("docsearch.engines.tantivy")
    assert run("engines").output.splitlines()[1] == (
        'tantivy  not installed' + " " * 31 + 'pip install "docsearch[tantivy]"')


def test_docsearch_engines_json(found):
    result = run("engines", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["engines"] == [
        {"name": "whoosh", "default": True, "available": True, "installed": True,
         "install": "built in", "remote": False, "location": "FOLDER"},
        {"name": "tantivy", "default": False, "available": False, "installed": False,
         "install": 'pip install "docsearch[tantivy]"', "remote": False,
         "location": "FOLDER"},
        {"name": "solr", "default": False, "available": False, "installed": True,
         "install": 'pip install "docsearch[solr]"', "remote": True,
         "location": "solr://HOST:PORT/solr/COLLECTION"},
    ]


def test_a_new_index_records_its_engine_and_reopens_without_naming_it(tmp_path):
    with docsearch.open(tmp_path / "ix", create=True, engine="whoosh") as ix:
        assert ix.engine == "whoosh"
    assert json.loads((tmp_path / "ix" / "docsearch.json").read_text())["engine"] == "whoosh"
    with docsearch.open(tmp_path / "ix") as again:
        assert again.engine == "whoosh"


def test_an_index_that_records_no_engine_is_a_whoosh_index(tmp_path):
    docsearch.open(tmp_path / "ix", create=True).close()
    meta_file = tmp_path / "ix" / "docsearch.json"
    meta = json.loads(meta_file.read_text())
    del meta["engine"]
    meta_file.write_text(json.dumps(meta))
    with docsearch.open(tmp_path / "ix", engine="whoosh") as ix:
        assert ix.engine == "whoosh"


def _made_with(folder, engine):
    docsearch.open(folder, create=True).close()
    meta_file = folder / "docsearch.json"
    meta = json.loads(meta_file.read_text())
    meta_file.write_text(json.dumps({**meta, "engine": engine}))


def test_opening_with_another_engine_names_the_one_it_was_made_with(tmp_path, found):
    found("docsearch.engines.tantivy", "tantivy")
    _made_with(tmp_path / "ix", "whoosh")
    with pytest.raises(docsearch.EngineError) as caught:
        docsearch.open(tmp_path / "ix", engine="tantivy")
    assert str(caught.value) == (
        f"the index at {tmp_path / 'ix'} was made with the whoosh engine, not tantivy "
        f"(open it without --engine, or make a new index)")


def test_an_index_of_an_engine_this_version_lacks_says_so(tmp_path, found):
    _made_with(tmp_path / "ix", "tantivy")
    with pytest.raises(docsearch.EngineError) as caught:
        docsearch.open(tmp_path / "ix")
    assert str(caught.value) == ("the tantivy engine is not available in this version of "
                                 "docsearch (available: whoosh)")


@pytest.mark.parametrize(("engine", "modules", "message"), [
    ("lucene", (), "unknown engine 'lucene' (engines: whoosh, tantivy, solr)"),
    ("tantivy", (), "the tantivy engine is not available in this version of docsearch "
                    "(available: whoosh)"),
    ("tantivy", ("docsearch.engines.tantivy",),
     'the tantivy engine is not installed: pip install "docsearch[tantivy]"'),
    ("solr", (), "the solr engine needs a location such as "
                 "solr://HOST:PORT/solr/COLLECTION, not a folder"),
])
def test_an_engine_that_cannot_be_used_is_a_one_line_error(tmp_path, found, engine, modules,
                                                           message):
    found(*modules)
    with pytest.raises(docsearch.EngineError) as caught:
        docsearch.open(tmp_path / "ix", create=True, engine=engine)
    assert str(caught.value) == message
    assert not (tmp_path / "ix").exists()


@pytest.mark.parametrize(("location", "message"), [
    ("solr://localhost:8983/solr/news", "the solr engine is not available in this version "
                                        "of docsearch (available: whoosh)"),
    ("http://localhost:8983/solr/news", "the solr engine is not available in this version "
                                        "of docsearch (available: whoosh)"),
    ("ftp://archive/news", "no engine serves ftp:// locations such as ftp://archive/news "
                           "(a location is a folder or solr://HOST:PORT/solr/COLLECTION)"),
])
def test_a_url_location_chooses_a_remote_engine(found, location, message):
    with pytest.raises(docsearch.EngineError) as caught:
        docsearch.open(location)
    assert str(caught.value) == message


def test_a_url_location_and_a_local_engine_do_not_mix(found):
    with pytest.raises(docsearch.EngineError) as caught:
        docsearch.open("solr://localhost:8983/solr/news", engine="whoosh")
    assert str(caught.value) == ("solr://localhost:8983/solr/news is a solr location; the "
                                 "whoosh engine keeps its index in a folder")


def test_index_engine_makes_the_index_with_that_engine(tmp_path):
    result = run("index", str(SAMPLE_DOCS), "--index", str(tmp_path / "ix"), "--engine",
                 "whoosh", "-q")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "ix" / "docsearch.json").read_text())["engine"] == "whoosh"


@pytest.mark.parametrize(("args", "message"), [
    (("--engine", "lucene"), "Error: unknown engine 'lucene' (engines: whoosh, tantivy, solr)"),
    (("--engine", "tantivy"), "Error: the tantivy engine is not available in this version of "
                              "docsearch (available: whoosh)"),
])
def test_index_with_an_engine_that_cannot_be_used_exits_2(tmp_path, found, args, message):
    result = run("index", str(SAMPLE_DOCS), "--index", str(tmp_path / "ix"), *args)
    assert (result.exit_code, result.output) == (2, message + "\n")
    assert not (tmp_path / "ix").exists()


def test_index_engine_on_an_index_of_another_engine_exits_2(tmp_path, found):
    found("docsearch.engines.tantivy", "tantivy")
    _made_with(tmp_path / "ix", "whoosh")
    result = run("index", str(SAMPLE_DOCS), "--index", str(tmp_path / "ix"),
                 "--engine", "tantivy")
    assert (result.exit_code, result.output) == (
        2, f"Error: the index at {tmp_path / 'ix'} was made with the whoosh engine, not "
           f"tantivy (open it without --engine, or make a new index)\n")
