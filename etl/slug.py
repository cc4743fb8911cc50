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
* For a long text it slugs only a prefix cut at an ASCII space, then, while needed, the next
  pieces of the text (each cut at an ASCII space, 4 times as long as the one before).  No
  step can join characters across an ASCII space (no pattern matches one, NFKD and ``lower``
  keep it as a boundary, the transliteration is per character), so the slug words of the
  pieces, in order, are the slug words of the whole text.  The one step with a non-local
  effect, a decimal/hexadecimal reference that cannot be converted (which makes slugify skip
  that conversion in the *whole* text), is excluded by requiring that the text after the
  first piece cannot yield an ``&`` at all (else the whole text is slugged).  The truncation
  loop runs over the pieces' words and its result is returned as soon as no later word can
  change it (the loop broke on a word that filled 48 characters exactly, or 48 characters
  are taken); if that never happens, the pieces' slugs joined are the text's slug.
* If slugify does not transliterate with text_unidecode (the ``unidecode`` package is
  installed, with other tables), or is not the release whose steps these are (8.0.4), it
  calls slugify itself, so the result never differs.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from html.entities import name2codepoint
from importlib import metadata

import text_unidecode

# the module (the package's `slugify` attribute is the function)
_slugify_module = importlib.import_module("slugify.slugify")

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
# how much of a long text is slugged first (up to the next ASCII space): enough for the 48
# characters of a slug in most texts; the next pieces are 4 times as long each
PREFIX = 128

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
_AMP_SOURCES = tuple(chr(i + 1) for i, r in enumerate(_REPLACES) if "&" in r)


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


def _take(words: list[str], truncated: str = "") -> tuple[str, bool]:
    """smart_truncate's loop (word_boundary=True, save_order=False: a word that does not fit
    is skipped and later, shorter words may still be taken), from `truncated`, the words taken
    so far; also whether its outcome is settled: it broke on a word that made 48 characters
    exactly, or 48 characters are taken, so that any later word would be skipped."""
    for word in words:
        if word:
            next_len = len(truncated) + len(word)
            if next_len < MAX_LENGTH:
                truncated += word + "-"
                if next_len + 1 == MAX_LENGTH:
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
    rest = unicodedata.normalize("NFKD", rest)
    return not any(source in rest for source in _AMP_SOURCES)


def slug(text: str, max_length: int = 0) -> str:
    """Exactly ``slugify(text, max_length=max_length)`` (no word boundary): the slug, cut to
    ``max_length`` characters and stripped of dashes (an item's `slug` column, of its title)."""
    if not _KNOWN or _slugify_module.unidecode is not text_unidecode:
        return _slugify_module.slugify(text, max_length=max_length)
    string = _clean(text)  # (already stripped of dashes, as smart_truncate first does)
    if max_length <= 0 or len(string) < max_length:
        return string
    return string[:max_length].strip("-")


def id_words(text: str) -> str:
    """The words of an item id made from a title or a text: at most 48 characters of its
    slug, exactly ``slugify(text, max_length=48, word_boundary=True)``."""
    if not _KNOWN or _slugify_module.unidecode is not text_unidecode:
        return _slugify_module.slugify(text, max_length=MAX_LENGTH, word_boundary=True)
    cut = text.find(" ", PREFIX) if len(text) > PREFIX else -1
    if cut < 0 or not _amp_free(text[cut + 1:]):
        return _truncate(_clean(text))
    # The text is cut at ASCII spaces into pieces of growing size: with no reference to
    # convert after the first piece, the slug words of the text are the slug words of its
    # pieces in order, and the truncation loop runs over them piece after piece until its
    # outcome is settled.  Then that outcome is slugify's: slugify's "shorter than 48" return
    # and its "no separator" and "nothing taken" branches give the same string (a settled
    # outcome is a non-empty loop result; when the slug is shorter than 48 it is that slug, of
    # only the words taken; when it has no separator it is one word of exactly 48).
    slugs: list[str] = []
    truncated = ""
    start, size = 0, PREFIX
    while True:
        piece = _clean(text[start:cut])
        if piece:
            slugs.append(piece)
            truncated, settled = _take(piece.split("-"), truncated)
            if settled:
                return truncated.strip("-")
        if cut == len(text):
            # never settled: the whole slug is the pieces' slugs joined
            return _truncate("-".join(slugs))
        start, size = cut + 1, size * 4
        cut = text.find(" ", start + size) if len(text) > start + size else -1
        if cut < 0:
            cut = len(text)
