"""What a request may be (plugins/request_limits.py) and facet parameters (plugins/facet_params.py):
405 for methods other than GET/HEAD on the site's pages, 414 and 431 for oversized requests, repeated
facets folded, too many refused fast with a message."""
from __future__ import annotations

import time

import pytest

from tests.site_fixtures import ELECTION, get

PAGES = ["/", "/news/en-461", f"/elections/{ELECTION}", "/search?q=saylaw", "/saylav", "/saylav/news_items",
         "/saylav/news_items.json", "/saylav/news_items.csv", "/saylav/news_items/en-461", "/saylav.json?sql=select+1",
         "/saylav/feed.atom", "/sitemap.xml"]


def plugin(name):
    from datasette.plugins import pm

    return next(mod for mod in pm.get_plugins() if getattr(mod, "__name__", "") == "saylav_site." + name)


API = ["/saylav/news_items.json", "/saylav/news_items.csv", "/saylav.json?sql=select+1"]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"])
async def test_other_methods_get_405_on_the_sites_pages(site_ds, method):
    for path in PAGES:
        if method == "OPTIONS" and path in API:
            continue  # a CORS preflight: below
        r = await site_ds.client.request(method, path)
        assert r.status_code == 405, (method, path, r.status_code)
        assert r.headers["allow"] == "GET, HEAD"
        assert "read-only" in r.text
        assert r.headers["cache-control"] == "no-store"


CORS_PREFLIGHT = {"origin": "https://example.org", "access-control-request-method": "GET",
                  "access-control-request-headers": "authorization"}


async def test_options_on_the_json_and_csv_api_is_a_cors_preflight(site_ds):
    from datasette.utils import add_cors_headers

    assert site_ds.cors  # etl.serve turns Datasette's CORS on, as `datasette --cors`
    datasettes = {}
    add_cors_headers(datasettes)
    key = plugin("cdn_cache").db_key(site_ds)
    for path in [*API, "/saylav.json", "/saylav/news_items/en-461.json", "/saylav/news_items.json?_size=5",
                 "/en/saylav/news_items.json", f"/saylav-{key}/news_items.json", f"/saylav-{key}/news_items.csv"]:
        r = await site_ds.client.request("OPTIONS", path, headers=CORS_PREFLIGHT)
        assert r.status_code == 204, (path, r.status_code, r.text)
        assert r.content == b"", path
        for name, value in datasettes.items():  # what Datasette's data views send with CORS on
            assert r.headers[name] == value, (path, name)
        assert r.headers["access-control-allow-origin"] == "*"
        assert "GET" in r.headers["access-control-allow-methods"], path
        assert "authorization" in r.headers["access-control-allow-headers"].lower(), path
        assert "content-length" not in r.headers or r.headers["content-length"] == "0", path
        # the request the preflight was for answers, with CORS headers
        if "?" not in path and not path.startswith("/en/"):
            got = await site_ds.client.get(path, headers={"origin": "https://example.org"})
            assert got.status_code == 200 and got.headers["access-control-allow-origin"] == "*", path


async def test_options_elsewhere_and_other_methods_on_the_api_stay_405(site_ds):
    for path in ("/", "/news", "/saylav", "/saylav/news_items", "/saylav/feed.atom", "/sitemap.xml",
                 "/saylav.db", "/static/site.css", "/saylavx.json", "/other/news_items.json"):
        r = await site_ds.client.request("OPTIONS", path, headers=CORS_PREFLIGHT)
        assert r.status_code == 405, (path, r.status_code)
        assert "access-control-allow-methods" not in r.headers, path
    for method in ("POST", "PUT", "PATCH", "DELETE", "TRACE"):
        for path in API:
            r = await site_ds.client.request(method, path, headers={"origin": "https://example.org"})
            assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD", (method, path)


async def test_without_cors_options_on_the_api_is_405(site_db):
    from datasette.app import Datasette

    from etl.serve import datasette_args

    ds = Datasette(**dict(datasette_args(site_db), cors=False))
    r = await ds.client.request("OPTIONS", "/saylav/news_items.json", headers=CORS_PREFLIGHT)
    assert r.status_code == 405
    assert "access-control-allow-origin" not in r.headers


async def test_get_and_head_still_answer(site_ds):
    for path in PAGES:
        assert (await site_ds.client.request("HEAD", path)).status_code == 200, path
        assert (await site_ds.client.get(path)).status_code == 200, path


async def test_datasettes_own_endpoints_answer_for_themselves(site_ds):
    # no login, nothing writable: Datasette answers these itself (a refusal or a redirect), never our 405
    for path in ("/-/messages", "/-/permissions", "/saylav/news_items/-/insert", "/saylav/-/create", "/-/logout"):
        r = await site_ds.client.post(path, json={})
        assert r.status_code < 500, (path, r.status_code)
        assert "read-only (GET and HEAD)" not in r.text, path
    for path in ("/saylav/news_items/-/insert", "/saylav/-/create"):
        assert (await site_ds.client.post(path, json={})).status_code in (400, 403, 404, 405), path
    assert (await site_ds.client.get("/-/versions.json")).status_code == 200


