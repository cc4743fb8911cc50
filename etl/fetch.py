"""The polite, incremental, resumable crawler: live site -> data/raw/.

`crawl(base_url, raw_dir, langs, delay, full)` walks the listing pages `{base}/{lang}/news?page=N`
newest first, follows every article link `/{lang}/news/{id}` and saves each page it gets.

Captures (never edited, never deleted; a changed page is a new capture beside the old one)::

    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_{sha256[:16]}.html            the body, as received
    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_{sha256[:16]}.html.meta.json  its sidecar
    RAW/{lang}/news-pages/page-{n}/...                                     listing pages, alike
    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_404.meta.json                  a 404: sidecar only

The sidecar holds `url` (where the body came from, after redirects), `requested_url`,
`fetched_at` (ISO 8601 UTC), `status`, `etag`, `last_modified`, `sha256`, `content_type`,
`user_agent`. Paths do not depend on the host: www. and the mirror are the same page. Each file
is written under a temporary name and moved into place with os.replace, body first, sidecar
last, with Ctrl-C held back between the two: the sidecar is the record that a capture exists.

What the crawler has is read from those sidecars on every run (no other state). A normal run
re-checks listing pages with conditional requests, stops paging at the first listing page whose
articles are all known, and fetches only unknown articles, oldest first; articles that saved
listing pages show but that have no capture yet (left by an interrupted run, or by a page that
failed) are fetched too, so an interrupted run is simply continued. `--full` walks every listing
page and re-checks every known article with If-None-Match / If-Modified-Since.

Politeness: robots.txt is read first (per host, including the mirror) and obeyed, with its
Crawl-delay when longer than --delay; one request at a time, spaced by that delay; a timeout on
every request; retries with exponential backoff on timeouts, connection errors, 429 and 5xx,
honouring Retry-After; a bounded number of tries, then the page is reported as failed; 404 is
recorded and not retried. Without network the crawl stops at once with FetchError and writes
nothing.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import http.client
import json
import logging
import os
import re
import signal
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urljoin, urlsplit

from .html_text import SITE_HOSTS, canonical_url, parse_news_url

log = logging.getLogger("etl.fetch")

DEFAULT_BASE_URL = "https://saylav.gov.tm"
DEFAULT_RAW = Path("data/raw")
LANGS = ("en", "tk", "ru")
DEFAULT_DELAY = 1.0
PROJECT = "saylav-archive"
from .version import __version__ as VERSION  # noqa: E402 - single-sourced in pyproject.toml
#: Where the site's operators can reach the maintainers; override with SAYLAV_CONTACT.
CONTACT = os.environ.get("SAYLAV_CONTACT", "saylav-archive maintainers, see the README of the saylav-archive repository")
USER_AGENT = f"{PROJECT}/{VERSION} (open-data archive of saylav.gov.tm; contact: {CONTACT})"

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
    "at a time, only what is new (or, with --full, re-checked with conditional requests)."
)

REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_BODY = 20 * 1024 * 1024


class FetchError(Exception):
    """The crawl cannot go on: the site is unreachable (at the start, or the network went away).

    `summary` holds what was done before, when anything was.
    """

    def __init__(self, message: str, summary: "CrawlSummary | None" = None):
        super().__init__(message)
        self.summary = summary


@dataclass
class CrawlSummary:
    new: int = 0  # captures saved (articles and listing pages)
    unchanged: int = 0  # re-checked: 304, or the same bytes as the last capture
    failed: int = 0  # gave up after the allowed tries, or an unexpected status
    skipped_robots: int = 0  # not requested: robots.txt disallows it
    not_found: int = 0  # 404/410 answers (recorded, never retried by a normal run)
    already_had: int = 0  # known articles a normal run did not request again
    listing_pages: int = 0  # listing pages read
    requests: int = 0  # HTTP requests sent, robots.txt and retries included
    failures: list = field(default_factory=list)  # (url, reason)

    def __str__(self) -> str:
        return (f"{self.new} new, {self.unchanged} unchanged, {self.failed} failed, "
                f"{self.skipped_robots} skipped by robots, {self.not_found} not found "
                f"({self.already_had} already had; {self.listing_pages} listing pages, "
                f"{self.requests} requests)")


# ----------------------------------------------------------------------------------------------
# HTTP: one request, no redirects followed, every answer returned


@dataclass
class Response:
    url: str
    status: int
    headers: dict  # lower-case names
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class TransportError(Exception):
    """No HTTP answer: `kind` is "timeout", "dns" or "connection"."""

    def __init__(self, url: str, kind: str, reason: str):
        super().__init__(f"{kind}: {reason}")
        self.url, self.kind, self.reason = url, kind, reason


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the crawler follows redirects itself, checking host and robots.txt


class UrllibTransport:
    """`transport(url, headers) -> Response`, raising TransportError when there is no answer."""

    def __init__(self, timeout: float = 30.0):
        self.timeout = timeout
        self.opener = urllib.request.build_opener(_NoRedirect())

    def __call__(self, url: str, headers: dict) -> Response:
        req = urllib.request.Request(url, headers=headers, method="GET")
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                body = resp.read(MAX_BODY + 1)
                return Response(resp.geturl(), resp.status, _lower(resp.headers), body)
        except urllib.error.HTTPError as err:
            try:
                body = err.read(MAX_BODY + 1) or b""
            except (OSError, http.client.HTTPException):
                body = b""
            return Response(url, err.code, _lower(err.headers), body)
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise TransportError(url, "timeout", str(reason)) from None
            if isinstance(reason, socket.gaierror):
                raise TransportError(url, "dns", str(reason)) from None
            raise TransportError(url, "connection", str(reason)) from None
        except (TimeoutError, socket.timeout) as err:
            raise TransportError(url, "timeout", str(err) or "timed out") from None
        except (OSError, http.client.HTTPException) as err:
            raise TransportError(url, "connection", f"{type(err).__name__}: {err}") from None


def _lower(headers) -> dict:
    return {k.lower(): v for k, v in (headers.items() if headers else [])}


# ----------------------------------------------------------------------------------------------
# Politeness: spacing and retries


@dataclass
class RetryPolicy:
    max_tries: int = 4
    backoff_base: float = 2.0  # seconds before the 2nd try; doubled for each next one
    backoff_max: float = 60.0
    retry_after_max: float = 300.0  # a Retry-After longer than this: give up on the page

    def backoff(self, attempt: int) -> float:
        return min(self.backoff_max, self.backoff_base * 2 ** (attempt - 1))


def retryable_status(status: int) -> bool:
    return status == 429 or 500 <= status <= 599


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d+(\.\d+)?", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - now)


@dataclass
class Outcome:
    """What came of asking for one URL: a response, or why there is none."""

    response: Response | None
    tries: int
    error: str | None = None  # set when the crawler gave up
    transport_failure: bool = False  # gave up because nothing answered (network)


@dataclass
class PageResult:
    status: int  # 200, 304, 404 or 410
    body: bytes  # the page: from the response, or from its last capture after a 304
    response: Response
    changed: bool  # a 200 whose bytes differ from the last capture (or there was none)


class PoliteClient:
    """Spaced, retried GETs. `sleep` and `clock` are injectable so tests stay fast."""

    def __init__(self, transport, user_agent: str = USER_AGENT, delay: float = DEFAULT_DELAY,
                 policy: RetryPolicy | None = None, sleep: Callable = time.sleep,
                 clock: Callable = time.monotonic, wall: Callable = time.time):
        self.transport = transport
        self.user_agent = user_agent
        self.delay = delay
        self.policy = policy or RetryPolicy()
        self.sleep, self.clock, self.wall = sleep, clock, wall
        self.requests = 0
        self._last_end: float | None = None

    def _pace(self) -> None:
        if self._last_end is not None:
            wait = self._last_end + self.delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    def once(self, url: str, headers: dict | None = None) -> Response:
        """One request, after waiting out the delay since the end of the previous one."""
        self._pace()
        hdrs = {"User-Agent": self.user_agent, "Accept": "text/html,*/*;q=0.5",
                "Accept-Language": "en, tk, ru"}
        hdrs.update(headers or {})
        self.requests += 1
        try:
            return self.transport(url, hdrs)
        finally:
            self._last_end = self.clock()

    def get(self, url: str, headers: dict | None = None, max_tries: int | None = None) -> Outcome:
        tries = max_tries or self.policy.max_tries
        reason = ""
        for attempt in range(1, tries + 1):
            wait = self.policy.backoff(attempt)
            try:
                resp = self.once(url, headers)
            except TransportError as err:
                reason = str(err)
                last_transport = True
            else:
                if not retryable_status(resp.status):
                    return Outcome(resp, attempt)
                last_transport = False
                reason = f"HTTP {resp.status}"
                after = parse_retry_after(resp.header("retry-after"), self.wall())
                if after is not None:
                    if after > self.policy.retry_after_max:
                        reason += f", Retry-After {after:g}s is too long"
                        return Outcome(resp, attempt, reason)
                    wait = max(wait, after)
                if attempt == tries:
                    return Outcome(resp, attempt, reason)
            if attempt < tries:
                log.info("retrying %s in %.1fs (%s)", url, wait, reason)
                self.sleep(wait)
        return Outcome(None, tries, reason, transport_failure=last_transport)


# ----------------------------------------------------------------------------------------------
# robots.txt (RFC 9309: groups, longest match, Allow wins ties, * and $; plus Crawl-delay)


@dataclass
class Robots:
    rules: list = field(default_factory=list)  # (allow: bool, pattern)
    crawl_delay: float | None = None
    disallow_all: bool = False

    @classmethod
    def parse(cls, text: str, user_agent: str = USER_AGENT) -> "Robots":
        token = user_agent.split("/", 1)[0].strip().lower()
        groups: list[tuple[list[str], list, list]] = []  # (agents, rules, delays)
        current = None
        for raw in text.splitlines():
            line = raw.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (p.strip() for p in line.split(":", 1))
            key = key.lower()
            if key == "user-agent":
                if current is not None and (current[1] or current[2]):
                    current = None
                if current is None:
                    current = ([], [], [])
                    groups.append(current)
                current[0].append(value.lower())
            elif current is None:
                continue
            elif key in ("allow", "disallow"):
                if value:
                    current[1].append((key == "allow", value))
            elif key == "crawl-delay":
                try:
                    current[2].append(float(value))
                except ValueError:
                    pass
        mine = [g for g in groups if any(a != "*" and a in token for a in g[0])]
        chosen = mine or [g for g in groups if "*" in g[0]]
        robots = cls()
        for _, rules, delays in chosen:
            robots.rules.extend(rules)
            if delays:
                robots.crawl_delay = max(delays + [robots.crawl_delay or 0.0])
        return robots

    def allowed(self, url: str) -> bool:
        if self.disallow_all:
            return False
        parts = urlsplit(url)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if path == "/robots.txt":
            return True
        best: tuple[int, bool] | None = None
        for allow, pattern in self.rules:
            if _robots_match(pattern, path):
                rank = (len(pattern), allow)
                if best is None or rank > best:
                    best = rank
        return True if best is None else best[1]


def _robots_match(pattern: str, path: str) -> bool:
    regex = re.escape(pattern).replace(r"\*", ".*")
    if regex.endswith(r"\$"):
        regex = regex[:-2] + "$"
    return re.match(regex, path) is not None


# ----------------------------------------------------------------------------------------------
# Planning: listing pages -> article links (pure)


@dataclass(frozen=True)
class ArticleLink:
    lang: str
    section: str
    site_id: int
    url: str


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag.lower() == "a":
            for k, v in attrs:
                if k.lower() == "href" and v:
                    self.hrefs.append(v)


def listing_url(base_url: str, lang: str, page: int) -> str:
    return f"{base_url}/{lang}/news?page={page}"


def article_url(base_url: str, lang: str, site_id: int, section: str = "news") -> str:
    return f"{base_url}/{lang}/{section}/{site_id}"


def parse_listing(html: str, page_url: str, lang: str | None = None, aliases=()) -> list[ArticleLink]:
    """Article links of a listing page, in page order, each once: `/{lang}/news/{id}`."""
    parser = _Anchors()
    parser.feed(html)
    parser.close()
    base = _origin(page_url)
    out: list[ArticleLink] = []
    seen: set = set()
    for href in parser.hrefs:
        url = canonical_url(href, page_url, aliases)
        l, section, site_id = parse_news_url(url)
        if url is None or section != "news" or site_id is None:
            continue
        if lang is not None and l != lang:
            continue
        if (l, site_id) in seen:
            continue
        seen.add((l, site_id))
        out.append(ArticleLink(l, section, site_id, article_url(base, l, site_id)))
    return out


def _unique(links: list[ArticleLink]) -> list[ArticleLink]:
    seen: dict = {}
    for link in links:
        seen.setdefault((link.lang, link.section, link.site_id), link)
    return list(seen.values())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# ----------------------------------------------------------------------------------------------
# Captures on disk


@dataclass
class Record:
    """The newest sidecar of one page."""

    key: tuple
    meta_path: Path
    body_path: Path | None
    status: int
    fetched_at: str
    etag: str | None
    last_modified: str | None
    sha256: str | None


def page_key(url: str) -> tuple | None:
    """("en", "news", 12) for an article, ("en", "news-pages", 3) for a listing page."""
    lang, section, site_id = parse_news_url(url)
    if lang is None or section is None:
        return None
    if site_id is not None:
        return (lang, section, site_id)
    if section == "news":
        pages = parse_qs(urlsplit(url).query).get("page") or ["1"]
        if pages[0].isdigit():
            return (lang, "news-pages", int(pages[0]))
    return None


def key_dir(root: Path, key: tuple) -> Path:
    lang, section, n = key
    if section == "news-pages":
        return root / lang / section / f"page-{n}"
    return root / lang / section / str(n)


@contextlib.contextmanager
def _hold_interrupts():
    """Defer Ctrl-C until the block is done (main thread only), so a capture is whole."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *a: caught.append(a))
    except ValueError:  # not in the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            raise KeyboardInterrupt


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.part-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


