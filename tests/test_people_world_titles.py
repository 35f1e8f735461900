"""Titles, honorifics and ranks of other countries are cut off a name (brief Z30, issue 17):
Pacific chiefs' titles ("Ratu", "Adi", "Mataiapo", "Mama"), African ones ("Kgosi",
"Inkosi", "Mzee"), South Asian and Malay ones ("Advocate", "Tengku", "Ustazah"), Thai and
Burmese ("Khun", "Daw"), sumo ranks ("Yokozuna", "Sekiwake", "Oyakata"), Irish and Welsh
offices ("Taoiseach", "Archdruid"), religious, military and academic ranks, forms of
address ("Mro", "Senhora", "Janab") and sporting roles ("Skip", "Cox"). A title that is
also a given name ("Adi", "Skip", "Mama", "Khun") stays a name before one word only; one
that is a common surname too ("Cox", "Pandit", "Tun" of Burmese names) is no title, for a
title alone is no person."""

from __future__ import annotations

import pytest

from docsearch.extract.lexicon import _GIVEN_NAME_TITLES, _TITLE_OR_NAME, _lexicon
from docsearch.extract.people import find_people


@pytest.mark.parametrize(("body", "people"), [
    ("Chief executive Ratu Josefa Vunisea said the new line would open in May.",
     ("Josefa Vunisea",)),
    ("Government backbencher Adi Litia Moceica said growers backed the levy.",
     ("Litia Moceica",)),
    ("The Mauke team, led by choreographer Mama Tere Rongoiti, 67, danced last.",
     ("Tere Rongoiti",)),
    ("The crew was steered by veteran Mataiapo Tuaine Pirangi, 58, as in every year.",
     ("Tuaine Pirangi",)),
    ("Kgosi Tebogo Mmereki of the house of chiefs said they had not been asked.",
     ("Tebogo Mmereki",)),
    ("Inkosi Sibusiso Mthembu opened the new clinic at Nongoma.", ("Sibusiso Mthembu",)),
    ("Mzee Otieno Wambugu, 91, still walks to the market every morning.",
     ("Otieno Wambugu",)),
    ("Independent candidate Advocate Rehana Parvin Shila said she would stand.",
     ("Rehana Parvin Shila",)),
    ("Tengku Rahmat Zainal Ariffin launched the book at the university.",
     ("Rahmat Zainal Ariffin",)),
    ("The class is taught by Ustazah Nurul Syafiqah Hamdan on Saturdays.",
     ("Nurul Syafiqah Hamdan",)),
    ("The temple's abbot, Phra Somsak Wongchai, blessed the boats.", ("Somsak Wongchai",)),
    ("Khun Pornthip Chaiyaporn runs the stall with her two sons.", ("Pornthip Chaiyaporn",)),
    ("Daw Khin Myat Noe, a retired teacher, led the prayers.", ("Khin Myat Noe",)),
    ("Yokozuna Kaizan Tomohiro withdrew on the fifth day with a knee injury.",
     ("Kaizan Tomohiro",)),
    ("Sekiwake Hoshinoumi Daiki beat the champion on the final day.", ("Hoshinoumi Daiki",)),
    ("His stablemaster, Oyakata Kenji Moriyama, a former komusubi, was pleased.",
     ("Kenji Moriyama",)),
    ("Taoiseach Ciarán Ó Dubhda said the budget would be published on Tuesday.",
     ("Ciarán Ó Dubhda",)),
    ("Archdruid Elfed Rhydderch chaired the ceremony in the pavilion.", ("Elfed Rhydderch",)),
    ("Mro Karmenu Zerafa will conduct the orchestra and a chorus of sixty.",
     ("Karmenu Zerafa",)),
    ("Senhora Idalina Fortes Tavares has sold fish on the quay for forty years.",
     ("Idalina Fortes Tavares",)),
    ("Mma Boitumelo Kgosietsile said the clinic had run out of nurses.",
     ("Boitumelo Kgosietsile",)),
    ("Janab Tariq Mehmood Gondal thanked the voters of the ward.", ("Tariq Mehmood Gondal",)),
    ("Skip Darla-Jean Kowalchuk made a draw to the button in the tenth end.",
     ("Darla-Jean Kowalchuk",)),
    ("Cox Hattie Pemberton-Lyle steered the eight home by a length.",
     ("Hattie Pemberton-Lyle",)),
    ("Havildar Gurpreet Singh Sandhu received the medal from the chief of staff.",
     ("Gurpreet Singh Sandhu",)),
    ("Monsignor Aurelio Vassallo said mass in the square.", ("Aurelio Vassallo",)),
    ("Headteacher Rhiannon Pughe-Lewis said the school would reopen on Monday.",
     ("Rhiannon Pughe-Lewis",)),
])
def test_titles_of_other_countries_are_cut(body, people):
    assert find_people("", body).people == people


@pytest.mark.parametrize(("body", "people"), [
    # Before one word these titles are given names.
    ("Adi Varkey said the firm would list its shares in March.", ("Adi Varkey",)),
    ("Skip Hollander, the club's president, said the club would appeal.",
     ("Skip Hollander",)),
    ("Mama Odette sang the last song of the night.", ("Mama Odette",)),
    ("Khun Sawat said the warehouse had been empty for years.", ("Khun Sawat",)),
    # ... also after another title.
    ("Although LSU Athletic Director Skip Hollister said an offer was near, talks went on.",
     ("Skip Hollister",)),
    ("Chairman Adi Varkey said the firm would list its shares in March.", ("Adi Varkey",)),
])
def test_a_title_that_is_a_given_name_stays_before_one_word(body, people):
    assert find_people("", body).people == people


def test_sumo_ranks_are_titles_and_lower_case_role_words():
    body = ("Sekiwake Hoshinoumi claimed his first cup on Sunday, defeating ozeki "
            "Fujinokaze on the final day.")
    assert find_people("", body).people == ("Hoshinoumi", "Fujinokaze")


def test_surnames_that_are_titles_abroad_stay_names():
    found = find_people("", "Chairman Harold F Cox said the improved performance was due "
                            "to prices.")
    assert (found.people, found.surnames) == (("Harold",), ("Cox",))
    assert find_people("", "Pandit said the vote would be held in May.").people == ("Pandit",)


def test_a_lower_case_adjective_is_no_role_word():
    body = "The firm says there is still life in its venerable Unix operating system."
    assert find_people("", body).people == ()


def test_the_lists_hold_the_words():
    lex = _lexicon()
    assert {"ratu", "kgosi", "sekiwake", "oyakata", "mataiapo", "advocate", "mro",
            "taoiseach", "tanaiste"} <= lex.titles
    assert {"adi", "mama", "skip", "khun"} <= _GIVEN_NAME_TITLES
    assert {"adi", "mama", "skip", "khun", "earl", "prince", "lady"} <= _TITLE_OR_NAME
    # A title that is also a given name stays a first name.
    assert {"adi", "skip"} <= lex.first_names
    assert "ratu" not in lex.first_names
    assert not {"cox", "pandit", "tun", "elder", "igwe", "venerable"} & lex.titles
