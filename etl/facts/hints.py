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


def aligned_fold(text: str) -> str | None:
    """`folded(text)` when it has one character for each character of the text (so a position in
    one is the same position in the other), else None. Only 'İ' lowers to two characters, and only
    the combining dot above is dropped; a text without either is aligned."""
    if "İ" in text or "\u0307" in text:
        return None
    return folded(text)


def top_level_branches(source: str) -> list[str]:
    """A pattern's source split at its top-level '|' (not inside a group, a class or an escape)."""
    branches, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if source[i + 1:i + 2] == "^":
                i += 1
            if source[i + 1:i + 2] == "]":  # a ']' first in a class is a literal
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(source[start:i])
            start = i + 1
        i += 1
    branches.append(source[start:])
    return branches


# a zero-width test at the start of a branch: a word boundary, or a lookbehind without groups inside
_LEADING_ASSERTION = re.compile(r"^(?:\\b|\(\?<[!=](?:[^()\\]|\\.)*\))+")


def loose_scout_source(source: str) -> str:
    """The pattern without the zero-width tests that begin its top-level branches ('\\bwon',
    '(?<!milli )mejlis'). It matches wherever the pattern matches, and more; but its branches now
    begin with letters, from which the regex engine makes a set of first characters to skip to in C,
    instead of trying every branch at every position."""
    return "|".join(_LEADING_ASSERTION.sub("", branch) for branch in top_level_branches(source))


# an escape whose meaning changes with its case (\\W, \\S, \\D, \\B, \\A, \\Z, \\N{...}, \\U...)
_UPPER_ESCAPE = re.compile(r"\\[A-Z]")


def lower_case_twin(pattern: re.Pattern) -> re.Pattern:
    """A case-insensitive pattern written in lower case: under re.IGNORECASE the regex compiler turns
    a literal and its lower case into the same code, so the twin is the same pattern
    (tests/test_scanned.py compares their compiled code). Refused for a pattern that is not
    case-insensitive or that has an escape in capitals (lowering would change what it means)."""
    if not pattern.flags & re.IGNORECASE or _UPPER_ESCAPE.search(pattern.pattern):
        raise ValueError(f"no lower-case twin: {pattern.pattern[:60]!r}")
    return re.compile(pattern.pattern.lower(), pattern.flags)


@dataclass(frozen=True)
class Scanned:
    """A case-insensitive pattern run as a case-sensitive one over the folded text, to find where
    its matches start; each match itself is the pattern's own, on the text.

    `finditer(text)` yields exactly what `pattern.finditer(text)` yields. The case-sensitive scan
    (`scout`: the same pattern, all lower case, without re.IGNORECASE) tells where a match can
    start; the pattern then matches at that position as its own search would (lookbehinds and \\b
    see the text before it). tests/test_scanned.py proves that the scout matches the folded text
    wherever the pattern matches the text: every literal and class of the pattern accepts a
    character under re.IGNORECASE exactly when the scout accepts its folded form. The scout leaves
    out the zero-width tests that begin the pattern's top-level branches (`loose_scout_source`), so
    it may also start where the pattern does not match; there the pattern is tried, fails, and the
    scan goes on from the next position. The pattern must not match the empty string (checked there
    too). A text whose fold is not aligned is scanned by the pattern itself.
    """

    pattern: re.Pattern
    scout: re.Pattern

    @classmethod
    def where_possible(cls, pattern: re.Pattern) -> "Scanned | re.Pattern":
        """The pattern Scanned, or the pattern itself when it is not lower-case and case-insensitive
        (both have `search` and `finditer`)."""
        try:
            return cls.of(pattern)
        except ValueError:
            return pattern

    @classmethod
    def of(cls, pattern: re.Pattern) -> "Scanned":
        if not pattern.flags & re.IGNORECASE or folded(pattern.pattern) != pattern.pattern:
            raise ValueError(f"not a lower-case, case-insensitive pattern: {pattern.pattern[:60]!r}")
        return cls(pattern, re.compile(loose_scout_source(pattern.pattern), pattern.flags & ~re.IGNORECASE))

    @classmethod
    def of_twin(cls, pattern: re.Pattern) -> "Scanned":
        """A case-insensitive pattern with capitals ('\\bPresident|National Leader'), Scanned as its
        lower-case twin (`lower_case_twin`): the matches are the twin's, which are the pattern's."""
        return cls.of(lower_case_twin(pattern))

    def search(self, text: str) -> re.Match | None:
        """The first match, as `pattern.search(text)` finds it."""
        return next(self.finditer(text), None)

    def finditer(self, text: str):
        fold = aligned_fold(text)
        if fold is None:
            yield from self.pattern.finditer(text)
            return
        pos = 0
        while (found := self.scout.search(fold, pos)) is not None:
            m = self.pattern.match(text, found.start())
            if m is None:  # the scout's branch matched without its leading \\b or lookbehind
                pos = found.start() + 1
                continue
            yield m
            pos = m.end()  # never empty


@dataclass(frozen=True)
class Spotted:
    """A case-insensitive pattern whose every match begins with one of a few words (lower case, as
    `folded` makes them): the pattern is tried only where one of them stands in the folded text.

    `finditer(text)` yields exactly what `pattern.finditer(text)` yields. Over an aligned fold a
    position of the fold is the same position of the text, and a match can start only where the fold
    has one of the words (tests/test_scanned.py checks, by parsing the pattern, that every match
    begins with one, and that its literals accept a character exactly when folding makes it theirs).
    The words are found with str.find, which skips along in C far faster than a regex can try a
    pattern whose first letters are common ones; at each place, in order, the pattern matches as its
    own search would (\\b sees the character before), and the scan goes on after a match. A text
    whose fold is not aligned is scanned by the pattern itself.
    """

    pattern: re.Pattern
    words: tuple[str, ...]

    def finditer(self, text: str):
        fold = aligned_fold(text)
        if fold is None:
            yield from self.pattern.finditer(text)
            return
        starts = set()
        for word in self.words:
            i = fold.find(word)
            while i != -1:
                starts.add(i)
                i = fold.find(word, i + 1)
        pos = 0
        for start in sorted(starts):
            if start < pos:
                continue
            m = self.pattern.match(text, start)
            if m is not None:
                yield m
                pos = m.end()  # never empty: it begins with a word
