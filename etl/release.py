"""`saylav release`: the archive as a dataset people can download, validate and cite.

A release folder holds:

    saylav.db            the SQLite database, as served
    csv/TABLE.csv        one CSV per public table, UTF-8 (RFC 4180: comma, double quotes, CRLF)
    csv-excel/TABLE.csv  the same with a UTF-8 byte-order mark, so Excel shows Turkmen and Russian
    datapackage.json     Frictionless Data Package: every resource and field described from
                         metadata.yml, types, primary and foreign keys, licence and sources
    popolo.json          people, organisations, areas, elections and memberships (meeting
                         participation, seats won) in the Popolo / EveryPolitician style
    CITATION.cff         how to cite the archive (this version)
    README.md            what the files are, the licence, the database's content hash
    SHA256SUMS           `sha256sum -c SHA256SUMS` checks every file above

Public tables are the database's tables less full-text-search tables and those metadata.yml
hides; NULL is an empty CSV cell. Nothing here changes the database.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .version import __version__

DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
CODE_LICENSE = "MIT"
SOURCE = {
    "title": "saylav.gov.tm: Central Commission for Elections and Referendums in Turkmenistan",
    "path": "https://saylav.gov.tm",
}
DATAPACKAGE_NAME = "saylav-archive"
FILES_IN_ORDER = ["saylav.db", "datapackage.json", "popolo.json", "CITATION.cff", "README.md"]


class ReleaseError(Exception):
    """The release cannot be made (no database, unreadable metadata, ...)."""


@dataclass
class Release:
    folder: Path
    tables: list[str]
    rows: dict[str, int]
    content_hash: str
    files: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"{len(self.tables)} tables ({sum(self.rows.values())} rows), {len(self.files)} files, "
                f"content hash {self.content_hash[:16]}")


# --------------------------------------------------------------------------- the database


def _connect(db_path: Path) -> sqlite3.Connection:
    if not Path(db_path).is_file():
        raise ReleaseError(f"{db_path} does not exist: run `saylav load` (or `make load`) first")
    uri = Path(db_path).resolve().as_uri() + "?mode=ro&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _derived_tables(conn: sqlite3.Connection) -> set[str]:
    """Full-text-search tables and their shadow tables (rebuilt from news_items, never published)."""
    virtual = [name for (name,) in conn.execute(
        "select name from sqlite_master where type = 'table' and sql like 'CREATE VIRTUAL TABLE%'")]
    tables = [name for (name,) in conn.execute("select name from sqlite_master where type = 'table'")]
    out = set(virtual)
    for v in virtual:
        out |= {t for t in tables if t.startswith(v + "_")}
    return out


def public_tables(conn: sqlite3.Connection, metadata: dict) -> list[str]:
    """Tables to publish, in metadata.yml's order, then any others by name."""
    meta_tables = (((metadata.get("databases") or {}).get("saylav") or {}).get("tables") or {})
    present = [name for (name,) in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")]
    skip = _derived_tables(conn) | {t for t, m in meta_tables.items() if (m or {}).get("hidden")}
    chosen = [t for t in present if t not in skip and not t.startswith("_")]
    order = {name: i for i, name in enumerate(meta_tables)}
    return sorted(chosen, key=lambda t: (order.get(t, len(order)), t))


def content_hash(db_path: Path) -> str:
    """sha256 of what the database says: its schema and every row of every table in a fixed order.

    Unlike the file's own hash it does not change when SQLite lays out the same rows differently
    (page order, free pages, a VACUUM), so `saylav publish --if-changed` and the CDN keys follow
    the content. Full-text-search tables are skipped: they are derived from news_items.
    """
    conn = _connect(db_path)
    try:
        h = hashlib.sha256()
        derived = _derived_tables(conn)
        for name, sql in conn.execute(
                "select name, sql from sqlite_master where sql is not null order by type, name"):
            if name in derived:
                continue
            h.update(b"schema\0" + name.encode() + b"\0" + (sql or "").encode() + b"\0")
        tables = [n for (n,) in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")]
        for table in tables:
            if table in derived:
                continue
            ncols = len(conn.execute(f"select * from [{table}] limit 0").description)
            order = ", ".join(str(i + 1) for i in range(ncols))
            h.update(b"table\0" + table.encode() + b"\0")
            for row in conn.execute(f"select * from [{table}] order by {order}"):
                h.update(json.dumps(row, ensure_ascii=False, default=_blob).encode() + b"\n")
        return h.hexdigest()
    finally:
        conn.close()


def _blob(value):
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError(type(value))


# --------------------------------------------------------------------------- metadata


def load_metadata(path: Path | None = None) -> dict:
    import yaml

    if path is None:
        from saylav_site.assets import METADATA as path
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as e:
        raise ReleaseError(f"cannot read the metadata {path}: {e}") from e


def _strip_markup(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text or "")).strip()


def _field_type(decl: str, name: str) -> dict:
    decl = (decl or "").upper()
    if name.startswith("is_") and "INT" in decl:
        return {"type": "boolean", "trueValues": ["1"], "falseValues": ["0"]}
    if "INT" in decl:
        return {"type": "integer"}
    if any(k in decl for k in ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL")):
        return {"type": "number"}
    return {"type": "string"}


def table_schema(conn: sqlite3.Connection, table: str, columns_meta: dict, published: set[str]) -> dict:
    fields = []
    pk = []
    for _cid, name, decl, _notnull, _default, pk_pos in conn.execute(f"pragma table_info([{table}])"):
        f = {"name": name, **_field_type(decl, name)}
        description = columns_meta.get(name)
        f["description"] = str(description).strip() if description else f"Column {name} of {table}."
        fields.append(f)
        if pk_pos:
            pk.append((pk_pos, name))
    schema: dict = {"fields": fields, "missingValues": [""]}
    if pk:
        keys = [n for _, n in sorted(pk)]
        schema["primaryKey"] = keys if len(keys) > 1 else keys[0]
    fks = []
    for row in conn.execute(f"pragma foreign_key_list([{table}])"):
        _id, _seq, ref_table, from_col, to_col = row[:5]
        if ref_table in published:
            fks.append({"fields": from_col, "reference": {"resource": ref_table, "fields": to_col or "id"}})
    if fks:
        schema["foreignKeys"] = sorted(fks, key=lambda f: f["fields"])
    return schema


# --------------------------------------------------------------------------- writers


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.hex()
    return value


def write_csvs(conn: sqlite3.Connection, table: str, utf8: Path, excel: Path) -> int:
    cur = conn.execute(f"select * from [{table}] order by rowid" if _has_rowid(conn, table)
                       else f"select * from [{table}]")
    header = [d[0] for d in cur.description]
    n = 0
    with open(utf8, "w", encoding="utf-8", newline="") as a, open(excel, "w", encoding="utf-8-sig", newline="") as b:
        wa, wb = csv.writer(a), csv.writer(b)
        wa.writerow(header)
        wb.writerow(header)
        for row in cur:
            values = [_csv_value(v) for v in row]
            wa.writerow(values)
            wb.writerow(values)
            n += 1
    return n


def _has_rowid(conn: sqlite3.Connection, table: str) -> bool:
    try:
        conn.execute(f"select rowid from [{table}] limit 0")
        return True
    except sqlite3.OperationalError:
        return False


def _rows(conn: sqlite3.Connection, sql: str, params=()) -> list[dict]:
    cur = conn.execute(sql, params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"pragma table_info([{table}])")}


def popolo(conn: sqlite3.Connection, base_url: str = "https://saylav.gov.tm") -> dict:
    """People, organisations, areas, elections and memberships in Popolo (EveryPolitician style).

    - persons: the people table, with every other spelling (and its language) from person_names;
    - organizations: the organisations named in roles (classification `organization`), and one
      organisation per elected body that has seats in the data (`legislature`, id `body-{body}`);
    - areas: constituencies (with their region as parent when known) and regions;
    - events: elections (classification `general election` or `by-election`);
    - memberships: a seat won (person in the body, for the constituency's area, from polling day,
      with the election as legislative event) and a meeting participation (person in the
      organisation the role names, with the role as printed). Every membership has its source
      item under `sources`.
    """
    tables = {n for (n,) in conn.execute("select name from sqlite_master where type = 'table'")}

    def have(t):
        return t in tables

    source_urls: dict[str, str] = {}
    if have("news_items"):
        for r in _rows(conn, "select id, url from news_items"):
            source_urls[r["id"]] = r["url"]

    def sources(news_item_id):
        if not news_item_id:
            return []
        s = {"note": f"news item {news_item_id}"}
        if source_urls.get(news_item_id):
            s["url"] = source_urls[news_item_id]
        return [s]

    persons = []
    if have("people"):
        names: dict[str, list[dict]] = {}
        if have("person_names"):
            for r in _rows(conn, "select person_id, name, lang from person_names order by person_id, lang, name"):
                names.setdefault(r["person_id"], []).append({"name": r["name"], "lang": r["lang"]})
        for p in _rows(conn, "select id, name from people order by id"):
            person = {"id": p["id"], "name": p["name"]}
            others = [n for n in names.get(p["id"], []) if n["name"] != p["name"]]
            if others:
                person["other_names"] = [{"name": n["name"], "note": f"spelling seen in {n['lang']}"}
                                         for n in others]
            persons.append(person)

    organizations = []
    if have("organizations"):
        org_names: dict[str, list[dict]] = {}
        if have("organization_names"):
            for r in _rows(conn, "select organization_id, name, lang from organization_names "
                                 "order by organization_id, lang, name"):
                org_names.setdefault(r["organization_id"], []).append(r)
        for o in _rows(conn, "select id, name, abbreviation from organizations order by id"):
            org = {"id": o["id"], "name": o["name"], "classification": "organization"}
            other = [{"name": o["abbreviation"], "note": "abbreviation"}] if o.get("abbreviation") else []
            other += [{"name": n["name"], "note": f"spelling seen in {n['lang']}"}
                      for n in org_names.get(o["id"], []) if n["name"] not in (o["name"], o.get("abbreviation"))]
            if other:
                org["other_names"] = other
            organizations.append(org)

    areas = []
    if have("regions"):
        for r in _rows(conn, "select * from regions order by id"):
            area = {"id": f"region-{r['id']}", "name": r["name"], "classification": "region"}
            other = [{"name": r[k], "note": lang} for k, lang in (("name_en", "en"), ("name_ru", "ru")) if r.get(k)]
            if other:
                area["other_names"] = other
            areas.append(area)
    region_ids = {a["name"]: a["id"] for a in areas}
    if have("constituencies"):
        for c in _rows(conn, "select id, body, number, name, region from constituencies order by body, number, id"):
            area = {"id": c["id"], "name": c["name"] or f"{c['body']} constituency {c['number']}",
                    "classification": "constituency", "identifier": str(c["number"])}
            if c.get("region") and c["region"] in region_ids:
                area["parent_id"] = region_ids[c["region"]]
            areas.append(area)

    events = []
    elections = {}
    if have("elections"):
        for e in _rows(conn, "select id, body, polling_day, is_by_election, name from elections order by polling_day, id"):
            elections[e["id"]] = e
            events.append({"id": e["id"], "name": e["name"] or e["id"],
                           "classification": "by-election" if e["is_by_election"] else "general election",
                           "start_date": e["polling_day"], "end_date": e["polling_day"],
                           "organization_id": f"body-{e['body']}"})

    memberships = []
    bodies_with_seats = set()
    if have("elected_members"):
        for m in _rows(conn, "select * from elected_members order by election_id, constituency_id, person_id"):
            e = elections.get(m["election_id"]) or {}
            body = e.get("body") or "unknown"
            bodies_with_seats.add(body)
            ms = {"id": f"seat-{m['id']}" if m.get("id") else f"seat-{m['election_id']}-{m['person_id']}",
                  "person_id": m["person_id"], "organization_id": f"body-{body}",
                  "role": "President" if body == "president" else "member",
                  "legislative_period_id": m["election_id"]}
            if m.get("constituency_id"):
                ms["area_id"] = m["constituency_id"]
            if e.get("polling_day"):
                ms["start_date"] = e["polling_day"]
            if m.get("occupation"):
                ms["label"] = m["occupation"]
            ms["sources"] = sources(m.get("news_item_id"))
            memberships.append(ms)
    if have("meeting_participants") and have("meetings"):
        for m in _rows(conn, """select mp.meeting_id, mp.person_id, mp.role, mp.organization_id,
                                       mt.news_item_id, coalesce(mt.held_on, n.published_on) as on_day
                                from meeting_participants mp join meetings mt on mt.id = mp.meeting_id
                                left join news_items n on n.id = mt.news_item_id
                                order by mp.meeting_id, mp.person_id"""):
            ms = {"id": f"meeting-{m['meeting_id']}-{m['person_id']}", "person_id": m["person_id"],
                  "role": m["role"] or "participant"}
            if m["organization_id"]:
                ms["organization_id"] = m["organization_id"]
            if m["on_day"]:
                ms["start_date"] = ms["end_date"] = m["on_day"]
            ms["sources"] = sources(m["news_item_id"])
            memberships.append(ms)
    for body in sorted(bodies_with_seats | {e["body"] for e in elections.values() if e.get("body")}):
        organizations.append({"id": f"body-{body}", "name": _BODY_NAMES.get(body, body),
                              "classification": "legislature" if body != "president" else "executive"})
    return {"persons": persons, "organizations": organizations, "areas": areas, "events": events,
            "memberships": memberships,
            "meta": {"source": base_url, "generator": f"saylav-archive {__version__}",
                     "license": DATA_LICENSE["path"]}}


_BODY_NAMES = {
    "mejlis": "Mejlis of Turkmenistan",
    "halk-maslahaty": "Halk Maslahaty of the Milli Gengesh of Turkmenistan",
    "president": "Presidency of Turkmenistan",
    "velayat-maslahaty": "Velayat halk maslahaty",
    "etrap-maslahaty": "Etrap and city halk maslahaty",
    "gengesh": "Gengesh",
}


def citation_cff(template: Path | None, released: str, db_hash: str) -> str:
    """CITATION.cff for this release: the repository's file with this version and date."""
    text = template.read_text(encoding="utf-8") if template and template.exists() else DEFAULT_CITATION
    text = re.sub(r"^version: .*$", f'version: "{__version__}"', text, flags=re.M)
    text = re.sub(r"^date-released: .*$", f"date-released: {released}", text, flags=re.M)
    if "date-released:" not in text:
        text = text.rstrip("\n") + f"\ndate-released: {released}\n"
    return text.rstrip("\n") + f"\n# database content sha256: {db_hash}\n"


DEFAULT_CITATION = """cff-version: 1.2.0
message: "If you use this archive, please cite it as below."
type: dataset
title: "saylav-archive: an open-data archive of saylav.gov.tm"
authors:
  - name: "saylav-archive maintainers"
version: "0"
license: CC-BY-4.0
"""


def datapackage(conn: sqlite3.Connection, tables: list[str], metadata: dict, folder: Path,
                created: str, db_hash: str) -> dict:
    meta_tables = (((metadata.get("databases") or {}).get("saylav") or {}).get("tables") or {})
    published = set(tables)
    resources = []
    for table in tables:
        tmeta = meta_tables.get(table) or {}
        path = f"csv/{table}.csv"
        resources.append({
            "name": table,
            "path": path,
            "title": table.replace("_", " "),
            "description": (tmeta.get("description") or f"Table {table} of the archive.").strip(),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": (folder / path).stat().st_size,
            "hash": "sha256:" + _sha256_file(folder / path),
            "schema": table_schema(conn, table, tmeta.get("columns") or {}, published),
        })
    return {
        "profile": "tabular-data-package",
        "name": DATAPACKAGE_NAME,
        "id": f"{DATAPACKAGE_NAME}-{__version__}-{db_hash[:16]}",
        "title": metadata.get("title") or DATAPACKAGE_NAME,
        "description": _strip_markup(metadata.get("description_html") or metadata.get("description") or ""),
        "version": __version__,
        "created": created,
        "homepage": SOURCE["path"],
        "keywords": ["Turkmenistan", "elections", "turnout", "Central Commission for Elections and Referendums"],
        "licenses": [dict(DATA_LICENSE)],
        "sources": [dict(SOURCE)],
        "contributors": [{"title": "saylav-archive maintainers", "role": "author"}],
        "saylav": {"database": "saylav.db", "database_content_sha256": db_hash, "code_license": CODE_LICENSE,
                   "csv_excel_variant": "csv-excel/ (same rows, UTF-8 with byte-order mark)"},
        "resources": resources,
    }


README = """# saylav-archive data release {version}

An open-data archive of the news published by Turkmenistan's Central Commission for Elections and
Referendums on https://saylav.gov.tm (English, Turkmen and Russian), and the facts read from them.

| file | what |
|---|---|
| `saylav.db` | the SQLite database (open with `sqlite3`, Datasette, DB Browser for SQLite) |
| `csv/TABLE.csv` | one CSV per table, UTF-8 ({n_tables} tables, {n_rows} rows) |
| `csv-excel/TABLE.csv` | the same CSVs with a UTF-8 byte-order mark, for Microsoft Excel |
| `datapackage.json` | Frictionless Data Package describing every table and column (`frictionless validate datapackage.json`) |
| `popolo.json` | people, organisations, areas, elections and memberships in the Popolo format |
| `CITATION.cff` | how to cite this release |
| `SHA256SUMS` | checksums: `sha256sum -c SHA256SUMS` |

Empty CSV cells are NULL (not stated or not readable), never zero. Figures are as printed.

Database content hash (sha256 of schema and rows): `{db_hash}`.
Created {created} by saylav-archive {version}.

## Licence

Data: {license_title} ({license_url}) for the archive's selection and structure; the texts are
public statements of the Commission, reproduced as published with their source. Code: MIT.
"""


def make_release(db_path: Path, out: Path, metadata_path: Path | None = None,
                 citation: Path | None = None, created: str | None = None) -> Release:
    """Write the release folder `out` (replaced whole: built beside it, then moved into place)."""
    db_path, out = Path(db_path), Path(out)
    metadata = load_metadata(metadata_path)
    if created is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
        created = now.replace(microsecond=0).isoformat().replace("+00:00", "Z")
    db_hash = content_hash(db_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "csv").mkdir(parents=True)
    (tmp / "csv-excel").mkdir()
    conn = _connect(db_path)
    try:
        tables = public_tables(conn, metadata)
        if not tables:
            raise ReleaseError(f"{db_path} has no public tables")
        rows = {t: write_csvs(conn, t, tmp / "csv" / f"{t}.csv", tmp / "csv-excel" / f"{t}.csv") for t in tables}
        package = datapackage(conn, tables, metadata, tmp, created, db_hash)
        people = popolo(conn)
    finally:
        conn.close()
    shutil.copyfile(db_path, tmp / "saylav.db")
    _write_json(tmp / "datapackage.json", package)
    _write_json(tmp / "popolo.json", people)
    if citation is None:
        from saylav_site.assets import PACKAGE_DIR

        citation = next((p for p in (PACKAGE_DIR / "meta" / "CITATION.cff", PACKAGE_DIR.parent / "CITATION.cff")
                         if p.exists()), None)
    (tmp / "CITATION.cff").write_text(citation_cff(citation, created[:10], db_hash), encoding="utf-8")
    (tmp / "README.md").write_text(README.format(
        version=__version__, n_tables=len(tables), n_rows=sum(rows.values()), db_hash=db_hash, created=created,
        license_title=DATA_LICENSE["title"], license_url=DATA_LICENSE["path"]), encoding="utf-8")
    files = FILES_IN_ORDER + [f"csv/{t}.csv" for t in tables] + [f"csv-excel/{t}.csv" for t in tables]
    sums = "".join(f"{_sha256_file(tmp / f)}  {f}\n" for f in files)
    (tmp / "SHA256SUMS").write_text(sums, encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    os.replace(tmp, out)
    return Release(folder=out, tables=tables, rows=rows, content_hash=db_hash, files=files + ["SHA256SUMS"])


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def validate_datapackage(path: Path) -> list[str] | None:
    """Problems `frictionless validate` finds in the package (empty when valid); None without frictionless."""
    try:
        from frictionless import validate
    except ImportError:
        return None

    report = validate(str(path))
    if report.valid:
        return []
    out = []
    for task in report.tasks:
        for err in task.errors:
            out.append(f"{task.name}: {err.message}")
    out += [e.message for e in report.errors]
    return out or ["invalid (no detail)"]
