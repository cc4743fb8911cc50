"""The real package, as a new user gets it: build the wheel, install it into a fresh venv in a
temporary folder outside the checkout, load a folder of captures written here, and serve them with
`saylav serve`, with plain `datasette`, and with the command of the `saylav publish` Dockerfile.

Slow (a venv and an install from the package index: about a minute); bounded by timeouts on every
step; servers listen on 127.0.0.1 only and are stopped by their own process ids.
"""
from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from etl.version import __version__


ROOT = Path(__file__).resolve().parent.parent
ELECTION = "mejlis-2024-03-31"

CAPTURES = {  # name: (page text, url); written for this test in the site's text-capture format
    "en_710.txt": ("""31 Mar

Voting is under way

By the elections of deputies of the Mejlis of Turkmenistan to 11 o'clock on March 31, 2024, there were voted 45,18% of voters. In the constituency 1 «Garaşsyzlyk» 44,02%, in the constituency 2 «Bitaraplyk» 46,40%.
""", "https://saylav.gov.tm/en/news/710"),
    "en_711.txt": ("""31 Mar

Voting goes on

By the elections of deputies of the Mejlis of Turkmenistan to 17 o'clock on March 31, 2024, there were voted 83,75% of voters. In the constituency 1 «Garaşsyzlyk» 82,11%, in the constituency 2 «Bitaraplyk» 85,30%.
""", "https://saylav.gov.tm/en/news/711"),
    "en_700.txt": ("""12 Mar

Meeting with observers of the CIS

On March 12, 2024, a meeting was held at the office of the Central election commission with the participation of Alexei Gromov, senior advisor of the OSCE bureau for Democratic institutions and human rights. The meeting was attended by the chairman of the Central election commission, Gulmyrat Myradov.
""", "https://saylav.gov.tm/en/news/700"),
}
PAGES = {  # path: text the page must contain
    "/": "saylav-archive",
    "/news/en-710": "Voting is under way",
    f"/elections/{ELECTION}": "45.18",
    "/saylav/feed.atom": "<feed",
    "/static/site.css": "{",
}


def run(cmd, timeout=300, **kw):
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=timeout, **kw)
    assert done.returncode == 0, f"{cmd}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


def clean_env(venv: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.pop("SAYLAV_DB_SHA256", None)
    return env


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float = 10):
    with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 - loopback only
        return r.status, r.headers, r.read().decode("utf-8", "replace")


@contextmanager
def server(cmd, cwd: Path, env: dict, port: int, startup: float = 60):
    """Start a server, wait until it answers on 127.0.0.1:port, and stop it (its pid only)."""
    log = cwd / f"server-{port}.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(c) for c in cmd], cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                pytest.fail(f"server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
            try:
                fetch(f"http://127.0.0.1:{port}/-/versions.json", timeout=2)
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                if time.monotonic() > deadline:
                    pytest.fail(f"server did not answer within {startup}s:\n{log.read_text()[-3000:]}")
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def check_site(base: str) -> dict:
    headers = {}
    for path, text in PAGES.items():
        status, hdrs, body = fetch(base + path)
        assert status == 200 and text in body, f"{path}: {status}\n{body[:1500]}"
        headers[path] = hdrs
    return headers


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(work folder, venv, wheel): the wheel built from the checkout, installed in a fresh venv."""
    from etl.publish import build_wheel, runtime_constraints

    work = tmp_path_factory.mktemp("newuser")
    assert ROOT not in work.parents
    wheel = build_wheel(work / "wheels", root=ROOT, timeout=300)
    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv], timeout=120)
    (work / "constraints.txt").write_text("\n".join(runtime_constraints()) + "\n")
    run([venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--constraint", work / "constraints.txt", wheel],
        timeout=600, cwd=work, env=clean_env(venv))
    raw = work / "raw"
    raw.mkdir()
    for name, (text, url) in CAPTURES.items():
        (raw / name).write_text(text, encoding="utf-8")
        (raw / (name + ".meta.json")).write_text(json.dumps({"url": url, "fetched_at": "2024-04-01T08:00:00Z"}))
    return work, venv, wheel


def test_the_wheel_is_built_from_every_file_it_needs():
    """build_wheel copies the checkout's files to a temporary folder: the list must cover the build."""
    from etl.publish import SOURCE_DIRS, SOURCE_FILES

    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    mapped = set(config["tool"]["setuptools"]["package-dir"].values())
    assert mapped <= set(SOURCE_DIRS) and "etl" in SOURCE_DIRS
    assert {"pyproject.toml", "setup.py", config["project"]["readme"], *config["project"]["license-files"]} \
        <= set(SOURCE_FILES)
    assert {"metadata.yml", "LICENSE", "CITATION.cff"} <= set(SOURCE_FILES)  # copied by setup.py


