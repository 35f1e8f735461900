"""The query language's exact rules: ``date:`` as ``--since``/``--until`` on the
published day, ``-``/``+`` at the start of a term, and one-line errors for what
cannot be read (see docsearch/search/query.py)."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docsearch
from docsearch import InvalidDateError, QueryError
from docsearch.cli import cli

EST = dt.timezone(dt.timedelta(hours=-5))

#: Small articles of our own: id -> (title, body, published).
ARTICLES = {
    "late-strike": ("Harbour strike ends", "Dockworkers end the harbour strike at night.",
                    dt.datetime(2021, 12, 31, 23, 30, tzinfo=EST)),  # 2022-01-01 in UTC
    "new-ferry": ("Harbour ferry resumes", "The harbour ferry resumes its service.",
                  dt.date(2022, 1, 1)),
    "march": ("Anti-war march", "An anti-war march crossed the bridge amid oil-price worries.",
              dt.date(2021, 3, 15)),
    "talks": ("Gas and oil talks", "Oil and gas ministers met at midyear.", dt.date(2021, 6, 30)),
    "output": ("Oil output rises", "Oil output rose in the new year.", dt.date(2023, 1, 1)),
    "history": ("Harbour history", "A history of the harbour and its cranes.", None),
    "vote": ("Strike vote", "The union held a strike vote.", dt.date(2020, 12, 31)),
}
EVERY = set(ARTICLES)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> docsearch.Index:
    ix = docsearch.open(tmp_path_factory.mktemp("query") / "index", create=True)
    ix.add([docsearch.Article(id=key, title=title, body=body, published=published)
            for key, (title, body, published) in ARTICLES.items()], extract=False)
    yield ix
    ix.close()


def ids(results) -> set[str]:
    return {hit.id for hit in results.hits}


def found(ix, query: str, **options) -> set[str]:
    results = ix.search(query, per_page=100, **options)
    assert results.total == len(results.hits)
    return ids(results)


# ------------------------------------------------------------------- date:

@pytest.mark.parametrize("query, since, until, expected", [
    ("date:2021-03", "2021-03", "2021-03", {"march"}),
    ("date:2021", "2021", "2021", {"march", "talks", "late-strike"}),
    ("date:[2021 to 2022-06]", "2021", "2022-06", {"march", "talks", "late-strike", "new-ferry"}),
    ("date:[2021-03-16 TO 2021-06-30]", "2021-03-16", "2021-06-30", {"talks"}),
    ("date:[to 2021-03]", None, "2021-03", {"vote", "march"}),
    ("date:[2022 to]", "2022", None, {"new-ferry", "output"}),
    ("date:>2021", "2022-01-01", None, {"new-ferry", "output"}),
    ("date:>=2022", "2022", None, {"new-ferry", "output"}),
    ("date:<2021", None, "2020-12-31", {"vote"}),
    ("date:<=2021-03", None, "2021-03", {"vote", "march"}),
    ("date:>2021-06-29", "2021-06-30", None, {"talks", "late-strike", "new-ferry", "output"}),
    ("date:2022-01-01", "2022-01-01", "2022-01-01", {"new-ferry"}),  # the printed day
    ("date:2021-12-31", "2021-12-31", "2021-12-31", {"late-strike"}),
    ('date:"Dec 31, 2021"', "2021-12-31", "2021-12-31", {"late-strike"}),
    ("published:2023", "2023", "2023", {"output"}),
])
def test_date_clause_is_since_and_until(small, query, since, until, expected):
    assert found(small, query) == expected
    assert found(small, "", since=since, until=until) == expected


def test_date_clause_uses_the_published_day_like_the_date_facet(small):
    days = small.facets(["date"], date_facet="day")["date"]
    assert ("2021-12-31", 1) in [(v.value, v.count) for v in days]
    assert found(small, "date:2021-12-31") == {"late-strike"}
    assert found(small, "date:2022-01-01") == {"new-ferry"}


@pytest.mark.parametrize("query, expected", [
    ("harbour date:2021", {"late-strike"}),
    ("harbour OR date:2023", {"late-strike", "new-ferry", "history", "output"}),
    ("NOT date:2021", {"new-ferry", "output", "history", "vote"}),
    ("oil AND NOT date:<2022", {"output"}),
    ("(strike OR oil) date:[2021 to 2021]", {"late-strike", "march", "talks"}),
    ("strike -date:2020", {"late-strike"}),
    ("date:(2020 OR 2023)", {"vote", "output"}),
])
def test_date_clause_inside_boolean_queries(small, query, expected):
    assert found(small, query) == expected


@pytest.mark.parametrize("query, message", [
    ("date:2021-13", "date '2021-13' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("date:soon", "date 'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("date:[2021 to 2021-02-30]",
     "date '2021-02-30' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("date:[2022 to 2021]", "since (2022-01-01) is after until (2021-12-31) in "
                            "date:[2022 to 2021]"),
    ("date:2021*", "wildcards and fuzzy terms do not apply to dates: date:2021*"),
])
def test_bad_date_clauses(small, query, message):
    with pytest.raises(InvalidDateError if "is not a date" in message else QueryError) as info:
        small.search(query)
    assert str(info.value) == message


def test_a_bad_date_is_a_query_error():
    assert issubclass(InvalidDateError, QueryError)


def test_date_clause_beyond_the_calendar_finds_nothing(small):
    assert found(small, "date:>9999") == set()
    assert found(small, "date:<0001") == set()


def test_date_clause_on_the_sample_index_matches_since_and_until(sample_index):
    clause = sample_index.search("date:[2021-01-01 to 2021-06-30]", per_page=50)
    options = sample_index.search(since="2021-01-01", until="2021-06-30", per_page=50)
    assert clause.total == options.total == 2
    assert ids(clause) == ids(options)
    for query, since, until in [("date:>2023", "2024", None), ("date:<2021", None, "2020"),
                                ("date:2021-12", "2021-12", "2021-12")]:
        assert (sample_index.search(query, per_page=50).total
                == sample_index.search(since=since, until=until).total), query


def test_cli_bad_date_clause_exits_2_like_the_since_option(small):
    index = str(small.path)
    clause = CliRunner().invoke(cli, ["search", "date:2021-13", "--index", index])
    option = CliRunner().invoke(cli, ["search", "--since", "2021-13", "--index", index])
    assert (clause.exit_code, option.exit_code) == (2, 2)
    assert clause.output == ("Error: date '2021-13' is not a date "
                             "(use YYYY, YYYY-MM or YYYY-MM-DD)\n")
    assert option.output == ("Error: since '2021-13' is not a date "
                             "(use YYYY, YYYY-MM or YYYY-MM-DD)\n")
    reversed_range = CliRunner().invoke(cli, ["search", "date:[2022 to 2021]", "--index", index])
    assert reversed_range.exit_code == 2
    assert reversed_range.output.startswith("Error: since (2022-01-01) is after until")


# ------------------------------------------------------------------- - and +

@pytest.mark.parametrize("query, expected", [
    ("harbour -strike", {"new-ferry", "history"}),
    ("harbour NOT strike", {"new-ferry", "history"}),
    ("-strike", EVERY - {"late-strike", "vote"}),
    ("NOT strike", EVERY - {"late-strike", "vote"}),
    ("-strike -oil", {"new-ferry", "history"}),
    ('harbour -"harbour strike"', {"new-ferry", "history"}),
    ("harbour -title:ferry", {"late-strike", "history"}),
    ("oil -(gas OR worries)", {"output"}),
    ("(harbour -ferry) OR vote", {"late-strike", "history", "vote"}),
    ("anti-war", {"march"}),
    ("oil-price", {"march"}),
    ("harbour +strike", {"late-strike"}),
    ("+harbour +ferry", {"new-ferry"}),
    ("harbour - strike", {"late-strike"}),  # a lone '-' is no operator
])
def test_minus_and_plus(small, query, expected):
    assert found(small, query) == expected


@pytest.mark.parametrize("query, expected", [
    ("harbour -strike", {"new-ferry", "history"}),
    ("harbour NOT strike", {"new-ferry", "history"}),
    ("ferry history -strike", {"new-ferry", "history"}),
    ("-strike -oil", {"new-ferry", "history"}),
    ("harbour +strike", {"late-strike", "vote"}),
    ("ferry +harbour -strike", {"new-ferry", "history"}),
])
def test_minus_and_plus_with_match_any(small, query, expected):
    assert found(small, query, match="any") == expected


def test_plus_ranks_optional_words_with_match_any(small):
    results = small.search("harbour +strike", match="any")
    assert [hit.id for hit in results.hits][0] == "late-strike"


def test_plain_mode_reads_signs_as_text(small):
    assert found(small, "harbour -strike", plain=True) == {"late-strike"}
    assert found(small, "<b>harbour</b>", plain=True) == {"late-strike", "new-ferry", "history"}


# ------------------------------------------------------------------- errors

@pytest.mark.parametrize("query, message", [
    ("price <5", "'<' or '>' without a field before it (as in date:>2021) in query: price <5"),
    ("x <y", "'<' or '>' without a field before it (as in date:>2021) in query: x <y"),
    ("<b>bold</b>",
     "'<' or '>' without a field before it (as in date:>2021) in query: <b>bold</b>"),
    ("harbour~5", "fuzzy terms allow ~1 or ~2 edits, not ~5: harbour~5"),
    ("harbour~0", "fuzzy terms allow ~1 or ~2 edits, not ~0: harbour~0"),
    ("title:", "nothing after 'title:' in query: title:"),
    ("harbour person:", "nothing after 'person:' in query: harbour person:"),
    ("(title:) harbour", "nothing after 'title:' in query: (title:) harbour"),
    ("title: harbour", "nothing after 'title:' in query: title: harbour"),
])
def test_unreadable_queries_are_one_line_errors(small, query, message):
    with pytest.raises(QueryError) as info:
        small.search(query)
    assert str(info.value) == message


def test_fuzzy_distances_one_and_two_work(small):
    assert found(small, "harbor~") == {"late-strike", "new-ferry", "history"}
    assert found(small, "harbr~2") == {"late-strike", "new-ferry", "history"}


@pytest.mark.parametrize(("query", "ids"), [
    ("harbou~1/9", {"late-strike", "new-ferry", "history"}),  # the prefix is the whole word
    ("harbr~1/9", set()),  # "harbour" does not start with "harbr"
    ("0~/2", set()),  # Hypothesis found this: whoosh's automaton raised IndexError
    ("h~/2", set()),
])
def test_fuzzy_prefix_longer_than_the_word_is_the_whole_word(small, query, ids):
    """``word~D/P`` with P past the word's end keeps the whole word as the prefix."""
    for match in ("all", "any"):
        assert found(small, query, match=match) == ids


