"""The language of a text, from its own words (not from the URL)."""
import pytest

from etl.text import detect_lang


@pytest.mark.parametrize("text, lang", [
    ("Turkmenistan – Italy: a new stage of mutually beneficial cooperation", "en"),
    ("Türkmenistan – Italy: a new stage", "en"),  # a Turkmen-spelled name in an English title
    ("Garaşsyzlyk constituency", "en"),
    ("Voting continues", "en"),
    ("Saýlaw", "tk"),
    ("Aba Annaýew şäherçesi", "tk"),
    ("Türkmenistanyň Mejlisiniň möhleti", "tk"),
    ("Türkmenistanda Saýlawlary we sala salşyklary geçirmek boýunça merkezi toparyň mejlisi geçirildi", "tk"),
    ("Голосование продолжается", "ru"),
    ("12 345", None),
])
def test_language_from_the_words(text, lang):
    assert detect_lang(text) == lang
