"""The crawler against a hostile server on 127.0.0.1 (issue 9): each attack is a bounded test.

`Hostile` is a raw-socket HTTP server whose answers are scripted per path: it can trickle the
status line and headers or the body a byte at a time, send a body that never ends, announce a
huge Content-Length, gzip a page, send a gzip bomb or an encoding nobody asked for, serve a
robots.txt of any size or a 503, a listing page of thousands of links, or a PDF. Every loop in
it is bounded (in bytes or in time) and stops when the client goes away or the server closes.
No address other than 127.0.0.1 is used.
"""

from __future__ import annotations

import gzip
import json
import logging
import signal
import socket
import threading
import time
import zlib
from pathlib import Path

import pytest

from etl.fetch import (
    FetchError,
    HttpTransport,
    RetryPolicy,
    TransportError,
    crawl,
)

POLICY = RetryPolicy(max_tries=2, backoff_base=0.01, backoff_max=0.02)
DELAY = 0.0
TIMEOUT = 0.5  # longest silence: the trickles below are never silent that long
DEADLINE = 1.0  # the whole request
GAP = 0.05  # seconds between trickled bytes
CAP = 256 * 1024  # max_body of the tests' transport


@pytest.fixture(autouse=True)
def time_limit():
    """No test may run longer than 30 s."""
    def expired(*_):
        raise TimeoutError("test took longer than 30 s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------------------------
# the hostile server


def head(status: int = 200, ctype: str = "text/html; charset=utf-8", length: int | None = None,
         **extra) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Type: {ctype}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in extra.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def page(body: bytes, status: int = 200, ctype: str = "text/html; charset=utf-8", **extra):
    """An ordinary answer."""
    def send(conn, stop):
        conn.sendall(head(status, ctype, len(body), **extra) + body)
    return send


def trickle(data: bytes, gap: float = GAP):
    """`data` one byte every `gap` seconds (bounded by len(data))."""
    def send(conn, stop):
        for i in range(len(data)):
            if stop.wait(gap):
                return
            conn.sendall(data[i:i + 1])
    return send


def trickled_headers():
    return trickle(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 400 + b"\r\n\r\n")


def trickled_body():
    def send(conn, stop):
        conn.sendall(head(length=400))
        trickle(b"<" * 400)(conn, stop)
    return send


def endless_body(limit: int = 64 * 1024 * 1024):
    """A 200 with no length that goes on (up to `limit` bytes, or until the client leaves)."""
    def send(conn, stop):
        conn.sendall(head())
        chunk = b"<p>" + b"x" * 65533
        sent = 0
        while sent < limit and not stop.is_set():
            conn.sendall(chunk)
            sent += len(chunk)
    return send


def announced(size: int):
    """Content-Length: `size`, then only a few bytes (the client should not wait for the rest)."""
    def send(conn, stop):
        conn.sendall(head(length=size) + b"<html>")
        stop.wait(3)
    return send


def cut_short():
    """Content-Length 1000, 500 bytes, then the connection closes."""
    def send(conn, stop):
        conn.sendall(head(length=1000) + b"<" * 500)
    return send


class Hostile:
    """A threaded raw-socket HTTP/1.1 server on 127.0.0.1: routes[path] -> send(conn, stop)."""

    def __init__(self):
        self.routes: dict = {}
        self.requests: list = []  # (path, headers)
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.1)
        self.base = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.threads: list = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            t = threading.Thread(target=self._handle, args=(conn,), daemon=True)
            t.start()
            self.threads.append(t)

    def _read_head(self, conn) -> tuple[str, dict]:
        conn.settimeout(2)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                break
            data += chunk
        lines = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1] if len(lines[0].split(" ")) > 1 else "/"
        headers = dict(line.split(": ", 1) for line in lines[1:] if ": " in line)
        return path, headers

    def _handle(self, conn):
        with conn:
            try:
                path, headers = self._read_head(conn)
                self.requests.append((path, headers))
                send = self.routes.get(path) or page(b"<html><body>Not found</body></html>", 404)
                send(conn, self.stop)
            except OSError:
                pass  # the client went away: what the attacks are about

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def close(self):
        self.stop.set()
        self.sock.close()
        self.thread.join(2)
        for t in self.threads:
            t.join(2)


