"""The tantivy engine: docsearch's index in tantivy, an embedded engine written in Rust.

``pip install "docsearch[tantivy]"`` installs its Python bindings (0.27 or
newer). A generation folder holds one tantivy index with the schema of
:mod:`~docsearch.engines.tantivy.schema`. A :meth:`TantivyBackend.writer` block
is one tantivy commit made by tantivy's own indexing threads (dropped with a
rollback if the block raises); tantivy merges segments by its own policy while
it commits, so :meth:`TantivyBackend.tidy` has nothing to do. A bulk load's
intermediate commits (``merge=False``) keep the writer for the next block, so its
merges go on in tantivy's threads while the next batch is read; the last commit (or
:meth:`TantivyBackend.tidy`, or :meth:`TantivyBackend.close`) waits for them and
ends the writer and its lock, then reads and saves each live segment's part
(:mod:`~docsearch.engines.tantivy.segments`) and the new state's ids, dates and
facet columns, so the first query after a build reads files instead of every
stored document. A state made after a commit from the earlier one in memory
(:mod:`~docsearch.engines.tantivy.derive`) has its files saved at
:meth:`TantivyBackend.close`, after the answers. A snapshot
(:mod:`~docsearch.engines.tantivy.snapshot`) is one searcher, keyed by the
index's ``meta.json`` (which names every segment and the commit), so another
process's commit is seen at the next :meth:`TantivyBackend.snapshot`.

The folder's ``docsearch-tantivy.json`` records the engine's index format
(:data:`~docsearch.engines.tantivy.schema.FORMAT`; an index without the file is of
format 1); an index of another format is refused with a line asking for a rebuild.

tantivy's errors are mapped here: a writer lock held by another writer is
:class:`~docsearch.errors.IndexLockedError`; a folder with no tantivy index, or
one tantivy cannot read, :class:`~docsearch.errors.IndexFormatError`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import tantivy

from docsearch.engines.base import Document
from docsearch.engines.tantivy.schema import FORMAT, build_schema, register, tantivy_document
from docsearch.engines.tantivy.segments import SegmentCache, SegmentMeta, clean_parts
from docsearch.engines.tantivy.snapshot import TantivySnapshot
from docsearch.errors import IndexFormatError, IndexLockedError

__all__ = ["TantivyBackend", "TantivyWriter", "create", "open"]

#: Memory for tantivy's indexing threads, shared between them (bytes).
WRITER_HEAP = 128_000_000
#: The file of a folder's index format.
FORMAT_FILE = "docsearch-tantivy.json"


def create(folder: Path) -> TantivyBackend:
    """A new, empty tantivy index in ``folder``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    backend = TantivyBackend(folder, tantivy.Index(build_schema(), path=str(folder), reuse=False))
    (folder / FORMAT_FILE).write_text(json.dumps({"format": FORMAT}), "utf-8")
    return backend


def open(folder: Path) -> TantivyBackend:  # noqa: A001 - the engine module's interface
    """The tantivy index in ``folder``; :class:`IndexFormatError` if there is none."""
    folder = Path(folder)
    if not (folder / "meta.json").is_file():
        raise IndexFormatError(f"{folder} holds no tantivy index")
    _check_format(folder)
    try:
        return TantivyBackend(folder, tantivy.Index.open(str(folder)))
    except ValueError as exc:
        raise IndexFormatError(f"the tantivy index in {folder} cannot be read: "
                               f"{_first_line(exc)}") from None


def _check_format(folder: Path) -> None:
    """:class:`IndexFormatError` unless ``folder``'s index is of format :data:`FORMAT`."""
    try:
        found = json.loads((folder / FORMAT_FILE).read_text("utf-8")).get("format")
    except FileNotFoundError:
        found = 1  # made before the file was written
    except (OSError, ValueError, AttributeError):
        found = None
    if found != FORMAT:
        raise IndexFormatError(f"the tantivy index in {folder} has tantivy engine format "
                               f"{found}, not {FORMAT}: rebuild the index")


def _first_line(exc: BaseException) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class TantivyWriter:
    """Puts and deletes through one tantivy ``IndexWriter``."""

    def __init__(self, writer: tantivy.IndexWriter) -> None:
        self.writer = writer

    def put(self, doc: Document) -> None:
        self.writer.delete_documents_by_term("id", doc.id)
        self.writer.add_document(tantivy_document(doc))

    def delete(self, article_id: str) -> None:
        self.writer.delete_documents_by_term("id", article_id)


