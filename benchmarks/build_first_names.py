"""Writes ``docsearch/extract/data/first_names_world.txt``: first names of Faker's
locales written in other scripts than Latin, in the Latin letters English-language papers
use, guarded against words that would make people of other things.

    python benchmarks/build_first_names.py [--reuters DIR] [--report]

Faker's Latin-script first names (every locale: Turkish, Vietnamese, Indonesian, Filipino,
Spanish, Portuguese, Polish, Swahili...) are read at run time already
(:func:`docsearch.extract.lexicon._faker_first_names`, with Russian and Ukrainian
transliterated and the romanised Japanese and Chinese names). This script adds the locales
in scripts it can transliterate letter by letter: Devanagari (Hindi, Marathi, Nepali) and
the Indic scripts laid out like it (Bengali, Gujarati, Odia), Greek, Bulgarian and
Macedonian Cyrillic, Georgian and Armenian. Abjads (Arabic, Persian, Hebrew: no vowels
written), Hangul, Thai, Tamil and Sinhala are left out: their Latin spellings cannot be
worked out from the letters.

A name is kept when it is no first name yet, has 4 letters or more, is no common English
word, place, demonym, month, organisation word, title or role (the lexicon's lists), no
word of an English dictionary (Webster's Second, lower-case entries, from the
``english-words`` package of the ``bench`` extra: "Violin" is a Bulgarian name), and on
Reuters-21578 (all 21,578 stories) is never written in lower case and never stands right
before an organisation word ("Kamal Bank"), nor one of the four names whose Reuters person
values were read and found no people (:data:`REUTERS_NON_PEOPLE`). ``--report`` prints
the Reuters person values whose first word is a name of the file (at most the values the
file adds).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import DEFAULT, read_reuters  # noqa: E402

from docsearch.extract import lexicon  # noqa: E402
from docsearch.extract.people import find_people  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docsearch" / "extract" / "data" / \
    "first_names_world.txt"
_ATTRS = ("first_names", "first_names_male", "first_names_female")

# ---- Devanagari and the Indic scripts laid out like it ---------------------------------

_DEVA_VOWELS = dict(zip("अआइईउऊऋएऐओऔऑ", ["a", "a", "i", "i", "u", "u", "ri", "e", "ai", "o",
                                          "au", "o"], strict=True))
_DEVA_SIGNS = dict(zip("ािीुूृेैोौॉॅ", ["a", "i", "i", "u", "u", "ri", "e", "ai", "o", "au",
                                        "o", "e"], strict=True))
_DEVA_CONSONANTS = dict(zip(
    "कखगघङचछजझञटठडढणतथदधनपफबभमयरलळवशषसह",
    ["k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n", "t", "th", "d", "dh", "n", "t",
     "th", "d", "dh", "n", "p", "ph", "b", "bh", "m", "y", "r", "l", "l", "v", "sh", "sh",
     "s", "h"], strict=True))
_NUKTA_FORMS = {"क": "q", "ख": "kh", "ग": "gh", "ज": "z", "ड": "r", "ढ": "rh", "फ": "f"}
_VIRAMA, _NUKTA, _NASALS, _VISARGA = "्", "़", "ंँ", "ः"
_LABIALS = ("p", "b", "m")
# Offsets of the Indic blocks that mirror Devanagari's layout (U+0900).
_INDIC_OFFSETS = {"bn_BD": 0x80, "gu_IN": 0x180, "or_IN": 0x200}


def _to_devanagari(name: str, offset: int) -> str:
    return "".join(chr(ord(c) - offset) if 0x900 + offset <= ord(c) < 0x980 + offset else c
                   for c in name)


def _indic_syllables(name: str) -> list[list[str]] | None:
    """[consonants, vowel] units; the vowel "*" is the inherent a, "" a virama."""
    units: list[list[str]] = []
    chars = list(name)
    for i, c in enumerate(chars):
        if c in _DEVA_CONSONANTS:
            units.append([_DEVA_CONSONANTS[c], "*"])
        elif c == _NUKTA and units and i and chars[i - 1] in _NUKTA_FORMS:
            units[-1][0] = _NUKTA_FORMS[chars[i - 1]]
        elif c == _VIRAMA and units:
            units[-1][1] = ""
        elif c in _DEVA_SIGNS and units:
            units[-1][1] = _DEVA_SIGNS[c]
        elif c in _DEVA_VOWELS:
            units.append(["", _DEVA_VOWELS[c]])
        elif c in _NASALS and units:
            units.append(["~", ""])
        elif c == _VISARGA and units:
            units.append(["h", ""])
        else:
            return None
    return units


def indic_latin(name: str, offset: int = 0) -> str | None:
    """A Devanagari (or, with the block's offset, Bengali, Gujarati, Odia) name in Latin
    letters, with the inherent a dropped at the end and between syllables as Hindi
    speakers do ("आदित्य" aditya, "अजित" ajit, "राजकुमार" rajkumar)."""
    units = _indic_syllables(_to_devanagari(name, offset))
    if not units:
        return None
    vowels = [u[1] for u in units]
    for i, (cons, vowel) in enumerate(units):
        if vowel != "*" or not cons or cons == "~":
            continue
        last = i == len(units) - 1
        if last:
            after_cluster = i > 0 and units[i - 1][1] == "" and units[i - 1][0] != "~"
            vowels[i] = "a" if after_cluster else ""
        else:
            before_vowel = i > 0 and vowels[i - 1] not in ("", "*") and units[i - 1][0] != "~"
            next_cons = units[i + 1][0] not in ("", "~", "h") and units[i + 1][1] != ""
            vowels[i] = "" if before_vowel and next_cons and i + 1 < len(units) - 1 else "a"
    out = []
    for i, ((cons, _), vowel) in enumerate(zip(units, vowels, strict=True)):
        if cons == "~":
            nxt = units[i + 1][0] if i + 1 < len(units) else ""
            cons = "m" if nxt.startswith(_LABIALS) else "n"
        out.append(cons + vowel)
    return "".join(out)


# ---- Greek ------------------------------------------------------------------------------

_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψω",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o",
                   "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o"], strict=True)) | {
    "ου": "ou", "αι": "ai", "ει": "ei", "οι": "oi", "αυ": "av", "ευ": "ev", "μπ": "mb",
    "ντ": "nt", "γγ": "ng", "γκ": "g", "τσ": "ts", "τζ": "tz"}
_GREEK_STARTS = {"μπ": "b", "ντ": "d"}


def greek_latin(name: str) -> str | None:
    """A Greek name as Greek papers write it in English ("Γεώργιος" georgios, "Παντελής"
    pantelis; "αυ"/"ευ" av, ev; "μπ" b and "ντ" d at the start, mb and nt inside)."""
    text = lexicon.fold(name)
    start = _GREEK_STARTS.get(text[:2], "")
    rest = table_latin(text[2:] if start else text, _GREEK)
    return None if rest is None else start + rest


# ---- Bulgarian and Macedonian Cyrillic, Georgian, Armenian -----------------------------

_BULGARIAN = dict(zip("абвгдезиклмнопрстуфь", "abvgdeziklmnoprstufy", strict=True)) | {
    "й": "y", "ж": "zh", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
    "ю": "yu", "я": "ya"}
_MACEDONIAN = _BULGARIAN | {"ј": "j", "љ": "lj", "њ": "nj", "ќ": "kj", "ѓ": "gj", "ѕ": "dz",
                            "џ": "dzh", "х": "h"}
_GEORGIAN = dict(zip("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
                     ["a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p",
                      "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz",
                      "ts", "ch", "kh", "j", "h"], strict=True))
_ARMENIAN = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
                     ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts",
                      "k", "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r",
                      "s", "v", "t", "r", "ts", "v", "p", "k", "o", "f"], strict=True)) | {
    "ու": "u", "և": "yev"}


def table_latin(name: str, table: dict[str, str]) -> str | None:
    """A name written letter by letter with ``table`` (two-letter keys first)."""
    text = name.lower()
    out, i = [], 0
    while i < len(text):
        if text[i:i + 2] in table:
            out.append(table[text[i:i + 2]])
            i += 2
        elif text[i] in table:
            out.append(table[text[i]])
            i += 1
        else:
            return None
    return "".join(out)


def _latin(name: str, locale: str) -> str | None:
    language = locale.split("_")[0]
    if language in ("hi", "mr", "ne"):
        return indic_latin(name)
    if locale in _INDIC_OFFSETS:
        return indic_latin(name, _INDIC_OFFSETS[locale])
    if language == "el":
        return greek_latin(name)
    tables = {"bg": _BULGARIAN, "mk": _MACEDONIAN, "ka": _GEORGIAN, "hy": _ARMENIAN}
    return table_latin(name, tables[language]) if language in tables else None


LOCALES = ("hi_IN", "mr_IN", "ne_NP", "bn_BD", "gu_IN", "or_IN", "el_GR", "bg_BG", "mk_MK",
           "ka_GE", "hy_AM")


def faker_names(locale: str) -> Iterator[str]:
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    for attr in _ATTRS:
        values = provider.__dict__.get(attr)
        if isinstance(values, (list, tuple, dict)):
            yield from (v for v in values if isinstance(v, str) and " " not in v.strip())


def transliterated() -> dict[str, set[str]]:
    """Each locale's first names in Latin letters (folded), unguarded."""
    out: dict[str, set[str]] = {}
    for locale in LOCALES:
        names = {_latin(n.strip(), locale) for n in faker_names(locale)}
        out[locale] = {n for n in names if n and re.fullmatch(r"[a-z]+(-[a-z]+)?", n)}
    return out


# ---- guards ----------------------------------------------------------------------------

def lexicon_clash(name: str) -> bool:
    """Too short, a first name already, or a word of the lexicon's other lists."""
    return name in _known_first_names() or other_list_word(name)


def other_list_word(name: str) -> bool:
    """Too short, or a word of the lexicon's lists other than first names."""
    lex = lexicon._lexicon()
    return (len(name) < 4 or lexicon._common_noun(name, lex)
            or name in lex.common or name in lex.places or name in lex.place_words
            or name in lex.demonyms or name in lex.org_words or name in lex.titles
            or name in lex.role_nouns or name in lex.modifiers or name in lex.organisations
            or name in {lexicon.fold(m) for m in lexicon._MONTHS})


def _known_first_names() -> set[str]:
    """The first names the lexicon has without this script's file."""
    extra = {lexicon.fold(n) for n in lexicon._lines("first_names_extra.txt")}
    return lexicon._faker_first_names() | extra


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def reuters_counts(texts: Iterable[str], names: set[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each name is written in lower case, and how often right before an
    organisation word, in ``texts``."""
    lower: Counter[str] = Counter()
    before_org: Counter[str] = Counter()
    org_words = lexicon._lexicon().org_words
    for text in texts:
        words = _WORD.findall(text)
        for i, word in enumerate(words):
            key = word.lower()
            if key not in names:
                continue
            if word.islower():
                lower[key] += 1
            elif i + 1 < len(words) and words[i + 1].lower().rstrip(".") in org_words:
                before_org[key] += 1
    return lower, before_org


def reuters_texts(folder: Path) -> list[str]:
    return [f"{article.title}\n{article.body}" for article, _ in read_reuters(folder)]


# Names read by hand in ``--report``'s Reuters person values that were no people: "Minas
# Gerais" (a state), "Angur Adar" (a village), "Peko Wallsend" (a firm), "ReNu" (a product).
REUTERS_NON_PEOPLE = frozenset({"minas", "angur", "peko", "renu"})


def dictionary_words() -> frozenset[str]:
    """The words Webster's Second (1934, the ``english-words`` package's "web2" list)
    writes in lower case: English words, not names ("violin"; "sagar" is none)."""
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True)
                     if w.islower())


def guarded(by_locale: dict[str, set[str]], texts: list[str]) -> dict[str, set[str]]:
    words = dictionary_words()
    candidates = {n for names in by_locale.values() for n in names
                  if not lexicon_clash(n) and n not in words and n not in REUTERS_NON_PEOPLE}
    lower, before_org = reuters_counts(texts, candidates)
    kept = {n for n in candidates if not lower[n] and not before_org[n]}
    return {locale: names & kept for locale, names in by_locale.items()}


def file_text(by_locale: dict[str, set[str]]) -> str:
    lines = ["# First names of Faker's locales in other scripts, in Latin letters; written by",
             "# benchmarks/build_first_names.py (do not edit by hand). Guarded against the",
             "# lexicon's other lists and against words Reuters-21578 writes in lower case",
             "# or before an organisation word. Read by docsearch.extract.lexicon."]
    seen: set[str] = set()
    for locale in LOCALES:
        names = sorted(by_locale[locale] - seen)
        seen |= set(names)
        lines.append(f"# {locale}: {len(names)}")
        lines.extend(n.capitalize() for n in names)
    return "\n".join(lines) + "\n"


def report(folder: Path) -> None:
    """Reuters person values whose first word is a name of the file, with their stories."""
    world = {lexicon.fold(n) for n in lexicon._lines("first_names_world.txt")}
    values: Counter[str] = Counter()
    for article, _ in read_reuters(folder):
        for person in find_people(article.title, article.body).people:
            if lexicon.fold(person.split()[0]) in world:
                values[person] += 1
    print(f"{len(values)} person values in {values.total()} stories start with a name of the file")
    for person, count in values.most_common():
        print(f"{count:5d}  {person}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", action="store_true",
                        help="print the Reuters person values the file's names start")
    args = parser.parse_args(argv)
    if args.report:
        report(args.reuters)
        return
    by_locale = guarded(transliterated(), reuters_texts(args.reuters))
    args.out.write_text(file_text(by_locale), "utf-8")
    print(f"{len(set().union(*by_locale.values()))} names written to {args.out.name}")


if __name__ == "__main__":
    main()
