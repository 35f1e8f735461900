"""Firms are no people: a name whose later word is a noun of a trade or an industry
("Brenmoor Seafoods", "Kestle Aerostructures", "Dunmore Colliery", "Lakhan Spinning
Mills") or a unit of trade ("Bu-Sorghum Cwt"). People beside them stay people, a surname
that is a trade's word too stays a surname ("Brent Mills"), and a minister's portfolio is
no firm's word ("Minister of State for Finance X Y")."""

from __future__ import annotations

import pytest

from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("Brenmoor Seafoods said profits rose, chief executive Halla Drummond told investors.",
     ("Halla Drummond",)),
    ("Fuel supplier Gibmar Fuels said volumes fell.", ()),
    ("The wing maker Kestle Aerostructures cut 40 jobs.", ()),
    ("Work stopped at Dunmore Colliery on Monday, said union leader Owen Prys.",
     ("Owen Prys",)),
    ("Growth will slow, Minister of State for Finance Daudi Mwakyusa said.",
     ("Daudi Mwakyusa",)),
    ("Shares of Lakhan Spinning Mills rose 4 percent.", ()),
    ("The broker Zammit Stockbrokers said demand was strong.", ()),
    ("Rose Vineyard, chairman of the Cotter Sawmill, said prices had doubled.",
     ("Rose Vineyard",)),
    ("US Bu-Sorghum Cwt prices were steady.", ()),
    ("Brent Mills said the team would win.", ("Brent Mills",)),
    ("Kestrel Cement said output rose; Harlow Refining and Dunley Dairy said it fell.", ()),
    ("Owner Tam Veitch said Glenbrae Distillery would reopen.", ("Tam Veitch",)),
    ("Hallam Products and the Westmere Maize Importers said prices rose.", ()),
    ("Producer Jane Arbery said the film would open in May.", ("Jane Arbery",)),
])
def test_a_trade_noun_makes_a_firm(body, people):
    assert find_people("", body).people == people

