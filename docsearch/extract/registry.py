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
extraction benchmark one per corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from docsearch.extract.people import fold as _fold
from docsearch.extract.people import is_surname_form, surname_keys

__all__ = ["DOMINANT", "WEAK_RATIO", "PeopleRegistry", "dominant"]

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
        # 1. One group per folded spelling, named by its most used form.
        spellings: dict[str, list[tuple[int, str]]] = {}
        for value, count in counts.items():
            spellings.setdefault(_fold(value), []).append((count, value))
        group_count = {key: sum(c for c, _ in forms) for key, forms in spellings.items()}
        name_of = {key: max(forms, key=lambda f: (f[0], _accents(f[1]), f[1]))[1]
                   for key, forms in spellings.items()}
        parent = {key: key for key in spellings}

        # 2. A full name joins its one fuller form ("paul volcker" -> "paul a. volcker").
        by_core: dict[tuple[str, str], list[str]] = {}
        for key in spellings:
            core = _core(key)
            if core is not None and not is_surname_form(key):
                by_core.setdefault(core, []).append(key)
        for keys in by_core.values():
            plain = [k for k in keys if len(k.split()) == 2]
            fuller = [k for k in keys if len(k.split()) > 2]
            if len(plain) == 1 and len(fuller) == 1:
                parent[plain[0]] = fuller[0]
        # "t rourke" -> "tiernan rourke": the one full name with that first initial.
        by_last: dict[str, list[str]] = {}
        for key in spellings:
            by_last.setdefault(key.rsplit(" ", 1)[-1], []).append(key)
        for key in spellings:
            owner = _initial_owner(key, by_last.get(key.rsplit(" ", 1)[-1], ()))
            if owner is not None:
                parent[key] = owner
        roots = {key: _root(parent, key) for key in spellings}
        totals: dict[str, int] = {}
        for key, root in roots.items():
            totals[root] = totals.get(root, 0) + group_count[key]

        # 3. Surnames: which full names each may stand for.
        self._surnames: dict[str, list[str]] = {}
        for key, root in roots.items():
            if key != root or is_surname_form(key):
                continue
            for surname in surname_keys(key.split()):
                self._surnames.setdefault(surname, []).append(root)
        self._totals = totals
        self._weak: dict[str, int] = {}
        for value, count in (weak or {}).items():
            key = _fold(" ".join(value.split()))
            self._weak[key] = self._weak.get(key, 0) + count
        self._plain = {key for key in spellings if is_surname_form(key)}
        self._full = {key for key in spellings if not is_surname_form(key)}
        self._plain_count = {key: group_count[key] for key in self._plain}
        # Each person is named by the most used full spelling in its group.
        best: dict[str, str] = {}
        for key, root in roots.items():
            if is_surname_form(key) and key != root:
                continue
            held = best.get(root)
            if held is None or (group_count[key], key) > (group_count[held], held):
                best[root] = key
        self._display = {key: name_of[best.get(root, root)] for key, root in roots.items()}

    def canonical(self, value: str) -> str:
        """The collection's name for a person value it holds (else the value)."""
        return self._display.get(_fold(value), value)

    def resolve(self, surname: str) -> str | None:
        """The person a weak surname is: the surname alone, when the collection knows
        someone of that surname (else ``None``). A weak full name stands for itself
        when the collection knows it."""
        value = " ".join(surname.split())
        key = _fold(value)
        if not is_surname_form(key):
            # A weak full name ("IVAN BOESKY" in a headline): only a name already known.
            return self._display.get(key) if key in self._full else None
        owners = self._surnames.get(key, [])
        evidence = sum(self._totals[o] for o in owners) + self._plain_count.get(key, 0)
        if not evidence or self._weak.get(key, 0) > WEAK_RATIO * evidence:
            return None
        return self._display.get(key, value)

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


def _initial_owner(key: str, same_surname: Iterable[str]) -> str | None:
    """For initials and a surname ("t rourke", "j.r. ellory"), the one full name among
    ``same_surname`` whose first name starts with the first initial."""
    words = key.split()
    if len(words) != 2 or not _INITIALS.match(words[0]):
        return None
    owners = [other for other in same_surname
              if other != key and " " in other and other[0] == key[0]
              and not _INITIALS.match(other.split()[0])]
    return owners[0] if len(owners) == 1 else None


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)
