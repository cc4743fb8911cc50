"""/about: what the archive is and is not, how it is built, how to cite it, and a data-quality
report: coverage by year, language and kind (as charts, with their tables), parse issues by
problem, items without a date and how dates were fixed, and turnout figures in conflict.

The report is read once per process (the database is immutable) with small grouped queries.
"""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup


from . import site_data as site
from . import charts
from . import languages
from . import messages as msg

LANG_COLOURS = {"en": "#1f5f8b", "tk": "#2e7d32", "ru": "#8e3a80"}
KIND_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"]


async def report(datasette) -> dict:
    memo = site.cache(datasette)
    if "about" not in memo:
        memo["about"] = await site.fetch(datasette, {
            "year_lang": ("""select coalesce(substr(published_on, 1, 4), 'none') as year, lang, count(*) as n
                             from news_items group by 1, 2 order by 1""", {}),
            "year_kind": ("""select coalesce(substr(published_on, 1, 4), 'none') as year, coalesce(kind, 'other') as kind,
                             count(*) as n from news_items group by 1, 2 order by 1""", {}),
            "issues": ("select problem, count(*) as n from parse_issues group by problem order by n desc, problem", {}),
            "basis": ("""select coalesce(date_basis, '') as basis, count(*) as n, sum(published_on is null) as undated
                         from news_items group by 1 order by n desc""", {}),
            "total": ("select count(*) as n, sum(published_on is null) as undated from news_items", {}),
            "conflicts": ("""select d.*, e.name as election_name from turnout_disagreements d
                             left join elections e on e.id = d.election_id
                             order by d.election_id, d.is_final, d.as_of_hour limit 200""", {}),
        })
    return memo["about"]


def coverage_rows(cells: list[dict], key: str) -> list[tuple[str, dict]]:
    years: dict[str, dict] = {}
    for c in cells:
        years.setdefault(c["year"], {})[c[key]] = c["n"]
    ordered = sorted((y for y in years if y != "none"), reverse=True) + (["none"] if "none" in years else [])
    return [(y, years[y]) for y in ordered]


async def about_page(datasette, request):
    lang, _ = languages.request_language(request)
    data = await report(datasette)
    _t = lambda text, **k: msg.gettext(lang, text, **k)  # noqa: E731
    by_lang = coverage_rows(data["year_lang"], "lang")
    by_kind = coverage_rows(data["year_kind"], "kind")
    no_date = _t("no date")
    lang_series = [(code, msg.NAMES[code], LANG_COLOURS[code]) for code in msg.LANGS]
    kinds = sorted({c["kind"] for c in data["year_kind"]},
                   key=lambda k: -sum(c["n"] for c in data["year_kind"] if c["kind"] == k))
    kind_series = [(k, msg.kind_label(lang, k), KIND_COLOURS[i % len(KIND_COLOURS)]) for i, k in enumerate(kinds)]

    def label(rows):
        return [(no_date if y == "none" else y, counts) for y, counts in rows]

    context = {
        "page_title": _t("About the archive"),
        "crumbs_list": [("/", "home")],
        "by_lang": by_lang, "by_kind": by_kind, "lang_series": lang_series, "kind_series": kind_series,
        "lang_chart": Markup(charts.bar_chart(label(by_lang), lang_series, chart_id="coverage-lang",
                                              title=_t("News items per year, by language"))),
        "kind_chart": Markup(charts.bar_chart(label(by_kind), kind_series, chart_id="coverage-kind",
                                              title=_t("News items per year, by kind"))),
        "issues": data["issues"], "basis": data["basis"], "total": data["total"][0]["n"],
        "undated": data["total"][0]["undated"] or 0, "conflicts": data["conflicts"],
    }
    html = await datasette.render_template("site_about.html", context, request=request, view_name="site_about")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/about$", about_page)]
