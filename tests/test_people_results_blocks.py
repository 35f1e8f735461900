"""People extraction (issue 17, brief Z45): results written one item a line under a
heading (tennis, golf, snooker, an election), a bout's result ("bt", "drew with", "rsf 3",
"pts"), "St" opening a surname after initials, and a box score's batters.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize("body, people", [
    # Tennis results, one match a line, with "bt" between the players.
    ("Ashdown is through.\nMen's singles semi-finals:\nP Ashdown (GB) bt L Moravec (Cze) "
     "6-4 3-6 7-5\nT Quayle (Aus) bt D Ferrante (Ita) 6-2 6-2",
     ["D Ferrante", "L Moravec", "P Ashdown", "T Quayle"]),
    # A boxing card: a bout's weight as its label, stoppages, points and a draw.
    ("The show drew 900.\nResults:\nMiddleweight (8): T Onyango (Ken) bt P Durrant (Eng) rsf 3."
     "\nFlyweight (6): G Amponsah (Gha) bt W Brace (Wal) pts.\nBantamweight (4): S Rahman "
     "(Ban) drew with J Kealy (Ire).",
     ["G Amponsah", "J Kealy", "P Durrant", "S Rahman", "T Onyango", "W Brace"]),
    # A golf leaderboard: total first, club in brackets, rounds after.
    ("Oakes won by two.\nFinal scores (54 holes):\n210 B Oakes (Hilltop) 70 71 69\n"
     "212 W Pender (Riverside) 72 70 70\n215 F Garnett (Hilltop) 73 71 71",
     ["B Oakes", "F Garnett", "W Pender"]),
    # A snooker round: the score between the players.
    ("Marwood won easily.\nSecond-round results:\nJ Marwood (Eng) 5-2 A Ferris (NI)\n"
     "K Dunleavy (Sco) 5-4 P Iqbal (Pak)",
     ["A Ferris", "J Marwood", "K Dunleavy", "P Iqbal"]),
    # An election result: full names and votes, one candidate with initials.
    ("Turnout was 31%.\nResult:\nAmelia Craddock (Green) 1,402\nThomas Whitlow (Labour) "
     "1,377\nGareth Pennock (Conservative) 902\nS.T. Borlase (Independent) 74\nGreen gain.",
     ["Amelia Craddock", "Gareth Pennock", "S.T. Borlase", "Thomas Whitlow"]),
    # "St" opens a surname after initials.
    ("Women's 200m: 1 K Ofori (Gha) 22.90; 2 P St Aubyn (Jam) 23.05; 3 L Mensah (Gha) 23.11.",
     ["K Ofori", "L Mensah", "P St Aubyn"]),
    # A substitute's score before "for" splits no item.
    ("Ballinure won.\nBALLINURE: P Maher; J Bourke, T Quinlan; D Hackett. Subs: J Ryan-Dwyer "
     "1-1 for Tobin (45), O Cleary for Lanigan (inj, 52).",
     ["D Hackett", "J Bourke", "J Ryan-Dwyer", "O Cleary", "P Maher", "T Quinlan"]),
])
def test_results_written_a_line_each_give_their_people(body, people):
    assert sorted(find_people("", body).people) == people


@pytest.mark.parametrize("body", [
    # Initials before places' names, one a line.
    "Rain fell all week.\nRainfall totals:\nN Wales 12mm\nS Wales 9mm\nW Yorkshire 7mm",
    # A market label over firms and prices, one a line.
    "Shares rose.\nMost active:\nTexaco (NYSE) 31\nExxon (NYSE) 44\nChevron (NYSE) 51",
    # An address block.
    "Write to:\n14 Le Marchant Street\n2 Da Silva Road\nSt Peter Port",
])
def test_lines_of_places_and_firms_give_no_people(body):
    assert find_people("", body).people == ()


@pytest.mark.parametrize("body, people", [
    # A baseball box score run into one line: each batter with initials, his position and
    # his figures.
    ("HOMETOWN (4) VS RIVERTON (2) - END 5TH HOMETOWN ab r h rbi bb so avg T Rusk cf 3 1 2 0 "
     "0 1 .288 P Ilori 3b 3 0 1 1 1 0 .251 K Venn ph-rf 2 0 0 0 0 2 .199",
     ["K Venn", "P Ilori", "T Rusk"]),
    # One such item is no box score.
    ("HOMETOWN ab r h rbi bb so avg T Rusk cf 3 1 2 0 0 1 .288", []),
])
def test_a_box_scores_batters_are_people(body, people):
    assert sorted(find_people("", body).people) == people
