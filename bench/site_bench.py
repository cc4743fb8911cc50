"""Site benchmark (issue 5): page latency of the Datasette site on a 100,000-item synthetic archive,
against the same SQL run by plain sqlite3, in the same run.

    python -m bench.site_bench [--items 100000] [--requests 60] [--archive DIR]

1. Build: a synthetic corpus (bench/corpus.py) in a temporary folder (never data/): ordinary
   captures in every layout (turnout, results, meetings: the archive's elections and facts), then
   long archive listing pages, with as many items as make the total `--items`; the count of items
   the ordinary captures give is measured with a first load, so the real loader (`etl.load.load`)
   puts about `--items` rows into `news_items`.
2. Serve: `saylav serve --db PATH -p PORT` (the project's settings, metadata, plugins, templates,
   immutable database with its inspect file) as a subprocess on 127.0.0.1, a free port.
3. Measure: each page `--requests` times (round robin after a warm-up; bounded by `--max-seconds`),
   over HTTP on 127.0.0.1; p50 and p95 of the time to the last byte.
4. Baseline: the SQL each page runs is captured in-process (an sqlite3 trace callback on every
   connection Datasette opens on the archive, same settings, a warmed-up request) and replayed with
   plain sqlite3 on the same file (opened immutable, prepared the same way so `escape_fts` and
   plugin functions exist), as many times; the ratio is page p50 / SQL p50.

Goals (2-core machine): faceted table and item page p50 under 30 ms; search and election page p50
under 60 ms; no page over 250 ms p95. A page that answers 404 (the /elections/ pages and the feed
are being built) is reported as "not built yet", not as a failure.
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


@dataclass
class Page:
    key: str
    label: str
    path: str
    p50_goal_ms: float | None
    p95_goal_ms: float = 250.0
    status: int | None = None
    note: str = ""
    times: list[float] = field(default_factory=list)
    sql: list[tuple[str, object]] = field(default_factory=list)
    sql_times: list[float] = field(default_factory=list)
    sql_error: str = ""
    bytes: int = 0
    first: float = float("nan")  # the first request after the server started: nothing cached yet


def pct(xs: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of xs."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(q / 100 * len(s) + 0.5)) - 1))
    return s[k]


# ---------------------------------------------------------------------------------------------
# build


def archive_folder(archive: Path | None, prefix: str):
    """(folder, temporary directory or None): the kept `--archive` folder (never inside data/), or a
    temporary one that the caller cleans up."""
    if archive:
        if _inside_data(archive):
            raise SystemExit("synthetic archives never go into data/")
        folder = archive.resolve()
        folder.mkdir(parents=True, exist_ok=True)
        return folder, None
    tmp = tempfile.TemporaryDirectory(prefix=prefix)
    return Path(tmp.name), tmp


def _inside_data(path: Path) -> bool:
    path = path.resolve()
    data = (ROOT / "data").resolve()
    return path == data or data in path.parents


def build_archive(folder: Path, n_items: int, base_captures: int, per_listing: int, seed: int) -> dict:
    from bench.corpus import add_archive_listings, generate
    from etl.load import load

    raw = folder / "raw"
    t0 = time.perf_counter()
    stats = generate(raw, base_captures, seed=seed)
    t1 = time.perf_counter()
    calib, _ = load(raw, folder / "calib" / "saylav.db")
    shutil.rmtree(folder / "calib")
    t2 = time.perf_counter()
    add_archive_listings(raw, max(0, n_items - calib.items), stats, per_listing=per_listing, seed=seed)
    t3 = time.perf_counter()
    summary, issues = load(raw, folder / "saylav.db")
    t4 = time.perf_counter()
    return {
        "captures": summary.captures, "items": summary.items, "rows": summary.rows, "issues": len(issues),
        "base_items": calib.items, "listing_items": stats.listing_items, "generate_s": (t1 - t0) + (t3 - t2),
        "calibrate_s": t2 - t1, "load_s": t4 - t3, "load_phases": summary.seconds, "bytes": stats.bytes,
    }


# ---------------------------------------------------------------------------------------------
# pages and their SQL


def choose_pages(db: Path) -> list[Page]:
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    try:
        item = (conn.execute("select news_item_id from turnout_snapshots order by id limit 1").fetchone()
                or conn.execute("select id from news_items order by id limit 1").fetchone())[0]
        election = conn.execute(
            "select election_id from news_items where election_id is not null "
            "group by election_id order by count(*) desc, election_id limit 1").fetchone()
        election = election[0] if election else conn.execute("select id from elections limit 1").fetchone()[0]
    finally:
        conn.close()
    from urllib.parse import quote

    return [
        Page("table", "faceted news table", "/saylav/news_items?_facet=lang&_facet=kind&_facet=year", 30),
        # for reference: the same table with only the facets metadata.yml configures (lang, kind, year),
        # which the page above asks for a second time
        Page("table-md", "  (metadata facets)", "/saylav/news_items", None),
        Page("search", "search 'saylaw'", "/saylav/news_items?_search=saylaw", 60),
        Page("item", "item page", f"/saylav/news_items/{quote(item)}", 30),
        Page("news", "item page (/news/)", f"/news/{quote(item)}", 30),
        Page("site-search", "site search /search", "/search?q=saylaw", 60),
        Page("election", "election page", f"/elections/{quote(election)}", 60),
        Page("feed", "feed", "/saylav/feed.atom", None),
    ]


async def _trace_pages(db: Path, pages: list[Page]) -> None:
    """Status and SQL of every page, run in-process with the project's Datasette settings.

    Every connection Datasette opens on the archive gets an sqlite3 trace callback, so the SQL of
    Datasette's own views and of the plugins' pages (which query through `execute_fn`) alike is
    recorded, with its parameters expanded. Each page is requested twice and the second request is
    kept: plugins memoise what is the same for every visitor, as they do in the running server.
    """
    from etl.serve import make_app

    ds = make_app(db)
    sink: list[str] = []
    prepare = ds._prepare_connection

    def traced(conn, database):
        prepare(conn, database)
        if database == db.stem:
            conn.set_trace_callback(sink.append)

    ds._prepare_connection = traced
    if hasattr(ds, "invoke_startup"):
        await ds.invoke_startup()
    for page in pages:
        resp = await ds.client.get(page.path)
        if resp.status_code == 404 and page.key == "election" and page.path.startswith("/elections/"):
            page.note = "/elections/ not built yet: fell back to the table row page"
            page.path = "/" + db.stem + page.path
            resp = await ds.client.get(page.path)
        sink.clear()
        resp = await ds.client.get(page.path)
        page.status = resp.status_code
        page.sql = [(sql, None) for sql in sink]
        if resp.status_code == 404:
            page.note = page.note or "not built yet (404)"


def trace_pages(db: Path, pages: list[Page]) -> None:
    # trace every statement a page runs: with the result cache on, the second request runs none
    os.environ["SAYLAV_QUERY_CACHE"] = "0"
    try:
        asyncio.run(_trace_pages(db, pages))
    finally:
        del os.environ["SAYLAV_QUERY_CACHE"]


def replay_sql(db: Path, pages: list[Page], runs: int) -> None:
    """Time the pages' SQL with plain sqlite3, the connection prepared as Datasette prepares its own
    (so that `escape_fts` and the plugins' SQL functions exist)."""
    from etl.serve import make_app

    ds = make_app(db)
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True, check_same_thread=False)
    ds._prepare_connection(conn, db.stem)
    try:
        for page in pages:
            if not page.sql or page.status != 200:
                continue
            try:
                for _ in range(runs):
                    t0 = time.perf_counter()
                    for sql, params in page.sql:
                        conn.execute(sql, params or ()).fetchall()
                    page.sql_times.append(time.perf_counter() - t0)
            except sqlite3.Error as e:
                page.sql_error = f"{type(e).__name__}: {e}"
                page.sql_times = []
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# the server


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(conn_holder: list, port: int, path: str, timeout: float = 30) -> tuple[int, int, float]:
    """(status, bytes, seconds to the last byte) of GET path, on a kept-alive connection."""
    for attempt in range(2):
        if not conn_holder:
            conn_holder.append(http.client.HTTPConnection(HOST, port, timeout=timeout))
        conn = conn_holder[0]
        t0 = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept-Encoding": "identity"})
            resp = conn.getresponse()
            body = resp.read()
            return resp.status, len(body), time.perf_counter() - t0
        except (http.client.HTTPException, OSError):
            conn.close()
            conn_holder.clear()
            if attempt:
                raise
    raise RuntimeError("unreachable")


