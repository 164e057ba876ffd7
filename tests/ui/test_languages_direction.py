"""The reader lays each article out in its stored base direction; the reviewer corrects
language and direction from the Edit menu, and undoes it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.ui.articles.article_list import LANGUAGE
from factcheck.ui.articles.language_dialog import LanguageDialog
from tests.ui.conftest import WindowFactory, choose_in_combo, choose_menu
from tests.ui.test_languages_reader import _open, _project

CTRL = Qt.KeyboardModifier.ControlModifier


def _white_helmets_block_direction(window: object) -> Qt.LayoutDirection:
    doc = window.reader.document()  # type: ignore[attr-defined]
    block = doc.firstBlock()
    while not block.text().startswith("White Helmets"):
        block = block.next()
    return block.textDirection()


def test_an_arabic_paragraph_opening_with_a_latin_name_runs_right_to_left(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, ["ar", "mixed"], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids["ar"])
    assert _white_helmets_block_direction(window) == Qt.LayoutDirection.RightToLeft
    row = window.navigator.articles.row_of(ids["ar"])
    assert row is not None
    assert window.navigator.articles.index(row, LANGUAGE).data() == "ar"
    _open(window, qtbot, ids["mixed"])  # an English article: left to right
    assert window.reader.document().firstBlock().textDirection() == \
        Qt.LayoutDirection.LeftToRight  # fmt: skip


def test_the_reviewer_overrides_language_and_direction_and_undoes_it(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, ["ar"], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids["ar"])

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LanguageDialog)
        assert dialog.chosen_language() == "ar" and dialog.chosen_direction() == "rtl"
        dialog.language.lineEdit().selectAll()
        qtbot.keyClicks(dialog.language.lineEdit(), "ar-SY")
        choose_in_combo(qtbot, dialog.direction, "auto")
        qtbot.keyClick(dialog.direction, Qt.Key.Key_Return)

    choose_menu(qtbot, window, "Edit", "Article Language and Direction", during=fill)
    assert window.article is not None
    assert (window.article.language, window.article.direction) == ("ar-SY", "auto")
    assert window.reader.direction() == "auto"
    # Now the first strong letter decides: "White Helmets" turns its paragraph around.
    assert _white_helmets_block_direction(window) == Qt.LayoutDirection.LeftToRight
    row = window.navigator.articles.row_of(ids["ar"])
    assert row is not None
    assert window.navigator.articles.index(row, LANGUAGE).data() == "ar-SY"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert (window.article.language, window.article.direction) == ("ar", "rtl")
    assert _white_helmets_block_direction(window) == Qt.LayoutDirection.RightToLeft
    assert window.navigator.articles.index(row, LANGUAGE).data() == "ar"


def test_a_bad_language_tag_keeps_the_dialog_open(
    make_window: WindowFactory, project_path: Path, qtbot: QtBot
) -> None:
    ids = _project(project_path, ["he"], claims=False)
    window = make_window(project_path, seed=False)
    _open(window, qtbot, ids["he"])
    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LanguageDialog)
        dialog.language.lineEdit().selectAll()
        qtbot.keyClicks(dialog.language.lineEdit(), "Hebrew!")
        qtbot.keyClick(dialog.direction, Qt.Key.Key_Return)
        seen.append(dialog.error.text())
        QTimer.singleShot(0, dialog.reject)

    choose_menu(qtbot, window, "Edit", "Article Language and Direction", during=fill)
    assert seen and "not a language tag" in seen[0]
    assert window.article is not None and window.article.language == "he"
