"""The article reader: the text exactly as stored, read-only, claims drawn over it.

Drawing: each claim stack is painted with QTextLayout "additional formats" (what
QSyntaxHighlighter uses), set per paragraph *when the paragraph is first painted*.
Opening a long article therefore costs about what Qt needs to lay out and paint the
visible text, however many claims it carries; marking one claim re-formats only the
paragraphs it touches. The selected claim gets an outline painted on top.

Positions: claims arrive in code points and are kept here in Qt positions
(:class:`PositionMap`); everything this widget emits is in code points again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QTextEdit, QToolTip, QWidget

from factcheck.ui.claim_rows import ClaimRow
from factcheck.ui.positions import PositionMap
from factcheck.ui.spans import Span, SpanIndex, next_in_stack
from factcheck.ui.theme import HighlightColors

READING_COLUMN_CHARS = 75
LINE_HEIGHT_PERCENT = 140
PREFORMAT_CHARS = 20_000  # formatted before the first paint; the rest as it is shown
FOLD_AFTER_MS = 1500  # idle time before edited paragraphs are re-formatted
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Liberation Serif", "DejaVu Serif",
                  "Noto Serif", "serif"]  # fmt: skip


def _cursor_x(line: QTextLine, pos: int) -> float:
    value: Any = line.cursorToX(pos)  # PySide returns (x, pos) for the pointer overload
    return float(value[0] if isinstance(value, tuple) else value)


def reading_font(point_size: float = 12.0) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


class ReaderView(QTextEdit):
    """Read-only text with claim highlights.

    Signals: ``claimClicked(claim_id)`` when a click selects a claim,
    ``emptyClicked()`` when a click lands on unclaimed text.
    """

    claimClicked = Signal(int)
    emptyClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)  # fmt: skip
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(False)  # drops go to the window (import)
        self.setMouseTracking(True)
        self.setAccessibleName("Article text")
        self.setAccessibleDescription(
            "The article; select text and press Ctrl+M to mark it as a claim")
        self._font = reading_font()
        self._colors = HighlightColors(self.palette())
        self._formats: dict[tuple[str, int], QTextCharFormat] = {}
        self._map = PositionMap("")
        self._index = SpanIndex()
        self._generation = 0
        self._selected: int | None = None
        self._press: QPoint | None = None
        self._last_stack: tuple[int, ...] = ()
        self._margin = -1.0
        self.context_actions: list[QAction | None] = []  # None draws a separator
        self.describe_claims: Callable[[list[int]], str] | None = None
        self._doc: QTextDocument | None = None
        self._overlay: list[tuple[int, int]] = []
        self._fold_timer = QTimer(self)
        self._fold_timer.setSingleShot(True)
        self._fold_timer.setInterval(FOLD_AFTER_MS)
        self._fold_timer.timeout.connect(self.fold_overlay)
        self.show_article("", [])

    # --- content ---------------------------------------------------------------------

    def show_article(self, text: str, rows: Sequence[ClaimRow]) -> None:
        """Show ``text`` with its claims; builds the document off-screen, then swaps."""
        self._map = PositionMap(text)
        to_qt = self._map.to_qt
        self._index = SpanIndex(Span(r.id, to_qt(r.start), to_qt(r.end), r.status)
                                for r in rows)  # fmt: skip
        self._generation += 1
        self._selected = None
        self._last_stack = ()
        if self._overlay:
            self._fold_timer.stop()
            self._overlay.clear()
            self.setExtraSelections([])
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self._font)
        doc.setDocumentMargin(12)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc.setDefaultTextOption(option)
        doc.setPlainText(text)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        block_format = QTextBlockFormat()
        block_format.setLineHeight(LINE_HEIGHT_PERCENT,
                                   QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.mergeBlockFormat(block_format)
        self._set_margins(doc, self._column_margin())
        block = doc.firstBlock()
        while block.isValid() and block.position() < PREFORMAT_CHARS:
            self._format_block(block, dirty=False)
            block = block.next()
        old, self._doc = self._doc, doc
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()

    def text_length(self) -> int:
        return self._map.length

    def upsert_claim(self, row: ClaimRow) -> None:
        old = self._index.get(row.id)
        span = Span(row.id, self._map.to_qt(row.start), self._map.to_qt(row.end), row.status)
        self._index.add(span)
        lo, hi = span.start, span.end
        if old is not None:
            lo, hi = min(lo, old.start), max(hi, old.end)
        self._reformat(lo, hi)

    def remove_claim(self, claim_id: int) -> None:
        span = self._index.remove(claim_id)
        if span is not None:
            if self._selected == claim_id:
                self._selected = None
            self._reformat(span.start, span.end)

    def claim_ids(self) -> list[int]:
        return [s.claim_id for s in self._index]

    def set_colors(self, colors: HighlightColors) -> None:
        """New palette: every paragraph is re-formatted as it is next painted."""
        self._colors = colors
        self._formats.clear()
        self._generation += 1
        if self._overlay:
            self._draw_overlay()
        self.viewport().update()

    # --- selection -------------------------------------------------------------------

    def selected_claim(self) -> int | None:
        return self._selected

    def set_selected_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        self._selected = claim_id if claim_id is not None and self._index.get(claim_id) else None
        span = self._index.get(self._selected) if self._selected is not None else None
        if span is not None and scroll:
            self.scroll_to_qt(span.start, span.end)
        self.viewport().update()

    def selection_cp(self) -> tuple[int, int] | None:
        """The text selection in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._map.to_cp(cursor.selectionStart()), self._map.to_cp(cursor.selectionEnd())

    def select_cp(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.scroll_to_qt(cursor.selectionStart(), cursor.selectionEnd())

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def scroll_to_qt(self, start: int, end: int) -> None:
        """Bring ``[start, end)`` into view (a third down the page) unless it is visible."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(start, self.document().characterCount() - 1))
        top = self.cursorRect(cursor).top()
        height = self.viewport().height()
        if 0 <= top <= height - self.fontMetrics().height() * 2:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    def scroll_to_cp(self, cp: int) -> None:
        q = self._map.to_qt(cp)
        self.scroll_to_qt(q, q + 1)

    # --- formatting ------------------------------------------------------------------

    def _char_format(self, status: str, depth: int) -> QTextCharFormat:
        key = (status, min(depth, 3))
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(self._colors.background(status, depth))
            self._formats[key] = fmt
        return fmt

    def _format_block(self, block: QTextBlock, *, dirty: bool) -> None:
        lo = block.position()
        ranges = []
        for seg in self._index.segments(lo, lo + block.length()):
            r = QTextLayout.FormatRange()
            r.start, r.length = seg.start - lo, seg.end - seg.start
            r.format = self._char_format(seg.top.status, seg.depth)
            ranges.append(r)
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
            if dirty:
                self.document().markContentsDirty(lo, block.length())
        block.setUserState(self._generation)

    def _reformat(self, lo: int, hi: int) -> None:
        """Redraw ``[lo, hi)`` after an edit. Re-formatting a paragraph makes Qt lay it
        out again (milliseconds in a long document), so the new colours are first drawn
        as an overlay of extra selections, and folded into the paragraph formats once
        the reviewer pauses."""
        span = (lo, max(hi, lo + 1))
        if span not in self._overlay:
            self._overlay.append(span)
        self._draw_overlay()
        self._fold_timer.start()

    def _draw_overlay(self) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        selections = []
        for lo, hi in self._overlay:
            pos = lo
            for seg in [*self._index.segments(lo, hi), None]:
                start = seg.start if seg is not None else hi
                if start > pos:  # unclaimed text: hide any colour left from before
                    selections.append(self._selection(pos, start, base))
                if seg is not None:
                    color = self._colors.background(seg.top.status, seg.depth)
                    selections.append(self._selection(seg.start, seg.end, color))
                    pos = seg.end
        self.setExtraSelections(selections)

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        selection.format = fmt
        return selection

    def fold_overlay(self) -> None:
        """Move the overlay's colours into the paragraph formats (when idle)."""
        self._fold_timer.stop()
        doc = self.document()
        for lo, hi in self._overlay:
            block = doc.findBlock(lo)
            while block.isValid() and block.position() < hi:
                if block.userState() == self._generation:  # else formatted when shown
                    self._format_block(block, dirty=True)
                block = block.next()
        self._overlay.clear()
        self.setExtraSelections([])

    def _format_visible(self) -> None:
        first = self.cursorForPosition(QPoint(0, 0)).block()
        bottom = self.viewport().rect().bottomRight()
        last = self.cursorForPosition(bottom).position()
        block = first
        while block.isValid() and block.position() <= last:
            if block.userState() != self._generation:
                self._format_block(block, dirty=True)
            block = block.next()

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._format_visible()
        super().paintEvent(event)
        if self._selected is not None:
            self._paint_outline()

    def _paint_outline(self) -> None:
        span = self._index.get(self._selected) if self._selected is not None else None
        if span is None:
            return
        doc = self.document()
        offset = QPointF(-self.horizontalScrollBar().value(), -self.verticalScrollBar().value())
        height = self.viewport().height()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(QColor(self._colors.outline), 2.0)
        painter.setPen(pen)
        block = doc.findBlock(span.start)
        while block.isValid() and block.position() < span.end:
            layout = block.layout()
            origin = layout.position() + offset
            if origin.y() > height:
                break
            b0 = block.position()
            s, e = max(span.start, b0) - b0, min(span.end, b0 + block.length() - 1) - b0
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                ls, le = line.textStart(), line.textStart() + line.textLength()
                if le <= s or ls >= e:
                    continue
                x1, x2 = _cursor_x(line, max(s, ls)), _cursor_x(line, min(e, le))
                rect = QRectF(x1 - 1, line.y(), x2 - x1 + 2, line.height()).translated(origin)
                if rect.bottom() >= 0:
                    painter.drawRoundedRect(rect, 3, 3)
            block = block.next()
        painter.end()

    # --- margins: a centred reading column -------------------------------------------

    def _column_margin(self) -> float:
        avg = self.fontMetrics().averageCharWidth() * self._font.pointSizeF() / max(
            1.0, self.font().pointSizeF())
        column = READING_COLUMN_CHARS * avg
        return max(0.0, (self.viewport().width() - column) / 2 - 12)

    @staticmethod
    def _set_margins(doc: QTextDocument, margin: float) -> None:
        frame = doc.rootFrame()
        fmt = frame.frameFormat()
        fmt.setLeftMargin(margin)
        fmt.setRightMargin(margin)
        frame.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margin = round(self._column_margin())
        if margin != self._margin:
            self._margin = margin
            self._set_margins(self.document(), margin)

    # --- mouse -----------------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """Qt position of the character under ``point`` (viewport coordinates)."""
        block = self.cursorForPosition(point).block()
        if not block.isValid():
            return None
        layout = block.layout()
        origin = layout.position() - QPointF(self.horizontalScrollBar().value(),
                                             self.verticalScrollBar().value())  # fmt: skip
        x, y = point.x() - origin.x(), point.y() - origin.y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= y < line.y() + line.height():
                if not line.x() <= x <= line.x() + line.naturalTextWidth():
                    return None
                col = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
                return block.position() + min(col, max(0, block.length() - 2))
        return None

    def claims_at(self, point: QPoint) -> list[int]:
        pos = self.char_at(point)
        return [] if pos is None else [s.claim_id for s in self._index.stack_at(pos)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (event.button() != Qt.MouseButton.LeftButton or press is None
                or (point - press).manhattanLength() >= QApplication.startDragDistance()
                or self.textCursor().hasSelection()):  # fmt: skip
            return
        pos = self.char_at(point)
        stack = self._index.stack_at(pos) if pos is not None else []
        ids = tuple(s.claim_id for s in stack)
        current = self._selected if ids == self._last_stack else None
        self._last_stack = ids
        chosen = next_in_stack(stack, current)
        if chosen is None:
            self.emptyClicked.emit()
        else:
            self.claimClicked.emit(chosen.claim_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            over = bool(self.claims_at(event.position().toPoint()))
            shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
            if self.viewport().cursor().shape() != shape:
                self.viewport().setCursor(shape)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = self.viewport().mapFrom(self, event.pos())
            ids = self.claims_at(point)
            if ids and self.describe_claims is not None:
                QToolTip.showText(event.globalPos(), self.describe_claims(ids), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
