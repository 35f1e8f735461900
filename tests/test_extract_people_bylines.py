"""People extraction (issue 17, brief Z53): a wire item's byline at the head of its body,
flattened by the feed ("By NAME     CITY (AP) -- ...", "<p> By X Y</p><p> CITY (Reuters) -
..."), is read as a byline on a line of its own; a name in capitals is given in a name's
case. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people
from docsearch.extract import span_model
from docsearch.extract.bylines import _name_case, read_byline
from docsearch.extract.lexicon import _lexicon


@pytest.mark.parametrize("body, people", [
    # A name in capitals, blanks for the line's end, a dateline.
    ("By MORWENNA TREGEAR     FALMOUTH, England (AP) -- The harbour board voted to close "
     "the old quay.", ["Morwenna Tregear"]),
    ("By CALLUM MCINTYRE    OBAN (AP) -- Ferries were cancelled for a second day.",
     ["Callum McIntyre"]),
    ("By DECLAN O'FARRELL     CORK, Ireland (AP) -- Dock workers went on strike.",
     ["Declan O'Farrell"]),
    ("BY TAMSIN PENROSE-HALE    TRURO -- The council met late.", ["Tamsin Penrose-Hale"]),
    # An HTML paragraph of its own (empty paragraphs before it).
    ("<p></p><p> By Ysolde Kerrigan</p><p> LIMA, Peru (Reuters) - The vote was put off "
     "on Friday.</p>", ["Ysolde Kerrigan"]),
    ("<p>\\</p><p> By Ottoline Brayshaw</p><p> OSLO (Reuters) - Oil eased.</p>",
     ["Ottoline Brayshaw"]),
    # A name in capitals and a writer's label after a comma (a known first name).
    ("By MARGARET HOLLINS, AP Business Writer     The harbour board met.",
     ["Margaret Hollins"]),
])
def test_flattened_byline_names_its_writer(body, people):
    with span_model.using(None):  # the rule alone
        assert extract_people("", body) == people
    assert extract_people("", body) == people


@pytest.mark.parametrize("body", [
    "By Monday the harbour board had voted to close the quay.",
    "By contrast, ferries ran on time.",
    "By the end of the year the port will have closed.",
    "BY BANK OF AMERICA     NEW YORK (AP) -- Shares rose.",
    "By THE ASSOCIATED PRESS     BOSTON (AP) -- Shares rose.",
    # Capitals with no dateline and no known first name: not read.
    "By HARBOUR VOTE     the board closed the quay.",
    # One blank: where the name ends is not known.
    "By MORWENNA TREGEAR FALMOUTH (AP) -- The board met.",
])
def test_no_byline_read(body):
    with span_model.using(None):
        assert extract_people("", body) == []


@pytest.mark.parametrize("text, read", [
    ("By MICHAELA LORD     BATH (AP) -- X", "By Michaela Lord\n    BATH (AP) -- X"),
    ("<p></p><p> By Ana Ruiz</p><p> LIMA (Reuters) - X",
     "           By Ana Ruiz\n       LIMA (Reuters) - X"),
    ("By Ana Ruiz, Reuters", "By Ana Ruiz, Reuters"),
    ("Rain fell. By ANA RUIZ     LIMA (AP) -- X", "Rain fell. By ANA RUIZ     LIMA (AP) -- X"),
])
def test_byline_read_keeping_length(text, read):
    out = read_byline(text, _lexicon())
    assert out == read and len(out) == len(text)


@pytest.mark.parametrize("word, cased", [
    ("LIEDTKE", "Liedtke"), ("O'MEARA", "O'Meara"), ("SMITH-JONES", "Smith-Jones"),
    ("MCWILLIAMS", "McWilliams"), ("MC", "Mc"),
])
def test_name_case(word, cased):
    assert _name_case(word) == cased


@pytest.mark.parametrize("title, body, people", [
    # A headline's credit: a lower-case maker verb and "by" before a full name (a known
    # first name, as every full name a headline adds).
    ("Garden Tip: Pruning Roses written by Declan Talbot on Friday",
     "Cut back to an outward-facing bud in late winter.", ["Declan Talbot"]),
    ("Harbour Quilt stitched and written by Margaret Tregear",
     "The quilt hangs in the chapel.", ["Margaret Tregear"]),
])
def test_headline_credit_names_a_person(title, body, people):
    assert extract_people(title, body) == people


@pytest.mark.parametrize("title, body", [
    # Title case: "Written By" is no lower-case verb; a firm after "by" is no person.
    ("Pruning Roses Written By Declan Talbot", "Cut back to an outward-facing bud."),
    ("Harbour plan backed by Talbot Holdings", "The board met."),
])
def test_headline_without_a_credit(title, body):
    assert extract_people(title, body) == []
