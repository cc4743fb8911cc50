"""The hints (etl.facts.hints) skip a pattern only when it cannot match.

Two proofs, both exhaustive rather than by example:
- `folded`: for every character a hint word uses, every Unicode character that re.IGNORECASE
  matches against it folds to exactly that character;
- each hint against its pattern: parsing the pattern (the regex engine's own parser), every way
  of matching it goes through a run of literal characters that contains one of the hint's words.
Then sentences of our own, in the three languages, show each hinted family still matches.
"""
from __future__ import annotations

import re
import sys

import pytest

from etl import dates
from etl.facts import elections, hints, kinds, meetings, results, turnout
from etl.text import PCT_RE
from etl.facts.hints import Hint, folded

if sys.version_info >= (3, 11):
    from re import _constants as C, _parser as P
else:  # pragma: no cover
    import sre_constants as C
    import sre_parse as P


def _lower(code: int) -> str:
    """A pattern's literal character as re.IGNORECASE compares it (its simple lower case)."""
    return folded(chr(code))


def _covered(items, words: tuple[str, ...], prefix: str = "") -> bool:
    """Whether every match of a parsed (sub)pattern contains one of `words` as consecutive literal
    characters. Conservative: False unless it is sure. `prefix` is the literal run just before."""
    run = prefix
    for op, av in items:
        if op is C.LITERAL:
            run += _lower(av)
            if any(w in run for w in words):
                return True
            continue
        if op is C.SUBPATTERN:
            if _covered(av[-1], words, run):
                return True
        elif op is C.ATOMIC_GROUP:
            if _covered(av, words, run):
                return True
        elif op is C.BRANCH:
            if all(_covered(branch, words, run) for branch in av[1]):
                return True
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)):
            lo, _, body = av
            if lo >= 1 and _covered(body, words, run):
                return True
        elif op is C.IN and len(av) == 1 and av[0][0] is C.LITERAL:
            run += _lower(av[0][1])
            if any(w in run for w in words):
                return True
            continue
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
            continue  # zero-width: the literal run goes on across it
        run = ""
    return False


def requires(pattern: re.Pattern, hint: Hint) -> bool:
    return _covered(P.parse(pattern.pattern, pattern.flags), hint.words)


