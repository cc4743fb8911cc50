"""Publishing a database: rows -> temp db -> integrity and FK checks -> inspect data -> atomic replace.

    publish(db_path, table_rows)

is the one way a database reaches `db_path`:

1. stale temp files of earlier loads that died (`.NAME.*.tmp`, nobody holds their lock) are removed;
2. the rows go into a new temp file next to `db_path` (same folder, so the replace is atomic), which
   this process holds an exclusive `flock` on for as long as it exists;
3. SQLite's integrity check and foreign-key check run on it;
4. its inspect data (sha256, size, table counts) is computed from the temp file itself and written
   to `inspect.json` *before* the replace; it carries the database's sha256, and readers
   (`inspect_for`) use it only for the file whose bytes have that hash, so it never describes
   another file whatever moment a load is killed at;
5. one `os.replace` moves the checked file over `db_path`: readers see the old file or the new one,
   never a mix.

A full disk anywhere on the way is one `LoadError` ("no space left ...") and the old database stays.

A running server keeps the data it started with: `pin_for_serving` gives it its own hard link of the
database (a snapshot in `.NAME.serving/<sha>/`), held with a shared lock while it runs, so a load
that replaces `db_path` changes nothing it serves, pages, CSV, download and ETag alike. Snapshots
that no server holds any more are removed by the next load or server start.
"""
from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import operator
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import sqlite_utils

from .schema import TABLES, ensure_shape


class LoadError(Exception):
    """The build failed its checks; the existing database was left as it was."""


# pragmas of the build connection (a test adds `max_page_count` to simulate a full disk)
# A page cache of 64 MiB (SQLite's default is 2 MiB) keeps the tables being filled and indexed in
# memory: about a quarter less CPU for the write (bounded: it is the most the build holds)
BUILD_CACHE_PRAGMA = "pragma cache_size = -65536"
WRITE_PRAGMAS = ["pragma journal_mode = off", "pragma synchronous = off", BUILD_CACHE_PRAGMA]


def _is_disk_full(e: BaseException) -> bool:
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(e, sqlite3.OperationalError) and "full" in str(e).lower()


def _disk_full(e: BaseException, where: Path) -> LoadError:
    return LoadError(f"no space left on the device of {where.parent} ({e})")


# ---------------------------------------------------------------------------------------------
# rows -> temp db


def write(db_path: Path, table_rows) -> int:
    """Shape a new database, insert every table's rows in one transaction, then index the text.

    Rows go in with plain `executemany` in schema column order; indexes and the full-text index
    are built once at the end rather than row by row.
    """
    db = sqlite_utils.Database(str(db_path))
    conn = db.conn
    try:
        for pragma in WRITE_PRAGMAS:
            db.execute(pragma)
        ensure_shape(db, fts=False, indexes=False)
        columns = {name: list(cols) for name, cols, *_ in TABLES}
        total = 0
        with conn:
            for table, records in table_rows:
                if not records:
                    continue
                cols = columns[table]
                # every row names exactly the schema's columns: none missing, none the schema lacks
                if any(len(r) != len(cols) for r in records):
                    raise LoadError(f"rows for {table} do not match its columns {cols}")
                try:
                    values = list(map(operator.itemgetter(*cols), records))
                except KeyError as e:
                    raise LoadError(f"rows for {table} lack column {e}") from e
                sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) "
                       f"values ({', '.join('?' * len(cols))})")
                conn.executemany(sql, values)
                total += len(records)
        ensure_shape(db)
        db.execute("pragma journal_mode = delete")
    finally:
        conn.close()
    return total


def check(db_path: Path, meanwhile=None):
    """Raise LoadError unless the file passes SQLite's integrity check and its foreign keys hold.

    The integrity check (the longest) runs on a thread of its own, with its own connection, while
    this thread checks the foreign keys and then calls `meanwhile()` (another reader of the file,
    such as the inspect data), whose result is returned only once both checks passed."""
    import concurrent.futures as cf

    with cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="saylav-integrity") as pool:
        integrity = pool.submit(_integrity_problem, db_path)
        conn = sqlite3.connect(db_path)
        try:
            bad = conn.execute("pragma foreign_key_check").fetchall()
        finally:
            conn.close()
        result = meanwhile() if meanwhile is not None and not bad else None
        ok = integrity.result()
    if ok != "ok":
        raise LoadError(f"integrity check failed: {ok}")
    if bad:
        raise LoadError(f"foreign key check failed: {bad[:5]}")
    return result


