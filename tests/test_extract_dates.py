import datetime as dt

import pytest

from docsearch.extract.dates import (
    coerce_date,
    date_from_url,
    parse_bound,
    parse_date,
    parse_reuters_date,
)
from docsearch.models import format_published


@pytest.mark.parametrize("text, expected", [
    ("December 31, 2021", dt.date(2021, 12, 31)),
    ("Jan. 15, 2024", dt.date(2024, 1, 15)),
    ("Sept. 12, 2023", dt.date(2023, 9, 12)),
    ("15 January 2024", dt.date(2024, 1, 15)),
    ("2024-01-15", dt.date(2024, 1, 15)),
    ("Monday, March 4, 2024", dt.date(2024, 3, 4)),
    ("Wednesday 6 December 2023", dt.date(2023, 12, 6)),
    ("Published 4 March 2024", dt.date(2024, 3, 4)),
    ("3rd of May 2020", dt.date(2020, 5, 3)),
    ("Updated: March 4, 2024 10:32 am ET", "2024-03-04T10:32:00-05:00"),
    ("Updated: July 4, 2024 10:32 am ET", "2024-07-04T10:32:00-04:00"),
    ("February 26, 2024 at 9:15 a.m. EST", "2024-02-26T09:15:00-05:00"),
    ("October 17, 2022 at 11:05 p.m. EDT", "2022-10-17T23:05:00-04:00"),
    ("9 Apr 2024 - 14:05 CEST", "2024-04-09T14:05:00+02:00"),
    ("March 14, 2024 10:32 GMT", "2024-03-14T10:32:00Z"),
    ("Published on May 14, 2024, at 6:30 pm (Paris)", "2024-05-14T18:30:00"),
    ("Issued on: 23/10/2023 - 07:18", "2023-10-23T07:18:00"),
    ("Published: 2024-01-02 09:30", "2024-01-02T09:30:00"),
    ("22.06.2023", dt.date(2023, 6, 22)),
    ("04/23/2024", dt.date(2024, 4, 23)),
    ("March 14, 2024 10:32 local time", "2024-03-14T10:32:00"),
    ("March 14, 2024 Paris", dt.date(2024, 3, 14)),
])
def test_date_lines(text, expected):
    found = parse_date(text)
    if isinstance(expected, str):
        assert format_published(found) == expected
    else:
        assert found == expected


@pytest.mark.parametrize("text", [
    "the meeting on Jan. 10",          # no year
    "March 2024",                      # no day
    "04/03/2024",                      # ambiguous day and month
    "In 2014 the war began",           # a sentence
    "January 5, 9999",                 # absurd year
    "Putin said on Thursday that talks in Geneva on Jan. 10, 2022 would matter a great deal",
    "March 31, 1986 end",              # a fragment of a sentence, not a date line
    "June 30, 2024 results",
    "",
])
def test_not_date_lines(text):
    assert parse_date(text) is None


@pytest.mark.parametrize("url, expected", [
    ("https://www.themoscowtimes.com/2021/12/31/biden-a75966", dt.date(2021, 12, 31)),
    ("https://example.org/news/2020-02-03-story", dt.date(2020, 2, 3)),
    ("https://example.org/2020/13/40/x", None),
    ("https://example.org/story", None),
    (None, None),
])
def test_dates_in_urls(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize("value, expected", [
    (dt.date(2020, 1, 2), dt.date(2020, 1, 2)),
    ("2020-01-02", dt.date(2020, 1, 2)),
    ("2020-01-02T10:00:00+02:00",
     dt.datetime(2020, 1, 2, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("0000-01-01", None),
    ("9999-12-31", None),
    ("soon", None),
    (2020, None),
])
def test_metadata_dates(value, expected):
    assert coerce_date(value) == expected


@pytest.mark.parametrize("text, end, expected", [
    ("2021", False, dt.date(2021, 1, 1)),
    ("2021", True, dt.date(2021, 12, 31)),
    ("2024-02", True, dt.date(2024, 2, 29)),
    ("2021-12", True, dt.date(2021, 12, 31)),
    ("2021-12-05", True, dt.date(2021, 12, 5)),
    ("Dec 5, 2021", False, dt.date(2021, 12, 5)),
    ("2021-13", False, None),
    ("soon", False, None),
])
def test_option_bounds(text, end, expected):
    assert parse_bound(text, end=end) == expected


@pytest.mark.parametrize("text, expected", [
    ("26-FEB-1987 15:01:01.79", dt.datetime(1987, 2, 26, 15, 1, 1)),
    ("7-APR-1987 16:22:00.0", dt.datetime(1987, 4, 7, 16, 22)),
    ("19-MAR-1987 15:06:49.34\x05\x05\x05RM", dt.datetime(1987, 3, 19, 15, 6, 49)),
    ("31-MAR-1987 605:12:19.12", dt.date(1987, 3, 31)),
])
def test_reuters_dates(text, expected):
    assert parse_reuters_date(text) == expected
