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
