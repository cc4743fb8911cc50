"""Dates as the site prints them, in English, Turkmen and Russian.

Date lines never carry a year ("02 Dec", "22 Mart", "31 Март"); the year comes from the text, from
the article id, from neighbouring items of a newest-first list, or from the capture date. Every
function here is pure: text in, values out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .facts.hints import Hint, Scanned, Spotted
from .facts.memo import memo_list

# Month words as they open a date line (abbreviated or not), lower-cased.
MONTH_WORDS: dict[str, int] = {}
_MONTH_FORMS = {
    1: ["jan", "january", "ýan", "ýanwar", "ýanwary", "yan", "yanwar", "янв", "январь", "января", "январ"],
    2: ["feb", "february", "few", "fewral", "fewraly", "фев", "февраль", "февраля", "февр"],
    3: ["mar", "march", "mart", "marty", "март", "марта", "мар"],
    4: ["apr", "april", "aprel", "apreli", "апр", "апрель", "апреля"],
    5: ["may", "maý", "maýy", "май", "мая"],
    6: ["jun", "june", "iýun", "iýuny", "iyun", "iyuny", "июн", "июнь", "июня"],
    7: ["jul", "july", "iýul", "iýuly", "iyul", "iyuly", "июл", "июль", "июля"],
    8: ["aug", "august", "awg", "awgust", "awgusty", "авг", "август", "августа"],
    9: ["sep", "sept", "september", "sen", "sent", "sentýabr", "sentýabry", "sentyabr", "сен", "сент",
        "сентябрь", "сентября"],
    10: ["oct", "october", "okt", "oktýabr", "oktýabry", "oktyabr", "окт", "октябрь", "октября"],
    11: ["nov", "november", "noý", "noýabr", "noýabry", "noy", "noyabr", "ноя", "нояб", "ноябрь", "ноября"],
    12: ["dec", "december", "dek", "dekabr", "dekabry", "дек", "декабрь", "декабря"],
}
for _m, _forms in _MONTH_FORMS.items():
    for _f in _forms:
        MONTH_WORDS[_f] = _m

_MONTH_ALT = "|".join(sorted((re.escape(w) for w in MONTH_WORDS), key=len, reverse=True))
# "02 Dec", "2 Dec.", "02 Dec 2022" (a year on the line is rare, but it is the best evidence), "Dec 02"
DATE_LINE_RE = re.compile(
    rf"^\s*(\d{{1,2}})\s*\.?\s+({_MONTH_ALT})\.?(?:\s*,?\s+((?:19|20)\d\d))?\s*$"
    rf"|^\s*({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:\s*,?\s+((?:19|20)\d\d))?\s*$",
    re.IGNORECASE,
)
# "02.12.2022" alone on a line
DATE_LINE_NUMERIC_RE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\s*$")
# Something that looks like a date line but whose month we do not know ("07 Jly").
DATE_LINE_LIKE_RE = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]{3,9})\.?\s*$")


@dataclass(frozen=True)
class DayMonth:
    day: int
    month: int
    text: str
    year: int | None = None  # only when the line itself prints one
    basis: str | None = None  # how a printed year was read: None for the site's date line, "dateline" for a press one


def parse_date_line(line: str) -> DayMonth | None:
    """Any line that prints an item's date: the site's date line ('02 Dec' -> DayMonth(2, 12)), a
    press time stamp ('2018-03-25 10:35') or a press dateline ('Baku, Azerbaijan, March 30'); None
    otherwise. Re-reading an item's `date.text` gives back its date."""
    return parse_site_date_line(line) or parse_time_stamp(line) or parse_dateline(line)


_MEMO_LINE_CHARS = 64  # date lines are short: longer lines are read, not remembered
# a date line has at most five words: "02 . Dec. , 2022" (DATE_LINE_RE; its other forms fewer)
DATE_LINE_MAX_WORDS = 5


def parse_site_date_line(line: str) -> DayMonth | None:
    """The site's date line: '02 Dec' -> DayMonth(2, 12); None when the line is not one. Short lines
    (date lines repeat across captures) are remembered, so that paragraphs do not push them out."""
    if len(line) <= _MEMO_LINE_CHARS:
        return _parse_site_date_line_memo(line)
    # a longer line (paragraphs: asked of each in every pass of the page split) is first split at
    # white space (str.split knows the patterns' \s): one of more than five words is no date line
    if len(line.split(None, DATE_LINE_MAX_WORDS)) > DATE_LINE_MAX_WORDS:
        return None
    return _parse_site_date_line(line)


@lru_cache(maxsize=1 << 14)  # pure (DayMonth is frozen)
def _parse_site_date_line_memo(line: str) -> DayMonth | None:
    return _parse_site_date_line(line)


