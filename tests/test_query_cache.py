"""The result cache for the immutable database, and one facet query per column."""
from __future__ import annotations

import pytest

from etl.serve import make_app


def plugin(name):
    from datasette.plugins import pm

    name = "saylav_site." + name.removesuffix(".py")  # the site is the installed package saylav_site
    return next(mod for mod in pm.get_plugins() if getattr(mod, "__name__", "") == name)


@pytest.fixture(scope="module")
def ds(bundled_db):
    return make_app(bundled_db)


async def test_a_repeated_slow_query_is_answered_from_the_cache_with_the_same_rows(ds, monkeypatch):
    await ds.invoke_startup()
    cache = plugin("query_cache.py")
    monkeypatch.setattr(cache, "MIN_MS", 0.0)
    db = ds.get_database("saylav")
    sql = "select lang, count(*) from news_items group by lang order by lang"
    before = cache.stats()
    first = await db.execute(sql)
    second = await db.execute(sql)
    after = cache.stats()
    assert [tuple(r) for r in first.rows] == [tuple(r) for r in second.rows] == [("en", 7), ("tk", 2)]
    assert after["hits"] == before["hits"] + 1
    assert second is first


async def test_mutable_databases_are_never_cached(monkeypatch):
    from datasette.app import Datasette

    ds = Datasette(memory=True)  # the site's plugins come with the installed package
    await ds.invoke_startup()
    cache = plugin("query_cache.py")
    monkeypatch.setattr(cache, "MIN_MS", 0.0)
    db = ds.get_database("_memory")
    hits = cache.stats()["hits"]
    await db.execute("select 1")
    await db.execute("select 1")
    assert cache.stats()["hits"] == hits


async def test_cache_can_be_turned_off(ds, monkeypatch):
    await ds.invoke_startup()
    cache = plugin("query_cache.py")
    monkeypatch.setattr(cache, "MIN_MS", 0.0)
    monkeypatch.setenv("SAYLAV_QUERY_CACHE", "0")
    db = ds.get_database("saylav")
    hits = cache.stats()["hits"]
    await db.execute("select count(*) from people")
    await db.execute("select count(*) from people")
    assert cache.stats()["hits"] == hits


async def test_a_default_facet_named_in_the_url_runs_once(ds, monkeypatch):
    from datasette.database import Database

    ran = []
    inner = Database.execute

    async def counting(self, sql, *args, **kwargs):
        if "as value, count(*) as count" in sql:
            ran.append(sql.split(" as value")[0].split()[-1])
        return await inner(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", counting)
    await ds.client.get("/saylav/news_items.json?_facet=lang&_facet=kind&_facet=year&_size=1")
    assert sorted(ran) == ["date(published_on)", "kind", "lang", "year"]  # published_on: a date facet
    plain = (await ds.client.get("/saylav/news_items.json")).json()
    named = (await ds.client.get("/saylav/news_items.json?_facet=lang&_facet=kind&_facet=year")).json()
    assert named["facet_results"] == plain["facet_results"]
    assert list(named["facet_results"]) == ["lang", "kind", "year", "published_on"]
    extra = (await ds.client.get("/saylav/news_items.json?_facet=lang&_facet=date_basis")).json()
    assert list(extra["facet_results"]) == ["lang", "kind", "year", "date_basis", "published_on"]


async def test_site_pages_queries_are_answered_once_and_copied(ds, monkeypatch):
    from saylav_site import site_data as site
    queries = {"langs": ("select lang, count(*) as n from news_items group by lang order by lang", {})}
    first = await site.fetch(ds, queries)
    first["langs"][0]["n"] = -1  # a caller changing its answer does not change the next one
    db = ds.get_database("saylav")
    calls = []
    inner = db.execute_fn

    async def counting(fn):
        calls.append(fn)
        return await inner(fn)

    monkeypatch.setattr(db, "execute_fn", counting)
    second = await site.fetch(ds, queries)
    assert second == {"langs": [{"lang": "en", "n": 7}, {"lang": "tk", "n": 2}]}
    assert calls == []


async def test_the_cache_is_bounded_in_bytes(ds, monkeypatch):
    await ds.invoke_startup()
    cache = plugin("query_cache.py")
    cache.clear()
    monkeypatch.setattr(cache, "MIN_MS", 0.0)
    monkeypatch.setattr(cache, "MAX_BYTES", 1_000_000)
    monkeypatch.setattr(cache, "MAX_ENTRY_BYTES", 300_000)
    db = ds.get_database("saylav")
    for i in range(20):  # twenty results of about 200 kB: only a few fit
        await db.execute(f"select printf('%.*c', 200000, 'x') as v{i}")
        assert cache.stats()["bytes"] <= 1_000_000
    assert 3 <= cache.stats()["entries"] <= 5
    hits = cache.stats()["hits"]
    await db.execute("select printf('%.*c', 200000, 'x') as v19")  # the latest is kept
    assert cache.stats()["hits"] == hits + 1
    await db.execute("select printf('%.*c', 200000, 'x') as v0")  # the oldest is gone
    assert cache.stats()["hits"] == hits + 1
    # a result over the entry limit is never kept
    too_large = cache.stats()["too_large"]
    for _ in range(2):
        await db.execute("select printf('%.*c', 400000, 'x') as big")
    assert cache.stats()["too_large"] == too_large + 2
    assert cache.stats()["hits"] == hits + 1
    cache.clear()


def test_size_estimates_follow_the_rows():
    import importlib.util

    from datasette.database import Results

    from etl.serve import PLUGINS_DIR

    spec = importlib.util.spec_from_file_location("test_plugin_query_cache", PLUGINS_DIR / "query_cache.py")
    cache = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cache)
    small = Results([("a", 1)], False, [("v",), ("n",)])
    big = Results([("x" * 100_000, 1)] * 10, False, [("v",), ("n",)])
    assert cache.estimate_bytes(small) < 2_000
    assert 1_000_000 <= cache.estimate_bytes(big) < 1_100_000
    assert cache.estimate_bytes(big, limit=150_000) < 400_000  # stops counting early