def _integrity_problem(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute(BUILD_CACHE_PRAGMA)
        return conn.execute("pragma integrity_check").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# inspect data


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def inspect_data(db_path: Path, name: str | None = None, sha: str | None = None) -> dict:
    """Datasette's inspect data for the file at `db_path` (served under the name `name`)."""
    name = name or db_path.stem
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        tables = {}
        for (table,) in conn.execute("select name from sqlite_master where type = 'table'"):
            count = conn.execute(f"select count(*) from [{table}]").fetchone()[0]
            tables[table] = {"count": count}
    finally:
        conn.close()
    return {name: {"hash": sha or file_sha256(db_path), "size": db_path.stat().st_size,
                   "file": f"{name}.db", "tables": tables}}


def _write_json_atomic(path: Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w") as f:
            json.dump(data, f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_inspect(db_path: Path, inspect_path: Path, name: str | None = None) -> dict:
    """Write the inspect file of the database at `db_path` (keyed by its sha256) and return it."""
    data = inspect_data(db_path, name)
    _write_json_atomic(inspect_path, data)
    return data


def inspect_for(db_path: Path, inspect_path: Path | None = None) -> dict | None:
    """The inspect data in `inspect_path` if it describes the very file at `db_path` (same sha256
    and size), else None: inspect data of another file is never used."""
    db_path = Path(db_path)
    inspect_path = inspect_path or db_path.with_name("inspect.json")
    try:
        data = json.loads(inspect_path.read_text())
        entry = data[db_path.stem]
        if entry.get("size") != db_path.stat().st_size:
            return None
        if entry.get("hash") != file_sha256(db_path):
            return None
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


# ---------------------------------------------------------------------------------------------
# temp files, locks and the atomic replace


def _try_lock(path: Path, mode: int) -> int | None:
    """An fd holding a non-blocking flock of `mode` on `path`, or None when another holds it."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return fd
    except OSError:
        os.close(fd)
        return None


def remove_stale_temps(db_path: Path) -> list[Path]:
    """Remove temp files of loads that died (`.NAME.*.tmp` and their journals) that no running load
    holds locked. Returns what was removed."""
    removed = []
    for p in sorted(db_path.parent.glob(f".{db_path.name}.*.tmp*")):
        if p.is_symlink() or not p.is_file():
            continue
        base = p if p.name.endswith(".tmp") else p.with_name(p.name[: p.name.rindex(".tmp") + 4])
        fd = _try_lock(base, fcntl.LOCK_EX) if base.exists() else None
        if base.exists() and fd is None:
            continue  # a load in progress
        try:
            p.unlink()
            removed.append(p)
        except OSError:
            pass
        finally:
            if fd is not None:
                os.close(fd)
    return removed


def _remove_stale_json_temps(path: Path) -> None:
    """Remove `.NAME.<pid>.tmp` files (see _write_json_atomic) of processes that are gone."""
    for p in path.parent.glob(f".{path.name}.*.tmp"):
        pid = p.name[len(path.name) + 2 : -4]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # its writer still runs
        except ProcessLookupError:
            pass
        except OSError:
            continue
        p.unlink(missing_ok=True)


def publish(db_path: Path, table_rows, inspect_path: Path | None = None,
            seconds: dict | None = None) -> tuple[int, dict]:
    """Build the database from `table_rows` in a temp file, check it, write its inspect data and
    move it over `db_path` in one `os.replace`. On any failure `db_path` is left as it was and the
    temp file is removed. Returns (rows written, inspect data); `seconds` gets the time spent
    writing and checking."""
    seconds = seconds if seconds is not None else {}
    db_path = Path(db_path)
    inspect_path = inspect_path or db_path.with_name("inspect.json")
    tmp: Path | None = None
    fd = None
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(db_path)
        _remove_stale_json_temps(inspect_path)
        remove_stale_snapshots(db_path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
        tmp = Path(tmp_name)
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the file is gone: it is not stale
        mask = os.umask(0o022)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)  # the database is readable as any file this user makes
        t0 = time.perf_counter()
        total = write(tmp, table_rows)
        t1 = time.perf_counter()
        data = check(tmp, meanwhile=lambda: inspect_data(tmp, db_path.stem))
        data[db_path.stem]["file"] = db_path.name
        _write_json_atomic(inspect_path, data)  # before the replace: it carries the new file's hash
        os.replace(tmp, db_path)
        tmp = None
        seconds.update(write=t1 - t0, check=time.perf_counter() - t1)
        return total, data
    except LoadError:
        raise
    except (OSError, sqlite3.Error) as e:
        if _is_disk_full(e):
            raise _disk_full(e, db_path) from e
        if isinstance(e, sqlite3.Error):
            raise LoadError(f"the new database could not be written ({type(e).__name__}: {e})") from e
        raise LoadError(f"the new database could not be written ({e})") from e
    finally:
        if tmp is not None:
            for p in (tmp, tmp.with_name(tmp.name + "-journal")):
                try:
                    p.unlink()
                except OSError:
                    pass
        if fd is not None:
            os.close(fd)


# ---------------------------------------------------------------------------------------------
# a server's own snapshot


def _serving_dir(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.serving")


_held: list[int] = []  # fds of snapshots this process serves: their locks last as long as it does


def pin_for_serving(db_path: Path) -> Path:
    """A snapshot of the database at `db_path` for a server to open, with its inspect file beside
    it: a hard link (a copy where links are not possible) named by the file's sha256, locked
    (shared) by this process for as long as it runs. A later load replaces `db_path` but not the
    snapshot, so the server stays wholly on the data it started with until it is restarted."""
    db_path = Path(db_path)
    folder = _serving_dir(db_path)
    folder.mkdir(exist_ok=True)
    with open(folder / ".lock", "a") as guard:
        fcntl.flock(guard, fcntl.LOCK_EX)  # no cleanup removes a snapshot while it is being made
        try:
            remove_stale_snapshots(db_path, locked=True)
            sha = file_sha256(db_path)
            snap_dir = folder / sha[:32]
            snap = snap_dir / db_path.name
            if not snap.exists():
                snap_dir.mkdir(exist_ok=True)
                part = snap_dir / f".{db_path.name}.part"
                try:
                    os.link(db_path, part)
                except OSError:
                    shutil.copyfile(db_path, part)
                if file_sha256(part) != sha:  # replaced in between: start again from the new file
                    part.unlink()
                    shutil.rmtree(snap_dir, ignore_errors=True)
                    fcntl.flock(guard, fcntl.LOCK_UN)
                    return pin_for_serving(db_path)
                os.replace(part, snap)
            inspect = snap_dir / "inspect.json"
            if inspect_for(snap, inspect) is None:
                data = inspect_data(snap, snap.stem, sha)
                data[snap.stem]["file"] = snap.name
                _write_json_atomic(inspect, data)
            fd = os.open(snap, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_SH)
            _held.append(fd)
            return snap
        finally:
            fcntl.flock(guard, fcntl.LOCK_UN)


def remove_stale_snapshots(db_path: Path, locked: bool = False) -> list[Path]:
    """Remove server snapshots that no running server holds."""
    folder = _serving_dir(Path(db_path))
    if not folder.is_dir():
        return []
    removed = []
    guard = None
    try:
        if not locked:
            guard = open(folder / ".lock", "a")
            try:
                fcntl.flock(guard, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return []  # a server is making its snapshot: next time
        for snap_dir in folder.iterdir():
            if not snap_dir.is_dir() or snap_dir.is_symlink():
                continue
            snap = snap_dir / Path(db_path).name
            fd = _try_lock(snap, fcntl.LOCK_EX) if snap.exists() else None
            if snap.exists() and fd is None:
                continue  # a server uses it
            shutil.rmtree(snap_dir, ignore_errors=True)
            removed.append(snap_dir)
            if fd is not None:
                os.close(fd)
    finally:
        if guard is not None:
            guard.close()
    return removed
