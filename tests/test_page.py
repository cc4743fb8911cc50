"""Page text -> items, in the six layouts of the real site (SITE.md), in the three languages."""
from __future__ import annotations

from pathlib import Path

from etl.page import split_page, strip_ellipsis

TEXTS = Path(__file__).parent / "fixtures" / "texts"


def split(name: str, **kw):
    return split_page((TEXTS / name).read_text(encoding="utf-8").split("\n"), **kw)


def shape(page):
    return [(i.position, i.date_text, i.title, len(i.paragraphs), i.is_snippet) for i in page.items]


def test_layout_1_full_page_header_date_title_body_then_sidebar():
    page = split("page_full_en.txt")
    assert page.layout == "dated" and page.problems == []
    assert shape(page) == [
        ("main", "18 Jan", "Training seminars were held for the members of election commissions", 2, False),
        ("sidebar", "12 Dek", "Saýlaw toparlarynyň agzalary üçin okuw-maslahatlar geçirildi", 1, True),
        ("sidebar", "05 Dec", "The Central Election Commission held a meeting", 1, True),
        ("sidebar", "28 Nov", "Observers from the CIS", 0, False),  # the capture ends after the title
    ]


def test_layout_1_with_the_turkmen_header_over_three_lines():
    page = split("tk_turnout_president_hour.txt")
    assert [(i.position, i.date_text, i.title) for i in page.items] == [
        ("main", "12 Mart", "Ses beriş dowam edýär"), ("sidebar", "11 Mart", "Saýlaw uçastoklary taýýar")]
    assert page.items[0].line == 5


def test_layout_2_date_line_then_body_without_title():
    page = split("page_date_body.txt")
    assert shape(page) == [("main", "15 Sen", None, 2, False)]


def test_layout_3_body_only_then_undated_snippets_in_other_languages():
    page = split("page_body_only_snippets.txt")
    assert page.layout == "body-only"
    assert shape(page) == [("main", None, None, 2, False)] + [("sidebar", None, None, 1, True)] * 4
    assert page.items[2].paragraphs[0].startswith("Türkmenistanyň Saýlaw kodeksine")
    # the very last line is cut mid-word by the capture, without "..."
    assert page.items[-1].paragraphs[0].endswith("at which the pla")


def test_layout_4_upper_case_title_then_body():
    page = split("page_title_body.txt")
    assert page.layout == "title-body"
    assert shape(page) == [("main", None, "SAÝLAW UÇASTOKLARY — SANLARDA", 2, False)]


def test_layout_5_mirror_pages_with_and_without_title():
    assert shape(split("page_mirror.txt")) == [("main", "24 Ýan", None, 2, False)]
    assert shape(split("page_mirror_title.txt")) == [
        ("main", "21 Май", "Проведено заседание Центральной комиссии", 2, False)]


def test_layout_6_listing_pairs_of_title_and_snippet():
    page = split("page_listing.txt", is_listing_page=True)
    assert shape(page) == [
        ("listing", None, "The voting for the elections has ended", 1, True),
        ("listing", None, "Voting continues", 1, True),
        ("listing", None, "Polling stations opened", 1, True),
    ]
    # recognised from its shape alone as well
    assert split("page_listing.txt").layout == "listing"


def test_title_printed_before_the_date_line():
    page = split("page_title_then_date.txt")
    assert shape(page) == [("main", "07 July", "Voting continues", 1, False),
                           ("sidebar", "06 July", "Polling stations are ready", 1, True)]


def test_html_markup_tells_main_from_sidebar():
    lines = ["02 Dec", "A title", "Body text of the story.", "01 Dec", "Other", "Snippet..."]
    page = split_page(lines, main_line_count=3, links={"Other": "/en/news/7"})
    assert [(i.position, i.title, i.url) for i in page.items] == [("main", "A title", None), ("sidebar", "Other", "/en/news/7")]


def test_unknown_date_format_and_empty_pages_are_problems():
    page = split_page(["07 Jly", "Voting continues", "By 11:00, 41,29% of voters voted."])
    assert (1, "unknown date format", "07 Jly") in page.problems
    assert split_page(["", "  "]).problems == [(0, "page has no text", "")]


def test_strip_ellipsis():
    assert strip_ellipsis("the campaign of the candidates starts...") == "the campaign of the candidates starts"
    assert strip_ellipsis("kuww…") == "kuww"


def test_after_a_date_line_a_long_title_is_still_the_title():
    page = split("page_long_title.txt")
    assert shape(page) == [("main", "27 Jan", "The CIS international observers visit divisional election committees "
                                               "of Ashgabat and Ahal velayat", 2, False)]
