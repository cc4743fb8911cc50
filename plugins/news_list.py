"""The news, as a reader browses it: /news with filters (language, kind, year, election) and pages.

The choices of each filter (with how many items each holds in the whole archive) are the same for
every visitor and computed once per process; a request runs one count and one page of rows, both
indexed filters on news_items, through site_data.fetch (whose answers are cached). The order
(`published_on desc, id desc`: undated items last, as SQLite sorts NULL lowest) is the order of the
indexes on (published_on, id), (lang, published_on, id) and (kind, published_on, id): no sort. Turnout items
carry the hour of their figure, so five items titled "Voting continues" can be told apart. The
filter form's empty choices are redirected to the clean address (`/news?lang=tk`).
"""
from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response


from . import site_data as site
from . import languages

PAGE_SIZE = 30
MAX_PAGE = 10_000
NO_YEAR = "none"

# what a list of news shows of an item: turnout_hour is the hour of its turnout figure (-1: final)
ROW_COLUMNS = """n.id, n.lang, n.published_on, n.title, n.snippet, n.kind, n.site_id,
    (select case when max(s.is_final) then -1 else min(s.as_of_hour) end
       from turnout_snapshots s where s.news_item_id = n.id) as turnout_hour"""


async def choices(datasette) -> dict:
    """Every value of each filter with its count in the whole archive (memoised)."""
    memo = site.cache(datasette)
    if "news_choices" not in memo:
        data = await site.fetch(datasette, {
            "lang": ("select lang as value, count(*) as n from news_items group by lang order by n desc", {}),
            "kind": ("select kind as value, count(*) as n from news_items where kind is not null group by kind order by n desc, kind", {}),
            "year": ("""select coalesce(substr(published_on, 1, 4), 'none') as value, count(*) as n from news_items
                        group by 1 order by value = 'none', value desc""", {}),
            "election": ("""select e.id as value, e.name, e.polling_day, count(ie.news_item_id) as n
                            from elections e join item_elections ie on ie.election_id = e.id
                            group by e.id order by e.polling_day desc, e.id""", {}),
        })
        memo["news_choices"] = data
    return memo["news_choices"]


def filters_of(args, known: dict) -> dict:
    """The filters of a request, each checked against the values the archive has (others ignored)."""
    out = {}
    for key in ("lang", "kind", "year", "election"):
        value = (args.get(key) or "").strip()
        if value and any(str(c["value"]) == value for c in known[key]):
            out[key] = value
    return out


def where_of(filters: dict) -> tuple[str, dict]:
    clauses, params = [], {}
    if "lang" in filters:
        clauses.append("n.lang = :lang")
        params["lang"] = filters["lang"]
    if "kind" in filters:
        clauses.append("n.kind = :kind")
        params["kind"] = filters["kind"]
    if "year" in filters:
        if filters["year"] == NO_YEAR:
            clauses.append("n.published_on is null")
        else:
            clauses.append("n.published_on >= :year_from and n.published_on < :year_to")
            params["year_from"], params["year_to"] = filters["year"], str(int(filters["year"]) + 1)
    if "election" in filters:
        clauses.append("n.id in (select news_item_id from item_elections where election_id = :election)")
        params["election"] = filters["election"]
    return (" where " + " and ".join(clauses)) if clauses else "", params


async def news_page(datasette, request):
    known = await choices(datasette)
    filters = filters_of(request.args, known)
    try:
        page = min(MAX_PAGE, max(1, int(request.args.get("page") or 1)))
    except ValueError:
        page = 1
    where, params = where_of(filters)
    data = await site.fetch(datasette, {
        "count": (f"select count(*) as n from news_items n{where}", params),
        "rows": (f"""select {ROW_COLUMNS} from news_items n{where}
                     order by n.published_on desc, n.id desc
                     limit {PAGE_SIZE} offset {(page - 1) * PAGE_SIZE}""", params),
    })
    total = data["count"][0]["n"]
    pages = max(1, (total + PAGE_SIZE - 1) // PAGE_SIZE)
    lang, prefixed = languages.request_language(request)

    def link(**change):
        args = dict(filters, page=page)
        args.update(change)
        query = {k: v for k, v in args.items() if v and not (k == "page" and v == 1)}
        return languages.localise(lang, prefixed, "/news") + ("?" + urlencode(query) if query else "")

    table_args = {k: v for k, v in filters.items() if k in ("lang", "kind")}
    if filters.get("election"):
        table_args["election_id"] = filters["election"]
    if filters.get("year") and filters["year"] != NO_YEAR:
        table_args["published_on__startswith"] = filters["year"]
    elif filters.get("year") == NO_YEAR:
        table_args["published_on__isnull"] = "1"
    if any(key in request.args and not (request.args.get(key) or "").strip()
           for key in ("lang", "kind", "year", "election", "page")):
        # the filter form sends its empty choices too: answer with the clean address of the same list
        return Response.redirect(link())
    context = {
        "page_title": languages.msg.gettext(lang, "All news"), "choices": known, "filters": filters,
        "rows": data["rows"], "total": total, "page": page, "pages": pages, "page_size": PAGE_SIZE,
        "link": link, "table_args": table_args, "crumbs_list": [("/", "home")],
        "csv_url": site.table_url("news_items", **dict(table_args, _stream="on", _size="max")).replace(
            "/news_items?", "/news_items.csv?", 1),
    }
    html = await datasette.render_template("site_news.html", context, request=request, view_name="site_news")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/news$", news_page)]
