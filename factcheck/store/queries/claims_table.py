"""Reads for the project-wide claims table, over ``claims_view`` (one row per claim
with its article's title and tags as text; see migration ``0011_claims_view``)."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.core.claims_table import ClaimTableRow
from factcheck.store.database import Database
from factcheck.store.queries._sql import in_chunks

_COLUMNS = ("id", "article_id", "article_title", "quote", "verdict", "tags", "reviewer",
            "updated_at", "start")  # fmt: skip


def _rows(db: Database, where: str = "", params: Iterable[object] = ()) -> list[ClaimTableRow]:
    has_claimant = "claimant" in {c.name for c in db["claims_view"].columns}
    cols = ", ".join(f'"{c}"' for c in _COLUMNS) + (", claimant" if has_claimant else "")
    sql = f"SELECT {cols} FROM claims_view {where} ORDER BY article_id, start, id"
    return [ClaimTableRow(int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), str(r[5]),
                          str(r[6]), str(r[7]), int(r[8]),
                          str(r[9] or "") if has_claimant else None)
            for r in db.execute(sql, tuple(params))]  # fmt: skip


def claim_table_rows(db: Database) -> list[ClaimTableRow]:
    """Every claim of the project, by article and position."""
    return _rows(db)


def claim_table_rows_for(db: Database, claim_ids: Iterable[int]) -> list[ClaimTableRow]:
    """The rows of these claims (unknown ids are skipped: deleted)."""
    out: list[ClaimTableRow] = []
    for chunk, marks in in_chunks(sorted(set(claim_ids))):
        out += _rows(db, f"WHERE id IN ({marks})", chunk)
    return out
