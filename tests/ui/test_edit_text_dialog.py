"""Edit > Edit article text…: type an edit, preview the diff, save a revision, read how
the claims were placed. Driven with real mouse clicks and key presses."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from factcheck.core.model import ArticleDraft
from factcheck.store import ops, queries
from factcheck.ui.articles.edit_text_dialog import EditTextDialog, editor_text
from factcheck.ui.session.session import Session

TEXT = (
    "The council approved the budget on Monday. Spending on schools rises by 4 percent "
    "this year.\n\nThe mayor said the plan would create 300 new jobs. Critcs called the "
    "figure optimistic.\n\nConstruction starts in May and should finish within two years."
)
QUOTES = ["Spending on schools rises by 4 percent", "Critcs called the figure optimistic",
          "Construction starts in May"]  # fmt: skip


@pytest.fixture
def article(db: Database) -> int:
    (res,), _ = ops.import_articles(db, [ArticleDraft("Budget vote", TEXT)], "ana")
    for quote in QUOTES:
        ops.mark_quote(db, res.article_id, quote, "ana")
    return res.article_id


@pytest.fixture
def open_dialog(db: Database, article: int, qtbot: QtBot) -> Callable[[], EditTextDialog]:
    def make() -> EditTextDialog:
        dialog = EditTextDialog(Session(db, ":memory:", "bo"), article)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        # keyboard shortcuts (Ctrl+Return) reach only the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return dialog

    return make


def click_at(qtbot: QtBot, editor: QPlainTextEdit, position: int) -> None:
    """A real mouse click on the character boundary at ``position``."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    editor.ensureCursorVisible()
    rect = editor.cursorRect(cursor)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.textCursor().position() == position


def select_word(qtbot: QtBot, editor: QPlainTextEdit, position: int) -> None:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton,
                      pos=editor.cursorRect(cursor).center())  # fmt: skip


def test_typo_fix_previewed_then_saved(
    db: Database, article: int, open_dialog: Callable[[], EditTextDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    editor = dialog.editor
    assert editor_text(editor) == TEXT
    click_at(qtbot, editor, TEXT.index("cs called"))  # between "Crit" and "cs"
    qtbot.keyClicks(editor, "i")
    # a new first sentence typed at the very start
    qtbot.keyClick(editor, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Updated on Tuesday. ")
    expected = "Updated on Tuesday. " + TEXT.replace("Critcs", "Critics")
    assert editor_text(editor) == expected

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 1
    assert dialog.save_button.isVisible() and not dialog.preview_button.isVisible()
    assert dialog.diff_summary.text() == (
        "2 changes: 6 characters deleted, 27 inserted. Your 3 claims would be placed: "
        "2 exact, 0 moved, 1 fuzzy, 0 orphaned."
    )
    html = dialog.diff_view.toHtml()
    assert "line-through" in html and "underline" in html
    plain = dialog.diff_view.toPlainText()
    assert "CritcsCritics called" in plain and "Updated on Tuesday. The council" in plain
    assert queries.list_revisions(db, article)[-1].number == 1  # nothing saved yet

    with qtbot.waitSignal(dialog.revisionCreated) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    result = saved.args[0]
    assert result.number == 2 and result is dialog.result_revision
    assert result.counts == {"exact": 2, "moved": 0, "fuzzy": 1, "orphaned": 0}
    assert queries.get_article(db, article).text == expected
    assert [r.source for r in queries.list_revisions(db, article)] == ["import", "edit"]
    outcome = dialog.outcome.text()
    assert "Saved as revision 2" in outcome and "1 fuzzy" in outcome
    assert "1 claim needs your review" in outcome
    assert dialog.close_button.isVisible() and not dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EditTextDialog.DialogCode.Accepted


def test_deleting_a_claims_words_orphans_it(
    db: Database, article: int, open_dialog: Callable[[], EditTextDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    editor = dialog.editor
    start = TEXT.index("Construction starts in May and ")
    click_at(qtbot, editor, start)
    for _ in range(len("Construction starts in May and ")):
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClicks(editor, "Work ")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # preview
    assert dialog.stack.currentIndex() == 1
    qtbot.keyClick(editor.window(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.stack.currentIndex() == 2
    assert dialog.result_revision is not None
    assert dialog.result_revision.counts["orphaned"] == 1
    (orphan,) = queries.claims_needing_review(db, article)
    assert orphan.quote == "Construction starts in May" and orphan.placement == "orphaned"


def test_back_to_editing_keeps_the_edit(
    db: Database, article: int, open_dialog: Callable[[], EditTextDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    select_word(qtbot, dialog.editor, TEXT.index("Monday") + 2)
    qtbot.keyClicks(dialog.editor, "Friday")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "MondayFriday" in dialog.diff_view.toPlainText()
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 0
    assert editor_text(dialog.editor) == TEXT.replace("Monday", "Friday")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == EditTextDialog.DialogCode.Rejected
    assert queries.get_article(db, article).text == TEXT
    assert len(queries.list_revisions(db, article)) == 1


def test_no_change_and_empty_text_are_not_saved(
    db: Database, article: int, open_dialog: Callable[[], EditTextDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 0
    assert dialog.status.text() == "No changes to save."
    dialog.editor.setFocus()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Delete)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentIndex() == 0
    assert "empty" in dialog.status.text()
    assert len(queries.list_revisions(db, article)) == 1


def test_non_breaking_spaces_survive_an_unrelated_edit(db: Database, qtbot: QtBot) -> None:
    text = "Price:\u00a0100\u00a0EUR.\n\nSecond paragraph with a claim in it."
    (res,), _ = ops.import_articles(db, [ArticleDraft("NBSP", text)], "ana")
    dialog = EditTextDialog(Session(db, ":memory:", "bo"), res.article_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.editor.setFocus()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.editor, " More.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert queries.get_article(db, res.article_id).text == text + " More."


def test_escape_after_saving_still_reports_the_revision(
    db: Database, article: int, open_dialog: Callable[[], EditTextDialog], qtbot: QtBot
) -> None:
    dialog = open_dialog()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.editor, " Updated.")
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == EditTextDialog.DialogCode.Accepted
    assert dialog.result_revision is not None and dialog.result_revision.number == 2
