"""The fixture site: pages in two structures (and a third on the mirror), served on 127.0.0.1.

- "modern" (en, ru): HTML5 with <header>/<nav>/<main>/<article>/<aside>/<footer>, the title
  before the date, dates as `<span>26</span> <span>Mar</span>`; past the last listing page an
  empty listing.
- "legacy" (tk): table layout, divs with ids/classes only, the day and month in separate blocks,
  a flat sidebar list (date / link / snippet siblings), <br><br> paragraphs; past the last
  listing page a 404.
- "mirror" (second server, standing in for saylav.st.com.tm): bare divs with no main/sidebar
  markup, a `news-img` image.

`FixtureSite` holds the stories and the faults; `serve(site, role)` starts a ThreadingHTTPServer
on 127.0.0.1 port 0 in a daemon thread and logs every request.
"""

from __future__ import annotations

import copy
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from .content import HEADERS, LATER_STORY, STORIES

LANGS = ("en", "tk", "ru")
STRUCTURE = {"en": "modern", "ru": "modern", "tk": "legacy"}
MENU = {
    "en": ["Main menu", "News", "Elections", "Law"],
    "tk": ["Baş sahypa", "Habarlar", "Saýlawlar", "Kanunçylyk"],
    "ru": ["Главная", "Новости", "Выборы", "Законодательство"],
}
LATEST = {"en": "Latest news", "tk": "Soňky habarlar", "ru": "Последние новости"}
LANG_NAMES = (("en", "English"), ("tk", "Türkmençe"), ("ru", "Русский"))
SCRIPT = "<script>var _paq = window._paq || []; _paq.push(['trackPageView']);</script>"
STYLE = "<style>body { color: #333; } .news-item { margin: 0 }</style>"
ROBOTS = """# fixture robots.txt
User-agent: SomeOtherBot
Disallow: /

User-agent: *
Disallow: /ru/news/6
Disallow: /admin/
Crawl-delay: 0.05
"""


def snippet(paragraphs: list[str]) -> str:
    return paragraphs[0][:60].rstrip() + "..."


def day_month(date: str) -> tuple[str, str]:
    day, month = date.split(" ", 1)
    return day, month


# ----------------------------------------------------------------------------------------------
# pages


