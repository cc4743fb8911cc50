"""robots.txt: read (at most 500 KiB), parsed by Protego, checked in microseconds.

- `read_robots_text(body)`: the first MAX_ROBOTS_BYTES bytes, cut at the last whole line so a
  rule is never read half (a cut "Allow: /news-archive" would allow "/news").
- `Robots.parse(text, user_agent)`: Protego (RFC 9309: groups, longest match, Allow wins ties,
  `*` and `$`; Crawl-delay) picks the group that applies to us and normalises its patterns.
- `Robots.allowed(url)`: the rules of that group are indexed (RuleIndex), so a check looks up
  the URL's prefixes and parts instead of trying every rule: its cost does not grow with the
  number of rules. Verdicts are memoised per URL (bounded).
  The result is Protego's own verdict (a test compares them); if Protego's internals ever change
  shape, `allowed` falls back to Protego's `can_fetch`, memoised.
- `RobotsBook`: one Robots per host, fetched once, with what a failed robots.txt means
  (RFC 9309: 4xx = no rules; 5xx or no answer = nothing may be crawled).
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit

from protego import Protego

from .client import Outcome, retryable_status
from .common import MAX_REDIRECTS, MAX_ROBOTS_BYTES, ROBOTS_MEMO, USER_AGENT, FetchError, kib

log = logging.getLogger("etl.fetch")

REDIRECTS = frozenset({301, 302, 303, 307, 308})

try:  # the URL normalisation Protego matches with, so the index sees what Protego would
    from protego._utils import _quote_path
except ImportError:  # pragma: no cover - a Protego without it: the fallback path is used
    _quote_path = None


def product_token(user_agent: str) -> str:
    """"saylav-archive" of "saylav-archive/0.1 (...)": what robots.txt groups name."""
    return user_agent.split("/", 1)[0].strip().lower()


def read_robots_text(body: bytes, truncated: bool = False) -> str:
    """robots.txt bytes as text; when `truncated`, the last (partial) line is dropped."""
    body = body[:MAX_ROBOTS_BYTES]
    if truncated:
        body = body[: body.rfind(b"\n") + 1]
    return body.decode("utf-8", "replace")


# ----------------------------------------------------------------------------------------------
# the index


class RuleIndex:
    """The rules of one robots.txt group, indexed for checks that cost the same however many.

    Built from Protego's normalised rules: (allow, pattern) where a pattern may hold `*` and may
    end in `$`. The winner is the matching rule with the longest pattern, Allow on ties (RFC
    9309, and Protego's order); no match: allowed.

    - plain prefixes: a dict, looked up with the URL's prefixes of the lengths rules have;
    - `...$` patterns: a dict, looked up with the whole URL;
    - wildcard patterns: up to WILD_SCAN of them are simply tried, longest first. More are
      filed under their rarest literal part (a rule can only match a URL that contains each of
      its parts), and only the files whose part occurs in the URL are tried. A flood of rules
      that differ somewhere is then as cheap as a few; rules built to share every part with
      the crawler's URLs still cost one try each (bounded by the 500 KiB read).
    """

    WILD_SCAN = 32

    def __init__(self, rules):
        self.plain: dict[str, bool] = {}  # prefix patterns -> allow
        self.exact: dict[str, tuple[int, bool]] = {}  # "...$" patterns -> (priority, allow)
        wild: dict[str, tuple] = {}  # pattern -> (priority, allow, match)
        for allow, pattern in rules:
            self._add(allow, pattern, wild)
        self.plain_lengths = sorted({len(p) for p in self.plain}, reverse=True)
        self.wild = _file_by_rarest_part(wild) if len(wild) > self.WILD_SCAN else {}
        self.wild_lengths = sorted({len(k) for k in self.wild})
        self.wild_few = sorted(wild.values(), key=lambda r: (r[0], r[1]), reverse=True) \
            if len(wild) <= self.WILD_SCAN else []

    def _add(self, allow: bool, pattern, wild: dict) -> None:
        text = pattern._pattern
        if pattern._contains_asterisk:
            rule = (len(text), allow, pattern.match)
            if text not in wild or rule[:2] > wild[text][:2]:
                wild[text] = rule
        elif pattern._contains_dollar:
            rank = (len(text), allow)
            self.exact[text[:-1]] = max(self.exact.get(text[:-1], rank), rank)
        else:
            self.plain[text] = self.plain.get(text, False) or allow

    def verdict(self, path: str) -> bool:
        """Allowed? `path` is normalised as Protego does (path and query)."""
        best = (-1, True)
        for n in self.plain_lengths:  # longest first: the first hit is the best plain rule
            if n <= len(path) and path[:n] in self.plain:
                best = (n, self.plain[path[:n]])
                break
        if path in self.exact:
            best = max(best, self.exact[path])
        best = _best_wild(self.wild_few, path, best)
        for part in self._parts_in(path):
            best = _best_wild(self.wild[part], path, best)
        return best[1]

    def _parts_in(self, path: str) -> set:
        """The filed parts that occur in `path` (at most len(path)^2 / 2 look-ups)."""
        found = set()
        for n in self.wild_lengths:
            if n > len(path):
                break
            for i in range(len(path) - n + 1):
                if path[i:i + n] in self.wild:
                    found.add(path[i:i + n])
        return found


def _parts(pattern: str) -> set:
    """The literal parts of a wildcard pattern ("/a*b$" -> {"/a", "b"}), empty ones left out."""
    return {p for p in pattern.rstrip("$").split("*") if p} or {""}


def _file_by_rarest_part(wild: dict) -> dict[str, list]:
    """Wildcard rules by the literal part of theirs that fewest rules share (ties: longest)."""
    counts = Counter(part for text in wild for part in _parts(text))
    files: dict[str, list] = {}
    for text, rule in wild.items():
        part = min(_parts(text), key=lambda p: (counts[p], -len(p)))
        files.setdefault(part, []).append(rule)
    for rules in files.values():
        rules.sort(key=lambda r: (r[0], r[1]), reverse=True)
    return files


def _best_wild(rules, path: str, best: tuple) -> tuple:
    """The best of `best` and the first of `rules` (longest first) that matches `path`."""
    for priority, allow, match in rules:
        if (priority, allow) <= best:
            break  # no rule left here can beat the best so far
        if match(path):
            return (priority, allow)
    return best


# ----------------------------------------------------------------------------------------------
# one host's rules


@dataclass
class Robots:
    """What one host's robots.txt says to us: `allowed(url)` and `crawl_delay`."""

    index: RuleIndex | None = None
    crawl_delay: float | None = None
    disallow_all: bool = False
    protego: Protego | None = None  # the fallback when the index could not be built
    token: str = ""
    memo: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, text: str, user_agent: str = USER_AGENT) -> "Robots":
        token = product_token(user_agent)
        parsed = Protego.parse(text)
        robots = cls(crawl_delay=parsed.crawl_delay(token), token=token)
        try:
            rule_set = parsed._get_matching_rule_set(token)
            rules = [] if rule_set is None else [(r.field == "allow", r.value)
                                                 for r in rule_set._rules]
            if _quote_path is None:
                raise AttributeError("_quote_path")
            robots.index = RuleIndex(rules)
        except AttributeError:  # pragma: no cover - Protego changed inside: use its own check
            log.debug("Protego internals changed: robots checks use can_fetch")
            robots.protego = parsed
        return robots

    def allowed(self, url: str) -> bool:
        if self.disallow_all:
            return False
        if url in self.memo:
            return self.memo[url]
        verdict = self._check(url)
        if len(self.memo) >= ROBOTS_MEMO:
            self.memo.clear()
        self.memo[url] = verdict
        return verdict

    def _check(self, url: str) -> bool:
        if urlsplit(url).path == "/robots.txt":
            return True
        if self.protego is not None:
            return self.protego.can_fetch(url, self.token)
        if self.index is None:
            return True
        return self.index.verdict(_quote_path(url))


