"""Every SQL the server runs is bounded (plugins/sql_limits.py): plugin SQL through execute_fn, streamed
exports (their SQL without a row, and in total), values and results by size, and a request's SQL
stops when its client goes away (a real server on 127.0.0.1)."""
from __future__ import annotations

import socket
import threading
import time
from urllib.parse import urlencode

import pytest

RUNAWAY = "with recursive c(x) as (select 1 union all select x+1 from c where x < 1000000000) select x from c where x < 0"
STALLING_WHERE = f"id in ({RUNAWAY})"
# every row takes a few ms of SQL (a subquery that depends on the row): rows keep coming, slowly
SLOW_ROWS_WHERE = ("(with recursive c(x) as (select 1 union all select x+1 from c where x < 20000 + length(news_items.id))"
                   " select count(*) from c) > 0")


def plugin(name):
    from datasette.plugins import pm

    return next(mod for mod in pm.get_plugins() if getattr(mod, "__name__", "") == "saylav_site." + name)


def app_with(db, **settings):
    from datasette.app import Datasette

    from etl.serve import datasette_args

    kwargs = datasette_args(db)
    kwargs["settings"].update(settings)
    return Datasette(**kwargs)


@pytest.fixture(scope="module")
def quick_ds(site_db):
    """The archive with a 200 ms SQL time limit."""
    return app_with(site_db, sql_time_limit_ms=200)


async def test_plugin_sql_through_execute_fn_is_time_limited(quick_ds):
    import sqlite3

    await quick_ds.invoke_startup()
    db = quick_ds.get_database("saylav")
    start = time.perf_counter()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        await db.execute_fn(lambda conn: conn.execute(RUNAWAY).fetchall())
    assert time.perf_counter() - start < 1.5
    # and the connection is fine afterwards
    assert await db.execute_fn(lambda conn: conn.execute("select count(*) from news_items").fetchone()[0]) > 0


async def test_datasettes_own_pages_keep_their_limit(quick_ds):
    start = time.perf_counter()
    r = await quick_ds.client.get("/saylav.json?" + urlencode({"sql": RUNAWAY}))
    assert r.status_code == 400 and "interrupted" in r.text.lower()
    assert time.perf_counter() - start < 1.5


@pytest.mark.parametrize("extra", ["", "&_col=id"])  # the full export (downloads.py) and Datasette's own stream
async def test_a_stalling_streamed_export_stops_at_the_sql_time_limit(quick_ds, extra):
    start = time.perf_counter()
    try:
        r = await quick_ds.client.get("/saylav/news_items.csv?_stream=on&" + urlencode({"_where": STALLING_WHERE}) + extra)
        status, text = r.status_code, r.text
    except BaseException as e:  # noqa: B036 - a stream that fails once started is dropped (downloads.py)
        status, text = None, type(e).__name__
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0, elapsed
    assert status == 400 or text == "IncompleteDownload", (status, text[:200])
    if status == 400:
        assert "SQL" in text and "interrupted" in text.lower()


async def test_a_streamed_export_is_bounded_in_total(site_db, monkeypatch):
    ds = app_with(site_db)
    await ds.invoke_startup()
    limits = plugin("sql_limits")
    plain = await ds.client.get("/saylav/news_items.csv?_stream=on&" + urlencode({"_where": SLOW_ROWS_WHERE}))
    monkeypatch.setattr(limits, "STREAM_TIME_LIMIT_S", 0.3)
    before = dict(limits.interruptions)
    start = time.perf_counter()
    with pytest.raises(BaseException) as failure:
        # rows keep coming, but not for longer than the stream's total limit
        slow = SLOW_ROWS_WHERE.replace("20000", "400000")
        r = await ds.client.get("/saylav/news_items.csv?_stream=on&" + urlencode({"_where": slow}))
        assert r.status_code == 400, r.text  # interrupted before the first row: an answer, not a stream
        raise RuntimeError("answered 400")
    assert time.perf_counter() - start < 3.0
    assert type(failure.value).__name__ in ("IncompleteDownload", "RuntimeError")
    assert limits.interruptions["the request's SQL ran past its total time limit"] > before.get(
        "the request's SQL ran past its total time limit", 0)
    assert plain.status_code == 200  # a slow but short export is complete