@pytest.fixture
def hostile():
    server = Hostile()
    yield server
    server.close()


def listing(ids, lang="en") -> bytes:
    links = "".join(f'<li><a href="/{lang}/news/{i}">Story {i}</a></li>' for i in ids)
    return f"<!DOCTYPE html><html><body><ul>{links}</ul></body></html>".encode()


def article(i: int) -> bytes:
    return (f"<!DOCTYPE html><html><body><h1>Story {i}</h1><p>1 January</p>"
            f"<p>Text of story {i}.</p></body></html>").encode()


def small_site(server: Hostile, ids=(1, 2, 3), robots: bytes = b"User-agent: *\nDisallow:\n"):
    server.routes["/robots.txt"] = page(robots, ctype="text/plain")
    server.routes["/en/news?page=1"] = page(listing(ids))
    server.routes["/en/news?page=2"] = page(listing([]))
    for i in ids:
        server.routes[f"/en/news/{i}"] = page(article(i))


def transport(**kw) -> HttpTransport:
    return HttpTransport(timeout=kw.pop("timeout", TIMEOUT), deadline=kw.pop("deadline", DEADLINE),
                         max_body=kw.pop("max_body", CAP), **kw)


def run(server: Hostile, raw: Path, **kw):
    kw.setdefault("transport", transport())
    return crawl(server.base, raw, ["en"], DELAY, False, progress=False, policy=POLICY, **kw)


def saved(raw: Path, i: int) -> list[Path]:
    return sorted((raw / "en" / "news" / str(i)).glob("*")) if raw.exists() else []


# ---------------------------------------------------------------------------------------------
# time: a total deadline per request


@pytest.mark.parametrize("attack", ["headers", "body"])
def test_a_trickle_ends_at_the_deadline_with_a_clear_message(hostile, attack):
    hostile.routes["/slow"] = trickled_headers() if attack == "headers" else trickled_body()
    started = time.monotonic()
    with pytest.raises(TransportError) as err:
        transport()(hostile.base + "/slow", {})
    took = time.monotonic() - started
    # never silent for TIMEOUT, yet cut at DEADLINE (the trickle would last 20 s; slack for load)
    assert DEADLINE <= took < DEADLINE + 1
    assert err.value.kind == "timeout" and err.value.retryable
    assert f"within the {DEADLINE:g} s deadline" in str(err.value)
    phase = "headers" if attack == "headers" else "reading the body"
    assert phase in str(err.value)


