"""Every SQL statement the server runs is bounded in time and size, and stops when its client leaves.

Datasette 0.65 bounds the SQL of its own pages by `sql_time_limit_ms`, but not SQL run through
`Database.execute_fn` (plugins, and the full CSV export of plugins/downloads.py, which runs one
statement for the whole table in a thread of its own), not the total of a streamed export, and
nothing stops a query whose client has gone away. This plugin puts one progress handler on every
connection Datasette opens (`prepare_connection`), driven by per-thread state:

- a statement deadline: Datasette's own `sqlite_timelimit` is replaced by one that sets it (same
  signature, same limit), and every `execute_fn` call without one gets `sql_time_limit_ms` for the
  whole call;
- a per-request guard, made by this plugin's ASGI wrapper for every HTTP request: it is cancelled
  when the client disconnects (the wrapper watches `receive()` for `http.disconnect`), and it has
  a total deadline, REQUEST_TIME_LIMIT_S for a page, STREAM_TIME_LIMIT_S for a `?_stream=` export.
  SQL of a cancelled or expired request is interrupted at the next check (every 1,000 SQLite VM
  steps, about 0.1 ms);
- a streamed export's own thread (plugins/downloads.py runs it in the request's context) may run
  as long as it keeps producing rows, but never `sql_time_limit_ms` of SQL work without a row
  (a text value read counts as a row: every table of the archive has a text column; pauses of
  over IDLE_GAP_S between two checks, such as waiting for a slow client, do not count).

A statement stopped by a limit before anything was sent gets 400 with the reason (Datasette would
answer 500 for a CSV, and the server a bare 500 for the full export); later, the export is
dropped unfinished (plugins/downloads.py). `interruptions` counts the reasons.

Sizes: a value (string or blob) SQLite builds is at most MAX_VALUE_BYTES (`SQLITE_LIMIT_LENGTH`;
over it SQLite's printf() gives NULL and other functions fail with "string or blob too big"), and
the rows one query hands back are at most MAX_RESULT_BYTES together: the row factory counts them
and stops the query with a clear error (a streamed export writes its rows out as it goes instead).
`etl.serve` adds a hard heap limit for SQLite as a whole when the archive is served.
"""
from __future__ import annotations

import asyncio
import contextvars
import sqlite3
import threading
import time
from collections import Counter
from contextlib import contextmanager

import datasette.database as _database
import datasette.utils as _utils
from datasette import hookimpl
from datasette.database import Database

MAX_VALUE_BYTES = 8 * 1024 * 1024
MAX_RESULT_BYTES = 8 * 1024 * 1024
REQUEST_TIME_LIMIT_S = 30.0  # all SQL of one page, however many queries it runs
STREAM_TIME_LIMIT_S = 300.0  # a whole `?_stream=on` export
CHECK_EVERY = 1000  # SQLite VM steps between two checks (Datasette's own figure)
IDLE_GAP_S = 0.05  # a longer pause between two checks is time outside SQLite (a slow client)


class ResultTooLarge(sqlite3.OperationalError):
    """A query's rows are larger than MAX_RESULT_BYTES, or a value larger than MAX_VALUE_BYTES."""


class RequestGuard:
    """One HTTP request: cancelled when its client leaves; a deadline for all its SQL."""

    __slots__ = ("deadline", "cancelled", "stream", "reason")

    def __init__(self, seconds: float, stream: bool = False):
        self.deadline = time.perf_counter() + seconds
        self.cancelled = False
        self.stream = stream
        self.reason = None  # why its SQL was last interrupted

    def cancel(self) -> None:
        self.cancelled = True


class _Stall:
    """SQL work since the last row of a streamed export."""

    __slots__ = ("busy", "last", "limit")

    def __init__(self, limit_s: float):
        self.busy, self.last, self.limit = 0.0, time.perf_counter(), limit_s


class _State(threading.local):
    deadline = None  # perf_counter() time the current statement must end by
    guard = None  # RequestGuard of the request the thread works for
    stall = None  # _Stall in a streamed export's thread
    result_bytes = None  # bytes of rows handed back so far (None: not counting)
    in_call = False


_local = _State()
interruptions: Counter = Counter()  # why SQL was interrupted, for tests and logs
_request: contextvars.ContextVar = contextvars.ContextVar("saylav_request_guard", default=None)
_in_execute_fn: contextvars.ContextVar = contextvars.ContextVar("saylav_in_execute_fn", default=False)


def current_guard() -> RequestGuard | None:
    """The guard of the request being handled (None outside a request)."""
    return _request.get()


def _stop(guard: RequestGuard | None, reason: str) -> int:
    if guard is not None and guard.reason is None:
        guard.reason = reason
    interruptions[reason] += 1
    return 1


def _progress() -> int:
    now = time.perf_counter()
    guard = _local.guard
    deadline = _local.deadline
    if deadline is not None and now >= deadline:
        return _stop(guard, "a query ran past the SQL time limit (sql_time_limit_ms)")
    if guard is not None:
        if guard.cancelled:
            return _stop(guard, "the client went away")
        if now >= guard.deadline:
            return _stop(guard, "the request's SQL ran past its total time limit")
    stall = _local.stall
    if stall is not None:
        gap = now - stall.last
        stall.last = now
        if gap < IDLE_GAP_S:
            stall.busy += gap
            if stall.busy >= stall.limit:
                return _stop(guard, "the export's SQL ran for the SQL time limit (sql_time_limit_ms) "
                                    "without producing a row")
    return 0


def _watch(conn, ms: float | None = None) -> None:
    conn.set_progress_handler(_progress, 1 if ms is not None and ms <= 20 else CHECK_EVERY)


