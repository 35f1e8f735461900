"""One committed state of a Solr collection as a :class:`~docsearch.engines.base.Snapshot`.

Solr matches, scores and counts on the cluster; this class answers the search
layer's questions with as few requests as it can. Searches with facets go
through :meth:`SolrSnapshot.facet_search` (filters as tagged ``fq``, facets by
the JSON Facet API with ``excludeTags``: nothing per document comes back but the
page). The rest of the protocol (document numbers, masks, keyword columns) is
there for what needs whole-index answers (the people registry, spelling, sync's
look-ups, export): document numbers are the positions of the live ids in id
order, read once per state by a cursor over the collection, and a column is read
the same way, only when first asked for.

The state's key is the token the last writer left in the index's meta
collection (:mod:`docsearch.engines.solr.backend`), so every per-state cache of
the search layer is dropped when any client, on any machine, commits.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property
from typing import Any

import numpy as np

from docsearch.engines.base import TEXT_FIELDS, Alternatives, FacetAnswer, FacetSearch
from docsearch.engines.solr.client import SolrClient
from docsearch.engines.solr.compile import EVERY, SEPARATOR, compile_query, term_set
from docsearch.search import querytree as qt
from docsearch.search.columns import Column, ValueColumn
from docsearch.search.ranking import Scored

__all__ = ["SolrSnapshot"]

#: Rows per page of a cursor over the collection.
PAGE = 5000


class SolrSnapshot:
    """A committed state of one collection (see the module docs)."""

    def __init__(self, client: SolrClient, collection: str, key: str) -> None:
        self.client = client
        self.collection = collection
        self.key = key
        self._columns: dict[str, Column] = {}
        self._stored: dict[int, Mapping[str, Any]] = {}
        self._texts: dict[tuple[int, str], list[str]] = {}
        self._frequencies: dict[tuple[str, str], int] = {}
        self._terms: dict[str, list[str]] = {}
        self._newest: int | None = None
        self._known: dict[int, str] = {}

    # ------------------------------------------------------------ requests

    def select(self, body: Mapping[str, Any], what: str = "a search") -> dict[str, Any]:
        return self.client.select(self.collection, body, what=what)

    def count(self, query: Mapping[str, Any], filters: Sequence[Any] = ()) -> int:
        body: dict[str, Any] = {"query": query, "limit": 0}
        if filters:
            body["filter"] = list(filters)
        return int(self.select(body, "a count")["response"]["numFound"])

    def compile(self, node: qt.Node) -> dict[str, Any]:
        """``node`` as Solr's JSON Query DSL (:mod:`~docsearch.engines.solr.compile`)."""
        return compile_query(node, self.terms, self._wide_phrase, self.size,
                             self.doc_frequency)

    def _scan(self, query: Mapping[str, Any], fields: Sequence[str]) -> Iterator[dict[str, Any]]:
        return self.client.scan(self.collection, {"query": query}, fields, rows=PAGE)

    # ------------------------------------------------- searches in bulk

    def facet_search(self, search: FacetSearch) -> FacetAnswer:
        """One JSON Request API call: the query, the filters as tagged ``fq``, each
        count a JSON Facet API ``terms`` facet and each group a ``query`` facet,
        whose domains leave out the tags they ignore (multi-select faceting)."""
        query = self.compile(search.query)
        if search.recency is not None and search.sort == "relevance":
            query = _recency(query, *search.recency)
        body: dict[str, Any] = {
            "query": query,
            "offset": search.start, "limit": search.rows,
            "fields": "id,score,stored",
            "sort": "score desc, id asc" if search.sort == "relevance" else "date desc, id asc",
            "params": {"sep": SEPARATOR},
        }
        filters = [{f"#{tag}": _any_of(alternatives)}
                   for tag, alternatives in search.filters.items()]
        filters += [self.compile(node) for node in search.fixed]
        if filters:
            body["filter"] = filters
        facets: dict[str, Any] = {}
        for name, (field, ignored) in search.counts.items():
            facets[f"c_{name}"] = _domain({"type": "terms", "field": field, "limit": -1,
                                           "mincount": 1}, ignored)
        for number, (name, (alternatives, ignored)) in enumerate(search.groups.items()):
            facets[f"g_{name}"] = _domain(
                {"type": "query", "q": _group_query(body["params"], number, alternatives)},
                ignored)
        if facets:
            body["facet"] = facets
        data = self.select(body)
        found = data.get("facets", {})
        hits = []
        for doc in data["response"]["docs"]:
            stored = json.loads(doc.get("stored") or "{}")
            hits.append((float(doc["score"]) if search.sort == "relevance" else None, stored))
        counts = {name: {str(b["val"]): int(b["count"])
                         for b in found.get(f"c_{name}", {}).get("buckets", [])}
                  for name in search.counts}
        groups = {name: int(found.get(f"g_{name}", {}).get("count", 0))
                  for name in search.groups}
        return FacetAnswer(total=int(data["response"]["numFound"]), hits=tuple(hits),
                           counts=counts, groups=groups)

    def newest(self) -> int:
        """The newest date number (a JSON Facet API ``max``), once per state."""
        if self._newest is None:
            body = {"query": EVERY, "limit": 0, "facet": {"newest": "max(date)"}}
            found = self.select(body, "the newest date").get("facets", {}).get("newest")
            self._newest = int(found or 0)
        return self._newest

    def value_column(self, field: str) -> ValueColumn:
        """A keyword field's values and their document counts (one facet request)."""
        key = f"values:{field}"
        found = self._columns.get(key)
        if found is None:
            body = {"query": EVERY, "limit": 0,
                    "facet": {"v": {"type": "terms", "field": field, "limit": -1,
                                    "mincount": 1, "sort": "index asc"}}}
            data = self.select(body, f"the values of {field}")
            buckets = data.get("facets", {}).get("v", {}).get("buckets", [])
            pairs = sorted((str(b["val"]), int(b["count"])) for b in buckets)
            found = ValueColumn([v for v, _ in pairs], [c for _, c in pairs],
                                int(data["response"]["numFound"]))
            self._columns[key] = found
        assert isinstance(found, ValueColumn)
        return found

    # ---------------------------------------------------- document numbers

    @cached_property
    def _ids(self) -> list[str]:
        return [str(d["id"]) for d in self._scan({"lucene": {"query": "*:*"}}, ["id"])]

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {article_id: n for n, article_id in enumerate(self._ids)}

    @property
    def _table(self) -> bool:
        """Whether every id has been read (document numbers by look-up)."""
        return "_ids" in self.__dict__

    @cached_property
    def _live(self) -> int:
        return self.count(EVERY)

    @property
    def size(self) -> int:
        return len(self._ids) if self._table else self._live

    def live(self) -> np.ndarray:
        return np.ones(self.size, dtype=bool)

    def doc_count(self) -> int:
        return self.size

    def ids(self) -> Sequence[str]:
        return self._ids

    def find(self, article_id: str) -> int | None:
        """The document number of an id: its position in id order, counted by Solr
        (two counts) unless every id was read already."""
        if self._table:
            return self._numbers.get(article_id)
        if not self.count(term_set("id", [article_id])):
            return None
        number = self.count({"lucene": {"query": f"id:{{* TO {_quoted(article_id)}}}"}})
        self._known[number] = article_id
        return number

    def id_of(self, doc: int) -> str:
        """The id of a document number (one :meth:`find` gave, or any once every id
        was read)."""
        found = self._known.get(doc)
        return found if found is not None else self._ids[doc]

    def ids_with_prefix(self, prefix: str) -> list[str]:
        if not self._table:
            body = {"query": {"prefix": {"f": "id", "query": prefix}}, "limit": 1000,
                    "fields": "id", "sort": "id asc"}
            return [str(d["id"]) for d in self.select(body, "ids")["response"]["docs"]]
        at = bisect.bisect_left(self._ids, prefix)
        out = []
        while at < len(self._ids) and self._ids[at].startswith(prefix):
            out.append(self._ids[at])
            at += 1
        return out

    def numbers(self, ids: Sequence[str]) -> np.ndarray:
        """The document numbers of live ids (an id this state does not hold is left out)."""
        numbers = self._numbers
        return np.array([numbers[i] for i in ids if i in numbers], dtype=np.int64)

    # ------------------------------------------------------------- matching

    def match(self, node: qt.Node) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        if isinstance(node, qt.Nothing):
            return mask
        ids = [str(d["id"]) for d in self._scan(self.compile(node), ["id"])]
        mask[self.numbers(ids)] = True
        return mask

    def score(self, node: qt.Node, k1: float, b: float) -> Scored:
        """Solr's BM25 scores (``k1`` and ``b`` set in the configset's schema, 0.9 and
        0.4 as docsearch's defaults: the ``Ranking`` values are not passed on)."""
        ids: list[str] = []
        scores: list[float] = []
        if not isinstance(node, qt.Nothing):
            for doc in self.client.scan(self.collection, {"query": self.compile(node)},
                                        ["id", "score"], rows=PAGE):
                ids.append(str(doc["id"]))
                scores.append(float(doc.get("score", 0.0)))
        numbers = self._numbers
        pairs = sorted((numbers[i], s) for i, s in zip(ids, scores, strict=True)
                       if i in numbers)
        docs = np.array([p[0] for p in pairs], dtype=np.int64)
        return Scored(docs, np.array([p[1] for p in pairs], dtype=np.float64))

    def _wide_phrase(self, node: qt.Phrase) -> list[str]:
        """The ids of the documents holding ``node``'s words in order, each at most
        ``slop`` positions after the one before (read from the stored terms)."""
        every_word = qt.And(tuple(qt.Term(node.field, w) for w in dict.fromkeys(node.terms)))
        candidates = np.flatnonzero(self.match(every_word)).tolist()
        self._fetch(candidates)
        out = []
        for doc in candidates:
            words = self._texts.get((doc, node.field), [])
            if _in_order(words, list(node.terms), node.slop):
                out.append(self._ids[doc])
        return out

    # ---------------------------------------------------------------- fields

    def column(self, field: str) -> Column:
        found = self._columns.get(field)
        if found is None:
            found = self._read_column(field)
            self._columns[field] = found
        return found

    def _read_column(self, field: str) -> Column:
        numbers = self._numbers
        pairs: list[tuple[int, str]] = []
        query = {"lucene": {"query": f"{field}:*"}}
        for doc in self._scan(query, ["id", field]):
            n = numbers.get(str(doc["id"]))
            if n is None:
                continue
            values = doc.get(field) or ()
            for value in (values if isinstance(values, list) else [values]):
                pairs.append((n, str(value)))
        values = sorted({v for _, v in pairs})
        lookup = {v: i for i, v in enumerate(values)}
        docs = np.array([p[0] for p in pairs], dtype=np.int64)
        ords = np.array([lookup[p[1]] for p in pairs], dtype=np.int32)
        return Column(values, docs, ords, self.size)

    def dates(self) -> np.ndarray:
        out = np.zeros(self.size, dtype=np.int64)
        numbers = self._numbers
        for doc in self._scan({"lucene": {"query": "date:[* TO *]"}}, ["id", "date"]):
            n = numbers.get(str(doc["id"]))
            if n is not None:
                out[n] = int(doc.get("date") or 0)
        return out

    def stored(self, doc: int) -> Mapping[str, Any]:
        found = self._stored.get(doc)
        if found is None:
            self._fetch([doc])
            found = self._stored.get(doc, {})
        return found

    def _fetch(self, docs: Sequence[int]) -> None:
        """Read the stored data and terms of documents not read yet, in one request
        per page of them."""
        wanted = [d for d in dict.fromkeys(docs) if d not in self._stored]
        for start in range(0, len(wanted), 500):
            part = wanted[start:start + 500]
            ids = [self.id_of(d) for d in part]
            body = {"query": term_set("id", ids), "limit": len(ids),
                    "fields": "id,stored,title,body"}
            for hit in self.select(body, "a read of stored articles")["response"]["docs"]:
                self.remember(hit)

    def remember(self, hit: Mapping[str, Any]) -> int | None:
        """Keep what a search gave back of a document (its stored data and terms)."""
        article_id = str(hit["id"])
        n = self._numbers.get(article_id) if self._table else next(
            (k for k, v in self._known.items() if v == article_id), None)
        if n is None:
            return None
        self._stored[n] = json.loads(hit.get("stored") or "{}")
        for field in TEXT_FIELDS:
            text = hit.get(field)
            if isinstance(text, list):
                text = " ".join(text)
            self._texts[(n, field)] = (text or "").split()
        return n

    def positions(self, field: str, term: str, docs: Sequence[int]) -> Mapping[int, np.ndarray]:
        self._fetch([d for d in docs if (d, field) not in self._texts])
        out = {}
        for doc in docs:
            words = self._texts.get((doc, field), [])
            at = [i for i, w in enumerate(words) if w == term]
            if at:
                out[doc] = np.array(at, dtype=np.int64)
        return out

    # ------------------------------------------------------------ statistics

    def doc_frequency(self, field: str, term: str) -> int:
        key = (field, term)
        found = self._frequencies.get(key)
        if found is None:
            found = self.count({"term": {"f": field, "query": term}})
            self._frequencies[key] = found
        return found

    def collection_frequency(self, field: str, term: str) -> int:
        return self.collection_frequencies(field, [term]).get(term, 0)

    def collection_frequencies(self, field: str, terms: Sequence[str]) -> dict[str, int]:
        """How many times each term occurs in ``field``: the terms component's
        ``ttf``, 200 terms a request (terms of deleted documents count until Solr
        merges them away, as in Whoosh)."""
        out: dict[str, int] = {}
        wanted = [t for t in dict.fromkeys(terms) if t and "," not in t]
        for start in range(0, len(wanted), 200):
            part = wanted[start:start + 200]
            data = self.client.request(
                "GET", f"{self.collection}/terms",
                params={"terms.fl": field, "terms.list": ",".join(part), "terms.ttf": "true",
                        "json.nl": "map"}, what="the term statistics")
            for term, entry in data.get("terms", {}).get(field, {}).items():
                if isinstance(entry, Mapping):
                    out[str(term)] = int(entry.get("ttf", 0))
        return out

    def field_length(self, field: str) -> int:
        body = {"query": {"lucene": {"query": "*:*"}}, "limit": 0,
                "facet": {"total": f"sum({field}_len)"}}
        facets = self.select(body, "the field lengths").get("facets", {})
        return int(facets.get("total", 0) or 0)

    def terms(self, field: str, prefix: str = "") -> Iterator[str]:
        found = self._terms.get(field)
        if found is None:
            data = self.client.request(
                "GET", f"{self.collection}/terms",
                params={"terms.fl": field, "terms.limit": "-1", "terms.sort": "index",
                        "terms.mincount": "1", "json.nl": "map"},
                what="the list of terms")
            found = sorted(data.get("terms", {}).get(field, {}))
            self._terms[field] = found
        at = bisect.bisect_left(found, prefix)
        while at < len(found) and found[at].startswith(prefix):
            yield found[at]
            at += 1

    def details(self) -> Mapping[str, Any]:
        """The collection's layout (shards, replicas per shard, active replicas, live
        nodes) and, over its shard leaders, segments and deleted documents."""
        status = self.client.cluster_status(self.collection)
        collection = status.get("collections", {}).get(self.collection, {})
        shards = collection.get("shards", {})
        replicas = [r for s in shards.values() for r in s.get("replicas", {}).values()]
        segments, deleted, _ = leader_sizes(self.client, self.collection)
        return {"collection": self.collection, "shards": len(shards),
                "replicas": len(replicas) // max(len(shards), 1),
                "active_replicas": sum(1 for r in replicas if r.get("state") == "active"),
                "live_nodes": len(status.get("live_nodes", [])),
                "segments": segments, "deleted": deleted}