def _parse_site_date_line(line: str) -> DayMonth | None:
    m = DATE_LINE_RE.match(line)
    if m:
        if m.group(1):
            day, month, year = int(m.group(1)), MONTH_WORDS[m.group(2).lower()], m.group(3)
        else:
            day, month, year = int(m.group(5)), MONTH_WORDS[m.group(4).lower()], m.group(6)
    else:
        m = DATE_LINE_NUMERIC_RE.match(line)
        p = DATE_LINE_LIKE_RE.match(line)
        if m:
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        elif p and _month_by_prefix(p.group(2)):
            day, month, year = int(p.group(1)), _month_by_prefix(p.group(2)), None
        else:
            return None
    if not valid_day_month(day, month):
        return None
    if year and make_date(int(year), day, month) is None:
        return None
    return DayMonth(day, month, line.strip(), int(year) if year else None)


def _month_by_prefix(word: str) -> int | None:
    """A month abbreviated otherwise than the site usually does ('Fewr', 'Okty', 'Ноябр'): the one
    month whose full name in some language starts with it."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return None
    months = {m for name, m in MONTH_WORDS.items() if len(name) > 3 and name.startswith(w)}
    return months.pop() if len(months) == 1 else None


def looks_like_date_line(line: str) -> bool:
    """A line shaped like a date line ('07 Jly'), whether or not its month is known."""
    m = DATE_LINE_LIKE_RE.match(line)
    return bool(m) and int(m.group(1)) <= 31


def valid_day_month(day: int, month: int) -> bool:
    try:
        date(2024, month, day)  # a leap year admits 29 Feb
    except ValueError:
        return False
    return True


def make_date(year: int, day: int, month: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# Full dates written in running text, with a year.
_EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ORD = r"(?:st|nd|rd|th)?"
# full month names and their abbreviations ("Mar. 26, 2023", "26 Sept 2023")
_EN_MONTHS_ANY = _EN_MONTHS + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
# The number that begins a pattern, with its lookbehind moved past its first digit, so that the pattern
# begins with a digit, which the regex engine skips to in C instead of trying the pattern at every
# position (the same matches as the plain forms in the comments: tests/test_dates.py)
_DAY_NOT_AFTER_DIGIT = r"(\d(?<!\d\d)\d?)"  # (?<!\d)(\d{1,2})
_DAY_AT_WORD_START = r"(\d(?<!\w\d)\d?)"  # \b(\d{1,2}) (a digit is a word character)
_YEAR_AT_WORD_START = r"(\d(?<!\w\d)\d{3})"  # \b(\d{4})
_EN_MDY = re.compile(
    rf"\b({_EN_MONTHS_ANY})\.?\s+(\d{{1,2}}){_ORD}(?:\s*[-–]\s*\d{{1,2}}{_ORD})?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_EN_DMY = re.compile(
    rf"{_DAY_AT_WORD_START}{_ORD}(?:\s*[-–]\s*\d{{1,2}}{_ORD})?\s+(?:of\s+)?({_EN_MONTHS_ANY})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
# "From November 28 to December 2, 2022": the first date takes the year of the second.
_EN_RANGE = re.compile(
    rf"\b({_EN_MONTHS})\s+(\d{{1,2}}){_ORD}\s+(?:to|till|until|through|-|–|—)\s+(?:({_EN_MONTHS})\s+)?(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
# "from 28 November to 2 December 2022"
_EN_DMY_RANGE = re.compile(
    rf"{_DAY_AT_WORD_START}{_ORD}\s+(?:of\s+)?({_EN_MONTHS})\s+(?:to|till|until|through|-|–|—)\s+\d{{1,2}}{_ORD}\s+(?:of\s+)?({_EN_MONTHS}),?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
# Turkmen: "2024-nji ýylyň 7-nji iýulynda", "2017-njy ýylyň 2-nji dekabrynda"
_TK_MONTH_STEMS = {
    "ýanwar": 1, "fewral": 2, "mart": 3, "aprel": 4, "maý": 5, "iýun": 6, "iýul": 7,
    "awgust": 8, "sentýabr": 9, "oktýabr": 10, "noýabr": 11, "dekabr": 12,
}
# the same stems written without Turkmen letters ("iyun", "sentyabr"), as other sites print them
_TK_MONTH_STEMS.update({k.replace("ý", "y"): v for k, v in list(_TK_MONTH_STEMS.items()) if "ý" in k})
_TK_MONTH_ALT = "|".join(sorted(_TK_MONTH_STEMS, key=len, reverse=True))
_TK_ORD = r"\s*-?\s*(?:nji|njy|nju|njü|nçi|nçy|njı)"
_TK_FULL = re.compile(
    rf"{_YEAR_AT_WORD_START}{_TK_ORD}?\s+[ýy]yl(?:y[ňn]|y|da)?\s+(\d{{1,2}}){_TK_ORD}\s+({_TK_MONTH_ALT})\w*",
    re.IGNORECASE,
)
# "2023-nji ýylyň mart aýynyň 26-na", "2016-njy ýylyň awgust aýynyň 21-ne"
_TK_MONTH_FIRST = re.compile(
    rf"{_YEAR_AT_WORD_START}{_TK_ORD}?\s+[ýy]yl(?:y[ňn])\s+({_TK_MONTH_ALT})\w*\s+a[ýy]yn(?:y[ňn])\s+(\d{{1,2}})\s*-?\s*"
    rf"(?:n[aeyi]|s[yi]|[ýy]|nji|njy|nju|njü)",
    re.IGNORECASE,
)
# "26-njy mart 2023-nji ýyl", "26-njy martda, 2023 ý."
_TK_DAY_FIRST = re.compile(
    rf"{_DAY_NOT_AFTER_DIGIT}{_TK_ORD}\s+({_TK_MONTH_ALT})\w*,?\s+(\d{{4}}){_TK_ORD}?\s*(?:[ýy]\.|[ýy]yl)", re.IGNORECASE)
# the second date of a Turkmen range: "2023-nji ýylyň 4-nji fewralyndan – 28-nji fewralyna çenli"
_TK_RANGE_END = re.compile(
    rf"^\w*\s*(?:[-–—]|we|hem-de)?\s*(\d{{1,2}}){_TK_ORD}\s+({_TK_MONTH_ALT})\w*", re.IGNORECASE)
# Russian: "21 мая 2017 года", "27 февраля 2025 года"
_RU_MONTHS_GEN = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_RU_MONTH_ALT = "|".join(_RU_MONTHS_GEN)
_RU_FULL = re.compile(
    rf"(?<!\d)[«\"“]?(\d{{1,2}})[»\"”]?(?:\s*[-–]\s*\d{{1,2}})?\s+({_RU_MONTH_ALT})\s+(\d{{4}})", re.IGNORECASE
)
# "с 28 ноября по 2 декабря 2022 года"
_RU_RANGE = re.compile(
    rf"{_DAY_NOT_AFTER_DIGIT}\s+({_RU_MONTH_ALT})\s+(?:по|до|-|–|—)\s+\d{{1,2}}\s+({_RU_MONTH_ALT})\s+(\d{{4}})", re.IGNORECASE)
# "27.02.2025" (day first; "02/27/2025" is written month first on some sites, so slashes are not read)
_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})(\.)(\d{1,2})\2((?:19|20)\d\d)(?![\d])")
# ISO "2025-02-27" (press datelines, time stamps)
_ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d-])")
_EN_MONTH_NUM = {m: i + 1 for i, m in enumerate(_EN_MONTHS.split("|"))}
_EN_MONTH_NUM.update({m[:3]: i for m, i in list(_EN_MONTH_NUM.items())})
_EN_MONTH_NUM["sept"] = 9


_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
# Words every match of a family of full-date patterns contains (etl.facts.hints): a family runs only
# over a text that has them. English: a month's name or its abbreviation, which the name contains.
_EN_MONTH_HINT = Hint(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))
_EN_MONTH_NAME_HINT = Hint(tuple(_EN_MONTHS.split("|")))  # the ranges spell the month's name in full
_TK_MONTH_HINT = Hint(tuple(_TK_MONTH_STEMS))
_TK_ORD_HINT = Hint(("nj", "nç"))  # the day's ordinal suffix (_TK_FULL, _TK_DAY_FIRST)
_RU_MONTH_HINT = Hint(tuple(_RU_MONTHS_GEN))
# Every match of _NUMERIC has a digit, a dot and a digit in a row ("27.02.2025"), of _ISO a digit, a
# dash and a digit ("2025-02-27"): a quick scan (these patterns start with a lookbehind, and are tried
# at every position) tells when they cannot match.
_DIGIT_DOT_DIGIT = re.compile(r"\d\.\d")
_DIGIT_DASH_DIGIT = re.compile(r"\d-\d")


def _digits_around(text: str, separator: str) -> bool:
    """Whether a digit, the separator and a digit stand in a row (_DIGIT_DOT_DIGIT.search for ".",
    _DIGIT_DASH_DIGIT.search for "-"): the separator looked for with str.find, \\d as str.isdecimal
    (tests/test_dates.py checks both on every character). A text has few of them, and many digits
    the pattern would stop at."""
    i = text.find(separator, 1)
    while 0 < i < len(text) - 1:
        if text[i + 1].isdecimal() and text[i - 1].isdecimal():
            return True
        i = text.find(separator, i + 1)
    return False

# The English and Russian full-date patterns, each scanned case-sensitively over the folded text
# (etl.facts.hints.Scanned); the Turkmen ones spell 'ı', which folding makes 'i', and are cheap.
_SCANS = {name: Scanned.of(globals()[name])
          for name in ("_EN_RANGE", "_EN_DMY_RANGE", "_EN_MDY", "_EN_DMY", "_RU_RANGE", "_RU_FULL")}
# The two that begin with the month's name are tried only where a month's first three letters stand
# (etl.facts.hints.Spotted): their scouts begin with a letter of "jfmasond", which most words have
_EN_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_SPOTS = {name: Spotted(globals()[name], _EN_MONTH_STARTS) for name in ("_EN_RANGE", "_EN_MDY")}


@memo_list(maxsize=2048)  # the elections and meetings parsers and the dating ask of the same texts
def _full_dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of every full date in running text."""
    found: list[tuple[int, int, date]] = []
    if not _ANY_YEAR.search(text):
        return found

    def add(m, y, mo, d):
        got = make_date(int(y), int(d), int(mo))
        if got and 1990 <= got.year <= 2100:
            found.append((m.start(), m.end(), got))

    english = _EN_MONTH_HINT.may_match(text)
    english_names = english and _EN_MONTH_NAME_HINT.may_match(text)
    turkmen = _TK_MONTH_HINT.may_match(text)
    turkmen_ordinal = turkmen and _TK_ORD_HINT.may_match(text)
    russian = _RU_MONTH_HINT.may_match(text)
    for m in _SPOTS["_EN_RANGE"].finditer(text) if english_names else ():
        add(m, m.group(5), _EN_MONTH_NUM[m.group(1).lower()], m.group(2))
    for m in _SCANS["_EN_DMY_RANGE"].finditer(text) if english_names else ():
        add(m, m.group(4), _EN_MONTH_NUM[m.group(2).lower()], m.group(1))
    for m in _SPOTS["_EN_MDY"].finditer(text) if english else ():
        add(m, m.group(3), _EN_MONTH_NUM[m.group(1).lower()], m.group(2))
    for m in _SCANS["_EN_DMY"].finditer(text) if english else ():
        add(m, m.group(3), _EN_MONTH_NUM[m.group(2).lower()], m.group(1))
    for m in _TK_FULL.finditer(text) if turkmen_ordinal else ():
        year, month = int(m.group(1)), _TK_MONTH_STEMS[m.group(3).lower()]
        add(m, year, month, m.group(2))
        end = _TK_RANGE_END.match(text[m.end():m.end() + 40])
        if end:
            month2 = _TK_MONTH_STEMS[end.group(2).lower()]
            if month2 >= month:
                got = make_date(year, int(end.group(1)), month2)
                if got:
                    found.append((m.end(), m.end() + end.end(), got))
    for m in _TK_DAY_FIRST.finditer(text) if turkmen_ordinal else ():
        add(m, m.group(3), _TK_MONTH_STEMS[m.group(2).lower()], m.group(1))
    for m in _TK_MONTH_FIRST.finditer(text) if turkmen else ():
        add(m, m.group(1), _TK_MONTH_STEMS[m.group(2).lower()], m.group(3))
    for m in _SCANS["_RU_RANGE"].finditer(text) if russian else ():
        add(m, m.group(4), _RU_MONTHS_GEN[m.group(2).lower()], m.group(1))
    for m in _SCANS["_RU_FULL"].finditer(text) if russian else ():
        add(m, m.group(3), _RU_MONTHS_GEN[m.group(2).lower()], m.group(1))
    for m in _NUMERIC.finditer(text) if _digits_around(text, ".") else ():
        add(m, m.group(4), m.group(3), m.group(1))
    for m in _ISO.finditer(text) if _digits_around(text, "-") else ():
        add(m, m.group(1), m.group(2), m.group(3))
    return sorted(found, key=lambda t: (t[0], t[1]))


