"""Load benchmark (issues 2 and 10): `saylav load` on 10,000 synthetic captures, cold and incremental,
and the same rows inserted by plain `sqlite3.executemany` in one transaction, in the same run.

    python -m bench.load_bench [--captures 10000] [--added 100] [--runs 3] [--profile]

The corpus (bench/corpus.py) is built in a temporary folder, never in data/, with `--added` captures
more than `--captures`; those are held out of the cold load. Each run, in fresh Python processes (as
`saylav load` does: cold imports, cold regex caches) calling `etl.load.load`:

1. **cold load**: the `--captures` captures into a new folder (so an empty cache beside the database);
2. **incremental load**: the held-out captures put back, and the same database loaded again (its
   cache holds what every other capture yields).

The load reports its phases (`read`, `extract`, `write`, `check`, `total`). The baseline reads every
table back from the database the cold load built and inserts the same rows, table by table in the
loader's order, into a fresh database of the same shape (`ensure_shape(db, fts=False)`) with
`executemany` in one transaction. Medians of `--runs`; the incremental database is checked against a
cold load of all the captures, table by table.

Goals (issue 10, ratios in one run since machines differ): cold load at most 12x plain executemany;
incremental load (100 captures added to 10,000) at most 0.25x the cold load; the write phase within
2x of plain executemany. `--profile` adds one more cold load under cProfile and prints where the time goes.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_COLD_RATIO = 12.0
GOAL_INCREMENTAL_RATIO = 0.25
GOAL_WRITE_RATIO = 2.0


def _child(raw: str, db: str) -> None:
    """One load in this (fresh) process; the summary as JSON on stdout."""
    t0 = time.perf_counter()
    from etl.load import load

    t_import = time.perf_counter() - t0
    summary, issues = load(Path(raw), Path(db), use_cache=True)  # as `saylav load` does
    print(json.dumps({
        "seconds": summary.seconds, "rows": summary.rows, "captures": summary.captures, "items": summary.items,
        "facts": summary.facts, "parse_issues": summary.parse_issues, "import": t_import, "cache": summary.cache,
        "notes": summary.notes,
    }))


def run_load(raw: Path, db: Path, timeout: float = 600) -> dict:
    env = dict(os.environ, PYTHONHASHSEED="0")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "bench.load_bench", "--child", str(raw), str(db)],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if out.returncode != 0:
        raise SystemExit(f"load failed ({out.returncode}):\n{out.stderr[-4000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def read_tables(db_path: Path) -> list[tuple[str, list[str], list[tuple]]]:
    """Every table of the schema, as (name, columns, rows), in the loader's order (parents first)."""
    from etl.schema import table_names

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        out = []
        for name in table_names():
            cur = conn.execute(f"select * from [{name}]")
            cols = [d[0] for d in cur.description]
            out.append((name, cols, cur.fetchall()))
        return out
    finally:
        conn.close()


def executemany_baseline(tables, path: Path, with_fts: bool = False) -> tuple[float, float]:
    """Seconds to insert `tables` with plain executemany in one transaction into a fresh database of
    the same shape; and, with `with_fts`, the seconds to then add full-text search as the loader
    does (ensure_shape with FTS), for reference."""
    import sqlite_utils

    from etl.schema import ensure_shape

    db = sqlite_utils.Database(str(path))
    ensure_shape(db, fts=False)
    conn = db.conn
    t0 = time.perf_counter()
    with conn:
        for name, cols, rows in tables:
            if rows:
                sql = (f"insert into [{name}] ({', '.join(f'[{c}]' for c in cols)}) "
                       f"values ({', '.join('?' * len(cols))})")
                conn.executemany(sql, rows)
    t1 = time.perf_counter()
    fts = 0.0
    if with_fts:
        ensure_shape(db)
        fts = time.perf_counter() - t1
    conn.close()
    return t1 - t0, fts


def profile_load(raw: Path, db: Path, top: int = 30) -> str:
    from etl.load import load

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    summary, _ = load(raw, db)
    prof.disable()
    wall = time.perf_counter() - t0
    out = io.StringIO()
    out.write(f"\nprofile of one load (cProfile adds overhead): {wall:.2f}s, phases "
              + ", ".join(f"{k} {v:.2f}s" for k, v in summary.seconds.items()) + "\n")
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    # own time per project module, and per function of the project
    own: dict[str, float] = {}
    for (file, line, fn), (cc, nc, tt, ct, callers) in stats.stats.items():
        key = os.path.relpath(file, ROOT) if file.startswith(str(ROOT)) else (
            "sqlite3/sqlite_utils" if "sqlite" in file or fn.startswith("<method 'execute") else
            "re (regex engine)" if fn.startswith(("<method 'search' of 're", "<method 'finditer'", "<method 'match' of 're",
                                                  "<method 'sub' of 're", "<method 'findall' of 're", "<method 'split' of 're",
                                                  "<method 'fullmatch' of 're"))
            else "other")
        own[key] = own.get(key, 0.0) + tt
    total = sum(own.values()) or 1.0
    out.write("own time by module:\n")
    for key, tt in sorted(own.items(), key=lambda kv: -kv[1])[:20]:
        out.write(f"  {tt:7.2f}s {100 * tt / total:5.1f}%  {key}\n")
    return out.getvalue()


