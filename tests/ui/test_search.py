"""Ctrl+F: full-text search over all articles and notes; a hit opens the article there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier


def test_search_opens_the_article_at_the_first_hit(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.session is not None
    target = next(a for a in window.session.articles() if a.id == 4)
    text = window.session.article(4).text
    word = next(w for w in text.split() if len(w) > 8 and w.isalpha()
                and text.count(w) == 1 and w.lower() not in window.session.article(1).text.lower())
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    assert window.navigator.search.hasFocus()
    qtbot.keyClicks(window.navigator.search, word.lower())
    qtbot.waitUntil(lambda: window.navigator.stack.currentIndex() == 1)
    assert window.navigator.results.rowCount() >= 1
    view = window.navigator.results_view
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view.visualRect(window.navigator.results.index(0, 0)).center())  # fmt: skip
    assert window.article is not None and window.article.id == target.id
    start = text.index(word)
    assert window.reader.selection_cp() == (start, start + len(word))


def test_search_finds_notes_and_selects_the_claim(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    s = window.session
    assert s is not None
    cid = s.mark(3, 0, 12)
    assert cid is not None
    s.set_note(cid, "zanzibar registry says otherwise")
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.navigator.search, "zanzibar")
    qtbot.keyClick(window.navigator.search, Qt.Key.Key_Return)
    assert window.article is not None and window.article.id == 3
    assert window.selected_claim() == cid
    qtbot.keyClick(window.navigator.search, Qt.Key.Key_Escape)
    assert window.navigator.stack.currentIndex() == 0
    assert window.navigator.search.text() == ""


def test_no_matches_says_so(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.navigator.search, "qwertyuiopxyz")
    qtbot.waitUntil(lambda: window.navigator.stack.currentIndex() == 1)
    assert window.navigator.results.rowCount() == 0
    assert window.navigator.results_label.text().startswith("No matches")
