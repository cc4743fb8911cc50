"""The site in a real browser: headless Chromium (Debian's `chromium`, installed by `make browser`)
driven by Playwright, against `saylav serve` on 127.0.0.1.

A person opens the home page, an election page, a faceted table, a search and a news item; the
test asserts what they see (the charts are drawn, facets and links work, highlighted results), that
the browser logs no errors (a Content-Security-Policy violation is one), that no hostile capture
text runs, and that no request leaves 127.0.0.1. Screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site_fixtures import ELECTION

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(site_db):
    """`saylav serve` on a free port of 127.0.0.1, as `make serve` runs it; stopped after the module."""
    port = free_port()
    log = open(site_db.parent / "serve.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "etl.cli", "serve", "--db", str(site_db), "-p", str(port)],
                            stdout=log, stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("saylav serve did not start:\n" + (site_db.parent / "serve.log").read_text()[-3000:])
            time.sleep(0.1)
    yield base
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)
    log.close()


def raw_get(base: str, raw_path: str) -> tuple[int, dict]:
    """A request with an exact, unnormalised path, as an attacker would send it."""
    host, port = urlsplit(base).hostname, urlsplit(base).port
    with socket.create_connection((host, port), timeout=10) as s:
        s.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
    return int(head[0].split()[1]), {k.lower(): v for k, v in headers.items()}


@pytest.mark.parametrize("raw_path", ["/\\example.com/", "//example.com/", "/\\/example.com/", "/%5Cexample.com/"])
def test_the_real_server_never_redirects_off_the_site(server, raw_path):
    status, headers = raw_get(server, raw_path)
    location = headers.get("location", "")
    assert not location or (location.startswith("/") and location[1:2] not in ("/", "\\")), (status, location)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (run `make browser`, which apt-installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS * 3)
        yield b
        b.close()


class Visit:
    """One browser tab that records console errors, dialogs and every request it makes."""

    def __init__(self, browser, base: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
        self.context.set_default_timeout(TIMEOUT_MS)
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.left: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route):
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).hostname != "127.0.0.1":
            self.left.append(url)
            return route.abort()
        return route.continue_()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response.status == 200, path
        return self.page

    def shot(self, name: str):
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def links_work(self):
        """Every same-site link on the current page answers 200."""
        hrefs = self.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        local = sorted({h.split("#")[0] for h in hrefs if urlsplit(h).hostname == "127.0.0.1"})
        for href in local:
            if href.endswith(".db"):
                continue
            assert self.context.request.get(href, max_redirects=0).status == 200, href
        return local

    def check_clean(self):
        assert self.errors == [], self.errors
        assert self.dialogs == [], self.dialogs
        assert self.left == [], f"requests left 127.0.0.1: {self.left}"
        assert self.requests, "no requests seen"

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, server):
    v = Visit(browser, server)
    yield v
    v.close()


def test_home_page_then_an_election_with_its_charts(visit):
    page = visit.open("/")
    assert page.locator("h1").first.inner_text() == "saylav-archive"
    assert page.get_by_role("link", name="Русский").first.is_visible()
    spark = page.locator("svg.sparkline").first
    assert spark.is_visible() and spark.bounding_box()["width"] > 50
    assert spark.locator("polyline").count() == 1
    visit.shot("home")
    page.get_by_role("link", name="Mejlis of Turkmenistan election, 2023-03-26").first.click()
    page.wait_for_url(f"**/elections/{ELECTION}")
    charts = page.locator("svg.chart")
    assert charts.count() == 2
    for i in range(2):
        box = charts.nth(i).bounding_box()
        assert box["width"] > 300 and box["height"] > 200
        assert charts.nth(i).locator("polyline").count() == 3  # overall + two areas
    titles = page.locator("svg.chart text.chart-title").all_text_contents()
    assert titles == ["Turnout through polling day by region", "Turnout through polling day by constituency"]
    assert "Hour of polling day (local time)" in page.locator("svg.chart").first.text_content()
    assert page.locator("table.figures").first.is_visible()
    assert "91.02%" in page.locator("p.final").inner_text()
    visit.shot("election")
    assert len(visit.links_work()) > 20
    visit.check_clean()


def test_faceted_table(visit):
    page = visit.open("/saylav/news_items?_facet=lang&_facet=kind")
    facets = page.locator(".facet-info")
    assert facets.count() >= 2
    assert "tk" in page.locator('.facet-info[data-column="lang"]').first.inner_text()
    visit.shot("faceted-table")
    page.locator('.facet-info[data-column="lang"] a', has_text="tk").first.click()
    page.wait_for_url("**lang=tk**")
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 3
    assert '3 rows where lang = "tk"' in page.locator("h3").first.inner_text()
    visit.check_clean()


def test_search_from_the_home_page(visit):
    page = visit.open("/")
    page.fill("#home-q", "saylaw")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=saylaw")
    titles = page.locator("ol.results a.result-title").all_inner_texts()
    assert "Saýlawlary geçirmek boýunça okuw maslahaty" in titles
    marks = page.locator("ol.results mark").all_inner_texts()
    assert marks and all(m.lower().startswith("saýlaw") for m in marks)
    visit.shot("search")
    page.fill("#search-q", "Мырадов")
    page.press("#search-q", "Enter")
    page.wait_for_url("**/search?q=**")
    assert "Meeting with the OSCE delegation" in page.locator("ol.results").inner_text()
    visit.check_clean()


def test_item_page_and_its_translation(visit):
    page = visit.open("/news/en-461")
    assert page.locator("article.item h1").inner_text() == "Voting continues · 11:00"
    assert page.locator("article.item .story p").count() == 1
    assert "41.29%" in page.locator("section.turnout").inner_text()
    assert "en_461.txt" in page.locator("section.sources").inner_text()
    visit.shot("item")
    visit.links_work()
    page.get_by_role("link", name="Türkmençe: Ses bermek dowam edýär").click()
    page.wait_for_url("**/news/tk-461")
    assert page.locator("article.item").get_attribute("lang") == "tk"
    visit.check_clean()


def test_hostile_capture_text_does_not_run(visit):
    page = visit.open("/news/en-999")
    assert page.locator("article.item h1").inner_text() == '<script>alert("title")</script> Hostile title'
    assert page.locator("article.item .story img, article.item .story a, article.item .story script").count() == 0
    assert '<img src=x onerror=alert(1)>' in page.locator("article.item .story").inner_text()
    visit.shot("hostile-item")
    visit.check_clean()  # no alert() dialog, no console error
