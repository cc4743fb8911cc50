"""Entities: one person or organisation however it is spelled, with stable, readable ids.

People are keyed by the skeleton of their surname and their first initial, so that Alexei and
Alexey Gromov, Gulmyrat Myradov / Muradov / G. Muradov / Myradow / Гулмырат Мырадов are one
person. The key, not the spelling, makes the id (`muradov-g`), so a new spelling never changes it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from slugify import slugify

from .text import fold

# Russian case endings of surnames in -ov/-ev/-in (instrumental, dative, prepositional, genitive).
_RU_SURNAME_CASES = [("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ову", "ов"), ("еву", "ев"),
                     ("ове", "ов"), ("еве", "ев"), ("ого", "ий"), ("ым", ""), ]
_RU_FIRST_CASES = [("ом", ""), ("ем", "й"), ("ым", ""), ("у", ""), ("а", ""), ("ю", "й"), ("я", "й")]


def russian_nominative(name: str) -> str:
    """'Г.Мурадовым' -> 'Г.Мурадов'; 'Гулмыратом Мырадовым' -> 'Гулмырат Мырадов' (male -ov names)."""
    parts = name.split()
    out = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        low = part.lower()
        if last or re.search(r"ов\w*$|ев\w*$", low):
            for end, repl in _RU_SURNAME_CASES[:-1]:
                if low.endswith(end):
                    part = part[: len(part) - len(end)] + repl
                    break
        elif re.search(r"[а-я]$", low) and re.search(r"ым$|ом$|ем$", low) and len(parts) > 1:
            for end, repl in _RU_FIRST_CASES:
                if low.endswith(end):
                    part = part[: len(part) - len(end)] + repl
                    break
        out.append(part)
    return " ".join(out)


def surname_key(surname: str) -> str:
    """Skeleton of a surname across transliterations: Myradov/Muradov/Myradow/Мырадов -> 'muradov'."""
    k = fold(surname).replace(" ", "")
    k = k.replace("w", "v").replace("y", "u").replace("kh", "h").replace("j", "zh")
    k = re.sub(r"(iy|ii|yi|ij)$", "i", k)  # Guminskiy / Guminsky / Guminskii
    k = re.sub(r"ui$", "i", k)
    return k


@dataclass
class NameParts:
    first: str | None  # given name or initial(s)
    surname: str
    printed: str


INITIALS = re.compile(r"^((?:[A-ZА-ЯÝŇŞÇÄÖÜŽ]\.\s?){1,2})\s*(\S+)$")


def split_name(printed: str, surname_first: bool = False) -> NameParts:
    """'G. Myradov' / 'Gulmyrat Myradov' / 'Bazarow Rejep' (surname first) -> parts."""
    s = re.sub(r"\s+", " ", printed.strip())
    m = INITIALS.match(s)
    if m:
        return NameParts(m.group(1).replace(" ", ""), m.group(2), s)
    parts = s.split(" ")
    if len(parts) == 1:
        return NameParts(None, parts[0], s)
    if surname_first:
        return NameParts(" ".join(parts[1:]), parts[0], s)
    return NameParts(" ".join(parts[:-1]), parts[-1], s)


def person_key(parts: NameParts) -> str:
    initial = fold(parts.first)[:1] if parts.first else ""
    return f"{surname_key(parts.surname)}-{initial}" if initial else surname_key(parts.surname)


def person_id(parts: NameParts) -> str:
    return slugify(person_key(parts)) or "unknown"


def canonical_name(forms: list[tuple[str, str]]) -> str:
    """The best Latin form among (name, lang) spellings: full given name, English, given name first."""
    def score(f):
        name, lang = f
        latin = not re.search(r"[\u0400-\u04FF]", name)
        full = not INITIALS.match(name)
        return (latin, full, lang == "en", lang != "tk", len(name))
    name, lang = max(forms, key=score)
    if lang == "tk" and not INITIALS.match(name):
        pass
    return name


@dataclass
class Organization:
    id: str
    name: str
    abbreviation: str | None
    pattern: re.Pattern


def _org(id_, name, abbr, pattern):
    return Organization(id_, name, abbr, re.compile(pattern, re.I))


# Known organisations and their spellings in the three languages; order: most specific first.
ORGANIZATIONS = [
    _org("osce-odihr", "OSCE Office for Democratic Institutions and Human Rights", "OSCE/ODIHR",
         r"ODIHR|OSCE/ODIHR|(?:OSCE )?(?:bureau|office) for democratic institutions and human rights"
         r"|Бюро по демократическим институтам и правам человека|БДИПЧ|Demokratik institutlar we adam hukuklary"),
    _org("osce", "Organization for Security and Co-operation in Europe", "OSCE",
         r"\bOSCE\b|Organization for Security and Co-?operation in Europe|\bОБСЕ\b|\bÝHHG\b|Ýewropada howpsuzlyk we hyzmatdaşlyk"),
    _org("cis-executive-committee", "CIS Executive Committee", "CIS EC",
         r"Executive Committee of the CIS|CIS Executive Committee|Исполнительн\w+ комитет\w* СНГ|GDA-nyň Ýerine ýetiriji komiteti"),
    _org("cis", "Commonwealth of Independent States", "CIS",
         r"\bCIS\b|Commonwealth of Independent States|\bСНГ\b|Содружества Независимых Государств|\bGDA\b|Garaşsyz Döwletleriň Arkalaşygy"),
    _org("undp", "United Nations Development Programme", "UNDP",
         r"\bUNDP\b|United Nations Development Program|ПРООН|Программы развития ООН|Программы развития Организации Объединенных Наций|BMG-niň Ösüş maksatnamasy"),
    _org("un", "United Nations", "UN", r"\bUN\b|United Nations|\bООН\b|\bBMG\b|Birleşen Milletler"),
    _org("cec-turkmenistan", "Central Commission for Holding Elections and Referendums in Turkmenistan", "CEC",
         r"Central (?:Election|electoral) Commission|Central election commission|Commission for holding Elections and referendums"
         r"|Central Commission for (?:Holding )?Elections|\bCEC\b|Центральн\w+ (?:избирательн\w+ )?комисси\w*|\bЦИК\b"
         r"|Merkezi saýlaw topar\w*|merkezi topar\w*"),
    _org("supreme-electoral-council-turkey", "Supreme Electoral Council of the Republic of Turkey", "YSK",
         r"Supreme Electoral Council of the Republic of Turk|\bYSK\b"),
    _org("agrarian-party", "Agrarian Party of Turkmenistan", None, r"Agrarian Party|Аграрн\w+ парти|Agrar partiýa"),
    _org("democratic-party", "Democratic Party of Turkmenistan", None, r"Democratic Party|Демократическ\w+ парти|Demokratik partiýa"),
    _org("industrialists-entrepreneurs-party", "Party of Industrialists and Entrepreneurs of Turkmenistan", None,
         r"Party of industrialists and entrepreneurs|Партии промышленников и предпринимателей|Senagatçylar we telekeçiler partiýa"),
]


def organizations_in(text: str) -> list[tuple[Organization, str]]:
    """Known organisations named in a text, with the spelling found, most specific first."""
    found = []
    taken: list[tuple[int, int]] = []
    for org in ORGANIZATIONS:
        for m in org.pattern.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), org, m.group(0)))
    return [(org, printed) for _, org, printed in sorted(found, key=lambda t: t[0])]


def constituency_id(body: str, number: int) -> str:
    return f"{body}-{number}"


_CONSTITUENCY_LATIN = {
    # Cyrillic spellings of constituency names -> Turkmen Latin form
}


def constituency_name_latin(name: str) -> str:
    """Turkmen Latin form of a constituency name printed in any script ('Байдак' -> 'Baýdak' is not
    guessed: Cyrillic names are transliterated plainly, 'Baydak')."""
    if re.search(r"[\u0400-\u04FF]", name):
        return _translit_ru(name)
    return name


_RU_LAT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "w", "g", "d", "e", "ýo", "ž", "z", "i", "ý", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "ts", "ç", "ş", "ş", "", "y", "", "e", "ýu", "ýa"],
))


def _translit_ru(name: str) -> str:
    out = []
    for ch in name:
        low = ch.lower()
        rep = _RU_LAT.get(low)
        if rep is None:
            out.append(ch)
        else:
            out.append(rep.capitalize() if ch != low else rep)
    return "".join(out)


@dataclass
class Registry:
    """Collects entities while a load runs, so that every spelling lands on one id."""

    people: dict[str, dict] = field(default_factory=dict)  # id -> {"forms": [(name, lang)]}
    organizations: dict[str, dict] = field(default_factory=dict)

    def person(self, printed: str, lang: str, surname_first: bool = False) -> str:
        nominative = russian_nominative(printed) if lang == "ru" else printed
        parts = split_name(nominative, surname_first=surname_first)
        pid = person_id(parts)
        entry = self.people.setdefault(pid, {"forms": []})
        for form in {printed, nominative}:
            if (form, lang) not in entry["forms"]:
                entry["forms"].append((form, lang))
        if surname_first:
            entry.setdefault("display", []).append(f"{parts.first} {parts.surname}")
        return pid

    def person_alias(self, pid: str, printed: str, lang: str) -> None:
        """Another spelling of a known person, seen beside the first in the same text."""
        forms = self.people[pid]["forms"]
        if (printed, lang) not in forms:
            forms.append((printed, lang))

    def organization(self, org: Organization, printed: str, lang: str) -> str:
        entry = self.organizations.setdefault(org.id, {"org": org, "forms": []})
        if (printed, lang) not in entry["forms"]:
            entry["forms"].append((printed, lang))
        return org.id

    def person_rows(self):
        for pid, entry in sorted(self.people.items()):
            forms = entry["forms"]
            name = canonical_name(forms + [(d, "en") for d in entry.get("display", [])])
            yield {"id": pid, "name": name}, [
                {"person_id": pid, "name": n, "lang": lang} for n, lang in forms
            ]
