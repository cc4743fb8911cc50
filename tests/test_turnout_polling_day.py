"""Which election an hourly turnout figure belongs to. The Commission posts hourly figures on polling
day, but a report posted after midnight, or a news site's copy of its statement, is dated days
later: the figure belongs to the known election of that body held in the week before, and a copy
on another site never makes the day it was published a polling day."""
from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from etl.facts.elections import hourly_polling_day, vote_is_today
from tests.conftest import write_capture


@pytest.mark.parametrize("published, from_site, day", [
    (date(2012, 2, 12), True, date(2012, 2, 12)),  # the polling day itself
    (date(2012, 2, 12), False, date(2012, 2, 12)),
    (date(2012, 2, 14), False, date(2012, 2, 12)),  # a copy two days later
    (date(2012, 2, 13), True, date(2012, 2, 12)),  # posted after midnight
    (date(2012, 2, 19), False, date(2012, 2, 12)),  # a week later
    (date(2012, 2, 20), False, None),  # more than a week: not read from the date
    (date(2012, 2, 11), False, None),  # before polling day: not an hourly figure of it
    (date(2019, 5, 5), True, date(2019, 5, 5)),  # an election not on the list, on the site: that day
    (date(2019, 5, 5), False, None),  # the same in another site's copy: unknown
    (None, True, None),
])
def test_the_polling_day_of_an_hourly_figure(published, from_site, day):
    assert hourly_polling_day("president", published, from_site) == day


def test_a_copy_that_tells_of_the_vote_as_today_is_dated_by_its_publication():
    today = "Şu gün ýurdumyzda Geňeşleriň agzalarynyň saýlawlary geçirilýär."
    assert hourly_polling_day("gengesh", date(2015, 8, 16), from_site=False) is None
    assert hourly_polling_day("gengesh", date(2015, 8, 16), from_site=False, text=today) == date(2015, 8, 16)
    # a known election of that body in the week before still comes first
    assert hourly_polling_day("president", date(2012, 2, 14), from_site=False, text=today) == date(2012, 2, 12)


@pytest.mark.parametrize("text, today", [
    ("Today the elections of deputies of the Mejlis are held in Turkmenistan.", True),
    ("Voting in the presidential election began today at 7:00.", True),
    ("Сегодня в Туркменистане проходят выборы депутатов Меджлиса.", True),
    ("Сегодня в 7 часов началось голосование на выборах Президента.", True),
    ("Şu gün irden ýurdumyzyň ähli sebitlerinde Geňeşleriň agzalarynyň saýlawlary geçirildi.", True),
    ("Bu gün ýurdumyzda Mejlisiň deputatlarynyň saýlawlary geçirilýär.", True),
    # "today" is another day's: the results of a vote, a vote on a named day, a meeting
    ("Today the Commission summed up the results of the elections that took place on Sunday.", False),
    ("Today we recall the elections that took place on March 26.", False),
    ("A meeting was held today in Ashgabat. The elections of July 7 were discussed.", False),
    ("Сегодня ЦИК подвёл итоги выборов, которые прошли в воскресенье.", False),
    ("Bu gün Merkezi toparyň mejlisi geçirildi, onda 7-nji iýulda geçirilen saýlawlaryň netijeleri jemlenildi.", False),
    ("Düýn geçirilen saýlawlara şu gün syn berildi.", False),
    ("The elections are held on Sunday.", False),
])
def test_a_vote_told_as_taking_place_today(text, today):
    assert vote_is_today(text) is today


