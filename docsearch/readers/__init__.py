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
run. :func:`iter_files` lists the readable files under folders.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

import attrs

from docsearch.errors import ParseError
from docsearch.extract import Extraction, enrich
from docsearch.extract.topics import Taxonomy
from docsearch.models import Article
from docsearch.readers.html import HtmlReader
from docsearch.readers.jsonl import JsonLinesReader
from docsearch.readers.markdown import MarkdownReader
from docsearch.readers.text import TextReader

__all__ = [
    "MAX_FILE_BYTES",
    "FileResult",
    "Reader",
    "decode",
    "iter_files",
    "read_file",
    "reader_for",
    "register",
    "suffixes",
]

#: Files larger than this (other than JSON Lines) are reported, not read.
MAX_FILE_BYTES = 16 * 1024 * 1024


class Reader(Protocol):
    """A format: its name, the suffixes it claims and how it turns text into articles.

    ``read`` yields :class:`Article` objects, or :class:`ParseError` objects for bad
    records it skipped; it raises :class:`ParseError` when the whole file is bad.
    """

    name: str
    suffixes: tuple[str, ...]

    def read(self, text: str, path: str) -> Iterable[Article | ParseError]: ...


_REGISTRY: dict[str, Reader] = {}


def register(reader: Reader) -> None:
    """Make ``reader`` the reader of its suffixes (replacing any earlier one)."""
    for suffix in reader.suffixes:
        _REGISTRY[suffix.lower()] = reader


for _reader in (MarkdownReader(), TextReader(), HtmlReader(), JsonLinesReader()):
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
    """Text of a file: UTF-8, or UTF-8/16/32 with a byte-order mark.

    Empty, binary and non-UTF-8 files raise :class:`ParseError` with the reason.
    """
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
            raise ParseError(path, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset "
                                   f"{exc.start})") from None
    if not text.strip():
        raise ParseError(path, "empty file")
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > 8:
        raise ParseError(path, "binary file, not text")
    return text


@attrs.frozen
class FileResult:
    """What one file gave: its articles and the problems met while reading it."""

    path: str
    articles: tuple[Article, ...] = ()
    errors: tuple[ParseError, ...] = ()
    #: SHA-256 of the file's bytes (``None`` when it could not be read).
    digest: str | None = None


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
    for a bad file: problems come back in ``FileResult.errors``.
    """
    path = Path(path)
    shown = str(path)
    reader = reader_for(path)
    if reader is None:
        return FileResult(shown, errors=(ParseError(shown, f"unsupported file type "
                                                           f"'{path.suffix or path.name}'"),))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES and not isinstance(reader, JsonLinesReader):
            raise ParseError(shown, f"file too large ({_size(size, up=True)}; the limit is "
                                    f"{_size(MAX_FILE_BYTES, up=False)})")
        data = path.read_bytes()
    except ParseError as exc:
        return FileResult(shown, errors=(exc,))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return FileResult(shown, errors=(ParseError(shown, f"cannot read: {reason.lower()}"),))
    rel = _relative(path, Path(root) if root is not None else None)
    digest = hashlib.sha256(data).hexdigest()
    articles: list[Article] = []
    errors: list[ParseError] = []
    try:
        text = decode(data, shown)
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
    return FileResult(shown, tuple(articles), tuple(errors), digest)


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


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, Path]]:
    """``(file, root)`` for each readable file under ``paths``, sorted by path in a folder.

    A folder is walked recursively (hidden entries skipped, symlinked folders not
    followed, files linked from outside the folder left out) and only files with a
    registered suffix are listed; a file named directly is listed whatever its suffix
    (so an unsupported one is reported). A path that does not exist is listed too,
    so that reading it reports the problem.
    """
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield path, path.parent
            continue
        root = path.resolve()
        found: list[Path] = []
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if name.startswith(".") or Path(name).suffix.lower() not in _REGISTRY:
                    continue
                file = Path(folder) / name
                if file.is_symlink():
                    try:
                        file.resolve(strict=True).relative_to(root)
                    except (OSError, ValueError, RuntimeError):
                        continue  # dangling, looping or pointing outside the folder
                found.append(file)
        # Sorted by path inside the folder (a sub-folder's files where its name sorts).
        for file in sorted(found, key=lambda f: f.relative_to(path).parts):
            yield file, path
