"""robots.txt (etl/fetch/robots.py): Protego's verdicts, at a cost that does not grow with the
number of rules, read up to 500 KiB and never half a line."""

from __future__ import annotations

import random
import time

import pytest
from protego import Protego

from etl.fetch import MAX_ROBOTS_BYTES, Robots, read_robots_text
from etl.fetch.robots import product_token

UA = "saylav-archive/0.1 (open-data archive; contact: test)"
URLS = [f"http://h/{lang}/news/{i}" for lang in ("en", "tk", "ru") for i in range(1, 120)] + [
    f"http://h/{lang}/news?page={n}" for lang in ("en", "tk", "ru") for n in range(1, 40)]


# ---------------------------------------------------------------------------------------------
# the same verdicts as Protego


def random_robots(rng: random.Random) -> str:
    pieces = ["en", "tk", "ru", "news", "page", "1", "12", "7", "a b", "%41", "ş", "?", "=", "."]
    lines = []
    for agent in rng.sample(["*", "saylav-archive", "otherbot", "saylav"], rng.randint(1, 3)):
        lines.append(f"User-agent: {agent}")
        for _ in range(rng.randint(0, 12)):
            path = "/" + "/".join(rng.choice(pieces) for _ in range(rng.randint(0, 3)))
            if rng.random() < 0.3:
                at = rng.randint(0, len(path))
                path = path[:at] + "*" + path[at:]
            if rng.random() < 0.2:
                path += "$"
            lines.append(f"{rng.choice(['Allow', 'Disallow'])}: {path}")
        lines.append("")
    return "\n".join(lines)


def probe_urls(rng: random.Random) -> list[str]:
    pieces = ["en", "tk", "ru", "news", "page", "1", "12", "7", "a%20b", "A", "ş", "x"]
    out = []
    for _ in range(40):
        path = "/" + "/".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
        if rng.random() < 0.3:
            path += f"?page={rng.randint(1, 20)}"
        out.append("http://h" + path)
    return out


@pytest.mark.parametrize("scan", [32, 0])  # few wildcard rules tried in turn; or all filed
def test_verdicts_are_protegos_own(scan, monkeypatch):
    from etl.fetch.robots import RuleIndex

    monkeypatch.setattr(RuleIndex, "WILD_SCAN", scan)
    rng = random.Random(9)
    compared = disallowed = 0
    for _ in range(300):
        text = random_robots(rng)
        ours, theirs = Robots.parse(text, UA), Protego.parse(text)
        assert ours.index is not None  # the fast path, not the fallback
        for url in probe_urls(rng):
            expected = theirs.can_fetch(url, "saylav-archive")
            assert ours.allowed(url) == expected, (text, url)
            compared += 1
            disallowed += not expected
    assert compared == 12000 and 1000 < disallowed < 11000  # both verdicts well exercised


def test_groups_crawl_delay_and_the_product_token():
    text = ("User-agent: *\nDisallow: /\nCrawl-delay: 9\n\n"
            "User-agent: saylav-archive\nDisallow: /en/news/7\nCrawl-delay: 0.5\n")
    robots = Robots.parse(text, UA)
    assert product_token(UA) == "saylav-archive" and robots.crawl_delay == 0.5
    assert robots.allowed("http://h/tk/news/1") and not robots.allowed("http://h/en/news/7")
    assert robots.allowed("http://h/robots.txt")
    other = Robots.parse(text, "archive/1.0")  # a token inside ours is not ours
    assert not other.allowed("http://h/tk/news/1") and other.crawl_delay == 9


# ---------------------------------------------------------------------------------------------
# cost: flat in the number of rules


def rules(n: int, kind: str) -> str:
    """`n` rules of one kind, none of which decides the crawler's URLs but the last few."""
    make = {
        "plain": lambda i: f"Disallow: /p{i:06d}/x",
        "near": lambda i: f"Disallow: /en/news/{i}x",  # shares a long prefix with the URLs
        "exact": lambda i: f"Disallow: /en/news/{i}0$",
        "wildcard": lambda i: f"Disallow: /w{i}/*.pdf",
        "wild-anywhere": lambda i: f"Disallow: /*q{i}*z",  # every one could match any URL
        "wild-near": lambda i: f"Disallow: /en/news/*{i}x$",
    }[kind]
    return "User-agent: *\n" + "\n".join(make(i) for i in range(n)) + "\nDisallow: /ru/\n"