def leader_sizes(client: SolrClient, collection: str) -> tuple[int, int, int]:
    """Segments, deleted documents and bytes of the collection's shard leaders (one
    copy of the index), from the Collections API's ``COLSTATUS``."""
    data = client.admin("COLSTATUS", "read the collection's status", timeout=None,
                        collection=collection, sizeInfo="true")
    segments = deleted = size = 0
    for shard in data.get(collection, {}).get("shards", {}).values():
        infos = (shard.get("leader") or {}).get("segInfos", {})
        segments += int(infos.get("info", {}).get("numSegments", 0))
        for segment in infos.get("segments", {}).values():
            deleted += int(segment.get("delCount", 0))
            size += int(segment.get("sizeInBytes", 0))
    return segments, deleted, size


def _quoted(text: str) -> str:
    """``text`` as a quoted term of Solr's standard query syntax."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _by_field(alternatives: Alternatives) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for field, term in alternatives:
        out.setdefault(field, []).append(term)
    return out


def _any_of(alternatives: Alternatives) -> dict[str, Any]:
    """Documents holding any of the (field, term) alternatives."""
    sets = [term_set(field, terms) for field, terms in _by_field(alternatives).items()]
    if len(sets) == 1:
        return sets[0]
    return {"bool": {"should": sets}} if sets else {"bool": {"must_not": [EVERY]}}


def _group_query(params: dict[str, Any], number: int, alternatives: Alternatives) -> str:
    """A query facet's query (a string, as the JSON Facet API wants it) for the
    alternatives, its values passed as request parameters."""
    clauses = []
    for at, (field, terms) in enumerate(_by_field(alternatives).items()):
        params[f"g{number}v{at}"] = SEPARATOR.join(terms)
        params[f"g{number}q{at}"] = f"{{!terms f={field} separator=$sep v=$g{number}v{at}}}"
        clauses.append(f"should=$g{number}q{at}")
    if not clauses:
        return "-*:*"
    return "{!bool " + " ".join(clauses) + "}"


#: Microseconds in a day (date numbers are microseconds).
_US_PER_DAY = 86_400_000_000


def _recency(query: dict[str, Any], reference: int, weight: float,
             half_life: float) -> dict[str, Any]:
    """``query`` with each dated document's score multiplied by docsearch's recency
    factor (a function query: ``1 + weight * 0.5 ^ (age / half life)``)."""
    age = f"div(max(0,sub({reference},date)),{_US_PER_DAY})"
    factor = f"sum(1,product({weight!r},pow(0.5,div({age},{half_life!r}))))"
    return {"boost": {"query": query, "b": f"if(gt(date,0),{factor},1)"}}


def _domain(facet: dict[str, Any], ignored: Sequence[str]) -> dict[str, Any]:
    if ignored:
        facet["domain"] = {"excludeTags": list(ignored)}
    return facet


def _in_order(words: Sequence[str], phrase: Sequence[str], slop: int) -> bool:
    """Whether ``phrase`` occurs in ``words`` in order, each word 1 to ``slop``
    positions after the one before."""
    reach = [i for i, w in enumerate(words) if w == phrase[0]]
    for word in phrase[1:]:
        at = [i for i, w in enumerate(words) if w == word]
        reach = [p for p in at if any(1 <= p - r <= max(slop, 1) for r in reach)]
        if not reach:
            return False
    return bool(reach)
