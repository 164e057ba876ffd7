"""The first schema: articles, claims, tags, evidence, the audit history, settings
and their full-text indexes."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import STATUS_CHECK, run


def initial(db: Database) -> None:
    run(
        db,
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            outlet TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            source_path TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_articles_content_hash ON articles(content_hash)",
        "CREATE INDEX idx_articles_url ON articles(url) WHERE url != ''",
        f"""CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'unverified' CHECK ({STATUS_CHECK}),
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX idx_claims_article_start ON claims(article_id, start)",
        "CREATE INDEX idx_claims_status ON claims(status)",
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(name) != ''),
            color TEXT NOT NULL
        )""",
        """CREATE TABLE claim_tags (
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (claim_id, tag_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX idx_claim_tags_tag ON claim_tags(tag_id)",
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('claim','source')),
            relation TEXT CHECK (relation IN ('corroborates','contradicts','same-as')),
            target_claim_id INTEGER REFERENCES claims(id) ON DELETE CASCADE,
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL DEFAULT '',
            accessed TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK ((kind = 'claim' AND target_claim_id IS NOT NULL AND relation IS NOT NULL
                    AND target_claim_id != claim_id)
                OR (kind = 'source' AND target_claim_id IS NULL AND url != ''))
        )""",
        "CREATE INDEX idx_evidence_claim ON evidence(claim_id)",
        "CREATE INDEX idx_evidence_target ON evidence(target_claim_id)",
        # The audit trail deliberately has no foreign keys: it outlives what it describes.
        """CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            reviewer TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL,
            article_id INTEGER,
            claim_id INTEGER,
            field TEXT NOT NULL DEFAULT '',
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX idx_history_claim ON history(claim_id)",
        "CREATE INDEX idx_history_article ON history(article_id)",
        """CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    )
    # Full-text search: external-content FTS5 tables kept current by triggers.
    db.table("articles").enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    db.table("claims").enable_fts(["quote", "note"], create_triggers=True, tokenize="unicode61")
