"""The bundled real page, loaded end to end: the exact facts the archive must hold."""
from __future__ import annotations

import sqlite3

from etl.load import load


def q(db, sql, *params):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_nine_items_main_story_and_eight_sidebar(bundled_db):
    rows = q(bundled_db, """
        select s.position, n.lang, n.published_on, n.title
        from news_items n join item_sightings s on s.news_item_id = n.id
        order by s.line""")
    assert [(p, lang, d) for p, lang, d, _ in rows] == [
        ("main", "en", "2022-12-02"),
        ("sidebar", "tk", "2024-07-10"),
        ("sidebar", "tk", "2024-07-09"),
        ("sidebar", "en", "2024-07-07"),
        ("sidebar", "en", "2024-07-07"),
        ("sidebar", "en", "2024-07-07"),
        ("sidebar", "en", "2024-07-07"),
        ("sidebar", "en", "2024-07-07"),
        ("sidebar", "en", "2024-07-07"),
    ]
    assert rows[0][3] == "A meeting was held with the OSCE delegation"
    assert [r[3] for r in rows[3:]] == ["The voting for the elections has ended"] + ["Voting continues"] * 5


def test_no_sidebar_item_takes_the_main_storys_year(bundled_db):
    assert q(bundled_db, """
        select count(*) from news_items n join item_sightings s on s.news_item_id = n.id
        where s.position = 'sidebar' and n.year = 2022""") == [(0,)]


def test_main_story_is_a_meeting_with_three_participants(bundled_db):
    (item_id, kind), = q(bundled_db, "select id, kind from news_items where published_on = '2022-12-02'")
    assert kind == "meeting"
    assert q(bundled_db, "select held_on from meetings where news_item_id = ?", item_id) == [("2022-11-29",)]
    rows = q(bundled_db, """
        select p.name, mp.role, o.abbreviation
        from meeting_participants mp join meetings m on m.id = mp.meeting_id
        join people p on p.id = mp.person_id left join organizations o on o.id = mp.organization_id
        where m.news_item_id = ? order by p.name""", item_id)
    assert rows == [
        ("Alexei Gromov", "senior advisor of the OSCE bureau for Democratic institutions and human rights", "OSCE/ODIHR"),
        ("Gulmyrat Myradov", "chairman of the Central election commission", "CEC"),
        ("Hamadziripi Munikva", "advisor of the OSCE bureau for Democratic institutions and human rights", "OSCE/ODIHR"),
    ]


def test_gromov_is_one_person_with_both_spellings(bundled_db):
    assert q(bundled_db, "select count(*) from people where name like '%Gromov'") == [(1,)]
    assert q(bundled_db, """
        select n.name, n.lang from person_names n join people p on p.id = n.person_id
        where p.name like '%Gromov' order by n.name""") == [("Alexei Gromov", "en"), ("Alexey Gromov", "en")]


def test_six_turnout_snapshots_of_the_2024_mejlis_by_election(bundled_db):
    assert q(bundled_db, "select id, body, polling_day, is_by_election from elections where id like 'mejlis-by-%'") == [
        ("mejlis-by-2024-07-07", "mejlis", "2024-07-07", 1)]
    rows = q(bundled_db, """
        select s.as_of, s.as_of_hour, s.overall_pct, a.pct, c.number, c.name
        from turnout_snapshots s
        left join turnout_by_area a on a.snapshot_id = s.id
        left join constituencies c on c.id = a.constituency_id
        where s.election_id = 'mejlis-by-2024-07-07' order by s.as_of_hour""")
    assert rows == [
        ("2024-07-07T09:00", 9, 20.22, 20.23, 1, "Garaşsyzlyk"),
        ("2024-07-07T11:00", 11, 41.29, 40.76, 1, "Garaşsyzlyk"),
        ("2024-07-07T13:00", 13, 62.91, 63.67, 1, "Garaşsyzlyk"),
        ("2024-07-07T15:00", 15, 76.11, 74.72, 1, "Garaşsyzlyk"),
        ("2024-07-07T17:00", 17, 85.55, 85.91, 1, "Garaşsyzlyk"),
        ("2024-07-07T19:00", 19, 91.32, 91.84, 1, "Garaşsyzlyk"),
    ]


