"""Search: one box over the news in all three languages, at /search?q=...

The words typed are folded (case, Turkmen letters), searched as prefixes (Turkmen suffixes words:
`saylaw` finds `Saýlawlary`) and in both scripts (`Myradov` finds `Мырадов` and back); see
translit.py. Results come from the FTS5 index with highlighted snippets: the snippet text is
escaped first and only then are the highlight marks (private-use characters chosen by us) turned
into <mark>, so text from captures can never become markup. Optional filters: `lang`, `kind`.
People, organisations and constituencies whose names match are listed above the news.
The same query can be opened as a faceted table (Datasette's `_search` with `_searchmode=raw`).
"""
from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape


from . import site_data as site
from . import translit
from . import languages
from . import messages as msg

PAGE_SIZE = 20
OPEN, CLOSE = "\ue000", "\ue001"  # highlight marks, replaced after escaping

RESULTS_SQL = """
select n.id, n.lang, n.published_on, n.kind, n.title, n.is_truncated,
  highlight(news_items_fts, 0, char(57344), char(57345)) as title_hl,
  snippet(news_items_fts, -1, char(57344), char(57345), '…', 28) as snippet_hl
from news_items_fts
join news_items n on n.rowid = news_items_fts.rowid
where news_items_fts match :q {filters}
order by news_items_fts.rank, n.published_on desc
limit :limit offset :offset
"""
COUNT_SQL = """
select n.lang, n.kind, count(*) as n
from news_items_fts join news_items n on n.rowid = news_items_fts.rowid
where news_items_fts match :q group by n.lang, n.kind
"""


def highlighted(text: str | None) -> Markup:
    """Escape text from the index, then turn our private marks into <mark> elements."""
    if not text:
        return Markup("")
    safe = str(escape(text.replace("<mark>", "").replace("</mark>", "")))
    return Markup(safe.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def _names_index(rows: list[dict]) -> list[tuple[str, dict]]:
    return [(" " + translit.skeleton(r["name"]), r) for r in rows if r["name"]]


async def entity_matches(datasette, words: list[str]) -> dict[str, list[dict]]:
    """People, organisations and constituencies with a name word starting with every query word."""
    memo = site.cache(datasette)
    if "names" not in memo:
        data = await site.fetch(datasette, {
            "people": ("""select p.id, pn.name, p.name as label from person_names pn join people p on p.id = pn.person_id
                          union select id, name, name from people""", {}),
            "organizations": ("""select o.id, n.name, o.name as label from organization_names n
                                 join organizations o on o.id = n.organization_id
                                 union select id, name, name from organizations
                                 union select id, abbreviation, name from organizations where abbreviation is not null""", {}),
            "constituencies": ("select id, name, coalesce(number || ' ' || name, name) as label from constituencies", {}),
        })
        memo["names"] = {k: _names_index(v) for k, v in data.items()}
    keys = [" " + translit.skeleton(w) for w in words]
    out: dict[str, list[dict]] = {}
    for kind, index in memo["names"].items():
        found: dict[str, dict] = {}
        for skel, row in index:
            if all(k.strip() and k in skel for k in keys) and row["id"] not in found:
                found[row["id"]] = {"id": row["id"], "label": row["label"], "matched": row["name"]}
        if found:
            out[kind] = list(found.values())[:20]
    return out


async def search_page(datasette, request):
    q = (request.args.get("q") or "").strip()[:200]
    lang = request.args.get("lang") or ""
    kind = request.args.get("kind") or ""
    try:
        page = max(1, int(request.args.get("page") or 1))
    except ValueError:
        page = 1
    match = translit.fts_query(q) if q else None
    ui_lang, prefixed = languages.request_language(request)
    context = {"page_title": msg.gettext(ui_lang, "Search: {q}", q=q) if q else msg.gettext(ui_lang, "Search"), "q": q, "lang": lang, "kind": kind,
               "page": page, "match": match, "results": [], "counts": [], "total": 0, "entities": {},
               "crumbs_list": [("/", "home")], "error": None}
    if match:
        filters, params = "", {"q": match, "limit": PAGE_SIZE + 1, "offset": (page - 1) * PAGE_SIZE}
        if lang:
            filters += " and n.lang = :lang"
            params["lang"] = lang
        if kind:
            filters += " and n.kind = :kind"
            params["kind"] = kind
        try:
            data = await site.fetch(datasette, {
                "results": (RESULTS_SQL.format(filters=filters), params),
                "counts": (COUNT_SQL, {"q": match}),
            })
        except Exception as e:  # an interrupted query (time limit) or an FTS syntax problem
            context["error"] = f"{msg.gettext(ui_lang, 'The search could not be completed.')} ({e})"
            data = {"results": [], "counts": []}
        rows = data["results"]
        context["more"] = len(rows) > PAGE_SIZE
        context["results"] = [dict(r, title_html=highlighted(r["title_hl"]), snippet_html=highlighted(r["snippet_hl"]))
                              for r in rows[:PAGE_SIZE]]
        by_lang: dict[str, int] = {}
        by_kind: dict[str, int] = {}
        for c in data["counts"]:
            by_lang[c["lang"]] = by_lang.get(c["lang"], 0) + c["n"]
            by_kind[c["kind"] or ""] = by_kind.get(c["kind"] or "", 0) + c["n"]
        context["by_lang"] = sorted(by_lang.items(), key=lambda kv: -kv[1])
        context["by_kind"] = sorted(by_kind.items(), key=lambda kv: -kv[1])
        context["total"] = sum(by_lang.values())
        context["shown_total"] = (by_lang.get(lang, 0) if lang and not kind else
                                  by_kind.get(kind, 0) if kind and not lang else
                                  sum(c["n"] for c in data["counts"] if c["lang"] == lang and c["kind"] == kind)
                                  if lang and kind else context["total"])
        context["entities"] = await entity_matches(datasette, translit.terms(q))
        table_args = {"_search": match, "_searchmode": "raw"}
        if lang:
            table_args["lang"] = lang
        if kind:
            table_args["kind"] = kind
        context["table_link"] = f"/{site.DATABASE}/news_items?" + urlencode(table_args)

        def link(**change):
            args = {"q": q, "lang": lang, "kind": kind, "page": page}
            args.update(change)
            return languages.localise(ui_lang, prefixed, "/search") + "?" + urlencode({k: v for k, v in args.items() if v and not (k == "page" and v == 1)})

        context["link"] = link
    html = await datasette.render_template("site_search.html", context, request=request, view_name="site_search")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/search$", search_page)]
