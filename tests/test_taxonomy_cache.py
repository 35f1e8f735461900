"""The bundled taxonomy, parsed with its seed model, is cached in a file keyed by the
content of its data and code (issue 15: the first write of a process): read back equal to
the parsed one, rebuilt when damaged or stale, worked out each time without a cache."""

from __future__ import annotations

import numpy as np
import pytest

from docsearch.extract import usercache as taxonomy_cache
from docsearch.extract.topics import Taxonomy, _default_data


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCSEARCH_CACHE_DIR", str(folder))
    return folder


def _parsed() -> Taxonomy:
    return Taxonomy.from_dict(_default_data(), "taxonomy.toml")


def _assert_same(got: Taxonomy, expected: Taxonomy) -> None:
    assert got == expected  # names, words, prefixes, phrases, phrase_starts, prefix_lengths
    assert got.model is None and got.seed is not None and expected.seed is not None
    assert (got.seed.names, got.seed.topics) == (expected.seed.names, expected.seed.topics)
    assert got.seed.vocabulary == expected.seed.vocabulary
    assert got.seed.log_probs.dtype == expected.seed.log_probs.dtype
    assert np.array_equal(got.seed.log_probs, expected.seed.log_probs)


def test_the_cached_taxonomy_equals_the_parsed_one(cache_dir, monkeypatch):
    expected = _parsed()
    _assert_same(taxonomy_cache.default_taxonomy(_parsed), expected)
    (cached,) = cache_dir.glob("taxonomy-*.npz")
    monkeypatch.setattr(Taxonomy, "from_dict", lambda *a: pytest.fail("parsed again"))
    got = taxonomy_cache.default_taxonomy(_parsed)
    _assert_same(got, expected)
    title, body = "Rates rise", "The central bank raised interest rates; the striker scored."
    assert got.classify(title, body) == expected.classify(title, body)


@pytest.mark.parametrize("damage", [
    lambda data: data[: len(data) // 2],
    lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
    lambda data: b"",
])
def test_a_damaged_cache_file_is_rebuilt(cache_dir, damage):
    expected = _parsed()
    taxonomy_cache.default_taxonomy(_parsed)
    (cached,) = cache_dir.glob("taxonomy-*.npz")
    cached.write_bytes(damage(cached.read_bytes()))
    _assert_same(taxonomy_cache.default_taxonomy(_parsed), expected)
    _assert_same(taxonomy_cache.default_taxonomy(lambda: pytest.fail("parsed again")),
                 expected)


def test_the_key_changes_with_the_data_and_the_code(monkeypatch):
    key = taxonomy_cache.cache_key()
    assert len(key) == 16 and key == taxonomy_cache.cache_key()
    monkeypatch.setattr(taxonomy_cache, "_SOURCES",
                        (*taxonomy_cache._SOURCES, "extract/lexicon.py"))
    taxonomy_cache.cache_key.cache_clear()
    try:
        assert taxonomy_cache.cache_key() != key
    finally:
        taxonomy_cache.cache_key.cache_clear()


def test_without_a_usable_cache_folder_it_is_parsed_each_time(tmp_path, monkeypatch):
    (tmp_path / "file-not-dir").write_text("x")
    monkeypatch.setenv("DOCSEARCH_CACHE_DIR", str(tmp_path / "file-not-dir"))
    _assert_same(taxonomy_cache.default_taxonomy(_parsed), _parsed())
