"""Stage 1, reading: capture files -> sightings (one news item as one capture shows it).

    read_all(raw_dir) -> captures, sightings, issues

reads every capture (etl.capture), splits its page text into items (etl.page) and gives each item its
language, site id and URL. Captures are independent, so this runs in worker processes; what one
capture yields depends on its bytes (and sidecar) only, which is what etl.cache keeps.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .capture import (
    Capture,
    CaptureError,
    Limits,
    parse_url,
    printable_name,
    read_capture,
    walk_captures,
)
from .issues import _issue
from .page import RawItem, split_page, strip_ellipsis
from .parallel import pimap
# id_words: the words of an item id made from a title or a text, at most 48 characters of its
# slug (exactly slugify's, fast: etl.slug); public here, etl.merge takes it from this module
from .slug import id_words
from .text import detect_lang, fold


@dataclass
class Sighting:
    capture: Capture
    raw: RawItem
    lang: str
    site_id: int | None
    url: str | None
    opening: str = ""  # folded text without a cut word: what merging compares
    # id_words of the text, for a sighting without title or site id (what an item id is made of
    # then, etl.merge): worked out here, in the workers and once per capture, not by the load
    text_words: str | None = None


Progress = Callable[[Iterable], Iterable]


def _no_progress(it, **kw):
    return it


def read_one(path: Path, root: Path, limits: Limits | None = None,
             real_root: str | None = None) -> tuple[Capture | None, list[Sighting], list[dict]]:
    """One capture file read and split into sightings, with the problems met. Pure but for reading
    the file, so it runs in worker processes. Never raises: every problem is a parse issue.
    `real_root` is os.path.realpath(root) when the caller has it (read_all: once per load)."""
    issues: list[dict] = []
    try:
        cap = read_capture(path, root, limits, real_root=real_root)
    except CaptureError as e:
        cap = e.capture
        if cap is None:  # not read at all (not a regular file, a symlink out of the folder)
            issues.append(_issue(None, 0, str(e), printable_name(path.relative_to(root).as_posix())))
            return None, [], issues
        issues.append(_issue(cap.id, 0, str(e), ""))
        return cap, [], issues
    except OSError as e:
        rel = printable_name(path.relative_to(root).as_posix())
        issues.append(_issue(None, 0, f"capture cannot be read ({e.strerror or e})", rel))
        return None, [], issues
    except Exception as e:  # a reader fault on one file must not stop the archive's load
        rel = printable_name(path.relative_to(root).as_posix())
        issues.append(_issue(None, 0, f"capture could not be read ({type(e).__name__}: {e})", rel))
        return None, [], issues
    for line, problem, excerpt in cap.problems:
        issues.append(_issue(cap.id, line, problem, excerpt))
    cap.problems = []
    try:
        sightings = sightings_of(cap, issues)
    except Exception as e:  # a parser fault on one page must not stop the archive's load
        issues.append(_issue(cap.id, 0, f"page could not be split ({type(e).__name__}: {e})", ""))
        sightings = []
    cap.lines, cap.links = [], {}  # no longer needed: keep what crosses process boundaries small
    return cap, sightings, issues


def _read_one_star(args):
    return read_one(*args)


PARALLEL_MIN_CAPTURES = 400


@contextmanager
def no_cyclic_gc():
    """The cyclic garbage collector paused for a while, then as it was.

    Reading makes hundreds of thousands of objects that live on (captures, sightings, their texts)
    and next to no cyclic garbage (html_to_page breaks its tree's cycles), so the collector would
    only walk the growing heap again and again: about 5% of a serial read, 40% of the main process'
    work in a parallel one. What is collected does not change; only when."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_all(raw_dir: Path, progress: Progress = _no_progress, workers: int | None = None,
             limits: Limits | None = None, cache=None, full: bool = False):
    """Every capture under raw_dir, read and split into sightings, and the problems met.

    Captures are independent, so a large folder is read by a pool of worker processes (one per
    core); results come back in path order, so the outcome is the same as a serial read.

    With a `cache` (etl.cache.LoadCache), a capture whose bytes, sidecar, path and limits were read
    before by the same parsers is not read again: its sightings come from the cache, and what is
    read afresh goes into it (`full`: nothing is taken from the cache, everything goes in). The keys
    used are recorded in the cache, which keeps only those at the end of the load.
    """
    with no_cyclic_gc():
        return _read_all(raw_dir, progress, workers, limits, cache, full)


def _read_all(raw_dir, progress, workers, limits, cache, full):
    found = walk_captures(raw_dir)
    paths = found.paths
    workers = workers if workers is not None else (os.cpu_count() or 1)
    real_root = os.path.realpath(raw_dir)  # once, not once per capture
    if cache is None:
        jobs = [(p, raw_dir, limits, real_root) for p in paths]
        results = list(_map_reads(_read_one_star, jobs, workers, progress))
    else:
        results = _read_cached(paths, raw_dir, limits, cache, full, workers, progress, real_root)
    captures: list[Capture] = []
    sightings: list[Sighting] = []
    issues: list[dict] = [_issue(None, 0, problem, rel) for rel, problem in found.problems]
    seen: set[str] = set()
    for cap, found_sightings, problems in results:
        if cap is not None and cap.id in seen:
            continue  # the same bytes twice (a copy): one capture
        issues.extend(problems)
        if cap is not None:
            seen.add(cap.id)
            captures.append(cap)
        sightings.extend(found_sightings)
    return captures, sightings, issues


