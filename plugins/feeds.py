"""Atom feeds of the news, newest first: all, per language, per kind, per language and kind.

    /saylav/feed.atom                 all news (also ?lang=en&kind=turnout)
    /saylav/feed/{lang}.atom          one language: en, tk, ru
    /saylav/feed/{kind}.atom          one kind: turnout, results, meeting, ...
    /saylav/feed/{lang}/{kind}.atom   both

Entries link to the item's page on this site and to the original on saylav.gov.tm. All text is
XML-escaped and characters XML cannot carry are dropped. Undated items are left out (a feed is
ordered by date). Entry ids are tag URIs, stable whatever host serves the archive.
"""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response


from . import site_data as site

ENTRIES = 50
BODY_CHARS = 20000
AUTHOR = "Central Commission for Holding Elections and Referendums in Turkmenistan (saylav.gov.tm)"
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def x(text) -> str:
    """Text made safe for XML element content."""
    return escape(_NOT_XML.sub("", str(text or "")))


def xa(text) -> str:
    """Text made safe for a quoted XML attribute (quotes included)."""
    return quoteattr(_NOT_XML.sub("", str(text or "")))


def feed_path(lang: str | None = None, kind: str | None = None) -> str:
    if lang and kind:
        return f"/{site.DATABASE}/feed/{lang}/{kind}.atom"
    if lang or kind:
        return f"/{site.DATABASE}/feed/{lang or kind}.atom"
    return f"/{site.DATABASE}/feed.atom"


def atom(base: str, rows: list[dict], lang: str | None, kind: str | None) -> str:
    what = ", ".join(p for p in (site.LANGS.get(lang) if lang else None,
                                 site.KINDS.get(kind, kind) if kind else None) if p)
    title = "saylav-archive: news" + (f" ({what})" if what else "")
    updated = max((r["published_on"] for r in rows), default="2000-01-01")
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           '<feed xmlns="http://www.w3.org/2005/Atom">',
           f"<title>{x(title)}</title>",
           f"<subtitle>{x('News of the Central Commission for Elections and Referendums in Turkmenistan, archived from saylav.gov.tm')}</subtitle>",
           f"<id>tag:saylav-archive,2024:{x(feed_path(lang, kind))}</id>",
           f"<updated>{x(updated)}T00:00:00Z</updated>",
           f'<link rel="self" type="application/atom+xml" href={xa(base + feed_path(lang, kind))}/>',
           f'<link rel="alternate" type="text/html" href={xa(base + "/")}/>',
           f"<author><name>{x(AUTHOR)}</name></author>",
           "<generator>saylav-archive (Datasette)</generator>"]
    for r in rows:
        body = r["body"] or r["snippet"] or ""
        out += [f"<entry xml:lang={xa(r['lang'])}>",
                f"<id>tag:saylav-archive,2024:news/{x(r['id'])}</id>",
                f"<title>{x(r['title'] or (r['snippet'] or r['id'])[:100])}</title>",
                f"<updated>{x(r['published_on'])}T00:00:00Z</updated>",
                f"<published>{x(r['published_on'])}T00:00:00Z</published>",
                f'<link rel="alternate" type="text/html" href={xa(base + site.item_url(r["id"]))}/>']
        if site.is_web_url(r["url"]):
            out.append(f'<link rel="related" type="text/html" href={xa(r["url"])}/>')
        if r["kind"]:
            out.append(f"<category term={xa(r['kind'])}/>")
        if r["snippet"]:
            out.append(f'<summary type="text">{x(r["snippet"])}</summary>')
        out.append(f'<content type="text">{x(body[:BODY_CHARS])}</content>')
        out.append("</entry>")
    out.append("</feed>")
    return "\n".join(out)


async def feed(datasette, request):
    v = request.url_vars
    lang = v.get("lang") or request.args.get("lang") or None
    kind = v.get("kind") or request.args.get("kind") or None
    one = v.get("one")
    if one:
        if one in site.LANGS:
            lang = one
        else:
            kind = one
    if lang and lang not in site.LANGS:
        raise NotFound(f"No feed for language {lang!r}")
    where, params = ["published_on is not null"], {}
    if lang:
        where.append("lang = :lang")
        params["lang"] = lang
    if kind:
        where.append("kind = :kind")
        params["kind"] = kind
    queries = {"rows": (f"""select id, lang, published_on, title, snippet, body, kind, url from news_items
                            where {' and '.join(where)} order by published_on desc, id desc limit {ENTRIES}""", params)}
    if kind:
        queries["known"] = ("select 1 as ok from news_items where kind = :kind limit 1", {"kind": kind})
    data = await site.fetch(datasette, queries)
    if kind and not data["known"]:
        raise NotFound(f"No feed for kind {kind!r}")
    base = datasette.absolute_url(request, "/").rstrip("/")
    return Response(atom(base, data["rows"], lang, kind), content_type="application/atom+xml; charset=utf-8")


@hookimpl
def register_routes():
    return [
        (rf"^/{site.DATABASE}/feed\.atom$", feed),
        (rf"^/{site.DATABASE}/feed/(?P<lang>[a-z]{{2}})/(?P<kind>[a-z-]+)\.atom$", feed),
        (rf"^/{site.DATABASE}/feed/(?P<one>[a-z-]+)\.atom$", feed),
    ]