# every hinted pattern of the parsers, with its hints (all of them must hold)
HINTED = [
    *[(f"body {bodies}", pat, elections.BODY_HINTS[bodies]) for bodies, pat in elections.BODY_PATTERNS],
    *[(f"any body ({bodies})", pat, (elections._BODY_HINT,)) for bodies, pat in elections.BODY_PATTERNS],
    *[(f"kind {kind}", pat, (hint,)) for (kind, pat), hint in zip(kinds.RULES, kinds.RULE_HINTS, strict=True)],
    *[(f"count {name} {i}", pat, (hint,)) for name, pats, hints_ in (
        ("both", turnout._REG_PATTERNS, turnout._REG_HINTS),
        ("registered", turnout._REGISTERED_ONLY, turnout._REGISTERED_ONLY_HINTS),
        ("voted", turnout._VOTED_ONLY, turnout._VOTED_ONLY_HINTS))
      for i, (pat, hint) in enumerate(zip(pats, hints_, strict=True))],
    ("convocation", elections._CONVOCATION, (elections._CONVOCATION_HINT,)),
    ("noon", turnout._NOON, (turnout._NOON_HINT,)),
    *[(f"named year {i}", pat, (dates._NAMED_YEAR_WORDS,))
      for i, (_, pat) in enumerate(dates._ANNIVERSARY + dates._YEAR_MOTTOS)],
    *[(f"hour {i}", pat, (hint,)) for i, (pat, hint) in enumerate(zip(turnout.HOUR_RES, turnout.HOUR_HINTS, strict=True))
      if hint is not None],
    *[(f"place {i}", pat, (hint,)) for i, (pat, hint) in enumerate(zip(meetings.PLACE_RES, meetings.PLACE_HINTS,
                                                                          strict=True))],
    ("meeting sentence", meetings.MEETING_SENTENCE, (meetings._MEETING_HINT,)),
    ("foreign", turnout.FOREIGN_RE, (turnout._FOREIGN_HINT,)),
    ("count of voters", turnout._COUNT_HINT, (turnout._COUNT_WORDS,)),
    *[(name, h.pattern, (h.hint,)) for name, h in [
        ("by-election", elections._BY_ELECTION), ("for him", results._FOR_PRONOUN_HINTED), ("final", turnout._FINAL),
        ("voted", turnout._VOTED_HINTED), ("closing", turnout._CLOSING), ("after polling", turnout._AFTER_POLLING)]],
    ("percentage", PCT_RE, (results.PCT_HINT,)),
    ("table of shares", results._TABLE_HEAD, (results._TABLE_HINT,)),
    ("elected", results.ELECTED_RE, (results._ELECTED_HINT,)),
    ("president word", results._PRESIDENT_RE, (results._PRESIDENT_WORD,)),
    ("office after a name", results._OFFICE_AFTER_NAME, (results._OFFICE_WORDS,)),
    ("office before a name", results._OFFICE_BEFORE_NAME, (results._OFFICE_WORDS,)),
    *[(f"date {name}", getattr(dates, name), (dates._EN_MONTH_HINT,))
      for name in ("_EN_RANGE", "_EN_DMY_RANGE", "_EN_MDY", "_EN_DMY")],
    *[(f"date {name}", getattr(dates, name), (dates._EN_MONTH_NAME_HINT,)) for name in ("_EN_RANGE", "_EN_DMY_RANGE")],
    ("date _TK_FULL", dates._TK_FULL, (dates._TK_MONTH_HINT, dates._TK_ORD_HINT)),
    ("date _TK_DAY_FIRST", dates._TK_DAY_FIRST, (dates._TK_MONTH_HINT, dates._TK_ORD_HINT)),
    ("date _TK_MONTH_FIRST", dates._TK_MONTH_FIRST, (dates._TK_MONTH_HINT,)),
    ("date _RU_RANGE", dates._RU_RANGE, (dates._RU_MONTH_HINT,)),
    ("date _RU_FULL", dates._RU_FULL, (dates._RU_MONTH_HINT,)),
    ("last year", dates._PAST_HINT, (dates._PAST_WORDS,)),
    *[(f"anniversary {i}", pat, (hint,))
      for i, ((_, pat), hint) in enumerate(zip(dates._ANNIVERSARY, dates._ANNIVERSARY_HINTS, strict=True))],
    *[(f"motto {year}", pat, (hint,))
      for (year, pat), hint in zip(dates._YEAR_MOTTOS, dates._YEAR_MOTTO_HINTS, strict=True)],
]


def _all_hints():
    return [h for _, _, hs in HINTED for h in hs]


def test_every_hint_word_is_folded():
    for hint in _all_hints():
        assert hint.words and all(w and folded(w) == w for w in hint.words), hint


ALL_CHARACTERS = "".join(map(chr, range(sys.maxunicode + 1)))


def test_folded_maps_every_case_insensitive_equal_onto_the_hint_letter():
    letters = sorted({ch for hint in _all_hints() for w in hint.words for ch in w})
    fold = folded.__wrapped__
    for letter in letters:
        equal = re.compile(re.escape(letter), re.IGNORECASE).findall(ALL_CHARACTERS)
        assert letter in equal
        wrong = [hex(ord(x)) for x in equal if fold(x) != letter]
        assert not wrong, (letter, wrong)


def test_folded_works_character_by_character():
    # str.lower() depends on context only for the Greek capital sigma (final form), which no hint
    # letter matches; so folding a text is folding each character, and a matched word survives
    assert folded("PRESİDENT ıſ \u1c80") == "president is в"
    assert folded("MEJLİS") == "mejlis"
    assert len("Σ".lower()) == 1


@pytest.mark.parametrize("name, pattern, hints_", HINTED, ids=[h[0] for h in HINTED])
def test_every_alternative_requires_a_hint_word(name, pattern, hints_):
    for hint in hints_:
        assert requires(pattern, hint), (name, hint)