def test_a_trickled_article_is_a_failed_fetch_and_the_crawl_goes_on(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news/2"] = trickled_body()
    started = time.monotonic()
    summary = run(hostile, tmp_path / "raw")
    assert time.monotonic() - started < POLICY.max_tries * (DEADLINE + 1) + 2
    assert (summary.new, summary.failed) == (1 + 2, 1)  # the listing page and two articles
    url, reason = summary.failures[0]
    assert url.endswith("/en/news/2") and "deadline" in reason
    assert hostile.paths().count("/en/news/2") == POLICY.max_tries
    assert saved(tmp_path / "raw", 2) == []


def test_the_deadline_is_read_on_the_injected_clock():
    from etl.fetch import Deadline

    now = [100.0]
    d = Deadline(2.0, clock=lambda: now[0])
    assert d.remaining() == 2.0 and not d.passed()
    now[0] = 102.0
    assert d.passed()


# ---------------------------------------------------------------------------------------------
# size: a body over the cap is a failed fetch, never a capture


def test_an_endless_body_is_cut_at_the_cap_and_counted_failed(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news/3"] = endless_body()
    summary = run(hostile, tmp_path / "raw")
    assert summary.failed == 1 and summary.new == 1 + 2
    url, reason = summary.failures[0]
    assert url.endswith("/en/news/3") and f"over the {CAP // 1024} KiB cap" in reason
    assert hostile.paths().count("/en/news/3") == 1  # the same next time: not retried
    assert saved(tmp_path / "raw", 3) == []
    assert "1 failed" in str(summary)


def test_an_announced_huge_body_is_refused_without_reading_it(hostile):
    hostile.routes["/big"] = announced(10 * CAP)
    started = time.monotonic()
    with pytest.raises(TransportError) as err:
        transport()(hostile.base + "/big", {})
    assert err.value.kind == "too-large" and not err.value.retryable
    assert "Content-Length" in str(err.value)
    assert time.monotonic() - started < 2.5  # did not wait for the body (held for 3 s)


def test_a_body_cut_short_is_never_a_whole_capture(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news/1"] = cut_short()
    summary = run(hostile, tmp_path / "raw")
    assert summary.failed == 1 and "cut short: 500 of the 1000 bytes" in summary.failures[0][1]
    assert saved(tmp_path / "raw", 1) == []


def test_the_body_read_stays_within_the_cap_in_memory(hostile):
    import tracemalloc

    hostile.routes["/endless"] = endless_body(limit=16 * CAP)
    tracemalloc.start()
    try:
        with pytest.raises(TransportError):
            transport()(hostile.base + "/endless", {})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * CAP  # the cap and the chunks in hand, not the 4 MiB sent


# ---------------------------------------------------------------------------------------------
# encodings: identity asked for; gzip and deflate decoded with the cap; others refused


def test_a_gzipped_listing_page_does_not_end_the_crawl(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news?page=1"] = page(gzip.compress(listing([1, 2, 3])),
                                             Content_Encoding="gzip")
    hostile.routes["/en/news/1"] = page(zlib.compress(article(1)), Content_Encoding="deflate")
    summary = run(hostile, tmp_path / "raw")
    assert (summary.new, summary.failed) == (1 + 3, 0)
    assert all(h.get("Accept-Encoding") == "identity" for _, h in hostile.requests)
    [body, meta] = saved(tmp_path / "raw", 1)
    assert body.read_bytes() == article(1)  # stored decoded: what the page is
    assert json.loads(meta.read_text())["content_encoding"] == "deflate"
    [listing_body] = (tmp_path / "raw" / "en" / "news-pages" / "page-1").glob("*.html")
    assert listing_body.read_bytes() == listing([1, 2, 3])


def test_a_gzip_bomb_stops_at_the_cap(hostile):
    bomb = gzip.compress(b"\0" * (64 * CAP))  # 16 MiB of zeros in about 16 KiB
    hostile.routes["/bomb"] = page(bomb, Content_Encoding="gzip")
    started = time.monotonic()
    with pytest.raises(TransportError) as err:
        transport()(hostile.base + "/bomb", {})
    assert err.value.kind == "too-large" and "decoded body over" in str(err.value)
    assert time.monotonic() - started < 2


def test_an_encoding_not_asked_for_is_a_clear_failure(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news/2"] = page(b"\x8b\x00brotli?", Content_Encoding="br")
    summary = run(hostile, tmp_path / "raw")
    assert summary.failed == 1 and "Content-Encoding 'br' is not supported" in summary.failures[0][1]
    assert hostile.paths().count("/en/news/2") == 1
    assert saved(tmp_path / "raw", 2) == []


# ---------------------------------------------------------------------------------------------
# robots.txt: 500 KiB read, 5xx said plainly


def test_robots_txt_is_read_up_to_500_kib_and_never_half_a_line(hostile, tmp_path, caplog):
    filler = b"".join(b"Disallow: /x%06d/\n" % i for i in range(40000))  # about 720 KiB
    assert len(filler) > 500 * 1024
    cut = 500 * 1024 - len(b"User-agent: *\n")
    half = filler[:cut].rfind(b"\n") + 1  # the line the cap cuts through
    robots = b"User-agent: *\n" + filler[:half] + b"Allow: /en/news/1" + b" " * 600 + b"\n"
    robots += b"Disallow: /en/\n" * 10  # past the cap: not read
    small_site(hostile, robots=robots)
    with caplog.at_level(logging.WARNING, logger="etl.fetch"):
        summary = run(hostile, tmp_path / "raw")
    assert "only its first 500 KiB is read" in caplog.text
    assert (summary.new, summary.skipped_robots, summary.failed) == (1 + 3, 0, 0)


def test_robots_txt_answering_5xx_says_so_not_is_the_network_up(hostile, tmp_path):
    hostile.routes["/robots.txt"] = page(b"<html>down</html>", status=503)
    with pytest.raises(FetchError) as err:
        run(hostile, tmp_path / "raw")
    message = str(err.value)
    assert "answered HTTP 503" in message and "robots.txt fails" in message
    assert "network" not in message
    assert not (tmp_path / "raw").exists()


def test_robots_txt_that_trickles_is_cut_at_the_deadline(hostile, tmp_path):
    hostile.routes["/robots.txt"] = trickled_body()
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        run(hostile, tmp_path / "raw")
    assert time.monotonic() - started < DEADLINE + 2


# ---------------------------------------------------------------------------------------------
# listing pages and what is not HTML


def test_links_taken_from_one_listing_page_are_capped(hostile, tmp_path, caplog):
    from etl.fetch import crawler as crawler_module

    small_site(hostile)
    hostile.routes["/en/news?page=1"] = page(listing(range(5000, 0, -1)))
    asked = []
    real = crawler_module.ArticleFetcher.fetch
    # count the articles the crawl would fetch without waiting for 200 of them
    crawler_module.ArticleFetcher.fetch = lambda self, key, url, known: asked.append(key)
    try:
        with caplog.at_level(logging.WARNING, logger="etl.fetch"):
            run(hostile, tmp_path / "raw")
    finally:
        crawler_module.ArticleFetcher.fetch = real
    assert len(asked) == 200
    assert "took the first 200, dropped 4800" in caplog.text


def test_a_non_html_article_is_saved_as_such_and_counted(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news/2"] = page(b"%PDF-1.4 \x00\x01 binary", ctype="application/pdf")
    summary = run(hostile, tmp_path / "raw")
    assert (summary.new, summary.non_html, summary.failed) == (1 + 3, 1, 0)
    assert "1 not HTML" in str(summary)
    [body, meta] = saved(tmp_path / "raw", 2)
    assert body.suffix == ".bin" and meta.name == body.name + ".meta.json"
    sidecar = json.loads(meta.read_text())
    assert sidecar["html"] is False and sidecar["content_type"] == "application/pdf"
    [html_meta] = (tmp_path / "raw" / "en" / "news" / "1").glob("*.meta.json")
    assert json.loads(html_meta.read_text())["html"] is True


def test_a_listing_page_that_is_not_html_breaks_the_walk_off_loudly(hostile, tmp_path):
    small_site(hostile)
    hostile.routes["/en/news?page=1"] = page(b"\x00\x01\x02", ctype="application/octet-stream")
    summary = run(hostile, tmp_path / "raw")
    assert summary.failed == 1 and "not HTML" in summary.failures[0][1]
    assert summary.new == 0 and not [p for p in hostile.paths() if p.startswith("/en/news/")]


@pytest.mark.parametrize("headers", [b"X-Long: " + b"a" * 70000 + b"\r\n",
                                     b"".join(b"X-%d: 1\r\n" % i for i in range(500))])
def test_endless_headers_are_a_clear_failure(hostile, headers):
    hostile.routes["/h"] = lambda conn, stop: conn.sendall(b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n")
    started = time.monotonic()
    with pytest.raises(TransportError) as err:
        transport()(hostile.base + "/h", {})
    assert time.monotonic() - started < 2.5  # not a timeout: refused as soon as seen
    assert err.value.kind == "connection"
    assert "LineTooLong" in str(err.value) or "more than 100 headers" in str(err.value)
