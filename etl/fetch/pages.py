"""One page of the site: `PageFetcher.get(url, known) -> PageResult | None`.

A retried GET (client.py) that follows redirects only within the site's own hosts and only
where robots.txt allows, asks conditionally (If-None-Match / If-Modified-Since) for a page
captured before, and turns every way of failing into one counted failure with its reason
(`summary.failed`, `summary.failures`, a warning). Several network failures in a row end the
crawl with FetchError: what was saved is kept.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urljoin, urlsplit

from .client import Outcome, PoliteClient
from .common import MAX_REDIRECTS, CrawlSummary, FetchError
from .robots import REDIRECTS
from .store import CaptureStore, Record, is_html
from .transport import Response

log = logging.getLogger("etl.fetch")


@dataclass
class PageResult:
    status: int  # 200, 304, 404 or 410
    body: bytes  # the page: from the response, or from its last capture after a 304
    response: Response
    changed: bool  # a 200 whose bytes differ from the last capture (or there was none)
    html: bool = True  # the body is an HTML page (store.is_html), not a PDF, image, ...


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def validators(rec: Record | None) -> dict:
    """The conditional headers for a page captured before (none for a 404 or a lost body)."""
    headers = {}
    if rec is not None and rec.status == 200 and rec.body_path is not None:
        if rec.etag:
            headers["If-None-Match"] = rec.etag
        if rec.last_modified:
            headers["If-Modified-Since"] = rec.last_modified
    return headers


class PageFetcher:
    """Fetches pages of one site; counts what failed in `summary`."""

    def __init__(self, client: PoliteClient, store: CaptureStore, hosts,
                 allowed: Callable[[str], bool], summary: CrawlSummary,
                 max_network_failures: int = 3, tick: Callable[[], None] = lambda: None):
        self.client = client
        self.store = store
        self.hosts = hosts
        self.allowed = allowed
        self.summary = summary
        self.max_network_failures = max_network_failures
        self.tick = tick
        self._network_failures = 0

    def request(self, url: str, headers: dict, max_tries: int | None = None, **limits) -> Outcome:
        """One retried GET, counted in the summary."""
        outcome = self.client.get(url, headers, max_tries, **limits)
        self.summary.requests = self.client.requests
        return outcome

    def follow(self, url: str, headers: dict) -> Outcome:
        """GET with retries, following redirects within the site's hosts and robots.txt."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            outcome = self.request(current, headers)
            resp = outcome.response
            if outcome.error or resp is None or resp.status not in REDIRECTS:
                return outcome
            location = resp.header("location")
            if not location:
                return Outcome(resp, outcome.tries, f"HTTP {resp.status} without Location")
            target = urljoin(current, location)
            if urlsplit(target).scheme not in ("http", "https") or _host(target) not in self.hosts:
                return Outcome(resp, outcome.tries, f"redirect off the site to {target}")
            if not self.allowed(target):
                return Outcome(resp, outcome.tries, f"redirect to {target}, disallowed by robots")
            current = target
        return Outcome(None, MAX_REDIRECTS + 1, f"more than {MAX_REDIRECTS} redirects")

    def fail(self, url: str, outcome: Outcome) -> None:
        """Count a page given up on; stop the crawl when the network seems gone."""
        self.summary.failed += 1
        self.summary.failures.append((url, outcome.error))
        log.warning("giving up on %s after %d %s: %s", url, outcome.tries,
                    "try" if outcome.tries == 1 else "tries", outcome.error)
        if outcome.transport_failure:
            self._network_failures += 1
            if self._network_failures >= self.max_network_failures:
                raise FetchError(
                    f"the site stopped answering ({outcome.error}); what was saved is kept and "
                    "the next run continues from there", self.summary)
        else:
            self._network_failures = 0

    def get(self, url: str, known: Record | None) -> PageResult | None:
        """Fetch one page, conditionally when it was captured before; None when it failed."""
        outcome = self.follow(url, validators(known))
        self.tick()
        resp = outcome.response
        if outcome.error or resp is None:
            self.fail(url, outcome)
            return None
        self._network_failures = 0
        if resp.status == 304:
            body = self.store.read_body(known) if known else None
            if body is not None:
                return PageResult(304, body, resp, changed=False,
                                  html=known.body_path.suffix == ".html")
            # a 304 with no capture to read (one was removed by hand): ask again, plainly
            outcome = self.follow(url, {})
            resp = outcome.response
            if outcome.error or resp is None:
                self.fail(url, outcome)
                return None
        if resp.status == 200:
            sha = hashlib.sha256(resp.body).hexdigest()
            changed = known is None or known.sha256 != sha
            return PageResult(200, resp.body, resp, changed,
                              html=is_html(resp.header("content-type"), resp.body))
        if resp.status in (404, 410):
            return PageResult(resp.status, b"", resp, changed=False)
        self.fail(url, Outcome(resp, outcome.tries, f"HTTP {resp.status}"))
        return None
