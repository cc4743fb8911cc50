"""The read stage's fast paths give what the plain rules they stand for give.

Each helper that was made faster is checked here against the straightforward form it replaces,
on every character or on generated inputs, so that a speed-up can never change what is read."""
from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from etl.text import _TK_LETTER, TURKMEN_LETTERS, detect_lang, squash

_SPACES = re.compile(r"\s+")


def test_squash_knows_the_same_whitespace_as_the_regex():
    # every character: str.split / str.strip and the regex's \s agree on what is whitespace
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        text = f" a{c}{c}b {c}"
        assert squash(text) == _SPACES.sub(" ", text).strip(), hex(code)


def _detect_lang_plain(text: str) -> str | None:
    """detect_lang as first written: one regex match per letter and per word."""
    sample = text[:3000]
    cyr = len(re.findall(r"[\u0400-\u04FF]", sample))
    lat = len(re.findall(r"[A-Za-z\u00C0-\u024F]", sample))
    if not cyr and not lat:
        return None
    if cyr > lat:
        return "ru"
    from etl.text import _EN_WORDS, _TK_WORDS, _WORDS
    words = _WORDS.findall(sample[:1500])
    en = sum(1 for w in words if w.casefold() in _EN_WORDS)
    tk = sum(1 for w in words if w.casefold() in _TK_WORDS or (_TK_LETTER.search(w) and not w[0].isupper()))
    if en or tk:
        if tk > en:
            return "tk"
        if en > tk:
            return "en"
    tk_letters = len(_TK_LETTER.findall(sample))
    if tk_letters and tk_letters / max(lat, 1) > 0.01:
        return "tk"
    return "en"


_PIECES = ["the", "of", "Saýlaw", "saýlaw", "bilen", "Türkmenistan", "türkmen", "Выборы", "комиссия",
           "12", "2023", "ýyl", "İ", "ß", "Ǆ", "ǅ", "ÿ", "Ÿ", "ŉ", "ﬁ", "a", "Z", "é", "Ω", "я", "Ӿ", "Ԁ",
           "\u0300", "—", "...", ",", ".", " ", "  ", "\n", "\u00a0", "ŋ", "ž", "Ž", "KAZ", "in", "we"]


_ASCII_PIECES = [p for p in _PIECES if p.isascii()] + ["bu", "hem", "we", "The", "OF", "Bilen", "x1y", "_", "9a"]


_CYRILLIC_PIECES = ["Выборы", "прошли", "я", " ", "  ", "a", "Zz", "é", "12", "—"]


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("pieces", [_PIECES, _ASCII_PIECES, _CYRILLIC_PIECES], ids=["any", "ascii", "cyrillic"])
def test_detect_lang_as_the_plain_rule(seed, pieces):
    rnd = random.Random(seed)
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) + rnd.choice(["", " "]) for _ in range(rnd.randint(0, 40)))
        assert detect_lang(text) == _detect_lang_plain(text), text
    long = " ".join(rnd.choice(pieces) for _ in range(3000))  # over the 3,000 and 1,500 samples
    assert detect_lang(long) == _detect_lang_plain(long)


def test_turkmen_letters_are_one_set():
    assert set(TURKMEN_LETTERS) == set(_TK_LETTER.pattern.strip("[]"))