def code_fingerprint(*parts: str) -> str:
    """A hash of the project's code under ROOT (to tell whether it changed during a run: other
    people edit the tree while benchmarks run)."""
    import hashlib

    h = hashlib.sha256()
    for part in parts:
        base = ROOT / part
        files = sorted(base.rglob("*")) if base.is_dir() else [base]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".html", ".yml", ".yaml") and "__pycache__" not in f.parts:
                h.update(f.relative_to(ROOT).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _median(xs):
    return statistics.median(xs) if xs else float("nan")


def hold_out(raw: Path, held: Path, n: int) -> list[str]:
    """Move `n` captures (with their sidecars), spread evenly over the corpus, from `raw` to `held`."""
    from etl.capture import SIDECAR_SUFFIX, walk_captures

    paths = walk_captures(raw).paths
    step = max(1, len(paths) // max(n, 1))
    chosen = paths[::step][:n]
    moved = []
    for p in chosen:
        rel = p.relative_to(raw)
        for src in (p, p.with_name(p.name + SIDECAR_SUFFIX)):
            if src.exists():
                dst = held / src.relative_to(raw)
                dst.parent.mkdir(parents=True, exist_ok=True)
                src.rename(dst)
        moved.append(rel.as_posix())
    return moved


def put_back(raw: Path, held: Path) -> None:
    """Move every file under `held` back to its place under `raw`."""
    for src in sorted(held.rglob("*")):
        if src.is_file():
            dst = raw / src.relative_to(held)
            dst.parent.mkdir(parents=True, exist_ok=True)
            src.rename(dst)


def _phases(r: dict) -> str:
    return ", ".join(f"{k} {v:.2f}" for k, v in r["seconds"].items() if k != "total")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--captures", type=int, default=10_000, help="captures of the cold load (default 10000)")
    ap.add_argument("--added", type=int, default=100, help="captures added for the incremental load (default 100)")
    ap.add_argument("--runs", type=int, default=3, help="runs to take the median of (default 3)")
    ap.add_argument("--seed", type=int, default=None, help="corpus seed")
    ap.add_argument("--profile", action="store_true", help="profile one more cold load with cProfile")
    ap.add_argument("--child", nargs=2, metavar=("RAW", "DB"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0

    from bench.corpus import SEED, generate

    code_before = code_fingerprint("etl")
    with tempfile.TemporaryDirectory(prefix="saylav-bench-") as td:
        td = Path(td)
        raw, held = td / "raw", td / "held"
        total = args.captures + args.added
        print(f"building a synthetic corpus of {total} captures in {raw} ...", flush=True)
        stats = generate(raw, total, seed=SEED if args.seed is None else args.seed)
        print(f"  {stats}", flush=True)

        colds, incs = [], []
        for i in range(args.runs):
            hold_out(raw, held, args.added)
            db = td / f"run{i}" / "saylav.db"
            r = run_load(raw, db)
            colds.append(r)
            if i == 0:
                shutil.copyfile(db, td / "cold0.db")  # the cold load's rows, for the baseline
            print(f"  cold load {i + 1}/{args.runs}: {r['seconds']['total']:.2f}s in load() ({_phases(r)}), "
                  f"{r['wall']:.2f}s process wall; {r['captures']} captures, {r['items']} items, "
                  f"{r['rows']} rows, {r['parse_issues']} parse issues", flush=True)
            put_back(raw, held)
            r = run_load(raw, db)
            incs.append(r)
            print(f"  incremental load {i + 1}/{args.runs} (+{args.added}): {r['seconds']['total']:.2f}s in load() "
                  f"({_phases(r)}), {r['wall']:.2f}s process wall; {r['captures']} captures; cache {r['cache']}"
                  + (f"; notes {r['notes']}" if r["notes"] else ""), flush=True)

        # the incremental database is the cold load's of the same captures, row for row
        full = run_load(raw, td / "full" / "saylav.db")
        same = read_tables(td / "run0" / "saylav.db") == read_tables(td / "full" / "saylav.db")
        print(f"  cold load of all {full['captures']} captures: {full['seconds']['total']:.2f}s; incremental "
              f"database identical to it, every table: {'YES' if same else 'NO'}", flush=True)

        tables = read_tables(td / "cold0.db")
        n_rows = sum(len(rows) for _, _, rows in tables)
        base, fts = [], []
        for i in range(args.runs):
            b, f = executemany_baseline(tables, td / f"base{i}.db", with_fts=True)
            base.append(b)
            fts.append(f)
            print(f"  executemany {i + 1}/{args.runs}: {b:.2f}s for {n_rows} rows (+ FTS build {f:.2f}s)", flush=True)
        check = sqlite3.connect(td / "base0.db")
        copied = sum(check.execute(f"select count(*) from [{name}]").fetchone()[0] for name, _, _ in tables)
        check.close()
        assert copied == n_rows, (copied, n_rows)

        sec = {k: _median([r["seconds"][k] for r in colds]) for k in colds[0]["seconds"]}
        inc = {k: _median([r["seconds"][k] for r in incs]) for k in incs[0]["seconds"]}
        wall = _median([r["wall"] for r in colds])
        inc_wall = _median([r["wall"] for r in incs])
        rows = colds[0]["rows"]
        caps = colds[0]["captures"]
        em = _median(base)
        em_fts = _median(fts)
        cold_ratio = sec["total"] / em if em else float("inf")
        inc_ratio = inc["total"] / sec["total"] if sec["total"] else float("inf")
        ratio = sec["write"] / em if em else float("inf")
        ratio_fts = sec["write"] / (em + em_fts) if em + em_fts else float("inf")

        w = 46
        print()
        print(f"LOAD BENCHMARK: {caps} captures ({stats.bytes / 1e6:.1f} MB with the {args.added} added), "
              f"{colds[0]['items']} items, {rows} rows; median of {args.runs} runs; {os.cpu_count()} CPUs")
        print("-" * 74)
        print(f"{'captures per second (cold load total)':<{w}} {caps / sec['total']:>10,.0f}")
        print(f"{'rows per second (write phase)':<{w}} {rows / sec['write']:>10,.0f}")
        print(f"{'rows per second (plain executemany)':<{w}} {n_rows / em:>10,.0f}")
        print(f"{'cold load total, in load() (s)':<{w}} {sec['total']:>10.2f}")
        for k in ("read", "extract", "write", "check"):
            print(f"{'  ' + k + ' phase (s)':<{w}} {sec[k]:>10.2f}")
        print(f"{'cold load process wall, imports included (s)':<{w}} {wall:>10.2f}")
        print(f"{f'incremental load (+{args.added}), in load() (s)':<{w}} {inc['total']:>10.2f}")
        for k in ("read", "extract", "write", "check"):
            print(f"{'  ' + k + ' phase (s)':<{w}} {inc[k]:>10.2f}")
        print(f"{'incremental load process wall (s)':<{w}} {inc_wall:>10.2f}")
        print(f"{'plain executemany, one transaction (s)':<{w}} {em:>10.2f}")
        print(f"{'  + FTS build as the loader does it (s)':<{w}} {em_fts:>10.2f}")
        print(f"{'ratio cold load / executemany':<{w}} {cold_ratio:>10.2f}x")
        print(f"{'ratio incremental / cold load':<{w}} {inc_ratio:>10.2f}x")
        print(f"{'ratio write / executemany':<{w}} {ratio:>10.2f}x")
        print(f"{'ratio write / (executemany + FTS build)':<{w}} {ratio_fts:>10.2f}x")
        print("-" * 74)
        print(f"goal: cold load at most {GOAL_COLD_RATIO:.0f}x plain executemany: {cold_ratio:.2f}x"
              f" -> {'MET' if cold_ratio <= GOAL_COLD_RATIO else 'MISSED'}")
        print(f"goal: incremental load (+{args.added}) at most {GOAL_INCREMENTAL_RATIO}x the cold load: "
              f"{inc_ratio:.2f}x -> {'MET' if inc_ratio <= GOAL_INCREMENTAL_RATIO else 'MISSED'}")
        print(f"goal: incremental database identical to a cold load's: {'MET' if same else 'MISSED'}")
        print(f"goal: write phase within {GOAL_WRITE_RATIO:.0f}x of plain executemany: {ratio:.2f}x"
              f" -> {'MET' if ratio <= GOAL_WRITE_RATIO else 'MISSED'}"
              f" (write includes the FTS build; against executemany + FTS: {ratio_fts:.2f}x)")

        code_after = code_fingerprint("etl")
        print(f"code measured: etl/ {code_before}" + ("" if code_after == code_before else
              f" -> {code_after}: WARNING etl/ changed during the run, the runs mix versions"))
        if args.profile:
            print(profile_load(raw, td / "profile" / "saylav.db"))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
