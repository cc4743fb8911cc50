"""How the archive is served: one place for Datasette's settings, used by `saylav serve` and tests.

The database is opened immutable with its inspect file (no locking, counts precomputed); SQL time
and row limits stay on; facet suggestions are off (each costs a query per column on every page).
"""
from __future__ import annotations

import json
from pathlib import Path

from saylav_site.assets import METADATA, PACKAGE_DIR, STATIC_DIR, TEMPLATES_DIR, site_metadata  # noqa: F401

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
    inspect_path = inspect_path or db_path.with_name("inspect.json")
    inspect_data = json.loads(inspect_path.read_text()) if inspect_path.exists() else None
    kwargs = dict(
        immutables=[str(db_path)],
        inspect_data=inspect_data,
        metadata=site_metadata(),
        settings=dict(SETTINGS),
        cors=True,
    )
    return kwargs


def make_app(db_path: Path, inspect_path: Path | None = None):
    """A Datasette instance serving the archive, as `make serve` runs it."""
    from datasette.app import Datasette

    return Datasette(**datasette_args(Path(db_path), inspect_path))


def serve_argv(db_path: Path, host: str, port: int, inspect_path: Path | None = None) -> list[str]:
    """The `datasette serve` command line with the same settings."""
    inspect_path = inspect_path or db_path.with_name("inspect.json")
    argv = ["serve", "-i", str(db_path), "--cors", "-h", host, "-p", str(port)]  # metadata: from the plugin
    if inspect_path.exists():
        argv += ["--inspect-file", str(inspect_path)]
    for key, value in SETTINGS.items():
        argv += ["--setting", key, json.dumps(value) if isinstance(value, bool) else str(value)]
    return argv
