"""One person or organisation however spelled; stable ids that a new spelling does not change."""
from __future__ import annotations

import pytest

from etl.entities import (
    Registry, canonical_name, latin_english, nominative, organizations_in, person_id, russian_nominative, skeleton,
    split_name, turkmen_nominative,
)


@pytest.mark.parametrize("spellings", [
    ["Myradov", "Muradov", "Myradow", "Мырадов", "Мурадов"],
    ["Guminskiy", "Guminsky", "Guminskii", "Гуминский"],
    ["Ataýewa", "Ataeva", "Atayeva", "Атаева"],
    ["Mammedova", "Mämmedowa", "Мамедова", "Маммедова"],
    ["Khalmyradov", "Halmyradow", "Халмырадов"],
    ["Saparlyýew", "Saparlyyev", "Сапарлыев"],
    ["Jumaýew", "Jumayev", "Джумаев"],
    ["Garaşsyzlyk", "Garashsyzlyk", "Гарашсызлык"],
    ["Wekil", "Vekil", "Векил"],
    ["Baýdak", "Baydak", "Байдак"],
])
def test_one_skeleton_for_every_spelling(spellings):
    assert len({skeleton(s) for s in spellings}) == 1


@pytest.mark.parametrize("printed, surname_first, pid", [
    ("Gulmyrat Myradov", False, "muradov-g"),
    ("G. Muradov", False, "muradov-g"),
    ("G.Myradow", False, "muradov-g"),
    ("Гулмырат Мырадов", False, "muradov-g"),
    ("Г.Мурадов", False, "muradov-g"),
    ("Myradow Gulmyrat", True, "muradov-g"),
    ("Alexei Gromov", False, "gromov-a"),
    ("Alexey Gromov", False, "gromov-a"),
    ("Viktor Guminsky", False, "gumunski-v"),
    ("В. Гуминский", False, "gumunski-v"),
    ("Victor Guminskiy", False, "gumunski-v"),
    ("Bazarow Rejep", True, "bazarov-r"),
    ("Rejep Bazarov", False, "bazarov-r"),
])
def test_person_ids_do_not_depend_on_spelling(printed, surname_first, pid):
    assert person_id(split_name(printed, surname_first=surname_first)) == pid


@pytest.mark.parametrize("printed, before, nom", [
    ("Г.Мурадовым", "встреча с ", "Г.Мурадов"),
    ("Гулмыратом Мырадовым", "", "Гулмырат Мырадов"),
    ("Виктором Гуминским", "", "Виктор Гуминский"),
    ("Алексеем Громовым", "", "Алексей Громов"),
    ("Г.Мурадова", "встреча председателя ЦИК ", "Г.Мурадов"),
    ("Гулмырата Мырадова", "советника ", "Гулмырат Мырадов"),
    ("Г.Мурадову", "", "Г.Мурадов"),
    ("Огулджерен Аннаевой", "", "Огулджерен Аннаева"),
    ("Огулджерен Аннаева", "член ЦИК ", "Огулджерен Аннаева"),  # a woman: the nominative itself
    ("Нарине Саакян", "", "Нарине Саакян"),
])
def test_russian_nominative(printed, before, nom):
    assert russian_nominative(printed, before) == nom


def test_turkmen_and_english_case_endings():
    assert turkmen_nominative("Mazahir Panahowyň") == "Mazahir Panahow"
    assert turkmen_nominative("L.W.Anfimowyň") == "L.W.Anfimow"
    assert turkmen_nominative("G.Myradowa") == "G.Myradowa"
    assert nominative("D.Orazov’s", "en") == "D.Orazov"


def test_registry_keeps_every_spelling_with_its_language_and_a_latin_name():
    r = Registry()
    a = r.person("Alexei Gromov", "en")
    b = r.person("Alexey Gromov", "en")
    c = r.person("Г.Мурадовым", "ru")
    d = r.person("Gulmyrat Myradov", "en")
    e = r.person("Нарине Саакян", "ru")
    assert a == b and c == d
    rows = {p["id"]: (p["name"], [(n["name"], n["lang"]) for n in names]) for p, names in r.person_rows()}
    assert rows[a] == ("Alexei Gromov", [("Alexei Gromov", "en"), ("Alexey Gromov", "en")])
    assert rows[c] == ("Gulmyrat Myradov", [("Г.Мурадовым", "ru"), ("Г.Мурадов", "ru"), ("Gulmyrat Myradov", "en")])
    assert rows[e] == ("Narine Saakyan", [("Нарине Саакян", "ru")])


def test_surname_first_results_are_displayed_given_name_first():
    r = Registry()
    pid = r.person("Bazarow Rejep", "tk", surname_first=True)
    (person, names), = list(r.person_rows())
    assert (pid, person["name"], names[0]["name"]) == ("bazarov-r", "Rejep Bazarow", "Bazarow Rejep")


def test_canonical_and_latin_names():
    assert canonical_name([("Г.Мырадов", "ru"), ("G.Myradov", "en"), ("Gulmyrat Myradow", "tk")]) == "Gulmyrat Myradow"
    assert latin_english("Гулмырат Мырадов") == "Gulmyrat Myradov"


