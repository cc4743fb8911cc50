"""metadata.yml documents the built schema: every table, view and column, and nothing else."""
from __future__ import annotations

import sqlite3

import yaml

from etl.serve import METADATA


def built_schema(db):
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like 'news_items_fts%' "
        "and name not like 'sqlite_%'")]
    return {n: [r[1] for r in conn.execute(f"pragma table_info([{n}])")] for n in names}


def documented():
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return meta, meta["databases"]["saylav"]["tables"]


def test_every_table_and_column_is_described(bundled_db):
    _, tables = documented()
    for name, columns in built_schema(bundled_db).items():
        assert name in tables, f"table {name} is not in metadata.yml"
        assert tables[name].get("description"), f"table {name} has no description"
        described = tables[name].get("columns", {})
        for col in columns:
            assert described.get(col), f"column {name}.{col} is not described"


def test_nothing_is_described_that_does_not_exist(bundled_db):
    _, tables = documented()
    schema = built_schema(bundled_db)
    for name, spec in tables.items():
        if name == "news_items_fts":
            continue
        assert name in schema, f"metadata.yml describes {name}, which the database does not have"
        for col in spec.get("columns", {}):
            assert col in schema[name], f"metadata.yml describes {name}.{col}, which does not exist"
        for facet in spec.get("facets", []):
            facet = facet if isinstance(facet, str) else next(iter(facet.values()))  # {date: column}
            assert facet in schema[name], f"facet {name}.{facet} does not exist"
        if spec.get("label_column"):
            assert spec["label_column"] in schema[name]


def test_facets_have_indexes_behind_them(bundled_db):
    _, tables = documented()
    conn = sqlite3.connect(bundled_db)
    for name, spec in tables.items():
        for facet in spec.get("facets", []):
            facet = facet if isinstance(facet, str) else next(iter(facet.values()))  # {date: column}
            cols = {r[2] for idx in conn.execute(f"pragma index_list([{name}])")
                    for r in conn.execute(f"pragma index_info([{idx[1]}])") if r[0] == 0}
            is_view = conn.execute("select type from sqlite_master where name = ?", (name,)).fetchone()[0] == "view"
            assert is_view or facet in cols, f"facet {name}.{facet} has no index leading with it"


def test_archive_says_what_it_is_and_its_source():
    meta, _ = documented()
    assert meta["source_url"] == "https://saylav.gov.tm"
    assert "What it is" in meta["description_html"] and "What it is not" in meta["description_html"]
    queries = meta["databases"]["saylav"]["queries"]
    assert {"turnout_through_polling_day", "meetings_of_a_person"} <= set(queries)


def test_documented_values_cover_what_the_code_produces():
    """Every kind and date basis the loader can write is named in the column's description."""
    import re
    from pathlib import Path

    from etl.facts.kinds import KINDS

    _, tables = documented()
    cols = tables["news_items"]["columns"]
    for kind in KINDS:
        assert f"`{kind}`" in cols["kind"], kind
    load_src = (Path(__file__).parent.parent / "etl" / "dating.py").read_text()
    bases = set(re.findall(r'_set\([^)]*"([a-z-]+)"\)', load_src))
    assert bases >= {"text", "site-id", "list-neighbours"}
    for basis in bases:
        assert f"`{basis}`" in cols["date_basis"], basis
