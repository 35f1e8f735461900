"""Charts, ratings and shortlists (issue 17, brief Z60): a listing line's title slot
("Artist - Title", "Title (Publisher)" after a rank, "Title (Channel) figure", "Title by
Author (Publisher)") names a work, no person, even with a title and a surname; the maker's
slot stays a person, and so does a results list of people. Made-up names only."""

from __future__ import annotations

import pytest

from docsearch import extract_people
from docsearch.extract.charts import title_slots

_SINGLES = ("Singer Petra Langridge is top again, her label said.\n"
            "1 (1) Petra Langridge - Kitchen Radio\n"
            "2 (new) Tobias Wren - Letters to Mrs Fennimore\n"
            "3 (2) Harriet Oduya - Dear Mr Castleton\n"
            "4 (5) The Lamplighters - Blue Tuesday\n")

_GAMES = ("Analyst Rowan Pettifer said sales were strong.\n"
          "1 (2) Admiral Sharpe and the Ice Fortress (Bluecrane)\n"
          "2 (1) Doctor Quill's Puzzle Palace (Bluecrane)\n"
          "3 (new) Turbo Karts 4 (Zedworks)\n"
          "4 (3) Sergeant Vance: Desert Storm (Ironbark)\n"
          "Admiral Sharpe is the hero of the number one game, Pettifer said.\n")

_RATINGS = ("Most watched programmes (millions):\n"
            "1 Nora Pilbeam's Winter Party (Channel Five) 7.2\n"
            "2 Mrs Dunmore Investigates (Channel Five) 6.1\n"
            "3 Film: Major Tallis's Treasure (Network One) 5.4\n"
            "4 The Curate of Upper Slaughterby (Network One) 5.0\n"
            "Host Nora Pilbeam said she was delighted.\n")

_SHORTLIST = ("Publisher Agnes Tolley founded the prize.\n"
              "The shortlist:\n"
              "Dear Mrs Wetherby by Kofi Adjaye-Lund (Brambling Books)\n"
              "Auntie Flo's Caravan by R.T. Huxtable (Kestrel Press)\n"
              "The Winter Orchard by Imogen Sallis (Brambling Books)\n"
              "Dear Mrs Wetherby is told in letters.\n")

_RESULTS = ("Results:\n"
            "1 (3) Marta Ruiz (Spain) 10.92\n"
            "2 (1) Ines Bakker (Netherlands) 11.03\n"
            "3 (2) Keziah Obi (Britain) 11.10\n")


@pytest.mark.parametrize("body, people", [
    # The title after the artist's dash: "Mr Castleton" and "Mrs Fennimore" are songs' words.
    (_SINGLES, ["Petra Langridge", "Tobias Wren", "Harriet Oduya"]),
    # A ranked game with its publisher in brackets, and its hero named again in a sentence.
    (_GAMES, ["Rowan Pettifer"]),
    # A ratings line: the programme's host is named in a sentence too.
    (_RATINGS, ["Nora Pilbeam"]),
    # A shortlist: the author after "by" stays, the title before it goes.
    (_SHORTLIST, ["Agnes Tolley", "Kofi Adjaye-Lund", "R.T. Huxtable", "Imogen Sallis"]),
])
def test_chart_titles_are_no_people(body: str, people: list[str]) -> None:
    assert sorted(extract_people("", body)) == sorted(people)


def test_results_list_of_people_is_no_chart() -> None:
    """A ranked results list with a bracket and a figure holds people: no title slots."""
    assert title_slots(_RESULTS) == []
    assert sorted(extract_people("", _RESULTS)) == ["Ines Bakker", "Keziah Obi", "Marta Ruiz"]


def test_two_lines_are_no_chart() -> None:
    """A shape needs three lines: two dashes in a story make no chart."""
    body = ("1 (2) Ada Finch - Mr Tolland\n"
            "2 (1) Ben Ashe - Songs\n")
    assert title_slots(body) == []
