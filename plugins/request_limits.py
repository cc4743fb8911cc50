"""What a request may be: GET or HEAD on the site's pages, a bounded URL, bounded headers.

The archive is read-only, so its pages answer GET and HEAD only: any other method gets
405 Method Not Allowed with `Allow: GET, HEAD` (Datasette's own endpoints under `/-/`, such as
/-/messages, /-/permissions or /db/table/-/insert, still answer for themselves: they refuse
writes with 403/405 as Datasette does, the database being immutable and nobody logged in).

The one exception is a CORS preflight: when the server runs with CORS on (`etl.serve` does, as
`datasette --cors`), OPTIONS on the JSON and CSV API (`/saylav/....json`, `.csv`, and the same
under `/saylav-{hash}`) answers 204 with no body and Datasette's CORS headers
(Access-Control-Allow-Origin: *, Allow-Headers: Authorization, Expose-Headers: Link) plus the
methods a browser may use; OPTIONS anywhere else stays 405.

Sizes, checked before anything else runs: a URL (path and query string) longer than
MAX_URL_BYTES gets 414 URI Too Long; request headers of more than MAX_HEADER_BYTES in all, or
more than MAX_HEADERS of them, get 431 Request Header Fields Too Large. `etl.serve` lets the
HTTP server read request heads up to 64 KiB, so these answers, not a bare 400 from
the server, are what clients see.
"""
from __future__ import annotations

import re

from datasette import hookimpl
from datasette.utils import add_cors_headers

from .cdn_cache import DATABASE

MAX_URL_BYTES = 8 * 1024
MAX_HEADER_BYTES = 16 * 1024
MAX_HEADERS = 100
ALLOWED = ("GET", "HEAD")
PREFLIGHT_MAX_AGE = 3600  # seconds a browser may reuse a preflight answer
# the JSON and CSV API: /saylav.json, /saylav/table.json, /saylav/table/row.csv, /saylav-{hash}/...
API_PATH = re.compile(r"^/" + re.escape(DATABASE) + r"(?:-[0-9a-f]{16})?(?:/[^?#]*)?\.(?:json|csv)$")


def _url_bytes(scope) -> int:
    raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
    query = scope.get("query_string", b"")
    return len(raw) + (1 + len(query) if query else 0)


def _header_bytes(scope) -> int:
    return sum(len(k) + len(v) + 4 for k, v in scope.get("headers", []))


def is_api_path(path: str) -> bool:
    """A path of the JSON or CSV API (CORS applies to it)."""
    return bool(API_PATH.match(path))


def preflight_headers() -> list[tuple[bytes, bytes]]:
    """The answer's headers to a CORS preflight: Datasette's CORS headers, and the methods."""
    cors: dict[str, str] = {}
    add_cors_headers(cors)
    return [(k.lower().encode(), v.encode()) for k, v in cors.items()] + [
        (b"access-control-allow-methods", b"GET, HEAD, OPTIONS"),
        (b"access-control-max-age", str(PREFLIGHT_MAX_AGE).encode()),
        (b"allow", b"GET, HEAD, OPTIONS"),
        (b"cache-control", b"no-store"),
        (b"x-content-type-options", b"nosniff"),
    ]


def problem(scope, cors: bool = False) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
    """(status, message, extra headers) when the request is refused, else None. With `cors`,
    OPTIONS on the JSON and CSV API is not refused (it is a CORS preflight)."""
    size = _url_bytes(scope)
    if size > MAX_URL_BYTES:
        return 414, f"URI too long: {size} bytes, at most {MAX_URL_BYTES}.", []
    headers = scope.get("headers", [])
    if len(headers) > MAX_HEADERS:
        return 431, f"Too many request headers: {len(headers)}, at most {MAX_HEADERS}.", []
    size = _header_bytes(scope)
    if size > MAX_HEADER_BYTES:
        return 431, f"Request headers too large: {size} bytes, at most {MAX_HEADER_BYTES}.", []
    method = scope.get("method", "GET").upper()
    if method == "OPTIONS" and cors and is_api_path(scope.get("path", "")):
        return None
    if method not in ALLOWED and "/-/" not in scope.get("path", "") + "/":
        return 405, f"Method {method[:20]} not allowed: this archive is read-only (GET and HEAD).", [
            (b"allow", b"GET, HEAD")]
    return None


async def _refuse(send, status: int, message: str, extra: list[tuple[bytes, bytes]]):
    body = (message + "\n").encode()
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff"),
        (b"connection", b"close"), *extra]})
    await send({"type": "http.response.body", "body": body})


async def _preflight(send):
    """What Datasette answers to OPTIONS on its data views with CORS on, without a body."""
    await send({"type": "http.response.start", "status": 204, "headers": preflight_headers()})
    await send({"type": "http.response.body", "body": b""})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def limited(scope, receive, send):
            if scope.get("type") == "http":
                refused = problem(scope, cors=bool(datasette.cors))
                if refused is not None:
                    return await _refuse(send, *refused)
                if scope.get("method", "").upper() == "OPTIONS" and "/-/" not in scope.get("path", "") + "/":
                    return await _preflight(send)  # allowed above: a CORS preflight of the API
            await app(scope, receive, send)

        return limited

    return wrap
