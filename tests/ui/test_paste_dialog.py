"""File > New article from clipboard: the clipboard's text prefilled, title and URL asked
for, imported through the importer. Driven with real clicks and typing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.store.importer import Outcome
from factcheck.ui.articles.edit_text_dialog import editor_text
from factcheck.ui.articles.paste_dialog import PasteDialog
from factcheck.ui.session.session import Session

PASTED = (
    "Harbour bridge repairs delayed\n\nRepairs to the Harbour bridge will not be finished "
    "until 2027, two years later than promised.\n\nThe cost has risen to 61 million pounds."
)


@pytest.fixture
def paste(db: Database, qtbot: QtBot) -> Callable[[str], PasteDialog]:
    def make(clipboard: str) -> PasteDialog:
        QApplication.clipboard().setText(clipboard)
        dialog = PasteDialog(Session(db, ":memory:", "ana"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def test_clipboard_text_imported_with_title_and_url(
    db: Database, paste: Callable[[str], PasteDialog], qtbot: QtBot
) -> None:
    dialog = paste(PASTED)
    assert editor_text(dialog.text_edit) == PASTED
    assert dialog.title_edit.text() == "Harbour bridge repairs delayed"  # suggested
    qtbot.mouseClick(dialog.title_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.title_edit, "Bridge repairs run late")
    qtbot.mouseClick(dialog.url_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.url_edit, "https://courier.example/bridge")
    with qtbot.waitSignal(dialog.imported) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == PasteDialog.DialogCode.Accepted
    (result,) = done.args[0].results
    assert result.outcome is Outcome.IMPORTED and result.article_id == dialog.article_id
    article = queries.get_article(db, result.article_id)
    assert (article.title, article.url, article.text) == (
        "Bridge repairs run late", "https://courier.example/bridge", PASTED
    )  # fmt: skip
    assert [r.source for r in queries.list_revisions(db, article.id)] == ["import"]


def test_empty_clipboard_needs_text_and_title(
    db: Database, paste: Callable[[str], PasteDialog], qtbot: QtBot
) -> None:
    dialog = paste("")
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.text_edit.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.text_edit, "A short text typed by hand about the harbour.")
    assert not dialog.import_button.isEnabled()  # still no title
    qtbot.mouseClick(dialog.title_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.title_edit, "Typed")
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert queries.get_article(db, dialog.article_id or 0).title == "Typed"


def test_bad_url_is_refused_in_place(
    db: Database, paste: Callable[[str], PasteDialog], qtbot: QtBot
) -> None:
    dialog = paste(PASTED)
    qtbot.mouseClick(dialog.url_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.url_edit, "courier.example/bridge")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "http://" in dialog.status.text()
    assert queries.article_count(db) == 0


def test_duplicate_text_is_reported_not_imported(
    db: Database, paste: Callable[[str], PasteDialog], qtbot: QtBot
) -> None:
    ops.import_articles(db, [ArticleDraft("Already here", PASTED)], "ana")
    dialog = paste(PASTED)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.status.text() == "This text is already in the project (article 1)."
    assert queries.article_count(db) == 1


def test_known_url_becomes_a_new_revision(
    db: Database, paste: Callable[[str], PasteDialog], qtbot: QtBot
) -> None:
    (first,), _ = ops.import_articles(
        db, [ArticleDraft("Bridge", PASTED, url="https://courier.example/bridge")], "ana"
    )
    ops.mark_quote(db, first.article_id, "61 million pounds", "ana")
    dialog = paste(PASTED.replace("61 million", "64 million"))
    qtbot.mouseClick(dialog.url_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.url_edit, "https://courier.example/bridge")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.report is not None
    (result,) = dialog.report.results
    assert (result.outcome, result.article_id, result.revision) == (
        Outcome.UPDATED, first.article_id, 2
    )  # fmt: skip
    assert queries.claims_needing_review(db, first.article_id)[0].quote == "64 million pounds"
