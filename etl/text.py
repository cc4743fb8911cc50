"""Small text helpers shared by the parsers: language detection, folding, numbers."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import filterfalse

from .translit import fold  # noqa: F401  (the one fold, re-exported for the parsers)

TURKMEN_LETTERS = set("ýňşçäöüžÝŇŞÇÄÖÜŽ")
_TK_LETTER = re.compile("[ýňşçäöüžÝŇŞÇÄÖÜŽ]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
_WORDS = re.compile(r"[^\W\d_]+")
# Frequent words of each Latin-script language; Turkmen ones carry no special letter.
_EN_WORDS = frozenset("""
the of and in to was were is are for with by on at from that this as has have been will which its an
be it their our his her they these those who also there after before during about into than other
a new stage election elections meeting voting continues held commission central candidates voters
constituency district deputies members day results year people cooperation between
""".split())
_TK_WORDS = frozenset("""
we bilen boýunça barada baradaky hakynda üçin hem bu şu bolsa ýaly görä edildi etdi berdi geçirildi
boldy bolup tarapyndan esasynda laýyklykda degişli saýlaw saýlawlary saýlawçy saýlawçylar merkezi
topar topary toparynyň türkmenistanyň türkmenistanda okrugy welaýaty etrap etraby şäher şäheri
""".split())


_CYRILLIC_RUN = re.compile(r"[\u0400-\u04FF]+")
_LATIN_RUN = re.compile(r"[A-Za-z\u00C0-\u024F]+")
_TK_LETTER_SET = frozenset("ýňşçäöüžÝŇŞÇÄÖÜŽ")  # the letters of _TK_LETTER


def _count(runs: re.Pattern, text: str) -> int:
    """How many characters of `text` a one-character class matches, counted by its runs
    (`runs` is the class followed by '+'): the same as len(findall) of the class, but with one
    match per run instead of one per character."""
    return sum(map(len, runs.findall(text)))


_ASCII_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_ASCII_WORD = re.compile(r"[a-z]+")


def _detect_ascii_lang(sample: str) -> str | None:
    """detect_lang of an ASCII text, the same rules worked out the short way: no Cyrillic and no
    Turkmen letter can occur, the words are runs of ASCII letters and fold to lower case."""
    lat = len(sample) - len(sample.encode("ascii").translate(None, _ASCII_LETTERS))
    if not lat:
        return None
    words = _ASCII_WORD.findall(sample[:1500].lower())
    en = sum(map(_EN_WORDS.__contains__, words))
    tk = sum(map(_TK_WORDS.__contains__, words))
    return "tk" if tk > en else "en"  # a tie: no Turkmen letter to decide it, so English


# In UTF-8 every character is one lead byte (ASCII, or 0xC2-0xF4) and 0-3 continuation bytes
# (0x80-0xBF), so characters of a block are counted by the lead bytes that only that block's
# characters have: 0xD0-0xD3 begin exactly U+0400-U+04FF; 0xC3-0xC8 begin exactly U+00C0-U+023F,
# and 0xC9 followed by 0x80-0x8F is U+0240-U+024F. (Lone surrogates, written as 0xED and two
# continuation bytes, count as neither, as the regexes' classes do not count them.)
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD4))
_LATIN_SINGLE = _ASCII_LETTERS + bytes(range(0xC3, 0xC9))
_LATIN_C9 = re.compile(rb"\xc9[\x80-\x8f]")


def _cyrillic_count(raw: bytes) -> int:
    """_count(_CYRILLIC_RUN, text) of the text whose UTF-8 (surrogatepass) is `raw`: its characters
    in U+0400-U+04FF, counted by their lead bytes in one pass in C."""
    return len(raw) - len(raw.translate(None, _CYRILLIC_LEADS))


def _latin_count(raw: bytes) -> int:
    """_count(_LATIN_RUN, text) of the text whose UTF-8 (surrogatepass) is `raw`: its characters
    A-Z, a-z and U+00C0-U+024F, counted by their (lead) bytes."""
    count = len(raw) - len(raw.translate(None, _LATIN_SINGLE))
    if b"\xc9" in raw:  # U+0240-U+027F (rare): only U+0240-U+024F are in the class
        count += len(_LATIN_C9.findall(raw))
    return count


def _letter_class(*blocks: tuple[int, int]) -> str:
    """The characters of `blocks` (first, last code point) that `[^\\W\\d_]` matches, as the
    ranges of a regex character class."""
    ranges: list[list[int]] = []
    for first, last in blocks:
        for code in range(first, last + 1):
            if _WORDS.fullmatch(chr(code)):
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


# Latin, Cyrillic and their neighbours (U+0000-U+07FF), and the quotes and dashes of U+2000-U+206F:
# within them, the letters of _WORDS spelt out as ranges, which the regex engine tests faster than
# the categories of `[^\W\d_]` (about 2.5x on Turkmen text)
_NEAR_BLOCKS = ((0x0000, 0x07FF), (0x2000, 0x206F))
_NEAR_WORDS = re.compile(f"[{_letter_class(*_NEAR_BLOCKS)}]+")
_FAR_CHAR = re.compile(r"[^\x00-\u07ff\u2000-\u206f]")


_THREE_OR_FOUR_BYTE_LEADS = bytes(range(0xE0, 0x100))  # UTF-8 of U+0800 and above


def _words(text: str, utf8: bytes | None = None) -> list[str]:
    """_WORDS.findall(text): with _NEAR_WORDS when every character of the text is in _NEAR_BLOCKS
    (the same runs of the same letters: tests/test_read_fast_paths.py). `utf8`: the UTF-8 of a
    text that begins with `text`, when the caller has it: with no lead byte of a character from
    U+0800 on, all are in the first block (told in C, without reading the characters)."""
    if utf8 is not None and len(utf8.translate(None, _THREE_OR_FOUR_BYTE_LEADS)) == len(utf8):
        return _NEAR_WORDS.findall(text)
    if _FAR_CHAR.search(text) is None:
        return _NEAR_WORDS.findall(text)
    return _WORDS.findall(text)


LANG_SAMPLE_CHARS = 3000  # the language of a text is that of its opening
MEMO_SAMPLE_CHARS = 1000  # texts up to this long are remembered: sidebar, listing and short items


def detect_lang(text: str) -> str | None:
    """'ru' for Cyrillic text, 'tk' for Turkmen, 'en' for English; None when there is no letter.

    Between the two Latin-script languages the text decides by its words (frequent English words
    against frequent Turkmen words and words with Turkmen letters), so that an English text naming
    'Garaşsyzlyk' stays English and a Turkmen text under an /en/ URL is Turkmen.
    """
    sample = text[:LANG_SAMPLE_CHARS]
    if len(sample) <= MEMO_SAMPLE_CHARS:
        return _sample_lang_memo(sample)  # snippets repeat across captures; long articles hardly
    return _sample_lang(sample)


def _sample_lang(sample: str) -> str | None:
    """detect_lang of the opening `sample` of a text."""
    if sample.isascii():
        return _detect_ascii_lang(sample)
    raw = sample.encode("utf-8", "surrogatepass")
    cyr = _cyrillic_count(raw)
    if cyr * 2 > len(sample):
        return "ru"  # more Cyrillic letters than all other characters, Latin letters included
    lat = _latin_count(raw)
    if not cyr and not lat:
        return None
    if cyr > lat:
        return "ru"
    words = _words(sample[:1500], raw)
    keys = list(map(str.casefold, words))
    en = sum(map(_EN_WORDS.__contains__, keys))
    # a capitalised word with Turkmen letters is often a name in English text ('Garaşsyzlyk',
    # 'Türkmenistan'): it counts for Turkmen only when nothing else decides
    # (the words with a Turkmen letter picked in C; every other word counts by its key alone)
    tk = sum(map(_TK_WORDS.__contains__, keys)) + sum(
        1 for w in filterfalse(_TK_LETTER_SET.isdisjoint, words)
        if not w[0].isupper() and w.casefold() not in _TK_WORDS)
    if en or tk:
        if tk > en:
            return "tk"
        if en > tk:
            return "en"
    # a few words only: the share of Turkmen letters decides
    tk_letters = len(_TK_LETTER.findall(sample))
    if tk_letters and tk_letters / max(lat, 1) > 0.01:
        return "tk"
    return "en"


# pure; at most 16k samples of at most MEMO_SAMPLE_CHARS characters
_sample_lang_memo = lru_cache(maxsize=1 << 14)(_sample_lang)


_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space, without leading or trailing space.

    The same as `_SPACES.sub(" ", text).strip()` (str.split, str.strip and the regex's `\\s` know
    the very same whitespace characters), about five times faster. A text already squashed (most
    lines: printable, so with no white space but the space, and that single and not at an end) is
    returned as it is, told in C without splitting it (tests/test_read_fast_paths.py)."""
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


