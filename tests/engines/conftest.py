"""The engine conformance suite's fixtures: every test here runs once per engine.

``engine`` is parametrised over every engine of the registry
(:mod:`docsearch.engines`) that is available, installed and kept in a folder;
the indexes below are made with it through the public API only
(``docsearch.open(..., engine=...)``), so a test passing for every engine shows
that engine gives docsearch's answers. An engine that cannot pass a test marks
it for itself with :func:`cannot`, saying why.

pytest imports every ``conftest.py`` as the module ``conftest``, this one after
``tests/conftest.py``; the tests beside that one import its constants by that
name, so they are all here too (read from that file, not copied).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import docsearch
from docsearch import Article
from docsearch.engines import available_engines


def _shared_conftest():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "docsearch_tests_conftest", Path(__file__).resolve().parent.parent / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_shared = _shared_conftest()
REPO, SAMPLE_DOCS, DATA, SHARED, REUTERS = (_shared.REPO, _shared.SAMPLE_DOCS, _shared.DATA,
                                            _shared.SHARED, _shared.REUTERS)
REAL_ARTICLE, REAL_ID, load_json = _shared.REAL_ARTICLE, _shared.REAL_ID, _shared.load_json

#: The SolrCloud test cluster (``scripts/solrcloud up`` prints it; ``.ci/run`` sets it).
SOLR_URL = os.environ.get("DOCSEARCH_SOLR_URL", "").rstrip("/")

#: The engines the suite runs against: every local engine this docsearch has and
#: can use (``memory`` is the test engine), and Solr when a test cluster is given.
ENGINES = [e.name for e in available_engines()
           if e.implemented and e.installed and (not e.remote or (e.name == "solr" and SOLR_URL))]
#: Every Solr index the suite made (deleted from the cluster at the end).
SOLR_MADE: list[str] = []
#: The names of the suite's Solr indexes start with it (the suite deletes every one
#: it finds at the end, also those made through a second copy of this module).
SOLR_PREFIX = "conformance"


def location(path: Path, engine: str) -> str | Path:
    """Where an index of ``engine`` for the test folder ``path`` lives: the folder
    itself, or for Solr a collection of the test cluster named after it."""
    if engine != "solr":
        return path
    name = SOLR_PREFIX + hashlib.sha1(str(path).encode()).hexdigest()[:12]
    where = SOLR_URL.replace("http://", "solr://", 1) + "/" + name
    SOLR_MADE.append(where)
    return where


#: Per engine, the tests it cannot pass: ``{engine: {test name: why}}`` (see :func:`cannot`).
CANNOT: dict[str, dict[str, str]] = {
    "solr": {"test_a_word_scores_with_lucenes_idf":
             "Solr scores with Lucene's BM25, whose term part has no (k1 + 1) factor and whose "
             "lengths are stored in one byte: the same hits, other scores"},
}


def cannot(engine: str, reason: str) -> pytest.MarkDecorator:
    """Mark a test as one ``engine`` fails, for the ``reason`` given (strict: it
    must fail, so the mark goes when the engine learns it)."""
    return pytest.mark.xfail(strict=True, reason=f"{engine}: {reason}")


def open_new(path: Path, engine: str) -> docsearch.Index:
    """A new, empty index at ``path`` (for Solr: named after it) made with ``engine``."""
    return docsearch.open(location(path, engine), create=True, engine=engine)


@pytest.fixture(scope="session", autouse=True)
def _delete_solr_indexes() -> Iterator[None]:
    """Delete the Solr indexes the suite made, once it has run."""
    yield
    if not SOLR_URL or "solr" not in ENGINES:
        return
    from docsearch.engines.solr.client import SolrClient, parse_location
    from docsearch.engines.solr.store import SolrStore

    base = SOLR_URL.replace("http://", "solr://", 1)
    client = SolrClient(parse_location(f"{base}/{SOLR_PREFIX}"))
    try:
        names = [c.removesuffix("__docsearch") for c in client.collections()
                 if c.startswith(SOLR_PREFIX) and c.endswith("__docsearch")]
    finally:
        client.close()
    for name in dict.fromkeys([*names, *(w.rsplit("/", 1)[-1] for w in SOLR_MADE)]):
        try:
            store = SolrStore.open(f"{base}/{name}")
        except docsearch.DocsearchError:
            continue
        store.delete_everything()
        store.close()


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The name of the engine under test."""
    return str(request.param)


