"""Regions of Turkmenistan (the five velayats and the cities with velayat status), across scripts."""
from __future__ import annotations

import re

# id, Turkmen name, English name, Russian name, pattern matching the stem in any script and case
REGIONS = [
    ("ahal", "Ahal welaýaty", "Ahal velayat", "Ахалский велаят", r"a[kh]?hal|ахал"),
    ("balkan", "Balkan welaýaty", "Balkan velayat", "Балканский велаят", r"balkan|балкан"),
    ("dashoguz", "Daşoguz welaýaty", "Dashoguz velayat", "Дашогузский велаят",
     r"da(?:ş|sh|s)oguz|dashhowuz|дашогуз"),
    ("lebap", "Lebap welaýaty", "Lebap velayat", "Лебапский велаят", r"lebap|лебап"),
    ("mary", "Mary welaýaty", "Mary velayat", "Марыйский велаят", r"mary|марый|мары"),
    ("ashgabat", "Aşgabat şäheri", "Ashgabat city", "город Ашхабад", r"a(?:ş|sh|s)gabat|ashkhabad|ашхабад"),
    ("arkadag", "Arkadag şäheri", "Arkadag city", "город Аркадаг", r"arkadag|аркадаг"),
]

REGION_STEM = "|".join(f"(?P<{rid}>{pat})" for rid, *_, pat in REGIONS)
_REGION_RE = re.compile(rf"\b(?:{REGION_STEM})", re.IGNORECASE)
REGION_NAMES = {rid: (tk, en, ru) for rid, tk, en, ru, _ in REGIONS}


def region_id(text: str) -> str | None:
    """'Ahal welaýatynda', 'Akhal velayat', 'Ахалскому велаяту' -> 'ahal'."""
    m = _REGION_RE.search(text)
    if not m:
        return None
    return next(k for k, v in m.groupdict().items() if v)


def region_name(rid: str) -> str:
    return REGION_NAMES[rid][0]
