"""A Whoosh index in one generation folder: created, opened, written and merged.

This is the one place that maps Whoosh's exceptions to docsearch's: a Whoosh
lock held by a writer outside docsearch (:class:`IndexLockedError`), a folder
with no Whoosh index in it or damaged files (:class:`IndexFormatError`).

A batch is one Whoosh commit; ``merge=False`` skips merging small segments at it
(for all but the last batch of a bulk load). After a sync, :meth:`WhooshBackend.tidy`
merges every segment into one when there are more than :data:`MAX_SEGMENTS` or
more than :data:`MAX_DELETED` of the stored documents are deleted ones.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.writing import IndexWriter

from docsearch.engines.base import Document
from docsearch.engines.whoosh import buffers, scoring
from docsearch.engines.whoosh.columns import Columns
from docsearch.engines.whoosh.schema import build_schema, fields_of
from docsearch.engines.whoosh.snapshot import WhooshSnapshot
from docsearch.engines.whoosh.vector import Vectors
from docsearch.errors import IndexFormatError, IndexLockedError
from docsearch.search.ranking import Ranking

buffers.install()  # a new searcher maps its files without copying them

__all__ = ["MAX_DELETED", "MAX_SEGMENTS", "WhooshBackend", "WhooshWriter", "create", "open"]

#: After a sync, segments are merged into one when there are more than this many...
MAX_SEGMENTS = 12
#: ...or when this share of the stored documents are deleted ones.
MAX_DELETED = 0.25
#: The keyword fields whose facet columns are kept warm and cached on disk.
COLUMN_FIELDS = ("person", "topic", "source", "author", "day", "surname")


def create(folder: Path) -> WhooshBackend:
    """A new, empty Whoosh index in ``folder`` (made if missing)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return WhooshBackend(folder, whoosh_index.create_in(str(folder), build_schema()))


def open(folder: Path) -> WhooshBackend:  # noqa: A001 - the engine module's interface
    """The Whoosh index in ``folder``; :class:`IndexFormatError` if there is none."""
    try:
        return WhooshBackend(Path(folder), whoosh_index.open_dir(str(folder)))
    except (whoosh_index.EmptyIndexError, OSError) as exc:
        raise IndexFormatError(str(exc)) from None


class WhooshWriter:
    """Puts and deletes through one Whoosh writer (see :meth:`WhooshBackend.writer`)."""

    def __init__(self, writer: IndexWriter) -> None:
        self.writer = writer
        self._existing: set[str] | None = None

    def put(self, doc: Document) -> None:
        # Whoosh's update_document looks the id up in every segment; a new id skips
        # that (ids of deleted articles may still be listed: harmless).
        if self._existing is None:
            self._existing = {t.decode("utf-8") for t in self.writer.reader().lexicon("id")}
        if doc.id in self._existing:
            self.writer.update_document(**fields_of(doc))
        else:
            self.writer.add_document(**fields_of(doc))
            self._existing.add(doc.id)

    def delete(self, article_id: str) -> None:
        self.writer.delete_by_term("id", article_id)


class WhooshBackend:
    """A :class:`docsearch.engines.base.Backend` over a Whoosh index."""

    def __init__(self, folder: Path, ix: whoosh_index.Index) -> None:
        self.folder = folder
        self.ix = ix
        self.columns = Columns(COLUMN_FIELDS, folder=lambda: self.folder)
        self.vectors = Vectors()
        self._snapshot: WhooshSnapshot | None = None
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def writer(self, merge: bool = True, optimize: bool = False) -> Iterator[WhooshWriter]:
        """A block whose changes are one Whoosh commit (dropped if it raises);
        ``optimize=True`` merges every segment into one."""
        try:
            writer = self.ix.writer(timeout=5.0, delay=0.1, limitmb=128)
        except LockError:  # someone writing this folder with Whoosh itself
            raise IndexLockedError(f"the Whoosh index in {self.folder} is locked by a writer "
                                   f"outside docsearch") from None
        try:
            yield WhooshWriter(writer)
        except BaseException:
            writer.cancel()
            raise
        writer.commit(merge=merge, optimize=optimize)

    def snapshot(self) -> WhooshSnapshot:
        """The latest committed state: the same snapshot while nothing changed."""
        with self._lock:
            current = self._snapshot
            if current is not None and current.searcher.up_to_date():
                return current
            # Not Searcher.refresh(): it reuses segment readers whose deletions changed,
            # so deleted documents would still be found (tests/test_whoosh_pins.py).
            if current is not None:
                current.close()
            default = Ranking()  # the searcher scores with the default ranking's BM25F
            searcher = self.ix.searcher(weighting=scoring.Weighting(K1=default.k1, B=default.b))
            self._snapshot = WhooshSnapshot(searcher, self)
            return self._snapshot

    def tidy(self) -> bool:
        """Merge every segment into one when the merge policy says so (see the module
        docs); True if it did."""
        with self.ix.reader() as reader:
            stored, live = reader.doc_count_all(), reader.doc_count()
            segments = len(reader.leaf_readers()) if not reader.is_atomic() else 1
        if segments <= MAX_SEGMENTS and stored - live <= MAX_DELETED * max(stored, 1):
            return False
        with self.writer(optimize=True):
            pass
        return True

    def size_on_disk(self) -> int:
        return sum(p.stat().st_size for p in self.folder.iterdir() if p.is_file())

    def close(self) -> None:
        with self._lock:
            if self._snapshot is not None:
                self._snapshot.close()
                self._snapshot = None
        self.ix.close()
