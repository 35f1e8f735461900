"""People named in lists: team sheets, line-ups and scorecards.

Sport copy names most of its people in lines no sentence rule reads::

    Kilbarra: T Rourke; C Brennock, P Mulvey, S Kinsella (capt), D Hanlon.
    Westford: Pickering, Saliba, Kerrigan, Obi, Morales.
    Scores: KL Rahul c Buttler b Anderson 84, R Sharma lbw b Robinson 36.

A line is such a list when, after an optional short label ending in ``:`` (at the start of
the line or of a sentence), at least ``MIN_ITEMS`` (two when every one has initials) of
its items (split at commas, semicolons and "and"; a parenthesis such as "(capt)" and
trailing figures such as "3-41" or "1:44.10" dropped; a cricket item split at its
dismissal words ``c``, ``b``, ``lbw``, ``st``, ``not out``, ``run out``) are all names, and
at least ``MIN_SHARE`` of its items are. A name is initials and a surname ("T Rourke",
"JP Voss", "L W Mwangi", "W de Villiers", "J.R. Ellory") or, in a labelled line, a surname
alone ("Pickering"); after a rank ("2 Hiwot Alemu (Eth) 14:12.40") a first name and a
surname. Words the lexicon knows as places, demonyms, months, organisation words or common
English words are not surnames, so "Visitors: Paris, London, Berlin" is no team. What a
parenthesis holds is read as a list of its own ("Ashby 241/7 (D Pellow 88, K Rusk 41 not
out; T Ambler 3-37)"). A transcript's speaker label in capitals at the start of a line,
with a known first name, is a name too ("MARTIN OKAFOR: Welcome back").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from docsearch.extract.lexicon import _MONTHS, _PARTICLES, _WEEKDAYS, _Lexicon, fold

__all__ = ["ListedName", "listed_names"]

MIN_ITEMS = 3
MIN_SHARE = 0.75

_LABEL = re.compile(r"(?:^|[.!?]\s+)\s*(?:[\w'’&-]+\s+){0,3}[\w'’&-]+\s*:\s*(?=\S)")
_ITEM_SPLIT = re.compile(r"\s*(?:;|,(?!\d)|\band\b|&)\s*")  # not "5,000m"
_PAREN = re.compile(r"\([^)]*\)")
_FIGURES = re.compile(r"(?:\s+[\d*][\d*:./-]*)+\s*$")  # "104", "3-41", "1:44.10", "287/6"
_RANK = re.compile(r"^=?\d{1,3}\s+(?=[A-Z])")  # "2 Hiwot Alemu", "=3 K Obiora"
_SUB_LABEL = re.compile(r"^.*:\s+")  # "Men's 800m: 1 ..." inside an item
_DISMISSAL = re.compile(r"\s+(?:(?:c\s*&\s*b|c|b|lbw|st|not out|run out|retired hurt)\b\s*)+")
_INITIALS = r"(?:[A-Z](?: [A-Z]){1,2}(?= )|[A-Z]{1,3}|(?:[A-Z]\.){1,3}|[A-Z]-[A-Z])"
_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|du|del|della|le|la|ní|ni|nic|mac|bin|al|el)\s+)?"
_SURNAME = r"(?:Ma?c)?[A-Z][a-zà-ÿ]*(?:['’][A-Z][a-zà-ÿ]+|-[A-Z][a-zà-ÿ]+)*[a-zà-ÿ]"
_NAME = re.compile(rf"^(?:(?P<initials>{_INITIALS})\s*)?(?P<surname>{_PARTICLE}{_SURNAME})$")
_FULL_NAME = re.compile(rf"^(?P<first>{_SURNAME})\s+(?P<surname>{_PARTICLE}{_SURNAME})$")
# "MARTIN OKAFOR: Welcome back": a transcript's speaker.
_SPEAKER = re.compile(r"^\s*([A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,2}):\s")


@attrs.frozen
class ListedName:
    """A name read from a list: ``first`` (initials or a first name; "" for a surname
    alone) and ``surname``, at character ``offset`` of the text."""

    first: str
    surname: str
    offset: int

    @property
    def words(self) -> list[str]:
        return [*self.first.split(), *self.surname.split()]


def listed_names(text: str, lex: _Lexicon) -> Iterator[ListedName]:
    """Every name in the list lines of ``text`` (see the module docs)."""
    offset = 0
    for line in text.split("\n"):
        speaker = _speaker(line, offset, lex)
        if speaker is not None:
            yield speaker
        if "," in line or ";" in line:
            yield from _line_names(line, offset, lex)
            for group in _PAREN.finditer(line):
                yield from _list_names(line, group.start() + 1, group.end() - 1, offset, lex,
                                       labelled=False)
        offset += len(line) + 1


def _line_names(line: str, offset: int, lex: _Lexicon) -> list[ListedName]:
    """The names of each list in a line: a label ("Bench:") after a sentence's end starts
    a list of its own ("Ravens: T Ollerton, ... D Sallis. Bench: K Tuck, ...")."""
    labels = list(_LABEL.finditer(line))
    if not labels:
        return _list_names(line, 0, len(line), offset, lex, labelled=False)
    ends = [m.start() for m in labels[1:]] + [len(line)]
    return [name for label, end in zip(labels, ends, strict=True)
            for name in _list_names(line, label.end(), end, offset, lex, labelled=True)]


def _list_names(line: str, start: int, stop: int, offset: int, lex: _Lexicon,
                labelled: bool) -> list[ListedName]:
    items = _ITEM_SPLIT.split(_PAREN.sub(lambda m: " " * len(m.group()), line[start:stop]))
    found: list[ListedName] = []
    named = 0
    position = start
    for item in items:
        item = _SUB_LABEL.sub("", _FIGURES.sub("", item.strip().rstrip(".").strip()))
        if not item:
            continue
        names = [_name(_FIGURES.sub("", piece), lex, labelled)
                 for piece in _DISMISSAL.split(item) if piece]
        if names and all(n is not None for n in names):
            named += 1
            where = line.find(item, position)
            position = max(position, where)
            found.extend(ListedName(n[0], n[1], offset + max(where, 0))
                         for n in names if n is not None)
    enough = MIN_ITEMS if any(not n.first for n in found) else 2
    if named < enough or named < MIN_SHARE * sum(1 for i in items if i.strip()):
        return []
    return found


def _name(piece: str, lex: _Lexicon, labelled: bool) -> tuple[str, str] | None:
    piece = piece.strip()
    rank = _RANK.match(piece)
    if rank:
        piece = piece[rank.end():]
    match = _NAME.match(piece)
    if match is None:
        full = _FULL_NAME.match(piece) if rank else None
        if full is None or not _surname(full.group("first"), lex) or (
                fold(full.group("first")) in lex.english
                and fold(full.group("first")) not in lex.first_names):
            return None  # a first name and a surname only after a rank
        initials, surname = full.group("first"), full.group("surname")
    else:
        initials, surname = match.group("initials") or "", match.group("surname")
    if not _surname(surname.split()[-1], lex):
        return None
    key = fold(surname.split()[-1])
    if not initials and (not labelled or key in lex.english or key in lex.common):
        return None  # a surname alone only in a labelled list, and no common word
    return initials, surname


def _surname(word: str, lex: _Lexicon) -> bool:
    """A listed word that may be a name: no place, demonym, month, organisation word or
    title."""
    key = fold(word)
    return not (key in lex.places or key in lex.demonyms or key in lex.org_words
                or key in _MONTHS or key in _WEEKDAYS or key in lex.titles or key in _PARTICLES)


def _speaker(line: str, offset: int, lex: _Lexicon) -> ListedName | None:
    """A transcript's speaker label with a known first name ("PRIYA DASGUPTA: ...")."""
    match = _SPEAKER.match(line)
    if match is None:
        return None
    words = [w.capitalize() for w in match.group(1).split()]
    if fold(words[0]) not in lex.first_names or not all(
            _surname(w, lex) and fold(w) not in lex.english for w in words[1:]):
        return None
    return ListedName(words[0], " ".join(words[1:]), offset + match.start(1))
