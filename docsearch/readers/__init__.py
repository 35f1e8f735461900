"""Readers: one per file format, picked by file suffix from one registry.

=============  ===============================  ====================================
reader         suffixes                         module
=============  ===============================  ====================================
markdown       .md .markdown .mdown .mkd        :mod:`docsearch.readers.markdown`
text           .txt .text                       :mod:`docsearch.readers.text`
html           .html .htm .xhtml                :mod:`docsearch.readers.html`
jsonl          .jsonl .ndjson .jsonlines        :mod:`docsearch.readers.jsonl`
=============  ===============================  ====================================

:func:`read_file` decodes a file, runs its reader and :func:`docsearch.extract.enrich`
and returns the articles together with the problems found (a file that cannot be
read, or single bad records of a JSON Lines file), so one bad file never stops a
run. :func:`walk` lists the files under folders, with the ones that must not be
opened (symlink loops, links out of the folder, named pipes...) marked with the
reason; :func:`iter_files` lists only the others.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import importlib
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import attrs

from docsearch.errors import ParseError
from docsearch.extract import Extraction, enrich
from docsearch.extract.topics import Taxonomy
from docsearch.models import Article
from docsearch.readers.jsonl import Extracted, JsonLinesReader
from docsearch.readers.text import TextReader

__all__ = [
    "MAX_FILE_BYTES",
    "FileResult",
    "FoundFile",
    "Reader",
    "decode",
    "decode_guessing",
    "iter_files",
    "read_file",
    "reader_for",
    "register",
    "suffixes",
    "walk",
]

#: Files larger than this (other than JSON Lines) are reported, not read.
MAX_FILE_BYTES = 16 * 1024 * 1024


class Reader(Protocol):
    """A format: its name, the suffixes it claims and how it turns text into articles.

    ``read`` yields :class:`Article` objects, or :class:`ParseError` objects for bad
    records it skipped; it raises :class:`ParseError` when the whole file is bad. An
    :class:`~docsearch.readers.jsonl.Extracted` article (a record of ``docsearch
    export``) is indexed as it is: no extraction, its path and content hash kept.
    """

    name: str
    suffixes: tuple[str, ...]

    def read(self, text: str, path: str) -> Iterable[Article | Extracted | ParseError]: ...


_REGISTRY: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    """Make ``reader`` the reader of its suffixes (replacing any earlier one)."""
    for suffix in reader.suffixes:
        _REGISTRY[suffix.lower()] = reader


@attrs.define
class _Deferred:
    """A bundled reader whose module (and its parser: markdown-it, Beautiful Soup) is
    imported when it first reads a file, so that commands reading none start fast."""

    name: str
    suffixes: tuple[str, ...]
    module: str
    cls: str
    _reader: Reader | None = None

    def read(self, text: str, path: str) -> Iterable[Article | Extracted | ParseError]:
        if self._reader is None:
            self._reader = getattr(importlib.import_module(self.module), self.cls)()
        return self._reader.read(text, path)


for _reader in (
    _Deferred("markdown", (".md", ".markdown", ".mdown", ".mkd"),
              "docsearch.readers.markdown", "MarkdownReader"),
    TextReader(),
    _Deferred("html", (".html", ".htm", ".xhtml"), "docsearch.readers.html", "HtmlReader"),
    JsonLinesReader(),
):
    register(_reader)


def suffixes() -> list[str]:
    """Every file suffix some reader claims."""
    return sorted(_REGISTRY)


def reader_for(path: str | Path) -> Reader | None:
    """The reader registered for the file's suffix, or ``None``."""
    return _REGISTRY.get(Path(path).suffix.lower())


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, path: str) -> str:
    """Text of a file (see :func:`decode_guessing`)."""
    return decode_guessing(data, path)[0]


