"""The reader keeps one document and sets each article's text in it: opening another
article shows that text from its start, with the reading typography (line height,
centred column, direction), no text selection left over, and, from one long article to
another, without the viewport changing width on the way (which would make Qt lay the
new text out twice)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextBlockFormat
from pytestqt.qtbot import QtBot

from factcheck.core.model import ArticleDraft
from factcheck.store import ops
from factcheck.ui.reader.typography import LINE_HEIGHT_PERCENT
from factcheck.ui.session.session import Session
from tests.ui.conftest import WindowFactory, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier


def _text(word: str, paragraphs: int) -> str:
    return "\n\n".join(" ".join(f"{word}{(i * 7 + k) % 50}" for k in range(60)) + "."
                       for i in range(paragraphs))  # fmt: skip


def _project(path: Path) -> list[int]:
    """A long article, another long one, a short one; their ids in that order."""
    session = Session.open(path, "t", seed=False)
    drafts = [ArticleDraft("First long", _text("alpha", 200)),
              ArticleDraft("Second long", _text("beta", 150)),
              ArticleDraft("Short", "A short article.")]  # fmt: skip
    imported, _ = ops.import_articles(session.db, drafts, "t")
    ops.mark_claim(session.db, imported[1].article_id, 0, 6, "t")
    session.close()
    return [i.article_id for i in imported]


class _Resizes(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.widths: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.widths.append(event.size().width())  # type: ignore[attr-defined]
        return False


def _shown_text(window: object) -> str:
    return window.reader.document().toPlainText().replace("\u2029", "\n")  # type: ignore[attr-defined]


def test_the_next_article_is_shown_from_its_start_with_the_reading_typography(
        qtbot: QtBot, make_window: WindowFactory, project_path: Path) -> None:  # fmt: skip
    first, second, short = _project(project_path)
    window = make_window()
    window.open_article(first)
    reader = window.reader
    document = reader.document()
    qtbot.keyClick(reader, Qt.Key.Key_End, CTRL)  # far down the first article
    assert reader.verticalScrollBar().value() > 0
    drag_select(qtbot, reader, 20, 60)
    assert reader.textCursor().hasSelection()
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)  # the next article
    assert window.article is not None and window.article.id == second
    assert reader.document() is document  # the same document, refilled
    assert _shown_text(window) == window.article.text
    assert reader.verticalScrollBar().value() == 0
    assert not reader.textCursor().hasSelection()
    assert reader.textCursor().position() == 0  # the caret at the start
    block = document.firstBlock()
    while block.isValid():
        assert block.blockFormat().lineHeight() == LINE_HEIGHT_PERCENT
        assert block.blockFormat().lineHeightType() == \
            QTextBlockFormat.LineHeightTypes.ProportionalHeight.value  # fmt: skip
        block = block.next()
    frame = document.rootFrame().frameFormat()
    assert frame.leftMargin() == frame.rightMargin() == round(reader._column_margin())
    assert document.documentMargin() == 12
    assert len(reader.claim_ids()) == 1
    assert reader.highlight_at(2) is not None and reader.highlight_at(10) is None
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)  # to the short one, and back
    assert window.article.id == short
    assert _shown_text(window) == "A short article."
    qtbot.keyClick(reader, Qt.Key.Key_PageUp, CTRL)
    assert _shown_text(window) == window.article.text
    assert window.article.id == second


def test_from_one_long_article_to_another_the_text_keeps_its_width(
        qtbot: QtBot, make_window: WindowFactory, project_path: Path) -> None:  # fmt: skip
    first, second, _short = _project(project_path)
    window = make_window()
    window.open_article(first)
    reader = window.reader
    qtbot.waitUntil(lambda: reader.verticalScrollBar().isVisible())
    width = reader.viewport().width()
    resizes = _Resizes()
    reader.viewport().installEventFilter(resizes)
    qtbot.keyClick(reader, Qt.Key.Key_PageDown, CTRL)
    assert window.article is not None and window.article.id == second
    qtbot.wait(1)
    reader.viewport().removeEventFilter(resizes)
    assert resizes.widths == []
    assert reader.viewport().width() == width
    assert reader.verticalScrollBar().isVisible()
    # The scroll bar is Qt's to show or hide again: as needed.
    assert reader.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