def test_real_paths_are_os_realpath(tmp_path, monkeypatch):
    import os

    from etl.capture import _RealPaths

    raw = tmp_path / "raw"
    (raw / "sub" / "deep").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("x")
    (raw / "a.txt").write_text("a")
    (raw / "sub" / "b.txt").write_text("b")
    (raw / "sub" / "deep" / "c.txt").write_text("c")
    (raw / "link.txt").symlink_to(raw / "a.txt")
    (raw / "out.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (raw / "dangling.txt").symlink_to(raw / "gone.txt")
    (raw / "outdir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (raw / "indir").symlink_to(raw / "sub", target_is_directory=True)
    (tmp_path / "rawlink").symlink_to(raw, target_is_directory=True)
    names = ["a.txt", "sub/b.txt", "sub/deep/c.txt", "link.txt", "out.txt", "dangling.txt", "missing.txt",
             "outdir/secret.txt", "indir/b.txt", "indir/deep/c.txt", "sub/../a.txt", "sub/..", "sub/.",
             "indir/../a.txt", "outdir/../raw/a.txt"]
    monkeypatch.chdir(tmp_path)
    for root in [raw, tmp_path / "rawlink", Path("raw"), Path("rawlink"), Path("raw/sub/..")]:
        for real_paths in (_RealPaths(root), _RealPaths(root, os.path.realpath(root))):  # (read_all's)
            assert real_paths.root == os.path.realpath(root)
            for name in names:
                path = Path(os.path.join(root, name))
                assert real_paths.real(path) == os.path.realpath(path), (root, name)
                assert real_paths.real(path) == os.path.realpath(path), (root, name)  # from its memo
                assert real_paths.within(path) == (os.path.realpath(path) + "/").startswith(
                    os.path.realpath(root) + "/"), (root, name)


def _mojibake_plain(lines):
    from etl.capture import _mojibake_line

    wide = [line for line in lines if not line.isascii()]
    if not wide:
        return None
    codecs = [c for c in map(_mojibake_line, wide) if c]
    if codecs and len(codecs) * 2 >= len(wide):
        codec = max(set(codecs), key=codecs.count)
        return (f"mojibake: {len(codecs)} of {len(wide)} lines are UTF-8 text read as {codec} "
                "(the wrong charset): not page text")
    return None


@pytest.mark.parametrize("seed", range(3))
def test_mojibake_stops_early_with_the_same_answer(seed):
    from etl.capture import mojibake

    rnd = random.Random(seed)
    good = ["Saýlaw geçirildi", "Выборы прошли", "plain ascii", "Türkmenistan – Italy", "€ 5 “quoted”", ""]
    bad = [g.encode("utf-8").decode(codec, "ignore") for g in good for codec in ("cp1252", "latin-1", "cp1251")]
    for _ in range(3000):
        lines = [rnd.choice(good if rnd.random() < rnd.random() else bad) for _ in range(rnd.randint(0, 9))]
        assert mojibake(lines) == _mojibake_plain(lines), lines


def test_page_line_tests_as_the_plain_rules():
    from etl.page import (
        CHROME_LINES, EXCERPT_SEPARATOR, HEADER_LINES, _has_letters, _is_boilerplate, _is_excerpt_separator,
        is_chrome, is_header, strip_ellipsis,
    )

    lines = ["", " ", "-----", "  ------  ", "-- ---", "a-----", "-----\n", "----- x", "news-img", " News   IMG ",
             "Central Commission for Holding Elections and Referendums in Turkmenistan", "ab1", "a b c", "12 345",
             "x...", "x …  ", "x. . .", "...", "…", "text ... more", "word...\n", "ẞ", "İi", "ﬀ", "Ǆ3"]
    lines += sorted(HEADER_LINES | CHROME_LINES)
    for line in lines:
        assert _is_boilerplate(line) == (is_header(line) or is_chrome(line)), line
        assert _is_excerpt_separator(line) == bool(EXCERPT_SEPARATOR.match(line)), line
        assert _has_letters(line, 3) == (len(re.findall(r"[^\W\d_]", line)) >= 3), line
        assert strip_ellipsis(line) == re.sub(r"\s*(\.\.\.|…)\s*$", "", line), line


def test_html_to_page_leaves_no_cyclic_garbage():
    import gc

    from etl.html_text import _Node, html_to_page

    pages = ["<html><body><main><article><h1>Title</h1><time>12 Mar</time><p>Text of the story.</p></article>"
             "<aside class='last-news'><div><a href='/en/news/2'>Other</a><span>11 Mar</span></div></aside>"
             "</main></body></html>",
             "<div><p>a < b <unclosed <!-- x"]  # read by html.parser after the fast reader gives up
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for html in pages:
            assert html_to_page(html, "https://saylav.gov.tm/en/news/1").text
        gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds stays in gc.garbage to be looked at
        gc.collect()
        # (other threads of the test session may leave garbage of their own meanwhile)
        left = [obj for obj in gc.garbage if isinstance(obj, _Node)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert left == []


def test_read_all_leaves_the_collector_as_it_was(tmp_path):
    import gc

    from etl.sightings import read_all

    (tmp_path / "a.txt").write_text("12 Mar\nTitle\nA story of some length, told in one line of text.\n")
    assert gc.isenabled()
    read_all(tmp_path)
    assert gc.isenabled()
    gc.disable()
    try:
        read_all(tmp_path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_strip_ellipsis_as_the_pattern_on_every_short_text():
    from itertools import product

    from etl.page import _TRAILING_ELLIPSIS, strip_ellipsis

    for n in range(7):
        for chars in product("a.… \n\u00a0", repeat=n):
            text = "".join(chars)
            assert strip_ellipsis(text) == _TRAILING_ELLIPSIS.sub("", text), repr(text)


_BASES = [None, "", "https://saylav.gov.tm/en/news/5", "https://www.saylav.gov.tm/en/news/5?x=1#f",
          "http://saylav.st.com.tm/tk/news", "http://127.0.0.1:8/en/news/1", "https://user@Host:443/a/b;p?q",
          "saylav.gov.tm/en", "//saylav.gov.tm/x", "https://[::1]:80/x", "https://[::1/x", "mailto:x@y.org",
          "ftp://saylav.gov.tm/x", "https://example.org/a/b/c/", "HTTPS://SAYLAV.GOV.TM/RU/NEWS/2",
          " https://saylav.gov.tm/en/news/1", "https://saylav.gov.tm:8443/en/", "https:saylav.gov.tm/en"]
_HREFS = [None, "", "/en/news/5", " /en/news/5 ", "/", "/en/../ru/news/2", "/./en//news/3", "/en/news?id=4",
          "/en/news/5#frag", "/;p", "//other.org/x", "//saylav.gov.tm/en/news/7", "/x:y", "en/news/5",
          "../news/5", "?page=2", "#top", "/en/news/5\t", "/%20", "/a b", "/en/news/..", "/en/news/.",
          "https://saylav.gov.tm/en/news/9", "/tk/law?id=4", "/ru/news?page=2", "/\\x", "/en/news/5?a=1&b=2"]


@pytest.mark.parametrize("aliases", [(), ("127.0.0.1:9",), ["127.0.0.1:9"]], ids=["none", "tuple", "list"])
def test_page_links_as_canonical_url(aliases):
    from etl.html_text import _link_target, _PageLinks

    for base in _BASES:
        links = _PageLinks(base, aliases)
        for href in _HREFS + _HREFS:  # (the second time from the memo)
            try:
                expected = _link_target(href, base, aliases)
            except ValueError as e:
                with pytest.raises(ValueError, match=re.escape(str(e))):
                    links.target(href)
                continue
            assert links.target(href) == expected, (base, href)


def _mojibake_line_plain(line):
    for codec in ("cp1252", "latin-1", "cp1251"):
        try:
            fixed = line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != line:
            return codec
    return None


@pytest.mark.parametrize("seed", range(4))
def test_mojibake_line_as_the_plain_test(seed):
    from etl.capture import _BYTE_OF, _MOJIBAKE_CODECS, _mojibake_line

    assert _MOJIBAKE_CODECS == ("cp1252", "latin-1", "cp1251")
    rnd = random.Random(seed)
    texts = ["Saýlaw geçirildi", "Выборы прошли", "Türkmenistan – Italy", "€ 5 “quoted”", "ñandú", "日本",
             "😀 ok", "a\u0081b", "x\u00a0y", "Ёлка ёж", "ŉ Ǆ"]
    wrong = [t.encode("utf-8").decode(c, "ignore") for t in texts for c in ("cp1252", "latin-1", "cp1251")]
    # every character any of the charsets has, and a few they do not
    chars = sorted({ch for table in _BYTE_OF.values() for ch in table}) + ["ň", "ş", "ž", "😀", "\u0100"]
    for _ in range(20000):
        kind = rnd.random()
        if kind < 0.4:
            line = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 6)))
        else:
            line = rnd.choice(texts + wrong)
            cut = rnd.randint(0, len(line))
            line = line[:cut] + rnd.choice(["", "a", " ", rnd.choice(chars)]) + line[cut:]
        assert _mojibake_line(line) == _mojibake_line_plain(line), repr(line)
    for a in chars:  # every pair of characters after an ASCII prefix
        for b in chars[::7] + [""]:
            line = "ab " + a + b
            assert _mojibake_line(line) == _mojibake_line_plain(line), repr(line)


@pytest.mark.parametrize("size_said", ["true", "smaller", "zero", "larger"])
def test_read_up_to_reads_what_read_would(tmp_path, size_said):
    import os

    from etl.capture import _read_up_to

    for n in [0, 1, 2, 9, 10, 11, 50]:
        path = tmp_path / f"f{n}"
        path.write_bytes(bytes(range(n)))
        for most in [1, 2, 10, 11, 12, 100]:
            size = {"true": n, "smaller": max(n - 3, 0), "zero": 0, "larger": n + 5}[size_said]
            fd = os.open(path, os.O_RDONLY)
            try:
                got = _read_up_to(fd, most, size)
            finally:
                os.close(fd)
            with open(path, "rb") as f:
                assert got == f.read(most), (n, most, size)


def _fold_plain(text):
    """translit.fold as first written: every step on every text."""
    import unicodedata
    from etl.translit import _COMBINING, _CYR_TABLE
    text = (text or "").casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_CYR_TABLE))
        text = _COMBINING.sub("", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def test_fold_table_changes_only_the_cyrillic_block():
    from etl.translit import _CYR_ANY, _CYR_TABLE
    assert all(_CYR_ANY.fullmatch(chr(code)) for code in _CYR_TABLE)


def test_fold_as_the_plain_form_on_every_character():
    from etl.translit import fold
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        text = f"{c}a{c}{c}b Ж{c}ş{c}"  # alone at the ends, between letters, doubled, by Cyrillic
        assert fold.__wrapped__(text) == _fold_plain(text), hex(code)


@pytest.mark.parametrize("seed", range(5))
def test_fold_as_the_plain_form_on_mixed_texts(seed):
    from etl.translit import fold
    rnd = random.Random(seed)
    pieces = ["Мырадов", "Garaşsyzlyk", "Ýene", "ǅ", "ℌ", "Ⅷ", "é", "e\u0301", "\u20d0", "\ud800", "—",
              "«", " ", "\t", "\n", "A", "z", "0", "9", "_", "-", "ß", "İ", "ﬁ", "½", "ә", "Ё", "\u00a0", "x"]
    for _ in range(3000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 12)))
        assert fold.__wrapped__(text) == _fold_plain(text), repr(text)
    assert fold.__wrapped__(None) == _fold_plain(None) == ""


