"""The listing walk: listing pages `{base}/{lang}/news?page=N`, newest first -> article links.

- `read_listing(html, page_url, lang)`: the article links `/{lang}/news/{id}` of one listing
  page, in page order, each once, at most MAX_LINKS_PER_PAGE (the rest counted in `dropped`).
  Pure: text in, links out, in one linear pass over the page (anchor_hrefs), whatever it holds.
- `ListingWalker.walk(lang, known)`: pages 1, 2, ... until a page adds no new article (past the
  last page), a 404, robots.txt says no, or (in a normal run) a page whose articles are all known.
  Saves each listing page that changed. A page that fails, or that is not HTML, breaks the walk
  off (None): the articles of that language then wait for the next run, so that what is
  captured stays "everything older than some point".
- `ListingWalker.pending(lang, known)`: articles that saved listing pages show but that have no
  capture yet (left by an interrupted run, or by a page that failed).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
import re
from html import unescape
from typing import Callable
from urllib.parse import urlsplit

from ..html_text import canonical_url, parse_news_url
from .common import MAX_LINKS_PER_PAGE, MAX_PAGES, CrawlSummary
from .pages import PageResult
from .store import CaptureStore, Record

log = logging.getLogger("etl.fetch")

#: Anchors looked at on one page (any href): bounds the work on a page made of links.
MAX_ANCHORS = 50 * MAX_LINKS_PER_PAGE


@dataclass(frozen=True)
class ArticleLink:
    lang: str
    section: str
    site_id: int
    url: str

    @property
    def key(self) -> tuple:
        return (self.lang, self.section, self.site_id)


@dataclass
class ListingPage:
    links: list = field(default_factory=list)  # ArticleLink, in page order
    dropped: int = 0  # article links past MAX_LINKS_PER_PAGE (or past MAX_ANCHORS anchors)


#: The start of an <a> tag, or of a comment (skipped whole).
_TAG = re.compile(r"<!--|<a(?=[\s/>])", re.IGNORECASE)
#: The href attribute inside one tag's text.
_HREF = re.compile(r"""(?:^|[\s/])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""",
                   re.IGNORECASE)
#: Longest tag text looked into for its href (an anchor of a listing is far shorter).
MAX_TAG = 8192


def anchor_hrefs(html: str, limit: int) -> tuple[list[str], int]:
    """The hrefs of the page's <a> tags in page order: the first `limit`, and how many more.

    One pass from left to right, each character looked at a bounded number of times, so the
    time is linear in the page's size whatever it holds. (html.parser is not: 400 KB of
    unclosed "<!--" take it minutes.) A tag ends at its first ">"; a comment at "-->", and an
    unclosed one runs to the end of the page, as in a browser.
    """
    hrefs: list[str] = []
    more, pos = 0, 0
    while True:
        m = _TAG.search(html, pos)
        if m is None:
            break
        if m.group() == "<!--":
            end = html.find("-->", m.end())
            if end < 0:
                break
            pos = end + 3
            continue
        end = html.find(">", m.end())
        found = _HREF.search(html, m.end(), min(len(html) if end < 0 else end, m.end() + MAX_TAG))
        if found:
            if len(hrefs) < limit:
                value = next(g for g in found.groups() if g is not None)
                hrefs.append(unescape(value))
            else:
                more += 1
        if end < 0:
            break
        pos = end + 1
    return hrefs, more


def listing_url(base_url: str, lang: str, page: int) -> str:
    return f"{base_url}/{lang}/news?page={page}"


def article_url(base_url: str, lang: str, site_id: int, section: str = "news") -> str:
    return f"{base_url}/{lang}/{section}/{site_id}"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def read_listing(html: str, page_url: str, lang: str | None = None, aliases=(),
                 max_links: int = MAX_LINKS_PER_PAGE) -> ListingPage:
    """Article links of a listing page, in page order, each once, at most `max_links`."""
    hrefs, more = anchor_hrefs(html, max(MAX_ANCHORS, max_links))
    base = _origin(page_url)
    page = ListingPage(dropped=more)
    seen: set = set()
    for href in hrefs:
        url = canonical_url(href, page_url, aliases)
        l, section, site_id = parse_news_url(url)
        if url is None or section != "news" or site_id is None:
            continue
        if (lang is not None and l != lang) or (l, site_id) in seen:
            continue
        seen.add((l, site_id))
        if len(page.links) >= max_links:
            page.dropped += 1
            continue
        page.links.append(ArticleLink(l, section, site_id, article_url(base, l, site_id)))
    return page


def parse_listing(html: str, page_url: str, lang: str | None = None, aliases=(),
                  max_links: int = MAX_LINKS_PER_PAGE) -> list[ArticleLink]:
    """The links of read_listing, as a list."""
    return read_listing(html, page_url, lang, aliases, max_links).links


def unique(links: list[ArticleLink]) -> list[ArticleLink]:
    seen: dict = {}
    for link in links:
        seen.setdefault(link.key, link)
    return list(seen.values())


class ListingWalker:
    """Walks the listing pages of one site.

    `get_page(url, known) -> PageResult | None` fetches (failures counted there);
    `allowed(url)` is robots.txt; `save(key, url, result)` stores a listing page that changed.
    """

    def __init__(self, base: str, store: CaptureStore, get_page: Callable, allowed: Callable,
                 save: Callable, summary: CrawlSummary, *, full: bool = False,
                 max_pages: int = MAX_PAGES, aliases=(), max_links: int = MAX_LINKS_PER_PAGE):
        self.base = base
        self.store = store
        self.get_page = get_page
        self.allowed = allowed
        self.save = save
        self.summary = summary
        self.full = full
        self.max_pages = max_pages
        self.aliases = aliases
        self.max_links = max_links

    def read(self, body: bytes, url: str, lang: str) -> ListingPage:
        """The links of one listing page's bytes, warning when some were dropped."""
        page = read_listing(body.decode("utf-8", "replace"), url, lang, self.aliases,
                            self.max_links)
        if page.dropped:
            log.warning("listing page %s shows more than %d article links: took the first %d, "
                        "dropped %d", url, self.max_links, len(page.links), page.dropped)
        return page

    def walk(self, lang: str, known: dict) -> list[ArticleLink] | None:
        """Listing pages newest first; the article links seen, newest first (None: broke off)."""
        links: list[ArticleLink] = []
        seen: set = set()
        for number in range(1, self.max_pages + 1):
            url = listing_url(self.base, lang, number)
            if not self.allowed(url):
                self.summary.skipped_robots += 1
                log.warning("robots.txt disallows %s: not walking further", url)
                return links
            result = self.get_page(url, known.get((lang, "news-pages", number)))
            if result is None:
                return None
            if result.status not in (200, 304):
                return links  # past the last page (404)
            if not result.html:
                self._not_html(url, result)
                return None
            page_links = self.read(result.body, url, lang).links
            if not any(link.site_id not in seen for link in page_links):
                if number == 1:
                    log.warning("listing page %s shows no article link: has the site's layout "
                                "changed? Nothing of %s is fetched", url, lang)
                return links  # past the last page: empty, or a page seen already
            self._keep(lang, number, url, result)
            for link in page_links:
                if link.site_id not in seen:
                    seen.add(link.site_id)
                    links.append(link)
            if not self.full and all(self.settled(link, known) for link in page_links):
                return links
        log.warning("stopped %s after %d listing pages", lang, self.max_pages)
        return links

    def _keep(self, lang: str, number: int, url: str, result: PageResult) -> None:
        self.summary.listing_pages += 1
        if result.changed:
            self.save((lang, "news-pages", number), url, result)
        else:
            self.summary.unchanged += 1

    def _not_html(self, url: str, result: PageResult) -> None:
        ctype = result.response.header("content-type")
        reason = f"listing page is not HTML (Content-Type {ctype!r}): walk broken off"
        self.summary.failed += 1
        self.summary.failures.append((url, reason))
        log.warning("%s: %s", url, reason)

    def settled(self, link: ArticleLink, known: dict) -> bool:
        """Nothing to fetch for this link: captured already, or disallowed."""
        return link.key in known or not self.allowed(link.url)

    def pending(self, lang: str, known: dict[tuple, Record]) -> list[ArticleLink]:
        """Articles that saved listing pages show but that have no capture yet."""
        out = []
        for key, rec in sorted(known.items()):
            if key[0] != lang or key[1] != "news-pages":
                continue
            body = self.store.read_body(rec)
            if body is None:
                continue
            url = listing_url(self.base, lang, key[2])
            out.extend(link for link in self.read(body, url, lang).links if link.key not in known)
        return out
