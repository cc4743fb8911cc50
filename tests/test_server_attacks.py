"""The server rows of issue 9, re-run against `saylav serve` on 127.0.0.1: memory under large SQL
results stays under etl.serve.MEMORY_BOUND_MB (the server's peak RSS, VmHWM, from /proc), and the
facet, stream, method and size attacks get quick, clear answers."""
from __future__ import annotations

import concurrent.futures
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest

from etl.serve import MEMORY_BOUND_MB

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc")
SAYLAV = Path(sys.executable).with_name("saylav")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_mb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    raise KeyError(field)


@pytest.fixture(scope="module")
def server(site_db, tmp_path_factory):
    """`saylav serve` on a copy of the test archive; yields (base URL, pid)."""
    folder = tmp_path_factory.mktemp("served")
    for name in ("saylav.db", "inspect.json"):
        shutil.copy(site_db.with_name(name), folder / name)
    port = free_port()
    proc = subprocess.Popen([str(SAYLAV), "serve", "--db", str(folder / "saylav.db"), "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            if proc.poll() is not None:
                raise RuntimeError("saylav serve exited")
            try:
                httpx.get(base + "/-/versions.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        else:
            raise RuntimeError("saylav serve did not answer")
        yield base, proc.pid
    finally:
        proc.kill()
        proc.wait(10)


def sql(base: str, query: str, timeout: float = 60) -> httpx.Response:
    return httpx.get(base + "/saylav.json", params={"sql": query}, timeout=timeout)


def test_thirty_20_mb_results_keep_memory_bounded(server):
    base, pid = server
    for i in range(30):
        r = sql(base, f"select printf('%.*c', 20000000, 'x') as v{i}")
        assert r.status_code == 200 and r.json()["rows"] == [[None]]  # over the value limit: NULL
    assert status_mb(pid, "VmHWM") < MEMORY_BOUND_MB


def test_thirty_7_mb_results_then_concurrent_ones_keep_memory_bounded(server):
    base, pid = server
    for i in range(30):
        r = sql(base, f"select printf('%.*c', 7000000, 'x') as w{i}")
        assert r.status_code == 200 and len(r.content) > 7000000
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        codes = list(pool.map(lambda i: sql(base, f"select printf('%.*c', 7000000, 'y') as c{i}").status_code, range(12)))
    assert codes == [200] * 12
    peak = status_mb(pid, "VmHWM")
    assert peak < MEMORY_BOUND_MB, f"peak RSS {peak} MB"
    assert status_mb(pid, "VmRSS") < MEMORY_BOUND_MB


def test_concurrent_answers_that_swell_as_json_keep_memory_bounded(server):
    # control characters are written \u0001 in JSON: a 7 MB value makes a 42 MB answer
    base, pid = server
    query = "select printf('%.*c', 7000000, char(1)) as d{}"
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        sizes = list(pool.map(lambda i: len(sql(base, query.format(i), timeout=120).content), range(12)))
    assert min(sizes) > 42000000
    peak = status_mb(pid, "VmHWM")
    assert peak < MEMORY_BOUND_MB, f"peak RSS {peak} MB"


def test_repeated_facets_get_a_quick_clear_refusal(server):
    base, pid = server
    for repeats in (200, 2000):
        start = time.perf_counter()
        r = httpx.get(base + "/saylav/news_items?" + "&".join(["_facet=title"] * repeats), timeout=30)
        assert r.status_code in (400, 414), r.status_code
        assert "Too many facet parameters" in r.text or "URI too long" in r.text
        assert time.perf_counter() - start < 2.0
    assert status_mb(pid, "VmHWM") < MEMORY_BOUND_MB


def test_a_runaway_streamed_export_stops_at_the_time_limit(server):
    base, _ = server
    where = "id in (with recursive c(x) as (select 1 union all select x+1 from c where x < 100000000) select x from c where x < 0)"
    start = time.perf_counter()
    r = httpx.get(base + "/saylav/news_items.csv?" + urlencode({"_stream": "on", "_where": where}), timeout=30)
    assert time.perf_counter() - start < 3.0
    assert r.status_code == 400 and "SQL interrupted" in r.text


def test_methods_and_sizes(server):
    base, _ = server
    for method in ("POST", "DELETE", "OPTIONS", "PUT"):
        for path in ("/", "/news/en-461", "/saylav/news_items", "/saylav.json?sql=select+1"):
            if method == "OPTIONS" and ".json" in path:
                continue  # a CORS preflight of the JSON API: below
            r = httpx.request(method, base + path, timeout=10)
            assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD", (method, path)
    for path in ("/saylav.json?sql=select+1", "/saylav/news_items.json", "/saylav/news_items.csv"):
        r = httpx.request("OPTIONS", base + path, timeout=10, headers={
            "origin": "https://example.org", "access-control-request-method": "GET"})
        assert r.status_code == 204 and r.content == b"", path
        assert r.headers["access-control-allow-origin"] == "*", path
    assert httpx.head(base + "/", timeout=10).status_code == 200
    assert httpx.get(base + "/saylav/news_items?x=" + "a" * 20000, timeout=10).status_code == 414
    assert httpx.get(base + "/", headers={"x-big": "a" * 40000}, timeout=10).status_code == 431
    assert httpx.get(base + "/", headers={f"x-h{i}": "a" for i in range(200)}, timeout=10).status_code == 431
    assert httpx.get(base + "/", timeout=10).status_code == 200