async def test_a_long_url_gets_414(site_ds):
    limits = plugin("request_limits")
    r = await site_ds.client.get("/saylav/news_items?x=" + "a" * limits.MAX_URL_BYTES)
    assert r.status_code == 414
    assert "URI too long" in r.text
    ok = await site_ds.client.get("/saylav/news_items?x=" + "a" * (limits.MAX_URL_BYTES - 100))
    assert ok.status_code == 200


async def test_large_or_many_headers_get_431(site_ds):
    limits = plugin("request_limits")
    r = await site_ds.client.get("/", headers={"x-big": "a" * limits.MAX_HEADER_BYTES})
    assert r.status_code == 431 and "too large" in r.text
    r = await site_ds.client.get("/", headers={f"x-h{i}": "a" for i in range(limits.MAX_HEADERS + 1)})
    assert r.status_code == 431 and "Too many request headers" in r.text
    assert (await site_ds.client.get("/", headers={"x-ok": "a" * 4000})).status_code == 200


def facet_queries(monkeypatch) -> list[str]:
    from datasette.database import Database

    ran: list[str] = []
    inner = Database.execute

    async def counting(self, sql, *args, **kwargs):
        if "as value, count(*) as count" in sql:
            ran.append(sql.split(" as value")[0].split()[-1])
        return await inner(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", counting)
    return ran


async def test_a_repeated_facet_is_folded_and_runs_once(site_ds, monkeypatch):
    ran = facet_queries(monkeypatch)
    r = await get(site_ds, "/saylav/news_items.json?_facet=date_basis&_facet=date_basis&_facet=date_basis&_size=1")
    # the default facets (metadata.yml: lang, kind, year and the date facet on published_on) and date_basis once
    assert sorted(r.json()["facet_results"]) == ["date_basis", "kind", "lang", "published_on", "year"]
    assert sorted(ran) == sorted(set(ran)) and {"date_basis", "kind", "lang", "year"} <= set(ran)


async def test_too_many_facets_are_refused_with_a_message(site_ds):
    facets = plugin("facet_params")
    columns = [f"c{i}" for i in range(facets.MAX_FACETS + 1)]
    r = await site_ds.client.get("/saylav/news_items.json?" + "&".join(f"_facet={c}" for c in columns))
    assert r.status_code == 400
    assert r.json()["error"].startswith("Too many facets: 11 asked for, at most 10")
    mixed = "&".join([f"_facet={c}" for c in columns[:5]] + [f"_facet_array={c}" for c in columns[5:]])
    assert (await site_ds.client.get("/saylav/news_items?" + mixed)).status_code == 400
    # ten different ones are fine (unknown columns are Datasette's business: 400 from it, not from us)
    r = await site_ds.client.get("/saylav/news_items.json?_facet=date_basis&_facet_date=published_on")
    assert r.status_code == 200


@pytest.mark.parametrize("repeats", [200, 2000])
async def test_thousands_of_repeated_facets_answer_fast(site_ds, monkeypatch, repeats):
    monkeypatch.setattr(plugin("request_limits"), "MAX_URL_BYTES", 10**6)  # reach the facet guard itself
    ran = facet_queries(monkeypatch)
    start = time.perf_counter()
    r = await site_ds.client.get("/saylav/news_items?" + "&".join(["_facet=title"] * repeats))
    elapsed = time.perf_counter() - start
    assert r.status_code == 400
    assert f"Too many facet parameters: {repeats} given" in r.text
    assert elapsed < 1.0
    assert ran == []


async def test_thousands_of_repeated_facets_as_sent_are_refused_fast(site_ds):
    start = time.perf_counter()
    r = await site_ds.client.get("/saylav/news_items?" + "&".join(["_facet=title"] * 2000))
    assert r.status_code in (400, 414)  # whichever guard sees it first
    assert time.perf_counter() - start < 1.0
    assert len(r.content) < 1000


def test_fold_keeps_order_and_other_parameters():
    facets = plugin("facet_params")
    pairs = [("_facet", "kind"), ("q", "x"), ("_facet", "title"), ("_facet", "title"), ("_facet_date", "d"),
             ("_facet_date", "d"), ("_facet_array", "title")]
    kept, given, distinct = facets.fold(pairs, {"kind"})
    assert kept == [("q", "x"), ("_facet", "title"), ("_facet_date", "d"), ("_facet_array", "title")]
    assert (given, distinct) == (6, 3)


async def test_other_parameters_keep_their_bytes_when_facets_are_folded(site_ds):
    r = await get(site_ds, "/saylav/news_items.json?_facet=kind&_facet=kind&title__contains=%C3%BD&_size=1")
    assert "ý" in r.json()["human_description_en"]
