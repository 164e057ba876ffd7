"""The operations layer: every edit is one transaction, is audited, returns a Change,
and can be inverted exactly (which is what undo relies on)."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from sqlite_utils import Database

from factcheck.core.model import Relation, Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import ops, queries

R = "reviewer-a"


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every user table except the audit trail, for before/after compares."""
    tables = ["articles", "claims", "tags", "claim_tags", "evidence"]
    return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}


def history_actions(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT action FROM history ORDER BY id")]


def test_mark_quote_stores_span_quote_and_context(seeded_db: Database) -> None:
    change = ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R)
    claim = queries.get_claim(seeded_db, change.created_id or 0)
    text = queries.get_article(seeded_db, 2).text
    assert text[claim.start : claim.end] == "nearly 3,000 members"
    assert claim.prefix == text[claim.start - 32 : claim.start]
    assert claim.suffix == text[claim.end : claim.end + 32]
    assert claim.status is Status.UNVERIFIED and claim.reviewer == R
    assert change.article_ids == {2} and change.claim_ids == {claim.id}
    assert history_actions(seeded_db)[-1] == "mark claim"


def test_mark_quote_nth_occurrence_and_clear_errors(seeded_db: Database) -> None:
    text = queries.get_article(seeded_db, 1).text
    first = ops.mark_quote(seeded_db, 1, "White Helmets", R)
    second = ops.mark_quote(seeded_db, 1, "White Helmets", R, occurrence=2)
    c1 = queries.get_claim(seeded_db, first.created_id or 0)
    c2 = queries.get_claim(seeded_db, second.created_id or 0)
    assert c1.start == text.find("White Helmets")
    assert c2.start == text.find("White Helmets", c1.start + 1)
    with pytest.raises(InvalidInput, match="does not occur in article 1"):
        ops.mark_quote(seeded_db, 1, "Black Helmets", R)
    n = text.count("White Helmets")
    with pytest.raises(InvalidInput, match=f"occurs {n} times in article 1, not 99"):
        ops.mark_quote(seeded_db, 1, "White Helmets", R, occurrence=99)
    with pytest.raises(NotFound, match="no article with id 42"):
        ops.mark_quote(seeded_db, 42, "x", R)


def test_mark_claim_refuses_bad_spans_and_writes_nothing(seeded_db: Database) -> None:
    before = dump(seeded_db)
    text = queries.get_article(seeded_db, 1).text
    blank = text.index("\n\n")
    for start, end in [(-1, 4), (5, 5), (10, 2), (0, len(text) + 1), (blank, blank + 2)]:
        with pytest.raises(InvalidInput):
            ops.mark_claim(seeded_db, 1, start, end, R)
    assert dump(seeded_db) == before


def test_status_note_and_tags_are_audited(seeded_db: Database) -> None:
    cid = ops.mark_quote(seeded_db, 3, "more than 3,000 members", R).created_id or 0
    ops.set_status(seeded_db, cid, Status.CORROBORATED, R)
    ops.set_note(seeded_db, cid, "Matches the HuffPost figure", R)
    ops.add_tag(seeded_db, cid, "membership", R)
    ops.add_tag(seeded_db, cid, "MEMBERSHIP", R)  # same tag, case-insensitively
    ops.add_tag(seeded_db, cid, "figures", R)
    claim = queries.get_claim(seeded_db, cid)
    assert claim.status is Status.CORROBORATED
    assert claim.note == "Matches the HuffPost figure"
    assert claim.tags == ("figures", "membership")
    entries = queries.history_for_claim(seeded_db, cid)
    assert [e.action for e in entries] == [
        "mark claim", "set status", "set note", "add tag", "add tag"
    ]  # fmt: skip
    assert (entries[1].old, entries[1].new) == ("unverified", "corroborated")
    ops.remove_tag(seeded_db, cid, "Figures", R)
    assert queries.get_claim(seeded_db, cid).tags == ("membership",)
    with pytest.raises(InvalidInput, match="unknown status 'maybe'"):
        ops.set_status(seeded_db, cid, "maybe", R)


def test_new_tags_get_distinct_colours(seeded_db: Database) -> None:
    cid = ops.mark_quote(seeded_db, 1, "White Helmets", R).created_id or 0
    for i in range(14):
        ops.add_tag(seeded_db, cid, f"tag{i}", R)
    colours = [t.color for t in queries.list_tags(seeded_db)]
    assert len(colours) == 14 and len(set(colours)) == 14


def test_links_show_on_both_ends_and_sources_keep_their_fields(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R).created_id or 0
    b = ops.mark_quote(seeded_db, 5, "2,700-strong members", R).created_id or 0
    link = ops.link_claims(seeded_db, a, b, Relation.CONTRADICTS, R, note="different count")
    assert link.article_ids == {2, 5}
    for end in (a, b):
        (ev,) = queries.evidence_for_claim(seeded_db, end)
        assert ev.relation is Relation.CONTRADICTS and {ev.claim_id, ev.target_claim_id} == {a, b}
    src = ops.add_source(
        seeded_db, a, "https://example.org/syria-civil-defence", R,
        title="SCD annual report", quote="2,900 volunteers", accessed="2024-03-01",
    )  # fmt: skip
    ev = queries.get_evidence(seeded_db, src.created_id or 0)
    assert (ev.kind, ev.url, ev.title, ev.quote, ev.accessed) == (
        "source", "https://example.org/syria-civil-defence", "SCD annual report",
        "2,900 volunteers", "2024-03-01",
    )  # fmt: skip
    with pytest.raises(InvalidInput, match="evidence for itself"):
        ops.link_claims(seeded_db, a, a, "same-as", R)
    with pytest.raises(InvalidInput, match="unknown relation"):
        ops.link_claims(seeded_db, a, b, "agrees", R)
    with pytest.raises(InvalidInput, match="needs a URL"):
        ops.add_source(seeded_db, a, "  ", R)


