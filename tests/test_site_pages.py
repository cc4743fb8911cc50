"""The public site's pages, as a person reads them: home, news items, elections, people,
organisations, constituencies, regions. Every name on a page links to its page, and every link
on a page leads somewhere."""
from __future__ import annotations

import re

from tests.site_fixtures import ELECTION, get, local_links


def text_of(html: str) -> str:
    """The visible words of a page (tags removed, whitespace collapsed)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


async def test_home_page_tells_what_the_archive_holds(site_ds):
    html = (await get(site_ds, "/")).text
    words = text_of(html)
    # counts per language and kind, each linking to the news list filtered by it
    assert 'href="/news?lang=en"' in html and 'href="/news?lang=ru"' in html
    assert 'href="/news?kind=turnout"' in html
    assert "English 8" in words and "Türkmençe 3" in words and "Русский 2" in words
    # in the reader's language (English by default; tests/test_site_languages.py has the others)
    assert "Latest news" in words and "Soňky habarlar" not in words
    # latest items, newest first, linking to their pages
    assert html.index('href="/news/tk-466"') < html.index('href="/news/en-465"')
    # elections with a turnout sparkline
    assert f'href="/elections/{ELECTION}"' in html
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="sparkline"' in html
    assert "91.02% final" in words
    # ways in: search, feeds, API, database download
    for href in ('action="/search"', 'href="/saylav/feed.atom"', 'href="/api"', 'href="/saylav.db"'):
        assert href in html


async def test_item_page_shows_the_story_with_its_facts_and_sources(site_ds):
    html = (await get(site_ds, "/news/en-461")).text
    words = text_of(html)
    # the title, told apart from the other "Voting continues" items by the hour of its figure
    assert '<h1>Voting continues <span class="title-note" lang="en">· 11:00</span></h1>' in html
    assert "<title>Voting continues · 11:00 · saylav-archive</title>" in html
    assert '<article class="item" lang="en">' in html
    assert '<time datetime="2023-03-26">26 March 2023</time>' in html and 'printed “<span lang="en">26 Mar</span>”' in html
    assert "<p>By the elections of deputies of the Mejlis of Turkmenistan to 11 o&#39;clock" in html
    # the same story in the other languages
    assert 'href="/news/tk-461" hreflang="tk"' in html and 'href="/news/ru-461" hreflang="ru"' in html
    # its election and the turnout figures read from it, per area
    assert f'href="/elections/{ELECTION}"' in html
    assert "41.29%" in words and "40.76%" in words and "43.02%" in words
    assert 'href="/constituencies/mejlis-1">1 Garaşsyzlyk</a>' in html
    assert 'href="/regions/ahal">Ahal welaýaty</a>' in html
    # sources: capture, original URL, fetch time
    assert 'href="https://saylav.gov.tm/en/news/461"' in html
    assert "en_461.txt" in html and "2023-03-27T08:00:00Z" in html
    assert 'href="/saylav/news_items/en-461.json"' in html


async def test_item_page_of_a_meeting_links_every_participant_and_organisation(site_ds):
    html = (await get(site_ds, "/news/en-430")).text
    assert '<a href="/people/gromov-a">Alexei Gromov</a>' in html
    assert '<a href="/people/muradov-g">Gulmyrat Myradov</a>' in html
    assert 'href="/organizations/osce-odihr"' in html
    assert "senior advisor of the OSCE bureau" in html
    assert 'href="/news/ru-430" hreflang="ru"' in html


async def test_item_page_of_results_links_constituencies_and_people(site_ds):
    html = (await get(site_ds, "/news/tk-466")).text
    assert '<a href="/constituencies/mejlis-1">1 «Garaşsyzlyk»</a>' in html
    assert '<a href="/people/bazarov-r">' in html
    assert "mugallym." in html


async def test_row_page_links_to_the_clean_page(site_ds):
    html = (await get(site_ds, "/saylav/news_items/en-461")).text
    assert '<a href="/news/en-461">Read this as a page →</a>' in html
    html = (await get(site_ds, f"/saylav/elections/{ELECTION}")).text
    assert f'<a href="/elections/{ELECTION}">Read this as a page →</a>' in html
    # and the names in those tables' listings link to the pages too
    html = (await get(site_ds, "/saylav/people")).text
    assert '<a href="/people/gromov-a">Alexei Gromov</a>' in html


async def test_election_page_draws_turnout_through_the_day(site_ds):
    html = (await get(site_ds, f"/elections/{ELECTION}")).text
    words = text_of(html)
    charts = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="chart".*?</svg>', html, re.S)
    assert len(charts) == 2  # by region, by constituency
    by_constituency = charts[1]
    assert "<title id=\"turnout-constituencies-title\">Turnout through polling day by constituency</title>" in by_constituency
    assert "Hour of polling day (local time)" in by_constituency and "Voters who had voted (%)" in by_constituency
    assert by_constituency.count("<polyline") == 3  # overall and one line per constituency
    assert "1 Garaşsyzlyk, 19:00: 91.84%" in by_constituency
    # the figures as tables beside the charts, with the final figure
    assert "Turnout by constituency, per cent" in words and "Turnout by region, per cent" in words
    assert "Final turnout: 91.02%" in words
    # results and related news
    assert '<a href="/people/bazarov-r">' in html
    assert 'href="/news/en-460"' in html and 'href="/news/ru-461"' in html


async def test_election_chart_as_a_file(site_ds):
    r = await get(site_ds, f"/elections/{ELECTION}/turnout.svg")
    assert r.headers["content-type"] == "image/svg+xml; charset=utf-8"
    assert r.text.startswith('<svg xmlns="http://www.w3.org/2000/svg"')


async def test_statements_in_two_languages_show_as_one_figure_with_both_sources(site_ds):
    html = (await get(site_ds, f"/elections/{ELECTION}")).text
    row = re.search(r'<tr class="row-overall">.*?</tr>', html, re.S).group(0)
    cell_11 = re.findall(r"<td>(.*?)</td>", row, re.S)[1]
    assert "41.29%" in cell_11 and "≠" not in cell_11
    assert {"en-461", "tk-461", "ru-461"} <= set(re.findall(r'href="/news/([^"]+)"', cell_11))


async def test_person_page_lists_spellings_meetings_and_seats(site_ds):
    html = (await get(site_ds, "/people/gromov-a")).text
    assert "<h1>Alexei Gromov</h1>" in html
    assert 'href="/news/en-430"' in html and 'href="/organizations/osce-odihr"' in html
    html = (await get(site_ds, "/people/bazarov-r")).text
    assert "Bazarow Rejep" in html  # the spelling as printed
    assert f'href="/elections/{ELECTION}"' in html and 'href="/constituencies/mejlis-1"' in html


async def test_organization_constituency_and_region_pages(site_ds):
    html = (await get(site_ds, "/organizations/osce-odihr")).text
    assert '<a href="/people/gromov-a">Alexei Gromov</a>' in html
    html = (await get(site_ds, "/constituencies/mejlis-1")).text
    assert "Constituency 1 «Garaşsyzlyk»" in html
    assert 'class="chart"' in html and "91.84%" in html
    assert '<a href="/people/bazarov-r">' in html
    html = (await get(site_ds, "/regions/ahal")).text
    assert "Ahal" in html and "92.11%" in html and f'href="/elections/{ELECTION}"' in html


async def test_lists_of_entities(site_ds):
    assert 'href="/people/muradov-g"' in (await get(site_ds, "/people")).text
    assert 'href="/organizations/osce-odihr"' in (await get(site_ds, "/organizations")).text
    assert 'href="/constituencies/mejlis-2"' in (await get(site_ds, "/constituencies")).text
    assert 'href="/regions/balkan"' in (await get(site_ds, "/regions")).text
    html = (await get(site_ds, "/elections")).text
    assert f'href="/elections/{ELECTION}"' in html and 'class="sparkline"' in html


async def test_unknown_ids_are_404(site_ds):
    for path in ("/news/en-0", "/elections/none-2000-01-01", "/people/nobody-x", "/organizations/none",
                 "/constituencies/none-0", "/regions/atlantis", "/elections/none/turnout.svg"):
        await get(site_ds, path, status=404)


async def test_every_link_on_every_page_leads_somewhere(site_ds):
    pages = ["/", "/news/en-461", "/news/en-430", "/news/tk-466", f"/elections/{ELECTION}", "/elections",
             "/people", "/people/gromov-a", "/people/bazarov-r", "/organizations/osce-odihr",
             "/constituencies/mejlis-1", "/regions/ahal", "/search?q=Myradov"]
    checked: set[str] = set()
    for page in pages:
        for href in local_links((await get(site_ds, page)).text):
            if href in checked or href.startswith("/saylav.db"):
                continue
            checked.add(href)
            r = await site_ds.client.get(href)
            assert r.status_code == 200, f"{page} links to {href}: {r.status_code}"
    assert len(checked) > 60
