"""At most MAX_AT_ONCE requests with SQL from the URL (`?sql=`) are answered at the same time.

The archive's own data is small, but SQL written in the URL can make large values out of nothing
(`select printf('%.*c', 7000000, char(1))`), and the JSON of such a value is up to six times its
size (control characters and non-ASCII letters are written as \\uXXXX). plugins/sql_limits.py bounds
one query's rows (MAX_RESULT_BYTES); this bounds how many such answers are built and sent at
once, from the moment the request arrives until its response is sent. One such answer takes about
90 MB while it is built and sent; eight clients asking for 42 MB JSON answers at once took the
server to a peak of about 215 MB RSS with two at a time, 134 MB with one. Others wait their turn,
up to WAIT_S seconds, then get 503 with Retry-After. Pages, tables, searches and exports without
`sql=` are not held up, nor are streamed exports (`_stream=`), which write their rows out a page
at a time.
"""
from __future__ import annotations

import asyncio
import weakref

from datasette import hookimpl

MAX_AT_ONCE = 2
WAIT_S = 15.0

_gates: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]" = weakref.WeakKeyDictionary()


def _gate() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    gate = _gates.get(loop)
    if gate is None:
        gate = _gates[loop] = asyncio.Semaphore(MAX_AT_ONCE)
    return gate


def runs_url_sql(scope) -> bool:
    query = scope.get("query_string", b"")
    return (query.startswith(b"sql=") or b"&sql=" in query) and b"_stream=" not in query


async def _busy(send):
    body = (f"Busy: {MAX_AT_ONCE} SQL queries from URLs are being answered; "
            f"this one waited {WAIT_S:g} s. Try again shortly.\n").encode()
    await send({"type": "http.response.start", "status": 503, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"retry-after", b"5"), (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def one_at_a_time(scope, receive, send):
            if scope.get("type") != "http" or not runs_url_sql(scope):
                return await app(scope, receive, send)
            gate = _gate()
            try:
                await asyncio.wait_for(gate.acquire(), WAIT_S)
            except asyncio.TimeoutError:
                return await _busy(send)
            try:
                await app(scope, receive, send)
            finally:
                gate.release()

        return one_at_a_time

    return wrap