COPIES = [
    ("en.txt", "https://news.example.org/en/turkmenistan/4411.html", """14 Feb
Turnout at the presidential election

February 14, 2012. According to the Central Commission for Elections and Referendums, by 10 o'clock 22,8% of voters had voted in the elections of the President of Turkmenistan.
"""),
    ("ru.txt", "https://news.example.org/ru/turkmenistan/4412.html", """15 Фев
Явка на выборах Президента

15 февраля 2012 года. Как сообщает Центральная комиссия, по выборам Президента Туркменистана к 10 часам проголосовало 22,8% избирателей.
"""),
    ("tk.txt", "https://news.example.org/tk/turkmenistan/4413.html", """13 Few
Saýlawlara gatnaşyk

2012-nji ýylyň 13-nji fewraly. Merkezi saýlaw toparynyň habar bermegine görä, Türkmenistanyň Prezidentiniň saýlawlary boýunça sagat 10-a çenli saýlawçylaryň 22,8%-i ses berdi.
"""),
]


def test_a_news_sites_copy_days_later_gives_the_figure_to_the_election_held_before(raw_dir, tmp_path):
    from etl.load import load

    for name, url, text in COPIES:
        write_capture(raw_dir, name, text, url=url)
    load(raw_dir, tmp_path / "t.db")
    conn = sqlite3.connect(tmp_path / "t.db")
    rows = conn.execute("select n.lang, n.published_on, s.election_id, s.as_of, s.overall_pct from turnout_snapshots s "
                        "join news_items n on n.id = s.news_item_id order by n.lang").fetchall()
    assert rows == [
        ("en", "2012-02-14", "president-2012-02-12", "2012-02-12T10:00", 22.8),
        ("ru", "2012-02-15", "president-2012-02-12", "2012-02-12T10:00", 22.8),
        ("tk", "2012-02-13", "president-2012-02-12", "2012-02-12T10:00", 22.8),
    ]
    assert conn.execute("select id from elections").fetchall() == [("president-2012-02-12",)]


ON_SITE = """05 Maý
Ses beriş dowam edýär

2019-njy ýylyň 5-nji maýy. Geňeşleriň agzalarynyň saýlawlary boýunça sagat 11-e çenli saýlawçylaryň 40,5%-i ses berdi.
"""


def test_an_election_not_on_the_list_is_dated_by_the_site_not_by_a_copy(raw_dir, tmp_path):
    """Gengesh elections on 5 May 2019 are on no list: the site's own page, posted on polling day,
    dates the election; another site's copy of the same statement leaves it unknown (NULL, an issue)."""
    from etl.load import load

    write_capture(raw_dir, "site.txt", ON_SITE, url="https://saylav.gov.tm/tk/news/2001")
    write_capture(raw_dir, "copy.txt", ON_SITE.replace("40,5", "40,6"), url="https://news.example.org/tk/9.html")
    load(raw_dir, tmp_path / "t.db")
    conn = sqlite3.connect(tmp_path / "t.db")
    rows = conn.execute("select n.url, s.election_id, s.as_of, s.as_of_hour, s.overall_pct from turnout_snapshots s "
                        "join news_items n on n.id = s.news_item_id order by s.overall_pct").fetchall()
    assert rows == [
        ("https://saylav.gov.tm/tk/news/2001", "gengesh-2019-05-05", "2019-05-05T11:00", 11, 40.5),
        (None, None, None, 11, 40.6),
    ]
    issues = conn.execute("select c.path, p.problem from parse_issues p join captures c on c.id = p.capture_id").fetchall()
    assert issues == [("copy.txt", "turnout figure whose polling day is unknown")]


def test_a_copy_that_says_the_vote_is_today_dates_the_election(raw_dir, tmp_path):
    from etl.load import load

    text = ON_SITE.replace("Geňeşleriň", "Şu gün ýurdumyzda Geňeşleriň agzalarynyň saýlawlary geçirilýär. Geňeşleriň")
    write_capture(raw_dir, "copy.txt", text, url="https://news.example.org/tk/9.html")
    load(raw_dir, tmp_path / "t.db")
    conn = sqlite3.connect(tmp_path / "t.db")
    assert conn.execute("select election_id, as_of from turnout_snapshots").fetchall() == [
        ("gengesh-2019-05-05", "2019-05-05T11:00")]