def check_time(robots: Robots) -> float:
    """Best of 5 rounds: seconds per check of a fresh URL (the memo is emptied each round)."""
    best = float("inf")
    for _ in range(5):
        robots.memo.clear()
        started = time.perf_counter()
        for url in URLS:
            robots.allowed(url)
        best = min(best, (time.perf_counter() - started) / len(URLS))
    return best


def work_per_check(robots: Robots) -> float:
    """Rules tried per check of a fresh URL, counted (not timed): wildcard matches attempted plus the
    prefix and part look-ups the index makes. Deterministic, whatever the machine's load."""
    index = robots.index
    tried = [0]

    def counted(rules):
        out = []
        for priority, allow, match in rules:
            def m(path, _match=match):
                tried[0] += 1
                return _match(path)
            out.append((priority, allow, m))
        return out

    index.wild_few = counted(index.wild_few)
    index.wild = {part: counted(rules) for part, rules in index.wild.items()}
    lookups = 0
    for url in URLS:
        robots.memo.clear()
        robots.allowed(url)
        path = url.split("://", 1)[1].split("/", 1)[1]
        lookups += len(index.plain_lengths) + sum(max(0, len(path) - n + 2) for n in index.wild_lengths)
    return (tried[0] + lookups) / len(URLS)


@pytest.mark.parametrize("kind", ["plain", "near", "exact", "wildcard", "wild-anywhere",
                                  "wild-near"])
def test_a_check_costs_the_same_at_twice_the_rules(kind):
    small, large = Robots.parse(rules(5000, kind), UA), Robots.parse(rules(10000, kind), UA)
    assert not large.allowed("http://h/ru/news/1") and large.allowed("http://h/en/news/1")
    w_small, w_large = work_per_check(small), work_per_check(large)
    # flat: twice the rules cost no more than a few more tries (Protego alone tries every rule: 2x)
    assert w_large <= 1.2 * w_small + 8, (w_small, w_large)


def test_100k_rules_cost_microseconds_per_check():
    text = rules(100_000, "near")  # about 2 MiB: only the first 500 KiB is read
    body = text.encode()
    assert len(body) > 4 * MAX_ROBOTS_BYTES
    started = time.perf_counter()
    robots = Robots.parse(read_robots_text(body, truncated=True), UA)
    parse = time.perf_counter() - started
    assert parse < 2  # once per host
    assert check_time(robots) < 100e-6
    assert not robots.allowed("http://h/en/news/12x")  # a rule in the first 500 KiB
    assert robots.allowed("http://h/ru/news/1")  # "Disallow: /ru/" was past the cap


# ---------------------------------------------------------------------------------------------
# reading


def test_read_up_to_the_cap_and_never_half_a_line():
    body = b"User-agent: *\n" + b"Disallow: /a\n" * 10 + b"Allow: /en/news-archive-of-2019"
    assert read_robots_text(body).endswith("Allow: /en/news-archive-of-2019")
    # truncated: the last line may be cut ("Allow: /en/news" would allow too much): dropped
    assert read_robots_text(body, truncated=True).endswith("Disallow: /a\n")
    huge = b"Disallow: /b\n" * (MAX_ROBOTS_BYTES // 8)
    assert len(read_robots_text(huge, truncated=True).encode()) <= MAX_ROBOTS_BYTES
    assert read_robots_text(b"\xff\xfeUser-agent: *") .endswith("User-agent: *")  # not UTF-8


def test_the_memo_of_verdicts_is_bounded():
    from etl.fetch.common import ROBOTS_MEMO

    robots = Robots.parse("User-agent: *\nDisallow: /x\n", UA)
    for i in range(ROBOTS_MEMO * 2 + 5):
        robots.allowed(f"http://h/en/news/{i}")
    assert len(robots.memo) <= ROBOTS_MEMO
