"""Cache headers for a CDN in front of stateless replicas serving one immutable database.

Only when the archive's database is served immutable (`saylav serve`, the container): its key is
`SAYLAV_DB_SHA256` (the content hash `saylav publish` bakes into the image) or else Datasette's
own hash of the file, cut to 16 hex digits. A mutable database (plain `datasette saylav.db` while
developing) gets none of this.

- Hashed URLs, as datasette-hashed-urls gives them, without changing the site's own links:
  `/saylav-{key}/...` answers as `/saylav/...` with `Cache-Control: public, max-age=31536000,
  immutable`; a URL with an older key redirects (302, short TTL) to the current one.
- Every other successful GET: `ETag: W/"{key}-{version}-{lang}"` (a new database, a new release of
  the code or another language of the page changes it, so `If-None-Match` revalidates to 304
  without running a query), and
  `Surrogate-Key`/`Cache-Tag: saylav-{key}` for purging a CDN by tag.
- Time to live: HTML pages, feeds, sitemap and robots.txt are short (five minutes in browsers and
  at the edge), so a new deploy shows within minutes; data answers (JSON, CSV, the database file,
  static files) five minutes in browsers and an hour at the edge; `stale-while-revalidate` on both.
- Responses marked `no-store` or `private`, errors and non-GET requests are left alone.
"""
from __future__ import annotations

import os
import re

from datasette import hookimpl

DATABASE = "saylav"
IMMUTABLE = b"public, max-age=31536000, immutable"
SHORT = b"public, max-age=300, s-maxage=300, stale-while-revalidate=60"
DATA = b"public, max-age=300, s-maxage=3600, stale-while-revalidate=600"
HASHED = re.compile(r"^/" + DATABASE + r"-([0-9a-f]{16})(?=/|\.|$)")
SHORT_PATHS = re.compile(r"(\.atom|\.rss|\.xml)$|^/robots\.txt$")
CACHEABLE = {200, 203, 204, 301, 308}


def db_key(datasette) -> str | None:
    """16 hex digits naming the served database's content, or None when it is mutable."""
    db = datasette.databases.get(DATABASE)
    if db is None or db.is_mutable:
        return None
    full = os.environ.get("SAYLAV_DB_SHA256") or db.hash or ""
    return full[:16].lower() or None


def _etag(key: str, variant: str) -> bytes:
    from etl.version import __version__

    return f'W/"{key}-{__version__}-{variant}"'.encode()


def variant_of(scope) -> tuple[str, bool]:
    """(language the page is read in, whether the URL chose it): pages without a language prefix
    vary by Accept-Language and the language cookie (plugins/languages.py), so their ETags must too."""
    try:
        from . import languages

        return languages.language_of(scope)
    except (ImportError, AttributeError):  # no language negotiation: one variant
        return "en", True


def _header(scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers") or []:
        if k.lower() == name:
            return v
    return None


async def _send_simple(send, status: int, headers: list[tuple[bytes, bytes]]):
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def cdn(scope, receive, send):
            if scope.get("type") != "http" or scope.get("method") not in ("GET", "HEAD"):
                return await app(scope, receive, send)
            key = db_key(datasette)
            if key is None:
                return await app(scope, receive, send)
            path = scope.get("path", "")
            hashed = HASHED.match(path)
            if hashed:
                rest = path[hashed.end():]
                if hashed.group(1) != key:
                    query = scope.get("query_string") or b""
                    location = f"/{DATABASE}-{key}{rest}".encode() + (b"?" + query if query else b"")
                    return await _send_simple(send, 302, [(b"location", location), (b"cache-control", SHORT),
                                                          (b"content-length", b"0")])
                path = f"/{DATABASE}{rest}"
                raw = (scope.get("raw_path") or b"")
                raw = b"/" + DATABASE.encode() + raw[len(hashed.group(0)):] if raw else path.encode()
                scope = dict(scope, path=path, raw_path=raw)
            lang, chosen_by_url = variant_of(scope)
            etag = _etag(key, lang)
            inm = _header(scope, b"if-none-match")
            if inm and etag in [t.strip() for t in inm.split(b",")] or inm == b"*":
                headers = [(b"etag", etag), (b"cache-control", IMMUTABLE if hashed else SHORT)]
                if not chosen_by_url:
                    headers.append((b"vary", b"Accept-Language, Cookie"))
                return await _send_simple(send, 304, headers)

            async def send_with_cache(message):
                if message["type"] == "http.response.start" and message["status"] in CACHEABLE:
                    headers = [(k.lower() if isinstance(k, bytes) else k.encode().lower(),
                                v if isinstance(v, bytes) else v.encode("latin-1"))
                               for k, v in message.get("headers", [])]
                    current = b", ".join(v for k, v in headers if k == b"cache-control").lower()
                    if b"no-store" not in current and b"private" not in current:
                        ctype = b"".join(v for k, v in headers if k == b"content-type").lower()
                        if hashed:
                            ttl = IMMUTABLE
                        elif b"text/html" in ctype or b"atom" in ctype or b"rss" in ctype \
                                or SHORT_PATHS.search(path) or message["status"] in (301, 308):
                            ttl = SHORT
                        else:
                            ttl = DATA
                        headers = [(k, v) for k, v in headers if k not in (b"cache-control", b"etag")]
                        headers += [(b"cache-control", ttl), (b"etag", etag),
                                    (b"surrogate-key", f"saylav-{key}".encode()),
                                    (b"cache-tag", f"saylav-{key}".encode())]
                        message = dict(message, headers=headers)
                await send(message)

            return await app(scope, receive, send_with_cache)

        return cdn

    return wrap
