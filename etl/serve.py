"""How the archive is served: one place for Datasette's settings, used by `saylav serve` and tests.

The database is opened immutable with its inspect file (no locking, counts precomputed); SQL time
and row limits stay on; facet suggestions are off (each costs a query per column on every page).
"""
from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
PLUGINS_DIR = ROOT / "plugins"
TEMPLATES_DIR = ROOT / "templates"
STATIC_DIR = ROOT / "static"

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
    import yaml

    from .build import inspect_for

    # only inspect data that describes this very file (its sha256): never another build's
    inspect_data = inspect_for(db_path, inspect_path)
    kwargs = dict(
        immutables=[str(db_path)],
        inspect_data=inspect_data,
        metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8")),
        settings=dict(SETTINGS),
        cors=True,
    )
    if PLUGINS_DIR.exists():
        kwargs["plugins_dir"] = str(PLUGINS_DIR)
    if TEMPLATES_DIR.exists():
        kwargs["template_dir"] = str(TEMPLATES_DIR)
    if STATIC_DIR.exists():
        kwargs["static_mounts"] = [("static", str(STATIC_DIR))]
    return kwargs


def make_app(db_path: Path, inspect_path: Path | None = None):
    """A Datasette instance serving the archive, as `make serve` runs it."""
    from datasette.app import Datasette

    return Datasette(**datasette_args(Path(db_path), inspect_path))


def serve_argv(db_path: Path, host: str, port: int, inspect_path: Path | None = None) -> list[str]:
    """The `datasette serve` command line with the same settings."""
    from .build import inspect_for

    inspect_path = inspect_path or db_path.with_name("inspect.json")
    argv = ["serve", "-i", str(db_path), "--metadata", str(METADATA), "--cors", "-h", host, "-p", str(port)]
    if inspect_for(db_path, inspect_path) is not None:
        argv += ["--inspect-file", str(inspect_path)]
    if PLUGINS_DIR.exists():
        argv += ["--plugins-dir", str(PLUGINS_DIR)]
    if TEMPLATES_DIR.exists():
        argv += ["--template-dir", str(TEMPLATES_DIR)]
    if STATIC_DIR.exists():
        argv += ["--static", f"static:{STATIC_DIR}"]
    for key, value in SETTINGS.items():
        argv += ["--setting", key, json.dumps(value) if isinstance(value, bool) else str(value)]
    return argv
