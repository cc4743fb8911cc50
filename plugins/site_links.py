"""The site's chrome around Datasette: stylesheet, template helpers, and links to the clean pages.

- The stylesheet /static/site.css on every page; /static/site.js on the SQL pages (labels the editor).
- Template globals (labels in three languages, date and URL helpers) from site_data.
- Row pages of tables with a clean page (/saylav/news_items/{id} -> /news/{id}, elections, people,
  organisations, constituencies, regions) link to it, and so do the names in those tables' own
  HTML listings (templates/_table-saylav-{table}.html; a template, not a render_cell hook, which
  would cost a plugin call for every cell of every table page).
- The site's own pages get the instance metadata for the footer (source, licence).
"""
from __future__ import annotations


from datasette import hookimpl
from datasette.utils import tilde_decode

from etl.plugin_support import sibling


site = sibling(__file__, "site_data")

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


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
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