@pytest.mark.parametrize("text, ids", [
    ("senior advisor of the OSCE bureau for Democratic institutions and human rights", ["osce-odihr"]),
    ("Бюро по демократическим институтам и правам человека ОБСЕ", ["osce-odihr", "osce"]),
    ("First Deputy Chairman of the Executive Committee of the CIS", ["cis-executive-committee"]),
    ("Исполнительного комитета СНГ", ["cis-executive-committee"]),
    ("GDA-nyň Ýerine ýetiriji komitetiniň", ["cis-executive-committee"]),
    ("постоянный представитель ПРООН в Туркменистане", ["undp"]),
    ("BMG-niň Ösüş maksatnamasynyň wekili", ["undp"]),
    ("United Nations", ["un"]), ("ООН", ["un"]), ("BMG", ["un"]),
    ("chairman of the Central election commission", ["cec-turkmenistan"]),
    ("председатель ЦИК Туркменистана", ["cec-turkmenistan"]),
    ("Merkezi saýlaw toparynyň başlygy", ["cec-turkmenistan"]),
    ("Central Election Commission of the Republic of Azerbaijan", ["cec-azerbaijan"]),
    ("Azerbaýjan Respublikasynyň Merkezi saýlaw toparynyň başlygy", ["cec-azerbaijan"]),
    ("Chairman of Ashgabat Election Committee", ["election-commission-ashgabat"]),
    ("Lebap welaýat saýlaw toparynyň başlygy", ["election-commission-lebap"]),
    ("the Chairman of the Party of Industrialists and Entrepreneurs", ["industrialists-entrepreneurs-party"]),
    ("member of the Inter-Parliamentary Assembly of the CIS", ["cis-ipa", "cis"]),
])
def test_organisations_and_their_spellings(text, ids):
    assert [o.id for o, _ in organizations_in(text)] == ids


def test_organisation_abbreviations():
    abbr = {o.id: o.abbreviation for o, _ in organizations_in("OSCE/ODIHR, CIS, UN, UNDP")}
    assert abbr == {"osce-odihr": "OSCE/ODIHR", "cis": "CIS", "un": "UN", "undp": "UNDP"}


def test_name_order_read_from_the_name():
    assert person_id(split_name("Myradow Gulmyrat")) == person_id(split_name("Gulmyrat Myradov")) == "muradov-g"
    assert person_id(split_name("Мамедова Огулгерек")) == person_id(split_name("Ogulgerek Mammedova")) == "mamedova-o"
    assert person_id(split_name("Martin Schulz")) == "sculz-m"  # given name first: no -ov ending to swap on
    r = Registry()
    assert r.person("Myradow Gulmyrat", "tk") == r.person("G.Myradov", "en") == "muradov-g"


@pytest.mark.parametrize("printed, nominative_form, person", [
    ("Лебедевым Сергеем Николаевичем", "Сергей Николаевич Лебедев", "lebedev-s"),
    ("Лебедева Сергея Николаевича", "Сергей Николаевич Лебедев", "lebedev-s"),
    ("Сергеем Николаевичем Лебедевым", "Сергей Николаевич Лебедев", "lebedev-s"),
    ("Петровой Анной Сергеевной", "Анна Сергеевна Петрова", "petrova-a"),
])
def test_russian_names_with_a_patronymic_in_any_order_and_case(printed, nominative_form, person):
    from etl.entities import Registry, nominative

    assert nominative(printed, "ru") == nominative_form
    assert Registry().person(printed, "ru") == person


@pytest.mark.parametrize("spellings", [
    ["Berdimuhamedow", "Berdymukhamedov", "Бердымухамедов", "Berdimuhamedov"],
    ["Ýazmyradow", "Yazmyradov", "Язмырадов"],
    ["Myradow", "Muradov", "Мырадов", "Мурадов"],
])
def test_one_skeleton_for_the_turkmen_russian_and_english_vowels_of_one_surname(spellings):
    from etl.entities import skeleton

    assert len({skeleton(s) for s in spellings}) == 1


@pytest.mark.parametrize("printed", [
    "Ramazan Mustafakuliyevich Durdyyev",  # given name, patronymic, surname
    "Durdyyev Mustafakuliyevich Ramazan",  # surname, patronymic, given name (registration lists)
    "Durdyyev Ramazan Mustafakuliyevich",  # surname, given name, patronymic (Russian official order)
    "Ramazan Durdyyev Mustafakuliyevich",  # given name, surname, patronymic
    "Рамазан Мустафакулиевич Дурдыев",
    "Дурдыев Рамазан Мустафакулиевич",
    "Дурдыев Мустафакулиевич Рамазан",
    "R. Durdyyev",
])
def test_a_name_with_a_patronymic_in_any_order_has_one_id(printed):
    assert person_id(split_name(printed)) == "durduev-r"
    assert Registry().person(printed, "en" if printed.isascii() else "ru") == "durduev-r"


def test_a_name_printed_surname_first_is_shown_given_name_first():
    r = Registry()
    r.person("Durdyyev Mustafakuliyevich Ramazan", "en")
    r.person("Myradow Gulmyrat", "en")
    assert [person["name"] for person, _ in r.person_rows()] == [
        "Ramazan Mustafakuliyevich Durdyyev", "Gulmyrat Myradow"]
