"""One name per person across a whole collection.

Extraction works article by article: inside one article "Volcker" joins "Paul
Volcker". Across articles the collection knows more, and :class:`PeopleRegistry`
uses it, given every person value of the collection with its number of articles:

- values that differ only in case or diacritics are one person ("Jose Lopez",
  "José López"), named by the form most articles use;
- a full name without a middle part joins the one fuller form with the same first
  and last names ("Paul Volcker" and "Paul A. Volcker");
- initials and a surname ("T Rourke", "J. Baker") join the one full name with that
  surname whose first name starts with the first initial ("Tiernan Rourke");
- a surname alone ("Volcker", "Mr Michael") never joins a full name of *another*
  article: knowing one person of that surname is no evidence that the article means
  him ("Alun Michael ... Mr Michael" is not George Michael). Inside its article it has
  joined already (:func:`~docsearch.extract.people.find_people`). So it stays as it is,
  one person per spelling;
- a weak surname (:attr:`FoundPeople.surnames`: "VOLCKER SEES ..." in a headline) is
  a person, under that surname alone, when the collection knows someone with that
  surname (a full name or a titled surname), unless it is found in more than
  ``WEAK_RATIO`` times as many articles as name such a person (then it is taken for
  a word).

:func:`dominant` (the share ``DOMINANT`` of a surname's articles that one full name must
hold) is the rule a typed surname filter follows.

Plain Python with no index in it: the search layer builds one per index state, the
extraction benchmark one per corpus. What the rules read of each name is worked out
once per process; :func:`saved_work` gives it as JSON lines for the search layer to
save beside an index, and :func:`take_saved_work` takes it back in a new process
(under the same :func:`rules_stamp` only).
"""

from __future__ import annotations

import functools
import hashlib
import json
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

from docsearch.extract.people import fold as _fold
from docsearch.extract.people import is_surname_form, surname_keys

__all__ = ["DOMINANT", "WEAK_RATIO", "PeopleRegistry", "dominant", "rules_stamp", "saved_work",
           "take_saved_work"]

#: A weak surname found in more than this many times as many articles as name its person
#: (in full or with a title) is more often something else ("GOLD" in headlines).
WEAK_RATIO = 3

#: The share of a surname's articles one full name must hold to take its bare mentions.
DOMINANT = 0.85


def dominant(counts: Mapping[str, int]) -> str | None:
    """Of the people sharing a surname, with their numbers of articles, the one holding
    at least :data:`DOMINANT` of all their articles (the only one, if alone); ``None``
    when nobody does.

    >>> dominant({"Ronald Reagan": 532, "Nancy Reagan": 1})
    'Ronald Reagan'
    >>> dominant({"Jimmy Carter": 12, "Ashton Carter": 9}) is None
    True
    """
    if not counts:
        return None
    best = max(counts, key=lambda name: (counts[name], name))
    return best if counts[best] >= DOMINANT * sum(counts.values()) else None


def _core(key: str) -> tuple[str, str] | None:
    words = [w for w in key.split() if len(w.rstrip(".")) > 1]
    return (words[0], words[-1]) if len(words) >= 2 else None


