"""Raw capture file -> Capture: the page's text lines and what is known of where it came from.

A capture is a `.txt` file (page text, as stored by public web archives or written by hand) or an
`.html` file (a page as the crawler received it), each with an optional `NAME.meta.json` sidecar
holding at least `url` and `fetched_at`. HTML becomes page text here and only here, so everything
downstream works on text lines.

A `.bin` file is an answer the crawler kept that was not an HTML page (its sidecar says
`"html": false` and the content type): it is found by the walk and listed as a capture of format
`binary` (sha256, size, url), but never read as text: reading it raises CaptureError, so the
loader reports it as a parse issue (and `--strict` fails on it).
"""
from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from .html_text import decode_html, html_to_page

CAPTURE_SUFFIXES = (".txt", ".html", ".htm")
BINARY_SUFFIX = ".bin"  # a non-HTML answer kept by the crawler: reported, never read
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
    format: str  # text / html / binary
    size: int
    url: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    lines: list[str] = field(default_factory=list)
    main_line_count: int | None = None  # from HTML markup, when it tells main from sidebar
    links: dict[str, str] = field(default_factory=dict)
    # problems that left the capture readable: (line, problem, excerpt)
    problems: list[tuple[int, str, str]] = field(default_factory=list)

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


@lru_cache(maxsize=1 << 12)  # pure; a page's URL is asked for again and again, sidebar URLs repeat
def parse_url(url: str | None) -> tuple[str | None, str | None, int | None]:
    """('en', 'news', 128) for any host's /en/news/128; Nones where the URL says nothing."""
    if not url:
        return None, None, None
    m = _URL_PATH.match(url.strip())
    if not m:
        return None, None, None
    return m.group(1).lower(), m.group(2).lower(), int(m.group(3)) if m.group(3) else None


# ---------------------------------------------------------------------------------------------
# limits


MAX_CAPTURE_BYTES = 8 * 1024 * 1024  # the site's pages are well under 1 MB
MAX_LINE_CHARS = 20_000  # the longest paragraph of the site is about 2,000 characters
MAX_SIDECAR_BYTES = 64 * 1024


@dataclass(frozen=True)
class Limits:
    """How much of one capture the loader reads: a larger capture is skipped, a longer line cut,
    each with a parse issue saying so."""

    max_capture_bytes: int = MAX_CAPTURE_BYTES
    max_line_chars: int = MAX_LINE_CHARS


_DEFAULT_LIMITS = Limits()  # (frozen: one for every capture read without limits of its own)


# ---------------------------------------------------------------------------------------------
# finding captures


@dataclass
class Found:
    """What a walk of the raw folder found: capture files, and what it could not follow or read
    (as (relative path, problem) pairs)."""

    paths: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def printable_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _is_utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def _is_capture_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(CAPTURE_SUFFIXES + (BINARY_SUFFIX,)) and not lower.endswith(SIDECAR_SUFFIX)


