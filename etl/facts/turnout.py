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

from ..text import COUNT_RE, parse_count, parse_pct, sentences
from .elections import BodyMention, body_mentions
from .regions import REGION_STEM, region_id

PCT = r"(?<![\d.,])(\d{1,3}(?:[.,]\d{1,3})?)\s?(?:%|percent\b|per cent\b|göterim\w*|процент\w*)"
PCT_RE = re.compile(PCT, re.I)

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
    r"|göterimine deň|göterimi(?:ne)? deň|\bgatnaşdy(?:lar)?\b|gatnaşan saýlawçy"
    r"|принял[оиа]? участие|явка\s+(?:избирателей\s+)?составила|составил[аи]?\s+\d", re.I)
_PENDING_HOUR = re.compile(r"turnout|явк|voted|проголосова|ses ber|gatnaş|took part|participat|участие", re.I)
_VOTED = re.compile(r"\bvoted\b|took part|participated|ses berdi|gatnaşdy|проголосова|приняли участие", re.I)
_TURNOUT_WORDS = re.compile(
    r"vot(?:ed|ing|ers)|turnout|took part|participated|ses ber|saýlawçy|gatnaş|проголосова|избирател|явк|участие", re.I)
# Turnout of another country's election (CEC officials observe abroad): never ours.
FOREIGN_RE = re.compile(
    r"azerbai[jd]an|azerbaýjan|азербайджан|russian federation|russia\b|rossiýa|российск|росси[ия]\b|kazakh|gazagystan|казахстан"
    r"|uzbek|özbegistan|узбекистан|kyrgyz|gyrgyz|киргиз|кыргыз|tajik|täjigistan|таджикистан|belarus|belorus|беларус"
    r"|armenia|ermenistan|армени|georgia\b|gruziýa|грузи|moldova|молдов|mongolia|mongoliýa|монголи|turkey\b|türkiýe|турци"
    r"|milli mejlis|милли меджлис", re.I)


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


def _hour(sentence: str) -> int | None:
    for r in HOUR_RES:
        m = r.search(sentence)
        if m:
            h = int(m.group(1))
            if m.lastindex and m.lastindex >= 2 and m.group(2):
                ampm = m.group(2).lower().replace(".", "").replace(" ", "")
                if ampm == "pm" and h < 12:
                    h += 12
            return h if 6 <= h <= 24 else None
    return None


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


def _count(m: re.Match, name: str) -> tuple[int | None, str | None]:
    printed = m.group(name).strip()
    value = parse_count(printed)
    if value is None or (1900 <= value <= 2100 and re.fullmatch(r"\d{4}", printed)):
        return None, None
    return value, printed


_COUNT_HINT = re.compile(r"\d\s*(?:voters|saýlawçy|избирател|человек)|saýlawçydan|saýlawçynyň|из\s+\d|out of \d", re.I)


def counts_in(sentence: str) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """(registered, voted) counts of voters in a sentence, each (value, as printed) or None."""
    if not _COUNT_HINT.search(sentence) and not re.search(r"(?:приняли участие|проголосовали)\s+\d", sentence):
        return None, None
    registered = voted = None
    for r in _REG_PATTERNS:
        m = r.search(sentence)
        if m:
            reg, voted_ = _count(m, "registered"), _count(m, "voted")
            if reg[0] is not None and voted_[0] is not None and voted_[0] <= reg[0]:
                return reg, voted_
    for r in _REGISTERED_ONLY:
        m = r.search(sentence)
        if m and _count(m, "registered")[0] is not None:
            registered = _count(m, "registered")
            break
    for r in _VOTED_ONLY:
        m = r.search(sentence)
        if m and _count(m, "voted")[0] is not None:
            voted = _count(m, "voted")
            break
    if registered and voted and voted[0] > registered[0]:
        return None, None
    return registered, voted


@dataclass
class _Figure:
    value: float
    printed: str
    start: int
    end: int