def dates_in_text(text: str, found: list | None = None) -> list[date]:
    """Every full date (day, month and year) written in running text, in order of appearance
    (`found`: the text's `_full_dates`, when the caller has them already)."""
    seen = set()
    out = []
    for _, _, d in (_full_dates(text) if found is None else found):
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


# The site publishes news from about 2012 on (SITE.md: elections since 2012): an older date in the
# text (independence in 1991, neutrality in 1995) is history, not the item's year.
FIRST_YEAR = 2012
# How far before publication an event told in the text may lie, to fix the year from it.
TEXT_WINDOW_BEFORE = timedelta(days=45)
TEXT_WINDOW_AFTER = timedelta(days=3)
# An event the text announces ("will be held on March 26, 2023") lies at most this far ahead.
FUTURE_WINDOW = timedelta(days=250)
_FUTURE = re.compile(
    r"will be held|will take place|to be held|will start|will begin|will be conducted|scheduled|upcoming|forthcoming"
    r"|to hold\b|decided to hold|shall enter into force|will enter into force"
    r"|geçiriljek|geçiriler|boljak|başlanar|dowam eder|güýje girer"
    r"|предстоящ\w*|состоятся|состоится|пройдут|пройдет|пройдёт|будут проведены|будет проведен\w*|назначен\w*|вступ\w+ в силу",
    re.IGNORECASE,
)
_FUTURE_SCAN = Scanned.of(_FUTURE)  # scanned over the folded text (etl.facts.hints)
_PAST_HINT = re.compile(r"last year|geçen ýyl|в прошлом году|previous year", re.IGNORECASE)
_PAST_WORDS = Hint(("last year", "geçen ýyl", "в прошлом году", "previous year"))  # in every match of _PAST_HINT

