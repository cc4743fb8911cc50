"""What each capture yields, kept between loads: the incremental load's cache.

    cache = LoadCache.open(db_path)        # beside the database, never in data/raw/
    cache.get_read(key) / put_read(key, blob)
    cache.get_parsed(key) / put_parsed(key, blob)
    cached_map(cache, name, fn, jobs)      # map(fn, jobs) in worker processes, through the cache
    cache.use(kind, keys)                  # what this load needs (found or not)
    cache.finish()                         # drops every entry this load did not use, closes

Two kinds of entry, both pickles:

- **read**: one capture read and split into sightings (`etl.sightings.read_one`), keyed by
  `capture_key`: the SHA-256 of the capture's bytes and of its sidecar's, its path under the raw
  folder and the read limits;
- **parsed**: what a pure function of one item reads from its text (`etl.assemble.parse_item`: its
  facts; `etl.dates.year_from_text`: its year), keyed by the SHA-256 of the function's name and input.

Each kind carries a version: a hash of the source files of the modules that produce it (found by
following their imports within `etl`), so any change to a parser empties that kind. The cache is
bounded (entries of captures and items no longer present are dropped at the end of each load), and
a cache that cannot be read is removed and rebuilt with a message, never a failed load.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import os
import pickle
import re
import sqlite3
import stat
import sys
import time
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
CACHE_DIR_NAME = ".saylav-cache"
SCHEMA = 2  # the cache file's shape: a change empties every kind

# the modules whose output each kind of entry keeps (their imports within etl are followed)
READ_ROOTS = ("etl.sightings",)
PARSED_ROOTS = ("etl.assemble", "etl.facts")


def cache_path(db_path: Path) -> Path:
    """The cache of the database at `db_path`: `.saylav-cache/NAME.sqlite` in the same folder."""
    db_path = Path(db_path)
    return db_path.parent / CACHE_DIR_NAME / f"{db_path.name}.sqlite"


def _module_file(name: str) -> Path | None:
    rel = Path(*name.split(".")[1:])
    if not rel.parts:
        return PACKAGE_DIR / "__init__.py"
    for cand in (PACKAGE_DIR / rel.with_suffix(".py"), PACKAGE_DIR / rel / "__init__.py"):
        if cand.is_file():
            return cand
    return None


# An import statement at any indentation, with a parenthesised list of names over several lines.
_IMPORT_STATEMENT = re.compile(r"^[ \t]*(?:from[ \t]+[.\w]+[ \t]+import[ \t]+(?:\([^)]*\)|[^\n]*)|import[ \t]+[^\n]*)",
                               re.MULTILINE)


def _import_nodes(source: str) -> list:
    """The import statements of a module's source, as AST nodes. Only the statements are parsed
    (a whole module's AST costs ten times more, and the load does this at every start); a line that
    only looks like one (in a docstring) is skipped, and any statement this cannot read alone (a
    backslash continuation) makes it parse the whole module instead."""
    nodes = []
    for m in _IMPORT_STATEMENT.finditer(source):
        text = m.group().strip()
        if text.endswith("\\"):
            return list(ast.walk(ast.parse(source)))
        try:
            nodes.extend(ast.parse(text).body)
        except SyntaxError:
            if text.startswith("from") and "(" in text:  # an unclosed list: read the module whole
                return list(ast.walk(ast.parse(source)))
    return nodes


def _imports(name: str, path: Path) -> set[str]:
    """Modules of the etl package that the module `name` (file `path`) imports."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in _import_nodes(path.read_text(encoding="utf-8")):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("etl."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if mod == "etl" or mod.startswith("etl."):
                found.add(mod)
                found.update(f"{mod}.{a.name}" for a in node.names)  # `from . import dates`
    return found


def source_version(*roots: str) -> str:
    """A hash of the source files of the modules `roots` (a package root takes all its modules) and
    of every etl module they import, directly or not; and of the Python version (pickles)."""
    todo = []
    for root in roots:
        path = _module_file(root)
        if path is not None and path.name == "__init__.py":
            todo.extend(f"{root}.{p.stem}" for p in sorted(path.parent.glob("*.py")) if p.stem != "__init__")
        todo.append(root)
    seen: dict[str, Path] = {}
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None:
            continue
        seen[name] = path
        todo.extend(_imports(name, path) - set(seen))
    h = hashlib.sha256(f"{SCHEMA} {sys.version_info[:2]}".encode())
    for name in sorted(seen):
        h.update(name.encode() + b"\0" + seen[name].read_bytes() + b"\0")
    return h.hexdigest()


_VERSIONS: dict[tuple, str] = {}


def version(roots: tuple[str, ...]) -> str:
    if roots not in _VERSIONS:
        _VERSIONS[roots] = source_version(*roots)
    return _VERSIONS[roots]


def _sha_file(path: str, limit: int) -> str | None:
    """The SHA-256 of a regular file that is no symlink and at most `limit` bytes, or None. A FIFO
    or a device is not read (opened without blocking, it cannot stall the load), nor is a larger
    file or a symlink (O_NOFOLLOW)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        h = hashlib.sha256()
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return h.hexdigest()
            h.update(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)


def capture_key(path: Path, root: Path, limits) -> str | None:
    """The key of what capture `path` yields: the SHA-256 of its bytes and its sidecar's, its path
    under `root` and the read limits. None (not cached) for anything but a regular file within the
    limits, and for a sidecar that is no regular file: those are read afresh every time, with their
    checks and their parse issues."""
    from .capture import MAX_SIDECAR_BYTES, SIDECAR_SUFFIX

    name = os.fspath(path)
    sha = _sha_file(name, limits.max_capture_bytes)
    if sha is None:
        return None
    side = name + SIDECAR_SUFFIX
    if os.path.lexists(side):
        side_sha = _sha_file(side, MAX_SIDECAR_BYTES)
        if side_sha is None:
            return None
    else:
        side_sha = "-"
    lim = (limits.max_capture_bytes, limits.max_line_chars)
    return hashlib.sha256(f"{sha}\0{side_sha}\0{_relative(path, root)}\0{lim}".encode()).hexdigest()


def _relative(path: Path, root: Path) -> str:
    """The capture's path under the raw folder, with forward slashes."""
    name, top = os.fspath(path), os.fspath(root).rstrip("/") + "/"
    return name[len(top):] if name.startswith(top) else Path(path).relative_to(root).as_posix()


# A file changed within this long after its signature was taken could keep the same signature (the
# clock of file times is coarse): a signature that recent is not kept ("racily clean", as git says).
RACY_NS = 2_000_000_000


def file_signature(path: Path) -> str | None:
    """What the file system tells of a capture and its sidecar without reading them: device, inode,
    type, size, modification and change times (of the entry itself: a symlink is not followed). A
    capture whose signature is the one recorded with its key has the same bytes (etl.cache's stat
    shortcut); None when the capture cannot be stat'ed or is too recent to be trusted."""
    from .capture import SIDECAR_SUFFIX

    name = os.fspath(path)
    parts = []
    horizon = time.time_ns() - RACY_NS
    for each in (name, name + SIDECAR_SUFFIX):
        try:
            st = os.stat(each, follow_symlinks=False)
        except FileNotFoundError:
            if each is name:
                return None
            parts.append("-")
            continue
        except OSError:
            return None
        if st.st_mtime_ns >= horizon or st.st_ctime_ns >= horizon:
            return None
        parts.append(f"{st.st_dev}:{st.st_ino}:{st.st_mode}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}")
    return "|".join(parts)


def _stat_path(path: Path, root: Path, limits) -> str:
    """The stat shortcut's entry name: the capture's path under the root, and the read limits."""
    return f"{_relative(path, root)}\0{limits.max_capture_bytes}\0{limits.max_line_chars}"


def parsed_key(args: tuple) -> str:
    """The key of what a parser read from one item: a hash of its name and input."""
    return hashlib.sha256(pickle.dumps(args, protocol=4)).hexdigest()


def _pickled(fn, job):
    out = fn(job)
    return out if isinstance(out, Exception) else pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)


