"""People named in lists: team sheets, line-ups and scorecards.

Sport copy names most of its people in lines no sentence rule reads::

    Kilbarra: T Rourke; C Brennock, P Mulvey, S Kinsella (capt), D Hanlon.
    Westford: Pickering, Saliba, Kerrigan, Obi, Morales.
    Scores: KL Rahul c Buttler b Anderson 84, R Sharma lbw b Robinson 36.

A line is such a list when, after an optional short label ending in ``:`` (at the start of
the line or of a sentence), at least ``MIN_ITEMS`` (two when every one has initials) of
its items (split at commas, semicolons and "and"; a parenthesis such as "(capt)" and
trailing figures dropped; a cricket item split at its dismissal words
``c``, ``b``, ``lbw``, ``st``, ``not out``, ``run out``) are all names, and at least
``MIN_SHARE`` of its items are. A name is initials and a surname ("T Rourke", "JP Voss",
"W de Villiers", "J.R. Ellory") or, in a labelled line, a surname alone ("Pickering").
Words the lexicon knows as places, demonyms, months, organisation words or common English
words are not surnames, so "Visitors: Paris, London, Berlin" is no team.
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
_ITEM_SPLIT = re.compile(r"\s*(?:[;,]|\band\b|&)\s*")
_PAREN = re.compile(r"\([^)]*\)")
_FIGURES = re.compile(r"(?:\s+[\d*]+)+\s*$")
_DISMISSAL = re.compile(r"\s+(?:(?:c\s*&\s*b|c|b|lbw|st|not out|run out|retired hurt)\b\s*)+")
_INITIALS = r"(?:[A-Z]{1,3}|(?:[A-Z]\.){1,3}|[A-Z]-[A-Z])"
_PARTICLE = r"(?:(?:de|van|von|der|den|da|di|du|del|della|le|la|ní|ni|nic|mac|bin|al|el)\s+)?"
_SURNAME = r"(?:Ma?c)?[A-Z][a-zà-ÿ]*(?:['’][A-Z][a-zà-ÿ]+|-[A-Z][a-zà-ÿ]+)*[a-zà-ÿ]"
_NAME = re.compile(rf"^(?:(?P<initials>{_INITIALS})\s*)?(?P<surname>{_PARTICLE}{_SURNAME})$")


@attrs.frozen
class ListedName:
    """A name read from a list: ``initials`` ("" for a surname alone) and ``surname``,
    at character ``offset`` of the text."""

    initials: str
    surname: str
    offset: int

    @property
    def words(self) -> list[str]:
        return [*([self.initials] if self.initials else []), *self.surname.split()]


def listed_names(text: str, lex: _Lexicon) -> Iterator[ListedName]:
    """Every name in the list lines of ``text`` (see the module docs)."""
    offset = 0
    for line in text.split("\n"):
        if "," in line or ";" in line:
            yield from _line_names(line, offset, lex)
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
        item = _FIGURES.sub("", item.strip().rstrip(".").strip())
        if not item:
            continue
        names = [_name(piece, lex, labelled) for piece in _DISMISSAL.split(item) if piece]
        if names and all(n is not None for n in names):
            named += 1
            where = line.find(item, position)
            position = max(position, where)
            found.extend(ListedName(n[0], n[1], offset + max(where, 0))
                         for n in names if n is not None)
    enough = MIN_ITEMS if any(not n.initials for n in found) else 2
    if named < enough or named < MIN_SHARE * sum(1 for i in items if i.strip()):
        return []
    return found


def _name(piece: str, lex: _Lexicon, labelled: bool) -> tuple[str, str] | None:
    match = _NAME.match(piece.strip())
    if match is None:
        return None
    initials, surname = match.group("initials") or "", match.group("surname")
    key = fold(surname.split()[-1])
    if (key in lex.places or key in lex.demonyms or key in lex.org_words or key in _MONTHS
            or key in _WEEKDAYS or key in lex.titles or key in _PARTICLES):
        return None
    if not initials and (not labelled or key in lex.english or key in lex.common):
        return None  # a surname alone only in a labelled list, and no common word
    return initials, surname
