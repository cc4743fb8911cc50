"""HTML -> page text (etl/html_text.py), on the fixture site's pages and on small snippets."""

import pytest

from etl.html_text import (
    canonical_url,
    decode_html,
    html_to_page,
    is_date_line,
    parse_news_url,
)
from tests.sites.content import CHROME_MARKERS, HEADERS, STORIES
from tests.sites.site import (
    FixtureSite,
    LANGS,
    STRUCTURE,
    malform,
    render_mirror_article,
    render_modern_article,
    snippet,
)

BASE = "http://127.0.0.1:8123"


def page_of(site, path, role="main"):
    status, _, body = site.respond(role, path, {})
    assert status == 200, path
    return html_to_page(body.decode("utf-8"), BASE + path)


def main_lines(page):
    lines = page.text.split("\n")[: page.main_line_count]
    return [line for line in lines if line]


def item_blocks(page):
    rest = page.text.split("\n")[page.main_line_count:]
    return [block.split("\n") for block in "\n".join(rest).strip("\n").split("\n\n") if block]


# ---------------------------------------------------------------------------------------------
# lines


def test_inline_elements_join_and_blocks_break():
    page = html_to_page(
        "<div><p><span>29</span> <span>Mar</span></p><p>One <b>bold</b>"
        "<i>word</i>,\n  two&nbsp;lines<br>after break</p><ul><li>a<li>b</ul></div>", None)
    assert page.text.split("\n\n") == ["29 Mar", "One boldword, two lines", "after break", "a", "b"]
    assert page.main_line_count is None


def test_scripts_styles_navigation_header_and_footer_never_reach_the_text():
    html = (
        "<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<header><div>CENTRAL COMMISSION</div><nav><a href='/en'>Home</a></nav></header>"
        "<div class='breadcrumbs'>Home / News</div>"
        "<script>alert('x')</script><noscript>enable js</noscript>"
        "<p>Kept paragraph.</p><div style='display: none'>hidden text</div>"
        "<div class='sr-only'>screen reader</div>"
        "<footer>Copyright</footer></body></html>")
    assert html_to_page(html, None).text == "Kept paragraph."


def test_a_wrapper_with_a_chrome_looking_class_is_not_dropped():
    # a class like lang-en on the wrapper of the whole page must not remove the page
    html = "<div class='lang-en'><div class='menu'>Menu</div><p>" + "Body text. " * 20 + "</p></div>"
    assert html_to_page(html, None).text.startswith("Body text.")
    assert "Menu" not in html_to_page(html, None).text


def test_day_and_month_in_separate_blocks_become_one_date_line():
    html = "<div class='date'><div class='day'>04</div><div class='month'>Sept</div></div><p>x</p>"
    assert html_to_page(html, None).text.split("\n\n")[0] == "04 Sept"


def test_deeply_nested_broken_markup_does_not_break_the_parser():
    html = "<div>" * 5000 + "<p>deep" + "</span>" * 10
    assert html_to_page(html, None).text == "deep"


def test_pre_keeps_its_lines():
    assert html_to_page("<pre>a\nb</pre>", None).text == "a\n\nb"


# ---------------------------------------------------------------------------------------------
# the fixture site's pages, every language and structure


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sid", sorted(STORIES))
def test_article_pages_main_article_first_then_sidebar_items(lang, sid):
    site = FixtureSite(faults=False)
    if lang not in STORIES[sid]:
        pytest.skip("no such translation")
    page = page_of(site, f"/{lang}/news/{sid}")
    date, title, paras = STORIES[sid][lang]
    assert main_lines(page) == [date, title, *paras]
    # each sidebar item: date line, title, snippet, in the page's order
    expected = [[site.story(lang, i)[0], site.story(lang, i)[1], snippet(site.story(lang, i)[2])]
                for i in site.ids(lang)[:3]]
    assert item_blocks(page) == expected
    for marker in CHROME_MARKERS + [HEADERS[lang], "Latest news", "Soňky habarlar",
                                    "Последние новости", "Read more", "All news", "Facebook"]:
        assert marker not in page.text
    # titles map to their stories, the main title to the page itself
    assert page.links[title] == f"{BASE}/{lang}/news/{sid}"
    for i in site.ids(lang)[:3]:
        assert page.links[site.story(lang, i)[1]] == f"{BASE}/{lang}/news/{i}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("n", [1, 2, 3])  # page 3 holds a single story
def test_listing_pages_are_items_only(lang, n):
    site = FixtureSite(faults=False)
    page = page_of(site, f"/{lang}/news?page={n}")
    assert page.main_line_count == 0
    ids = site.ids(lang)[3 * (n - 1):3 * n]
    assert item_blocks(page) == [
        [site.story(lang, i)[0], site.story(lang, i)[1], snippet(site.story(lang, i)[2])]
        for i in ids]
    assert {page.links[site.story(lang, i)[1]] for i in ids} == {
        f"{BASE}/{lang}/news/{i}" for i in ids}
    for marker in CHROME_MARKERS + [HEADERS[lang], "Новости", "Habarlar"]:
        assert marker not in page.text
    assert "\u00ab" not in page.text and "\u00bb" not in page.text  # pager arrows


