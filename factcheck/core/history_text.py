"""The audit trail read aloud: one plain sentence per history row.

The ``history`` table keeps old and new values as text, some of them JSON (a link's
relation and far end, a placement before re-anchoring). A reviewer reading a claim's
history wants "Linked to #4 in 'Raed al Saleh knows…' as contradicts", not the JSON;
:func:`history_sentence` writes that. ``describe`` names another claim (its number and
article), as the window or a report knows it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from factcheck.core.model import HistoryEntry, Status

SHORT = 60


def _short(text: str, limit: int = SHORT) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _json(value: str) -> dict[str, Any]:
    try:
        data = json.loads(value) if value.startswith("{") else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _status(value: str) -> str:
    try:
        return Status(value).label
    except ValueError:
        return value or "?"


def _claim_ref(value: Any, describe: Callable[[int], str]) -> str:
    try:
        return describe(int(value))
    except (TypeError, ValueError):
        return "another claim"


def history_sentence(h: HistoryEntry, describe: Callable[[int], str] = lambda c: f"#{c}") -> str:
    """What happened, as a sentence (without who and when: see :func:`history_line`)."""
    old, new = _json(h.old), _json(h.new)
    action = h.action
    if action == "mark claim":
        return f"Marked “{_short(h.new)}”"
    if action == "set status":
        return f"Verdict {_status(h.old)} → {_status(h.new)}"
    if action == "set note":
        if not h.new.strip():
            return "Note cleared"
        return f"Note {'written' if not h.old.strip() else 'changed'}: “{_short(h.new)}”"
    if action == "add tag":
        return f"Tagged “{_short(h.new)}”"
    if action == "remove tag":
        return f"Tag “{_short(h.old)}” removed"
    if action == "link claim":
        relation = str(new.get("relation", "related")).replace("-", " ")
        return f"Linked to {_claim_ref(new.get('claim'), describe)} as {relation}"
    if action == "add source":
        return f"Source added: {new.get('url') or '?'}"
    if action == "remove evidence":
        if old.get("claim"):
            return f"Link to {_claim_ref(old.get('claim'), describe)} removed"
        return f"Source removed: {old.get('url') or '?'}"
    if action == "restore evidence":
        return "Evidence put back (undo)"
    if action == "delete claim":
        return "Claim deleted"
    if action == "restore claim":
        return "Claim put back (undo)"
    if action == "re-anchor claim":
        placed = str(new.get("placement") or "")
        return f"Placed on the new text of the article ({placed or 'moved'})"
    if action == "confirm placement":
        return "Placement confirmed"
    if action == "reattach claim":
        quote = new.get("quote") if isinstance(new.get("quote"), str) else ""
        return f"Re-attached to “{_short(quote)}”" if quote else "Re-attached to new text"
    if action == "restore placement":
        return "Placement put back (undo)"
    change = ""
    if h.old or h.new:
        change = f": {_short(h.old)} → {_short(h.new)}" if h.old and h.new else \
            f": {_short(h.new or h.old)}"
    return f"{action.capitalize()}{change}"


def history_line(h: HistoryEntry, describe: Callable[[int], str] = lambda c: f"#{c}") -> str:
    """``2026-11-29 09:12  Tess — Verdict Unverified → Contradicted``."""
    return f"{h.at[:16].replace('T', ' ')}  {h.reviewer or '?'} — {history_sentence(h, describe)}"
