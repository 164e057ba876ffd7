"""What one mark changes on screen, and what it leaves alone: the legend's chips keep a
fixed size fitted to their text (as large as a plain label would be, light and dark),
and the frame a mark causes lays out nothing outside the panes that show the claim (no
layout of the window, its splitters or the article's pane runs again)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from factcheck.ui.common.fitted_label import FittedLabel
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class _Layouts(QObject):
    """Records the widgets that receive a layout request."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QWidget] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(watched, QWidget):
            self.seen.append(watched)
        return False


@pytest.fixture
def layouts() -> Iterator[_Layouts]:
    watch = _Layouts()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(watch)
    yield watch
    app.removeEventFilter(watch)


def _select(qtbot: QtBot, window: MainWindow, phrase: str) -> None:
    assert window.article is not None
    start = window.article.text.index(phrase)
    drag_select(qtbot, window.reader, start, start + len(phrase))


def _mark(qtbot: QtBot, window: MainWindow, phrase: str) -> None:
    _select(qtbot, window, phrase)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)


def _settle(layouts: _Layouts) -> None:
    """Run the posted layouts until none is left (a layout that changes a size posts
    its parent's, one level a turn)."""
    for _ in range(50):
        before = len(layouts.seen)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
        if len(layouts.seen) == before:
            return
    raise AssertionError("the layouts never settled")


def _assert_chips_fit(window: MainWindow) -> None:
    """Each chip says its verdict's count, and is exactly as large as a plain label with
    the same text, font and style sheet asks to be (so none is cut or padded)."""
    counts = window.article_model.counts()
    for status, chip in window.reader_pane.legend.chips.items():
        assert isinstance(chip, FittedLabel)
        assert chip.text().endswith(f" {counts[status]}")
        plain = QLabel(chip.text())
        plain.setFont(chip.font())
        plain.setStyleSheet(chip.styleSheet())
        plain.ensurePolished()
        assert chip.size() == plain.sizeHint(), chip.text()
        assert chip.minimumSize() == chip.maximumSize() == chip.size()


def test_legend_chips_fit_their_text_after_marks_undo_and_a_scheme_change(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    _assert_chips_fit(window)
    _mark(qtbot, window, "volunteer rescue workers")
    assert window.reader_pane.legend.chips["unverified"].text() == "Unverified 1"
    _assert_chips_fit(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo
    assert window.reader_pane.legend.chips["unverified"].text() == "Unverified 0"
    _assert_chips_fit(window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    _assert_chips_fit(window)
    for scheme in ("dark", "light"):
        window.apply_scheme(scheme)
        qtbot.wait(1)
        _assert_chips_fit(window)


def test_a_mark_lays_out_nothing_outside_the_panes_showing_the_claim(
    make_window: WindowFactory, qtbot: QtBot, layouts: _Layouts
) -> None:
    window = make_window()
    _mark(qtbot, window, "volunteer rescue workers")  # the editor shows a claim
    _select(qtbot, window, "Abu Omar")
    _settle(layouts)
    outside = [window, window.centralWidget(), window.reader_pane,
               *window.findChildren(QWidget, "mainSplitter")]  # fmt: skip
    layouts.seen.clear()
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    _settle(layouts)  # the frame and whatever it leads to
    assert layouts.seen  # the editor, showing the new claim, is laid out again
    assert window.claim_pane.selected_claim() == window.selected_claim() is not None
    assert window.reader_pane.legend.chips["unverified"].text() == "Unverified 2"
    assert not [w for w in layouts.seen if w in outside]