def _modern_head(lang: str, title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{escape(title)} | CEC</title>{STYLE}{SCRIPT}</head>\n")


def _modern_chrome_top(lang: str, path_for_lang) -> str:
    menu = "".join(f'<li><a href="/{lang}/{i}">{escape(w)}</a></li>'
                   for i, w in enumerate(MENU[lang]))
    langs = "".join(f'<li><a href="{path_for_lang(code)}">{name}</a></li>'
                    for code, name in LANG_NAMES)
    return (f'<body class="lang-{lang}">\n<header class="site-header"><div class="logo">'
            f'<a href="/{lang}"><img src="/static/logo.png" alt="logo"></a>'
            f"<span>{escape(HEADERS[lang])}</span></div>\n"
            f'<nav class="main-menu"><ul>{menu}</ul></nav>\n'
            f'<ul class="lang-switch">{langs}</ul>\n'
            f'<form class="search-form" action="/{lang}/search"><input name="q">'
            f"<button>Search the site</button></form></header>\n")


def _modern_footer(lang: str) -> str:
    return (f'<footer class="site-footer"><p>Copyright © 2023 {escape(HEADERS[lang])}</p>'
            f'<p><a href="/{lang}/contacts">Contacts</a></p></footer>\n'
            f'<script>document.write("footer script text")</script></body></html>\n')


def _date_spans(date: str) -> str:
    day, month = day_month(date)
    return f"<span>{day}</span> <span>{escape(month)}</span>"


def _modern_item(lang: str, sid: int, story) -> str:
    date, title, paras = story
    return (f'<li class="news-item"><a class="news-title" href="/{lang}/news/{sid}">'
            f"{escape(title)}</a>\n<span class=\"date\">{_date_spans(date)}</span>\n"
            f"<p>{escape(snippet(paras))}</p>"
            f'<a class="more" href="/{lang}/news/{sid}">Read more</a></li>\n')


def render_modern_article(lang, sid, story, sidebar) -> str:
    date, title, paras = story
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
    items = "".join(_modern_item(lang, i, s) for i, s in sidebar)
    return (_modern_head(lang, title)
            + _modern_chrome_top(lang, lambda code: f"/{code}/news/{sid}")
            + '<main class="container">\n<article class="news-detail">\n'
            f'<header class="news-header"><h1>{escape(title)}</h1>\n'
            f'<time datetime="2023">{_date_spans(date)}</time></header>\n'
            f'<div class="news-text">\n{body}</div>\n'
            '<div class="share-buttons">Share on: <a href="https://facebook.example/">'
            "Facebook</a></div>\n</article>\n"
            f'<aside class="sidebar"><h3>{LATEST[lang]}</h3>\n<ul class="last-news">\n{items}'
            f'</ul><a href="/{lang}/news">All news</a></aside>\n</main>\n'
            + _modern_footer(lang))


def render_modern_listing(lang, page, items) -> str:
    cards = "".join(
        f'<article class="news-card"><div class="card-date">{_date_spans(s[0])}</div>'
        f'<h2><a href="/{lang}/news/{i}">{escape(s[1])}</a></h2>'
        f'<p class="anons">{escape(snippet(s[2]))}</p></article>\n'
        for i, s in items
    )
    pager = (f'<div class="pagination"><a href="/{lang}/news?page={page - 1}">&laquo;</a> '
             f'<a href="/{lang}/news?page={page + 1}">&raquo;</a></div>')
    return (_modern_head(lang, MENU[lang][1])
            + _modern_chrome_top(lang, lambda code: f"/{code}/news?page={page}")
            + f'<main class="container"><h1>{MENU[lang][1]}</h1>\n'
            f'<div class="news-list">\n{cards}</div>{pager}</main>\n'
            + _modern_footer(lang))


def _legacy_top(lang: str, path_for_lang) -> str:
    langs = " | ".join(f'<a href="{path_for_lang(code)}">{name}</a>' for code, name in LANG_NAMES)
    menu = " | ".join(f'<a href="/{lang}/m{i}">{escape(w)}</a>' for i, w in enumerate(MENU[lang]))
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            f"<title>{escape(HEADERS[lang])}</title>{SCRIPT}</head>\n<body>\n"
            f'<div id="header"><table><tr><td><img src="/img/gerb.gif"></td>'
            f'<td class="top-title">{escape(HEADERS[lang])}</td></tr></table></div>\n'
            f'<div id="menu">{menu}</div>\n<div class="langs">{langs}</div>\n')


def _legacy_bottom(lang: str) -> str:
    return (f'<div id="footer">Copyright 2023. {escape(HEADERS[lang])}</div>\n'
            "</body></html>\n")


def render_legacy_article(lang, sid, story, sidebar) -> str:
    date, title, paras = story
    day, month = day_month(date)
    side = "".join(
        f'<div class="ndate">{escape(s[0])}</div>\n'
        f'<a class="ntitle" href="/{lang}/news/{i}">{escape(s[1])}</a>\n'
        f'<div class="anons">{escape(snippet(s[2]))}</div>\n'
        for i, s in sidebar
    )
    return (_legacy_top(lang, lambda code: f"/{code}/news/{sid}")
            + '<table class="layout" width="100%"><tr>\n<td class="main-col" valign="top">'
            f'<div class="news-detail">\n<div class="date"><div class="day">{day}</div>'
            f'<div class="month">{escape(month)}</div></div>\n'
            f'<div class="title"><b>{escape(title)}</b></div>\n'
            + "<br><br>\n".join(escape(p) for p in paras)
            + '\n</div></td>\n<td class="col-right" valign="top">'
            f'<div class="block-title">{LATEST[lang]}</div>\n{side}</td>\n</tr></table>\n'
            + _legacy_bottom(lang))


