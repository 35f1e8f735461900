"""The people lexicon's word lists taken from Faker are cached in files (issue 15: the
first write of a process): equal to Faker's lists, rebuilt when damaged, and a process
with the files in place never imports Faker."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

import pytest
from conftest import REPO

from docsearch.extract import lexicon
from docsearch.extract.usercache import installed_version


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCSEARCH_CACHE_DIR", str(folder))
    return folder


def _fail_if_called():
    pytest.fail("worked out again instead of read from the cache file")


def test_the_lorem_words_equal_fakers_and_are_cached(cache_dir, monkeypatch):
    from faker.providers.lorem.en_US import Provider
    expected = {w for w in Provider.word_list if w.isalpha()}
    assert lexicon._faker_words() == expected
    (cached,) = cache_dir.glob("lorem-words-faker-*.list")
    assert cached.name == f"lorem-words-faker-{version('faker')}.list"
    monkeypatch.setattr(lexicon, "_faker_words_uncached", _fail_if_called)
    assert lexicon._faker_words() == expected


def test_the_first_names_read_back_equal_the_ones_worked_out(cache_dir, monkeypatch):
    fresh = lexicon._faker_first_names_uncached()
    assert lexicon._faker_first_names() == fresh
    monkeypatch.setattr(lexicon, "_faker_first_names_uncached", _fail_if_called)
    assert lexicon._faker_first_names() == fresh


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],            # cut short
    lambda text: text.replace("\n", "\nzz", 1),     # a word changed
    lambda text: "\n".join(text.split("\n")[1:]),   # the header lost
    lambda text: "",                                # empty
])
def test_a_damaged_cache_file_is_rebuilt(cache_dir, damage):
    fresh = lexicon._faker_words_uncached()
    lexicon._faker_words()
    (cached,) = cache_dir.glob("lorem-words-faker-*.list")
    good = cached.read_text("utf-8")
    cached.write_text(damage(good), "utf-8")
    assert lexicon._faker_words() == fresh
    assert cached.read_text("utf-8") == good


@pytest.mark.parametrize("module, distribution", [
    ("faker", "faker"), ("Stemmer", "pystemmer"), ("numpy", "numpy")])
def test_versions_are_found_without_importlib_metadata(module, distribution):
    assert installed_version(module, distribution) == version(distribution)


def test_a_process_with_the_cache_files_does_not_import_faker(cache_dir):
    lexicon._faker_words()
    lexicon._faker_first_names()
    code = ("import sys; from docsearch.extract.lexicon import _lexicon; lex = _lexicon(); "
            "print('faker' in sys.modules, 'maria' in lex.first_names, 'together' in lex.english)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout
    assert out.split() == ["False", "True", "True"]
