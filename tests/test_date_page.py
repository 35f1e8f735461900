"""A page of the newest articles found without ranking every document
(:func:`docsearch.search.ranking.newest_first`) against the slow answer: every
document ranked newest first, ties by id, then by number (hypothesis chooses the
dates, ids, the documents matched and the page), also where more documents share
the page's last date than are sorted (then the documents are ranked)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from docsearch.search import ranking

DATES = st.sampled_from([0, 0, 1, 2, 3, 7, 7, 19_000, 19_001])
IDS = st.sampled_from(["a", "b", "b2", "c", "reuters-10", "reuters-9", "ž", "Z", ""])


class Dated:
    """The little of a snapshot a date order reads."""

    def __init__(self, dates: list[int], ids: list[str]) -> None:
        self.key, self._dates, self._ids = "state", np.array(dates, dtype=np.int64), ids

    def dates(self) -> np.ndarray:
        return self._dates

    def ids(self) -> list[str]:
        return self._ids


def slow_page(dates, ids, final, start, stop) -> list[int]:  # type: ignore[no-untyped-def]
    docs = [d for d in range(len(ids)) if final[d]]
    return sorted(docs, key=lambda d: (-dates[d], ids[d], d))[start:stop]


@pytest.mark.parametrize("ties_sorted", [ranking.TIES_SORTED, 2])
@given(docs=st.lists(st.tuples(DATES, IDS, st.booleans()), max_size=60),
       start=st.integers(0, 12), length=st.integers(0, 12))
def test_a_page_newest_first_equals_the_documents_ranked(ties_sorted, docs, start, length):
    dates, ids = [d for d, _, _ in docs], [i for _, i, _ in docs]
    final = np.array([m for _, _, m in docs], dtype=bool)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ranking, "TIES_SORTED", ties_sorted)
        got = ranking.DateOrder().page(Dated(dates, ids), final, start, start + length)
    assert [d for _, d in got] == slow_page(dates, ids, final, start, start + length)
