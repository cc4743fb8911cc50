"""The site's chrome around Datasette: stylesheet, template helpers, and links to the clean pages.

- The stylesheet /static/site.css on every page; /static/site.js on the SQL pages (labels the editor).
- Template globals (labels in three languages, date and URL helpers) from site_data.
- Row pages of tables with a clean page (/saylav/news_items/{id} -> /news/{id}, elections, people,
  organisations, constituencies, regions) link to it, and so do the names in those tables' own
  HTML listings (templates/_table-saylav-{table}.html; a template, not a render_cell hook, which
  would cost a plugin call for every cell of every table page).
- The site's own pages get the instance metadata for the footer (source, licence).
- Canned queries offer their parameters as lists of valid values (`param_choices`, used by
  templates/query.html): an election id is chosen, not typed.
- Row pages link their foreign keys (`fk_links`, used by templates/_site_table.html): Datasette
  links them in table views only.
"""
from __future__ import annotations


from datasette import hookimpl
from datasette.utils import tilde_decode


from . import site_data as site

# table -> (clean page prefix, column whose value is the name to link)
CLEAN_PAGES = {
    "news_items": ("news", "title"),
    "elections": ("elections", "name"),
    "people": ("people", "name"),
    "organizations": ("organizations", "name"),
    "constituencies": ("constituencies", "name"),
    "regions": ("regions", "name"),
}


@hookimpl
def extra_css_urls():
    return ["/static/site.css"]


@hookimpl
def extra_js_urls(view_name):
    # labels for what Datasette's SQL editor makes after loading (static/site.js); only where it runs
    if view_name in ("database", "query"):
        return [{"url": "/static/site.js"}]
    return []


@hookimpl
def prepare_jinja2_environment(env):
    env.globals.update(site.template_helpers())
    env.globals["tilde_decode"] = tilde_decode


async def fk_links(datasette, database: str, table: str) -> dict[str, str]:
    """column -> URL prefix of the row it points to (the clean page for tables that have one)."""
    db = datasette.get_database(database)
    out = {}
    for fk in await db.foreign_keys_for_table(table):
        if fk["other_table"] in CLEAN_PAGES and fk["other_column"] == "id":
            out[fk["column"]] = "/" + CLEAN_PAGES[fk["other_table"]][0] + "/"
        elif fk["other_column"] == "id" or fk["other_column"] in (await db.primary_keys(fk["other_table"])):
            out[fk["column"]] = f"/{database}/{fk['other_table']}/"
    return out


# canned-query parameter -> the query of its valid values (value, label), offered as a list
PARAM_CHOICES = {
    "election_id": "select id, coalesce(name, id) from elections order by polling_day desc, id",
    "name": "select id, name from people order by name limit 5000",
}


async def param_choices(datasette) -> dict[str, list[tuple[str, str]]]:
    memo = site.cache(datasette)
    if "param_choices" not in memo:
        data = await site.fetch(datasette, {k: (sql, {}) for k, sql in PARAM_CHOICES.items()})
        memo["param_choices"] = {k: [tuple(r.values()) for r in rows] for k, rows in data.items()}
    return memo["param_choices"]


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if template == "query.html" and database == site.DATABASE:  # SQL and canned queries
        async def with_choices():
            out = _vars(database, table, view_name, request, datasette)
            out["param_choices"] = await param_choices(datasette)
            return out
        return with_choices
    if view_name == "row" and database == site.DATABASE and table:
        async def with_fk_links():
            out = _vars(database, table, view_name, request, datasette)
            out["fk_links"] = await fk_links(datasette, database, table)
            return out
        return with_fk_links
    return _vars(database, table, view_name, request, datasette)


def _vars(database, table, view_name, request, datasette):
    out = {}
    if view_name and view_name.startswith("site_"):
        out["metadata"] = datasette.metadata()
    if view_name == "row" and database == site.DATABASE and table in CLEAN_PAGES and request is not None:
        pks = request.url_vars.get("pks")
        if pks and "," not in pks:
            out["clean_url"] = site.entity_url(CLEAN_PAGES[table][0], tilde_decode(pks))
    if view_name == "table" and database == site.DATABASE and table == "news_items":
        out["feed_url"] = "/saylav/feed.atom"
    return out
