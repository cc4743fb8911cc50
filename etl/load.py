"""Orchestration: raw captures -> items -> facts -> entities -> a new database, replaced atomically.

    load(raw_dir, db_path)

reads every capture under `raw_dir`, builds the database in a temporary file next to `db_path`,
checks it (integrity, foreign keys) and only then moves it over `db_path` with one `os.replace`.
A capture that cannot be read becomes a row of `parse_issues`; the load goes on.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import operator
import os
import re
import sqlite3
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

import sqlite_utils
from slugify import slugify

from . import dates as D
from .build import LoadError, check, publish, write, write_inspect  # noqa: F401 (write, check: public)
from .capture import Capture, CaptureError, Limits, parse_url, printable_name, read_capture, walk_captures
from .entities import Registry, constituency_id, constituency_name_latin, organizations_in
from .facts.elections import KNOWN_ELECTIONS, ElectionRef, bodies_in, election_for, elections_in, known_polling_day
from .facts.kinds import classify
from .facts.meetings import parse_meeting, reports_meeting
from .facts.regions import REGION_NAMES, region_name
from .facts.results import CandidateShare, ElectedToOffice, ResultIssue, results_in
from .facts.turnout import parse_turnout
from .html_text import CANONICAL_HOST, SITE_HOSTS
from .page import RawItem, split_page, strip_ellipsis
from .schema import TABLES, ensure_shape
from .text import TURKMEN_LETTERS, detect_lang, fold


@dataclass
class Sighting:
    capture: Capture
    raw: RawItem
    lang: str
    site_id: int | None
    url: str | None
    opening: str = ""  # folded text without a cut word: what merging compares


@dataclass
class Item:
    """A news item in one language, merged from all its sightings."""

    id: str = ""
    lang: str = ""
    site_id: int | None = None
    url: str | None = None
    sightings: list[Sighting] = field(default_factory=list)
    title: str | None = None
    date: D.DayMonth | None = None
    body: str | None = None
    snippet: str | None = None
    published_on: date | None = None
    date_basis: str | None = None
    kind: str = "other"
    elections: list[ElectionRef] = field(default_factory=list)

    @property
    def text(self) -> str:
        # a snippet keeps its "...", so that facts read from it can tell they were cut
        return self.body or self.snippet or ""

    @property
    def is_truncated(self) -> bool:
        return self.body is None


@dataclass
class LoadSummary:
    captures: int = 0
    items: int = 0
    facts: int = 0
    parse_issues: int = 0
    seconds: dict = field(default_factory=dict)
    rows: int = 0

    def __str__(self) -> str:
        return (f"{self.captures} captures, {self.items} items, {self.facts} facts, "
                f"{self.parse_issues} parse issues")


Progress = Callable[[Iterable], Iterable]


def _no_progress(it, **kw):
    return it


# ---------------------------------------------------------------------------------------------
# read and split


def read_one(path: Path, root: Path, limits: Limits | None = None) -> tuple[Capture | None, list[Sighting], list[dict]]:
    """One capture file read and split into sightings, with the problems met. Pure but for reading
    the file, so it runs in worker processes. Never raises: every problem is a parse issue."""
    issues: list[dict] = []
    try:
        cap = read_capture(path, root, limits)
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


def read_all(raw_dir: Path, progress: Progress = _no_progress, workers: int | None = None,
             limits: Limits | None = None):
    """Every capture under raw_dir, read and split into sightings, and the problems met.

    Captures are independent, so a large folder is read by a pool of worker processes (one per
    core); results come back in path order, so the outcome is the same as a serial read.
    """
    found = walk_captures(raw_dir)
    paths = found.paths
    workers = workers if workers is not None else (os.cpu_count() or 1)
    jobs = [(p, raw_dir, limits) for p in paths]
    if workers > 1 and len(paths) >= PARALLEL_MIN_CAPTURES:
        with _pool(workers) as pool:
            results = list(progress(pool.map(_read_one_star, jobs, chunksize=64), desc="reading captures",
                                    unit="capture", total=len(jobs)))
    else:
        results = [read_one(*job) for job in progress(jobs, desc="reading captures", unit="capture")]
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


def _sha(path: Path) -> str:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return hashlib.sha256(os.fsencode(path)).hexdigest()


def _issue(capture_id, line, problem, excerpt):
    return {"capture_id": capture_id, "line": line, "problem": problem, "excerpt": (excerpt or "")[:300]}


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
    for raw in split.items:
        if raw.position == "main" and not raw.date and not any(len(p) >= 40 for p in raw.paragraphs):
            issues.append(_issue(cap.id, raw.line, "unknown page layout: no date line, title or body found",
                                 "\n".join(filter(None, [raw.title, raw.text]))[:200]))
            continue
        text = " ".join(filter(None, [raw.title, raw.text]))
        lang = detect_lang(text) or url_lang
        if lang is None:
            issues.append(_issue(cap.id, raw.line, "item language unknown", text[:200]))
            continue
        site_id, url = None, raw.url
        if raw.position == "main" and cap.site_id is not None:
            site_id, url = cap.site_id, cap.url
        elif raw.url:
            l2, s2, i2 = parse_url(raw.url)
            site_id = i2 if s2 == "news" else None
        if raw.position == "main" and section not in (None, "news"):
            url = cap.url
        sighting = Sighting(cap, raw, lang, site_id, url)
        sighting.opening = _opening(sighting)
        out.append(sighting)
    return out


# ---------------------------------------------------------------------------------------------
# merge sightings into items


OPENING_CHARS = 600  # longer than any sidebar or listing snippet the site prints (about 200)
UNTITLED_MIN_CHARS = 200  # an untitled full text joins a titled one only over this much text
BUCKET_CHARS = 20  # sightings are compared only within the same title and first folded characters


def _opening(s: Sighting) -> str:
    """The folded opening of a sighting's text, without the word a '...' cut in half."""
    text = s.raw.text
    if s.raw.is_snippet or text.rstrip().endswith(("...", "…")):
        text = strip_ellipsis(text).rsplit(" ", 1)[0] if " " in text else ""
    elif len(text) > OPENING_CHARS:
        text = text[:OPENING_CHARS].rsplit(" ", 1)[0]
    return fold(text)


