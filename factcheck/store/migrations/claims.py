"""Claims and tags: the status index, ids never reused, claimants and rejected
suggestions, tag descriptions."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import run
from factcheck.store.migrations.claims_view import refresh_claims_view


def claim_status_index(db: Database) -> None:
    """Per-article counts by status (the article list, after every verdict) read the
    index alone instead of every claim row of the article."""
    run(db, "CREATE INDEX idx_claims_article_status ON claims(article_id, status)")


def retired_ids(db: Database) -> None:
    """Ids are never reused. SQLite's rowid allocator hands out max(id)+1, so deleting the
    newest claim and marking another gave the new claim the old id, and the audit history
    mixed the two. Each delete records the highest id retired per table; new rows take
    an id above both (``ops.base.next_id``). Undo puts a deleted row back under its own
    id, which is the same row, not a reuse."""
    run(db, "CREATE TABLE retired_ids (tbl TEXT PRIMARY KEY, last INTEGER NOT NULL)")
    for table in ("articles", "claims", "evidence", "tags"):
        run(
            db,
            f"""CREATE TRIGGER {table}_retire_id AFTER DELETE ON {table} BEGIN
                INSERT INTO retired_ids (tbl, last) VALUES ('{table}', old.id)
                ON CONFLICT(tbl) DO UPDATE SET last = max(last, excluded.last);
            END""",
        )


def claimants_suggestions(db: Database) -> None:
    """Who made each claim (the claimant: a person or organisation, often not the
    article's author) and when, and the suggested sentences a reviewer rejected (kept
    by their text, so a rejection survives edits elsewhere in the article)."""
    run(
        db,
        "ALTER TABLE claims ADD COLUMN claimant TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN claimed_at TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE suggestion_rejections (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            sentence TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            PRIMARY KEY (article_id, sentence)
        )""",
        "CREATE INDEX idx_claims_claimant ON claims(claimant) WHERE claimant != ''",
    )
    refresh_claims_view(db)


def review_day(db: Database) -> None:
    """Each tag gets a description: the codebook's definition of when to use it."""
    run(db, "ALTER TABLE tags ADD COLUMN description TEXT NOT NULL DEFAULT ''")


def outline_index(db: Database) -> None:
    """The window reads every claim of the article it opens (id, span, verdict,
    claimant): an index holding those columns answers that read without a look-up in
    the claims table per claim (thousands in a long article)."""
    run(db, 'CREATE INDEX idx_claims_outline ON claims(article_id, start, "end", status, '
            "claimant)")