def decode_guessing(data: bytes, path: str) -> tuple[str, str | None]:
    """Text of a file and, when it is not UTF-8, the encoding it was read in.

    UTF-8, or UTF-8/16/32 with a byte-order mark, is read as such (the encoding is then
    ``None``). Other bytes are read in the encoding charset-normalizer finds, with
    cp1252 preferred to the other Western code pages (see :func:`_guess`). Empty and
    binary files, UTF-8 with some bad bytes in it and bytes that fit no encoding raise
    :class:`ParseError` with the reason.
    """
    guessed = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise ParseError(path, f"invalid {encoding} text at byte {exc.start}") from None
            break
    else:
        if b"\x00" in data[:8192]:
            raise ParseError(path, "binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            where = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
            if _broken_utf8(data):
                raise ParseError(path, f"invalid UTF-8 text ({where})") from None
            found = _guess(data)
            if found is None:
                raise ParseError(path, f"not UTF-8 text ({where}), nor in any encoding "
                                       f"recognised") from None
            text, guessed = found
    if not text.strip():
        raise ParseError(path, "empty file")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > 8:
        raise ParseError(path, "binary file, not text")
    return text, guessed


def _broken_utf8(data: bytes) -> bool:
    """True for UTF-8 with some bad bytes in it (more characters of two bytes or more
    read right than bytes that fail): read in another encoding, those characters
    would be garbled ("CafÃ©")."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if ord(c) > 127) - bad > bad


# Single-byte code pages of Latin script, which charset-normalizer often takes for
# each other in a short text: a text that reads in cp1252 is read so.
_WESTERN = frozenset((
    "cp1250", "cp1252", "cp1254", "cp1257", "cp1258", "cp437", "cp775", "cp850", "cp852",
    "cp857", "cp858", "cp860", "cp861", "cp863", "cp865", "hp_roman8", "iso8859_2",
    "iso8859_3", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14",
    "iso8859_15", "iso8859_16", "latin_1", "mac_iceland", "mac_latin2", "mac_roman",
    "mac_turkish",
))


def _guess(data: bytes) -> tuple[str, str] | None:
    """Bytes that are not UTF-8 as text, and the encoding's name ("cp1252"), or
    ``None`` when no encoding fits them.

    charset-normalizer's best guess wins, except that cp1252 (the Western news
    archives' encoding, and a superset of Latin-1's letters) is taken when the bytes
    read in it and the guess is another Western code page, one that cp1252 reads as
    cleanly, or a multi-byte encoding that found no character of two bytes (a lone
    ``£`` in English text is often guessed as Japanese, as one half-width katakana).
    """
    # Only here: most files are UTF-8.
    from charset_normalizer import from_bytes
    from charset_normalizer.utils import is_multi_byte_encoding

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    text = str(best)
    if best.encoding != "cp1252" and (
            best.encoding in _WESTERN
            or any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches)
            or (is_multi_byte_encoding(best.encoding) and len(text) == len(data))):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return text, best.encoding.replace("_", "-")


@attrs.frozen
class FileResult:
    """What one file gave: its articles and the problems met while reading it.

    >>> result = docsearch.read_file(sample_docs / "wire-feed.jsonl", root=sample_docs)
    >>> len(result.articles), result.errors, result.articles[0].path
    (6, (), 'wire-feed.jsonl#1')
    """

    path: str
    articles: tuple[Article, ...] = ()
    errors: tuple[ParseError, ...] = ()
    #: SHA-256 of the file's bytes (``None`` when it could not be read).
    digest: str | None = None
    #: The encoding the file was read in when it is not UTF-8, as guessed ("cp1252").
    encoding: str | None = None

    @property
    def notes(self) -> tuple[str, ...]:
        """What a report says about the file besides errors: the guessed encoding."""
        if self.encoding is None:
            return ()
        return (f"{self.path}: read as {self.encoding} (not UTF-8)",)


def _relative(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def read_file(path: str | Path, root: str | Path | None = None,
              taxonomy: Taxonomy | None = None,
              cache: Mapping[str, Extraction] | None = None) -> FileResult:
    """Read one file into articles, with extraction applied.

    ``root`` is the folder the file was found under: ``Article.path`` (and the id of
    an article without url) is the path relative to it. ``cache`` holds earlier
    extractions by content hash (see :func:`docsearch.extract.enrich`). Never raises
    for a bad file: problems come back in ``FileResult.errors``. Never waits either: a
    named pipe, socket, device or folder is reported without being read.

    >>> _ = (tmp / "bad.jsonl").write_text('{"title": "Ferry"}\\nnot json\\n')
    >>> result = docsearch.read_file(tmp / "bad.jsonl")
    >>> [a.title for a in result.articles], [e.reason for e in result.errors]
    (['Ferry'], ['invalid JSON (Expecting value at column 1)'])
    """
    path = Path(path)
    shown = str(path)
    if not _utf8(shown):  # a name in another encoding: no index or report can hold it
        shown = _printable(path)
        return FileResult(shown, errors=(ParseError(shown, "path is not valid UTF-8"),))
    reader = reader_for(path)
    if reader is None:
        return FileResult(shown, errors=(ParseError(shown, f"unsupported file type "
                                                           f"'{path.suffix or path.name}'"),))
    limit = None if isinstance(reader, JsonLinesReader) else MAX_FILE_BYTES
    try:
        data = _read_bytes(path, shown, limit)
    except ParseError as exc:
        return FileResult(shown, errors=(exc,))
    except OSError as exc:
        return FileResult(shown, errors=(ParseError(shown, f"cannot read: {os_reason(exc)}"),))
    rel = _relative(path, Path(root) if root is not None else None)
    digest = hashlib.sha256(data).hexdigest()
    articles: list[Article] = []
    errors: list[ParseError] = []
    try:
        text, encoding = decode_guessing(data, shown)
        items = list(reader.read(text, shown))
    except ParseError as exc:
        return FileResult(shown, errors=(exc,), digest=digest)
    except Exception as exc:  # a reader bug or an odd file: report it, go on with the run
        return FileResult(shown, errors=(_unexpected(shown, exc),), digest=digest)
    single = len(items) == 1 and not isinstance(reader, JsonLinesReader)
    for item in items:
        if isinstance(item, ParseError):
            errors.append(item)
            continue
        if isinstance(item, Extracted):  # exported by docsearch: indexed as it is
            articles.append(item.article)
            continue
        where = shown
        if single:
            item = item.evolve(path=rel, content_hash=digest)
        else:
            line = (item.path or "").rpartition("#")[2]
            item = item.evolve(path=f"{rel}#{line}" if line else rel)
            where = f"{shown}:{line}" if line else shown
        try:
            articles.append(enrich(item, taxonomy, cache))
        except Exception as exc:  # an extraction bug must not stop the run either
            errors.append(_unexpected(where, exc))
    return FileResult(shown, tuple(articles), tuple(errors), digest, encoding)


def _unexpected(where: str, exc: Exception) -> ParseError:
    return ParseError(where, f"cannot parse: {exc.__class__.__name__}: "
                             f"{' '.join(str(exc).split())[:120]}")


def _size(count: int, *, up: bool) -> str:
    """A byte count for people ("16 MB", "1.5 KB", "200 bytes"), rounded up or down to
    one decimal so that a file just over the limit never shows the limit's size."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if count >= scale:
            tenths = -(-count * 10 // scale) if up else count * 10 // scale
            return f"{tenths / 10:g} {unit}"
    return f"{count} bytes"


def _utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(path: str | Path) -> str:
    """A path as text that can be printed and stored: a byte of a name that is not
    UTF-8 is shown as ``\\xe9``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def os_reason(exc: OSError) -> str:
    """The system's words for an error, lower case ("permission denied")."""
    return (exc.strerror or exc.__class__.__name__).lower()


_KINDS = (
    (stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
)


def _irregular(mode: int) -> str | None:
    """Why a file of this mode is not read ("not a regular file (named pipe)"), or
    ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), None)
    return f"not a regular file ({kind})" if kind else "not a regular file"


def _check(info: os.stat_result, shown: str, limit: int | None) -> None:
    reason = _irregular(info.st_mode)
    if reason is not None:
        raise ParseError(shown, reason)
    if limit is not None and info.st_size > limit:
        raise _too_large(shown, info.st_size, limit)


def _too_large(shown: str, size: int, limit: int) -> ParseError:
    return ParseError(shown, f"file too large ({_size(size, up=True)}; the limit is "
                             f"{_size(limit, up=False)})")


# Opening never waits: a named pipe put in a file's place opens at once (and is then
# refused), and a terminal never becomes the controlling one.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))


def _read_bytes(path: Path, shown: str, limit: int | None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (any size when ``None``).

    The file is checked before it is opened (reading a named pipe would wait for a
    writer, a device may never end) and again once open, in case it was replaced in
    between. Raises :class:`ParseError` for a file that is not read, ``OSError`` when
    the system refuses.
    """
    _check(os.stat(path), shown, limit)
    with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as handle:
        _check(os.fstat(handle.fileno()), shown, limit)
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:  # it grew after it was checked
        raise _too_large(shown, len(data), limit)
    return data


@attrs.frozen
class FoundFile:
    """A file :func:`walk` found under ``root`` (the folder it was given, or the parent
    of a file given by name), and why it is not to be read (``None`` when it may be)."""

    path: Path
    root: Path
    problem: ParseError | None = None


def walk(paths: Iterable[str | Path]) -> Iterator[FoundFile]:
    """Every file under ``paths`` that is to be read, or reported without being opened.

    A folder is walked recursively and only files with a registered suffix are
    listed, sorted by path inside the folder. Hidden entries (a name starting with
    ".") and files with other suffixes are skipped without a word. Symlinked folders
    are not followed, also without a word: they often point back up the tree or to a
    large shared folder, and what they hold can be indexed by naming it. A symlink to
    a file inside the folder is listed like the file.

    Listed with a ``problem``, and never opened: a symlink loop, a dangling symlink,
    a symlink to a file outside the folder, a named pipe, socket or device (or a
    symlink to one), and a folder that cannot be listed. A path given by name is
    listed without a problem whatever it is: :func:`read_file` reports a missing,
    unsupported or special file without reading it.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_folder(path)
        else:
            yield FoundFile(path, path.parent)


def _walk_folder(folder: Path) -> list[FoundFile]:
    # os.scandir rather than os.walk: a directory entry says whether it is a folder,
    # a link or a regular file without a system call per file.
    root = folder.resolve()
    found: list[tuple[tuple[str, ...], FoundFile]] = []
    stack: list[tuple[Path, tuple[str, ...]]] = [(folder, ())]
    while stack:
        current, rel = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = list(listing)
        except OSError as exc:
            where = Path(exc.filename) if exc.filename else current
            problem = ParseError(_printable(where), f"cannot list folder: {os_reason(exc)}")
            found.append((rel, FoundFile(where, folder, problem)))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.is_symlink():  # symlinked folders are not followed
                    stack.append((current / name, (*rel, name)))
                continue
            if os.path.splitext(name)[1].lower() not in _REGISTRY:
                continue
            file = current / name
            plain = not entry.is_symlink() and entry.is_file(follow_symlinks=False)
            found.append(((*rel, name), FoundFile(file, folder,
                                                   None if plain else _problem(file, root))))
    # Sorted by path inside the folder (a sub-folder's files where its name sorts).
    found.sort(key=lambda pair: pair[0])
    return [item for _, item in found]


def _problem(file: Path, root: Path) -> ParseError | None:
    """Why a file found in a folder is not to be opened, or ``None``."""
    reason = _link_problem(file, root) if file.is_symlink() else None
    if reason is None:
        try:
            reason = _irregular(os.stat(file).st_mode)
        except OSError:
            return None  # gone or unreadable: read_file says so
    return ParseError(_printable(file), reason) if reason else None


def _link_problem(link: Path, root: Path) -> str | None:
    try:
        target = link.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 says a loop so
        return "symlink loop"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "dangling symlink: its target does not exist"
        return f"cannot follow symlink: {os_reason(exc)}"
    if not target.is_relative_to(root):
        return "symlink to a file outside the folder, not followed"
    return None


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for each file :func:`walk` lists without a problem."""
    for found in walk(paths):
        if found.problem is None:
            yield found.path, found.root
