"""etl.facts.hints.Scanned finds exactly the matches of its pattern.

The proof, exhaustive rather than by example: a Scanned pattern runs its case-sensitive twin (the
scout) over the folded text. Over an aligned text (no 'İ', no combining dot above), folding maps
each character onto one character. For every single-character test the pattern makes (a literal,
a class, \\w for \\b), the test accepts a character under re.IGNORECASE exactly when the scout's
test accepts the folded character; so the scout, at any position of the folded text, takes the
same steps as the pattern on the text, lookbehinds and word boundaries included, and matches
where the pattern matches. The pattern then runs at that position, and matches as its own search
would. Then texts of our own, and texts with the letters folding treats specially, compare
`finditer` with the pattern's.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache

import pytest

from etl import dates
from etl.facts import elections, kinds, meetings, results, turnout
from etl.facts.hints import Scanned, Spotted, aligned_fold, folded, loose_scout_source, top_level_branches

if sys.version_info >= (3, 11):
    from re import _constants as C, _parser as P
else:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P

SCANNED = [(f"body {bodies}", scan) for bodies, scan in elections._BODY_SCANS] + [
    (f"date {name}", scan) for name, scan in dates._SCANS.items()] + [
    (f"kind {kind}", scan) for (kind, _), scan in zip(kinds.RULES, kinds._RULE_SCANS, strict=True)
    if isinstance(scan, Scanned)] + [
    ("elected", results._ELECTED_SCAN), ("meeting sentence", meetings._MEETING_SCAN),
    ("count of voters", turnout._COUNT_SCAN), ("after polling", turnout._AFTER_POLLING_SCAN),
    ("held", meetings._HELD_SCAN), ("head of state (twin)", meetings._HEAD_OF_STATE_SCAN),
    ("role word", meetings._ROLE_WORD_SCAN), ("kinds: future", kinds._FUTURE_SCAN), ("dates: future", dates._FUTURE_SCAN)]
# Scanned as the lower-case twin of a pattern with capitals (Scanned.of_twin): (the pattern, the Scanned)
TWINS = [(meetings._HEAD_OF_STATE, meetings._HEAD_OF_STATE_SCAN)]

_CATEGORY = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
             C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def _class(items) -> str:
    """A parsed character class written back as a pattern."""
    out = ""
    for op, av in items:
        if op is C.NEGATE:
            out = "^" + out
        elif op is C.LITERAL:
            out += re.escape(chr(av))
        elif op is C.RANGE:
            out += re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
        elif op is C.CATEGORY:
            out += _CATEGORY[av]
        else:
            raise AssertionError(f"unexpected in a class: {op}")
    return f"[{out}]"


def _tests(items) -> set[str]:
    """Every one-character test of a parsed pattern, as a pattern; fails on what it cannot vouch for
    (a back reference compares case-insensitively two stretches of the text)."""
    found = {r"\w"}  # \b looks at word characters
    for op, av in items:
        if op is C.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is C.NOT_LITERAL:
            found.add("[^" + re.escape(chr(av)) + "]")
        elif op is C.IN:
            found.add(_class(av))
        elif op is C.SUBPATTERN:
            found |= _tests(av[-1])
        elif op is C.BRANCH:
            for branch in av[1]:
                found |= _tests(branch)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            found |= _tests(av[2])
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found |= _tests(av[1])
        elif op in (C.AT, C.ANY):
            continue  # positions and '.' do not depend on case
        else:
            raise AssertionError(f"cannot vouch for {op}")
    return found


@lru_cache(maxsize=1)
def _alphabet() -> tuple[str, str]:
    """Every aligned character, and each one folded by itself."""
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c) not in "İ\u0307")
    return chars, "".join(folded.__wrapped__(c) for c in chars)


def test_only_dotted_capital_i_lowers_to_two_characters():
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if len(c.lower()) != 1] == ["İ"]


def test_the_alphabet_folds_one_for_one():
    chars, folds = _alphabet()
    assert len(chars) == len(folds)


@pytest.mark.parametrize("name, scan", SCANNED, ids=[n for n, _ in SCANNED])
def test_every_test_of_the_pattern_agrees_with_the_scout_on_the_folded_character(name, scan):
    chars, folds = _alphabet()
    parsed = P.parse(scan.pattern.pattern, scan.pattern.flags)
    assert parsed.getwidth()[0] > 0, "a Scanned pattern must not match the empty string"
    for test in sorted(_tests(parsed)):
        assert _agrees(test), (name, test)


@lru_cache(maxsize=None)
def _agrees(test: str) -> bool:
    """Whether a one-character test accepts each aligned character under re.IGNORECASE exactly
    when it accepts (case-sensitively) the folded character, the final sigma like the sigma."""
    chars, folds = _alphabet()  # one character each: a match's start is the character's index
    took = [m.start() for m in re.finditer(test, chars, re.IGNORECASE)]
    scouted = [m.start() for m in re.finditer(test, folds)]
    sensitive = re.compile(test)
    return took == scouted and bool(sensitive.fullmatch("σ")) == bool(sensitive.fullmatch("ς"))


@pytest.mark.parametrize("name, scan", SCANNED, ids=[n for n, _ in SCANNED])
def test_the_scout_is_the_pattern_without_the_zero_width_tests_that_begin_its_branches(name, scan):
    """The scout matches (over the folded text) wherever the pattern matches (over the text): the
    previous test proves it of the pattern's case-sensitive twin; the scout is that twin with, at
    most, word boundaries and lookbehinds taken from the start of its top-level branches, and a
    branch without a zero-width test at its start matches wherever the branch matches."""
    source = scan.pattern.pattern
    branches = top_level_branches(source)
    assert "|".join(branches) == source
    for branch in branches:
        re.compile(branch, scan.pattern.flags)  # a real branch: no group or class was cut
    scout_branches = top_level_branches(scan.scout.pattern)
    assert len(scout_branches) == len(branches)
    for branch, kept in zip(branches, scout_branches):
        assert branch.endswith(kept)
        removed = branch[:len(branch) - len(kept)]
        for op, av in P.parse(removed, scan.pattern.flags).data:
            assert (op is C.AT and av is C.AT_BOUNDARY) or (op in (C.ASSERT, C.ASSERT_NOT) and av[0] == -1), \
                (name, removed)
    assert scan.scout.flags == scan.pattern.flags & ~re.IGNORECASE


def test_branches_are_split_at_the_top_level_only():
    assert top_level_branches(r"a(?:b|c)|[|]d|\||[]|]e|[^]|]f") == ["a(?:b|c)", "[|]d", r"\|", "[]|]e", "[^]|]f"]
    assert loose_scout_source(r"\bwon\b|(?<!milli )mejlis|(?<![\d.])\bx|a\b") == r"won\b|mejlis|x|a\b"


def test_a_scout_start_where_the_pattern_fails_is_passed_over():
    scan = results._ELECTED_SCAN
    text = "Reelected? No: wonderful. Then he WON and was elected; unelected"
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in scan.pattern.finditer(text)]
    assert [m.group() for m in scan.finditer(text)] == ["WON", "elected"]


def test_scanned_wants_a_lower_case_insensitive_pattern():
    with pytest.raises(ValueError):
        Scanned.of(re.compile("abc"))
    with pytest.raises(ValueError):
        Scanned.of(re.compile("Abc", re.IGNORECASE))
    with pytest.raises(ValueError):
        Scanned.of(re.compile(r"\Sjı", re.IGNORECASE))


def test_where_possible():
    assert Scanned.where_possible(re.compile("Abc", re.IGNORECASE)).pattern == "Abc"
    assert isinstance(Scanned.where_possible(re.compile("abc", re.IGNORECASE)), Scanned)
    assert [kind for (kind, _), scan in zip(kinds.RULES, kinds._RULE_SCANS) if not isinstance(scan, Scanned)] == [
        "turnout", "law", "holiday"]


def test_search_is_the_first_match():
    scan = results._ELECTED_SCAN
    for text in ("He was ELECTED, won and was elected", "избран", "nothing here", "saýlandy İ", ""):
        a, b = scan.search(text), scan.pattern.search(text)
        assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), text


def test_aligned_fold():
    assert aligned_fold("MEJLİS") is None
    assert aligned_fold("i\u0307") is None
    assert aligned_fold("ıſ MEJLIS") == "is mejlis"


TEXTS = [
    "The Parliamentary elections of March 26, 2023 and the PRESIDENTIAL ELECTIONS on 12 March 2022.",
    "Milli Mejlis deputies; Mejlisiň deputatlarynyň; выборы в МЕДЖЛИС 26 МАРТА 2023 года.",
    "PRESİDENTİAL ELECTİONS on MARCH 26, 2023 — İ and ı and ſ, ſeptember 2, 2023.",
    "From November 28 to December 2, 2022; from 28 NOVEMBER to 2 December 2022; 26th of Sept. 2023.",
    "с 28 ноября по 2 декабря 2022 года; «26» марта 2023; Ашхабад\u0307 city halk maslahaty",
    "Σ Ashgabat City Halk Maslahaty, velayats, etraps and city halk maslahatlary, KELVİN \u212a",
    "members of LOCAL councils; Geňeşleriň agzalarynyň; членов Генгешей; выборы Президента.",
    "hormatly Prezidentimiz; Prezidenti saýlawlary; Jan 5 2024, sep 30, 2019; mar. 1st, 2020",
    "He was ELECTED and WON; 1 200 Voters, out of 5; из 3 избирателей; saýlandy, saýlawçydan; МЕТ met the SESSION",
    "The FINAL RESULTS were SUMMED UP; ВЫБОРЫ в Меджлис СОСТОЯЛИСЬ; saýlawlar GEÇİRİLDİ; Deslapky NETIJE; re-elected",
    "Milli Mejlis deputies; hormatly Prezidentiniň saýlawy; Milli Gengesh elections; unelected, wonderful, 12.26 March 2023",
    "The meeting; Talks were held; встреча, заседание; Duşuşyk; Mejlisi geçirildi; halk MASLAHATY; seminar, nominated",
]


@pytest.mark.parametrize("name, scan", SCANNED, ids=[n for n, _ in SCANNED])
@pytest.mark.parametrize("text", TEXTS)
def test_finditer_gives_the_patterns_matches(name, scan, text):
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]
    for t in (text, text.upper(), text.lower(), text * 2):
        assert spans(scan.finditer(t)) == spans(scan.pattern.finditer(t)), (name, t)


def _compiled(pattern: re.Pattern) -> list[int]:
    """The code the regex engine runs for a pattern."""
    from re import _compiler
    return _compiler._code(P.parse(pattern.pattern, pattern.flags), pattern.flags)


@pytest.mark.parametrize("pattern, scan", TWINS, ids=[p.pattern[:30] for p, _ in TWINS])
def test_a_lower_case_twin_compiles_to_the_patterns_own_code(pattern, scan):
    assert scan.pattern.pattern == pattern.pattern.lower() and scan.pattern.flags == pattern.flags
    assert _compiled(scan.pattern) == _compiled(pattern)
    for text in TEXTS + ["the President of Turkmenistan, National LEADER of the Turkmen people, Hero Arkadag",
                         "Председателю Халк Маслахаты; PRESIDENT OF THE Central Commission; hormatly"]:
        assert [(m.span(), m.groups()) for m in scan.finditer(text)] == \
            [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_lower_case_twin_refuses_what_lowering_would_change():
    from etl.facts.hints import lower_case_twin
    assert lower_case_twin(re.compile("Mejlis|HALK", re.I)).pattern == "mejlis|halk"
    for source, flags in ((r"Abc", 0), (r"\Sabc", re.I), (r"a\Wb", re.I), (r"\Bx", re.I)):
        with pytest.raises(ValueError):
            lower_case_twin(re.compile(source, flags))
    assert _compiled(re.compile("A", 0)) != _compiled(re.compile("a", 0))  # the comparison can tell


# Spotted patterns: (name, Spotted)
SPOTTED = [(f"date {name}", spot) for name, spot in dates._SPOTS.items()] + [
    (f"body {bodies}", spot) for bodies, spot in elections._BODY_FINDERS if isinstance(spot, Spotted)] + [
    ("elected", results._ELECTED_SPOT), ("president", results._PRESIDENT_SPOT),
    ("after polling", turnout._AFTER_POLLING_SPOT)]


def _begins_with(items, words: tuple[str, ...], run: str = "") -> bool:
    """Whether every match of parsed items begins with one of `words`, its literals lowered as
    re.IGNORECASE compares them; zero-width tests (\\b, lookarounds) take no character. Conservative:
    False unless it is sure. `run`: the literal characters matched so far."""
    items = list(items)
    for i, (op, av) in enumerate(items):
        if any(run.startswith(w) for w in words):
            return True
        if not any(w.startswith(run) for w in words):
            return False
        rest = items[i + 1:]
        if op is C.LITERAL:
            run += folded(chr(av))
        elif op is C.IN and av and all(o is C.LITERAL for o, _ in av):  # [yr]: each of its letters
            return all(_begins_with(rest, words, run + folded(chr(c))) for _, c in av)
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        elif op is C.SUBPATTERN:
            return _begins_with(list(av[-1]) + rest, words, run)
        elif op is C.BRANCH:
            return all(_begins_with(list(branch) + rest, words, run) for branch in av[1])
        else:
            return False
    return any(run.startswith(w) for w in words)


@pytest.mark.parametrize("name, spot", SPOTTED, ids=[n for n, _ in SPOTTED])
def test_every_match_of_a_spotted_pattern_begins_with_one_of_its_words(name, spot):
    parsed = P.parse(spot.pattern.pattern, spot.pattern.flags)
    assert spot.pattern.flags & re.IGNORECASE and parsed.getwidth()[0] > 0
    assert _begins_with(parsed.data, spot.words), name
    assert all(folded(w) == w for w in spot.words)
    for test in sorted(_tests(parsed)):  # a literal takes a character exactly when folding makes it that letter
        assert _agrees(test), (name, test)


def test_the_begins_with_checker_is_not_fooled():
    def check(source, words):
        return _begins_with(P.parse(source, re.I).data, words)
    assert check(r"\b(?:January|feb)\.?\s+\d", ("jan", "feb"))
    assert not check(r"\b(?:January|feb|x)\s", ("jan", "feb"))
    assert not check(r"(?:jan)?uary", ("jan",))
    assert check(r"[jJ]an", ("jan",)) and not check(r"[jk]an", ("jan",)) and not check(r"[^k]an", ("jan",))
    assert check(r"(?<!\d)(ma(?:y|r))\b", ("may", "mar"))
    assert not check(r"ma\w", ("may", "mar"))


@pytest.mark.parametrize("name, spot", SPOTTED, ids=[n for n, _ in SPOTTED])
@pytest.mark.parametrize("text", TEXTS)
def test_spotted_finditer_gives_the_patterns_matches(name, spot, text):
    def spans(ms):
        return [(m.span(), m.groups()) for m in ms]
    for t in (text, text.upper(), text.lower(), text * 2, "Mar. 26, 2023 Jan 5 2024 From November 28 to December 2, 2022"):
        assert spans(spot.finditer(t)) == spans(spot.pattern.finditer(t)), (name, t)
