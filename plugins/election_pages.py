"""Election pages: /elections (all, with a turnout sparkline each) and /elections/{id}.

An election page shows turnout through polling day as charts (overall and per region; overall and
per constituency, one line each) with the figures as tables beside them, the final turnout, the
members elected, the other elections held the same day and the news about it.
`/elections/{id}/turnout.svg` serves the constituency chart (or the overall one) on its own.
"""
from __future__ import annotations

from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup


from . import site_data as site
from . import languages
from . import messages as msg
from . import charts
from . import turnout_table as turnout

NEWS_LIMIT = 200

ELECTION_QUERIES = {
    "election": "select * from elections where id = :id",
    "same_day": """
        select id, name from elections
        where polling_day = (select polling_day from elections where id = :id) and id != :id order by id""",
    "snapshots": """
        select s.*, n.lang from turnout_snapshots s join news_items n on n.id = s.news_item_id
        where s.election_id = :id
        order by s.is_final, s.as_of_hour, case n.lang when 'en' then 0 when 'tk' then 1 else 2 end, s.id""",
    "areas": """
        select a.*, c.number, c.name as constituency_name, r.name as region_name
        from turnout_snapshots s
        join turnout_by_area a on a.snapshot_id = s.id
        left join constituencies c on c.id = a.constituency_id
        left join regions r on r.id = a.region_id
        where s.election_id = :id""",
    "results": """
        select em.*, p.name as person_name, c.number, c.name as constituency_name, n.lang
        from elected_members em
        left join people p on p.id = em.person_id
        left join constituencies c on c.id = em.constituency_id
        left join news_items n on n.id = em.news_item_id
        where em.election_id = :id order by c.number, em.rowid""",
    "news": f"""
        select n.id, n.lang, n.published_on, n.title, n.snippet, n.kind
        from item_elections ie join news_items n on n.id = ie.news_item_id
        where ie.election_id = :id
        order by n.published_on desc, n.id limit {NEWS_LIMIT}""",
    "news_count": "select count(*) as n from item_elections where election_id = :id",
}


def election_charts(election: dict, table: dict, lang: str = "en") -> list[dict]:
    """The charts of an election page: [{"id", "svg", "rows"}] (regions first, then constituencies)."""
    out = []
    name = msg.election_label(lang, election["id"], election.get("name"))
    words = dict(x_label=msg.gettext(lang, "Hour of polling day (local time)"),
                 y_label=msg.gettext(lang, "Voters who had voted (%)"),
                 hour_text=lambda h: msg.hour_label(lang, h))
    for key, kinds, what in (("regions", ("overall", "region"), "by region"),
                             ("constituencies", ("overall", "constituency"), "by constituency")):
        lines = _named(turnout.series(table, kinds), lang)
        if not any(not s["emphasis"] for s in lines):
            continue
        chart_id = f"turnout-{key}"
        what_t = msg.gettext(lang, what)
        svg = charts.line_chart(
            lines, title=msg.gettext(lang, "Turnout through polling day {what}", what=what_t), chart_id=chart_id,
            desc=msg.gettext(lang, "{name}: per cent of voters who had voted by each hour, overall (thick black line) and {what}.",
                             name=name, what=what_t), **words)
        out.append({"id": chart_id, "what": what_t, "svg": Markup(svg), "rows": turnout.rows_of(table, kinds)})
    if not out:
        lines = _named(turnout.series(table, ("overall", "abroad")), lang)
        if lines:
            svg = charts.line_chart(lines, title=msg.gettext(lang, "Turnout through polling day"), chart_id="turnout-overall",
                                    desc=msg.gettext(lang, "Turnout through polling day, {name}", name=name), **words)
            out.append({"id": "turnout-overall", "what": msg.gettext(lang, "overall"), "svg": Markup(svg),
                        "rows": turnout.rows_of(table, ("overall", "abroad"))})
    return out


def _named(lines: list[dict], lang: str) -> list[dict]:
    """Series names in the page's language ("Overall", "Abroad"; area names stay as they are)."""
    return [dict(s, name=msg.gettext(lang, s["name"]) if s["name"] in ("Overall", "Abroad") else s["name"]) for s in lines]


