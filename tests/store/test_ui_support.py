"""Reads and the one operation added for the review window."""

from __future__ import annotations

from sqlite_utils import Database

from factcheck.store import ops, queries
from factcheck.store.ops.tags import drop_tag_if_unused


def test_claim_outline_matches_claims_for_article(seeded_db: Database) -> None:
    for start, end in ((30, 40), (4, 17), (4, 30), (50, 60)):
        ops.mark_claim(seeded_db, 1, start, end, "t", claimant="UN" if start == 30 else "")
    full = queries.claims_for_article(seeded_db, 1)
    assert {c.claimant for c in full} == {"UN", ""}
    outline = queries.claim_outline(seeded_db, 1)
    assert outline == [(c.id, c.start, c.end, c.status.value, c.claimant) for c in full]
    assert queries.claim_outline(seeded_db, 2) == []


def test_claim_tags_for_article(seeded_db: Database) -> None:
    a = ops.mark_claim(seeded_db, 1, 4, 17, "t", tags=["zeta", "Alpha"]).created_id
    ops.mark_claim(seeded_db, 1, 20, 30, "t")
    ops.mark_claim(seeded_db, 2, 0, 5, "t", tags=["other"])
    assert queries.claim_tags_for_article(seeded_db, 1) == {a: ("Alpha", "zeta")}


def test_article_summaries_equal_the_list_rows(seeded_db: Database) -> None:
    ops.mark_claim(seeded_db, 2, 0, 5, "t", status="contradicted")
    every = {a.id: a for a in queries.list_articles(seeded_db)}
    got = queries.article_summaries(seeded_db, [4, 2, 99, 2])
    assert got == [every[2], every[4]]
    assert got[0].counts["contradicted"] == 1


def test_drop_tag_if_unused(seeded_db: Database) -> None:
    a = ops.mark_claim(seeded_db, 1, 4, 17, "t", tags=["kept", "gone"]).created_id
    assert a is not None
    ops.remove_tag(seeded_db, a, "gone", "t")
    assert drop_tag_if_unused(seeded_db, "GONE", "t").tags
    assert not drop_tag_if_unused(seeded_db, "kept", "t").tags
    assert [t.name for t in queries.list_tags(seeded_db)] == ["kept"]
    assert queries.history(seeded_db, 1)[0].action == "drop tag"


def test_claim_outline_is_read_from_an_index_alone(seeded_db: Database) -> None:
    """Opening an article reads its claims' outline without a look-up per claim in the
    claims table (migration 0013_winperf_outline): the plan of the query the outline
    runs, as it runs it."""
    seen: list[str] = []
    seeded_db.conn.set_trace_callback(seen.append)
    try:
        queries.claim_outline(seeded_db, 1)
    finally:
        seeded_db.conn.set_trace_callback(None)
    (sql,) = [q for q in seen if "FROM claims" in q]
    plan = seeded_db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    details = " ".join(str(r[-1]) for r in plan)
    assert "COVERING INDEX idx_claims_outline" in details and "TEMP B-TREE" not in details
