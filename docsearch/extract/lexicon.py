"""The word lists behind people extraction: first names (Faker's, a hand-written list and
other scripts' names in Latin letters written by ``benchmarks/build_first_names.py``),
titles and roles, places, demonyms, organisation words, common English words, and the
small closed sets
(honorifics, particles, speech verbs, headline verbs, months). Loaded once; the lists
taken from Faker are kept in cache files (:mod:`docsearch.extract.usercache`), so a
process with them in place never imports Faker.

Every hand-written list lives in ``data/*.txt`` (one entry a line, ``#`` comments saying
what it is and which module reads it) and is read by :func:`_lines`, also for the
extract modules' own lists (:func:`_word_set`: the cues of :mod:`~docsearch.extract.cues`
and :mod:`~docsearch.extract.evidence`, the acronyms of :mod:`~docsearch.extract.tokens`).

Shared by :mod:`docsearch.extract.people` only; no extraction logic here.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import unicodedata
import zlib
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import attrs

from docsearch.extract.usercache import cache_folder, installed_version
from docsearch.files import atomic_write

__all__ = ["fold"]

def _lines(name: str) -> list[str]:
    try:
        text = resources.files("docsearch.extract").joinpath(f"data/{name}").read_text("utf-8")
    except FileNotFoundError:
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _word_set(name: str) -> frozenset[str]:
    """The words of a list in ``data/`` as written (case kept, nothing folded)."""
    return frozenset(_lines(name))


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without diacritics: the key under which names are compared.

    >>> fold("José López")
    'jose lopez'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.replace("’", "'").lower()


@functools.lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """A word's key in the word lists: folded, without the dots that end it ("Gov." is
    "gov")."""
    return fold(word).rstrip(".")


# Titles that are given names too, a first name before one word wherever they stand
# ("Adi Godrej", "Director Skip Bertman"); with the noble titles of _TITLE_OR_NAME.
_GIVEN_NAME_TITLES = frozenset(fold(w) for w in _lines("given_name_titles.txt"))
# Titles that are first names too when a run opens with them before one word ("Prince
# Harry", but "Crown Prince Harry").
_TITLE_OR_NAME = frozenset({"earl", "prince", "princess", "duke", "dean", "king", "queen",
                            "major", "marshal", "lady"}) | _GIVEN_NAME_TITLES
# Stripped in front of a name but no evidence of a person by themselves.
_MODIFIERS = _word_set("modifiers.txt")
_HONORIFICS = _word_set("honorifics.txt")
_ROLE_NOUNS_EXTRA = _word_set("role_nouns.txt")
# A lower-case word right before a capitalised name that makes it an organisation, band
# or work, not a person ("cloud provider Morgan Ashby", "the band Velvet Harbour").
_ORG_CUES = _word_set("org_cues.txt")
_SPEECH = _word_set("speech_verbs.txt")
# Verbs of news headlines: "LAWSON SAYS ...", "VOLCKER SEES ...", "REAGAN TO VETO ...".
_HEADLINE_VERBS = _SPEECH | _word_set("headline_verbs.txt")
_PARTICLES = _word_set("particles.txt")
_SUFFIXES = _word_set("name_suffixes.txt")
_MONTHS = _word_set("months.txt")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_ABBREVIATIONS = _HONORIFICS | _word_set("abbreviations.txt")


@attrs.frozen
class _Lexicon:
    first_names: frozenset[str]
    titles: frozenset[str]          # give evidence of a person ("president", "mr")
    modifiers: frozenset[str]       # stripped, no evidence ("deputy", "foreign")
    role_nouns: frozenset[str]      # a lower-case role word right before a name
    places: frozenset[str]
    place_words: frozenset[str]
    place_ends: frozenset[str]      # the last words of places' names ("arabia", "scotia")
    demonyms: frozenset[str]
    org_words: frozenset[str]
    org_cues: frozenset[str]        # a lower-case word before a name: an organisation
    organisations: frozenset[str]   # well-known organisations named like people
    common: frozenset[str]
    english: frozenset[str]         # common English words (not names in a headline)


_FAKER = (("faker", "faker"),)


def _faker_words() -> set[str]:
    """Common English words from Faker's English word list (MIT-licensed data), cached
    in a file like the first names (importing Faker takes a tenth of a second)."""
    return _cached_words("lorem-words", _faker_words_uncached)


def _faker_words_uncached() -> set[str]:
    try:
        from faker.providers.lorem.en_US import Provider
    except ImportError:  # pragma: no cover - faker is a dependency
        return set()
    return {w for w in Provider.word_list if w.isalpha()}


def _faker_first_names() -> set[str]:
    """First names in Latin script from Faker's person providers (MIT-licensed data).

    Importing every provider takes most of a second, so the folded names are kept in a
    cache file per Faker version (see :func:`_cached_words`)."""
    return _cached_words("first-names-3", _faker_first_names_uncached)


def _cached_words(kind: str, work_out: Callable[[], set[str]],
                  packages: Sequence[tuple[str, str]] = _FAKER) -> set[str]:
    """The words ``work_out`` returns, kept in a cache file per version of the
    ``(module, distribution)`` packages they come from (Faker's by default;
    :func:`~docsearch.extract.usercache.cache_folder`). The file's first line holds
    the number of words and a checksum: a damaged file is worked out and written again;
    without a writable folder, or none of the packages, they are worked out each time."""
    cache = _cache_file(kind, packages)
    if cache is not None:
        words = _read_words(cache)
        if words is not None:
            return words
    words = work_out()
    if cache is not None and words:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            with atomic_write(cache) as out:
                out.write(_words_text(words))
        except OSError:
            pass
    return words


def _words_text(words: set[str]) -> str:
    body = "\n".join(sorted(words))
    return f"{_HEADER} {len(words)} {zlib.crc32(body.encode('utf-8')):08x}\n{body}"


def _read_words(cache: Path) -> set[str] | None:
    """The words of a cache file, or ``None`` when it is missing or damaged."""
    try:
        text = cache.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    body = text.partition("\n")[2]
    words = set(body.split("\n")) - {""}
    return words if words and text == _words_text(words) else None


_HEADER = "# docsearch word list:"


def _cache_file(kind: str, packages: Sequence[tuple[str, str]]) -> Path | None:
    """``KIND-DIST-VERSION[-DIST-VERSION...].list`` ("none" for a package not installed),
    or ``None`` when none is."""
    versions = [(dist, installed_version(module, dist)) for module, dist in packages]
    if all(v is None for _, v in versions):
        return None
    keyed = "".join(f"-{dist}-{v or 'none'}" for dist, v in versions)
    return cache_folder() / f"{kind}{keyed}.list"


def _person_providers() -> Iterator[tuple[str, type]]:
    """Each locale of Faker's person providers and its Provider class."""
    try:
        package = importlib.import_module("faker.providers.person")
    except ImportError:  # pragma: no cover - faker is a dependency
        return
    for info in pkgutil.iter_modules(package.__path__):
        try:
            yield info.name, importlib.import_module(f"{package.__name__}.{info.name}").Provider
        except (ImportError, AttributeError):
            continue