@contextmanager
def sqlite_timelimit(conn, ms):
    """Datasette's `sqlite_timelimit`, on top of the request's guard instead of replacing it."""
    saved = (_local.deadline, _local.result_bytes)
    deadline = time.perf_counter() + ms / 1000
    _local.deadline = deadline if saved[0] is None else min(saved[0], deadline)
    _local.result_bytes = 0
    _watch(conn, ms)
    try:
        yield
    finally:
        _local.deadline, _local.result_bytes = saved
        _watch(conn)


def _row(cursor, row):
    """Row factory: Datasette's sqlite3.Row, counting the bytes of the rows a query hands back."""
    counted = _local.result_bytes
    if counted is None:
        return sqlite3.Row(cursor, row)
    size = 64 + 16 * len(row)
    for value in row:
        if isinstance(value, (str, bytes)):
            size += len(value)
    total = counted + size
    _local.result_bytes = total
    if total > MAX_RESULT_BYTES:
        raise ResultTooLarge(
            f"Query result too large: more than {MAX_RESULT_BYTES // (1024 * 1024)} MB of rows. "
            "Ask for fewer rows or columns (LIMIT, _size, _col), or use the streamed CSV export.")
    return sqlite3.Row(cursor, row)


def _too_big(error: BaseException) -> bool:
    return isinstance(error, sqlite3.DatabaseError) and "too big" in str(error) and not isinstance(error, ResultTooLarge)


def _install() -> None:
    if getattr(Database, "_saylav_sql_limits", False):
        return
    Database._saylav_sql_limits = True
    # Database.execute and site_data.fetch look the name up in these modules at call time
    _database.sqlite_timelimit = sqlite_timelimit
    _utils.sqlite_timelimit = sqlite_timelimit
    original = Database.execute_fn

    async def execute_fn(self, fn):
        guard = _request.get()
        limit_ms = self.ds.sql_time_limit_ms

        def bounded(conn):
            if _local.in_call:  # nested call in the same thread (non-threaded mode)
                return fn(conn)
            saved = (_local.deadline, _local.guard, _local.result_bytes)
            _local.in_call = True
            _local.deadline = time.perf_counter() + limit_ms / 1000
            _local.guard = guard
            _local.result_bytes = 0
            _watch(conn, limit_ms)
            try:
                return fn(conn)
            except sqlite3.DatabaseError as e:
                if _too_big(e):
                    raise ResultTooLarge(f"Value too large: a string or blob over "
                                         f"{MAX_VALUE_BYTES // (1024 * 1024)} MB ({e})") from e
                raise
            finally:
                _local.deadline, _local.guard, _local.result_bytes = saved
                _local.in_call = False

        token = _in_execute_fn.set(True)
        try:
            return await original(self, bounded)
        finally:
            _in_execute_fn.reset(token)

    execute_fn._saylav_bounded = True
    Database.execute_fn = execute_fn


_install()


@hookimpl
def prepare_connection(conn, database, datasette):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    if conn.row_factory is sqlite3.Row:
        conn.row_factory = _row
    _watch(conn)
    guard = _request.get()
    if guard is not None and guard.stream and not _in_execute_fn.get() and not _has_loop():
        # A connection opened in a thread of a streamed export's own (plugins/downloads.py runs
        # it in the request's context): the thread works for this request alone until it ends.
        _local.guard = guard
        _local.deadline = None
        stall = _local.stall = _Stall(datasette.sql_time_limit_ms / 1000)
        text = conn.text_factory

        def text_factory(data, _text=text, _stall=stall):
            _stall.busy = 0.0  # a row has come back
            return _text(data) if _text is not str else data.decode("utf-8", "replace")

        conn.text_factory = text_factory


def _has_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


@hookimpl
def startup(datasette):
    _install()


async def _interrupted(send, reason: str):
    body = f"SQL interrupted: {reason}. Nothing was sent; narrow the query or the export.\n".encode()
    await send({"type": "http.response.start", "status": 400, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def guarded(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            stream = b"_stream=" in scope.get("query_string", b"")
            guard = RequestGuard(STREAM_TIME_LIMIT_S if stream else REQUEST_TIME_LIMIT_S, stream)
            inbox: asyncio.Queue = asyncio.Queue(maxsize=1)

            async def watch():
                # forwards what the client sends; a body the app does not read stays unread
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        guard.cancel()
                        await inbox.put(message)
                        return
                    await inbox.put(message)

            started = replaced = False

            async def tracked(message):
                nonlocal started, replaced
                if replaced:
                    return  # the body of a 500 this wrapper has answered instead
                if message["type"] == "http.response.start":
                    if message["status"] == 500 and guard.reason is not None and not guard.cancelled:
                        # Datasette's CSV view reports an interrupted first page as a 500
                        replaced = True
                        return await _interrupted(send, guard.reason)
                    started = True
                await send(message)

            async def app_receive():
                if guard.cancelled and inbox.empty():
                    return {"type": "http.disconnect"}
                return await inbox.get()

            token = _request.set(guard)
            watcher = asyncio.ensure_future(watch())
            try:
                return await app(scope, app_receive, tracked)
            except BaseException as e:
                # the app gave up before answering because a limit stopped its SQL (a streamed
                # export does so by raising): say which, instead of the server's bare 500
                if started or replaced or guard.reason is None or guard.cancelled or isinstance(e, asyncio.CancelledError):
                    raise
                await _interrupted(send, guard.reason)
            finally:
                watcher.cancel()
                _request.reset(token)

        return guarded

    return wrap