def test_letter_counts_as_the_regexes_on_every_character():
    from etl.text import _CYRILLIC_RUN, _LATIN_RUN, _count, _cyrillic_count, _latin_count
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        text = f"{c}a{c}{c}Ж {c}"
        raw = text.encode("utf-8", "surrogatepass")
        assert _cyrillic_count(raw) == _count(_CYRILLIC_RUN, text), hex(code)
        assert _latin_count(raw) == _count(_LATIN_RUN, text), hex(code)


def test_white_space_and_digits_of_str_are_the_regexs():
    # the page's pre-tests use str.lstrip / str.split for the regex's \s and str.isdecimal for its \d
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert c.isspace() == bool(re.fullmatch(r"\s", c)), hex(code)
        assert c.isdecimal() == bool(re.fullmatch(r"\d", c)), hex(code)


_DATE_PIECES = ["02", "2", "31", "7", "١٢", "2022", "1999", "Dec", "dec.", "DECEMBER", "Mart", "марта", "Ноябр",
                "ýanwar", "Jly", "Fewr", "12.03.2022", "31.02.2023", ".", ",", "x", "news", "—", "...", "99"]
_GAPS = ["", " ", "  ", "\t", "\u00a0", "\u2009", " " * 40, "\n"]


def _date_like_lines(rnd, n):
    """Lines made of date-line pieces and white space, some padded past the memo's 64 characters."""
    for _ in range(n):
        words = [rnd.choice(_DATE_PIECES) for _ in range(rnd.randint(0, 7))]
        line = rnd.choice(_GAPS) + "".join(w + rnd.choice(_GAPS[1:] if rnd.random() < 0.8 else _GAPS)
                                           for w in words)
        yield line if rnd.random() < 0.5 else line.rstrip()


