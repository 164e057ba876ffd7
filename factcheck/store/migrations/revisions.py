"""Article revisions: every version of a text, how claims were placed on the current
one, and the current text stored once."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import PLACEMENT_CHECK, run


def revisions(db: Database) -> None:
    """Article revisions, and how each claim was placed on the current one.

    ``article_revisions`` holds every version of every article's text, the current one
    included (the highest ``number``); ``articles.text``/``content_hash`` keep a copy of
    the current text so readers and full-text search are unchanged. Existing articles get
    revision 1 (their text as imported, by the reviewer the import audit row names) and
    existing claims the placement "exact". The claims' full-text trigger now fires only
    when a quote or note changes, not on every position update.
    """
    run(
        db,
        """CREATE TABLE article_revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            number INTEGER NOT NULL CHECK (number >= 1),
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL CHECK (source IN ('import','edit','update-import')),
            source_path TEXT NOT NULL DEFAULT '',
            UNIQUE (article_id, number)
        )""",
        "CREATE INDEX idx_article_revisions_hash ON article_revisions(content_hash)",
        """INSERT INTO article_revisions
            (article_id, number, text, content_hash, created_at, reviewer, source, source_path)
        SELECT a.id, 1, a.text, a.content_hash, a.imported_at,
            coalesce((SELECT h.reviewer FROM history h
                      WHERE h.action = 'import article' AND h.article_id = a.id
                      ORDER BY h.id LIMIT 1), ''),
            'import', a.source_path
        FROM articles a ORDER BY a.id""",
        "ALTER TABLE claims ADD COLUMN placement TEXT NOT NULL DEFAULT 'exact' "
        f"CHECK ({PLACEMENT_CHECK})",
        "ALTER TABLE claims ADD COLUMN placement_score REAL NOT NULL DEFAULT 1.0 "
        "CHECK (placement_score >= 0 AND placement_score <= 1)",
        "ALTER TABLE claims ADD COLUMN original_quote TEXT NOT NULL DEFAULT ''",
        "CREATE INDEX idx_claims_review ON claims(article_id, start) "
        "WHERE placement IN ('fuzzy','orphaned')",
        # Re-anchoring rewrites the position of thousands of claims whose quote and note
        # stay the same; the full-text index only needs refreshing when those change.
        "DROP TRIGGER claims_au",
        """CREATE TRIGGER claims_au AFTER UPDATE OF quote, note ON claims BEGIN
            INSERT INTO claims_fts (claims_fts, rowid, quote, note)
                VALUES ('delete', old.rowid, old.quote, old.note);
            INSERT INTO claims_fts (rowid, quote, note) VALUES (new.rowid, new.quote, new.note);
        END""",
    )


def text_once(db: Database) -> None:
    """Each article's current text is stored once, in ``articles.text`` (which full-text
    search indexes): its current revision row holds no copy (``text_in_article`` = 1)
    and is read through the article. Earlier revisions keep their own text, and a new
    revision moves the text it replaces into the row of the revision it ends. Existing
    files are converted in place (the space comes back with VACUUM)."""
    run(
        db,
        "ALTER TABLE article_revisions ADD COLUMN text_in_article INTEGER NOT NULL DEFAULT 0 "
        "CHECK (text_in_article IN (0, 1))",
        """UPDATE article_revisions SET text = '', text_in_article = 1
        WHERE number = (SELECT max(r.number) FROM article_revisions r
                        WHERE r.article_id = article_revisions.article_id)
          AND content_hash = (SELECT a.content_hash FROM articles a
                              WHERE a.id = article_revisions.article_id)
          AND text = (SELECT a.text FROM articles a WHERE a.id = article_revisions.article_id)""",
    )