def merge(sightings: list[Sighting]) -> list[Item]:
    """Group sightings of the same item.

    Two sightings are one item when they share language and site id, or language, title and text
    (one text the start of the other: a sidebar snippet is the opening of the full story).
    """
    parent = list(range(len(sightings)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_site: dict[tuple, int] = {}
    buckets: dict[tuple, list[int]] = defaultdict(list)
    untitled: dict[tuple, list[int]] = defaultdict(list)
    openings = [s.opening for s in sightings]
    for i, s in enumerate(sightings):
        if s.site_id is not None:
            key = (s.lang, s.site_id)
            if key in by_site:
                union(i, by_site[key])
            else:
                by_site[key] = i
        title = fold(s.raw.title)
        if title or len(openings[i]) >= 30:
            buckets[(s.lang, title[:120], openings[i][:BUCKET_CHARS])].append(i)
        if len(openings[i]) >= UNTITLED_MIN_CHARS and not s.raw.is_snippet:
            # a story seen once with its title and once without (a second excerpt of the page
            # that starts below the headline): the same text is the same item
            untitled[(s.lang, openings[i][:BUCKET_CHARS])].append(i)
    for members in buckets.values():
        clusters: list[tuple[str, int]] = []  # (longest opening, representative)
        for i in sorted(members, key=lambda k: -len(openings[k])):
            text = openings[i]
            for rep_text, rep in clusters:
                if rep_text.startswith(text) or text.startswith(rep_text):
                    if _ids_agree(sightings[i], sightings[rep]):
                        union(i, rep)
                        break
            else:
                clusters.append((text, i))
    for members in untitled.values():
        titled = [i for i in members if sightings[i].raw.title]
        for i in members:
            if sightings[i].raw.title:
                continue
            same = [j for j in titled if (openings[j].startswith(openings[i]) or openings[i].startswith(openings[j]))
                    and _ids_agree(sightings[i], sightings[j])]
            if len({find(j) for j in same}) == 1:  # exactly one titled story has this text
                union(i, same[0])
    groups: dict[int, list[Sighting]] = defaultdict(list)
    for i, s in enumerate(sightings):
        groups[find(i)].append(s)
    items = [_merge_group(group) for _, group in sorted(groups.items())]
    _assign_ids(items)
    return items


def _ids_agree(a: Sighting, b: Sighting) -> bool:
    return a.site_id is None or b.site_id is None or a.site_id == b.site_id


def site_url(url: str | None) -> str | None:
    """An item's URL on the site's main host: www., http and the mirror are the same page."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in SITE_HOSTS:
        return urlunsplit(("https", CANONICAL_HOST, parts.path, parts.query, ""))
    return url


POSITION_RANK = {"main": 0, "listing": 1, "sidebar": 2}


def _merge_group(group: list[Sighting]) -> Item:
    item = Item(sightings=group, lang=group[0].lang)
    item.site_id = next((s.site_id for s in group if s.site_id is not None), None)
    item.url = site_url(next((s.url for s in group if s.url and s.site_id is not None),
                             next((s.url for s in group if s.url), None)))
    titles = [s.raw.title for s in group if s.raw.title]
    item.title = max(titles, key=len) if titles else None
    # the date the item's own page prints comes before any sidebar or listing sighting of it; a
    # date line that prints its year before one that does not
    dated = sorted((s for s in group if s.raw.date),
                   key=lambda s: (POSITION_RANK.get(s.raw.position, 3), s.raw.date.year is None))
    item.date = dated[0].raw.date if dated else None
    bodies = [s.raw.text for s in group if not s.raw.is_snippet and s.raw.text]
    snippets = [s.raw.text for s in group if s.raw.is_snippet and s.raw.text]
    item.body = max(bodies, key=len) if bodies else None
    item.snippet = max(snippets, key=len) if snippets else None
    if item.snippet is None and item.body:
        item.snippet = item.body[:200].rsplit(" ", 1)[0] + "..." if len(item.body) > 200 else item.body
    return item


def _assign_ids(items: list[Item]) -> None:
    used: set[str] = set()
    stable = {id(i): _stable(i) for i in items}
    for item in sorted(items, key=lambda i: (i.site_id is None, i.site_id or 0, i.lang, stable[id(i)])):
        if item.site_id is not None:
            base = f"{item.lang}-{item.site_id}"
        else:
            words = slugify(item.title or item.text, max_length=48, word_boundary=True) or "item"
            base = f"{item.lang}-{words}-{stable[id(item)][:6]}"
        ident, n = base, 2
        while ident in used:
            ident, n = f"{base}-{n}", n + 1
        used.add(ident)
        item.id = ident


def _stable(item: Item) -> str:
    """A hash of what every sighting of the item shares: language, title, date line and the
    opening of its text (the shortest opening seen, which is the start of every longer one)."""
    opening = min((s.opening for s in item.sightings), key=len)[:200]
    basis = "|".join([item.lang, fold(item.title), opening, item.date.text if item.date else ""])
    return hashlib.sha1(basis.encode()).hexdigest()


# ---------------------------------------------------------------------------------------------
# dates


def fix_dates(items: list[Item], issues: list[dict]) -> None:
    """Give each item with a date line its year, recording how it was fixed (`date_basis`).

    In order of trust: a year printed with the date (`date-line`; `dateline` for a press page's time
    stamp or dateline, "2018-03-25 10:35", "OREANDA-NEWS. February 14, 2012"); a full date in the
    item's own text; the article id between neighbours whose dates are known; neighbours in a
    newest-first list (sidebar, listing; one list per excerpt of a capture); the capture's fetch
    time for sidebar and listing items. Never the main story's year for a sidebar item.
    """
    dated = [i for i in items if i.date]
    for item in dated:
        if item.date.year:
            _set(item, item.date.year, item.date.basis or "date-line")
    undated = [i for i in dated if not i.published_on]
    years = pmap(_year_from_text_star, [(i.date, f"{i.title or ''}\n{i.text}") for i in undated])
    for item, y in zip(undated, years):
        if y:
            _set(item, y, "text")
    # neighbours in the newest-first lists of each capture
    for _ in range(3):
        changed = _from_list_neighbours(items)
        changed += _from_site_ids(items, corpus_only=True)
        if not changed:
            break
    for item in dated:
        if item.published_on is None:
            _from_fetch_time(item)
    _from_site_ids(items, corpus_only=False)
    _from_list_neighbours(items)

    # One site id is one story in three languages, published together: a translation without a
    # year (or without a date line at all) takes the date of its dated twin.
    by_story: dict[int, set] = defaultdict(set)
    for item in items:
        if item.site_id is not None and item.published_on and item.date_basis != "story":
            by_story[item.site_id].add(item.published_on)
    for item in items:
        days = by_story.get(item.site_id) if item.site_id is not None else None
        if item.published_on or not days or len(days) != 1:
            continue
        day = next(iter(days))
        if item.date is None:
            item.published_on, item.date_basis = day, "story"
        elif (item.date.day, item.date.month) == (day.day, day.month):
            _set(item, day.year, "story")
    _drop_dates_against_ids(items, issues)


STRONG_BASES = ("date-line", "dateline", "text", "polling-day")
ID_ORDER_SLACK_DAYS = 7  # a translation or a late edit may stand a little out of order


def _drop_dates_against_ids(items: list[Item], issues: list[dict]) -> None:
    """Article ids grow with time: a year that was inferred (not read) and puts an article before
    a lower-numbered one, or after a higher-numbered one, whose date was read from its text is
    wrong. Such a date is dropped (NULL) and reported, never kept."""
    strong = sorted((i.site_id, i.published_on) for i in items
                    if i.site_id is not None and i.published_on and i.date_basis in STRONG_BASES)
    if not strong:
        return
    ids = [k for k, _ in strong]
    latest_below, best = [], None
    for _, d in strong:
        best = d if best is None or d > best else best
        latest_below.append(best)
    earliest_above, best = [None] * len(strong), None
    for k in range(len(strong) - 1, -1, -1):
        d = strong[k][1]
        best = d if best is None or d < best else best
        earliest_above[k] = best
    slack = D.timedelta(days=ID_ORDER_SLACK_DAYS)
    for item in items:
        if item.site_id is None or not item.published_on or item.date_basis in STRONG_BASES:
            continue
        lo = bisect.bisect_left(ids, item.site_id)  # strong ids below this one end before lo
        hi = bisect.bisect_right(ids, item.site_id)
        before = latest_below[lo - 1] if lo else None
        after = earliest_above[hi] if hi < len(strong) else None
        if (before and item.published_on < before - slack) or (after and item.published_on > after + slack):
            sighting = item.sightings[0]
            issues.append(_issue(sighting.capture.id, sighting.raw.line,
                                 f"date {item.published_on} ({item.date_basis}) contradicts the order of article "
                                 "ids: left unknown", item.date.text if item.date else ""))
            item.published_on, item.date_basis = None, None


def _set(item: Item, year: int, basis: str) -> bool:
    d = D.make_date(year, item.date.day, item.date.month)
    if d is None:
        return False
    item.published_on, item.date_basis = d, basis
    return True


def _from_list_neighbours(items: list[Item]) -> int:
    # one newest-first list per excerpt of a capture: excerpts joined by "-----" are crawls of
    # one address made years apart, so their items are no neighbours
    by_capture: dict[tuple, list[tuple[int, Item]]] = defaultdict(list)
    for item in items:
        for s in item.sightings:
            if s.raw.position in ("sidebar", "listing") and item.date:
                by_capture[(s.capture.id, s.raw.excerpt)].append((s.raw.line, item))
    changed = 0
    for rows in by_capture.values():
        rows.sort(key=lambda r: r[0])
        seq = [it for _, it in rows]
        for idx, item in enumerate(seq):
            if item.published_on:
                continue
            newer = next((seq[j] for j in range(idx - 1, -1, -1) if seq[j].published_on), None)
            older = next((seq[j] for j in range(idx + 1, len(seq)) if seq[j].published_on), None)
            y = None
            if newer and older:
                y = D.year_between(item.date, older.published_on, newer.published_on)
            elif newer:
                y = D.year_before(item.date, newer.published_on)
            elif older:
                for cand in (older.published_on.year, older.published_on.year + 1):
                    d = D.make_date(cand, item.date.day, item.date.month)
                    if d and d >= older.published_on and (d - older.published_on).days < 366:
                        y = cand
                        break
            if y and _set(item, y, "list-neighbours"):
                changed += 1
    return changed


def _from_site_ids(items: list[Item], corpus_only: bool) -> int:
    """Year from the article id: ids grow with time, so an article's date lies between those of
    its lower and higher numbered neighbours whose dates are known. Without `corpus_only`, the
    site's known id milestones (dates.ID_ANCHORS) join the neighbours, and failing a bracket, the
    interpolated estimate picks the year when only one lies within dates.ID_TOLERANCE_DAYS."""
    known = sorted({(i.site_id, i.published_on) for i in items
                    if i.site_id is not None and i.published_on
                    and i.date_basis in ("date-line", "text", "list-neighbours", "capture-date", "polling-day")})
    if not corpus_only:
        known = sorted(set(known) | set(D.ID_ANCHORS))
    changed = 0
    ids = [k[0] for k in known]
    for item in items:
        if item.published_on or item.site_id is None or not item.date:
            continue
        hi = bisect.bisect_right(ids, item.site_id)
        lower = known[hi - 1] if hi else None
        lo = bisect.bisect_left(ids, item.site_id)
        higher = known[lo] if lo < len(known) else None
        y = D.year_between(item.date, lower[1], higher[1]) if lower and higher and lower[1] <= higher[1] else None
        close = lower and higher and (
            (higher[1] - lower[1]).days <= D.ID_MAX_SPAN_DAYS
            or min(item.site_id - lower[0], higher[0] - item.site_id) <= D.ID_NEAR)
        if y is None and not corpus_only and close:
            est = D.estimate_from_neighbours(item.site_id, [lower, higher])
            y = D.year_near(item.date, est) if est else None
        if y and _set(item, y, "site-id"):
            changed += 1
            continue
        if y is None and not corpus_only and lower and higher and lower[1] <= higher[1]:
            # the text names "this month" with its year, and the id's neighbours agree
            m = D.year_from_month_mentions(item.date, f"{item.title or ''}\n{item.text}")
            d = D.make_date(m, item.date.day, item.date.month) if m else None
            if d and lower[1] <= d <= higher[1] and _set(item, m, "text-month"):
                changed += 1
    return changed


def _from_fetch_time(item: Item) -> None:
    for s in item.sightings:
        if s.raw.position not in ("sidebar", "listing"):
            continue
        fetched = D.parse_timestamp(s.capture.fetched_at)
        if fetched is None:
            continue
        y = D.year_before(item.date, fetched.date() + D.timedelta(days=1))
        if y and _set(item, y, "capture-date"):
            return


# ---------------------------------------------------------------------------------------------
# facts


@dataclass
class Facts:
    elections: dict[str, ElectionRef] = field(default_factory=dict)
    item_elections: set = field(default_factory=set)
    constituencies: dict[str, dict] = field(default_factory=dict)
    snapshots: list[dict] = field(default_factory=list)
    areas: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    elected: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    result_ids: set = field(default_factory=set)  # ids of elected_members and candidate_results rows so far
    registry: Registry = field(default_factory=Registry)
    snapshot_ids: set = field(default_factory=set)
    constituency_name_rank: dict = field(default_factory=dict)

    def election(self, ref: ElectionRef) -> str | None:
        if ref.id is None:
            return None
        self.elections.setdefault(ref.id, ref)
        return ref.id

    def constituency(self, body: str, number: int, name: str | None) -> str:
        """The constituency's id; its name is the best spelling seen so far: Turkmen Latin (with
        Turkmen letters) over other Latin spellings over a transliteration of a Cyrillic one."""
        cid = constituency_id(body, number)
        row = self.constituencies.setdefault(cid, {"id": cid, "body": body, "number": number, "name": None, "region": None})
        if name:
            rank = 3 if any(ch in TURKMEN_LETTERS for ch in name) else 2 if _latin(name) else 1
            if rank > self.constituency_name_rank.get(cid, 0):
                self.constituency_name_rank[cid] = rank
                row["name"] = name if rank > 1 else constituency_name_latin(name)
        return cid


def _latin(s: str) -> bool:
    return not re.search(r"[\u0400-\u04FF]", s)


@dataclass
class Parsed:
    """What the pure parsers read from one item's text (see parse_item)."""

    turnout: list
    results: list
    elections: list
    kind: str
    meeting: object | None


def parse_item(title: str | None, text: str, lang: str, published: date | None) -> Parsed:
    """Every fact of one item, read by the pure parsers: no I/O, no shared state, so items can be
    parsed in worker processes."""
    full = "\n".join(filter(None, [title, text]))
    turnout = parse_turnout(full)
    results = results_in(full, text, lang)
    elections = elections_in(full, published)
    kind = classify(title, text, has_turnout=bool(turnout), has_results=bool(results))
    meeting = parse_meeting(text, published, lang) if kind == "meeting" or reports_meeting(text) else None
    return Parsed(turnout, results, elections, kind, meeting)


def _parse_item_star(args):
    try:
        return parse_item(*args)
    except Exception as e:  # a parser fault on one item: its facts are skipped and reported
        return e


def _year_from_text_star(args):
    dm, text = args
    return D.year_from_text(dm, text)


PARALLEL_MIN_ITEMS = 400


def _die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the load that started it ends, however it ends
    (kill -9 included), rather than leaving it to run on."""
    if os.getppid() == parent:  # forked by the load itself (Linux): the kernel kills it with it
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    import threading

    first_parent = os.getppid()

    def alive() -> bool:
        if os.getppid() != first_parent:  # re-parented: the parent is gone
            return False
        try:
            os.kill(parent, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True

    def watch():  # everywhere else: look twice a second
        while alive():
            time.sleep(0.5)
        os._exit(1)

    if not alive():
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def _pool(workers: int):
    """A pool of worker processes that end with the process that made it."""
    import concurrent.futures as cf

    return cf.ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, initargs=(os.getpid(),))


def pmap(fn, jobs: list, workers: int | None = None, chunksize: int = 64) -> list:
    """map(fn, jobs) in a pool of worker processes when there is enough work to pay for one."""
    workers = workers if workers is not None else (os.cpu_count() or 1)
    if workers > 1 and len(jobs) >= PARALLEL_MIN_ITEMS:
        with _pool(workers) as pool:
            return list(pool.map(fn, jobs, chunksize=chunksize))
    return [fn(job) for job in jobs]


def extract(items: list[Item], issues: list[dict]) -> Facts:
    """Read every item's facts (in parallel), then resolve them into elections and entities (in
    order, so that ids and names come out the same on every run)."""
    facts = Facts()
    parsed = pmap(_parse_item_star, [(i.title, i.text, i.lang, i.published_on) for i in items])
    for item, p in zip(items, parsed):
        capture_id = item.sightings[0].capture.id
        line = item.sightings[0].raw.line
        if isinstance(p, Exception):
            issues.append(_issue(capture_id, line, f"facts could not be read ({type(p).__name__}: {p})",
                                 (item.title or item.text)[:200]))
            continue
        item.elections = p.elections
        for t in p.turnout:
            _add_turnout(facts, item, t, issues, capture_id, line)
        for r in p.results:
            _add_result(facts, item, r, issues)
        item.kind = p.kind
        if p.meeting is not None:
            _add_meeting(facts, item, p.meeting)
        for ref in item.elections:
            eid = facts.election(ref)
            if eid:
                facts.item_elections.add((item.id, eid))
    return facts


def _date_from_polling_day(item: Item, body: str) -> None:
    """Hourly turnout is published on polling day: a date line with no year takes the year of the
    one known election of that body held on that day and month."""
    if item.published_on or not item.date:
        return
    days = [d for b, d, _ in KNOWN_ELECTIONS
            if b == body and d[5:] == f"{item.date.month:02d}-{item.date.day:02d}"]
    if len(days) == 1:
        _set(item, int(days[0][:4]), "polling-day")


def _add_turnout(facts: Facts, item: Item, t, issues, capture_id, line) -> None:
    """One turnout statement as a snapshot, only when its body and its hour (or final) were read
    from the statement itself; otherwise a parse issue says what was missing."""
    for note in t.skipped:
        issues.append(_issue(capture_id, line, f"figure not taken as turnout: {note}", t.statement[:200]))
    body = t.body
    if body is None:
        issues.append(_issue(capture_id, line, "turnout figure with no election named", t.statement[:200]))
        return
    if t.hour is None and not t.is_final:
        issues.append(_issue(capture_id, line, "turnout figure with no hour and not final: not stored",
                             t.statement[:200]))
        return
    if t.joint_bodies:
        issues.append(_issue(capture_id, line, f"turnout figure stated jointly for {body} and "
                             f"{', '.join(t.joint_bodies)}: stored once, for {body}", t.statement[:200]))
    if t.hour is not None:
        _date_from_polling_day(item, body)
    # hourly turnout is published on polling day
    polling_day = item.published_on if t.hour is not None else None
    ref = election_for(body, t.context or t.statement, polling_day)
    if ref.id is None:
        known = next((e for e in item.elections if e.body == body), None)
        ref = known or ref
    eid = facts.election(ref)
    if eid is None:
        # the statement stays, with its figures, hour and body; the election is not guessed
        issues.append(_issue(capture_id, line, "turnout figure whose polling day is unknown", t.statement[:200]))
    else:
        facts.item_elections.add((item.id, eid))
    key = eid or body
    when = "final" if t.is_final else t.hour
    sid = f"{item.id}-{key}-{when}"
    n = 2
    while sid in facts.snapshot_ids:
        sid, n = f"{item.id}-{key}-{when}-{n}", n + 1
    facts.snapshot_ids.add(sid)
    for value, what in [(t.overall_pct, "overall"), (t.abroad_pct, "abroad")] + [(a.pct, a.printed) for a in t.areas]:
        if value is not None and value > 100:
            issues.append(_issue(capture_id, line, f"impossible percentage {value} ({what}): over 100", t.statement[:200]))
    for printed in getattr(t, "anomalies", []):
        # the parser does not take a "percentage" over 100 as a figure: it is listed here instead
        issues.append(_issue(capture_id, line, f"impossible percentage {printed}: over 100", t.statement[:200]))
    if t.overall_pct is None and t.abroad_pct is None and not t.areas and t.voted is None:
        facts.snapshot_ids.discard(sid)
        return
    facts.snapshots.append({
        "id": sid,
        "election_id": eid,
        "news_item_id": item.id,
        "as_of": f"{ref.polling_day}T{t.hour:02d}:00" if t.hour is not None and ref.polling_day else None,
        "as_of_hour": t.hour,
        "is_final": int(t.is_final),
        "overall_pct": t.overall_pct,
        "abroad_pct": t.abroad_pct,
        "registered": t.registered,
        "voted": t.voted,
        "statement": t.statement,
    })
    for k, a in enumerate(t.areas, 1):
        cid = facts.constituency(body, a.constituency_number, a.constituency_name) if a.constituency_number else None
        facts.areas.append({
            "id": f"{sid}-{k}",
            "snapshot_id": sid,
            "constituency_id": cid,
            "region": region_name(a.region_id) if a.region_id else None,
            "region_id": a.region_id,
            "name_as_printed": a.printed,
            "pct": a.pct,
        })


def _add_result(facts: Facts, item: Item, r, issues: list | None = None) -> None:
    if isinstance(r, (CandidateShare, ElectedToOffice)):
        _add_candidate(facts, item, r, issues if issues is not None else [])
        return
    if isinstance(r, ResultIssue):
        if issues is not None:
            issues.append(_issue(item.sightings[0].capture.id, item.sightings[0].raw.line, r.problem, r.statement))
        return
    sighting = item.sightings[0]
    capture_id, line = sighting.capture.id, sighting.raw.line
    issues = issues if issues is not None else []
    seats = [e for e in item.elections if e.body != "president"]
    named = getattr(r, "body", None)  # the body named before the seat in the text
    if named:
        ref = next((e for e in seats if e.body == named), None)
    else:
        ref = next((e for e in seats if e.body == "mejlis"), None) or (seats[0] if len(seats) == 1 else None)
    eid = facts.election(ref) if ref else None
    # the body whose constituency it is: named before the seat, the item's election, or the Mejlis
    # when the item speaks of its deputies; otherwise it is not guessed
    body = named or (ref.body if ref else ("mejlis" if re.search(r"mejlis|меджлис|deput|депутат",
                                                                f"{item.title or ''} {item.text}", re.I) else None))
    where = f"{r.constituency_number or ''} «{r.constituency_name}»".strip()
    if body is None or r.constituency_number is None:
        cid = None
        issues.append(_issue(capture_id, line, "elected member whose constituency cannot be fixed "
                             + ("(number not printed)" if body else "(body unknown)"), f"{where}: {r.name}"))
    else:
        cid = facts.constituency(body, r.constituency_number, r.constituency_name)
        from .facts.regions import region_id

        rid = region_id(r.region) if getattr(r, "region", None) else None
        if rid and facts.constituencies[cid].get("region") is None:
            facts.constituencies[cid]["region"] = region_name(rid)
    pid = facts.registry.person(r.name, item.lang, surname_first=r.surname_first)
    if eid is None:
        issues.append(_issue(capture_id, line, "elected member whose election cannot be fixed", f"{where}: {r.name}"))
    rid_base = f"{item.id}-{cid}" if cid else f"{item.id}-{body or 'seat'}-{pid}"
    row_id, n = rid_base, 2
    while ("elected", row_id) in facts.result_ids:
        row_id, n = f"{rid_base}-{n}", n + 1
    facts.result_ids.add(("elected", row_id))
    facts.elected.append({
        "id": row_id,
        "election_id": eid,
        "constituency_id": cid,
        "person_id": pid,
        "occupation": r.occupation,
        "name_as_printed": r.name,
        "news_item_id": item.id,
    })
    if eid:
        facts.item_elections.add((item.id, eid))


def _candidate_election(item: Item, body: str | None, years: tuple) -> ElectionRef | None:
    """The election a share or an elected statement is about: the item's election of that body,
    unless the statement prints another year; then the one known election of the body that year."""
    if body is None:
        bodies = {e.body for e in item.elections}
        body = "president" if "president" in bodies else (next(iter(bodies)) if len(bodies) == 1 else None)
    if body is None:
        return None
    ref = next((e for e in item.elections if e.body == body and e.id), None)
    if ref is not None and (not years or int(ref.polling_day[:4]) in years):
        return ref
    if len(years) == 1:
        day = known_polling_day(body, years[0])
        if day:
            return election_for(body, "", date.fromisoformat(day))
    return None


def _add_candidate(facts: Facts, item: Item, r, issues: list) -> None:
    """A candidate's share of the vote (candidate_results; the winner also in elected_members), or a
    person elected President (elected_members, with no constituency)."""
    sighting = item.sightings[0]
    capture_id, line = sighting.capture.id, sighting.raw.line
    if r.name is None:
        issues.append(_issue(capture_id, line, "share of the vote whose candidate the statement does not name",
                             r.statement))
        return
    if getattr(r, "area", None):
        issues.append(_issue(capture_id, line, f"share of the vote in one area ({r.area}) only: not stored",
                             r.statement))
        return
    bodies = {b for _, b in bodies_in(r.statement)}
    body = getattr(r, "body", None) or (next(iter(bodies)) if len(bodies) == 1 else None)
    ref = _candidate_election(item, body, r.years)
    eid = facts.election(ref) if ref else None
    if eid is None:
        issues.append(_issue(capture_id, line, "election result whose election cannot be fixed", r.statement))
    else:
        facts.item_elections.add((item.id, eid))
    pid = facts.registry.person(r.name, item.lang, surname_first=r.surname_first,
                                nominative_form=getattr(r, "nominative", None))
    if body is None and eid is None:
        named = {b for _, b in bodies_in(f"{item.title or ''}\n{item.text}")}
        body = next(iter(named)) if len(named) == 1 else None  # for a readable id only
    key = eid or body or "election"
    if isinstance(r, CandidateShare):
        rid = f"{item.id}-{key}-{pid}"
        # the same share printed twice in one item (a subtitle and the body, a sentence and a table)
        known = next((c for c in reversed(facts.candidates) if c["news_item_id"] == item.id
                      and c["election_id"] == eid and c["person_id"] == pid and c["pct"] == r.pct), None)
        if known is None:
            n = 2
            while ("candidate", rid) in facts.result_ids:
                rid, n = f"{item.id}-{key}-{pid}-{n}", n + 1
            facts.result_ids.add(("candidate", rid))
            facts.candidates.append({
                "id": rid,
                "election_id": eid,
                "person_id": pid,
                "name_as_printed": r.name,
                "pct": r.pct,
                "votes": r.votes,
                "is_elected": int(r.is_elected),
                "news_item_id": item.id,
                "statement": r.statement,
            })
        elif r.is_elected:
            known["is_elected"] = 1
        if not r.is_elected:
            return
    eid_key = f"{item.id}-{key}"
    if ("seat", item.id, eid, pid) in facts.result_ids:
        return  # the winner named twice in one item (the title and the body, a share and a statement)
    facts.result_ids.add(("seat", item.id, eid, pid))
    mid, n = eid_key, 2
    while ("elected", mid) in facts.result_ids:
        mid, n = f"{eid_key}-{n}", n + 1
    facts.result_ids.add(("elected", mid))
    facts.elected.append({
        "id": mid,
        "election_id": eid,
        "constituency_id": None,
        "person_id": pid,
        "occupation": None,
        "name_as_printed": r.name,
        "news_item_id": item.id,
    })


def _add_meeting(facts: Facts, item: Item, m) -> None:
    mid = f"{item.id}-meeting"
    facts.meetings.append({
        "id": mid,
        "news_item_id": item.id,
        "held_on": m.held_on.isoformat() if m.held_on else None,
        "place": m.place,
    })
    seen = set()
    for p in m.participants:
        pid = facts.registry.person(p.name, item.lang, nominative_form=getattr(p, "nominative", None))
        for alias in p.aliases:
            facts.registry.person_alias(pid, alias, item.lang)
        if pid in seen:
            continue
        seen.add(pid)
        org_id = None
        if p.role:
            orgs = organizations_in(p.organization_text or "") or organizations_in(p.role)
            if orgs:
                org, printed = orgs[0]
                org_id = facts.registry.organization(org, printed, item.lang)
        facts.participants.append({
            "meeting_id": mid,
            "person_id": pid,
            "role": p.role,
            "organization_id": org_id,
            "name_as_printed": p.name,
        })


# ---------------------------------------------------------------------------------------------
# write


def rows(captures, items, facts: Facts, issues):
    """Every table's rows, in the order they are written (parents before children)."""
    first_election: dict[str, str] = {}
    for item_id, eid in sorted(facts.item_elections):
        first_election.setdefault(item_id, eid)
    yield "captures", [{
        "id": c.id, "path": c.path, "url": c.url, "fetched_at": c.fetched_at, "format": c.format,
        "bytes": c.size, "site_id": c.site_id, "url_lang": c.url_lang, "status": c.status,
    } for c in captures]
    yield "elections", [{
        "id": e.id, "body": e.body, "polling_day": e.polling_day, "is_by_election": int(e.is_by_election),
        "name": e.name,
    } for e in sorted(facts.elections.values(), key=lambda e: e.id)]
    yield "regions", [{"id": rid, "name": tk, "name_en": en, "name_ru": ru} for rid, (tk, en, ru) in REGION_NAMES.items()]
    yield "constituencies", sorted(facts.constituencies.values(), key=lambda r: r["id"])
    yield "news_items", [{
        "id": i.id, "site_id": i.site_id, "lang": i.lang,
        "published_on": i.published_on.isoformat() if i.published_on else None,
        "year": i.published_on.year if i.published_on else None,
        "date_text": i.date.text if i.date else None, "date_basis": i.date_basis,
        "title": i.title, "slug": slugify(i.title or "", max_length=80) or None,
        "body": i.body, "snippet": i.snippet, "kind": i.kind,
        "election_id": i.elections[0].id if i.elections and i.elections[0].id else first_election.get(i.id),
        "url": i.url, "is_truncated": int(i.is_truncated),
        "first_capture_id": min(i.sightings, key=lambda s: s.capture.path).capture.id,
    } for i in items]
    sightings = {}
    for i in items:
        for s in i.sightings:
            key = (i.id, s.capture.id, s.raw.position, s.raw.line)
            sightings[key] = {"news_item_id": i.id, "capture_id": s.capture.id, "position": s.raw.position,
                              "line": s.raw.line, "date_text": s.raw.date_text, "title": s.raw.title}
    yield "item_sightings", list(sightings.values())
    yield "item_elections", [{"news_item_id": a, "election_id": b} for a, b in sorted(facts.item_elections)]
    yield "turnout_snapshots", facts.snapshots
    yield "turnout_by_area", facts.areas
    people, names = [], []
    for person, forms in facts.registry.person_rows():
        people.append(person)
        names.extend(forms)
    yield "people", people
    yield "person_names", names
    orgs, org_names = [], []
    for oid, entry in sorted(facts.registry.organizations.items()):
        org = entry["org"]
        orgs.append({"id": oid, "name": org.name, "abbreviation": org.abbreviation})
        org_names.extend({"organization_id": oid, "name": n, "lang": l} for n, l in entry["forms"])
    yield "organizations", orgs
    yield "organization_names", org_names
    yield "meetings", facts.meetings
    yield "meeting_participants", facts.participants
    yield "elected_members", facts.elected
    yield "candidate_results", facts.candidates
    yield "parse_issues", [dict(r, id=k) for k, r in enumerate(issues, 1)]


