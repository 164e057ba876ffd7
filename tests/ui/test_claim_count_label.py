"""The claim list's count keeps a fixed size fitted to its text (so a mark, which
changes the count, lays no layout of the window out again). Whatever the count says,
after a mark, an undo, a redo, a filter and its clearing, it is the number of claims
listed, shown whole, and as wide as a freshly fitted count would be."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.ui.common.fitted_label import FittedLabel
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, choose_in_combo, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _assert_count_shown(window: MainWindow) -> None:
    pane = window.claim_pane
    label = pane.count_label
    shown, total = pane.model.rowCount(), len(window.article_model)
    assert label.text() == (f"{shown} of {total}" if shown != total else str(total))
    # Shown whole: as large as its text needs, and at least four digits wide.
    metrics = label.fontMetrics()
    assert label.width() >= metrics.horizontalAdvance(label.text())
    assert label.width() >= metrics.horizontalAdvance("0000")
    assert label.height() >= metrics.height()
    # As a count fitted from scratch to the same text and style is.
    fresh = FittedLabel("0000")
    fresh.setStyleSheet(label.styleSheet())
    fresh.setFont(label.font())
    fresh.set_text(label.text())
    assert label.size() == fresh.size()


def test_the_claim_count_follows_marks_undo_redo_and_filters_and_fits_its_text(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    article = window.article
    assert article is not None
    before = len(window.article_model)
    _assert_count_shown(window)
    size = window.claim_pane.count_label.size()

    start = article.text.index("Abu Omar")
    drag_select(qtbot, window.reader, start, start + 8)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    assert len(window.article_model) == before + 1
    _assert_count_shown(window)
    if len(str(before)) == len(str(before + 1)):  # as many digits: the same size
        assert window.claim_pane.count_label.size() == size

    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo
    assert len(window.article_model) == before
    _assert_count_shown(window)
    assert window.claim_pane.count_label.size() == size
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    assert len(window.article_model) == before + 1
    _assert_count_shown(window)

    # A filter: "n of m", longer and in bold, still shown whole; cleared, as before.
    pane = window.claim_pane
    choose_in_combo(qtbot, pane.filters["status"], Status.CORROBORATED.value)
    assert pane.filters_active()
    assert pane.count_label.text().endswith(f" of {before + 1}")
    _assert_count_shown(window)
    assert pane.count_label.width() > size.width()
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_A, CTRL | SHIFT)  # clear the filters
    assert not pane.filters_active()
    _assert_count_shown(window)
    if len(str(before)) == len(str(before + 1)):
        assert pane.count_label.size() == size


SHEETS = ["", "QLabel { border: 1px solid gray; }",
          "QLabel { background: #eee; border-radius: 4px; padding: 2px 8px; }"]
ALIGNS = [None, Qt.AlignmentFlag.AlignCenter,
          Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft]


@pytest.mark.parametrize("sheet", SHEETS)
@pytest.mark.parametrize("margin", [0, 3])
@pytest.mark.parametrize("align", ALIGNS)
def test_a_fitted_label_takes_the_size_a_plain_label_asks_for(
    qtbot: QtBot, sheet: str, margin: int, align: Qt.AlignmentFlag | None
) -> None:
    """With no minimum text, a fitted label is exactly as large as a plain label with the
    same text, style sheet (a border or padding gives it a frame, and so an indent),
    margin and alignment: its text is neither cut nor padded."""
    plain, fitted = QLabel(), FittedLabel()
    for label in (plain, fitted):
        qtbot.addWidget(label)
        label.setStyleSheet(sheet)
        label.setMargin(margin)
        if align is not None:
            label.setAlignment(align)
        label.ensurePolished()
    plain.setText("Unverified 1253")
    fitted.set_text("Unverified 1253")
    assert fitted.size() == plain.sizeHint()
    assert fitted.minimumSize() == fitted.maximumSize()
