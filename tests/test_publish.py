"""`saylav publish`: the container build context, --if-changed, and the CDN cache headers.

The real wheel is built, installed and served from this context in tests/test_package.py (slow);
here a stand-in wheel file keeps the tests fast.
"""
from __future__ import annotations

import json
import re
import shlex
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.publish import container_command
from etl.release import content_hash
from etl.version import __version__
from tests.site_fixtures import ELECTION, get


@pytest.fixture
def wheel(tmp_path) -> Path:
    w = tmp_path / f"saylav_archive-{__version__}-py3-none-any.whl"
    w.write_bytes(b"PK stand-in")
    return w


def publish(*args) -> "object":
    return CliRunner().invoke(cli, ["publish", *map(str, args)])


def dockerfile_copies(text: str) -> list[str]:
    """Sources of every COPY instruction."""
    out = []
    for line in text.splitlines():
        if line.startswith("COPY "):
            words = line.split()[1:]
            out += [w for w in words[:-1] if not w.startswith("--")]
    return out


def test_context_holds_what_the_dockerfile_copies(site_db, tmp_path, wheel):
    out = tmp_path / "ctx"
    result = publish("--db", site_db, "-o", out, "--wheel", wheel)
    assert result.exit_code == 0, result.output
    docker = (out / "Dockerfile").read_text()
    base = re.search(r"^FROM (\S+)$", docker, re.M).group(1)
    assert re.fullmatch(r"python:3\.\d+\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", base), base  # pinned
    sources = dockerfile_copies(docker)
    assert sources and all((out / s).exists() for s in sources), sources
    assert f"wheels/{wheel.name}" in sources
    assert (out / "data" / "saylav.db").read_bytes() == site_db.read_bytes()
    inspect = json.loads((out / "data" / "inspect.json").read_text())
    assert inspect["saylav"]["tables"]["news_items"]["count"] == \
        sqlite3.connect(site_db).execute("select count(*) from news_items").fetchone()[0]
    assert f"SAYLAV_DB_SHA256={content_hash(site_db)}" in docker
    assert "USER saylav" in docker and "EXPOSE 8080" in docker
    constraints = (out / "constraints.txt").read_text().split()
    assert any(c.startswith("datasette==0.65.") for c in constraints)
    assert not any(c.startswith(("pip==", "setuptools==", "saylav-archive==")) for c in constraints)
    manifest = json.loads((out / "publish.json").read_text())
    assert manifest["db_content_sha256"] == content_hash(site_db) and manifest["version"] == __version__
    assert ".dockerignore" in {p.name for p in out.iterdir()}
    assert 'internal_port = 8080' in (out / "fly.toml").read_text()
    assert not (tmp_path / "ctx.tmp").exists()


def test_the_container_command_serves_on_port_with_the_project_settings(site_db, tmp_path, wheel):
    from etl.serve import SETTINGS, serve_argv

    out = tmp_path / "ctx"
    assert publish("--db", site_db, "-o", out, "--wheel", wheel).exit_code == 0
    docker = (out / "Dockerfile").read_text()
    cmd = json.loads(re.search(r"^CMD (.+)$", docker, re.M).group(1))
    assert cmd[:2] == ["/bin/sh", "-c"] and cmd[2].startswith("exec saylav serve ")
    argv = shlex.split(cmd[2].replace('"${PORT}"', "8080"))[1:]
    assert argv == [a if a != "${PORT}" else "8080" for a in container_command()]
    assert argv == ["saylav", "serve", "--db", "/data/saylav.db", "-h", "0.0.0.0", "-p", "8080"]
    # `saylav serve` is `datasette serve` with the project's settings and the baked inspect file
    (tmp_path / "data").mkdir()
    shutil.copy(out / "data" / "saylav.db", tmp_path / "data" / "saylav.db")
    shutil.copy(out / "data" / "inspect.json", tmp_path / "data" / "inspect.json")
    served = serve_argv(tmp_path / "data" / "saylav.db", "0.0.0.0", 8080)
    assert served[:3] == ["serve", "-i", str(tmp_path / "data" / "saylav.db")] and "--inspect-file" in served
    settings = dict(zip(served[served.index("--setting") + 1::3], served[served.index("--setting") + 2::3]))
    assert settings["sql_time_limit_ms"] == str(SETTINGS["sql_time_limit_ms"]) and settings["suggest_facets"] == "false"


def test_prints_cloud_run_and_fly_commands(site_db, tmp_path, wheel):
    out = tmp_path / "ctx"
    result = publish("--db", site_db, "-o", out, "--wheel", wheel, "--name", "my-archive", "--region", "us-central1")
    assert result.exit_code == 0, result.output
    assert f"gcloud run deploy my-archive --source {out} --region us-central1 --allow-unauthenticated" in result.output
    assert f"fly deploy {out} --config {out}/fly.toml --remote-only" in result.output
    assert 'app = "my-archive"' in (out / "fly.toml").read_text()
    assert "gcloud run deploy" in (out / "DEPLOY.md").read_text()


