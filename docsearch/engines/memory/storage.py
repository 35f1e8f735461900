"""The memory engine's files: one JSON-lines file per commit, nothing executed on load.

A generation folder holds ``memory-NNNNNNNN.jsonl`` files, numbered by commit.
Each starts with a header line ``{"format": 1, "index": UID, "commit": N,
"full": BOOL}`` followed by one line per change: ``{"put": DOCUMENT}`` or
``{"delete": ID}``. A *full* file holds every live document of its commit (as
puts); a *delta* file only that commit's changes. The state at commit ``N`` is
the newest full file at or before ``N`` with the deltas after it replayed in
order. Every file is written whole or not at all (:func:`docsearch.files.atomic_write`);
a compaction writes a full file and then deletes the older files, so a reader
that finds a file gone reads again from the newest full file.

Stored values are JSON; tuples, datetimes and dates are tagged (``{"$tuple":
[...]}``) so that :meth:`Snapshot.stored` gives back what was put, unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from docsearch.engines.base import Document
from docsearch.errors import IndexFormatError
from docsearch.files import atomic_write

__all__ = ["FORMAT", "Commit", "commits", "document_from_record", "document_record", "read_state",
           "record_json", "write_commit"]

FORMAT = 1
_NAME = re.compile(r"^memory-(\d{8})\.jsonl$")

#: One change of a commit: ``("put", document)`` or ``("delete", id)``.
Change = tuple[str, Any]


@attrs.frozen
class Commit:
    """A commit file: its number and whether it holds the whole state."""

    number: int
    path: Path


def commit_path(folder: Path, number: int) -> Path:
    return folder / f"memory-{number:08d}.jsonl"


def commits(folder: Path) -> list[Commit]:
    """The commit files in ``folder``, oldest first."""
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            found.append(Commit(int(match.group(1)), path))
    return sorted(found, key=lambda c: c.number)


# ------------------------------------------------------------------- values

def _encode(value: Any) -> Any:
    if value is None or isinstance(value, str):  # most values: first
        return value
    if isinstance(value, tuple):
        return {"$tuple": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        items = {str(k): _encode(v) for k, v in value.items()}
        return {"$dict": items} if any(k.startswith("$") for k in items) else items
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"the memory engine cannot store a {type(value).__name__}")


_TAGS: dict[str, Callable[[Any], Any]] = {
    "$tuple": lambda v: tuple(_decode(x) for x in v),
    "$datetime": dt.datetime.fromisoformat,
    "$date": dt.date.fromisoformat,
    "$dict": lambda v: {k: _decode(x) for k, x in v.items()},
}


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key in _TAGS:
                return _TAGS[key](inner)
        return {k: _decode(v) for k, v in value.items()}
    return value


def document_record(doc: Document) -> dict[str, Any]:
    return {"id": doc.id, "title": doc.title, "body": doc.body,
            "title_terms": list(doc.title_terms), "body_terms": list(doc.body_terms),
            "keywords": {k: list(v) for k, v in doc.keywords.items()},
            "date": doc.date.isoformat() if doc.date is not None else None,
            "stored": _encode(dict(doc.stored))}


_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False)


def record_json(doc: Document) -> str:
    """``json.dumps(document_record(doc), ensure_ascii=False)``, byte for byte, with the
    title and body (held twice: as the document's and in its stored fields) encoded once."""
    title, body = _JSON(doc.title), _JSON(doc.body)
    stored = _encode(dict(doc.stored))
    if "$dict" in stored:  # tagged: as it is
        stored_json = _JSON(stored)
    else:
        stored_json = "{" + ", ".join(
            f"{_JSON(key)}: " + (title if value is doc.title else body if value is doc.body
                                 else _JSON(value))
            for key, value in stored.items()) + "}"
    date = _JSON(doc.date.isoformat() if doc.date is not None else None)
    keywords = _JSON({k: list(v) for k, v in doc.keywords.items()})
    return (f'{{"id": {_JSON(doc.id)}, "title": {title}, "body": {body}, '
            f'"title_terms": {_terms_json(doc.title_terms)}, '
            f'"body_terms": {_terms_json(doc.body_terms)}, '
            f'"keywords": {keywords}, "date": {date}, "stored": {stored_json}}}')


def _terms_json(terms: Iterable[str]) -> str:
    """A list of terms as JSON: joined as they are when none needs escaping (a quote,
    a backslash or a control character; the analysed terms of a text never do), else by
    the encoder."""
    terms = terms if isinstance(terms, (tuple, list)) else list(terms)
    if not terms:
        return "[]"
    try:
        joined = '", "'.join(terms)
    except TypeError:  # not all text
        return _JSON(terms)
    plain = (joined.count('"') == 2 * (len(terms) - 1) and "\\" not in joined
             and joined.isprintable())  # the separators' quotes only; no control character
    return f'["{joined}"]' if plain else _JSON(terms)


def document_from_record(record: dict[str, Any]) -> Document:
    return Document(
        id=record["id"], title=record["title"], body=record["body"],
        title_terms=tuple(record["title_terms"]), body_terms=tuple(record["body_terms"]),
        keywords={k: tuple(v) for k, v in record["keywords"].items()},
        date=dt.datetime.fromisoformat(record["date"]) if record["date"] else None,
        stored=_decode(record["stored"]))


# ------------------------------------------------------------------- files

def write_commit(folder: Path, uid: str, number: int, changes: Iterable[Change],
                 full: bool) -> None:
    """Write commit ``number`` (a full state or a delta), whole or not at all."""
    header = {"format": FORMAT, "index": uid, "commit": number, "full": full}
    with atomic_write(commit_path(folder, number), fsync=True) as out:
        out.write(json.dumps(header) + "\n")
        for kind, value in changes:
            record = document_record(value) if kind == "put" else value
            out.write(json.dumps({kind: record}, ensure_ascii=False) + "\n")


def _read(path: Path) -> tuple[dict[str, Any], Iterator[Change]]:
    lines = path.read_text("utf-8").splitlines()
    try:
        header = json.loads(lines[0])
    except (IndexError, ValueError):
        raise IndexFormatError(f"{path} is not a memory engine commit") from None
    if header.get("format") != FORMAT:
        raise IndexFormatError(f"{path} has memory engine format {header.get('format')}, "
                               f"not {FORMAT}: rebuild the index")

    def changes() -> Iterator[Change]:
        for line in lines[1:]:
            (kind, value), = json.loads(line).items()
            yield (kind, document_from_record(value) if kind == "put" else value)

    return header, changes()


def apply(docs: dict[str, Document], changes: Iterable[Change]) -> None:
    """Apply changes in order: a put replaces (and moves last) the document with its id."""
    for kind, value in changes:
        if kind == "put":
            docs.pop(value.id, None)
            docs[value.id] = value
        else:
            docs.pop(value, None)


def read_state(folder: Path, since: int | None = None,
               docs: dict[str, Document] | None = None,
               ) -> tuple[str, int, dict[str, Document], int]:
    """The newest committed state: ``(uid, commit, documents, files since the last
    full one)``. With ``since`` and ``docs`` (a state already read), only the later
    deltas are replayed on a copy of ``docs`` where they are all still there."""
    for _ in range(5):  # a compaction may delete files while they are read
        try:
            return _read_state(folder, since, docs)
        except FileNotFoundError:
            since, docs = None, None
    return _read_state(folder, None, None)


def _read_state(folder: Path, since: int | None, docs: dict[str, Document] | None,
                ) -> tuple[str, int, dict[str, Document], int]:
    files = commits(folder)
    if not files:
        raise IndexFormatError(f"{folder} holds no memory engine commit")
    full = [i for i, c in enumerate(files) if _is_full(c.path)]
    start = full[-1] if full else 0
    if since is not None and docs is not None and files[start].number <= since:
        chain = [c for c in files[start:] if c.number > since]
        state = dict(docs)
    else:
        chain, state = files[start:], {}
    uid = ""
    for commit in chain:
        header, changes = _read(commit.path)
        uid = header["index"]
        apply(state, changes)
    if not chain:
        uid = _read(files[-1].path)[0]["index"]
    return uid, files[-1].number, state, len(files) - start - 1


def _is_full(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        return bool(json.loads(handle.readline() or "{}").get("full"))


def remove_before(folder: Path, number: int) -> None:
    """Delete the commit files older than ``number`` (after a full one is written)."""
    for commit in commits(folder):
        if commit.number < number:
            commit.path.unlink(missing_ok=True)
