"""Public-instance hardening: security and cache headers on every response, and the redirect guard.

- Every HTML page gets a Content-Security-Policy that it satisfies: scripts only from this site,
  plus the few fixed inline scripts Datasette's own templates carry, allowed by their sha256 hash
  (computed from Datasette's template files at start-up, so an upgrade cannot silently break them).
  Inline event handlers, `javascript:` URLs and injected <script> blocks are refused by the browser
  even if escaping ever failed. Styles may be inline (Datasette's pages use style attributes).
- Every response: `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY` (with CSP
  `frame-ancestors 'none'`), `Referrer-Policy: strict-origin-when-cross-origin`, and a
  `Cache-Control` when the view set none (the database is immutable, so pages may be cached).
- Datasette 0.65.x redirects `/\\example.com/` to `/\\example.com`, which browsers read as
  `//example.com`: an open redirect. Requests whose path starts with `//` or `/\\` are answered
  404 here, and any redirect whose Location would leave the site is rewritten to stay on it.
"""
from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from datasette import hookimpl

CACHE_CONTROL = b"public, max-age=300"


def _datasette_inline_scripts() -> list[str]:
    """The bodies of the inline <script> blocks in Datasette's templates, as they render."""
    import datasette

    templates = Path(datasette.__file__).parent / "templates"
    bodies: list[str] = []
    for path in sorted(templates.glob("*.html")):
        for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
            if "{{ datasette_allow_facet }}" in body:
                bodies += [body.replace("{{ datasette_allow_facet }}", v) for v in ("true", "false")]
            elif "{{" not in body and "{%" not in body:
                bodies.append(body)
    return bodies


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


SCRIPT_HASHES = sorted({_sha256(b) for b in _datasette_inline_scripts()})

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self' " + " ".join(SCRIPT_HASHES),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
_OURS = {name for name, _ in SECURITY_HEADERS}


def is_local_location(location: str) -> bool:
    """True when a redirect target stays on this site: a path starting with one '/' and no '\\'.

    Browsers drop tabs and newlines from URLs and read '\\' as '/', so those are removed first.
    """
    cleaned = re.sub(r"[\t\n\r]", "", location).lstrip("\x00 ")
    return cleaned.startswith("/") and cleaned[1:2] not in ("/", "\\")


def safe_location(location: str) -> str:
    """The location itself when it stays on the site, else the home page."""
    return location if is_local_location(location) else "/"


def _is_hostile_path(scope) -> bool:
    raw = scope.get("raw_path") or scope.get("path", "").encode("utf-8", "surrogateescape")
    path = raw.split(b"?", 1)[0]
    return path.startswith(b"//") or path.startswith(b"/\\") or b"\\" in path[:2]


async def _not_found(send):
    body = b"Not found"
    await send({"type": "http.response.start", "status": 404, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def hardened(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            if _is_hostile_path(scope):
                return await _not_found(send)
            method = scope.get("method", "GET")

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    status = message["status"]
                    headers = []
                    has_cache = False
                    for key, value in message.get("headers", []):
                        k = key.lower() if isinstance(key, bytes) else key.encode().lower()
                        v = value if isinstance(value, bytes) else value.encode("latin-1")
                        if k in _OURS:
                            continue
                        if k == b"location" and not is_local_location(v.decode("latin-1")):
                            v = safe_location(v.decode("latin-1")).encode("latin-1")
                        if k == b"cache-control":
                            has_cache = True
                        headers.append((k, v))
                    headers.extend(SECURITY_HEADERS)
                    if not has_cache:
                        cacheable = method in ("GET", "HEAD") and status in (200, 301, 308)
                        headers.append((b"cache-control", CACHE_CONTROL if cacheable else b"no-store"))
                    message = dict(message, headers=headers)
                await send(message)

            return await app(scope, receive, send_with_headers)

        return hardened

    return wrap
