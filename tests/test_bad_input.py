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

    def broken_check(path, meanwhile=None):
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
    import etl.assemble as A
    import etl.load as L

    copy_bundled(raw_dir)
    write_capture(raw_dir, "odd.txt", "02 Dec\n\nA meeting was held\n\n" + "The meeting was held in the office. " * 3)

    def broken_meeting(text, published=None, lang=None):
        raise IndexError("simulated parser fault")

    monkeypatch.setattr(A, "parse_meeting", broken_meeting)
    db = tmp_path / "f.db"
    summary, found = L.load(raw_dir, db)
    assert summary.items == 10
    # one issue per meeting item (two in the bundled page, one here); every other fact still loads
    assert [i["problem"] for i in found] == ["facts could not be read (IndexError: simulated parser fault)"] * 3
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from turnout_snapshots").fetchone() == (6,)  # other facts still loaded


# ---------------------------------------------------------------------------------------------
# hostile and broken files: each is a parse issue, the load goes on, --strict fails on it

STORY = ("26 Mar\n\nVoting continues\n\n"
         "The polling stations of the Mejlis elections opened at seven in the morning across the country.\n")


def _strict_fails(raw_dir, tmp_path, *extra):
    res = CliRunner().invoke(cli, ["load", "--raw", str(raw_dir), "--db", str(tmp_path / "strict.db"),
                                   "--strict", "--no-progress", *extra])
    assert res.exit_code == 1, res.output
    assert "--strict:" in res.output
    assert not (tmp_path / "strict.db").exists()
    return res


def _problems(found):
    return [(i["line"], i["problem"]) for i in found]


def test_a_capture_over_the_size_cap_is_skipped_with_an_issue(raw_dir, tmp_path):
    from etl.capture import Limits

    write_capture(raw_dir, "ok.txt", STORY)
    write_capture(raw_dir, "huge.txt", STORY + "x" * 5000)
    summary, found = load(raw_dir, tmp_path / "s.db", limits=Limits(max_capture_bytes=2000))
    assert summary.items == 1
    assert _problems(found) == [
        (0, "capture of 5122 bytes is over the cap of 2000 bytes: skipped (saylav load --max-capture-bytes)")]
    conn = sqlite3.connect(tmp_path / "s.db")
    # the capture is listed (with its sha256 and size), but nothing was read from it
    assert conn.execute("select path, bytes, format from captures order by path").fetchall() == [
        ("huge.txt", 5122, "text"), ("ok.txt", 122, "text")]
    _strict_fails(raw_dir, tmp_path, "--max-capture-bytes", "2000")
    ok = CliRunner().invoke(cli, ["load", "--raw", str(raw_dir), "--db", str(tmp_path / "c.db"), "--no-progress"])
    assert ok.exit_code == 0 and "0 parse issues" in ok.output  # the default cap is far above


def test_a_line_over_the_cap_is_cut_with_an_issue_never_silently(raw_dir, tmp_path):
    from etl.capture import Limits

    write_capture(raw_dir, "long.txt", "26 Mar\n\nVoting continues\n\n" + "The polling stations opened. " * 400 + "\n")
    summary, found = load(raw_dir, tmp_path / "s.db", limits=Limits(max_line_chars=1000))
    assert _problems(found) == [(5, "line of 11600 characters cut to the cap of 1000 (saylav load --max-line-chars)")]
    conn = sqlite3.connect(tmp_path / "s.db")
    (body,) = conn.execute("select body from news_items").fetchone()
    assert len(body) <= 1000
    _strict_fails(raw_dir, tmp_path, "--max-line-chars", "1000")


