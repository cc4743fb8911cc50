"""Turnout statements: how many voters had voted by an hour of polling day, overall and per area.

    "By the elections of early retired deputies of the Mejlis of Turkmenistan to 19 o'clock, there
     were voted 91,32% of voters. In the constituency 1 «Garaşsyzlyk» 91,84%, ..."

`parse_turnout(text)` reads the text as a sequence of mentions (a body being elected, an hour, a
percentage with the area it belongs to, counts of voters) and groups them into one statement per
body and hour (or final figure). Numbers are kept exactly as printed; a figure whose area is cut off
is not stored; a "percentage" over 100 is not a figure but an anomaly, listed with the statement.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import COUNT_RE, PCT_RE, parse_count, parse_pct
from .hints import Hint, Hinted, Scanned, Spotted
from .memo import memo_list, sentences_of
from .elections import KNOWN_ELECTIONS, BodyMention, body_mentions
from .results import has_pct, pct_matches, share_spans
from .regions import REGION_STEM, region_id


_AMPM = r"\s*(a\.?\s?m\.?|p\.?\s?m\.?)"
HOUR_RES = [
    # English: "to 19 o'clock", "to the 19 o'clock", "By 17:00", "as of 11.00 hours", "by 5 p.m."
    re.compile(r"\b(?:to|by|until|till|as of|at)\s+(?:the\s+)?(\d{1,2})(?:[:.]00)?\s*(?:o[’'`]?\s?clock|hours?\b|h\b)", re.I),
    re.compile(rf"\b(?:to|by|until|till|as of|at)\s+(?:the\s+)?(\d{{1,2}})(?:[:.]00)?{_AMPM}", re.I),
    re.compile(r"\b(?:to|by|until|till|as of|at)\s+(?:the\s+)?(\d{1,2})[:.]00\b", re.I),
    # Turkmen: "sagat 19-a çenli", "sagat 15-00-a çenli", "sagat 11:00-a çenli", "11:00-a çenli"
    re.compile(r"\bsagat\s+(\d{1,2})(?:\s*[-:.]\s*00)?\s*-?\s*(?:a|e|ä|ýa|ýe|na|ne)?\s+(?:çenli|çenl)", re.I),
    re.compile(r"\b(\d{1,2})[:.]00\s*-?\s*(?:a|e|ä)\s+çenli", re.I),
    re.compile(r"\bsagat\s+(\d{1,2})[:.]00\b", re.I),
    # Russian: "к 11 часам", "к 11:00", "к 17.00 часам", "на 11:00", "по состоянию на 11 часов"
    re.compile(r"\bк\s+(\d{1,2})(?:[:.]00)?\s*час", re.I),
    re.compile(r"\bк\s+(\d{1,2})[:.]00\b", re.I),
    re.compile(r"\bна\s+(\d{1,2})(?:[:.]00\b|\s*час)", re.I),
]

QO = "«“„\"‘'‹"
QC = "»”“\"’'›"
_NAME_Q = rf"[{QO}]\s*([^{QC}\n]{{1,40}}?)\s*[{QC}]"
_NUM = r"(?:#|№|No\.?|N)?\s*(\d{1,3})(?:\s*-?\s*(?:st|nd|rd|th|nji|njy|nju|njü|й|му|го|ом)\b)?"
_DISTRICT = (r"(?:constituency|election district|electoral district|district|okrug\w*|saýlaw okrug\w*"
             r"|(?:избирательн\w+\s+)?округ\w*)")
CONSTITUENCY_RES = [
    # "constituency 1 «Garaşsyzlyk»", "избирательному округу 54 “Байдак”", "constituency No. 54 'Baydak'"
    (re.compile(rf"{_DISTRICT}\s*{_NUM}\s*{_NAME_Q}", re.I), 1, 2),
    # "1-nji «Garaşsyzlyk» saýlaw okrugynda", "the 54th “Baydak” constituency", "№54 «Байдак» округ"
    (re.compile(rf"{_NUM}\s*{_NAME_Q}\s*{_DISTRICT}", re.I), 1, 2),
    # "the 1st constituency «Garaşsyzlyk»", "54-му избирательному округу «Байдак»"
    (re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th|-?(?:й|му|го|ом|nji|njy))?\s+{_DISTRICT}\s*{_NAME_Q}", re.I), 1, 2),
    # "“Baydak” constituency No. 54", "«Baýdak» saýlaw okrugy №54"
    (re.compile(rf"{_NAME_Q}\s*{_DISTRICT}\s*(?:#|№|No\.?|N)\s*(\d{{1,3}})\b", re.I), 2, 1),
]
ABROAD = (r"abroad|outside the country|foreign polling|diplomatic missions|daşary\s+ýurt\w*(?:\s+saýlaw\s+uçastok\w*)?"
          r"|(?:на\s+)?(?:избирательных\s+)?участк\w*\s+за\s+(?:рубежом|границей)|за\s+рубежом|за\s+границей"
          r"|в\s+дипломатических\s+представительствах")
ABROAD_RE = re.compile(ABROAD, re.I)
REGION_RE = re.compile(rf"(?:{REGION_STEM})", re.I)

# The final figure of the day: who took part, of the whole list of voters.
FINAL_RE = re.compile(
    r"took part in (?:the )?(?:vot|elect|poll)|participated in (?:the )?(?:vot|elect)|final turnout|turnout\b[^.%]{0,60}?\b(?:was|amounted|stood|made|reached)\b"
    r"|total number of (?:listed |registered |included )?voters|voter turnout|voters? (?:who )?(?:took part|participated)"
    r"|\bturnout\s+(?:of|at)\s+\d|göterimine deň|göterime deň|göterimi(?:ne)? deň|\bgatnaşdy(?:lar)?\b|gatnaşan saýlawçy"
    r"|принял[оиа]? участие|явка\s+(?:избирателей\s+)?составила|составил[аи]?\s+\d", re.I)
_PENDING_HOUR = re.compile(r"turnout|явк|voted|проголосова|ses ber|gatnaş|took part|participat|участие", re.I)
# Words that report a vote: "voted", "took part", "cast ballots", "ses berdi", "проголосовали", "явка"
_VOTED = re.compile(r"\bvoted\b|took\s+part|participated|cast\s+(?:their\s+)?(?:votes?|ballots?)|attended|turnout"
                    r"|ses\s+berdi|gatnaşdy|gatnaşan|gatnaşyp\w*|ses\s+berip\w*|проголосова\w*|приняли\s+участие|принял\w*\s+участие|явка", re.I)
_TURNOUT_WORDS = re.compile(
    r"vot(?:ed|ing|ers)|turnout|took part|participated|ses ber|saýlawçy|gatnaş|проголосова|избирател|явк|участие", re.I)
# Turnout of another country's election (CEC officials observe abroad): never ours.
FOREIGN_RE = re.compile(
    r"azerbai[jd]an|azerbaýjan|азербайджан|russian federation|russia\b|rossiýa|российск|росси[ия]\b|kazakh|gazagystan|казахстан"
    r"|uzbek|özbegistan|узбекистан|kyrgyz|gyrgyz|киргиз|кыргыз|tajik|täjigistan|таджикистан|belarus|belorus|беларус"
    r"|armenia|ermenistan|армени|georgia\b|gruziýa|грузи|moldova|молдов|mongolia|mongoliýa|монголи|turkey\b|türkiýe|турци"
    r"|milli mejlis|милли меджлис", re.I)
# every match of FOREIGN_RE contains one of these (etl.facts.hints)
_FOREIGN_HINT = Hint((
    "azerba", "азербайджан", "russia", "rossiýa", "росси", "kazakh", "gazagystan", "казахстан", "uzbek", "özbegistan",
    "узбекистан", "kyrgyz", "gyrgyz", "киргиз", "кыргыз", "tajik", "täjigistan", "таджикистан", "belarus", "belorus",
    "беларус", "armenia", "ermenistan", "армени", "georgia", "gruziýa", "грузи", "moldova", "молдов", "mongoli", "монголи",
    "turkey", "türkiýe", "турци", "milli mejlis", "милли меджлис"))


def _foreign(text: str) -> bool:
    """Whether a text names another country's election (FOREIGN_RE), trying the pattern only when it can match."""
    return _FOREIGN_HINT.may_match(text) and bool(FOREIGN_RE.search(text))

