"""The site in three languages: which language a request is read in, and the words for its pages.

- URLs per language: `/en/...`, `/tk/...`, `/ru/...` serve any page of the site (and Datasette's)
  in that language; the prefix is taken off the path before Datasette routes the request, and the
  pages' own links keep it. A prefixed page sets a `saylav_lang` cookie (the reader's choice).
- Unprefixed URLs use the cookie, else the reader's `Accept-Language`, else English; their HTML
  answers say `Vary: Accept-Language, Cookie`. Every HTML answer carries `Content-Language`.
- Templates get `ui_lang`, `_()` (the catalogue in plugins/messages.py), `u()` (a site path in the
  current language), `lang_links` (this page in each language, for the switcher and the
  `hreflang` alternates), and the date, number and label helpers bound to the language.

Text from the archive keeps its own language: the pages mark it with its own `lang`.
"""
from __future__ import annotations

import re
from functools import partial
from urllib.parse import quote

from datasette import hookimpl

from . import messages as msg
from . import site_data as site

PREFIX = re.compile(r"^/(en|tk|ru)(?=/|$)")
SCOPE_LANG, SCOPE_PREFIXED, SCOPE_PATH = "saylav.lang", "saylav.lang_prefixed", "saylav.original_path"
COOKIE = "saylav_lang"


def _cookie(headers: list) -> str | None:
    for k, v in headers:
        if k == b"cookie":
            m = re.search(rf"(?:^|;\s*){COOKIE}=(en|tk|ru)\b", v.decode("latin-1"))
            if m:
                return m.group(1)
    return None


def language_of(scope) -> tuple[str, bool]:
    """(language, whether the URL chose it) for an ASGI http scope, before any rewriting."""
    m = PREFIX.match(scope.get("path") or "")
    if m:
        return m.group(1), True
    headers = scope.get("headers") or []
    chosen = _cookie(headers)
    if chosen:
        return chosen, False
    accept = next((v.decode("latin-1") for k, v in headers if k == b"accept-language"), None)
    return msg.negotiate(accept) or msg.DEFAULT, False


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def with_language(scope, receive, send):
            if scope.get("type") != "http":
                return await app(scope, receive, send)
            lang, prefixed = language_of(scope)
            scope = dict(scope, **{SCOPE_LANG: lang, SCOPE_PREFIXED: prefixed, SCOPE_PATH: scope.get("path")})
            if prefixed:
                rest = PREFIX.sub("", scope["path"], count=1) or "/"
                if rest.startswith("//") or rest.startswith("/\\"):
                    rest = "/-/not-a-page"  # never let a prefix turn a path into another host
                scope["path"] = rest
                raw = scope.get("raw_path")
                if raw is not None:
                    scope["raw_path"] = re.sub(rb"^/(en|tk|ru)(?=/|$)", b"", raw, count=1) or b"/"
                    if scope["raw_path"].startswith((b"//", b"/\\")):
                        scope["raw_path"] = b"/-/not-a-page"

            async def send_with_language(event):
                if event["type"] == "http.response.start":
                    headers = list(event.get("headers") or [])
                    ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                    if ctype.startswith(b"text/html"):
                        headers.append((b"content-language", lang.encode()))
                        if prefixed:
                            if _cookie(scope.get("headers") or []) != lang:
                                headers.append((b"set-cookie", f"{COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax".encode()))
                        else:
                            headers.append((b"vary", b"Accept-Language, Cookie"))
                    event = dict(event, headers=headers)
                await send(event)

            return await app(scope, receive, send_with_language)

        return with_language

    return wrap


def request_language(request) -> tuple[str, bool]:
    if request is None:
        return msg.DEFAULT, False
    scope = request.scope
    if SCOPE_LANG in scope:
        return scope[SCOPE_LANG], scope[SCOPE_PREFIXED]
    return language_of(scope)


def localise(lang: str, prefixed: bool, path: str) -> str:
    """A site path in the page's language: '/news/en-1' -> '/ru/news/en-1' on a /ru/ page."""
    if not prefixed or not path.startswith("/") or path.startswith("//") or PREFIX.match(path):
        return path
    return f"/{lang}{path}" if path != "/" else f"/{lang}"


def alternates(request) -> list[dict]:
    """This page in each language: [{"lang", "name", "href", "current"}]."""
    lang, _ = request_language(request)
    path = request.path if request is not None else "/"
    query = request.query_string if request is not None else ""
    out = []
    for code in msg.LANGS:
        href = quote(localise(code, True, path), safe="/-_.~%+,:@=&;") + ("?" + query if query else "")
        out.append({"lang": code, "name": msg.NAMES[code], "href": href, "current": code == lang})
    return out


def default_alternate(request) -> str:
    """This page without a language prefix: the reader's own language (hreflang x-default)."""
    if request is None:
        return "/"
    return quote(request.path, safe="/-_.~%+,:@=&;") + ("?" + request.query_string if request.query_string else "")


def helpers(lang: str, prefixed: bool) -> dict:
    """Everything a template needs to speak `lang`."""
    return {
        "ui_lang": lang,
        "_": partial(msg.gettext, lang),
        "u": partial(localise, lang, prefixed),
        "long_date": partial(msg.long_date, lang),
        "num": partial(msg.number, lang),
        "pct": partial(msg.pct, lang),
        "hour_label": partial(msg.hour_label, lang),
        "kind_label": partial(msg.kind_label, lang),
        "basis_label": partial(msg.basis_label, lang),
        "election_label": partial(msg.election_label, lang),
        # the site's links, in the page's language
        "item_url": lambda item_id: localise(lang, prefixed, site.item_url(item_id)),
        "entity_url": lambda kind, entity_id: localise(lang, prefixed, site.entity_url(kind, entity_id)),
        "table_url": lambda table, **args: localise(lang, prefixed, site.table_url(table, **args)),
        "site_path": lambda *parts: localise(lang, prefixed, site.path(*parts)),
    }


@hookimpl
def prepare_jinja2_environment(env):
    # English defaults for pages rendered without a request (Datasette's own error handler)
    env.globals.update(helpers(msg.DEFAULT, False))
    env.globals.setdefault("lang_links", [])


@hookimpl
def extra_template_vars(request):
    lang, prefixed = request_language(request)
    out = helpers(lang, prefixed)
    out["lang_links"] = alternates(request) if request is not None else []
    out["lang_default_href"] = default_alternate(request) if request is not None else None
    return out
