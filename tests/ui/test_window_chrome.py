"""Menus, shortcuts shown, accessible names, dark palette, and the dialogs that other
modules provide (a missing one is a message, not a crash)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from factcheck.ui.common.actions import ACTIONS, MENUS, shortcut_table
from factcheck.ui.common.theme import palette_is_dark
from tests.ui.conftest import WindowFactory, choose_menu


def test_standard_menus_with_shortcuts(make_window: WindowFactory) -> None:
    window = make_window()
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == list(MENUS)
    for spec in ACTIONS:
        action = window.findChild(QAction, f"action_{spec.key}")
        assert action is not None, spec.key
        assert [k.toString() for k in action.shortcuts()] == [
            QKeySequence(s).toString() for s in spec.shortcuts]
    keys = {row[1]: row[2] for row in shortcut_table()}
    assert keys["Mark as Claim"].startswith("Ctrl+M")
    assert keys["Next Unverified Claim"] == "F8" and keys["Redo"].startswith("Ctrl+Shift+Z")


def test_every_control_has_an_accessible_name(make_window: WindowFactory) -> None:
    window = make_window()
    window.select_claim(window.session.mark(1, 4, 17))  # type: ignore[union-attr]
    kinds = (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)
    unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in window.findChildren(QWidget)
               if isinstance(w, kinds) and w.isVisibleTo(window) and not w.accessibleName()
               and type(w).__name__ != "QToolBarExtension"]  # fmt: skip
    # Tool buttons of actions take their name from the action's text.
    unnamed = [u for u in unnamed if not u.startswith("QToolButton ''")]
    assert unnamed == []


def test_dark_scheme_recolours_window_and_highlights(make_window: WindowFactory,
                                                     qtbot: QtBot) -> None:  # fmt: skip
    window = make_window()
    light = window.reader._colors.background("unverified", 1)
    choose_menu(qtbot, window, "View", "Appearance", "Dark")
    try:
        assert palette_is_dark(QApplication.palette())
        assert window.reader._colors.dark
        assert window.reader._colors.background("unverified", 1) != light
        assert window.settings.scheme == "dark"
        assert window.scheme_actions["dark"].isChecked()
    finally:
        choose_menu(qtbot, window, "View", "Appearance", "Light")
    assert not palette_is_dark(QApplication.palette())
    assert window.settings.scheme == "light"


@pytest.mark.parametrize(("key", "module"), [
    ("export_report", "factcheck.ui.export.export_dialog"),
    ("edit_text", "factcheck.ui.articles.edit_text_dialog"),
    ("paste_article", "factcheck.ui.articles.paste_dialog"),
])  # fmt: skip
def test_missing_dialog_module_is_a_message(make_window: WindowFactory, qtbot: QtBot,
                                            monkeypatch: pytest.MonkeyPatch, key: str,
                                            module: str) -> None:  # fmt: skip
    window = make_window()
    monkeypatch.setitem(sys.modules, module, None)  # makes the import fail
    spec = next(a for a in ACTIONS if a.key == key)
    choose_menu(qtbot, window, spec.menu, spec.text.replace("&", "").rstrip("…"))
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "not available" in boxes[0].text()
