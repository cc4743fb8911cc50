"""One consistent database at all times (etl/build.py): inspect data that never describes another
file, loads under a running server, stale temp files, worker processes that end with their load."""
from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from etl.build import file_sha256, inspect_for, pin_for_serving, remove_stale_temps
from etl.load import load
from tests.conftest import ROOT, copy_bundled, write_capture

STORY = ("26 Mar\n\nVoting continues\n\n"
         "The polling stations of the Mejlis elections opened at seven in the morning across the country.\n")


def _script(body: str) -> list[str]:
    return [sys.executable, "-c", "import sys; sys.path.insert(0, %r)\n" % str(ROOT) + body]


def _run_killed(body: str, timeout: float = 60) -> None:
    proc = subprocess.run(_script(body), capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == -signal.SIGKILL, proc.stderr


KILL_AT = """
import os, signal
from pathlib import Path
import etl.build as B
from etl.load import load
raw, db, when = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
real = os.replace
def replace(src, dst):
    if Path(dst) == db and when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    real(src, dst)
    if Path(dst) == db and when == "after":
        os.kill(os.getpid(), signal.SIGKILL)
B.os.replace = replace
load(raw, db)
"""


@pytest.mark.parametrize("when", ["before", "after"])
async def test_a_kill_next_to_the_replace_never_leaves_inspect_data_of_another_file(raw_dir, tmp_path, when):
    from etl.serve import make_app

    copy_bundled(raw_dir)
    db = tmp_path / "saylav.db"
    load(raw_dir, db)
    old_sha = file_sha256(db)
    write_capture(raw_dir, "more.txt", STORY)
    proc = subprocess.run([*_script(KILL_AT), str(raw_dir), str(db), when],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    sha = file_sha256(db)
    assert (sha == old_sha) == (when == "before")
    data = inspect_for(db)
    if data is not None:  # used only when it describes this very file
        assert data["saylav"]["hash"] == sha
    if when == "after":  # written before the replace: already there
        assert data is not None
        conn = sqlite3.connect(db)
        assert data["saylav"]["tables"]["captures"]["count"] == conn.execute(
            "select count(*) from captures").fetchone()[0] == 2
    ds = make_app(db)
    response = await ds.client.get("/saylav.db")
    assert response.status_code == 200
    assert sha[:16] in response.headers["etag"]  # the ETag names this very file
    import hashlib

    assert hashlib.sha256(response.content).hexdigest() == sha


def test_stale_temp_files_are_removed_by_the_next_load_but_not_those_of_a_running_load(raw_dir, tmp_path):
    copy_bundled(raw_dir)
    db = tmp_path / "s.db"
    stale = [tmp_path / ".s.db.dead1.tmp", tmp_path / ".s.db.dead1.tmp-journal", tmp_path / ".s.db.dead2.tmp"]
    for p in stale:
        p.write_bytes(b"x" * 100)
    dead_pid = _dead_pid()
    stale.append(tmp_path / f".inspect.json.{dead_pid}.tmp")  # an inspect file half written
    stale[-1].write_text("{")
    running = tmp_path / ".s.db.alive.tmp"
    running.write_bytes(b"y")
    fd = os.open(running, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a load in progress holds its temp file
    try:
        load(raw_dir, db)
        assert [p for p in stale if p.exists()] == []
        assert running.exists()
    finally:
        os.close(fd)
    assert remove_stale_temps(db) == [running]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inspect.json", "raw", "s.db"]


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


SLOW_LOAD = """
import time
from pathlib import Path
import etl.build as B
import etl.load as L
import etl.sightings as S
raw, db = Path(sys.argv[1]), Path(sys.argv[2])
S.PARALLEL_MIN_CAPTURES = 2
real_read = S.read_one
def slow_read(*a):
    time.sleep(0.5)
    return real_read(*a)
S.read_one = slow_read
real_check = B.check
def slow_check(path, meanwhile=None):
    print("CHECKING", flush=True)
    time.sleep(60)
B.check = slow_check
L.load(raw, db)
"""


def test_a_kill_mid_load_ends_the_workers_and_the_next_load_removes_its_temp_file(raw_dir, tmp_path):
    for k in range(40):
        write_capture(raw_dir, f"{k:02d}.txt", STORY.replace("Voting", f"Voting {k}"))
    db = tmp_path / "s.db"
    proc = subprocess.Popen([*_script(SLOW_LOAD), str(raw_dir), str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        workers: list[int] = []
        while time.monotonic() < deadline and not workers:
            time.sleep(0.1)
            workers = [c for c in _children(proc.pid) if _alive(c)]
        assert workers, "no worker processes started"
        proc.send_signal(signal.SIGKILL)  # mid-read, the pool busy
        proc.wait(timeout=10)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and any(map(_alive, workers)):
            time.sleep(0.1)
        assert [w for w in workers if _alive(w)] == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()

    # killed while its temp file is being checked: the temp file stays until the next load
    proc = subprocess.Popen([*_script(SLOW_LOAD), str(raw_dir), str(db)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "CHECKING"
        temps = [p for p in tmp_path.iterdir() if p.name.startswith(".s.db.") and p.name.endswith(".tmp")]
        assert len(temps) == 1
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert temps[0].exists() and not db.exists()
    load(raw_dir, db)
    assert not temps[0].exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inspect.json", "raw", "s.db"]


async def test_a_load_under_a_running_server_leaves_it_wholly_on_the_old_data(raw_dir, tmp_path):
    """`saylav serve` serves its own snapshot of the database: pages, JSON, CSV, the download and
    its ETag all stay on the data it started with, whatever loads run meanwhile."""
    import hashlib

    from etl.serve import make_app

    copy_bundled(raw_dir)
    db = tmp_path / "saylav.db"
    load(raw_dir, db)
    old_sha = file_sha256(db)
    served = pin_for_serving(db)
    ds = make_app(served)

    async def state(ds):
        rows = (await ds.client.get("/saylav/news_items.json?_shape=array&_col=title&_size=max")).json()
        csv = (await ds.client.get("/saylav/news_items.csv?_stream=on&_size=max")).text
        count = (await ds.client.get("/saylav/captures.json?_shape=array")).json()
        download = await ds.client.get("/saylav.db")
        return (sorted(r["title"] or "" for r in rows), csv.count("\n"), len(count),
                download.headers["etag"], hashlib.sha256(download.content).hexdigest())

    before = await state(ds)
    assert old_sha[:16] in before[3] and before[4] == old_sha
    write_capture(raw_dir, "more.txt", STORY)
    load(raw_dir, db)  # while the server runs
    assert file_sha256(db) != old_sha
    assert await state(ds) == before  # wholly old
    # a server started now serves the new data, wholly
    fresh = await state(make_app(pin_for_serving(db)))
    assert fresh[2] == before[2] + 1 and fresh[4] == file_sha256(db) and fresh[4][:16] in fresh[3]
    # the old snapshot stays while its server holds it
    assert served.exists()


def test_snapshots_no_server_holds_are_removed_by_the_next_load(raw_dir, tmp_path):
    copy_bundled(raw_dir)
    db = tmp_path / "saylav.db"
    load(raw_dir, db)
    snap = subprocess.run(_script(
        "from etl.build import pin_for_serving; print(pin_for_serving(%r))" % str(db)),
        capture_output=True, text=True, timeout=60).stdout.strip()
    assert Path(snap).exists() and Path(snap).parent.parent.name == ".saylav.db.serving"
    load(raw_dir, db)  # that server has ended: its snapshot goes
    assert not Path(snap).exists()


# -- the checks before a build replaces the database --------------------------------------------

def _small_db(path: Path, child_parent: int = 1) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        "create table parent (id integer primary key);"
        "create table child (id integer primary key, parent_id integer references parent(id));"
        "insert into parent values (1);"
        f"insert into child values (1, {child_parent});"
    )
    conn.commit()
    conn.close()
    return path


def test_a_sound_file_passes_the_checks_and_gives_what_was_read_meanwhile(tmp_path):
    from etl.build import check

    assert check(_small_db(tmp_path / "ok.db"), meanwhile=lambda: "inspected") == "inspected"
    assert check(tmp_path / "ok.db") is None


def test_a_broken_foreign_key_fails_the_checks_and_nothing_is_read_meanwhile(tmp_path):
    from etl.build import LoadError, check

    read = []
    with pytest.raises(LoadError, match="foreign key check failed"):
        check(_small_db(tmp_path / "fk.db", child_parent=2), meanwhile=lambda: read.append(1))
    assert read == []


def test_a_damaged_file_fails_the_integrity_check(tmp_path):
    from etl.build import LoadError, check

    path = tmp_path / "damaged.db"
    conn = sqlite3.connect(path)
    conn.execute("create table t (id integer primary key, v text)")
    conn.execute("create index t_v on t (v)")
    conn.executemany("insert into t values (?, ?)", [(i, f"value {i}") for i in range(2000)])
    conn.commit()
    # an index that no longer matches its table: rows changed behind SQLite's back
    conn.execute("pragma writable_schema = on")
    conn.execute("update sqlite_master set sql = 'create index t_v on t (id)' where name = 't_v'")
    conn.commit()
    conn.close()
    with pytest.raises(LoadError, match="integrity check failed"):
        check(path)
