"""Dates in searches: a ``since``/``until`` value read as a day, the ``day`` terms
between two days, and the check that a range is not backwards (the query language's
``date:`` clauses and the API's ``since``/``until`` share them)."""

from __future__ import annotations

import datetime as dt

from docsearch.errors import InvalidDateError, QueryError

__all__ = ["check_order", "date_option", "day_range"]


def date_option(value: dt.date | str | None, name: str, *, end: bool) -> dt.date | None:
    """A ``since``/``until`` value (or a ``date:`` clause's, ``name`` being ``date``)
    as a day: ``2021``, ``2021-12``, ``2021-12-31`` or a written date; a year or
    month stands for its first day, or its last when ``end``. ``None``: no bound."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    from docsearch.extract.dates import parse_bound  # dateutil: only for a date given

    found = parse_bound(str(value), end=end)
    if found is None:
        raise InvalidDateError(
            f"{name} '{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return found


def day_range(since: dt.date | None, until: dt.date | None) -> tuple[str, str]:
    """The ``day`` terms (``YYYY-MM-DD``, in date order as text) from ``since`` to
    ``until``, both included; an open end is the lowest or highest term."""
    return (since.strftime("%Y-%m-%d") if since else "0000-00-00",
            until.strftime("%Y-%m-%d") if until else "9999-99-99")


def check_order(since: dt.date | None, until: dt.date | None, where: str = "") -> None:
    """Raise :class:`QueryError` when ``since`` is after ``until``."""
    low, high = day_range(since, until)
    if low > high:
        raise QueryError(f"since ({low}) is after until ({high}){where}")
