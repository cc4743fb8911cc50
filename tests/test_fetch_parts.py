"""The crawler's parts on their own, no server: the listing walk, the article fetch, the capture
store, body decoding and the retry rule for answers that are at fault themselves."""

from __future__ import annotations

import gzip
import json
import zlib
from datetime import datetime, timezone

import pytest

from etl.fetch import (
    ArticleFetcher,
    CaptureStore,
    CrawlSummary,
    ListingWalker,
    PageResult,
    PoliteClient,
    Response,
    RetryPolicy,
    TransportError,
    decode_body,
    is_html,
    read_listing,
)

BASE = "http://127.0.0.1:1"
NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def html_response(url: str, body: bytes, ctype="text/html; charset=utf-8", status=200) -> Response:
    return Response(url, status, {"content-type": ctype, "etag": '"e"'}, body)


def listing_html(ids) -> bytes:
    return ("<html><body>" + "".join(f'<a href="/en/news/{i}">{i}</a>' for i in ids)
            + "</body></html>").encode()


class FakePages:
    """get_page(url, known) from a dict url -> PageResult (None: a failed fetch)."""

    def __init__(self, pages: dict):
        self.pages = pages
        self.asked: list[str] = []

    def __call__(self, url, known):
        self.asked.append(url)
        return self.pages.get(url)


def listing_result(n: int, ids, changed=True) -> PageResult:
    url = f"{BASE}/en/news?page={n}"
    return PageResult(200, listing_html(ids), html_response(url, listing_html(ids)), changed)


# ---------------------------------------------------------------------------------------------
# the listing walk


def walker(tmp_path, pages: dict, allowed=lambda url: True, **kw):
    summary = CrawlSummary()
    saves = []
    w = ListingWalker(BASE, CaptureStore(tmp_path), FakePages(pages), allowed,
                      lambda key, url, result: saves.append(key), summary, **kw)
    return w, summary, saves


def test_the_walk_goes_until_a_page_adds_nothing(tmp_path):
    pages = {f"{BASE}/en/news?page=1": listing_result(1, [9, 8, 7]),
             f"{BASE}/en/news?page=2": listing_result(2, [6, 5]),
             f"{BASE}/en/news?page=3": listing_result(3, [])}
    w, summary, saves = walker(tmp_path, pages)
    links = w.walk("en", {})
    assert [link.site_id for link in links] == [9, 8, 7, 6, 5]
    assert saves == [("en", "news-pages", 1), ("en", "news-pages", 2)]
    assert summary.listing_pages == 2 and summary.failed == 0


def test_a_normal_walk_stops_at_the_first_page_of_known_articles(tmp_path):
    pages = {f"{BASE}/en/news?page=1": listing_result(1, [9, 8]),
             f"{BASE}/en/news?page=2": listing_result(2, [7, 6]),
             f"{BASE}/en/news?page=3": listing_result(3, [])}
    known = {("en", "news", i): object() for i in (9, 8)}
    w, _, _ = walker(tmp_path, pages)
    assert [link.site_id for link in w.walk("en", known)] == [9, 8]
    assert w.get_page.asked == [f"{BASE}/en/news?page=1"]
    w, _, _ = walker(tmp_path, pages, full=True)
    assert [link.site_id for link in w.walk("en", known)] == [9, 8, 7, 6]


def test_a_failed_or_non_html_listing_page_breaks_the_walk_off(tmp_path):
    w, summary, _ = walker(tmp_path, {})  # page 1 fails
    assert w.walk("en", {}) is None
    pdf = Response(f"{BASE}/en/news?page=1", 200, {"content-type": "application/pdf"}, b"%PDF")
    pages = {f"{BASE}/en/news?page=1": PageResult(200, b"%PDF", pdf, True, html=False)}
    w, summary, saves = walker(tmp_path, pages)
    assert w.walk("en", {}) is None and saves == []
    assert summary.failed == 1 and "not HTML" in summary.failures[0][1]