# The same patterns, each with words one of which every match contains (etl.facts.hints)
_FINAL = Hinted(FINAL_RE, Hint(("took part in", "participated in", "turnout", "total number of", "voter", "göterim",
                                "gatnaş", "принял", "явка", "составил")))
_VOTED_HINTED = Hinted(_VOTED, Hint(("voted", "took", "participated", "cast", "attended", "turnout", "berdi", "berip",
                                     "gatnaş", "проголосова", "участие", "явка")))


@dataclass
class AreaFigure:
    pct: float
    printed: str  # the area as printed
    constituency_number: int | None = None
    constituency_name: str | None = None
    region_id: str | None = None


@dataclass
class TurnoutFact:
    body: str | None
    hour: int | None
    is_final: bool
    overall_pct: float | None = None
    abroad_pct: float | None = None
    registered: int | None = None
    voted: int | None = None
    areas: list[AreaFigure] = field(default_factory=list)
    statement: str = ""
    context: str = ""  # the text that named the election
    registered_printed: str | None = None
    voted_printed: str | None = None
    anomalies: list[str] = field(default_factory=list)  # figures that cannot be percentages of voters
    joint_bodies: tuple[str, ...] = ()  # other bodies the figure was stated for, jointly
    skipped: list[str] = field(default_factory=list)  # figures of the statement that are not turnout, and why


HOUR_RES += [
    # machine translations of "к 9 часам" / "sagat 9-a çenli": "For 9 hours, 22.01 percent ..."
    re.compile(r"(?:^|[.;:]\s*)for\s+(\d{1,2})\s+hours?\b", re.I),
    # Russian "до 19 часов", "до 19:00" (the end of a range "с 7:00 до 19:00" is dropped below)
    re.compile(r"\bдо\s+(\d{1,2})(?:[:.]00)?\s*час", re.I),
    re.compile(r"\bдо\s+(\d{1,2})[:.]00\b", re.I),
]
_DIGIT = re.compile(r"\d")
# For each of HOUR_RES, in the same order: words every match contains (etl.facts.hints), or None for
# the two English patterns whose words are too short to tell ("h", "a.m.")
HOUR_HINTS: list[Hint | None] = [
    None, None, Hint(("00",)), Hint(("sagat",)), Hint(("çenli",)), Hint(("sagat",)), Hint(("час",)), Hint(("00",)),
    Hint(("00", "час")), Hint(("hour",)), Hint(("час",)), Hint(("00",)),
]
_NOON = re.compile(r"\b(?:by|to|until|till|as of|at)\s+(?:midday|noon)\b|\bк\s+полудню\b|\bgünortan\w*\s+çenli", re.I)
_NOON_HINT = Hint(("midday", "noon", "полудню", "günortan"))  # in every match of _NOON
# An hour that opens the polls, ends a range or is told on another clock is not an "as of" hour.
_OPENING = re.compile(r"\b(?:start\w*|began|begin\w*|open\w*|началось|начал\w*|открыл\w*|открыт\w*|başla\w*|açyl\w*"
                      r"|from|since|с|between)\s+(?:at\s+|в\s+|sagat\s+)?(?:the\s+)?$", re.I)
_OTHER_CLOCK = re.compile(r"^\s*(?:по\s+)?(?:мск|москв\w*|moscow|московск\w*|бакинск\w*|баку|baku|gmt|utc|астанинск\w*)", re.I)
_CLOSING_VERB = re.compile(r"\b(?:clos\w*|закро\w*|закрыв\w*|закрыл\w*|ýapyl\w*)\s+(?:at\s+|в\s+|sagat\s+)?$", re.I)
_RANGE_START = re.compile(r"(?:\bс|\bfrom|\bbetween)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|час\w*|hours?)?\s*$", re.I)


@dataclass(frozen=True)
class HourMention:
    start: int
    end: int
    hour: int


