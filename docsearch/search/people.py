"""The person column under one name per person for the whole index.

The index stores what each article says: its people (``person``) and its weak
surnames (``surname``). :class:`PeopleView` joins them through a
:class:`~docsearch.extract.registry.PeopleRegistry` built from the person values'
article counts, so that "Volcker" in one article and "Paul Volcker" in another are
one facet value, one filter and one name in every hit. It is rebuilt whenever the
index changes (it costs one pass over the distinct names, not over the articles);
the names it gives are saved beside the index for that state of the index
(``.facets-people-*.json``), so the next process reads them; a bulk load works
them out and saves them as it ends (:func:`docsearch.search.people_view`, called
by :func:`docsearch.sync.tidy`), so the first query after a build reads them too.
What the name rules
worked out of each name (:func:`~docsearch.extract.registry.saved_work`) is saved
beside them too (``.facets-names.jsonl``, one line a name, appended as new names
come), so that a process building the view of a new state works out only the
names it brings.
"""

from __future__ import annotations

import contextlib
import gc
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from docsearch.files import atomic_write
from docsearch.search.columns import CACHE_PREFIX, Column, ValueColumn, distinct

if TYPE_CHECKING:
    from docsearch.extract.registry import PeopleRegistry

__all__ = ["NAMES_FILE", "PeopleView"]

#: The file beside an index that holds the name rules' per-name work.
NAMES_FILE = f"{CACHE_PREFIX}names.jsonl"