def test_no_figure_for_the_cut_off_constituency_2(bundled_db):
    assert q(bundled_db, "select count(*) from constituencies where number = 2") == [(0,)]
    assert q(bundled_db, "select count(*) from turnout_by_area where name_as_printed like '%Bitarap%'") == [(0,)]


def test_bazarow_rejep_elected_in_constituency_1(bundled_db):
    rows = q(bundled_db, """
        select e.election_id, c.number, c.name, p.name, e.name_as_printed, e.occupation
        from elected_members e join people p on p.id = e.person_id
        join constituencies c on c.id = e.constituency_id""")
    assert len(rows) == 1
    election, number, cname, person, printed, occupation = rows[0]
    assert (election, number, cname, printed) == ("mejlis-by-2024-07-07", 1, "Garaşsyzlyk", "Bazarow Rejep")
    assert person in ("Rejep Bazarow", "Bazarow Rejep")
    # the snippet is cut: what is there is stored, nothing more
    assert occupation.startswith("Türkmenistanyň Halk Maslahatynyň Diwanynyň Iş dolandyryjysy")
    assert occupation.endswith("bo...")


def test_every_fact_keeps_its_source(bundled_db):
    assert q(bundled_db, "select count(*) from item_sightings") == [(9,)]
    assert q(bundled_db, "select count(*) from news_items where first_capture_id is null") == [(0,)]
    import hashlib

    from tests.conftest import BUNDLED_RAW

    sha = hashlib.sha256((BUNDLED_RAW / "000_4eac3ca128b3d98d.txt").read_bytes()).hexdigest()
    assert q(bundled_db, "select path, id from captures") == [("000_4eac3ca128b3d98d.txt", sha)]


def test_reload_gives_identical_rows_and_ids(tmp_path):
    from tests.conftest import BUNDLED_RAW

    a, b = tmp_path / "a.db", tmp_path / "b.db"
    load(BUNDLED_RAW, a)
    load(BUNDLED_RAW, b)
    tables = [r[0] for r in q(a, "select name from sqlite_master where type='table' and name not like '%fts%' order by name")]
    assert len(tables) >= 14
    for t in tables:
        assert q(a, f"select * from [{t}] order by 1, 2") == q(b, f"select * from [{t}] order by 1, 2"), t


def test_fts_folds_turkmen_letters(bundled_db):
    hits = q(bundled_db, """select n.lang from news_items_fts f join news_items n on n.rowid = f.rowid
                           where news_items_fts match 'garassyzlyk'""")
    assert hits and {h[0] for h in hits} == {"en", "tk"}


def test_load_summary_counts(tmp_path):
    from tests.conftest import copy_bundled

    raw = tmp_path / "raw"
    raw.mkdir()
    copy_bundled(raw)  # the seed page alone
    summary, issues = load(raw, tmp_path / "s.db")
    assert (summary.captures, summary.items, summary.parse_issues) == (1, 9, 0)
    assert issues == []
    assert str(summary).startswith("1 captures, 9 items, ")
    assert (tmp_path / "inspect.json").exists()


def test_constituency_takes_the_turkmen_spelling_over_a_transliteration(raw_dir, tmp_path):
    from tests.conftest import write_capture

    ru = ("31 Март\n\nГолосование продолжается\n\nПо выборам депутатов Меджлиса Туркменистана к 11 часам "
          "проголосовало 31,99% избирателей. По избирательному округу 109 “Сакарчаге” – 30,19%.\n")
    tk = ("31 Mart\n\nSes beriş dowam edýär\n\nTürkmenistanyň Mejlisiniň deputatlarynyň saýlawlary boýunça "
          "sagat 11-e çenli saýlawçylaryň 31,99% ses berdi. 109-njy «Sakarçäge» saýlaw okrugynda 30,19%.\n")
    write_capture(raw_dir, "a_ru.txt", ru, url="https://saylav.gov.tm/ru/news/201")
    write_capture(raw_dir, "b_tk.txt", tk, url="https://saylav.gov.tm/tk/news/201")
    db = tmp_path / "c.db"
    load(raw_dir, db)
    assert q(db, "select id, number, name from constituencies") == [("mejlis-109", 109, "Sakarçäge")]
    assert q(db, "select count(*) from turnout_by_area where constituency_id = 'mejlis-109'") == [(2,)]


