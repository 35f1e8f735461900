"""Query text read into docsearch's query tree (docsearch.search.query and
querytree): the exact tree of each construct, and the errors."""

from __future__ import annotations

import pytest

from docsearch import InvalidDateError, QueryError
from docsearch.engines.whoosh.compile import to_whoosh
from docsearch.search import proximity
from docsearch.search.query import QueryParser
from docsearch.search.querytree import (
    And,
    AndMaybe,
    AndNot,
    Every,
    Fuzzy,
    Not,
    Nothing,
    Or,
    Phrase,
    Prefix,
    Term,
    TermRange,
    Wildcard,
    terms,
)


def resolve(field: str, typed: str) -> list[tuple[str, str]]:
    """A resolver of our own: 'nobody' stands for no one; any other value for
    itself in capitals."""
    return [] if typed == "nobody" else [(field, typed.upper())]


def parse(text: str, match: str = "all"):  # type: ignore[no-untyped-def]
    return QueryParser(title_boost=2.0, match=match).parse(text, resolve)


def word(term: str, boost: float = 1.0) -> Or:
    return Or((Term("title", term, 2.0 * boost), Term("body", term, boost)))


HARBOUR, STRIKE, FERRY = word("harbour"), word("strike"), word("ferri")


@pytest.mark.parametrize("text, tree", [
    ("", Every()),
    ("the", Nothing()),
    ("harbour", HARBOUR),
    ("Harbour strike", And((HARBOUR, STRIKE))),
    ("the harbour", HARBOUR),
    ("harbour harbour", word("harbour", 2.0)),  # a repeated word counts twice (qtf)
    ("harbour strike harbour", And((word("harbour", 2.0), STRIKE))),
    ("harbour OR harbour", word("harbour", 2.0)),
    ("-strike -strike", Not(STRIKE)),
    ("harbour OR strike", Or((*HARBOUR.children, *STRIKE.children))),
    ("harbour AND strike OR ferry", Or((And((HARBOUR, STRIKE)), *FERRY.children))),
    ("harbour OR strike AND ferry", Or((*HARBOUR.children, And((STRIKE, FERRY))))),
    ("harbour NOT strike", And((HARBOUR, Not(STRIKE)))),
    ("harbour -strike", And((HARBOUR, Not(STRIKE)))),
    ("-strike", Not(STRIKE)),
    ("+harbour strike", And((HARBOUR, STRIKE))),
    ("harbour ANDNOT strike", AndNot(HARBOUR, STRIKE)),
    ("harbour ANDMAYBE strike", AndMaybe(HARBOUR, STRIKE)),
    ("harbour ANDMAYBE strike ANDNOT ferry", AndMaybe(HARBOUR, AndNot(STRIKE, FERRY))),
    ("harbour OR -strike", AndNot(HARBOUR, STRIKE)),
    ("harbour OR +strike", AndMaybe(STRIKE, HARBOUR)),
    ("(harbour strike) OR ferry", Or((And((HARBOUR, STRIKE)), *FERRY.children))),
    ("-(strike OR ferry)", Not(Or((*STRIKE.children, *FERRY.children)))),
    ("anti-war", Or((And((Term("title", "anti", 2.0), Term("title", "war", 2.0))),
                     And((Term("body", "anti"), Term("body", "war")))))),
    ("'harbour strike'", Or((And((Term("title", "harbour", 2.0), Term("title", "strike", 2.0))),
                             And((Term("body", "harbour"), Term("body", "strike")))))),
    ('"harbour strikes"', Or((Phrase("title", ("harbour", "strike"), 1, 2.0),
                              Phrase("body", ("harbour", "strike"))))),
    ('"the harbour of the city"~3', Or((Phrase("title", ("harbour", "citi"), 3, 2.0),
                                        Phrase("body", ("harbour", "citi"), 3)))),
    ('"the harbour"', Or((Term("title", "harbour"), Term("body", "harbour")))),
    ('"the"', Nothing()),
    ("title:ferries", Term("title", "ferri")),
    ("text:ferries", Term("body", "ferri")),
    ('title:"harbour strike"', Phrase("title", ("harbour", "strike"))),
    ("title:(harbour OR strike)", Or((Term("title", "harbour"), Term("title", "strike")))),
    ("harbour^2", word("harbour", 2.0)),
    ("(harbour strike)^0.5", And((word("harbour", 0.5), word("strike", 0.5)))),
    ('"harbour strike"^3', Or((Phrase("title", ("harbour", "strike"), 1, 6.0),
                               Phrase("body", ("harbour", "strike"), 1, 3.0)))),
    ("sanct*", Or((Prefix("title", "sanct", 2.0), Prefix("body", "sanct")))),
    ("s?nct*", Or((Wildcard("title", "s?nct*", 2.0), Wildcard("body", "s?nct*")))),
    ("*", Every()),
    ("title:harb*", Prefix("title", "harb")),
    ("harbor~", Or((Fuzzy("title", "harbor", 1, 0, 2.0), Fuzzy("body", "harbor", 1, 0)))),
    ("body:harbr~2", Fuzzy("body", "harbr", 2, 0)),
    ("person:putin", Term("person", "PUTIN")),
    ('person:"Joe Biden"', Term("person", "JOE BIDEN")),
    ("people:putin*", Term("person", "PUTIN*")),
    ("by:afp", Term("author", "AFP")),
    ("topic:sport source:BBC", And((Term("topic", "SPORT"), Term("source", "BBC")))),
    ("harbour person:nobody", And((HARBOUR, Nothing()))),
    ("-person:putin", Not(Term("person", "PUTIN"))),
    ("id:f456809c", Term("id", "f456809c")),
    ("date:2021", TermRange("day", "2021-01-01", "2021-12-31")),
    ("published:2021-02", TermRange("day", "2021-02-01", "2021-02-28")),
    ('date:"Dec 31, 2021"', TermRange("day", "2021-12-31", "2021-12-31")),
    ("date:[2021 to 2022-06]", TermRange("day", "2021-01-01", "2022-06-30")),
    ("date:[to 2021-03]", TermRange("day", "0000-00-00", "2021-03-31")),
    ("date:>2021", TermRange("day", "2022-01-01", "9999-99-99")),
    ("date:>=2021", TermRange("day", "2021-01-01", "9999-99-99")),
    ("date:<2021", TermRange("day", "0000-00-00", "2020-12-31")),
    ("date:<=2021-03", TermRange("day", "0000-00-00", "2021-03-31")),
    ("date:>9999", Nothing()),
    ("date:(2020 OR 2023)", Or((TermRange("day", "2020-01-01", "2020-12-31"),
                                TermRange("day", "2023-01-01", "2023-12-31")))),
    ("strike -date:2020", And((STRIKE, Not(TermRange("day", "2020-01-01", "2020-12-31"))))),
])
def test_text_to_tree(text, tree):
    assert parse(text) == tree


