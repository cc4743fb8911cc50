"""Which election(s) a text is about: the body elected, whether it is a by-election, the polling day.

Elections have readable ids: `mejlis-2023-03-26`, `mejlis-by-2024-07-07`, `president-2022-03-12`,
`velayat-maslahaty-2023-03-26`. Several bodies elected on one day are separate elections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..dates import dates_in_text

BODIES = {
    "president": "President of Turkmenistan",
    "mejlis": "Mejlis of Turkmenistan",
    "halk-maslahaty": "Halk Maslahaty of the Milli Gengesh",
    "velayat-maslahaty": "velayat and Ashgabat city halk maslahaty",
    "etrap-maslahaty": "etrap and city halk maslahaty",
    "gengesh": "Gengesh members",
}

# Polling days since 2012 (SITE.md), per body; by-elections marked.
KNOWN_ELECTIONS: list[tuple[str, str, bool]] = [
    ("president", "2012-02-12", False),
    ("president", "2017-02-12", False),
    ("president", "2022-03-12", False),
    ("mejlis", "2013-12-15", False),
    ("mejlis", "2018-03-25", False),
    ("mejlis", "2023-03-26", False),
    ("mejlis", "2015-08-16", True),
    ("mejlis", "2016-11-20", True),
    ("mejlis", "2017-05-21", True),
    ("mejlis", "2019-03-31", True),
    ("mejlis", "2024-07-07", True),
    ("halk-maslahaty", "2021-03-28", False),
    ("halk-maslahaty", "2023-03-26", False),
    ("velayat-maslahaty", "2018-03-25", False),
    ("etrap-maslahaty", "2018-03-25", False),
    ("gengesh", "2018-03-25", False),
    ("velayat-maslahaty", "2023-03-26", False),
    ("etrap-maslahaty", "2023-03-26", False),
    ("gengesh", "2023-03-26", False),
]


@dataclass(frozen=True)
class ElectionRef:
    body: str
    polling_day: str | None  # YYYY-MM-DD
    is_by_election: bool

    @property
    def id(self) -> str | None:
        if not self.polling_day:
            return None
        return f"{self.body}{'-by' if self.is_by_election else ''}-{self.polling_day}"

    @property
    def name(self) -> str:
        kind = "by-election" if self.is_by_election else "election"
        return f"{BODIES[self.body]} {kind}, {self.polling_day}"


# Phrases naming the body elected, in the three languages; order matters (most specific first).
BODY_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("halk-maslahaty", re.compile(
        r"halk maslahaty(?:nyň)? (?:of (?:the )?)?milli geňeş|members of the halk maslahaty of (?:the )?milli gengesh"
        r"|milli geňeşiň halk maslahaty|халк маслахаты милли генгеш", re.I)),
    ("velayat-maslahaty", re.compile(
        r"welaýat(?:lar)?(?:yň)?(?:,| we)? (?:aşgabat )?(?:şäher(?:iň)? )?halk maslahat|velayat(?:s)? (?:and (?:ashgabat )?city )?halk maslahat"
        r"|velayat(?:,)? (?:etrap(?:,)? )?(?:and )?city halk maslahat"
        r"|халк маслахаты велаятов|велаятск\w* халк маслахат", re.I)),
    ("etrap-maslahaty", re.compile(
        r"etrap(?:,| we)? şäher halk maslahat|etrap(?:s)?(?:,| and)? (?:city )?halk maslahat"
        r"|халк маслахаты этрапов|этрапск\w* халк маслахат", re.I)),
    ("gengesh", re.compile(r"geňeş(?:ler|leriň)\w* agza|members of (?:the )?gengesh|членов генгеш", re.I)),
    ("president", re.compile(
        r"president of turkmenistan\b.{0,20}election|elections? (?:of|for) (?:the )?president|presidential election"
        r"|prezident\w* saýla|выбор\w* президента|президентск\w* выбор", re.I)),
    ("mejlis", re.compile(
        r"deputies of the mejlis|mejlis(?:iň)? deputat|депутатов меджлиса|parliamentary election|mejlis election"
        r"|выбор\w* в меджлис|deputat\w* saýlaw", re.I)),
]
BY_ELECTION = re.compile(
    r"early retired|instead of those who have quit|quitted their positions|ahead of (?:the appointed )?(?:time|schedule)"
    r"|möhletinden öň|выбывших|досрочно выбыв|вместо выбывших|by-election|vacated", re.I)


def bodies_in(text: str) -> list[tuple[int, str]]:
    """Every body named in the text with its position, in order."""
    found = []
    taken: list[tuple[int, int]] = []
    for body, pat in BODY_PATTERNS:
        for m in pat.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), body))
    return sorted(found)


def known_polling_day(body: str, year: int | None, is_by: bool | None = None) -> str | None:
    """The polling day of the one known election of a body in a year."""
    days = [d for b, d, by in KNOWN_ELECTIONS
            if b == body and year and d.startswith(str(year)) and (is_by is None or by == is_by)]
    return days[0] if len(days) == 1 else None


def is_by_election_day(body: str, day: str) -> bool | None:
    for b, d, by in KNOWN_ELECTIONS:
        if b == body and d == day:
            return by
    return None


def election_for(body: str, text: str, polling_day: date | None) -> ElectionRef:
    """The election of `body` a passage speaks of, with the polling day when it can be known."""
    is_by = bool(BY_ELECTION.search(text))
    day = polling_day.isoformat() if polling_day else None
    if day:
        known = is_by_election_day(body, day)
        if known is not None:
            is_by = known
    return ElectionRef(body, day, is_by)


def elections_in(text: str, published: date | None) -> list[ElectionRef]:
    """The elections a whole item concerns, when the text names the body and the day can be fixed.

    The polling day is, in order: a full date of the text that is a known polling day of that
    body; the one known election of that body in a year written next to the body's name ("the
    March 2023 parliamentary elections"); in the one year the text names; in the publication year.
    """
    mentions = bodies_in(text)
    if not mentions:
        return []
    text_days = {d.isoformat() for d in dates_in_text(text)}
    years = {int(y) for y in re.findall(r"\b(20[0-4]\d)\b", text)}
    is_by = bool(BY_ELECTION.search(text))
    by_filter = True if is_by else None
    out: dict[str, ElectionRef] = {}
    for pos, body in mentions:
        day = next((d for b, d, by in KNOWN_ELECTIONS if b == body and d in text_days), None)
        if day is None:
            near = {int(y) for y in re.findall(r"\b(20[0-4]\d)\b", text[max(0, pos - 60): pos + 90])}
            if len(near) == 1:
                day = known_polling_day(body, next(iter(near)), by_filter)
        if day is None and len(years) == 1:
            day = known_polling_day(body, next(iter(years)), by_filter)
        if day is None and published is not None and not years:
            day = known_polling_day(body, published.year, by_filter)
        if day and body not in out:
            out[body] = election_for(body, text, date.fromisoformat(day))
    return list(out.values())