# ----------------------------------------------------------------------------------------------
# robots.txt of every host the crawl meets


class RobotsBook:
    """One Robots per host, fetched on first need through `request`.

    `request(url, headers, max_tries=None, **limits) -> Outcome` is the crawler's retried GET;
    `on_crawl_delay(seconds)` is told of a host's Crawl-delay; `hosts` are the site's own hosts
    (a robots.txt redirect is followed only within them).
    """

    def __init__(self, request: Callable[..., Outcome], user_agent: str, hosts,
                 on_crawl_delay: Callable[[float], None] = lambda s: None):
        self.request = request
        self.user_agent = user_agent
        self.hosts = hosts
        self.on_crawl_delay = on_crawl_delay
        self.by_host: dict[str, Robots] = {}

    def allowed(self, url: str) -> bool:
        return self.for_url(url).allowed(url)

    def for_url(self, url: str, first: bool = False) -> Robots:
        """The rules of `url`'s host. `first`: the crawl's very first request, which tells
        whether there is a network at all: a failure raises FetchError instead of a warning."""
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self.by_host:
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            robots = self._fetch(robots_url, host, first)
            self.by_host[host] = robots
            if robots.crawl_delay:
                self.on_crawl_delay(robots.crawl_delay)
        return self.by_host[host]

    def _get(self, robots_url: str, first: bool) -> tuple[str, Outcome]:
        """GET robots.txt (first 500 KiB), following redirects within the site's hosts."""
        outcome = None
        for _ in range(MAX_REDIRECTS + 1):
            # the very first request tells whether there is a network: one try, no backoff
            outcome = self.request(robots_url, {}, max_tries=1 if first else None,
                                   max_body=MAX_ROBOTS_BYTES, truncate=True)
            if first and outcome.response is not None and outcome.error:
                outcome = self.request(robots_url, {}, max_body=MAX_ROBOTS_BYTES,
                                       truncate=True)  # 5xx: the usual retries
            resp = outcome.response
            if resp is None or resp.status not in REDIRECTS or not resp.header("location"):
                break
            target = urljoin(robots_url, resp.header("location"))
            if urlsplit(target).netloc.lower() not in self.hosts:
                break
            robots_url = target
        return robots_url, outcome

    def _fetch(self, robots_url: str, host: str, first: bool) -> Robots:
        robots_url, outcome = self._get(robots_url, first)
        resp = outcome.response
        if resp is None or outcome.error or retryable_status(resp.status):
            return self._unavailable(robots_url, host, outcome, first)
        if resp.status == 200:
            if resp.truncated:
                log.warning("robots.txt of %s is longer than %s: only its first %s is read "
                            "(as Google does)", host, kib(MAX_ROBOTS_BYTES), kib(MAX_ROBOTS_BYTES))
            return Robots.parse(read_robots_text(resp.body, resp.truncated), self.user_agent)
        if resp.status in (401, 403):
            log.warning("robots.txt of %s answers HTTP %d: not crawling that host", host, resp.status)
            return Robots(disallow_all=True)
        return Robots()  # 404 and other 4xx: no rules

    def _unavailable(self, robots_url: str, host: str, outcome: Outcome, first: bool) -> Robots:
        """No usable robots.txt: the network (no answer) or the server (5xx, a bad answer)."""
        resp = outcome.response
        tries = f"{outcome.tries} {'try' if outcome.tries == 1 else 'tries'}"
        if resp is None and outcome.transport_failure:
            why = (f"cannot reach {robots_url} ({outcome.error}): is the network up? "
                   "Nothing was fetched and the captures folder is unchanged.")
        elif resp is not None:
            why = (f"{robots_url} answered HTTP {resp.status} after {tries}: the site answers "
                   "but its robots.txt fails, and without it nothing may be crawled (RFC 9309). "
                   "Nothing was fetched from that host; try again later.")
        else:
            why = (f"{robots_url} gave no usable answer ({outcome.error}): without it nothing "
                   "may be crawled. Nothing was fetched from that host.")
        if first:
            raise FetchError(why)
        log.warning("robots.txt of %s unavailable: %s", host, why)
        return Robots(disallow_all=True)