@pytest.mark.parametrize("text, tree", [
    ("harbour strike", Or((*HARBOUR.children, *STRIKE.children))),
    ("harbour -strike", AndNot(HARBOUR, STRIKE)),
    ("harbour +strike", AndMaybe(STRIKE, HARBOUR)),
    ("ferry +harbour -strike", AndNot(AndMaybe(HARBOUR, FERRY), STRIKE)),
    ("-strike -ferry", Not(Or((*STRIKE.children, *FERRY.children)))),
    ("anti-war", Or((Term("title", "anti", 2.0), Term("title", "war", 2.0), Term("body", "anti"),
                     Term("body", "war")))),
    ("harbour strike harbour", Or((Term("title", "harbour", 4.0), Term("body", "harbour", 2.0),
                                   *STRIKE.children))),
    ("harbour harbour^3 harbours", word("harbour", 5.0)),
    ("harbour -strike -strike", AndNot(HARBOUR, STRIKE)),
])
def test_text_to_tree_with_match_any(text, tree):
    assert parse(text, match="any") == tree


@pytest.mark.parametrize("text, error, message", [
    ('"harbour', QueryError, 'unbalanced quote in query: "harbour'),
    ("(harbour", QueryError, "unbalanced parentheses in query: (harbour"),
    ("harbour OR", QueryError, "an operator needs a word on each side: harbour OR"),
    ("place:x", QueryError,
     "unknown field 'place' in query (fields: author, body, date, id, person, source, title, "
     "topic)"),
    ("title:", QueryError, "nothing after 'title:' in query: title:"),
    ("price <5", QueryError,
     "'<' or '>' without a field before it (as in date:>2021) in query: price <5"),
    ("harbour~3", QueryError, "fuzzy terms allow ~1 or ~2 edits, not ~3: harbour~3"),
    ("date:2021*", QueryError, "wildcards and fuzzy terms do not apply to dates: date:2021*"),
    ("date:2021~", QueryError, "wildcards and fuzzy terms do not apply to dates: date:2021"),
    ("date:soon", InvalidDateError,
     "date 'soon' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("date:[2022 to 2021]", QueryError,
     "since (2022-01-01) is after until (2021-12-31) in date:[2022 to 2021]"),
])
def test_errors(text, error, message):
    with pytest.raises(error) as info:
        parse(text)
    assert type(info.value) is error
    assert str(info.value) == message


def test_terms_are_the_asked_words_of_a_field_in_query_order():
    tree = parse('"harbour strikes" ferry -council OR title:mayor')
    assert terms(tree, "body") == ["harbour", "strike", "ferri"]
    assert terms(tree, "title") == ["harbour", "strike", "ferri", "mayor"]
    assert terms(parse("harbour ANDNOT strike"), "body") == ["harbour"]


@pytest.mark.parametrize("text", ['"harbour strikes" ferry -council', "harbour ANDNOT strike",
                                  "harbour ANDMAYBE strike", "sanct* harbour~ date:2021"])
def test_tree_terms_are_the_proximity_words_of_the_compiled_query(text):
    tree = parse(text)
    assert terms(tree, "body") == proximity.query_words(tree, "body")


def test_the_whoosh_compiler_keeps_nothing_inside_and():
    compiled = to_whoosh(parse("harbour person:nobody"))
    assert repr(compiled) == ("And([ArticleTerm('harbour', title_boost=2.0, boost=1.0), "
                              "<_NullQuery>])")
