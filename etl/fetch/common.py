"""What every part of the crawler shares: defaults, limits, the summary and the one error.

Every limit is here, with its unit, so that what the crawler will and will not do is read in one
place: time (seconds), size (bytes) and counts.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_BASE_URL = "https://saylav.gov.tm"
DEFAULT_RAW = Path("data/raw")
LANGS = ("en", "tk", "ru")
DEFAULT_DELAY = 1.0
PROJECT = "saylav-archive"
from ..version import __version__ as VERSION  # noqa: E402 - single-sourced in pyproject.toml
#: Where the site's operators can reach the maintainers; override with SAYLAV_CONTACT.
CONTACT = os.environ.get("SAYLAV_CONTACT", "saylav-archive maintainers, see the README of the saylav-archive repository")
USER_AGENT = f"{PROJECT}/{VERSION} (open-data archive of saylav.gov.tm; contact: {CONTACT})"

# -- limits -------------------------------------------------------------------------------------
#: Longest silence on a connection (seconds): no byte for this long and the request fails.
SOCKET_TIMEOUT = 30.0
#: Longest whole request (seconds): DNS, connect, TLS, headers and body together. A server that
#: trickles one byte a second is cut off here, however long it keeps going.
DEADLINE = 60.0
#: Largest page body (bytes, after gzip/deflate is decoded). Larger: a failed fetch, nothing saved.
MAX_BODY = 20 * 1024 * 1024
#: How much of robots.txt is read (bytes): the first 500 KiB, as Google does; the rest is ignored.
MAX_ROBOTS_BYTES = 500 * 1024
#: Article links taken from one listing page (the site shows about 10); more are dropped, loudly.
MAX_LINKS_PER_PAGE = 200
#: Redirects followed for one page, within the site's own hosts.
MAX_REDIRECTS = 5
#: Listing pages walked per language in one run.
MAX_PAGES = 2000
#: Verdicts of robots.txt remembered per host (URLs).
ROBOTS_MEMO = 4096


def kib(n: int) -> str:
    """A byte count for messages: "500 KiB", "20 MiB", "37 bytes"."""
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MiB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"


class FetchError(Exception):
    """The crawl cannot go on: the site is unreachable (at the start, or the network went away),
    or its robots.txt fails.

    `summary` holds what was done before, when anything was.
    """

    def __init__(self, message: str, summary: "CrawlSummary | None" = None):
        super().__init__(message)
        self.summary = summary


@dataclass
class CrawlSummary:
    """What one run did; printed by `saylav fetch`."""

    new: int = 0  # captures saved (articles and listing pages)
    unchanged: int = 0  # re-checked: 304, or the same bytes as the last capture
    failed: int = 0  # gave up: tries used up, a body over the cap, a bad answer
    skipped_robots: int = 0  # not requested: robots.txt disallows it
    not_found: int = 0  # 404/410 answers (recorded, never retried by a normal run)
    already_had: int = 0  # known articles a normal run did not request again
    listing_pages: int = 0  # listing pages read
    requests: int = 0  # HTTP requests sent, robots.txt and retries included
    non_html: int = 0  # answers saved that are not HTML (marked so in their sidecar)
    failures: list = field(default_factory=list)  # (url, reason)

    def __str__(self) -> str:
        return (f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed, "
                f"{self.skipped_robots} skipped by robots, {self.not_found} not found "
                f"({self.already_had} already had; {self.non_html} not HTML; "
                f"{self.listing_pages} listing pages, {self.requests} requests)")