class PeopleView:
    """The canonical person column and the raw terms behind each of its values."""

    def __init__(self, person: Column, surname: Column, cache: Path | None = None) -> None:
        # Thousands of small objects are made here and few are garbage: a full
        # collection of a large index's process in the middle (~40 ms on Reuters)
        # would find nothing to free, so the collector waits until the view is built.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(person, surname, cache)
        finally:
            if collecting:
                gc.enable()

    def _build(self, person: Column, surname: Column, cache: Path | None) -> None:
        person_counts = person.counts(None)
        weak_counts = surname.counts(None)
        self._counts = (
            {v: c for v, c in zip(person.values, person_counts.tolist(), strict=True) if c},
            {v: c for v, c in zip(surname.values, weak_counts.tolist(), strict=True) if c})
        self._registry: PeopleRegistry | None = None
        self._work = cache.with_name(NAMES_FILE) if cache else None
        found = _load(cache, len(person.values), len(surname.values)) if cache else None
        if found is None:
            names = self.registry.canonical_all(person.values)
            resolved = self.registry.resolve_all(surname.values)
            if cache is not None and self._work is not None:
                _save(cache, names, resolved)
                _save_work(self._work, self.registry)
        else:
            names, resolved = found
        self._names = dict(zip(person.values, names, strict=True))
        self._resolved = dict(zip(surname.values, resolved, strict=True))
        people = person_counts.tolist()
        weak = weak_counts.tolist()
        # The names in the order of the (sorted) raw values they stand for: nearly
        # sorted already, so that sorting them is about one pass (a set's order needs
        # a whole sort: 0.8 against 0.1 ms for Reuters-21578's 5,800 names).
        shown = dict.fromkeys(n for n, c in zip(names, people, strict=True) if c)
        shown.update(dict.fromkeys(n for n, c in zip(resolved, weak, strict=True)
                                   if c and n is not None))
        values = sorted(shown)
        index = {v: i for i, v in enumerate(values)}
        get = index.get
        person_map = np.array([get(n, -1) for n in names], dtype=np.int64)
        surname_map = np.array([get(n, -1) if n is not None else -1 for n in resolved],
                               dtype=np.int64)
        self._raw = (person.values, person_map, surname.values, surname_map)
        self._members: dict[int, list[tuple[str, str]]] | None = None

        if isinstance(person, ValueColumn):  # a remote engine's: counts, not documents
            totals = np.zeros(len(values), dtype=np.int64)
            for mapping, counts in ((person_map, person_counts), (surname_map, weak_counts)):
                known = mapping >= 0
                np.add.at(totals, mapping[known], np.asarray(counts)[known])
            # An article naming a person two ways counts twice here: an upper bound
            # (the search layer asks the engine for exact counts where it matters).
            self.column: Column = ValueColumn(values, totals, person.size)
            return
        docs = np.concatenate([person.docs, surname.docs])
        ords = np.concatenate([person_map[person.ords] if len(person.ords) else person.ords,
                               surname_map[surname.ords] if len(surname.ords) else surname.ords])
        keep = ords >= 0
        docs, ords = docs[keep], ords[keep]
        # An article counts once per person, however many of its names lead there.
        pairs = distinct(docs * max(len(values), 1) + ords)
        width = max(len(values), 1)
        self.column = Column(values, (pairs // width).astype(np.int64),
                             (pairs % width).astype(np.int32), person.size)

    def canonical(self, field: str, raw: str) -> str | None:
        """The index's name for a raw ``person`` or ``surname`` term (``None``: a
        surname that stands for nobody)."""
        if field == "person":
            name = self._names.get(raw)
            return name if name is not None else self.registry.canonical(raw)
        return self._resolved[raw] if raw in self._resolved else self.registry.resolve(raw)

    @property
    def members(self) -> dict[int, list[tuple[str, str]]]:
        """The (field, raw term) pairs under each value of :attr:`column` (by ordinal;
        built when first needed: a facet count does not need them)."""
        if self._members is None:
            members: dict[int, list[tuple[str, str]]] = {}
            people, person_map, surnames, surname_map = self._raw
            for raw, target in zip(people, person_map.tolist(), strict=True):
                if target >= 0:
                    members.setdefault(target, []).append(("person", raw))
            for raw, target in zip(surnames, surname_map.tolist(), strict=True):
                if target >= 0:
                    members.setdefault(target, []).append(("surname", raw))
            self._members = members
        return self._members

    def terms(self, ordinals: Sequence[int]) -> list[tuple[str, str]]:
        """The (field, term) pairs that find the articles of these people."""
        return [pair for i in ordinals for pair in self.members.get(i, ())]

    @property
    def registry(self) -> PeopleRegistry:
        """The registry of the index's people (built, and the name rules imported, when
        first needed: not for an index state whose names were saved)."""
        if self._registry is None:
            from docsearch.extract.registry import PeopleRegistry

            if self._work is not None:
                _read_work(self._work)
            self._registry = PeopleRegistry(*self._counts)
        return self._registry

    def people_of(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        """An article's people (from its stored data) under the index's names."""
        out: dict[str, None] = {}
        for value in data.get("people", ()):
            name = self._names.get(value)
            out.setdefault(name if name is not None else self.registry.canonical(value), None)
        for value in data.get("surnames", ()):
            name = self._resolved[value] if value in self._resolved \
                else self.registry.resolve(value)
            if name is not None:
                out.setdefault(name, None)
        return tuple(out)


def _load(path: Path, people: int, surnames: int) -> tuple[list[str], list[str | None]] | None:
    """Names worked out by an earlier process for this very index state, or ``None``."""
    try:
        data = json.loads(path.read_text("utf-8"))
        names, resolved = data["names"], data["resolved"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if len(names) != people or len(resolved) != surnames:
        return None
    return names, resolved


#: The per-name files this process has read (or written): each is read once.
_READ: set[Path] = set()


def _read_work(path: Path) -> None:
    """Take in the per-name work saved in ``path`` (once per process; nothing when it
    was saved under other rules)."""
    if path in _READ:
        return
    _READ.add(path)
    from docsearch.extract.registry import rules_stamp, take_saved_work

    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, ValueError):
        return
    if lines and lines[0] == rules_stamp():
        take_saved_work(lines[1:])


def _save_work(path: Path, registry: PeopleRegistry) -> None:
    """Add the names ``registry`` worked out to ``path`` (the whole of its names into
    a new file, or one made under other rules)."""
    from docsearch.extract.registry import rules_stamp, saved_work

    stamp = rules_stamp()
    with contextlib.suppress(OSError), path.open("r", encoding="utf-8") as saved:
        if saved.readline().rstrip("\n") == stamp:  # read in: add what it lacked
            if registry.new_keys or registry.new_weak:
                lines = saved_work(registry.new_keys, registry.new_weak)
                with path.open("a", encoding="utf-8") as out:
                    out.write("".join(line + "\n" for line in lines))
            return
    with contextlib.suppress(OSError), atomic_write(path) as out:
        out.write("".join(line + "\n" for line in
                          [stamp, *saved_work(registry.keys, registry.weak_values)]))
    _READ.add(path)


def _save(path: Path, names: list[str], resolved: list[str | None]) -> None:
    with contextlib.suppress(OSError), atomic_write(path) as out:
        out.write(json.dumps({"names": names, "resolved": resolved}))