# Anniversaries the site counts from: Independence (1991, celebrated in the autumn) and
# permanent Neutrality (12 December 1995).
_ANNIVERSARY = [
    (1991, re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?Independence", re.I)),
    (1995, re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:permanent\s+)?Neutrality", re.I)),
    (1991, re.compile(r"Garaşsyzlyg\w*\s+(?:[\w-]+\s+){0,2}?(\d{1,2})\s*ýyll(?:yg|yk)", re.I)),
    (1995, re.compile(r"Bitaraplyg\w*\s+(?:[\w-]+\s+){0,2}?(\d{1,2})\s*ýyll(?:yg|yk)", re.I)),
    (1991, re.compile(r"(\d{1,2})\s*-?\s*лети\w*\s+(?:\w+\s+){0,3}?Независимост", re.I)),
    (1995, re.compile(r"(\d{1,2})\s*-?\s*лети\w*\s+(?:\w+\s+){0,3}?(?:постоянного\s+)?нейтралитет", re.I)),
]
# For each of _ANNIVERSARY, in the same order: words every match contains (etl.facts.hints)
_ANNIVERSARY_HINTS = [Hint(("independence",)), Hint(("neutrality",)), Hint(("garaşsyzlyg",)), Hint(("bitaraplyg",)),
                      Hint(("независимост",)), Hint(("нейтралитет",))]
# "In the year «Turkmenistan – Homeland of Peace and Trust»": each year has its official name.
_IN_YEAR_BEFORE = re.compile(r"(?:\bin the year|\bв\s+год)\W{0,4}$", re.I)
_IN_YEAR_AFTER = re.compile(r"^\W{0,4}ýyl(?:y)?nda\b", re.I)
_YEAR_MOTTOS = [
    (2020, re.compile(r"Turkmenistan\s*[–—-]\s*(?:the\s+)?(?:Homeland|Motherland|Home|Land) of Neutrality"
                      r"|Türkmenistan\s*[–—-]\s*Bitaraplygyň mekany|Туркменистан\s*[–—-]\s*(?:Родина|обитель) нейтралитета", re.I)),
    (2021, re.compile(r"Turkmenistan\s*(?:[–—-]|is)\s*(?:the\s+)?(?:Homeland|Motherland) of peace and trust"
                      r"|Türkmenistan\s*[–—-]\s*parahatçylygyň we ynanyşmagyň (?:mekany|Watany)"
                      r"|Туркменистан\s*[–—-]\s*Родина мира и доверия", re.I)),
    (2022, re.compile(r"(?:Epoch|Era|Age) of the people with (?:the\s+)?Arkadag|Halkyň Arkadagly zamanasy"
                      r"|Эпоха народа с Аркадагом", re.I)),
    (2024, re.compile(r"(?:Ocean|Source|Treasury|Fount) of (?:wisdom|mind),? Magtymguly Fragi|Pähim-paýhas ummany Magtymguly Pyragy"
                      r"|Кладезь разума,? Махтумкули Фраги", re.I)),
    (2025, re.compile(r"International Year of Peace and Trust|Halkara parahatçylyk we ynanyşmak ýyly"
                      r"|Международн\w+ год\w* мира и доверия", re.I)),
]

# For each of _YEAR_MOTTOS, in the same order: words every match contains (etl.facts.hints)
_YEAR_MOTTO_HINTS = [
    Hint(("neutrality", "bitaraplygyň mekany", "нейтралитета")),
    Hint(("peace and trust", "ynanyşmagyň", "родина мира и доверия")),
    Hint(("arkadag", "аркадаг")),
    Hint(("magtymguly", "махтумкули")),
    Hint(("peace and trust", "ynanyşmak ýyly", "мира и доверия")),
]

# Every word of those hints: a text with none of them names no year (one look instead of eleven)
_NAMED_YEAR_WORDS = Hint(tuple(dict.fromkeys(w for h in _ANNIVERSARY_HINTS + _YEAR_MOTTO_HINTS for w in h.words)))


def years_named(text: str, dm: DayMonth | None = None) -> set[int]:
    """Years the text names as its own without a full date: an anniversary of Independence or
    Neutrality ("the 30th anniversary of our sacred Independence" -> 2021) or the official name of
    the year ("In the year «Turkmenistan – Homeland of Peace and Trust»" -> 2021)."""
    years = set()
    if not _NAMED_YEAR_WORDS.may_match(text):
        return years  # no anniversary nor motto can match
    if _PAST_WORDS.may_match(text) and _PAST_HINT.search(text):
        return years
    for (base, pat), hint in zip(_ANNIVERSARY, _ANNIVERSARY_HINTS):
        for m in pat.finditer(text) if hint.may_match(text) else ():
            n = int(m.group(1))
            # early in the next year the past anniversary may still be told: only Mar-Dec counts
            if 1 <= n <= 60 and (dm is None or dm.month >= 3):
                years.add(base + n)
    for (year, pat), hint in zip(_YEAR_MOTTOS, _YEAR_MOTTO_HINTS):
        for m in pat.finditer(text) if hint.may_match(text) else ():
            before, after = text[max(0, m.start() - 25): m.start()], text[m.end(): m.end() + 25]
            if re.search(r"\d{4}\D{0,12}$", before):
                continue  # "2025 was declared the International Year of Peace and Trust"
            in_year = m.group(0).lower().startswith(("international year", "halkara", "международн"))
            if _IN_YEAR_BEFORE.search(before) or _IN_YEAR_AFTER.search(after) or (
                    in_year and re.search(r"(?:\bin the|\bв)\s*$", before, re.I)):
                years.add(year)
    return years


_SENTENCE_STOP = re.compile(r"[.;!?]\s")


def _future_dates(text: str, found: list | None = None) -> list[date]:
    """Full dates the text announces as ahead: a future marker in the same clause (`found`: the
    text's `_full_dates`, when the caller has them already)."""
    out = []
    for start, end, d in (_full_dates(text) if found is None else found):
        # the marker right next to the date: "will be held on March 26, 2023", "26-njy martynda geçiriljek"
        before = _SENTENCE_STOP.split(text[max(0, start - 45):start])[-1]
        after = _SENTENCE_STOP.split(text[end:end + 35])[0]
        if _FUTURE_SCAN.search(before) or _FUTURE_SCAN.search(after):
            out.append(d)
    return out


def year_from_text(dm: DayMonth, text: str) -> int | None:
    """The year for a date line, from the item's own text.

    A full date in the text that lies at most 45 days before (or 3 days after) the date line in
    some year fixes that year; so does a date the text announces ("will be held on ...") up to 250
    days ahead. When exactly one year qualifies, that is the year. Without such dates, the year the
    text names as its own (an anniversary, the official name of the year) decides.
    """
    years = set()
    found = _full_dates(text)
    for d in dates_in_text(text, found):
        for y in (d.year - 1, d.year, d.year + 1):
            pub = make_date(y, dm.day, dm.month)
            if pub and d - TEXT_WINDOW_AFTER <= pub and pub - d <= TEXT_WINDOW_BEFORE:
                years.add(y)
    for d in _future_dates(text, found):
        for y in (d.year - 1, d.year):
            pub = make_date(y, dm.day, dm.month)
            if pub and pub <= d and d - pub <= FUTURE_WINDOW:
                years.add(y)
    years = {y for y in years if FIRST_YEAR <= y}
    named = {y for y in years_named(text, dm) if FIRST_YEAR <= y}
    if len(years) > 1 and len(named) == 1 and named <= years:
        years = named
    elif not years and len(named) == 1:
        years = named
    return years.pop() if len(years) == 1 else None


_MONTH_YEAR = re.compile(
    rf"\b({_EN_MONTHS})(?:\s*[-–]\s*({_EN_MONTHS}))?,?\s+(\d{{4}})\b"
    rf"|\b(\d{{4}})\s*-?\s*(?:nji|njy|nju|njü)?\s+ýyl(?:yň|da)\s+({_TK_MONTH_ALT})\w*\s+aý"
    rf"|\b(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*\s+(\d{{4}})\s*(?:год|г\.)",
    re.IGNORECASE,
)
_RU_MONTH_STEMS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"]


def month_year_mentions(text: str) -> list[tuple[int, int, int]]:
    """(first month, last month, year) of every month named with a year but no day: 'October-November
    2019', '2024-nji ýylyň iýul aýynda', 'в июле 2024 года'."""
    out = []
    for m in _MONTH_YEAR.finditer(text):
        if m.group(3):
            a = _EN_MONTH_NUM[m.group(1).lower()]
            b = _EN_MONTH_NUM[m.group(2).lower()] if m.group(2) else a
            out.append((a, b, int(m.group(3))))
        elif m.group(4):
            month = _TK_MONTH_STEMS[m.group(5).lower()]
            out.append((month, month, int(m.group(4))))
        else:
            stem = m.group(6).lower()
            month = next(i + 1 for i, st in enumerate(_RU_MONTH_STEMS) if stem.startswith(st))
            out.append((month, month, int(m.group(7))))
    return out


def year_from_month_mentions(dm: DayMonth, text: str) -> int | None:
    """The year of 'this month': the text names the date line's month with a year ('the formation of
    precinct election commissions on October-November 2019' in an item of '09 Oct'), and that year is
    the latest year the text names at all. Weak on its own: the caller checks it against other
    evidence (the article id's neighbours)."""
    years = {y for a, b, y in month_year_mentions(text) if a <= dm.month <= b and FIRST_YEAR <= y}
    if not years:
        return None
    latest = max(int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text))
    y = max(years)
    return y if y == latest else None


