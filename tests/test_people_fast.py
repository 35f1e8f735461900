"""The fast people registry and people view against the slow, obvious rules (issue 15).

:class:`docsearch.extract.registry.PeopleRegistry` works out what it can once per name
and then does dict work per collection; :class:`docsearch.search.people.PeopleView`
builds its column from it for each index state. Here both are checked against a plain
reading of the rules (``SlowRegistry``: every step spelt out, nothing cached) and
against counts made article by article, on random collections, and on one collection
changed again and again (adds, updates, deletes) in the same process, so that what
the registry keeps between states can never leak into an answer.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch.extract import registry as registry_module
from docsearch.extract.people import fold, is_surname_form, surname_keys
from docsearch.extract.registry import WEAK_RATIO, PeopleRegistry
from docsearch.search.columns import Column, ValueColumn
from docsearch.search.people import PeopleView

_INITIALS = re.compile(r"^(?:[a-z]{1,3}|(?:[a-z]\.){1,3})$")


class SlowRegistry:
    """The registry's rules, one by one, on every name, every time."""

    def __init__(self, counts, weak=None):
        groups = {}
        for value, count in counts.items():
            groups.setdefault(fold(value), []).append((count, value))
        group_count = {key: sum(c for c, _ in forms) for key, forms in groups.items()}
        name_of = {key: max(forms, key=lambda f: (f[0], sum(ord(c) > 127 for c in f[1]),
                                                  f[1]))[1]
                   for key, forms in groups.items()}
        parent = {key: key for key in groups}
        for key in groups:  # a two-word full name joins its one fuller form
            if is_surname_form(key) or len(key.split()) != 2:
                continue
            core = self._core(key)
            if core is None:
                continue
            same = [k for k in groups if not is_surname_form(k) and self._core(k) == core]
            fuller = [k for k in same if len(k.split()) > 2]
            if len([k for k in same if len(k.split()) == 2]) == 1 and len(fuller) == 1:
                parent[key] = fuller[0]
        for key in groups:  # initials join the one full name with that first initial
            words = key.split()
            if len(words) != 2 or not _INITIALS.match(words[0]):
                continue
            last = key.rsplit(" ", 1)[-1]
            owners = [k for k in groups if k != key and k.rsplit(" ", 1)[-1] == last
                      and " " in k and k[0] == key[0] and not _INITIALS.match(k.split()[0])]
            if len(owners) == 1:
                parent[key] = owners[0]

        def root(key):
            while parent[key] != key:
                key = parent[key]
            return key

        self.root = {key: root(key) for key in groups}
        self.total = Counter()
        for key in groups:
            self.total[self.root[key]] += group_count[key]
        self.display = {}
        for key in groups:
            tree = [k for k in groups if self.root[k] == self.root[key]
                    and (k == self.root[k] or not is_surname_form(k))]
            best = max(tree, key=lambda k: (group_count[k], k))
            self.display[key] = name_of[best]
        self.groups, self.group_count = groups, group_count
        self.weak = Counter()
        for value, count in (weak or {}).items():
            self.weak[fold(" ".join(value.split()))] += count

    @staticmethod
    def _core(key):
        words = [w for w in key.split() if len(w.rstrip(".")) > 1]
        return (words[0], words[-1]) if len(words) >= 2 else None

    def canonical(self, value):
        return self.display.get(fold(value), value)

    def resolve(self, surname):
        value = " ".join(surname.split())
        key = fold(value)
        if not is_surname_form(key):
            return self.display.get(key) if key in self.groups else None
        evidence = sum(self.total[k] for k in self.groups
                       if k == self.root[k] and not is_surname_form(k)
                       and key in surname_keys(k.split()))
        evidence += self.group_count.get(key, 0)  # the surname alone, titled
        if not evidence or self.weak[key] > WEAK_RATIO * evidence:
            return None
        return self.display.get(key, value)


FIRST = ["Paul", "paul", "PAUL", "José", "Jose", "T", "T.", "J.R.", "Tiernan", "James",
         "Jane", "Mr", "de"]
MIDDLE = ["A.", "W.", "Xavier", "la", "de la", "Karim"]
LAST = ["Volcker", "López", "Lopez", "Rourke", "Baker", "Fuente", "Smith-Jones", "Haddad",
        "Jones", "VOLCKER"]

# Names that the rules tie together, so that random collections often hold several.
RELATED = ["T Rourke", "T. Rourke", "Tj Rourke", "Tiernan Rourke", "Tiernan X. Rourke",
           "de Fuente", "de Xavier Fuente", "de la Fuente", "Maria de la Fuente",
           "Paul Volcker", "Paul A. Volcker", "Paul W. Volcker", "Volcker", "VOLCKER",
           "José López", "Jose Lopez", "López", "Smith-Jones", "Ann Smith-Jones", "Jones",
           "Karim Haddad", "Abdel Karim Haddad", "Haddad", "J.R. Ellory", "J. Ellory",
           "Jr Ellory", "John Ellory", "John  Ellory"]