def cached_map(cache: "LoadCache | None", name: str, fn, jobs: list, full: bool = False) -> list:
    """`[fn(job) for job in jobs]` (in worker processes when there are many: etl.parallel.pmap), with
    what `fn` returned for the same job in an earlier load taken from `cache` ("parsed" entries,
    keyed by `name` and the job). `fn` must be a pure module-level function of its job; a result
    that is an Exception (a parser fault) is returned but not kept. `full`: nothing is taken from
    the cache, everything goes in."""
    from .parallel import pimap, pmap

    if cache is None:
        return pmap(fn, jobs)
    keys = [parsed_key((name, job)) for job in jobs]
    cache.use("parsed", keys)
    stored = {} if full else cache.get_parsed(keys)
    out: list = [None] * len(jobs)
    todo = []
    for idx, key in enumerate(keys):
        blob = stored.get(key)
        if blob is not None:
            try:
                out[idx] = pickle.loads(blob)
                cache.hits["parsed"] += 1
                continue
            except Exception as e:  # a damaged entry: computed afresh
                cache.unusable("parsed", key, e)
        todo.append(idx)
    cache.misses["parsed"] += len(todo)
    fresh = {}
    for idx, res in zip(todo, pimap(functools.partial(_pickled, fn), [jobs[i] for i in todo])):
        if isinstance(res, Exception):
            out[idx] = res
        else:
            out[idx] = pickle.loads(res)
            fresh[keys[idx]] = res
    cache.put_parsed(sorted(fresh.items()))
    return out