def test_cli_unreadable_query_exits_2(small):
    result = CliRunner().invoke(cli, ["search", "<b>bold</b>", "--index", str(small.path)])
    assert result.exit_code == 2
    assert result.output == ("Error: '<' or '>' without a field before it (as in date:>2021) "
                             "in query: <b>bold</b>\n")


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=30))
def test_fuzzed_queries_raise_nothing_but_query_error(small, text):
    for match in ("all", "any"):
        with contextlib.suppress(QueryError):
            small.search(text, match=match, per_page=3)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(
    ["harbour", "-", "+", "(", ")", '"', "date:", "title:", "2021", "[", "to", "]", ">", "<",
     "=", "OR", "AND", "NOT", "~", "*", "^2", ":", " ", "-strike", "person:", "2021-13"]),
    max_size=8))
def test_fuzzed_query_syntax_raises_nothing_but_query_error(small, parts):
    with contextlib.suppress(QueryError):
        small.search("".join(parts), per_page=3)


# ------------------------------------------------------------------- types

@pytest.mark.parametrize("value, name", [(None, "NoneType"), (123, "int"), (b"x", "bytes")])
def test_query_of_the_wrong_type(small, value, name):
    with pytest.raises(TypeError) as info:
        small.search(value)
    assert str(info.value) == f"query must be a str, not {name}"
    with pytest.raises(TypeError) as info:
        small.facets(query=value)
    assert str(info.value) == f"query must be a str, not {name}"


