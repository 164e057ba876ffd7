"""Article deletion and the tag manager's edits, each with its undo, over the real
migrations: what comes back is exactly what went (same ids, tags, links, revisions)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlite_utils import Database

from factcheck.core.codebook import CodebookEntry, read_codebook, write_codebook
from factcheck.core.model import Relation, Status
from factcheck.errors import InvalidInput, NotFound
from factcheck.store import ops, queries
from factcheck.store.ops import article_removal
from factcheck.store.ops import tags as tag_ops
from factcheck.store.queries.tags import tag_summaries

ME = "tester"


def _dump(db: Database) -> dict[str, Any]:
    """Every row of every table that deleting an article touches, for comparison."""
    out = {}
    for table in ("articles", "claims", "claim_tags", "evidence", "article_revisions", "tags"):
        out[table] = sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
    return out


@pytest.fixture
def reviewed(seeded_db: Database) -> Database:
    db = seeded_db
    a = ops.mark_quote(db, 1, "3,000", ME, tags=["figures", "volunteers"]).created_id
    b = ops.mark_quote(db, 2, "nearly 3,000", ME, tags=["figures"]).created_id
    c = ops.mark_quote(db, 1, "Abu Omar", ME, status=Status.CORROBORATED).created_id
    assert a and b and c
    ops.link_claims(db, b, a, Relation.CONTRADICTS, ME)
    ops.add_source(db, a, "https://example.org/count", ME, title="Count")
    ops.create_revision(db, 1, queries.get_article(db, 1).text + "\n\nA correction.", ME)
    return db


def test_deleting_an_article_takes_its_claims_and_undo_restores_everything(
    reviewed: Database,
) -> None:
    db = reviewed
    before = _dump(db)
    snap, change = article_removal.delete_article(db, 1, ME)
    assert [a.id for a in queries.list_articles(db)] == [2, 3, 4, 5]
    assert {c.article_id for c in queries.all_claims(db)} == {2}
    assert queries.evidence_for_claim(db, 2) == []  # the link went with its other end
    assert change.article_ids == {1, 2} and change.article_list
    assert queries.search(db, "blacksmith") == []  # out of the full-text index too
    restored = article_removal.restore_article(db, snap, ME)
    assert _dump(db) == before
    assert restored.article_ids == {1, 2}
    assert queries.search(db, "blacksmith")[0].article_id == 1
    actions = [h.action for h in queries.history(db, 5)]
    assert actions[:2] == ["restore article", "delete article"]
    with pytest.raises(InvalidInput):
        article_removal.restore_article(db, snap, ME)  # already there
    with pytest.raises(NotFound):
        article_removal.delete_article(db, 99, ME)


def test_rename_recolour_describe(reviewed: Database) -> None:
    db = reviewed
    change = tag_ops.rename_tag(db, "FIGURES", "numbers", ME)
    assert change.tags and len(change.claim_ids) == 2 and change.article_ids == {1, 2}
    assert queries.get_claim(db, 2).tags == ("numbers",)
    tag_ops.rename_tag(db, "numbers", "Numbers", ME)  # only the case: allowed
    with pytest.raises(InvalidInput, match="merge"):
        tag_ops.rename_tag(db, "Numbers", "volunteers", ME)
    with pytest.raises(InvalidInput):
        tag_ops.rename_tag(db, "Numbers", "  ", ME)
    tag_ops.set_tag_color(db, "numbers", "#AABBCC", ME)
    tag_ops.set_tag_description(db, "numbers", "Any figure given", ME)
    with pytest.raises(InvalidInput):
        tag_ops.set_tag_color(db, "numbers", "blue", ME)
    by_name = {t.name: t for t in tag_summaries(db)}
    assert (by_name["Numbers"].color, by_name["Numbers"].description, by_name["Numbers"].count) \
        == ("#aabbcc", "Any figure given", 2)  # fmt: skip


def test_merge_and_delete_with_undo(reviewed: Database) -> None:
    db = reviewed
    before = _dump(db)
    snap, _ = tag_ops.merge_tags(db, "volunteers", "figures", ME)
    assert [t.name for t in tag_summaries(db)] == ["figures"]
    assert queries.get_claim(db, 1).tags == ("figures",)
    tag_ops.restore_tag(db, snap, ME)
    assert _dump(db) == before
    ops.add_tag(db, 3, "volunteers", ME)  # a claim that only the merge gives "figures"
    before = _dump(db)
    snap, _ = tag_ops.merge_tags(db, "volunteers", "figures", ME)
    assert queries.get_claim(db, 3).tags == ("figures",)
    tag_ops.restore_tag(db, snap, ME)
    assert _dump(db) == before and queries.get_claim(db, 3).tags == ("volunteers",)
    snap, change = tag_ops.delete_tag(db, "figures", ME)
    assert queries.get_claim(db, 2).tags == () and change.claim_ids == {1, 2}
    tag_ops.restore_tag(db, snap, ME)
    assert _dump(db) == before
    with pytest.raises(InvalidInput):
        tag_ops.merge_tags(db, "figures", "FIGURES", ME)


def test_codebook_round_trip_and_import_with_undo(reviewed: Database) -> None:
    db = reviewed
    tag_ops.set_tag_description(db, "figures", 'Counts, "sizes", money', ME)
    text = write_codebook(tag_summaries(db))
    assert text.splitlines()[0] == "name,color,description,claims"
    entries = read_codebook(text)
    assert entries[0] == CodebookEntry("figures", tag_summaries(db)[0].color,
                                       'Counts, "sizes", money')  # fmt: skip
    before = _dump(db)
    done, change = tag_ops.import_codebook(db, [
        CodebookEntry("sourcing", "#123456", "Who says so"),
        CodebookEntry("FIGURES", "", "Any number"),
        CodebookEntry("volunteers", "", None),
    ], ME)  # fmt: skip
    assert done.created == ("sourcing",) and [u[0] for u in done.updated] == ["figures"]
    assert change.tags
    by_name = {t.name: t for t in tag_summaries(db)}
    assert by_name["sourcing"].color == "#123456"
    assert by_name["figures"].description == "Any number"
    tag_ops.undo_codebook_import(db, done, ME)
    assert _dump(db) == before


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"),
    ("tag,colour\nx,#fff\n", "'name'"),
    ("name,color\nx,red\n", "row 2"),
    ("name\nx\nX\n", "repeats"),
    ("name,color\n,#123456\n", "no tag name"),
])  # fmt: skip
def test_bad_codebooks_are_refused_with_the_row(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_codebook(text, "book.csv")
