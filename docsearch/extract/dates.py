"""Publication dates: strict parsing of date lines, metadata values and url paths.

Nothing here guesses a date out of running text: a date is taken only from a value
that is a date as a whole (metadata, a line holding just a date, a ``/YYYY/MM/DD/``
url path). A date without a time stays a :class:`datetime.date`; a date with a
time becomes a :class:`datetime.datetime` with the offset printed (naive when none is).

A date outside :data:`EARLIEST_YEAR` .. :data:`YEARS_AHEAD` years after today is not
a publication date (see :func:`plausible`): every parser here returns ``None`` for
it, so an article dated "0000-01-01" or "9999-12-31" is read without a date.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings

from dateutil import parser as _dateparser
from dateutil import tz as _tz

from docsearch.models import normalise_datetime

__all__ = ["EARLIEST_YEAR", "YEARS_AHEAD", "coerce_date", "date_from_url", "latest_date",
           "parse_bound", "parse_date", "parse_reuters_date", "plausible"]

#: The earliest year a publication date may have. Older ones are placeholders
#: ("0000-01-01", "0001-01-01") or typos, never the date a news article came out.
EARLIEST_YEAR = 1000
#: How many years after today a publication date may lie: a little ahead allows for
#: time zones, wrong clocks and pieces dated ahead of an embargo; "9999-12-31" (a
#: common "no end" value) and other far-future dates are not publication dates.
YEARS_AHEAD = 1

_EASTERN = _tz.gettz("America/New_York")
_CENTRAL = _tz.gettz("America/Chicago")
_MOUNTAIN = _tz.gettz("America/Denver")
_PACIFIC = _tz.gettz("America/Los_Angeles")
_TZINFOS = {
    "ET": _EASTERN, "EST": -5 * 3600, "EDT": -4 * 3600,
    "CT": _CENTRAL, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MT": _MOUNTAIN, "MST": -7 * 3600, "MDT": -6 * 3600,
    "PT": _PACIFIC, "PST": -8 * 3600, "PDT": -7 * 3600,
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 3 * 3600, "MSK": 3 * 3600, "JST": 9 * 3600,
    "AEST": 10 * 3600, "AEDT": 11 * 3600, "HKT": 8 * 3600, "SGT": 8 * 3600,
    "IST": 19800, "PKT": 5 * 3600, "WIB": 7 * 3600, "KST": 9 * 3600, "CST6CDT": -6 * 3600,
    "AST": 3 * 3600, "GST": 4 * 3600, "EAT": 3 * 3600, "WAT": 3600, "CAT": 7200, "SAST": 7200,
    "NZST": 12 * 3600, "NZDT": 13 * 3600, "AWST": 8 * 3600, "ACST": 34200,
}

# Words that may stand before a date on a date line ("Updated: March 4, 2024").
_PREFIX = re.compile(
    r"^\W*(?:(?:first\s+|last\s+)?(?:published|updated|posted|modified|created|issued|dated?)"
    r"(?:\s+(?:on|at))?|date|on)\b\W*",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?:\s+of\b)?", re.IGNORECASE)
_AT = re.compile(r"\s(?:at|@|-|–|—|\|)\s", re.IGNORECASE)
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.?", re.IGNORECASE)
_MONTH_ABBREV_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", re.I)
_PARENTHESES = re.compile(r"\([^)]*\)")
_HAS_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|"
    r"sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b",
    re.IGNORECASE,
)
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"\b(1[89]\d{2}|2\d{3})\b")
_DEFAULTS = (dt.datetime(1904, 1, 1, 0, 0, 0), dt.datetime(1908, 2, 2, 1, 1, 1))


_NUMERIC = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")


def _numeric_to_iso(text: str) -> str | None:
    """A numeric date made ISO when its order is certain: ``22.06.2023`` (dots: day
    first), ``23/10/2023`` (day first: 23 is no month), ``04/23/2024`` (month first).
    ``04/03/2024`` could be either and gives ``None``."""
    match = _NUMERIC.search(text)
    if not match:
        return None
    first, sep, second, year = int(match[1]), match[2], int(match[3]), match[4]
    if sep == "." or first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        day, month = second, first
    else:
        return None
    iso = f"{year}-{month:02d}-{day:02d}"
    return text[:match.start()] + iso + text[match.end():]


def _parse_both(text: str) -> tuple[dt.datetime, dt.datetime] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", _dateparser.UnknownTimezoneWarning)
            return (_dateparser.parse(text, default=_DEFAULTS[0], tzinfos=_TZINFOS),
                    _dateparser.parse(text, default=_DEFAULTS[1], tzinfos=_TZINFOS))
    except (ValueError, OverflowError, TypeError, LookupError):
        return None


def latest_date(today: dt.date | None = None) -> dt.date:
    """The latest plausible publication date: :data:`YEARS_AHEAD` years after ``today``
    (the local date when ``None``; 29 February becomes the 28th in other years)."""
    today = today or dt.date.today()
    year = today.year + YEARS_AHEAD
    try:
        return today.replace(year=year)
    except ValueError:
        return today.replace(year=year, day=28)


def plausible(value: dt.date, today: dt.date | None = None) -> bool:
    """Whether ``value`` can be a publication date: in :data:`EARLIEST_YEAR` or later,
    and at most :data:`YEARS_AHEAD` years after ``today`` (see :func:`latest_date`).

    >>> plausible(dt.date(2024, 1, 15)), plausible(dt.date(9999, 12, 31))
    (True, False)
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    return day.year >= EARLIEST_YEAR and day <= latest_date(today)


