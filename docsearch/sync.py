"""Folders and the index, kept in step: incremental sync and its report.

:func:`sync` compares the files under some paths with the manifest of an index
generation (:mod:`docsearch.store.manifest`):

* a file whose size and modification time match its row is not read at all;
* a new or modified file is read; its articles are compared by id and content hash
  with the index, and only new or changed ones are written (text already seen, in a
  moved or renamed file say, takes the people and topics extracted before);
* a file no longer there has its articles removed, unless another file still gives
  them; so does an article that a changed file no longer holds;
* a file that cannot be read is reported and its articles stay as they were.

Changes are committed in batches (an engine commit, then the manifest rows of the
files in it), so an interrupted sync keeps every batch it committed and the next
one goes on from there. Removals are committed with the last batch. A path given
that does not exist is reported and removes nothing (a missing mount must not
empty the index); nor does a folder given that lists no file at all now but gave
files before (an unmounted disk's empty mount point), unless ``allow_empty``.

An article without url takes its id from its path relative to the outermost of
the index's folders (recorded ones and those given now) that holds its file, so an
id does not depend on which folder the file was reached from, and a rebuild gives
the ids the syncs before it gave. Indexing a folder around one indexed before
re-reads the inner folder's files once, under their new ids (:func:`id_roots`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from docsearch.defaults import BATCH_SIZE
from docsearch.engines import open_backend
from docsearch.engines.base import Snapshot
from docsearch.errors import ParseError
from docsearch.extract import Extraction
from docsearch.extract.topics import Taxonomy
from docsearch.models import Article
from docsearch.parallel import ordered_map
from docsearch.readers import FileResult, FoundFile, read_file, walk
from docsearch.search import querytree as qt
from docsearch.store import Generation
from docsearch.store.documents import Terms, analyze, article_from_stored, to_document
from docsearch.store.manifest import Entry

__all__ = ["BATCH_SIZE", "Change", "IndexReport", "Progress", "commit", "sync"]


#: A file modified less than this long (ns) before it is read is read again next time.
RACY_NS = 2_000_000_000

#: Called after each file: its path, files done, files in all, files failed so far.
Progress = Callable[[str, int, int, int], None]


@attrs.frozen
class Change:
    """What a sync did (or, in a dry run, would do) to one file's articles."""

    action: str  # "add", "update" or "remove"
    path: str
    articles: int

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class IndexReport:
    """What a sync did: counts of articles, the problems met, the files changed.

    ``added``, ``updated``, ``removed`` and ``unchanged`` count articles; ``files``
    counts the files looked at. ``changes`` lists the files whose articles changed
    (filled in a dry run only, where nothing is written).

    >>> report = docsearch.open(tmp / "fresh", create=True).sync([sample_docs])
    >>> report.files, report.added, report.failed, report.ok
    (30, 35, (), True)
    """

    files: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    failed: tuple[ParseError, ...] = ()
    changes: tuple[Change, ...] = ()
    dry_run: bool = False
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing failed."""
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "files": self.files, "added": self.added, "updated": self.updated,
            "removed": self.removed, "unchanged": self.unchanged,
            "failed": [{"path": e.path, "reason": e.reason} for e in self.failed]}
        if self.dry_run:
            data["dry_run"] = True
            data["changes"] = [c.to_dict() for c in self.changes]
        if self.notes:
            data["notes"] = list(self.notes)
        return data


def commit(gen: Generation, articles: Sequence[Article], deletes: Iterable[str] = (), *,
           merge: bool = True, terms: Mapping[str, Terms] | None = None) -> None:
    """Write ``articles`` (replacing those with the same id) and delete the ``deletes``
    ids in one commit. ``terms`` holds the analysed words of some articles by id."""
    terms = terms or {}
    docs = [to_document(a, terms.get(a.id)) for a in articles]  # all valid before writing
    with gen.writer(merge=merge) as writer:
        for article_id in deletes:
            writer.delete(article_id)
        for doc in docs:
            writer.put(doc)


def carry_unlisted(source: Generation, target: Generation) -> int:
    """Copy into ``target`` the articles of ``source`` that no file of its manifest
    gives and that ``target`` does not hold (for a rebuild); returns how many."""
    listed = {i for entry in source.manifest.entries().values() for i in entry.ids}
    present = set(live_ids(target.backend.snapshot()))
    articles = [article_from_stored(stored) for stored in live_stored(source.backend.snapshot())
                if stored["id"] not in listed and stored["id"] not in present]
    for start in range(0, len(articles), BATCH_SIZE):
        commit(target, articles[start:start + BATCH_SIZE])
    return len(articles)


def live_stored(snapshot: Snapshot) -> Iterator[Mapping[str, Any]]:
    """The stored fields of every live document, in document order."""
    for doc in np.flatnonzero(snapshot.live()).tolist():
        yield snapshot.stored(doc)


def live_ids(snapshot: Snapshot) -> dict[str, int]:
    """The id of every live document and its number, in document order."""
    ids = snapshot.ids()
    return {ids[doc]: doc for doc in np.flatnonzero(snapshot.live()).tolist()}


def tidy(gen: Generation, *, bulk: bool = False) -> bool:
    """Merge when the engine's merge policy says so (after a sync); True if it did.
    At a bulk load's end (``bulk``: more than one commit) the people of the state it
    made are worked out and saved too, so the first query after a build reads them."""
    merged = gen.backend.tidy()
    if bulk:
        from docsearch.search import people_view

        people_view(gen.backend.snapshot(), gen.folder)
    return merged


class Known(Mapping[str, Extraction]):
    """What the index already holds, looked up as needed: the content hash of an id,
    and (as a mapping for :func:`docsearch.extract.enrich`) the extraction of a
    content hash."""

    def __init__(self, snapshot: Snapshot) -> None:
        self._snapshot = snapshot

    def hash_of(self, article_id: str) -> str | None:
        doc = self._snapshot.find(article_id)
        if doc is None:
            return None
        stored = self._snapshot.stored(doc)
        return str((stored.get("data") or {}).get("content_hash") or "")

    def __getitem__(self, digest: str) -> Extraction:
        found = np.flatnonzero(self._snapshot.match(qt.Term("hash", digest))).tolist() \
            if digest else []
        if not found:
            raise KeyError(digest)
        return Extraction.of(article_from_stored(self._snapshot.stored(found[0])))

    def __iter__(self) -> Iterator[str]:
        return iter(self._snapshot.terms("hash"))

    def __len__(self) -> int:
        return self._snapshot.doc_count()


def scopes_of(paths: Iterable[str | Path]) -> list[tuple[str, bool]]:
    """What ``paths`` cover, for :func:`in_scope`: existing folders (with their
    subfolders) and files; a path that does not exist covers nothing."""
    scopes: list[tuple[str, bool]] = []
    for given in paths:
        path = os.path.abspath(given)
        if os.path.isdir(path):
            scopes.append((path.rstrip(os.sep) + os.sep, True))
        elif os.path.exists(path):
            scopes.append((path, False))
    return scopes


def in_scope(path: str, scopes: Sequence[tuple[str, bool]]) -> bool:
    return any(path == scope or is_dir and path.startswith(scope) for scope, is_dir in scopes)


def id_roots(gen: Generation, paths: Iterable[str | Path]) -> list[str]:
    """The folders files take their ids relative to: the existing folders among the
    roots ``gen`` records and ``paths``, as absolute paths, outermost first."""
    given = [*gen.manifest.get_meta("roots", []), *paths]
    return sorted({os.path.abspath(p) for p in given if os.path.isdir(p)}, key=len)


def id_root(key: str, folders: Sequence[str], found_under: Path) -> Path:
    """The folder the file ``key`` (absolute) takes its id relative to: the outermost
    of ``folders`` holding it, else the folder it was found under."""
    for folder in folders:
        if key.startswith(folder.rstrip(os.sep) + os.sep):
            return Path(folder)
    return Path(os.path.abspath(found_under))


def empty_roots(paths: Iterable[str | Path], entries: Mapping[str, Entry],
                found: Iterable[FoundFile] | None = None) -> list[tuple[str, int]]:
    """The folders among ``paths`` that list no file (``found``: what :func:`walk`
    listed, walked here when ``None``) but gave files before (rows of ``entries``
    under them), with how many files they held."""
    paths = list(paths)
    listed = {os.path.abspath(f.root) for f in (walk(paths) if found is None else found)}
    empty = []
    for given in paths:
        if os.path.isdir(given) and os.path.abspath(given) not in listed:
            scope = scopes_of([given])
            held = sum(1 for key in entries if in_scope(key, scope))
            if held:
                empty.append((str(given), held))
    return empty


def empty_reason(held: int) -> str:
    return (f"folder is empty (it held {held} file{'s' * (held != 1)}); nothing removed; "
            f"use --allow-empty to remove them")


@attrs.frozen
class _Todo:
    """A file a sync has to read, with what its stat and the manifest said."""

    key: str
    path: Path
    root: Path
    size: int
    mtime_ns: int
    old: Entry | None
    order: int  # position in the list of files


_READER: dict[str, Any] = {}


def _start_reader(taxonomy: Taxonomy | None, engine: str, folder: str) -> None:
    """Set up a reading process: the taxonomy, and the index for known extractions."""
    previous = _READER.pop("backend", None)
    if previous is not None:
        previous.close()
    backend = open_backend(engine, folder)
    _READER.update(taxonomy=taxonomy, backend=backend, known=Known(backend.snapshot()))


def _close_reader() -> None:
    """Release the index a reading set up in this process (a remote engine's
    connections)."""
    backend = _READER.pop("backend", None)
    _READER.pop("known", None)
    if backend is not None:
        backend.close()


def _read(job: tuple[str, str]) -> tuple[FileResult, list[Terms], int]:
    """Read one file; also says when the reading began (for the racy check)."""
    path, root = job
    started = time.time_ns()
    result = read_file(path, root, _READER["taxonomy"], _READER["known"])
    return result, [analyze(a) for a in result.articles], started


class _Sync:
    """One sync run over one generation (see the module docstring)."""

    def __init__(self, gen: Generation, taxonomy: Taxonomy | None, *, dry_run: bool,
                 batch_size: int, progress: Progress | None, allow_empty: bool) -> None:
        self.gen = gen
        self.taxonomy = taxonomy
        self.dry_run = dry_run
        self.allow_empty = allow_empty
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.manifest = gen.manifest.entries()
        self.providers: dict[str, set[str]] = {}
        for entry in self.manifest.values():
            for article_id in entry.ids:
                self.providers.setdefault(article_id, set()).add(entry.path)
        self.counts = {"added": 0, "updated": 0, "removed": 0, "unchanged": 0}
        self.failed: list[tuple[int, ParseError]] = []  # by position in the file list
        self.file_notes: list[str] = []      # what reading said (an encoding guessed)
        self._at = 0
        self.changes: list[Change] = []
        self.written: set[str] = set()       # ids written or confirmed by this run
        self.candidates: set[str] = set()    # ids that may have to be removed
        self.batch: dict[str, Article] = {}  # by id: a later file's article wins
        self.terms: dict[str, Terms] = {}
        self.rows: list[Entry] = []          # manifest rows of the files in the batch
        self.late_rows: list[Entry] = []     # rows to write with the removals, at the end
        self.removals: list[str] = []
        self.commits = 0
        self.rekeyed: dict[str, int] = {}    # files whose ids moved to another root

    def run(self, paths: Sequence[str | Path]) -> IndexReport:
        found = list(walk(paths))
        kept = set() if self.allow_empty else self._keep_empty(paths, found)
        scopes = scopes_of([p for p in paths if str(p) not in kept])
        folders = id_roots(self.gen, paths)
        seen: set[str] = set()
        todo: list[_Todo] = []
        done = 0
        for self._at, item in enumerate(found):
            key = os.path.abspath(item.path)
            if key not in seen:
                seen.add(key)
                if item.problem is not None:
                    self.failed.append((self._at, item.problem))
                else:
                    needed = self._check(key, item.path, id_root(key, folders, item.root))
                    if needed is not None:
                        todo.append(needed)
                        continue
            done += 1
            self._progress(item.path, done, len(found))
        # Reading and extraction in worker processes, the rest here, in file order.
        results = ordered_map(_read, [(str(t.path), str(t.root)) for t in todo],
                              initializer=_start_reader,
                              initargs=(self.taxonomy, self.gen.engine, self.gen.location())
                              ) if todo else iter(())  # nothing to read: no reader set up
        known = Known(self.gen.backend.snapshot())
        for job, (result, terms, started) in zip(todo, results, strict=True):
            self._at = job.order
            self._take(job, result, known, terms, started)
            done += 1
            self._progress(job.path, done, len(found))
            if len(self.batch) >= self.batch_size:
                self._flush(final=False)
        _close_reader()  # when the files were read in this process
        for key, entry in self.manifest.items():
            if key not in seen and in_scope(key, scopes):
                self._gone(entry)
        self._flush(final=True)
        c = self.counts
        return IndexReport(files=len(seen), added=c["added"], updated=c["updated"],
                           removed=c["removed"], unchanged=c["unchanged"],
                           failed=tuple(e for _, e in sorted(self.failed, key=lambda f: f[0])),
                           changes=tuple(self.changes),
                           dry_run=self.dry_run, notes=(*self.file_notes, *self._notes()))

    def _keep_empty(self, paths: Sequence[str | Path], found: list[FoundFile]) -> set[str]:
        """Report the folders given that turned empty; their files are kept."""
        empty = empty_roots(paths, self.manifest, found)
        self.failed.extend((-1, ParseError(path, empty_reason(held))) for path, held in empty)
        return {path for path, _ in empty}

    def _notes(self) -> tuple[str, ...]:
        return tuple(f"{count} file{'s now have' if count != 1 else ' now has'} ids "
                     f"relative to {root}" for root, count in sorted(self.rekeyed.items()))

    def _progress(self, path: Path, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(str(path), done, total, len(self.failed))

    def _check(self, key: str, path: Path, root: Path) -> _Todo | None:
        """The file, if it has to be read (new, changed, racy or failed before)."""
        old = self.manifest.get(key)
        try:
            st = os.stat(path)
        except OSError as exc:
            reason = (exc.strerror or exc.__class__.__name__).lower()
            self.failed.append((self._at, ParseError(str(path), f"cannot read: {reason}")))
            return None
        if (old is not None and old.error is None and not old.racy
                and old.same_stat(st.st_size, st.st_mtime_ns)
                and os.path.abspath(old.root) == str(root)):
            self._confirm(old.ids)
            return None
        return _Todo(key, path, root, st.st_size, st.st_mtime_ns, old, self._at)

    def _take(self, item: _Todo, result: FileResult, known: Known, terms: list[Terms],
              started: int) -> None:
        """Count and queue what a file gave."""
        key, path, root, old = item.key, item.path, item.root, item.old
        self.failed.extend((item.order, e) for e in result.errors)
        self.file_notes.extend(result.notes)
        if result.digest is None or (result.errors and not result.articles):
            return  # unreadable now: what it gave before stays indexed
        error = "; ".join(e.reason for e in result.errors) or None
        row = Entry(key, str(root), item.size, item.mtime_ns, result.digest,
                    tuple(dict.fromkeys(a.id for a in result.articles)), error,
                    item.mtime_ns > started - RACY_NS)  # modified just before it was read
        if (old is not None and old.digest == result.digest and old.error == error
                and old.ids == row.ids):
            self._confirm(old.ids)  # touched, not changed
            self.rows.append(row)
            return
        if old is not None and old.ids != row.ids and os.path.abspath(old.root) != str(root):
            self.rekeyed[str(root)] = self.rekeyed.get(str(root), 0) + 1
        counts = {"added": 0, "updated": 0}
        for article, words in zip(result.articles, terms, strict=True):
            if article.id in self.written:
                counts["updated"] += 1
            else:
                previous = known.hash_of(article.id)
                self.written.add(article.id)
                if article.content_hash and previous == article.content_hash:
                    self.counts["unchanged"] += 1  # (an article with no hash is written)
                    continue
                counts["added" if previous is None else "updated"] += 1
            self.batch[article.id] = article
            self.terms[article.id] = words
        for name, count in counts.items():
            self.counts[name] += count
        if self.dry_run and (counts["added"] or counts["updated"]):
            self.changes.append(Change("add" if old is None else "update", str(path),
                                       counts["added"] + counts["updated"]))
        dropped = set(old.ids) - set(row.ids) if old is not None else set()
        self._provide(key, old.ids if old is not None else (), row.ids)
        if dropped:
            self.candidates |= dropped
            self.late_rows.append(row)
        else:
            self.rows.append(row)

    def _confirm(self, ids: Iterable[str]) -> None:
        for article_id in ids:
            if article_id not in self.written:
                self.written.add(article_id)
                self.counts["unchanged"] += 1

    def _provide(self, key: str, old: Iterable[str], new: Iterable[str]) -> None:
        for article_id in old:
            self.providers.get(article_id, set()).discard(key)
        for article_id in new:
            self.providers.setdefault(article_id, set()).add(key)

    def _gone(self, entry: Entry) -> None:
        self._provide(entry.path, entry.ids, ())
        self.candidates |= set(entry.ids)
        self.removals.append(entry.path)
        if self.dry_run:
            self.changes.append(Change("remove", entry.path, len(entry.ids)))

    def _flush(self, *, final: bool) -> None:
        deletes: list[str] = []
        if final:
            deletes = sorted(i for i in self.candidates
                             if i not in self.written and not self.providers.get(i))
            self.counts["removed"] += len(deletes)
        if self.dry_run:
            self.batch, self.rows, self.terms = {}, [], {}
            return
        if self.batch or deletes:
            commit(self.gen, list(self.batch.values()), deletes, merge=final, terms=self.terms)
            self.commits += 1
        rows = self.rows + (self.late_rows if final else [])
        removals = self.removals if final else []
        if rows or removals:
            self.gen.manifest.apply(rows, removals)
        self.batch, self.rows, self.terms = {}, [], {}


def sync(gen: Generation, paths: Sequence[str | Path], taxonomy: Taxonomy | None = None, *,
         dry_run: bool = False, batch_size: int = BATCH_SIZE,
         progress: Progress | None = None, allow_empty: bool = False) -> IndexReport:
    """Bring ``gen`` in step with the files under ``paths`` (see the module docstring).

    The caller holds the write lock. Returns the report; with ``dry_run`` nothing is
    written and the report lists the files that would change. ``allow_empty`` lets a
    folder given that turned empty remove the articles its files gave.
    """
    run = _Sync(gen, taxonomy, dry_run=dry_run, batch_size=batch_size, progress=progress,
                allow_empty=allow_empty)
    try:
        report = run.run(paths)
    except BaseException:
        if run.commits:  # the batches committed stay, merged as after a whole sync
            with contextlib.suppress(Exception):  # the error raised matters more
                tidy(gen)
        raise
    if not dry_run:
        if run.commits:
            tidy(gen, bulk=run.commits > 1)
        roots = set(gen.manifest.get_meta("roots", []))
        roots |= {os.path.abspath(p) for p in paths if os.path.exists(p)}
        gen.manifest.apply(meta={"roots": sorted(roots), "last_sync": {
            "at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "paths": [str(p) for p in paths],
            **{k: v for k, v in report.to_dict().items() if k != "failed"},
            "failed": len(report.failed)}})
        gen.manifest.checkpoint()
    return report