def test_the_checker_is_not_fooled():
    assert requires(re.compile(r"ab(?:c|d)mejlis", re.I), Hint(("mejlis",)))
    assert requires(re.compile(r"me(?:eting|ets)", re.I), Hint(("meet",)))
    assert not requires(re.compile(r"me(?:eting|ts)", re.I), Hint(("meet",)))  # "mets"
    assert not requires(re.compile(r"mejlis|x", re.I), Hint(("mejlis",)))
    assert not requires(re.compile(r"(?:mejlis)?y", re.I), Hint(("mejlis",)))
    assert not requires(re.compile(r"mej\w*lis", re.I), Hint(("mejlis",)))
    assert not requires(re.compile(r"mejli[sz]", re.I), Hint(("mejlis",)))


# Sentences of our own (English, Turkmen, Russian), in odd cases and with the letters re.IGNORECASE
# equates: each family of each hinted pattern still matches, and the hint lets it through.
STILL_MATCH = [
    (elections.BODY_PATTERNS[0][1], "The HALK MASLAHATY of the Milli Gengesh met", elections.BODY_HINTS[("halk-maslahaty",)]),
    (elections.BODY_PATTERNS[0][1], "ХАЛК МАСЛАХАТЫ Милли Генгеша", elections.BODY_HINTS[("halk-maslahaty",)]),
    (elections.BODY_PATTERNS[1][1], "Welaýat, etrap, ŞÄHER halk maslahatlarynyň saýlawlary",
     elections.BODY_HINTS[("velayat-maslahaty", "etrap-maslahaty")]),
    (elections.BODY_PATTERNS[1][1], "People's Councils of the regions, districts and cities",
     elections.BODY_HINTS[("velayat-maslahaty", "etrap-maslahaty")]),
    (elections.BODY_PATTERNS[1][1], "ВЕЛАЯТСКИХ, ЭТРАПСКИХ и городских Халк Маслахатов",
     elections.BODY_HINTS[("velayat-maslahaty", "etrap-maslahaty")]),
    (elections.BODY_PATTERNS[2][1], "Ashgabat City Halk Maslahaty", elections.BODY_HINTS[("velayat-maslahaty",)]),
    (elections.BODY_PATTERNS[3][1], "этрапских и городских халк маслахатов", elections.BODY_HINTS[("etrap-maslahaty",)]),
    (elections.BODY_PATTERNS[4][1], "members of LOCAL councils", elections.BODY_HINTS[("gengesh",)]),
    (elections.BODY_PATTERNS[4][1], "Geňeşleriň agzalarynyň saýlawlary", elections.BODY_HINTS[("gengesh",)]),
    (elections.BODY_PATTERNS[4][1], "членов Генгешей", elections.BODY_HINTS[("gengesh",)]),
    (elections.BODY_PATTERNS[5][1], "PRESİDENTİAL ELECTİONS", elections.BODY_HINTS[("president",)]),
    (elections.BODY_PATTERNS[5][1], "Prezidentiniň saýlawlary", elections.BODY_HINTS[("president",)]),
    (elections.BODY_PATTERNS[5][1], "выборы Президента", elections.BODY_HINTS[("president",)]),
    (elections.BODY_PATTERNS[6][1], "Parliamentary elections", elections.BODY_HINTS[("mejlis",)]),
    (elections.BODY_PATTERNS[6][1], "Mejlisiň deputatlarynyň", elections.BODY_HINTS[("mejlis",)]),
    (elections.BODY_PATTERNS[6][1], "выборы в МЕДЖЛИС", elections.BODY_HINTS[("mejlis",)]),
    (meetings.PLACE_RES[0], "A meeting was held at the office of the CEC, with experts",
     (meetings.PLACE_HINTS[0],)),
    (meetings.PLACE_RES[2], "Встреча в здании Центризбиркома состоялась вчера", (meetings.PLACE_HINTS[2],)),
    (meetings.PLACE_RES[3], "Duşuşyk Merkezi saýlaw toparynyň BINASYNDA geçirildi", (meetings.PLACE_HINTS[3],)),
    (meetings.MEETING_SENTENCE, "They MET yesterday", (meetings._MEETING_HINT,)),
    (meetings.MEETING_SENTENCE, "Duşuşykda çykyş etdiler", (meetings._MEETING_HINT,)),
    (meetings.MEETING_SENTENCE, "Состоялось ЗАСЕДАНИЕ комиссии", (meetings._MEETING_HINT,)),
    (turnout.FOREIGN_RE, "the elections in the Russian Federation", (turnout._FOREIGN_HINT,)),
    (turnout.FOREIGN_RE, "Özbegistan Respublikasynda", (turnout._FOREIGN_HINT,)),
    (turnout.FOREIGN_RE, "в Республике Казахстан", (turnout._FOREIGN_HINT,)),
    (turnout._COUNT_HINT, "218 out of 236 voters", (turnout._COUNT_WORDS,)),
    *[(h.pattern, text, (h.hint,)) for h, text in [
        (elections._BY_ELECTION, "elections of EARLY RETIRED deputies"), (elections._BY_ELECTION, "boş galan orunlara"),
        (elections._BY_ELECTION, "вместо выбывших депутатов"),
        (results._FOR_PRONOUN_HINTED, "voted FOR HIM"), (results._FOR_PRONOUN_HINTED, "oňa ses berdiler"),
        (results._FOR_PRONOUN_HINTED, "за него проголосовали"),
        (turnout._FINAL, "voters TOOK PART IN the voting"), (turnout._FINAL, "saýlawçylaryň 91,3 göterimine deň"),
        (turnout._FINAL, "явка избирателей составила"),
        (turnout._VOTED_HINTED, "Voters CAST their ballots"), (turnout._VOTED_HINTED, "ses berdiler"),
        (turnout._VOTED_HINTED, "проголосовали"),
        (turnout._CLOSING, "Polling stations were CLOSED"), (turnout._CLOSING, "saýlaw uçastoklary ýapyldy"),
        (turnout._CLOSING, "голосование завершилось"),
        (turnout._AFTER_POLLING, "The FINAL RESULTS"), (turnout._AFTER_POLLING, "deslapky netijeler"),
        (turnout._AFTER_POLLING, "итоги выборов")]],
    (turnout._COUNT_HINT, "86 müň 641 saýlawçydan", (turnout._COUNT_WORDS,)),
    (turnout._COUNT_HINT, "из 3 775 051 избирателей", (turnout._COUNT_WORDS,)),
    (PCT_RE, "91.02 PER CENT", (results.PCT_HINT,)),
    (PCT_RE, "91,32 göterimi", (results.PCT_HINT,)),
    (PCT_RE, "83,88 ПРОЦЕНТА", (results.PCT_HINT,)),
    (PCT_RE, "97,3 %", (results.PCT_HINT,)),
    (results._TABLE_HEAD, "Name Nominated by % of votes", (results._TABLE_HINT,)),
    (results._TABLE_HEAD, "sesleriň göterimi", (results._TABLE_HINT,)),
    (results.ELECTED_RE, "was ELECTED", (results._ELECTED_HINT,)),
    (results.ELECTED_RE, "deputatlyga saýlandy", (results._ELECTED_HINT,)),
    (results.ELECTED_RE, "избран депутатом", (results._ELECTED_HINT,)),
    (results._OFFICE_AFTER_NAME, " WAS ELECTED President", (results._OFFICE_WORDS,)),
    (results._OFFICE_AFTER_NAME, " Türkmenistanyň PREZİDENTİ wezipesine saýlandy", (results._OFFICE_WORDS,)),
    (results._OFFICE_AFTER_NAME, " избран Президентом", (results._OFFICE_WORDS,)),
    (results._OFFICE_BEFORE_NAME, "Победителем президентских выборов стал ", (results._OFFICE_WORDS,)),
    (results._OFFICE_BEFORE_NAME, "The new PRESIDENT is ", (results._OFFICE_WORDS,)),
    (dates._EN_MDY, "on MARCH 26, 2023", (dates._EN_MONTH_HINT,)),
    (dates._EN_RANGE, "From November 28 to December 2, 2022", (dates._EN_MONTH_HINT, dates._EN_MONTH_NAME_HINT)),
    (dates._EN_DMY_RANGE, "from 28 NOVEMBER to 2 December 2022", (dates._EN_MONTH_HINT, dates._EN_MONTH_NAME_HINT)),
    (dates._EN_DMY, "26th of Sept. 2023", (dates._EN_MONTH_HINT,)),
    (dates._TK_FULL, "2023-nji ýylyň 26-njy MARTYNDA", (dates._TK_MONTH_HINT, dates._TK_ORD_HINT)),
    (dates._TK_MONTH_FIRST, "2023-nji ýylyň mart aýynyň 26-na", (dates._TK_MONTH_HINT,)),
    (dates._TK_DAY_FIRST, "26-njy iyun 2023 ý.", (dates._TK_MONTH_HINT, dates._TK_ORD_HINT)),
    (dates._RU_FULL, "26 МАРТА 2023 года", (dates._RU_MONTH_HINT,)),
    (dates._ANNIVERSARY[0][1], "the 30th anniversary of our sacred INDEPENDENCE", (dates._ANNIVERSARY_HINTS[0],)),
    (dates._ANNIVERSARY[3][1], "Bitaraplygynyň 25 ýyllygy", (dates._ANNIVERSARY_HINTS[3],)),
    (dates._ANNIVERSARY[4][1], "30-летия Независимости", (dates._ANNIVERSARY_HINTS[4],)),
    (dates._YEAR_MOTTOS[1][1], "Туркменистан – Родина мира и доверия", (dates._YEAR_MOTTO_HINTS[1],)),
    (dates._YEAR_MOTTOS[3][1], "Pähim-paýhas ummany Magtymguly Pyragy", (dates._YEAR_MOTTO_HINTS[3],)),
    (dates._YEAR_MOTTOS[4][1], "Halkara parahatçylyk we ynanyşmak ýyly", (dates._YEAR_MOTTO_HINTS[4],)),
    *[(pat, text, (hint,)) for rank, ((kind, pat), hint) in enumerate(zip(kinds.RULES, kinds.RULE_HINTS))
      for k, text in [
          ("turnout", "Voting continues at all stations"), ("turnout", "Явка избирателей"),
          ("turnout", "sagat 11-e çenli"),
          ("results", "The ELECTION RESULTS"), ("results", "saýlawlaryň netijeleri"), ("results", "Итоги выборов"),
          ("seminar", "A training session"), ("seminar", "okuw maslahaty"), ("seminar", "учебные занятия"),
          ("campaign meetings", "pre-election meetings"), ("campaign meetings", "предвыборные встречи"),
          ("campaign meetings", "saýlawçylar bilen duşuşyklar tamamlandy"),
          ("meeting", "The delegation of the OSCE visited"), ("meeting", "Duşuşyk boldy"), ("meeting", "встреча"),
          ("nomination", "Nomination of candidates"), ("nomination", "dalaşgärleri hödürlemek"),
          ("nomination", "выдвижение"),
          ("registration", "candidates were registered"), ("registration", "bellige alyndy"),
          ("registration", "регистрация"),
          ("early-voting", "EARLY VOTING"), ("early-voting", "möhletinden öň ses bermek"),
          ("early-voting", "досрочное голосование"),
          ("observers", "Observers"), ("observers", "synçylar"), ("observers", "наблюдатели"),
          ("campaign", "The campaign"), ("campaign", "wagyz"), ("campaign", "агитация"),
          ("constituencies", "Constituencies"), ("constituencies", "saýlaw okruglary"),
          ("constituencies", "избирательные округа"),
          ("commissions", "Election commissions were formed"), ("commissions", "saýlaw toparlary düzüldi"),
          ("commissions", "избирательные комиссии сформированы"),
          ("law", "The Law of Turkmenistan “On"), ("law", "kanuny kabul edildi"), ("law", "Закон Туркменистана «О"),
          ("holiday", "Independence Day"), ("holiday", "baýramy"), ("holiday", "праздник"),
          ("head-of-state", "a WORKING VISIT"), ("head-of-state", "iş saparyny"), ("head-of-state", "рабочий визит"),
      ] if k == (kind if rank != 3 else "campaign meetings")],
]