@memo_list(maxsize=4096)  # parse_turnout asks up to four times per sentence
def hour_mentions(sentence: str) -> list[HourMention]:
    """Every "as of" hour a sentence names, in order: not the hour the polls opened, not the end
    of a range of opening hours ("from 7:00 to 19:00"), not the same hour on another clock
    ("17.00 по Москве")."""
    found: list[HourMention] = []
    for r, hint in zip(HOUR_RES, HOUR_HINTS) if _DIGIT.search(sentence) else ():  # each reads the hour (group 1)
        if hint is not None and not hint.may_match(sentence):
            continue  # the pattern cannot match
        for m in r.finditer(sentence):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            h = int(m.group(1))
            if m.lastindex and m.lastindex >= 2 and m.group(2):
                if m.group(2).lower().replace(".", "").replace(" ", "") == "pm" and h < 12:
                    h += 12
            if not 6 <= h <= 24:
                continue
            before, after = sentence[max(0, m.start() - 40):m.start()], sentence[m.end():m.end() + 40]
            if _OPENING.search(before) or _CLOSING_VERB.search(before) or _OTHER_CLOCK.match(after):
                continue
            if _RANGE_START.search(before) and not _VOTED_HINTED.search(after):
                continue  # "с 07:00 до 19:00" are opening hours; "с 7 до 11 часов проголосовали" is by 11
            found.append(HourMention(m.start(), m.end(), h))
    for m in _NOON.finditer(sentence) if _NOON_HINT.may_match(sentence) else ():
        if not any(f.start < m.end() and m.start() < f.end for f in found):
            found.append(HourMention(m.start(), m.end(), 12))
    return sorted(found, key=lambda f: f.start)


def _hour(sentence: str) -> int | None:
    """The one "as of" hour of a sentence (None when it names none, or several different ones)."""
    hours = {h.hour for h in hour_mentions(sentence)}
    return next(iter(hours)) if len(hours) == 1 else None


_REGION_TAIL = (r"(?:\w*)(?:\s+(?:velayat\w*|welaýat\w*|велаят\w*|şäher\w*|city|province|region|город\w*|etrap\w*))?"
                r"\s*(?:boýunça|boýunça\s+ses\s+berenler|проголосовало|проголосовали|ses berdi|voted)?\s*[–—:,\-(]?\s*$")
_REGION_BEFORE = re.compile(
    rf"(?:по\s+(?:городу\s+)?|в\s+(?:городе\s+)?|город\w*\s+|(?:the\s+)?city\s+of\s+)?\b(?:{REGION_STEM}){_REGION_TAIL}", re.I)
_AREA_TAIL = re.compile(
    r"[\s,–—:\-]*(?:saýlaw okrugynda|saýlaw okrugy boýunça|okrugynda|boýunça|проголосовало|проголосовали|voted)?[\s,–—:\-]*$", re.I)
# A place the region list does not know ("Altyn Asyr etrabynda", "in Karizek etrap", "по городу Абадан")
_PLACE_WORDS = (r"(?:etrab\w*|etrap\w*|district|şäher\w*|city|town|township|şäherçe\w*|geňeşlig\w*|этрап\w*|город\w*"
                r"|посёлк\w*|поселк\w*|velayat\w*|welaýat\w*|велаят\w*)")
_CAP = "[A-ZÄÇŇÖŞÜÝŽА-ЯЁ]"
_PLACE_BEFORE = re.compile(
    rf"(?:(?:по|в)\s+(?:городу\s+|этрапу\s+|городе\s+|этрапе\s+)?)?((?:{_CAP}[\w-]+\s+){{1,3}}{_PLACE_WORDS}"
    rf"|{_PLACE_WORDS}\s+(?:of\s+)?(?:{_CAP}[\w-]+\s*){{1,3}})"
    r"\s*(?:проголосовало|проголосовали|ses berdi|voted)?\s*[–—:,\-(]?\s*$")
_PLACE_AFTER = re.compile(
    rf"\s*(?:of (?:the )?voters\s+)?(?:(?:have\s+)?voted\s+)?(?:in|at)\s+(?:the\s+)?((?:{_CAP}[\w-]+\s+){{1,3}}{_PLACE_WORDS}"
    rf"|(?:city|town|township)\s+of\s+(?:{_CAP}[\w-]+\s*){{1,3}})")
_ABROAD_BEFORE = re.compile(rf"(?:{ABROAD})\s*(?:проголосовало|проголосовали|ses berdi)?\s*[–—:,\-]?\s*$", re.I)
_AFTER_REGION = re.compile(
    rf"\s*(?:of (?:the )?voters\s+)?(?:(?:have\s+)?voted\s+)?(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+)?"
    rf"((?:{REGION_STEM})\w*(?:\s+(?:velayat|province|region|city))?)", re.I)
_AFTER_CONSTITUENCY = [
    re.compile(rf"^\s*(?:of (?:the )?voters\s+)?(?:(?:have\s+)?voted\s+)?in\s+(?:the\s+)?{r.pattern}", re.I)
    for r, _, _ in CONSTITUENCY_RES
]
_AFTER_ABROAD = re.compile(
    r"\s*(?:of (?:the )?voters\s+)?(?:(?:have\s+)?voted\s+)?(?:abroad|at (?:the )?polling stations (?:set up )?(?:abroad|at (?:the )?diplomatic))", re.I)


def _constituency(m: re.Match, num_group: int, name_group: int) -> AreaFigure:
    return AreaFigure(0.0, m.group(0).strip(), int(m.group(num_group)), m.group(name_group).strip())


def classify_figure(before: str, after: str) -> tuple[str, AreaFigure | None]:
    """What a percentage is: ('area', figure), ('abroad', None) or ('plain', None).

    `before` is the text since the previous figure, `after` the text that follows it. English
    writes the area after the figure ("84,65% in Balkan velayat"); Turkmen and Russian before it
    ("Ahal welaýatynda 97,68%", "По Ахалскому велаяту проголосовало 48,42%"). An area right before
    the figure wins, unless a comma parts them ("76,02% in Ahal velayat, 74,65% in Balkan velayat").
    """
    kind, fig, tail = _area_before(before[-140:])
    if kind and "," not in tail:
        return kind, fig
    got = _area_after(after)
    if got[0]:
        return got
    if kind:
        return kind, fig
    return "plain", None


