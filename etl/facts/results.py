"""Results: who was elected in which constituency, as an item reports it.

Turkmen writes surname first: `1-nji «Garaşsyzlyk» saýlaw okrugy boýunça Bazarow Rejep – <occupation>`.
English: `in the “Gunesh” election district #7 of Ashgabat city – G.Mammedova`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

NAME_TK = r"[A-ZÝŇŞÇÄÖÜŽ][a-zýňşçäöüž]+(?:ow|ew|owa|ewa|ýew|ýewa|yýew|ov|ev|ova|eva|ýew)\s+[A-ZÝŇŞÇÄÖÜŽ][a-zýňşçäöüž]+"
NAME_INITIALS = r"(?:[A-ZÝŇŞÇÄÖÜŽ]\.\s?){1,2}[A-ZÝŇŞÇÄÖÜŽ][a-zýňşçäöüž]+"

TK_RESULT = re.compile(
    rf"(\d{{1,3}})\s*-\s*nj[iyuü]\s*[«\"“]([^»\"”]{{1,40}})[»\"”]\s*saýlaw okrugy\s+boýunça\s+"
    rf"({NAME_TK}|{NAME_INITIALS})\s*[–—-]\s*([^\n]*?)(?=\s*\d{{1,3}}\s*-\s*nj[iyuü]\s*[«\"“]|$|\n)",
)
EN_RESULT = re.compile(
    rf"[«\"“]([^»\"”]{{1,40}})[»\"”]\s*(?:election district|constituency|electoral district)\s*(?:#|№|No\.?)\s*(\d{{1,3}})"
    rf"(?:\s+of\s+([A-Z][\w ]{{1,30}}?(?:velayat|city)))?\s*[–—-]\s*({NAME_INITIALS}|[A-Z][a-z]+ [A-Z][a-z]+)",
)
EN_RESULT_NUM_FIRST = re.compile(
    rf"#\s*(\d{{1,3}})\s*[«\"“]([^»\"”]{{1,40}})[»\"”](?:\s+of\s+([A-Z][\w ]{{1,30}}?(?:velayat|city)))?\s*[–—-]\s*"
    rf"({NAME_INITIALS}|[A-Z][a-z]+ [A-Z][a-z]+)",
)


@dataclass
class ElectedMember:
    constituency_number: int
    constituency_name: str
    name: str  # as printed
    surname_first: bool
    occupation: str | None
    region: str | None = None


def parse_results(text: str) -> list[ElectedMember]:
    out: list[ElectedMember] = []
    for m in TK_RESULT.finditer(text):
        # a cut occupation keeps its "..." so that readers see it is incomplete
        occupation = m.group(4).strip(" ,;") or None
        out.append(ElectedMember(int(m.group(1)), m.group(2).strip(), m.group(3).strip(), True, occupation))
    for m in EN_RESULT.finditer(text):
        out.append(ElectedMember(int(m.group(2)), m.group(1).strip(), m.group(4).strip(), False, None, m.group(3)))
    for m in EN_RESULT_NUM_FIRST.finditer(text):
        out.append(ElectedMember(int(m.group(1)), m.group(2).strip(), m.group(4).strip(), False, None, m.group(3)))
    return out
