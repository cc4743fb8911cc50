"""Serving side by side with vanilla Datasette: the archive's site (`saylav serve`) and plain
Datasette (the same Datasette, no plugins, no metadata) on the same synthetic archive database.

    python -m bench.vanilla_bench [--items 100000] [--requests 40] [--archive DIR]

Both servers run on 127.0.0.1 at once, serving the same file immutable; each request goes to one
and then the other (interleaved, so load on the machine falls on both alike). For every page the
two answer the same question: the faceted news table, a full-text search, a row, a table page
without facets, an SQL query and the JSON API. The figure is the ratio of the medians (p50 of the
time to the last byte), measured in the same run: machines here differ by 2x, a ratio holds.

Goals (the project's standard): facets and search at most 0.6x vanilla's time; every other page
at most 1.2x.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from bench.site_bench import (HOST, ROOT, archive_folder, build_archive, free_port, get, pct, start_server,
                              stop_server, wait_ready)

# vanilla Datasette: the saylav_site plugins, registered through the entry point, are unregistered
VANILLA = ("import sys; from datasette.plugins import pm\n"
           "for name, plugin in list(pm.list_name_plugin()):\n"
           "    if name and name.startswith('saylav_site'): pm.unregister(plugin)\n"
           "from datasette.cli import cli; sys.exit(cli())")
FACET_GOAL, OTHER_GOAL = 0.6, 1.2


def start_vanilla(db: Path, port: int, log_path: Path) -> subprocess.Popen:
    argv = [sys.executable, "-c", VANILLA, "serve", "-i", str(db), "-h", HOST, "-p", str(port),
            "--setting", "sql_time_limit_ms", "1000", "--setting", "max_returned_rows", "1000"]
    log = open(log_path, "wb")
    try:
        return subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    finally:
        log.close()


def pages(db: Path) -> list[tuple[str, str, float]]:
    """(name, path, goal): the same question asked of both servers."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    try:
        item = conn.execute("select id from news_items where body is not null order by id limit 1 offset 100").fetchone()[0]
        word = "Mejlis"
    finally:
        conn.close()
    from urllib.parse import quote

    return [
        ("faceted news table", "/saylav/news_items?_facet=lang&_facet=kind&_facet=year", FACET_GOAL),
        ("full-text search", f"/saylav/news_items?_search={word}", FACET_GOAL),
        ("news table, no facets", "/saylav/news_items?_nofacet=1", OTHER_GOAL),
        ("row page", f"/saylav/news_items/{quote(item, safe='')}", OTHER_GOAL),
        ("SQL query", "/saylav?sql=" + quote("select kind, count(*) from news_items group by kind"), OTHER_GOAL),
        ("JSON API", "/saylav/news_items.json?_size=50&_facet=lang", FACET_GOAL),
    ]


def measure(plan, ports: dict[str, int], requests: int, max_seconds: float, warmup: int = 3) -> dict:
    conns = {name: [] for name in ports}
    times = {(page, name): [] for page, _, _ in plan for name in ports}
    status = {}
    for page, path, _ in plan:
        for name, port in ports.items():
            for _ in range(warmup):
                status[(page, name)] = get(conns[name], port, path)[0]
    deadline = time.perf_counter() + max_seconds
    for _ in range(requests):
        if time.perf_counter() > deadline:
            break
        for page, path, _ in plan:
            for name, port in ports.items():
                code, _, seconds = get(conns[name], port, path)
                status[(page, name)] = code
                times[(page, name)].append(seconds)
    return {"times": times, "status": status}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=100_000, help="news items in the archive (default 100000)")
    ap.add_argument("--base-captures", type=int, default=2000, help="ordinary captures before the listings")
    ap.add_argument("--per-listing", type=int, default=100, help="items per archive listing capture")
    ap.add_argument("--requests", type=int, default=40, help="timed requests per page and server (default 40)")
    ap.add_argument("--max-seconds", type=float, default=240, help="bound on the timed requests")
    ap.add_argument("--archive", type=Path, default=None,
                    help="keep the built archive in DIR (outside data/) and reuse it when DIR/saylav.db exists")
    args = ap.parse_args(argv)
    from bench.corpus import SEED

    folder, tmp = archive_folder(args.archive, "saylav-vanilla-bench-")
    procs = []
    try:
        db = folder / "saylav.db"
        if not (db.exists() and args.archive):
            print(f"building a synthetic archive of about {args.items:,} items in {folder} ...", flush=True)
            built = build_archive(folder, args.items, args.base_captures, args.per_listing, SEED)
            print(f"  {built['items']:,} items from {built['captures']:,} captures", flush=True)
        ports = {"saylav": free_port(), "vanilla": free_port()}
        procs.append(start_server(db, ports["saylav"], folder / "serve.log"))
        procs.append(start_vanilla(db, ports["vanilla"], folder / "vanilla.log"))
        for proc, port in zip(procs, ports.values()):
            wait_ready(proc, port)
        plan = pages(db)
        print(f"both servers ready; {args.requests} interleaved requests per page and server ...", flush=True)
        got = measure(plan, ports, args.requests, args.max_seconds)
    finally:
        for proc in procs:
            stop_server(proc)
        if tmp is not None:
            tmp.cleanup()
    ok = True
    print(f"\n{'page':24} {'saylav p50':>11} {'vanilla p50':>12} {'ratio':>7} {'goal':>6}  status")
    for page, _, goal in plan:
        s, v = got["times"][(page, "saylav")], got["times"][(page, "vanilla")]
        if not s or not v:
            continue
        sp, vp = pct(s, 50) * 1000, pct(v, 50) * 1000
        ratio = sp / vp
        met = ratio <= goal
        ok &= met
        codes = f"{got['status'][(page, 'saylav')]}/{got['status'][(page, 'vanilla')]}"
        print(f"{page:24} {sp:9.1f}ms {vp:10.1f}ms {ratio:6.2f}x {goal:5.1f}x  {codes} {'met' if met else 'NOT met'}")
    print(f"\nall goals {'MET' if ok else 'NOT all met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
