"""The capture store: what data/raw holds (read from the sidecars) and how a capture is added.

Captures (never edited, never deleted; a changed page is a new capture beside the old one)::

    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_{sha256[:16]}.html            the body, as received
    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_{sha256[:16]}.html.meta.json  its sidecar
    RAW/{lang}/news-pages/page-{n}/...                                     listing pages, alike
    RAW/{lang}/news/{id}/{YYYYmmddTHHMMSSZ}_404.meta.json                  a 404: sidecar only

The sidecar holds `url` (where the body came from, after redirects), `requested_url`,
`fetched_at` (ISO 8601 UTC), `status`, `etag`, `last_modified`, `sha256`, `content_type`,
`content_encoding` (the gzip/deflate the crawler undid, else null), `html` (false when the
answer is not an HTML page: such a body is kept as `.bin`, for the loader to report, never to
read as page text) and `user_agent`. Paths do not depend on the host: www. and the mirror are
the same page. Each file is written under a temporary name and moved into place with
os.replace, body first, sidecar last, with Ctrl-C held back between the two: the sidecar is the
record that a capture exists. Only whole bodies reach the store: the transport fails a body
that is cut off or over its cap before it gets here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from ..html_text import parse_news_url
from .transport import Response


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


def is_html(content_type: str | None, body: bytes) -> bool:
    """An HTML page? By its Content-Type (any *html* type), or by its first bytes when it has
    none; a body with NUL bytes in its first KiB is never HTML, whatever it is labelled."""
    head = body[:1024]
    if b"\x00" in head:
        return False
    if content_type:
        return "html" in content_type.split(";", 1)[0].lower()
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html"))


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
            rec = self._record(meta_path)
            if rec is None:
                continue
            order = (rec.fetched_at, _mtime(meta_path), meta_path.name)
            if rec.key not in latest or order > latest[rec.key][0]:
                latest[rec.key] = (order, rec)
        return {key: rec for key, (_, rec) in latest.items()}

    @staticmethod
    def _record(meta_path: Path) -> Record | None:
        """The Record of one of the crawler's sidecars; None for anything else."""
        if meta_path.name.startswith("."):
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or "status" not in meta or "sha256" not in meta:
            return None  # not one of the crawler's own captures (e.g. a hand-made text one)
        url = meta.get("requested_url") or meta.get("url")
        key = page_key(url) if isinstance(url, str) else None
        if key is None:
            return None
        body = meta_path.with_name(meta_path.name[: -len(".meta.json")])
        try:
            status = int(meta.get("status") or 0)
        except (TypeError, ValueError):
            return None
        return Record(key, meta_path, body if body.is_file() else None, status,
                      str(meta.get("fetched_at") or ""), _text(meta.get("etag")),
                      _text(meta.get("last_modified")), _text(meta.get("sha256")))

    def read_body(self, rec: Record) -> bytes | None:
        if rec.body_path is None:
            return None
        try:
            return rec.body_path.read_bytes()
        except OSError:
            return None

    def save(self, key: tuple, resp: Response, requested_url: str, fetched: datetime,
             user_agent: str) -> Record:
        """Add a whole body and its sidecar: `.html` for a page, `.bin` for anything else."""
        sha = hashlib.sha256(resp.body).hexdigest()
        stamp = fetched.strftime("%Y%m%dT%H%M%SZ")
        folder = key_dir(self.root, key)
        html = is_html(resp.header("content-type"), resp.body)
        body_path = folder / f"{stamp}_{sha[:16]}{'.html' if html else '.bin'}"
        meta = self._meta(resp, requested_url, fetched, user_agent, sha)
        meta["html"] = html
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
            "content_encoding": getattr(resp, "content_encoding", None),
            "user_agent": user_agent,
        }


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def _dump(meta: dict) -> bytes:
    return (json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
