"""One name per person across a whole collection.

Extraction works article by article: inside one article "Volcker" joins "Paul
Volcker". Across articles the collection knows more, and :class:`PeopleRegistry`
uses it, given every person value of the collection with its number of articles:

- values that differ only in case or diacritics are one person ("Jose Lopez",
  "José López"), named by the form most articles use;
- a full name without a middle part joins the one fuller form with the same first
  and last names ("Paul Volcker" and "Paul A. Volcker");
- a surname alone ("Volcker", "de la Fuente") is the one full name the collection
  knows with that surname. When several share it, it is the one that holds at least
  ``DOMINANT`` of their articles, if any (:func:`dominant`, the rule a typed surname
  filter follows too); else the surname stays as it is (a titled surname) or is
  dropped (a weak one: :attr:`FoundPeople.surnames`). A weak surname with no full
  name at all is the titled surname of the same spelling, if the collection has one
  ("Subroto" in a headline, "Minister Subroto" elsewhere). A weak surname found in
  more than ``WEAK_RATIO`` times as many articles as its person is taken for a word,
  not that person.

Plain Python with no index in it: the search layer builds one per index state, the
extraction benchmark one per corpus.
"""

from __future__ import annotations

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
    ('Paul Volcker', 'José López')
    >>> reg.resolve("VOLCKER"), reg.resolve("Smith") is None
    ('Paul Volcker', True)
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
        for key in spellings:
            if is_surname_form(key):
                target = self._surname_root(key)
                if target is not None:
                    roots[key] = target
        # Each person is named by the most used full spelling in its group.
        best: dict[str, str] = {}
        for key, root in roots.items():
            if is_surname_form(key) and key != root:
                continue
            held = best.get(root)
            if held is None or (group_count[key], key) > (group_count[held], held):
                best[root] = key
        self._display = {key: name_of[best.get(root, root)] for key, root in roots.items()}

    def _surname_root(self, key: str) -> str | None:
        return dominant({owner: self._totals[owner] for owner in self._surnames.get(key, ())})

    def canonical(self, value: str) -> str:
        """The collection's name for a person value it holds (else the value)."""
        return self._display.get(_fold(value), value)

    def resolve(self, surname: str) -> str | None:
        """The full name a bare surname stands for, or ``None`` when it is unknown or
        shared without one dominant owner. A weak full name stands for itself when the
        collection knows it."""
        key = _fold(" ".join(surname.split()))
        if not is_surname_form(key):
            # A weak full name ("IVAN BOESKY" in a headline): only a name already known.
            return self._display.get(key) if key in self._full else None
        root = self._surname_root(key)
        if root is None and key in self._plain and not self._surnames.get(key):
            root = key  # no full name, but "Minister Subroto" elsewhere: the same person
        if root is None:
            return None
        evidence = self._totals.get(root, 0) + (self._plain_count.get(key, 0) if root != key else 0)
        if self._weak.get(key, 0) > WEAK_RATIO * evidence:
            return None
        return self._display[root]

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


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        key = parent[key]
    return key


def _accents(text: str) -> int:
    return sum(1 for c in text if ord(c) > 127)
