"""Results: who was elected in which constituency, as an item reports it.

Turkmen writes surname first: `1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – <occupation>`.
English: `in the “Gunesh” election district #7 of Ashgabat city – G.Mammedova, # 106 “Vekil” of Mary
velayat – G.Ataeva`. Russian: `по избирательному округу № 1 «Гарашсызлык» – Базаров Реджеп, <occupation>`.

An entry is a constituency (number and name), then the person elected, then (optionally) the
occupation, up to the next constituency or the end of the line. Whether the name is printed surname
first is read from the name itself (the word with the surname ending), and failing that from the
language (Turkmen and Russian lists put the surname first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .meetings import INIT, LO, UP, SURNAME_END, WORD, _is_not_name

QO = "«“„\"‘'‹"
QC = "»”“\"’'›"
_NAME_Q = rf"[{QO}]\s*([^{QC}\n]{{1,40}}?)\s*[{QC}]"
_ORD = r"(?:\s*-?\s*(?:nji|njy|nju|njü|st|nd|rd|th|й|му|го|ом)\b)?"
_NUMSIGN = r"(?:#|№|No\.?|N)"
_DISTRICT = (r"(?:constituency|election district|electoral district|district|saýlaw okrug\w*|okrug\w*"
             r"|(?:избирательн\w+\s+)?округ\w*)")
_REGION_OF = r"(?:\s+of\s+(?P<region>[A-Z][\w’' -]{1,30}?(?:velayat|province|city|etrap)))?"
# Each: (pattern, group of the number, group of the name)
ENTRY_RES = [
    # "1-nji «Garaşsyzlyk» saýlaw okrugy boýunça", "№54 «Байдак» избирательному округу"
    (re.compile(rf"(?:{_NUMSIGN}\s*)?(\d{{1,3}}){_ORD}\s*{_NAME_Q}\s*{_DISTRICT}{_REGION_OF}", re.I), 1, 2),
    # "constituency No. 1 «Garashsyzlyk»", "по избирательному округу № 1 «Гарашсызлык»"
    (re.compile(rf"{_DISTRICT}\s*{_NUMSIGN}?\s*(\d{{1,3}})\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "the 1st constituency «Garaşsyzlyk»", "54-му избирательному округу «Байдак»"
    (re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th|-?(?:й|му|го|ом|nji|njy))?\s+{_DISTRICT}\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "the “Gunesh” election district #7 of Ashgabat city"
    (re.compile(rf"{_NAME_Q}\s*{_DISTRICT}\s*{_NUMSIGN}?\s*(\d{{1,3}}){_REGION_OF}", re.I), 2, 1),
    # "# 106 “Vekil” of Mary velayat"
    (re.compile(rf"{_NUMSIGN}\s*(\d{{1,3}})\s*{_NAME_Q}{_REGION_OF}", re.I), 1, 2),
    # "1-nji Garaşsyzlyk saýlaw okrugy boýunça" (no quotes)
    (re.compile(rf"\b(\d{{1,3}}){_ORD}\s+([{UP}][{LO}]+(?:\s+[{UP}][{LO}]+)?)\s+saýlaw okrug\w*", re.I), 1, 2),
]
_LEAD = re.compile(
    r"^[\s,]*(?:saýlaw okrug\w*\s*)?(?:boýunça|boýunça saýlanan|boýunça saýlanyldy)?\s*(?:–|—|-|:|,)?\s*", re.I)
_NAME = re.compile(
    rf"^((?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})(?![{LO}])")
_ELECTED_BEFORE = re.compile(
    rf"((?:{INIT}){{1,3}}{WORD}|{WORD}(?:\s+{WORD}){{1,2}})\s+(?:was|has been|is)\s+elected\b[^.;]{{0,40}}?\b(?:in|from|for)\s+(?:the\s+)?$",
    re.I)


# Words that say the people listed were elected (not merely nominated or registered as candidates).
ELECTED_RE = re.compile(
    r"\belected\b|\bwon\b|saýlanyl|saýlanan|saýlandy|избран|победител", re.I)


@dataclass
class ElectedMember:
    constituency_number: int
    constituency_name: str
    name: str  # as printed
    surname_first: bool
    occupation: str | None
    region: str | None = None


def _entries(text: str) -> list[tuple[int, int, int, str, str | None]]:
    """(start, end, number, name, region) of every constituency mention, earliest pattern first."""
    found: list[tuple[int, int, int, str, str | None]] = []
    for pat, num_group, name_group in ENTRY_RES:
        for m in pat.finditer(text):
            if any(a <= m.start() < b or a < m.end() <= b for a, b, *_ in found):
                continue
            region = m.groupdict().get("region")
            found.append((m.start(), m.end(), int(m.group(num_group)), m.group(name_group).strip(),
                          region.strip() if region else None))
    return sorted(found)


def _surname_first(name: str, lang: str | None) -> bool:
    words = name.split()
    if re.match(rf"^(?:{INIT})+", name) or len(words) < 2:
        return False
    first, last = SURNAME_END.search(words[0]), SURNAME_END.search(words[-1])
    if first and not last:
        return True
    if last and not first:
        return False
    return lang in ("tk", "ru")


def _person_like(name: str) -> bool:
    words = [w for w in re.split(r"[\s.]+", name) if len(w) > 1]
    if not words or any(_is_not_name(w) for w in words):
        return False
    return bool(re.match(rf"^(?:{INIT})+", name)) or any(SURNAME_END.search(w) for w in words)


def parse_results(text: str, lang: str | None = None) -> list[ElectedMember]:
    """Every seat the text reports won, in order."""
    out: list[ElectedMember] = []
    entries = _entries(text)
    for k, (start, end, number, cname, region) in enumerate(entries):
        stop = entries[k + 1][0] if k + 1 < len(entries) else len(text)
        segment = text[end:stop].split("\n", 1)[0]
        lead = _LEAD.match(segment)
        rest = segment[lead.end():] if lead else segment
        m = _NAME.match(rest)
        name, occupation = None, None
        if m and _person_like(m.group(1)):
            name = m.group(1)
            occupation = re.sub(r"^\s*(?:–|—|-|:|,)\s*", "", rest[m.end():])
            occupation = re.sub(r"[\s,;]*(?:(?:in|and)\s+(?:the\s+)?)?$", "", occupation).strip(" ,;")
            occupation = occupation if occupation and not re.fullmatch(r"[\W\d]*", occupation) else None
        else:
            # "Rejep Bazarov was elected in the constituency No. 1 «Garashsyzlyk»"
            b = _ELECTED_BEFORE.search(text[max(0, start - 120):start])
            if b and _person_like(b.group(1)):
                name = b.group(1)
        if not name:
            continue
        if occupation and occupation.endswith(".") and not occupation.endswith(".."):
            occupation = occupation[:-1]
        out.append(ElectedMember(number, cname, name.strip(), _surname_first(name, lang), occupation, region))
    # one seat per constituency: several people under one number are a list of candidates
    counts: dict[int, set] = {}
    for m in out:
        counts.setdefault(m.constituency_number, set()).add(m.name)
    return [m for m in out if len(counts[m.constituency_number]) == 1]
