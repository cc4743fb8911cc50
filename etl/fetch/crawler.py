"""The crawl: robots.txt, then per language the listing walk and the article fetches.

`Crawler(...).run()` wires the parts together (each is testable alone):

    transport.py  one bounded HTTP GET       client.py    spacing and retries
    robots.py     robots.txt per host        pages.py     one page: redirects, conditionals
    walker.py     listing pages -> links     articles.py  one article -> a capture
    store.py      data/raw: read and add

What the crawler has is read from the sidecars on every run (no other state). A normal run
re-checks listing pages with conditional requests, stops paging at the first listing page whose
articles are all known, and fetches only unknown articles, oldest first, plus those that saved
listing pages show but that have no capture yet; `--full` walks every listing page and
re-checks every known article.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from ..html_text import SITE_HOSTS
from .articles import ArticleFetcher
from .client import PoliteClient, RetryPolicy
from .common import (DEFAULT_BASE_URL, DEFAULT_DELAY, DEFAULT_RAW, LANGS, MAX_PAGES,
                     SOCKET_TIMEOUT, USER_AGENT, CrawlSummary)
from .pages import PageFetcher
from .robots import RobotsBook
from .store import CaptureStore
from .transport import HttpTransport
from .walker import ArticleLink, ListingWalker, unique

log = logging.getLogger("etl.fetch")


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def site_hosts(base_url: str, mirror_hosts=()) -> set[str]:
    """The hosts that are this site: the base host with and without www., the known mirror."""
    host = urlsplit(base_url).netloc.lower()
    bare = host[4:] if host.startswith("www.") else host
    hosts = {host, bare, "www." + bare} | {h.lower() for h in mirror_hosts}
    if bare in SITE_HOSTS:
        hosts |= set(SITE_HOSTS)
    return hosts


def check_arguments(base_url: str, langs) -> None:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {base_url!r}")
    bad = [lang for lang in langs if lang not in LANGS]
    if bad:
        raise ValueError(f"unknown language(s) {bad}: choose from {', '.join(LANGS)}")


class Crawler:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, raw_dir: Path = DEFAULT_RAW,
                 langs=LANGS, delay: float = DEFAULT_DELAY, full: bool = False, *,
                 progress: bool = False, transport=None, timeout: float = SOCKET_TIMEOUT,
                 deadline: float | None = None, policy: RetryPolicy | None = None,
                 sleep: Callable = time.sleep, clock: Callable = time.monotonic,
                 now: Callable = _utcnow, mirror_hosts=(), max_pages: int = MAX_PAGES,
                 max_network_failures: int = 3, user_agent: str = USER_AGENT):
        base_url = base_url.rstrip("/")
        check_arguments(base_url, langs)
        self.base = base_url
        self.langs = list(dict.fromkeys(langs)) or list(LANGS)
        self.full = full
        self.progress = progress
        self.summary = CrawlSummary()
        self.store = CaptureStore(Path(raw_dir))
        self.client = PoliteClient(transport or HttpTransport(timeout, deadline), user_agent,
                                   delay, policy, sleep, clock)
        hosts = site_hosts(base_url, mirror_hosts)
        self.pages = PageFetcher(self.client, self.store, hosts, self._allowed, self.summary,
                                 max_network_failures, self._tick)
        self.robots = RobotsBook(self.pages.request, user_agent, hosts, self._slow_down)
        self.articles = ArticleFetcher(self.pages.get, self.store, self.summary, now, user_agent)
        self.walker = ListingWalker(base_url, self.store, self.pages.get, self._allowed,
                                    self.articles.save, self.summary, full=full,
                                    max_pages=max_pages, aliases=tuple(sorted(hosts)))
        self._bar = None

    def _allowed(self, url: str) -> bool:
        return self.robots.allowed(url)

    def _slow_down(self, crawl_delay: float) -> None:
        if crawl_delay > self.client.delay:
            log.info("robots.txt asks for %gs between requests", crawl_delay)
            self.client.delay = crawl_delay

    # run ------------------------------------------------------------------------------------
    def run(self) -> CrawlSummary:
        self.robots.for_url(self.base + "/", first=True)
        known = self.store.scan()
        with self._progress_bar():
            for lang in self.langs:
                self._crawl_language(lang, known)
        return self.summary

    def _crawl_language(self, lang: str, known: dict) -> None:
        self._set_desc(f"{lang} listing")
        pending = self.walker.pending(lang, known)
        links = self.walker.walk(lang, known)
        if links is None:
            log.warning("listing of %s broke off: the articles it showed wait for the next run",
                        lang)
            links = []
        todo = self._todo(unique(links + pending), known)
        self._set_desc(f"{lang} articles")
        self._grow(len(todo))
        # oldest first (ids grow with time): an interrupted run leaves the newest
        for link in sorted(todo, key=lambda link: link.site_id):
            self.articles.fetch(link.key, link.url, known.get(link.key))

    def _todo(self, links: list[ArticleLink], known: dict) -> list[ArticleLink]:
        """The links to fetch: allowed, and unknown (or every one, with --full)."""
        todo = []
        for link in links:
            if not self._allowed(link.url):
                self.summary.skipped_robots += 1
                log.info("robots.txt disallows %s", link.url)
            elif link.key in known and not self.full:
                self.summary.already_had += 1
            else:
                todo.append(link)
        return todo

    # progress -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _progress_bar(self):
        if not (self.progress and sys.stderr.isatty()):
            yield
            return
        from tqdm import tqdm
        from tqdm.contrib.logging import logging_redirect_tqdm

        with tqdm(total=0, unit="page", desc="fetch", file=sys.stderr, leave=True) as bar, \
                logging_redirect_tqdm(loggers=[log]):
            self._bar = bar
            try:
                yield
            finally:
                self._bar = None

    def _set_desc(self, text: str) -> None:
        if self._bar is not None:
            self._bar.set_description(text)

    def _grow(self, n: int) -> None:
        if self._bar is not None:
            self._bar.total = (self._bar.total or 0) + n
            self._bar.refresh()

    def _tick(self) -> None:
        if self._bar is not None:
            if self._bar.n >= (self._bar.total or 0):
                self._bar.total = self._bar.n + 1
            self._bar.update(1)
            self._bar.set_postfix_str(f"{self.summary.new} new", refresh=False)


def crawl(base_url: str = DEFAULT_BASE_URL, raw_dir: Path = DEFAULT_RAW, langs=LANGS,
          delay: float = DEFAULT_DELAY, full: bool = False, progress: bool = True,
          **options) -> CrawlSummary:
    """Crawl the site into `raw_dir`; see the package docstring. Raises FetchError offline.

    `options` go to Crawler (transport, timeout, deadline, policy, sleep, clock, now,
    mirror_hosts, max_pages, user_agent) and exist for the tests.
    """
    return Crawler(base_url, Path(raw_dir), list(langs or LANGS), delay, full,
                   progress=progress, **options).run()
