"""Stage 3, dating: the year of each item's date line, and how it was fixed (`date_basis`).

    fix_dates(items, issues)

from, in order of trust: a year printed with the date, the item's own text, article ids between
dated neighbours, newest-first list neighbours, the capture's fetch time, the story's dated
translation; an inferred year that contradicts the order of article ids is dropped and reported.
`date_from_polling_day` serves the facts stage (hourly turnout is published on polling day).
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from . import dates as D
from .cache import cached_map
from .facts.elections import KNOWN_ELECTIONS
from .issues import _issue
from .merge import Item


def fix_dates(items: list[Item], issues: list[dict], cache=None, full: bool = False) -> None:
    """Give each item with a date line its year, recording how it was fixed (`date_basis`).

    In order of trust: a year printed with the date (`date-line`; `dateline` for a press page's time
    stamp or dateline, "2018-03-25 10:35", "OREANDA-NEWS. February 14, 2012"); a full date in the
    item's own text; the article id between neighbours whose dates are known; neighbours in a
    newest-first list (sidebar, listing; one list per excerpt of a capture); the capture's fetch
    time for sidebar and listing items. Never the main story's year for a sidebar item.

    The years read from the items' texts go through `cache` (etl.cache.LoadCache) when given.
    """
    dated = [i for i in items if i.date]
    for item in dated:
        if item.date.year:
            _set(item, item.date.year, item.date.basis or "date-line")
    undated = [i for i in dated if not i.published_on]
    years = cached_map(cache, "year_from_text", _year_from_text_star,
                       [(i.date, f"{i.title or ''}\n{i.text}") for i in undated], full)
    for item, y in zip(undated, years):
        if y:
            _set(item, y, "text")
    # neighbours in the newest-first lists of each capture
    lists = _newest_first_lists(items)
    for _ in range(3):
        changed = _from_list_neighbours(items, lists)
        changed += _from_site_ids(items, corpus_only=True)
        if not changed:
            break
    for item in dated:
        if item.published_on is None:
            _from_fetch_time(item)
    _from_site_ids(items, corpus_only=False)
    _from_list_neighbours(items, lists)

    # One site id is one story in three languages, published together: a translation without a
    # year (or without a date line at all) takes the date of its dated twin.
    by_story: dict[int, set] = defaultdict(set)
    for item in items:
        if item.site_id is not None and item.published_on and item.date_basis != "story":
            by_story[item.site_id].add(item.published_on)
    for item in items:
        days = by_story.get(item.site_id) if item.site_id is not None else None
        if item.published_on or not days or len(days) != 1:
            continue
        day = next(iter(days))
        if item.date is None:
            item.published_on, item.date_basis = day, "story"
        elif (item.date.day, item.date.month) == (day.day, day.month):
            _set(item, day.year, "story")
    _drop_dates_against_ids(items, issues)


STRONG_BASES = ("date-line", "dateline", "text", "polling-day")
ID_ORDER_SLACK_DAYS = 7  # a translation or a late edit may stand a little out of order
ID_ORDER_WINDOW = 5  # strong neighbours on each side that judge a strong date
ID_ORDER_QUORUM = 3  # fewer than this on a side: that side does not judge


def _drop_dates_against_ids(items: list[Item], issues: list[dict]) -> None:
    """Article ids grow with time: a year that was inferred (not read) and puts an article before
    a lower-numbered one, or after a higher-numbered one, whose date was read from its text is
    wrong. Such a date is dropped (NULL) and reported, never kept.

    One misread strong date must not condemn every date beyond it, so strong dates are judged
    first, each against the median of its nearest strong neighbours by id (`_id_order_outliers`):
    an outlier bounds no other date. It is itself kept, as every date read from the item's own
    text: the newest article of a capture has neighbours on one side only, and there a right date
    can look out of order."""
    strong = sorted({(i.site_id, i.published_on) for i in items
                     if i.site_id is not None and i.published_on and i.date_basis in STRONG_BASES})
    if not strong:
        return
    outliers = _id_order_outliers(strong)
    if outliers:
        strong = [row for row in strong if row not in outliers]
        if not strong:
            return
    ids = [k for k, _ in strong]
    latest_below, best = [], None
    for _, d in strong:
        best = d if best is None or d > best else best
        latest_below.append(best)
    earliest_above, best = [None] * len(strong), None
    for k in range(len(strong) - 1, -1, -1):
        d = strong[k][1]
        best = d if best is None or d < best else best
        earliest_above[k] = best
    slack = D.timedelta(days=ID_ORDER_SLACK_DAYS)
    for item in items:
        if item.site_id is None or not item.published_on or item.date_basis in STRONG_BASES:
            continue
        lo = bisect.bisect_left(ids, item.site_id)  # strong ids below this one end before lo
        hi = bisect.bisect_right(ids, item.site_id)
        before = latest_below[lo - 1] if lo else None
        after = earliest_above[hi] if hi < len(strong) else None
        if (before and item.published_on < before - slack) or (after and item.published_on > after + slack):
            _drop(item, issues, "contradicts the order of article ids")


def _drop(item: Item, issues: list[dict], why: str) -> None:
    """Leave an item's date unknown, with a parse issue saying why."""
    sighting = item.sightings[0]
    issues.append(_issue(sighting.capture.id, sighting.raw.line,
                         f"date {item.published_on} ({item.date_basis}) {why}: left unknown",
                         item.date.text if item.date else ""))
    item.published_on, item.date_basis = None, None


