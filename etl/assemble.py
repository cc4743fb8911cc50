"""Stage 4, assembling: items -> facts and entities -> rows of the contract's tables.

    extract(items, issues) -> Facts      the pure parsers (etl.facts) on every item, then resolved
                                         into elections, constituencies, people and organisations
    rows(captures, items, facts, issues) every table's rows, parents before children (for etl.build)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

from .slug import slug

from .cache import cached_map
from .dating import _date_from_polling_day
from .html_text import SITE_HOSTS
from .entities import (
    Registry,
    constituency_id,
    constituency_name_latin,
    organizations_in,
)
from .facts.elections import (
    ElectionRef,
    bodies_in,
    election_for,
    elections_in,
    hourly_polling_day,
    known_polling_day,
)
from .facts.kinds import classify
from .facts.meetings import parse_meeting, reports_meeting
from .facts.regions import REGION_NAMES, region_name
from .facts.results import CandidateShare, ElectedToOffice, ResultIssue, results_in
from .facts.turnout import parse_turnout
from .issues import _issue
from .merge import Item, unique_id
from .text import TURKMEN_LETTERS


@dataclass
class Facts:
    elections: dict[str, ElectionRef] = field(default_factory=dict)
    item_elections: set = field(default_factory=set)
    constituencies: dict[str, dict] = field(default_factory=dict)
    snapshots: list[dict] = field(default_factory=list)
    areas: list[dict] = field(default_factory=list)
    meetings: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    elected: list[dict] = field(default_factory=list)
    candidates: list[dict] = field(default_factory=list)
    result_ids: set = field(default_factory=set)  # ids of elected_members and candidate_results rows so far
    registry: Registry = field(default_factory=Registry)
    snapshot_ids: set = field(default_factory=set)
    constituency_name_rank: dict = field(default_factory=dict)

    def election(self, ref: ElectionRef) -> str | None:
        if ref.id is None:
            return None
        self.elections.setdefault(ref.id, ref)
        return ref.id

    def constituency(self, body: str, number: int, name: str | None) -> str:
        """The constituency's id; its name is the best spelling seen so far: Turkmen Latin (with
        Turkmen letters) over other Latin spellings over a transliteration of a Cyrillic one."""
        cid = constituency_id(body, number)
        row = self.constituencies.setdefault(cid, {"id": cid, "body": body, "number": number, "name": None, "region": None})
        if name:
            rank = 3 if any(ch in TURKMEN_LETTERS for ch in name) else 2 if _latin(name) else 1
            if rank > self.constituency_name_rank.get(cid, 0):
                self.constituency_name_rank[cid] = rank
                row["name"] = name if rank > 1 else constituency_name_latin(name)
        return cid


def _latin(s: str) -> bool:
    return not re.search(r"[\u0400-\u04FF]", s)


@dataclass
class Parsed:
    """What the pure parsers read from one item's text (see parse_item)."""

    turnout: list
    results: list
    elections: list
    kind: str
    meeting: object | None


def parse_item(title: str | None, text: str, lang: str, published: date | None) -> Parsed:
    """Every fact of one item, read by the pure parsers: no I/O, no shared state, so items can be
    parsed in worker processes."""
    full = "\n".join(filter(None, [title, text]))
    turnout = parse_turnout(full)
    results = results_in(full, text, lang)
    elections = elections_in(full, published)
    kind = classify(title, text, has_turnout=bool(turnout), has_results=bool(results))
    meeting = parse_meeting(text, published, lang) if kind == "meeting" or reports_meeting(text) else None
    return Parsed(turnout, results, elections, kind, meeting)


def _parse_item_star(args):
    try:
        return parse_item(*args)
    except Exception as e:  # a parser fault on one item: its facts are skipped and reported
        return e


def extract(items: list[Item], issues: list[dict], cache=None, full: bool = False) -> Facts:
    """Read every item's facts (in parallel), then resolve them into elections and entities (in
    order, so that ids and names come out the same on every run). With a `cache`
    (etl.cache.LoadCache), an item text parsed before by the same parsers is not parsed again."""
    facts = Facts()
    jobs = [(i.title, i.text, i.lang, i.published_on) for i in items]
    parsed = cached_map(cache, "parse_item", _parse_item_star, jobs, full)
    for item, p in zip(items, parsed):
        capture_id = item.sightings[0].capture.id
        line = item.sightings[0].raw.line
        if isinstance(p, Exception):
            issues.append(_issue(capture_id, line, f"facts could not be read ({type(p).__name__}: {p})",
                                 (item.title or item.text)[:200]))
            continue
        item.elections = p.elections
        for t in p.turnout:
            _add_turnout(facts, item, t, issues, capture_id, line)
        for r in p.results:
            _add_result(facts, item, r, issues)
        item.kind = p.kind
        if p.meeting is not None:
            _add_meeting(facts, item, p.meeting)
        for ref in item.elections:
            eid = facts.election(ref)
            if eid:
                facts.item_elections.add((item.id, eid))
    return facts


