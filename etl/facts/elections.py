"""Which election(s) a text is about: the body elected, whether it is a by-election, the polling day.

Elections have readable ids: `mejlis-2023-03-26`, `mejlis-by-2024-07-07`, `president-2022-03-12`,
`velayat-maslahaty-2023-03-26`. Several bodies elected on one day are separate elections.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import TODAY, _full_dates
from .hints import Hint, Hinted, Scanned, Spotted
from .memo import memo_list, sentences_of

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
    ("mejlis", "2026-03-29", True),
    ("halk-maslahaty", "2021-03-28", False),
    ("halk-maslahaty", "2023-03-26", False),
    ("velayat-maslahaty", "2018-03-25", False),
    ("etrap-maslahaty", "2018-03-25", False),
    ("gengesh", "2018-03-25", False),
    ("velayat-maslahaty", "2023-03-26", False),
    ("etrap-maslahaty", "2023-03-26", False),
    ("gengesh", "2023-03-26", False),
    ("etrap-maslahaty", "2026-03-29", False),
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


def _re(*alternatives: str) -> re.Pattern:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# Phrases naming the body elected, in the three languages. A phrase may name several bodies at once
# ("welaýat, etrap, şäher halk maslahatlarynyň": velayat and etrap halk maslahaty). Order matters:
# most specific first; a later pattern does not match inside an earlier match.
BODY_PATTERNS: list[tuple[tuple[str, ...], re.Pattern]] = [
    (("halk-maslahaty",), _re(
        r"halk\s+maslahaty\s+of\s+(?:the\s+)?milli\s+gengesh",
        r"milli\s+geňeşi(?:ni)?ň\s+halk\s+maslahat",
        r"халк\s+маслахаты?\s+милли\s+генгеш",
    )),
    (("velayat-maslahaty", "etrap-maslahaty"), _re(
        r"(?:provincial|regional|velayat)\w*,\s*(?:district|etrap)\w*,?\s*(?:and\s+)?(?:municipal|city|town)\w*\s+"
        r"(?:people'?s'?\s+councils?|halk\s+maslahat)",
        r"people'?s'?\s+councils?\s+of\s+(?:the\s+)?(?:regions|velayats|provinces),\s*(?:districts|etraps),?\s*(?:and\s+)?"
        r"(?:cities|towns)",
        r"velayats?,\s*(?:ashgabat\s+city,\s*)?etraps?,?\s*(?:and\s+)?(?:cit(?:y|ies)|town)\s+halk\s+maslahat",
        r"welaýat\w*,\s*(?:aşgabat\s+şäher\w*,\s*)?etrap\w*,?\s*(?:we\s+)?şäher\w*\s+halk\s+maslahat",
        r"велаятск\w*,\s*этрапск\w*\s*(?:,|и)\s*городск\w*\s+халк\s+маслахат",
        r"халк\s+маслахаты?\s+велаятов,\s*этрапов",
    )),
    (("velayat-maslahaty",), _re(
        r"velayats?(?:,|\s+and)?\s+(?:(?:the\s+)?(?:of\s+)?ashgabat\s+city\s+)?halk\s+maslahat",
        r"halk\s+maslahaty?\s+of\s+(?:the\s+)?velayats?(?:\s+and\s+(?:the\s+)?(?:city\s+of\s+)?(?:ashgabat|arkadag)(?:\s+city)?)*",
        r"welaýat\w*(?:,|\s+we)?\s+(?:aşgabat\s+)?(?:şäher\w*\s+)?halk\s+maslahat",
        r"халк\s+маслахаты?\s+велаят\w*(?:\s*(?:,|и)\s*(?:города\s+)?(?:ашхабада|аркадага))*",
        r"велаятск\w*\s+халк\s+маслахат",
        # Ashgabat and Arkadag are cities with the status of a velayat
        r"(?:aşgabat|ashgabat|arkadag)\s+(?:şäher\w*|city)\s+halk\s+maslahat",
        r"халк\s+маслахаты?\s+город\w*\s+(?:ашхабад|аркадаг)\w*",
    )),
    (("etrap-maslahaty",), _re(
        r"etraps?(?:,|\s+and)?\s+(?:(?:city|town)\s+)?halk\s+maslahat",
        r"halk\s+maslahaty?\s+of\s+(?:the\s+)?(?:newly\s+formed\s+)?etraps?(?:\s*(?:,|and)\s*(?:the\s+)?cit(?:y|ies))?",
        r"etrap\w*(?:,|\s+we)?\s+(?:şäher\w*\s+)?halk\s+maslahat",
        r"халк\s+маслахаты?\s+(?:вновь\s+образованн\w+\s+)?этрап\w*(?:\s*(?:,|и)\s*город\w*)?",
        r"этрапск\w*(?:\s*,\s*|\s+и\s+|\s+)(?:городск\w*\s+)?халк\s+маслахат",
    )),
    (("gengesh",), _re(
        r"(?:members\s+of\s+(?:the\s+)?)?local\s+councils",
        r"(?:bodies\s+of\s+)?local\s+self-government(?:\s+bodies)?",
        r"members\s+of\s+(?:the\s+)?gengesh\w*",
        r"(?<!milli )gengesh\w*\s+(?:members|elections?)",
        r"elections?\s+(?:of|to)\s+(?:the\s+)?gengesh\w*",
        r"(?<!milli )geňeş(?:ler|leriň|iň|i)?\s+agza",
        r"член\w*\s+генгеш\w*",
        r"(?<!милли )генгеш\w*\s+выбор",
    )),
    (("president",), _re(
        r"\bpresident(?:ial)?\s+elections?",
        r"elections?\s+(?:of|for)\s+(?:the\s+)?president\b",
        r"candidates?\s+for\s+(?:the\s+)?(?:post\s+of\s+)?president\b",
        r"president\s+of\s+turkmenistan\s+elections?",
        r"(?<!hormatly )prezidenti(?:niň)?\s+saýlaw",
        r"prezident\s+saýlaw",
        r"prezidentligine\s+dalaşgär",
        r"presidential\s+(?:vote|poll|race|ballot)",
        r"выбор\w*\s+президента",
        r"президентск\w*\s+выбор",
        r"кандидат\w*\s+(?:в\s+президенты|на\s+пост\s+президента)",
    )),
    (("mejlis",), _re(
        r"deput(?:y|ies)\s+(?:of|to)\s+(?:the\s+)?mejlis",
        r"(?<!milli )mejlis\s+(?:deputies|elections?)",
        r"elections?\s+(?:to|of|for)\s+(?:the\s+)?mejlis",
        r"parliamentary\s+(?:elections?|vote|poll|ballot)",
        r"parlament\w*\s+saýlaw",
        r"members\s+of\s+(?:the\s+)?(?:national\s+parliament|mejlis)",
        r"deput(?:y|ies)\s+(?:of|to)\s+(?:the\s+)?(?:national\s+)?parliament",
        r"elections?\s+(?:to|of|for)\s+(?:the\s+)?(?:national\s+)?parliament",
        r"national\s+parliament\s+elections?",
        r"выбор\w*\s+в\s+парламент",
        r"депутат\w*\s+парламент",
        r"(?<!milli )mejlis\w*\s+(?:[\w-]+\s+){0,5}?deputat",
        r"(?<!milli )mejlis\w*\s+(?:\w+\s+)?deputatlygyna",
        r"депутат\w*\s+меджлис",
        r"(?<!милли )меджлис\w*\s+депутат",
        r"выбор\w*\s+в\s+меджлис",
        r"парламентск\w*\s+выбор",
    )),
]
BY_ELECTION = _re(
    r"early\s+retired", r"instead\s+of\s+(?:those|the\s+deputies)\s+who", r"quit(?:ted)?\s+their\s+positions",
    r"ahead\s+of\s+(?:the\s+appointed\s+)?(?:time|schedule)", r"early\s+drop\s+out", r"by-elections?",
    r"vacated|vacant\s+seats?", r"möhletinden\s+öň\s+(?:çyk|gid)", r"boş\s+galan",
    r"выбывш\w*", r"досрочно\s+выбыв", r"вместо\s+выбывш", r"довыбор",
)

_BY_ELECTION = Hinted(BY_ELECTION, Hint(("early", "instead", "quit", "ahead", "by-election", "vaca", "möhletinden", "boş",
                                         "выбывш", "досрочно", "довыбор")))


@dataclass(frozen=True)
class BodyMention:
    start: int
    end: int
    bodies: tuple[str, ...]


# Words every phrase of a group of BODY_PATTERNS contains (all of them, when several): a group runs
# only over a text that has them (see etl.facts.hints; tests/test_hints.py checks them against
# every alternative).
_MASLAHAT = Hint(("maslahat", "маслахат"))
BODY_HINTS: dict[tuple[str, ...], tuple[Hint, ...]] = {
    ("halk-maslahaty",): (Hint(("milli", "милли")),),
    ("velayat-maslahaty", "etrap-maslahaty"): (Hint(("council", "maslahat", "маслахат")),
                                               Hint(("etrap", "этрап", "district"))),
    ("velayat-maslahaty",): (_MASLAHAT,),
    ("etrap-maslahaty",): (_MASLAHAT, Hint(("etrap", "этрап"))),
    ("gengesh",): (Hint(("local", "gengesh", "geňeş", "генгеш")),),
    ("president",): (Hint(("president", "prezident", "президент")),),
    ("mejlis",): (Hint(("mejlis", "parliament", "parlament", "меджлис", "парламент")),),
}
# Every phrase of every group contains one of these words: a text without any names no body.
_BODY_HINT = Hint(("mejlis", "меджлис", "presiden", "prezident", "президент", "maslahat", "маслахат", "gengesh",
                   "geňeş", "генгеш", "parliament", "parlament", "council", "self-government", "парламент"))

# BODY_PATTERNS, each scanned case-sensitively over the folded text (etl.facts.hints.Scanned)
_BODY_SCANS = [(bodies, Scanned.of(pat)) for bodies, pat in BODY_PATTERNS]
# The words every match of a group's pattern begins with (tests/test_scanned.py): those patterns are
# tried only where one of them stands (etl.facts.hints.Spotted), the others scanned
_BODY_STARTS = {
    ("halk-maslahaty",): ("halk", "халк", "milli"),
    ("velayat-maslahaty", "etrap-maslahaty"): ("халк", "people", "velayat", "welaýat", "regional", "велаятск",
                                               "provincial"),
    ("velayat-maslahaty",): ("halk", "халк", "aşgabat", "arkadag", "velayat", "welaýat", "ashgabat", "велаятск"),
    ("etrap-maslahaty",): ("halk", "халк", "etrap", "этрапск"),
    ("president",): ("выбор", "кандидат", "election", "prezident", "candidate", "president", "президентск"),
    ("mejlis",): ("выбор", "mejlis", "deputy", "members", "депутат", "меджлис", "deputies", "national", "election",
                  "parlament", "парламентск", "parliamentary"),
}
_BODY_FINDERS = [(bodies, Spotted(scan.pattern, _BODY_STARTS[bodies]) if bodies in _BODY_STARTS else scan)
                 for bodies, scan in _BODY_SCANS]


@memo_list(maxsize=4096)  # the turnout parser asks again of titles and leads
def body_mentions(text: str) -> list[BodyMention]:
    """Every phrase naming one or more elected bodies, in order of appearance."""
    if not _BODY_HINT.may_match(text):
        return []
    found: list[BodyMention] = []
    taken: list[tuple[int, int]] = []
    for bodies, scan in _BODY_FINDERS:
        if not all(h.may_match(text) for h in BODY_HINTS[bodies]):
            continue
        for m in scan.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(BodyMention(m.start(), m.end(), bodies))
    return sorted(found, key=lambda b: b.start)


def bodies_in(text: str) -> list[tuple[int, str]]:
    """Every body named in the text with its position, in order."""
    return [(m.start, body) for m in body_mentions(text) for body in m.bodies]


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
    is_by = bool(_BY_ELECTION.search(text))
    day = polling_day.isoformat() if polling_day else None
    if day:
        known = is_by_election_day(body, day)
        if known is not None:
            is_by = known
    return ElectionRef(body, day, is_by)


# Hourly turnout is stated on polling day; a report posted after midnight, or a news site's copy of
# the Commission's statement, is dated up to some days after it.
HOURLY_REPORT_DAYS = 7


# The vote told as taking place on the day of writing: "today ... the elections are held", "voting
# began today", "Şu gün ... saýlawlary geçirildi", "Сегодня ... проходят выборы". "Today" and the
# held-or-begun verb must be in one sentence with a word of voting.
_VOTING = re.compile(r"election|voting|vote[sd]?\b|polls?\b|saýlaw|ses\s+beriş|выбор|голосовани", re.I)
_HELD_TODAY = re.compile(r"\b(?:are|is|were|was)\s+(?:being\s+)?(?:held|taking\s+place|under\s?way)|\btook\s+place"
                         r"|\b(?:began|begun|started|opened)\b|geçiril(?:ýär|di|ýärler|diler)\b|badalga\s+al|başlandy"
                         r"|проход(?:ят|ит)|прошл[иа]|состоял(?:ись|ось|ся|ась)|начал(?:ись|ось|ся|ось|о)|\bидёт|\bидет", re.I)


# ... and no other day, nor the results of a vote, in that sentence ("today the Commission summed up
# the results of the elections that took place on Sunday")
_OTHER_DAY = re.compile(r"result|summ|итог|подвед|netije|jemle|yesterday|вчера|düýn|\b(?:mon|tues|wednes|thurs|fri|"
                        r"satur|sun)day|понедельник|вторник|сред[уа]|четверг|пятниц|суббот|воскресень|duşenbe|sişenbe|"
                        r"çarşenbe|penşenbe|anna\b|şenbe|ýekşenbe", re.I)


def vote_is_today(text: str) -> bool:
    """Whether the text tells of the vote as taking place on the day it was written."""
    if not TODAY.search(text):
        return False
    return any(TODAY.search(sentence) and _VOTING.search(sentence) and _HELD_TODAY.search(sentence)
               and not _OTHER_DAY.search(sentence) and not _DAY_MONTH.search(sentence)
               for sentence in sentences_of(text))


def hourly_polling_day(body: str, published: date | None, from_site: bool, text: str = "") -> date | None:
    """The polling day of an hourly turnout figure of `body` in an item published on `published`.

    The known election of that body held on the day of publication or in the week before it (the
    latest); else the day of publication on the site's own pages (`from_site`), which post hourly
    figures on polling day, or when the item's `text` tells of the vote as taking place that day
    (vote_is_today); else unknown: a copy on another site may be dated days after the vote.
    """
    if published is None:
        return None
    near = [day for b, d, _ in KNOWN_ELECTIONS if b == body
            for day in (date.fromisoformat(d),) if timedelta(0) <= published - day <= timedelta(days=HOURLY_REPORT_DAYS)]
    if near:
        return max(near)
    return published if from_site or vote_is_today(text) else None


# A date told as the day of the vote, right after the body's name: "elections of members of gengesh
# ... on July 23, 2023", "saýlawlary 2023-nji ýylyň 23-nji iýulynda geçiriler".
_VOTE_DAY_GAP = 160
# The item's publication year names the election only near its polling day.
_PUBLISHED_BEFORE = timedelta(days=120)
_PUBLISHED_AFTER = timedelta(days=45)


def elections_in(text: str, published: date | None) -> list[ElectionRef]:
    """The elections a whole item concerns, when the text names the body and the day can be fixed.

    The polling day is, in order: a full date of the text that is a known polling day of that
    body; a date told as the day of the vote right after the body's name; the one known election
    of that body in a year written next to the body's name ("the March 2023 parliamentary
    elections"); the one known election of that body held from 45 days before to 120 days after
    the item's publication.
    """
    mentions = body_mentions(text)
    if not mentions:
        return []
    full = _full_dates(text)
    text_days = {d.isoformat() for _, _, d in full}
    is_by = bool(_BY_ELECTION.search(text))
    by_filter = True if is_by else None
    out: dict[str, ElectionRef] = {}
    for mention in mentions:
        for body in mention.bodies:
            if body in out:
                continue
            day = next((d for b, d, by in KNOWN_ELECTIONS if b == body and d in text_days), None)
            if day is None:
                day = _vote_day_after(text, mention, full)
            if day is None:
                near = {int(y) for y in re.findall(r"\b(20[0-4]\d)\b",
                                                   text[max(0, mention.start - 25): mention.end + 25])}
                if len(near) == 1:
                    day = known_polling_day(body, next(iter(near)), by_filter)
            if day is None:
                day = _vote_day_month(text, mention, body, by_filter, published)
            if day is None and body == "mejlis":
                day = _convocation_day(text)
            if day is None and published is not None:
                days = [d for b, d, by in KNOWN_ELECTIONS
                        if b == body and (by_filter is None or by == by_filter)
                        and -_PUBLISHED_AFTER <= date.fromisoformat(d) - published <= _PUBLISHED_BEFORE]
                day = days[0] if len(days) == 1 else None
            if day:
                out[body] = election_for(body, text, date.fromisoformat(day))
    return list(out.values())


_DECISION = re.compile(r"decision|resolution|decree|dated|karar|çözgüt|постановлени|решени|от\s*$", re.I)
_VOTE_VERB = re.compile(r"\bhold|\bheld\b|take place|scheduled|polling day|election day|geçiril|geçirmek|bellenildi"
                        r"|состо|пройд|назнач|провед", re.I)


def _vote_day_after(text: str, mention: BodyMention, full) -> str | None:
    for start, end, d in full:
        if start < mention.end or start - mention.end > _VOTE_DAY_GAP:
            continue
        between = text[mention.end:start]
        if re.search(r"[.;!?]\s", between) or _DECISION.search(text[max(0, start - 30):start]):
            continue
        if not _VOTE_VERB.search(text[max(0, mention.start - 40):mention.start] + between + text[end:end + 30]):
            continue
        return d.isoformat()
    return None


# The day and month of the vote, told without the year ("held on July 7", "7-nji iýulda geçirilen",
# "прошедших 7 июля"): the known election of that body on that day, when only one was ever held on it.
_MONTHS = {
    **{m: i + 1 for i, m in enumerate("january february march april may june july august september october "
                                      "november december".split())},
    **{m: i + 1 for i, m in enumerate("ýanwar fewral mart aprel maý iýun iýul awgust sentýabr oktýabr noýabr "
                                      "dekabr".split())},
    **{m: i + 1 for i, m in enumerate("январ феврал март апрел ма июн июл август сентябр октябр ноябр "
                                      "декабр".split())},
}
_MONTH_WORD = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\w*"
_DAY_MONTH = re.compile(
    rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th|\s*-?\s*(?:nji|njy|nju|njü|nçi|nçy)|-?го)?\s+({_MONTH_WORD})(?![\s,]*\d{{4}})"
    rf"|\b({_MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})", re.I)
_HELD_NEAR = re.compile(r"\bheld\b|took place|geçiril\w*|geçen\b|состоявш\w*|прошедш\w*|состоял\w*|прошл\w*", re.I)


_DAY_MONTH_YEAR = timedelta(days=366)


def _vote_day_month(text: str, mention: BodyMention, body: str, by_filter: bool | None,
                    published: date | None) -> str | None:
    """A day and month of the vote, without its year, name the known election of that body on that
    day (the one election of that body ever held on it), and, when the item's publication date is
    known, only when it was published within a year of that polling day, before or after: a day and
    month told without the year are the nearest of their kind ("the meeting held on March 29 this
    year" in 2023 is not the by-election of 29 March 2026)."""
    start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
    end_candidates = [i for i in (text.find(". ", mention.end), text.find("\n", mention.end)) if i >= 0]
    sentence = text[start:min(end_candidates) if end_candidates else len(text)]
    days = set()
    for m in _DAY_MONTH.finditer(sentence):
        day = int(m.group(1) or m.group(4))
        word = (m.group(2) or m.group(3)).lower()
        month = next((n for stem, n in _MONTHS.items() if word.startswith(stem)), None)
        near = sentence[max(0, m.start() - 30):m.end() + 30]
        if month and _HELD_NEAR.search(near):
            days.add(f"{month:02d}-{day:02d}")
    found = {d for b, d, by in KNOWN_ELECTIONS if b == body and d[5:] in days and (by_filter is None or by == by_filter)
             and (published is None or abs(date.fromisoformat(d) - published) <= _DAY_MONTH_YEAR)}
    return found.pop() if len(found) == 1 else None


# The Mejlis elected at each general election, by its convocation ("the Mejlis of the sixth
# convocation", "Меджлиса VI созыва", "Mejlisiniň ýedinji çagyrylyşy")
_CONVOCATIONS = {5: "2013-12-15", 6: "2018-03-25", 7: "2023-03-26"}
_CONVOCATION_WORDS = {"v": 5, "5th": 5, "fifth": 5, "пятого": 5, "bäşinji": 5,
                      "vi": 6, "6th": 6, "sixth": 6, "шестого": 6, "altynjy": 6,
                      "vii": 7, "7th": 7, "seventh": 7, "седьмого": 7, "ýedinji": 7}
_CONVOCATION = re.compile(
    r"\b(" + "|".join(_CONVOCATION_WORDS) + r")\s+(?:convocation|созыва|çagyrylyş\w*)", re.I)
_CONVOCATION_HINT = Hint(("convocation", "созыва", "çagyrylyş"))  # in every match of _CONVOCATION


def _convocation_day(text: str) -> str | None:
    found = {_CONVOCATIONS[_CONVOCATION_WORDS[m.group(1).lower()]] for m in (_CONVOCATION.finditer(text)
                                                                          if _CONVOCATION_HINT.may_match(text) else ())}
    return found.pop() if len(found) == 1 else None