@pytest.mark.parametrize("options, message", [
    ({"people": 123}, "people must be a str or a list of str, not int"),
    ({"topics": [1]}, "topics must be a str or a list of str, not list holding int"),
    ({"sources": b"x"}, "sources must be a str or a list of str, not bytes"),
    ({"authors": 5.0}, "authors must be a str or a list of str, not float"),
    ({"sort": 1}, "sort must be a str, not int"),
    ({"match": None}, "match must be a str, not NoneType"),
    ({"date_facet": 2}, "date_facet must be a str, not int"),
    ({"since": 2021}, "since must be a str or a date, not int"),
    ({"until": 2021.5}, "until must be a str or a date, not float"),
])
def test_options_of_the_wrong_type(small, options, message):
    with pytest.raises(TypeError) as info:
        small.search("harbour", **options)
    assert str(info.value) == message


def test_similar_id_of_the_wrong_type(small):
    with pytest.raises(TypeError) as info:
        small.similar(123)
    assert str(info.value) == "article_id must be a str, not int"
    with pytest.raises(TypeError) as info:
        small.similar("march", people=5)
    assert str(info.value) == "people must be a str or a list of str, not int"


def test_wildcard_and_fuzzy_words_ignore_case_and_accents(sample_index):
    # Terms are indexed lower-cased and folded: a typed capital or accent must not
    # make a prefix, wildcard or fuzzy word find nothing.
    def total(query: str) -> int:
        return sample_index.search(query).total

    assert total("harb*") > 0
    assert total("Harb*") == total("HARB*") == total("härb*") == total("harb*")
    assert total("H?rbour") == total("h?rbour") > 0
    assert total("Harbour~1") == total("harbour~1") > 0
