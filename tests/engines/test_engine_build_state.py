"""Conformance: what a bulk load saves as it ends, with every engine.

A build of many commits (a sync, or ``Index.add`` of more than one batch) works out
the people of the state it made and saves them beside the index, so the first
person-facet query of the next process builds no people registry and counts
exactly what a view built by that query counts.
"""

from __future__ import annotations

import pytest

import docsearch
import docsearch.extract.registry
from docsearch import Article
from tests.engines.conftest import SAMPLE_DOCS, location, open_new

FACETS = ("person", "topic", "source")


def _no_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make building a people registry fail (the test's proof that none is built)."""
    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a people registry was built")

    monkeypatch.setattr(docsearch.extract.registry.PeopleRegistry, "__init__", refuse)


def _counts(ix: docsearch.Index) -> dict[str, list[tuple[str, int]]]:
    return {name: [(v.value, v.count) for v in values]
            for name, values in ix.facets(FACETS, limit=None).items()}


def test_a_sync_of_many_commits_saves_the_people_of_its_state(engine, tmp_path, monkeypatch):
    one = open_new(tmp_path / "one", engine)
    assert one.sync([SAMPLE_DOCS]).added == 35  # one commit: the query builds the view
    expected = _counts(one)
    one.close()
    assert sum(count for _, count in expected["person"]) > 10

    many = open_new(tmp_path / "many", engine)
    assert many.sync([SAMPLE_DOCS], batch_size=8).added == 35  # five commits
    many.close()
    _no_registry(monkeypatch)
    with docsearch.open(location(tmp_path / "many", engine)) as again:
        assert _counts(again) == expected


def test_an_add_of_many_batches_saves_the_people_of_its_state(engine, tmp_path, monkeypatch):
    one = open_new(tmp_path / "one", engine)
    one.sync([SAMPLE_DOCS])
    articles = [Article(id=f"copy-{a.id}", title=a.title, body=a.body, published=a.published,
                        people=a.people, topics=a.topics, source=a.source)
                for a in one]
    expected_ix = open_new(tmp_path / "expected", engine)
    expected_ix.add(articles, extract=False)  # one batch: the query builds the view
    expected = _counts(expected_ix)
    expected_ix.close()
    one.close()

    monkeypatch.setattr(docsearch.index, "BATCH_SIZE", 10)
    many = open_new(tmp_path / "many", engine)
    assert many.add(articles, extract=False) == 35  # four commits
    many.close()
    _no_registry(monkeypatch)
    with docsearch.open(location(tmp_path / "many", engine)) as again:
        assert _counts(again) == expected
