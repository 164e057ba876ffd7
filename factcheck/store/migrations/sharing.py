"""Several reviewers on one corpus: global ids, each reviewer's own verdicts, and the
sync tables."""

from __future__ import annotations

from factcheck.core import ids
from factcheck.store.database import Database
from factcheck.store.migrations.base import STATUS_CHECK, run

# A version-4 UUID as text, for rows inserted by something other than the operations layer
# (which always names its rows itself).
_SQL_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || "
    "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)
GID_TABLES = ("articles", "claims", "tags", "evidence")


def global_ids(db: Database) -> None:
    """A global id (``gid``, UUID text) on every article, claim, tag and evidence row,
    unique, filled for existing rows; see :mod:`factcheck.core.ids` for how each kind is
    named. A trigger names a row inserted without one."""
    for table in GID_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN gid TEXT")
    taken: set[str] = set()

    def fill(table: str, rows: list[tuple[int, str]]) -> None:
        values = []
        for row_id, wanted in rows:
            gid = wanted if wanted not in taken else ids.new_gid()
            taken.add(gid)
            values.append((gid, row_id))
        db.conn.executemany(f"UPDATE {table} SET gid = ? WHERE id = ?", values)

    first_hash = db.execute(
        "SELECT a.id, coalesce((SELECT r.content_hash FROM article_revisions r "
        "WHERE r.article_id = a.id ORDER BY r.number LIMIT 1), a.content_hash) "
        "FROM articles a ORDER BY a.id"
    ).fetchall()
    fill("articles", [(i, ids.article_gid(h)) for i, h in first_hash])
    names = db.execute("SELECT id, name FROM tags ORDER BY id").fetchall()
    fill("tags", [(i, ids.tag_gid(n)) for i, n in names])
    for table in ("claims", "evidence"):
        rows = db.execute(f"SELECT id FROM {table} ORDER BY id").fetchall()
        fill(table, [(r[0], ids.new_gid()) for r in rows])
    for table in GID_TABLES:
        run(
            db,
            f"CREATE UNIQUE INDEX idx_{table}_gid ON {table}(gid)",
            f"""CREATE TRIGGER {table}_gid AFTER INSERT ON {table} WHEN new.gid IS NULL BEGIN
                UPDATE {table} SET gid = {_SQL_UUID4} WHERE rowid = new.rowid;
            END""",
        )


def reviewer_verdicts(db: Database) -> None:
    """Each reviewer's own verdict (and note) on a claim, kept side by side; the claim's
    ``status`` stays the verdict in effect, and an adjudication (who settled it, when,
    why) is recorded on the claim. ``created_by`` names who marked the claim (its span),
    which span agreement needs. Existing judged claims give their reviewer's verdict."""
    run(
        db,
        f"""CREATE TABLE reviewer_verdicts (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            reviewer TEXT NOT NULL,
            status TEXT NOT NULL CHECK ({STATUS_CHECK}),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, reviewer)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_reviewer_verdicts_reviewer ON reviewer_verdicts(reviewer)",
        """INSERT INTO reviewer_verdicts (claim_id, reviewer, status, note, updated_at)
            SELECT id, reviewer, status, '', updated_at FROM claims
            WHERE status != 'unverified'""",
        "ALTER TABLE claims ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
        """UPDATE claims SET created_by = coalesce(
            (SELECT h.reviewer FROM history h WHERE h.action = 'mark claim'
             AND h.claim_id = claims.id ORDER BY h.id LIMIT 1), reviewer)""",
        "ALTER TABLE claims ADD COLUMN adjudicated_status TEXT NOT NULL DEFAULT '' "
        f"CHECK (adjudicated_status = '' OR adjudicated_{STATUS_CHECK})",
        "ALTER TABLE claims ADD COLUMN adjudicated_by TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN adjudicated_at TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE claims ADD COLUMN adjudication_note TEXT NOT NULL DEFAULT ''",
    )


def sync_tables(db: Database) -> None:
    """What sharing a project through changeset files needs: the files already exported
    or applied (each applied once), the snapshot of the state last synced (the changes
    since are what the next export writes), and the queue of conflicts for adjudication
    (nothing a sync could not merge is dropped: both sides' values are kept here)."""
    run(
        db,
        """CREATE TABLE sync_files (
            name TEXT PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('export','pull')),
            reviewer TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            changes INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE sync_state (
            key TEXT PRIMARY KEY,
            value BLOB
        )""",
        """CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            detected_at TEXT NOT NULL,
            source TEXT NOT NULL,
            from_reviewer TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            claim_gid TEXT NOT NULL DEFAULT '',
            field TEXT NOT NULL DEFAULT '',
            local TEXT NOT NULL DEFAULT 'null',
            incoming TEXT NOT NULL DEFAULT 'null',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','resolved')),
            resolved_by TEXT NOT NULL DEFAULT '',
            resolved_at TEXT NOT NULL DEFAULT '',
            resolution TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_sync_conflicts_claim ON sync_conflicts(claim_gid, status)",
    )
