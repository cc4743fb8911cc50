"""A bounded cache of query results for the immutable archive database.

The archive is served immutable: the same SQL with the same parameters returns the same rows until
`make load` replaces the file, which changes its content hash. Queries slow enough to matter
(facet counts over the whole news table, full-text searches with many matches) are kept in a
least-recently-used cache keyed by that hash, the SQL, its parameters and the row limits, so a
popular faceted page or search pays for its SQL once. Mutable databases are never cached.
`SAYLAV_QUERY_CACHE=0` in the environment turns it off (benchmarks tracing the pages' SQL use it).

The cache is bounded in bytes: each entry's size is estimated from its rows (`sys.getsizeof` of
every value, row and list), an entry over MAX_ENTRY_BYTES is never kept, and the least recently
used entries are dropped while the total is over MAX_BYTES (or there are more than MAX_ENTRIES).
"""
from __future__ import annotations

import os
import sys
import time
from collections import OrderedDict

from datasette import hookimpl
from datasette.database import Database

MAX_ENTRIES = 2048
MAX_ROWS = 2000
MAX_BYTES = 32 * 1024 * 1024  # all entries together
MAX_ENTRY_BYTES = 1024 * 1024  # larger results are not kept
MIN_MS = 2.0  # cheaper queries are not worth the memory

_cache: "OrderedDict[tuple, tuple[object, int]]" = OrderedDict()  # key -> (results, estimated bytes)
_stats = {"hits": 0, "misses": 0, "bytes": 0, "too_large": 0}


def estimate_bytes(results, limit: int | None = None) -> int:
    """Estimated memory held by a Results' rows; stops counting once over `limit`."""
    rows = results.rows
    total = 512 + sys.getsizeof(rows) + sys.getsizeof(results.description or ())
    for row in rows:
        total += 120 + 8 * len(row)  # the row object and the tuple behind it
        for value in row:
            total += sys.getsizeof(value)
        if limit is not None and total > limit:
            break
    return total


def _evict() -> None:
    while _cache and (_stats["bytes"] > MAX_BYTES or len(_cache) > MAX_ENTRIES):
        _, (_, size) = _cache.popitem(last=False)
        _stats["bytes"] -= size


def clear() -> None:
    """Forget every entry (tests)."""
    _cache.clear()
    _stats["bytes"] = 0


def _key(db: Database, sql, params, truncate, custom_time_limit, page_size):
    if db.is_mutable or not db.hash:
        return None
    if isinstance(params, dict):
        p = tuple(sorted((k, repr(v)) for k, v in params.items()))
    elif params is None:
        p = ()
    else:
        p = tuple(repr(v) for v in params)
    return (db.hash, db.path, sql, p, bool(truncate), custom_time_limit, page_size or db.ds.page_size,
            db.ds.max_returned_rows)


def _install() -> None:
    if getattr(Database.execute, "_saylav_cached", False):
        return
    original = Database.execute

    async def execute(self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None,
                      log_sql_errors=True):
        enabled = os.environ.get("SAYLAV_QUERY_CACHE", "1") != "0"
        key = _key(self, sql, params, truncate, custom_time_limit, page_size) if enabled else None
        if key is not None and key in _cache:
            _cache.move_to_end(key)
            _stats["hits"] += 1
            return _cache[key][0]
        start = time.perf_counter()
        results = await original(self, sql, params, truncate=truncate, custom_time_limit=custom_time_limit,
                                 page_size=page_size, log_sql_errors=log_sql_errors)
        elapsed_ms = (time.perf_counter() - start) * 1000
        if key is not None:
            _stats["misses"] += 1
            if elapsed_ms >= MIN_MS and len(results.rows) <= MAX_ROWS:
                size = estimate_bytes(results, MAX_ENTRY_BYTES) + sys.getsizeof(sql) + 64 * len(key[3])
                if size > MAX_ENTRY_BYTES:
                    _stats["too_large"] += 1
                else:
                    if key in _cache:  # the same query finished twice at once
                        _stats["bytes"] -= _cache.pop(key)[1]
                    _cache[key] = (results, size)
                    _stats["bytes"] += size
                    _evict()
        return results

    execute._saylav_cached = True
    Database.execute = execute


@hookimpl
def startup(datasette):
    _install()


def stats() -> dict:
    """Hits, misses, entries and their estimated bytes, for tests and benchmarks."""
    return dict(_stats, entries=len(_cache))
