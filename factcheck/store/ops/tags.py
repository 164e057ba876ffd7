"""Operations on the tag list itself (not on a claim's tags)."""

from __future__ import annotations

from sqlite_utils import Database

from factcheck.store.ops.base import Change, _audit


def drop_tag_if_unused(db: Database, name: str, reviewer: str) -> Change:
    """Delete the tag ``name`` when no claim carries it any more.

    Undoing "add tag" uses this to remove a tag that the undone edit had created, so the
    tag list (and its completion) is exactly as before. A tag still in use is kept.
    """
    with db.atomic():
        cur = db.execute(
            "DELETE FROM tags WHERE name = ? COLLATE NOCASE AND NOT EXISTS "
            "(SELECT 1 FROM claim_tags ct WHERE ct.tag_id = tags.id)",
            (name.strip(),),
        )
        if cur.rowcount:
            _audit(db, "drop tag", reviewer, field_name="tags", old=name.strip())
    return Change("drop tag", tags=bool(cur.rowcount))