class StrictError(LoadError):
    """--strict and the captures had parse issues."""

    def __init__(self, issues: list[dict]):
        super().__init__(f"{len(issues)} parse issues (strict mode)")
        self.issues = issues


def load(raw_dir: Path, db_path: Path, progress: Progress = _no_progress, inspect_path: Path | None = None,
         strict: bool = False, limits: Limits | None = None) -> tuple[LoadSummary, list[dict]]:
    """Build the database from the captures in raw_dir and replace db_path with it (etl.build).

    With `strict`, any parse issue stops the load before anything is written. `limits` caps the
    bytes of one capture and the characters of one line (etl.capture.Limits).
    """
    raw_dir, db_path = Path(raw_dir), Path(db_path)
    if not raw_dir.is_dir():
        raise LoadError(f"no such folder of captures: {raw_dir}")
    summary = LoadSummary()
    t0 = time.perf_counter()
    captures, sightings, issues = read_all(raw_dir, progress, limits=limits)
    items = merge(sightings)
    t1 = time.perf_counter()
    fix_dates(items, issues)
    facts = extract(items, issues)
    t2 = time.perf_counter()
    if strict and issues:
        raise StrictError(issues)
    published: dict = {}
    summary.rows, _ = publish(db_path, rows(captures, items, facts, issues), inspect_path, published)
    t4 = time.perf_counter()
    t3 = t2 + published["write"]
    summary.captures = len(captures)
    summary.items = len(items)
    summary.facts = (len(facts.snapshots) + len(facts.areas) + len(facts.meetings) + len(facts.participants)
                     + len(facts.elected))
    summary.parse_issues = len(issues)
    summary.seconds = {"read": t1 - t0, "extract": t2 - t1, "write": t3 - t2, "check": t4 - t3, "total": t4 - t0}
    return summary, issues
