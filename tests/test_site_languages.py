"""The site in English, Turkmen and Russian: URLs per language, the reader's Accept-Language as
the default, a switcher and hreflang alternates, every label of the site's pages in the catalogue,
dates and numbers in each language's form, and item text keeping its own language."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from saylav_site import messages as msg
from saylav_site import site_data
from tests.site_fixtures import ELECTION, get

ROOT = Path(__file__).resolve().parent.parent


def used_messages() -> set[str]:
    """Every literal message the templates and plugins look up."""
    found = set()
    for path in (ROOT / "templates").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'\b_\(\s*"([^"]+)"', text)) | set(re.findall(r"\b_\(\s*'([^']+)'", text))
        found |= {site_data.T[k][0] for k in re.findall(r'trilingual\("(\w+)"\)', text)}
    for path in (ROOT / "plugins").glob("*.py"):
        found |= set(re.findall(r'gettext\(\s*lang,\s*"([^"]+)"', path.read_text(encoding="utf-8")))
    # labels passed to _() as values: crumbs, area rows, positions, entity kinds
    found |= {"home", "news", "elections", "people", "organisations", "constituencies", "regions", "Overall", "Abroad", "main", "sidebar", "listing",
              "People", "Organisations", "Constituencies", "by region", "by constituency", "overall"}
    return found


def test_every_message_of_the_site_is_in_the_catalogue_in_three_languages():
    used = used_messages()
    assert len(used) > 120
    missing = sorted(m for m in used if m not in msg.CATALOGUE)
    assert missing == []
    for english, (tk, ru) in msg.CATALOGUE.items():
        assert tk.strip() and ru.strip(), english
        # the same fields in every language
        assert set(re.findall(r"\{(\w+)\}", tk)) == set(re.findall(r"\{(\w+)\}", english)) == set(re.findall(r"\{(\w+)\}", ru)), english
    for table in (msg.KINDS, msg.DATE_BASIS):
        assert all(len(v) == 3 and all(v) for v in table.values())


def test_dates_numbers_and_figures_in_each_language():
    assert msg.long_date("en", "2023-03-26") == "26 March 2023"
    assert msg.long_date("tk", "2023-03-26") == "26 mart 2023"
    assert msg.long_date("ru", "2023-03-26") == "26 марта 2023"
    assert msg.long_date("ru", None) == "" and msg.long_date("tk", "garbage") == "garbage"
    assert msg.pct("en", 91.32) == "91.32%" and msg.pct("ru", 91.32) == "91,32%" and msg.pct("tk", 100.0) == "100%"
    assert msg.number("en", 3435950) == "3,435,950" and msg.number("ru", 3435950) == "3\u00a0435\u00a0950"
    assert msg.hour_label("ru", None) == "итог" and msg.hour_label("tk", 11) == "11:00"
    assert msg.gettext("ru", "{n} items", n=5) == "Новостей: 5"
    assert msg.gettext("tk", "A message nobody catalogued") == "A message nobody catalogued"
    assert msg.election_label("ru", "mejlis-by-2024-07-07") == "Довыборы в Меджлис Туркменистана, 7 июля 2024"
    assert msg.election_label("tk", "president-2022-03-12") == "Türkmenistanyň Prezidentiniň saýlawy, 12 mart 2022"
    assert msg.election_label("en", ELECTION, "Mejlis election") == "Mejlis election"
    assert msg.election_label("ru", "unknown-body-2023-01-01", "As named") == "As named"


@pytest.mark.parametrize("header, expected", [
    ("ru-RU,ru;q=0.9,en;q=0.8", "ru"), ("tk", "tk"), ("de-DE,tk;q=0.5,ru;q=0.4", "tk"),
    ("en;q=0.1, ru;q=0.9", "ru"), ("de, fr", None), ("", None), ("ru;q=0", None), (";;,,q=x", None),
])
def test_accept_language_is_negotiated(header, expected):
    assert msg.negotiate(header) == expected


async def test_a_language_prefix_serves_the_page_in_that_language(site_ds):
    r = await get(site_ds, "/ru/")
    html = r.text
    assert '<html lang="ru">' in html
    assert "Последние новости" in html and "Latest news" not in html
    assert r.headers["content-language"] == "ru"
    assert "saylav_lang=ru" in r.headers.get("set-cookie", "")
    # the page's own links keep the language
    assert 'href="/ru/news/tk-466"' in html and 'href="/ru/news?lang=tk"' in html
    assert f'href="/ru/elections/{ELECTION}"' in html
    # the switcher: the same page in each language, the current one marked
    for code, name in (("en", "English"), ("tk", "Türkmençe")):
        assert f'href="/{code}" hreflang="{code}" lang="{code}">{name}</a>' in html
    assert 'href="/ru" hreflang="ru" lang="ru" aria-current="true">Русский</a>' in html
    assert '<link rel="alternate" hreflang="tk" href="/tk">' in html
    assert '<link rel="alternate" hreflang="x-default" href="/">' in html


async def test_every_site_page_answers_in_each_language(site_ds):
    for path in ("/news", "/about", "/elections", f"/elections/{ELECTION}", "/news/en-461", "/people",
                 "/people/gromov-a", "/organizations/osce-odihr", "/constituencies/mejlis-1", "/regions/ahal",
                 "/search?q=saylaw", "/api", "/saylav/news_items", "/saylav/news_items/en-461"):
        for code in ("tk", "ru"):
            html = (await get(site_ds, f"/{code}{path}")).text
            assert f'<html lang="{code}">' in html, (code, path)
            assert html.count("<main") == 1


async def test_turkmen_and_russian_pages_speak_their_language(site_ds):
    html = (await get(site_ds, f"/tk/elections/{ELECTION}")).text
    assert "Ses beriş güni" in html and "Türkmenistanyň Mejlisine saýlaw, 26 mart 2023" in html
    assert "41,29%" in html  # figures in the Turkmen form
    html = (await get(site_ds, "/ru/news")).text
    assert "Все новости" in html and "<label for=\"f-lang\">Язык</label>" in html


async def test_item_text_keeps_its_own_language(site_ds):
    html = (await get(site_ds, "/ru/news/en-461")).text
    assert '<html lang="ru">' in html
    assert '<article class="item" lang="en">' in html  # the story is English, the labels Russian
    assert "26 марта 2023" in html and "Источники" in html


async def test_unprefixed_pages_follow_the_cookie_then_accept_language(site_ds):
    r = await get(site_ds, "/", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    assert '<html lang="ru">' in r.text and r.headers["content-language"] == "ru"
    assert "Accept-Language" in r.headers["vary"]
    assert 'href="/news/tk-466"' in r.text  # unprefixed links stay unprefixed: they negotiate alike
    r = await get(site_ds, "/", headers={"Accept-Language": "ru", "Cookie": "saylav_lang=tk"})
    assert '<html lang="tk">' in r.text
    r = await get(site_ds, "/", headers={"Accept-Language": "de"})
    assert '<html lang="en">' in r.text
    r = await get(site_ds, "/en/", headers={"Accept-Language": "ru"})
    assert '<html lang="en">' in r.text


async def test_a_prefix_never_turns_a_path_into_another_host(site_ds):
    for path in ("/ru//example.com/", "/tk/\\example.com/"):
        r = await site_ds.client.get(path)
        location = r.headers.get("location", "")
        assert not location or (location.startswith("/") and location[1:2] not in ("/", "\\")), (path, location)


async def test_the_sitemap_gives_every_page_in_each_language_with_alternates(site_ds):
    r = await get(site_ds, "/sitemap.xml")
    root = ET.fromstring(r.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {u.find("s:loc", ns).text.removeprefix("http://localhost"): u for u in root.findall("s:url", ns)}
    for path in ("/news/en-461", "/ru/news/en-461", "/tk/news/en-461", "/en/news/en-461", "/ru", "/tk/about"):
        assert path in entries, path
    links = {a.get("hreflang"): a.get("href").removeprefix("http://localhost")
             for a in entries["/ru/news/en-461"].findall("x:link", ns)}
    assert links == {"en": "/en/news/en-461", "tk": "/tk/news/en-461", "ru": "/ru/news/en-461", "x-default": "/news/en-461"}