@pytest.fixture(autouse=True)
def _engine_cannot(request: pytest.FixtureRequest) -> None:
    """Apply :data:`CANNOT`: the tests the engine under test is known to fail."""
    callspec = getattr(request.node, "callspec", None)
    name = callspec.params.get("engine") if callspec is not None else None
    why = CANNOT.get(name, {}).get(request.node.originalname) if name else None
    if why:
        request.applymarker(cannot(name, why))


@pytest.fixture(scope="session")
def sample(engine: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[docsearch.Index]:
    """An index of sample_docs/ made with ``engine``, by one sync; tests must not
    write to it."""
    ix = open_new(tmp_path_factory.mktemp(f"sample-{engine}") / "index", engine)
    report = ix.sync([SAMPLE_DOCS])
    assert (report.added, report.failed) == (35, ())
    yield ix
    ix.close()


@pytest.fixture
def fresh(engine: str, tmp_path: Path) -> Iterator[docsearch.Index]:
    """A new, empty index made with ``engine``, for one test."""
    ix = open_new(tmp_path / "index", engine)
    yield ix
    ix.close()


def harbour_articles() -> list[Article]:
    """Eight made-up articles: two share a day (ties by id), one has no date, and
    their people, topics, sources and authors are known exactly."""
    def article(n: str, title: str, body: str, day: dt.date | None, *, people: tuple = (),
                topics: tuple = ("politics",), source: str | None = "Gull Post",
                authors: tuple = ()) -> Article:
        return Article(id=f"art-{n}", title=title, body=body, published=day, people=people,
                       topics=topics, source=source, authors=authors)

    return [
        article("a", "Ferry timetable cut", "The Quillan ferry will sail twice a day from "
                "March, the harbour board said.", dt.date(2022, 3, 1),
                people=("Orla Fenwick",), topics=("transport",)),
        article("b", "Harbour board elects chair", "Orla Fenwick was elected chair of the "
                "harbour board on a split vote.", dt.date(2022, 3, 1),
                people=("Orla Fenwick", "Tobias Wren"), authors=("Ines Marr",)),
        article("c", "Lighthouse sold", "The old lighthouse at Quillan Point was sold at "
                "auction to a diving club.", dt.date(2021, 11, 20), topics=("economy",),
                source="Cape Herald"),
        article("d", "Diving club opens school", "The diving club that bought the "
                "lighthouse opens a school for young divers.", dt.date(2023, 6, 5),
                topics=("sport", "education"), source="Cape Herald", authors=("Ines Marr",)),
        article("e", "Ferry strike called off", "Ferry crews called off the strike after "
                "the harbour board raised night pay.", dt.date(2023, 6, 5),
                people=("Tobias Wren",), topics=("transport", "labour")),
        article("f", "Gull numbers fall", "Counts of herring gulls on the harbour wall fell "
                "for a third year.", dt.date(2020, 1, 15), topics=("environment",),
                source=None),
        article("g", "Undated notice", "A notice about the ferry ramp repairs, with no "
                "date printed.", None, topics=("transport",)),
        article("h", "Night market returns", "The night market on the quay returns for "
                "the summer with forty stalls.", dt.date(2023, 6, 5),
                people=("Orla Fenwick",), topics=("economy",), source="Cape Herald"),
    ]


@pytest.fixture
def harbour(fresh: docsearch.Index) -> docsearch.Index:
    """``fresh`` holding :func:`harbour_articles` (added as they are, no extraction)."""
    assert fresh.add(harbour_articles(), extract=False) == 8
    return fresh
