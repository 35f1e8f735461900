"""Reuters-21578 from ../shared: real newswire read through the public API.

Skipped with a reason when ../shared/corpora/reuters21578 is not beside the repository.
"""

from __future__ import annotations

import itertools
import sys

import pytest
from conftest import REPO, REUTERS

import docsearch

if not (REUTERS / "reut2-000.sgm.gz").exists():
    pytest.skip(f"Reuters-21578 is not at {REUTERS}", allow_module_level=True)

sys.path.insert(0, str(REPO / "benchmarks"))
from reuters import read_reuters, slug_matches  # noqa: E402


@pytest.fixture(scope="module")
def first_thousand():
    return list(itertools.islice(read_reuters(REUTERS), 1000))


def test_every_document_is_read_and_dated():
    count = dated = 0
    for article, _ in read_reuters(REUTERS):
        count += 1
        dated += article.published is not None
    assert (count, dated) == (21578, 21578)


def test_people_recall_on_labelled_documents_with_a_body(first_thousand):
    pairs = hits = 0
    for article, labels in first_thousand:
        if not labels.people or not article.body:
            continue
        people = docsearch.extract_people(article.title, article.body)
        for slug in labels.people:
            pairs += 1
            hits += any(slug_matches(p, slug) for p in people)
    assert pairs == 63
    assert hits / pairs >= 0.9  # a guard against regressions; the measured value is in docs


def test_index_and_facet_a_slice(tmp_path, first_thousand):
    with docsearch.open(tmp_path / "ix", create=True) as ix:
        assert ix.add(a for a, _ in first_thousand) == 1000
        months = ix.facets(["date"], date_facet="month")["date"]
        assert [(v.value, v.count) for v in months] == [("1987-02", 229), ("1987-03", 771)]
        baker = ix.search(people=["James Baker"], facets=["person"], facet_limit=3)
        labelled = sum(1 for _, labels in first_thousand if "james-baker" in labels.people)
        assert baker.total >= labelled * 0.8
        selected = [v for v in baker.facets["person"] if v.selected]
        assert [(v.value, v.count) for v in selected] == [("James Baker", baker.total)]
        results = ix.search("cocoa", since="1987-02-26", until="1987-02-26")
        assert results.total > 0
        assert all(str(h.published).startswith("1987-02-26") for h in results.hits)
