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
    yield from _serve(site_db)


def _serve(site_db):
    """Start `saylav serve` on the database; yield its base URL; stop it."""
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
    assert '3 rows where lang = "tk"' in page.locator("h2.as-h3").first.inner_text()
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


# ---- accessibility (axe-core from npm, see package.json and `make axe`), phones, languages ----

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__test-only__/axe.min.js"  # served to the page by the test itself, from the site's origin
AXE_PAGES = {
    "home": "/", "news-list": "/news", "item": "/news/en-461", "election": f"/elections/{ELECTION}",
    "person": "/people/gromov-a", "search": "/search?q=saylaw", "table": "/saylav/news_items",
    "sql": "/saylav?sql=select+id%2C+title+from+news_items+limit+5",
    "about": "/about", "not-found": "/no/such/page",
}


def axe_violations(visit: Visit, path: str, ok_status=(200,)) -> list[dict]:
    """Open a page and run axe-core on it; the violations, as axe reports them."""
    page = visit.page
    response = page.goto(visit.base + path, wait_until="load")
    assert response.status in ok_status, path
    # axe is served from the site's own origin, so the page's Content-Security-Policy stays in force
    page.route("**" + AXE_URL, lambda route: route.fulfill(body=AXE.read_text(encoding="utf-8"),
                                                           content_type="application/javascript"))
    page.add_script_tag(url=visit.base + AXE_URL)
    return page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))""")


@pytest.fixture
def axe_available():
    if not AXE.exists():
        pytest.skip(f"{AXE} is missing (run `make axe`, which installs axe-core from npm per package.json)")


@pytest.mark.parametrize("lang", ["en", "tk", "ru"])
def test_axe_finds_no_serious_or_critical_violations(visit, axe_available, lang):
    import json

    prefix = "" if lang == "en" else "/" + lang
    report = {}
    for name, path in AXE_PAGES.items():
        violations = axe_violations(visit, prefix + path, ok_status=(404,) if name == "not-found" else (200,))
        report[name] = violations
        lang_attr = visit.page.locator("html").get_attribute("lang")
        assert lang_attr == lang, (path, lang_attr)
        assert visit.page.locator("main").count() == 1, path
    (ARTIFACTS / f"axe-{lang}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    bad = {name: [v for v in vs if v["impact"] in ("critical", "serious")] for name, vs in report.items()}
    assert all(not v for v in bad.values()), bad
    assert visit.left == []


MOBILE_PAGES = {
    "home": "/", "news-list": "/news", "item": "/news/en-461", "election": f"/elections/{ELECTION}",
    "elections": "/elections", "table": "/saylav/news_items", "about": "/about", "search": "/search?q=saylaw",
    "item-ru": "/ru/news/ru-461", "about-ru": "/ru/about", "canned-query": "/saylav/turnout_through_polling_day",
    "sql": "/saylav?sql=select+id%2C+title+from+news_items+limit+5",
}

PHONE_CHECKS = """() => {
  const out = {scrollWidth: document.documentElement.scrollWidth, uncued: [], chartText: [], small: []};
  // anything that scrolls sideways must show it (the scroll shadows of .table-wrapper)
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX)) {
      if (!style.backgroundImage.includes('gradient')) out.uncued.push(el.tagName + '.' + el.className);
    }
  }
  // chart text as drawn on the screen, and none of it cut off at the chart's edge
  out.cutText = [];
  for (const svg of document.querySelectorAll('svg.chart')) {
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    for (const t of svg.querySelectorAll('text')) {
      out.chartText.push(parseFloat(getComputedStyle(t).fontSize) * scale);
      const r = t.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) out.cutText.push(t.textContent.slice(0, 40));
    }
  }
  // tap targets: the site bar, language switch, buttons, form fields, pagers, crumbs
  const targets = 'header a, header button, header input, .lang-switch a, main button, main select, ' +
                  'main input:not([type=hidden]):not([type=checkbox]), nav.pager a, p.pager a, .crumbs a, .news-filters a';
  for (const el of document.querySelectorAll(targets)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;  // not shown at this size
    if (r.width < 24 || r.height < 24) out.small.push(`${el.tagName} "${(el.innerText || el.value || el.name || '').slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
  }
  return out;
}"""


def phone_problems(browser, base: str, pages: dict[str, str], shot_prefix: str) -> dict:
    """Open each page at 390 px; what is wrong with it on a phone (a screenshot of each is saved)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  service_workers="block")
    context.set_default_timeout(TIMEOUT_MS)
    problems = {}
    try:
        page = context.new_page()
        for name, path in pages.items():
            assert page.goto(base + path, wait_until="load").status == 200, path
            found = page.evaluate(PHONE_CHECKS)
            page.screenshot(path=str(ARTIFACTS / f"{shot_prefix}-{name}.png"), full_page=True)
            issues = []
            if found["scrollWidth"] > 390:
                issues.append(f"page is {found['scrollWidth']} px wide")
            if found["uncued"]:
                issues.append(f"scrolls sideways with no cue: {found['uncued']}")
            if found["cutText"]:
                issues.append(f"chart text cut off: {found['cutText'][:5]}")
            if found["chartText"] and min(found["chartText"]) < 11:
                issues.append(f"chart text {min(found['chartText']):.1f} px")
            if found["small"]:
                issues.append(f"small tap targets: {found['small'][:8]}")
            if issues:
                problems[name] = issues
    finally:
        context.close()
    return problems


def test_phone_sized_screens(browser, server):
    """At 390 px: nothing wider than the screen, sideways scrolling only with a cue, chart text at
    least 11 px and none cut off, tap targets at least 24 px; screenshots in tests/artifacts/."""
    assert phone_problems(browser, server, MOBILE_PAGES, "mobile") == {}


@pytest.fixture(scope="module")
def archive_server(tmp_path_factory):
    """`saylav serve` on the bundled archive (data/raw), as `make serve` shows it."""
    from tests.conftest import BUNDLED_RAW
    from tests.site_fixtures import saylav_load

    out = tmp_path_factory.mktemp("archive-served")
    saylav_load(BUNDLED_RAW, out / "saylav.db")
    yield from _serve(out / "saylav.db")


def test_phone_sized_screens_on_the_bundled_archive(browser, archive_server):
    """The same checks on the real archive: long election names, many kinds, three languages."""
    pages = {"home-tk": "/tk/", "news-ru": "/ru/news", "elections-ru": "/ru/elections",
             "election-tk": "/tk/elections/mejlis-by-2024-07-07", "about-ru": "/ru/about", "about-tk": "/tk/about"}
    assert phone_problems(browser, archive_server, pages, "mobile-archive") == {}


def test_the_language_switcher_changes_the_language_and_keeps_it(visit):
    page = visit.open("/")
    page.locator(".lang-switch a", has_text="Русский").click()
    page.wait_for_url("**/ru")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Последние новости" in page.locator("main").inner_text()
    page.locator("ul.news-list a[lang]").first.click()
    page.wait_for_url("**/ru/news/**")
    assert page.locator("html").get_attribute("lang") == "ru"
    lang = page.locator("article.item").get_attribute("lang")
    assert lang in ("en", "tk", "ru")  # the story keeps its own language
    # Datasette's pages, reached without a prefix, keep the reader's choice (a cookie)
    visit.open("/saylav/news_items")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator("header .site-sections a").first.inner_text() == "Новости"
    page.locator(".lang-switch a", has_text="Türkmençe").click()
    page.wait_for_url("**/tk/saylav/news_items")
    assert page.locator("html").get_attribute("lang") == "tk"
    visit.shot("switched-to-turkmen")
    visit.check_clean()


def test_news_filters_in_the_browser(visit):
    page = visit.open("/news")
    page.select_option("#f-lang", "tk")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**/news?lang=tk")
    assert page.locator("ul.news-list > li").count() == 3
    assert all(a == "tk" for a in page.locator("ul.news-list > li > a[lang]").evaluate_all("els => els.map(e => e.lang)"))
    visit.shot("news-filtered")
    visit.check_clean()