def year_before(dm: DayMonth, latest: date, within_days: int = 366) -> int | None:
    """The year that puts the date at or before `latest` and less than a year before it."""
    for y in (latest.year, latest.year - 1):
        d = make_date(y, dm.day, dm.month)
        if d and d <= latest and (latest - d).days < within_days:
            return y
    return None


def parse_timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


# Article ids grow with time. Known points (id, date) from the site's record (SITE.md).
ID_ANCHORS: list[tuple[int, date]] = [
    (52, date(2017, 1, 15)),
    (155, date(2018, 3, 15)),
    (200, date(2019, 3, 15)),
    (345, date(2022, 3, 15)),
    (455, date(2023, 3, 15)),
    (585, date(2024, 9, 15)),
    (655, date(2025, 12, 15)),
]
# The nearest candidate must lie this close to the estimate (the next is then 12 months - this away).
ID_TOLERANCE_DAYS = 120
# Interpolate only between known points this close in time: ids did not grow evenly over years.
ID_MAX_SPAN_DAYS = 600
# ... or when the article is this close (in ids) to a known point.
ID_NEAR = 10


def estimate_from_neighbours(site_id: int, known: list[tuple[int, date]]) -> date | None:
    """Interpolate a date for an article id between the nearest lower and higher known ids."""
    lower = [(i, d) for i, d in known if i <= site_id]
    higher = [(i, d) for i, d in known if i >= site_id]
    if not lower or not higher:
        return None
    (i0, d0), (i1, d1) = max(lower), min(higher)
    if i0 == i1:
        return d0
    frac = (site_id - i0) / (i1 - i0)
    return d0 + timedelta(days=round((d1 - d0).days * frac))


