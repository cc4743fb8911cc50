"""The one transliteration: the same key for a name in Latin, Turkmen Latin and Cyrillic, used by
entity ids, the search and the site alike."""
from __future__ import annotations

import pytest

from etl.entities import person_id, split_name
from etl.translit import fold, fts_query, latin_english, name_key, skeleton, turkmen_latin


@pytest.mark.parametrize("spellings, key", [
    (["Джумаев", "Jumaev", "Dzhumaev", "Jumaýew", "Djumayev"], "jumaev"),
    (["Мырадов", "Myradov", "Muradov", "Myradow", "Мурадов"], "muradov"),
    (["Бердымухамедов", "Berdimuhamedow", "Berdymukhamedov"], "berdumuhamedov"),
    (["Гуминский", "Guminskiy", "Guminsky", "Guminskii"], "gumunski"),
    (["Атаева", "Ataeva", "Ataýewa", "Atayeva"], "ataeva"),
    (["Халмырадов", "Khalmyradov", "Halmyradow"], "halmuradov"),
])
def test_one_key_for_every_spelling_of_a_name(spellings, key):
    assert {skeleton(s) for s in spellings} == {key}
    assert {name_key(s) for s in spellings} == {key}


def test_the_search_the_site_and_the_entity_ids_share_the_key():
    from plugins import translit as site_translit  # the plugin the site's search uses

    for name in ("Джумаев", "Jumaev", "Dzhumaev"):
        assert site_translit.skeleton(name) == skeleton(name) == "jumaev"
        assert person_id(split_name("A. " + name)) == "jumaev-a"


def test_a_name_of_several_words_keeps_its_words_apart_for_search_and_joined_for_ids():
    assert skeleton("Гулмырат Мырадов") == "gulmurat muradov"
    assert name_key("Hoja-Muhammedov") == "hojamuhamedov"


@pytest.mark.parametrize("text, folded", [
    ("Garaşsyzlyk", "garassyzlyk"), ("Гарашсызлык", "garashsyzlyk"), ("SAÝLAW", "saylaw"), ("  ", ""),
])
def test_fold(text, folded):
    assert fold(text) == folded


def test_display_spellings_of_a_russian_name():
    assert latin_english("Нарине Саакян") == "Narine Saakyan"
    assert turkmen_latin("Чарыев") == "Çaryew"


def test_a_search_finds_the_other_script():
    q = fts_query("Myradov")
    assert '"мырадов"*' in q and '"myradow"*' in q
    assert fts_query("Мырадов").startswith('("мырадов"* OR "myradov"*')