def _within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _split(path: str) -> tuple[str, str]:
    """os.path.split(path) of a str path on POSIX (posixpath.split, written out without its
    generic steps): the folder without its trailing slashes (unless all slashes) and the name."""
    if os.sep != "/" or not isinstance(path, str):
        return os.path.split(path)
    i = path.rfind("/") + 1
    head, tail = path[:i], path[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


class _RealPaths:
    """Real paths (symlinks resolved, as os.path.realpath gives them) of the files of one capture,
    to check that none leads out of the raw folder. The raw root and each folder are resolved
    once: a file that is no symlink itself is its real folder's entry of the same name."""

    def __init__(self, root: Path | str, real_root: str | None = None):
        """`real_root`: os.path.realpath(root), when the caller has it (one per load)."""
        self.root = real_root if real_root is not None else os.path.realpath(root)
        self._folders = {os.fspath(root): self.root}

    def real(self, path: Path | str, st: os.stat_result | None = None) -> str:
        """os.path.realpath(path); `st` is the path's lstat when known."""
        folder, name = _split(os.fspath(path))
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        if st is None:
            try:
                st = os.lstat(path)
            except (OSError, ValueError):
                return os.path.realpath(path)
        if stat.S_ISLNK(st.st_mode):
            return os.path.realpath(path)
        real_folder = self._folders.get(folder)
        if real_folder is None:
            real_folder = self._folders[folder] = os.path.realpath(folder)
        # os.path.join(real_folder, name) of a name with no '/' in it
        return real_folder + name if not real_folder or real_folder.endswith("/") else f"{real_folder}/{name}"

    def within(self, path: Path | str, st: os.stat_result | None = None) -> bool:
        """Whether `path` really lies in the raw folder (itself or through symlinks)."""
        return _within(self.real(path, st), self.root)


def _entry_rel(prefix: str, entry: os.DirEntry) -> str:
    """A walked entry's path under the raw folder, as its problems name it (asked for only then)."""
    return printable_name(prefix + entry.name)


def walk_captures(raw_dir: Path) -> Found:
    """Every capture file under `raw_dir` (`.bin` files included: reading one reports it), in a
    stable order, and every problem met on the way:
    unreadable folders, symlinks that leave the folder (never followed), names that are not UTF-8,
    captures that are not regular files. Symlinks to files inside the folder are read; symlinks to
    folders are not followed (what they hold is inside the folder and found anyway)."""
    raw_dir = Path(raw_dir)
    root = os.path.realpath(raw_dir)
    found = Found()
    todo = [raw_dir]
    while todo:
        folder = todo.pop()
        rel_folder = folder.relative_to(raw_dir).as_posix()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as e:
            found.problems.append((printable_name(rel_folder), f"folder cannot be read ({e.strerror or e})"))
            continue
        subfolders = []
        prefix = "" if rel_folder == "." else rel_folder + "/"
        for entry in entries:
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as e:
                found.problems.append((_entry_rel(prefix, entry), f"cannot be read ({e.strerror or e})"))
                continue
            target = os.path.realpath(entry.path) if is_link else None
            to_dir = is_link and os.path.isdir(target)
            if not (is_dir or to_dir) and not _is_capture_name(entry.name):
                continue  # sidecars and other files
            if not _is_utf8_name(entry.name):
                what = "folder" if is_dir or to_dir else "file"
                found.problems.append((_entry_rel(prefix, entry), f"{what} name is not UTF-8: skipped"))
                continue
            if is_link:
                if not _within(target, root):
                    found.problems.append((_entry_rel(prefix, entry),
                                           "symlink leads out of the raw folder: not followed"))
                    continue
                if to_dir:
                    continue  # inside the folder: walked anyway
            if is_dir:
                subfolders.append(Path(entry.path))
                continue
            found.paths.append(Path(entry.path))
        todo.extend(reversed(subfolders))
    found.paths.sort()
    return found


def find_captures(raw_dir: Path) -> list[Path]:
    """Every capture file under `raw_dir`, in a stable order."""
    return walk_captures(raw_dir).paths


# ---------------------------------------------------------------------------------------------
# sidecars


_SIDECAR_TEXT_FIELDS = ("url", "fetched_at", "content_type")


# An http(s) URL whose host is letters, digits, dots and hyphens, without user or port: urlsplit
# finds that host as its netloc (ASCII, no brackets, no ':'), so it reads it and its port (None)
# without an error. The site's URLs and the sidecars' are all of this form.
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?:[/?#].*)?", re.S)


def _is_url(value: str) -> bool:
    """Whether `value` can be read as a URL at all (urlsplit refuses an unclosed IPv6 host,
    "https://[x/en/news/5", and a port that is not a number). A plain URL (_PLAIN_URL) is one
    without asking urlsplit (tests/test_read_fast_paths.py)."""
    value = value.strip()
    if _PLAIN_URL.fullmatch(value):
        return True
    try:
        urlsplit(value).port
    except ValueError:
        return False
    return True


def read_sidecar(path: Path, root: Path | None = None, *,
                 real_paths: _RealPaths | None = None) -> tuple[dict, list[str]]:
    """The sidecar of capture `path` (`NAME.meta.json`) as a dict of fields of the right types, and
    the problems met: a field of the wrong type is left out and said so; a sidecar that cannot be
    read at all raises CaptureError. With a `root`, a sidecar that is a symlink out of it is not
    read (`real_paths`: the capture's, when the caller has them)."""
    side_name = path.name + SIDECAR_SUFFIX
    # the sidecar's path as a string: the capture's and the suffix (what path.with_name(side_name)
    # gives, without making a Path of it)
    side = os.fspath(path) + SIDECAR_SUFFIX if path.name else path.with_name(side_name)
    try:
        side_stat = os.lstat(side)
    except (OSError, ValueError):  # as os.path.lexists: no sidecar
        return {}, []
    if root is not None and not (real_paths or _RealPaths(root)).within(side, side_stat):
        raise CaptureError(f"sidecar {side_name} is a symlink out of the raw folder: not followed")
    try:
        fd = os.open(side, os.O_RDONLY)
        try:
            raw = _read_up_to(fd, MAX_SIDECAR_BYTES + 1, os.fstat(fd).st_size)
        finally:
            os.close(fd)
    except OSError as e:
        raise CaptureError(f"sidecar {side_name} cannot be read ({e.strerror or e})") from e
    if len(raw) > MAX_SIDECAR_BYTES:
        raise CaptureError(f"sidecar {side_name} is over {MAX_SIDECAR_BYTES} bytes: not read")
    try:
        meta = json.loads(_decode_utf8_sig(raw))
    except (ValueError, UnicodeDecodeError) as e:
        raise CaptureError(f"sidecar {side_name} is not valid JSON: {e}") from e
    if not isinstance(meta, dict):
        raise CaptureError(f"sidecar {side_name} is not a JSON object")
    problems = []
    out = {}
    for key in _SIDECAR_TEXT_FIELDS:
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            problems.append(f"sidecar {side_name}: \"{key}\" is not text ({json.dumps(value)[:60]}): ignored")
        elif key == "url" and not _is_url(value):
            problems.append(f"sidecar {side_name}: \"url\" is not a URL ({json.dumps(value)[:60]}): ignored")
        else:
            out[key] = value
    status = meta.get("status")
    if status is not None:
        if isinstance(status, int) and not isinstance(status, bool) or isinstance(status, str) and status.isdigit():
            out["status"] = int(status)
        else:
            problems.append(f"sidecar {side_name}: \"status\" is not a number ({json.dumps(status)[:60]}): ignored")
    return out, problems


# ---------------------------------------------------------------------------------------------
# bytes -> text


def _decode_utf8_sig(data: bytes) -> str:
    """data.decode("utf-8-sig"): a leading BOM dropped, the rest decoded as UTF-8, in C (the codec
    "utf-8-sig" is written in Python). A failure is left to that codec, for its very error."""
    try:
        return (data[3:] if data.startswith(codecs.BOM_UTF8) else data).decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8-sig")


def decode_text(data: bytes) -> str:
    """Bytes -> text; refuses binary files rather than guessing."""
    if b"\x00" in data[:4096]:
        raise CaptureError("binary file (NUL bytes): not page text")
    try:
        return _decode_utf8_sig(data)
    except UnicodeDecodeError as e:
        raise CaptureError(f"not UTF-8 text (byte {e.start}): not page text") from e


# control characters (but tab, newlines, form feed), undecodable bytes and private-use characters
_NOT_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_NOT_TEXT_SHARE = 0.02
_NOT_TEXT_MIN = 8
# wrong charsets that leave UTF-8 bytes looking like text ("Ð¡Ð°Ð¹" for "Сай", "Ã¼" for "ü")
_MOJIBAKE_CODECS = ("cp1252", "latin-1", "cp1251")


# The bytes of the characters of _NOT_TEXT in UTF-8: C0 controls and DEL are these single bytes;
# U+0080-U+009F begin with 0xC2, U+FFFD and the private-use U+E000-U+F8FF with 0xEE or 0xEF.
_NOT_TEXT_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_TEXT_LEADS = (b"\xc2", b"\xee", b"\xef")


def _not_text_count(text: str, utf8: bytes | None = None) -> int:
    """How many characters of `text` _NOT_TEXT matches. With `utf8`, the UTF-8 bytes `text` was
    decoded from (strictly, with or without a BOM): when they hold none of the lead bytes of its
    characters outside ASCII, they are counted as bytes, in C (the regex reads each character)."""
    if utf8 is not None and not any(lead in utf8 for lead in _NOT_TEXT_LEADS):
        return len(utf8) - len(utf8.translate(None, _NOT_TEXT_BYTES))
    return len(_NOT_TEXT.findall(text))


def not_text(text: str, utf8: bytes | None = None) -> str | None:
    """Why `text` is not text (binary without NUL bytes, bytes that the charset did not decode),
    or None. `utf8`: the bytes `text` was decoded from as UTF-8, when the caller has them."""
    bad = _not_text_count(text, utf8)
    if bad >= _NOT_TEXT_MIN and bad > _NOT_TEXT_SHARE * len(text):
        return (f"not text: {bad} of {len(text)} characters are control characters or bytes "
                "that are not in its charset (binary data?)")
    return None


def _byte_of(codec: str) -> dict[str, int]:
    """The byte of each character a one-byte charset has."""
    table = {}
    for byte in range(256):
        try:
            table[bytes([byte]).decode(codec)] = byte
        except UnicodeDecodeError:
            continue  # a byte the charset leaves undefined
    return table


_BYTE_OF = {codec: _byte_of(codec) for codec in _MOJIBAKE_CODECS}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _could_be_utf8_in(codec: str, first: str, second: str) -> bool:
    """Whether a line whose first character outside ASCII is `first`, followed by `second`, can be
    UTF-8 read as `codec`: put back into `codec`, `first` must give a UTF-8 lead byte and `second`
    a continuation byte, else encoding or decoding fails right there (everything before is ASCII)."""
    byte_of = _BYTE_OF[codec]
    lead, cont = byte_of.get(first), byte_of.get(second)
    return lead is not None and 0xC2 <= lead <= 0xF4 and cont is not None and 0x80 <= cont <= 0xBF


@lru_cache(maxsize=1 << 12)  # pure; the letters that open lines repeat (at most 4k pairs kept)
def _codecs_to_try(first: str, second: str) -> tuple[str, ...]:
    """The charsets of _MOJIBAKE_CODECS in which a line whose first character outside ASCII is
    `first`, followed by `second`, can be UTF-8 read wrongly (_could_be_utf8_in), in their order."""
    return tuple(codec for codec in _MOJIBAKE_CODECS if _could_be_utf8_in(codec, first, second))


def _mojibake_line(line: str) -> str | None:
    """The charset in which `line` is UTF-8 text read wrongly, or None."""
    found = _NOT_ASCII.search(line)
    if found is None:
        return None  # ASCII reads the same in every charset
    at = found.start()
    # (the cheap test: most lines have no charset to try, and raise no exception)
    for codec in _codecs_to_try(line[at], line[at + 1:at + 2]):
        try:
            fixed = line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != line:
            return codec
    return None


def mojibake(lines: list[str]) -> str | None:
    """Why these lines are mojibake (UTF-8 read in a one-byte charset), or None: at least half of
    the lines with letters outside ASCII read as UTF-8 once put back into that charset."""
    wide = [line for line in lines if not line.isascii()]
    if not wide:
        return None
    codecs = []
    misses = 0
    for codec in map(_mojibake_line, wide):
        if codec:
            codecs.append(codec)
            continue
        misses += 1
        if misses > len(wide) // 2:
            return None  # fewer than half the lines are left to read as mojibake: the answer is no
    if codecs and len(codecs) * 2 >= len(wide):
        codec = max(set(codecs), key=codecs.count)
        return (f"mojibake: {len(codecs)} of {len(wide)} lines are UTF-8 text read as {codec} "
                "(the wrong charset): not page text")
    return None


# ---------------------------------------------------------------------------------------------
# one capture


def _read_fd(fd: int, n: int) -> bytes:
    """What a buffered file's read(n) gives from file descriptor `fd`: n bytes, fewer only at the
    end of the file (os.read, with no file object made for one read)."""
    data = os.read(fd, n)
    if 0 < len(data) < n:
        parts = [data]
        got = len(data)
        while got < n:
            more = os.read(fd, n - got)
            if not more:
                break
            parts.append(more)
            got += len(more)
        data = b"".join(parts)
    return data


def _read_up_to(fd: int, most: int, size: int) -> bytes:
    """Everything up to `most` bytes of the file open as `fd`, whose size is said to be `size`:
    asked for at most the size and one byte first, so that a small file is not read into a buffer
    of the cap's size (8 MB: a costly allocation per capture); a file that grew meanwhile, or
    whose size says nothing (/proc), is read on."""
    first = min(max(size, 0) + 1, most)
    data = _read_fd(fd, first)
    if len(data) == first < most:
        data += _read_fd(fd, most - first)
    return data


def _read_bytes(path: Path, root: Path, limit: int) -> tuple[bytes | None, str, int]:
    """(bytes or None when over `limit`, sha256, size). The file is opened once and read at most
    `limit` + 1 bytes into memory; a larger one is only hashed, in chunks. The caller has checked
    that `path` lies within `root` (read_capture does, before it reads)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO must not block the load
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise CaptureError("not a regular file: not read")
        data = _read_up_to(fd, limit + 1, st.st_size)
        if len(data) <= limit:
            return data, hashlib.sha256(data).hexdigest(), len(data)
        h = hashlib.sha256(data)
        size = len(data)
        del data
        for chunk in iter(lambda: _read_fd(fd, 1 << 20), b""):
            h.update(chunk)
            size += len(chunk)
        return None, h.hexdigest(), size
    finally:
        os.close(fd)


def read_capture(path: Path, root: Path, limits: Limits | None = None, *, real_root: str | None = None) -> Capture:
    """Read one capture file and its sidecar (`real_root`: os.path.realpath(root), when known).

    Raises CaptureError when the file cannot become page text (its `capture` holds what was
    known); problems that leave the rest readable (a line cut at the cap, a sidecar field of the
    wrong type) are in `capture.problems` as (line, problem, excerpt).
    """
    limits = limits or _DEFAULT_LIMITS
    suffix = path.suffix.lower()
    binary = suffix == BINARY_SUFFIX
    real_paths = _RealPaths(root, real_root)
    if not real_paths.within(path):
        raise CaptureError("symlink leads out of the raw folder: not followed")
    # a .bin file is only hashed (in chunks, never held in memory), whatever its size
    data, sha, size = _read_bytes(path, root, 0 if binary else limits.max_capture_bytes)
    rel = _relative(path, root)
    cap = Capture(
        id=sha,
        path=rel,
        format="binary" if binary else "html" if suffix in (".html", ".htm") else "text",
        size=size,
    )
    try:
        meta, problems = read_sidecar(path, root, real_paths=real_paths)
    except CaptureError as e:
        raise CaptureError(str(e), cap) from e
    cap.problems.extend((0, p, "") for p in problems)
    cap.url = meta.get("url") or None
    cap.fetched_at = meta.get("fetched_at") or None
    cap.status = meta.get("status")
    if binary:
        kind = (meta.get("content_type") or "").split(";", 1)[0].strip().lower()[:100] or "unknown content type"
        raise CaptureError(f"not an HTML page ({kind}): not read", cap)
    if data is None:
        raise CaptureError(f"capture of {size} bytes is over the cap of {limits.max_capture_bytes} bytes: "
                           "skipped (saylav load --max-capture-bytes)", cap)
    if not data.strip():
        raise CaptureError("empty file", cap)
    try:
        if cap.format == "html" and b"\x00" not in data[:4096]:
            # a crawled page keeps the bytes the server sent: its charset says how to read them
            text = decode_html(data, meta.get("content_type"))
            utf8 = None
        else:
            text = decode_text(data)
            utf8 = data  # (decoded as UTF-8: not_text counts on its bytes)
        del data
        reason = not_text(text, utf8)
        del utf8
        if reason:
            raise CaptureError(reason)
        if cap.format == "html" or _looks_like_html(text):
            page = html_to_page(text, cap.url)
            cap.format = "html"
            lines = page.text.split("\n")
            cap.main_line_count = page.main_line_count
            cap.links = dict(page.links)
        else:
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        del text
        reason = mojibake(lines)
        if reason:
            raise CaptureError(reason)
    except CaptureError as e:
        raise CaptureError(str(e), cap) from e
    cap.lines = _cut_long_lines(lines, limits.max_line_chars, cap.problems)
    return cap


def _relative(path: Path, root: Path) -> str:
    """path.relative_to(root).as_posix(). A path that is its root's string, a slash and more is
    that more (Path strings are normal: no '.', no doubled or trailing slash); any other is left
    to pathlib."""
    if isinstance(path, Path) and isinstance(root, Path) and os.sep == "/":
        whole, base = os.fspath(path), os.fspath(root)
        if base not in ("/", ".") and whole.startswith(base) and whole[len(base):len(base) + 1] == "/":
            return whole[len(base) + 1:]
    return path.relative_to(root).as_posix()


def _cut_long_lines(lines: list[str], limit: int, problems: list) -> list[str]:
    if not lines or max(map(len, lines)) <= limit:
        return lines  # nothing to cut (most captures): one pass in C
    for i, line in enumerate(lines):
        if len(line) > limit:
            problems.append((i + 1, f"line of {len(line)} characters cut to the cap of {limit} "
                                    "(saylav load --max-line-chars)", line[:200]))
            lines[i] = line[:limit]
    return lines


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith("<!doctype html") or head.startswith("<html")
