"""Adjudication: settling a claim's verdict between reviewers, and the conflict queue.

Each reviewer's verdict stays in ``reviewer_verdicts``; adjudicating writes the verdict
in effect (``claims.status``, which reports use) together with who settled it, when and
why, and closes the claim's open verdict conflicts. A later reviewer verdict no longer
changes an adjudicated claim's status (see :func:`factcheck.store.ops.set_status`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from factcheck.core.model import Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _audit, _claim_row, _record_verdict, now

_ADJ_FIELDS = ("status", "adjudicated_status", "adjudicated_by", "adjudicated_at",
               "adjudication_note")  # fmt: skip


def _status(value: Status | str) -> Status:
    try:
        return Status(value)
    except ValueError:
        choices = ", ".join(s.value for s in Status)
        raise InvalidInput(f"unknown status {value!r} (choose from {choices})") from None


def adjudicate(
    db: Database, claim_id: int, status: Status | str, reviewer: str, note: str = ""
) -> Change:
    """Settle the claim's verdict as ``status`` (by ``reviewer``, with a reason)."""
    new = _status(status)
    stamp = now()
    with db.atomic():
        row = _claim_row(db, claim_id)
        db.execute(
            "UPDATE claims SET status = ?, adjudicated_status = ?, adjudicated_by = ?, "
            "adjudicated_at = ?, adjudication_note = ?, updated_at = ? WHERE id = ?",
            (new.value, new.value, reviewer, stamp, note, stamp, claim_id),
        )
        _audit(db, "adjudicate", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="status", old=row["status"], new=new.value, at=stamp)  # fmt: skip
        db.execute(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_by = ?, resolved_at = ?, "
            "resolution = ? WHERE claim_gid = ? AND status = 'open' "
            "AND field IN ('status', 'adjudication')",
            (reviewer, stamp, f"adjudicated {new.value}", row["gid"]),
        )
    return Change("adjudicate", frozenset({row["article_id"]}), frozenset({claim_id}),
                  article_list=True)  # fmt: skip


def record_verdict(db: Database, claim_id: int, status: Status | str, reviewer: str) -> Change:
    """Keep ``reviewer``'s verdict on the claim beside the others without changing the
    verdict in effect (another reviewer's verdict read from an interchange file)."""
    new = _status(status)
    with db.atomic():
        row = _claim_row(db, claim_id)
        _record_verdict(db, claim_id, reviewer, now(), status=new.value)
        _audit(db, "record verdict", reviewer, article_id=row["article_id"], claim_id=claim_id,
               field_name="reviewer verdict", new=new.value)  # fmt: skip
    return Change("record verdict", frozenset({row["article_id"]}), frozenset({claim_id}))


def accepted_status(db: Database, claim_id: int, of_reviewer: str) -> Status:
    """The verdict ``of_reviewer`` gave the claim (to adjudicate by accepting it)."""
    _claim_row(db, claim_id)
    row = db.execute(
        "SELECT status FROM reviewer_verdicts WHERE claim_id = ? AND reviewer = ?",
        (claim_id, of_reviewer),
    ).fetchone()
    if row is None or row[0] == Status.UNVERIFIED:
        raise InvalidInput(f"{of_reviewer!r} has given claim {claim_id} no verdict")
    return Status(row[0])


@dataclass(frozen=True, slots=True)
class AdjudicationSnapshot:
    """A claim's verdict and adjudication, to undo :func:`adjudicate`."""

    claim_id: int
    values: tuple[Any, ...]  # in the order of _ADJ_FIELDS
    resolved: tuple[int, ...]  # conflicts open before


def snapshot_adjudication(db: Database, claim_id: int) -> AdjudicationSnapshot:
    row = _claim_row(db, claim_id)
    open_ids = tuple(
        r[0]
        for r in db.execute(
            "SELECT id FROM sync_conflicts WHERE claim_gid = ? AND status = 'open'",
            (row["gid"],),
        )
    )
    return AdjudicationSnapshot(claim_id, tuple(row[k] for k in _ADJ_FIELDS), open_ids)


def restore_adjudication(db: Database, snap: AdjudicationSnapshot, reviewer: str) -> Change:
    """Put the verdict and adjudication back as snapshotted, reopening the conflicts the
    adjudication closed (undo)."""
    with db.atomic():
        row = _claim_row(db, snap.claim_id)
        sets = ", ".join(f"{k} = ?" for k in _ADJ_FIELDS)
        db.execute(f"UPDATE claims SET {sets}, updated_at = ? WHERE id = ?",
                   (*snap.values, now(), snap.claim_id))  # fmt: skip
        for conflict_id in snap.resolved:
            db.execute(
                "UPDATE sync_conflicts SET status = 'open', resolved_by = '', "
                "resolved_at = '', resolution = '' WHERE id = ?",
                (conflict_id,),
            )
        _audit(db, "undo adjudicate", reviewer, article_id=row["article_id"],
               claim_id=snap.claim_id, field_name="status", old=row["status"],
               new=snap.values[0])  # fmt: skip
    return Change("undo adjudicate", frozenset({row["article_id"]}),
                  frozenset({snap.claim_id}), article_list=True)  # fmt: skip


