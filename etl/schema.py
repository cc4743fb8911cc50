"""The shape of the database: tables, foreign keys, indexes, full-text search and views.

`ensure_shape(db)` is the one function that shapes a database. It is idempotent: run on an empty
file it creates everything; run again it changes nothing. Column order here is the order users see
in Datasette and in CSV exports, so it is written to read well: id first, then what the row is
about, then its source.
"""
from __future__ import annotations

import sqlite_utils
from sqlite_utils.db import DescIndex

FTS_TOKENIZE = "unicode61 remove_diacritics 2"

# (table, columns in order, primary key, foreign keys [(column, other_table, other_column)])
TABLES: list[tuple[str, dict, object, list]] = [
    (
        "captures",
        {
            "id": str,  # sha256 of the bytes
            "path": str,
            "url": str,
            "fetched_at": str,
            "format": str,  # text / html
            "bytes": int,
            "site_id": int,
            "url_lang": str,
            "status": int,
        },
        "id",
        [],
    ),
    (
        "elections",
        {
            "id": str,
            "body": str,
            "polling_day": str,
            "is_by_election": int,
            "name": str,
        },
        "id",
        [],
    ),
    (
        "regions",
        {
            "id": str,
            "name": str,
            "name_en": str,
            "name_ru": str,
        },
        "id",
        [],
    ),
    (
        "constituencies",
        {
            "id": str,
            "body": str,
            "number": int,
            "name": str,
            "region": str,
        },
        "id",
        [],
    ),
    (
        "news_items",
        {
            "id": str,
            "site_id": int,
            "lang": str,
            "published_on": str,
            "year": int,
            "date_text": str,
            "date_basis": str,
            "title": str,
            "slug": str,
            "body": str,
            "snippet": str,
            "kind": str,
            "election_id": str,
            "url": str,
            "is_truncated": int,
            "first_capture_id": str,
        },
        "id",
        [("election_id", "elections", "id"), ("first_capture_id", "captures", "id")],
    ),
    (
        "item_sightings",
        {
            "news_item_id": str,
            "capture_id": str,
            "position": str,
            "line": int,
            "date_text": str,
            "title": str,
        },
        ("news_item_id", "capture_id", "position", "line"),
        [("news_item_id", "news_items", "id"), ("capture_id", "captures", "id")],
    ),
    (
        "item_elections",
        {
            "news_item_id": str,
            "election_id": str,
        },
        ("news_item_id", "election_id"),
        [("news_item_id", "news_items", "id"), ("election_id", "elections", "id")],
    ),
    (
        "turnout_snapshots",
        {
            "id": str,
            "election_id": str,
            "news_item_id": str,
            "as_of": str,
            "as_of_hour": int,
            "is_final": int,
            "overall_pct": float,
            "abroad_pct": float,
            "registered": int,
            "voted": int,
            "statement": str,
        },
        "id",
        [("election_id", "elections", "id"), ("news_item_id", "news_items", "id")],
    ),
    (
        "turnout_by_area",
        {
            "id": str,
            "snapshot_id": str,
            "constituency_id": str,
            "region": str,
            "region_id": str,
            "name_as_printed": str,
            "pct": float,
        },
        "id",
        [
            ("snapshot_id", "turnout_snapshots", "id"),
            ("constituency_id", "constituencies", "id"),
            ("region_id", "regions", "id"),
        ],
    ),
    (
        "people",
        {
            "id": str,
            "name": str,
        },
        "id",
        [],
    ),
    (
        "person_names",
        {
            "person_id": str,
            "name": str,
            "lang": str,
        },
        ("person_id", "name", "lang"),
        [("person_id", "people", "id")],
    ),
    (
        "organizations",
        {
            "id": str,
            "name": str,
            "abbreviation": str,
        },
        "id",
        [],
    ),
    (
        "organization_names",
        {
            "organization_id": str,
            "name": str,
            "lang": str,
        },
        ("organization_id", "name", "lang"),
        [("organization_id", "organizations", "id")],
    ),
    (
        "meetings",
        {
            "id": str,
            "news_item_id": str,
            "held_on": str,
            "place": str,
        },
        "id",
        [("news_item_id", "news_items", "id")],
    ),
    (
        "meeting_participants",
        {
            "meeting_id": str,
            "person_id": str,
            "role": str,
            "organization_id": str,
            "name_as_printed": str,
        },
        ("meeting_id", "person_id"),
        [
            ("meeting_id", "meetings", "id"),
            ("person_id", "people", "id"),
            ("organization_id", "organizations", "id"),
        ],
    ),
    (
        "elected_members",
        {
            "id": str,
            "election_id": str,
            "constituency_id": str,
            "person_id": str,
            "occupation": str,
            "name_as_printed": str,
            "news_item_id": str,
        },
        "id",
        [
            ("election_id", "elections", "id"),
            ("constituency_id", "constituencies", "id"),
            ("person_id", "people", "id"),
            ("news_item_id", "news_items", "id"),
        ],
    ),
    (
        "candidate_results",
        {
            "id": str,
            "election_id": str,
            "person_id": str,
            "name_as_printed": str,
            "pct": float,
            "votes": int,
            "is_elected": int,
            "news_item_id": str,
            "statement": str,
        },
        "id",
        [
            ("election_id", "elections", "id"),
            ("person_id", "people", "id"),
            ("news_item_id", "news_items", "id"),
        ],
    ),
    (
        "parse_issues",
        {
            "id": int,
            "capture_id": str,
            "line": int,
            "problem": str,
            "excerpt": str,
        },
        "id",
        [("capture_id", "captures", "id")],
    ),
]