name = st.one_of(
    st.sampled_from(RELATED),
    st.sampled_from(LAST),
    st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST)).map(" ".join),
    st.tuples(st.sampled_from(FIRST), st.sampled_from(MIDDLE), st.sampled_from(LAST))
    .map(" ".join),
    st.tuples(st.sampled_from(MIDDLE), st.sampled_from(LAST)).map(" ".join),
)
counts = st.dictionaries(name, st.integers(1, 40), max_size=25)
weak_counts = st.dictionaries(st.one_of(name, name.map(str.upper), name.map(" {} ".format)),
                              st.integers(1, 200), max_size=12)


def assert_same(fast: PeopleRegistry, slow: SlowRegistry, values, weak) -> None:
    probes = list(values) + [v.upper() for v in values] + ["Nobody Here", "Smith"]
    assert [fast.canonical(v) for v in probes] == [slow.canonical(v) for v in probes]
    assert fast.canonical_all(probes) == [slow.canonical(v) for v in probes]
    asked = list(weak) + list(values) + [v.lower() for v in values] + ["Smith", "  Baker  "]
    assert [fast.resolve(v) for v in asked] == [slow.resolve(v) for v in asked]
    assert fast.resolve_all(asked) == [slow.resolve(v) for v in asked]


@pytest.mark.parametrize("people, weak", [
    ({"de Fuente": 2, "de Xavier Fuente": 1}, {"FUENTE": 2}),     # a surname has no core
    ({"T Rourke": 2, "Paul Rourke": 1}, {}),                      # not Paul's initial
    ({"T Rourke": 2, "T. Rourke": 1, "Tiernan Rourke": 4}, {"ROURKE": 30}),
    ({"Paul Volcker": 1, "Paul  Volcker": 1, "Paul A. Volcker": 3}, {}),
    ({"Paul Volcker": 5, "Paul A. Volcker": 2, "Volcker": 1}, {"VOLCKER": 24}),
    ({"Paul Volcker": 5, "Paul A. Volcker": 2, "Volcker": 1}, {"VOLCKER": 25}),
    ({"Abdel Karim Haddad": 2, "Karim Haddad": 1}, {"Haddad": 1, "Karim Haddad": 1}),
    ({"Jose Lopez": 1, "José López": 1, "JOSE LOPEZ": 1}, {"López": 1, " jose  lopez ": 2}),
])
def test_cases_the_rules_turn_on(people, weak):
    assert_same(PeopleRegistry(people, weak), SlowRegistry(people, weak), people, weak)


@settings(max_examples=300, deadline=None)
@given(people=counts, weak=weak_counts)
def test_the_registry_gives_the_slow_rules_answers(people, weak):
    assert_same(PeopleRegistry(people, weak), SlowRegistry(people, weak), people, weak)


@settings(max_examples=60, deadline=None)
@given(first=counts, steps=st.lists(st.tuples(counts, st.sets(name), weak_counts),
                                    min_size=1, max_size=6))
def test_one_collection_changed_again_and_again(first, steps):
    # Each step adds names and articles, takes some away and changes the headlines:
    # every state is answered as if it were the first.
    people = dict(first)
    for added, removed, weak in steps:
        for value, count in added.items():
            people[value] = people.get(value, 0) + count
        for value in removed:
            people.pop(value, None)
        assert_same(PeopleRegistry(people, weak), SlowRegistry(people, weak), people, weak)


@given(st.text())
def test_the_ascii_key_is_the_folded_key(text):
    assert registry_module._key(text) == fold(text)


def test_answers_stay_the_same_when_the_kept_shapes_are_emptied(monkeypatch):
    monkeypatch.setattr(registry_module, "_MEMO_LIMIT", 3)
    monkeypatch.setattr(registry_module, "_SHAPES", {})
    monkeypatch.setattr(registry_module, "_WEAK_KEYS", {})
    people = {"Paul Volcker": 5, "Paul A. Volcker": 2, "Volcker": 1, "T Rourke": 2,
              "Tiernan Rourke": 1}
    weak = {"VOLCKER": 3, "ROURKE": 1, "Baker": 1, "Smith": 2}
    for _ in range(2):
        assert_same(PeopleRegistry(people, weak), SlowRegistry(people, weak), people, weak)
        assert len(registry_module._WEAK_KEYS) <= 3
        assert len(registry_module._SHAPES) == 5  # one collection: all of its names


