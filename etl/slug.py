"""The words of an item id: an exact, fast ``slugify(text, max_length=48, word_boundary=True)``.

Item ids are made of the slug of a title or of a whole item text (several KB), and
python-slugify was a measurable cost of the load: its transliteration (text_unidecode, when
the ``unidecode`` package is not installed) loops per character in Python, and it transforms
the whole text although at most 48 characters of slug survive.

``id_words`` returns exactly what python-slugify returns for these options, for every string:

* It runs the same steps with the same compiled patterns of ``slugify.slugify`` (quotes to
  dashes, NFKD, transliteration, entity/decimal/hexadecimal references, NFKD, lower, quote
  removal, numbers, disallowed characters, duplicate dashes, strip, ``smart_truncate`` with
  word_boundary=True and save_order=False), except that the transliteration is one
  ``str.translate`` with a table made from text_unidecode's own data (entries filled lazily).
* For a long text it slugs only a prefix cut at an ASCII space.  No step can join characters
  across an ASCII space (no pattern matches one, NFKD and ``lower`` keep it as a boundary, the
  transliteration is per character), so the slug words of the prefix are the first slug words
  of the whole text; the one step with a non-local effect, a decimal/hexadecimal reference
  that cannot be converted (which makes slugify skip that conversion in the *whole* text),
  is excluded by requiring that the rest of the text cannot yield an ``&`` at all.  The
  truncation loop is run over the prefix's words and its result is returned only when no
  later word can change it (the loop broke on a word that filled 48 characters exactly, or
  48 characters are already taken); otherwise the whole text is slugged.
* If slugify does not transliterate with text_unidecode (the ``unidecode`` package is
  installed, with other tables), or is not the release whose steps these are (8.0.4), it
  calls slugify itself, so the result never differs.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from html.entities import name2codepoint
from importlib import metadata

import text_unidecode
from slugify import slugify as _  # noqa: F401  (makes sure slugify.slugify is imported)

_slugify_module = sys.modules["slugify.slugify"]

CHAR_ENTITY_PATTERN = _slugify_module.CHAR_ENTITY_PATTERN
DECIMAL_PATTERN = _slugify_module.DECIMAL_PATTERN
HEX_PATTERN = _slugify_module.HEX_PATTERN
QUOTE_PATTERN = _slugify_module.QUOTE_PATTERN
NUMBERS_PATTERN = _slugify_module.NUMBERS_PATTERN
DISALLOWED_CHARS_PATTERN = _slugify_module.DISALLOWED_CHARS_PATTERN
DUPLICATE_DASH_PATTERN = _slugify_module.DUPLICATE_DASH_PATTERN


def _steps_are_known() -> bool:
    """Whether slugify is the release whose steps these are (8.0.4) with their patterns."""
    try:
        release = metadata.version("python-slugify")
    except metadata.PackageNotFoundError:
        return False
    return release == "8.0.4" and (
        QUOTE_PATTERN.pattern, NUMBERS_PATTERN.pattern, DISALLOWED_CHARS_PATTERN.pattern,
        DUPLICATE_DASH_PATTERN.pattern, DECIMAL_PATTERN.pattern, HEX_PATTERN.pattern,
        CHAR_ENTITY_PATTERN.pattern,
    ) == (
        r"[\']+", r"(?<=\d),(?=\d)", r"[^-a-zA-Z0-9]+", r"-{2,}", r"&#(\d+);",
        r"&#x([\da-fA-F]+);", r"&(%s);" % "|".join(name2codepoint),
    ) and _slugify_module.DEFAULT_SEPARATOR == "-"


# another release of slugify may have other steps: then id_words calls it
_KNOWN = _steps_are_known()

MAX_LENGTH = 48
# how much of a long text is slugged first (cut back to its last ASCII space): enough for the
# 48 characters of a slug in all but odd texts, which are then slugged whole
PREFIX = 320

_REPLACES: list[str] = text_unidecode._replaces


class _Table(dict):
    """text_unidecode.unidecode as a str.translate table: code point 0 stays '\\x00', code
    point c > 0 becomes _replaces[c - 1], code points beyond the data are dropped (None).
    Filled on demand, so bounded by the Unicode range."""

    def __missing__(self, codepoint: int) -> str | None:
        if codepoint == 0:
            value: str | None = "\x00"
        elif codepoint <= len(_REPLACES):
            value = _REPLACES[codepoint - 1]
        else:
            value = None
        self[codepoint] = value
        return value


_TABLE = _Table()
# the characters whose transliteration contains '&', the start of every reference pattern
_AMP_SOURCES = re.compile(
    "[%s]" % "".join(re.escape(chr(i + 1)) for i, r in enumerate(_REPLACES) if "&" in r)
)


def _entity(m: re.Match) -> str:
    return chr(name2codepoint[m.group(1)])


def _decimal(m: re.Match) -> str:
    return chr(int(m.group(1)))


def _hexadecimal(m: re.Match) -> str:
    return chr(int(m.group(1), 16))


def _clean(text: str) -> str:
    """slugify's steps before smart_truncate, for these options (lowercase, no stopwords,
    no replacements, no allow_unicode, default regex and separator)."""
    # each pattern is run only when the text has the character every match of it needs
    if "'" in text:
        text = QUOTE_PATTERN.sub("-", text)
    text = unicodedata.normalize("NFKD", text)
    text = text.translate(_TABLE)
    if "&" in text:  # every reference pattern starts with '&'
        text = CHAR_ENTITY_PATTERN.sub(_entity, text)
        try:
            text = DECIMAL_PATTERN.sub(_decimal, text)
        except Exception:
            pass
        try:
            text = HEX_PATTERN.sub(_hexadecimal, text)
        except Exception:
            pass
    text = unicodedata.normalize("NFKD", text)
    text = text.lower()
    if "'" in text:
        text = QUOTE_PATTERN.sub("", text)
    if "," in text:
        text = NUMBERS_PATTERN.sub("", text)
    text = DISALLOWED_CHARS_PATTERN.sub("-", text)
    if "--" in text:
        text = DUPLICATE_DASH_PATTERN.sub("-", text)
    return text.strip("-")


def _take(words: list[str]) -> tuple[str, bool]:
    """smart_truncate's loop (word_boundary=True, save_order=False: a word that does not fit
    is skipped and later, shorter words may still be taken); also whether its outcome is
    settled, no later word being able to change it."""
    truncated = ""
    for word in words:
        if word:
            next_len = len(truncated) + len(word)
            if next_len < MAX_LENGTH:
                truncated += word + "-"
                if next_len + 1 == MAX_LENGTH:  # full: any later word would overflow
                    return truncated, True
            elif next_len == MAX_LENGTH:
                return truncated + word, True
    return truncated, False


def _truncate(string: str) -> str:
    """smart_truncate(string, 48, word_boundary=True, separator='-', save_order=False)."""
    string = string.strip("-")
    if len(string) < MAX_LENGTH:
        return string
    if "-" not in string:
        return string[:MAX_LENGTH]
    truncated = _take(string.split("-"))[0]
    if not truncated:  # every word is longer than 48
        truncated = string[:MAX_LENGTH]
    return truncated.strip("-")


def _amp_free(rest: str) -> bool:
    """Whether no '&' can appear in the transliteration of rest (nor, then, any reference)."""
    if rest.isascii():
        return "&" not in rest
    return _AMP_SOURCES.search(unicodedata.normalize("NFKD", rest)) is None


def id_words(text: str) -> str:
    """The words of an item id made from a title or a text: at most 48 characters of its
    slug, exactly ``slugify(text, max_length=48, word_boundary=True)``."""
    if not _KNOWN or _slugify_module.unidecode is not text_unidecode:
        return _slugify_module.slugify(text, max_length=MAX_LENGTH, word_boundary=True)
    if len(text) > PREFIX:
        cut = text.rfind(" ", 0, PREFIX)
        if cut > 0 and _amp_free(text[cut + 1:]):
            head = _clean(text[:cut])
            # len(head) >= 48 keeps slugify off its "shorter than max_length" return
            if len(head) >= MAX_LENGTH:
                truncated, settled = _take(head.split("-"))
                if settled:
                    return truncated.strip("-")
    return _truncate(_clean(text))