class PeopleRegistry:
    """Canonical person names for a collection.

    >>> reg = PeopleRegistry({"Paul Volcker": 40, "Volcker": 3, "Jose Lopez": 1,
    ...                       "José López": 2})
    >>> reg.canonical("Volcker"), reg.canonical("Jose Lopez")
    ('Volcker', 'José López')
    >>> reg.resolve("VOLCKER"), reg.resolve("Smith") is None
    ('Volcker', True)
    """

    def __init__(self, counts: Mapping[str, int], weak: Mapping[str, int] | None = None) -> None:
        # What a name's key says of it (its words, core, last word, surname keys) is
        # worked out once per process (_shape, kept in _SHAPES): a new state of an
        # index pays for the names it has not seen, and the rest is a few dict
        # operations per name, most of them in C (map, zip, compress, Counter).
        # ``tests/test_people_fast.py`` holds the plain rules as the oracle.
        # 1. One group per folded spelling, named by its most used form.
        keys = list(map(_key, counts))
        group_count = dict(zip(keys, counts.values(), strict=True))
        name_of = dict(zip(keys, counts, strict=True))
        if len(group_count) < len(keys):  # spellings that differ in case or accents
            shared = {key for key, n in Counter(keys).items() if n > 1}
            spellings: dict[str, list[tuple[int, str]]] = {}
            for key, (value, count) in zip(keys, counts.items(), strict=True):
                if key in shared:
                    spellings.setdefault(key, []).append((count, value))
            for key, forms in spellings.items():
                group_count[key] = sum(c for c, _ in forms)
                name_of[key] = _most_used(forms)
        if len(_SHAPES) + len(group_count) > _MEMO_LIMIT:
            _SHAPES.clear()
        #: The names (keys) and weak surnames whose shapes this registry worked out.
        self.keys, self.weak_values = list(group_count), list(weak or ())
        self.new_keys = [key for key in group_count if key not in _SHAPES]
        self.new_weak = [value for value in self.weak_values if value not in _WEAK_KEYS]
        for key in self.new_keys:
            _SHAPES[key] = _shape(key)
        shapes = dict(zip(group_count, map(_SHAPES.__getitem__, group_count), strict=True))
        every = list(shapes.values())

        # 2. A full name joins its one fuller form ("paul volcker" -> "paul a. volcker").
        parent: dict[str, str] = {}     # only the keys that join another
        cores = list(map(_CORE, every))
        shared_cores = {core for core, n in Counter(cores).items() if n > 1 and core is not None}
        by_core: dict[tuple[str, str], list[str]] = {}
        for key in compress(shapes, map(shared_cores.__contains__, cores)):
            by_core.setdefault(shapes[key].core, []).append(key)  # type: ignore[arg-type]
        for same_core in by_core.values():
            plain = [k for k in same_core if shapes[k].words == 2]
            fuller = [k for k in same_core if shapes[k].words > 2]
            if len(plain) == 1 and len(fuller) == 1:
                parent[plain[0]] = fuller[0]
        # "t rourke" -> "tiernan rourke": the one full name with that first initial.
        initials = list(compress(shapes, map(_INITIALS_FIRST, every)))
        if initials:
            lasts = {shapes[key].last for key in initials}
            by_last: dict[str, list[str]] = {}
            for key in compress(shapes, map(lasts.__contains__, map(_LAST, every))):
                by_last.setdefault(shapes[key].last, []).append(key)
            for key in initials:
                owners = [other for other in by_last[shapes[key].last]
                          if other != key and other[0] == key[0] and shapes[other].may_own]
                if len(owners) == 1:
                    parent[key] = owners[0]
        roots = {key: _root(parent, key) for key in parent}
        totals = dict(group_count)
        for key, root in roots.items():
            totals[root] += group_count[key]
        for key in roots:
            del totals[key]

        # 3. Surnames: the articles of the full names each may stand for, and its own.
        evidence = {key: group_count[key]
                    for key in compress(shapes, map(_SURNAME_FORM, every))}
        for key in compress(shapes, map(_SURNAME_KEYS, every)):  # full names
            if key not in parent:
                total = totals[key]
                for surname in shapes[key].surname_keys:
                    evidence[surname] = evidence.get(surname, 0) + total
        self._evidence = evidence
        weak = weak or {}
        weak_keys = [_weak_key(value)[0] for value in weak]
        self._weak = dict(zip(weak_keys, weak.values(), strict=True))
        if len(self._weak) < len(weak_keys):  # spellings that differ in case or spaces
            shared = {key for key, n in Counter(weak_keys).items() if n > 1}
            for key in shared:
                self._weak[key] = 0
            for key, count in zip(weak_keys, weak.values(), strict=True):
                if key in shared:
                    self._weak[key] += count
        # Each person is named by the most used full spelling in its group: a name
        # that joins nobody and that nobody joins is its own.
        self._display = name_of
        members: dict[str, list[str]] = {}
        for key, root in roots.items():
            members.setdefault(root, []).append(key)
        for root, keys in members.items():
            best = root
            for key in keys:
                if not shapes[key].surname_form and (group_count[key], key) > (
                        group_count[best], best):
                    best = key
            name = name_of[best]
            name_of[root] = name
            for key in keys:
                name_of[key] = name

    def canonical(self, value: str) -> str:
        """The collection's name for a person value it holds (else the value)."""
        return self._display.get(_key(value), value)

    def canonical_all(self, values: Iterable[str]) -> list[str]:
        """:meth:`canonical` of each value."""
        display = self._display
        return [display.get(_key(value), value) for value in values]

    def resolve_all(self, surnames: Iterable[str]) -> list[str | None]:
        """:meth:`resolve` of each weak surname."""
        return [self.resolve(surname) for surname in surnames]

    def resolve(self, surname: str) -> str | None:
        """The person a weak surname is: the surname alone, when the collection knows
        someone of that surname (else ``None``). A weak full name stands for itself
        when the collection knows it."""
        key, surname_form = _weak_key(surname)
        if not surname_form:
            # A weak full name ("IVAN BOESKY" in a headline): only a name already known.
            return self._display.get(key)
        evidence = self._evidence.get(key, 0)
        if not evidence or self._weak.get(key, 0) > WEAK_RATIO * evidence:
            return None
        return self._display.get(key, " ".join(surname.split()))

    def people(self, values: Iterable[str], surnames: Iterable[str] = ()) -> tuple[str, ...]:
        """An article's people under the collection's names: its own people, then the
        weak surnames that resolve, without repeats."""
        out: dict[str, None] = {}
        for value in values:
            out.setdefault(self.canonical(value), None)
        for surname in surnames:
            name = self.resolve(surname)
            if name is not None:
                out.setdefault(name, None)
        return tuple(out)