class LoadCache:
    """The cache file of one database (sqlite: one table per kind of entry, and their versions)."""

    def __init__(self, conn: sqlite3.Connection | None, path: Path, note=None):
        self.conn = conn
        self.path = path
        self.note = note or (lambda message: None)
        self.hits = {"read": 0, "parsed": 0}
        self.misses = {"read": 0, "parsed": 0}
        self.used: dict[str, set] = {"read": set(), "parsed": set()}
        self.broken = False
        self._writer: _Writer | None = None
        self.signatures: dict[str, tuple[str, str]] = {}  # this load's: stat path -> (signature, key)
        self.empty_at_start: set[str] = set()  # kinds with no entry when the load began

    @classmethod
    def open(cls, db_path: Path, note=None) -> "LoadCache":
        """The cache beside `db_path`, emptied of each kind whose parser version changed. A cache
        that cannot be opened or read is removed (and the load goes on without it if even that fails)."""
        path = cache_path(db_path)
        note = note or (lambda message: None)
        for attempt in (1, 2):
            conn = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, isolation_level=None, timeout=30)  # another load may hold it
                conn.execute("pragma journal_mode = wal")
                conn.execute("pragma synchronous = normal")
                conn.execute("create table if not exists meta (k text primary key, v text)")
                conn.execute("create table if not exists stats (path text primary key, signature text, key text) "
                             "without rowid")
                for kind, roots in (("read", READ_ROOTS), ("parsed", PARSED_ROOTS)):
                    want = version(roots)  # (SCHEMA is part of it: a new shape replaces the table)
                    have = conn.execute("select v from meta where k = ?", (kind,)).fetchone()
                    if have is None or have[0] != want:
                        conn.execute("begin")
                        conn.execute(f"drop table if exists {kind}")
                        # a rowid table: entries are pickles of kilobytes, which a WITHOUT ROWID
                        # table keeps in its key's b-tree and moves on every insert (3x the CPU)
                        conn.execute(f"create table {kind} (key text primary key, blob blob)")
                        conn.execute("insert or replace into meta values (?, ?)", (kind, want))
                        conn.execute("commit")
                conn.execute("select count(*) from read").fetchone()
                cache = cls(conn, path, note)
                cache.empty_at_start = {kind for kind in ("read", "parsed")
                                        if conn.execute(f"select 1 from {kind} limit 1").fetchone() is None}
                return cache
            except Exception as e:  # whatever is wrong with the cache, the load goes on
                note(f"cache {path} cannot be used ({e}): "
                     + ("removed, every capture is read afresh" if attempt == 1 else "loading without it"))
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
                _remove(path)
        return cls(None, path, note)

    def _get_many(self, kind: str, keys: list[str]) -> dict[str, bytes]:
        if self.conn is None or not keys:
            return {}
        out: dict[str, bytes] = {}
        try:
            for k in range(0, len(keys), 500):
                chunk = keys[k:k + 500]
                out.update(self.conn.execute(
                    f"select key, blob from {kind} where key in ({','.join('?' * len(chunk))})", chunk))
        except sqlite3.Error as e:
            self._broken(e)
            return {}
        return out

    def capture_keys(self, paths: list[Path], root: Path, limits) -> list[str | None]:
        """capture_key of every path, without reading a capture whose file signature is the one
        recorded with its key by an earlier load (the stat shortcut, as make and git do); the
        others are hashed."""
        known: dict[str, tuple[str, str]] = {}
        if self.conn is not None:
            try:
                known = {path: (sig, key) for path, sig, key in self.conn.execute("select * from stats")}
            except sqlite3.Error as e:
                self._broken(e)
        keys = []
        for path in paths:
            entry, signature = _stat_path(path, root, limits), file_signature(path)
            seen = known.get(entry)
            if signature is not None and seen is not None and seen[0] == signature:
                key = seen[1]
            else:
                key = capture_key(path, root, limits)
            self.remember(entry, signature, key)
            keys.append(key)
        return keys

    def remember(self, entry: str, signature: str | None, key: str | None) -> None:
        """Record a capture's signature (taken before its bytes were hashed) with its key, for the
        next load; written at `finish`, in place of the last load's."""
        if signature is not None and key is not None:
            self.signatures[entry] = (signature, key)

    def _write_signatures(self) -> None:
        if self.conn is None:
            return
        try:
            self.conn.execute("begin")
            self.conn.execute("delete from stats")
            self.conn.executemany("insert into stats values (?, ?, ?)",
                                  ((entry, sig, key) for entry, (sig, key) in self.signatures.items()))
            self.conn.execute("commit")
        except sqlite3.Error as e:
            self._broken(e)

    def is_empty(self, kind: str) -> bool:
        """Whether the cache held no entry of `kind` when the load began (a first load, or one after
        a parser changed)."""
        return self.conn is None or kind in self.empty_at_start

    def get_read(self, keys: list[str]) -> dict[str, bytes]:
        return self._get_many("read", keys)

    def get_parsed(self, keys: list[str]) -> dict[str, bytes]:
        return self._get_many("parsed", keys)

    def _put_many(self, kind: str, entries: list[tuple[str, bytes]]) -> None:
        """Store entries. The writing is done by a thread of the cache's own (`_Writer`), while the
        load goes on: sqlite works without Python's lock, so the write costs the load next to
        nothing. Whatever reads or prunes the cache waits for the writes first (`_flush`)."""
        if self.conn is None or not entries:
            return
        if self._writer is None:
            self._writer = _Writer(self.path)
        self._writer.put(kind, entries)

    def _flush(self) -> None:
        """Wait for the writer's work; a write that failed makes the cache broken (dropped)."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        error = writer.close()
        if error is not None:
            self._broken(error)

    def put_read(self, entries: list[tuple[str, bytes]]) -> None:
        self._put_many("read", entries)

    def put_parsed(self, entries: list[tuple[str, bytes]]) -> None:
        self._put_many("parsed", entries)

    def use(self, kind: str, keys) -> None:
        """Record keys this load needs: they stay in the cache, all others go at `finish`."""
        self.used[kind].update(k for k in keys if k)

    def finish(self) -> None:
        """Keep only the entries this load used, then close."""
        self._flush()
        self._write_signatures()
        for kind, keep in self.used.items():
            if kind not in self.empty_at_start:  # else every entry is this load's, and used
                self.prune(kind, keep)
        self.close()

    def prune(self, kind: str, keep: set[str]) -> None:
        """Drop every entry of `kind` but those in `keep` (what this load used): the cache never
        holds more than the captures and items of the last load."""
        if self.conn is None:
            return
        try:
            self.conn.execute("begin")
            self.conn.execute("create temp table if not exists keep (key text primary key) without rowid")
            self.conn.execute("delete from keep")
            self.conn.executemany("insert or ignore into keep values (?)", ((k,) for k in keep))
            self.conn.execute(f"delete from {kind} where key not in (select key from keep)")
            self.conn.execute("delete from keep")
            self.conn.execute("commit")
        except sqlite3.Error as e:
            self._broken(e)

    def unusable(self, kind: str, key: str, error: Exception) -> None:
        """An entry that cannot be unpickled: said once, and the cache is dropped after this load."""
        self._broken(error)

    def _broken(self, error: Exception) -> None:
        if self.broken:
            return
        self.broken = True
        writer, self._writer = self._writer, None
        if writer is not None:  # nothing may write into the file once it is removed
            writer.close()
        self.note(f"cache {self.path} is damaged ({type(error).__name__}: {error}): ignored and removed")
        try:
            if self.conn is not None:
                self.conn.close()
        except Exception:
            pass
        self.conn = None
        _remove(self.path)

    def close(self) -> None:
        self._flush()
        if self.conn is not None:
            try:
                self.conn.close()
            except sqlite3.Error:
                pass
            self.conn = None


class _Writer:
    """A thread that writes entries into the cache file with a connection of its own, in the order
    they were handed over, one transaction per batch. It stops at the first error, which `close`
    returns (after every batch handed over before is written)."""

    def __init__(self, path: Path):
        import queue
        import threading

        self.path = path
        self.jobs: queue.Queue = queue.Queue()
        self.error: Exception | None = None
        self.thread = threading.Thread(target=self._run, name="saylav-cache-writer", daemon=True)
        self.thread.start()

    def put(self, kind: str, entries: list[tuple[str, bytes]]) -> None:
        self.jobs.put((kind, entries))

    def close(self) -> Exception | None:
        self.jobs.put(None)
        self.thread.join()
        return self.error

    def _run(self) -> None:
        conn = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            conn.execute("pragma synchronous = normal")
            while (job := self.jobs.get()) is not None:
                kind, entries = job
                conn.execute("begin")
                conn.executemany(f"insert or replace into {kind} values (?, ?)", entries)
                conn.execute("commit")
        except Exception as e:  # said by close(): the cache is dropped, the load goes on
            self.error = e
            while self.jobs.get() is not None:  # let close() return
                pass
        finally:
            if conn is not None:
                conn.close()


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            p.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass
