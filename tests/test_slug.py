"""etl.slug.id_words is exactly python-slugify's slugify(text, max_length=48, word_boundary=True):
examples, every code point, and a seeded fuzz, all compared with the real slugify."""
import random
import sys

import pytest
from slugify import slugify

import etl.slug as slug
from etl.sightings import id_words as sightings_id_words
from etl.slug import PREFIX, id_words, slug as page_slug


def reference(text: str) -> str:
    return slugify(text, max_length=48, word_boundary=True)


def same(text: str) -> str:
    got = id_words(text)
    assert got == reference(text), text
    return got


TK = ("Türkmenistanyň Prezidenti Saýlaw kampaniýasy dowam edýär Dalaşgärleriň saýlawçylar "
      "bilen duşuşyklary ähli okruglarynda geçirildi ýurduň žurnalistleri çäre ösüş "
      "Merkezi saýlaw topary Mejlisiň deputatlygyna").split()
RU = ("Избирательная кампания продолжается Встречи кандидатов с избирателями во всех "
      "избирательных округах страны Центральная комиссия по выборам и проведению "
      "референдумов Туркменистана йод ёлка Ё Й").split()
EN = ("The election campaign goes on Meetings of the candidates with the voters in all "
      "constituencies of the country A session of the commission was held").split()
ODD = ["&amp;", "&#1234;", "&#x4e2d;", "&#65;", "&#x41;", "&lt;b&gt;", "&amp;#65;", "&#99999999;",
       "&#x110000;", "&#xFFFFFFFFFF;", "&#55296;", "&nbsp;", "&copy;", "AT&T", "R&D", "＆", "﹠",
       "'", "''", "ʼ", "’", "l'amour", "it's", "don’t", "Türkmenistan’yň", "1,234", "12,5",
       "1,2,3", ",", ".", "-", "--", "—", "«", "»", "(", ")", "!", "?", "…", "№5", "2024-ýyl",
       "中文", "北京市", "한국어", "ｆｕｌｌ", "ﬁ", "Σ", "ΑΣ", "İstanbul", "K", "e\u0301", "\u0301",
       "\u00a0", "\t", "\n", "\x00", "\U0001F600", "x" * 47, "y" * 48, "z" * 49, "w" * 60]
REFS = [piece for piece in ODD if "&" in piece or "＆" in piece or "﹠" in piece]
ODD = [piece for piece in ODD if piece not in REFS]
PUNCT = list(" ,.;:!?-'\"()[]/\\&#%*") + ["  ", " - ", "\n\n", "\u00a0"]


# -- examples -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("", ""),
    ("Hello World", "hello-world"),
    ("Saýlaw kampaniýasy dowam edýär", "saylaw-kampaniyasy-dowam-edyar"),
    ("Избирательная кампания продолжается", "izbiratelnaia-kampaniia-prodolzhaetsia"),
    ("Tom &amp; Jerry &#1234; &#x4e2d;", "tom-jerry"),
    ("it's l'amour ’ ʼ", "it-s-l-amour"),
    ("1,234 votes", "1234-votes"),
    ("中文", "zhong-wen"),
    ("!!! ... ,,,", ""),
    ("a" * 60, "a" * 48),
    ("a" * 60 + " bb " + "c" * 50 + " d", "bb-d"),  # a word that does not fit is skipped
])
def test_examples(text, expected):
    assert same(text) == expected


def test_titles_and_texts_in_three_languages():
    for words in (TK, RU, EN):
        for n in range(1, len(words) + 1):
            same(" ".join(words[:n]))
            same(", ".join(words[-n:]) + ".")
        long = " ".join(words * 40)
        assert len(long) > 2 * PREFIX
        same(long)