def _id_order_outliers(strong: list[tuple]) -> set[tuple]:
    """The (site id, date) pairs of `strong` (sorted, distinct) that break the order of ids: later
    than the median date of the next ID_ORDER_WINDOW higher ids, or earlier than the median of the
    ID_ORDER_WINDOW lower ones, by more than ID_ORDER_SLACK_DAYS. A side with fewer than
    ID_ORDER_QUORUM dates does not judge, so an isolated date is never an outlier."""
    slack = D.timedelta(days=ID_ORDER_SLACK_DAYS)
    ids = [k for k, _ in strong]
    out: set[tuple] = set()
    for k, (site_id, day) in enumerate(strong):
        lo = bisect.bisect_left(ids, site_id)
        hi = bisect.bisect_right(ids, site_id)
        below = sorted(d for _, d in strong[max(0, lo - ID_ORDER_WINDOW):lo])
        above = sorted(d for _, d in strong[hi:hi + ID_ORDER_WINDOW])
        if len(above) >= ID_ORDER_QUORUM and day > above[len(above) // 2] + slack:
            out.add((site_id, day))
        elif len(below) >= ID_ORDER_QUORUM and day < below[len(below) // 2] - slack:
            out.add((site_id, day))
    return out


def _set(item: Item, year: int, basis: str) -> bool:
    d = D.make_date(year, item.date.day, item.date.month)
    if d is None:
        return False
    item.published_on, item.date_basis = d, basis
    return True


def _newest_first_lists(items: list[Item]) -> list[list[Item]]:
    """The dated items of each newest-first list, in the list's order: one list per excerpt of a
    capture's sidebar or listing (excerpts joined by "-----" are crawls of one address made years
    apart, so their items are no neighbours)."""
    by_capture: dict[tuple, list[tuple[int, Item]]] = defaultdict(list)
    for item in items:
        if not item.date:
            continue
        for s in item.sightings:
            if s.raw.position in ("sidebar", "listing"):
                by_capture[(s.capture.id, s.raw.excerpt)].append((s.raw.line, item))
    lists = []
    for rows in by_capture.values():
        rows.sort(key=lambda r: r[0])
        lists.append([it for _, it in rows])
    return lists


def _from_list_neighbours(items: list[Item], lists: list[list[Item]] | None = None) -> int:
    """Years from neighbours in newest-first lists (`lists`: _newest_first_lists of `items`, which
    callers that ask several times compute once)."""
    changed = 0
    for seq in lists if lists is not None else _newest_first_lists(items):
        if all(it.published_on for it in seq):
            continue
        for idx, item in enumerate(seq):
            if item.published_on:
                continue
            newer = next((seq[j] for j in range(idx - 1, -1, -1) if seq[j].published_on), None)
            older = next((seq[j] for j in range(idx + 1, len(seq)) if seq[j].published_on), None)
            y = None
            if newer and older:
                y = D.year_between(item.date, older.published_on, newer.published_on)
            elif newer:
                y = D.year_before(item.date, newer.published_on)
            elif older:
                for cand in (older.published_on.year, older.published_on.year + 1):
                    d = D.make_date(cand, item.date.day, item.date.month)
                    if d and d >= older.published_on and (d - older.published_on).days < 366:
                        y = cand
                        break
            if y and _set(item, y, "list-neighbours"):
                changed += 1
    return changed


def _from_site_ids(items: list[Item], corpus_only: bool) -> int:
    """Year from the article id: ids grow with time, so an article's date lies between those of
    its lower and higher numbered neighbours whose dates are known. Without `corpus_only`, the
    site's known id milestones (dates.ID_ANCHORS) join the neighbours, and failing a bracket, the
    interpolated estimate picks the year when only one lies within dates.ID_TOLERANCE_DAYS."""
    known = sorted({(i.site_id, i.published_on) for i in items
                    if i.site_id is not None and i.published_on
                    and i.date_basis in ("date-line", "text", "list-neighbours", "capture-date", "polling-day")})
    if not corpus_only:
        known = sorted(set(known) | set(D.ID_ANCHORS))
    changed = 0
    ids = [k[0] for k in known]
    for item in items:
        if item.published_on or item.site_id is None or not item.date:
            continue
        hi = bisect.bisect_right(ids, item.site_id)
        lower = known[hi - 1] if hi else None
        lo = bisect.bisect_left(ids, item.site_id)
        higher = known[lo] if lo < len(known) else None
        y = D.year_between(item.date, lower[1], higher[1]) if lower and higher and lower[1] <= higher[1] else None
        close = lower and higher and (
            (higher[1] - lower[1]).days <= D.ID_MAX_SPAN_DAYS
            or min(item.site_id - lower[0], higher[0] - item.site_id) <= D.ID_NEAR)
        if y is None and not corpus_only and close:
            est = D.estimate_from_neighbours(item.site_id, [lower, higher])
            y = D.year_near(item.date, est) if est else None
        if y and _set(item, y, "site-id"):
            changed += 1
            continue
        if y is None and not corpus_only and lower and higher and lower[1] <= higher[1]:
            # the text names "this month" with its year, and the id's neighbours agree
            m = D.year_from_month_mentions(item.date, f"{item.title or ''}\n{item.text}")
            d = D.make_date(m, item.date.day, item.date.month) if m else None
            if d and lower[1] <= d <= higher[1] and _set(item, m, "text-month"):
                changed += 1
    return changed


def _from_fetch_time(item: Item) -> None:
    for s in item.sightings:
        if s.raw.position not in ("sidebar", "listing"):
            continue
        fetched = D.parse_timestamp(s.capture.fetched_at)
        if fetched is None:
            continue
        y = D.year_before(item.date, fetched.date() + D.timedelta(days=1))
        if y and _set(item, y, "capture-date"):
            return


def _year_from_text_star(args):
    dm, text = args
    return D.year_from_text(dm, text)


def _date_from_polling_day(item: Item, body: str) -> None:
    """Hourly turnout is published on polling day: a date line with no year takes the year of the
    one known election of that body held on that day and month."""
    if item.published_on or not item.date:
        return
    days = [d for b, d, _ in KNOWN_ELECTIONS
            if b == body and d[5:] == f"{item.date.month:02d}-{item.date.day:02d}"]
    if len(days) == 1:
        _set(item, int(days[0][:4]), "polling-day")
