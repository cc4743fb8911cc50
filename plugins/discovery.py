"""Discovery for crawlers: /sitemap.xml of every item and entity page, and /robots.txt.

robots.txt keeps crawlers off every URL with a query string (facets, sorts, searches and SQL
multiply without end) and off Datasette's /-/ pages and the database download, and points to the
sitemap. The sitemap lists the clean pages: home, lists, every news item, election, person,
organisation, constituency and region, each in its three languages (`/en/...`, `/tk/...`,
`/ru/...`) and unprefixed (the reader's language: `x-default`), every entry with the `hreflang`
alternates of the others. Over 50,000 URLs it becomes a sitemap index of /sitemap-{n}.xml files,
as the sitemap protocol requires. Built once per process (immutable data).
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response


from . import site_data as site

LANGS = ("en", "tk", "ru")
PER_FILE = 50000 // (len(LANGS) + 1)  # pages per file: each page is listed once per language and once unprefixed
STATIC_PAGES = ["/", "/news", "/about", "/elections", "/people", "/organizations", "/constituencies", "/regions", "/api"]
ENTITY_TABLES = [("elections", "elections", "polling_day"), ("people", "people", None),
                 ("organizations", "organizations", None), ("constituencies", "constituencies", None),
                 ("regions", "regions", None)]

ROBOTS = """# saylav-archive: crawl the pages, not the endless query variants of them.
User-agent: *
Disallow: /*?
Disallow: /-/
Disallow: /{db}.db
Allow: /

Sitemap: {base}/sitemap.xml
"""


async def _paths(datasette) -> list[tuple[str, str | None]]:
    memo = site.cache(datasette)
    if "sitemap" not in memo:
        queries = {"news": ("select id, published_on from news_items order by published_on desc, id", {})}
        for key, table, date_col in ENTITY_TABLES:
            queries[key] = (f"select id, {date_col or 'null'} as lastmod from [{table}] order by id", {})
        data = await site.fetch(datasette, queries)
        out: list[tuple[str, str | None]] = [(p, None) for p in STATIC_PAGES]
        out += [(site.item_url(r["id"]), r["published_on"]) for r in data["news"]]
        for key, *_ in ENTITY_TABLES:
            out += [(site.entity_url(key, r["id"]), r["lastmod"]) for r in data[key]]
        memo["sitemap"] = out
    return memo["sitemap"]


def _in(lang: str | None, path: str) -> str:
    if lang is None:
        return path
    return f"/{lang}" if path == "/" else f"/{lang}{path}"


def _urlset(base: str, paths: list[tuple[str, str | None]]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for p, lastmod in paths:
        lm = f"<lastmod>{escape(lastmod)}</lastmod>" if lastmod and len(lastmod) == 10 else ""
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{escape(base + _in(lang, p))}"/>'
                             for lang in LANGS)
        alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href="{escape(base + p)}"/>'
        for lang in (None, *LANGS):
            lines.append(f"<url><loc>{escape(base + _in(lang, p))}</loc>{lm}{alternates}</url>")
    lines.append("</urlset>")
    return "\n".join(lines)


def _xml(text: str) -> Response:
    return Response(text, content_type="application/xml; charset=utf-8")


async def sitemap(datasette, request):
    base = datasette.absolute_url(request, "/").rstrip("/")
    paths = await _paths(datasette)
    if len(paths) <= PER_FILE:
        return _xml(_urlset(base, paths))
    files = (len(paths) + PER_FILE - 1) // PER_FILE
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<sitemap><loc>{escape(base)}/sitemap-{n}.xml</loc></sitemap>" for n in range(1, files + 1)]
    lines.append("</sitemapindex>")
    return _xml("\n".join(lines))


async def sitemap_part(datasette, request):
    n = int(request.url_vars["n"])
    paths = await _paths(datasette)
    part = paths[(n - 1) * PER_FILE: n * PER_FILE]
    if n < 1 or not part or len(paths) <= PER_FILE:
        raise NotFound("No such sitemap file")
    return _xml(_urlset(datasette.absolute_url(request, "/").rstrip("/"), part))


async def robots(datasette, request):
    base = datasette.absolute_url(request, "/").rstrip("/")
    return Response.text(ROBOTS.format(base=base, db=site.DATABASE))


@hookimpl
def register_routes():
    return [
        (r"^/sitemap\.xml$", sitemap),
        (r"^/sitemap-(?P<n>[0-9]{1,4})\.xml$", sitemap_part),
        (r"^/robots\.txt$", robots),
    ]
