"""Upgrading a project written before revisions existed (schema 0001 only)."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from factcheck.store import queries
from factcheck.store.migrations import known_migration_names, migrations
from factcheck.store.project import connect, schema_version


def _old_project(path: Path) -> None:
    """A project file as the first release wrote it: 0001 only, two articles, claims."""
    db = Database(str(path))
    db.execute("PRAGMA foreign_keys=ON")
    migrations.apply(db, stop_before="0002_revisions")
    assert "article_revisions" not in db.table_names()
    with db.atomic():
        for aid, text in ((1, "Alpha text about the harbour bridge."), (2, "Beta text.")):
            db.execute(
                "INSERT INTO articles (id, title, text, content_hash, source_path, imported_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (aid, f"Article {aid}", text, f"hash{aid}", f"/in/{aid}.txt",
                 f"2024-01-0{aid}T10:00:00.000Z"),
            )  # fmt: skip
            db.execute(
                "INSERT INTO history (at, reviewer, action, article_id, field, new) "
                "VALUES ('2024-01-01T10:00:00.000Z', ?, 'import article', ?, 'title', ?)",
                (f"reviewer{aid}", aid, f"Article {aid}"),
            )
        db.execute(
            'INSERT INTO claims (id, article_id, start, "end", quote, status, note, created_at, '
            "updated_at) VALUES (7, 1, 0, 10, 'Alpha text', 'contradicted', 'n', 'x', 'y')"
        )
    db.close()


def test_old_project_is_upgraded_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.factcheck"
    _old_project(path)
    db = connect(path)
    # every migration ran, in the order they are declared, the old ones first
    assert schema_version(db) == known_migration_names()
    assert schema_version(db)[:3] == ["0001_initial", "0002_revisions", "0003_claim_status_index"]
    assert db.table("tags").columns_dict["description"] is str  # 0010_review_day
    assert "idx_claims_article_status" in {i.name for i in db.table("claims").indexes}
    assert [a.title for a in queries.list_articles(db)] == ["Article 1", "Article 2"]
    assert queries.get_article(db, 1).text == "Alpha text about the harbour bridge."
    claim = queries.get_claim(db, 7)
    assert (claim.quote, claim.status.value, claim.note) == ("Alpha text", "contradicted", "n")
    assert (claim.placement, claim.placement_score, claim.original_quote) == ("exact", 1.0, "")
    for aid in (1, 2):
        (rev,) = queries.list_revisions(db, aid)
        article = queries.get_article(db, aid)
        assert (rev.number, rev.source, rev.reviewer) == (1, "import", f"reviewer{aid}")
        assert (rev.text, rev.content_hash, rev.created_at, rev.source_path) == (
            article.text, article.content_hash, article.imported_at, article.source_path
        )  # fmt: skip
    assert queries.search(db, "harbour")[0].article_id == 1  # full-text search still works
    db.close()
    # Opening again applies nothing twice.
    again = connect(path)
    assert len(queries.list_revisions(again, 1)) == 1
    again.close()


def test_upgraded_project_takes_new_revisions(tmp_path: Path) -> None:
    from factcheck.store import ops

    path = tmp_path / "old.factcheck"
    _old_project(path)
    db = connect(path)
    result = ops.create_revision(db, 1, "New intro. Alpha text about the harbour bridge.", "z")
    assert result.number == 2 and result.counts["moved"] + result.counts["exact"] == 1
    assert queries.get_claim(db, 7).quote == "Alpha text"
    db.close()