class CaptureStore:
    """Reads what the raw folder holds (from the sidecars) and adds new captures to it."""

    def __init__(self, root: Path):
        self.root = Path(root)

    def scan(self) -> dict[tuple, Record]:
        """The newest record of every page the crawler has captured, by page key."""
        latest: dict[tuple, tuple] = {}
        if not self.root.is_dir():
            return {}
        for meta_path in self.root.rglob("*.meta.json"):
            if meta_path.name.startswith("."):
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(meta, dict) or "status" not in meta or "sha256" not in meta:
                continue  # not one of the crawler's own captures (e.g. a hand-made text one)
            key = page_key(meta.get("requested_url") or meta.get("url") or "")
            if key is None:
                continue
            body = meta_path.with_name(meta_path.name[: -len(".meta.json")])
            rec = Record(key, meta_path, body if body.is_file() else None,
                         int(meta.get("status") or 0), str(meta.get("fetched_at") or ""),
                         meta.get("etag"), meta.get("last_modified"), meta.get("sha256"))
            order = (rec.fetched_at, _mtime(meta_path), meta_path.name)
            if key not in latest or order > latest[key][0]:
                latest[key] = (order, rec)
        return {key: rec for key, (_, rec) in latest.items()}

    def read_body(self, rec: Record) -> bytes | None:
        if rec.body_path is None:
            return None
        try:
            return rec.body_path.read_bytes()
        except OSError:
            return None

    def save(self, key: tuple, resp: Response, requested_url: str, fetched: datetime,
             user_agent: str) -> Record:
        sha = hashlib.sha256(resp.body).hexdigest()
        stamp = fetched.strftime("%Y%m%dT%H%M%SZ")
        folder = key_dir(self.root, key)
        body_path = folder / f"{stamp}_{sha[:16]}{_suffix(resp.header('content-type'))}"
        meta = self._meta(resp, requested_url, fetched, user_agent, sha)
        with _hold_interrupts():
            folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(body_path, resp.body)
            meta_path = body_path.with_name(body_path.name + ".meta.json")
            _atomic_write(meta_path, _dump(meta))
        return Record(key, meta_path, body_path, resp.status, meta["fetched_at"],
                      meta["etag"], meta["last_modified"], sha)

    def record_missing(self, key: tuple, resp: Response, requested_url: str, fetched: datetime,
                       user_agent: str) -> Record:
        """A sidecar with no body, so a 404 is remembered."""
        stamp = fetched.strftime("%Y%m%dT%H%M%SZ")
        folder = key_dir(self.root, key)
        meta_path = folder / f"{stamp}_{resp.status}.meta.json"
        meta = self._meta(resp, requested_url, fetched, user_agent, None)
        with _hold_interrupts():
            folder.mkdir(parents=True, exist_ok=True)
            _atomic_write(meta_path, _dump(meta))
        return Record(key, meta_path, None, resp.status, meta["fetched_at"], None, None, None)

    @staticmethod
    def _meta(resp, requested_url, fetched, user_agent, sha) -> dict:
        return {
            "url": resp.url,
            "requested_url": requested_url,
            "fetched_at": fetched.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "status": resp.status,
            "etag": resp.header("etag"),
            "last_modified": resp.header("last-modified"),
            "sha256": sha,
            "content_type": resp.header("content-type"),
            "user_agent": user_agent,
        }


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _suffix(content_type: str | None) -> str:
    ctype = (content_type or "text/html").split(";", 1)[0].strip().lower()
    if "html" in ctype:
        return ".html"
    if ctype == "text/plain":
        return ".txt"
    return ".bin"