def test_the_walk_obeys_robots_and_its_page_limit(tmp_path):
    pages = {f"{BASE}/en/news?page={n}": listing_result(n, [100 - n]) for n in range(1, 10)}
    w, summary, _ = walker(tmp_path, pages, allowed=lambda url: not url.endswith("page=3"))
    assert [link.site_id for link in w.walk("en", {})] == [99, 98]
    assert summary.skipped_robots == 1
    w, _, _ = walker(tmp_path, pages, max_pages=4)
    assert len(w.walk("en", {})) == 4


def test_links_of_one_listing_page_are_capped_and_the_rest_counted():
    html = listing_html(range(1000, 0, -1)).decode()
    page = read_listing(html, f"{BASE}/en/news?page=1", "en", max_links=50)
    assert [link.site_id for link in page.links] == list(range(1000, 950, -1))
    assert page.dropped == 950
    # a page made of nothing but anchors: the parser keeps a bounded number of them
    many = "<a href='/x'>x</a>" * 30000
    page = read_listing(many + html, f"{BASE}/en/news?page=1", "en")
    assert page.links == [] and page.dropped > 0


# ---------------------------------------------------------------------------------------------
# the article fetch


def fetcher(tmp_path, pages: dict):
    summary = CrawlSummary()
    return ArticleFetcher(FakePages(pages), CaptureStore(tmp_path), summary, lambda: NOW,
                          "ua"), summary


def test_an_article_is_saved_once_and_a_404_recorded_once(tmp_path):
    url, gone = f"{BASE}/en/news/5", f"{BASE}/en/news/6"
    pages = {url: PageResult(200, b"<html>5</html>", html_response(url, b"<html>5</html>"), True),
             gone: PageResult(404, b"", html_response(gone, b"", status=404), False)}
    articles, summary = fetcher(tmp_path, pages)
    articles.fetch(("en", "news", 5), url, None)
    articles.fetch(("en", "news", 6), gone, None)
    known = CaptureStore(tmp_path).scan()
    assert known[("en", "news", 5)].body_path.read_bytes() == b"<html>5</html>"
    assert known[("en", "news", 6)].status == 404 and known[("en", "news", 6)].body_path is None
    articles.fetch(("en", "news", 6), gone, known[("en", "news", 6)])  # not recorded again
    assert len(list((tmp_path / "en" / "news" / "6").iterdir())) == 1
    assert (summary.new, summary.not_found, summary.non_html) == (1, 2, 0)


def test_a_failed_article_fetch_saves_nothing(tmp_path):
    articles, summary = fetcher(tmp_path, {})
    assert articles.fetch(("en", "news", 5), f"{BASE}/en/news/5", None) is None
    assert not tmp_path.joinpath("en").exists() and summary.new == 0


def test_an_article_that_is_not_html_is_kept_as_bin_and_counted(tmp_path):
    url = f"{BASE}/en/news/7"
    resp = Response(url, 200, {"content-type": "application/pdf"}, b"%PDF-1.4")
    articles, summary = fetcher(tmp_path, {url: PageResult(200, b"%PDF-1.4", resp, True, html=False)})
    articles.fetch(("en", "news", 7), url, None)
    [body] = (tmp_path / "en" / "news" / "7").glob("*.bin")
    meta = json.loads(body.with_name(body.name + ".meta.json").read_text())
    assert meta["html"] is False and summary.non_html == 1


# ---------------------------------------------------------------------------------------------
# the capture store and what is HTML


def test_the_store_ignores_sidecars_of_the_wrong_shape(tmp_path):
    store = CaptureStore(tmp_path)
    rec = store.save(("en", "news", 1), html_response(f"{BASE}/en/news/1", b"<html>"),
                     f"{BASE}/en/news/1", NOW, "ua")
    bad = tmp_path / "en" / "news" / "2"
    bad.mkdir(parents=True)
    (bad / "a.html.meta.json").write_text('{"status": "x", "sha256": 1, "url": 5}')
    (bad / "b.html.meta.json").write_text("[1, 2]")
    (bad / "c.html.meta.json").write_bytes(b"\xff\xfe")
    assert list(store.scan()) == [("en", "news", 1)]
    assert store.scan()[("en", "news", 1)].sha256 == rec.sha256


