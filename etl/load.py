"""Orchestration: raw captures -> items -> facts -> entities -> a new database, replaced atomically.

    load(raw_dir, db_path)

reads every capture under `raw_dir`, builds the database in a temporary file next to `db_path`,
checks it (integrity, foreign keys) and only then moves it over `db_path` with one `os.replace`.
A capture that cannot be read becomes a row of `parse_issues`; the load goes on.

The stages, in order (one module each):

    etl.sightings   capture files -> sightings        (etl.capture reads a file, etl.page splits it)
    etl.merge       sightings -> items
    etl.dating      items -> items with their years
    etl.assemble    items -> facts and entities -> rows
    etl.cache       what each capture and item yielded last time (the incremental load)
    etl.build       rows -> temp db -> checks -> atomic replace
"""
from __future__ import annotations

import os  # noqa: F401 (tests patch os.cpu_count through this module)
import time
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import Facts, extract, parse_item, rows  # noqa: F401
from .build import LoadError, check, publish, write, write_inspect  # noqa: F401 (write, check: public)
from .cache import LoadCache
from .capture import Limits
from .dating import fix_dates
from .issues import _issue  # noqa: F401
from .merge import Item, merge  # noqa: F401
from .parallel import pmap  # noqa: F401
from .sightings import (  # noqa: F401
    Progress,
    Sighting,
    no_cyclic_gc,
    _no_progress,
    read_all,
    read_one,
    sightings_of,
)


@dataclass
class LoadSummary:
    captures: int = 0
    items: int = 0
    facts: int = 0
    parse_issues: int = 0
    seconds: dict = field(default_factory=dict)
    rows: int = 0
    cache: dict = field(default_factory=dict)  # hits and misses of the incremental cache, by kind
    notes: list = field(default_factory=list)  # messages for the user (a damaged cache ignored, ...)

    def __str__(self) -> str:
        return (f"{self.captures} captures, {self.items} items, {self.facts} facts, "
                f"{self.parse_issues} parse issues")


class StrictError(LoadError):
    """--strict and the captures had parse issues."""

    def __init__(self, issues: list[dict]):
        super().__init__(f"{len(issues)} parse issues (strict mode)")
        self.issues = issues


def load(raw_dir: Path, db_path: Path, progress: Progress = _no_progress, inspect_path: Path | None = None,
         strict: bool = False, limits: Limits | None = None, full: bool = False,
         use_cache: bool = False) -> tuple[LoadSummary, list[dict]]:
    """Build the database from the captures in raw_dir and replace db_path with it (etl.build).

    With `strict`, any parse issue stops the load before anything is written. `limits` caps the
    bytes of one capture and the characters of one line (etl.capture.Limits).

    With `use_cache` (as `saylav load` does), what each capture and item yields is kept in a cache
    beside the database (etl.cache), so a load reads and parses only new or changed captures; the
    rows are the same as a cold load's. `full` reads and parses everything afresh and refills the
    cache. Without `use_cache` the cache is neither read nor written.
    """
    raw_dir, db_path = Path(raw_dir), Path(db_path)
    if not raw_dir.is_dir():
        raise LoadError(f"no such folder of captures: {raw_dir}")
    # A load makes a large heap of objects that live to its end and next to no cyclic garbage: the
    # collector would walk that heap again and again (15% of an incremental load's time).
    with no_cyclic_gc():
        return _load(raw_dir, db_path, progress, inspect_path, strict, limits, full, use_cache)


def _load(raw_dir, db_path, progress, inspect_path, strict, limits, full, use_cache):
    summary = LoadSummary()
    t0 = time.perf_counter()
    cache = LoadCache.open(db_path, note=summary.notes.append) if use_cache else None
    try:
        captures, sightings, issues = read_all(raw_dir, progress, limits=limits, cache=cache, full=full)
        items = merge(sightings)
        t1 = time.perf_counter()
        fix_dates(items, issues, cache=cache, full=full)
        facts = extract(items, issues, cache=cache, full=full)
    finally:
        if cache is not None:
            cache.finish()
            summary.cache = {"hits": cache.hits, "misses": cache.misses}
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