@pytest.mark.parametrize("seed", range(3))
def test_page_date_pre_tests_as_the_plain_rules(seed):
    from etl.dates import _parse_site_date_line as plain_site_date
    from etl.dates import looks_like_date_line, parse_site_date_line
    from etl.page import _date_line_problem, _may_look_like_date_line

    rnd = random.Random(seed)
    for line in _date_like_lines(rnd, 20000):
        assert parse_site_date_line(line) == plain_site_date(line), repr(line)
        if not _may_look_like_date_line(line):
            assert not looks_like_date_line(line), repr(line)
            assert _date_line_problem(line) is None, repr(line)
    for text in ["   " * 30 + "02   Dec  " + " " * 60, "02 " + " " * 70 + "Dec", "Dec 02, 2022" + "\t" * 70,
                 "02 . Dec. , 2022" + " " * 60, "02 . Dec. , 2022 x" + " " * 60, "9 Jly" + " " * 80]:
        assert parse_site_date_line(text) == plain_site_date(text), repr(text)


def test_page_lines_as_the_plain_passes():
    from etl.page import _is_boilerplate, _may_have_excerpts, _numbered, _page_lines

    rnd = random.Random(5)
    pieces = ["", " ", "\t", "news-img", "News  IMG ", "baradaky merkezi topar", "-----", " ------ ", "----",
              "02 Dec", "Title", "Text of the story.", "x" * 120, "  indented", "\u00a0"]
    for _ in range(3000):
        lines = [rnd.choice(pieces) + rnd.choice(["", " ", "  \t"]) for _ in range(rnd.randint(0, 12))]
        numbered = [(n, line) for n, line in _numbered(lines) if not _is_boilerplate(line)]
        content = [(n, line) for n, line in numbered if line.strip()]
        assert _page_lines(lines) == (numbered, content), lines
        assert _may_have_excerpts(lines) or not any("-----" in line for _, line in numbered), lines