def test_what_counts_as_html():
    assert is_html("text/html; charset=utf-8", b"<p>")
    assert is_html("application/xhtml+xml", b"<html>")
    assert not is_html("application/pdf", b"%PDF")
    assert not is_html("text/html", b"<html>\x00\x01")  # labelled HTML, binary inside
    assert is_html(None, b"\xef\xbb\xbf  <!DOCTYPE html><html>") and not is_html(None, b"hello")


# ---------------------------------------------------------------------------------------------
# decoding and retrying


def test_gzip_and_deflate_are_decoded_within_the_cap():
    body = b"<html>" + b"x" * 1000
    assert decode_body("u", gzip.compress(body), "gzip", 2000) == (body, False)
    assert decode_body("u", gzip.compress(body) + gzip.compress(body), "gzip", 3000)[0] == body * 2
    assert decode_body("u", zlib.compress(body), "deflate", 2000) == (body, False)
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    assert decode_body("u", raw.compress(body) + raw.flush(), "deflate", 2000)[0] == body
    assert decode_body("u", body, None, 2000) == (body, False)
    assert decode_body("u", gzip.compress(body), "gzip", 100, truncate=True) == (body[:100], True)
    with pytest.raises(TransportError, match="decoded body over"):
        decode_body("u", gzip.compress(body), "gzip", 100)
    with pytest.raises(TransportError, match="does not decode"):
        decode_body("u", gzip.compress(body)[:-20], "gzip", 2000)
    with pytest.raises(TransportError, match="not supported") as err:
        decode_body("u", body, "zstd", 2000)
    assert not err.value.retryable


def test_an_answer_at_fault_is_not_retried_but_the_network_is():
    calls = []

    def transport(url, headers):
        calls.append(url)
        raise TransportError(url, "too-large" if "big" in url else "connection", "no")

    client = PoliteClient(transport, "ua", delay=0, policy=RetryPolicy(max_tries=3),
                          sleep=lambda s: None)
    big = client.get(f"{BASE}/big")
    assert big.tries == 1 and big.error == "too-large: no" and not big.transport_failure
    down = client.get(f"{BASE}/down")
    assert down.tries == 3 and down.transport_failure
    assert calls == [f"{BASE}/big"] + [f"{BASE}/down"] * 3


@pytest.mark.parametrize("piece", ["<!--x", "</a", "<?x", "<!x", "<", "<a href='/en/news/1'>x</a>",
                                   "<a href=\"x", "<a "])
def test_reading_a_listing_page_takes_time_linear_in_its_size(piece):
    """html.parser needed 8.7 s / 40 s / 139 s for 100/200/400 KB of unclosed "<!--"."""
    import time

    def took(size: int) -> float:
        html = piece * (size // len(piece))
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            read_listing(html, f"{BASE}/en/news?page=1", "en")
            best = min(best, time.perf_counter() - started)
        return best

    small, large = took(500_000), took(1_000_000)
    assert large < 3 * small + 0.02, (small, large)  # about 2x, not 4x
    assert large < 2


def test_anchor_hrefs_as_a_browser_reads_them():
    from etl.fetch.walker import anchor_hrefs

    html = ('<A class=x HREF="/a?x=1&amp;y=2">t</a><!-- <a href="/no"> --><a\nhref=\'/b\'>'
            '<a data-href="/c" href=/d><a title="t"><abbr href="/e"><a href="/f">')
    assert anchor_hrefs(html, 100) == (["/a?x=1&y=2", "/b", "/d", "/f"], 0)
    assert anchor_hrefs(html, 2) == (["/a?x=1&y=2", "/b"], 2)
    assert anchor_hrefs("<a href='/x'>" + "<!-- never closed <a href='/y'>", 9) == (["/x"], 0)