def _from_site(item: Item) -> bool:
    """Whether the item was seen on the site's own pages (or in a capture whose address is not
    known, as the archive's own captures may be), not only in a news site's copy."""
    for s in item.sightings:
        url = s.capture.url
        if not url:
            return True
        try:
            if (urlsplit(url).hostname or "").lower() in SITE_HOSTS:
                return True
        except ValueError:
            continue
    return False


def _add_turnout(facts: Facts, item: Item, t, issues, capture_id, line) -> None:
    """One turnout statement as a snapshot, only when its body and its hour (or final) were read
    from the statement itself; otherwise a parse issue says what was missing."""
    for note in t.skipped:
        issues.append(_issue(capture_id, line, f"figure not taken as turnout: {note}", t.statement[:200]))
    body = t.body
    if body is None:
        issues.append(_issue(capture_id, line, "turnout figure with no election named", t.statement[:200]))
        return
    if t.hour is None and not t.is_final:
        issues.append(_issue(capture_id, line, "turnout figure with no hour and not final: not stored",
                             t.statement[:200]))
        return
    if t.joint_bodies:
        issues.append(_issue(capture_id, line, f"turnout figure stated jointly for {body} and "
                             f"{', '.join(t.joint_bodies)}: stored once, for {body}", t.statement[:200]))
    if t.hour is not None:
        _date_from_polling_day(item, body)
    # hourly turnout is stated on polling day (the known election's, or the site's day of publication)
    polling_day = hourly_polling_day(body, item.published_on, _from_site(item),
                                     f"{item.title or ''}\n{item.text}") if t.hour is not None else None
    ref = election_for(body, t.context or t.statement, polling_day)
    if ref.id is None:
        known = next((e for e in item.elections if e.body == body), None)
        ref = known or ref
    eid = facts.election(ref)
    if eid is None:
        # the statement stays, with its figures, hour and body; the election is not guessed
        issues.append(_issue(capture_id, line, "turnout figure whose polling day is unknown", t.statement[:200]))
    else:
        facts.item_elections.add((item.id, eid))
    key = eid or body
    when = "final" if t.is_final else t.hour
    sid = unique_id(f"{item.id}-{key}-{when}", facts.snapshot_ids)
    for value, what in [(t.overall_pct, "overall"), (t.abroad_pct, "abroad")] + [(a.pct, a.printed) for a in t.areas]:
        if value is not None and value > 100:
            issues.append(_issue(capture_id, line, f"impossible percentage {value} ({what}): over 100", t.statement[:200]))
    for printed in getattr(t, "anomalies", []):
        # the parser does not take a "percentage" over 100 as a figure: it is listed here instead
        issues.append(_issue(capture_id, line, f"impossible percentage {printed}: over 100", t.statement[:200]))
    if t.overall_pct is None and t.abroad_pct is None and not t.areas and t.voted is None:
        facts.snapshot_ids.discard(sid)
        return
    facts.snapshots.append({
        "id": sid,
        "election_id": eid,
        "news_item_id": item.id,
        "as_of": f"{ref.polling_day}T{t.hour:02d}:00" if t.hour is not None and ref.polling_day else None,
        "as_of_hour": t.hour,
        "is_final": int(t.is_final),
        "overall_pct": t.overall_pct,
        "abroad_pct": t.abroad_pct,
        "registered": t.registered,
        "voted": t.voted,
        "statement": t.statement,
    })
    for k, a in enumerate(t.areas, 1):
        cid = facts.constituency(body, a.constituency_number, a.constituency_name) if a.constituency_number else None
        facts.areas.append({
            "id": f"{sid}-{k}",
            "snapshot_id": sid,
            "constituency_id": cid,
            "region": region_name(a.region_id) if a.region_id else None,
            "region_id": a.region_id,
            "name_as_printed": a.printed,
            "pct": a.pct,
        })


