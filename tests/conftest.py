"""Shared fixtures: the seed capture (the one real page the archive started from) loaded once per
session into a temporary database.

data/raw also bundles the site's captures from the shared set, so `make serve` shows a real
archive; the tests' exact facts are asserted on the seed page alone, loaded from its own folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# the site's fixtures (a corpus with hostile captures, its database and Datasette) for every module
pytest_plugins = ["tests.site_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_RAW = ROOT / "data" / "raw"
SEED = BUNDLED_RAW / "000_4eac3ca128b3d98d.txt"  # the seed page: the tests' exact facts are its facts


@pytest.fixture(scope="session")
def bundled_db(tmp_path_factory) -> Path:
    """The seed capture loaded into a temporary database (data/saylav.db is never touched by tests)."""
    from etl.load import load

    out = tmp_path_factory.mktemp("bundled")
    raw = out / "raw"
    raw.mkdir()
    copy_bundled(raw)
    db = out / "saylav.db"
    load(raw, db)
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
    """Copy the seed capture (and its sidecar, if any) into `raw`."""
    for p in (SEED, SEED.with_name(SEED.name + ".meta.json")):
        if p.exists():
            shutil.copy(p, raw)