def start_server(db: Path, port: int, log_path: Path) -> subprocess.Popen:
    """`saylav serve --db PATH -p PORT`: the console script's own entry point (etl.cli:cli), run from
    this tree (cwd first on sys.path), so that the code served is the code the archive was built with."""
    argv = [sys.executable, "-c", "import sys; from etl.cli import cli; sys.exit(cli())",
            "serve", "--db", str(db), "-h", HOST, "-p", str(port)]
    log = open(log_path, "wb")
    try:
        return subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    finally:
        log.close()


def wait_ready(proc: subprocess.Popen, port: int, timeout: float = 60) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            status, _, _ = get([], port, "/-/versions.json", timeout=2)
            if status == 200:
                return time.perf_counter() - t0
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"server not ready after {timeout}s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def measure(pages: list[Page], port: int, requests: int, max_seconds: float, warmup: int = 3) -> None:
    holder: list = []
    live = [p for p in pages if p.status != 404]
    for page in pages:
        for i in range(warmup):
            status, size, secs = get(holder, port, page.path)
            if i == 0:
                page.first = secs
        if status != page.status:
            page.note = (page.note + "; " if page.note else "") + f"HTTP {status} served, {page.status} in-process"
        page.status, page.bytes = status, size
    live = [p for p in pages if p.status == 200]
    t_end = time.perf_counter() + max_seconds
    for _ in range(requests):
        if time.perf_counter() > t_end:
            break
        for page in live:
            status, _, secs = get(holder, port, page.path)
            page.times.append(secs)
    for c in holder:
        c.close()


