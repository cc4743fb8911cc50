"""Cheap necessary conditions ("hints") checked before expensive case-insensitive patterns.

Many patterns of the parsers are long alternations compiled with re.IGNORECASE, which the regex
engine tries at every position of a text. Each alternative of such a pattern contains some literal
word ("mejlis", "президент", "binasynda"); when none of those words occurs in the text, the pattern
cannot match and need not run. `Hint` is that check: a few lower-case words, looked for with `in`
in the text folded by `folded`.

`folded(text)` is built so that the check is a necessary condition of the pattern, exactly:
re.IGNORECASE matches a character of the pattern against every character with the same simple
lower case, and against a few more that Unicode case-folds together ('ı' and 'İ' against 'i', 'ſ'
against 's', the old Cyrillic forms 'ᲀ'... against 'в'...). `folded` maps all of those onto the one
lower-case letter, so any stretch of text that matches a literal word of the pattern becomes that
word, in lower case, in the folded text. tests/test_hints.py proves it for every character a hint
uses, against every Unicode character, and checks mechanically (by parsing each pattern) that
every alternative of each hinted pattern requires one of its hint's words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Characters that re.IGNORECASE equates with a letter that str.lower() does not turn them into
# (Python's re/_casefix.py), and the combining dot above that str.lower() adds after 'i' for 'İ'.
_SAME_LETTER = str.maketrans({
    "\u0307": None,  # 'İ'.lower() == 'i\u0307'; re.IGNORECASE matches 'İ' against 'i'
    "ı": "i",
    "ſ": "s",
    "\u1c80": "в", "\u1c81": "д", "\u1c82": "о", "\u1c83": "с", "\u1c84": "т", "\u1c85": "т",
    "\u1c86": "ъ", "\u1c87": "ѣ", "\u1c88": "ꙋ",
    "ẛ": "ṡ",
})
_ODD = re.compile("[\u0307ıſ\u1c80-\u1c88ẛ]")


@lru_cache(maxsize=256)  # pure; one text is checked by several patterns in a row
def folded(text: str) -> str:
    """The text in lower case, with the letters re.IGNORECASE treats as one made one letter."""
    low = text.lower()
    if _ODD.search(low):
        low = low.translate(_SAME_LETTER)
    return low


@dataclass(frozen=True)
class Hint:
    """Words of which every match of a case-insensitive pattern contains at least one (lower case).

    `Hint(("mejlis", "меджлис")).may_match(text)` is False only when the pattern cannot match."""

    words: tuple[str, ...]

    def may_match(self, text: str) -> bool:
        return any(map(folded(text).__contains__, self.words))


@dataclass(frozen=True)
class Hinted:
    """A compiled pattern with its hint: `search` and `finditer` give what the pattern's own give,
    without running it over a text where it cannot match."""

    pattern: re.Pattern
    hint: Hint

    def search(self, text: str) -> re.Match | None:
        return self.pattern.search(text) if self.hint.may_match(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.hint.may_match(text) else iter(())