def _area_before(window: str) -> tuple[str | None, AreaFigure | None, str]:
    best = None
    for r, num_group, name_group in CONSTITUENCY_RES:
        for c in r.finditer(window):
            if best is None or c.end() > best[0].end():
                best = (c, num_group, name_group)
    if best and _AREA_TAIL.fullmatch(window[best[0].end():]):
        return "area", _constituency(*best), window[best[0].end():]
    m = _REGION_BEFORE.search(window)
    if m:
        printed = re.sub(r"\s*(?:проголосовало|проголосовали|ses berdi|voted)?[\s,–—:(-]*$", "", m.group(0))
        return "area", AreaFigure(0.0, printed.strip(), region_id=region_id(m.group(0))), m.group(0)[-3:]
    m = _ABROAD_BEFORE.search(window)
    if m:
        return "abroad", None, m.group(0)[-3:]
    m = _PLACE_BEFORE.search(window)
    if m and not re.search(r"turkmenistan|türkmenistan|туркменистан", m.group(1), re.I):
        printed = re.sub(r"\s*(?:проголосовало|проголосовали|ses berdi|voted)?[\s,–—:(-]*$", "", m.group(1))
        return "area", AreaFigure(0.0, printed.strip()), m.group(0)[-3:]
    return None, None, ""


def _area_after(after: str) -> tuple[str | None, AreaFigure | None]:
    m = _AFTER_REGION.match(after)
    if m:
        return "area", AreaFigure(0.0, m.group(1).strip(), region_id=region_id(m.group(1)))
    for r, (_, num_group, name_group) in zip(_AFTER_CONSTITUENCY, CONSTITUENCY_RES):
        c = r.match(after)
        if c:
            fig = AreaFigure(0.0, c.group(0).strip(), int(c.group(num_group)), c.group(name_group).strip())
            fig.printed = re.sub(r"^(?:of (?:the )?voters\s+)?(?:(?:have\s+)?voted\s+)?in\s+(?:the\s+)?", "",
                                 fig.printed, flags=re.I)
            return "area", fig
    if _AFTER_ABROAD.match(after):
        return "abroad", None
    m = _PLACE_AFTER.match(after)
    if m and not re.search(r"turkmenistan|türkmenistan|туркменистан", m.group(1), re.I):
        return "area", AreaFigure(0.0, m.group(1).strip())
    return None, None


_REG_PATTERNS = [
    # "218 out of 236 voters": voted, registered
    re.compile(rf"(?P<voted>{COUNT_RE})\s+(?:voters\s+)?(?:out of|of)\s+(?:the\s+)?(?P<registered>{COUNT_RE})\s+(?:registered\s+|listed\s+)?voters", re.I),
    # "86 müň 641 saýlawçydan 79 müň 121-si", "3 460 080 saýlawçynyň 3 364 930-sy"
    re.compile(rf"(?P<registered>{COUNT_RE})\s+saýlawçy(?:dan|nyň|nyn)\s+(?P<voted>{COUNT_RE})\s*-?\s*(?:si|sy|i|y|sı)\b", re.I),
    # "из 3 775 051 избирателей ... приняли участие 3 435 950"
    re.compile(rf"из\s+(?P<registered>{COUNT_RE})\s+избирател\w*[^.%]{{0,80}}?(?:приняли участие|проголосовал\w*)\s+(?P<voted>{COUNT_RE})(?!\s*%)", re.I),
    # "Of the 3 775 051 voters included in the lists, 3 435 950 voted"
    re.compile(rf"\bof\s+(?:the\s+)?(?P<registered>{COUNT_RE})\s+(?:registered\s+|listed\s+)?voters[^.%]{{0,60}}?,\s*(?P<voted>{COUNT_RE})\s+(?:voters\s+)?(?:voted|took part|participated|\()", re.I),
]
_REGISTERED_ONLY = [
    re.compile(rf"(?P<registered>{COUNT_RE})\s+voters\s+(?:were\s+|are\s+|have been\s+)?(?:included|listed|registered|entered)", re.I),
    re.compile(rf"(?:sanaw\w*|hasaba\s+alnan)\s+(?:\w+\s+){{0,3}}?(?P<registered>{COUNT_RE})\s+saýlawçy\b(?!dan|nyň)", re.I),
    re.compile(rf"(?P<registered>{COUNT_RE})\s+saýlawçy\s+(?:girizil|goşul|hasaba)", re.I),
    re.compile(rf"(?:включен\w*|внесен\w*)\s+(?:\w+\s+){{0,3}}?(?P<registered>{COUNT_RE})\s+(?:избирател|человек)", re.I),
]
_VOTED_ONLY = [
    re.compile(rf"(?P<voted>{COUNT_RE})\s+voters(?:\s*\(|\s+or\s+|\s*,\s*or\s+)", re.I),
    re.compile(rf"(?P<voted>{COUNT_RE})\s+(?:voters\s+)?(?:voted|took part|participated)", re.I),
    re.compile(rf"(?P<voted>{COUNT_RE})\s+saýlawçy\w*\s+(?:\w+\s+){{0,2}}?(?:ses berdi|gatnaşdy)", re.I),
    re.compile(rf"(?:приняли участие|проголосовали)\s+(?P<voted>{COUNT_RE})\s+(?:избирател|человек)", re.I),
    re.compile(rf"(?P<voted>{COUNT_RE})\s+избирател\w*\s+(?:\(|или\s+|приняли участие|проголосовал)", re.I),
]

# For each of _REG_PATTERNS, _REGISTERED_ONLY and _VOTED_ONLY, in the same order: words every match
# contains (etl.facts.hints); a sentence without them is not searched
_REG_HINTS = [Hint(("voters",)), Hint(("saýlawçy",)), Hint(("избирател",)), Hint(("voters",))]
_REGISTERED_ONLY_HINTS = [Hint(("voters",)), Hint(("saýlawçy",)), Hint(("saýlawçy",)), Hint(("избирател", "человек"))]
_VOTED_ONLY_HINTS = [Hint(("voters",)), Hint(("voted", "took part", "participated")), Hint(("saýlawçy",)),
                     Hint(("избирател", "человек")), Hint(("избирател",))]


def _count(m: re.Match, name: str) -> tuple[int | None, str | None]:
    printed = m.group(name).strip()
    value = parse_count(printed)
    if value is None or (1900 <= value <= 2100 and re.fullmatch(r"\d{4}", printed)):
        return None, None
    return value, printed


