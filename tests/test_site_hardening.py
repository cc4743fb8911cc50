"""Public-instance hardening: security headers and a CSP the pages satisfy, the open-redirect guard,
CORS and cache headers, no write access, and downloads that are complete or visibly broken.
(Settings, SQL time limit and facet indexes are covered in test_datasette.py and test_metadata.py.)"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import importlib.util
import shutil
from html.parser import HTMLParser
import sqlite3
from pathlib import Path

import pytest

from tests.site_fixtures import ELECTION, get

PLUGINS = Path(__file__).resolve().parent.parent / "plugins"

HTML_PAGES = [
    "/", "/news/en-461", "/news/en-999", f"/elections/{ELECTION}", "/elections", "/people", "/people/gromov-a",
    "/organizations/osce-odihr", "/constituencies/mejlis-1", "/regions/ahal", "/search?q=saylaw", "/api",
    # Datasette's own pages
    "/saylav", "/saylav/news_items", "/saylav/news_items?_facet=lang&_facet=kind", "/saylav/news_items/en-461",
    "/saylav?sql=select+1", "/saylav/turnout_through_polling_day?election_id=" + ELECTION, "/-/metadata",
]


def plugin(name):
    spec = importlib.util.spec_from_file_location(f"test_plugin_{name}", PLUGINS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def csp_directives(header: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.mark.parametrize("path", HTML_PAGES)
async def test_every_html_page_has_security_headers(site_ds, path):
    r = await get(site_ds, path)
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    csp = csp_directives(r.headers["content-security-policy"])
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert "max-age=300" in r.headers["cache-control"]


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every inline <script>."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.inline_scripts: list[str] = []
        self._script: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script" and "src" not in attrs:
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.inline_scripts.append("".join(self._script))
            self._script = None


@pytest.mark.parametrize("path", HTML_PAGES)
async def test_pages_satisfy_their_csp(site_ds, path):
    r = await get(site_ds, path)
    allowed = set(csp_directives(r.headers["content-security-policy"])["script-src"])
    page = Tags(r.text)
    for body in page.inline_scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in allowed, f"inline script not allowed by the CSP: {body[:80]!r}"
    for tag, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on")], f"inline event handler on <{tag}>"
        for a in ("href", "src", "action", "formaction"):
            value = (attrs.get(a) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:text/html")), (tag, a, value)
        if tag == "script" and "src" in attrs or tag == "link" and attrs.get("rel") == "stylesheet" or tag == "img":
            url = attrs.get("src") or attrs.get("href") or ""
            assert url.startswith("/") and not url.startswith("//"), url


async def test_other_responses_get_nosniff_and_cors(site_ds):
    for path in ("/saylav/news_items.json", "/saylav/news_items.csv", "/saylav/feed.atom", "/sitemap.xml",
                 "/robots.txt", "/static/site.css"):
        r = await get(site_ds, path)
        assert r.headers["x-content-type-options"] == "nosniff", path
    for path in ("/saylav/news_items.json", "/saylav.json?sql=select+1", "/saylav/news_items.csv"):
        r = await get(site_ds, path)
        assert r.headers["access-control-allow-origin"] == "*", path


async def test_not_found_is_not_cached(site_ds):
    r = await get(site_ds, "/news/en-0", status=404)
    assert r.headers["cache-control"] == "no-store"
    assert "content-security-policy" in r.headers


async def asgi_request(ds, raw_path: bytes) -> tuple[int, dict]:
    """Send a request with an exact raw path straight to the ASGI app (clients would normalise it)."""
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    path, _, query = raw_path.partition(b"?")
    scope = {"type": "http", "http_version": "1.1", "method": "GET", "scheme": "http", "server": ("localhost", 80),
             "path": path.decode("latin-1"), "raw_path": path, "query_string": query, "headers": [(b"host", b"localhost")],
             "client": ("127.0.0.1", 1234), "root_path": ""}
    await ds.app()(scope, receive, send)
    start = next(m for m in messages if m["type"] == "http.response.start")
    return start["status"], {k.decode().lower(): v.decode("latin-1") for k, v in start["headers"]}


@pytest.mark.parametrize("raw_path", [b"/\\example.com/", b"//example.com/", b"/\\/example.com/",
                                      b"/%5Cexample.com/", b"/%2F%2Fexample.com/", b"/\\example.com/?x=1"])
async def test_no_redirect_leaves_the_site(site_ds, raw_path):
    status, headers = await asgi_request(site_ds, raw_path)
    if status in (301, 302, 303, 307, 308):
        location = headers["location"]
        assert location.startswith("/") and location[1:2] not in ("/", "\\"), location
    else:
        assert status == 404


async def test_trailing_slash_redirects_still_work(site_ds):
    status, headers = await asgi_request(site_ds, b"/saylav/news_items/")
    assert status == 302 and headers["location"] == "/saylav/news_items"


def test_redirect_locations_are_checked():
    security = plugin("security")
    for local in ("/", "/saylav", "/saylav/news_items?x=1"):
        assert security.is_local_location(local)
    for offsite in ("//example.com", "/\\example.com", "/\t/example.com", "https://example.com/", "\\\\example.com",
                    "javascript:alert(1)", " //example.com"):
        assert not security.is_local_location(offsite)
        assert security.safe_location(offsite) == "/"


async def test_no_write_plugins_and_no_writes(site_ds, site_db):
    plugins = (await get(site_ds, "/-/plugins.json")).json()
    ours = {"saylav-archive"} | {"saylav_site." + p.stem for p in PLUGINS.glob("*.py")}
    assert {p["name"] for p in plugins} <= ours
    for p in plugins:
        assert not {"register_permissions", "permission_allowed", "actor_from_request"} & set(p["hooks"]), p
    before = sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0]
    r = await site_ds.client.post("/saylav/news_items", json={"row": {"id": "x", "lang": "en"}})
    assert r.status_code >= 400
    r = await site_ds.client.get("/saylav.json?sql=" + "delete from news_items")
    assert r.status_code == 400
    assert sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0] == before


async def test_database_is_immutable_with_its_inspect_file(site_ds, site_db):
    db = site_ds.get_database("saylav")
    assert not db.is_mutable
    counts = site_ds.inspect_data["saylav"]["tables"]
    assert counts["news_items"]["count"] == sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0]


async def test_database_file_downloads_whole(site_ds, site_db):
    r = await get(site_ds, "/saylav.db")
    assert r.content == site_db.read_bytes()
    assert 'filename="saylav.db"' in r.headers["content-disposition"]


def app_with(db: Path, **settings):
    """The served app with some settings changed (page size, CSV limit)."""
    from datasette.app import Datasette

    from etl.serve import datasette_args

    kwargs = datasette_args(db)
    kwargs["settings"].update(settings)
    return Datasette(**kwargs)


@pytest.mark.parametrize("table", ["news_items", "item_sightings", "turnout_by_area", "person_names", "captures",
                                   "turnout_through_the_day", "stories"])
async def test_full_table_csv_is_complete_across_many_pages(site_db, table):
    ds = app_with(site_db, max_returned_rows=3)  # every export streams over several pages
    rows = sqlite3.connect(site_db).execute(f"select count(*) from [{table}]").fetchone()[0]
    assert rows > 3
    r = await get(ds, f"/saylav/{table}.csv?_stream=on&_size=max&_dl=on")
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert len(list(csv.reader(io.StringIO(r.text)))) == rows + 1


async def test_csv_export_that_cannot_finish_is_dropped_not_cut_short(site_db, tmp_path):
    # a database bigger than the CSV limit: Datasette alone would answer 200 with a cut-off file
    big = tmp_path / "saylav.db"
    shutil.copy(site_db, big)
    conn = sqlite3.connect(big)
    conn.executemany("insert into news_items (id, lang, body) values (?, 'en', ?)",
                     [(f"en-filler-{i}", "x" * 2000) for i in range(700)])
    conn.commit()
    conn.close()
    ds = app_with(big, max_csv_mb=1)
    with pytest.raises(BaseException) as failure:
        await ds.client.get("/saylav/news_items.csv?_stream=on&_size=max")
    assert type(failure.value).__name__ == "IncompleteDownload"
    # a page that fits is still served
    r = await get(ds, "/saylav/news_items.csv?_size=5")
    assert len(list(csv.reader(io.StringIO(r.text)))) == 6
    # and so is Datasette's own stream when it has to stop (here: columns chosen, so Datasette streams)
    with pytest.raises(BaseException) as failure:
        await ds.client.get("/saylav/news_items.csv?_stream=on&_size=max&_col=body")
    assert type(failure.value).__name__ == "IncompleteDownload"


async def test_paging_by_key_as_the_api_page_advises_yields_every_row_once(site_ds, site_db):
    ids, url = [], "/saylav/news_items.json?_sort=id&_size=2&_col=id"
    while url:
        page = (await get(site_ds, url)).json()
        ids += [row[0] for row in page["rows"]]
        url = page["next_url"] and page["next_url"].removeprefix("http://localhost")
    every = [r[0] for r in sqlite3.connect(site_db).execute("select id from news_items order by id")]
    assert ids == every
