"""Parse issues: one record of something the loader could not read (a row of `parse_issues`)."""
from __future__ import annotations


def issue(capture_id, line, problem, excerpt) -> dict:
    """A parse issue: the capture it is in (None when unread), its line, what went wrong, an excerpt."""
    return {"capture_id": capture_id, "line": line, "problem": problem, "excerpt": (excerpt or "")[:300]}


_issue = issue