async def test_values_and_results_are_bounded_in_size(site_ds):
    limits = plugin("sql_limits")
    mb = limits.MAX_VALUE_BYTES // (1024 * 1024)
    # SQLite's printf() gives NULL past the value limit; other functions say "too big"
    r = await site_ds.client.get("/saylav.json?" + urlencode({"sql": "select printf('%.*c', 20000000, 'x') as v"}))
    assert r.status_code == 200 and r.json()["rows"] == [[None]]
    r = await site_ds.client.get("/saylav.json?" + urlencode({"sql": "select zeroblob(20000000) as v"}))
    assert r.status_code == 400 and f"over {mb} MB" in r.json()["error"]
    many = ("with recursive c(x) as (select 1 union all select x+1 from c where x < 20) "
            "select x, printf('%.*c', 1000000, 'y') from c")
    r = await site_ds.client.get("/saylav.json?" + urlencode({"sql": many}))
    assert r.status_code == 400 and "Query result too large" in r.json()["error"]
    fits = many.replace("x < 20", "x < 3")
    r = await site_ds.client.get("/saylav.json?" + urlencode({"sql": fits}))
    assert r.status_code == 200 and len(r.json()["rows"]) == 3


async def test_a_large_answer_arrives_whole_in_chunks(site_ds):
    r = await site_ds.client.get("/saylav.json?" + urlencode({"sql": "select printf('%.*c', 3000000, 'z') as v"}))
    assert r.status_code == 200 and r.json()["rows"][0][0] == "z" * 3000000


class Server:
    """The archive served by uvicorn in a thread on 127.0.0.1 (a free port)."""

    def __init__(self, ds):
        import uvicorn

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.server = uvicorn.Server(uvicorn.Config(ds.app(), host="127.0.0.1", port=self.port, log_level="warning",
                                                    http="h11", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.025)
        raise RuntimeError("server did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(10)

    def leave_after(self, path: str, seconds: float) -> None:
        """Send a GET, wait, and hang up without reading the answer."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
            time.sleep(seconds)


@pytest.mark.parametrize("path", [
    "/saylav.json?" + urlencode({"sql": RUNAWAY}),
    "/saylav/news_items.csv?_stream=on&" + urlencode({"_where": STALLING_WHERE}),
    "/saylav/news_items.csv?_stream=on&_col=id&" + urlencode({"_where": STALLING_WHERE}),
])
def test_sql_stops_when_the_client_goes_away(site_db, path):
    ds = app_with(site_db, sql_time_limit_ms=60000)  # only the client leaving can stop these
    limits = plugin("sql_limits")
    reason = "the client went away"
    with Server(ds) as server:
        before = limits.interruptions[reason]
        server.leave_after(path, 0.5)
        deadline = time.monotonic() + 5
        while limits.interruptions[reason] == before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert limits.interruptions[reason] > before, "the query kept running after the client left"


async def test_url_sql_waits_its_turn_then_gets_503(site_ds, monkeypatch):
    gate_plugin = plugin("sql_concurrency")
    monkeypatch.setattr(gate_plugin, "WAIT_S", 0.2)
    gate = gate_plugin._gate()
    for _ in range(gate_plugin.MAX_AT_ONCE):
        await gate.acquire()
    try:
        start = time.perf_counter()
        r = await site_ds.client.get("/saylav.json?sql=select+1")
        assert r.status_code == 503 and r.headers["retry-after"] == "5" and "Busy" in r.text
        assert time.perf_counter() - start < 1.0
        # pages and tables are not held up
        assert (await site_ds.client.get("/saylav/news_items.json?_size=1")).status_code == 200
    finally:
        for _ in range(gate_plugin.MAX_AT_ONCE):
            gate.release()
    assert (await site_ds.client.get("/saylav.json?sql=select+1")).status_code == 200


async def test_a_post_body_reaches_datasette_through_the_guard(site_ds):
    # the guard forwards what the client sends; Datasette still reads form bodies (/-/messages)
    r = await site_ds.client.post("/-/messages", data={"message": "hello", "message_type": "INFO"})
    assert r.status_code == 302  # read the form (without it Datasette fails on the message type)