def test_the_50_mb_single_line_capture_is_skipped_by_the_default_cap_without_reading_it(raw_dir, tmp_path):
    import resource

    with open(raw_dir / "big.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL-free? no: zeros; the cap comes first
    write_capture(raw_dir, "ok.txt", STORY)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    summary, found = load(raw_dir, tmp_path / "s.db")
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert _problems(found) == [(0, "capture of 52428800 bytes is over the cap of 8388608 bytes: skipped "
                                    "(saylav load --max-capture-bytes)")]
    assert summary.items == 1
    assert grown_mb < 30  # read in 1 MB chunks for its hash, never whole


def test_symlinks_out_of_the_raw_folder_are_not_followed(raw_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n" * 5)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "page.txt").write_text(STORY)
    write_capture(raw_dir, "ok.txt", STORY)
    (raw_dir / "passwd.txt").symlink_to(secret)
    (raw_dir / "dir").symlink_to(tmp_path / "outside", target_is_directory=True)
    (raw_dir / "loop").symlink_to(raw_dir, target_is_directory=True)  # inside: walked once anyway
    (raw_dir / "same.txt").symlink_to(raw_dir / "ok.txt")  # inside: the same capture
    write_capture(raw_dir, "side.txt", STORY.replace("Voting", "Counting"))
    (raw_dir / "side.txt.meta.json").symlink_to(secret)
    db = tmp_path / "s.db"
    summary, found = load(raw_dir, db)
    assert sorted((i["excerpt"], i["problem"]) for i in found) == [
        ("", "sidecar side.txt.meta.json is a symlink out of the raw folder: not followed"),
        ("dir", "symlink leads out of the raw folder: not followed"),
        ("passwd.txt", "symlink leads out of the raw folder: not followed"),
    ]
    conn = sqlite3.connect(db)
    assert conn.execute("select title from news_items").fetchall() == [("Voting continues",)]
    assert "root:x" not in db.read_bytes().decode("latin-1")
    _strict_fails(raw_dir, tmp_path)


def test_random_bytes_without_nul_are_not_text(raw_dir, tmp_path):
    import random

    rng = random.Random(20240707)
    noise = bytes(b for b in rng.randbytes(200_000) if b)  # no NUL byte anywhere
    ascii_noise = bytes(b & 0x7F or 1 for b in rng.randbytes(20_000))  # valid UTF-8, control characters
    write_capture(raw_dir, "noise.html", noise)
    write_capture(raw_dir, "noise.txt", ascii_noise)
    write_capture(raw_dir, "latin.html", b"<html><meta charset=latin-1><body>" + noise[:50_000])
    write_capture(raw_dir, "ok.txt", STORY)
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert summary.items == 1
    assert len(found) == 3
    assert all(i["problem"].startswith("not text: ") for i in found), found
    _strict_fails(raw_dir, tmp_path)


def test_mojibake_is_not_page_text(raw_dir, tmp_path):
    tk = ("22 Mart\n\nSaýlaw dowam edýär\n\nTürkmenistanyň Mejlisine saýlawlar barada "
          "Merkezi saýlaw topary maglumat berdi.\n")
    ru = ("31 Март\n\nГолосование продолжается\n\nПо выборам депутатов Меджлиса Туркменистана к "
          "11 часам проголосовало много избирателей.\n")
    write_capture(raw_dir, "tk.txt", tk.encode("utf-8").decode("cp1252"))
    write_capture(raw_dir, "ru.txt", ru.encode("utf-8").decode("cp1251"))
    write_capture(raw_dir, "tk-ok.txt", tk)
    write_capture(raw_dir, "ru-ok.txt", ru)
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert summary.items == 2  # the real Turkmen and Russian stories
    problems = sorted(i["problem"] for i in found)
    assert len(problems) == 2 and all(p.startswith("mojibake: ") for p in problems), problems
    assert "read as cp1251" in problems[0] + problems[1] and "read as cp1252" in problems[0] + problems[1]
    _strict_fails(raw_dir, tmp_path)


@pytest.mark.parametrize("sidecar, problem", [
    ({"url": 123}, 'sidecar s.txt.meta.json: "url" is not text (123): ignored'),
    ({"url": "https://saylav.gov.tm/en/news/5", "fetched_at": ["2024"]},
     'sidecar s.txt.meta.json: "fetched_at" is not text (["2024"]): ignored'),
    ({"status": "oops"}, 'sidecar s.txt.meta.json: "status" is not a number ("oops"): ignored'),
    ({"content_type": {"a": 1}}, 'sidecar s.txt.meta.json: "content_type" is not text ({"a": 1}): ignored'),
    # text that is not a URL at all (it once stopped the whole load, in merging)
    ({"url": "https://[saylav.gov.tm/en/news/5"},
     'sidecar s.txt.meta.json: "url" is not a URL ("https://[saylav.gov.tm/en/news/5"): ignored'),
    ({"url": "https://saylav.gov.tm:port/en/news/5"},
     'sidecar s.txt.meta.json: "url" is not a URL ("https://saylav.gov.tm:port/en/news/5"): ignored'),
])
def test_a_sidecar_of_the_wrong_types_is_an_issue_and_the_load_goes_on(raw_dir, tmp_path, sidecar, problem):
    import json

    write_capture(raw_dir, "s.txt", STORY)
    (raw_dir / "s.txt.meta.json").write_text(json.dumps(sidecar))
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert summary.items == 1  # the capture itself still loads
    assert _problems(found) == [(0, problem)]
    _strict_fails(raw_dir, tmp_path)


def test_a_file_name_that_is_not_utf8_is_an_issue_and_the_load_goes_on(raw_dir, tmp_path):
    import os

    write_capture(raw_dir, "ok.txt", STORY)
    with open(os.path.join(os.fsencode(raw_dir), b"caf\xe9.txt"), "wb") as f:
        f.write(STORY.encode())
    os.mkdir(os.path.join(os.fsencode(raw_dir), b"d\xff"))
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert summary.items == 1
    assert sorted((i["excerpt"], i["problem"]) for i in found) == [
        ("caf\\xe9.txt", "file name is not UTF-8: skipped"), ("d\\xff", "folder name is not UTF-8: skipped")]
    _strict_fails(raw_dir, tmp_path)


def test_unreadable_files_and_folders_are_issues_and_the_load_goes_on(raw_dir, tmp_path, monkeypatch):
    import os

    import etl.capture as C

    write_capture(raw_dir, "ok.txt", STORY)
    write_capture(raw_dir, "locked.txt", STORY.replace("Voting", "Counting"))
    write_capture(raw_dir, "closed/inner.txt", STORY.replace("Voting", "Waiting"))
    # injected (the tests may run as root, for whom permissions do not hold)
    real_scandir, real_read = os.scandir, C._read_bytes

    def scandir(path):
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def read_bytes(path, root, limit):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, root, limit)

    monkeypatch.setattr(C.os, "scandir", scandir)
    monkeypatch.setattr(C, "_read_bytes", read_bytes)
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert summary.items == 1
    assert sorted((i["excerpt"], i["problem"]) for i in found) == [
        ("closed", "folder cannot be read (Permission denied)"),
        ("locked.txt", "capture cannot be read (Permission denied)"),
    ]
    _strict_fails(raw_dir, tmp_path)


def test_a_fifo_or_device_is_not_read(raw_dir, tmp_path):
    import os

    write_capture(raw_dir, "ok.txt", STORY)
    os.mkfifo(raw_dir / "pipe.txt")
    summary, found = load(raw_dir, tmp_path / "s.db")  # does not block on the FIFO
    assert summary.items == 1
    assert [(i["excerpt"], i["problem"]) for i in found] == [("pipe.txt", "not a regular file: not read")]


# ---------------------------------------------------------------------------------------------
# a full disk: one clear line, exit 1, the old database intact


def _full_disk_cli(raw_dir, tmp_path, monkeypatch, inject):
    copy_bundled(raw_dir)
    db = tmp_path / "s.db"
    load(raw_dir, db)
    before, inspect_before = db.read_bytes(), (tmp_path / "inspect.json").read_bytes()
    write_capture(raw_dir, "more.txt", STORY)
    inject()
    res = CliRunner().invoke(cli, ["load", "--raw", str(raw_dir), "--db", str(db), "--no-progress"])
    assert res.exit_code == 1
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.output, res.output
    assert lines[0].startswith(f"Error: load failed, {db} left unchanged: no space left on the device of ")
    assert db.read_bytes() == before
    assert (tmp_path / "inspect.json").read_bytes() == inspect_before
    assert sorted(p.name for p in tmp_path.iterdir() if ".tmp" in p.name) == []


def test_a_full_disk_while_sqlite_writes(raw_dir, tmp_path, monkeypatch):
    import etl.build as B

    # SQLite's own "database or disk is full", for real: the new file may not grow past 8 pages
    _full_disk_cli(raw_dir, tmp_path, monkeypatch, lambda: monkeypatch.setattr(
        B, "WRITE_PRAGMAS", B.WRITE_PRAGMAS + ["pragma max_page_count = 8"]))


@pytest.mark.parametrize("where", ["mkstemp", "inspect"])
def test_a_full_disk_on_a_file_operation(raw_dir, tmp_path, monkeypatch, where):
    import errno
    import json

    import etl.build as B

    def no_space(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    def inject():
        if where == "mkstemp":
            monkeypatch.setattr(B.tempfile, "mkstemp", no_space)
        else:
            monkeypatch.setattr(B.json, "dump", no_space)

    _full_disk_cli(raw_dir, tmp_path, monkeypatch, inject)
    assert json  # (used by the injection)


def _write_non_html(raw_dir, rel, body: bytes, content_type: str | None, url: str):
    """A non-HTML answer as the crawler keeps it (etl/fetch/store.py): `NAME.bin` and a sidecar
    with `"html": false` and the content type."""
    import hashlib
    import json

    path = raw_dir / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    sha = hashlib.sha256(body).hexdigest()
    path.with_name(path.name + ".meta.json").write_text(json.dumps({
        "url": url, "requested_url": url, "fetched_at": "2026-03-01T10:00:00Z", "status": 200,
        "etag": None, "last_modified": None, "sha256": sha, "content_type": content_type,
        "content_encoding": None, "html": False, "user_agent": "saylav-archive (test)"}))
    return sha


def test_a_non_html_capture_is_reported_never_read_and_strict_fails_on_it(raw_dir, tmp_path):
    write_capture(raw_dir, "ok.txt", STORY)
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"
    pdf_sha = _write_non_html(raw_dir, "en/news/77/20260301T100000Z_0123456789abcdef.bin", pdf,
                              "application/pdf", "https://saylav.gov.tm/en/news/77")
    img_sha = _write_non_html(raw_dir, "en/news/78/20260301T100000Z_fedcba9876543210.bin", b"\x89PNG\r\n\x1a\n",
                              None, "https://saylav.gov.tm/en/news/78")
    db = tmp_path / "s.db"
    summary, found = load(raw_dir, db)
    assert summary.items == 1  # the rest loads
    assert sorted((i["capture_id"], i["line"], i["problem"]) for i in found) == sorted([
        (pdf_sha, 0, "not an HTML page (application/pdf): not read"),
        (img_sha, 0, "not an HTML page (unknown content type): not read")])
    conn = sqlite3.connect(db)
    # listed as captures (sha256, size, where from), nothing read from them
    assert conn.execute("select id, path, bytes, format, url, status from captures where format = 'binary' "
                        "order by path").fetchall() == [
        (pdf_sha, "en/news/77/20260301T100000Z_0123456789abcdef.bin", len(pdf), "binary",
         "https://saylav.gov.tm/en/news/77", 200),
        (img_sha, "en/news/78/20260301T100000Z_fedcba9876543210.bin", 8, "binary",
         "https://saylav.gov.tm/en/news/78", 200)]
    assert conn.execute("select count(*) from news_items where site_id in (77, 78)").fetchone() == (0,)
    conn.close()
    res = _strict_fails(raw_dir, tmp_path)
    assert "--strict: 2 parse issues" in res.output and "not an HTML page (application/pdf)" in res.output


def test_a_non_html_capture_over_the_size_cap_is_still_reported_as_not_html(raw_dir, tmp_path):
    from etl.capture import Limits

    write_capture(raw_dir, "ok.txt", STORY)
    sha = _write_non_html(raw_dir, "x.bin", b"PK\x03\x04" + b"\x00" * 5000, "application/zip",
                          "https://saylav.gov.tm/en/news/9")
    summary, found = load(raw_dir, tmp_path / "s.db", limits=Limits(max_capture_bytes=2000))
    assert [(i["capture_id"], i["problem"]) for i in found] == [(sha, "not an HTML page (application/zip): not read")]


def test_a_link_that_is_not_a_url_is_passed_over_and_the_page_is_read(raw_dir, tmp_path):
    """One broken link ("//[x": an unclosed IPv6 host) once made the whole page unreadable."""
    import sqlite3

    html = ("<html><body><article><h1>Voting went on</h1><p>" + "The commission said voting went on. " * 6
            + "</p><p><a href='//[x'>broken</a> <a href='http://[y/en/news/9'>broken too</a></p>"
            "</article></body></html>")
    write_capture(raw_dir, "a.html", html, url="https://saylav.gov.tm/en/news/4")
    summary, found = load(raw_dir, tmp_path / "s.db")
    assert found == [] and summary.items == 1
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("select id, url, title from news_items").fetchall() == [
        ("en-4", "https://saylav.gov.tm/en/news/4", "Voting went on")]
