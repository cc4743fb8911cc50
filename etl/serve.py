"""How the archive is served: one place for Datasette's settings, used by `saylav serve` and tests.

The database is opened immutable with its inspect file (no locking, counts precomputed); SQL time
and row limits stay on; facet suggestions are off (each costs a query per column on every page).

`serve()` runs it with uvicorn as `datasette serve` would, plus the limits that only the server
process can set: SQLite's heap as a whole is capped (SQLITE_HEAP_LIMIT: past it a query fails with
"out of memory" instead of growing the process), request heads are read up to 64 KiB so the
414/431 answers of plugins/request_limits.py are what clients see, at most MAX_CONNECTIONS
requests are handled at once (more get 503) and idle keep-alive connections close after 5 s.
Together with the per-query limits of plugins/sql_limits.py and the byte-bounded result cache of
plugins/query_cache.py this keeps the server under MEMORY_BOUND_MB of RSS under the attacks of
tests/test_server_attacks.py.
"""
from __future__ import annotations

import json
from pathlib import Path

from saylav_site.assets import METADATA, PACKAGE_DIR, STATIC_DIR, TEMPLATES_DIR, site_metadata  # noqa: F401
# the name the site's pages, links, metadata and download (/saylav.db) use for the database
from saylav_site.site_data import DATABASE

# The site's plugins are the installed package `saylav_site` (registered through the `datasette`
# entry point); its templates, /static/ files and metadata come with it. No --plugins-dir.
PLUGINS_DIR = PACKAGE_DIR

SETTINGS = {
    "suggest_facets": False,
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "default_page_size": 50,  # rows per HTML/JSON page; `_size=` up to max_returned_rows, `_size=max`
    "facet_time_limit_ms": 500,
    "default_cache_ttl": 300,
    "allow_download": True,
    "max_csv_mb": 0,  # a full-table CSV is never cut short (see plugins for the streaming guard)
    "num_sql_threads": 3,
    "truncate_cells_html": 280,  # long bodies are cut in table views (full text on the row page, JSON, CSV)
}


def datasette_args(db_path: Path, inspect_path: Path | None = None) -> dict:
    """Keyword arguments for `datasette.app.Datasette` serving the archive at `db_path`."""
    from .build import inspect_for

    # only inspect data that describes this very file (its sha256): never another build's
    inspect_data = inspect_for(db_path, inspect_path)
    if inspect_data is not None:  # keyed by the name it is served under (make_app)
        inspect_data = {DATABASE: inspect_data[db_path.stem]}
    kwargs = dict(
        immutables=[str(db_path)],
        inspect_data=inspect_data,
        metadata=site_metadata(),
        settings=dict(SETTINGS),
        cors=True,
    )
    return kwargs


def make_app(db_path: Path, inspect_path: Path | None = None):
    """A Datasette instance serving the archive, as `make serve` runs it.

    The database is served as `saylav` whatever its file is called (`saylav serve --db other.db`):
    Datasette names a database after its file, and the site's pages and links ask for `saylav`."""
    from datasette.app import Datasette

    db_path = Path(db_path)
    ds = Datasette(**datasette_args(db_path, inspect_path))
    if db_path.stem != DATABASE:
        database = ds.databases[db_path.stem]
        ds.remove_database(db_path.stem)
        ds.add_database(database, name=DATABASE)
    return ds


SQLITE_HEAP_LIMIT = 128 * 1024 * 1024
MAX_CONNECTIONS = 64
MEMORY_BOUND_MB = 300
UVICORN = {
    "http": "h11",
    "h11_max_incomplete_event_size": 64 * 1024,
    "limit_concurrency": MAX_CONNECTIONS,
    "timeout_keep_alive": 5,
    "lifespan": "on",
    "log_level": "info",
}


def limit_sqlite_heap(limit: int = SQLITE_HEAP_LIMIT) -> None:
    """Cap the memory SQLite may use in this process, for every connection (server processes only)."""
    import sqlite3

    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f"pragma hard_heap_limit = {int(limit)}")
    finally:
        conn.close()


def return_freed_memory(threshold: int = 256 * 1024) -> bool:
    """Have glibc's malloc give large freed blocks back to the system at once (True if it could).

    By default glibc raises its mmap threshold up to 32 MB after large blocks are freed, so the
    memory of a large answer stays in the process (RSS) after the answer is gone.
    """
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        return bool(libc.mallopt(m_mmap_threshold, threshold)) and bool(libc.mallopt(m_trim_threshold, 2 * threshold))
    except (OSError, AttributeError):
        return False


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, inspect_path: Path | None = None) -> None:
    """Serve the archive on host:port until interrupted (what `saylav serve` runs)."""
    import uvicorn

    return_freed_memory()
    limit_sqlite_heap()
    ds = make_app(Path(db_path), inspect_path)
    uvicorn.run(ds.app(), host=host, port=port, **UVICORN)


def serve_argv(db_path: Path, host: str, port: int, inspect_path: Path | None = None) -> list[str]:
    """The `datasette serve` command line with the same settings (without the limits of `serve()`)."""
    from .build import inspect_for

    inspect_path = inspect_path or db_path.with_name("inspect.json")
    argv = ["serve", "-i", str(db_path), "--cors", "-h", host, "-p", str(port)]  # metadata: from the plugin
    if inspect_for(db_path, inspect_path) is not None:
        argv += ["--inspect-file", str(inspect_path)]
    for key, value in SETTINGS.items():
        argv += ["--setting", key, json.dumps(value) if isinstance(value, bool) else str(value)]
    return argv