def _dump(meta: dict) -> bytes:
    return (json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


# ----------------------------------------------------------------------------------------------
# The crawl


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


class Crawler:
    def __init__(self, base_url: str = DEFAULT_BASE_URL, raw_dir: Path = DEFAULT_RAW,
                 langs=LANGS, delay: float = DEFAULT_DELAY, full: bool = False, *,
                 progress: bool = False, transport=None, timeout: float = 30.0,
                 policy: RetryPolicy | None = None, sleep: Callable = time.sleep,
                 clock: Callable = time.monotonic, now: Callable = _utcnow,
                 mirror_hosts=(), max_pages: int = 2000, max_network_failures: int = 3,
                 user_agent: str = USER_AGENT):
        base_url = base_url.rstrip("/")
        if urlsplit(base_url).scheme not in ("http", "https") or not urlsplit(base_url).netloc:
            raise ValueError(f"not an http(s) URL: {base_url!r}")
        bad = [lang for lang in langs if lang not in LANGS]
        if bad:
            raise ValueError(f"unknown language(s) {bad}: choose from {', '.join(LANGS)}")
        self.base = base_url
        self.store = CaptureStore(Path(raw_dir))
        self.langs = list(dict.fromkeys(langs)) or list(LANGS)
        self.delay = delay
        self.full = full
        self.progress = progress
        self.user_agent = user_agent
        self.client = PoliteClient(transport or UrllibTransport(timeout), user_agent, delay,
                                   policy, sleep, clock)
        self.now = now
        self.max_pages = max_pages
        self.max_network_failures = max_network_failures
        host = _host(base_url)
        bare = host[4:] if host.startswith("www.") else host
        self.hosts = {host, bare, "www." + bare} | {h.lower() for h in mirror_hosts}
        if bare in SITE_HOSTS:
            self.hosts |= set(SITE_HOSTS)
        self.aliases = tuple(sorted(self.hosts))
        self.robots: dict[str, Robots] = {}
        self.summary = CrawlSummary()
        self._network_failures = 0
        self._bar = None

    # robots.txt ------------------------------------------------------------------------------
    def _robots_for(self, url: str, first: bool = False) -> Robots:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host in self.robots:
            return self.robots[host]
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        outcome = None
        for _ in range(MAX_REDIRECTS + 1):
            # the very first request tells whether there is a network: one try, no backoff
            outcome = self._request(robots_url, {}, max_tries=1 if first else None)
            if first and outcome.response is not None and outcome.error:
                outcome = self._request(robots_url, {})  # 5xx: the usual retries
            resp = outcome.response
            if resp is None or resp.status not in REDIRECTS or not resp.header("location"):
                break
            target = urljoin(robots_url, resp.header("location"))
            if _host(target) not in self.hosts:
                break
            robots_url = target
        resp = outcome.response
        if resp is None or outcome.error or retryable_status(resp.status):
            why = outcome.error or f"HTTP {resp.status}"
            if first:
                raise FetchError(f"cannot reach {robots_url} ({why}): is the network up? "
                                 "Nothing was fetched and the captures folder is unchanged.")
            log.warning("robots.txt of %s unavailable (%s): not crawling that host", host, why)
            robots = Robots(disallow_all=True)
        elif resp.status == 200:
            robots = Robots.parse(resp.body.decode("utf-8", "replace"), self.user_agent)
        elif resp.status in (401, 403):
            robots = Robots(disallow_all=True)
        else:  # 404 and other 4xx: no rules
            robots = Robots()
        self.robots[host] = robots
        if robots.crawl_delay and robots.crawl_delay > self.client.delay:
            log.info("robots.txt of %s asks for %gs between requests", host, robots.crawl_delay)
            self.client.delay = robots.crawl_delay
        return robots

    def _allowed(self, url: str) -> bool:
        return self._robots_for(url).allowed(url)

    # one page -------------------------------------------------------------------------------
    def _request(self, url: str, headers: dict, max_tries: int | None = None) -> Outcome:
        outcome = self.client.get(url, headers, max_tries)
        self.summary.requests = self.client.requests
        return outcome

    def _fetch(self, url: str, headers: dict) -> Outcome:
        """GET with retries, following redirects within the site's hosts and robots.txt."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            outcome = self._request(current, headers)
            resp = outcome.response
            if outcome.error or resp is None or resp.status not in REDIRECTS:
                return outcome
            location = resp.header("location")
            if not location:
                return Outcome(resp, outcome.tries, f"HTTP {resp.status} without Location")
            target = urljoin(current, location)
            if urlsplit(target).scheme not in ("http", "https") or _host(target) not in self.hosts:
                return Outcome(resp, outcome.tries, f"redirect off the site to {target}")
            if not self._allowed(target):
                return Outcome(resp, outcome.tries, f"redirect to {target}, disallowed by robots")
            current = target
        return Outcome(None, MAX_REDIRECTS + 1, f"more than {MAX_REDIRECTS} redirects")

    def _fail(self, url: str, outcome: Outcome) -> None:
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

    def _validators(self, rec: Record | None) -> dict:
        headers = {}
        if rec is not None and rec.status == 200 and rec.body_path is not None:
            if rec.etag:
                headers["If-None-Match"] = rec.etag
            if rec.last_modified:
                headers["If-Modified-Since"] = rec.last_modified
        return headers

    def _get_page(self, url: str, known: Record | None) -> "PageResult | None":
        """Fetch one page, conditionally when it was captured before; None when it failed."""
        outcome = self._fetch(url, self._validators(known))
        self._tick()
        resp = outcome.response
        if outcome.error or resp is None:
            self._fail(url, outcome)
            return None
        self._network_failures = 0
        if resp.status == 304:
            body = self.store.read_body(known) if known else None
            if body is not None:
                return PageResult(304, body, resp, changed=False)
            # a 304 with no capture to read (one was removed by hand): ask again, plainly
            outcome = self._fetch(url, {})
            resp = outcome.response
            if outcome.error or resp is None:
                self._fail(url, outcome)
                return None
        if resp.status == 200:
            sha = hashlib.sha256(resp.body).hexdigest()
            changed = known is None or known.sha256 != sha
            return PageResult(200, resp.body, resp, changed)
        if resp.status in (404, 410):
            return PageResult(resp.status, b"", resp, changed=False)
        self._fail(url, Outcome(resp, outcome.tries, f"HTTP {resp.status}"))
        return None

    def _save(self, key: tuple, url: str, result: "PageResult") -> None:
        self.store.save(key, result.response, url, self.now(), self.user_agent)
        self.summary.new += 1

    def _article(self, key: tuple, url: str, known: Record | None) -> None:
        result = self._get_page(url, known)
        if result is None:
            return
        if result.status in (404, 410):
            self.summary.not_found += 1
            if not (known is not None and known.status == result.status):
                self.store.record_missing(key, result.response, url, self.now(),
                                          self.user_agent)
        elif result.changed:
            self._save(key, url, result)
        else:
            self.summary.unchanged += 1

    # the walk -------------------------------------------------------------------------------
    def _walk(self, lang: str, known: dict) -> list[ArticleLink] | None:
        """Listing pages newest first; the article links seen, newest first.

        None when the walk broke off (a listing page failed): then this run fetches no article
        of `lang`, so that what is captured stays "everything older than some point" and the
        next run's walk finds the rest.
        """
        links: list[ArticleLink] = []
        seen: set = set()
        for page in range(1, self.max_pages + 1):
            url = listing_url(self.base, lang, page)
            if not self._allowed(url):
                self.summary.skipped_robots += 1
                log.warning("robots.txt disallows %s: not walking further", url)
                return links
            key = (lang, "news-pages", page)
            result = self._get_page(url, known.get(key))
            if result is None:
                return None
            if result.status != 200 and result.status != 304:
                return links  # past the last page (404)
            page_links = parse_listing(result.body.decode("utf-8", "replace"), url, lang,
                                       self.aliases)
            if not any(link.site_id not in seen for link in page_links):
                return links  # past the last page: empty, or a page seen already
            self.summary.listing_pages += 1
            if result.changed:
                self._save(key, url, result)
            else:
                self.summary.unchanged += 1
            for link in page_links:
                if link.site_id not in seen:
                    seen.add(link.site_id)
                    links.append(link)
            if not self.full and all(self._settled(link, known) for link in page_links):
                return links
        log.warning("stopped %s after %d listing pages", lang, self.max_pages)
        return links

    def _pending(self, lang: str, known: dict) -> list[ArticleLink]:
        """Articles that saved listing pages show but that have no capture yet.

        They are left by an interrupted run, or by a page that failed: fetched whether or not
        this run's walk reaches their listing page again.
        """
        out = []
        for key, rec in sorted(known.items()):
            if key[0] != lang or key[1] != "news-pages":
                continue
            body = self.store.read_body(rec)
            if body is None:
                continue
            url = listing_url(self.base, lang, key[2])
            for link in parse_listing(body.decode("utf-8", "replace"), url, lang, self.aliases):
                if (link.lang, link.section, link.site_id) not in known:
                    out.append(link)
        return out

    def _settled(self, link: ArticleLink, known: dict) -> bool:
        return (link.lang, link.section, link.site_id) in known or not self._allowed(link.url)

    # run ------------------------------------------------------------------------------------
    def run(self) -> CrawlSummary:
        self._robots_for(self.base + "/", first=True)
        known = self.store.scan()
        with self._progress_bar():
            for lang in self.langs:
                self._set_desc(f"{lang} listing")
                pending = self._pending(lang, known)
                links = self._walk(lang, known)
                if links is None:
                    log.warning("listing of %s broke off: the articles it showed wait for the "
                                "next run", lang)
                    links = []
                todo = []
                for link in _unique(links + pending):
                    key = (link.lang, link.section, link.site_id)
                    if not self._allowed(link.url):
                        self.summary.skipped_robots += 1
                        log.info("robots.txt disallows %s", link.url)
                    elif key in known and not self.full:
                        self.summary.already_had += 1
                    else:
                        todo.append((key, link))
                self._set_desc(f"{lang} articles")
                self._grow(len(todo))
                # oldest first (ids grow with time): an interrupted run leaves the newest
                for key, link in sorted(todo, key=lambda t: t[1].site_id):
                    self._article(key, link.url, known.get(key))
        return self.summary

    # progress -------------------------------------------------------------------------------
    @contextlib.contextmanager
    def _progress_bar(self):
        enabled = self.progress and sys.stderr.isatty()
        if not enabled:
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
    """Crawl the site into `raw_dir`; see the module docstring. Raises FetchError offline.

    `options` go to Crawler (transport, timeout, policy, sleep, clock, now, mirror_hosts,
    max_pages, user_agent) and exist for the tests.
    """
    return Crawler(base_url, Path(raw_dir), list(langs or LANGS), delay, full,
                   progress=progress, **options).run()
