"""Search folding: turn what a person typed into an FTS5 query that finds every spelling.

The full-text index (`news_items_fts`, tokenizer `unicode61 remove_diacritics 2`) already folds
case and Turkmen letters (ý->y, ş->s, ç->c, ň->n, ä/ö/ü->a/o/u, ž->z) and Cyrillic й->и, ё->е.
This module adds what the index cannot do:

- prefixes: Turkmen adds suffixes to words, so every term is a prefix query (`saylaw` finds
  `Saýlawlary`);
- scripts: a Latin term also looks for its Cyrillic transliterations and a Cyrillic term for its
  Latin ones (`Myradov` finds `Мырадов`, `Мырадов` finds `Myradow`), plus the v/w spellings of
  English and Turkmen (`Myradov`, `Myradow`).

Pure functions, no I/O: `fts_query(text)` returns the FTS5 MATCH expression (or None when the
text has no searchable word); `skeleton(text)` gives a script-neutral key for matching names.
"""
from __future__ import annotations

import itertools
import re
import unicodedata

MAX_TERMS = 8
MAX_VARIANTS = 10  # spellings tried per term
MIN_PREFIX = 2  # shorter terms are matched whole

_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def fold(text: str) -> str:
    """Lower case without diacritics, as the FTS tokenizer sees it ('Saýlaw' -> 'saylaw', 'й' -> 'и')."""
    text = unicodedata.normalize("NFD", (text or "").casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


def terms(text: str) -> list[str]:
    """The folded words of a query, in order, without repeats, at most MAX_TERMS."""
    out: list[str] = []
    for word in _WORD.findall(fold(text)):
        word = word.replace("_", "")
        if word and word not in out:
            out.append(word)
    return out[:MAX_TERMS]


# Latin (folded) -> Cyrillic (folded): digraphs first; alternatives in order of likelihood.
_LAT_DIGRAPHS = {
    "shch": ["щ"], "sh": ["ш"], "ch": ["ч"], "zh": ["ж"], "kh": ["х"], "ts": ["ц", "тс"],
    "ya": ["я", "ыа"], "yu": ["ю", "ыу"], "yo": ["е", "ыо"], "ye": ["е", "ые"], "dj": ["дж"],
}
_LAT = {
    "a": ["а"], "b": ["б"], "c": ["ч", "ц", "к"], "d": ["д"], "e": ["е", "э"], "f": ["ф"], "g": ["г"],
    "h": ["х"], "i": ["и", "ы"], "j": ["дж", "ж"], "k": ["к"], "l": ["л"], "m": ["м"], "n": ["н"],
    "o": ["о"], "p": ["п"], "q": ["к"], "r": ["р"], "s": ["с", "ш"], "t": ["т"], "u": ["у", "ы"],
    "v": ["в"], "w": ["в"], "x": ["кс"], "y": ["ы", "и"], "z": ["з", "ж"],
}
# Latin spellings of one sound in English and Turkmen texts.
_LAT_LAT = {"v": ["v", "w"], "w": ["w", "v"]}
# Cyrillic (folded: й is и, ё is е) -> Latin (folded).
_CYR = {
    "а": ["a"], "б": ["b"], "в": ["v", "w"], "г": ["g"], "д": ["d"], "е": ["e", "ye"], "ж": ["zh", "z", "j"],
    "з": ["z"], "и": ["i", "y"], "к": ["k"], "л": ["l"], "м": ["m"], "н": ["n"], "о": ["o"], "п": ["p"],
    "р": ["r"], "с": ["s"], "т": ["t"], "у": ["u"], "ф": ["f"], "х": ["h", "kh"], "ц": ["ts", "c"],
    "ч": ["ch", "c"], "ш": ["sh", "s"], "щ": ["shch", "s"], "ъ": [""], "ы": ["y", "i", "u"], "ь": [""],
    "э": ["e"], "ю": ["yu"], "я": ["ya"], "ә": ["a"], "ө": ["o"], "ү": ["u"], "ң": ["n"], "җ": ["j"],
}


def _segments_latin_to_cyrillic(word: str) -> list[list[str]]:
    segs, i = [], 0
    while i < len(word):
        for size in (4, 2):
            chunk = word[i:i + size]
            if len(chunk) == size and chunk in _LAT_DIGRAPHS:
                segs.append(_LAT_DIGRAPHS[chunk])
                i += size
                break
        else:
            segs.append(_LAT.get(word[i], [word[i]]))
            i += 1
    return segs


def _cheapest(segments: list[list[str]], limit: int) -> list[str]:
    """Spellings built from per-segment alternatives, fewest non-first choices first."""
    choices = [i for i, alts in enumerate(segments) if len(alts) > 1]
    out: list[str] = []
    for cost in range(len(choices) + 1):
        for changed in itertools.combinations(choices, cost):
            pools = [alts[1:] if i in changed else alts[:1] for i, alts in enumerate(segments)]
            for combo in itertools.product(*pools):
                word = "".join(combo)
                if word and word not in out:
                    out.append(word)
                if len(out) >= limit:
                    return out
    return out


def variants(term: str, limit: int = MAX_VARIANTS) -> list[str]:
    """Folded spellings of one folded term in both scripts, the term itself first."""
    if term.isdigit():
        return [term]
    if _CYRILLIC.search(term):
        latin = _cheapest([_CYR.get(ch, [ch]) for ch in term], limit - 1)
        return [term] + [w for w in latin if w != term][: limit - 1]
    same = _cheapest([_LAT_LAT.get(ch, [ch]) for ch in term], 3)
    cyrillic = _cheapest(_segments_latin_to_cyrillic(term), limit - len(same))
    out = [term] + [w for w in same if w != term]
    return out + [w for w in cyrillic if w not in out]


def _fts_token(word: str, prefix: bool) -> str:
    return '"' + word.replace('"', "") + '"' + ("*" if prefix else "")


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every term (as a prefix, in any listed spelling) must occur.

    >>> fts_query("Myradov")
    '("myradov"* OR "myradow"* OR "мырадов"* OR ...)'
    """
    groups = []
    for term in terms(text):
        prefix = len(term) >= MIN_PREFIX
        alts = [_fts_token(v, prefix) for v in variants(term) if v]
        groups.append("(" + " OR ".join(alts) + ")")
    return " AND ".join(groups) or None


def skeleton(text: str) -> str:
    """Script-neutral key for names: Latin letters, v for w, u for y ('Мырадов', 'Myradow' -> 'muradov')."""
    out = []
    for ch in fold(text):
        if ch in _CYR:
            out.append(_CYR[ch][0])
        else:
            out.append(ch)
    s = "".join(out)
    s = s.replace("kh", "h").replace("w", "v").replace("y", "u")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()
