"""The numpy facet path against the slow, obvious way: filter articles in Python, count."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docsearch
from docsearch import Article

FIELDS = {"person": "people", "topic": "topics", "source": "source", "author": "authors"}


def _values(article, field):
    value = getattr(article, FIELDS[field])
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else value


def slow_facets(articles, selections, since=None, until=None, granularity="year"):
    """Facet counts computed article by article (OR within a facet, AND across facets,
    each facet ignoring its own selection)."""
    def in_range(a):
        if since is None and until is None:
            return True
        if a.published is None:
            return False
        day = dt.date(a.published.year, a.published.month, a.published.day)
        return (since is None or day >= since) and (until is None or day <= until)

    def passes(a, skip=None):
        return in_range(a) and all(
            set(_values(a, f)) & set(wanted)
            for f, wanted in selections.items() if wanted and f != skip)

    out = {}
    for field in FIELDS:
        out[field] = Counter(v for a in articles if passes(a, field) for v in _values(a, field))
    width = {"year": 4, "month": 7, "day": 10}[granularity]
    dates = Counter(a.published.isoformat()[:width] if a.published else None
                    for a in articles if passes(a))
    out["date"] = dates
    total = sum(1 for a in articles if passes(a))
    return total, out


def fast_facets(ix, selections, since=None, until=None, granularity="year"):
    results = ix.search(people=selections.get("person", ()), topics=selections.get("topic", ()),
                        sources=selections.get("source", ()),
                        authors=selections.get("author", ()), since=since, until=until,
                        facets=["person", "topic", "source", "author", "date"],
                        facet_limit=None, date_facet=granularity)
    return results.total, {name: Counter({v.value: v.count for v in values})
                           for name, values in results.facets.items()}


def test_every_single_and_paired_person_selection_on_sample_docs(sample_index):
    articles = list(sample_index)
    people = sorted({p for a in articles for p in a.people})
    for chosen in itertools.chain(([p] for p in people),
                                  itertools.combinations(people[:12], 2)):
        selections = {"person": list(chosen)}
        assert fast_facets(sample_index, selections) == slow_facets(articles, selections)


def test_selections_across_every_facet_on_sample_docs(sample_index):
    articles = list(sample_index)
    topics = sorted({t for a in articles for t in a.topics})
    sources = sorted({a.source for a in articles if a.source})
    for topic, source in itertools.product(topics[:6], sources[:5]):
        selections = {"topic": [topic], "source": [source], "person": ["Marcus Oduya-Bell"]}
        for granularity in ("year", "month"):
            assert fast_facets(sample_index, selections, granularity=granularity) == \
                slow_facets(articles, selections, granularity=granularity)
    since, until = dt.date(2020, 1, 1), dt.date(2022, 6, 30)
    selections = {"source": sources[:3]}
    assert fast_facets(sample_index, selections, since, until, "day") == \
        slow_facets(articles, selections, since, until, "day")


NAMES = ["Ada Quill", "Bo Renn", "Cy Sauer", "Di Tamm", "Ed Ulm"]
article_strategy = st.builds(
    lambda n, people, topics, source, day: Article(
        id=f"doc{n}", title=f"Story {n}", body=f"Story number {n} about things.",
        people=people, topics=topics or ["politics"], source=source,
        published=day),
    st.integers(0, 40),
    st.lists(st.sampled_from(NAMES), max_size=3, unique=True),
    st.lists(st.sampled_from(["sport", "health", "labour"]), max_size=2, unique=True),
    st.one_of(st.none(), st.sampled_from(["Alpha", "Beta", "Gamma"])),
    st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(2024, 12, 31))),
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=st.lists(st.lists(article_strategy, min_size=1, max_size=8), min_size=1,
                        max_size=4),
       deletions=st.lists(st.integers(0, 40), max_size=5),
       chosen=st.lists(st.sampled_from(NAMES), max_size=2, unique=True),
       source=st.lists(st.sampled_from(["Alpha", "Beta", "Gamma"]), max_size=1))
def test_random_indexes_with_updates_and_deletes(tmp_path_factory, batches, deletions, chosen,
                                                 source):
    ix = docsearch.open(tmp_path_factory.mktemp("ix") / "index", create=True)
    try:
        for batch in batches:  # each batch is its own commit and segment; ids repeat
            ix.add(batch, extract=False)
        ix.delete([f"doc{n}" for n in deletions])
        articles = list(ix)
        selections = {"person": chosen, "source": source}
        assert fast_facets(ix, selections) == slow_facets(articles, selections)
        assert fast_facets(ix, selections, granularity="day") == \
            slow_facets(articles, selections, granularity="day")
    finally:
        ix.close()
