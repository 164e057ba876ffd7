"""Language and direction in the project: stored on import, filled in for articles of an
older project when it is upgraded, corrected by the reviewer with an audit row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.errors import InvalidInput
from factcheck.store import ops, queries
from factcheck.store.migrations import migrations
from factcheck.store.project import connect

DATA = Path(__file__).resolve().parents[1] / "data" / "languages"


def _text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


def test_import_stores_the_detected_language_and_direction(db: Database) -> None:
    drafts = [ArticleDraft(n, _text(n)) for n in ("ar", "zh", "mixed")]
    drafts.append(ArticleDraft("declared", "Short.", language="fr", direction="ltr"))
    imported, _ = ops.import_articles(db, drafts, "t")
    got = [queries.article_language(db, i.article_id) for i in imported]
    assert got == [("ar", "rtl"), ("zh", "ltr"), ("en", "ltr"), ("fr", "ltr")]
    article = queries.get_article(db, imported[0].article_id)
    assert (article.language, article.direction) == ("ar", "rtl")
    assert [a.language for a in queries.list_articles(db)] == ["ar", "zh", "en", "fr"]


def test_the_reviewer_corrects_them_and_the_history_says_so(db: Database) -> None:
    (imp,), _ = ops.import_articles(db, [ArticleDraft("a", _text("mixed"))], "t")
    change = ops.set_article_language(db, imp.article_id, "rev", language="ar", direction="rtl")
    assert change.article_ids == {imp.article_id} and change.article_list
    assert queries.article_language(db, imp.article_id) == ("ar", "rtl")
    rows = db.execute("SELECT field, old, new, reviewer FROM history "
                      "WHERE action = 'set article language' ORDER BY id").fetchall()  # fmt: skip
    assert rows == [("language", "en", "ar", "rev"), ("direction", "ltr", "rtl", "rev")]
    with pytest.raises(InvalidInput, match="direction must be one of"):
        ops.set_article_language(db, imp.article_id, "rev", direction="up")
    with pytest.raises(InvalidInput, match="not a language tag"):
        ops.set_article_language(db, imp.article_id, "rev", language="x y")
    assert queries.article_language(db, imp.article_id) == ("ar", "rtl")  # refused: kept


def test_an_older_project_gets_languages_on_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(str(path))
    migrations.apply(old, stop_before="0009_language")
    for aid, name in ((1, "ar"), (2, "he"), (3, "mixed")):
        old.execute("INSERT INTO articles (id, gid, title, text, content_hash, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, 'x')",
                    (aid, f"g{aid}", name, _text(name), f"h{aid}"))  # fmt: skip
    old.close()
    db = connect(path)
    assert [queries.article_language(db, a) for a in (1, 2, 3)] == [
        ("ar", "rtl"), ("he", "rtl"), ("en", "ltr")]
    db.close()