def test_parallel_load_gives_the_same_database_as_a_serial_one(tmp_path, monkeypatch):
    """Reading and parsing run in worker processes on large folders: the rows must not change."""
    import etl.load as L
    import etl.parallel as P
    import etl.sightings as S
    from bench.corpus import generate

    raw = tmp_path / "raw"
    generate(raw, 120)
    monkeypatch.setattr(S, "PARALLEL_MIN_CAPTURES", 10**9)
    monkeypatch.setattr(P, "PARALLEL_MIN_ITEMS", 10**9)
    L.load(raw, tmp_path / "serial.db")
    monkeypatch.setattr(S, "PARALLEL_MIN_CAPTURES", 1)
    monkeypatch.setattr(P, "PARALLEL_MIN_ITEMS", 1)
    monkeypatch.setattr(L.os, "cpu_count", lambda: 2)
    L.load(raw, tmp_path / "parallel.db")
    a, b = tmp_path / "serial.db", tmp_path / "parallel.db"
    tables = [r[0] for r in q(a, "select name from sqlite_master where type='table' and name not like '%fts%'")]
    assert q(a, "select count(*) from news_items")[0][0] > 50
    for t in tables:
        assert q(a, f"select * from [{t}] order by 1, 2") == q(b, f"select * from [{t}] order by 1, 2"), t


def test_item_urls_are_on_the_main_host(raw_dir, tmp_path):
    from tests.conftest import write_capture

    text = "24 May\n\nConstituency 1:\n\nIts boundaries: includes residential houses 2-13 of the street in the township.\n"
    write_capture(raw_dir, "m.txt", text, url="http://www.saylav.st.com.tm/en/news/482")
    db = tmp_path / "u.db"
    load(raw_dir, db)
    assert q(db, "select site_id, url from news_items") == [(482, "https://saylav.gov.tm/en/news/482")]
    assert q(db, "select url from captures") == [("http://www.saylav.st.com.tm/en/news/482",)]


def test_an_inferred_year_that_breaks_the_order_of_article_ids_is_dropped(raw_dir, tmp_path):
    """A sidebar list out of order would date article 701 a year before article 700: NULL instead."""
    from tests.conftest import write_capture

    body = "Text of the story, long enough to be a paragraph of the body of the story. " * 2
    write_capture(raw_dir, "a.txt", f"12 Mar\n\nStory seven hundred\n\nOn March 12, 2026, the meeting was held. {body}\n",
                  url="https://saylav.gov.tm/en/news/700")
    # a listing that (wrongly) shows 29 Mar after 12 Mar: read as newest first, 29 Mar would be 2025
    write_capture(raw_dir, "b.txt", "12 Mar\nStory seven hundred\n\nOn March 12, 2026, the meeting was held...\n\n"
                  "29 Mar\nStory seven hundred and one\n\nThe commission continued its work on the lists...\n",
                  url="https://saylav.gov.tm/en/news?page=1")
    write_capture(raw_dir, "c.txt", f"29 Mar\n\nStory seven hundred and one\n\nThe commission continued its work on the lists. {body}\n",
                  url="https://saylav.gov.tm/en/news/701")
    db = tmp_path / "o.db"
    load(raw_dir, db)
    assert q(db, "select site_id, published_on, date_basis from news_items order by site_id") == [
        (700, "2026-03-12", "text"), (701, None, None)]
    assert q(db, "select problem from parse_issues") == [
        ("date 2025-03-29 (list-neighbours) contradicts the order of article ids: left unknown",)]


def test_a_load_pauses_the_cyclic_collector_and_gives_it_back(tmp_path):
    """The load runs without the cyclic garbage collector (its heap lives to the end); afterwards,
    and after a load that fails, the collector is as it was."""
    import gc

    import pytest

    from etl.load import LoadError, load

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("02 Dec\n\nA meeting was held at the commission with the observers of the missions.\n")
    try:
        assert gc.isenabled()
        load(raw, tmp_path / "t.db")
        assert gc.isenabled()
        with pytest.raises(LoadError):
            load(tmp_path / "missing", tmp_path / "t.db")
        assert gc.isenabled()
        gc.disable()
        load(raw, tmp_path / "t.db")
        assert not gc.isenabled()
    finally:
        gc.enable()
