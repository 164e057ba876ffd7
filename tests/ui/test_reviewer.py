"""The reviewer's name in the window: shown in the status bar, changed there with a
click, typing and Return (Escape or an empty name changes nothing), or from Edit ▸
Reviewer Name…; the new name goes on the next edits and is remembered for the window and
the command line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from factcheck import config
from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import REVIEWER, WindowFactory, choose_menu, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier


def _rename_in_status_bar(qtbot: QtBot, window: MainWindow, typed: str) -> None:
    field = window.reviewer_field
    qtbot.mouseClick(field.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.edit.hasFocus)
    assert field.edit.text() == window.reviewer and field.edit.selectedText() == window.reviewer
    qtbot.keyClicks(field.edit, typed)  # replaces the selected name


def _mark_volunteers(qtbot: QtBot, window: MainWindow) -> str:
    assert window.article is not None and window.session is not None
    start = window.article.text.find("volunteer rescue workers")
    drag_select(qtbot, window.reader, start, start + len("volunteer rescue workers"))
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    (claim,) = queries.claims_for_article(window.session.db, window.article.id)
    return claim.reviewer


def test_status_bar_shows_the_name(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.reviewer_field.button.text() == f"Reviewer: {REVIEWER}"
    assert window.reviewer_field.button.isVisible()


def test_click_the_name_type_and_return(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    _rename_in_status_bar(qtbot, window, "  Bo   Checker ")
    qtbot.keyClick(window.reviewer_field.edit, Qt.Key.Key_Return)
    assert window.reviewer == "Bo Checker"  # spaces tidied
    assert window.reviewer_field.button.text() == "Reviewer: Bo Checker"
    assert not window.reviewer_field.is_editing()
    assert "now recorded as “Bo Checker”" in window.statusBar().currentMessage()
    assert config.load().reviewer == "Bo Checker"
    window.reader.setFocus()
    assert _mark_volunteers(qtbot, window) == "Bo Checker"


def test_escape_and_empty_names_change_nothing(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    _rename_in_status_bar(qtbot, window, "Someone Else")
    qtbot.keyClick(window.reviewer_field.edit, Qt.Key.Key_Escape)
    assert not window.reviewer_field.is_editing()
    _rename_in_status_bar(qtbot, window, "   ")
    qtbot.keyClick(window.reviewer_field.edit, Qt.Key.Key_Return)
    _rename_in_status_bar(qtbot, window, "Left Behind")
    window.reader.setFocus()  # leaving the field drops the edit
    qtbot.waitUntil(lambda: not window.reviewer_field.is_editing())
    assert window.reviewer == REVIEWER
    assert window.reviewer_field.button.text() == f"Reviewer: {REVIEWER}"
    assert config.load().reviewer == REVIEWER
    assert _mark_volunteers(qtbot, window) == REVIEWER


def test_the_name_button_works_from_the_keyboard(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    window.reviewer_field.button.setFocus()
    qtbot.waitUntil(window.reviewer_field.button.hasFocus)
    qtbot.keyClick(window.reviewer_field.button, Qt.Key.Key_Space)
    qtbot.waitUntil(window.reviewer_field.edit.hasFocus)
    qtbot.keyClicks(window.reviewer_field.edit, "Kay Board")
    qtbot.keyClick(window.reviewer_field.edit, Qt.Key.Key_Return)
    assert window.reviewer == "Kay Board"
    assert window.reviewer_field.button.hasFocus()  # focus stays where the user was


def test_edit_menu_reviewer_name(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()

    def type_in_dialog() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QInputDialog) and w.isVisible())  # fmt: skip
        edit = dialog.findChild(QLineEdit)
        assert edit is not None and edit.text() == REVIEWER
        edit.selectAll()
        qtbot.keyClicks(edit, "Dee Alog")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    choose_menu(qtbot, window, "Edit", "Reviewer Name", during=type_in_dialog)
    assert window.reviewer == "Dee Alog"
    assert window.reviewer_field.button.text() == "Reviewer: Dee Alog"
    assert config.load().reviewer == "Dee Alog"


def test_the_fields_context_menu_keeps_the_edit_open(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    _rename_in_status_bar(qtbot, window, "Mena Context")
    edit = window.reviewer_field.edit
    # a right click through the window, as the platform delivers it (the window turns
    # it into a context-menu event)
    where = edit.mapTo(window, edit.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton, pos=where)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert window.reviewer_field.is_editing()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.reviewer == "Mena Context"