# --- the conflict queue ----------------------------------------------------------------

_WRITABLE = {
    ("claims", "note"): "note",
    ("claims", "status"): "status",
    ("evidence", "note"): "note",
    ("articles", "title"): "title",
    ("articles", "outlet"): "outlet",
    ("articles", "url"): "url",
    ("articles", "author"): "author",
    ("articles", "published"): "published",
}


def resolve_conflict(db: Database, conflict_id: int, keep: str, reviewer: str) -> Change:
    """Close a conflict keeping this copy's value (``keep="local"``) or taking the other
    reviewer's (``"incoming"``, for a field this copy can simply write: a note, a
    verdict, an article's metadata; anything else is settled by editing it by hand and
    keeping "local")."""
    if keep not in ("local", "incoming"):
        raise InvalidInput(f"keep 'local' or 'incoming', not {keep!r}")
    row = db.execute(
        "SELECT table_name, row_key, field, incoming, status, claim_gid FROM sync_conflicts "
        "WHERE id = ?",
        (conflict_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    table, key, field_name, incoming, status, claim_gid = row
    if status != "open":
        raise InvalidInput(f"conflict {conflict_id} is already resolved")
    stamp = now()
    claim_ids: set[int] = set()
    article_ids: set[int] = set()
    with db.atomic():
        if keep == "incoming":
            column = _WRITABLE.get((table, field_name))
            value = json.loads(incoming)
            if column is None or not isinstance(value, str):
                raise InvalidInput(
                    f"conflict {conflict_id} ({table} {field_name}) cannot take the other "
                    "value automatically: edit it by hand, then keep 'local'"
                )
            if column == "status":
                _status(value)
            cur = db.execute(f"UPDATE {table} SET {column} = ? WHERE gid = ?", (value, key))
            if not cur.rowcount:
                raise InvalidInput(f"conflict {conflict_id}: the {table} row is gone here")
        found = db.execute("SELECT id, article_id FROM claims WHERE gid = ?",
                           (claim_gid,)).fetchone()  # fmt: skip
        if found:
            claim_ids.add(found[0])
            article_ids.add(found[1])
        db.execute(
            "UPDATE sync_conflicts SET status = 'resolved', resolved_by = ?, resolved_at = ?, "
            "resolution = ? WHERE id = ?",
            (reviewer, stamp, f"kept {keep}", conflict_id),
        )
        _audit(db, "resolve conflict", reviewer, claim_id=found[0] if found else None,
               article_id=found[1] if found else None, field_name=field_name,
               new={"conflict": conflict_id, "kept": keep}, at=stamp)  # fmt: skip
    return Change("resolve conflict", frozenset(article_ids), frozenset(claim_ids),
                  article_list=bool(claim_ids))  # fmt: skip


def reopen_conflict(db: Database, conflict_id: int, reviewer: str) -> Change:
    """Undo :func:`resolve_conflict`: the conflict is open again, and a value taken from
    the other reviewer is put back to this copy's."""
    row = db.execute(
        "SELECT table_name, row_key, field, local, status, resolution, claim_gid "
        "FROM sync_conflicts WHERE id = ?",
        (conflict_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no conflict with id {conflict_id}")
    table, key, field_name, local, status, resolution, claim_gid = row
    if status != "resolved":
        raise InvalidInput(f"conflict {conflict_id} is open")
    with db.atomic():
        column = _WRITABLE.get((table, field_name))
        value = json.loads(local)
        if resolution == "kept incoming" and column is not None and isinstance(value, str):
            db.execute(f"UPDATE {table} SET {column} = ? WHERE gid = ?", (value, key))
        db.execute("UPDATE sync_conflicts SET status = 'open', resolved_by = '', "
                   "resolved_at = '', resolution = '' WHERE id = ?", (conflict_id,))  # fmt: skip
        found = db.execute("SELECT id, article_id FROM claims WHERE gid = ?",
                           (claim_gid,)).fetchone()  # fmt: skip
        _audit(db, "reopen conflict", reviewer, claim_id=found[0] if found else None,
               article_id=found[1] if found else None, field_name=field_name,
               new={"conflict": conflict_id})  # fmt: skip
    ids = (frozenset({found[1]}), frozenset({found[0]})) if found else (frozenset(), frozenset())
    return Change("reopen conflict", ids[0], ids[1], article_list=bool(found))
