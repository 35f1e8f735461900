"""Shared fixtures: paths, a session-wide index of sample_docs/, fresh indexes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import docsearch

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DOCS = REPO / "sample_docs"
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"
REUTERS = SHARED / "corpora" / "reuters21578"
REAL_ARTICLE = "2021-12-31-biden-putin-trade-warnings.md"
REAL_ID = docsearch.stable_id(
    url="https://www.themoscowtimes.com/2021/12/31/"
        "biden-and-putin-trade-warnings-over-ukraine-but-vow-diplomacy-a75966")


def load_json(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory) -> docsearch.Index:
    """An index of sample_docs/, built once; tests must not write to it."""
    path = tmp_path_factory.mktemp("sample") / "index"
    ix = docsearch.open(path, create=True)
    report = ix.index_paths([SAMPLE_DOCS])
    assert report.ok, report.failed
    yield ix
    ix.close()


@pytest.fixture
def tmp_index(tmp_path: Path) -> docsearch.Index:
    """A fresh, empty index for one test."""
    ix = docsearch.open(tmp_path / "index", create=True)
    yield ix
    ix.close()


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of sample_docs/."""
    target = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, target)
    for file in target.rglob("*"):
        file.chmod(0o644)
    return target