_COUNT_HINT = re.compile(r"\d\s*(?:voters|saýlawçy|избирател|человек)|saýlawçydan|saýlawçynyň|из\s+\d|out of \d", re.I)
_COUNT_WORDS = Hint(("voters", "saýlawçy", "избирател", "человек", "из", "out of "))  # in every match of _COUNT_HINT
_COUNT_SCAN = Scanned.of(_COUNT_HINT)  # scanned over the folded text (etl.facts.hints)


def _may_count(text: str) -> bool:
    """Whether a text may give a count of voters (_COUNT_HINT), trying the pattern only when it can match."""
    return _COUNT_WORDS.may_match(text) and bool(_COUNT_SCAN.search(text))


@lru_cache(maxsize=4096)  # pure, immutable answer; sentences repeat across items
def counts_in(sentence: str) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """(registered, voted) counts of voters in a sentence, each (value, as printed) or None."""
    if not _may_count(sentence) and not re.search(r"(?:приняли участие|проголосовали)\s+\d", sentence):
        return None, None
    registered = voted = None
    for r, hint in zip(_REG_PATTERNS, _REG_HINTS):
        m = r.search(sentence) if hint.may_match(sentence) else None
        if m:
            reg, voted_ = _count(m, "registered"), _count(m, "voted")
            if reg[0] is not None and voted_[0] is not None and voted_[0] <= reg[0]:
                return reg, voted_
    for r, hint in zip(_REGISTERED_ONLY, _REGISTERED_ONLY_HINTS):
        m = r.search(sentence) if hint.may_match(sentence) else None
        if m and _count(m, "registered")[0] is not None:
            registered = _count(m, "registered")
            break
    for r, hint in zip(_VOTED_ONLY, _VOTED_ONLY_HINTS):
        m = r.search(sentence) if hint.may_match(sentence) else None
        if m and _count(m, "voted")[0] is not None:
            voted = _count(m, "voted")
            break
    if registered and voted and voted[0] > registered[0]:
        return None, None
    return registered, voted


# A figure the text itself gives as a bound ("over 24%", "более 90%", "90 göterimden gowrak") or as a
# round approximation ("about 80%", "около 80%") is not a figure; "about 24.04 percent" (a hedge of
# translation before a figure printed to the hundredth) is the figure as printed.
_BOUND_BEFORE = re.compile(
    r"(?:\b(?:over|more\s+than|less\s+than|under|up\s+to|at\s+least|above|in\s+excess\s+of|exceed\w*|nearly|almost)"
    r"|более|свыше|почти|менее|больше|не\s+менее)\s*$", re.I)
_APPROX_BEFORE = re.compile(
    r"(?:\b(?:about|around|approximately|approx\.?|roughly|some)|около|примерно|порядка|golaý|takmynan)\s*$", re.I)
_APPROX_AFTER = re.compile(r"^\s*-?(?:(?:dan|den|dän)\s+)?(?:gowra\w*|köp\w*|ýokary\w*|golaý\w*|töweregi\w*|geçdi\w*"
                           r"|and\s+(?:more|above)|с\s+лишним)", re.I)
# A candidate's share of the vote is never turnout: the results parser finds shares (`share_spans`).
# A figure of another election told for comparison, or of early voting
_OTHER = re.compile(
    r"\bprevious|\blast\s+(?:elections?|time|year|vote)|\bcompared|\bprior\s+to|\bearlier\s+elections?|\bin\s+the\s+past"
    r"|early\s+voting|прошл\w+|предыдущ\w+|по\s+сравнению|ранее\s+состоявш|досрочн\w+\s+голосов"
    r"|öňki|geçen\s+(?:saýlaw|ýyl)|möhletinden\s+öň\s+ses", re.I)
# (?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d), written to begin with the year's first digit (the lookbehind looks
# past it), so the regex engine skips to a 1 or a 2 in C: the same matches (tests/test_turnout.py)
_YEAR_PLAIN = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
_YEAR = re.compile(r"((?:1(?<!\d.)9[5-9]|2(?<!\d.)0[0-4])\d)(?!\d)")
# The close of the polls: a figure at that moment is the final one
CLOSING_RE = re.compile(
    r"clos(?:ing|e)\s+(?:time|of\s+(?:the\s+)?(?:polls|polling|voting))|polls\s+closed|polling\s+stations?\s+(?:were\s+|have\s+)?closed"
    r"|voting\s+(?:lasted|continued|ended|closed|was\s+over)\s+(?:until|at|by)"
    r"|закрыти\w+\s+(?:\w+\s+)?участк|участки\s+(?:были\s+)?закрыл|голосование\s+(?:продолжалось|продлилось|завершилось|закончилось)"
    r"|ýapyl\w*|ses\s+beriş\w*\s+tamamlan\w*", re.I)
_AT_CLOCK = re.compile(r"(?:\bв|\bat|\bsagat)\s+(\d{1,2})[:.]00\b", re.I)
# The item reports the day after the vote (results summed up, elections held): a figure with no hour
# and a vote is the final one.
AFTER_POLLING_RE = re.compile(
    r"final\s+results|preliminary\s+results|summ(?:ed|ing)\s+up|results\s+of\s+the\s+(?:voting|elections?)\s+(?:were|have\s+been)"
    r"|elections?\s+(?:were|was|have\s+been)\s+held|(?:were|was)\s+elected|\bwon\b|\bre-?elected\b"
    r"|(?:vote|votes|voting|elections?|poll)\s+held\s+(?:on|last|yesterday)|победил\w*|ýeňiş\w*"
    r"|окончательн\w+\s+(?:итог|результат)|предварительн\w+\s+(?:итог|результат)|итоги\s+(?:выборов|голосования)"
    r"|подв\w+\s+итог|состоял\w*\s+выбор|выборы\s+(?:\w+\s+){0,6}?состоял|завершились\s+выборы|выборы\s+завершились|избран\w*"
    r"|gutarnykly\s+netije|deslapky\s+netije|jemlen\w*|sesler\w*\s+sanal\w*|saýlaw\w*\s+(?:\w+\s+){0,3}?geçirildi|saýlandy", re.I)
# A sentence that gives the share of what the sentence before counted
_ANAPHORA = re.compile(r"^(?:munuň\s+özi|bu\s+bolsa|bu\s+san|this\s+(?:is|amounts|makes|represents|corresponds)|that\s+is"
                       r"|which\s+(?:is|amounts)|это\s+составл\w*|что\s+составл\w*|это\s+)", re.I)
