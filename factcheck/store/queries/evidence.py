"""Reads about evidence links and the audit history."""

from __future__ import annotations

from typing import Any

from factcheck.core.model import (
    Evidence,
    HistoryEntry,
    Relation,
)
from factcheck.errors import NotFound
from factcheck.store.database import Database
from factcheck.store.queries._sql import fetch_dicts


def _evidence(row: dict[str, Any]) -> Evidence:
    rel = row.pop("relation")
    return Evidence(relation=Relation(rel) if rel else None, **row)


def evidence_for_claim(db: Database, claim_id: int) -> list[Evidence]:
    """Evidence attached to the claim, and claim links that point at it (both ends)."""
    return [
        _evidence(r)
        for r in fetch_dicts(
            db,
            "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, "
            "accessed, note, reviewer, created_at, coalesce(gid, '') AS gid FROM evidence "
            "WHERE claim_id = ? OR target_claim_id = ? ORDER BY id",
            (claim_id, claim_id),
        )
    ]


def all_evidence(db: Database) -> list[Evidence]:
    """Every evidence row of the project, in id order (a report reads them all: built
    from plain rows by position, the relation looked up rather than parsed)."""
    relation = {r.value: r for r in Relation}
    return [
        Evidence(i, claim, kind, relation[rel] if rel else None, target, url, title, quote,
                 accessed, note, reviewer, created, gid)
        for i, claim, kind, rel, target, url, title, quote, accessed, note, reviewer, created,
        gid in db.execute(
            "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, "
            "accessed, note, reviewer, created_at, coalesce(gid, '') AS gid FROM evidence "
            "ORDER BY id"
        )
    ]  # fmt: skip


def get_evidence(db: Database, evidence_id: int) -> Evidence:
    rows = fetch_dicts(
        db,
        "SELECT id, claim_id, kind, relation, target_claim_id, url, title, quote, accessed, "
        "note, reviewer, created_at, coalesce(gid, '') AS gid FROM evidence WHERE id = ?",
        (evidence_id,),
    )
    if not rows:
        raise NotFound(f"no evidence link with id {evidence_id}")
    return _evidence(rows[0])


def history_for_claim(db: Database, claim_id: int) -> list[HistoryEntry]:
    return [
        HistoryEntry(**r)
        for r in fetch_dicts(
            db,
            "SELECT id, at, reviewer, action, article_id, claim_id, field, old, new "
            "FROM history WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
    ]


def history(db: Database, limit: int = 200) -> list[HistoryEntry]:
    return [
        HistoryEntry(**r)
        for r in fetch_dicts(
            db,
            "SELECT id, at, reviewer, action, article_id, claim_id, field, old, new "
            "FROM history ORDER BY id DESC LIMIT ?",
            (limit,),
        )
    ]


def last_changes(db: Database) -> dict[int, HistoryEntry]:
    """Claim id -> the latest history entry about that claim, for every claim that has
    one (one pass over the history, for reports)."""
    return {
        r[5]: HistoryEntry(*r)
        for r in db.execute(
            "SELECT h.id, h.at, h.reviewer, h.action, h.article_id, h.claim_id, h.field, "
            "h.old, h.new FROM history h JOIN (SELECT max(id) AS id FROM history "
            "WHERE claim_id IS NOT NULL GROUP BY claim_id) m ON m.id = h.id"
        ).fetchall()
    }
