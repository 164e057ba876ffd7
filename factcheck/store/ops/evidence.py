"""Operations on evidence: links between claims and outside sources."""

from __future__ import annotations

import re
from typing import Any

from factcheck.core import ids
from factcheck.core.model import Relation
from factcheck.core.urls import require_web_url
from factcheck.errors import InvalidInput, NotFound
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _articles_of, _audit, _claim_row, now

# --- evidence -------------------------------------------------------------------------


def _evidence_gid(db: Database, wanted: str) -> str:
    if wanted and not db.execute("SELECT 1 FROM evidence WHERE gid = ?", (wanted,)).fetchone():
        return wanted
    return ids.new_gid()


def _insert_evidence_row(db: Database, ev: dict[str, Any]) -> int:
    if not ev.get("gid"):
        ev = {**ev, "gid": ids.new_gid()}
    cols = ", ".join(ev)
    cur = db.execute(f"INSERT INTO evidence ({cols}) VALUES ({','.join('?' * len(ev))})",
                     tuple(ev.values()))  # fmt: skip
    return int(cur.lastrowid or 0)


def link_claims(
    db: Database,
    claim_id: int,
    target_claim_id: int,
    relation: Relation | str,
    reviewer: str,
    note: str = "",
    *,
    gid: str = "",
) -> Change:
    """Record that ``target_claim_id`` corroborates / contradicts / is the same as the
    claim. The link shows on both claims; ``created_id`` is the evidence id."""
    try:
        rel = Relation(relation)
    except ValueError:
        choices = ", ".join(r.value for r in Relation)
        raise InvalidInput(f"unknown relation {relation!r} (choose from {choices})") from None
    if claim_id == target_claim_id:
        raise InvalidInput("a claim cannot be evidence for itself")
    with db.atomic():
        a, b = _claim_row(db, claim_id), _claim_row(db, target_claim_id)
        evidence_id = _insert_evidence_row(db, {
            "claim_id": claim_id, "kind": "claim", "relation": rel.value,
            "target_claim_id": target_claim_id, "note": note, "reviewer": reviewer,
            "created_at": now(), "gid": _evidence_gid(db, gid),
        })  # fmt: skip
        _audit(db, "link claim", reviewer, article_id=a["article_id"], claim_id=claim_id,
               field_name="evidence", new={"id": evidence_id, "relation": rel.value,
                                           "claim": target_claim_id})  # fmt: skip
    return Change("link claim", frozenset({a["article_id"], b["article_id"]}),
                  frozenset({claim_id, target_claim_id}), created_id=evidence_id)  # fmt: skip


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+-]*Z?)?")


def add_source(
    db: Database,
    claim_id: int,
    url: str,
    reviewer: str,
    *,
    title: str = "",
    quote: str = "",
    accessed: str = "",
    note: str = "",
    gid: str = "",
) -> Change:
    """Attach an outside source (a URL, with title, quoted passage and accessed date:
    ``YYYY-MM-DD``, today when not given)."""
    url = require_web_url(url, "an outside source")
    accessed = accessed.strip()
    if accessed and not _DATE.fullmatch(accessed):
        raise InvalidInput(f"the accessed date should read YYYY-MM-DD, not {accessed!r}")
    with db.atomic():
        row = _claim_row(db, claim_id)
        evidence_id = _insert_evidence_row(db, {
            "claim_id": claim_id, "kind": "source", "url": url, "title": title.strip(),
            "quote": quote, "accessed": accessed or now()[:10], "note": note,
            "reviewer": reviewer, "created_at": now(), "gid": _evidence_gid(db, gid),
        })  # fmt: skip
        _audit(db, "add source", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="evidence", new={"id": evidence_id, "url": url})  # fmt: skip
    return Change("add source", frozenset({row["article_id"]}), frozenset({claim_id}),
                  created_id=evidence_id)  # fmt: skip


def snapshot_evidence(db: Database, evidence_id: int) -> dict[str, Any]:
    cur = db.execute("SELECT * FROM evidence WHERE id = ?", (evidence_id,))
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no evidence link with id {evidence_id}")
    return dict(zip([d[0] for d in cur.description], row, strict=True))


def remove_evidence(db: Database, evidence_id: int, reviewer: str) -> Change:
    with db.atomic():
        ev = snapshot_evidence(db, evidence_id)
        db.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
        ends = {ev["claim_id"], ev["target_claim_id"]} - {None}
        _audit(db, "remove evidence", reviewer, claim_id=ev["claim_id"],
               article_id=next(iter(_articles_of(db, [ev["claim_id"]])), None),
               field_name="evidence", old={"id": evidence_id, "url": ev["url"],
                                           "claim": ev["target_claim_id"]})  # fmt: skip
    return Change("remove evidence", frozenset(_articles_of(db, ends)), frozenset(ends))


def restore_evidence(db: Database, ev: dict[str, Any], reviewer: str) -> Change:
    with db.atomic():
        _insert_evidence_row(db, ev)
        ends = {ev["claim_id"], ev["target_claim_id"]} - {None}
        _audit(db, "restore evidence", reviewer, claim_id=ev["claim_id"],
               field_name="evidence", new={"id": ev["id"]})  # fmt: skip
    return Change("restore evidence", frozenset(_articles_of(db, ends)), frozenset(ends))
