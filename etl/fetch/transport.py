"""One HTTP GET, bounded in time and size: `HttpTransport()(url, headers) -> Response`.

No redirect is followed (the crawler does that itself, checking host and robots.txt) and every
HTTP answer is returned, whatever its status. When there is no usable answer a TransportError
says why, with a `kind`:

- "timeout": no byte for `timeout` seconds, or the whole request (DNS, connect, TLS, headers,
  body) took longer than `deadline` seconds. A watchdog shuts the socket down at the deadline,
  so a server trickling one byte a second ends the request on time, in any phase;
- "dns", "connection": the network or the server failed (worth retrying);
- "too-large": the body (after gzip/deflate decoding) is over `max_body` bytes; the request is
  cut off there and nothing of it may be saved (not retried: the page is as large next time);
- "encoding": a Content-Encoding that is neither gzip nor deflate (we ask for identity), or a
  compressed body that does not decode (not retried).

gzip and deflate: the crawler asks for `Accept-Encoding: identity`; a server that compresses
anyway is decoded, with the same cap on the decoded size (so a zip bomb stops at `max_body`).
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from .common import DEADLINE, MAX_BODY, SOCKET_TIMEOUT, kib

CHUNK = 64 * 1024


@dataclass
class Response:
    url: str
    status: int
    headers: dict  # lower-case names
    body: bytes
    content_encoding: str | None = None  # "gzip"/"deflate" when the body was decoded
    truncated: bool = False  # only when asked for: the body is its first `max_body` bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class TransportError(Exception):
    """No usable HTTP answer; see the module docstring for the kinds."""

    RETRYABLE = frozenset({"timeout", "dns", "connection"})

    def __init__(self, url: str, kind: str, reason: str):
        super().__init__(f"{kind}: {reason}")
        self.url, self.kind, self.reason = url, kind, reason

    @property
    def retryable(self) -> bool:
        """True when asking again may help (the network); False when the answer is the fault."""
        return self.kind in self.RETRYABLE


class Deadline:
    """Seconds left until a fixed moment on `clock`."""

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic):
        self.seconds = seconds
        self.clock = clock
        self.end = clock() + seconds

    def remaining(self) -> float:
        return self.end - self.clock()

    def passed(self) -> bool:
        return self.remaining() <= 0


class _Watchdog:
    """Shuts a connection's socket down when the deadline passes, unblocking any read on it."""

    def __init__(self, conn: http.client.HTTPConnection, seconds: float):
        self.conn = conn
        self.sock = None  # kept once connected: http.client lets go of it for Connection: close
        self.fired = False
        self.timer = threading.Timer(max(0.0, seconds), self._fire)
        self.timer.daemon = True
        self.timer.start()

    def _fire(self) -> None:
        self.fired = True
        sock = self.sock or self.conn.sock
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self.timer.cancel()


@dataclass
class _Progress:
    """Where a request is, for the message when it fails."""

    phase: str = "resolving the host name"
    received: int = 0


