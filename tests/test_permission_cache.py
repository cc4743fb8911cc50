"""The table-permission lookup is read once per table and answers as before."""
from __future__ import annotations

from datasette.app import Datasette

from saylav_site.permission_cache import cache_table_permissions


async def test_cached_answers_equal_the_uncached_ones_and_are_computed_once():
    metadata = {"databases": {"db": {"tables": {"secret": {"allow": {"id": "root"}}, "open": {}}}}}
    plain = Datasette(memory=True, metadata=metadata)
    cached = Datasette(memory=True, metadata=metadata)
    assert cache_table_permissions(cached)
    for table in ("secret", "open", "missing"):
        for _ in range(3):
            assert cached._table_permission_allows("db", table) == plain._table_permission_allows("db", table)
    info = cached._table_permission_allows.cache_info()
    assert (info.misses, info.hits) == (3, 6)
    assert cached._table_permission_allows("db", "secret") == [{"id": "root"}]
    assert not cache_table_permissions(cached)  # wrapped once


async def test_permissions_still_decide_with_the_cache():
    metadata = {"databases": {"db": {"tables": {"secret": {"allow": {"id": "root"}}}}}}
    ds = Datasette(memory=True, metadata=metadata)
    await ds.invoke_startup()
    assert hasattr(ds._table_permission_allows, "cache_info")
    assert not await ds.permission_allowed(None, "view-table", ("db", "secret"), default=True)
    assert await ds.permission_allowed({"id": "root"}, "view-table", ("db", "secret"), default=True)