def _figures(sentence: str) -> list[_Figure]:
    out = []
    for m in PCT_RE.finditer(sentence):
        value = parse_pct(m.group(1))
        if value is not None:
            out.append(_Figure(value, m.group(0), m.start(), m.end()))
    return out


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
            if not PCT_RE.search(between) and len(between) < 80 and not re.search(r"[.;!?]\s", between):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def parse_turnout(text: str) -> list[TurnoutFact]:
    """Every turnout statement in a text, one per body and hour (or final figure).

    A figure belongs to the body named before it in the same sentence (Turkmen, Russian: 'По
    выборам депутатов Меджлиса ... 31,99%') or, in English, to the body named right after it
    ('83,88% of voters voted in the elections of deputies of the Mejlis'); a sentence without a
    body continues the statement before it (areas, abroad, counts).
    """
    if not PCT_RE.search(text) and not _COUNT_HINT.search(text):
        return []
    facts: list[TurnoutFact] = []
    current: list[TurnoutFact] = []  # the statement(s) the next figures continue
    bodies: tuple = ()  # the bodies last named
    context = ""
    pending_hour: int | None = None  # an hour told in a sentence of its own
    for sentence in sentences(text):
        if FOREIGN_RE.search(sentence):
            current, bodies = [], ()
            continue
        mentions = body_mentions(sentence)
        hour = _hour(sentence)
        figures = _figures(sentence)
        final = bool(FINAL_RE.search(sentence)) and hour is None and pending_hour is None
        registered, voted = counts_in(sentence)
        if mentions:
            bodies = tuple(b for m in mentions for b in m.bodies)
            context = sentence
        if hour is None and pending_hour is not None and (figures or registered or voted) and (mentions or not current):
            hour, pending_hour = pending_hour, None  # "As of 11:00:" then the figures
        if not figures and not (registered or voted):
            if mentions:
                current = []
            if hour is not None and _PENDING_HOUR.search(sentence):
                pending_hour = hour  # "Turnout as of 11:00:" with the figures in the next sentence
            continue
        if not _TURNOUT_WORDS.search(sentence) and not (current and _lists_areas(sentence)):
            continue
        groups = _group_mentions(sentence, mentions)
        owners = _owners(sentence, figures, groups)
        continuing = bool(current) and not mentions and (hour is None or hour == current[0].hour) and (
            not final or current[0].is_final)
        made: dict[int, list[TurnoutFact]] = {}
        for gi in dict.fromkeys(owners + ([-1] if not figures else [])):
            if gi >= 0 and hour is None and not final and not _VOTED.search(sentence):
                continue  # a body and a percentage, but no vote: "10 percent of the voters of a constituency"
            if gi >= 0:
                names = tuple(b for m in groups[gi] for b in m.bodies)
            elif continuing or not (hour is not None or final):
                continue
            else:
                names = bodies or (None,)
            made[gi] = [TurnoutFact(b, hour, final, context=context) for b in names]
            facts.extend(made[gi])
        if made:
            current = made[list(made)[-1]]
        elif not continuing:
            continue
        masked = _mask(sentence, mentions)
        prev_end = 0
        for fig, gi in zip(figures, owners):
            targets = made.get(gi) or current
            before, after = masked[prev_end: fig.start], masked[fig.end:]
            prev_end = fig.end
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
            targets = made.get(-1) or (made[list(made)[0]] if made else current)
            for t in targets:
                _note(t, sentence)
                if registered and t.registered is None:
                    t.registered, t.registered_printed = registered
                if voted and t.voted is None:
                    t.voted, t.voted_printed = voted
    facts = [f for f in facts if f.overall_pct is not None or f.areas or f.abroad_pct is not None
             or f.voted is not None or f.anomalies]
    return _merge_repeats(facts)


def _note(fact: TurnoutFact, sentence: str) -> None:
    if sentence not in fact.statement:
        fact.statement = (fact.statement + " " + sentence).strip()


def _merge_repeats(facts: list[TurnoutFact]) -> list[TurnoutFact]:
    """A title or lead that repeats the figure of the body text is one statement, not two."""
    out: list[TurnoutFact] = []
    for f in facts:
        same = next((o for o in out if (o.body, o.hour, o.is_final) == (f.body, f.hour, f.is_final)
                     and (o.overall_pct is None or f.overall_pct is None or o.overall_pct == f.overall_pct)), None)
        if same is None:
            out.append(f)
            continue
        for name in ("overall_pct", "abroad_pct", "registered", "voted", "registered_printed", "voted_printed"):
            if getattr(same, name) is None:
                setattr(same, name, getattr(f, name))
        for a in f.areas:
            if not any((b.constituency_number, b.region_id, b.pct) == (a.constituency_number, a.region_id, a.pct)
                       for b in same.areas):
                same.areas.append(a)
        same.anomalies += [x for x in f.anomalies if x not in same.anomalies]
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
            if fig.end <= g[0].start < nxt and re.fullmatch(r"[^.;%]{0,70}", between) and re.search(
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
    return bool(re.search(r"(?:constituency|district|okrug\w*|округ\w*)\s*\S{0,30}\s*$", before[-60:], re.I))
