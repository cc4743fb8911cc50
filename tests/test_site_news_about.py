"""The reader's pages: /news with its filters and pages, /about with the data-quality report,
conflicting figures shown on election pages, and error pages in the site's look."""
from __future__ import annotations

import json
import re
from html import escape as html_escape

import pytest

from tests.site_fixtures import ELECTION, get, saylav_load


def item_ids(html: str) -> list[str]:
    """The items listed in a news list, in order."""
    block = html.split('<ul class="news-list">', 1)[1].split("</ul>", 1)[0] if '<ul class="news-list">' in html else ""
    return re.findall(r'href="(?:/\w\w)?/news/([^"?]+)"', block)


async def test_news_lists_every_item_newest_first(site_ds, site_db):
    import sqlite3

    html = (await get(site_ds, "/news")).text
    ids = item_ids(html)
    total = sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0]
    assert len(ids) == total and f"{total} items" in html
    assert ids.index("tk-466") < ids.index("en-465") < ids.index("en-430")  # newest first
    # every filter is a labelled control
    for field in ("lang", "kind", "year", "election"):
        assert f'<label for="f-{field}">' in html and f'<select id="f-{field}" name="{field}">' in html


@pytest.mark.parametrize("query, expected", [
    ("lang=tk", {"tk-461", "tk-466", "tk-431"}),
    ("lang=ru", {"ru-461", "ru-430"}),
    ("kind=turnout&lang=en", {"en-460", "en-461", "en-462", "en-463", "en-465"}),
    (f"election={ELECTION}&lang=tk", {"tk-461", "tk-466"}),
    ("year=2023&lang=ru", {"ru-461", "ru-430"}),
])
async def test_news_filters(site_ds, query, expected):
    html = (await get(site_ds, "/news?" + query)).text
    assert set(item_ids(html)) == expected
    assert "Clear filters" in html


async def test_unknown_filter_values_and_pages_are_ignored_not_errors(site_ds):
    everything = item_ids((await get(site_ds, "/news")).text)
    for query in ("lang=xx", "kind=<script>", "year=abcd", "election=nope", "page=abc", "page=-3", "lang=tk%00"):
        html = (await get(site_ds, "/news?" + query)).text
        assert item_ids(html) == everything, query
    html = (await get(site_ds, "/news?page=99999999")).text
    assert item_ids(html) == [] and "No news matches these filters." in html


async def test_the_forms_empty_choices_redirect_to_the_clean_address(site_ds):
    r = await get(site_ds, "/news?lang=tk&kind=&year=&election=", status=302)
    assert r.headers["location"] == "/news?lang=tk"
    r = await get(site_ds, "/ru/news?lang=&kind=turnout&page=", status=302)
    assert r.headers["location"] == "/ru/news?kind=turnout"


async def test_turnout_items_are_told_apart_by_their_hour(site_ds):
    html = (await get(site_ds, "/news?kind=turnout&lang=en")).text
    for hour in ("9:00", "11:00", "15:00", "19:00"):
        assert f'<span class="title-note">· {hour}</span>' in html
    assert '<span class="title-note">· Final turnout</span>' in html


@pytest.fixture(scope="module")
def archive_ds(tmp_path_factory):
    """The bundled archive (data/raw: the seed page and the site's captures), as `make serve` shows it."""
    from etl.serve import make_app
    from tests.conftest import BUNDLED_RAW

    out = tmp_path_factory.mktemp("archive")
    saylav_load(BUNDLED_RAW, out / "saylav.db")
    return make_app(out / "saylav.db")


async def test_the_bundled_archive_pages_through_its_news(archive_ds):
    first = (await get(archive_ds, "/news")).text
    m = re.search(r"(\d+) items, page 1 of (\d+)", first)
    assert m and int(m.group(1)) > 100 and int(m.group(2)) >= 4
    pages = [item_ids(first)] + [item_ids((await get(archive_ds, f"/news?page={n}")).text)
                                 for n in range(2, int(m.group(2)) + 1)]
    seen = [i for p in pages for i in p]
    assert len(seen) == len(set(seen)) == int(m.group(1))  # every item once, across the pages
    assert all(len(p) == 30 for p in pages[:-1])
    assert 'rel="next" href="/news?page=2"' in first
    html = (await get(archive_ds, "/ru/news?lang=ru&page=1")).text
    assert 'href="/ru/news"' in html  # clear filters, in the page's language


async def test_about_page_reports_coverage_issues_dates_and_conflicts(archive_ds):
    html = (await get(archive_ds, "/about")).text
    for heading in ("What it is", "What it is not", "How it is built", "How to cite it", "Data quality",
                    "Coverage by year, language and kind", "Parse issues by problem", "Items without a date",
                    "Figures in conflict"):
        assert f">{heading}</h" in html, heading
    assert html.count('class="chart bar-chart"') == 2
    assert 'href="/news?year=none"' in html
    db = archive_ds.get_database("saylav")
    problems = [r[0] for r in (await db.execute("select distinct problem from parse_issues")).rows]
    # every problem of the data is listed, or the page says there is none
    assert all(html_escape(p) in html for p in problems) if problems else "No parse issues." in html
    ru = (await get(archive_ds, "/ru/about")).text
    assert "Качество данных" in ru and "Как ссылаться" in ru


