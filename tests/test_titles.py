"""Titles and items of pages without the site's date line: page chrome is never a title; the
headline before a time stamp or a dateline is; excerpts joined by "-----" are pages of their own;
a home page's previews are items, its links are not.

Every fixture here is written for the test, in the shapes real pages take (SITE.md).
"""
from __future__ import annotations

import pytest

from etl.page import is_chrome_line, split_page


def split(text: str, **kw):
    return split_page(text.split("\n"), **kw)


def mains(text: str):
    return [(i.title, i.date_text) for i in split(text).items if i.position == "main"]


EN_BODY = ("The Central Commission reported that voting went on at all polling stations of the country "
           "and that the voters showed great interest in the elections.")
RU_BODY = ("Центральная комиссия сообщила, что голосование проходит на всех избирательных участках страны "
           "и избиратели проявляют большой интерес к выборам.")
TK_BODY = ("Merkezi topar ýurdumyzyň ähli saýlaw uçastoklarynda ses berişiň dowam edýändigini we "
           "saýlawçylaryň saýlawlara uly gyzyklanma bildirýändigini habar berdi.")


# -- page chrome above the headline -----------------------------------------------------------

@pytest.mark.parametrize("page, title", [
    # a site name, then the date of the visit, then the headline
    (f"Caspiannews.Kz\n\nMonday May 6 2024\n\nVoters elect new members of the Mejlis\n\n{EN_BODY}",
     "Voters elect new members of the Mejlis"),
    # a section name in upper case, a one-word rubric, then the headline
    (f"HABARLAR WE WAKALAR\nSYÝASAT\n\nSaýlaw uçastoklary irden açyldy\n\n{TK_BODY}",
     "Saýlaw uçastoklary irden açyldy"),
    # navigation words and counters
    (f"Главная\nВсе новости\n245\n\nИзбиратели голосуют в Туркменистане\n\n{RU_BODY}",
     "Избиратели голосуют в Туркменистане"),
    # accessibility links and "latest news" in Turkmen
    (f"Sepleriň elýeterliligi\n\nSoňky habar\n\nSaýlawlar dowam edýär\n\n{TK_BODY}", "Saýlawlar dowam edýär"),
    # "Loading..." and a lone number are no titles
    (f"0\nLoading...\n\nTurnout reaches half of the voters by noon\n\n{EN_BODY}",
     "Turnout reaches half of the voters by noon"),
])
def test_page_chrome_is_never_the_title(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("line", [
    "Latest News", "See more", "Loading...", "В регионе", "Печатная версия", "Soňky habarlar", "HABARLAR",
    "www.example.az", "Dunyanews.Az", "2016-11-22 10:51 |", "Friday April 19 2024", "12 Mart 2023 Pazar",
    "1 301", "views 633", "By Anna Petrova", "Currency converter",
])
def test_chrome_lines(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize("line", [
    "Voting continues", "Голосование продолжается", "Saýlawlar dowam edýär", "Turnout reaches 52% by noon",
    "News of the elections in Ahal velayat reached the capital",
])
def test_headlines_are_not_chrome(line):
    assert not is_chrome_line(line)


# -- the headline before a time stamp or dateline ---------------------------------------------

@pytest.mark.parametrize("page, want", [
    # site name, crawl date, headline, article time stamp, headline repeated
    (f"Regionews.Az\n\nSunday March 3 2024\n\nParliament by-election results announced\n\n"
     f"27 March 2023 12:40 (UTC+04:00)\nParliament by-election results announced\n\nBy Staff\n\n{EN_BODY}",
     ("Parliament by-election results announced", "27 March 2023 12:40 (UTC+04:00)")),
    # navigation lines, then headline and a "Month D, YYYY, HH:MM" stamp
    (f"All news\nSearch Topics\nUse filter\n\nCEC observers praise organisation of the vote\n\n"
     f"March 27, 2023, 09:15 UTC+3\n\n{EN_BODY}",
     ("CEC observers praise organisation of the vote", "March 27, 2023, 09:15 UTC+3")),
    # Russian: counters, a rubric, a numeric time stamp above the headline
    (f"0\n982\nГазета Мир Печатная версия\n\n27.03.2023 18:05:00\n\nЦИК Туркменистана подвела итоги выборов\n\n{RU_BODY}",
     ("ЦИК Туркменистана подвела итоги выборов", "27.03.2023 18:05:00")),
    # Turkmen on a blog: the date with its weekday in Turkish above the headline
    (f"27 Mart 2023 Pazartesi\n\nSaýlawlaryň netijeleri yglan edildi\n\n{TK_BODY}",
     ("Saýlawlaryň netijeleri yglan edildi", "27 Mart 2023 Pazartesi")),
    # a time stamp with the site's name and a counter after "|"
    (f"Turnout passes 60 percent\n\n2023-03-26 13:10 | www.newsagency.az | 5\n\n{EN_BODY}",
     ("Turnout passes 60 percent", "2023-03-26 13:10")),
])
def test_the_headline_next_to_a_time_stamp_and_its_date(page, want):
    assert mains(page) == [want]


@pytest.mark.parametrize("page, title", [
    (f"• Polling stations open across the country\n\nPolling stations open across the country\n\nviews 120\n{EN_BODY}",
     "Polling stations open across the country"),
    (f"Итоги выборов утверждены\n\nИтоги выборов утверждены\n\n{RU_BODY}", "Итоги выборов утверждены"),
    (f"» Saýlaw toparynyň mejlisi geçirildi\nSaýlaw toparynyň mejlisi geçirildi\n{TK_BODY}",
     "Saýlaw toparynyň mejlisi geçirildi"),
])
def test_a_headline_printed_twice_is_the_title(page, title):
    got = split(page).items[0]
    assert got.title == title
    assert all(p != title for p in got.paragraphs)


@pytest.mark.parametrize("page, title, first_paragraph", [
    # title, subtitle, body: the subtitle stays in the text
    (f"Президент переизбран на второй срок\n\nЗа него отдали 97% голосов\n\n{RU_BODY}",
     "Президент переизбран на второй срок", "За него отдали 97% голосов"),
    (f"Saýlawlar tamamlandy\n\nSes berişe 91% gatnaşdy\n\n{TK_BODY}", "Saýlawlar tamamlandy", "Ses berişe 91% gatnaşdy"),
    (f"Election declared valid\n\nTurnout at 91 percent\n\n{EN_BODY}", "Election declared valid", "Turnout at 91 percent"),
])
def test_a_subtitle_under_the_headline_is_text(page, title, first_paragraph):
    got = split(page).items[0]
    assert (got.title, got.paragraphs[0]) == (title, first_paragraph)


def test_a_time_stamp_alone_above_the_story_dates_it():
    got = split(f"2019-04-02 09:30 |\n{RU_BODY}\nВторой абзац текста.").items[0]
    assert (got.title, got.date_text, got.date.year) == (None, "2019-04-02 09:30", 2019)
    assert got.paragraphs[0] == RU_BODY


@pytest.mark.parametrize("page, want", [
    (f"Voting ends in by-elections\n\nAshgabat, Turkmenistan, March 31\n\n{EN_BODY}",
     ("Voting ends in by-elections", "Ashgabat, Turkmenistan, March 31", None)),
    (f"Явка превысила 90 процентов\n\nАШХАБАД, 31 марта. /Агентство/. {RU_BODY}",
     ("Явка превысила 90 процентов", "АШХАБАД, 31 марта", None)),
    (f"CEC sums up the vote\n\nNEWSWIRE. March 31, 2019. {EN_BODY}",
     ("CEC sums up the vote", "NEWSWIRE. March 31, 2019", 2019)),
])
def test_a_dateline_opening_the_story_dates_it(page, want):
    got = split(page).items[0]
    assert (got.title, got.date_text, got.date.year) == want


# -- headings of the site's own pages --------------------------------------------------------

@pytest.mark.parametrize("page, title", [
    # an upper-case heading, then menu links, then a document title printed twice
    (f"ELECTIONS OF DEPUTIES OF THE MEJLIS OF TURKMENISTAN, MARCH 26TH, 2023.\n\n\nList of constituencies\n\n"
     f"Notice of the commission\n\n\nList of constituencies\n\n{EN_BODY}",
     "ELECTIONS OF DEPUTIES OF THE MEJLIS OF TURKMENISTAN, MARCH 26TH, 2023."),
    (f"ВЫБОРЫ ДЕПУТАТОВ МЕДЖЛИСА ТУРКМЕНИСТАНА 26 МАРТА 2023 ГОДА.\n\nСписок округов\n\nСписок округов\n\n{RU_BODY}",
     "ВЫБОРЫ ДЕПУТАТОВ МЕДЖЛИСА ТУРКМЕНИСТАНА 26 МАРТА 2023 ГОДА."),
    # a heading that opens with its date, as a sentence of its own
    (f"2023-nji ýylyň 26-njy marty. Türkmenistanyň Mejlisiniň deputatlarynyň we halk maslahatlarynyň "
     f"agzalarynyň saýlawlary.\n\n{TK_BODY}",
     "2023-nji ýylyň 26-njy marty. Türkmenistanyň Mejlisiniň deputatlarynyň we halk maslahatlarynyň "
     "agzalarynyň saýlawlary."),
    (f"March 26, 2023. Elections of deputies of the Mejlis and members of the people's councils of the "
     f"velayats.\n\n{EN_BODY}",
     "March 26, 2023. Elections of deputies of the Mejlis and members of the people's councils of the velayats."),
    (f"26 марта 2023 года. Выборы депутатов Меджлиса и членов народных советов велаятов.\n\n{RU_BODY}",
     "26 марта 2023 года. Выборы депутатов Меджлиса и членов народных советов велаятов."),
])
def test_headings_of_the_sites_own_pages(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("page, title", [
    (f"SAÝLAW TOPARLARY ÜÇIN GOLLANMALAR...\n\n{TK_BODY}\n\n{TK_BODY}", "SAÝLAW TOPARLARY ÜÇIN GOLLANMALAR..."),
    (f"Manuals, memos, regulations...\n\n{EN_BODY}\n\n{EN_BODY}", "Manuals, memos, regulations..."),
    (f"ПАМЯТКИ, ПОСОБИЯ, ПОЛОЖЕНИЯ...\n\n{RU_BODY}", "ПАМЯТКИ, ПОСОБИЯ, ПОЛОЖЕНИЯ..."),
])
def test_a_short_heading_ending_in_dots_is_a_title(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("page, title", [
    # the heading ends with a bracket, the text is short sentences
    ("Merkezi topar barada maglumat (2022-nji ýylyň 1-nji ýanwary ýagdaýyna görä)\n\n"
     "Topar 1992-nji ýylda döredildi.\n\nToparyň ygtyýarlyk möhleti bäş ýyldyr.",
     "Merkezi topar barada maglumat (2022-nji ýylyň 1-nji ýanwary ýagdaýyna görä)"),
    ("Information about the Central Commission (as of 1 January 2022)\n\nThe commission was set up in 1992.\n\n"
     "Its term of office is five years.",
     "Information about the Central Commission (as of 1 January 2022)"),
    ("Сведения о Центральной комиссии (по состоянию на январь 2022 года)\n\nКомиссия создана в 1992 году.\n\n"
     "Срок полномочий составляет пять лет.",
     "Сведения о Центральной комиссии (по состоянию на январь 2022 года)"),
])
def test_a_heading_that_does_not_end_as_a_sentence_over_short_sentences(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("page", [
    "The commission was set up in 1992.\nIts full name is the Central Commission for elections.\n"
    "The term of office of the commission is five years.",
    "Комиссия создана в 1992 году и с тех пор работает постоянно.\nЕё полное название длинное.",
    "Topar 1992-nji ýylda döredildi we şondan bäri hemişelik işleýär.\nToparyň ady uzyndyr.",
])
def test_a_body_that_opens_with_a_sentence_has_no_title(page):
    assert mains(page)[0][0] is None


# -- excerpts and listings --------------------------------------------------------------------

EXCERPTS = """\
12 Mart
Ses beriş dowam edýär

Sagat 11-e çenli saýlawçylaryň 40,1% ses berdi.

10 Mart
Saýlaw uçastoklary taýýar
Ähli saýlaw uçastoklary ses bermek üçin taýýarlandy...
-----
05 Dek
Halkara synçylar bilen duşuşyk

Merkezi toparda halkara synçylar bilen duşuşyk geçirildi.
------
Body of a third crawl that starts below the headline, long enough to be a paragraph of the story itself.
"""


def test_excerpts_joined_by_dashes_are_pages_of_their_own():
    page = split(EXCERPTS)
    assert [(i.excerpt, i.position, i.date_text, i.title) for i in page.items] == [
        (0, "main", "12 Mart", "Ses beriş dowam edýär"),
        (0, "sidebar", "10 Mart", "Saýlaw uçastoklary taýýar"),
        (1, "main", "05 Dek", "Halkara synçylar bilen duşuşyk"),
        (2, "main", None, None),
    ]
    # the sidebar of the first crawl does not run into the second
    assert page.items[1].paragraphs == ["Ähli saýlaw uçastoklary ses bermek üçin taýýarlandy..."]


HOME_EN = """\
State symbols of Turkmenistan


Rights and duties of voters

Saýlaw kodeksi


The year of peace and trust

Under the wise leadership of our esteemed President every year has been given a name, and this year...


22 Mar
Voting for the elections has begun

At 7 o'clock in the morning polling stations opened across the country and voters came to...

20 Mar
Meeting with observers from the CIS

A meeting with the observers of the CIS mission was held in the Central Commission...
"""
HOME_RU = """\
Государственные символы

Права и обязанности избирателей


Год мира и доверия

По инициативе Президента каждому году присваивается своё название, и нынешний год...

22 Март
Началось голосование

В 7 часов утра на всех избирательных участках страны началось голосование...

20 Март
Встреча с наблюдателями СНГ

В Центральной комиссии состоялась встреча с наблюдателями миссии СНГ...
"""


@pytest.mark.parametrize("page, titles", [
    (HOME_EN, ["The year of peace and trust", "Voting for the elections has begun", "Meeting with observers from the CIS"]),
    (HOME_RU, ["Год мира и доверия", "Началось голосование", "Встреча с наблюдателями СНГ"]),
])
def test_a_home_page_gives_its_previews_as_items_and_its_links_as_none(page, titles):
    got = split(page).items
    assert [i.title for i in got] == titles
    assert {i.position for i in got} == {"listing"}
    assert [i.date_text for i in got][0] is None and all(i.is_snippet for i in got)


def test_a_story_is_not_a_home_page_for_ending_its_first_paragraph_in_dots():
    page = ("Voting continues\n\nBy 11:00, 41,29% of voters voted, the commission reported, and more...\n\n"
            "22 Mar\nPolling stations opened\n\nAt 7 o'clock in the morning polling stations opened...")
    got = split(page).items
    assert [(i.position, i.title) for i in got] == [("main", "Voting continues"), ("sidebar", "Polling stations opened")]


@pytest.mark.parametrize("tail", [["Loading...", "Latest See more"], ["Читать далее...", "Все новости"],
                                  ["Ýene-de okaň", "Soňky habarlar..."]])
def test_widgets_after_the_story_are_no_items(tail):
    page = "\n\n".join([f"Turnout passes 60 percent", EN_BODY, EN_BODY] + tail)
    assert [i.position for i in split(page).items] == ["main"]


# -- sightings merged into items ---------------------------------------------------------------

def _load(raw, files):
    import sqlite3

    from etl.load import load
    from tests.conftest import write_capture

    for name, (text, url) in files.items():
        write_capture(raw, name, text, url=url)
    load(raw, raw.parent / "t.db")
    conn = sqlite3.connect(raw.parent / "t.db")
    conn.row_factory = sqlite3.Row
    return conn


STORY = {
    "en": ("Polling stations abroad", "Polling stations were formed at the embassies and consulates of the country in "
           "thirty states of the world. Citizens who stay abroad on polling day vote there, on the lists "
           "compiled by the precinct commissions, and the ballots are brought to the capital after the count."),
    "ru": ("Участки за рубежом", "Избирательные участки образованы при посольствах и консульствах страны в тридцати "
           "государствах мира. Граждане, находящиеся за рубежом в день выборов, голосуют там по спискам, "
           "составленным участковыми комиссиями, а бюллетени после подсчёта доставляются в столицу."),
    "tk": ("Daşary ýurtlardaky saýlaw uçastoklary", "Saýlaw uçastoklary ýurdumyzyň otuz döwletdäki ilçihanalarynyň we "
           "konsullyk edaralarynyň ýanynda döredildi. Ses beriş güni daşary ýurtda bolýan raýatlar şol ýerde uçastok "
           "toparlarynyň düzen sanawlary boýunça ses berýärler, býulletenler bolsa sanalandan soň paýtagta getirilýär."),
}


@pytest.mark.parametrize("lang", ["en", "ru", "tk"])
def test_an_untitled_excerpt_is_the_same_story_as_the_titled_one(raw_dir, lang):
    title, body = STORY[lang]
    page = f"{title.upper()}\n\n{body}\n\n{body}\n-----\n{body}\n\n{body}\n"
    conn = _load(raw_dir, {"a.txt": (page, f"https://saylav.gov.tm/{lang}/articles/3")})
    items = conn.execute("select id, title from news_items").fetchall()
    assert [r["title"] for r in items] == [title.upper()]
    assert conn.execute("select count(*) from item_sightings").fetchone()[0] == 2


def test_the_date_of_an_item_is_the_one_its_own_page_prints(raw_dir):
    article = ("05 Oct\nAmendments to the composition of the commission\n\nThe President signed a resolution "
               "amending the composition of the Central Commission, under the Constitution.\n")
    # another page lists the same story in its sidebar, under another date line
    other = ("12 Oct\nA seminar was held\n\nA seminar for the members of the commissions was held in the capital "
             "on 12 October 2020.\n\n06 Oct\nAmendments to the composition of the commission\n\nThe President "
             "signed a resolution amending...\n")
    # the sidebar sighting is read first (its file sorts first)
    conn = _load(raw_dir, {"z.txt": (article, "https://saylav.gov.tm/en/news/232"),
                           "b.txt": (other, "https://saylav.gov.tm/en/news/233")})
    row = conn.execute("select date_text from news_items where site_id = 232").fetchone()
    assert row["date_text"] == "05 Oct"


@pytest.mark.parametrize("page, want", [
    (f"Latest News\n\nTurnout passes 60 percent\n12.10.2025\n\n{EN_BODY}", [("Turnout passes 60 percent", "12.10.2025")]),
    (f"HABARLAR\nJEMGYÝET\n\n26 Mart\nSaýlawlar dowam edýär\n\n{TK_BODY}", [("Saýlawlar dowam edýär", "26 Mart")]),
    (f"В регионе\n\n26 Март\nГолосование продолжается\n\n{RU_BODY}", [("Голосование продолжается", "26 Март")]),
])
def test_chrome_above_the_sites_date_line_is_no_part_of_the_story(page, want):
    got = split(page)
    assert mains(page) == want and len(got.items) == 1
    assert got.items[0].paragraphs[0] in (EN_BODY, TK_BODY, RU_BODY)


@pytest.mark.parametrize("page, want", [
    # page title, the page's description (the lead), a rubric, the time stamp, the headline again, the text
    ("ЦИК: явка составила 90%\n\nЦИК: явка составила 90% Явка на выборах к закрытию участков составила 90 процентов "
     "избирателей, сообщила комиссия.\nВ регионе\n27 марта 2023 г. 21:10\nЦИК: явка составила 90%\n\n" + RU_BODY,
     ("ЦИК: явка составила 90%", "27 марта 2023 г. 21:10", RU_BODY)),
    ("CEC: turnout at 90 percent\n\nCEC: turnout at 90 percent Turnout at the close of the polling stations was 90 "
     "percent of voters, the commission said.\nRegion\n27 March 2023 21:10\nCEC: turnout at 90 percent\n\n" + EN_BODY,
     ("CEC: turnout at 90 percent", "27 March 2023 21:10", EN_BODY)),
    ("MT: ses berişe 90% gatnaşdy\n\nMT: ses berişe 90% gatnaşdy Saýlaw uçastoklary ýapylanda saýlawçylaryň 90 göterimi "
     "ses berdi diýip topar habar berdi.\nJemgyýet\n27.03.2023 21:10\nMT: ses berişe 90% gatnaşdy\n\n" + TK_BODY,
     ("MT: ses berişe 90% gatnaşdy", "27.03.2023 21:10", TK_BODY)),
])
def test_the_headline_printed_again_below_the_pages_description_opens_the_article(page, want):
    got = split(page).items[0]
    assert (got.title, got.date_text, got.paragraphs[0]) == want


# -- the end of a story on a news site's page --------------------------------------------------

@pytest.mark.parametrize("page, last", [
    (f"Turnout passes 60 percent\n\n{EN_BODY}\n\nRead also\n\nA new bridge opened in the capital\n\n"
     "Cotton harvest completed\n\nComments\n", EN_BODY),
    (f"Явка превысила 60 процентов\n\n{RU_BODY}\n\nЧитайте также\nОткрыт новый мост\n\nПодписывайтесь на наш канал\n",
     RU_BODY),
    (f"Ses berişe 60% gatnaşdy\n\n{TK_BODY}\n\nÝene-de okaň\n\nPaýtagtda täze köpri açyldy\n\nIň soňky teswirler\nXS\n",
     TK_BODY),
    (f"Turnout passes 60 percent\n\n{EN_BODY}\n\n---\n\nFollow us on Twitter @ournews\n\nLoading...\nLatest See more\n",
     EN_BODY),
    (f"Явка превысила 60 процентов\n\n{RU_BODY}\nЧитать полностью\nНаши новостные каналы\n\nРекомендуем для вас\n",
     RU_BODY),
])
def test_a_story_ends_at_the_news_sites_footer(page, last):
    got = split(page).items
    assert [(i.position, i.paragraphs[-1]) for i in got] == [("main", last)]


def test_a_story_cut_by_the_page_with_dots_is_still_the_story():
    page = (f"Явка превысила 90%\n1 301\n\nЯвка превысила 90%\n\n{RU_BODY} Очевидцы утверждают, что на участках в "
            "столице каждые 10-15 минут можно было наблюдать лишь одного-двух избирателей....\nЧитать полностью\n")
    got = split(page).items
    assert [(i.position, i.title, i.is_snippet) for i in got] == [("main", "Явка превысила 90%", False)]


# -- a page that lists several statements ------------------------------------------------------

STATEMENTS_EN = f"""\
Turnout reaches 25 percent by 11:00
26 March 2023 11:20
By 11:00, 25 percent of voters had cast their ballots, the Central Commission said in a statement.

Turnout reaches 60 percent by 15:00
26 March 2023 15:25
By 15:00, 60 percent of voters had cast their ballots, the Central Commission said in a statement.

Polls close with 91 percent turnout
26 March 2023 19:40
{EN_BODY}
"""
STATEMENTS_RU = """\
26.03.2023 11:20
Явка к 11 часам составила 25%
К 11 часам проголосовали 25 процентов избирателей, сообщила Центральная комиссия.

26.03.2023 15:25
Явка к 15 часам составила 60%
К 15 часам проголосовали 60 процентов избирателей, сообщила Центральная комиссия.
"""
STATEMENTS_DATELINES = """\
Voting under way in parliamentary elections

ASHGABAT, March 26 (Newswire) — Polling stations opened at 7 a.m. and voting is under way across the country.

Turnout passes half of the voters

ASHGABAT, March 26 (Newswire) — By midday more than half of the registered voters had voted, the commission said.
"""


@pytest.mark.parametrize("page, want", [
    (STATEMENTS_EN, [("main", "Turnout reaches 25 percent by 11:00", "26 March 2023 11:20"),
                     ("listing", "Turnout reaches 60 percent by 15:00", "26 March 2023 15:25"),
                     ("listing", "Polls close with 91 percent turnout", "26 March 2023 19:40")]),
    (STATEMENTS_RU, [("main", "Явка к 11 часам составила 25%", "26.03.2023 11:20"),
                     ("listing", "Явка к 15 часам составила 60%", "26.03.2023 15:25")]),
    (STATEMENTS_DATELINES, [("main", "Voting under way in parliamentary elections", "ASHGABAT, March 26"),
                            ("listing", "Turnout passes half of the voters", "ASHGABAT, March 26")]),
])
def test_a_page_of_several_statements_gives_one_item_each(page, want):
    got = split(page).items
    assert [(i.position, i.title, i.date_text) for i in got] == want
    assert all(len(i.paragraphs) == 1 for i in got)


def test_a_subheading_inside_a_story_is_no_new_statement():
    page = (f"Elections held\n\n{EN_BODY}\n\nObservers at work\n\n{EN_BODY}\n\nResults expected soon\n\n{EN_BODY}\n")
    assert [i.title for i in split(page).items] == ["Elections held"]


@pytest.mark.parametrize("line", ["Elections 2023", "Saýlaw 2026", "Выборы 2024", "Paýlaşylan tejribe",
                                  "Комментарий председателя", "Teswirleme işleri"])
def test_headlines_that_look_like_furniture_at_first_glance(line):
    assert not is_chrome_line(line)
    from etl.page import is_footer_line
    assert not is_footer_line(line)


@pytest.mark.parametrize("page, want", [
    # accessibility links, the headline, the date in the site's style with its year, a byline
    ("Доступность ссылок\nПерейти к основному содержанию\nПоиск\n\nВ Туркменистане прошли выборы\n\nмарта 26, 2023\n\n"
     f"Автор: Иван Петров\n\n{RU_BODY}", ("В Туркменистане прошли выборы", "марта 26, 2023", 2023)),
    (f"Skip to main content\nSearch\n\nTurkmenistan elects a new parliament\n\nMarch 26, 2023\n\n{EN_BODY}",
     ("Turkmenistan elects a new parliament", "March 26, 2023", 2023)),
    (f"Home » World » Asia\n\nTurkmen vote count under way\n\nPublished: 27 March 2023\n\n{EN_BODY}",
     ("Turkmen vote count under way", "Published: 27 March 2023", 2023)),
    (f"Bosh sahifa\nSoňky habarlar\n\nSaýlawlar geçirildi\n\nÇap edildi: 27.03.2023\n\n{TK_BODY}",
     ("Saýlawlar geçirildi", "Çap edildi: 27.03.2023", 2023)),
])
def test_a_date_under_the_headline_belongs_to_the_story(page, want):
    got = split(page).items
    assert [(i.title, i.date_text, i.date.year) for i in got] == [want]
    assert got[0].paragraphs[-1] in (RU_BODY, EN_BODY, TK_BODY)


@pytest.mark.parametrize("page, title", [
    (f"The Golden Caravan\n\nVoters elect members of the people's councils\n\n{EN_BODY} The members of the people's "
     "councils were elected in all velayats.", "Voters elect members of the people's councils"),
    (f"Вечерний Ашгабат\n\nИзбиратели голосуют на участках страны\n\n{RU_BODY} Избиратели голосуют с утра.",
     "Избиратели голосуют на участках страны"),
    (f"Altyn Kerwen\n\nSaýlawçylar saýlaw uçastoklarynda ses berýärler\n\n{TK_BODY} Saýlawçylar irden ses berýärler.",
     "Saýlawçylar saýlaw uçastoklarynda ses berýärler"),
])
def test_a_masthead_that_shares_no_word_with_the_story_is_not_its_headline(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("page", [
    f"Regionews.Az\n\nSunday March 3 2024\n\nParliament by-election results announced\n\n{EN_BODY}",
    f"www.vesti-mira.ru\n03.03.2024\n\nИтоги довыборов в парламент подведены\n\n{RU_BODY}",
    f"Habarlar.Tm\n3 Mart 2024 Ýekşenbe\n\nSaýlawlaryň netijeleri jemlendi\n\n{TK_BODY}",
])
def test_the_date_under_the_sites_name_is_the_visit_not_the_story(page):
    got = split(page).items[0]
    assert got.title and got.date is None


@pytest.mark.parametrize("page, want", [
    (f"Latest News\nAll news\n\nCEC: turnout reached 91 percent\n\nBaku, Azerbaijan, March 27 By Staff: {EN_BODY}",
     ("CEC: turnout reached 91 percent", "Baku, Azerbaijan, March 27")),
    (f"NEWSWIRE\nПолитика\n\nЦИК: явка составила 91 процент\n\nАШХАБАД, 27 марта. /Агентство/. {RU_BODY}",
     ("ЦИК: явка составила 91 процент", "АШХАБАД, 27 марта")),
    (f"Soňky habarlar\n\nMT: ses berişe 91% gatnaşdy\n\nDate: 2023-03-27 {TK_BODY}",
     ("MT: ses berişe 91% gatnaşdy", "Date: 2023-03-27")),
])
def test_the_headline_above_a_dateline_under_the_sites_chrome(page, want):
    assert mains(page) == [want]


@pytest.mark.parametrize("page, title", [
    (f"TERMS OF AUTHORITY\n\nAuthor: G. Annayev\n\n{EN_BODY}", "TERMS OF AUTHORITY"),
    (f"СРОК ПОЛНОМОЧИЙ\n\nАвтор: Г. Аннаев\n\n{RU_BODY}", "СРОК ПОЛНОМОЧИЙ"),
    (f"YGTYÝARLYK MÖHLETI\n\nAwtor: G. Annaýew\n\n{TK_BODY}", "YGTYÝARLYK MÖHLETI"),
    (f"Voters go to the polls\n\nPhoto: Staff\n\n{EN_BODY}", "Voters go to the polls"),
])
def test_a_byline_is_neither_a_title_nor_makes_the_title_chrome(page, title):
    assert mains(page)[0][0] == title


@pytest.mark.parametrize("page, want", [
    (f"Turnout figures published\n\nPublished: 27 March 2023\nUpdated: 2 April 2024\n\n{EN_BODY}",
     ("Turnout figures published", "Published: 27 March 2023")),
    (f"Итоги выборов подведены\n\nОбновлено 02.04.2024 10:00\n\n{RU_BODY}", ("Итоги выборов подведены", None)),
    (f"Saýlawlaryň netijeleri\n\nTäzelendi: 02.04.2024\n\n{TK_BODY}", ("Saýlawlaryň netijeleri", None)),
])
def test_the_date_a_page_was_updated_dates_no_story(page, want):
    assert mains(page) == [want]


@pytest.mark.parametrize("tail", [["Read also", "A new bridge opened in the capital", "Comments"],
                                  ["Ýene-de okaň", "Paýtagtda täze köpri açyldy", "Iň soňky teswirler", "XS"],
                                  ["Читайте также", "Открыт новый мост", "Подписывайтесь на наш канал"]])
def test_a_footer_below_the_sidebar_adds_no_item(tail):
    page = ("02 Dec\nThe commission met\n\nA session of the commission was held in the capital today.\n\n"
            "01 Dec\nSeminars were held\n\nSeminars for the members of the commissions were held in all...\n")
    base = [(i.position, i.title) for i in split(page).items]
    assert [(i.position, i.title) for i in split(page + "\n".join(tail)).items] == base


@pytest.mark.parametrize("tail", [["Loading...", "Latest See more"], ["Читать далее...", "Все новости"], ["Ýene-de okaň..."]])
def test_widgets_below_undated_snippets_leave_the_snippets_items(tail):
    page = "\n".join([EN_BODY, EN_BODY, "Seminars for the members of the commissions were held in all velayats...",
                      "A meeting with the observers of the CIS mission was held in the commission..."] + tail)
    assert [i.position for i in split(page).items] == ["main", "sidebar", "sidebar"]


@pytest.mark.parametrize("line", ["Comments of the CEC chairman on the results of the vote",
                                  "Related events in the velayats of the country this week",
                                  "Комментарии председателя комиссии к итогам голосования в велаятах"])
def test_a_headline_that_opens_with_a_footer_word_is_no_footer(line):
    from etl.page import is_footer_line
    assert not is_footer_line(line)
