"""Suggested sentences a reviewer rejected: remembered in the project by their text, so a
rejection survives edits elsewhere in the article; undone by :func:`restore_suggestion`."""

from __future__ import annotations

from factcheck.errors import InvalidInput
from factcheck.store.database import Database
from factcheck.store.ops.base import Change, _article_text, _audit, now


def reject_suggestion(db: Database, article_id: int, sentence: str, reviewer: str) -> Change:
    """Hide a suggested sentence of the article for good (remembered in the project)."""
    sentence = sentence.strip()
    if not sentence:
        raise InvalidInput("no sentence to reject")
    with db.atomic():
        _article_text(db, article_id)
        cur = db.execute("INSERT OR IGNORE INTO suggestion_rejections (article_id, sentence, "
                         "reviewer, at) VALUES (?,?,?,?)",
                         (article_id, sentence, reviewer, now()))  # fmt: skip
        if cur.rowcount:
            _audit(db, "reject suggestion", reviewer, article_id=article_id,
                   field_name="suggestion", new=sentence)  # fmt: skip
    return Change("reject suggestion", frozenset({article_id}), suggestions=True)


def restore_suggestion(db: Database, article_id: int, sentence: str, reviewer: str) -> Change:
    """Undo :func:`reject_suggestion`."""
    with db.atomic():
        cur = db.execute("DELETE FROM suggestion_rejections WHERE article_id = ? AND "
                         "sentence = ?", (article_id, sentence.strip()))  # fmt: skip
        if cur.rowcount:
            _audit(db, "restore suggestion", reviewer, article_id=article_id,
                   field_name="suggestion", old=sentence.strip())  # fmt: skip
    return Change("restore suggestion", frozenset({article_id}), suggestions=True)
