"""Date lines in the three languages, full dates in running text, and the year of a date line."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.dates import (
    DayMonth, dates_in_text, estimate_from_neighbours, looks_like_date_line, parse_date_line, year_before,
    year_between, year_from_text, year_near, years_named,
)

TEXTS = Path(__file__).parent / "fixtures" / "texts"


def text(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("line, day, month", [
    ("27 Jan", 27, 1), ("11 June", 11, 6), ("03 July", 3, 7), ("04 Sept", 4, 9), ("02 Dec", 2, 12),
    ("12 Apr.", 12, 4), ("9 Aug", 9, 8), ("15 Nov", 15, 11), ("01 Oct", 1, 10),
    ("22 Mart", 22, 3), ("18 Ýan", 18, 1), ("06 Few", 6, 2), ("02 Dek", 2, 12), ("14 Apr", 14, 4),
    ("05 Maý", 5, 5), ("10 Iýun", 10, 6), ("07 Iýul", 7, 7), ("20 Awg", 20, 8), ("01 Sen", 1, 9),
    ("12 Okt", 12, 10), ("28 Noý", 28, 11),
    ("31 Март", 31, 3), ("11 Май", 11, 5), ("18 Июль", 18, 7), ("27 Фев", 27, 2), ("25 Янв", 25, 1),
    ("05 Окт", 5, 10), ("25 Дек", 25, 12), ("03 Апр", 3, 4), ("10 Июнь", 10, 6), ("02 Авг", 2, 8),
    ("16 Сен", 16, 9), ("30 Ноя", 30, 11),
    ("Dec 02", 2, 12), ("12 Fewr", 12, 2), ("15 Нояб", 15, 11), ("10 Marc", 10, 3),
])
def test_date_lines_in_three_languages(line, day, month):
    dm = parse_date_line(line)
    assert (dm.day, dm.month, dm.text, dm.year) == (day, month, line, None)


def test_a_year_on_the_date_line_is_kept():
    assert parse_date_line("02 Dec 2022") == DayMonth(2, 12, "02 Dec 2022", 2022)
    assert parse_date_line("27.02.2025") == DayMonth(27, 2, "27.02.2025", 2025)


@pytest.mark.parametrize("line", ["31 Feb", "30 Фев", "2024", "Voting continues", "7 voters", "12 Mart 2023 ýyl"])
def test_not_date_lines(line):
    assert parse_date_line(line) is None


def test_unknown_month_looks_like_a_date_line():
    assert looks_like_date_line("07 Jly") and parse_date_line("07 Jly") is None


@pytest.mark.parametrize("sentence, expected", [
    ("From November 28 to December 2, 2022, a delegation visited", [date(2022, 11, 28), date(2022, 12, 2)]),
    ("from 28 November to 2 December 2022", [date(2022, 11, 28), date(2022, 12, 2)]),
    ("On March 10th, 2022 and on the 12th of March 2022", [date(2022, 3, 10), date(2022, 3, 12)]),
    ("2024-nji ýylyň 7-nji iýulynda geçirilen saýlawlar", [date(2024, 7, 7)]),
    ("2017-njy ýylyň 2-nji dekabrynda kabul edilen karar", [date(2017, 12, 2)]),
    ("2023-nji ýylyň 4-nji fewralyndan – 28-nji fewralyna çenli", [date(2023, 2, 4), date(2023, 2, 28)]),
    ("2023-NJI ÝYLYŇ 26-NJY MARTY, TÜRKMENISTANYŇ MEJLISINIŇ", [date(2023, 3, 26)]),
    ("предстоящим 21 мая 2017 года выборам", [date(2017, 5, 21)]),
    ("с 28 ноября по 2 декабря 2022 года", [date(2022, 11, 28), date(2022, 12, 2)]),
    ("постановление от 27.02.2025 № 12", [date(2025, 2, 27)]),
    ("3.460.080 voters and 91,32%", []),
])
def test_full_dates_in_running_text(sentence, expected):
    assert dates_in_text(sentence) == expected


def test_year_from_a_date_told_in_the_text():
    # the meeting of November 29, 2022 was reported on 02 Dec
    t = "During the visit on November 29, 2022, a meeting was held."
    assert year_from_text(DayMonth(2, 12, "02 Dec"), t) == 2022
    # an event nine months earlier does not date the item
    assert year_from_text(DayMonth(2, 12, "02 Dec"), "the elections held on March 25, 2018") is None


def test_year_from_an_announced_date():
    # registration opens before elections "to be held" on 26 March 2023
    assert year_from_text(DayMonth(11, 2, "11 Few"), text("tk_registration_future.txt")) == 2023
    # the same date told as past does not reach that far back
    assert year_from_text(DayMonth(11, 2, "11 Few"), "2023-nji ýylyň 26-njy martynda geçirilen saýlawlar") is None


def test_year_from_a_range_in_russian():
    assert year_from_text(DayMonth(30, 11, "30 Ноя"), text("ru_session_range.txt")) == 2022


def test_year_from_the_anniversary_of_independence_and_the_name_of_the_year():
    t = text("en_commissions_anniversary.txt")
    assert years_named(t) == {2021}
    assert year_from_text(DayMonth(14, 6, "14 June"), t) == 2021
    assert years_named("Garaşsyzlygymyzyň 33 ýyllyk baýramynyň öňüsyrasynda") == {2024}
    assert years_named("в преддверии 30-летия священной Независимости") == {2021}
    assert years_named("the 25th anniversary of the permanent Neutrality of Turkmenistan") == {2020}
    assert years_named("«Halkyň Arkadagly zamanasy» ýylynda saýlaw toparlary döredildi") == {2022}
    assert years_named("В Международный год мира и доверия прошли выборы") == {2025}


def test_named_years_that_do_not_date_the_item():
    # a past anniversary told early in the next year, a year declared ahead, an anniversary of last year
    assert year_from_text(DayMonth(10, 1, "10 Jan"), "the 30th anniversary of Independence") is None
    assert years_named("2025 was declared the International Year of Peace and Trust") == set()
    assert years_named("last year we celebrated the 30th anniversary of Independence") == set()
    assert years_named("Magtymguly Fragi adyndaky Ýaşlar guramasy") == set()


def test_years_between_and_before_known_dates():
    assert year_between(DayMonth(5, 3, "05 Mar"), date(2022, 12, 1), date(2023, 5, 1)) == 2023
    assert year_between(DayMonth(5, 3, "05 Mar"), date(2021, 1, 1), date(2023, 5, 1)) is None
    assert year_before(DayMonth(28, 12, "28 Dec"), date(2026, 1, 26)) == 2025
    assert year_before(DayMonth(22, 1, "22 Jan"), date(2026, 1, 26)) == 2026


def test_year_near_an_estimate_from_site_ids():
    est = estimate_from_neighbours(450, [(440, date(2023, 1, 1)), (460, date(2023, 3, 1))])
    assert est == date(2023, 1, 31)
    assert year_near(DayMonth(6, 2, "06 Few"), est) == 2023
    assert year_near(DayMonth(6, 8, "06 Awg"), est) is None


def test_history_does_not_date_an_item():
    # neutrality was recognised on 12 December 1995: an item of "12 Dec" is not from 1995
    t = "On December 12, 1995, the UN General Assembly recognised the permanent neutrality of Turkmenistan."
    assert year_from_text(DayMonth(12, 12, "12 Dec"), t) is None


def test_full_dates_that_disagree_with_the_named_year_win():
    t = ("In the year «Turkmenistan – Homeland of peace and trust» the meeting of March 1, 2023 "
         "and of March 2, 2022 were held")
    assert year_from_text(DayMonth(5, 3, "05 Mar"), t) is None


# ---------------------------------------------------------------------------------------------
# the year of each item of a load, end to end

def load_items(raw, captures):
    import sqlite3

    from tests.conftest import write_capture
    from etl.load import load

    for name, (fixture, url) in captures.items():
        write_capture(raw, name, text(fixture), url=url)
    db = raw.parent / "t.db"
    load(raw, db)
    conn = sqlite3.connect(db)
    try:
        return {r[0]: r[1:] for r in conn.execute("select id, published_on, date_basis from news_items")}
    finally:
        conn.close()


def test_this_month_named_with_its_year_and_the_ids_neighbours_agree(raw_dir):
    got = load_items(raw_dir, {"a.txt": ("capture_en_precinct_commissions.txt", "https://saylav.gov.tm/en/news/230")})
    assert got["en-230"] == ("2020-10-12", "text-month")


def test_a_translation_takes_the_date_of_its_dated_twin(raw_dir):
    got = load_items(raw_dir, {
        "en.txt": ("capture_en_session_dated.txt", "https://saylav.gov.tm/en/news/560"),
        "ru.txt": ("capture_ru_session_body_only.txt", "https://saylav.gov.tm/ru/news/560"),
    })
    assert got["en-560"] == ("2024-02-28", "text")
    assert got["ru-560"] == ("2024-02-28", "story")


def test_sidebar_items_never_take_the_main_storys_year(raw_dir):
    got = load_items(raw_dir, {"p.txt": ("capture_en_sidebar_years.txt", "https://saylav.gov.tm/en/news/60")})
    assert got["en-60"] == ("2017-03-03", "site-id")
    assert sorted(v for k, v in got.items() if k != "en-60") == [
        ("2025-11-05", "list-neighbours"), ("2025-12-28", "list-neighbours"), ("2026-01-22", "text")]


def test_a_year_printed_on_the_date_line(raw_dir):
    (raw_dir / "x.txt").write_text("02 Dec 2022\n\nA meeting was held\n\nThe delegation visited the capital.\n")
    got = load_items(raw_dir, {})
    assert list(got.values()) == [("2022-12-02", "date-line")]


def test_a_future_word_far_from_the_date_does_not_make_it_announced():
    t = "At the meeting held on March 10, 2022 in the capital of our country, the upcoming elections were discussed."
    assert year_from_text(DayMonth(5, 3, "05 Mar"), t) is None


@pytest.mark.parametrize("line, month", [("13 Iyun", 6), ("13 Iyul", 7), ("13 Noy", 11), ("13 Yan", 1)])
def test_turkmen_month_words_written_without_turkmen_letters(line, month):
    assert parse_date_line(line).month == month


# ---------------------------------------------------------------------------------------------
# press pages: time stamps and datelines; more forms of full dates in running text

from etl.dates import parse_dateline, parse_time_stamp  # noqa: E402


@pytest.mark.parametrize("line, want", [
    ("2019-04-02 09:30 |", ("2019-04-02 09:30", date(2019, 4, 2))),
    ("2023-03-26 13:10 | www.newsagency.az | 5", ("2023-03-26 13:10", date(2023, 3, 26))),
    ("Sunday March 3 2024", ("Sunday March 3 2024", date(2024, 3, 3))),
    ("27 March 2023 12:40 (UTC+04:00)", ("27 March 2023 12:40 (UTC+04:00)", date(2023, 3, 27))),
    ("March 27, 2023, 09:15 UTC+3", ("March 27, 2023, 09:15 UTC+3", date(2023, 3, 27))),
    ("27.03.2023 18:05:00", ("27.03.2023 18:05:00", date(2023, 3, 27))),
    ("27 марта 2023 г., 18:05", ("27 марта 2023 г., 18:05", date(2023, 3, 27))),
    ("27 Mart 2023 Pazartesi", ("27 Mart 2023 Pazartesi", date(2023, 3, 27))),
    ("27 марта 2023 года в 18:05", ("27 марта 2023 года в 18:05", date(2023, 3, 27))),
    ("March 27, 2023 at 6:05 pm", ("March 27, 2023 at 6:05 pm", date(2023, 3, 27))),
    ("27.03.2023 sagat 18:05", ("27.03.2023 sagat 18:05", date(2023, 3, 27))),
    ("26-03-2023", None),  # day first with dashes: not a form the time stamps use
    ("Voters came on 27 March 2023", None),
    ("Azernews.Az", None),
    ("02 Dec", None),
])
def test_time_stamp_lines(line, want):
    dm = parse_time_stamp(line)
    got = (dm.text, date(dm.year, dm.month, dm.day)) if dm else None
    assert got == want
    assert dm is None or dm.basis == "dateline"


@pytest.mark.parametrize("opening, want", [
    ("Ashgabat, Turkmenistan, March 31", ("Ashgabat, Turkmenistan, March 31", 31, 3, None)),
    ("Baku, Azerbaijan, March 30 By Staff writer", ("Baku, Azerbaijan, March 30", 30, 3, None)),
    ("ASHGABAT, March 31 (Newswire) — Voting ended", ("ASHGABAT, March 31", 31, 3, None)),
    ("АШХАБАД, 31 марта. /Агентство/. Голосование", ("АШХАБАД, 31 марта", 31, 3, None)),
    ("Ашхабад, 26 марта 2023 г. – Сегодня", ("Ашхабад, 26 марта 2023 г", 26, 3, 2023)),
    ("NEWSWIRE. March 31, 2019. The commission", ("NEWSWIRE. March 31, 2019", 31, 3, 2019)),
    ("Date: 2018-03-27", ("Date: 2018-03-27", 27, 3, 2018)),
    ("Дата: 27.03.2018 | Просмотров: 12", ("Дата: 27.03.2018", 27, 3, 2018)),
])
def test_press_datelines(opening, want):
    dm = parse_dateline(opening)
    assert (dm.text, dm.day, dm.month, dm.year) == want
    assert dm.basis == "dateline"


@pytest.mark.parametrize("opening", [
    "On Sunday, March 31 the voting ended",  # a sentence, not a dateline
    "Today, March 31, the commission met",
    "В воскресенье, 31 марта, прошли выборы",
    "Sunday, March 31 - voting day",
    "The commission met on March 31.",
])
def test_sentences_that_open_with_a_date_are_no_datelines(opening):
    assert parse_dateline(opening) is None


@pytest.mark.parametrize("sentence, expected", [
    ("Date: 2023-03-26, the elections", [date(2023, 3, 26)]),
    ("the decree of 2021-01-07 and the vote of 2021-03-28", [date(2021, 1, 7), date(2021, 3, 28)]),
    ("постановление от 26/03/2023 года", []),  # slashes: day or month first, nobody can tell
    ("on 03/04/2023 the commission", []),
    ("2023-nji yylyn 26-njy martynda gecirilen saylawlar", [date(2023, 3, 26)]),
    ("2024-nji yylyň 7-nji iyulynda", [date(2024, 7, 7)]),
    ("2022-nji ýylyň 12-nji sentyabrynda", [date(2022, 9, 12)]),
    ("26 марта 2023 г. состоялись выборы", [date(2023, 3, 26)]),
    ("on 26th of March, 2023", [date(2023, 3, 26)]),
    ("12.10.2025", [date(2025, 10, 12)]),
    ("phone 2023-1234-56 and 12-10-2025", []),
])
def test_more_forms_of_full_dates(sentence, expected):
    assert dates_in_text(sentence) == expected


def test_press_pages_are_dated_by_their_time_stamp_or_dateline(raw_dir):
    from tests.conftest import write_capture

    body = "The commission said that {} percent of voters took part in the elections held on Sunday."
    write_capture(raw_dir, "a.txt", f"Newsportal.Az\n\nSunday May 5 2024\n\nTurnout figures published\n\n"
                                    f"2 April 2019 10:05 (UTC+04:00)\n\n{body.format(91)}\n", url="https://example.az/a")
    write_capture(raw_dir, "b.txt", f"Явка составила 91 процент\n\nАШХАБАД, 2 апреля. /Агентство/. "
                                    "Центральная комиссия сообщила, что в выборах 31 марта 2019 года приняли участие "
                                    "91 процент избирателей.\n", url="https://example.ru/b")
    write_capture(raw_dir, "c.txt", "Saýlawlaryň netijeleri\n\nDate: 2019-04-02\n\nMerkezi topar saýlawlaryň "
                                    "netijelerini jemledi we saýlawçylaryň köpüsiniň ses berendigini habar berdi.\n",
                  url="https://example.tm/c")
    got = load_items(raw_dir, {})
    assert sorted(got.values()) == [("2019-04-02", "dateline"), ("2019-04-02", "dateline"), ("2019-04-02", "text")]


def test_list_neighbours_are_those_of_the_same_excerpt(raw_dir):
    from tests.conftest import write_capture

    page = ("Links of the site\n\nRights of voters\n\n\nFeatured story of the year\n\nA long preview of the featured "
            "story that the home page shows without a date...\n\n"
            "07 Jan\nPreparations are under way\n\nUnder the resolution of the commission dated December 20, 2020, the "
            "campaign has begun and...\n\n"
            "24 Dec\nStudents visit the commission\n\nStudents of the academy visited the commission and...\n\n"
            "30 Nov\nA session of the commission\n\nA session of the commission was held, dedicated to...\n"
            "-----\n"
            "Links of the site\n\nRights of voters\n\n\n"
            "24 May\nResults of the by-elections\n\nThe commission summed up the results of the elections...\n\n"
            "21 May\nVoting has begun\n\nOn May 21, 2017 at 7 o'clock in the morning voting began at all...\n\n"
            "19 May\nMeetings with voters ended\n\nThe meetings of the candidates with voters came to an end and...\n")
    write_capture(raw_dir, "home.txt", page, url="https://saylav.gov.tm/en")
    import sqlite3

    from etl.load import load

    load(raw_dir, raw_dir.parent / "t.db")
    rows = sqlite3.connect(raw_dir.parent / "t.db").execute(
        "select title, published_on, date_basis from news_items order by title").fetchall()
    assert rows == [
        ("A session of the commission", "2020-11-30", "list-neighbours"),
        ("Featured story of the year", None, None),
        ("Meetings with voters ended", "2017-05-19", "list-neighbours"),
        ("Preparations are under way", "2021-01-07", "text"),
        ("Results of the by-elections", "2017-05-24", "list-neighbours"),
        ("Students visit the commission", "2020-12-24", "list-neighbours"),
        ("Voting has begun", "2017-05-21", "text"),
    ]


@pytest.mark.parametrize("opening, want", [
    (" date 2018-03-27 The commission held a briefing", ("date 2018-03-27", date(2018, 3, 27))),
    ("Дата: 27.03.2018 Комиссия провела брифинг", ("Дата: 27.03.2018", date(2018, 3, 27))),
    ("Sene: 27.03.2018 Merkezi topar brifing geçirdi", ("Sene: 27.03.2018", date(2018, 3, 27))),
    ("Date of the elections is not yet set", None),
    ("Дата выборов 26 марта", None),
])
def test_a_date_label_opening_the_story(opening, want):
    dm = parse_dateline(opening)
    assert ((dm.text, date(dm.year, dm.month, dm.day)) if dm else None) == want


@pytest.mark.parametrize("sentence, expected", [
    ("the vote of Mar. 26, 2023 was", [date(2023, 3, 26)]),
    ("on 26 Sept 2023 the commission", [date(2023, 9, 26)]),
    ("held on Dec 2, 2022", [date(2022, 12, 2)]),
    ("Постановление от «26» марта 2023 года", [date(2023, 3, 26)]),
    ("решение от “7” января 2026 года", [date(2026, 1, 7)]),
    ("2023-nji ýylyň mart aýynyň 26-na geçirilen saýlawlar", [date(2023, 3, 26)]),
    ("2016-njy ýylyň awgust aýynyň 21-ne", [date(2016, 8, 21)]),
    ("2024-nji yylyn iyul ayynyn 7-sine bellenildi", [date(2024, 7, 7)]),
    ("2024-nji ýylyň iýul aýynda", []),  # a month without a day is no full date
    ("26-njy mart 2023-nji ýyl", [date(2023, 3, 26)]),
    ("7-nji iýulda, 2024 ý. geçirildi", [date(2024, 7, 7)]),
    ("26-njy martda 2024 saýlawçy ses berdi", []),  # a count after the date, not its year
])
def test_full_dates_in_more_wordings(sentence, expected):
    assert dates_in_text(sentence) == expected


def test_date_patterns_beginning_with_a_digit_find_what_their_plain_forms_find():
    """The date patterns that begin with a number check what stands before it after reading its first
    digit (etl.dates._DAY_NOT_AFTER_DIGIT, ...), so that they begin with a digit; on random runs of
    date-like words and characters they find what the plain forms (\\b or (?<!\\d) first) find."""
    import random
    import re

    from etl import dates as D

    plain_forms = {D._DAY_NOT_AFTER_DIGIT: r"(?<!\d)(\d{1,2})", D._DAY_AT_WORD_START: r"\b(\d{1,2})",
                   D._YEAR_AT_WORD_START: r"\b(\d{4})"}
    patterns = [D._EN_DMY, D._EN_DMY_RANGE, D._TK_FULL, D._TK_MONTH_FIRST, D._TK_DAY_FIRST, D._RU_RANGE]
    pairs = []
    for fast in patterns:
        source = fast.pattern
        for form, plain in plain_forms.items():
            source = source.replace(form, plain)
        assert source != fast.pattern and fast.pattern.startswith(tuple(plain_forms))
        pairs.append((fast, re.compile(source, fast.flags)))
    phrases = ["{n}-njy mart 2023-nji ýyl", "{n}-nji ýylyň 26-njy MARTYNDA", "{n}-nji ýylyň mart aýynyň 26-na",
               "{n} NOVEMBER to 2 December 2022", "{n}th of Sept. 2023", "{n} ноября по 2 декабря 2022",
               "{n} March 2023", "{n}nji ýylyň 4-nji fewralyndan", "{n} мая - 3 июня 2021"]
    numbers = ["1", "26", "07", "123", "2023", "12345", "\u0661\u0662", "2\u0663", "²3"]
    before = ["", " ", "a", "Z", "1", "_", ".", "-", "(", "«", "\u0661", "²", "ý", "я", "\n"]
    rnd = random.Random(20261130)
    texts = [b + p.format(n=n) for p in phrases for n in numbers for b in before]
    texts += [t[:rnd.randint(0, len(t))] + rnd.choice(before) + t for t in texts for _ in range(2)]
    texts += [" ".join(rnd.choice(texts) for _ in range(3)) for _ in range(2000)]
    for fast, plain in pairs:
        found = 0
        for text in texts:
            got = [(m.span(), m.groups()) for m in fast.finditer(text)]
            assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], (plain.pattern, text)
            found += len(got)
        assert found > 20, plain.pattern  # the texts exercise every pattern


def test_digits_around_a_separator_as_the_patterns_find_them():
    """etl.dates._digits_around(text, ".") is _DIGIT_DOT_DIGIT.search(text), and with "-"
    _DIGIT_DASH_DIGIT's: \\d is str.isdecimal on every character, and random texts agree."""
    import random
    import re
    import sys

    from etl import dates as D

    every = "".join(chr(c) for c in range(sys.maxunicode + 1))
    assert [m.group() for m in re.finditer(r"\d", every)] == [c for c in every if c.isdecimal()]
    alphabet = ["1", "0", "9", "\u0663", "\uff15", "²", "½", "Ⅻ", ".", "-", "..", "--", "a", " ", "\n", ",", "–"]
    rnd = random.Random(20261130)
    hits = 0
    for _ in range(30000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 9)))
        dot, dash = D._digits_around(text, "."), D._digits_around(text, "-")
        assert dot == bool(D._DIGIT_DOT_DIGIT.search(text)), repr(text)
        assert dash == bool(D._DIGIT_DASH_DIGIT.search(text)), repr(text)
        hits += dot + dash
    assert hits > 500
