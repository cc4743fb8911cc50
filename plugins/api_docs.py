"""/api: how to use the JSON API, with working example URLs built from the archive's own rows.

Covers table and row JSON, the `_shape` options, filters, sorting, column selection, pagination,
facets, full-text search (raw FTS5 syntax, with the folded query the site's search box would use),
labels, canned queries and views, arbitrary read-only SQL, CSV (one page, streamed, as a download),
the Atom feeds, the database file and the metadata. Every example is a real link; the tests request
each one.
"""
from __future__ import annotations

from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response


from . import site_data as site
from . import translit


def q(path: str, **args) -> str:
    return path + ("?" + urlencode(args, doseq=True) if args else "")


def examples(item_id: str, election_id: str, lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Sections of (description, URL) pairs."""
    db = "/" + site.DATABASE
    n = f"{db}/news_items"
    fts = translit.fts_query("Myradov")
    return [
        ("Tables and rows", [
            ("A table as JSON: rows, columns, the next-page token", f"{n}.json"),
            ("One row by its primary key", f"{n}/{item_id}.json"),
            ("Every table of the database, with counts", f"{db}.json"),
            ("Table and column descriptions (the data dictionary)", "/-/metadata.json"),
        ]),
        ("Shapes of the JSON", [
            ("A plain array of objects", q(f"{n}.json", _shape="array", _size=5)),
            ("Objects without the envelope, newline-delimited", q(f"{n}.json", _shape="array", _nl="on", _size=5)),
            ("Arrays of values (compact)", q(f"{n}.json", _shape="arrays", _size=5)),
            ("An object keyed by primary key", q(f"{db}/elections.json", _shape="object")),
        ]),
        ("Filters, sorting, columns, pages", [
            ("Items in one language", q(f"{n}.json", lang=lang, _shape="array", _size=5)),
            ("Items from a date on, oldest first", q(f"{n}.json", published_on__gte="2023-01-01", _sort="published_on",
                                                   _shape="array", _size=5)),
            ("Only some columns", q(f"{n}.json", _col=["title", "published_on", "lang"], _shape="array", _size=5)),
            ("Paging through a whole table: sort by its key and follow `next_url` until it is null",
             q(f"{n}.json", _sort="id", _size=2)),
            ("Foreign keys expanded to their labels", q(f"{db}/turnout_snapshots.json", _labels="on", _size=5)),
        ]),
        ("Facets (counts by value)", [
            ("Items by language and kind, without the rows", q(f"{n}.json", _facet=["lang", "kind"], _size=0)),
            ("Items by year", q(f"{n}.json", _facet="year", _size=0)),
            ("Facets in the HTML table", q(n, _facet=["lang", "kind"])),
        ]),
        ("Full-text search", [
            ("Words in any column (Turkmen letters fold: saylaw finds saýlaw)", q(f"{n}.json", _search="saylaw",
                                                                              _shape="array")),
            ("Prefixes, raw FTS5 syntax (saylaw* finds Saýlawlary)", q(f"{n}.json", _search="saylaw*", _searchmode="raw",
                                                                         _shape="array")),
            ("The query the site's search box makes of 'Myradov' (both scripts, prefixes)",
             q(f"{n}.json", _search=fts, _searchmode="raw", _shape="array")),
            ("The site's search page", q("/search", q="Myradov")),
        ]),
        ("Queries and views", [
            ("Turnout through polling day of one election (canned query)",
             q(f"{db}/turnout_through_polling_day.json", election_id=election_id, _shape="array")),
            ("The same from the view", q(f"{db}/turnout_through_the_day.json", election_id=election_id, _shape="array")),
            ("Any read-only SQL", q(f"{db}.json", sql="select lang, count(*) as items from news_items group by lang",
                                    _shape="array")),
        ]),
        ("CSV and downloads", [
            ("One page as CSV", q(f"{n}.csv", _size=5)),
            ("The whole table as CSV, streamed (never cut short: an export that fails stops with an error)",
             q(f"{n}.csv", _stream="on", _size="max")),
            ("The same as a file download", q(f"{n}.csv", _stream="on", _size="max", _dl="on")),
            ("A query as CSV", q(f"{db}.csv", sql="select id, name, polling_day from elections")),
            ("The whole SQLite database file", f"{db}.db"),
        ]),
        ("Feeds", [
            ("All news (Atom)", f"{db}/feed.atom"),
            ("News in one language", f"{db}/feed/{lang}.atom"),
            ("Turnout news", f"{db}/feed/turnout.atom"),
        ]),
    ]


async def api_page(datasette, request):
    data = await site.fetch(datasette, {
        "item": ("select id, lang from news_items order by published_on desc, id limit 1", {}),
        "election": ("""select election_id as id from turnout_snapshots where election_id is not null
                        order by as_of desc limit 1""", {}),
        "any_election": ("select id from elections order by polling_day desc limit 1", {}),
    })
    item = (data["item"] or [{"id": "en-1", "lang": "en"}])[0]
    election = (data["election"] or data["any_election"] or [{"id": "mejlis-2023-03-26"}])[0]["id"]
    tables = datasette.metadata("tables", database=site.DATABASE) or {}
    context = {
        "page_title": "JSON API", "sections": examples(item["id"], election, item["lang"] or "en"),
        "tables": [(name, (meta or {}).get("description")) for name, meta in tables.items()
                   if not (meta or {}).get("hidden")],
        "crumbs_list": [("/", "home")],
    }
    html = await datasette.render_template("site_api.html", context, request=request, view_name="site_api")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/api$", api_page)]
