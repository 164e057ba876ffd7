"""What one mark changes on screen, and when: the legend's chips keep a fixed size
fitted to their text (as large as a plain label would be, light and dark); the frame a
mark causes lays out nothing outside the panes that show the claim (no layout of the
window, its splitters or the article's pane runs again); the article list's counts and
the offer of the same words in other articles come right after that frame, and are
right once the event loop has run (after marks, verdicts, undo and redo, and an
article switched to in between)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from factcheck.ui.articles.article_list import PROGRESS, progress_text
from factcheck.ui.common.fitted_label import FittedLabel
from factcheck.ui.common.focus import FocusRing
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, after_the_frame, drag_select

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


# --- what waits for the frame after the mark's ------------------------------------


def _listed_counts(window: MainWindow, article_id: int) -> str:
    """The article list's "judged/total" cell of ``article_id``."""
    row = window.navigator.articles.row_of(article_id)
    assert row is not None
    return str(window.navigator.articles.index(row, PROGRESS).data())


def _stored_counts(window: MainWindow, article_id: int) -> str:
    assert window.session is not None
    (summary,) = queries.article_summaries(window.session.db, [article_id])
    return progress_text(summary.counts)


def test_the_article_list_counts_follow_marks_undo_redo_and_verdicts_after_the_frame(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.article is not None
    aid = window.article.id
    before = _stored_counts(window, aid)
    assert _listed_counts(window, aid) == before
    _mark(qtbot, window, "Abu Omar")
    # The frame of the key press shows the claim: text, list, editor and legend.
    assert window.claim_pane.selected_claim() == window.selected_claim() is not None
    assert window.reader_pane.legend.chips["unverified"].text() == "Unverified 1"
    assert window.review.after_frame.pending()  # the article list's row comes next
    after_the_frame(window)
    marked = _stored_counts(window, aid)
    assert _listed_counts(window, aid) == marked != before
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the mark undone
    after_the_frame(window)
    assert _listed_counts(window, aid) == _stored_counts(window, aid) == before
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)  # the mark again
    after_the_frame(window)
    assert _listed_counts(window, aid) == _stored_counts(window, aid) == marked
    qtbot.keyClick(window.reader, Qt.Key.Key_2, CTRL)  # contradicted
    after_the_frame(window)
    assert _listed_counts(window, aid) == _stored_counts(window, aid) != marked
    assert window.article_model.counts()["contradicted"] == 1
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # the verdict undone
    after_the_frame(window)
    assert _listed_counts(window, aid) == _stored_counts(window, aid) == marked


def test_counts_left_for_after_the_frame_land_on_their_article_after_a_switch(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """A mark, then another article opened before the event loop ran the mark's
    deferred counts: the marked article's row still gets its own counts."""
    window = make_window()
    assert window.article is not None
    aid = window.article.id
    _mark(qtbot, window, "Abu Omar")
    other = next(i for i in window.navigator.articles.ids() if i != aid)
    window.open_article(other)
    after_the_frame(window)
    assert _listed_counts(window, aid) == _stored_counts(window, aid)
    assert _listed_counts(window, other) == _stored_counts(window, other)


def test_the_offer_of_the_same_words_elsewhere_follows_the_frame(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.open_article(1)
    window.reader.setFocus()
    _mark(qtbot, window, "more than 99,000")
    after_the_frame(window)
    assert "This appears in 4 other articles" in window.statusBar().currentMessage()
    # Marked and undone before the event loop turned: no offer for a claim that is gone.
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    _mark(qtbot, window, "more than 99,000")
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    after_the_frame(window)
    assert "appears in" not in window.statusBar().currentMessage()
    assert window.session is not None
    assert queries.claims_for_article(window.session.db, 1) == []


# --- what is repainted is what a whole repaint shows --------------------------------


def _reader_on_screen(window: MainWindow) -> QImage:
    """The reader's viewport as the window last drew it (its backing store)."""
    viewport = window.reader.viewport()
    origin = viewport.mapTo(window, QPoint(0, 0))
    shot = QGuiApplication.primaryScreen().grabWindow(window.winId()).toImage()
    return shot.copy(QRect(origin, viewport.size()))


def _assert_repainted_as_whole(window: MainWindow, qtbot: QtBot) -> None:
    """What the mark's frame left on screen equals the reader painted whole again."""
    qtbot.wait(1)  # the frame
    after_the_frame(window)
    partly = _reader_on_screen(window)
    window.reader.viewport().repaint()
    assert _reader_on_screen(window) == partly


def test_what_a_mark_repaints_is_what_a_whole_repaint_shows(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """A mark repaints only the lines of its claim (of what may be a long paragraph):
    the highlight, the outline of the claim selected and the one no longer selected,
    and the focus ring round the reader, come out pixel for pixel as a repaint of the
    whole reader draws them."""
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)  # a steady caret: both pictures show it alike
    try:
        window = make_window()
        assert window.article is not None
        ring = window.reader.findChild(FocusRing)
        assert ring is not None and ring.isVisible()  # the reader has the keyboard
        text = window.article.text
        paragraph = max(text.split("\n\n"), key=len)
        at = text.index(paragraph)
        words = [m.start() + at for m in re.finditer(r"\S+", paragraph)]
        middle = len(words) // 2
        for first, last in ((middle, middle + 2), (middle - 1, middle + 6), (2, 3)):
            start, end = words[first], text.index(" ", words[last])
            window.reader.select_cp(start, end)
            qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
            _assert_repainted_as_whole(window, qtbot)
        qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # a highlight taken away
        _assert_repainted_as_whole(window, qtbot)
        assert len(window.article_model) == 2
    finally:
        QApplication.setCursorFlashTime(flash)
