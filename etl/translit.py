"""The one transliteration of the archive: Cyrillic, Latin and Turkmen Latin spellings of one word.

Everything that compares or converts spellings across scripts lives here, so that an entity's id,
a search and a site page agree on what is "the same name":

- `fold(text)`: lower-case ASCII skeleton of any text ('Garaşsyzlyk' -> 'garassyzlyk', 'Мырадов' ->
  'myradow'), the base of every comparison;
- `skeleton(text)`: the key of a name across transliterations, word by word: Myradov / Muradov /
  Myradow / Мырадов -> 'muradov', Джумаев / Jumaev / Dzhumaev -> 'jumaev'. Entity ids are made of it;
- `latin_english(name)` / `turkmen_latin(name)`: a Russian spelling in English-style or Turkmen Latin
  letters, for display ('Нарине Саакян' -> 'Narine Saakyan'; 'Чарыев' -> 'Çaryew');
- `terms`, `variants`, `fts_query`: what a person typed, as an FTS5 query that finds every spelling.

Pure functions, no I/O.
"""
from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

# Cyrillic (Russian and Turkmen Cyrillic) -> the Latin letters `fold` uses
_CYR_TO_LAT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәөүңҗ",
    ["a", "b", "w", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya", "a", "o", "u",
     "n", "j"],
))


_CYR_TABLE = str.maketrans(_CYR_TO_LAT)
_CYR_ANY = re.compile("[\u0400-\u04ff]")  # every letter _CYR_TABLE changes is in this block
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# a byte of a text's UTF-8 as _alnum_words sees it: a-z and 0-9 kept, any other byte (every byte of
# a non-ASCII character among them) a space
_ALNUM_OR_SPACE = bytes(c if (0x61 <= c <= 0x7A or 0x30 <= c <= 0x39) else 0x20 for c in range(256))


@lru_cache(maxsize=1 << 14)  # pure; titles and names are folded again and again
def fold(text: str | None) -> str:
    """Lower-case ASCII skeleton, across Latin and Cyrillic spellings ('Garaşsyzlyk' -> 'garassyzlyk').

    The same as `_NOT_ALNUM.sub(" ", _COMBINING.sub("", NFKD(casefold(text).translate(_CYR_TABLE))))
    .strip()`, the steps that cannot change the text skipped (see `_to_latin`, `_alnum_words`)."""
    text = (text or "").casefold()
    if not text.isascii():
        text = _to_latin(text)
    return _alnum_words(text)


def _to_latin(text: str) -> str:
    """Cyrillic letters transliterated (only when the text has some: otherwise the table changes
    nothing), then decomposed (NFKD) and the combining marks dropped (only when non-ASCII is left:
    NFKD leaves ASCII as it is, and no combining mark is ASCII)."""
    if _CYR_ANY.search(text):
        text = text.translate(_CYR_TABLE)
        if text.isascii():
            return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def _alnum_words(text: str) -> str:
    """`_NOT_ALNUM.sub(" ", text).strip()`: the runs of a-z and 0-9, one space between them. Done on
    the UTF-8 bytes: every other character, however many bytes it takes, becomes spaces there, and
    splitting at the spaces drops them as the regex with strip() does."""
    raw = text.encode("utf-8", "surrogatepass").translate(_ALNUM_OR_SPACE)
    return " ".join(raw.decode("ascii").split())


def skeleton(text: str) -> str:
    """The spelling-free key of a name, word by word, across Latin, Turkmen Latin and Cyrillic:
    Myradov / Muradov / Myradow / Мырадов / Мурадов -> 'muradov'; Guminskiy / Guminsky / Гуминский ->
    'gumunski'; Ataýewa / Ataeva / Атаева -> 'ataeva'; Khalmyradov / Halmyradow; Джумаев / Jumaev."""
    return " ".join(_word_skeleton(w) for w in fold(text).split())


def name_key(name: str) -> str:
    """The skeleton of a name as one word ('Hoja-Muhammedov' -> 'hojamuhamedov'): entity ids use it."""
    return _word_skeleton(fold(name).replace(" ", ""))


@lru_cache(maxsize=1 << 14)  # pure; the same names are keyed again and again
def _word_skeleton(k: str) -> str:
    k = k.replace("dzh", "j").replace("dj", "j").replace("zh", "j").replace("kh", "h").replace("ch", "c").replace("sh", "s")
    k = k.replace("x", "ks").replace("w", "v").replace("q", "k")
    k = re.sub(r"(?:skiy|skii|skij|sky|skyi)$", "ski", k)
    k = re.sub(r"(?:iy|ii|ij)$", "i", k)
    k = re.sub(r"(?<=[aeiouy])y(?=e)", "", k)  # Ataýewa / Ataeva, Annayev / Annaev
    # Turkmen y and i, Russian ы and English y, i or u are one vowel inside a name: Myradov / Muradov /
    # Мырадов, Berdimuhamedow / Berdymukhamedov / Бердымухамедов; a first letter stays (Yazmyradov)
    k = re.sub(r"(?<=[^aeiou])i(?=[^aeiou])", "u", k)
    k = k[:1] + k[1:].replace("y", "u")
    k = re.sub(r"(.)\1+", r"\1", k)  # Mammedova / Mamedova
    return k


# Russian spellings in Latin letters, for display: English style and Turkmen Latin
_RU_LATIN_ENGLISH = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def transliterate(name: str, table: dict[str, str]) -> str:
    """Cyrillic letters replaced by `table`'s Latin ones, keeping capitals; other characters kept."""
    out = []
    for ch in name:
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
        else:
            out.append(rep.capitalize() if ch != low else rep)
    return "".join(out)


def latin_english(name: str) -> str:
    """A Russian spelling of a name in plain Latin letters ('Нарине Саакян' -> 'Narine Saakyan')."""
    return transliterate(name, _RU_LATIN_ENGLISH)


_RU_TURKMEN_LATIN = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "w", "g", "d", "e", "ýo", "ž", "z", "i", "ý", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "h", "ts", "ç", "ş", "ş", "", "y", "", "e", "ýu", "ýa"],
))


def turkmen_latin(name: str) -> str:
    """A Russian spelling in Turkmen Latin letters ('Чарыев' -> 'Çaryew')."""
    return transliterate(name, _RU_TURKMEN_LATIN)


# ---------------------------------------------------------------------------------------------
# Search: what a person typed, as an FTS5 query over the index's folding (`unicode61
# remove_diacritics 2` folds case and Turkmen letters, й->и, ё->е); this adds prefixes (Turkmen
# suffixes: `saylaw` finds `Saýlawlary`) and the other script's spellings (`Myradov` finds `Мырадов`).

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_fold(text: str) -> str:
    """Lower case without diacritics, as the FTS tokenizer sees it ('Saýlaw' -> 'saylaw', 'й' -> 'и')."""
    text = unicodedata.normalize("NFD", (text or "").casefold())
    return unicodedata.normalize("NFC", "".join(ch for ch in text if not unicodedata.combining(ch)))


MAX_TERMS = 8
MAX_VARIANTS = 10  # spellings tried per term
MIN_PREFIX = 2  # shorter terms are matched whole


def terms(text: str) -> list[str]:
    """The folded words of a query, in order, without repeats, at most MAX_TERMS."""
    out: list[str] = []
    for word in _WORD.findall(fts_fold(text)):
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
