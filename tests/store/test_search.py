"""Full-text search over article text and claim notes (SQLite FTS5)."""

from __future__ import annotations

from sqlite_utils import Database

from factcheck.store import ops, queries


def test_search_finds_articles_with_snippets(seeded_db: Database) -> None:
    hits = queries.search(seeded_db, "Nobel")
    articles = {h.article_id for h in hits if h.kind == "article"}
    assert articles == {2, 4, 5}  # the seeds mentioning the prize
    assert all("[Nobel]" in h.snippet for h in hits)


def test_search_finds_claim_notes_and_follows_edits(seeded_db: Database) -> None:
    cid = ops.mark_quote(seeded_db, 5, "2,700-strong members", "r").created_id or 0
    ops.set_note(seeded_db, cid, "Contradicts the HuffPost membership count", "r")
    (hit,) = [h for h in queries.search(seeded_db, "membership") if h.kind == "claim"]
    assert (hit.claim_id, hit.article_id) == (cid, 5)
    ops.set_note(seeded_db, cid, "rewritten", "r")
    assert [h for h in queries.search(seeded_db, "membership") if h.kind == "claim"] == []
    ops.delete_claim(seeded_db, cid, "r")
    assert [h for h in queries.search(seeded_db, "rewritten") if h.kind == "claim"] == []


def test_search_tolerates_text_that_is_not_fts_syntax(seeded_db: Database) -> None:
    assert {h.article_id for h in queries.search(seeded_db, '"3,000')} >= {2, 3}
    assert queries.search(seeded_db, "   ") == []
    assert queries.search(seeded_db, "zebra-crossing") == []
