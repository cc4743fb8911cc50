"""Pages of people, organisations, constituencies and regions, with clean URLs.

- /people, /people/{id}: every spelling of the name (with its language), meetings with the role
  and organisation each item gave, seats won.
- /organizations, /organizations/{id}: spellings, and who took part in meetings for it.
- /constituencies, /constituencies/{id}: turnout through polling day in each election (a chart and
  a table), members elected.
- /regions, /regions/{id}: names in three languages, constituencies, turnout by election.

Every name links to its own page; every fact links to the news item it was read from.
"""
from __future__ import annotations

from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup


from . import site_data as site
from . import charts
from . import languages
from . import messages as msg

LIST_PAGE = 1000

PERSON = {
    "entity": "select * from people where id = :id",
    "names": "select name, lang from person_names where person_id = :id order by lang, name",
    "meetings": """
        select mp.role, mp.name_as_printed, mp.organization_id, o.name as organization_name,
               m.id as meeting_id, m.held_on, m.place,
               n.id as item_id, n.title, n.lang, n.published_on
        from meeting_participants mp
        join meetings m on m.id = mp.meeting_id
        join news_items n on n.id = m.news_item_id
        left join organizations o on o.id = mp.organization_id
        where mp.person_id = :id
        order by coalesce(m.held_on, n.published_on) desc, n.id""",
    "seats": """
        select em.occupation, em.name_as_printed, em.news_item_id, em.election_id, e.name as election_name,
               e.polling_day, em.constituency_id, c.number, c.name as constituency_name, n.lang
        from elected_members em
        left join elections e on e.id = em.election_id
        left join constituencies c on c.id = em.constituency_id
        left join news_items n on n.id = em.news_item_id
        where em.person_id = :id order by e.polling_day desc, em.rowid""",
}

ORGANIZATION = {
    "entity": "select * from organizations where id = :id",
    "names": "select name, lang from organization_names where organization_id = :id order by lang, name",
    "participants": """
        select mp.role, mp.person_id, p.name as person_name, m.held_on, m.place,
               n.id as item_id, n.title, n.lang, n.published_on
        from meeting_participants mp
        join people p on p.id = mp.person_id
        join meetings m on m.id = mp.meeting_id
        join news_items n on n.id = m.news_item_id
        where mp.organization_id = :id
        order by coalesce(m.held_on, n.published_on) desc, n.id, p.name""",
}

AREA_TURNOUT = """
        select a.pct, a.name_as_printed, s.id as snapshot_id, s.as_of_hour, s.is_final, s.news_item_id,
               s.election_id, e.name as election_name, e.polling_day
        from turnout_by_area a
        join turnout_snapshots s on s.id = a.snapshot_id
        left join elections e on e.id = s.election_id
        where a.{column} = :id
        order by e.polling_day desc, s.election_id, s.is_final, s.as_of_hour"""

CONSTITUENCY = {
    "entity": "select * from constituencies where id = :id",
    "turnout": AREA_TURNOUT.format(column="constituency_id"),
    "members": """
        select em.occupation, em.person_id, p.name as person_name, em.news_item_id, em.election_id,
               e.name as election_name, e.polling_day, n.lang
        from elected_members em
        left join people p on p.id = em.person_id
        left join elections e on e.id = em.election_id
        left join news_items n on n.id = em.news_item_id
        where em.constituency_id = :id order by e.polling_day desc, em.rowid""",
    "region": """
        select r.id, r.name from constituencies c join regions r
          on r.id = c.region or r.name = c.region or r.name_en = c.region
        where c.id = :id""",
}

REGION = {
    "entity": "select * from regions where id = :id",
    "turnout": AREA_TURNOUT.format(column="region_id"),
    "constituencies": """
        select c.id, c.body, c.number, c.name from constituencies c, regions r
        where r.id = :id and c.region in (r.id, r.name, r.name_en)
        order by c.body, c.number""",
}


def by_election_chart(rows: list[dict], title: str, chart_id: str, lang: str = "en") -> tuple[Markup | None, list[dict]]:
    """One line per election through polling day, and a table row per election."""
    elections: dict[str, dict] = {}
    for r in rows:
        e = elections.setdefault(r["election_id"] or "", {
            "id": r["election_id"],
            "label": msg.election_label(lang, r["election_id"], r["election_name"]) or msg.gettext(lang, "unknown"),
            "cells": {}})
        col = "final" if r["is_final"] else r["as_of_hour"]
        if col is None or r["pct"] is None:
            continue
        cell = e["cells"].setdefault(col, {"values": [], "sources": []})
        if r["pct"] not in cell["values"]:
            cell["values"].append(r["pct"])
        if r["news_item_id"] not in cell["sources"]:
            cell["sources"].append(r["news_item_id"])
    for e in elections.values():
        for cell in e["cells"].values():
            cell["value"], cell["disagree"] = cell["values"][0], len(cell["values"]) > 1
    lines = [{"name": e["label"], "points": [(c, cell["value"]) for c, cell in e["cells"].items() if c != "final"]}
             for e in elections.values()]
    lines = [s for s in lines if s["points"]]
    svg = Markup(charts.line_chart(
        lines, title=title, chart_id=chart_id,
        desc=msg.gettext(lang, "{name}: per cent of voters who had voted by each hour, one line per election.", name=title),
        x_label=msg.gettext(lang, "Hour of polling day (local time)"), y_label=msg.gettext(lang, "Voters who had voted (%)"),
        hour_text=lambda h: msg.hour_label(lang, h))) if lines else None
    return svg, list(elections.values())


def columns_of(rows: list[dict]) -> list:
    cols = {c for r in rows for c in r["cells"]}
    return sorted(c for c in cols if c != "final") + (["final"] if "final" in cols else [])


