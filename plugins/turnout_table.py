"""Turnout statements grouped for reading: one row per area (overall, constituency, region), one
column per hour of polling day (and the final figure), each cell the figure(s) stated for it.

Two items can state the same figure (the English and the Turkmen report): the cell keeps one value
and every source. When they state different figures, the cell keeps all of them and says so; the
chart draws the figure most sources agree on (ties: the first stated), nothing is averaged.

Pure functions, no I/O.
"""
from __future__ import annotations

from collections import Counter

KIND_ORDER = {"overall": 0, "abroad": 1, "region": 2, "constituency": 3, "other": 4}


def area_of(row: dict) -> tuple[str, str, str, str | None, tuple]:
    """(kind, key, label, entity path or None, sort key) for a turnout_by_area row joined with names.

    Expected keys: constituency_id, number, constituency_name, region_id, region_name, region,
    name_as_printed.
    """
    if row.get("constituency_id"):
        number = row.get("number")
        name = row.get("constituency_name") or row.get("name_as_printed") or row["constituency_id"]
        label = f"{number} {name}" if number is not None else name
        return ("constituency", "c:" + row["constituency_id"], label, f"/constituencies/{row['constituency_id']}",
                (number if number is not None else 10**6, label))
    if row.get("region_id"):
        label = row.get("region_name") or row.get("region") or row["region_id"]
        return "region", "r:" + row["region_id"], label, f"/regions/{row['region_id']}", (0, label)
    label = row.get("region") or row.get("name_as_printed") or "?"
    return "other", "o:" + label, label, None, (0, label)


def group(snapshots: list[dict], areas: list[dict]) -> dict:
    """Group snapshot rows (id, as_of_hour, is_final, overall_pct, abroad_pct, news_item_id, lang)
    and area rows (snapshot_id + the keys of `area_of`, pct) into a table.

    Returns {"columns": [hour..., "final"?], "rows": [{"kind", "key", "label", "href", "cells": {col: cell}}]}
    where a cell is {"values": [pct, ...] (distinct, most stated first), "sources": [news_item_id...],
    "by_value": {pct: [news_item_id...]} (who stated which figure), "value": the figure to draw,
    "disagree": bool}.
    """
    snap_by_id = {s["id"]: s for s in snapshots}
    rows: dict[str, dict] = {}

    def add(kind, key, label, href, sort, snap, value):
        if value is None:
            return
        col = "final" if snap.get("is_final") else snap.get("as_of_hour")
        if col is None:
            return
        row = rows.setdefault(key, {"kind": kind, "key": key, "label": label, "href": href, "sort": sort,
                                    "cells": {}})
        cell = row["cells"].setdefault(col, {"stated": [], "sources": [], "by_value": {}})
        cell["stated"].append(value)
        if snap.get("news_item_id") and snap["news_item_id"] not in cell["sources"]:
            cell["sources"].append(snap["news_item_id"])
        stated_by = cell["by_value"].setdefault(value, [])
        if snap.get("news_item_id") and snap["news_item_id"] not in stated_by:
            stated_by.append(snap["news_item_id"])

    for s in snapshots:
        add("overall", "overall", "Overall", None, (0, ""), s, s.get("overall_pct"))
        add("abroad", "abroad", "Abroad", None, (0, ""), s, s.get("abroad_pct"))
    for a in areas:
        snap = snap_by_id.get(a["snapshot_id"])
        if snap is None:
            continue
        kind, key, label, href, sort = area_of(a)
        add(kind, key, label, href, sort, snap, a.get("pct"))

    columns: set = set()
    for row in rows.values():
        for col, cell in row["cells"].items():
            columns.add(col)
            counts = Counter(cell["stated"])
            order = sorted(counts, key=lambda v: (-counts[v], cell["stated"].index(v)))
            cell["values"] = order
            cell["value"] = order[0]
            cell["disagree"] = len(order) > 1
            del cell["stated"]
    hours = sorted(c for c in columns if c != "final")
    ordered = sorted(rows.values(), key=lambda r: (KIND_ORDER[r["kind"]], r["sort"]))
    for r in ordered:
        del r["sort"]
    return {"columns": hours + (["final"] if "final" in columns else []), "rows": ordered}


def series(table: dict, kinds: tuple[str, ...]) -> list[dict]:
    """Chart series for rows of the given kinds (the overall row emphasised), hourly figures only."""
    out = []
    for row in table["rows"]:
        if row["kind"] not in kinds:
            continue
        points = [(col, cell["value"]) for col, cell in row["cells"].items() if col != "final"]
        if points:
            out.append({"name": row["label"], "points": points, "emphasis": row["kind"] == "overall"})
    return out


def rows_of(table: dict, kinds: tuple[str, ...]) -> list[dict]:
    return [r for r in table["rows"] if r["kind"] in kinds]


def overall_points(snapshots: list[dict]) -> list[tuple[int, float]]:
    """Hourly overall figures of one election for a sparkline (first stated figure per hour)."""
    seen: dict[int, float] = {}
    for s in snapshots:
        h = s.get("as_of_hour")
        if h is not None and not s.get("is_final") and s.get("overall_pct") is not None and h not in seen:
            seen[h] = s["overall_pct"]
    return sorted(seen.items())