def _is_url_plain(value):
    from urllib.parse import urlsplit
    try:
        urlsplit(value.strip()).port
    except ValueError:
        return False
    return True


def test_plain_urls_are_urls_to_urlsplit():
    from etl.capture import _PLAIN_URL, _is_url

    rnd = random.Random(3)
    pieces = ["https://", "http://", "saylav.gov.tm", "/en/news/5", ":80", ":x", "[", "]", "[::1]", "@", "user@",
              "?q=1", "#f", " ", "\t", "\n", "ä", "ｓ", "／", "\u2100", "-", ".", "HTTP://", "ftp://", "//", "x"]
    for _ in range(30000):
        value = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        assert _is_url(value) == _is_url_plain(value), repr(value)
        if _PLAIN_URL.fullmatch(value.strip()):
            assert _is_url_plain(value), repr(value)
    for value in ["https://saylav.gov.tm/en/news/128", "https://[x/en/news/5", "https://saylav.gov.tm:x/en",
                  "https://saylav.gov.tm:99999/", "http://a.b?x=[1]", "https://a\u2100b/"]:
        assert _is_url(value) == _is_url_plain(value), value


@pytest.mark.parametrize("seed", range(3))
def test_not_text_count_on_bytes_as_the_regex(seed):
    from etl.capture import _NOT_TEXT, _not_text_count

    rnd = random.Random(seed)
    chars = [chr(c) for c in range(0, 0x250)] + ["\ufffd", "\ue000", "\uf8ff", "\uf900", "я", "ý", "–", "«",
                                                 "\u00a0", "😀", "\ud800", "\U000f0000"]
    for _ in range(5000):
        text = "".join(rnd.choice(chars if rnd.random() < 0.3 else "ab \n\tя") for _ in range(rnd.randint(0, 30)))
        raw = text.encode("utf-8", "surrogatepass")
        for utf8 in (raw, b"\xef\xbb\xbf" + raw, None):
            assert _not_text_count(text, utf8) == len(_NOT_TEXT.findall(text)), repr(text)


def test_relative_path_as_pathlib(tmp_path):
    from pathlib import PurePosixPath

    from etl.capture import _relative

    roots = [Path("/"), Path("."), Path("data/raw"), Path("/tmp/raw"), Path("/tmp/raw/"), Path("/tmp/ra"), tmp_path]
    for root in roots:
        for rest in ["a.txt", "x/y/b.html", "../c.txt", "w/./z.txt", "w//z.txt"]:
            path = root / rest
            assert _relative(path, root) == path.relative_to(root).as_posix(), (root, rest)
    for path, root in [(Path("/tmp/raw2/a.txt"), Path("/tmp/raw")), (Path("a.txt"), Path("data"))]:
        with pytest.raises(ValueError):
            _relative(path, root)
    assert _relative(PurePosixPath("/r/a.txt"), PurePosixPath("/r")) == "a.txt"


