"""The read stage's fast paths give what the plain rules they stand for give.

Each helper that was made faster is checked here against the straightforward form it replaces,
on every character or on generated inputs, so that a speed-up can never change what is read."""
from __future__ import annotations

import random
import re
import sys

import pytest

from etl.text import _TK_LETTER, TURKMEN_LETTERS, detect_lang, squash

_SPACES = re.compile(r"\s+")


def test_squash_knows_the_same_whitespace_as_the_regex():
    # every character: str.split / str.strip and the regex's \s agree on what is whitespace
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        text = f" a{c}{c}b {c}"
        assert squash(text) == _SPACES.sub(" ", text).strip(), hex(code)


def _detect_lang_plain(text: str) -> str | None:
    """detect_lang as first written: one regex match per letter and per word."""
    sample = text[:3000]
    cyr = len(re.findall(r"[\u0400-\u04FF]", sample))
    lat = len(re.findall(r"[A-Za-z\u00C0-\u024F]", sample))
    if not cyr and not lat:
        return None
    if cyr > lat:
        return "ru"
    from etl.text import _EN_WORDS, _TK_WORDS, _WORDS
    words = _WORDS.findall(sample[:1500])
    en = sum(1 for w in words if w.casefold() in _EN_WORDS)
    tk = sum(1 for w in words if w.casefold() in _TK_WORDS or (_TK_LETTER.search(w) and not w[0].isupper()))
    if en or tk:
        if tk > en:
            return "tk"
        if en > tk:
            return "en"
    tk_letters = len(_TK_LETTER.findall(sample))
    if tk_letters and tk_letters / max(lat, 1) > 0.01:
        return "tk"
    return "en"


_PIECES = ["the", "of", "Saýlaw", "saýlaw", "bilen", "Türkmenistan", "türkmen", "Выборы", "комиссия",
           "12", "2023", "ýyl", "İ", "ß", "Ǆ", "ǅ", "ÿ", "Ÿ", "ŉ", "ﬁ", "a", "Z", "é", "Ω", "я", "Ӿ", "Ԁ",
           "\u0300", "—", "...", ",", ".", " ", "  ", "\n", "\u00a0", "ŋ", "ž", "Ž", "KAZ", "in", "we"]


_ASCII_PIECES = [p for p in _PIECES if p.isascii()] + ["bu", "hem", "we", "The", "OF", "Bilen", "x1y", "_", "9a"]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("pieces", [_PIECES, _ASCII_PIECES], ids=["any", "ascii"])
def test_detect_lang_as_the_plain_rule(seed, pieces):
    rnd = random.Random(seed)
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 40)))
        assert detect_lang(text) == _detect_lang_plain(text), text
    long = " ".join(rnd.choice(pieces) for _ in range(3000))  # over the 3,000 and 1,500 samples
    assert detect_lang(long) == _detect_lang_plain(long)


def test_turkmen_letters_are_one_set():
    assert set(TURKMEN_LETTERS) == set(_TK_LETTER.pattern.strip("[]"))