@pytest.mark.parametrize("pattern, text, hints_", STILL_MATCH, ids=[t for _, t, _ in STILL_MATCH])
def test_hinted_families_still_match(pattern, text, hints_):
    assert pattern.search(text)
    assert all(h.may_match(text) for h in hints_)


def test_a_text_without_the_words_is_skipped_and_found_nothing_before():
    for text in ("Saýlawçylar bilen duşuşyk", "The weather was fine", "Погода была хорошей"):
        if not all(h.may_match(text) for h in elections.BODY_HINTS[("mejlis",)]):
            assert not elections.BODY_PATTERNS[6][1].search(text)
    assert elections.body_mentions("The weather was fine") == []


def test_numeric_dates_need_a_digit_a_separator_and_a_digit():
    # _NUMERIC is (?<![\d./])(\d{1,2})(\.)(\d{1,2})\2(year): a digit, a dot and a digit in a row;
    # _ISO is (year)-(\d\d)-(\d\d): a digit, a dash and a digit in a row
    assert "(\\d{1,2})(\\.)(\\d{1,2})" in dates._NUMERIC.pattern
    assert "\\d\\d)-(\\d\\d)-(\\d\\d)" in dates._ISO.pattern
    for text in ("27.02.2025", "on 7.3.2019.", "x 2025-02-27 y"):
        assert dates._NUMERIC.search(text) is None or dates._DIGIT_DOT_DIGIT.search(text)
        assert dates._ISO.search(text) is None or dates._DIGIT_DASH_DIGIT.search(text)
    assert dates._full_dates("27.02.2025 and 2025-03-01")


