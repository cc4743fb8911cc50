"""Two guards that keep one misread fact from spreading:

- merging: the site repeats a wording from story to story, so sightings with the same title and
  opening are one item only when their date lines agree;
- dating: one strong date that breaks the order of article ids is judged by its nearest neighbours,
  and never voids the dates of every article beyond it."""
import sqlite3
from datetime import date
from types import SimpleNamespace

import pytest

from etl.dates import DayMonth
from etl.dating import _drop_dates_against_ids, _id_order_outliers
from etl.load import load
from etl.merge import Item
from tests.conftest import write_capture


def _home(stories):
    """A home page: links, then the newest stories (date line, title, snippet)."""
    return ("Links of the site\n\nRights of voters\n\n\n"
            + "\n\n".join(f"{day}\n{title}\n\n{snippet}" for day, title, snippet in stories) + "\n")


@pytest.mark.parametrize("lang, title, snippet, days", [
    ("en", "The election campaign goes on",
     "Meetings of the candidates with the voters go on in all constituencies of the country and...", ("12 May", "19 May")),
    ("tk", "Saýlaw kampaniýasy dowam edýär",
     "Dalaşgärleriň saýlawçylar bilen duşuşyklary ähli saýlaw okruglarynda dowam edýär we...", ("12 Maý", "19 Maý")),
    ("ru", "Избирательная кампания продолжается",
     "Встречи кандидатов с избирателями продолжаются во всех избирательных округах страны и...", ("12 Май", "19 Май")),
])
def test_the_same_wording_on_two_days_is_two_items(raw_dir, lang, title, snippet, days):
    first, second = days
    other = [("10 " + first.split()[1], "A session of the commission %d" % k,
              "A session of the commission was held, dedicated to the work number %d and..." % k) for k in (1, 2)]
    write_capture(raw_dir, "a.txt", _home([(first, title, snippet)] + other), url=f"https://saylav.gov.tm/{lang}")
    write_capture(raw_dir, "b.txt", _home([(second, title, snippet)] + other), url=f"https://saylav.gov.tm/{lang}")
    write_capture(raw_dir, "c.txt", _home([(second, title, snippet)] + other[:1]), url=f"https://saylav.gov.tm/{lang}/news")
    load(raw_dir, raw_dir.parent / "t.db")
    conn = sqlite3.connect(raw_dir.parent / "t.db")
    rows = conn.execute("select n.title, count(*) from news_items n join item_sightings s on s.news_item_id = n.id "
                        "where n.title = ? group by n.id order by 2", (title,)).fetchall()
    assert rows == [(title, 1), (title, 2)]


def _item(site_id, day, basis):
    return Item(id=f"en-{site_id}", lang="en", site_id=site_id, published_on=day, date_basis=basis,
                date=DayMonth(day.day, day.month, day.strftime("%d %b")),
                sightings=[SimpleNamespace(capture=SimpleNamespace(id="cap"), raw=SimpleNamespace(line=1))])


def test_one_misread_strong_date_does_not_void_the_dates_beyond_it():
    # ids 100..119, one a day from 2019-01-01; id 105's year was found in its text, wrongly (2022)
    items = [_item(100 + k, date(2019, 1, 1 + k), "text") for k in range(20)]
    items[5].published_on = date(2022, 1, 6)
    later = [_item(110, date(2019, 1, 11), "list-neighbours"), _item(115, date(2019, 1, 16), "site-id")]
    issues = []
    _drop_dates_against_ids(items + later, issues)
    assert [i.published_on for i in later] == [date(2019, 1, 11), date(2019, 1, 16)]
    assert items[5].published_on == date(2022, 1, 6)  # read from its text: kept, but bounds nothing
    assert issues == []


