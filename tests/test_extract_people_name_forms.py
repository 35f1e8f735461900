"""People extraction (issue 17), forms of names: first names outside Faker's lists
(Japanese, Chinese, Russian, Ukrainian and others in Latin letters), an accented first
name before a nickname, family-name-first names met again under a title, forms of address
and roles before a name, and titles joined to names with particles.
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from docsearch import extract_people


def test_japanese_and_chinese_first_names_in_latin_letters():
    body = "Hideki Tsuruoka took the bronze and Chia-hao Lin the silver."
    assert extract_people("", body) == ["Hideki Tsuruoka", "Chia-hao Lin"]


def test_russian_and_ukrainian_first_names_in_latin_letters():
    body = "Oksana Hrytsenko took the title role; Dmytro Palii conducted the orchestra."
    assert extract_people("", body) == ["Oksana Hrytsenko", "Dmytro Palii"]


def test_first_names_faker_lacks():
    body = ("Eluned Prydderch, Chukwuemeka Obiorah and Wanjiru Kamotho arrived; "
            "Siobhán Mulcair and Tigist Haregewoin followed.")
    assert extract_people("", body) == ["Eluned Prydderch", "Chukwuemeka Obiorah",
                                        "Wanjiru Kamotho", "Siobhán Mulcair", "Tigist Haregewoin"]


def test_accented_first_name_before_a_nickname():
    body = 'Clonmore leaned on Séamus "The Bull" Farrelly, who said little afterwards.'
    assert extract_people("", body) == ["Séamus Farrelly"]


@pytest.mark.parametrize("body, people", [
    ("Mr Lim Boon Keat, the transport minister, spoke first. Mr Lim said fares would hold.",
     ["Lim Boon Keat"]),
    ("Ms Goh Siew Lan asked about clinics. Ms Goh said waiting times had doubled.",
     ["Goh Siew Lan"]),
])
def test_family_name_first(body, people):
    assert extract_people("", body) == people


@pytest.mark.parametrize("body, people", [
    # Hausa and Nigerian forms of address, and an engineer's title, are no part of the name.
    ("Malam Idris Bello, who farms near Zaria, tested the sprayer.", ["Idris Bello"]),
    ("Engr. Chidi Nwosu, the plant's manager, said output rose. Engr. Nwosu added little.",
     ["Chidi Nwosu"]),
    # "the Olympian" before a name is a role.
    ("She held off the Olympian Marieke van der Linde.", ["Marieke van der Linde"]),
])
def test_forms_of_address_and_roles(body, people):
    assert extract_people("", body) == people


def test_a_titled_surname_does_not_join_a_run_of_plain_words():
    body = ("Senator Ana Ruiz said President Harlow's Harlow Farm Reform plan would fail in "
            "Geneva. The talks on farm subsidies and reform go on.")
    assert extract_people("", body) == ["Ana Ruiz", "Harlow", "Harlow Farm Reform"]


def test_a_title_and_a_first_word_join_a_name_with_particles():
    body = ("Sheikh Abdul-Karim bin Saeed al-Mansoori presented the budget. Sheikh Abdul-Karim "
            "said spending would fall.")
    assert extract_people("", body) == ["Abdul-Karim bin Saeed al-Mansoori"]


@pytest.mark.parametrize("body, people", [
    # A family name and a one-syllable given name, met again under a title: one person.
    ("The studio's art director, Zhou Jun, drew the maps. \"It took a year,\" Mr Zhou said.",
     ["Zhou Jun"]),
    # A hyphenated given name after the family name, likewise (and so a person).
    ("Its Singapore office is run by Tan Wai-keung. \"Demand is strong,\" Mr Tan said.",
     ["Tan Wai-keung"]),
    # A syllable of a given name that ends like a participle ("-ming") is no joined word.
    ("The fund is led by Lau Ka-ming. \"Rates will fall,\" Mr Lau said.", ["Lau Ka-ming"]),
    # A given name first ("Lee Fenwick"): "Mr Lee" is someone else.
    ("Lee Fenwick chaired the meeting. \"We are ready,\" Mr Lee said.", ["Lee Fenwick", "Lee"]),
])
def test_two_word_family_name_first_under_a_title(body, people):
    assert extract_people("", body) == people