def _faker_first_names_uncached() -> set[str]:
    names: set[str] = set()
    for locale, provider in _person_providers():
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary", *_ROMANIZED):
            values = provider.__dict__.get(attr)
            if not isinstance(values, (list, tuple, dict)):
                continue
            for name in values:
                if isinstance(name, str) and name[:1].isupper() and _LATIN.fullmatch(name) and (
                        attr not in _ROMANIZED or len(name) >= 5 or "-" in name):
                    names.add(fold(name))
                elif isinstance(name, str) and locale in _CYRILLIC_LOCALES:
                    names |= _transliterated(name, locale)
    return names


# Russian and Ukrainian first names, written in Latin letters as English-language papers
# do ("Оксана" Oksana, "Дмитрий" Dmitriy, Dmitry, Dmitri; Ukrainian "Дмитро" Dmytro).
_CYRILLIC_LOCALES = {"ru_RU", "uk_UA"}
_CYRILLIC = dict(zip("абвгдезийклмнопрстуфыэі", "abvgdeziyklmnoprstufyei", strict=True)) | {
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye", "ґ": "g", "'": ""}
_UKRAINIAN = _CYRILLIC | {"и": "y", "г": "h"}


def _transliterated(name: str, locale: str) -> set[str]:
    """A Cyrillic first name in Latin letters, with the usual English endings of "-ий"."""
    table = _UKRAINIAN if locale == "uk_UA" else _CYRILLIC
    letters = [table.get(c) for c in name.lower()]
    if any(c is None for c in letters):
        return set()
    latin = "".join(letters)  # type: ignore[arg-type]
    return {latin, latin[:-2] + "y", latin[:-2] + "i"} if latin.endswith("iy") else {latin}


# Japanese and Chinese first names in Latin letters ("Hideki", "Chia-hao"); the short
# Chinese ones ("Gang", "Na", "Ping") are words too often.
_ROMANIZED = ("first_romanized_names", "first_romanized_names_male",
              "first_romanized_names_female")


# Letters below U+0250 (Latin, Latin-1, Latin Extended-A and -B), hyphen, apostrophe.
_LATIN = re.compile("[A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f'-]+")


@functools.cache
def _lexicon() -> _Lexicon:
    # first_names_world.txt: other scripts' names in Latin letters (build_first_names.py).
    first = _faker_first_names() | {fold(n) for name in ("first_names_extra.txt",
                                                        "first_names_world.txt")
                                    for n in _lines(name)}
    roles = {fold(r).rstrip(".") for r in _lines("roles.txt") + _lines("titles_world.txt")
             } | _GIVEN_NAME_TITLES
    places = {fold(p) for p in _lines("places.txt")}
    demonyms = {fold(d) for d in _lines("demonyms.txt")}
    common = {fold(w) for w in _lines("common_words.txt")}
    org_words = {fold(w).rstrip(".") for w in _lines("org_words.txt")}
    modifiers = set(_MODIFIERS)
    titles = (roles | _HONORIFICS) - modifiers
    place_words = {p for p in places if " " not in p}
    return _Lexicon(
        first_names=frozenset(first - _MONTHS - _WEEKDAYS - (titles - _TITLE_OR_NAME)
                              - demonyms),
        titles=frozenset(titles),
        modifiers=frozenset(modifiers),
        role_nouns=frozenset(_ROLE_NOUNS_EXTRA | titles),
        places=frozenset(places),
        place_words=frozenset(place_words),
        place_ends=frozenset(p.rsplit(" ", 1)[-1] for p in places),
        demonyms=frozenset(demonyms | {d + "s" for d in demonyms}),
        org_words=frozenset({w + "s" for w in org_words if not w.endswith("s")} | org_words
                            - {"co", "cos"} | {"inc", "corp", "ltd", "plc", "llc", "llp"}),
        org_cues=frozenset(_ORG_CUES),
        organisations=frozenset(fold(o) for o in _lines("organisations.txt")),
        common=frozenset(common),
        english=frozenset(common | _faker_words()),
    )


_ABSTRACT = ("tion", "sion", "tions", "sions")


def _common_noun(key: str, lex: _Lexicon) -> bool:
    """A common English word or its plural ("taxes", "rates"), or an abstract noun no
    name is ("allocation", "provisions"; not the first name "Hefestion")."""
    return key in lex.english or len(key) > 5 and key.endswith(_ABSTRACT) and (
        key not in lex.first_names) or key.endswith("s") and (
        key[:-1] in lex.english or key.endswith("es") and key[:-2] in lex.english)