def test_slugs_just_under_and_over_48():
    for total in range(40, 56):
        for word in range(1, 12):
            # words of `word` letters, enough of them for a slug of about `total` characters
            n = max(1, total // (word + 1) + 1)
            text = " ".join(chr(ord("a") + k % 26) * word for k in range(n))
            same(text)
            same(text + " " + "q" * 200)
            same("Ш" * (PREFIX - 5) + " " + text)


def test_words_straddling_the_prefix_cut():
    # four words of 10 take 44 characters and keep the truncation open: a word of up to 4
    # letters may still be taken, wherever the text is cut
    head = ("u" * 10 + " ") * ((PREFIX - 20) // 11)
    for n in range(1, 61):
        for tail in ("", " " + " ".join(EN * 20), " ab &#99999999; " + " ".join(TK), " " + "&amp;" * 3,
                     " абв " + " ".join(RU * 30)):
            same(head + "v" * n + tail)
            same(head + "v" * n + " " + "w" * 30 + tail)
            same(head + "Ü" + "ä" * n + " xyz" + tail)
            same(head[:-1] + "'" * n + "abc" + tail)
            same("x" * (PREFIX - 30 + n) + tail)


def test_references_whose_conversion_fails_are_left_everywhere():
    # an unconvertible decimal or hex reference makes slugify leave every reference of its
    # kind unconverted, also the ones before the prefix cut
    first = "&#65;&#x42; " + " ".join(EN * 3)
    for bad in ("&#99999999;", "&#x110000;", "&#" + "9" * 5000 + ";", "＆#99999999;", "&amp;#99999999;"):
        same(first + " " + " ".join(EN * 10) + " " + bad)
        same(first.replace(" ", "") + " " + "q" * 400 + " " + bad)


def test_only_punctuation_and_empty():
    for text in ("", " ", "-", "---", "'''", "’’", "!?", " ... ", "&amp;", "&;", "&#;", "&#x;",
                 "\u0301\u0301", "\x00", " ".join(PUNCT) * 100):
        same(text)


def test_odd_pieces_alone_and_in_long_texts():
    for piece in ODD + REFS:
        same(piece)
        same(piece + " " + " ".join(TK))
        same(" ".join(RU[:3]) + piece + " " + " ".join(EN))
        same(" ".join(EN * 10) + " " + piece)
        same(" ".join(EN[:6]) + " " + piece + " " + " ".join(RU * 10))


# -- every code point ----------------------------------------------------------------------------

def test_every_code_point_alone_and_in_a_phrase():
    # slugify without max_length is the slug before truncation: comparing it with the steps of
    # etl.slug on chunks of code points, each alone between spaces and inside a word, next to
    # letters and to digits (and a comma between digits), checks them all in a few seconds
    codepoints = [cp for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    for start in range(0, len(codepoints), 8192):
        chunk = codepoints[start:start + 8192]
        text = " ".join(f"{c} a{c}1,{c}2" for c in map(chr, chunk))
        assert slug._clean(text) == slugify(text), (hex(chunk[0]), hex(chunk[-1]))
    for cp in (0, 1, 0x41, 0xE4, 0x448, 0x4E2D, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF):
        same(chr(cp))
        same(f"Saýlaw {chr(cp)} topary")


# -- fuzz ----------------------------------------------------------------------------------------

def _fuzz_text(rng: random.Random) -> str:
    # mostly titles; texts around the prefix cut; now and then a long text
    size = rng.choices((3, 10, 30, 60, 120, 300, 400, 700, 2000), (3, 3, 3, 3, 3, 2, 3, 2, 1))[0]
    pools = [TK, RU, EN, ODD, PUNCT, REFS]
    weights = [rng.random() for _ in pools]
    weights[-1] *= rng.choice((0, 0, 0.05, 0.2))  # '&' after the first piece: the whole text is slugged
    parts: list[str] = []
    length = 0
    while length < size:
        pool = rng.choices(pools, weights)[0]
        piece = rng.choice(pool)
        if rng.random() < 0.1:
            piece = piece * rng.randint(2, 12)  # long words
        if rng.random() < 0.05:
            piece = chr(rng.randrange(0x20, 0x3000))
        parts.append(piece)
        parts.append(rng.choice((" ", " ", " ", "", ", ", "-", "\n", "'")))
        length += len(piece) + 1
    return "".join(parts)[:size]


def test_seeded_fuzz():
    rng = random.Random(20240512)
    for _ in range(20_000):
        same(_fuzz_text(rng))


# -- the fallback ---------------------------------------------------------------------------------

def test_another_transliterator_falls_back_to_slugify(monkeypatch):
    module = sys.modules["slugify.slugify"]

    class Other:
        @staticmethod
        def unidecode(text):
            return "other"

    calls = []
    real = module.slugify

    def spy(text, **options):
        calls.append((text, options))
        return real(text, **options)

    monkeypatch.setattr(module, "unidecode", Other)
    monkeypatch.setattr(module, "slugify", spy)
    assert id_words("Saýlaw topary") == "other"
    assert calls == [("Saýlaw topary", {"max_length": 48, "word_boundary": True})]


def test_sightings_uses_it():
    assert sightings_id_words is id_words


def test_the_fast_path_is_the_one_tested():
    # the installed slugify is the release whose steps etl.slug reproduces, with text_unidecode
    assert slug._KNOWN and sys.modules["slugify.slugify"].unidecode is slug.text_unidecode


def test_another_slugify_release_falls_back_to_slugify(monkeypatch):
    module = sys.modules["slugify.slugify"]
    calls = []
    monkeypatch.setattr(slug, "_KNOWN", False)
    monkeypatch.setattr(module, "slugify", lambda text, **options: calls.append(text) or "theirs")
    assert id_words("Saýlaw topary") == "theirs" and calls == ["Saýlaw topary"]


def test_texts_whose_truncation_settles_late_or_never():
    # words that never fill 48 characters exactly keep the truncation open through every
    # piece of the text; a short word placed anywhere (in any piece) can still be taken
    for long_word in (20, 30, 47, 49):
        words = ["b" * long_word, "Ç" * long_word, "щ" * long_word]
        base = " ".join(words[k % 3] for k in range(200))
        same(base)
        for short in ("a", "iý", "1,2", "&amp;"):
            for at in (300, 1700, len(base) - 5):
                cut = base.find(" ", at)
                if cut > 0:
                    same(base[:cut] + " " + short + base[cut:])
                    same(base[:cut] + short + base[cut:])


# -- the page slug (news_items.slug: slugify(title, max_length=80)) ----------------------------------

@pytest.mark.parametrize("max_length", [0, 80, 5])
def test_the_page_slug_is_slugifys_at_any_length(max_length):
    rng = random.Random(20241130 + max_length)
    texts = [" ".join(TK), " ".join(RU), " ".join(EN), "", "'", "-a-", "&#99999999; Saýlaw", "x" * 79 + "-y", "x" * 80 + "-", "ab-" * 40]
    texts += [_fuzz_text(rng) for _ in range(5_000)]
    for text in texts:
        assert page_slug(text, max_length) == slugify(text, max_length=max_length), text


def test_the_page_slug_falls_back_to_slugify(monkeypatch):
    monkeypatch.setattr(slug, "_KNOWN", False)
    calls = []
    monkeypatch.setattr(sys.modules["slugify.slugify"], "slugify",
                        lambda text, **kw: calls.append((text, kw)) or "called")
    assert page_slug("Saýlaw", 80) == "called" and calls == [("Saýlaw", {"max_length": 80})]