@pytest.mark.slow
def test_the_wheel_holds_the_site_and_no_generic_top_level_files(installed):
    _work, _venv, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ["etl/cli.py", "etl/facts/__init__.py", "saylav_site/__init__.py", "saylav_site/home.py",
                     "saylav_site/cdn_cache.py", "saylav_site/templates/base.html", "saylav_site/static/site.css",
                     "saylav_site/meta/metadata.yml", "saylav_site/meta/CITATION.cff"]:
        assert required in names, required
    for folder in ("templates", "static"):  # every file the site has, also those added later
        for f in (ROOT / folder).rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts:
                assert f"saylav_site/{folder}/{f.relative_to(ROOT / folder).as_posix()}" in names, f
    for f in (ROOT / "plugins").glob("*.py"):
        assert f"saylav_site/{f.name}" in names, f
    for f in (ROOT / "etl").rglob("*.py"):  # subpackages are found by setup.py, never listed by hand
        assert f.relative_to(ROOT).as_posix() in names, f
    assert {n.split("/")[0] for n in names if "/" in n} == {"etl", "saylav_site", f"saylav_archive-{__version__}.dist-info"}
    dist = f"saylav_archive-{__version__}.dist-info"
    entry_points = zipfile.ZipFile(wheel).read(f"{dist}/entry_points.txt").decode()
    assert "[datasette]\nsaylav_site = saylav_site" in entry_points and "saylav = etl.cli:cli" in entry_points
    meta = zipfile.ZipFile(wheel).read(f"{dist}/METADATA").decode()
    assert "License-Expression: MIT" in meta and "creativecommons.org/licenses/by/4.0" in meta
    assert any(n.startswith(f"{dist}/licenses/LICENSE") for n in names)


@pytest.mark.slow
def test_installed_package_loads_and_serves_with_saylav_serve_and_plain_datasette(installed):
    work, venv, _wheel = installed
    env = clean_env(venv)
    where = run([venv / "bin" / "python", "-c", "import etl, saylav_site; print(etl.__file__); print(saylav_site.__file__)"],
                cwd=work, env=env).stdout.split()
    assert all(str(venv) in w for w in where), where  # not the checkout
    assert __version__ in run([venv / "bin" / "saylav", "--version"], cwd=work, env=env).stdout
    run([venv / "bin" / "python", "-m", "pip", "check"], cwd=work, env=env)  # every dependency declared and met
    plugins = json.loads(run([venv / "bin" / "datasette", "plugins"], cwd=work, env=env).stdout)
    assert {"saylav_site.home", "saylav_site.cdn_cache", "saylav_site.assets"} <= {p["name"] for p in plugins}
    run([venv / "bin" / "saylav", "load", "--raw", "raw", "--db", "db/saylav.db", "--no-progress"], cwd=work, env=env)

    port = free_port()
    with server([venv / "bin" / "saylav", "serve", "--db", "db/saylav.db", "-p", port], work, env, port) as base:
        headers = check_site(base)
        status, _h, home = fetch(base + "/")
        assert f"saylav-archive {__version__}" in home  # the footer names the version
        assert headers["/"]["ETag"].startswith('W/"')  # immutable database: CDN headers
        assert "immutable" not in headers["/"]["Cache-Control"]

    port = free_port()
    with server([venv / "bin" / "datasette", "db/saylav.db", "-h", "127.0.0.1", "-p", port], work, env, port) as base:
        check_site(base)
        _s, _h, plugins = fetch(base + "/-/plugins.json")
        assert "saylav_site.home" in plugins
        _s, _h, meta = fetch(base + "/-/metadata.json")
        assert json.loads(meta)["license_url"] == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.slow
