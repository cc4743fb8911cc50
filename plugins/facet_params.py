"""Facet parameters before Datasette sees them: each facet once, at most MAX_FACETS per request.

Datasette 0.65 runs one facet query per `_facet=` parameter, repeats included, and every facet of
the page carries links holding the whole query string: a facet named n times costs n queries and a
page growing with n squared (`_facet=title` 2,000 times: 531 s, a 1.58 GB page). And it runs a
facet named both in metadata.yml and in the URL twice (and shows it once). So, for `_facet`,
`_facet_array` and `_facet_date`:

- a facet named again (the same parameter and column), or a `_facet=` naming one of the table's
  default facets, is dropped: the page shown is the same, each facet query runs once;
- more than MAX_FACET_PARAMS facet parameters in all, or more than MAX_FACETS different facets
  named in the URL, is refused with 400 and a message saying so, before any SQL runs.
"""
from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

FACET_KEYS = ("_facet", "_facet_array", "_facet_date")
MAX_FACETS = 10  # different facets named in one URL (the table's default facets come on top)
MAX_FACET_PARAMS = 50  # facet parameters in one URL, repeats included


def _default_facets(datasette, database: str, table: str) -> set[str]:
    meta = datasette.metadata(database=database, table=table) or {}
    return {f for f in meta.get("facets", []) if isinstance(f, str)}


def fold(pairs: list[tuple[str, str]], defaults: set[str]) -> tuple[list[tuple[str, str]], int, int]:
    """(query pairs with repeated and default facets dropped, facet parameters given, facets kept)."""
    seen: set[tuple[str, str]] = set()
    kept, given = [], 0
    for k, v in pairs:
        if k in FACET_KEYS:
            given += 1
            if (k, v) in seen or (k == "_facet" and v in defaults):
                continue
            seen.add((k, v))
        kept.append((k, v))
    return kept, given, len(seen)


async def _refuse(scope, send, message: str):
    if scope.get("path", "").split("?")[0].endswith(".json"):
        body = json.dumps({"ok": False, "error": message, "status": 400, "title": "Too many facets"}).encode()
        content_type = b"application/json; charset=utf-8"
    else:
        body = message.encode()
        content_type = b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 400, "headers": [
        (b"content-type", content_type), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), (b"x-content-type-options", b"nosniff")]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def facets_once(scope, receive, send):
            query = scope.get("query_string", b"") if scope.get("type") == "http" else b""
            if b"_facet" in query:
                # latin-1 both ways: the other parameters keep their exact bytes
                pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="latin-1")
                defaults: set[str] = set()
                parts = scope.get("path", "").strip("/").split("/")
                if len(parts) == 2:
                    database, table = parts[0], parts[1].split(".")[0]
                    defaults = _default_facets(datasette, database, table)
                kept, given, distinct = fold(pairs, defaults)
                if given > MAX_FACET_PARAMS:
                    return await _refuse(scope, send, (
                        f"Too many facet parameters: {given} given, at most {MAX_FACET_PARAMS} "
                        f"(and at most {MAX_FACETS} different facets) per request. Name each facet once."))
                if distinct > MAX_FACETS:
                    return await _refuse(scope, send, (
                        f"Too many facets: {distinct} asked for, at most {MAX_FACETS} per request "
                        "(besides the table's default facets)."))
                if len(kept) != len(pairs):
                    scope = dict(scope, query_string=urlencode(kept, encoding="latin-1").encode("latin-1"))
            await app(scope, receive, send)

        return facets_once

    return wrap