_ANAPHORA_INSIDE = re.compile(r"(?:[,(]\s*(?:что|which|this|that|bu\s+bolsa|munuň\s+özi)\b[^,;]{0,40}|\bили|\bor)\s*$", re.I)

_CLOSING = Hinted(CLOSING_RE, Hint(("clos", "voting", "закры", "голосование", "ýapyl", "tamamlan")))
_AFTER_POLLING = Hinted(AFTER_POLLING_RE, Hint((
    "final", "preliminary", "summ", "results", "election", "elected", "won", "held", "победил", "ýeňiş", "окончательн",
    "предварительн", "итог", "выбор", "избран", "netije", "jemlen", "sanal", "geçirildi", "saýlandy")))
# asked of a whole text, whose common words ("held", "results") pass the hint: scanned over the folded text
_AFTER_POLLING_SCAN = Scanned.of(AFTER_POLLING_RE)
# every match begins with one of these (tests/test_scanned.py): tried only where one stands (Spotted)
_AFTER_POLLING_SPOT = Spotted(AFTER_POLLING_RE, (
    "re", "won", "was", "poll", "vote", "подв", "were", "итоги", "final", "ýeňiş", "избран", "выборы", "saýlaw",
    "summed", "jemlen", "voting", "sesler", "состоял", "победил", "summing", "deslapky", "election", "saýlandy",
    "gutarnykly", "preliminary", "завершились", "окончательн", "предварительн"))


def _reports_after_polling(text: str) -> bool:
    """Whether a text reports the day after the vote (AFTER_POLLING_RE), trying the pattern only when it can match."""
    return _AFTER_POLLING.hint.may_match(text) and next(_AFTER_POLLING_SPOT.finditer(text), None) is not None


def _counted_area(sentence: str, registered, voted) -> "AreaFigure | None":
    """The area right before a count of voters in a sentence ('По Балканскому велаяту проголосовали
    66 797 избирателей'), or None."""
    count = voted or registered
    if not count:
        return None
    kind, area, _ = _area_before(sentence[:sentence.find(count[1])][-140:])
    return area if kind == "area" else None


_DATA_BACKREF = re.compile(r"такие\s+данные|эти\s+данные|these\s+(?:figures|data)|such\s+data|the\s+data\s+(?:are|is|were)"
                           r"|bu\s+maglumat\w*|bu\s+san\w*", re.I)


@dataclass
class _Figure:
    value: float
    printed: str
    start: int
    end: int
    hour: int | None = None
    closing: bool = False
    skip: str | None = None  # why the figure is not a turnout figure of this election


_CLAUSE_BREAK = re.compile(r"[,;:]\s")
_CLAUSE_END = re.compile(r"[,;.!?]")
_DECIMALS = re.compile(r"[.,]\d")


def _figures(sentence: str, text_years: set[int]) -> list[_Figure]:
    out = []
    for m in pct_matches(sentence):
        value = parse_pct(m.group(1))
        if value is not None:
            out.append(_Figure(value, m.group(0), m.start(), m.end()))
    shares = share_spans(sentence) if out else []
    hours = hour_mentions(sentence)
    single = {h.hour for h in hours}
    closing_sentence = bool(_CLOSING.search(sentence))
    for k, f in enumerate(out):
        lo = out[k - 1].end if k else 0
        hi = out[k + 1].start if k + 1 < len(out) else len(sentence)
        before, after = sentence[lo:f.start], sentence[f.end:hi]
        near_before = _CLAUSE_BREAK.split(before)[-1][-70:]
        near_after = _CLAUSE_END.split(after, maxsplit=1)[0][:70]
        lead_in = sentence[max(0, f.start - 25):f.start]
        if _BOUND_BEFORE.search(lead_in) or _APPROX_AFTER.match(sentence[f.end:f.end + 25]):
            f.skip = "a bound, not a figure (the text says over, under or nearly)"
        elif _APPROX_BEFORE.search(lead_in) and not _DECIMALS.search(f.printed):
            f.skip = "approximate figure (the text qualifies a round number)"
        elif any(a < f.end and f.start < b for a, b in shares):
            f.skip = "a candidate's share of the vote, not turnout"
        elif _OTHER.search(near_before) or _OTHER.search(near_after):
            f.skip = "a figure of another vote (comparison or early voting)"
        elif _foreign(before) or _foreign(near_after):
            f.skip = "a figure of another country's election"
        else:
            years = {int(y) for y in _YEAR.findall(before + " " + near_after)}
            if years and text_years and max(years) < max(text_years):
                f.skip = "a figure of an earlier year's election"
        f.closing = closing_sentence and bool(_CLOSING.search(before + " " + after) or len(out) == 1)
    # With several hours, each figure takes its own: Russian and Turkmen name the hour before the
    # figure ("к 9 часам — 25,1%, к 12 часам — 51,3%"), English mostly after it ("22.8 percent by
    # 10 a.m. and 47 percent by midday"); the order of the first hour and the first figure tells which.
    # One hour in a sentence dates all its figures, but for one told at the close of the polls.
    if len(single) > 1 and out:
        leading = hours[0].start < out[0].start
        for k, f in enumerate(out):
            lo = out[k - 1].end if k else 0
            hi = out[k + 1].start if k + 1 < len(out) else len(sentence)
            if leading:
                own = [h for h in hours if lo <= h.start and h.end <= f.start]
                f.hour = own[-1].hour if own else (out[k - 1].hour if k else None)
            else:
                own = [h for h in hours if f.end <= h.start and h.end <= hi]
                f.hour = own[0].hour if own else None
    elif len(single) == 1:
        for f in out:
            f.hour = None if f.closing else next(iter(single))
    return out


def closing_hour(text: str) -> int | None:
    """The hour the polls closed, when the text states one ("Голосование продолжалось до 19.00",
    "polling stations closed at 19:00"); None when it states none or several."""
    hours = set()
    for sentence in sentences_of(text):
        for c in _CLOSING.finditer(sentence):
            near = range(c.start() - 30, c.end() + 45)
            hours |= {h.hour for h in hour_mentions(sentence) if h.start in near}
            hours |= {int(m.group(1)) for m in _AT_CLOCK.finditer(sentence) if m.start() in near
                      and 17 <= int(m.group(1)) <= 24 and not _OTHER_CLOCK.match(sentence[m.end():m.end() + 30])}
    return next(iter(hours)) if len(hours) == 1 else None


