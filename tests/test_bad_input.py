"""Bad input: the load goes on, says what it skipped in parse_issues, and never loses the archive."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.load import LoadError, load
from tests.conftest import copy_bundled, write_capture

TURNOUT_OVER_100 = """26 Mar

Voting continues

By the elections of deputies of the Mejlis of Turkmenistan held on March 26, 2023 to 11 o'clock, there were voted 120,5% of voters.
"""


def issues(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "select c.path, i.line, i.problem from parse_issues i left join captures c on c.id = i.capture_id "
            "order by c.path, i.line").fetchall()
    finally:
        conn.close()


def test_each_bad_capture_is_one_parse_issue_and_the_rest_loads(raw_dir, tmp_path):
    copy_bundled(raw_dir)
    write_capture(raw_dir, "empty.txt", "")
    write_capture(raw_dir, "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    write_capture(raw_dir, "layout.txt", "{\n}\n[1, 2]\n")
    write_capture(raw_dir, "dates.txt", "07 Jly\n\nVoting continues\n\n" + "The polling stations opened at seven in the morning. " * 3)
    write_capture(raw_dir, "over100.txt", TURNOUT_OVER_100, url="https://saylav.gov.tm/en/news/999")
    db = tmp_path / "s.db"
    summary, _ = load(raw_dir, db)
    assert summary.parse_issues == 5
    assert issues(db) == [
        ("binary.txt", 0, "binary file (NUL bytes): not page text"),
        ("dates.txt", 1, "unknown date format"),
        ("empty.txt", 0, "empty file"),
        ("layout.txt", 1, "unknown page layout: no date line, title or body found"),
        ("over100.txt", 1, "impossible percentage 120,5%: over 100"),
    ]
    conn = sqlite3.connect(db)
    # the bundled page still loaded in full
    assert conn.execute("select count(*) from item_sightings s join captures c on c.id = s.capture_id "
                        "where c.path like '000_%'").fetchone() == (9,)
    # the impossible figure is not taken as a turnout figure: it is listed as a parse issue instead
    assert conn.execute("select count(*) from turnout_snapshots where overall_pct > 100").fetchone() == (0,)


def test_impossible_date_line_is_an_issue_not_a_date(raw_dir, tmp_path):
    write_capture(raw_dir, "feb.txt", "31 Feb\n\nA meeting was held\n\n" + "The meeting was held in the office of the commission. " * 3)
    db = tmp_path / "s.db"
    load(raw_dir, db)
    assert issues(db) == [("feb.txt", 1, "impossible date")]
    conn = sqlite3.connect(db)
    assert conn.execute("select published_on, date_text from news_items").fetchall() == [(None, None)]


def test_cli_summary_mentions_the_issues_and_strict_fails(raw_dir, tmp_path):
    copy_bundled(raw_dir)
    write_capture(raw_dir, "empty.txt", "")
    db = tmp_path / "s.db"
    runner = CliRunner()
    ok = runner.invoke(cli, ["load", "--raw", str(raw_dir), "--db", str(db), "--no-progress"])
    assert ok.exit_code == 0, ok.output
    assert "2 captures, 9 items" in ok.output and "1 parse issues" in ok.output
    before = db.read_bytes()
    strict = runner.invoke(cli, ["load", "--raw", str(raw_dir), "--db", str(db), "--strict", "--no-progress"])
    assert strict.exit_code == 1
    assert "--strict: 1 parse issues" in strict.output
    assert db.read_bytes() == before


def test_a_failed_build_leaves_the_existing_database_untouched(raw_dir, tmp_path, monkeypatch):
    copy_bundled(raw_dir)
    db = tmp_path / "s.db"
    load(raw_dir, db)
    before = db.read_bytes()

    import etl.load as L

    def broken_check(path):
        raise LoadError("foreign key check failed: simulated")

    import etl.build as B

    monkeypatch.setattr(B, "check", broken_check)
    with pytest.raises(LoadError):
        L.load(raw_dir, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_missing_raw_folder_is_a_clear_error(tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["load", "--raw", str(tmp_path / "nope"), "--db", str(tmp_path / "s.db")])
    assert res.exit_code == 1
    assert "no such folder of captures" in res.output


def test_rows_that_do_not_match_the_schema_fail_the_build(tmp_path):
    """A row with a column the schema lacks would lose data silently: the build stops instead."""
    from etl.load import write

    rows = [("people", [{"id": "gromov-a", "name": "Alexei Gromov", "nickname": "A."}])]
    with pytest.raises(LoadError, match="do not match its columns"):
        write(tmp_path / "w.db", iter(rows))


def test_a_crawled_page_in_windows_1251_is_read_by_its_charset(raw_dir, tmp_path):
    import json

    html = ("<html><head><meta charset='windows-1251'></head><body><main><article><p class='date'>31 Март</p>"
            "<h1>Голосование продолжается</h1><p>По выборам депутатов Меджлиса Туркменистана к 11 часам "
            "проголосовало 31,99% избирателей.</p></article></main></body></html>")
    (raw_dir / "p.html").write_bytes(html.encode("windows-1251"))
    (raw_dir / "p.html.meta.json").write_text(json.dumps(
        {"url": "https://saylav.gov.tm/ru/news/201", "content_type": "text/html; charset=windows-1251"}))
    db = tmp_path / "c.db"
    summary, issues_found = load(raw_dir, db)
    assert issues_found == []
    conn = sqlite3.connect(db)
    assert conn.execute("select lang, title, published_on from news_items").fetchall() == [
        ("ru", "Голосование продолжается", "2019-03-31")]
    assert conn.execute("select election_id, as_of_hour, overall_pct from turnout_snapshots").fetchall() == [
        ("mejlis-by-2019-03-31", 11, 31.99)]


def test_a_parser_fault_on_one_page_or_item_is_an_issue_and_the_load_goes_on(raw_dir, tmp_path, monkeypatch):
    import etl.load as L

    copy_bundled(raw_dir)
    write_capture(raw_dir, "odd.txt", "02 Dec\n\nA meeting was held\n\n" + "The meeting was held in the office. " * 3)

    def broken_meeting(text, published=None, lang=None):
        raise IndexError("simulated parser fault")

    monkeypatch.setattr(L, "parse_meeting", broken_meeting)
    db = tmp_path / "f.db"
    summary, found = L.load(raw_dir, db)
    assert summary.items == 10
    # one issue per meeting item (two in the bundled page, one here); every other fact still loads
    assert [i["problem"] for i in found] == ["facts could not be read (IndexError: simulated parser fault)"] * 3
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from turnout_snapshots").fetchone() == (6,)  # other facts still loaded