def test_if_changed_does_nothing_for_the_same_content_and_rebuilds_for_new(site_db, tmp_path, wheel):
    out = tmp_path / "ctx"
    assert publish("--db", site_db, "-o", out, "--wheel", wheel).exit_code == 0
    marker = out / "data" / "marker"
    marker.write_text("left alone")
    same = publish("--db", site_db, "-o", out, "--wheel", wheel, "--if-changed")
    assert same.exit_code == 0 and "unchanged" in same.output and "nothing to do" in same.output
    assert marker.exists()  # nothing was rebuilt
    # the same rows in a vacuumed copy: same content, still nothing to do
    copy = tmp_path / "copy.db"
    shutil.copy(site_db, copy)
    sqlite3.connect(copy).execute("vacuum")
    assert "unchanged" in publish("--db", copy, "-o", out, "--wheel", wheel, "--if-changed").output
    # new content: rebuilt
    conn = sqlite3.connect(copy)
    conn.execute("update people set name = 'Changed' where rowid = (select min(rowid) from people)")
    conn.commit()
    conn.close()
    changed = publish("--db", copy, "-o", out, "--wheel", wheel, "--if-changed")
    assert changed.exit_code == 0 and "unchanged" not in changed.output and "gcloud" in changed.output
    assert not marker.exists()
    assert json.loads((out / "publish.json").read_text())["db_content_sha256"] == content_hash(copy)


def test_clear_errors(tmp_path, site_db):
    r = publish("--db", tmp_path / "nope.db", "-o", tmp_path / "ctx")
    assert r.exit_code == 1 and "does not exist: run `saylav load`" in r.output
    bad = tmp_path / "other.whl"
    bad.write_bytes(b"x")
    r = publish("--db", site_db, "-o", tmp_path / "ctx", "--wheel", bad)
    assert r.exit_code == 1 and "is not a saylav_archive-*.whl" in r.output
    assert not (tmp_path / "ctx").exists()


# ---------------------------------------------------------------- cache headers for a CDN


async def test_pages_and_feeds_get_a_short_ttl_and_data_a_longer_one_keyed_to_the_hash(site_ds):
    key = site_ds.get_database("saylav").hash[:16]
    etag = f'W/"{key}-{__version__}-en"'
    for path in ["/", f"/elections/{ELECTION}", "/news/en-461", "/saylav/feed.atom", "/saylav/news_items"]:
        r = await get(site_ds, path)
        assert r.headers["cache-control"] == "public, max-age=300, s-maxage=300, stale-while-revalidate=60", path
        assert r.headers["etag"] == etag and r.headers["surrogate-key"] == f"saylav-{key}"
    for path in ["/saylav/news_items.json", "/saylav/news_items.csv", "/static/site.css"]:
        r = await get(site_ds, path)
        assert "s-maxage=3600" in r.headers["cache-control"], path
        assert r.headers["etag"] == etag


async def test_hashed_urls_are_immutable_and_old_hashes_redirect(site_ds):
    key = site_ds.get_database("saylav").hash[:16]
    plain = await get(site_ds, "/saylav/news_items.json?_shape=array&_size=3")
    hashed = await get(site_ds, f"/saylav-{key}/news_items.json?_shape=array&_size=3")
    assert hashed.json() == plain.json()
    assert hashed.headers["cache-control"] == "public, max-age=31536000, immutable"
    old = await get(site_ds, "/saylav-0123456789abcdef/news_items.json?_size=3", status=302)
    assert old.headers["location"] == f"/saylav-{key}/news_items.json?_size=3"
    assert "immutable" not in old.headers["cache-control"]


async def test_revalidation_answers_304_and_errors_are_not_cached(site_ds):
    key = site_ds.get_database("saylav").hash[:16]
    r = await get(site_ds, "/news/en-461", status=304, headers={"if-none-match": f'W/"{key}-{__version__}-en"'})
    assert r.content == b""
    # another language of the same URL is another representation: never a 304 for the English one
    ru = await get(site_ds, "/news/en-461", headers={"if-none-match": f'W/"{key}-{__version__}-en"',
                                                      "accept-language": "ru"})
    assert ru.headers["etag"] == f'W/"{key}-{__version__}-ru"' and "Accept-Language" in ru.headers["vary"]
    assert (await get(site_ds, "/ru/news/en-461")).headers["etag"] == ru.headers["etag"]
    assert (await get(site_ds, "/news/en-461", headers={"if-none-match": 'W/"other"'})).status_code == 200
    missing = await get(site_ds, "/news/no-such-item", status=404)
    assert "etag" not in missing.headers and "public" not in missing.headers.get("cache-control", "")


async def test_a_mutable_database_gets_no_cdn_headers(site_db):
    from datasette.app import Datasette

    ds = Datasette([str(site_db)])  # plain `datasette saylav.db` while developing
    r = await ds.client.get("/saylav/news_items.json")
    assert r.status_code == 200 and "etag" not in r.headers and "surrogate-key" not in r.headers


async def test_errors_are_answers_even_where_rich_is_installed(site_ds):
    import datasette.handle_exception as handler

    pytest.importorskip("rich")  # frictionless brings it into the test environment
    assert handler.rich is None  # Datasette would print every error with it, and crash outside `except`
    r = await site_ds.client.post("/-/messages", json={})
    assert r.status_code < 500
    assert (await get(site_ds, "/news/no-such-item", status=404)).text