def render_legacy_listing(lang, page, items) -> str:
    rows = "".join(
        f'<tr><td class="date">{escape(s[0])}</td><td><a href="/{lang}/news/{i}">'
        f"{escape(s[1])}</a><br>{escape(snippet(s[2]))}</td></tr>\n"
        for i, s in items
    )
    return (_legacy_top(lang, lambda code: f"/{code}/news?page={page}")
            + f'<table class="layout"><tr><td class="main-col"><h2>{MENU[lang][1]}</h2>\n'
            f'<table class="news-list">\n{rows}</table>\n'
            f'<div class="pages"><a href="/{lang}/news?page={page + 1}">{page + 1}</a></div>'
            "</td></tr></table>\n" + _legacy_bottom(lang))


def render_mirror_article(lang, sid, story) -> str:
    date, title, paras = story
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    return ('<html><body><div class="wrapper"><img class="news-img" src="/i/1.jpg">'
            f'<p class="date">{escape(date)}</p><h3>{escape(title)}</h3>{body}</div>'
            "</body></html>")


def malform(html: str) -> str:
    """The same page as a sloppy CMS might send it: unclosed and stray tags, no </html>."""
    for closing in ("</p>", "</li>", "</body>", "</html>"):
        html = html.replace(closing, "")
    html = html.replace('<div class="news-text">', '<div class=news-text></span></td><b>')
    html = html.replace("<h1>", "<h1><font color=red>").replace('<aside', '</div></div><aside')
    return html + "<div><p>unclosed at the end"


# ----------------------------------------------------------------------------------------------
# the site


@dataclass
class Request:
    t: float
    role: str
    path: str
    headers: dict


