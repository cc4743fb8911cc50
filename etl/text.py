"""Small text helpers shared by the parsers: language detection, folding, numbers."""
from __future__ import annotations

import re
import unicodedata

TURKMEN_LETTERS = set("ýňşçäöüžÝŇŞÇÄÖÜŽ")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
# Frequent Turkmen words that carry no special letter.
_TK_WORDS = re.compile(
    r"\b(we|bilen|boýunça|barada|baradaky|Türkmenistanyň|Türkmenistanda|saýlaw\w*|merkezi|topar\w*)\b",
    re.IGNORECASE,
)


def detect_lang(text: str) -> str | None:
    """'ru' for Cyrillic text, 'tk' for Latin text with Turkmen letters, 'en' for other Latin text."""
    sample = text[:2000]
    cyr = len(_CYRILLIC.findall(sample))
    lat = len(_LATIN.findall(sample))
    if not cyr and not lat:
        return None
    if cyr > lat:
        return "ru"
    tk_letters = sum(1 for ch in sample if ch in TURKMEN_LETTERS)
    letters = max(lat, 1)
    if tk_letters / letters > 0.01 or (tk_letters >= 2 and letters < 200):
        return "tk"
    if tk_letters and len(_TK_WORDS.findall(sample)) >= 2:
        return "tk"
    return "en"


_CYR_TO_LAT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүңҗ",
    ["a", "b", "w", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya", "a", "o", "u",
     "n", "j"],
))


def fold(text: str | None) -> str:
    """Lower-case ASCII skeleton, across Latin and Cyrillic spellings ('Garaşsyzlyk' -> 'garassyzlyk')."""
    text = (text or "").casefold()
    text = "".join(_CYR_TO_LAT.get(ch, ch) for ch in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space."""
    return re.sub(r"\s+", " ", text).strip()


def parse_pct(text: str) -> float | None:
    """'91,32' or '91.32' -> 91.32 exactly as printed; None if it is not a number."""
    text = text.strip().replace(",", ".")
    if not re.fullmatch(r"\d{1,3}(\.\d+)?", text):
        return None
    return float(text)


_THOUSANDS = re.compile(r"^\d{1,3}([ .,\u00a0\u202f]\d{3})+$")


def parse_count(text: str) -> int | None:
    """A count as printed: '3 435 950', '3.460.080', '86,641', '79 müň 121', '236' -> int."""
    t = text.strip()
    m = re.fullmatch(r"(\d{1,3})\s*(?:müň|тыс\.?|thousand)\s*(\d{1,3})?", t, re.IGNORECASE)
    if m:
        return int(m.group(1)) * 1000 + int(m.group(2) or 0)
    if re.fullmatch(r"\d+", t):
        return int(t)
    if _THOUSANDS.match(t):
        return int(re.sub(r"\D", "", t))
    return None