def test_the_two_structures_really_differ():
    site = FixtureSite(faults=False)
    modern = site.respond("main", "/en/news/3", {})[2].decode()
    legacy = site.respond("main", "/tk/news/3", {})[2].decode()
    assert STRUCTURE["en"] != STRUCTURE["tk"]
    assert "<article" in modern and "<aside" in modern
    assert "<article" not in legacy and "<aside" not in legacy and "<table" in legacy


def test_mirror_page_without_main_markup_keeps_document_order():
    date, title, paras = STORIES[2]["tk"]
    page = html_to_page(render_mirror_article("tk", 2, STORIES[2]["tk"]),
                        "https://saylav.st.com.tm/tk/news/2")
    assert page.main_line_count is None
    assert page.text.split("\n\n") == [date, title, *paras]


def test_malformed_page_reads_like_the_well_formed_one():
    site = FixtureSite(faults=False)
    sidebar = [(i, site.story("ru", i)) for i in site.ids("ru")[:3]]
    good = render_modern_article("ru", 7, site.story("ru", 7), sidebar)
    bad = malform(good)
    assert bad.count("</p>") == 0 and bad.count("<p>") > 0  # it really is broken
    assert html_to_page(bad, BASE + "/ru/news/7").text == html_to_page(good, BASE + "/ru/news/7").text


def test_page_without_any_markup_hints_falls_back_to_document_order():
    html = ("<div><div>12 Jan</div><div>Title here</div><div>Body one.</div>"
            "<div><a href='/en/news/5'>Other story</a></div><div>Its snippet...</div></div>")
    page = html_to_page(html, "https://saylav.gov.tm/en/news/9")
    assert page.main_line_count is None
    assert page.text == "12 Jan\n\nTitle here\n\nBody one.\n\nOther story\nIts snippet..."
    assert page.links == {"Other story": "https://saylav.gov.tm/en/news/5"}


def test_sidebar_links_in_other_languages_are_not_items():
    html = ("<article><h1>T</h1><p>" + "Body. " * 30 + "</p></article>"
            "<aside><ul><li><a href='/tk/news/5'>Türkmençe</a></li>"
            "<li><a href='/en/news/4'>Other</a> <p>Snippet...</p></li></ul></aside>")
    page = html_to_page(html, "https://www.saylav.gov.tm/en/news/6")
    assert "Türkmençe" not in page.text
    assert page.text.endswith("Other\nSnippet...")
    assert page.links["Other"] == "https://saylav.gov.tm/en/news/4"
    assert page.links["T"] == "https://saylav.gov.tm/en/news/6"


# ---------------------------------------------------------------------------------------------
# URLs, dates, bytes


@pytest.mark.parametrize("url,expected", [
    ("https://saylav.gov.tm/en/news/128", ("en", "news", 128)),
    ("http://www.saylav.gov.tm/ru/news/201/", ("ru", "news", 201)),
    ("https://saylav.st.com.tm/tk/news/142#top", ("tk", "news", 142)),
    ("saylav.gov.tm/en/articles/56", ("en", "articles", 56)),
    ("/en/elections/376", ("en", "elections", 376)),
    ("https://saylav.gov.tm/tk/law?id=4", ("tk", "law", 4)),
    ("https://saylav.gov.tm/ru/news?page=2", ("ru", "news", None)),
    ("https://saylav.gov.tm/en", ("en", None, None)),
    ("https://saylav.gov.tm/de/news/1", (None, None, None)),
    ("", (None, None, None)),
    (None, (None, None, None)),
])
def test_parse_news_url(url, expected):
    assert parse_news_url(url) == expected


def test_canonical_url_folds_www_and_mirror_hosts():
    base = "https://saylav.gov.tm/en/news/1"
    assert canonical_url("/en/news/2", base) == "https://saylav.gov.tm/en/news/2"
    assert canonical_url("http://www.saylav.gov.tm/en/news/2#x", base) == \
        "https://saylav.gov.tm/en/news/2"
    assert canonical_url("https://saylav.st.com.tm/en/news/2", base) == \
        "https://saylav.gov.tm/en/news/2"
    assert canonical_url("https://saylav.st.com.tm/en/news/2",
                         "https://saylav.st.com.tm/en/news/1") == "https://saylav.gov.tm/en/news/2"
    assert canonical_url("https://example.org/en/news/2", base) is None
    assert canonical_url("mailto:x@example.org", base) is None
    # a test server and its mirror alias on another port
    assert canonical_url("http://127.0.0.1:9/en/news/2", "http://127.0.0.1:8/en/news/1",
                         aliases=["127.0.0.1:9"]) == "http://127.0.0.1:8/en/news/2"
    assert canonical_url("http://127.0.0.1:9/en/news/2", "http://127.0.0.1:8/en/news/1") is None


@pytest.mark.parametrize("line", ["27 Jan", "11 June", "04 Sept", "22 Mart", "18 Ýan", "06 Few",
                                  "31 Март", "11 Май", "25 Дек", "29.03.2023", "Mar 29",
                                  "02 Dec 2022"])