def test_publish_context_command_runs_the_installed_package(installed):
    """`saylav publish` from the installed package (no checkout: --wheel), then the Dockerfile's
    CMD run in the clean venv, with the context's data folder standing in for /data."""
    work, venv, wheel = installed
    env = clean_env(venv)
    run([venv / "bin" / "saylav", "load", "--raw", "raw", "--db", "db2/saylav.db", "--no-progress"], cwd=work, env=env)
    nowheel = subprocess.run([venv / "bin" / "saylav", "publish", "--db", "db2/saylav.db", "-o", "ctx0"], cwd=work,
                             env=env, capture_output=True, text=True, timeout=60)
    assert nowheel.returncode == 1 and "pass --wheel" in nowheel.stderr
    out = run([venv / "bin" / "saylav", "publish", "--db", "db2/saylav.db", "-o", "ctx", "--wheel", wheel],
              cwd=work, env=env).stdout
    assert "gcloud run deploy" in out and "fly deploy" in out
    ctx = work / "ctx"
    docker = (ctx / "Dockerfile").read_text()
    db_hash = re.search(r"SAYLAV_DB_SHA256=([0-9a-f]{64})", docker).group(1)
    cmd = json.loads(re.search(r"^CMD (.+)$", docker, re.M).group(1))
    assert cmd[:2] == ["/bin/sh", "-c"]
    shell = cmd[2].replace("/data/", f"{shlex.quote(str(ctx / 'data'))}/").replace("0.0.0.0", "127.0.0.1")
    port = free_port()
    env = dict(env, PORT=str(port), SAYLAV_DB_SHA256=db_hash)
    with server(["/bin/sh", "-c", shell], work, env, port) as base:
        headers = check_site(base)
        assert headers["/"]["ETag"] == f'W/"{db_hash[:16]}-{__version__}-en"'
        status, hdrs, _ = fetch(f"{base}/saylav-{db_hash[:16]}/news_items.json")
        assert status == 200 and hdrs["Cache-Control"] == "public, max-age=31536000, immutable"
    again = run([venv / "bin" / "saylav", "publish", "--db", "db2/saylav.db", "-o", "ctx", "--wheel", wheel,
                 "--if-changed"], cwd=work, env=env).stdout
    assert "nothing to do" in again


@pytest.mark.slow
def test_release_from_the_installed_package_validates(installed):
    from etl.release import validate_datapackage

    work, venv, _wheel = installed
    env = clean_env(venv)
    run([venv / "bin" / "saylav", "load", "--raw", "raw", "--db", "db3/saylav.db", "--no-progress"], cwd=work, env=env)
    out = run([venv / "bin" / "saylav", "release", "--db", "db3/saylav.db", "-o", "rel"], cwd=work, env=env).stdout
    assert "release:" in out and "frictionless is not installed" in out  # the clean venv has no test extras
    assert validate_datapackage(work / "rel" / "datapackage.json") == []
    run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=work / "rel", timeout=60)


def test_plugin_modules_import_each_other_relatively_with_no_sibling_loader():
    import importlib.util

    import saylav_site

    assert importlib.util.find_spec("etl.plugin_support") is None  # the old shim is gone
    assert not hasattr(saylav_site, "sibling")
    for f in (ROOT / "plugins").glob("*.py"):
        text = f.read_text(encoding="utf-8")
        assert not re.search(r"plugin_support|\bsibling\(|_load_sibling", text), f


def test_the_crawler_user_agent_names_the_package_version():
    from etl.fetch import USER_AGENT

    assert USER_AGENT.startswith(f"saylav-archive/{__version__} ")
