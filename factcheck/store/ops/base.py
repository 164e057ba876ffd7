"""What every operation shares: the change record, timestamps, the audit row."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from factcheck.core.model import CLAIM_COLUMNS, Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store.change import Change as Change
from factcheck.store.database import Database


class StaleEdit(InvalidInput):
    """An edit taken from an older text or an older row: refused, never replayed onto
    other words or over someone else's newer value."""


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    """A claim to create: where, and its initial verdict, tags and note."""

    article_id: int
    start: int
    end: int
    status: Status = Status.UNVERIFIED
    tags: tuple[str, ...] = ()
    note: str = ""
    text_hash: str | None = None  # the text the span was taken from; None: current
    claimant: str = ""
    gid: str = ""  # keep this global id (a claim coming from another copy); "" = a new one


@dataclass(frozen=True, slots=True)
class ClaimSnapshot:
    """Everything needed to put a deleted claim back exactly as it was (same id)."""

    row: dict[str, Any]
    tags: tuple[str, ...]
    evidence: tuple[dict[str, Any], ...] = field(default=())
    verdicts: tuple[dict[str, Any], ...] = field(default=())  # each reviewer's verdict row


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _audit(
    db: Database,
    action: str,
    reviewer: str,
    *,
    article_id: int | None = None,
    claim_id: int | None = None,
    field_name: str = "",
    old: Any = "",
    new: Any = "",
    at: str | None = None,
) -> None:
    def text(v: Any) -> str:
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)

    db.execute(
        "INSERT INTO history (at, reviewer, action, article_id, claim_id, field, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (at or now(), reviewer, action, article_id, claim_id, field_name, text(old), text(new)),
    )


# Bound values in one multi-row INSERT: statements up to SQLite's limit (32,766) were
# slower than ones of about 12,000 (20,000 claims: ~15% more processor time, measured),
# while much smaller ones make FTS5 write out its pending terms too often.
_VALUES_PER_STATEMENT = 12_000


def _insert_rows(db: Database, insert: str, rows: Sequence[Sequence[Any]]) -> None:
    """Run ``insert`` ("INSERT INTO t (a, b)") for every row, in statements of up to
    :data:`_VALUES_PER_STATEMENT` bound values. Rows written one statement each cost
    several times more where a trigger writes them into a full-text index: FTS5 writes
    out its pending terms at the end of every such statement (20,000 claims: 4x the
    time)."""
    if not rows:
        return
    width = len(rows[0])
    values = min(_VALUES_PER_STATEMENT, db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    per = max(1, values // width)
    one = "(" + ",".join("?" * width) + ")"
    for i in range(0, len(rows), per):
        chunk = rows[i : i + per]
        db.execute(f"{insert} VALUES {','.join([one] * len(chunk))}",
                   [value for row in chunk for value in row])  # fmt: skip


def _claim_row(db: Database, claim_id: int) -> dict[str, Any]:
    cols = ", ".join(f'"{name}"' for name in CLAIM_COLUMNS)
    row = db.execute(f"SELECT {cols} FROM claims WHERE id = ?", (claim_id,)).fetchone()
    if row is None:
        raise NotFound(f"no claim with id {claim_id}")
    return dict(zip(CLAIM_COLUMNS, row, strict=True))


def _record_verdict(
    db: Database, claim_id: int, reviewer: str, stamp: str, *, status: str | None = None,
    note: str | None = None,
) -> None:  # fmt: skip
    """Keep ``reviewer``'s own verdict and/or note on the claim (one row per reviewer)."""
    db.execute(
        "INSERT INTO reviewer_verdicts (claim_id, reviewer, status, note, updated_at) "
        "VALUES (?, ?, coalesce(?, 'unverified'), coalesce(?, ''), ?) "
        "ON CONFLICT (claim_id, reviewer) DO UPDATE SET "
        "status = coalesce(?, status), note = coalesce(?, note), updated_at = excluded.updated_at",
        (claim_id, reviewer, status, note, stamp, status, note),
    )


def _article_text(db: Database, article_id: int) -> str:
    row = db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    return str(row[0])


def _articles_of(db: Database, claim_ids: Iterable[int]) -> set[int]:
    ids = list(claim_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {r[0] for r in db.execute(f"SELECT article_id FROM claims WHERE id IN ({marks})", ids)}


# --- settings -------------------------------------------------------------------------


def set_setting(db: Database, key: str, value: str) -> None:
    """Project-level settings (e.g. the organisation named in exports)."""
    with db.atomic():
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def check_text(db: Database, article_id: int, text_hash: str | None) -> None:
    """Refuse (:class:`StaleEdit`) when the article's text is no longer the one whose
    SHA-256 is ``text_hash`` (None: the caller read the text in this transaction)."""
    if text_hash is None:
        return
    row = db.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise NotFound(f"no article with id {article_id}")
    if row[0] != text_hash:
        raise StaleEdit(
            f"article {article_id}: its text changed since this selection was made; "
            "select the words again in the current text"
        )


def next_id(db: Database, table: str) -> int:
    """A fresh id for ``table`` that no row ever had: ids are never reused, so the audit
    history of a deleted claim never mixes with a later one's (see ``retired_ids``)."""
    row = db.execute(
        f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0), "
        "coalesce((SELECT last FROM retired_ids WHERE tbl = ?), 0))",
        (table,),
    ).fetchone()
    return int(row[0]) + 1