def test_date_lines(line):
    assert is_date_line(line)


@pytest.mark.parametrize("line", ["29", "Voting continues", "12 candidates", "The 3 Marches",
                                  "26 Mart 2023-nji ýylda geçiriljek saýlawlar"])
def test_not_date_lines(line):
    assert not is_date_line(line)


def test_decode_html_charsets():
    text = "Saýlaw – Выборы"
    assert decode_html(text.encode("utf-8"), "text/html; charset=utf-8") == text
    assert decode_html(("<meta charset='windows-1251'>" + "Выборы").encode("cp1251")).endswith(
        "Выборы")
    assert decode_html(b"\xef\xbb\xbfabc") == "abc"
    assert decode_html(b"caf\xe9 \xff") .startswith("caf")  # undecodable bytes do not raise


def test_items_linked_only_by_read_more_or_an_image():
    html = ("<article><h1>Main</h1><p>" + "Body. " * 30 + "</p></article>"
            "<div class='other-news'>"
            "<div class='item'><h4>Title A</h4><p>Snippet A...</p>"
            "<a href='/en/news/4'>Read more</a></div>"
            "<div class='item'><a href='/en/news/3'><img src='x.jpg'></a><span class='date'>"
            "<span>02</span> <span>Dec</span></span><h4>Title B</h4><p>Snippet B...</p></div>"
            "</div>")
    page = html_to_page(html, "https://saylav.gov.tm/en/news/6")
    assert page.text.split("\n\n")[2:] == ["Title A\nSnippet A...", "02 Dec\nTitle B\nSnippet B..."]
    assert page.links["Title A"] == "https://saylav.gov.tm/en/news/4"
    assert page.links["Title B"] == "https://saylav.gov.tm/en/news/3"
    assert "Read more" not in page.text


def test_a_date_in_its_own_inline_element_does_not_glue_onto_the_title():
    html = ("<main><article><h1>Main story</h1><p>Body text of the main story, long enough to be a body.</p>"
            "</article><aside><ul><li><span>29 Mar</span><a href='/en/news/701'>Voting continues</a></li>"
            "<li><span>12 Mar</span><a href='/en/news/700'>Meeting with the UNDP delegation</a></li></ul></aside></main>")
    page = html_to_page(html, "https://saylav.gov.tm/en/news/702")
    lines = [line for line in page.text.split("\n") if line]
    assert lines[-4:] == ["29 Mar", "Voting continues", "12 Mar", "Meeting with the UNDP delegation"]
    assert page.links["Voting continues"] == "https://saylav.gov.tm/en/news/701"


# ---------------------------------------------------------------------------------------------
# time linear in the page's size, whatever its nesting


def _nested(n, open_="<div>", close="</div>", inner="<p>12 Mar</p><h1>Voting continues</h1>"
            "<a href='/en/news/5'>Voting continues</a><p>The polling stations opened at seven.</p>"):
    return "<html><body>" + open_ * n + inner + close * n + "</body></html>"


HOSTILE = {
    "nested divs": lambda n: _nested(n),
    "unclosed divs": lambda n: "<html><body>" + "<div>" * n + "text",
    "nested spans round a date": lambda n: _nested(n, "<span>", "</span>", "5 Mar"),
    "nested articles full of links": lambda n: _nested(
        n, "<article class='news-detail'>", "</article>", "<a href='/en/news/5'>x</a>" * 20 + "body"),
    "nested headers": lambda n: _nested(n, "<header>", "</header>", "<h2>T</h2>"),
    "nested lists": lambda n: _nested(n, "<ul><li>", "</li></ul>", "x"),
    "links in tables in links": lambda n: _nested(n, "<a href='/en/news/9'><table><td>", "</td></table></a>",
                                                  "Read more"),
    "many links deep down": lambda n: "<html><body>" + "<div>" * n + "".join(
        "<a href='/en/news/7'>t</a><h3>h</h3>" for _ in range(n)) + "</div>" * n,
    "stray end tags": lambda n: "<div>" * n + "</span>" * n,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_time_grows_linearly_with_nesting(name):
    """4x the nesting costs about 4x the time (a quadratic reader takes 9x to 16x)."""
    import gc
    import time

    def best(n):
        html = HOSTILE[name](n)
        times = []
        for _ in range(5):  # the best of five: other work on the machine only ever adds time
            gc.collect()
            t = time.perf_counter()
            html_to_page(html, "https://saylav.gov.tm/en/news/7")
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = best(1000), best(4000)
    assert large < 6 * small + 0.1, f"{name}: {small:.3f}s at 1,000 levels, {large:.3f}s at 4,000"


def test_a_hundred_thousand_nested_divs_read_in_seconds():
    import time

    html = _nested(100_000)
    assert len(html) > 1_000_000
    t = time.perf_counter()
    page = html_to_page(html, "https://saylav.gov.tm/en/news/7")
    assert time.perf_counter() - t < 30
    assert page.text.split("\n\n")[:2] == ["12 Mar", "Voting continues"]