def resolve(host: str, port: int, seconds: float) -> list:
    """getaddrinfo in a helper thread, waited for at most `seconds` (it cannot be interrupted)."""
    result: dict = {}

    def work():
        try:
            result["ok"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as err:
            result["err"] = err

    thread = threading.Thread(target=work, name=f"resolve {host}", daemon=True)
    thread.start()
    thread.join(max(0.0, seconds))
    if "err" in result:
        raise result["err"]
    if "ok" not in result:
        raise TimeoutError(f"looking up {host} took longer than {seconds:.3g} s")
    return result["ok"]


class _Connection(http.client.HTTPConnection):
    """An HTTP(S) connection to addresses resolved beforehand (so DNS is bounded too)."""

    def __init__(self, host, port, timeout, addresses, tls: ssl.SSLContext | None):
        super().__init__(host, port, timeout=timeout)
        self.addresses = addresses
        self.tls = tls

    def connect(self):
        self.sock = _open_socket(self.addresses, self.timeout)
        if self.tls is not None:
            self.sock = self.tls.wrap_socket(self.sock, server_hostname=self.host)


def _open_socket(addresses: list, timeout: float) -> socket.socket:
    error: OSError | None = None
    for family, type_, proto, _, address in addresses:
        sock = socket.socket(family, type_, proto)
        try:
            sock.settimeout(timeout)
            sock.connect(address)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        except OSError as err:
            error = err
            sock.close()
    raise error or OSError("no address to connect to")


class HttpTransport:
    """`transport(url, headers, max_body=None, truncate=False) -> Response`.

    `timeout`: longest silence (s); `deadline`: longest whole request (s); `max_body`: largest
    body (bytes). With `truncate=True` (robots.txt) a longer body is cut to `max_body` bytes and
    marked `truncated` instead of failing.
    """

    def __init__(self, timeout: float = SOCKET_TIMEOUT, deadline: float | None = None,
                 max_body: int = MAX_BODY, clock: Callable[[], float] = time.monotonic):
        self.timeout = timeout
        self.deadline = deadline if deadline is not None else max(DEADLINE, timeout)
        self.max_body = max_body
        self.clock = clock
        self.tls = ssl.create_default_context()

    def __call__(self, url: str, headers: dict, max_body: int | None = None,
                 truncate: bool = False) -> Response:
        limit = self.max_body if max_body is None else max_body
        deadline = Deadline(self.deadline, self.clock)
        progress = _Progress()
        try:
            return self._exchange(url, headers, limit, truncate, deadline, progress)
        except TransportError:
            raise
        except Exception as err:  # every failure of the exchange becomes a TransportError
            raise self._explain(url, err, deadline, progress) from None

    # the exchange, phase by phase -------------------------------------------------------------
    def _exchange(self, url, headers, limit, truncate, deadline, progress) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TransportError(url, "connection", f"not an http(s) URL: {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = resolve(parts.hostname, port, min(self.timeout, deadline.remaining()))
        progress.phase = "connecting"
        conn = _Connection(parts.hostname, port, min(self.timeout, max(0.001, deadline.remaining())),
                           addresses, self.tls if parts.scheme == "https" else None)
        watchdog = _Watchdog(conn, deadline.remaining())
        try:
            conn.connect()
            watchdog.sock = conn.sock
            resp = self._send(conn, parts, headers, deadline, watchdog, progress)
            return self._receive(url, resp, limit, truncate, deadline, watchdog, progress)
        finally:
            watchdog.cancel()
            conn.close()

    def _send(self, conn, parts, headers, deadline, watchdog, progress):
        """The request out, the status line and headers in."""
        self._check(deadline, watchdog)
        progress.phase = "waiting for the status line and headers"
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        conn.request("GET", target, headers=headers)
        resp = conn.getresponse()
        self._check(deadline, watchdog)
        return resp

    def _receive(self, url, resp, limit, truncate, deadline, watchdog, progress) -> Response:
        """The body in, its Content-Encoding undone, within the cap."""
        progress.phase = "reading the body"
        raw, cut = _read_body(url, resp, limit, truncate, deadline, watchdog, progress)
        encoding = (resp.getheader("content-encoding") or "").strip().lower() or None
        body, cut_decoded = decode_body(url, raw, encoding, limit, truncate)
        return Response(url, resp.status, _lower(resp.getheaders()), body,
                        content_encoding=None if encoding in (None, "identity") else encoding,
                        truncated=cut or cut_decoded)

    @staticmethod
    def _check(deadline: Deadline, watchdog: _Watchdog) -> None:
        if watchdog.fired or deadline.passed():
            raise _DeadlinePassed()

    def _explain(self, url: str, err: Exception, deadline: Deadline,
                 progress: _Progress) -> TransportError:
        where = f"while {progress.phase}"
        if progress.received:
            where += f", {progress.received} bytes of body received"
        if isinstance(err, _DeadlinePassed) or deadline.passed():
            return TransportError(url, "timeout", f"no complete answer within the {self.deadline:g} s "
                                                  f"deadline ({where})")
        if isinstance(err, (TimeoutError, socket.timeout)):
            return TransportError(url, "timeout", f"nothing received for {self.timeout:g} s ({where})")
        if isinstance(err, socket.gaierror):
            return TransportError(url, "dns", str(err))
        return TransportError(url, "connection", f"{type(err).__name__}: {err} ({where})")


class _DeadlinePassed(Exception):
    pass


def _read_body(url, resp, limit, truncate, deadline, watchdog, progress) -> tuple[bytes, bool]:
    """The body, read in chunks until its end, the cap or the deadline.

    Each read returns what one system call got (read1), so the deadline is checked between
    reads however slowly the bytes come; a body shorter than its Content-Length is an error.
    """
    length = resp.getheader("content-length")
    if length and length.strip().isdigit() and int(length) > limit and not truncate:
        raise TransportError(url, "too-large", f"body of {int(length)} bytes (Content-Length) "
                                               f"is over the {kib(limit)} cap: not read, not saved")
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        HttpTransport._check(deadline, watchdog)
        chunk = resp.read1(min(CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        progress.received = size
    HttpTransport._check(deadline, watchdog)
    if size <= limit and resp.length:  # what Content-Length announced and never came
        raise TransportError(url, "connection", f"body cut short: {size} of the {size + resp.length} "
                                                "bytes its Content-Length announced came")
    if size > limit:
        if not truncate:
            raise TransportError(url, "too-large", f"body over the {kib(limit)} cap (more than "
                                                   f"{limit} bytes sent): cut off, not saved")
        return b"".join(chunks)[:limit], True
    return b"".join(chunks), False


def decode_body(url: str, body: bytes, encoding: str | None, limit: int,
                truncate: bool = False) -> tuple[bytes, bool]:
    """The body with its Content-Encoding undone, at most `limit` bytes once decoded.

    Returns (body, truncated). gzip, x-gzip and deflate (zlib or raw) are decoded; identity and
    no encoding pass through; anything else is a TransportError of kind "encoding".
    """
    if encoding in (None, "", "identity"):
        return body, False
    if encoding in ("gzip", "x-gzip"):
        wbits = [16 + zlib.MAX_WBITS]
    elif encoding == "deflate":
        wbits = [zlib.MAX_WBITS, -zlib.MAX_WBITS]  # zlib-wrapped as the RFC says, or raw
    else:
        raise TransportError(url, "encoding", f"Content-Encoding {encoding!r} is not supported "
                                              "(the crawler asks for identity, and decodes gzip and deflate)")
    error = None
    for bits in wbits:
        try:
            return _inflate(url, body, bits, limit, truncate)
        except zlib.error as err:
            error = err
    raise TransportError(url, "encoding", f"{encoding} body does not decode: {error}")


def _inflate(url: str, data: bytes, wbits: int, limit: int, truncate: bool) -> tuple[bytes, bool]:
    """Decompress every member of `data`, stopping once the output passes `limit` bytes."""
    out = bytearray()
    while data:
        d = zlib.decompressobj(wbits)
        out += d.decompress(data, limit + 1 - len(out))
        if len(out) > limit or d.unconsumed_tail:
            if truncate:
                return bytes(out[:limit]), True
            raise TransportError(url, "too-large", f"decoded body over the {kib(limit)} cap: "
                                                   "cut off, not saved")
        if not d.eof:
            raise zlib.error("the compressed body ends early")
        data = d.unused_data
        if data[:2] != b"\x1f\x8b":
            break  # trailing bytes that are not another gzip member
    return bytes(out), False


def _lower(headers) -> dict:
    return {k.lower(): v for k, v in (headers or [])}
