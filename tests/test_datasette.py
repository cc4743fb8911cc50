"""The archive through Datasette's own test client, with the settings `make serve` uses."""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest

from etl.schema import VIEWS, table_names
from etl.serve import SETTINGS, make_app


@pytest.fixture(scope="module")
def ds(bundled_db):
    return make_app(bundled_db)


async def get(ds, path):
    return await ds.client.get(path)


async def test_home_page_names_the_archive_and_its_source(ds):
    r = await get(ds, "/")
    assert r.status_code == 200
    assert "saylav" in r.text
    assert "saylav.gov.tm" in r.text


@pytest.mark.parametrize("table", table_names() + list(VIEWS))
async def test_every_table_in_html_json_and_csv(ds, bundled_db, table):
    count = sqlite3.connect(bundled_db).execute(f"select count(*) from [{table}]").fetchone()[0]
    html = await get(ds, f"/saylav/{table}")
    assert html.status_code == 200, table
    js = await get(ds, f"/saylav/{table}.json?_shape=array&_size=max")
    assert js.status_code == 200
    assert len(js.json()) == count
    c = await get(ds, f"/saylav/{table}.csv?_size=max")
    assert c.status_code == 200
    assert len(list(csv.reader(io.StringIO(c.text)))) == count + 1


@pytest.mark.parametrize("query", ["saylaw", "garassyzlyk", "Garaşsyzlyk", "SAÝLAW"])
async def test_search_without_turkmen_letters_finds_turkmen_items(ds, query):
    r = await get(ds, f"/saylav/news_items.json?_search={query}&_shape=array")
    assert r.status_code == 200
    assert "tk" in {row["lang"] for row in r.json()}


async def test_default_facets_of_news(ds):
    r = await get(ds, "/saylav/news_items.json")
    facets = r.json()["facet_results"]
    assert set(facets) == {"lang", "kind", "year", "published_on"}  # published_on: a date facet
    assert facets["published_on"]["type"] == "date"
    langs = {v["value"]: v["count"] for v in facets["lang"]["results"]}
    assert langs == {"en": 7, "tk": 2}


async def test_canned_query_turnout_through_polling_day(ds):
    r = await get(ds, "/saylav/turnout_through_polling_day.json?election_id=mejlis-by-2024-07-07&_shape=array")
    rows = r.json()
    overall = [(x["as_of_hour"], x["pct"]) for x in rows if x["area"] == "overall"]
    assert overall == [(9, 20.22), (11, 41.29), (13, 62.91), (15, 76.11), (17, 85.55), (19, 91.32)]


async def test_canned_query_meetings_of_a_person_by_any_spelling(ds):
    for name in ("Alexey", "Alexei Gromov", "gromov-a"):
        r = await get(ds, f"/saylav/meetings_of_a_person.json?name={name}&_shape=array")
        assert [x["held_on"] for x in r.json()] == ["2022-11-29"], name


async def test_public_settings(ds):
    settings = (await get(ds, "/-/settings.json")).json()
    for key, value in SETTINGS.items():
        assert settings[key] == value, key
    dbs = (await get(ds, "/-/databases.json")).json()
    assert [(d["name"], d["is_mutable"], d["hash"] is not None) for d in dbs] == [("saylav", False, True)]


async def test_sql_time_limit_is_kept(ds):
    slow = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    from urllib.parse import quote

    r = await get(ds, "/saylav.json?sql=" + quote(slow))
    assert r.status_code == 400
    assert r.json()["title"] == "SQL Interrupted"


@pytest.mark.parametrize("size", [3, 4, 5, 6])
@pytest.mark.parametrize("facet", ["", "&lang=en", "&kind=turnout", "&year=2024"])
async def test_paging_a_sorted_table_with_ties_returns_every_row_once(ds, bundled_db, size, facet):
    """Six items share 2024-07-07: pages that break inside them must still see every row once."""
    seen, url = [], f"/saylav/news_items.json?_size={size}&_shape=objects{facet}"
    for _ in range(30):
        page = (await get(ds, url)).json()
        seen += [row["id"] for row in page["rows"]]
        if not page.get("next_url"):
            break
        url = page["next_url"].replace("http://localhost", "")
    where = facet.replace("&", " and ").replace("=", " = '").replace(" and ", "", 1) + "'" if facet else "1"
    total = sqlite3.connect(bundled_db).execute(f"select count(*) from news_items where {where}").fetchone()[0]
    assert len(seen) == total == len(set(seen))


async def test_a_database_file_of_another_name_is_served_as_saylav(bundled_db, tmp_path):
    """`saylav serve --db archive-2026.db`: the site's pages, its tables, the download and the
    inspect data (this file's hash and counts) are all under the name the site uses, `saylav`."""
    import shutil

    from etl.build import file_sha256, pin_for_serving, write_inspect

    db = tmp_path / "archive-2026.db"
    shutil.copyfile(bundled_db, db)
    write_inspect(db, tmp_path / "inspect.json")
    for served in (db, pin_for_serving(db)):
        ds = make_app(served)
        assert [name for name in ds.databases if not name.startswith("_")] == ["saylav"]
        assert ds.databases["saylav"].hash == file_sha256(db)
        # the counts come from the inspect data, keyed by the served name
        assert ds.databases["saylav"].cached_table_counts["news_items"] == sqlite3.connect(db).execute(
            "select count(*) from news_items").fetchone()[0]
        for path in ("/", "/news", "/about", "/saylav/news_items", "/saylav.db"):
            assert (await get(ds, path)).status_code == 200, (served.name, path)
        assert (await get(ds, "/archive-2026/news_items")).status_code == 404