_INITIALS = re.compile(r"^(?:[a-z]{1,3}|(?:[a-z]\.){1,3})$")


class _Shape(NamedTuple):
    """What the rules read of a folded name."""

    surname_form: bool              # a surname alone ("volcker", "de la fuente")
    words: int                      # how many words
    core: tuple[str, str] | None    # a full name's first and last words of two letters or more
    last: str                       # the last word
    initials: bool                  # initials and a surname ("t rourke", "j.r. ellory")
    may_own: bool                   # a full name that initials may stand for
    surname_keys: tuple[str, ...]   # the surnames that may stand for it


_SURNAME_FORM, _CORE, _LAST, _INITIALS_FIRST, _SURNAME_KEYS = (
    operator.attrgetter(field) for field in ("surname_form", "core", "last", "initials",
                                             "surname_keys"))


#: What :func:`_shape` and :func:`_weak_key` worked out, kept for the next state of the
#: collection (plain dicts: no object of the garbage collector's per entry), emptied
#: before they would hold more than this many names.
_MEMO_LIMIT = 200_000
_SHAPES: dict[str, _Shape] = {}
_WEAK_KEYS: dict[str, tuple[str, bool]] = {}


def _shape(key: str) -> _Shape:
    words = key.split()
    surname_form = is_surname_form(key)
    return _Shape(                                                  # (positional: faster)
        surname_form,
        len(words),
        None if surname_form else _core(key),
        key.rsplit(" ", 1)[-1],
        len(words) == 2 and _INITIALS.match(words[0]) is not None,
        " " in key and bool(words) and not _INITIALS.match(words[0]),
        () if surname_form else tuple(surname_keys(words)))


@functools.cache
def rules_stamp() -> str:
    """Identifies the name rules as they are (the files of ``docsearch/extract/``: their
    names, sizes and modification times): saved per-name work is taken only under the
    same stamp."""
    folder = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted(folder.rglob("*")):
        if "__pycache__" not in path.parts and path.is_file():
            facts = path.stat()
            digest.update(f"{path.relative_to(folder)} {facts.st_size} "
                          f"{facts.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def saved_work(keys: Iterable[str], weak: Iterable[str]) -> list[str]:
    """What this process worked out of these names (folded keys) and weak surnames
    (raw values), as JSON lines for :func:`take_saved_work`."""
    out = [json.dumps(["s", key, *_SHAPES[key]]) for key in keys if key in _SHAPES]
    out += [json.dumps(["w", value, *_WEAK_KEYS[value]]) for value in weak
            if value in _WEAK_KEYS]
    return out


def take_saved_work(lines: Sequence[str]) -> None:
    """Take in the lines of :func:`saved_work` (made under the same :func:`rules_stamp`);
    a line that does not read as one is skipped."""
    try:
        entries = json.loads("[" + ",".join(lines) + "]")
    except ValueError:
        entries = [_entry(line) for line in lines]
    room = _MEMO_LIMIT - len(_SHAPES)
    for entry in entries[:max(room, 0)]:
        if not isinstance(entry, list) or len(entry) < 2 or not isinstance(entry[1], str):
            continue
        with_shape = entry[0] == "s" and len(entry) == 9
        try:
            if with_shape:
                _SHAPES.setdefault(entry[1], _shape_of(entry[2:]))
            elif entry[0] == "w" and len(entry) == 4:
                _WEAK_KEYS.setdefault(entry[1], (str(entry[2]), bool(entry[3])))
        except (TypeError, ValueError):
            continue


def _entry(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _shape_of(saved: list[Any]) -> _Shape:
    surname_form, words, core, last, initials, may_own, keys = saved
    return _Shape(bool(surname_form), int(words),
                  None if core is None else (str(core[0]), str(core[1])), str(last),
                  bool(initials), bool(may_own), tuple(str(k) for k in keys))


def _key(value: str) -> str:
    """:func:`~docsearch.extract.lexicon.fold`, without its cost for plain ASCII (which
    has nothing to decompose): the same key."""
    return value.lower() if value.isascii() else _fold(value)


def _weak_key(value: str) -> tuple[str, bool]:
    """A weak surname's key, and whether that is a surname alone."""
    found = _WEAK_KEYS.get(value)
    if found is None:
        key = _key(" ".join(value.split()))
        found = key, is_surname_form(key)
        if len(_WEAK_KEYS) >= _MEMO_LIMIT:
            _WEAK_KEYS.clear()
        _WEAK_KEYS[value] = found
    return found


def _most_used(forms: list[tuple[int, str]]) -> str:
    return max(forms, key=lambda f: (f[0], _accents(f[1]), f[1]))[1]


def _root(parent: dict[str, str], key: str) -> str:
    while key in parent:
        key = parent[key]
    return key


def _accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)
