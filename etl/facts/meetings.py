"""Meetings: when and where one was held, and who took part, with role and organisation.

    "During the visit on November 29, 2022, a meeting was held at the office of ... with the
     participation of Alexei Gromov, senior advisor of the OSCE bureau for Democratic institutions
     and human rights, and Hamadziripi Munikva, advisor of ..."

A person is a run of two or three capitalised words (or initials and a surname) that either has a
surname ending (-ov, -ev, -ow, -ew, -ova, ...) or stands next to a role ("advisor", "chairman",
"председатель", "başlygy"). Everything here is pure: text in, records out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..dates import dates_in_text

UP = "A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ"
LO = "a-zß-öø-ÿýňşçäöüžа-яё"
WORD = rf"[{UP}][{LO}]+(?:-[{UP}]?[{LO}]+)?"
INIT = rf"[{UP}]\.\s?"
NAME_RE = re.compile(rf"(?<![{UP}{LO}.])(?:(?:{INIT}){{1,2}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})")

SURNAME_END = re.compile(
    r"(?:ov|ev|ova|eva|ow|ew|owa|ewa|yev|yeva|iyev|skiy|sky|skii|ski|enko|uk|yan|ian|dze|shvili|ev|in|ina"
    r"|ов|ев|ова|ева|ин|ина|ский|ская|енко|ым|ом|овым|евым|ову|еву)$", re.I)

ROLE_WORDS = (
    r"advis[eo]r|chairm[ae]n|chairwoman|chair|head|deputy|director|minister|ambassador|coordinator|representative"
    r"|member|secretary|officer|expert|specialist|chief|resident representative|candidate|consultant|envoy|president"
    r"|leader|rector|manager|observer|coordinator|counsellor|counselor|attach[eé]"
    r"|председател\w*|заместител\w*|руководител\w*|посол|постоянн\w+ представител\w*|представител\w*|советник\w*"
    r"|координатор\w*|директор\w*|глав\w+|член\w*|секретар\w*|эксперт\w*|специалист\w*|начальник\w*|кандидат\w*"
    r"|başlyg\w*|orunbasar\w*|ýolbaşçy\w*|wekil\w*|ilçi\w*|geňeşçi\w*|agza\w*|sekretar\w*|hünärmen\w*|müdir\w*|dalaşgär\w*"
)
ROLE_AFTER = re.compile(rf"^\s*,\s*((?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){{0,3}}?(?:{ROLE_WORDS})\b[^,;.()]*(?:,\s*(?:as well as\s+)?[^,;.()]{{0,80}})?)", re.I)
ROLE_BEFORE = re.compile(rf"((?:{ROLE_WORDS})\b[^,;.()]{{0,160}}?)\s*,?\s*$", re.I)

# Capitalised words that are never part of a person's name.
NOT_NAMES = set("""
The A An And Of In On At To For With By From During After Before As It This That These Those Our Their His Her
Central Election Elections Electoral Commission Committee Commissions Committees Referendums Referendum Holding
Turkmenistan Turkmen Turkey Russia Russian Federation Republic Kazakhstan Uzbekistan Azerbaijan Belarus Armenia
Kyrgyzstan Tajikistan Moldova Italy China Japan Korea United Nations States Kingdom Europe European Asia Asian
Organization Organisation Security Cooperation Co-operation Office Bureau Institutions Democratic Human Rights
Institute State Law Democracy Ministry Justice Television Radio Cinematography News Agency Political Parties
Public Organizations Mejlis Milli Gengesh Halk Maslahaty Maslahat President Prime Minister Cabinet Ministers
Hero Arkadag Arkadagly Serdar Esteemed National Leader People Chairman Head Deputy Advisor Senior Executive
Ashgabat Ahal Balkan Dashoguz Lebap Mary Arkadag Velayat Velayats Etrap City Town Township Programme Program
Development Mission Observation Observer Observers International Independent Commonwealth Supreme Council
Electoral Agrarian Party Industrialists Entrepreneurs Trade Union Unions Women Youth Magtymguly Union
January February March April May June July August September October November December Monday Tuesday
Wednesday Thursday Friday Saturday Sunday Constitution Code Article Resolution Decree Parliament Government
Embassy Consulate Delegation Heads Members Representatives Department Division Section Apparatus Diwan
Türkmenistanyň Türkmenistanda Merkezi Saýlaw Topar Toparynyň Prezidenti Prezidentimiz Hormatly Mejlisiň
Центральной Центральная Комиссии Комиссия Туркменистана Туркменистан Выборов Референдумов Президент Президента
Меджлиса Меджлис Халк Программы Развития Организации Объединенных Наций Бюро Посольства Республики
""".split())


@dataclass
class Participant:
    name: str  # as printed
    role: str | None
    organization_text: str | None  # the words that name the organisation, from the role
    aliases: list[str] = field(default_factory=list)  # other spellings of the same person in the text


@dataclass
class MeetingFact:
    held_on: date | None
    place: str | None
    participants: list[Participant] = field(default_factory=list)


MEETING_SENTENCE = re.compile(
    r"\bmeeting\b|\bmet\b|\bmeets\b|session|встреч|заседани|совещани|duşuşyk|mejlis(?:i)? geçiril|gepleşik|maslahat", re.I)
HELD = re.compile(r"was held|were held|took place|held|met|состоял|прошл|проведен|geçirildi|boldy", re.I)
PLACE_RES = [
    re.compile(r"(?:was held|took place|were held|met)\s+(?:at|in)\s+(the\s+(?:office|building|premises|hall|headquarters)[^,;]{0,160}?)(?=\s+with\b|,|;|\.(?:\s|$))", re.I),
    re.compile(r"^(?:In|At)\s+(?:a|the)\s+((?:[\w-]+\s+){0,3}(?:hall|building|office|premises|theatre|theater|centre|center)[^,;]{0,120}),", re.I),
    re.compile(r"\bв\s+(здании\s+[^,;.]{0,160})", re.I),
    re.compile(r"([^,;.]{0,80}\b(?:binasynda|zalynda|edarasynda))\b", re.I),
]


def _looks_like_person(name: str, before: str, after: str) -> bool:
    tokens = name.replace(".", ". ").split()
    words = [t for t in tokens if not t.endswith(".")]
    if not words or any(w in NOT_NAMES for w in words):
        return False
    if any(w.isupper() and len(w) > 1 for w in words):
        return False
    if SURNAME_END.search(words[-1]) or (len(tokens) > len(words)):  # surname ending, or initials
        return True
    return bool(ROLE_AFTER.match(after) or ROLE_BEFORE.search(before[-120:]))


def people_in(sentence: str) -> list[Participant]:
    """People named in a sentence, each with the role and organisation words next to it."""
    out: list[Participant] = []
    for m in NAME_RE.finditer(sentence):
        name = m.group(0)
        before, after = sentence[: m.start()], sentence[m.end():]
        # trim leading capitalised non-name words ("Chairman Gulmyrat Myradov" -> "Gulmyrat Myradov")
        toks = name.split()
        while len(toks) > 1 and toks[0] in NOT_NAMES:
            before = before + toks[0] + " "
            toks = toks[1:]
        name = " ".join(toks)
        if len(toks) == 1 and "." not in name:
            continue
        if not _looks_like_person(name, before, after):
            continue
        role = None
        ra = ROLE_AFTER.match(after)
        rb = ROLE_BEFORE.search(before[-200:])
        if ra:
            role = ra.group(1)
        elif rb:
            role = rb.group(1)
        if role:
            role = re.sub(r"\s+", " ", role).strip(" ,")
            role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)
            role = re.sub(r",\s*(?:as well as|and)\b.*$|\s+(?:as well as|who|which|with)\b.*$", "", role, flags=re.I)
            role = role.strip(" ,") or None
        if any(p.name == name for p in out):
            continue
        out.append(Participant(name, role, _org_words(role)))
    return out


def _org_words(role: str | None) -> str | None:
    if not role:
        return None
    m = re.search(r"\b(?:of|at|from)\s+(?:the\s+)?(.+)$", role, re.I)
    if m:
        return m.group(1).strip()
    return role


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZА-ЯÝŇŞÇÄÖÜŽ«“\"(0-9])|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def parse_meeting(text: str, published: date | None = None) -> MeetingFact | None:
    """The meeting an item reports, with its day, place and participants; None if there is none."""
    sentences = _sentences(text)
    meeting_idx = [i for i, s in enumerate(sentences) if MEETING_SENTENCE.search(s)]
    if not meeting_idx:
        return None
    held_on = None
    for i in meeting_idx:
        s = sentences[i]
        if HELD.search(s):
            ds = dates_in_text(s)
            if ds:
                held_on = ds[-1] if len(ds) > 1 and "during" not in s.lower()[:40] else ds[-1]
                break
    place = None
    for i in meeting_idx:
        for r in PLACE_RES:
            m = r.search(sentences[i])
            if m:
                place = re.sub(r"\s+", " ", m.group(1)).strip(" ,")
                break
        if place:
            break
    participants: list[Participant] = []
    seen_keys: set[str] = set()
    for s in sentences:
        for p in people_in(s):
            key = p.name.split()[-1].lower()
            if key in seen_keys:
                # a later mention may carry a role the first did not
                for q in participants:
                    if q.name.split()[-1].lower() == key:
                        if p.name != q.name and p.name not in q.aliases:
                            q.aliases.append(p.name)
                        if not q.role and p.role:
                            q.role, q.organization_text = p.role, p.organization_text
                continue
            seen_keys.add(key)
            participants.append(p)
    return MeetingFact(held_on, place, participants)