def test_every_hint_of_the_parsers_is_checked_here():
    def hints_in(value):
        if isinstance(value, Hint):
            yield value
        elif isinstance(value, hints.Hinted):
            yield value.hint
        elif isinstance(value, (list, tuple)):
            for v in value:
                yield from hints_in(v)
        elif isinstance(value, dict):
            for v in value.values():
                yield from hints_in(v)

    checked = {id(h) for h in _all_hints()}
    for module in (elections, kinds, meetings, turnout, results, dates):
        for name, value in vars(module).items():
            for hint in hints_in(value):
                assert id(hint) in checked, f"{module.__name__}.{name}: {hint} is not checked against its pattern"


def test_a_hint_word_in_part_of_a_sentence_is_in_the_sentence():
    # elected_to_office checks _OFFICE_WORDS once per sentence for the text before and after each
    # name in it: folding goes character by character, so a part's fold is part of the sentence's
    for sentence in ("Gurbanguly Berdimuhamedov was ELECTED President", "Президентом избран С. Бердымухамедов",
                     "PRESİDENT Ivan Petrov is", "ΣΑΣ Rejep Bazarov won"):
        whole = folded(sentence)
        for i in range(len(sentence) + 1):
            for part in (sentence[:i], sentence[i:]):
                assert all(w in whole for w in results._OFFICE_WORDS.words if w in folded(part))


