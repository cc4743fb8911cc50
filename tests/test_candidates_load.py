"""Presidential results loaded: candidate_results rows with their source, the winner in
elected_members without a constituency, and parse issues where a share cannot be filed."""
from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import write_capture

EN = """15 Feb
Results of the elections of the President of Turkmenistan

The elections of the President of Turkmenistan were held on February 12, 2017.

Aman Charyyev was elected President of Turkmenistan with 88,4% of the vote. Batyr Orazov received 6,25 percent of the votes, and Merdan Saparov – 3,1 percent.

He received 88,4 percent of the vote in Ahal velayat.
"""

RU = """15 Фев
Итоги выборов Президента Туркменистана

Выборы Президента Туркменистана состоялись 12 февраля 2017 года.

Аман Чарыев избран Президентом Туркменистана, набрав 88,4% голосов. За Батыра Оразова проголосовали 6,25% избирателей.
"""

TK = """15 Few
Türkmenistanyň Prezidentiniň saýlawynyň netijeleri

Türkmenistanyň Prezidentiniň saýlawy 2017-nji ýylyň 12-nji fewralynda geçirildi.

Aman Çaryýew saýlawçylaryň sesleriniň 88,4 göterimini alyp, Türkmenistanyň Prezidenti saýlandy.
"""


def load_db(raw_dir, tmp_path, files):
    from etl.load import load

    for name, text, url in files:
        write_capture(raw_dir, name, text, url=url)
    db = tmp_path / "t.db"
    load(raw_dir, db)
    return sqlite3.connect(db)


def test_candidate_results_in_three_languages(raw_dir, tmp_path):
    conn = load_db(raw_dir, tmp_path, [
        ("en.txt", EN, "https://saylav.gov.tm/en/news/91"),
        ("ru.txt", RU, "https://saylav.gov.tm/ru/news/91"),
        ("tk.txt", TK, "https://saylav.gov.tm/tk/news/91"),
    ])
    rows = conn.execute(
        "select news_item_id, election_id, person_id, name_as_printed, pct, votes, is_elected "
        "from candidate_results order by news_item_id, pct desc").fetchall()
    assert rows == [
        ("en-91", "president-2017-02-12", "caruev-a", "Aman Charyyev", 88.4, None, 1),
        ("en-91", "president-2017-02-12", "orazov-b", "Batyr Orazov", 6.25, None, 0),
        ("en-91", "president-2017-02-12", "saparov-m", "Merdan Saparov", 3.1, None, 0),
        ("ru-91", "president-2017-02-12", "caruev-a", "Аман Чарыев", 88.4, None, 1),
        ("ru-91", "president-2017-02-12", "orazov-b", "Батыра Оразова", 6.25, None, 0),
        ("tk-91", "president-2017-02-12", "caruev-a", "Aman Çaryýew", 88.4, None, 1),
    ]
    # the winner is an elected member with no constituency, once per item
    assert conn.execute(
        "select news_item_id, election_id, constituency_id, person_id from elected_members order by news_item_id"
    ).fetchall() == [
        ("en-91", "president-2017-02-12", None, "caruev-a"),
        ("ru-91", "president-2017-02-12", None, "caruev-a"),
        ("tk-91", "president-2017-02-12", None, "caruev-a"),
    ]
    # the Russian accusative is stored with its nominative
    assert ("Батыр Оразов", "ru") in conn.execute(
        "select name, lang from person_names where person_id = 'orazov-b'").fetchall()
    # a share of one area, or of an unnamed candidate, is a parse issue, never a row
    problems = [r[0] for r in conn.execute("select problem from parse_issues")]
    assert any(p.startswith("share of the vote whose candidate") for p in problems)
    assert conn.execute("select kind from news_items where id = 'en-91'").fetchone() == ("results",)


def test_shares_are_never_turnout(raw_dir, tmp_path):
    conn = load_db(raw_dir, tmp_path, [
        ("en.txt", EN, "https://saylav.gov.tm/en/news/91"),
        ("ru.txt", RU, "https://saylav.gov.tm/ru/news/91"),
        ("tk.txt", TK, "https://saylav.gov.tm/tk/news/91"),
    ])
    assert conn.execute("select count(*) from turnout_snapshots where overall_pct in (88.4, 6.25, 3.1)").fetchone() == (0,)


def test_a_share_of_another_years_election_is_not_filed_under_this_one(raw_dir, tmp_path):
    text = """13 Feb
Results of the elections of the President of Turkmenistan

The elections of the President of Turkmenistan were held on February 12, 2017.

Aman Charyyev was elected President of Turkmenistan with 88,4% of the vote.

In 2012 Aman Charyyev received 97,1 percent of the vote.
"""
    conn = load_db(raw_dir, tmp_path, [("en.txt", text, "https://saylav.gov.tm/en/news/92")])
    assert conn.execute("select election_id, pct from candidate_results order by pct").fetchall() == [
        ("president-2017-02-12", 88.4), ("president-2012-02-12", 97.1)]


def test_no_election_no_guess(raw_dir, tmp_path):
    text = ("Results announced\n\nAccording to the commission, Aman Charyyev received 58,3 percent of the vote "
            "in the elections, the commission said on Monday.\n")
    conn = load_db(raw_dir, tmp_path, [("en.txt", text, "https://example.com/a")])
    assert conn.execute("select election_id, person_id, pct from candidate_results").fetchall() == [
        (None, "caruev-a", 58.3)]
    assert "election result whose election cannot be fixed" in [
        r[0] for r in conn.execute("select problem from parse_issues")]


def test_seats_of_two_bodies_in_one_item_keep_their_own_body(raw_dir, tmp_path):
    text = """28 Mar
Information on the deputies and members elected

On March 26, 2023, elections of deputies of the Mejlis of Turkmenistan and of members of etrap halk maslahaty were held.

Elected deputies of the Mejlis of Turkmenistan: constituency No. 12 «Akbugday» – Maysa Orazova, teacher; constituency No. 14 «Bagtyyarlyk» – Dovlet Annayev, engineer.

Elected members of etrap halk maslahaty: constituency No. 3 «Bereket» – Aman Gurbanov, doctor.
"""
    conn = load_db(raw_dir, tmp_path, [("en.txt", text, "https://saylav.gov.tm/en/news/470")])
    assert conn.execute("select election_id, constituency_id, name_as_printed, occupation from elected_members "
                        "order by constituency_id").fetchall() == [
        ("etrap-maslahaty-2023-03-26", "etrap-maslahaty-3", "Aman Gurbanov", "doctor"),
        ("mejlis-2023-03-26", "mejlis-12", "Maysa Orazova", "teacher"),
        ("mejlis-2023-03-26", "mejlis-14", "Dovlet Annayev", "engineer"),
    ]


def test_a_seat_without_a_number_or_a_body_is_kept_without_a_constituency(raw_dir, tmp_path):
    text = """Results announced

According to the commission, in the «Bereket» constituency Aman Gurbanov was elected, the press service said.
"""
    conn = load_db(raw_dir, tmp_path, [("en.txt", text, "https://example.com/b")])
    assert conn.execute("select election_id, constituency_id, name_as_printed from elected_members").fetchall() == [
        (None, None, "Aman Gurbanov")]
    problems = [r[0] for r in conn.execute("select problem from parse_issues")]
    assert "elected member whose constituency cannot be fixed (body unknown)" in problems
    assert conn.execute("select count(*) from constituencies").fetchone() == (0,)
