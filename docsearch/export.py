"""Exporting articles: JSON Lines (read back by ``docsearch index`` exactly as it
was), one JSON array, or CSV for spreadsheets (see :meth:`docsearch.Index.export`)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, TextIO

from docsearch.defaults import EXPORT_FORMATS
from docsearch.errors import DocsearchError
from docsearch.files import atomic_write
from docsearch.models import Article, json_text

__all__ = ["EXPORT_FIELDS", "check_format", "export_articles"]


#: The fields of an exported article, in order (``extracted`` is added in JSON).
EXPORT_FIELDS = ("id", "title", "authors", "source", "published", "url", "people",
                 "surnames", "topics", "sections", "path", "content_hash", "body")


def _export_record(article: Article) -> dict[str, Any]:
    """An article as :meth:`Index.export` writes it (as stored: people as found)."""
    data = {**article.to_dict(), "surnames": list(article.surnames)}
    return {**{name: data[name] for name in EXPORT_FIELDS}, "extracted": True}


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(value)
    return "" if value is None else str(value)


def check_format(format: str) -> None:
    """Raise :class:`DocsearchError` for a format that is not one of
    :data:`~docsearch.defaults.EXPORT_FORMATS`."""
    if format not in EXPORT_FORMATS:
        raise DocsearchError(f"unknown export format '{format}' (use "
                             f"{', '.join(EXPORT_FORMATS[:-1])} or {EXPORT_FORMATS[-1]})")


def export_articles(out: TextIO | str | Path, format: str, articles: Iterable[Article]) -> int:
    """Write ``articles`` to ``out`` (a text stream, or a file path written beside its
    place and moved there when complete); returns how many."""
    check_format(format)
    if not isinstance(out, (str, Path)):
        return _write(out, format, articles)
    target = Path(out)
    try:
        with atomic_write(target, newline="") as handle:
            return _write(handle, format, articles)
    except OSError as exc:
        from docsearch.readers import os_reason

        raise DocsearchError(f"cannot write {target}: {os_reason(exc)}") from None


def _write(out: IO[str], format: str, articles: Iterable[Article]) -> int:
    count = 0
    rows = csv.writer(out) if format == "csv" else None
    if rows is not None:
        rows.writerow(EXPORT_FIELDS)
    elif format == "json":
        out.write("[")
    for article in articles:
        record = _export_record(article)
        if rows is not None:
            rows.writerow(_csv_cell(record[name]) for name in EXPORT_FIELDS)
        elif format == "json":
            out.write(("\n  " if not count else ",\n  ") + json_text(record))
        else:
            out.write(json_text(record) + "\n")
        count += 1
    if format == "json":
        out.write("\n]\n" if count else "]\n")
    return count