# A percentage as printed in the three languages ("31,99%", "97,3 %", "91.02 percent", "91,32 göterimi",
# "90,27 prosenti", "83,88 процента"); group 1 is the number. Turnout and results read figures with it.
# The number is `(?<![\d.,])(\d{1,3}...)` with the lookbehind moved past its first digit, so that the
# pattern begins with a digit, which the regex engine skips to in C (the same matches: tests/test_hints.py).
PCT = (r"(\d(?<![\d.,]\d)\d{0,2}(?:[.,]\d{1,3})?)[ \u00a0\u202f]{0,2}"
       r"(?:%|percent\b|per\s?cent\b|göterim\w*|prosent\w*|процент\w*)")
PCT_RE = re.compile(PCT, re.I)


def parse_pct(text: str) -> float | None:
    """'91,32' or '91.32' -> 91.32 exactly as printed; None if it is not a number."""
    text = text.strip().replace(",", ".")
    if not re.fullmatch(r"\d{1,3}(\.\d+)?", text):
        return None
    return float(text)


# Spaces that separate groups of digits: plain, no-break, thin no-break.
SP = " \u00a0\u202f\u2009"
_THOUSANDS = re.compile(rf"^\d{{1,3}}(?:[{SP}]\d{{3}})+$|^\d{{1,3}}(?:\.\d{{3}})+$|^\d{{1,3}}(?:,\d{{3}})+$")
_MILLION = r"(?:million|mln\.?|millión|миллион\w*|млн\.?)"
_THOUSAND = r"(?:müň|mün|тыс\w*\.?|thousand)"
_WORDED = re.compile(
    rf"^(?:(\d{{1,3}})\s*{_MILLION})?\s*(?:(\d{{1,3}})\s*{_THOUSAND})?\s*(\d{{1,3}})?$", re.IGNORECASE)

