"""Stage 2, merging: sightings of one story in many captures -> one item per language.

    merge(sightings) -> items

Sightings that share language and site id, or language, title and the start of their text, are one
item; the fullest title and text win, the item's own page gives its date line; ids are stable and
readable (`en-1234`, `tk-title-words-abc123`).
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit, urlunsplit


from . import dates as D
from .facts.elections import ElectionRef
from .html_text import CANONICAL_HOST, SITE_HOSTS
from .sightings import (  # noqa: F401
    BUCKET_CHARS,
    OPENING_CHARS,
    UNTITLED_MIN_CHARS,
    Sighting,
    id_words,
    sightings_of,
)
from .text import fold


@dataclass
class Item:
    """A news item in one language, merged from all its sightings."""

    id: str = ""
    lang: str = ""
    site_id: int | None = None
    url: str | None = None
    sightings: list[Sighting] = field(default_factory=list)
    title: str | None = None
    date: D.DayMonth | None = None
    body: str | None = None
    snippet: str | None = None
    published_on: date | None = None
    date_basis: str | None = None
    kind: str = "other"
    elections: list[ElectionRef] = field(default_factory=list)
    text_words: str | None = None  # id_words of `text`, when its sighting had them (etl.sightings)

    @property
    def text(self) -> str:
        # a snippet keeps its "...", so that facts read from it can tell they were cut
        return self.body or self.snippet or ""

    @property
    def is_truncated(self) -> bool:
        return self.body is None


def merge(sightings: list[Sighting]) -> list[Item]:
    """Group sightings of the same item.

    Two sightings are one item when they share language and site id, or language, title and text
    (one text the start of the other: a sidebar snippet is the opening of the full story) and no
    date line of one contradicts a date line of the other: the site repeats a wording from story to
    story ("the election campaign goes on"), and sightings of such stories printed on different
    days are different items.
    """
    n = len(sightings)
    parent = list(range(n))
    # the date lines of each group, at its root: (day, month), and the year when one was printed
    days: list[tuple[int, int] | None] = [None] * n
    years: list[int | None] = [None] * n
    for i, s in enumerate(sightings):
        d = s.raw.date
        if d is not None:
            days[i] = (d.day, d.month)
            years[i] = d.year

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, gone = (ra, rb) if ra < rb else (rb, ra)
            parent[gone] = keep  # (what was known at `gone` is never read again)
            if days[keep] is None:
                days[keep] = days[gone]
            if years[keep] is None:
                years[keep] = years[gone]

    def dates_agree(a, b) -> bool:
        """Whether the groups of `a` and `b` print no different date lines (day and month, or year)."""
        ra, rb = find(a), find(b)
        da, db, ya, yb = days[ra], days[rb], years[ra], years[rb]
        return (da is None or db is None or da == db) and (ya is None or yb is None or ya == yb)

    by_site: dict[tuple, int] = {}
    buckets: dict[tuple, list[int]] = defaultdict(list)
    untitled: dict[tuple, list[int]] = defaultdict(list)
    openings = [s.opening for s in sightings]
    for i, s in enumerate(sightings):
        if s.site_id is not None:
            key = (s.lang, s.site_id)
            if key in by_site:
                union(i, by_site[key])
            else:
                by_site[key] = i
        title = fold(s.raw.title)
        opening = openings[i]
        if title or len(opening) >= 30:
            buckets[(s.lang, title[:120], opening[:BUCKET_CHARS])].append(i)
        if len(opening) >= UNTITLED_MIN_CHARS and not s.raw.is_snippet:
            # a story seen once with its title and once without (a second excerpt of the page
            # that starts below the headline): the same text is the same item
            untitled[(s.lang, opening[:BUCKET_CHARS])].append(i)
    site_ids = [s.site_id for s in sightings]
    longest_first = [-len(o) for o in openings]
    for members in buckets.values():
        if len(members) == 1:
            continue  # nothing to join
        clusters: list[tuple[str, int]] = []  # (longest opening, representative)
        for i in sorted(members, key=longest_first.__getitem__):
            text = openings[i]
            site_id = site_ids[i]
            for rep_text, rep in clusters:
                # (a representative came first, so its opening is at least as long: one text is
                # the start of the other when this one is the start of the representative's)
                if rep_text.startswith(text):
                    if (site_id is None or site_ids[rep] is None or site_id == site_ids[rep]) \
                            and dates_agree(i, rep):
                        union(i, rep)
                        break
            else:
                clusters.append((text, i))
    for members in untitled.values():
        titled = [i for i in members if sightings[i].raw.title]
        for i in members:
            if sightings[i].raw.title:
                continue
            same = [j for j in titled if (openings[j].startswith(openings[i]) or openings[i].startswith(openings[j]))
                    and _ids_agree(sightings[i], sightings[j]) and dates_agree(i, j)]
            if len({find(j) for j in same}) == 1:  # exactly one titled story has this text
                union(i, same[0])
    groups: dict[int, list[Sighting]] = defaultdict(list)
    for i, s in enumerate(sightings):
        groups[find(i)].append(s)
    items = [_merge_group(group) for _, group in sorted(groups.items())]
    _assign_ids(items)
    return items


def _ids_agree(a: Sighting, b: Sighting) -> bool:
    return a.site_id is None or b.site_id is None or a.site_id == b.site_id


def site_url(url: str | None) -> str | None:
    """An item's URL on the site's main host: www., http and the mirror are the same page."""
    if not url:
        return None
    if url.startswith(_CANONICAL_PREFIX) and not url.endswith("?") and not _NOT_KEPT_AS_IS.search(url):
        return url  # what urlsplit and urlunsplit give back unchanged (tests/test_merge_and_id_order.py)
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in SITE_HOSTS:
        return urlunsplit(("https", CANONICAL_HOST, parts.path, parts.query, ""))
    return url


_CANONICAL_PREFIX = f"https://{CANONICAL_HOST}/"
# a fragment (dropped), and the characters urlsplit removes wherever they are
_NOT_KEPT_AS_IS = re.compile(r"[#\t\r\n]")

POSITION_RANK = {"main": 0, "listing": 1, "sidebar": 2}


def _text_length(raw) -> int:
    """len(raw.text), without joining its paragraphs."""
    paragraphs = raw.paragraphs
    return sum(map(len, paragraphs)) + 2 * (len(paragraphs) - 1) if paragraphs else 0


def _merge_group(group: list[Sighting]) -> Item:
    item = Item(sightings=group, lang=group[0].lang)
    item.site_id = next((s.site_id for s in group if s.site_id is not None), None)
    item.url = site_url(next((s.url for s in group if s.url and s.site_id is not None),
                             next((s.url for s in group if s.url), None)))
    titles = [s.raw.title for s in group if s.raw.title]
    item.title = max(titles, key=len) if titles else None
    # the date the item's own page prints comes before any sidebar or listing sighting of it; a
    # date line that prints its year before one that does not
    dated = sorted((s for s in group if s.raw.date),
                   key=lambda s: (POSITION_RANK.get(s.raw.position, 3), s.raw.date.year is None))
    item.date = dated[0].raw.date if dated else None
    # the longest full text, and the longest snippet (the first seen of equal length)
    body = snippet = None
    body_length = snippet_length = 0
    for s in group:
        length = _text_length(s.raw)
        if s.raw.is_snippet:
            if length > snippet_length:
                snippet, snippet_length = s, length
        elif length > body_length:
            body, body_length = s, length
    item.body = body.raw.text if body else None
    item.snippet = snippet.raw.text if snippet else None
    chosen = body or snippet  # the sighting whose text is the item's
    item.text_words = chosen.text_words if chosen else None
    if item.snippet is None and item.body:
        item.snippet = item.body[:200].rsplit(" ", 1)[0] + "..." if len(item.body) > 200 else item.body
    return item


def unique_id(base: str, taken: set, tag: str | None = None) -> str:
    """`base`, or else `base-2`, `base-3`...: the first not yet in `taken`, which records it (as
    `(tag, id)` when tagged, so that one set serves several tables)."""
    key = (lambda ident: (tag, ident)) if tag else (lambda ident: ident)
    ident, n = base, 2
    while key(ident) in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(key(ident))
    return ident


def _assign_ids(items: list[Item]) -> None:
    used: set[str] = set()
    # (merge joins every sighting of one language and site id, so items with a site id never tie
    # on it: only items without one need the hash, to order them and to name them)
    stable = {id(i): _stable(i) for i in items if i.site_id is None}
    for item in sorted(items, key=lambda i: (i.site_id is None, i.site_id or 0, i.lang, stable.get(id(i), ""))):
        if item.site_id is not None:
            base = f"{item.lang}-{item.site_id}"
        else:
            if item.title or item.text_words is None:
                words = id_words(item.title or item.text) or "item"
            else:
                words = item.text_words or "item"
            base = f"{item.lang}-{words}-{stable[id(item)][:6]}"
        item.id = unique_id(base, used)


def _stable(item: Item) -> str:
    """A hash of what every sighting of the item shares: language, title, date line and the
    opening of its text (the shortest opening seen, which is the start of every longer one)."""
    opening = min((s.opening for s in item.sightings), key=len)[:200]
    basis = "|".join([item.lang, fold(item.title), opening, item.date.text if item.date else ""])
    return hashlib.sha1(basis.encode()).hexdigest()
