"""Turnout statements: how many voters had voted by an hour of polling day, overall and per area.

    "By the elections of early retired deputies of the Mejlis of Turkmenistan to 19 o'clock, there
     were voted 91,32% of voters. In the constituency 1 «Garaşsyzlyk» 91,84%, ..."

`parse_turnout(text)` reads the text as a sequence of mentions (a body being elected, an hour, a
percentage with the area it belongs to) and groups them into one statement per body and hour.
Numbers are kept exactly as printed; a figure whose area is cut off is not stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import parse_count, parse_pct
from .elections import bodies_in
from .regions import REGION_STEM, region_id

PCT = r"(\d{1,3}(?:[.,]\d{1,3})?)\s?(?:%|percent\b|per cent\b|göterim\w*|процент\w*)"
PCT_RE = re.compile(PCT, re.I)

HOUR_RES = [
    re.compile(r"\b(?:to|by|until|till|as of|at)\s+(?:the\s+)?(\d{1,2})(?:[:.]00)?\s*(?:o[’'`]?\s?clock|hours?|h\b|:00)", re.I),
    re.compile(r"\b(?:to|by|until|till|as of|at)\s+(?:the\s+)?(\d{1,2})[:.]00\b", re.I),
    re.compile(r"\bsagat\s+(\d{1,2})(?:[-:.]00)?\s*-?\s*(?:a|e|ä|ýa|ýe)?\s+(?:çenli|çenl)", re.I),
    re.compile(r"\bк\s+(\d{1,2})(?:[:.]00)?\s*час", re.I),
    re.compile(r"\bна\s+(\d{1,2})[:.]00\b", re.I),
]

CONSTITUENCY_RES = [
    # English: "constituency 1 «Garaşsyzlyk»", "the constituency #7 “Gunesh”", "election district No 7"
    re.compile(r"(?:constituency|election district|electoral district|district)\s*(?:#|№|No\.?)?\s*(\d{1,3})\s*[«\"“„']([^»\"”“']{1,40})[»\"”']", re.I),
    # Turkmen: "1-nji «Garaşsyzlyk» saýlaw okrugynda"
    re.compile(r"(\d{1,3})\s*-\s*nj[iyuü]\s*[«\"“]([^»\"”]{1,40})[»\"”]\s*saýlaw okrug", re.I),
    # Russian: "избирательному округу 54 “Байдак”", "округу № 54 «Байдак»"
    re.compile(r"округ\w*\s*(?:№\s*)?(\d{1,3})\s*[«\"“„]([^»\"”“]{1,40})[»\"”“]", re.I),
]
ABROAD_RE = re.compile(r"abroad|outside the country|foreign polling|daşary ýurt|за рубежом|за границей", re.I)
REGION_RE = re.compile(rf"(?:{REGION_STEM})", re.I)
FINAL_RE = re.compile(
    r"took part in the vot|took part in the election|final turnout|göterimine deňdir|göterimi(?:ne)? deň"
    r"|ses berişe gatnaşdy|приняли участие|составила|total number of (?:listed )?voters", re.I)
COUNT_NUM = r"\d{1,3}(?:(?:[ .,\u00a0]\d{3})+|\s*müň\s*\d{1,3})|\d+"
COUNTS_EN = re.compile(rf"({COUNT_NUM})\s+(?:out of|of)\s+({COUNT_NUM})\s+(?:registered\s+)?voters", re.I)


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


def _sentences(text: str) -> list[str]:
    # split after a full stop followed by a space and a capital, or at line breaks
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯÝŇŞÇÄÖÜŽ«“\"(])|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def _hour(sentence: str) -> int | None:
    for r in HOUR_RES:
        m = r.search(sentence)
        if m:
            h = int(m.group(1))
            return h if 0 <= h <= 24 else None
    return None


_REGION_TAIL = (r"(?:\w*)(?:\s+(?:velayat\w*|welaýat\w*|велаят\w*|şäher\w*|city|province|region|город\w*|etrap\w*))?"
                r"\s*(?:проголосовало|ses berdi)?\s*[–—:,\-]?\s*$")
_REGION_BEFORE = re.compile(rf"(?:по\s+(?:городу\s+)?|город\w*\s+)?\b(?:{REGION_STEM}){_REGION_TAIL}", re.I)
_CONSTITUENCY_TAIL = re.compile(r"[\s,–—:\-]*(?:saýlaw okrugynda|okrugynda|проголосовало)?[\s,–—:\-]*$", re.I)
_ABROAD_BEFORE = re.compile(r"(?:abroad|daşary ýurt\w*(?:\s+saýlaw\s+uçastok\w*)?|за рубежом(?:\s+проголосовало)?)\s*[–—:,\-]?\s*$", re.I)
_AFTER_REGION = re.compile(
    rf"\s*(?:of (?:the )?voters\s+)?(?:voted\s+)?in\s+(?:the\s+)?((?:{REGION_STEM})\w*(?:\s+(?:velayat|province|region|city))?)", re.I)
_AFTER_ABROAD = re.compile(r"\s*(?:of (?:the )?voters\s+)?(?:voted\s+)?(?:abroad|at (?:the )?polling stations abroad)", re.I)


def classify_figure(before: str, after: str) -> tuple[str, AreaFigure | None]:
    """What a percentage is: ('area', figure), ('abroad', None) or ('plain', None).

    `before` is the text since the previous figure, `after` the text that follows it. English
    writes the area after the figure ("84,65% in Balkan velayat"); Turkmen and Russian before it
    ("Ahal welaýatynda 97,68%", "По Ахалскому велаяту проголосовало 48,42%").
    """
    m = _AFTER_REGION.match(after)
    if m:
        return "area", AreaFigure(0.0, m.group(1).strip(), region_id=region_id(m.group(1)))
    if _AFTER_ABROAD.match(after):
        return "abroad", None
    window = before[-120:]
    best = None
    for r in CONSTITUENCY_RES:
        for c in r.finditer(window):
            best = c
    if best and _CONSTITUENCY_TAIL.fullmatch(window[best.end():]):
        return "area", AreaFigure(0.0, best.group(0).strip(), int(best.group(1)), best.group(2).strip())
    m = _REGION_BEFORE.search(window)
    if m:
        return "area", AreaFigure(0.0, m.group(0).strip(" ,–—:-"), region_id=region_id(m.group(0)))
    if _ABROAD_BEFORE.search(window):
        return "abroad", None
    return "plain", None


def parse_turnout(text: str) -> list[TurnoutFact]:
    """Every turnout statement in a text, one per body and hour (or final figure)."""
    facts: list[TurnoutFact] = []
    current: TurnoutFact | None = None
    body: str | None = None
    body_context = ""
    for sentence in _sentences(text):
        named = bodies_in(sentence)
        hour = _hour(sentence)
        pcts = list(PCT_RE.finditer(sentence))
        is_final_sentence = bool(FINAL_RE.search(sentence)) and hour is None
        if named:
            body = named[0][1]
            body_context = sentence
        if not pcts:
            if named:
                current = None
            continue
        if not _is_turnout_sentence(sentence, current):
            continue
        starts_new = current is None or (named and (hour is not None or is_final_sentence)) or (
            hour is not None and current.hour is not None and hour != current.hour)
        if starts_new and (hour is not None or is_final_sentence or (named and current is None)):
            current = TurnoutFact(body, hour, is_final_sentence and hour is None, context=body_context)
            facts.append(current)
        elif current is None:
            continue
        current.statement = (current.statement + " " + sentence).strip()
        prev_end = 0
        for m in pcts:
            value = parse_pct(m.group(1))
            before, after, prev_end = sentence[prev_end: m.start()], sentence[m.end():], m.end()
            if value is None:
                continue
            what, area = classify_figure(before, after)
            if what == "abroad":
                if current.abroad_pct is None:
                    current.abroad_pct = value
            elif what == "area":
                area.pct = value
                current.areas.append(area)
            elif current.overall_pct is None and not _dangling_area(before):
                current.overall_pct = value
        m = COUNTS_EN.search(sentence)
        if m and current.voted is None:
            current.voted, current.registered = parse_count(m.group(1)), parse_count(m.group(2))
    return [f for f in facts if f.overall_pct is not None or f.areas or f.abroad_pct is not None]


def _dangling_area(before: str) -> bool:
    """An area word right before a figure that we could not read (cut name): not an overall figure."""
    return bool(re.search(r"(?:constituency|district|okrug\w*|округ\w*)\s*\S{0,30}\s*$", before[-60:], re.I))


_TURNOUT_WORDS = re.compile(
    r"vot(?:ed|ing|ers)|turnout|ses ber|saýlawçy|проголосова|избирател|явк|took part|gatnaş", re.I)


def _is_turnout_sentence(sentence: str, current: TurnoutFact | None) -> bool:
    if _TURNOUT_WORDS.search(sentence):
        return True
    # continuation sentences list areas only ("In the constituency 1 «X» 91,84%, ...")
    return current is not None and bool(
        any(r.search(sentence) for r in CONSTITUENCY_RES) or REGION_RE.search(sentence))
