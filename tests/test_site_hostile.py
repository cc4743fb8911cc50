"""Hostile capture text, loaded through `saylav load`, is shown as text on every page: markup in a
capture (<script>, onerror=, javascript: links) is escaped, never executed; an address that is not
a web address never becomes a link."""
from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from tests.site_fixtures import HOSTILE_BODY, HOSTILE_TITLE, get


class Page(HTMLParser):
    """What a browser would build: tags with attributes, and the visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def strange_item_id(db) -> str:
    return sqlite3.connect(db).execute(
        "select id from news_items where title = 'A story from a strange address'").fetchone()[0]


def test_the_hostile_text_is_in_the_database(site_db):
    # the test means something only if the markup survived the load as text
    title, body = sqlite3.connect(site_db).execute("select title, body from news_items where id = 'en-999'").fetchone()
    assert title == HOSTILE_TITLE
    assert "<img src=x onerror=alert(1)>" in body and 'href="javascript:alert(2)"' in body


def assert_harmless(html: str, where: str):
    page = Page(html)
    scripts = [attrs for tag, attrs in page.tags if tag == "script"]
    assert all("src" in s or not s for s in scripts), where
    for tag, attrs in page.tags:
        assert tag not in ("img", "iframe", "object", "embed") or (attrs.get("src") or "").startswith("/"), (where, tag)
        assert not [a for a in attrs if a.startswith("on")], (where, tag, attrs)
        for a in ("href", "src", "action"):
            assert not (attrs.get(a) or "").strip().lower().startswith("javascript:"), (where, tag, attrs)
    assert "alert(" not in "".join(
        body for body in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)), where
    return "".join(page.text)


@pytest.mark.parametrize("path", ["/", "/news/en-999", "/search?q=hostile", "/search?q=onerror", "/saylav/news_items",
                                  "/saylav/news_items/en-999", "/saylav/news_items?_search=hostile",
                                  "/saylav/captures", "/elections", "/saylav/news_items?_facet=title"])
async def test_pages_show_capture_markup_as_text(site_ds, path):
    html = (await get(site_ds, path)).text
    assert_harmless(html, path)


async def test_item_page_shows_the_markup_as_written(site_ds):
    html = (await get(site_ds, "/news/en-999")).text
    text = assert_harmless(html, "/news/en-999")
    assert HOSTILE_TITLE in text  # the reader sees exactly what the capture says
    assert HOSTILE_BODY in text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html


async def test_search_snippets_escape_the_text_around_the_highlight(site_ds):
    html = (await get(site_ds, "/search?q=" + quote("onerror"))).text
    assert "&lt;img src=x <mark>onerror</mark>=alert(1)&gt;" in html


async def test_an_address_that_is_not_a_web_address_is_not_a_link(site_ds, site_db):
    item = strange_item_id(site_db)
    html = (await get(site_ds, f"/news/{item}")).text
    assert_harmless(html, item)
    assert "<code>javascript:alert(4)</code>" in html


async def test_feed_carries_the_markup_as_text(site_ds):
    r = await get(site_ds, "/saylav/feed.atom")
    root = ET.fromstring(r.content)  # well-formed: the bell character in the capture was dropped
    ns = "{http://www.w3.org/2005/Atom}"
    entry = next(e for e in root.iter(f"{ns}entry") if e.find(f"{ns}id").text.endswith("/en-999"))
    assert entry.find(f"{ns}title").text == HOSTILE_TITLE
    assert entry.find(f"{ns}title").get("type") in (None, "text")
    assert HOSTILE_BODY in entry.find(f"{ns}content").text
    assert entry.find(f"{ns}content").get("type") == "text"
    strange = [e for e in root.iter(f"{ns}entry") if "strange address" in e.find(f"{ns}title").text][0]
    assert [link.get("rel") for link in strange.iter(f"{ns}link")] == ["alternate"]  # no javascript: link


def test_chart_text_is_escaped():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("test_plugin_charts", Path(__file__).resolve().parent.parent / "plugins" / "charts.py")
    charts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(charts)
    name = '<script>alert(1)</script>" onload="alert(2)'
    svg = charts.line_chart([{"name": name, "points": [(9, 10.0), (11, 20.0)]}], title=name, chart_id="c")
    svg += charts.sparkline([(9, 10.0)], label=name)
    root = ET.fromstring("<div>" + svg + "</div>")  # well-formed: nothing broke out of its element
    assert not [el for el in root.iter() if el.tag.endswith("script")]
    assert not [a for el in root.iter() for a in el.attrib if a.startswith("on")]
    assert name in "".join(root.itertext())
