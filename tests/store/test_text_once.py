"""Each article's current text is stored once (migration 0012_text_once): in
``articles.text``, read through the article for its current revision; earlier
revisions keep their own copy. Files written before are converted and stay readable."""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.migrations import migrations
from factcheck.store.project import connect


def _stored(db: Database, article_id: int) -> list[tuple[int, str, int]]:
    return [tuple(r) for r in db.execute(
        "SELECT number, text, text_in_article FROM article_revisions WHERE article_id = ? "
        "ORDER BY number", (article_id,))]  # fmt: skip


def test_an_imported_text_is_stored_once_and_read_through_its_revision(db: Database) -> None:
    (item,), _ = ops.import_articles(db, [ArticleDraft("T", "First text of the story.")], "r")
    aid = item.article_id
    assert _stored(db, aid) == [(1, "", 1)]
    (rev,) = queries.list_revisions(db, aid)
    assert rev.text == "First text of the story." == queries.get_article(db, aid).text
    ops.create_revision(db, aid, "Second text of the story.", "r")
    assert _stored(db, aid) == [(1, "First text of the story.", 0), (2, "", 1)]
    first, second = queries.list_revisions(db, aid)
    assert (first.text, second.text) == ("First text of the story.", "Second text of the story.")
    assert queries.get_revision_by_number(db, aid, 1).text == "First text of the story."
    assert queries.get_revision(db, second.id).text == "Second text of the story."
    # Importing the first text again is still recognised as a duplicate.
    (again,), _ = ops.import_articles(db, [ArticleDraft("T2", "First text of the story.")], "r")
    assert again.duplicate and again.article_id == aid


def test_a_file_written_before_is_converted_and_reads_the_same(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    # Rebuild a pre-0012 file: revision rows with full copies of the text.
    pre = tmp_path / "p" / "pre.db"
    db = Database(str(pre))
    migrations.apply(db, stop_before="0012_text_once")
    with db.atomic():
        for aid, text in ((1, "One text."), (2, "Two text, revised.")):
            db.execute("INSERT INTO articles (id, title, text, content_hash, imported_at, gid) "
                       "VALUES (?, ?, ?, ?, 'x', ?)",
                       (aid, f"A{aid}", text, ops.content_hash(text), f"g{aid}"))  # fmt: skip
        rows = [(1, 1, "One text."), (2, 1, "Two text."), (2, 2, "Two text, revised.")]
        for aid, number, text in rows:
            db.execute("INSERT INTO article_revisions (article_id, number, text, content_hash, "
                       "created_at, source) VALUES (?, ?, ?, ?, 'x', 'import')",
                       (aid, number, text, ops.content_hash(text)))  # fmt: skip
    db.close()
    up = connect(pre)
    assert _stored(up, 1) == [(1, "", 1)]
    assert _stored(up, 2) == [(1, "Two text.", 0), (2, "", 1)]
    assert [r.text for r in queries.list_revisions(up, 2)] == ["Two text.", "Two text, revised."]
    assert queries.list_revisions(up, 1)[0].text == "One text."
    assert queries.search(up, "revised")[0].article_id == 2
