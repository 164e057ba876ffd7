"""Each article's language and its paragraphs' base direction."""

from __future__ import annotations

from factcheck.store.database import Database
from factcheck.store.migrations.base import run
from factcheck.store.migrations.claims_view import refresh_claims_view


def language(db: Database) -> None:
    """Each article's language (BCP 47 tag, "" unknown) and its paragraphs' base
    direction ("auto": each paragraph's first strong letter decides, as before; "ltr";
    "rtl"). Existing articles get what detection finds in their text."""
    from factcheck.core.language import detect  # its model loads only when needed

    run(
        db,
        "ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN direction TEXT NOT NULL DEFAULT 'auto' "
        "CHECK (direction IN ('auto','ltr','rtl'))",
    )
    rows = db.execute("SELECT id, text FROM articles").fetchall()
    for article_id, text in rows:
        lang, direction = detect(text)
        db.execute("UPDATE articles SET language = ?, direction = ? WHERE id = ?",
                   (lang, direction, article_id))  # fmt: skip
    refresh_claims_view(db)  # the view shows the language once the column exists