@pytest.fixture(scope="module")
def conflict_ds(tmp_path_factory):
    """Two reports of the same hour that disagree: 41,29% in English, 41,92% in Russian."""
    from etl.serve import make_app

    out = tmp_path_factory.mktemp("conflict")
    raw = out / "raw"
    raw.mkdir()
    texts = {
        "en_461.txt": ("26 Mar\n\nVoting continues\n\nBy the elections of deputies of the Mejlis of Turkmenistan to 11 "
                       "o'clock on March 26, 2023, there were voted 41,29% of voters.\n", "https://saylav.gov.tm/en/news/461"),
        "ru_461.txt": ("26 Март\n\nГолосование продолжается\n\nПо выборам депутатов Меджлиса Туркменистана 26 марта "
                       "2023 года к 11 часам проголосовало 41,92% избирателей.\n", "https://saylav.gov.tm/ru/news/461"),
        "en_462.txt": ("26 Mar\n\nVoting continues\n\nBy the elections of deputies of the Mejlis of Turkmenistan to 15 "
                       "o'clock on March 26, 2023, there were voted 76,11% of voters.\n", "https://saylav.gov.tm/en/news/462"),
    }
    for name, (text, url) in texts.items():
        (raw / name).write_text(text, encoding="utf-8")
        (raw / (name + ".meta.json")).write_text(json.dumps({"url": url, "fetched_at": "2023-03-27T08:00:00Z"}))
    saylav_load(raw, out / "saylav.db")
    return make_app(out / "saylav.db")


async def test_conflicting_figures_are_shown_with_their_sources_not_hidden(conflict_ds):
    html = (await get(conflict_ds, f"/elections/{ELECTION}")).text
    section = html.split('<section class="conflicts"', 1)[1].split("</section>", 1)[0]
    assert "Figures in conflict" in section
    assert re.search(r"<strong>41.29%</strong> \(<a href=\"/news/en-461\">en-461</a>\) ≠ <strong>41.92%</strong> "
                     r"\(<a href=\"/news/ru-461\">ru-461</a>\)", section) or \
        re.search(r"<strong>41.92%</strong> \(<a href=\"/news/ru-461\">ru-461</a>\) ≠ <strong>41.29%</strong> "
                  r"\(<a href=\"/news/en-461\">en-461</a>\)", section)
    assert "76.11%" not in section  # only the hour in dispute
    about = (await get(conflict_ds, "/about")).text
    assert "1 figures in conflict" in about and 'href="/news/ru-461">41.92%</a>' in about


async def test_the_elections_page_overlays_turnout_of_every_election(site_ds):
    html = (await get(site_ds, "/elections")).text
    # one election with hourly figures in the test corpus: no overlay of one line
    assert "turnout-overlay" not in html
    from saylav_site import election_pages

    svg = election_pages.overlay([
        {"id": "mejlis-2023-03-26", "name": "Mejlis 2023", "points": [(9, 20.2), (11, 41.3)]},
        {"id": "mejlis-2018-03-25", "name": "Mejlis 2018", "points": [(10, 30.0), (12, 55.5)]},
        {"id": "x-2020-01-01", "name": "One point", "points": [(10, 3.0)]},
    ], "en")
    assert svg.count("<polyline") == 2 and "Mejlis 2018" in svg
    assert "One point, 10:00: 3%" in svg  # an election with one hourly figure is a dot
    assert "Turnout through polling day in every election" in svg


async def test_error_pages_have_the_site_look_and_language(site_ds):
    r = await get(site_ds, "/no/such/page", status=404)
    html = r.text
    assert '<link rel="stylesheet" href="/static/site.css">' in html
    assert '<html lang="en">' in html and html.count("<main") == 1
    assert "<h1>Page not found</h1>" in html and 'action="/search"' in html
    html = (await get(site_ds, "/ru/news/no-such-item", status=404)).text
    assert '<html lang="ru">' in html and "<h1>Страница не найдена</h1>" in html and 'action="/ru/search"' in html
    r = await get(site_ds, "/saylav/no_such_table.json", status=404)
    assert r.json()["ok"] is False  # JSON errors stay JSON


async def test_datasettes_own_error_rendering_still_gets_the_site_look(site_ds):
    """A 500 is answered by Datasette's handler, which renders error.html without the request."""
    await site_ds.invoke_startup()
    template = site_ds.jinja_env.select_template(["500.html", "error.html"])
    html = await template.render_async({"ok": False, "error": "boom", "status": 500, "title": None,
                                        "urls": site_ds.urls, "app_css_hash": site_ds.app_css_hash(),
                                        "menu_links": lambda: []})
    assert '<html lang="en">' in html and html.count("<main") == 1
    assert '<link rel="stylesheet" href="/static/site.css">' in html
    assert "Something went wrong on our side." in html and "boom" in html
