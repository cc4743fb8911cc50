"""Table permissions read once: Datasette 0.65.5 rebuilds the merged metadata for every permission
check of a table (`Datasette._table_permission_allows` deep-copies every metadata source), and the
archive's metadata documents every column, so a row or table page paid about a millisecond for
checks whose answer cannot change while the process runs (metadata is read at start and never
written). The answer for each (database, table) is kept in a bounded LRU. Nothing else about
permissions changes: the same function decides, once per table.
"""
from __future__ import annotations

import functools

from datasette import hookimpl

MAX_TABLES = 1024  # (database, table) pairs remembered


def cache_table_permissions(datasette) -> bool:
    """Wrap the instance's table-permission lookup in an LRU; False when this Datasette has none."""
    lookup = getattr(datasette, "_table_permission_allows", None)
    if lookup is None or hasattr(lookup, "cache_info"):
        return False
    cached = functools.lru_cache(maxsize=MAX_TABLES)(lookup)

    def allows(database, table):
        return list(cached(database, table))  # a copy: callers may not change the kept answer

    allows.cache_info = cached.cache_info
    datasette._table_permission_allows = allows
    return True


@hookimpl
def startup(datasette):
    cache_table_permissions(datasette)
