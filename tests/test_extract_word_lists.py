"""The extractor's word lists live in ``docsearch/extract/data/*.txt`` (one entry a line,
``#`` comments) and are read by :func:`docsearch.extract.lexicon._lines`: every list a
module names is there and not empty, and the lists read back as they were written inline
(sizes, case kept, pairs and tuples)."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from docsearch.extract import cues, evidence, lexicon, tokens

EXTRACT = Path(lexicon.__file__).parent
_NAMED = re.compile(r'_(?:word_set|lines)\("([^"]+)"\)')


def _named_lists() -> list[str]:
    return sorted({name for path in EXTRACT.glob("*.py")
                   for name in _NAMED.findall(path.read_text("utf-8"))})


def test_the_modules_name_the_moved_lists():
    named = _named_lists()
    assert {"not_roles.txt", "place_nouns.txt", "firm_objects.txt", "firm_agents.txt",
            "relatives.txt", "role_nouns.txt", "acronyms.txt"} <= set(named)


@pytest.mark.parametrize("name", _named_lists())
def test_every_named_list_is_packaged_data_with_entries(name):
    data = resources.files("docsearch.extract").joinpath(f"data/{name}")
    assert data.is_file()
    assert lexicon._lines(name)
    assert all(not line.startswith("#") and line == line.strip()
               for line in lexicon._lines(name))


def test_a_data_file_comment_says_where_the_list_is_read():
    text = (EXTRACT / "data" / "not_roles.txt").read_text("utf-8")
    assert "# Read by docsearch.extract.evidence (_NOT_ROLES)" in text
    assert "thriller" in lexicon._lines("not_roles.txt")


def test_the_lists_read_back_as_they_were_written_inline():
    assert len(evidence._NOT_ROLES) == 125
    # + zone (brief Z32: "Baghdad's Green Zone")
    assert len(evidence._THING_NOUNS) == 157 and evidence._PLACE_NOUNS < evidence._THING_NOUNS
    # + wing, lock, second-row, stand-off, wing-forward, number-eight (brief Z45)
    # + 20 players' positions: spinner ... outfielder (brief Z47)
    # + 35 occupations with no other reading: astronaut ... fencer (lead round Z54)
    assert len(lexicon._ROLE_NOUNS_EXTRA) == 322
    assert len(lexicon._HEADLINE_VERBS) == 190 and lexicon._SPEECH < lexicon._HEADLINE_VERBS
    # + arap; forms of address of other countries (brief Z30)
    # + coun, ald, const (brief Z45)
    assert len(lexicon._ABBREVIATIONS) == 103 and len(lexicon._PARTICLES) == 47
    assert len(tokens._ACRONYMS) == 102 and len(cues._PEOPLE) == 48


def test_case_is_kept_and_nothing_is_folded():
    assert {"MV", "HMS", "ship"} <= cues._VEHICLES and "mv" not in cues._VEHICLES
    assert {"U.S.", "MPs"} <= tokens._ACRONYMS
    assert {"ó", "ní", "uí"} <= lexicon._PARTICLES
    assert {"señor", "doña"} <= lexicon._HONORIFICS


def test_pairs_and_suffixes_keep_their_shape():
    assert len(evidence._FIRM_OBJECTS) == 14
    assert ("stake", "in") in evidence._FIRM_OBJECTS
    assert ("merger", "with") in evidence._FIRM_OBJECTS
    assert isinstance(evidence._FIRM_AGENTS, tuple) and len(evidence._FIRM_AGENTS) == 32
    assert "steelmaker".endswith(evidence._FIRM_AGENTS)
    assert "manufacturer".endswith(evidence._FIRM_AGENTS)


def test_nationality_nouns_are_the_nationalities_no_adjective_is():
    # Brief Z47: "Briton X Y" is a person; "American X Y" may be a firm's or a thing's name.
    assert {"briton", "swede", "spaniard", "dane", "scot"} <= evidence._NATIONALITY_NOUNS
    assert not {"russian", "american", "iraqi", "japanese", "british", "argentine",
                "londoner"} & evidence._NATIONALITY_NOUNS
