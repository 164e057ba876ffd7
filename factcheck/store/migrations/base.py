"""What the migrations share: statements run one at a time, and the CHECK clauses."""

from __future__ import annotations

from factcheck.store.database import Database

STATUS_CHECK = "status IN ('unverified','corroborated','contradicted','inconclusive')"
PLACEMENT_CHECK = "placement IN ('exact','moved','fuzzy','orphaned')"


def run(db: Database, *statements: str) -> None:
    """Each statement through ``db.execute``: ``executescript`` would commit the
    migration's transaction half-way."""
    for sql in statements:
        db.execute(sql)
