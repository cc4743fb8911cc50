"""Read-only data access and wording shared by the site's pages (no hooks here).

`fetch(datasette, queries)` runs several small, indexed queries in one trip to the database
thread, under the instance's SQL time limit. The rest are labels in the site's three languages
and formatting helpers used by the templates.

The site's other modules import it relatively (`from . import site_data as site`).
"""
from __future__ import annotations

import os
import re
from collections import OrderedDict
from datetime import date
from urllib.parse import quote

from . import charts
from . import messages as msg
from . import turnout_table as turnout

DATABASE = "saylav"

LANGS = {"en": "English", "tk": "Türkmençe", "ru": "Русский"}
LANG_SHORT = {"en": "EN", "tk": "TK", "ru": "RU"}

# Section titles in the site's languages (English first; Turkmen and Russian after).
T = {
    "news": ("News", "Habarlar", "Новости"),
    "latest": ("Latest news", "Soňky habarlar", "Последние новости"),
    "elections": ("Elections", "Saýlawlar", "Выборы"),
    "people": ("People", "Adamlar", "Люди"),
    "organizations": ("Organisations", "Guramalar", "Организации"),
    "constituencies": ("Constituencies", "Saýlaw okruglary", "Избирательные округа"),
    "regions": ("Regions", "Welaýatlar", "Велаяты"),
    "search": ("Search", "Gözleg", "Поиск"),
    "turnout": ("Turnout", "Ses berişe gatnaşyk", "Явка"),
    "results": ("Results", "Netijeler", "Итоги"),
    "sources": ("Sources", "Çeşmeler", "Источники"),
    "languages": ("Languages", "Diller", "Языки"),
    "kinds": ("Kinds of news", "Habarlaryň görnüşleri", "Виды новостей"),
}

KINDS = {
    "turnout": "Turnout", "results": "Results", "meeting": "Meetings", "seminar": "Seminars",
    "nomination": "Nomination", "registration": "Registration", "early-voting": "Early voting",
    "observers": "Observers", "campaign": "Campaign", "constituencies": "Constituencies",
    "commissions": "Commissions", "law": "Law", "other": "Other",
}

DATE_BASIS = {
    "text": "the year is written in the text",
    "polling-day": "hourly turnout of a known polling day",
    "list-neighbours": "from its neighbours in a newest-first list",
    "site-id": "from the site's article number between dated neighbours",
    "capture-date": "from the date the page was captured",
    "dateline": "a full date printed above or at the start of the story",
}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def database(datasette):
    return datasette.get_database(DATABASE)


FETCH_CACHE_ENTRIES = 512


async def fetch(datasette, queries: dict[str, tuple[str, dict | tuple]]) -> dict[str, list[dict]]:
    """Run named queries in one database call: {"name": (sql, params)} -> {"name": [row dicts]}.

    The archive is served immutable, so the answer to the same queries never changes while the
    server runs: the latest FETCH_CACHE_ENTRIES answers are kept, and each caller gets its own copy.
    """
    from datasette.utils import sqlite_timelimit

    db = database(datasette)
    key = None
    if not db.is_mutable and os.environ.get("SAYLAV_QUERY_CACHE", "1") != "0":
        key = repr(sorted((k, sql, sorted(p.items()) if isinstance(p, dict) else p) for k, (sql, p) in queries.items()))
        answers = cache(datasette).setdefault("_fetch", OrderedDict())
        if key in answers:
            answers.move_to_end(key)
            return _copy(answers[key])
    limit_ms = datasette.setting("sql_time_limit_ms")

    def run(conn):
        out = {}
        with sqlite_timelimit(conn, limit_ms):
            for name, (sql, params) in queries.items():
                cur = conn.execute(sql, params)
                cols = [d[0] for d in cur.description]
                out[name] = [dict(zip(cols, row)) for row in cur.fetchall()]
        return out

    out = await db.execute_fn(run)
    if key is not None:
        answers[key] = _copy(out)
        if len(answers) > FETCH_CACHE_ENTRIES:
            answers.popitem(last=False)
    return out


def _copy(answer: dict[str, list[dict]]) -> dict[str, list[dict]]:
    return {name: [dict(row) for row in rows] for name, rows in answer.items()}


def cache(datasette) -> dict:
    """Per-instance memo for pages that are the same for every visitor (the database is immutable)."""
    memo = getattr(datasette, "_saylav_site_cache", None)
    if memo is None:
        memo = {}
        datasette._saylav_site_cache = memo
    return memo


async def elections_overview(datasette, lang: str = "en") -> list[dict]:
    """Every election with its hourly overall turnout (for sparklines) and final figure; memoised
    (per language: the sparklines' labels are words of the page)."""
    memo = cache(datasette)
    key = "elections" if lang == "en" else "elections-" + lang
    if key not in memo:
        data = await fetch(datasette, {
            "elections": ("""
                select e.*, (select count(*) from item_elections ie where ie.election_id = e.id) as news_count
                from elections e order by e.polling_day desc, e.id""", {}),
            "snapshots": ("""
                select election_id, as_of_hour, is_final, overall_pct from turnout_snapshots
                where overall_pct is not null order by election_id, is_final, as_of_hour, id""", {}),
        })
        by_election: dict[str, list] = {}
        for s in data["snapshots"]:
            by_election.setdefault(s["election_id"], []).append(s)
        out = []
        for e in data["elections"]:
            snaps = by_election.get(e["id"], [])
            points = turnout.overall_points(snaps)
            final = next((s["overall_pct"] for s in snaps if s["is_final"]), None)
            spark = _markup(charts.sparkline(
                points, label=msg.gettext(lang, "Turnout through polling day, {name}", name=msg.election_label(lang, e["id"], e["name"])))) \
                if points else None
            out.append(dict(e, points=points, final=final, sparkline=spark,
                            last=points[-1] if points else None))
        memo[key] = out
    return memo[key]


def _markup(html: str):
    from markupsafe import Markup

    return Markup(html)


def long_date(iso: str | None) -> str:
    """'2023-03-26' -> '26 March 2023'; '' for None."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def paragraphs(text: str | None) -> list[str]:
    """A body's paragraphs (blank-line separated), whitespace tidied; text stays text."""
    if not text:
        return []
    return [re.sub(r"[ \t]*\n[ \t]*", " ", p).strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_web_url(url: str | None) -> bool:
    """Only http(s) addresses become links (never javascript:, data: or anything else)."""
    return bool(url) and re.match(r"^https?://[^\s<>\"']+$", url, re.I) is not None


def path(*parts: str) -> str:
    """A site path with every part URL-quoted: path('people', 'muradov-g') -> '/people/muradov-g'."""
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


def item_url(item_id: str) -> str:
    return path("news", item_id)


def entity_url(kind: str, entity_id: str) -> str:
    return path(kind, entity_id)


def table_url(table: str, **args) -> str:
    from urllib.parse import urlencode

    url = f"/{DATABASE}/{table}"
    return url + ("?" + urlencode(args) if args else "")


def template_helpers() -> dict:
    """Functions the site's templates use."""
    return {
        "LANGS": LANGS, "LANG_SHORT": LANG_SHORT, "T": T, "KINDS": KINDS, "DATE_BASIS": DATE_BASIS,
        "long_date": long_date, "paragraphs": paragraphs, "is_web_url": is_web_url,
        "item_url": item_url, "entity_url": entity_url, "table_url": table_url, "site_path": path,
        "pct": charts.pct, "hour_label": charts.hour_label,
    }