@pytest.mark.parametrize("seed", range(3))
def test_page_passes_as_their_plain_forms(seed):
    from etl.dates import parse_site_date_line
    from etl.page import (
        _date_line_problem, _date_line_problems, _list_items, _page_lines, split_page,
    )

    rnd = random.Random(seed)
    pieces = ["02 Dec", " 02 Dec", "31 Feb", "07 Jly", "12.03.2022", "Title of an item", "A snippet cut...",
              "Text of the story, long enough to be a paragraph of it." * 3, "Read also", "Loading...", "",
              "  ", "news-img", "   indented title", "1 2 3 4 5 6 7 8", "02    " + " " * 70 + "Dec", "-----"]
    for _ in range(2000):
        lines = [rnd.choice(pieces) for _ in range(rnd.randint(0, 16))]
        numbered, content = _page_lines(lines)
        plain = [(n, p, line.strip()[:200]) for n, line in content for p in [_date_line_problem(line)] if p]
        assert _date_line_problems(content) == plain, lines
        date_at = {n: dm for n, line in content for dm in [parse_site_date_line(line)] if dm}
        for position, undated in [("sidebar", False), ("listing", True)]:
            assert _list_items(numbered, position, undated, date_at) == _list_items(numbered, position, undated)
        assert split_page(lines) == split_page(lines, links={"\0": "x"}), lines  # links: no title is "\0"


def test_read_fd_reads_what_a_buffered_read_would():
    import os
    import threading

    from etl.capture import _read_fd

    # a pipe hands its bytes over in pieces: the read goes on to n bytes or the end
    payload = bytes(range(256)) * 50
    r, w = os.pipe()

    def write():
        for i in range(0, len(payload), 1000):
            os.write(w, payload[i:i + 1000])
        os.close(w)

    t = threading.Thread(target=write)
    t.start()
    try:
        assert _read_fd(r, 7000) == payload[:7000]
        assert _read_fd(r, 100000) == payload[7000:]
        assert _read_fd(r, 10) == b""
    finally:
        t.join()
        os.close(r)


def test_decode_utf8_sig_as_the_codec():
    from etl.capture import _decode_utf8_sig

    rnd = random.Random(9)
    pieces = [b"\xef\xbb\xbf", b"a", b"\xd0\x92", b"\xc3", b"\xff", b"\xe2\x80", b"\xed\xa0\x80", b" ", b"\n"]
    for _ in range(20000):
        data = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        try:
            want = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            with pytest.raises(UnicodeDecodeError) as got:
                _decode_utf8_sig(data)
            assert str(got.value) == str(e) and got.value.start == e.start, data
        else:
            assert _decode_utf8_sig(data) == want, data


def test_near_words_as_the_word_pattern():
    from etl.text import _NEAR_BLOCKS, _NEAR_WORDS, _WORDS, _words

    near = [chr(c) for first, last in _NEAR_BLOCKS for c in range(first, last + 1) if not 0xD800 <= c <= 0xDFFF]
    for c in near:  # every character of the blocks: a letter of the one pattern exactly when of the other
        assert _NEAR_WORDS.findall("1" + c + "1") == _WORDS.findall("1" + c + "1"), hex(ord(c))
    rnd = random.Random(4)
    far = ["日", "😀", "\u2070", "\u2071", "ⁿ", "ℕ", "\ufb01", "\ud800", "ａ"]
    for _ in range(5000):
        text = "".join(rnd.choice(near if rnd.random() < 0.9 else far) for _ in range(rnd.randint(0, 30)))
        raw = text.encode("utf-8", "surrogatepass")
        for utf8 in (None, raw, raw + "日".encode()):
            assert _words(text, utf8) == _WORDS.findall(text), repr(text)


def test_real_path_parts_as_posixpath():
    import posixpath

    from etl.capture import _split

    for path in ["", "/", "//", "///", "a", "/a", "a/", "a/b", "/a/b", "//a//b", "/a/b/", "a//", "/tmp/raw/x.txt",
                 "./x", "../x", "a/./b", "/ä/ü.txt", "a/b.meta.json"]:
        assert _split(path) == posixpath.split(path), path
        folder, name = _split(path)
        if name:
            for real_folder in ["", "/", "/r", "/r/", "r"]:
                got = real_folder + name if not real_folder or real_folder.endswith("/") else f"{real_folder}/{name}"
                assert got == posixpath.join(real_folder, name), (real_folder, name)


def test_squash_of_a_squashed_text_is_the_text():
    # the fast path: every character between letters, alone and doubled, at the ends
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        for text in (f"a{c}b", f"a{c}{c}b", f"{c}a", f"a{c}", c):
            assert squash(text) == _SPACES.sub(" ", text).strip(), hex(code)
    rnd = random.Random(8)
    for _ in range(20000):
        text = "".join(rnd.choice(["a", "я", " ", "  ", "\u00a0", "\t", "\n", "\u2009", "\xad", "ý", "."])
                       for _ in range(rnd.randint(0, 12)))
        assert squash(text) == _SPACES.sub(" ", text).strip(), repr(text)
