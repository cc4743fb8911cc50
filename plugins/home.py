"""The home page: what the archive holds, in one screen.

Counts per language and kind (each linking to the faceted table), the latest items, the elections
with a turnout sparkline each, and the ways in: search, entity lists, feeds, the API, downloads.
Section titles are given in English, Turkmen and Russian. The page is the same for every visitor
and the database is immutable, so its data is computed once per process.
"""
from __future__ import annotations


from datasette import hookimpl
from datasette.utils.asgi import Response


from . import site_data as site
from . import news_list
from . import languages

LATEST = 10
ELECTIONS = 8  # shown on the home page, those with turnout figures first
COUNTED = ["news_items", "captures", "elections", "meetings", "people", "organizations", "constituencies",
           "turnout_snapshots", "elected_members", "parse_issues"]


async def home_data(datasette) -> dict:
    memo = site.cache(datasette)
    if "home" not in memo:
        queries = {
            "by_lang": ("select lang, count(*) as n from news_items group by lang order by n desc", {}),
            "by_kind": ("select kind, count(*) as n from news_items group by kind order by n desc, kind", {}),
            "stories": ("select count(distinct site_id) as n from news_items", {}),
            "span": ("select min(published_on) as first, max(published_on) as last from news_items", {}),
            "latest": (f"""
                select {news_list.ROW_COLUMNS} from news_items n
                where n.published_on is not null order by n.published_on desc, n.id desc limit {LATEST}""", {}),
        }
        for table in COUNTED:
            queries["count_" + table] = (f"select count(*) as n from [{table}]", {})
        data = await site.fetch(datasette, queries)
        memo["home"] = {
            "by_lang": data["by_lang"],
            "by_kind": data["by_kind"],
            "stories": data["stories"][0]["n"],
            "span": data["span"][0],
            "latest": data["latest"],
            "counts": {t: data["count_" + t][0]["n"] for t in COUNTED},
        }
    return memo["home"]


async def home_page(datasette, request):
    data = dict(await home_data(datasette))
    elections = await site.elections_overview(datasette, languages.request_language(request)[0])
    data["elections"] = sorted(elections, key=lambda e: (e["sparkline"] is None and e["final"] is None,
                                                        -int((e["polling_day"] or "0").replace("-", "") or 0)))
    data["home_elections"] = ELECTIONS
    data["page_title"] = "saylav-archive"
    data["metadata"] = datasette.metadata()
    db = site.database(datasette)
    data["db_size"] = getattr(db, "size", None)
    html = await datasette.render_template("site_home.html", data, request=request, view_name="site_home")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/$", home_page)]
