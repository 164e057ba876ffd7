"""Dialogs open at the size the reviewer left them at (declared once in the settings)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.store import ops
from factcheck.ui.articles.edit_text_dialog import EditTextDialog
from factcheck.ui.session.session import Session


def test_the_edit_text_dialog_reopens_at_the_size_it_was_closed_at(
    db: Database, qtbot: QtBot
) -> None:
    (res,), _ = ops.import_articles(db, [ArticleDraft("A", "Some words to edit here.")], "t")
    session = Session(db, ":memory:", "t")
    first = EditTextDialog(session, res.article_id)
    qtbot.addWidget(first)
    default = first.size()
    first.show()
    qtbot.waitExposed(first)
    first.resize(default.width() - 120, default.height() - 90)
    qtbot.waitUntil(lambda: first.width() == default.width() - 120)
    first.close()
    again = EditTextDialog(session, res.article_id)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (default.width() - 120, default.height() - 90)
