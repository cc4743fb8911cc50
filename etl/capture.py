"""Raw capture file -> Capture: the page's text lines and what is known of where it came from.

A capture is a `.txt` file (page text, as stored by public web archives or written by hand) or an
`.html` file (a page as the crawler received it), each with an optional `NAME.meta.json` sidecar
holding at least `url` and `fetched_at`. HTML becomes page text here and only here, so everything
downstream works on text lines.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .html_text import decode_html, html_to_page

CAPTURE_SUFFIXES = (".txt", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"

_URL_PATH = re.compile(r"^(?:https?://[^/]+)?/(en|tk|ru)/(news|articles|elections|law)(?:/(\d+))?", re.I)


class CaptureError(Exception):
    """A capture that cannot be read as page text; `capture` holds what was known of it."""

    def __init__(self, message: str, capture: "Capture | None" = None):
        super().__init__(message)
        self.capture = capture


@dataclass
class Capture:
    id: str  # sha256 of the bytes
    path: str  # relative to the raw root, with forward slashes
    format: str  # text / html
    size: int
    url: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    lines: list[str] = field(default_factory=list)
    main_line_count: int | None = None  # from HTML markup, when it tells main from sidebar
    links: dict[str, str] = field(default_factory=dict)

    @property
    def url_lang(self) -> str | None:
        return parse_url(self.url)[0]

    @property
    def section(self) -> str | None:
        return parse_url(self.url)[1]

    @property
    def site_id(self) -> int | None:
        lang, section, site_id = parse_url(self.url)
        return site_id if section == "news" else None

    @property
    def is_listing(self) -> bool:
        lang, section, site_id = parse_url(self.url)
        return section == "news" and site_id is None and self.url is not None


def parse_url(url: str | None) -> tuple[str | None, str | None, int | None]:
    """('en', 'news', 128) for any host's /en/news/128; Nones where the URL says nothing."""
    if not url:
        return None, None, None
    m = _URL_PATH.match(url.strip())
    if not m:
        return None, None, None
    return m.group(1).lower(), m.group(2).lower(), int(m.group(3)) if m.group(3) else None


def find_captures(raw_dir: Path) -> list[Path]:
    """Every capture file under `raw_dir`, in a stable order."""
    return sorted(
        p for p in raw_dir.rglob("*")
        if p.is_file() and p.suffix.lower() in CAPTURE_SUFFIXES and not p.name.endswith(SIDECAR_SUFFIX)
    )


def read_sidecar(path: Path) -> dict:
    side = path.with_name(path.name + SIDECAR_SUFFIX)
    if not side.exists():
        return {}
    try:
        meta = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as e:
        raise CaptureError(f"sidecar {side.name} is not valid JSON: {e}") from e
    if not isinstance(meta, dict):
        raise CaptureError(f"sidecar {side.name} is not a JSON object")
    return meta


def decode_text(data: bytes) -> str:
    """Bytes -> text; refuses binary files rather than guessing."""
    if b"\x00" in data[:4096]:
        raise CaptureError("binary file (NUL bytes): not page text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise CaptureError(f"not UTF-8 text (byte {e.start}): not page text") from e


def read_capture(path: Path, root: Path) -> Capture:
    """Read one capture file and its sidecar."""
    data = path.read_bytes()
    rel = path.relative_to(root).as_posix()
    cap = Capture(
        id=hashlib.sha256(data).hexdigest(),
        path=rel,
        format="html" if path.suffix.lower() in (".html", ".htm") else "text",
        size=len(data),
    )
    try:
        meta = read_sidecar(path)
    except CaptureError as e:
        raise CaptureError(str(e), cap) from e
    cap.url = meta.get("url") or None
    cap.fetched_at = meta.get("fetched_at") or None
    status = meta.get("status")
    cap.status = int(status) if isinstance(status, (int, str)) and str(status).isdigit() else None
    if not data.strip():
        raise CaptureError("empty file", cap)
    try:
        if cap.format == "html" and b"\x00" not in data[:4096]:
            # a crawled page keeps the bytes the server sent: its charset says how to read them
            text = decode_html(data, meta.get("content_type"))
        else:
            text = decode_text(data)
    except CaptureError as e:
        raise CaptureError(str(e), cap) from e
    if cap.format == "html" or _looks_like_html(text):

        page = html_to_page(text, cap.url)
        cap.format = "html"
        cap.lines = page.text.split("\n")
        cap.main_line_count = page.main_line_count
        cap.links = dict(page.links)
    else:
        cap.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return cap


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")