async def _detail(datasette, request, queries: dict, missing: str) -> dict:
    entity_id = unquote(request.url_vars["id"])
    data = await site.fetch(datasette, {k: (sql, {"id": entity_id}) for k, sql in queries.items()})
    if not data["entity"]:
        raise NotFound(missing.format(entity_id))
    data["entity"] = data["entity"][0]
    return data


async def _render(datasette, request, template: str, context: dict):
    html = await datasette.render_template(template, context, request=request, view_name=template[:-5])
    return Response.html(html)


async def person_page(datasette, request):
    data = await _detail(datasette, request, PERSON, "No person {!r} in the archive")
    p = data["entity"]
    organizations = {}
    for m in data["meetings"]:
        if m["organization_id"]:
            organizations[m["organization_id"]] = m["organization_name"]
    return await _render(datasette, request, "site_person.html", dict(
        data, page_title=p["name"], organizations=organizations,
        table_row_url=f"/{site.DATABASE}/people/{p['id']}", crumbs_list=[("/", "home"), ("/people", "people")]))


async def organization_page(datasette, request):
    data = await _detail(datasette, request, ORGANIZATION, "No organisation {!r} in the archive")
    o = data["entity"]
    people = {}
    for r in data["participants"]:
        people.setdefault(r["person_id"], {"name": r["person_name"], "roles": set(), "count": 0})
        people[r["person_id"]]["count"] += 1
        if r["role"]:
            people[r["person_id"]]["roles"].add(r["role"])
    return await _render(datasette, request, "site_organization.html", dict(
        data, page_title=o["name"], people=people,
        table_row_url=f"/{site.DATABASE}/organizations/{o['id']}",
        crumbs_list=[("/", "home"), ("/organizations", "organisations")]))


async def constituency_page(datasette, request):
    data = await _detail(datasette, request, CONSTITUENCY, "No constituency {!r} in the archive")
    c = data["entity"]
    label = f"{c['number']} «{c['name']}»" if c["number"] is not None else (c["name"] or c["id"])
    lang = languages.request_language(request)[0]
    svg, rows = by_election_chart(data["turnout"], msg.gettext(lang, "Turnout in constituency {label}", label=label),
                                  "turnout-constituency", lang)
    return await _render(datasette, request, "site_constituency.html", dict(
        data, page_title=msg.gettext(lang, "Constituency {label}", label=label), label=label, chart=svg, turnout_rows=rows,
        columns=columns_of(rows), region=(data["region"] or [None])[0],
        table_row_url=f"/{site.DATABASE}/constituencies/{c['id']}",
        crumbs_list=[("/", "home"), ("/constituencies", "constituencies")]))


async def region_page(datasette, request):
    data = await _detail(datasette, request, REGION, "No region {!r} in the archive")
    r = data["entity"]
    lang = languages.request_language(request)[0]
    svg, rows = by_election_chart(data["turnout"], msg.gettext(lang, "Turnout in {name}", name=r["name_en"] or r["name"]),
                                  "turnout-region", lang)
    return await _render(datasette, request, "site_region.html", dict(
        data, page_title=r["name_en"] or r["name"], chart=svg, turnout_rows=rows, columns=columns_of(rows),
        table_row_url=f"/{site.DATABASE}/regions/{r['id']}", crumbs_list=[("/", "home"), ("/regions", "regions")]))


LISTS = {
    "people": ("People", "site_list.html", f"""
        select p.id, p.name,
          (select count(*) from meeting_participants mp where mp.person_id = p.id) as meetings,
          (select count(*) from elected_members em where em.person_id = p.id) as seats
        from people p order by p.name, p.id limit {LIST_PAGE + 1} offset :offset"""),
    "organizations": ("Organisations", "site_list.html", f"""
        select o.id, o.name, o.abbreviation,
          (select count(*) from meeting_participants mp where mp.organization_id = o.id) as meetings
        from organizations o order by o.name limit {LIST_PAGE + 1} offset :offset"""),
    "constituencies": ("Constituencies", "site_list.html", f"""
        select c.id, c.body, c.number, c.name, c.region,
          (select count(*) from elected_members em where em.constituency_id = c.id) as seats,
          (select count(*) from turnout_by_area a where a.constituency_id = c.id) as figures
        from constituencies c order by c.body, c.number limit {LIST_PAGE + 1} offset :offset"""),
    "regions": ("Regions", "site_list.html", f"""
        select r.id, r.name, r.name_en, r.name_ru,
          (select count(*) from turnout_by_area a where a.region_id = r.id) as figures
        from regions r order by r.name limit {LIST_PAGE + 1} offset :offset"""),
}


def list_view(kind: str):
    title, template, sql = LISTS[kind]

    async def view(datasette, request):
        try:
            page = max(1, int(request.args.get("page") or 1))
        except ValueError:
            page = 1
        rows = (await site.fetch(datasette, {"rows": (sql, {"offset": (page - 1) * LIST_PAGE})}))["rows"]
        more = len(rows) > LIST_PAGE
        return await _render(datasette, request, template, {
            "page_title": msg.gettext(languages.request_language(request)[0], title), "kind": kind, "rows": rows[:LIST_PAGE], "page": page, "more": more,
            "table_url": f"/{site.DATABASE}/{kind}", "crumbs_list": [("/", "home")]})

    return view


@hookimpl
def register_routes():
    return [
        (r"^/people/(?P<id>[^/]+)$", person_page),
        (r"^/organizations/(?P<id>[^/]+)$", organization_page),
        (r"^/constituencies/(?P<id>[^/]+)$", constituency_page),
        (r"^/regions/(?P<id>[^/]+)$", region_page),
    ] + [(rf"^/{kind}$", list_view(kind)) for kind in LISTS]
