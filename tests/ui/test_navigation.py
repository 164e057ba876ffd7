"""Ctrl+PgDown / Ctrl+PgUp between articles, F8 / Shift+F8 between unverified claims
across the project, and Ctrl+Q."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_next_and_previous_article(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    assert window.article is not None and window.article.id == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert window.article.id == 2
    assert window.navigator.current_article() == 2
    assert window.reader.toPlainText().startswith(window.article.text[:40])
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)
    assert window.article.id == 2
    for _ in range(5):
        qtbot.keyClick(window.reader, Qt.Key.Key_PageUp, CTRL)
    assert window.article.id == 1  # stops at the first


def test_f8_walks_unverified_claims_across_articles(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    s = window.session
    assert s is not None
    a = s.mark(1, 4, 17)
    done = s.mark(1, 30, 40)
    b = s.mark(3, 0, 10)
    c = s.mark(5, 5, 15)
    assert done is not None
    s.set_status(done, Status.CORROBORATED)
    window.open_article(1)
    window.select_claim(None)
    window.reader.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window.reader, Qt.Key.Key_F8)
        seen.append((window.article.id, window.selected_claim()))  # type: ignore[union-attr]
    assert seen == [(1, a), (3, b), (5, c), (1, a)]  # wraps round, skips judged claims
    qtbot.keyClick(window.reader, Qt.Key.Key_F8, SHIFT)
    assert (window.article.id, window.selected_claim()) == (5, c)  # type: ignore[union-attr]
    assert window.claim_pane.selected_claim() == c


def test_ctrl_q_closes_the_window(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window.reader, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.session is None  # closed cleanly


def test_tab_leaves_the_article_list_for_the_text(make_window: WindowFactory, qtbot: QtBot) -> None:
    # The lists select whole rows: Tab moves on to the next pane, not to the next cell.
    window = make_window()
    window.navigator.list.setFocus()
    qtbot.waitUntil(window.navigator.list.hasFocus)
    path = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        path.append(QApplication.focusWidget())
        if path[-1] is window.reader:
            break
    assert window.navigator.list not in path
    assert path[-1] is window.reader
    window.claim_pane.view.setFocus()
    qtbot.waitUntil(window.claim_pane.view.hasFocus)
    qtbot.keyClick(window.claim_pane.view, Qt.Key.Key_Tab)
    assert not window.claim_pane.view.hasFocus()