@dataclass
class FixtureSite:
    per_page: int = 3
    faults: bool = True
    robots: str = ROBOTS
    mirror_robots: str = "User-agent: *\nDisallow:\n"
    hang: float = 0.5  # how long a "timeout" fault keeps the client waiting
    retry_after: str = "0"  # the Retry-After of a 503
    stories: dict = field(default_factory=lambda: copy.deepcopy(STORIES))
    log: list = field(default_factory=list)
    # path -> actions used up one per request: "503", "500", "timeout", "reset"
    plan: dict = field(default_factory=dict)
    gone: set = field(default_factory=set)  # paths answered 404
    redirects: dict = field(default_factory=dict)  # path -> path on the mirror
    malformed: set = field(default_factory=set)
    edits: dict = field(default_factory=dict)  # path -> edit count (for Last-Modified)
    mirror_base: str = ""

    def __post_init__(self):
        self.lock = threading.Lock()
        if self.faults:
            self.plan = {"/en/news/3": ["503"], "/en/news/5": ["timeout"]}
            self.gone = {"/tk/news/4"}
            self.redirects = {"/tk/news/2": "/tk/news/2"}
            self.malformed = {"/ru/news/7"}

    # content ----------------------------------------------------------------------------------
    def ids(self, lang: str) -> list[int]:
        return sorted((i for i, s in self.stories.items() if lang in s), reverse=True)

    def story(self, lang, sid):
        return self.stories[sid][lang]

    def publish_later(self) -> None:
        with self.lock:
            self.stories.update(copy.deepcopy(LATER_STORY))

    def edit(self, lang: str, sid: int, extra: str) -> None:
        with self.lock:
            date, title, paras = self.stories[sid][lang]
            self.stories[sid][lang] = (date, title, paras + [extra])
            path = f"/{lang}/news/{sid}"
            self.edits[path] = self.edits.get(path, 0) + 1

    def allowed_paths(self, lang: str) -> list[str]:
        return [f"/{lang}/news/{i}" for i in self.ids(lang) if f"/{lang}/news/{i}" != "/ru/news/6"]

    # HTTP -----------------------------------------------------------------------------------
    def respond(self, role: str, path: str, headers) -> tuple:
        """(status, headers, body) for a GET, or ("hang", ...) for a timeout fault."""
        with self.lock:
            parts = urlsplit(path)
            actions = self.plan.get(parts.path) if role == "main" else None
            if actions:
                action = actions.pop(0)
                if action in ("503", "500"):
                    extra = {"Retry-After": self.retry_after} if action == "503" else {}
                    return int(action), extra, b"<html><body>busy</body></html>"
                if action in ("timeout", "reset"):
                    return action, {}, b""
            if parts.path == "/robots.txt":
                text = self.robots if role == "main" else self.mirror_robots
                return 200, {"Content-Type": "text/plain"}, text.encode()
            if role == "main" and parts.path in self.redirects:
                return 301, {"Location": self.mirror_base + self.redirects[parts.path]}, b""
            if parts.path in self.gone:
                return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
            segs = [s for s in parts.path.split("/") if s]
            if len(segs) >= 2 and segs[0] in LANGS and segs[1] == "news":
                lang = segs[0]
                if len(segs) == 2:
                    page = int(parse_qs(parts.query).get("page", ["1"])[0])
                    return self._listing(lang, page, headers)
                if len(segs) == 3 and segs[2].isdigit() and int(segs[2]) in self.stories:
                    sid = int(segs[2])
                    if lang in self.stories[sid]:
                        return self._article(role, lang, sid, parts.path, headers)
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"

    def _conditional(self, body: bytes, last_modified: str, headers, ctype="text/html; charset=utf-8"):
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        out = {"Content-Type": ctype, "ETag": etag, "Last-Modified": last_modified}
        inm = headers.get("If-None-Match")
        ims = headers.get("If-Modified-Since")
        if inm is not None:
            if etag in [t.strip() for t in inm.split(",")]:
                return 304, out, b""
        elif ims is not None:
            if parsedate_to_datetime(ims) >= parsedate_to_datetime(last_modified):
                return 304, out, b""
        return 200, out, body

    def _listing(self, lang, page, headers):
        ids = self.ids(lang)
        start = (page - 1) * self.per_page
        chosen = [(i, self.story(lang, i)) for i in ids[start:start + self.per_page]]
        if not chosen and STRUCTURE[lang] == "legacy":
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
        render = render_legacy_listing if STRUCTURE[lang] == "legacy" else render_modern_listing
        body = render(lang, page, chosen).encode("utf-8")
        return self._conditional(body, formatdate(1680000000 + len(ids), usegmt=True), headers)

    def _article(self, role, lang, sid, path, headers):
        story = self.story(lang, sid)
        sidebar = [(i, self.story(lang, i)) for i in self.ids(lang)[:3]]
        if role == "mirror":
            html = render_mirror_article(lang, sid, story)
        elif STRUCTURE[lang] == "legacy":
            html = render_legacy_article(lang, sid, story, sidebar)
        else:
            html = render_modern_article(lang, sid, story, sidebar)
        if path in self.malformed:
            html = malform(html)
        stamp = formatdate(1670000000 + 86400 * self.edits.get(path, 0), usegmt=True)
        return self._conditional(html.encode("utf-8"), stamp, headers)


def _handler(site: FixtureSite, role: str):
    class Handler(BaseHTTPRequestHandler):
        server_version = "FixtureSite/1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            with site.lock:
                site.log.append(Request(time.monotonic(), role, self.path, dict(self.headers)))
            status, headers, body = site.respond(role, self.path, self.headers)
            if status == "reset":
                self.close_connection = True
                return  # no response at all: the client sees the connection closed
            if status == "timeout":
                time.sleep(site.hang)  # bounded: the client gave up before this
                status, headers, body = 200, {"Content-Type": "text/html"}, b"late"
            try:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


class Server:
    """A ThreadingHTTPServer on 127.0.0.1, port chosen by the OS, serving in a daemon thread."""

    def __init__(self, site: FixtureSite, role: str = "main"):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, role))
        self.httpd.daemon_threads = True
        self.host = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.base = f"http://{self.host}"
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