def test_the_percentage_pattern_finds_what_its_plain_form_finds():
    """etl.text.PCT checks that no digit, dot or comma stands before the number after reading the
    number's first digit (so the pattern begins with a digit); the same matches as the plain form."""
    import random

    from etl import text as T

    plain = re.compile(T.PCT.replace(r"(\d(?<![\d.,]\d)\d{0,2}", r"(?<![\d.,])(\d{1,3}"), re.I)
    assert plain.pattern != T.PCT and plain.pattern.startswith(r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)")
    alphabet = "0123456789.,.,  \u00a0\u202f%%xP"
    rnd = random.Random(20261130)
    texts = ["91,02%", "1.234,5 %", "x12%", ".5%", ",55 percent", "2.91.02 PER CENT", "97,3 процента", "100 göterim",
             "83,88 ПРОЦЕНТА", "10000%", "a1%b22 %"]
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 16))) for _ in range(30000)]
    for text in texts:
        for t in (text, text.replace("P", "percent"), text.replace("x", "prosenti")):
            assert [(m.span(), m.group(1)) for m in T.PCT_RE.finditer(t)] == \
                   [(m.span(), m.group(1)) for m in plain.finditer(t)], t


def test_every_hour_pattern_needs_a_digit():
    """hour_mentions tries HOUR_RES only on a sentence with a digit (\\d): every one of them has the
    hour, \\d{1,2}, as group 1 in its top-level sequence (not in an optional part or a branch)."""
    digits = repr(P.parse(r"\d{1,2}").data)
    for r in turnout.HOUR_RES:
        top = P.parse(r.pattern, r.flags).data
        groups = [av for op, av in top if op is C.SUBPATTERN and av[0] == 1]
        assert len(groups) == 1 and repr(groups[0][-1].data) == digits, r.pattern
    assert [h.hour for h in turnout.hour_mentions("к одиннадцати часам, by noon")] == [12]
    assert [h.hour for h in turnout.hour_mentions("К 11 часам проголосовали, by noon")] == [11, 12]
