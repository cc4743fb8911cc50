"""The polite, incremental, resumable crawler: live site -> data/raw/.

`crawl(base_url, raw_dir, langs, delay, full)` walks the listing pages `{base}/{lang}/news?page=N`
newest first, follows every article link `/{lang}/news/{id}` and saves each page it gets. The
stages, one module each:

    transport.py  one HTTP GET, bounded: a total deadline (DNS, connect, headers, body), a
                  silence timeout, a body size cap (decoded gzip/deflate included)
    client.py     politeness: requests spaced by the delay, retries with backoff, Retry-After
    robots.py     robots.txt per host: first 500 KiB, parsed by Protego, checked in microseconds
    pages.py      one page of the site: redirects within its hosts, conditional requests,
                  every failure counted with its reason
    walker.py     the listing walk: listing pages -> article links (at most 200 a page)
    articles.py   the article fetch: one article -> a capture, a 404 record, or nothing new
    store.py      the capture store: data/raw read from the sidecars, captures added atomically
    crawler.py    the run: wires the above together

Politeness: robots.txt is read first (per host, including the mirror) and obeyed, with its
Crawl-delay when longer than --delay; one request at a time; retries with exponential backoff on
timeouts, connection errors, 429 and 5xx, honouring Retry-After; a bounded number of tries, then
the page is reported as failed; 404 is recorded and not retried. Without network the crawl stops
at once with FetchError and writes nothing; a robots.txt answering 5xx says so.

Bounds (common.py): every request ends within DEADLINE seconds; a body over MAX_BODY bytes is a
failed fetch and is never saved; robots.txt is read up to MAX_ROBOTS_BYTES; a listing page gives
at most MAX_LINKS_PER_PAGE links; answers that are not HTML are saved as `.bin` with
`"html": false` in their sidecar and counted (`summary.non_html`).
"""

from __future__ import annotations

from . import store  # noqa: F401  (tests patch store._atomic_write)
from .articles import ArticleFetcher
from .client import Outcome, PoliteClient, RetryPolicy, parse_retry_after, retryable_status
from .common import (
    CONTACT,
    DEADLINE,
    DEFAULT_BASE_URL,
    DEFAULT_DELAY,
    DEFAULT_RAW,
    LANGS,
    MAX_BODY,
    MAX_LINKS_PER_PAGE,
    MAX_PAGES,
    MAX_REDIRECTS,
    MAX_ROBOTS_BYTES,
    PROJECT,
    SOCKET_TIMEOUT,
    USER_AGENT,
    VERSION,
    CrawlSummary,
    FetchError,
)
from .crawler import Crawler, crawl
from .pages import PageFetcher, PageResult
from .robots import REDIRECTS, Robots, RobotsBook, RuleIndex, read_robots_text
from .store import CaptureStore, Record, is_html, key_dir, page_key
from .transport import Deadline, HttpTransport, Response, TransportError, decode_body
from .walker import (
    ArticleLink,
    ListingPage,
    ListingWalker,
    article_url,
    listing_url,
    parse_listing,
    read_listing,
)

#: The transport's former name (it was built on urllib).
UrllibTransport = HttpTransport

#: Help text of the `saylav fetch` options, for etl/cli.py.
OPTION_HELP = {
    "base_url": f"Site to crawl (default {DEFAULT_BASE_URL}); www. and the mirror "
    "saylav.st.com.tm count as the same site.",
    "raw": f"Folder the captures go to (default {DEFAULT_RAW}); existing captures are never "
    "changed or deleted.",
    "lang": "Language to crawl: en, tk or ru; repeat for several (default: all three).",
    "delay": f"Seconds between requests (default {DEFAULT_DELAY:g}); robots.txt's Crawl-delay "
    "is used instead when longer.",
    "full": "Walk every listing page and re-check every known article with conditional "
    "requests (a normal run stops at the first page of known articles).",
}
COMMAND_HELP = (
    "Crawl saylav.gov.tm politely into the raw captures folder: robots.txt first, one request "
    "at a time, only what is new (or, with --full, re-checked with conditional requests). "
    f"Every request ends within {DEADLINE:g} s; a page over {MAX_BODY // (1024 * 1024)} MiB "
    "is a failed fetch, never saved."
)

__all__ = [
    "ArticleFetcher", "ArticleLink", "CONTACT", "COMMAND_HELP", "CaptureStore", "CrawlSummary",
    "Crawler", "DEADLINE", "DEFAULT_BASE_URL", "DEFAULT_DELAY", "DEFAULT_RAW", "Deadline",
    "FetchError", "HttpTransport", "LANGS", "ListingPage", "ListingWalker", "MAX_BODY",
    "MAX_LINKS_PER_PAGE", "MAX_PAGES", "MAX_REDIRECTS", "MAX_ROBOTS_BYTES", "OPTION_HELP",
    "Outcome", "PROJECT", "PageFetcher", "PageResult", "PoliteClient", "REDIRECTS", "Record",
    "Response", "RetryPolicy", "Robots", "RobotsBook", "RuleIndex", "SOCKET_TIMEOUT",
    "TransportError", "USER_AGENT", "UrllibTransport", "VERSION", "article_url", "crawl",
    "decode_body", "is_html", "key_dir", "listing_url", "page_key", "parse_listing",
    "parse_retry_after", "read_listing", "read_robots_text", "retryable_status",
]