def test_a_printed_year_out_of_order_is_kept_but_bounds_nothing():
    items = [_item(100 + k, date(2019, 1, 1 + k), "date-line") for k in range(12)]
    items[3].published_on = date(2023, 1, 4)  # printed so: kept
    inferred = _item(108, date(2019, 1, 9), "list-neighbours")
    issues = []
    _drop_dates_against_ids(items + [inferred], issues)
    assert items[3].published_on == date(2023, 1, 4)
    assert inferred.published_on == date(2019, 1, 9)
    assert issues == []


def test_an_inferred_date_out_of_order_is_still_dropped():
    items = [_item(100 + k, date(2019, 1, 1 + k), "text") for k in range(12)]
    wrong = _item(106, date(2020, 1, 7), "list-neighbours")
    issues = []
    _drop_dates_against_ids(items + [wrong], issues)
    assert wrong.published_on is None
    assert [i["problem"] for i in issues] == [
        "date 2020-01-07 (list-neighbours) contradicts the order of article ids: left unknown"]


@pytest.mark.parametrize("rows, want", [
    # a late date among early ones, and an early one among late ones
    ([(1, date(2019, 1, 1)), (2, date(2019, 1, 2)), (3, date(2021, 5, 5)), (4, date(2019, 1, 4)),
      (5, date(2019, 1, 5)), (6, date(2019, 1, 6))], {(3, date(2021, 5, 5))}),
    ([(1, date(2019, 1, 1)), (2, date(2019, 1, 2)), (3, date(2019, 1, 3)), (4, date(2017, 1, 4)),
      (5, date(2019, 1, 5))], {(4, date(2017, 1, 4))}),
    # within the slack, or with too few neighbours to judge: no outlier
    ([(1, date(2019, 1, 1)), (2, date(2019, 1, 9)), (3, date(2019, 1, 3)), (4, date(2019, 1, 4)),
      (5, date(2019, 1, 5))], set()),
    ([(1, date(2019, 1, 1)), (2, date(2025, 1, 1)), (3, date(2019, 1, 3))], set()),
])
def test_id_order_outliers(rows, want):
    assert _id_order_outliers(sorted(rows)) == want


# -- the item's URL ---------------------------------------------------------------------------------

def _site_url_plain(url):
    """site_url without its shortcut for a URL that is already canonical."""
    from urllib.parse import urlsplit, urlunsplit

    from etl.html_text import CANONICAL_HOST, SITE_HOSTS

    if not url:
        return None
    parts = urlsplit(url)
    if (parts.hostname or "").lower() in SITE_HOSTS:
        return urlunsplit(("https", CANONICAL_HOST, parts.path, parts.query, ""))
    return url


def test_a_canonical_item_url_is_kept_as_the_plain_form_keeps_it():
    import random

    from etl.html_text import CANONICAL_HOST
    from etl.merge import site_url

    base = f"https://{CANONICAL_HOST}"
    urls = [None, "", f"{base}/", f"{base}/en/news/5", f"{base}/en/news/5?", f"{base}/en/news/5?page=2",
            f"{base}/en/news/5#top", f"{base}/en/news/5?#", f"{base}/en/ne\tws/5", f"{base}/en/news/5\n",
            f"{base}/en/news/5 ", f"{base}//en/news/5", f"{base}/en/news;x=1/5", f"{base}/tk/habarlar/Saýlaw",
            f"{base}/ru/%D0%BD", f"{base}:443/en/news/5", f"https://www.{CANONICAL_HOST}/en/news/5",
            f"http://{CANONICAL_HOST}/en/news/5", f"HTTPS://{CANONICAL_HOST.upper()}/en/news/5",
            "https://example.org/en/news/5", f"{base}/en/news/5?a=1&b=2#c"]
    rng = random.Random(7)
    pieces = ["/", "?", "#", "\t", "\r", "\n", " ", "a", "5", "=", "&", ";", "%20", "ý", "@", ":", "[", "]"]
    urls += [base + "/" + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for url in urls:
        try:
            want = _site_url_plain(url)
        except ValueError:
            continue  # not a URL: the sidecar reader keeps none of these (etl.capture)
        assert site_url(url) == want, url