def _add_result(facts: Facts, item: Item, r, issues: list | None = None) -> None:
    if isinstance(r, (CandidateShare, ElectedToOffice)):
        _add_candidate(facts, item, r, issues if issues is not None else [])
        return
    if isinstance(r, ResultIssue):
        if issues is not None:
            issues.append(_issue(item.sightings[0].capture.id, item.sightings[0].raw.line, r.problem, r.statement))
        return
    sighting = item.sightings[0]
    capture_id, line = sighting.capture.id, sighting.raw.line
    issues = issues if issues is not None else []
    seats = [e for e in item.elections if e.body != "president"]
    named = getattr(r, "body", None)  # the body named before the seat in the text
    if named:
        ref = next((e for e in seats if e.body == named), None)
    else:
        ref = next((e for e in seats if e.body == "mejlis"), None) or (seats[0] if len(seats) == 1 else None)
    eid = facts.election(ref) if ref else None
    # the body whose constituency it is: named before the seat, the item's election, or the Mejlis
    # when the item speaks of its deputies; otherwise it is not guessed
    body = named or (ref.body if ref else ("mejlis" if re.search(r"mejlis|меджлис|deput|депутат",
                                                                f"{item.title or ''} {item.text}", re.I) else None))
    where = f"{r.constituency_number or ''} «{r.constituency_name}»".strip()
    if body is None or r.constituency_number is None:
        cid = None
        issues.append(_issue(capture_id, line, "elected member whose constituency cannot be fixed "
                             + ("(number not printed)" if body else "(body unknown)"), f"{where}: {r.name}"))
    else:
        cid = facts.constituency(body, r.constituency_number, r.constituency_name)
        from .facts.regions import region_id

        rid = region_id(r.region) if getattr(r, "region", None) else None
        if rid and facts.constituencies[cid].get("region") is None:
            facts.constituencies[cid]["region"] = region_name(rid)
    pid = facts.registry.person(r.name, item.lang, surname_first=r.surname_first)
    if eid is None:
        issues.append(_issue(capture_id, line, "elected member whose election cannot be fixed", f"{where}: {r.name}"))
    rid_base = f"{item.id}-{cid}" if cid else f"{item.id}-{body or 'seat'}-{pid}"
    row_id = unique_id(rid_base, facts.result_ids, "elected")
    facts.elected.append({
        "id": row_id,
        "election_id": eid,
        "constituency_id": cid,
        "person_id": pid,
        "occupation": r.occupation,
        "name_as_printed": r.name,
        "news_item_id": item.id,
    })
    if eid:
        facts.item_elections.add((item.id, eid))


def _candidate_election(item: Item, body: str | None, years: tuple) -> ElectionRef | None:
    """The election a share or an elected statement is about: the item's election of that body,
    unless the statement prints another year; then the one known election of the body that year."""
    if body is None:
        bodies = {e.body for e in item.elections}
        body = "president" if "president" in bodies else (next(iter(bodies)) if len(bodies) == 1 else None)
    if body is None:
        return None
    ref = next((e for e in item.elections if e.body == body and e.id), None)
    if ref is not None and (not years or int(ref.polling_day[:4]) in years):
        return ref
    if len(years) == 1:
        day = known_polling_day(body, years[0])
        if day:
            return election_for(body, "", date.fromisoformat(day))
    return None


def _add_candidate(facts: Facts, item: Item, r, issues: list) -> None:
    """A candidate's share of the vote (candidate_results; the winner also in elected_members), or a
    person elected President (elected_members, with no constituency)."""
    sighting = item.sightings[0]
    capture_id, line = sighting.capture.id, sighting.raw.line
    if r.name is None:
        issues.append(_issue(capture_id, line, "share of the vote whose candidate the statement does not name",
                             r.statement))
        return
    if getattr(r, "area", None):
        issues.append(_issue(capture_id, line, f"share of the vote in one area ({r.area}) only: not stored",
                             r.statement))
        return
    bodies = {b for _, b in bodies_in(r.statement)}
    body = getattr(r, "body", None) or (next(iter(bodies)) if len(bodies) == 1 else None)
    ref = _candidate_election(item, body, r.years)
    eid = facts.election(ref) if ref else None
    if eid is None:
        issues.append(_issue(capture_id, line, "election result whose election cannot be fixed", r.statement))
    else:
        facts.item_elections.add((item.id, eid))
    pid = facts.registry.person(r.name, item.lang, surname_first=r.surname_first,
                                nominative_form=getattr(r, "nominative", None))
    if body is None and eid is None:
        named = {b for _, b in bodies_in(f"{item.title or ''}\n{item.text}")}
        body = next(iter(named)) if len(named) == 1 else None  # for a readable id only
    key = eid or body or "election"
    if isinstance(r, CandidateShare):
        # the same share printed twice in one item (a subtitle and the body, a sentence and a table)
        known = next((c for c in reversed(facts.candidates) if c["news_item_id"] == item.id
                      and c["election_id"] == eid and c["person_id"] == pid and c["pct"] == r.pct), None)
        if known is None:
            rid = unique_id(f"{item.id}-{key}-{pid}", facts.result_ids, "candidate")
            facts.candidates.append({
                "id": rid,
                "election_id": eid,
                "person_id": pid,
                "name_as_printed": r.name,
                "pct": r.pct,
                "votes": r.votes,
                "is_elected": int(r.is_elected),
                "news_item_id": item.id,
                "statement": r.statement,
            })
        elif r.is_elected:
            known["is_elected"] = 1
        if not r.is_elected:
            return
    eid_key = f"{item.id}-{key}"
    if ("seat", item.id, eid, pid) in facts.result_ids:
        return  # the winner named twice in one item (the title and the body, a share and a statement)
    facts.result_ids.add(("seat", item.id, eid, pid))
    mid = unique_id(eid_key, facts.result_ids, "elected")
    facts.elected.append({
        "id": mid,
        "election_id": eid,
        "constituency_id": None,
        "person_id": pid,
        "occupation": None,
        "name_as_printed": r.name,
        "news_item_id": item.id,
    })