class TantivyBackend:
    """A :class:`docsearch.engines.base.Backend` over one tantivy index."""

    def __init__(self, folder: Path, index: tantivy.Index) -> None:
        self.folder = folder
        self._index = index
        register(index)
        self._lock = threading.Lock()
        self._snapshot: TantivySnapshot | None = None
        self._segments = SegmentCache(folder)
        #: The writer kept after a ``merge=False`` block, for the next one.
        self._kept: tantivy.IndexWriter | None = None

    def _writer(self) -> tantivy.IndexWriter:
        try:
            return self._index.writer(heap_size=WRITER_HEAP)
        except ValueError as exc:
            if "LockBusy" in str(exc):
                raise IndexLockedError(f"the tantivy index in {self.folder} is locked by "
                                       f"another writer") from None
            raise IndexFormatError(f"the tantivy index in {self.folder} cannot be written: "
                                   f"{_first_line(exc)}") from None

    @contextlib.contextmanager
    def writer(self, merge: bool = True) -> Iterator[TantivyWriter]:
        """A block whose changes are one tantivy commit (rolled back if it raises).
        After a ``merge=False`` block the writer is kept for the next block, its merges
        going on meanwhile; any other end of a block ends the writer."""
        bulk = self._kept is not None  # the earlier blocks of a bulk load kept it
        writer, self._kept = self._kept or self._writer(), None
        keep = ended = False
        try:
            yield TantivyWriter(writer)
        except BaseException:
            writer.rollback()
            raise
        else:
            writer.commit()
            keep, ended = not merge, merge and bulk
        finally:
            if keep:
                self._kept = writer
            else:
                writer.wait_merging_threads()  # ends the writer: its lock goes too
        if ended:
            self._save_state()

    def _meta(self) -> bytes:
        try:
            return (self.folder / "meta.json").read_bytes()
        except OSError as exc:
            raise IndexFormatError(f"the tantivy index in {self.folder} cannot be read: "
                                   f"{exc.strerror}") from None

    def snapshot(self) -> TantivySnapshot:
        with self._lock:
            meta = self._meta()
            if self._snapshot is None or self._snapshot.key != _key(meta):
                self._snapshot = None  # not held while the next one is read
                meta, searcher = self._searcher()
                self._snapshot = TantivySnapshot(_key(meta), searcher, self._index.schema,
                                                 _details(searcher, meta), self._segments,
                                                 _segments(meta))
            return self._snapshot

    def _searcher(self) -> tuple[bytes, tantivy.Searcher]:
        """A searcher and the ``meta.json`` it reads (read again while another
        writer commits between the two)."""
        while True:
            meta = self._meta()
            self._index.reload()
            searcher = self._index.searcher()
            if self._meta() == meta:
                return meta, searcher

    def tidy(self) -> bool:
        """Nothing to merge (tantivy merges segments as it commits); a writer kept
        between commits waits for its merges and ends, and the saved parts of
        segments merged away (and columns of older states) are deleted."""
        self._end_kept()
        meta = self._meta()
        clean_parts(self.folder, _segments(meta), _key(meta))
        return False

    def _end_kept(self) -> None:
        """End a writer kept between a bulk load's commits (the load's end)."""
        kept, self._kept = self._kept, None
        if kept is not None:
            kept.wait_merging_threads()
            self._save_state()

    def _save_state(self) -> None:
        """At a bulk load's end: read and save each live segment's part, and the new
        state's ids, dates and facet columns, now, so the first query after a build
        reads one file a column, not every stored document."""
        self.snapshot().save_state()

    def size_on_disk(self) -> int:
        total = 0
        for path in self.folder.iterdir():
            with contextlib.suppress(OSError):
                total += path.stat().st_size
        return total

    def close(self) -> None:
        self._end_kept()
        with contextlib.suppress(IndexFormatError):  # what was made after a commit
            self._segments.save_unsaved(_key(self._meta()))
        with self._lock:
            self._snapshot = None


def _key(meta: bytes) -> str:
    return "tantivy-" + hashlib.sha1(meta).hexdigest()


def _segments(meta: bytes) -> list[SegmentMeta]:
    """Each segment, in the order of the searcher's segment numbers."""
    return [SegmentMeta.of(s) for s in json.loads(meta).get("segments", [])]


def _details(searcher: tantivy.Searcher, meta: bytes) -> dict[str, Any]:
    return {"segments": searcher.num_segments,
            "deleted": sum(s.deleted for s in _segments(meta))}
