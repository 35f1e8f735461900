"""Results lines and team sheets read by their shape (issue 17, twelfth people round): a
class label with a note in brackets before ranks ("Open (ladies): 1 ..."), a class label
with one ranked item after a list in the same line ("V60: ..."), a result item with words
for its time ("same time"), a match item "X bt Y", a role's label whose name carries a
club in brackets, a team sheet whose surnames open with capitalised particles ("Le",
"Da") and whose substitutes come on in brackets ("(Surname 78)", "(78 Surname)"), and
lists of firms, places and addresses that stay out. Lists of firms by their shape (brief
Z24): an exchange in brackets, prices in pence, a market label or a currency word make a
line no list of people, while results with clubs in brackets stay people.
Every line here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    # A class label with a note in brackets, ranks without a dot, clubs in brackets, and
    # another class's list later in the line.
    ("Results - Throwing events (open): 1 B Lumsden (Ballater) 29pts; 2 G Thorvaldsen "
     "(Norway) 25; 3 C Urquhart (Dufftown) 21. Ladies: 1 M Gauld (Tomintoul) 20; "
     "2 E Sandison (Shetland) 16.",
     ("B Lumsden", "G Thorvaldsen", "C Urquhart", "M Gauld", "E Sandison")),
    # A class label with one ranked item after a list in the same line.
    ("Result: 1 P Garside (Kendal) 2:51:14; 2 N Ibbotson (Penrith) 2:55:02. V60: D Thwaite "
     "(Sedbergh) 3:20:41.",
     ("P Garside", "N Ibbotson", "D Thwaite")),
    # Words for a time ("same time") after a country in brackets.
    ("Sprint: 1 T Kallas (EST) 1:02:11; 2 H Brekke (NOR) same time; 3 M Rebane (EST) "
     "1:02:19.",
     ("T Kallas", "H Brekke", "M Rebane")),
    # Match results: "X bt Y" and its game scores.
    ("Quarter-finals: Ossei bt R Gittens 21-12, 21-18; Daniel bt K Worrell 21-19, 21-17.",
     ("Ossei", "R Gittens", "Daniel", "K Worrell")),
    # Initials before a place's name beside other names.
    ("Doubles: A Cumberbatch bt R England 21-16, 21-12; S Alleyne bt K Sealy 21-8, 21-14.",
     ("A Cumberbatch", "R England", "S Alleyne", "K Sealy")),
    # A role's label whose name carries a club in brackets.
    ("Referee: T Ashdown (Basingstoke).", ("T Ashdown",)),
    # A team sheet: particles written with a capital, hyphens, a first-name-like surname,
    # substitutes with their minute before or after the name.
    ("Alderney: Gaudion; Rose, Duquemin, Le Marquand, Da Costa; Lihou-Mase (Falla 71), "
     "Rabey, Bichard; Le Sauvage (64 De Garis), Mahy, Quertier.",
     ("Gaudion", "Rose", "Duquemin", "Le Marquand", "Da Costa", "Lihou-Mase", "Falla",
      "Rabey", "Bichard", "Le Sauvage", "De Garis", "Mahy", "Quertier")),
    # Ratings after a team sheet: a substitute's bracket holds his minute and his rating,
    # and a later label in the line lists two more.
    ("Ratings: Faraday 6; Oduya 7, Lusk 5, Hendry 6 (Plimmer 70, 6), Garbutt 7. "
     "Unused: Tolland (gk), Spry.",
     ("Faraday", "Oduya", "Lusk", "Hendry", "Plimmer", "Garbutt", "Tolland", "Spry")),
    # A team sheet, then a venue and an attendance: no names.
    ("Town: Faraday; Oduya, Lusk, Hendry. Venue: Springfield. Attendance: 3,400.",
     ("Faraday", "Oduya", "Lusk", "Hendry")),
    # A fell race's results: clubs in brackets and times, beside the firms' shapes below.
    ("Results: 1 W Hodgson (Keswick) 3:31:05; 2 J Birkett (Borrowdale) 3:37:48",
     ("W Hodgson", "J Birkett")),
    # A sprint's results: countries in capitals in brackets and times with decimals.
    ("Men's 100m: 1 K Ofori (GHA) 10.05; 2 T Brandt (GER) 10.12; 3 L Mensah (GHA) 10.19.",
     ("K Ofori", "T Brandt", "L Mensah")),
])
def test_list_shapes_give_their_people(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize("body", [
    # A market report ranked like results: firms with their exchange and a price.
    "Most active: 1 US Steel (NYSE) 31.5; 2 GM (NYSE) 28; 3 Ford (NYSE) 12.",
    # A table of firms ranked with their exchange and a price.
    "Leading shares: 1 British Petroleum (LSE) 312; 2 Shell Transport (LSE) 1,140; "
    "3 Glaxo Holdings (LSE) 1,525.",
    # An address line.
    "Write to: 14 Le Marchant Street (St Peter Port), 2 Da Silva Road.",
    # Initials before places' names with no other names.
    "Regions: N Wales 12; S Wales 9; W Yorkshire 7.",
    # A role's label before a firm.
    "Sponsor: J Sainsbury (London).",
    # A substitution's bracket in a list of places.
    "Stops: Leeds (York 10), Hull, Selby.",
])
def test_list_shapes_of_firms_and_places_give_no_people(body):
    assert find_people("", body).people == ()


@pytest.mark.parametrize("body", [
    # A market label and an exchange in brackets.
    "Gainers: Texaco (NYSE) 31; Exxon (NYSE) 44; Chevron (NYSE) 51.",
    # Prices in pence and exchanges in brackets under a market label.
    "Risers: Quantel (LSE) 212p; Brayford (AIM) 48p; Marlowe (LSE) 96p.",
    "Risers: Quantel (LSE) 212p; Brayford (AIM) 48p",
    # A two-word market label, an exchange written in small letters, prices with decimals.
    "Most active: Corvane (Nasdaq) 12.40; Pellix (Nasdaq) 8.15; Tarrow (NYSE) 22.75.",
    # A market label alone: firms and prices with decimals.
    "Fallers: Dunmore 31.5, Kelvane 12.25, Ostrick 8.75.",
    # An exchange in brackets without a market label.
    "Top shares: Halvorn (TSX) 14.20; Quillby (ASX) 3.05; Stenmark (TSX) 9.90.",
    # Prices in pence without a market label or an exchange.
    "Also higher: Quantel 212p; Brayford 48p; Marlowe 96p.",
    # An unlabelled price line: currencies beside a firm.
    "N.Z. Dlrs 0.5612, H.J. Heinz 41, U.S. Dlrs 1.5",
    # Currency words after initials, made up.
    "Closing: A.B. Yen 120.5, C.D. Stg 1.55, E.F. Dlrs 0.71.",
])
def test_lists_of_firms_give_no_people(body):
    assert find_people("", body).people == ()
