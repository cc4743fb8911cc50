"""The small things people notice: metadata descriptions as Markdown, column notes folded, a date
facet, foreign keys linked on row pages, canned-query parameters as lists, CSV that Excel reads."""
from __future__ import annotations

import re

from saylav_site import descriptions
from tests.site_fixtures import ELECTION, get


def test_markdown_of_descriptions_is_safe_inline_html():
    md = descriptions.markdown_inline
    assert md("Translations share `site_id`.") == "Translations share <code>site_id</code>."
    assert md("**What** it *is*") == "<strong>What</strong> it <em>is</em>"
    assert md("see [the API](/api) and [site](https://saylav.gov.tm)") == \
        'see <a href="/api">the API</a> and <a href="https://saylav.gov.tm">site</a>'
    assert md("[x](javascript:alert(1))") == "[x](javascript:alert(1))"  # never a link
    assert md("<script>alert(1)</script> `<b>`") == "&lt;script&gt;alert(1)&lt;/script&gt; <code>&lt;b&gt;</code>"
    assert md("`**not bold**` and 2 * 3 * 4") == "<code>**not bold**</code> and 2 * 3 * 4"
    assert md(None) == ""


async def test_table_pages_render_descriptions_and_fold_the_column_notes(site_ds):
    html = (await get(site_ds, "/saylav/news_items")).text
    description = html.split('<div class="metadata-description">', 1)[1].split("</div>", 1)[0]
    assert "<code>site_id</code>" in description and "`" not in description
    assert '<details class="column-notes">' in html
    notes = html.split('<details class="column-notes">', 1)[1].split("</details>", 1)[0]
    assert "`" not in notes and "<code>en</code>" in notes
    # the archive's own About page, not the Commission's site
    assert re.search(r'href="/about">\s*saylav-archive</a>', html)


async def test_news_has_a_date_facet(site_ds):
    data = (await get(site_ds, "/saylav/news_items.json?_size=0")).json()
    assert data["facet_results"]["published_on"]["type"] == "date"


async def test_row_pages_link_their_foreign_keys(site_ds):
    html = (await get(site_ds, "/saylav/news_items/en-461")).text
    assert f'<td class="col-election_id type-str"><a href="/elections/{ELECTION}">{ELECTION}</a></td>' in html
    assert re.search(r'<td class="col-first_capture_id type-str"><a href="/saylav/captures/[0-9a-f]{64}">', html)
    data = (await get(site_ds, "/saylav/turnout_snapshots.json?_shape=array&_size=1&news_item_id=en-461")).json()
    html = (await get(site_ds, f"/saylav/turnout_snapshots/{data[0]['id']}")).text
    assert '<a href="/news/en-461">en-461</a>' in html


async def test_canned_queries_offer_valid_values(site_ds):
    html = (await get(site_ds, "/saylav/turnout_through_polling_day")).text
    assert '<select id="qp1" name="election_id">' in html
    assert f'<option value="{ELECTION}">Mejlis of Turkmenistan election, 2023-03-26</option>' in html
    html = (await get(site_ds, f"/saylav/turnout_through_polling_day?election_id={ELECTION}")).text
    assert f'<option value="{ELECTION}" selected>' in html
    html = (await get(site_ds, "/saylav/meetings_of_a_person?name=gromov-a")).text
    assert '<option value="gromov-a" selected>Alexei Gromov</option>' in html


async def test_csv_for_excel_starts_with_a_byte_order_mark(site_ds):
    html = (await get(site_ds, "/saylav/news_items?lang=ru")).text
    href = re.search(r'class="excel-csv" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "_bom=1" in href and "_labels" not in href
    r = await get(site_ds, href)
    assert r.content.startswith("\ufeffid,".encode("utf-8"))
    assert "Встреча с делегацией ОБСЕ" in r.content.decode("utf-8-sig")
    assert r.headers["content-disposition"] == 'attachment; filename="news_items.csv"'
    plain = await get(site_ds, "/saylav/news_items.csv?_stream=on&_size=max")
    assert plain.content.startswith(b"id,")  # no mark unless asked for
    html = (await get(site_ds, "/news?lang=ru")).text
    assert "_bom=1" in html and "CSV for Excel" in html
