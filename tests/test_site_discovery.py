"""Feeds and discovery: Atom feeds (all, per language, per kind), the sitemap, robots.txt, and
the page documenting the JSON API, whose every example URL must work."""
from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from html import unescape

import pytest

from tests.site_fixtures import ELECTION, get

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


async def feed(ds, path: str) -> ET.Element:
    r = await get(ds, path)
    assert r.headers["content-type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(r.content)


def entry_links(root: ET.Element) -> list[str]:
    return [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in root.iter(f"{ATOM}entry")]


async def test_atom_feed_of_all_news_newest_first(site_ds):
    root = await feed(site_ds, "/saylav/feed.atom")
    assert root.find(f"{ATOM}title").text == "saylav-archive: news"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost/saylav/feed.atom"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 13  # every dated item
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    first = entries[0]
    assert first.find(f"{ATOM}id").text == "tag:saylav-archive,2024:news/tk-466"
    assert first.get("{http://www.w3.org/XML/1998/namespace}lang") == "tk"
    assert first.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://localhost/news/tk-466"
    assert first.find(f"{ATOM}link[@rel='related']").get("href") == "https://saylav.gov.tm/tk/news/466"
    assert "Bazarow Rejep" in first.find(f"{ATOM}content").text


@pytest.mark.parametrize("path, expected", [
    ("/saylav/feed/ru.atom", {"ru-430", "ru-461"}),
    ("/saylav/feed.atom?lang=ru", {"ru-430", "ru-461"}),
    ("/saylav/feed/results.atom", {"tk-466"}),
    ("/saylav/feed/en/meeting.atom", {"en-430"}),
    ("/saylav/feed.atom?lang=tk&kind=turnout", {"tk-461"}),
])
async def test_feeds_per_language_and_kind(site_ds, path, expected):
    root = await feed(site_ds, path)
    assert {href.rsplit("/", 1)[1] for href in entry_links(root)} == expected


async def test_unknown_feeds_are_404(site_ds):
    await get(site_ds, "/saylav/feed/xx.atom", status=404)
    await get(site_ds, "/saylav/feed/no-such-kind.atom", status=404)


async def test_home_and_pages_announce_the_feed(site_ds):
    html = (await get(site_ds, "/")).text
    assert '<link rel="alternate" type="application/atom+xml" title="saylav-archive: all news" href="/saylav/feed.atom">' in html


async def test_sitemap_lists_every_item_and_entity_page(site_ds, site_db):
    r = await get(site_ds, "/sitemap.xml")
    assert r.headers["content-type"] == "application/xml; charset=utf-8"
    locs = [e.text for e in ET.fromstring(r.content).iter(f"{SITEMAP}loc")]
    paths = {loc.removeprefix("http://localhost") for loc in locs}
    assert {"/", "/elections", "/people", "/api", "/news/en-461", "/news/ru-430", f"/elections/{ELECTION}",
            "/people/gromov-a", "/organizations/osce-odihr", "/constituencies/mejlis-1", "/regions/ahal"} <= paths
    items = sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0]
    assert sum(p.startswith("/news/") for p in paths) == items  # every item, dated or not
    for path in paths:
        assert "?" not in path
        await get(site_ds, path)


async def test_robots_keeps_crawlers_off_query_strings(site_ds):
    r = await get(site_ds, "/robots.txt")
    lines = r.text.splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /*?" in lines
    assert "Disallow: /-/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


async def test_api_page_documents_working_examples(site_ds):
    html = (await get(site_ds, "/api")).text
    examples = [unescape(u) for u in re.findall(r'<dd><a href="([^"]+)"><code>', html)]
    wanted = ["_facet=lang", "_search=", "_shape=array", "_shape=object", "_shape=arrays", ".csv?", "_stream=on",
              "sql=", "_labels=on", "/saylav.db", "feed.atom"]
    for fragment in wanted:
        assert any(fragment in u for u in examples), fragment
    for url in examples:
        r = await get(site_ds, url)
        if ".json" in url and "_nl=on" in url:
            assert len(r.text.strip().splitlines()) == 5, url
        elif ".json" in url:
            assert r.headers["content-type"].startswith("application/json"), url
            body = r.json()
            if "_facet=" in url:
                assert body["facet_results"], url
            if "_search=" in url:
                assert body, url  # the search examples find something
        elif ".csv" in url:
            assert r.text.count("\n") >= 2, url