def test_the_rules_the_oracle_spells_out():
    # The oracle itself, on the registry's documented cases.
    slow = SlowRegistry({"Paul Volcker": 40, "Volcker": 3, "Jose Lopez": 1, "José López": 2,
                         "Tiernan Rourke": 3, "T Rourke": 2, "Paul A. Volcker": 1})
    assert [slow.canonical(v) for v in ("Volcker", "Jose Lopez", "T Rourke",
                                        "Paul A. Volcker")] == [
        "Volcker", "José López", "Tiernan Rourke", "Paul Volcker"]
    assert slow.resolve("VOLCKER") == "Volcker" and slow.resolve("Smith") is None
    assert SlowRegistry({"Lawson": 1}, {"LAWSON": 4}).resolve("Lawson") is None
    assert SlowRegistry({"Lawson": 1}, {"LAWSON": 3}).resolve("Lawson") == "Lawson"


# ---------------------------------------------------------------- the people view

article = st.tuples(st.lists(name, max_size=3), st.lists(name, max_size=2))


def columns(articles):
    """The person and surname columns of ``articles`` (``None``: a deleted one)."""
    out = []
    for field in (0, 1):
        values = sorted({v for a in articles if a is not None for v in a[field]})
        at = {v: i for i, v in enumerate(values)}
        pairs = sorted({(d, at[v]) for d, a in enumerate(articles) if a is not None
                        for v in a[field]})
        out.append(Column(values, np.array([d for d, _ in pairs], dtype=np.int64),
                          np.array([o for _, o in pairs], dtype=np.int32), len(articles)))
    return out


def slow_view(articles):
    """Each live article's people under the slow registry's names, counted."""
    live = [a for a in articles if a is not None]
    slow = SlowRegistry(Counter(v for a in live for v in set(a[0])),
                        Counter(v for a in live for v in set(a[1])))
    found = {}
    for d, a in enumerate(articles):
        if a is None:
            continue
        people = {slow.canonical(v) for v in a[0]}
        people |= {n for v in a[1] if (n := slow.resolve(v)) is not None}
        found[d] = people
    return found, slow


def check_view(articles):
    person, surname = columns(articles)
    view = PeopleView(person, surname)
    found, slow = slow_view(articles)
    column = view.column
    assert Counter({column.values[i]: int(c) for i, c in enumerate(column.counts(None)) if c}) \
        == Counter(n for people in found.values() for n in people)
    got = {}
    for d, o in zip(column.docs.tolist(), column.ords.tolist(), strict=True):
        got.setdefault(d, set()).add(column.values[o])
    assert got == {d: people for d, people in found.items() if people}
    # Each value's raw terms find exactly its articles.
    for i, value in enumerate(column.values):
        terms = view.terms([i])
        holders = {d for d, a in enumerate(articles) if a is not None
                   and any((f == "person" and t in a[0]) or (f == "surname" and t in a[1])
                           for f, t in terms)}
        assert holders == {d for d, people in found.items() if value in people}
        assert all(view.canonical(f, t) == value for f, t in terms)
    for value in person.values:
        assert view.canonical("person", value) == slow.canonical(value)
    for value in surname.values:
        assert view.canonical("surname", value) == slow.resolve(value)


@settings(max_examples=80, deadline=None)
@given(start=st.lists(article, max_size=12),
       steps=st.lists(st.tuples(st.lists(article, max_size=3),                 # added
                                st.lists(st.tuples(st.integers(0, 30), article),  # updated
                                         max_size=2),
                                st.lists(st.integers(0, 30), max_size=2)),      # deleted
                      max_size=4))
def test_the_view_of_each_state_after_adds_updates_and_deletes(start, steps):
    articles: list = list(start)
    check_view(articles)
    for added, updated, deleted in steps:
        for at, new in updated:  # an update deletes the old document, adds the new one
            if at < len(articles) and articles[at] is not None:
                articles[at] = None
                articles.append(new)
        for at in deleted:
            if at < len(articles):
                articles[at] = None
        articles.extend(added)
        check_view(articles)


def test_a_remote_engines_view_counts_each_name_of_a_person():
    # ValueColumn: counts only; an article naming a person two ways counts twice.
    person = ValueColumn(["Paul A. Volcker", "Paul Volcker", "Volcker"], [2, 3, 1], 10)
    surname = ValueColumn(["Volcker", "Smith"], [4, 5], 10)
    view = PeopleView(person, surname)
    assert isinstance(view.column, ValueColumn)
    assert view.column.values == ["Paul Volcker", "Volcker"]
    assert view.column.counts(None).tolist() == [5, 5]
    assert view.members == {0: [("person", "Paul A. Volcker"), ("person", "Paul Volcker")],
                            1: [("person", "Volcker"), ("surname", "Volcker")]}
    assert view.canonical("surname", "Smith") is None
