"""The kind of a news item, from its title and lead (first sentences), in any of the three languages.

Kinds: turnout, results, meeting, seminar, nomination, registration, early-voting, observers,
campaign, constituencies, commissions, law, holiday, head-of-state, other. Facts found in the item
(turnout figures, elected members) decide first; then the title; then the lead, where the kind named
first wins ("Состоялось заседание ..., на котором ... семинар" is a meeting). The lead (first
sentences) is used rather than the whole body, so that a passing mention ("during these meetings")
does not decide what the item is.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import sentence_break
from .hints import Hint, Scanned

KINDS = [
    "turnout", "results", "meeting", "seminar", "nomination", "registration", "early-voting",
    "observers", "campaign", "constituencies", "commissions", "law", "holiday", "head-of-state", "other",
]


def _re(*alternatives: str) -> re.Pattern:
    return re.compile("|".join(alternatives), re.IGNORECASE)


# (kind, pattern), in order of priority
RULES: list[tuple[str, re.Pattern]] = [
    ("turnout", _re(
        # polling-day voting, not early voting ("Early voting has ended" is early-voting)
        r"(?<!early )(?<!early-)\bvoting\b.{0,40}?\b(?:continues|has ended|is over|ended|completed|has been completed)",
        r"turnout",
        r"(?<!öň )ses beriş\w*\s+(?:dowam|tamamlan|jemlen)", r"(?<!öň )ses bermek\s+(?:dowam|tamamlan)",
        r"(?<!досрочное )голосование\s+(?:продолжается|завершено|завершилось|окончено)", r"явк[аиу]",
        r"\bto \d{1,2} o.clock.{0,60}voted", r"sagat \d{1,2}\S* çenli", r"к \d{1,2} час\w* проголосова",
    )),
    ("results", _re(
        r"elected (?:deputies|members)", r"(?:deputies|members|candidates) (?:who were )?elected\b", r"were elected as",
        r"results of the elections?", r"election results", r"final results", r"preliminary results",
        r"saýlanylan deputat", r"saýlanan deputat", r"saýlaw\w* netije", r"deslapky netije", r"jemleýji netije", r"saýlanyldy",
        r"итоги выбор", r"избранн\w* депутат", r"результат\w* выбор", r"избраны",
    )),
    ("seminar", _re(
        r"seminar", r"семинар", r"workshop", r"тренинг", r"treniň", r"okuw\w*[- ]maslahat", r"okuw\w* geçiril", r"okuw sapak", r"training (?:session|course)",
        r"trainings? (?:was|were) held", r"обучающ\w+ (?:занят|курс)", r"учебн\w+ (?:занят|курс)",
    )),
    # the campaign's stage of meetings, as a whole, is not one meeting
    ("campaign", _re(
        r"pre-?election meetings", r"campaign meetings", r"предвыборн\w+ встреч\w*", r"агитационн\w+ встреч\w*",
        r"saýlaw\s*öňü\w* duşuşyk\w*", r"saýlawçylar bilen duşuşyklar\w* tamamlan",
    )),
    ("meeting", _re(
        r"\bdelegation\b[^.]{0,160}?\bvisited\b", r"\bvisit of (?:a|the) delegation", r"делегаци\w+[^.]{0,160}?посетил\w*",
        r"wekiliýeti[^.]{0,160}?(?:sapar|boldy)",
        r"\b(?:a|the) meeting\b", r"^meetings?\b", r"\bmeetings? (?:of|with)\b", r"\bmet (?:with)?\b", r"\bmeets\b", r"\bheld talks\b", r"\bnegotiations\b",
        r"session of the (?:central )?(?:election )?commission", r"the session\b", r"videoconference",
        r"встреч[аеиу]", r"заседани", r"совещани", r"переговор",
        r"duşuşyk", r"duşuşyg", r"duşuşd", r"toparynyň mejlisi", r"mejlisi geçirildi", r"gepleşik", r"wideoaragatnaşyk",
    )),
    ("nomination", _re(r"nominat", r"hödürle", r"выдвижени", r"выдвинут")),
    ("registration", _re(
        r"registration of (?:the )?candidates", r"registered as candidates", r"candidates? (?:were|was|are) registered",
        r"bellige al", r"регистрац")),
    ("early-voting", _re(r"early voting", r"möhletinden öň ses", r"досрочн\w* голосован")),
    ("observers", _re(r"observer", r"synçy", r"наблюдател")),
    ("campaign", _re(r"campaign", r"preaching", r"election season", r"wagyz", r"агитац", r"предвыборн")),
    ("constituencies", _re(r"constituenc", r"election district", r"saýlaw okrug", r"избирательн\w* округ")),
    ("commissions", _re(
        r"election commissions? (?:are|have been|were|is)", r"(?:election|electoral) commissions? (?:have been )?(?:formed|re-?established)",
        r"saýlaw toparlary\w* (?:düz|döred)", r"избирательн\w* комисси\w* (?:сформир|образ)")),
    ("law", _re(
        r"Law of Turkmenistan\s*[“«\"]", r"\bLaw\s*[“«\"]On\b", r"\blaw (?:was|has been) (?:adopted|signed)",
        r"amendments? (?:and additions )?to the (?:Electoral )?Code", r"[»”\"]\s+Kanuny", r"kanuny? kabul",
        r"Закон\w* Туркменистана\s*[«“\"]", r"закон\w* (?:был )?принят", r"изменени\w+ (?:и дополнени\w+ )?в (?:Избирательный )?кодекс",
    )),
    ("holiday", _re(
        r"\bholiday\b", r"national day", r"Independence Day", r"congratulat", r"baýramy\b", r"baýramçylyk", r"gutlag",
        r"праздник", r"поздравл")),
    ("head-of-state", _re(
        r"working visit", r"iş saparyny", r"рабоч\w+ визит\w*", r"açylyş dabara", r"opening ceremon", r"церемони\w+ открыт",
    )),
]

# For each rule of RULES, in the same order: words one of which every match of its pattern contains
# (etl.facts.hints; tests/test_hints.py checks them against every alternative).
# RULES scanned over the folded text where they can be (etl.facts.hints.Scanned), in the same order
_RULE_SCANS = [Scanned.where_possible(pattern) for _, pattern in RULES]


RULE_HINTS: list[Hint] = [
    Hint(("voting", "turnout", "ses ber", "голосование", "явк", "voted", "sagat", "проголосова")),
    Hint(("elected", "result", "saýla", "netije", "итоги", "избран", "результат")),
    Hint(("seminar", "семинар", "workshop", "тренинг", "treniň", "okuw", "training", "обучающ", "учебн")),
    Hint(("meetings", "предвыборн", "агитационн", "duşuşyk")),
    Hint(("delegation", "делегаци", "wekiliýeti", "meet", "met ", "held talks", "negotiations", "session",
          "videoconference", "встреч", "заседани", "совещани", "переговор", "duşuş", "mejlisi", "gepleşik",
          "wideoaragatnaşyk")),
    Hint(("nominat", "hödürle", "выдви")),
    Hint(("registration", "registered", "bellige al", "регистрац")),
    Hint(("early voting", "möhletinden öň ses", "досрочн")),
    Hint(("observer", "synçy", "наблюдател")),
    Hint(("campaign", "preaching", "election season", "wagyz", "агитац", "предвыборн")),
    Hint(("constituenc", "election district", "saýlaw okrug", "избирательн")),
    Hint(("commission", "saýlaw toparlary", "комисси")),
    Hint(("law", "amendment", "kanun", "закон", "изменени")),
    Hint(("holiday", "national day", "independence day", "congratulat", "baýram", "gutlag", "праздник", "поздравл")),
    Hint(("working visit", "iş saparyny", "рабоч", "açylyş dabara", "opening ceremon", "церемони")),
]

LEAD_CHARS = 500


def lead(text: str, chars: int = LEAD_CHARS) -> str:
    return (text or "")[:chars]


# A meeting announced for later is news of a date, not the report of a meeting
_FUTURE = _re(r"\bwill be held\b", r"\bis (?:to be|scheduled to be) held\b", r"\bis scheduled\b", r"\bnext meeting\b",
              r"состоится", r"будет проведен\w*", r"geçiriler\b", r"geçiriljek")
_FUTURE_SCAN = Scanned.of(_FUTURE)  # scanned over the folded text (etl.facts.hints)
# (?<=[.!?])\s+(?=[A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ«“\"])|\n+
_SENTENCE_END = sentence_break("A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ«“\"")


def _first_sentences(text: str, count: int) -> str:
    return " ".join(_SENTENCE_END.split(lead(text).strip())[:count])


@lru_cache(maxsize=2048)  # pure; titles and leads repeat across items
def _kind_in(probe: str) -> str | None:
    """The kind named first in a passage; a meeting told in the future tense does not count."""
    best: tuple[int, int, str] | None = None
    for rank, (kind, pattern) in enumerate(RULES):
        if not RULE_HINTS[rank].may_match(probe):
            continue  # the pattern cannot match
        for m in _RULE_SCANS[rank].finditer(probe):
            if kind == "meeting" and _FUTURE_SCAN.search(_sentence_around(probe, m.start())):
                continue
            if best is None or (m.start(), rank) < best[:2]:
                best = (m.start(), rank, kind)
            break
    return best[2] if best else None


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = min([i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0] or [len(text)])
    return text[start:end]


def classify(title: str | None, text: str | None, has_turnout: bool = False, has_results: bool = False) -> str:
    """The kind of an item, by what it is mainly about.

    Facts found in it decide first: who was elected (elected members, candidates' shares) makes a
    results item; turnout figures without them make a turnout item, whatever its title calls them
    ("Results of the elections" that give only the turnout). Then the title; then the lead: the
    first sentence when the item has a title, the first two when it has none, so that a word in
    passing further down ("announced at a meeting on 13 February") does not decide.
    """
    if has_results:
        return "results"
    if has_turnout:
        return "turnout"
    if title:
        kind = _kind_in(title)
        if kind:
            return kind
    probe = _first_sentences(text or "", 1 if title else 2)
    return _kind_in(probe) or "other"
