"""The article fetch: one article page -> a new capture, a 404 record, or nothing new.

`ArticleFetcher.fetch(key, url, known)` asks for the page (conditionally when it was captured
before), then: a 200 whose bytes changed is saved; a 200 that is not HTML (a PDF, an image) is
saved too, as `.bin` with `"html": false` in its sidecar, and counted in `summary.non_html` so
the loader can report it; a 404/410 is recorded once as a sidecar with no body; the same bytes
or a 304 count as unchanged. A failed fetch (counted by the PageFetcher) saves nothing.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from .common import CrawlSummary
from .pages import PageResult
from .store import CaptureStore, Record

log = logging.getLogger("etl.fetch")


class ArticleFetcher:
    """`get_page(url, known) -> PageResult | None`; captures go to `store`, counts to `summary`."""

    def __init__(self, get_page: Callable, store: CaptureStore, summary: CrawlSummary,
                 now: Callable[[], datetime], user_agent: str):
        self.get_page = get_page
        self.store = store
        self.summary = summary
        self.now = now
        self.user_agent = user_agent

    def fetch(self, key: tuple, url: str, known: Record | None) -> PageResult | None:
        result = self.get_page(url, known)
        if result is None:
            return None
        if result.status in (404, 410):
            self._missing(key, url, result, known)
        elif result.changed:
            self.save(key, url, result)
        else:
            self.summary.unchanged += 1
        return result

    def save(self, key: tuple, url: str, result: PageResult) -> None:
        """Store a page that is new or changed (articles and listing pages alike)."""
        self.store.save(key, result.response, url, self.now(), self.user_agent)
        self.summary.new += 1
        if not result.html:
            self.summary.non_html += 1
            log.warning("%s is not HTML (Content-Type %r): kept as .bin, marked in its sidecar",
                        url, result.response.header("content-type"))

    def _missing(self, key: tuple, url: str, result: PageResult, known: Record | None) -> None:
        self.summary.not_found += 1
        if not (known is not None and known.status == result.status):
            self.store.record_missing(key, result.response, url, self.now(), self.user_agent)
