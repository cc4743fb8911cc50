"""Large response bodies go out in chunks, each sent only when the client has taken the last.

Datasette hands a page, JSON or CSV to the server as one body. Uvicorn writes a body it is given
into the connection's buffer at once and waits only afterwards, so every response a client has not
read yet sits whole in the server's memory, beside the body it was built from: many clients
asking for large results at once add up (eight 42 MB JSON answers took the server past 600 MB).
Here a body over CHUNK_BYTES is passed on in CHUNK_BYTES pieces; uvicorn's flow control makes each
send wait while the connection's buffer is full, so at most about one chunk per connection is
buffered, and a client that goes away stops the rest from being copied at all.

After a response of over COLLECT_AFTER_BYTES, Python's cycle collector is run: the objects of a
Datasette request refer to each other in cycles, so a large answer they hold (its rows, the page
or JSON text and its bytes) would otherwise stay in memory until the next full collection, and
successive large answers pile up (RSS climbing by about 40 MB per 42 MB JSON answer). A full
collection takes a few tens of milliseconds, small beside building such an answer.
"""
from __future__ import annotations

import gc

from datasette import hookimpl

CHUNK_BYTES = 256 * 1024
COLLECT_AFTER_BYTES = 4 * 1024 * 1024


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def chunked(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)

            sent = 0

            async def send_in_chunks(message):
                nonlocal sent
                body = message.get("body", b"") if message["type"] == "http.response.body" else b""
                sent += len(body)
                if len(body) <= CHUNK_BYTES:
                    return await send(message)
                more = message.get("more_body", False)
                view = memoryview(body)
                try:
                    for start in range(0, len(body), CHUNK_BYTES):
                        last = start + CHUNK_BYTES >= len(body)
                        await send({"type": "http.response.body", "body": bytes(view[start:start + CHUNK_BYTES]),
                                    "more_body": more or not last})
                finally:
                    view.release()

            try:
                await app(scope, receive, send_in_chunks)
            finally:
                if sent > COLLECT_AFTER_BYTES:
                    gc.collect()

        return chunked

    return wrap