# ---------------------------------------------------------------------------------------------
# report


def report(pages: list[Page], build: dict | None, db: Path, requests: int) -> bool:
    ms = 1000.0
    print()
    if build:
        print(f"SITE BENCHMARK: {build['items']:,} news items ({build['captures']:,} captures, "
              f"{build['rows']:,} rows; {build['base_items']:,} items from ordinary captures, "
              f"{build['listing_items']:,} from archive listings); db {db.stat().st_size / 1e6:.0f} MB")
        print(f"  build: corpus {build['generate_s']:.1f}s, calibration load {build['calibrate_s']:.1f}s, "
              f"load {build['load_s']:.1f}s (" + ", ".join(f"{k} {v:.1f}" for k, v in build["load_phases"].items()) + ")")
    else:
        print(f"SITE BENCHMARK on {db} ({db.stat().st_size / 1e6:.0f} MB)")
    print(f"  {requests} requests per page over HTTP on {HOST}, after a warm-up; {os.cpu_count()} CPUs")
    print("-" * 112)
    print(f"{'page':<22}{'HTTP':>5}{'n':>5}{'1st ms':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'KB':>7}"
          f"{'SQL p50':>9}{'#sql':>6}{'ratio':>7}   goal")
    all_ok = True
    for p in pages:
        if p.status == 404:
            print(f"{p.label:<22}{p.status:>5}{'':>5}{'':>9}{'':>9}{'':>9}{'':>7}{'':>9}{'':>6}{'':>7}   "
                  f"not built yet ({p.path})")
            continue
        if p.status != 200 or not p.times:
            all_ok = False
            print(f"{p.label:<22}{p.status or '-':>5}   FAILED ({p.path}) {p.note}")
            continue
        p50, p95, mx = pct(p.times, 50) * ms, pct(p.times, 95) * ms, max(p.times) * ms
        sql50 = pct(p.sql_times, 50) * ms if p.sql_times else float("nan")
        ratio = p50 / sql50 if p.sql_times and sql50 > 0 else float("nan")
        goals = []
        if p.p50_goal_ms is not None:
            ok = p50 < p.p50_goal_ms
            all_ok &= ok
            goals.append(f"p50<{p.p50_goal_ms:.0f} {'MET' if ok else 'MISSED'}")
        ok = p95 <= p.p95_goal_ms
        all_ok &= ok
        goals.append(f"p95<={p.p95_goal_ms:.0f} {'MET' if ok else 'MISSED'}")
        print(f"{p.label:<22}{p.status:>5}{len(p.times):>5}{p.first * ms:>8.1f}{p50:>9.1f}{p95:>9.1f}{mx:>9.1f}{p.bytes / 1024:>7.0f}"
              f"{sql50:>9.1f}{len(p.sql):>6}{ratio:>6.1f}x   {', '.join(goals)}")
    print("-" * 112)
    for p in pages:
        extra = f"  [{p.note}]" if p.note else ""
        err = f"  [SQL replay failed: {p.sql_error}]" if p.sql_error else ""
        print(f"  {p.key:<9} {p.path}{extra}{err}")
    print("  SQL p50: the page's own statements (sqlite3 trace of a warmed-up request, result cache off) replayed by "
          "plain sqlite3; ratio = page p50 / SQL p50")
    print("  1st ms: the first request of the page after the server started, before the result cache "
          "(plugins/query_cache.py) holds its slow queries; p50/p95 are over repeated requests")
    return all_ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=100_000, help="news items in the archive (default 100000)")
    ap.add_argument("--base-captures", type=int, default=2000,
                    help="ordinary captures (elections, facts, every layout) before the archive listings")
    ap.add_argument("--per-listing", type=int, default=100, help="items per archive listing capture")
    ap.add_argument("--requests", type=int, default=60, help="timed requests per page (default 60)")
    ap.add_argument("--max-seconds", type=float, default=180, help="bound on the timed requests, all pages")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--archive", type=Path, default=None,
                    help="keep the built archive in DIR (outside data/) and reuse it when DIR/saylav.db exists")
    args = ap.parse_args(argv)

    from bench.corpus import SEED
    from bench.load_bench import code_fingerprint

    code_parts = ("etl", "plugins", "templates", "metadata.yml")
    code_before = code_fingerprint(*code_parts)
    seed = SEED if args.seed is None else args.seed
    folder, tmp = archive_folder(args.archive, "saylav-site-bench-")
    try:
        db = folder / "saylav.db"
        build = None
        if db.exists() and args.archive:
            print(f"reusing {db}", flush=True)
        else:
            if (folder / "raw").exists():
                shutil.rmtree(folder / "raw")
            print(f"building a synthetic archive of about {args.items:,} items in {folder} ...", flush=True)
            build = build_archive(folder, args.items, args.base_captures, args.per_listing, seed)
            print(f"  {build['items']:,} items from {build['captures']:,} captures; load {build['load_s']:.1f}s",
                  flush=True)
        pages = choose_pages(db)
        print("tracing the pages' SQL in-process ...", flush=True)
        trace_pages(db, pages)
        port = free_port()
        proc = start_server(db, port, folder / "serve.log")
        try:
            ready = wait_ready(proc, port)
            print(f"saylav serve on {HOST}:{port} ready in {ready:.1f}s; measuring ...", flush=True)
            measure(pages, port, args.requests, args.max_seconds)
        finally:
            stop_server(proc)
        replay_sql(db, pages, max(len(p.times) for p in pages) or args.requests)
        ok = report(pages, build, db, args.requests)
        code_after = code_fingerprint(*code_parts)
        print(f"code measured: etl/ plugins/ templates/ metadata.yml {code_before}" + (
            "" if code_after == code_before else
            f" -> {code_after}: WARNING the code changed during the run, the figures mix versions"))
        print(f"\nall goals {'MET' if ok else 'NOT all met'}")
        return 0
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