def year_near(dm: DayMonth, estimate: date, tolerance_days: int = ID_TOLERANCE_DAYS) -> int | None:
    """The year that puts the date line within `tolerance_days` of an estimate, if one does."""
    best = None
    for y in (estimate.year - 1, estimate.year, estimate.year + 1):
        d = make_date(y, dm.day, dm.month)
        if d and abs((d - estimate).days) <= tolerance_days:
            best = y
    return best


def year_between(dm: DayMonth, low: date, high: date) -> int | None:
    """The one year that puts the date line between two known dates, if exactly one does."""
    years = []
    for y in range(low.year, high.year + 1):
        d = make_date(y, dm.day, dm.month)
        if d and low <= d <= high:
            years.append(y)
    return years[0] if len(years) == 1 else None


# ---------------------------------------------------------------------------------------------
# Press pages: time stamps and datelines
#
# Pages of news sites that copy the Commission's statements print their date otherwise than the site
# does: a time stamp on a line of its own ("2018-03-25 10:35 | www.trend.az", "1 April 2019 14:06
# (UTC+04:00)", "13.03.2022 21:22:00", "16 Ağustos 2015 Pazar") or a dateline opening the story
# ("Ashgabad, Turkmenistan, March 25", "ASHGABAT, February 13 (Itar-Tass) —", "OREANDA-NEWS.
# February 14, 2012.", "Date: 2018-03-27"). Month names there come in English, Russian, Turkmen
# and the Turkish and Azerbaijani of regional sites.

