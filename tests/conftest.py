"""Shared fixtures: the bundled capture loaded once per session into a temporary database."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# the site's fixtures (a corpus with hostile captures, its database and Datasette) for every module
pytest_plugins = ["tests.site_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """data/raw loaded into a temporary database (data/saylav.db is never touched by tests)."""
    from etl.load import load

    out = tmp_path_factory.mktemp("bundled")
    db = out / "saylav.db"
    load(BUNDLED_RAW, db)
    return db


@pytest.fixture
def raw_dir(tmp_path) -> Path:
    d = tmp_path / "raw"
    d.mkdir()
    return d


def write_capture(raw: Path, name: str, text: str | bytes, url: str | None = None,
                  fetched_at: str | None = None) -> Path:
    """Write a capture file (and its sidecar when a url or fetch time is given)."""
    import json

    path = raw / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    if url or fetched_at:
        (raw / (name + ".meta.json")).write_text(json.dumps({"url": url, "fetched_at": fetched_at}))
    return path


def copy_bundled(raw: Path) -> None:
    for p in BUNDLED_RAW.iterdir():
        shutil.copy(p, raw)