def _read_one_pickled(args) -> bytes:
    return pickle.dumps(read_one(*args), protocol=pickle.HIGHEST_PROTOCOL)


def _read_cached(paths, raw_dir, limits, cache, full, workers, progress, real_root=None):
    """read_one of every path (in path order), through the cache.

    With nothing to take from the cache (`full`, or a cache without captures: the first load), the
    workers compute each capture's key as they read it, rather than the load hashing every file
    first; otherwise the keys come first, to read only what the cache lacks. Either way the results
    are unpickled as the workers hand them over, while they read on."""
    from .cache import _stat_path

    limits_ = limits or Limits()
    results: list = [None] * len(paths)
    if full or cache.is_empty("read"):
        jobs = [(p, raw_dir, limits, real_root) for p in paths]
        read = _map_reads(_read_one_keyed, jobs, workers, progress)
        todo, keys = list(range(len(paths))), [None] * len(paths)
    else:
        keys = cache.capture_keys(paths, raw_dir, limits_)
        stored = cache.get_read([k for k in keys if k])
        todo = []
        for idx, key in enumerate(keys):
            blob = stored.get(key) if key else None
            if blob is not None:
                try:
                    results[idx] = pickle.loads(blob)
                    cache.hits["read"] += 1
                    continue
                except Exception as e:  # a damaged entry: read the capture afresh
                    cache.unusable("read", key, e)
            todo.append(idx)
        jobs = [(paths[i], raw_dir, limits, real_root) for i in todo]
        # (their signatures were recorded by capture_keys)
        read = ((None, keys[i], blob) for i, blob in zip(todo, _map_reads(_read_one_pickled, jobs, workers, progress)))
    cache.misses["read"] += len(todo)
    fresh = []
    for idx, (signature, key, blob) in zip(todo, read):
        if signature is not None:
            cache.remember(_stat_path(paths[idx], raw_dir, limits_), signature, key)
        results[idx] = pickle.loads(blob)
        keys[idx] = key
        if key:
            fresh.append((key, blob))
    cache.use("read", keys)
    cache.put_read(fresh)
    return results


def _read_one_keyed(args) -> tuple[str | None, str | None, bytes]:
    """A capture's file signature and cache key (etl.cache.file_signature, capture_key), and what
    read_one makes of it, pickled. The signature is taken first, so a file changed meanwhile is
    hashed again next time."""
    from .cache import capture_key, file_signature

    path, raw_dir, limits, _ = args
    signature = file_signature(path)
    return signature, capture_key(path, raw_dir, limits or Limits()), _read_one_pickled(args)


def _map_reads(fn, jobs, workers, progress):
    """fn over jobs (etl.parallel.pimap: in worker processes when there are enough), in job order,
    with the progress of reading."""
    return progress(pimap(fn, jobs, workers, min_jobs=PARALLEL_MIN_CAPTURES), desc="reading captures",
                    unit="capture", total=len(jobs))


def _sha(path: Path) -> str:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return hashlib.sha256(os.fsencode(path)).hexdigest()


def sightings_of(cap: Capture, issues: list[dict]) -> list[Sighting]:
    if not cap.lines:
        return []
    split = split_page(
        cap.lines,
        main_line_count=cap.main_line_count,
        is_listing_page=cap.is_listing,
        links=cap.links,
    )
    for line, problem, excerpt in split.problems:
        issues.append(_issue(cap.id, line, problem, excerpt))
    out = []
    url_lang, section, _ = parse_url(cap.url)
    cap_site_id = cap.site_id  # (a property: asked once, not for each item)
    for raw in split.items:
        if raw.position == "main" and not raw.date and not any(len(p) >= 40 for p in raw.paragraphs):
            issues.append(_issue(cap.id, raw.line, "unknown page layout: no date line, title or body found",
                                 "\n".join(filter(None, [raw.title, raw.text]))[:200]))
            continue
        body = raw.text
        # " ".join(filter(None, [raw.title, body])), without the list: one of them alone is itself
        text = f"{raw.title} {body}" if raw.title and body else raw.title or body or ""
        lang = detect_lang(text) or url_lang
        if lang is None:
            issues.append(_issue(cap.id, raw.line, "item language unknown", text[:200]))
            continue
        site_id, url = None, raw.url
        if raw.position == "main" and cap_site_id is not None:
            site_id, url = cap_site_id, cap.url
        elif raw.url:
            l2, s2, i2 = parse_url(raw.url)
            site_id = i2 if s2 == "news" else None
        if raw.position == "main" and section not in (None, "news"):
            url = cap.url
        sighting = Sighting(cap, raw, lang, site_id, url)
        sighting.opening = _opening(sighting, body)
        if site_id is None and not raw.title:
            sighting.text_words = id_words(body)
        out.append(sighting)
    return out


OPENING_CHARS = 600  # longer than any sidebar or listing snippet the site prints (about 200)
UNTITLED_MIN_CHARS = 200  # an untitled full text joins a titled one only over this much text
BUCKET_CHARS = 20  # sightings are compared only within the same title and first folded characters


def _opening(s: Sighting, text: str | None = None) -> str:
    """The folded opening of a sighting's text (`text`: s.raw.text, when the caller has it), without
    the word a '...' cut in half."""
    if text is None:
        text = s.raw.text
    if s.raw.is_snippet or text.rstrip().endswith(("...", "…")):
        text = strip_ellipsis(text).rsplit(" ", 1)[0] if " " in text else ""
    elif len(text) > OPENING_CHARS:
        text = text[:OPENING_CHARS].rsplit(" ", 1)[0]
    return fold(text)