NOT_NULL = {
    "captures": {"path"},
    "news_items": {"lang"},
    "item_sightings": {"position"},
    "people": {"name"},
    "person_names": {"name"},
    "organizations": {"name"},
    "turnout_by_area": {"snapshot_id"},
    "parse_issues": {"problem"},
    "candidate_results": {"person_id", "pct", "is_elected", "news_item_id"},
}

INDEXES: list[tuple[str, list[str]]] = [
    # facet columns lead, then the default sort with its tie-break (see below)
    ("news_items", ["lang", DescIndex("published_on"), "id"]),
    ("news_items", ["kind", DescIndex("published_on"), "id"]),
    ("news_items", ["year", DescIndex("published_on"), "id"]),
    # Datasette 0.65 orders the first page of a sorted table by the sort column alone and later
    # pages by (sort column, primary key): an index in exactly that order makes SQLite return ties
    # in primary-key order on the first page too, so paging neither skips nor repeats rows.
    ("news_items", [DescIndex("published_on"), "id"]),
    ("captures", [DescIndex("fetched_at"), "id"]),
    ("elections", [DescIndex("polling_day"), "id"]),
    ("meetings", [DescIndex("held_on"), "id"]),
    ("turnout_snapshots", ["as_of", "id"]),
    ("news_items", ["site_id"]),
    ("news_items", ["election_id"]),
    ("item_sightings", ["capture_id"]),
    ("item_sightings", ["position"]),
    ("turnout_snapshots", ["as_of_hour"]),
    ("parse_issues", ["problem"]),
    ("item_elections", ["election_id"]),
    ("turnout_snapshots", ["election_id", "as_of_hour"]),
    ("turnout_snapshots", ["news_item_id"]),
    ("turnout_by_area", ["snapshot_id"]),
    ("turnout_by_area", ["constituency_id"]),
    ("turnout_by_area", ["region_id"]),
    ("person_names", ["name"]),
    ("organization_names", ["name"]),
    ("meetings", ["news_item_id"]),
    ("meetings", ["held_on"]),
    ("meeting_participants", ["person_id"]),
    ("meeting_participants", ["organization_id"]),
    ("elected_members", ["election_id"]),
    ("elected_members", ["person_id"]),
    ("elected_members", ["constituency_id"]),
    ("elected_members", ["news_item_id"]),
    ("candidate_results", ["election_id", DescIndex("pct")]),
    ("candidate_results", ["person_id"]),
    ("candidate_results", ["news_item_id"]),
    ("candidate_results", ["is_elected"]),
    ("constituencies", ["body", "number"]),
    ("elections", ["body"]),
    ("parse_issues", ["capture_id"]),
]

