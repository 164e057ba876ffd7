"""Reads about article revisions."""

from __future__ import annotations

from factcheck.core.model import (
    Revision,
)
from factcheck.errors import NotFound
from factcheck.store.database import Database
from factcheck.store.queries._sql import fetch_dicts
from factcheck.store.queries.articles import get_article_title

# The current revision's text lives in articles.text only (migration 0012_text_once).
_REVISION_COLS = (
    "id, article_id, number, CASE WHEN text_in_article = 1 THEN (SELECT a.text FROM articles "
    "a WHERE a.id = article_revisions.article_id) ELSE text END AS text, content_hash, "
    "created_at, reviewer, source, source_path"
)


def list_revisions(db: Database, article_id: int) -> list[Revision]:
    """The article's revisions, oldest first (the last is the current text)."""
    get_article_title(db, article_id)  # a clear NotFound for an unknown article
    return [
        Revision(**r)
        for r in fetch_dicts(
            db,
            f"SELECT {_REVISION_COLS} FROM article_revisions WHERE article_id = ? ORDER BY number",
            (article_id,),
        )
    ]


def get_revision(db: Database, revision_id: int) -> Revision:
    rows = fetch_dicts(db, f"SELECT {_REVISION_COLS} FROM article_revisions WHERE id = ?",
                 (revision_id,))  # fmt: skip
    if not rows:
        raise NotFound(f"no revision with id {revision_id}")
    return Revision(**rows[0])


def get_revision_by_number(db: Database, article_id: int, number: int) -> Revision:
    rows = fetch_dicts(
        db,
        f"SELECT {_REVISION_COLS} FROM article_revisions WHERE article_id = ? AND number = ?",
        (article_id, number),
    )
    if not rows:
        raise NotFound(f"article {article_id} has no revision {number}")
    return Revision(**rows[0])


def current_revision_number(db: Database, article_id: int) -> int:
    """The number of the article's current revision (0 if it has none, which only an
    article written outside the operations layer could lack)."""
    row = db.execute(
        "SELECT max(number) FROM article_revisions WHERE article_id = ?", (article_id,)
    ).fetchone()
    return int(row[0] or 0)


def revision_numbers_by_hash(db: Database, article_id: int) -> dict[str, int]:
    """content hash -> revision number, for every revision of the article."""
    return {
        h: n
        for h, n in db.execute(
            "SELECT content_hash, max(number) FROM article_revisions WHERE article_id = ? "
            "GROUP BY content_hash",
            (article_id,),
        ).fetchall()
    }
