"""Reads about the tag list itself: each tag with its colour, definition and use."""

from __future__ import annotations

from factcheck.core.codebook import TagSummary
from factcheck.store.database import Database


def tag_summaries(db: Database) -> list[TagSummary]:
    """Every tag of the project by name, with how many claims carry it."""
    return [
        TagSummary(r[0], r[1], r[2], r[3], r[4])
        for r in db.execute(
            "SELECT t.id, t.name, t.color, t.description, "
            "(SELECT count(*) FROM claim_tags ct WHERE ct.tag_id = t.id) "
            "FROM tags t ORDER BY t.name COLLATE NOCASE"
        )
    ]
