"""The page of one news item: /news/{id}.

The story as paragraphs with its date, language and kind; the same story in the other languages;
the elections it concerns; the meeting and who took part; the turnout figures and results read
from it; and its sources (every capture it was seen in, original URLs, fetch times).

Text from captures is only ever rendered through Jinja's autoescaping: markup in a capture is
shown as text. Only http(s) addresses become links. One call to the database thread, with
indexed lookups on the item id and its site id.
"""
from __future__ import annotations

from urllib.parse import unquote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response


from . import site_data as site
from . import turnout_table as turnout
from . import languages
from . import messages as msg


def title_note(snapshots: list[dict], lang: str) -> str:
    """What tells this item from others of the same title: the hour of its turnout figure
    ("Voting continues · 11:00"), or that it states the final turnout."""
    if any(s["is_final"] for s in snapshots):
        return msg.gettext(lang, "Final turnout")
    hours = sorted({s["as_of_hour"] for s in snapshots if s["as_of_hour"] is not None})
    return ", ".join(msg.hour_label(lang, h) for h in hours)

ITEM_QUERIES = {
    "item": ("select * from news_items where id = :id", None),
    "translations": ("""
        select id, lang, title, published_on from news_items
        where site_id = (select site_id from news_items where id = :id) and id != :id
        order by case lang when 'en' then 0 when 'tk' then 1 else 2 end, id""", None),
    "elections": ("""
        select e.id, e.name, e.polling_day, e.body, e.is_by_election
        from item_elections ie join elections e on e.id = ie.election_id
        where ie.news_item_id = :id order by e.polling_day, e.id""", None),
    "meetings": ("select id, held_on, place from meetings where news_item_id = :id order by id", None),
    "participants": ("""
        select mp.meeting_id, mp.person_id, p.name as person_name, mp.name_as_printed, mp.role,
               mp.organization_id, o.name as organization_name, o.abbreviation
        from meetings m
        join meeting_participants mp on mp.meeting_id = m.id
        join people p on p.id = mp.person_id
        left join organizations o on o.id = mp.organization_id
        where m.news_item_id = :id order by mp.rowid""", None),
    "snapshots": ("""
        select s.*, e.name as election_name
        from turnout_snapshots s left join elections e on e.id = s.election_id
        where s.news_item_id = :id order by s.election_id, s.is_final, s.as_of_hour""", None),
    "areas": ("""
        select a.*, c.number, c.name as constituency_name, r.name as region_name
        from turnout_snapshots s
        join turnout_by_area a on a.snapshot_id = s.id
        left join constituencies c on c.id = a.constituency_id
        left join regions r on r.id = a.region_id
        where s.news_item_id = :id order by a.rowid""", None),
    "results": ("""
        select em.*, p.name as person_name, c.number, c.name as constituency_name, e.name as election_name
        from elected_members em
        left join people p on p.id = em.person_id
        left join constituencies c on c.id = em.constituency_id
        left join elections e on e.id = em.election_id
        where em.news_item_id = :id order by em.election_id, c.number, em.rowid""", None),
    "sources": ("""
        select s.position, s.line, s.date_text as seen_date_text, s.title as seen_title,
               c.id as capture_id, c.path, c.url, c.fetched_at, c.format, c.bytes, c.status
        from item_sightings s join captures c on c.id = s.capture_id
        where s.news_item_id = :id
        order by case s.position when 'main' then 0 when 'listing' then 1 else 2 end, c.fetched_at, c.path""", None),
}


async def item_data(datasette, item_id: str) -> dict | None:
    queries = {k: (sql, {"id": item_id}) for k, (sql, _) in ITEM_QUERIES.items()}
    data = await site.fetch(datasette, queries)
    if not data["item"]:
        return None
    data["item"] = data["item"][0]
    by_election: dict[str, dict] = {}
    for s in data["snapshots"]:
        by_election.setdefault(s["election_id"] or "", {"id": s["election_id"], "name": s["election_name"],
                                                        "snapshots": [], "areas": []})["snapshots"].append(s)
    snap_election = {s["id"]: s["election_id"] or "" for s in data["snapshots"]}
    for a in data["areas"]:
        by_election[snap_election[a["snapshot_id"]]]["areas"].append(a)
    data["turnout"] = [
        dict(e, table=turnout.group(e["snapshots"], e["areas"])) for e in by_election.values()
    ]
    meetings = {m["id"]: dict(m, participants=[]) for m in data["meetings"]}
    for p in data["participants"]:
        meetings[p["meeting_id"]]["participants"].append(p)
    data["meetings"] = list(meetings.values())
    return data


async def item_page(datasette, request):
    item_id = unquote(request.url_vars["id"])
    data = await item_data(datasette, item_id)
    if data is None:
        raise NotFound(f"No news item {item_id!r} in the archive")
    item = data["item"]
    lang = languages.request_language(request)[0]
    note = title_note(data["snapshots"], lang)
    title = item["title"] or (item["snippet"] or item_id)[:80]
    context = dict(
        data,
        title_note=note,
        page_title=f"{title} · {note}" if note else title,
        paragraphs=site.paragraphs(item["body"]),
        table_row_url=f"/{site.DATABASE}/news_items/{item_id}",
        crumbs_list=[("/", "home"), ("/saylav/news_items", "news")],
    )
    html = await datasette.render_template("site_item.html", context, request=request, view_name="site_item")
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/news/(?P<id>[^/]+)$", item_page)]