def test_delete_then_restore_puts_everything_back(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R, tags=["figures"]).created_id
    b = ops.mark_quote(seeded_db, 5, "2,700-strong members", R).created_id
    assert a and b
    ops.set_note(seeded_db, a, "check", R)
    ops.link_claims(seeded_db, b, a, "contradicts", R)
    ops.add_source(seeded_db, a, "https://example.org", R)
    before = dump(seeded_db)
    snap = ops.snapshot_claim(seeded_db, a)
    change = ops.delete_claim(seeded_db, a, R)
    assert change.claim_ids == {a, b} and change.article_ids == {2, 5}
    assert not queries.claim_exists(seeded_db, a)
    assert queries.evidence_for_claim(seeded_db, b) == []  # the link went with it
    ops.restore_claim(seeded_db, snap, R)
    assert dump(seeded_db) == before
    assert history_actions(seeded_db)[-2:] == ["delete claim", "restore claim"]


def test_remove_and_restore_evidence_round_trip(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R).created_id or 0
    eid = ops.add_source(seeded_db, a, "https://example.org", R).created_id or 0
    before = dump(seeded_db)
    snap = ops.snapshot_evidence(seeded_db, eid)
    ops.remove_evidence(seeded_db, eid, R)
    assert queries.evidence_for_claim(seeded_db, a) == []
    ops.restore_evidence(seeded_db, snap, R)
    assert dump(seeded_db) == before


def test_a_failing_operation_leaves_no_partial_write(seeded_db: Database) -> None:
    """mark_claims is all-or-nothing: one bad span rolls back the whole batch."""
    before = dump(seeded_db)
    specs = [ops.ClaimSpec(1, 0, 17, tags=("x",)), ops.ClaimSpec(1, 50, 10)]
    with pytest.raises(InvalidInput):
        ops.mark_claims(seeded_db, specs, R)
    assert dump(seeded_db) == before


def test_foreign_keys_cascade_claim_links(seeded_db: Database) -> None:
    a = ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R, tags=["t"]).created_id
    with pytest.raises(sqlite3.IntegrityError):
        seeded_db.execute("INSERT INTO claim_tags VALUES (9999, 1)")
    seeded_db.execute("DELETE FROM articles WHERE id = 2")
    assert not queries.claim_exists(seeded_db, a or 0)
    assert seeded_db.execute("SELECT count(*) FROM claim_tags").fetchone()[0] == 0


def test_article_list_counts_claims_by_status_without_text(seeded_db: Database) -> None:
    ops.mark_quote(seeded_db, 2, "nearly 3,000 members", R, status=Status.CONTRADICTED)
    ops.mark_quote(seeded_db, 2, "White Helmets", R)
    ops.mark_quote(seeded_db, 3, "300", R, status=Status.CORROBORATED)
    summaries = {a.id: a for a in queries.list_articles(seeded_db)}
    assert summaries[2].counts == {
        "unverified": 1, "corroborated": 0, "contradicted": 1, "inconclusive": 0
    }  # fmt: skip
    assert summaries[3].claim_count == 1 and summaries[1].claim_count == 0
    assert not hasattr(summaries[2], "text")


def test_next_unverified_walks_the_project_in_reading_order(seeded_db: Database) -> None:
    c3 = ops.mark_quote(seeded_db, 3, "300", R).created_id
    c1 = ops.mark_quote(seeded_db, 1, "White Helmets", R).created_id
    done = ops.mark_quote(seeded_db, 2, "White Helmets", R, status="corroborated").created_id
    assert done
    first = queries.next_claim_with_status(seeded_db, Status.UNVERIFIED, None)
    assert first and first.id == c1
    nxt = queries.next_claim_with_status(
        seeded_db, Status.UNVERIFIED, (first.article_id, first.start, first.id)
    )
    assert nxt and nxt.id == c3
    wrapped = queries.next_claim_with_status(seeded_db, Status.UNVERIFIED, (3, nxt.start, nxt.id))
    assert wrapped and wrapped.id == c1
    back = queries.next_claim_with_status(
        seeded_db, Status.UNVERIFIED, (1, first.start, first.id), backwards=True
    )
    assert back and back.id == c3


def test_marking_one_claim_reads_the_same_quote_and_context_as_the_whole_text(
    db: Database,
) -> None:
    """A single mark reads only a window of the text (SQLite substr counts characters);
    it must give exactly what slicing the whole text gives, astral characters included."""
    from factcheck.core.model import ArticleDraft
    from factcheck.core.quotes import context
    from factcheck.store import importer

    text = "😊 Emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 before — the claim “here” sits after them. " * 3 + "end"
    importer.import_drafts(db, [ArticleDraft(title="t", text=text)], R)
    for start, end in [(0, 7), (60, 75), (len(text) - 3, len(text)), (30, 120)]:
        cid = ops.mark_claim(db, 1, start, end, R).created_id or 0
        claim = queries.get_claim(db, cid)
        assert (claim.quote, claim.prefix, claim.suffix) == (
            text[start:end], *context(text, start, end)
        )
    with pytest.raises(InvalidInput, match=f"which has {len(text)} characters"):
        ops.mark_claim(db, 1, len(text) - 2, len(text) + 1, R)
    with pytest.raises(InvalidInput, match=f"which has {len(text)} characters"):
        ops.mark_claim(db, 1, len(text) + 500, len(text) + 510, R)  # wholly past the end
