"""The archive bundled in data/raw: the seed page and the site's captures from the shared set, so
`make serve` on a fresh clone shows a real archive (the exact facts are tested on the seed alone)."""
from __future__ import annotations

import json
import sqlite3

from tests.conftest import BUNDLED_RAW, SEED


def test_every_bundled_capture_has_its_sidecar_with_a_saylav_url():
    captures = [p for p in BUNDLED_RAW.iterdir() if not p.name.endswith(".meta.json")]
    assert SEED in captures and len(captures) > 50
    for p in captures:
        if p == SEED:
            continue
        meta = json.loads(p.with_name(p.name + ".meta.json").read_text())
        assert "saylav" in meta["url"], p.name


def test_the_bundled_archive_loads_into_more_than_a_hundred_items_in_three_languages(tmp_path):
    from etl.load import load

    load(BUNDLED_RAW, tmp_path / "s.db")
    conn = sqlite3.connect(tmp_path / "s.db")
    assert conn.execute("select count(*) from news_items").fetchone()[0] > 100
    assert {r[0] for r in conn.execute("select distinct lang from news_items")} == {"en", "tk", "ru"}
    first, last = conn.execute("select min(published_on), max(published_on) from news_items").fetchone()
    assert first[:4] <= "2016" and last[:4] >= "2025"
    assert conn.execute("select count(*) from captures where url is null").fetchone()[0] <= 1  # the seed has no sidecar