FTS_COLUMNS = ["title", "body", "snippet"]

VIEWS = {
    # one row per story (site_id) with the languages it was seen in
    "stories": """
select
  site_id,
  min(published_on) as published_on,
  group_concat(lang, ',') as languages,
  count(*) as item_count,
  max(case when lang = 'en' then id end) as en_item_id,
  max(case when lang = 'tk' then id end) as tk_item_id,
  max(case when lang = 'ru' then id end) as ru_item_id,
  coalesce(max(case when lang = 'en' then title end),
           max(case when lang = 'tk' then title end),
           max(case when lang = 'ru' then title end)) as title
from (select * from news_items where site_id is not null order by lang)
group by site_id
""",
    # the same election and hour stated with different overall figures by different items
    "turnout_disagreements": """
select
  a.election_id,
  a.as_of_hour,
  a.is_final,
  a.id as snapshot_id,
  a.news_item_id,
  a.overall_pct,
  b.id as other_snapshot_id,
  b.news_item_id as other_news_item_id,
  b.overall_pct as other_overall_pct
from turnout_snapshots a
join turnout_snapshots b
  on a.election_id = b.election_id
 and a.id < b.id
 and coalesce(a.as_of_hour, -1) = coalesce(b.as_of_hour, -1)
 and a.is_final = b.is_final
where a.overall_pct is not null and b.overall_pct is not null
  and a.overall_pct != b.overall_pct
""",
    # figures that cannot be right: over 100 per cent, or falling later in the polling day
    "turnout_anomalies": """
select s.election_id, s.id as snapshot_id, s.news_item_id, s.as_of_hour, s.overall_pct,
       'over 100 per cent' as problem
from turnout_snapshots s
where s.overall_pct > 100 or s.abroad_pct > 100
union all
select s.election_id, a.snapshot_id, s.news_item_id, s.as_of_hour, a.pct,
       'area figure over 100 per cent' as problem
from turnout_by_area a join turnout_snapshots s on s.id = a.snapshot_id
where a.pct > 100
union all
select later.election_id, later.id, later.news_item_id, later.as_of_hour, later.overall_pct,
       'falls from ' || earlier.overall_pct || ' at ' || earlier.as_of_hour || ':00' as problem
from turnout_snapshots later
join turnout_snapshots earlier
  on earlier.election_id = later.election_id
 and earlier.as_of_hour < later.as_of_hour
where later.overall_pct < earlier.overall_pct
""",
    # turnout through polling day, one row per election, hour and area (overall when area is null)
    "turnout_through_the_day": """
select s.election_id, s.as_of_hour, s.is_final, null as constituency_id, null as region,
       'overall' as area, s.overall_pct as pct, s.news_item_id, s.id as snapshot_id
from turnout_snapshots s where s.overall_pct is not null
union all
select s.election_id, s.as_of_hour, s.is_final, a.constituency_id, a.region,
       coalesce(c.number || ' ' || c.name, a.region, a.name_as_printed) as area,
       a.pct, s.news_item_id, s.id
from turnout_by_area a
join turnout_snapshots s on s.id = a.snapshot_id
left join constituencies c on c.id = a.constituency_id
""",
}


def ensure_shape(db: sqlite_utils.Database, fts: bool = True, indexes: bool = True) -> None:
    """Create every table, foreign key, index, FTS table, trigger and view that is missing.

    `fts=False` and `indexes=False` leave out full-text search and indexes, so that a bulk load can
    insert first and index once; a later call without them adds what is missing.
    """
    db.execute("pragma foreign_keys = on")
    for name, columns, pk, fks in TABLES:
        table = db[name]
        if not table.exists():
            table.create(
                columns,
                pk=pk,
                foreign_keys=fks or None,
                not_null=NOT_NULL.get(name),
            )
    if indexes:
        for name, cols in INDEXES:
            db[name].create_index(cols, if_not_exists=True)
    if fts and not db["news_items_fts"].exists():
        db["news_items"].enable_fts(
            FTS_COLUMNS, tokenize=FTS_TOKENIZE, create_triggers=True, replace=True
        )
    for name, sql in VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


def table_names() -> list[str]:
    return [name for name, *_ in TABLES]
