"""`saylav release`: database, CSVs, datapackage.json (Frictionless), Popolo JSON, CITATION.cff, sums."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from etl.cli import cli
from etl.release import content_hash, make_release, validate_datapackage
from etl.version import __version__


@pytest.fixture(scope="module")
def release(site_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("release") / "release"
    result = CliRunner().invoke(cli, ["release", "--db", str(site_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "is valid" in result.output
    return out


def public_tables(db: Path) -> set[str]:
    conn = sqlite3.connect(db)
    names = {n for (n,) in conn.execute("select name from sqlite_master where type = 'table'")}
    return {n for n in names if not n.startswith("news_items_fts") and not n.startswith("sqlite_")}


def test_the_folder_holds_every_file_and_the_sums_check(release, site_db):
    tables = public_tables(site_db)
    assert {"news_items", "people", "elected_members", "meeting_participants", "turnout_snapshots"} <= tables
    for name in ["saylav.db", "datapackage.json", "popolo.json", "CITATION.cff", "README.md", "SHA256SUMS"]:
        assert (release / name).is_file(), name
    assert {p.stem for p in (release / "csv").glob("*.csv")} == tables
    assert {p.stem for p in (release / "csv-excel").glob("*.csv")} == tables
    assert (release / "saylav.db").read_bytes() == site_db.read_bytes()
    lines = (release / "SHA256SUMS").read_text().splitlines()
    assert len(lines) == 5 + 2 * len(tables)
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest, name
    assert not any(release.parent.glob("*.tmp"))


def test_csvs_are_utf8_and_the_excel_variant_has_a_byte_order_mark(release, site_db):
    conn = sqlite3.connect(site_db)
    for path in (release / "csv").glob("*.csv"):
        plain = path.read_bytes()
        excel = (release / "csv-excel" / path.name).read_bytes()
        assert not plain.startswith(b"\xef\xbb\xbf")
        assert excel == b"\xef\xbb\xbf" + plain
        rows = list(csv.DictReader(plain.decode("utf-8").splitlines(keepends=True)))
        assert len(rows) == conn.execute(f"select count(*) from [{path.stem}]").fetchone()[0], path.name
    names = (release / "csv" / "person_names.csv").read_text(encoding="utf-8")
    assert "Мырадов" in names  # Cyrillic kept as is
    # NULL is an empty cell, never "None"
    snaps = list(csv.DictReader((release / "csv" / "turnout_snapshots.csv").open(encoding="utf-8")))
    final = [s for s in snaps if s["is_final"] == "1"]
    assert final and all(s["as_of_hour"] == "" for s in final)
    assert "None" not in (release / "csv" / "turnout_snapshots.csv").read_text()


def test_datapackage_describes_every_resource_and_field_with_licence_and_source(release, site_db):
    package = json.loads((release / "datapackage.json").read_text())
    assert package["version"] == __version__
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"][0]["path"] == "https://saylav.gov.tm"
    assert package["saylav"]["database_content_sha256"] == content_hash(site_db)
    assert {r["name"] for r in package["resources"]} == public_tables(site_db)
    for resource in package["resources"]:
        assert resource["description"] and resource["path"] == f"csv/{resource['name']}.csv"
        for f in resource["schema"]["fields"]:
            assert f["description"] and not f["description"].startswith("Column "), (resource["name"], f["name"])
    by_name = {r["name"]: r for r in package["resources"]}
    snaps = {f["name"]: f for f in by_name["turnout_snapshots"]["schema"]["fields"]}
    assert snaps["overall_pct"]["type"] == "number" and snaps["is_final"]["type"] == "boolean"
    assert by_name["item_sightings"]["schema"]["primaryKey"] == ["news_item_id", "capture_id", "position", "line"]
    assert {"fields": "person_id", "reference": {"resource": "people", "fields": "id"}} in \
        by_name["elected_members"]["schema"]["foreignKeys"]


def test_frictionless_accepts_the_package_and_catches_a_changed_file(release, tmp_path):
    assert validate_datapackage(release / "datapackage.json") == []
    broken = tmp_path / "broken"
    shutil.copytree(release, broken)
    people = broken / "csv" / "people.csv"
    people.write_text(people.read_text(encoding="utf-8") + "someone-x,Some One\r\n", encoding="utf-8")
    assert validate_datapackage(broken / "datapackage.json")  # size and hash no longer match


def test_popolo_people_organisations_and_memberships(release, site_db):
    pop = json.loads((release / "popolo.json").read_text(encoding="utf-8"))
    conn = sqlite3.connect(site_db)
    persons = {p["id"]: p for p in pop["persons"]}
    orgs = {o["id"] for o in pop["organizations"]}
    areas = {a["id"] for a in pop["areas"]}
    assert set(persons) == {r[0] for r in conn.execute("select id from people")}
    assert {"name": "Гулмырат Мырадов", "note": "spelling seen in ru"} in persons["muradov-g"]["other_names"]
    seats = [m for m in pop["memberships"] if m["id"].startswith("seat-")]
    meetings = [m for m in pop["memberships"] if m["id"].startswith("meeting-")]
    assert len(seats) == conn.execute("select count(*) from elected_members").fetchone()[0] > 0
    assert len(meetings) == conn.execute("select count(*) from meeting_participants").fetchone()[0] > 0
    assert any(m.get("organization_id") == "osce-odihr" for m in meetings)
    for m in pop["memberships"]:
        assert m["person_id"] in persons
        assert m.get("organization_id") is None or m["organization_id"] in orgs
        assert m.get("area_id") is None or m["area_id"] in areas
        assert m["sources"] and m["sources"][0]["note"].startswith("news item ")
    assert all(s["organization_id"] == "body-mejlis" and s["start_date"] == "2023-03-26" for s in seats)
    assert {e["id"] for e in pop["events"]} == {r[0] for r in conn.execute("select id from elections")}


def test_citation_names_this_version_and_the_data_licence(release):
    import yaml

    cff = yaml.safe_load((release / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset"
    assert cff["version"] == __version__ and cff["license"] == "CC-BY-4.0"
    assert str(cff["date-released"])[:4].isdigit()
    repo = yaml.safe_load((Path(__file__).resolve().parent.parent / "CITATION.cff").read_text(encoding="utf-8"))
    assert repo["version"] == __version__  # the repository's file follows pyproject.toml


def test_content_hash_follows_rows_not_file_layout(site_db, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(site_db, copy)
    conn = sqlite3.connect(copy)
    conn.execute("vacuum")
    conn.close()
    assert content_hash(copy) == content_hash(site_db)
    conn = sqlite3.connect(copy)
    conn.execute("update people set name = name || ' ' where rowid = (select min(rowid) from people)")
    conn.commit()
    conn.close()
    assert content_hash(copy) != content_hash(site_db)


def test_release_is_deterministic_for_a_fixed_date(site_db, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    a = make_release(site_db, tmp_path / "a")
    b = make_release(site_db, tmp_path / "b")
    assert (tmp_path / "a" / "SHA256SUMS").read_text() == (tmp_path / "b" / "SHA256SUMS").read_text()
    assert a.content_hash == b.content_hash


def test_a_missing_database_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(cli, ["release", "--db", str(tmp_path / "nope.db"), "-o", str(tmp_path / "r")])
    assert result.exit_code == 1
    assert "does not exist: run `saylav load`" in result.output
    assert not (tmp_path / "r").exists()


def test_every_command_and_option_has_help():
    import click

    for name, command in cli.commands.items():
        assert command.help or command.short_help, name
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"saylav {name} {param.opts}"
