"""One facet per column: drop `_facet=` parameters that repeat a table's default facets.

Datasette 0.65 runs a facet named both in metadata.yml and in the URL twice (and shows it once).
Links from the site and from users often name the default facets explicitly; this rewrites such
requests so each facet query runs once. The page shown is the same.
"""
from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl


def _default_facets(datasette, database: str, table: str) -> set[str]:
    meta = datasette.metadata(database=database, table=table) or {}
    return {f for f in meta.get("facets", []) if isinstance(f, str)}


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def dedupe(scope, receive, send):
            if scope.get("type") == "http" and b"_facet=" in scope.get("query_string", b""):
                parts = scope.get("path", "").strip("/").split("/")
                if len(parts) == 2:
                    database, table = parts[0], parts[1].split(".")[0]
                    defaults = _default_facets(datasette, database, table)
                    pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
                    kept = [(k, v) for k, v in pairs if not (k == "_facet" and v in defaults)]
                    if len(kept) != len(pairs):
                        scope = dict(scope, query_string=urlencode(kept).encode("latin-1"))
            await app(scope, receive, send)

        return dedupe

    return wrap
