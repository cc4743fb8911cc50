"""The kind of a news item, from its title and lead (first sentences), in any of the three languages.

Kinds: turnout, results, meeting, seminar, nomination, registration, early-voting, observers,
campaign, constituencies, commissions, law, other. The lead is used rather than the whole body, so
that a passing mention ("during these meetings") does not decide what the item is.
"""
from __future__ import annotations

import re

KINDS = [
    "turnout", "results", "meeting", "seminar", "nomination", "registration", "early-voting",
    "observers", "campaign", "constituencies", "commissions", "law", "other",
]

# (kind, pattern over title + lead), first match wins
RULES: list[tuple[str, re.Pattern]] = [
    ("turnout", re.compile(
        r"voting (?:continues|has ended|is over)|turnout|ses beriş\w* (?:dowam|tamamlan)|голосование (?:продолжается|завершено)"
        r"|явк|\bto \d{1,2} o.clock.{0,60}voted|sagat \d{1,2}\S* çenli|к \d{1,2} час\w* проголосова", re.I)),
    ("results", re.compile(
        r"elected (?:deputies|members)|results of the election|election results|saýlanylan deputat|saýlanan deputat"
        r"|saýlaw\w* netije|итоги выбор|избранн\w* депутат|результат\w* выбор", re.I)),
    ("seminar", re.compile(r"seminar|семинар|okuw\w*[- ]maslahat|okuw\w* geçirildi|training session|trainings? (?:was|were) held", re.I)),
    ("meeting", re.compile(
        r"\b(?:a|the) meeting\b|\bmet (?:with)?\b|\bmeets\b|session of the (?:central )?(?:election )?commission|the session\b"
        r"|встреч[аи]|заседани|совещани|duşuşyk|mejlisi geçirildi|maslahaty geçirildi|gepleşik", re.I)),
    ("nomination", re.compile(r"nominat|hödürle|выдвижени", re.I)),
    ("registration", re.compile(r"registration of (?:the )?candidates|registered as candidates|bellige al|регистрац", re.I)),
    ("early-voting", re.compile(r"early voting|möhletinden öň ses|досрочн\w* голосован", re.I)),
    ("observers", re.compile(r"observer|synçy|наблюдател", re.I)),
    ("campaign", re.compile(r"campaign|preaching|election season|wagyz|агитац|предвыборн", re.I)),
    ("constituencies", re.compile(r"constituenc|saýlaw okrug|избирательн\w* округ", re.I)),
    ("commissions", re.compile(r"election commissions? (?:are|have been|were)|saýlaw toparlary|избирательн\w* комисси\w* (?:сформир|образ)", re.I)),
    ("law", re.compile(r"\blaw\b|code of turkmenistan|kanun|kodeks|закон|кодекс", re.I)),
]

LEAD_CHARS = 500


def lead(text: str, chars: int = LEAD_CHARS) -> str:
    return (text or "")[:chars]


def classify(title: str | None, text: str | None, has_turnout: bool = False, has_results: bool = False) -> str:
    """The kind of an item; facts found in it (turnout figures, elected members) decide first."""
    if has_turnout:
        return "turnout"
    if has_results:
        return "results"
    probe = f"{title or ''}\n{lead(text or '')}"
    for kind, pattern in RULES:
        if pattern.search(probe):
            return kind
    return "other"
