"""The incremental load (etl.cache): what each capture and item yields is kept beside the database,
and a load with the cache gives the same rows, table by table, as a cold load of the same captures."""
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import etl.cache as C
from etl.cli import cli
from etl.load import load


def tables(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table' order by name")]
        return {t: conn.execute(f"select * from [{t}]").fetchall() for t in names}
    finally:
        conn.close()


def cold(raw: Path, tmp: Path, name: str) -> dict:
    db = tmp / name / "cold.db"
    load(raw, db)
    assert not (db.parent / C.CACHE_DIR_NAME).exists()
    return tables(db)


def cache_rows(db: Path, kind: str) -> int:
    conn = sqlite3.connect(C.cache_path(db))
    try:
        return conn.execute(f"select count(*) from {kind}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from bench.corpus import generate

    raw = tmp_path_factory.mktemp("inc") / "raw"
    generate(raw, 90)
    return raw


def assert_same(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    for name in a:
        assert a[name] == b[name], name


def test_an_incremental_load_gives_the_rows_of_a_cold_one_after_adds_changes_and_deletes(corpus, tmp_path):
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    captures = sorted(p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    held = captures[::9]
    for p in held:
        p.rename(tmp_path / p.name)  # sidecars stay: a capture without its page is no capture
    db = tmp_path / "inc" / "saylav.db"
    first, _ = load(raw, db, use_cache=True)
    assert first.cache["hits"] == {"read": 0, "parsed": 0}
    assert_same(tables(db), cold(raw, tmp_path, "c1"))
    assert cache_rows(db, "read") == first.captures

    # nothing changed: everything comes from the cache
    again, _ = load(raw, db, use_cache=True)
    assert again.cache["misses"] == {"read": 0, "parsed": 0}
    assert_same(tables(db), cold(raw, tmp_path, "c2"))

    # added, changed (bytes and sidecar) and deleted captures
    for p in held:
        (tmp_path / p.name).rename(p)
    remaining = [p for p in captures if p not in held]
    changed = remaining[3]
    changed.write_bytes(changed.read_bytes().replace(b"the", b"THE", 1) + b"\n")
    side = remaining[5].with_name(remaining[5].name + ".meta.json")
    meta = json.loads(side.read_text()) if side.exists() else {}
    meta["fetched_at"] = "2031-01-01T00:00:00Z"
    side.write_text(json.dumps(meta))
    deleted = remaining[7]
    deleted.unlink()
    summary, _ = load(raw, db, use_cache=True)
    assert summary.cache["misses"]["read"] == len(held) + 2
    assert summary.cache["hits"]["read"] == len(captures) - len(held) - 3
    assert_same(tables(db), cold(raw, tmp_path, "c3"))
    # bounded: only what the captures present yield is kept
    present = len([p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(".meta.json")])
    assert cache_rows(db, "read") == present == summary.captures
    assert cache_rows(db, "parsed") <= 2 * summary.items  # facts and year of each item at most


def test_full_ignores_the_cache_and_refills_it(corpus, tmp_path):
    db = tmp_path / "saylav.db"
    load(corpus, db, use_cache=True)
    summary, _ = load(corpus, db, full=True, use_cache=True)
    assert summary.cache["hits"] == {"read": 0, "parsed": 0}
    assert cache_rows(db, "read") == summary.captures
    again, _ = load(corpus, db, use_cache=True)
    assert again.cache["misses"] == {"read": 0, "parsed": 0}
    assert_same(tables(db), cold(corpus, tmp_path, "cold"))


def test_a_new_parser_version_reads_everything_again(corpus, tmp_path, monkeypatch):
    db = tmp_path / "saylav.db"
    load(corpus, db, use_cache=True)
    monkeypatch.setitem(C._VERSIONS, C.READ_ROOTS, "another version of the readers")
    summary, _ = load(corpus, db, use_cache=True)
    assert summary.cache["hits"]["read"] == 0
    assert summary.cache["misses"]["parsed"] == 0  # the facts parsers did not change
    assert_same(tables(db), cold(corpus, tmp_path, "cold"))


def test_the_version_follows_the_parsers_imports():
    seen = C.source_version("etl.sightings")
    assert seen == C.source_version("etl.sightings")
    assert seen != C.source_version("etl.facts")
    assert C._imports("etl.sightings", C._module_file("etl.sightings")) >= {"etl.page", "etl.capture"}


def _import_signature(nodes):
    import ast

    return sorted((type(n).__name__, getattr(n, "module", None) or "", getattr(n, "level", None) or 0,
                   tuple(a.name for a in n.names)) for n in nodes if isinstance(n, (ast.Import, ast.ImportFrom)))


@pytest.mark.parametrize("path", sorted(Path(C.PACKAGE_DIR).rglob("*.py")), ids=lambda p: p.name)
def test_the_quick_import_scan_finds_what_a_full_parse_finds(path):
    """The version reads only a module's import statements; on every module of etl it finds the
    same imports as a full parse of the module."""
    import ast

    source = path.read_text(encoding="utf-8")
    assert _import_signature(C._import_nodes(source)) == _import_signature(ast.walk(ast.parse(source)))


def test_the_quick_import_scan_reads_nested_multiline_and_continued_imports():
    source = (
        '"""Docs: from the start we import nothing here."""\n'
        "from .a import (\n    b,\n    c,  # why\n)\n"
        "def f():\n    from ..facts import turnout\n    import etl.text\n"
        "from .d import \\\n    e\n"
    )
    import ast

    assert _import_signature(C._import_nodes(source)) == _import_signature(ast.walk(ast.parse(source)))


@pytest.mark.parametrize("damage", ["garbage", "bad-entry"])
def test_a_damaged_cache_is_ignored_with_a_message(corpus, tmp_path, damage):
    db = tmp_path / "saylav.db"
    load(corpus, db, use_cache=True)
    path = C.cache_path(db)
    if damage == "garbage":
        path.write_bytes(b"this is not a database" * 100)
    else:
        conn = sqlite3.connect(path)
        conn.execute("update read set blob = x'00ff00'")
        conn.commit()
        conn.close()
    summary, _ = load(corpus, db, use_cache=True)
    assert summary.notes and "cache" in summary.notes[0]
    assert_same(tables(db), cold(corpus, tmp_path, "cold"))
    # and the next load has a working cache again
    load(corpus, db, use_cache=True)
    third, _ = load(corpus, db, use_cache=True)
    assert third.notes == [] and third.cache["misses"] == {"read": 0, "parsed": 0}


def test_entries_are_written_behind_the_load_and_read_back(tmp_path):
    cache = C.LoadCache.open(tmp_path / "saylav.db")
    cache.put_read([("a", b"one"), ("b", b"two")])
    cache.put_parsed([("c", b"three")])
    cache.put_read([("a", b"one again")])  # batches are written in the order given
    cache.use("read", ["a", "b"])
    cache.use("parsed", ["c"])
    cache.finish()
    again = C.LoadCache.open(tmp_path / "saylav.db")
    assert again.get_read(["a", "b"]) == {"a": b"one again", "b": b"two"}
    assert again.get_parsed(["c"]) == {"c": b"three"}
    again.close()


def test_a_cache_of_an_older_shape_is_replaced_by_the_current_one(tmp_path):
    """Entries are kept in rowid tables (large blobs); a cache file made with the older WITHOUT
    ROWID tables, whose version is another, is emptied and reshaped on open."""
    path = C.cache_path(tmp_path / "saylav.db")
    path.parent.mkdir()
    old = sqlite3.connect(path)
    old.execute("create table meta (k text primary key, v text)")
    for kind in ("read", "parsed"):
        old.execute(f"create table {kind} (key text primary key, blob blob) without rowid")
        old.execute(f"insert into {kind} values ('k', x'00')")
        old.execute("insert into meta values (?, 'a version of an older shape')", (kind,))
    old.commit()
    old.close()
    cache = C.LoadCache.open(tmp_path / "saylav.db")
    shapes = dict(cache.conn.execute("select name, sql from sqlite_master where name in ('read', 'parsed')"))
    assert cache.get_read(["k"]) == {} and cache.get_parsed(["k"]) == {}
    cache.close()
    assert sorted(shapes) == ["parsed", "read"]
    assert not any("without rowid" in sql.lower() for sql in shapes.values())


def test_a_write_that_fails_behind_the_load_drops_the_cache_with_a_message(tmp_path):
    notes = []
    cache = C.LoadCache.open(tmp_path / "saylav.db", note=notes.append)
    other = sqlite3.connect(cache.path)
    other.execute("drop table parsed")  # the writer's insert will fail
    other.commit()
    other.close()
    cache.put_parsed([("c", b"three")])
    cache.finish()
    assert len(notes) == 1 and "damaged" in notes[0] and "no such table" in notes[0]
    assert not cache.path.exists()


def test_the_stat_shortcut_hashes_only_captures_whose_file_changed(corpus, tmp_path, monkeypatch):
    """A capture whose file signature (inode, size, times) is the one recorded with its key is not
    read to find its key; a file rewritten with the same size and modification time is (its change
    time moved), and the rows are a cold load's."""
    import os
    import shutil

    monkeypatch.setattr(C, "RACY_NS", 0)  # trust signatures at once (the test does not wait 2 s)
    raw = tmp_path / "raw"
    shutil.copytree(corpus, raw)
    db = tmp_path / "saylav.db"
    load(raw, db, use_cache=True)  # first load: the workers record signatures with the keys
    hashed = []
    real = C.capture_key
    monkeypatch.setattr(C, "capture_key", lambda path, root, limits: hashed.append(path) or real(path, root, limits))
    second, _ = load(raw, db, use_cache=True)
    assert hashed == [] and second.cache["misses"]["read"] == 0

    victim = sorted(p for p in raw.rglob("*.txt"))[3]
    st = victim.stat()
    text = victim.read_bytes()
    victim.write_bytes(text.replace(b"e", b"a", 1) if b"e" in text else text[::-1])  # same size
    os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same modification time
    third, _ = load(raw, db, use_cache=True)
    assert hashed == [victim] and third.cache["misses"]["read"] == 1
    assert_same(tables(db), cold(raw, tmp_path, "cold"))


def test_a_file_signature_is_not_trusted_while_it_is_recent(tmp_path, monkeypatch):
    capture = tmp_path / "a.txt"
    capture.write_text("text")
    monkeypatch.setattr(C, "time", type("Clock", (), {"time_ns": staticmethod(lambda: capture.stat().st_ctime_ns + 1)}))
    assert C.file_signature(capture) is None  # changed within RACY_NS of now
    monkeypatch.setattr(C, "time", type("Clock", (), {"time_ns": staticmethod(lambda: capture.stat().st_ctime_ns
                                                                             + C.RACY_NS + 1)}))
    assert C.file_signature(capture) is not None
    (tmp_path / "link.txt").symlink_to(capture)
    assert C.file_signature(tmp_path / "link.txt") != C.file_signature(capture)  # the link itself, not followed


def test_the_cli_offers_full_and_says_what_it_does(corpus, tmp_path):
    res = CliRunner().invoke(cli, ["load", "--help"])
    assert "--full" in res.output and "cache" in res.output
    db = tmp_path / "s.db"
    res = CliRunner().invoke(cli, ["load", "--raw", str(corpus), "--db", str(db), "--full", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert C.cache_path(db).is_file()