def conflicts(table: dict) -> list[dict]:
    """Every cell of the turnout table where sources state different figures: area, hour, and each
    figure with the items that stated it."""
    out = []
    for row in table["rows"]:
        for col in table["columns"]:
            cell = row["cells"].get(col)
            if cell and cell["disagree"]:
                out.append({"row": row, "column": col, "values": cell["values"],
                            "by_value": cell.get("by_value") or {}, "sources": cell["sources"]})
    return out


def overlay(elections: list[dict], lang: str) -> Markup | None:
    """Overall turnout by hour, one line per election (a dot for an election with one hourly figure):
    the elections compared on one chart, when there are two or more to compare."""
    # the polling day first: it tells the lines apart even where a long name is cut in the legend
    lines = [{"name": f'{e["polling_day"]} · {msg.election_label(lang, e["id"], e["name"])}' if e.get("polling_day")
              else msg.election_label(lang, e["id"], e["name"]), "points": e["points"]}
             for e in elections if e["points"]]
    if len(lines) < 2:
        return None
    return Markup(charts.line_chart(
        lines, title=msg.gettext(lang, "Turnout through polling day in every election"), chart_id="turnout-overlay",
        desc=msg.gettext(lang, "Overall turnout by hour, one line per election: the elections compared."),
        x_label=msg.gettext(lang, "Hour of polling day (local time)"), y_label=msg.gettext(lang, "Voters who had voted (%)"),
        hour_text=lambda h: msg.hour_label(lang, h)))


async def election_data(datasette, election_id: str) -> dict | None:
    data = await site.fetch(datasette, {k: (sql, {"id": election_id}) for k, sql in ELECTION_QUERIES.items()})
    if not data["election"]:
        return None
    data["election"] = data["election"][0]
    data["news_count"] = data["news_count"][0]["n"]
    data["table"] = turnout.group(data["snapshots"], data["areas"])
    finals: dict[tuple, dict] = {}
    for s in data["snapshots"]:
        if s["is_final"]:
            key = (s["overall_pct"], s["voted"], s["registered"])
            finals.setdefault(key, dict(s, sources=[]))["sources"].append(s["news_item_id"])
    data["finals"] = list(finals.values())  # one line per distinct final statement, with all its sources
    data["conflicts"] = conflicts(data["table"])
    return data


async def election_page(datasette, request):
    election_id = unquote(request.url_vars["id"])
    data = await election_data(datasette, election_id)
    if data is None:
        raise NotFound(f"No election {election_id!r} in the archive")
    e = data["election"]
    lang = languages.request_language(request)[0]
    data.update(
        page_title=msg.election_label(lang, e["id"], e["name"]),
        charts=election_charts(e, data["table"], lang),
        table_row_url=f"/{site.DATABASE}/elections/{election_id}",
        crumbs_list=[("/", "home"), ("/elections", "elections")],
        news_limit=NEWS_LIMIT,
    )
    html = await datasette.render_template("site_election.html", data, request=request, view_name="site_election")
    return Response.html(html)


async def election_svg(datasette, request):
    election_id = unquote(request.url_vars["id"])
    data = await election_data(datasette, election_id)
    if data is None:
        raise NotFound(f"No election {election_id!r} in the archive")
    made = election_charts(data["election"], data["table"])
    if not made:
        raise NotFound("No turnout figures for this election")
    return Response(str(made[-1]["svg"]), content_type="image/svg+xml; charset=utf-8")


async def elections_list(datasette, request):
    lang = languages.request_language(request)[0]
    elections = await site.elections_overview(datasette, lang)
    html = await datasette.render_template("site_elections.html", {
        "page_title": msg.gettext(lang, "Elections"), "elections": elections, "crumbs_list": [("/", "home")],
        "overlay": overlay(elections, lang),
    }, request=request, view_name="site_elections")
    return Response.html(html)


@hookimpl
def register_routes():
    return [
        (r"^/elections$", elections_list),
        (r"^/elections/(?P<id>[^/]+)/turnout\.svg$", election_svg),
        (r"^/elections/(?P<id>[^/]+)$", election_page),
    ]
