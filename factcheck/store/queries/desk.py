"""Reads about several reviewers: their own verdicts, and the conflict queue."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from factcheck.core.model import ReviewerVerdict, Status, SyncConflict
from factcheck.store.database import Database
from factcheck.store.queries._sql import in_chunks


def reviewer_verdicts(
    db: Database, claim_ids: Iterable[int] | None = None
) -> dict[int, list[ReviewerVerdict]]:
    """Each claim's reviewer verdicts (by reviewer name); claims without any are absent."""
    sql = ("SELECT claim_id, reviewer, status, note, updated_at FROM reviewer_verdicts "
           "{} ORDER BY claim_id, reviewer")  # fmt: skip
    rows: list[tuple[int, str, str, str, str]] = []
    if claim_ids is None:
        rows = db.execute(sql.format("")).fetchall()
    else:
        for chunk, marks in in_chunks(sorted(set(claim_ids))):
            rows += db.execute(sql.format(f"WHERE claim_id IN ({marks})"), chunk).fetchall()
    out: dict[int, list[ReviewerVerdict]] = defaultdict(list)
    for claim_id, who, status, note, at in rows:
        out[claim_id].append(ReviewerVerdict(claim_id, who, Status(status), note, at))
    return dict(out)


def reviewers(db: Database) -> list[str]:
    """Everyone who gave a verdict or marked a claim, by name."""
    return [
        r[0]
        for r in db.execute(
            "SELECT reviewer FROM reviewer_verdicts UNION SELECT created_by FROM claims "
            "WHERE created_by != '' ORDER BY 1"
        )
    ]


def adjudications(db: Database) -> dict[int, tuple[str, str, str]]:
    """Adjudicated claims: id -> (by, at, note)."""
    return {
        r[0]: (r[1], r[2], r[3])
        for r in db.execute(
            "SELECT id, adjudicated_by, adjudicated_at, adjudication_note FROM claims "
            "WHERE adjudicated_status != ''"
        )
    }


def conflicts(db: Database, *, include_resolved: bool = False) -> list[SyncConflict]:
    """The adjudication queue, oldest first (open ones only unless asked)."""
    where = "" if include_resolved else "WHERE s.status = 'open'"
    return [
        SyncConflict(*r)
        for r in db.execute(
            "SELECT s.id, s.detected_at, s.source, s.from_reviewer, s.kind, s.table_name, "
            "s.row_key, c.id, s.field, s.local, s.incoming, s.status, s.resolved_by, "
            "s.resolution FROM sync_conflicts s LEFT JOIN claims c ON c.gid = s.claim_gid "
            f"AND s.claim_gid != '' {where} ORDER BY s.id"
        ).fetchall()
    ]


def disagreements(db: Database) -> list[int]:
    """Claims where reviewers gave different verdicts (not counting "unverified") and
    nobody adjudicated, or with an open sync conflict."""
    return [
        r[0]
        for r in db.execute(
            "SELECT v.claim_id FROM reviewer_verdicts v JOIN claims c ON c.id = v.claim_id "
            "WHERE v.status != 'unverified' AND c.adjudicated_status = '' "
            "GROUP BY v.claim_id HAVING count(DISTINCT v.status) > 1 "
            "UNION SELECT c.id FROM sync_conflicts s JOIN claims c ON c.gid = s.claim_gid "
            "WHERE s.status = 'open' ORDER BY 1"
        )
    ]