# A count as it can be printed, for use inside larger patterns (longest forms first).
COUNT_RE = (
    rf"\d{{1,3}}\s*{_MILLION}(?:\s*\d{{1,3}}\s*{_THOUSAND})?(?:\s*\d{{1,3}}(?![\d.,]\d))?"
    rf"|\d{{1,3}}\s*{_THOUSAND}(?:\s*\d{{1,3}}(?![\d.,]\d))?"
    rf"|\d{{1,3}}(?:[{SP}]\d{{3}})+(?!\d)"
    rf"|\d{{1,3}}(?:\.\d{{3}})+(?![\d,])"
    rf"|\d{{1,3}}(?:,\d{{3}})+(?![\d.])"
    rf"|\d+"
)


def parse_count(text: str) -> int | None:
    """A count as printed: '3 435 950', '3.460.080', '86,641', '79 müň 121', '6 million 421 müň 960',
    '236' -> int; None when the text is not one count."""
    t = text.strip()
    if not t:
        return None
    if re.fullmatch(r"\d+", t):
        return int(t)
    if _THOUSANDS.match(t):
        return int(re.sub(r"\D", "", t))
    m = _WORDED.match(t)
    if m and (m.group(1) or m.group(2)):
        millions, thousands, units = (int(g) if g else 0 for g in m.groups())
        return millions * 1_000_000 + thousands * 1000 + units
    return None


def sentence_break(next_chars: str) -> re.Pattern:
    """The break between sentences `(?<=[.!?])\\s+(?=[next_chars])|\\n+` (white space after . ! ?
    before one of `next_chars`, or line breaks), written to begin with one white-space character
    that both branches need: the regex engine then skips in C to the next white space instead of
    trying both branches at every position. The same matches (tests/test_sentences.py): the first
    branch's lookbehind looks past that character, `\\s\\s*` backtracks through the lengths `\\s+`
    does, and a run of line breaks starts with one."""
    return re.compile(rf"\s(?:(?<=[.!?]\s)\s*(?=[{next_chars}])|(?<=\n)\n*)")


_UPPER = "A-ZÀ-ÖØ-ÞÝŇŞÇÄÖÜŽА-ЯЁ"
_SENTENCE_BREAK = sentence_break(rf"{_UPPER}«“\"(0-9")
_ENDS_WITH_INITIAL = re.compile(rf"(?:^|[\s(])[{_UPPER}]\.$")
# abbreviations that a number or a name follows: "No. 12", "Art. 63", "ст. 4", "г. Ашхабад"
_ENDS_WITH_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:No|Nos|Art|Arts|St|p|pp|ст|п|г|гг|им|ул|d|Nr|Mr|Mrs|Ms|Dr|Prof|г-н|г-жа)\.$", re.I)


# Both patterns end at the end of the sentence and match at most 6 characters (" Prof.", "(г-жа."),
# so they need only its last characters; `^` still means the sentence's start (re: search from pos).
_ENDING_CHARS = 8


def _ends_without_a_break(sentence: str) -> bool:
    """Whether a sentence so far ends with an initial or an abbreviation, so the next part joins it."""
    pos = max(0, len(sentence) - _ENDING_CHARS)
    return bool(_ENDS_WITH_INITIAL.search(sentence, pos) or _ENDS_WITH_ABBREVIATION.search(sentence, pos))


def sentences(text: str) -> list[str]:
    """Sentences of a text: a break after . ! ? before a capital, a quote, a bracket or a digit, and
    at line breaks; an initial ("G. Myradov", "Г. Мурадов") or an abbreviation ("No. 12") does not
    end a sentence."""
    out: list[str] = []
    for part in _SENTENCE_BREAK.split(text):
        part = part.strip()
        if not part:
            continue
        if out and _ends_without_a_break(out[-1]):
            out[-1] = out[-1] + " " + part
        else:
            out.append(part)
    return out