_ANNOTATION_WORDS = frozenset({"local", "time", "hrs", "hours", "h", "edition", "updated"})


def _annotation(word: str) -> bool:
    """A word that may follow a date on a date line and is dropped: a place or zone
    ("Paris", "ET"), a figure, "local time"; not a lower-case word of a sentence."""
    word = word.strip(" ,;.:()[]-–—|")
    return (not word or word[:1].isupper() or any(c.isdigit() for c in word)
            or word.lower() in _ANNOTATION_WORDS)


def parse_date(text: str | None, *, max_length: int = 80) -> dt.date | None:
    """Read ``text`` as a publication date, or return ``None``.

    The text must be a date and nothing else (a weekday, a time, a time zone and a
    lead-in such as "Published" or "Updated:" are allowed). Year, month and day are
    all required. Returns a ``date`` when no time is given, else a ``datetime`` in the
    time zone printed (naive when none is).

    >>> parse_date("Jan. 15, 2024")
    datetime.date(2024, 1, 15)
    >>> parse_date("Updated: March 4, 2024 10:32 am ET").isoformat()
    '2024-03-04T10:32:00-05:00'
    >>> parse_date("the meeting on Jan. 10") is None
    True
    """
    if not text:
        return None
    text = " ".join(text.split())
    if not text or len(text) > max_length or not _HAS_DIGIT.search(text):
        return None
    text = _PREFIX.sub("", text, count=1)
    if not (_MONTH_WORD.search(text) or _ISO_LIKE.match(text)):
        text = _numeric_to_iso(text)
        if text is None:
            return None
    if not _YEAR.search(text):
        return None
    cleaned = text
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    cleaned = _MONTH_ABBREV_DOT.sub(r"\1", cleaned)
    cleaned = _DOTTED_MERIDIEM.sub(r"\1m", cleaned)
    cleaned = _PARENTHESES.sub(" ", _AT.sub(" ", cleaned)).strip(" ,;")
    words = cleaned.split()
    # A trailing part that is not a date or time ("(Paris)", "local time") is dropped,
    # one word at a time, keeping at least the words up to the year.
    year_at = max(i for i, w in enumerate(words) if _YEAR.search(w)) if _YEAR.search(cleaned) \
        else len(words) - 1
    for end in range(len(words), year_at, -1):
        if not all(_annotation(w) for w in words[end:]):
            return None  # "March 31, 1986 end": a piece of a sentence, not a date line
        parsed = _parse_both(" ".join(words[:end]).strip(" ,;"))
        if parsed is not None:
            break
    else:
        return None
    first, second = parsed
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # year, month or day was missing
    if not plausible(first):
        return None
    if (first.hour, first.minute) != (second.hour, second.minute):
        return first.date()  # no time given
    return normalise_datetime(first)


def coerce_date(value: object) -> dt.date | None:
    """A metadata value (YAML date, datetime, ISO or free text) as a publication date."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        result: dt.date = normalise_datetime(value)
    elif isinstance(value, dt.date):
        result = value
    elif isinstance(value, (int, float)):
        return None
    else:
        text = str(value).strip()
        try:
            iso = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return parse_date(text)
        result = iso.date() if len(text) == 10 else normalise_datetime(iso)
    return result if plausible(result) else None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)")


def date_from_url(url: str | None) -> dt.date | None:
    """The date in a url path such as ``/2021/12/31/`` or ``/2021-12-31-...``."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        value = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return value if plausible(value) else None


_REUTERS = re.compile(
    r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+(\d{1,3}):(\d{2}):(\d{2})(?:\.\d+)?"
)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


def parse_reuters_date(text: str) -> dt.date | None:
    """A Reuters-21578 DATE value (``26-FEB-1987 15:01:01.79`` plus junk) as a datetime.

    An impossible time (hour 605) keeps the day and drops the time; a date that is
    not :func:`plausible` gives ``None``.
    """
    match = _REUTERS.search(text)
    if not match:
        return parse_date(text)
    day, mon, year = int(match[1]), _MONTHS.get(match[2].lower()), int(match[3])
    if mon is None:
        return None
    try:
        date = dt.date(year, mon, day)
    except ValueError:
        return None
    if not plausible(date):
        return None
    hour, minute, second = int(match[4]), int(match[5]), int(match[6])
    if hour > 23 or minute > 59 or second > 59:
        return date
    return dt.datetime(year, mon, day, hour, minute, second)


_BOUND = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def parse_bound(text: str, *, end: bool = False) -> dt.date | None:
    """A ``--since``/``--until`` value: ``2021``, ``2021-12``, ``2021-12-31`` or a written
    date ("Dec 31, 2021"). A year or month stands for its first day, or its last day
    when ``end`` is true. Returns ``None`` when the text is not a date."""
    text = text.strip()
    match = _BOUND.match(text)
    if match:
        year = int(match[1])
        try:
            if match[3]:
                return dt.date(year, int(match[2]), int(match[3]))
            if match[2]:
                month = int(match[2])
                first = dt.date(year, month, 1)
                if not end:
                    return first
                following = dt.date(year + month // 12, month % 12 + 1, 1)
                return following - dt.timedelta(days=1)
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        except ValueError:
            return None
    found = parse_date(text)
    if isinstance(found, dt.datetime):
        return found.date()
    return found