_PRESS_MONTHS: dict[str, int] = {}
for _m, _forms in {
    1: "january jan янв январь января ýanwar yanwar yanvar ocak",
    2: "february feb февраль февраля fewral fevral şubat subat",
    3: "march mar март марта mart",
    4: "april apr апрель апреля aprel nisan",
    5: "may май мая maý mayıs mayis",
    6: "june jun июнь июня iýun iyun haziran",
    7: "july jul июль июля iýul iyul temmuz",
    8: "august aug август августа awgust avqust ağustos agustos",
    9: "september sept sep сентябрь сентября sentýabr sentyabr eylül eylul",
    10: "october oct октябрь октября oktýabr oktyabr ekim",
    11: "november nov ноябрь ноября noýabr noyabr kasım kasim",
    12: "december dec декабрь декабря dekabr aralık aralik",
}.items():
    for _f in _forms.split():
        _PRESS_MONTHS[_f] = _m
_PRESS_MONTH_ALT = "|".join(sorted((re.escape(w) for w in _PRESS_MONTHS), key=len, reverse=True))
_WEEKDAYS = (
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "понедельник вторник среда четверг пятница суббота воскресенье пн вт ср чт пт сб вс "
    "duşenbe sişenbe çarşenbe penşenbe anna şenbe ýekşenbe dusenbe sisenbe carsenbe pensenbe senbe yeksenbe "
    "pazartesi salı çarşamba perşembe cuma cumartesi pazar"
).split()
_WEEKDAY_ALT = "|".join(sorted(map(re.escape, _WEEKDAYS), key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)"
_STAMP_DATES = [
    # (pattern, order of the groups: y, m, d as indexes into the match groups; m may be a word)
    (re.compile(rf"(?<!\d){_YEAR}-(\d{{1,2}})-(\d{{1,2}})(?![\d-])"), (1, 2, 3)),
    (re.compile(rf"(?<![\d./])(\d{{1,2}})\.(\d{{1,2}})\.{_YEAR}(?!\d)"), (3, 2, 1)),
    (re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({_PRESS_MONTH_ALT})\.?,?\s+{_YEAR}(?!\d)", re.I), (3, 2, 1)),
    (re.compile(rf"\b({_PRESS_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I), (3, 1, 2)),
]
# what may stand beside the date on a time stamp line: a time, a time zone, a weekday, "г."/"года"
_STAMP_REST = re.compile(
    rf"\d{{1,2}}:\d\d(?::\d\d)?|\b(?:UTC|GMT|MSK)\s*(?:[+-]\s*\d{{1,2}}(?::?\d\d)?)?|\b(?:{_WEEKDAY_ALT})\b"
    r"|\b(?:года|год|г)\b\.?|\b(?:am|pm|at|в|sagat)\b|[\s,.:|()\[\]/–—-]+"
    # a label before the date: "Published: 27 March 2023", "Обновлено 27.03.2023"
    r"|^\s*(?:published|posted|date|опубликовано|дата|sene|senesi|tarih|çap edildi)\b", re.I)
# a date that says when the page was changed, not when the story was published
_UPDATED = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited|обновлено|изменено|täzelendi|tazelendi)\b", re.I)


def _month_of(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _PRESS_MONTHS.get(word.lower().rstrip("."))


def _stamp_date(text: str) -> tuple[re.Match, int, int, int] | None:
    for pat, (yi, mi, di) in _STAMP_DATES:
        m = pat.search(text)
        if m:
            month = _month_of(m.group(mi))
            if month and make_date(int(m.group(yi)), int(m.group(di)), month):
                return m, int(m.group(yi)), month, int(m.group(di))
    return None


def is_update_stamp(line: str) -> bool:
    """'Updated: 27.03.2024 10:00', 'Обновлено 27 марта 2024': when the page was changed, which
    dates no story."""
    return bool(_UPDATED.match(line)) and len(line) <= 80 and _stamp_date(line) is not None


def parse_time_stamp(line: str) -> DayMonth | None:
    """A line that is a full date and nothing else a reader would read: a time, a time zone, a
    weekday, and after a '|' the site's name or a counter may stand beside it. 'Friday April 19
    2024', '2016-11-22 10:51 |', '16 Ağustos 2015 Pazar' -> DayMonth with its year; None otherwise."""
    s = line.strip()
    if not s or len(s) > 80:
        return None
    head = s.split("|")[0].strip()
    found = _stamp_date(head)
    if found is None:
        return None
    m, year, month, day = found
    rest = head[:m.start()] + " " + head[m.end():]
    if _STAMP_REST.sub("", rest):
        return None
    return DayMonth(day, month, head.rstrip(" |,"), year, basis="dateline")


# words that put what a sentence tells on the day it was written (a meeting held today, a vote taking
# place today)
TODAY = re.compile(r"\btoday\b|şu gün|bu gün|сегодня", re.I)


# place names are capitalised words, none a weekday or a word that opens a sentence
_NOT_PLACE = r"on|in|at|by|today|yesterday|since|from|until|till|в|на|с|до|сегодня|вчера"
_PLACE_WORD = (rf"(?!(?i:{_NOT_PLACE}|{_WEEKDAY_ALT})\b)"
               r"(?-i:[A-ZА-ЯЁÀ-ÞÇŞÝŇÄÖÜŽ])[\w.'’-]*")
_PLACE = rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}"
_DATELINE_DATE = (
    rf"(?:({_PRESS_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|(\d{{1,2}})\s+({_PRESS_MONTH_ALT})\.?(?:,?\s+{_YEAR}(?:\s*(?:года|г\.?))?)?)"
)
_DATELINE_END = r"(?=\s*(?:$|[.(/—–:]|\s-\s|\s+[(/—–-]|,\s*\d{1,2}:\d\d)|\s+(?:by|от)\s)"
_DATELINES = [
    # "Ashgabad, Turkmenistan, March 25", "ASHGABAT, February 13 (Itar-Tass) —", "АШХАБАД, 13 марта."
    re.compile(rf"^\s*(?:{_PLACE}\s*,\s*){{1,3}}{_DATELINE_DATE}{_DATELINE_END}", re.I),
    # "OREANDA-NEWS. February 14, 2012.", "Trend: March 30"
    re.compile(rf"^\s*(?!(?:last\s+)?(?:updated|modified|edited|обновлено|изменено|täzelendi)\b)"
               rf"(?-i:[A-ZА-Я][\w-]*(?:\s+[A-ZА-Я][\w-]*)?)\s*[.:]\s+{_DATELINE_DATE}{_DATELINE_END}", re.I),
]
_DATE_LABEL = re.compile(r"^\s*(?:date|дата|sene|senesi|tarih)\b\s*:?\s*", re.I)


def parse_dateline(text: str) -> DayMonth | None:
    """The dateline that opens a press story: place names (or the agency's name) then the day
    and month, the year when printed. 'Baku, Azerbaijan, March 30' -> DayMonth(30, 3); 'OREANDA-NEWS.
    February 14, 2012.' -> DayMonth(14, 2, year=2012); 'Date: 2018-03-27' -> DayMonth(27, 3, 2018)."""
    head = text.strip()[:120]
    m = _DATE_LABEL.match(head)
    if m:
        # "Date: 2018-03-27", "date 2018-03-27 The commission ...": the full date right after the label
        found = _stamp_date(head[m.end():m.end() + 40])
        if found and found[0].start() == 0:
            d, year, month, day = found
            return DayMonth(day, month, head[:m.end() + d.end()].strip(), year, basis="dateline")
        return None
    for pat in _DATELINES:
        m = pat.match(head)
        if not m:
            continue
        if m.group(1):
            month, day, year = _month_of(m.group(1)), int(m.group(2)), m.group(3)
        else:
            day, month, year = int(m.group(4)), _month_of(m.group(5)), m.group(6)
        if not month or not valid_day_month(day, month):
            return None
        if year and make_date(int(year), day, month) is None:
            return None
        return DayMonth(day, month, m.group(0).strip().rstrip("."), int(year) if year else None, basis="dateline")
    return None