@lru_cache(maxsize=1 << 12)  # roles and organisations repeat from meeting to meeting
def _organizations_in(text: str) -> tuple:
    return tuple(organizations_in(text))


def _add_meeting(facts: Facts, item: Item, m) -> None:
    mid = f"{item.id}-meeting"
    facts.meetings.append({
        "id": mid,
        "news_item_id": item.id,
        "held_on": m.held_on.isoformat() if m.held_on else None,
        "place": m.place,
    })
    seen = set()
    for p in m.participants:
        pid = facts.registry.person(p.name, item.lang, nominative_form=getattr(p, "nominative", None))
        for alias in p.aliases:
            facts.registry.person_alias(pid, alias, item.lang)
        if pid in seen:
            continue
        seen.add(pid)
        org_id = None
        if p.role:
            orgs = _organizations_in(p.organization_text or "") or _organizations_in(p.role)
            if orgs:
                org, printed = orgs[0]
                org_id = facts.registry.organization(org, printed, item.lang)
        facts.participants.append({
            "meeting_id": mid,
            "person_id": pid,
            "role": p.role,
            "organization_id": org_id,
            "name_as_printed": p.name,
        })


def rows(captures, items, facts: Facts, issues):
    """Every table's rows, in the order they are written (parents before children)."""
    first_election: dict[str, str] = {}
    for item_id, eid in sorted(facts.item_elections):
        first_election.setdefault(item_id, eid)
    yield "captures", [{
        "id": c.id, "path": c.path, "url": c.url, "fetched_at": c.fetched_at, "format": c.format,
        "bytes": c.size, "site_id": c.site_id, "url_lang": c.url_lang, "status": c.status,
    } for c in captures]
    yield "elections", [{
        "id": e.id, "body": e.body, "polling_day": e.polling_day, "is_by_election": int(e.is_by_election),
        "name": e.name,
    } for e in sorted(facts.elections.values(), key=lambda e: e.id)]
    yield "regions", [{"id": rid, "name": tk, "name_en": en, "name_ru": ru} for rid, (tk, en, ru) in REGION_NAMES.items()]
    yield "constituencies", sorted(facts.constituencies.values(), key=lambda r: r["id"])
    yield "news_items", [{
        "id": i.id, "site_id": i.site_id, "lang": i.lang,
        "published_on": i.published_on.isoformat() if i.published_on else None,
        "year": i.published_on.year if i.published_on else None,
        "date_text": i.date.text if i.date else None, "date_basis": i.date_basis,
        "title": i.title, "slug": slug(i.title or "", max_length=80) or None,
        "body": i.body, "snippet": i.snippet, "kind": i.kind,
        "election_id": i.elections[0].id if i.elections and i.elections[0].id else first_election.get(i.id),
        "url": i.url, "is_truncated": int(i.is_truncated),
        "first_capture_id": min(i.sightings, key=lambda s: s.capture.path).capture.id,
    } for i in items]
    sightings = {}
    for i in items:
        for s in i.sightings:
            key = (i.id, s.capture.id, s.raw.position, s.raw.line)
            sightings[key] = {"news_item_id": i.id, "capture_id": s.capture.id, "position": s.raw.position,
                              "line": s.raw.line, "date_text": s.raw.date_text, "title": s.raw.title}
    yield "item_sightings", list(sightings.values())
    yield "item_elections", [{"news_item_id": a, "election_id": b} for a, b in sorted(facts.item_elections)]
    yield "turnout_snapshots", facts.snapshots
    yield "turnout_by_area", facts.areas
    people, names = [], []
    for person, forms in facts.registry.person_rows():
        people.append(person)
        names.extend(forms)
    yield "people", people
    yield "person_names", names
    orgs, org_names = [], []
    for oid, entry in sorted(facts.registry.organizations.items()):
        org = entry["org"]
        orgs.append({"id": oid, "name": org.name, "abbreviation": org.abbreviation})
        org_names.extend({"organization_id": oid, "name": n, "lang": l} for n, l in entry["forms"])
    yield "organizations", orgs
    yield "organization_names", org_names
    yield "meetings", facts.meetings
    yield "meeting_participants", facts.participants
    yield "elected_members", facts.elected
    yield "candidate_results", facts.candidates
    yield "parse_issues", [dict(r, id=k) for k, r in enumerate(issues, 1)]
