"""Politeness: requests spaced by a delay, retried with backoff, a bounded number of times.

`PoliteClient(transport).get(url)` returns an Outcome: the response, or why there is none.
Retried: timeouts, connection errors, 429 and 5xx (honouring Retry-After up to a cap). Not
retried: every other status, and answers that are at fault themselves (a body over the size
cap, an unknown Content-Encoding): asking again would get the same. `sleep`, `clock` and `wall`
are injectable so tests need no real waiting.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from dataclasses import dataclass
from datetime import timezone
from typing import Callable

from .common import DEFAULT_DELAY, USER_AGENT
from .transport import Response, TransportError

log = logging.getLogger("etl.fetch")

HEADERS = {"Accept": "text/html,*/*;q=0.5", "Accept-Language": "en, tk, ru",
           "Accept-Encoding": "identity"}


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


class PoliteClient:
    """Spaced, retried GETs through `transport(url, headers, **limits) -> Response`."""

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

    def once(self, url: str, headers: dict | None = None, **limits) -> Response:
        """One request, after waiting out the delay since the end of the previous one.

        `limits` (max_body, truncate) go to the transport, only when given.
        """
        self._pace()
        hdrs = {"User-Agent": self.user_agent, **HEADERS, **(headers or {})}
        self.requests += 1
        try:
            return self.transport(url, hdrs, **limits)
        finally:
            self._last_end = self.clock()

    def get(self, url: str, headers: dict | None = None, max_tries: int | None = None,
            **limits) -> Outcome:
        """Up to `max_tries` requests (default: the policy's), spaced and backed off."""
        tries = max_tries or self.policy.max_tries
        reason, last_transport = "", False
        for attempt in range(1, tries + 1):
            wait = self.policy.backoff(attempt)
            try:
                resp = self.once(url, headers, **limits)
            except TransportError as err:
                reason, last_transport = str(err), True
                if not err.retryable:
                    return Outcome(None, attempt, reason)
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