def _mask(sentence: str, mentions: list[BodyMention]) -> str:
    """The sentence with the names of bodies blanked out (so 'Ashgabat' in 'halk maslahaty of
    Ashgabat city' is not read as an area)."""
    chars = list(sentence)
    for m in mentions:
        for i in range(m.start, m.end):
            chars[i] = " " if not chars[i].isspace() else chars[i]
    return "".join(chars)


def _group_mentions(sentence: str, mentions: list[BodyMention]) -> list[list[BodyMention]]:
    """Mentions named together before one figure ('Mejlis, velayat and Gengesh elections: 42%')."""
    groups: list[list[BodyMention]] = []
    for m in mentions:
        if groups:
            prev = groups[-1][-1]
            between = sentence[prev.end:m.start]
            if not has_pct(between) and len(between) < 80 and not re.search(r"[.;!?]\s|[–—-]\s*$", between):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def _bodies_of(group: list[BodyMention]) -> tuple[str, ...] | None:
    """The bodies a group of mentions names; None when they cannot share one figure (no two of
    them are ever elected on the same day, like the President and the Mejlis)."""
    bodies = tuple(dict.fromkeys(b for m in group for b in m.bodies))
    days = [{d for b2, d, _ in KNOWN_ELECTIONS if b2 == b} for b in bodies]
    if len(bodies) > 1 and not set.intersection(*days):
        return None
    return bodies


def parse_turnout(text: str) -> list[TurnoutFact]:
    """Every turnout statement in a text, one per body and hour (or final figure).

    Each figure takes its hour, its body and its area from the statement that carries it:
    - the hour named next to it ("22.8 percent by 10 a.m. and 47 percent by midday"), or the one
      hour of its sentence; an hour told in a sentence of its own applies to the figures that follow
      ("As of 11:00:") or, when that sentence points back at them ("Такие данные ... на 15.00"), to
      those before;
    - the body named before it in the same sentence (Turkmen, Russian: 'По выборам депутатов
      Меджлиса ... 31,99%') or, in English, right after it ('83,88% of voters voted in the elections
      of deputies of the Mejlis'); a sentence that names no body continues the statement before it,
      or takes the one body last named; when several bodies were named last, no body is guessed;
    - a figure stated jointly for several bodies is kept once, for the first body named, with the
      others listed in `joint_bodies` (never copied onto each).
    A figure with no hour is final when its sentence says so (final words, the close of the polls)
    or when the item reports the day after the vote and the sentence reports a vote; it then takes
    the hour the polls closed when the text states one. Figures the text qualifies as approximate,
    a candidate's share, another year's, another country's or early voting are not turnout: they
    are listed in `skipped`.
    """
    if not has_pct(text) and not _may_count(text):
        return []
    text_years = {int(y) for y in _YEAR.findall(text)}
    after_polling = _reports_after_polling(text)
    close_at = closing_hour(text)
    facts: list[TurnoutFact] = []
    current: list[TurnoutFact] = []  # the statement(s) the next figures continue
    carried: tuple[str, ...] | None = ()  # the bodies last named: one group, or None when several
    context = ""
    pending_hour: int | None = None  # an hour told in a sentence of its own
    last_made: list[TurnoutFact] = []
    area_count: AreaFigure | None = None  # an area whose count of voters the sentence before gave
    for sentence in sentences_of(text):
        mentions = body_mentions(sentence)
        if _foreign(sentence) and (mentions or not has_pct(sentence)):
            current, carried, last_made = [], None, []
            continue
        hour = _hour(sentence)
        figures = _figures(sentence, text_years)
        registered, voted = counts_in(sentence)
        final_words = bool(_FINAL.search(sentence)) and not hour_mentions(sentence) and pending_hour is None
        if mentions:
            groups_here = _group_mentions(sentence, mentions)
            carried = _bodies_of(groups_here[0]) if len(groups_here) == 1 else None
            context = sentence
        # "Ahal welaýaty boýunça 274 müň 739 saýlawçy ses berdi. Munuň özi ... 77,27 göterimine deňdir.":
        # a count of an area (never the overall count), then its share, in the same sentence after
        # "что составляет" or in a sentence that points back at it
        counted = _counted_area(sentence, registered, voted) if not mentions else None
        if counted is not None:
            registered = voted = None
            if not figures:
                area_count = counted
                continue
            if len(figures) == 1 and _ANAPHORA_INSIDE.search(sentence[:figures[0].start]) and current:
                fig = figures[0]
                if not fig.skip and fig.value <= 100:
                    for t in current:
                        _note(t, sentence)
                        t.areas.append(AreaFigure(fig.value, counted.printed, counted.constituency_number,
                                                  counted.constituency_name, counted.region_id))
                continue
        if area_count is not None and len(figures) == 1 and not mentions and current and _ANAPHORA.match(sentence):
            fig = figures[0]
            if not fig.skip and fig.value <= 100:
                for t in current:
                    _note(t, sentence)
                    t.areas.append(AreaFigure(fig.value, area_count.printed, area_count.constituency_number,
                                              area_count.constituency_name, area_count.region_id))
            area_count = None
            continue
        area_count = None
        if not figures and not (registered or voted):
            if mentions:
                current = []
            if hour is not None and _DATA_BACKREF.search(sentence) and last_made and all(
                    f.hour is None and not f.is_final for f in last_made):
                for f in last_made:
                    f.hour = hour  # "Такие данные ... по состоянию на 15.00": the figures just told
                    _note(f, sentence)
            elif hour is not None and _PENDING_HOUR.search(sentence):
                pending_hour = hour  # "Turnout as of 11:00:" with the figures in the next sentence
            last_made = []
            continue
        if not _TURNOUT_WORDS.search(sentence) and not (current and _lists_areas(sentence)):
            continue
        if pending_hour is not None and (mentions or not current):
            for f in figures:
                f.hour = f.hour if f.hour is not None else pending_hour
            hour = hour if hour is not None else pending_hour
            pending_hour = None
        groups = _group_mentions(sentence, mentions)
        owners = _owners(sentence, figures, groups)
        voted_here = bool(_VOTED_HINTED.search(sentence))
        continuing = bool(current) and not mentions and all(
            f.hour is None or f.hour == current[0].hour for f in figures) and (not final_words or current[0].is_final)
        masked = _mask(sentence, mentions)
        made: dict[tuple, TurnoutFact] = {}
        skipped_notes: list[str] = []

        def statement_for(gi: int, fig_hour: int | None, final: bool) -> TurnoutFact | None:
            if gi >= 0:
                names = _bodies_of(groups[gi]) or (None,)
            elif continuing:
                return None
            else:
                names = carried or (None,)
            key = (names, fig_hour, final)
            if key not in made:
                made[key] = TurnoutFact(names[0], fig_hour, final, context=context, joint_bodies=names[1:])
                facts.append(made[key])
            return made[key]

        prev_end = 0
        for fig, gi in zip(figures, owners):
            before, after = masked[prev_end: fig.start], masked[fig.end:]
            prev_end = fig.end
            if fig.skip:
                skipped_notes.append(f"{fig.printed}: {fig.skip}")
                continue
            final = final_words or fig.closing or (
                fig.hour is None and after_polling and voted_here and not hour_mentions(sentence))
            fig_hour = fig.hour if fig.hour is not None else (close_at if final else None)
            if fig_hour is None and not final and not _VOTED_HINTED.search(sentence) and (gi >= 0 or not continuing):
                continue  # a percentage, but no vote and no hour: "10 percent of the voters of a constituency"
            target = statement_for(gi, fig_hour, final)
            targets = [target] if target is not None else current
            if not targets:
                continue
            for t in targets:
                _note(t, sentence)
            if fig.value > 100:
                for t in targets:
                    t.anomalies.append(fig.printed)
                continue
            what, area = classify_figure(before, after)
            for t in targets:
                if what == "abroad":
                    if t.abroad_pct is None:
                        t.abroad_pct = fig.value
                elif what == "area":
                    t.areas.append(AreaFigure(fig.value, area.printed, area.constituency_number,
                                              area.constituency_name, area.region_id))
                elif t.overall_pct is None and not _dangling_area(before):
                    t.overall_pct = fig.value
        if registered or voted:
            if not made and not continuing and (hour is not None or final_words or after_polling):
                final = final_words or (hour is None and after_polling)
                statement_for(owners[0] if owners else (0 if len(groups) == 1 else -1),
                              hour if hour is not None else (close_at if final else None), final)
            targets = list(made.values())[:1] or current
            for t in targets:
                _note(t, sentence)
                if registered and t.registered is None:
                    t.registered, t.registered_printed = registered
                if voted and t.voted is None:
                    t.voted, t.voted_printed = voted
        for t in list(made.values()) or current:
            t.skipped += [n for n in skipped_notes if n not in t.skipped]
        if made:
            current = list(made.values())[-1:]
            last_made = list(made.values())
        elif not continuing:
            last_made = []
    facts = [f for f in facts if f.overall_pct is not None or f.areas or f.abroad_pct is not None
             or f.voted is not None or f.anomalies]
    return _merge_repeats(facts)


