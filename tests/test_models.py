import datetime as dt

import pytest

from docsearch import Article
from docsearch.models import FacetValue, format_published, parse_published, utc_naive


def test_article_normalises_lists_and_text():
    a = Article(title="  Two   spaces ", authors="AFP", people=["A B", "A B", " ", "C D"],
                url="", source=None)
    assert a.title == "Two spaces"
    assert a.authors == ("AFP",)
    assert a.people == ("A B", "C D")
    assert a.url is None


def test_article_is_immutable():
    a = Article(title="x")
    with pytest.raises(AttributeError):
        a.title = "y"  # type: ignore[misc]


@pytest.mark.parametrize("value, expected", [
    ("2021-12-31", "2021-12-31"),
    ("2021-12-31T10:00:00Z", "2021-12-31T10:00:00Z"),
    ("2021-12-31T12:00:00+02:00", "2021-12-31T12:00:00+02:00"),
    (dt.datetime(2021, 12, 31, 12, 0, 0, 5), "2021-12-31T12:00:00"),
    (None, None),
])
def test_published_keeps_the_printed_offset(value, expected):
    published = Article(published=value).published
    assert format_published(published) == expected
    if isinstance(published, dt.datetime) and published.tzinfo is not None:
        assert utc_naive(published) == dt.datetime(2021, 12, 31, 10, 0)


def test_published_rejects_other_types():
    with pytest.raises(TypeError, match="published must be a date"):
        Article(published=20211231)


@pytest.mark.parametrize("value, text", [
    (dt.date(2021, 12, 31), "2021-12-31"),
    (dt.datetime(2021, 12, 31, 14, 5, 9), "2021-12-31T14:05:09"),
    (dt.datetime(2021, 12, 31, 14, 5, 9, tzinfo=dt.timezone.utc), "2021-12-31T14:05:09Z"),
    (None, None),
])
def test_format_published_round_trips(value, text):
    assert format_published(value) == text
    assert parse_published(text) == value


def test_to_dict_and_from_dict_round_trip():
    a = Article(id="x1", title="T", authors=["A"], source="S", published="2020-01-02",
                url="https://e.org/a", body="Body.", sections=["H"], people=["P Q"],
                topics=["sport"], path="a.md", content_hash="h")
    data = a.to_dict()
    assert data == {"id": "x1", "title": "T", "authors": ["A"], "source": "S",
                    "published": "2020-01-02", "url": "https://e.org/a", "people": ["P Q"],
                    "topics": ["sport"], "sections": ["H"], "path": "a.md",
                    "content_hash": "h", "body": "Body."}
    assert Article.from_dict({**data, "unknown": 1}) == a
    assert "body" not in a.to_dict(body=False)


def test_computed_hash_changes_with_text():
    assert Article(body="a").computed_hash() != Article(body="b").computed_hash()
    assert Article(body="a").computed_hash() == Article(body="a").computed_hash()


def test_facet_value_to_dict():
    assert FacetValue(value=None, count=3).to_dict() == {"value": None, "count": 3,
                                                         "selected": False}
