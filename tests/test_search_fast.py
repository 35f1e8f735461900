"""The search layer's fast paths against the slow, obvious answers (hypothesis
chooses the inputs): the newest-first rank of each document, which sorts ids only
where dates tie, equals ``np.lexsort`` on (id rank, date); a terms facet's order,
by numpy (:meth:`Column.by_count`), equals ``sorted`` by (count descending, value);
a people view built in a new process from the name rules' work saved beside the
index works out only the new names and answers as one built from nothing."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from docsearch.extract import registry as registry_module
from docsearch.search import people as people_module
from docsearch.search import ranking
from docsearch.search.columns import Column
from docsearch.search.facets import TermsFacet
from docsearch.search.people import PeopleView
from tests.test_people_fast import article, columns

#: A few dates, so that ties are common; 0 is no date.
DATES = st.sampled_from([0, 0, 5, 7, 7, 9, 10**12, 10**12 + 1])
#: Ids that may repeat (a deleted document keeps its number and its id in Whoosh).
IDS = st.sampled_from(["a", "b", "b2", "c", "reuters-10", "reuters-9", "ž", "Z", ""])


def slow_rank(dates: list[int], ids: list[str]) -> list[int]:
    """Each document's place newest first, ties by id, then by document number."""
    size = len(ids)
    id_rank = np.empty(size, dtype=np.int64)
    id_rank[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(size)
    order = np.lexsort((id_rank, -np.array(dates, dtype=np.int64)))
    rank = np.empty(size, dtype=np.int64)
    rank[order] = np.arange(size)
    return rank.tolist()


@given(st.lists(st.tuples(DATES, IDS), max_size=60))
def test_the_newest_first_rank_equals_a_lexsort_on_dates_and_ids(docs):
    dates, ids = [d for d, _ in docs], [i for _, i in docs]
    got = ranking.date_rank(np.array(dates, dtype=np.int64), ids)
    assert got.tolist() == slow_rank(dates, ids)


def slow_values(column: Column, counts: np.ndarray, selected: set[int],
                limit: int | None) -> list[tuple[str, int, bool]]:
    """Most frequent first, ties by value; the top ``limit`` and every selected value."""
    order = sorted(np.flatnonzero(counts).tolist(),
                   key=lambda i: (-int(counts[i]), column.values[i]))
    if limit is not None:
        shown = order[:limit]
        shown += [i for i in sorted(selected, key=lambda i: column.values[i])
                  if i not in shown]
    else:
        shown = order + [i for i in sorted(selected) if i not in order]
    return [(column.values[i], int(counts[i]), i in selected) for i in shown]


VALUES = st.lists(st.text(alphabet="abAZ éž-", max_size=4), unique=True, max_size=30)


@given(VALUES, st.booleans(), st.data(), st.none() | st.integers(1, 6))
def test_a_terms_facet_orders_its_values_as_sorted_would(values, in_order, data, limit):
    values = sorted(values) if in_order else values  # columns hold them sorted
    counts = np.array(data.draw(st.lists(st.integers(0, 4), min_size=len(values),
                                         max_size=len(values))), dtype=np.int64)
    selected = set(data.draw(st.sets(st.integers(0, len(values) - 1))) if values else ())
    column = Column(values, np.zeros(0, np.int64), np.zeros(0, np.int32), 0)
    assert column.by_count(counts).tolist() == [
        column.lookup[v] for v, _, _ in slow_values(column, counts, set(), None)]
    got = TermsFacet("topic", "topic").values(column, counts, selected, limit, 0)
    assert [(v.value, v.count, v.selected) for v in got] == slow_values(
        column, counts, selected, limit)


# ------------------------------------------ the name rules' work saved beside an index

def fresh_process():
    """As in a new process: nothing worked out, no saved file read."""
    return None, [mock.patch.dict(registry_module._SHAPES, clear=True),
                  mock.patch.dict(registry_module._WEAK_KEYS, clear=True),
                  mock.patch.object(people_module, "_READ", set())]


def answers(view: PeopleView, person: Column, surname: Column):
    column = view.column
    return (column.values, column.counts(None).tolist(), column.docs.tolist(),
            [view.canonical("person", v) for v in person.values],
            [view.canonical("surname", v) for v in surname.values])


@settings(max_examples=40, deadline=None)
@given(start=st.lists(article, max_size=10), added=st.lists(article, min_size=1, max_size=3),
       damaged=st.booleans())
def test_a_new_process_works_out_only_the_names_a_new_state_brings(start, added, damaged):
    with tempfile.TemporaryDirectory() as folder:
        before, after = columns(start), columns(start + added)
        with contextlib.ExitStack() as stack:  # the process that saved the first state
            for patch in fresh_process()[1]:
                stack.enter_context(patch)
            PeopleView(*before, Path(folder) / ".facets-people-1.json")
        if damaged:
            with (Path(folder) / people_module.NAMES_FILE).open("a") as out:
                out.write('["s", "half a li\n')
        with contextlib.ExitStack() as stack:  # a new process, after the write
            for patch in fresh_process()[1]:
                stack.enter_context(patch)
            shaped = []
            original = registry_module._shape
            stack.enter_context(mock.patch.object(
                registry_module, "_shape", lambda key: shaped.append(key) or original(key)))
            view = PeopleView(*after, Path(folder) / ".facets-people-2.json")
            known = {registry_module._key(v) for v in before[0].values}
            assert sorted(shaped) == sorted({registry_module._key(v) for v in after[0].values}
                                            - known)
            got = answers(view, *after)
        with contextlib.ExitStack() as stack:  # the slow answer: nothing saved, nothing known
            for patch in fresh_process()[1]:
                stack.enter_context(patch)
            assert got == answers(PeopleView(*after), *after)


def test_work_saved_under_other_rules_is_not_taken(tmp_path, monkeypatch):
    person, surname = columns([(["Paul Volcker", "Volcker"], ["VOLCKER"])])
    monkeypatch.setattr(registry_module, "_SHAPES", {})
    monkeypatch.setattr(people_module, "_READ", set())
    PeopleView(person, surname, tmp_path / ".facets-people-1.json")
    saved = (tmp_path / people_module.NAMES_FILE).read_text().splitlines()
    assert saved[0] == registry_module.rules_stamp() and len(saved) == 1 + 2 + 1
    monkeypatch.setattr(registry_module, "_SHAPES", {})
    monkeypatch.setattr(people_module, "_READ", set())
    monkeypatch.setattr(registry_module, "rules_stamp", lambda: "other rules")
    PeopleView(person, surname, tmp_path / ".facets-people-2.json")
    assert sorted(registry_module._SHAPES) == ["paul volcker", "volcker"]  # worked out again
    assert (tmp_path / people_module.NAMES_FILE).read_text().splitlines()[0] == "other rules"