def _note(fact: TurnoutFact, sentence: str) -> None:
    if sentence not in fact.statement:
        fact.statement = (fact.statement + " " + sentence).strip()


def _merge_repeats(facts: list[TurnoutFact]) -> list[TurnoutFact]:
    """A title or lead that repeats the figure of the body text is one statement, not two; a figure
    told once as final and once at the closing hour is one final statement."""
    out: list[TurnoutFact] = []
    for f in facts:
        same = next((o for o in out if (o.body, o.hour) == (f.body, f.hour)
                     and (o.is_final == f.is_final or (o.overall_pct is not None and o.overall_pct == f.overall_pct))
                     and (o.overall_pct is None or f.overall_pct is None or o.overall_pct == f.overall_pct)), None)
        if same is None:
            out.append(f)
            continue
        same.is_final = same.is_final or f.is_final
        for name in ("overall_pct", "abroad_pct", "registered", "voted", "registered_printed", "voted_printed"):
            if getattr(same, name) is None:
                setattr(same, name, getattr(f, name))
        for a in f.areas:
            if not any((b.constituency_number, b.region_id, b.pct) == (a.constituency_number, a.region_id, a.pct)
                       for b in same.areas):
                same.areas.append(a)
        same.anomalies += [x for x in f.anomalies if x not in same.anomalies]
        same.skipped += [x for x in f.skipped if x not in same.skipped]
        same.joint_bodies = tuple(dict.fromkeys(same.joint_bodies + f.joint_bodies))
        _note(same, f.statement)
        same.context = same.context or f.context
    return out


def _owners(sentence: str, figures: list[_Figure], groups: list[list[BodyMention]]) -> list[int]:
    """For each figure, the index of the group of bodies it belongs to (-1: none named in the sentence)."""
    owners = []
    for k, fig in enumerate(figures):
        nxt = figures[k + 1].start if k + 1 < len(figures) else len(sentence)
        owner = -1
        # English: "42,37% in the elections of deputies of the Mejlis"
        for gi, g in enumerate(groups):
            between = sentence[fig.end:g[0].start]
            if fig.end <= g[0].start < nxt and re.fullmatch(r"[^.;%]{0,110}", between) and re.search(
                    r"\b(?:in|for|on|at)\b", between, re.I):
                owner = gi
                break
        if owner < 0:
            before = [gi for gi, g in enumerate(groups) if g[-1].end <= fig.start]
            if before:
                owner = before[-1]
            elif groups and len(groups) == 1:
                owner = 0  # "By 17:00, 83,88% of voters voted in the Mejlis elections"
        owners.append(owner)
    return owners


def _lists_areas(sentence: str) -> bool:
    return any(r.search(sentence) for r, _, _ in CONSTITUENCY_RES) or bool(REGION_RE.search(sentence)) or bool(
        ABROAD_RE.search(sentence))


def _dangling_area(before: str) -> bool:
    """An area word right before a figure that we could not read (cut name): not an overall figure."""
    return bool(re.search(r"(?:constituency|district|okrug\w*|округ\w*)\s*(?:№|#|No\.?)?\s*(?:\d{1,3}|[«“\"])\S{0,30}\s*$",
                          before[-60:], re.I))
