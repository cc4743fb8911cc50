"""Dates as the site prints them, in English, Turkmen and Russian.

Date lines never carry a year ("02 Dec", "22 Mart", "31 Март"); the year comes from the text, from
the article id, from neighbouring items of a newest-first list, or from the capture date. Every
function here is pure: text in, values out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# Month words as they open a date line (abbreviated or not), lower-cased.
MONTH_WORDS: dict[str, int] = {}
_MONTH_FORMS = {
    1: ["jan", "january", "ýan", "ýanwar", "ýanwary", "yan", "янв", "январь", "января", "январ"],
    2: ["feb", "february", "few", "fewral", "fewraly", "фев", "февраль", "февраля", "февр"],
    3: ["mar", "march", "mart", "marty", "март", "марта", "мар"],
    4: ["apr", "april", "aprel", "apreli", "апр", "апрель", "апреля"],
    5: ["may", "maý", "maýy", "май", "мая"],
    6: ["jun", "june", "iýun", "iýuny", "июн", "июнь", "июня"],
    7: ["jul", "july", "iýul", "iýuly", "июл", "июль", "июля"],
    8: ["aug", "august", "awg", "awgust", "awgusty", "авг", "август", "августа"],
    9: ["sep", "sept", "september", "sen", "sent", "sentýabr", "sentýabry", "сен", "сент",
        "сентябрь", "сентября"],
    10: ["oct", "october", "okt", "oktýabr", "oktýabry", "окт", "октябрь", "октября"],
    11: ["nov", "november", "noý", "noýabr", "noýabry", "ноя", "нояб", "ноябрь", "ноября"],
    12: ["dec", "december", "dek", "dekabr", "dekabry", "дек", "декабрь", "декабря"],
}
for _m, _forms in _MONTH_FORMS.items():
    for _f in _forms:
        MONTH_WORDS[_f] = _m

_MONTH_ALT = "|".join(sorted((re.escape(w) for w in MONTH_WORDS), key=len, reverse=True))
DATE_LINE_RE = re.compile(rf"^\s*(\d{{1,2}})\s*\.?\s+({_MONTH_ALT})\.?\s*$", re.IGNORECASE)
# Something that looks like a date line but whose month we do not know ("07 Jly").
DATE_LINE_LIKE_RE = re.compile(r"^\s*(\d{1,2})\s+([^\W\d_]{3,9})\.?\s*$")


@dataclass(frozen=True)
class DayMonth:
    day: int
    month: int
    text: str


def parse_date_line(line: str) -> DayMonth | None:
    """'02 Dec' -> DayMonth(2, 12); None when the line is not a date line."""
    m = DATE_LINE_RE.match(line)
    if not m:
        return None
    day, month = int(m.group(1)), MONTH_WORDS[m.group(2).lower()]
    if not valid_day_month(day, month):
        return None
    return DayMonth(day, month, line.strip())


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
_EN_MDY = re.compile(
    rf"\b({_EN_MONTHS})\s+(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?,?\s+(\d{{4}})\b", re.IGNORECASE
)
_EN_DMY = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+({_EN_MONTHS}),?\s+(\d{{4}})\b", re.IGNORECASE)
# "From November 28 to December 2, 2022": the first date takes the year of the second.
_EN_RANGE = re.compile(
    rf"\b({_EN_MONTHS})\s+(\d{{1,2}})\s+(?:to|till|until|-|–)\s+(?:({_EN_MONTHS})\s+)?(\d{{1,2}}),?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
# Turkmen: "2024-nji ýylyň 7-nji iýulynda", "2017-njy ýylyň 2-nji dekabrynda"
_TK_MONTH_STEMS = {
    "ýanwar": 1, "fewral": 2, "mart": 3, "aprel": 4, "maý": 5, "iýun": 6, "iýul": 7,
    "awgust": 8, "sentýabr": 9, "oktýabr": 10, "noýabr": 11, "dekabr": 12,
}
_TK_FULL = re.compile(
    r"\b(\d{4})\s*-?\s*(?:nji|njy|nju|njü|)\s+ýyl(?:yň|y)?\s+(\d{1,2})\s*-\s*(?:nji|njy|nju|njü)\s+("
    + "|".join(_TK_MONTH_STEMS)
    + r")\w*",
    re.IGNORECASE,
)
# Russian: "21 мая 2017 года", "27 февраля 2025 года"
_RU_MONTHS_GEN = {
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
}
_RU_FULL = re.compile(
    r"\b(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+(" + "|".join(_RU_MONTHS_GEN) + r")\s+(\d{4})", re.IGNORECASE
)
_EN_MONTH_NUM = {m: i + 1 for i, m in enumerate(_EN_MONTHS.split("|"))}


def dates_in_text(text: str) -> list[date]:
    """Every full date (day, month and year) written in running text, in order of appearance."""
    found: list[tuple[int, date]] = []

    def add(pos, y, m, d):
        got = make_date(int(y), int(d), int(m))
        if got and 1990 <= got.year <= 2100:
            found.append((pos, got))

    for m in _EN_RANGE.finditer(text):
        add(m.start(), m.group(5), _EN_MONTH_NUM[m.group(1).lower()], m.group(2))
    for m in _EN_MDY.finditer(text):
        add(m.start(), m.group(3), _EN_MONTH_NUM[m.group(1).lower()], m.group(2))
    for m in _EN_DMY.finditer(text):
        add(m.start(), m.group(3), _EN_MONTH_NUM[m.group(2).lower()], m.group(1))
    for m in _TK_FULL.finditer(text):
        add(m.start(), m.group(1), _TK_MONTH_STEMS[m.group(3).lower()], m.group(2))
    for m in _RU_FULL.finditer(text):
        add(m.start(), m.group(3), _RU_MONTHS_GEN[m.group(2).lower()], m.group(1))
    seen = set()
    out = []
    for _, d in sorted(found, key=lambda t: t[0]):
        if d not in seen:
            seen.add(d)
            out.append(d)
    return out


# How far before publication an event told in the text may lie, to fix the year from it.
TEXT_WINDOW_BEFORE = timedelta(days=45)
TEXT_WINDOW_AFTER = timedelta(days=3)


def year_from_text(dm: DayMonth, text: str) -> int | None:
    """The year for a date line, from full dates in the item's own text.

    A full date in the text that lies at most 45 days before (or 3 days after) the date line
    in some year fixes that year, when exactly one year qualifies.
    """
    years = set()
    for d in dates_in_text(text):
        for y in (d.year - 1, d.year, d.year + 1):
            pub = make_date(y, dm.day, dm.month)
            if pub and d - TEXT_WINDOW_AFTER <= pub and pub - d <= TEXT_WINDOW_BEFORE:
                years.add(y)
    return years.pop() if len(years) == 1 else None


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
