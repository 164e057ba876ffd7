"""The article reader: the text exactly as stored, read-only, claims drawn over it.

Drawing: the document holds the plain text only. Claim highlights are painted under
the text in :meth:`ReaderView.paintEvent`, for the lines being painted
(:mod:`factcheck.ui.reader.highlight_paint`), so opening a long article costs about what Qt
needs to lay out and paint the plain text however many claims it carries, and marking a
claim repaints just that claim's lines, with no re-layout. The selected claim gets an
outline painted on top of the text.

What it shows: the reader observes the open article's model
(:class:`~factcheck.ui.session.open_article.OpenArticle`, see :meth:`ReaderView.observe`):
its text, its claims (kept here as a span index in Qt positions) and the selected claim;
the claim list observes the same model. The faint underlines of figures and suggested
claims are layers of their own (:mod:`factcheck.ui.reader.underlines`), and what lies
under the mouse is found by :mod:`factcheck.ui.reader.hit_test`.

Positions: claims arrive in code points and are kept here in Qt positions
(:class:`PositionMap`); everything this widget emits is in code points again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QToolTip, QWidget

from factcheck.core.quotes import snap_to_words
from factcheck.ui.common.claim_rows import ClaimRow
from factcheck.ui.common.focus import show_focus
from factcheck.ui.common.placement_style import span_for, spans_for
from factcheck.ui.common.positions import PositionMap
from factcheck.ui.common.spans import SpanIndex, next_in_stack
from factcheck.ui.common.theme import HighlightColors
from factcheck.ui.reader import hit_test
from factcheck.ui.reader.highlight_paint import (
    is_bidi,
    paint_highlights,
    range_rects,
    scroll_offset,
    span_area,
    visible_range,
)
from factcheck.ui.reader.hit_test import line_at
from factcheck.ui.reader.placement_paint import paint_placement_cues
from factcheck.ui.reader.typography import (
    column_margin,
    reading_document,
    reading_font,
    set_margins,
    set_text,
)
from factcheck.ui.reader.underlines import UnderlineLayers
from factcheck.ui.session.open_article import OpenArticle, RowChange


class ReaderView(UnderlineLayers):
    """Read-only text with claim highlights.

    Signals: ``claimClicked(claim_id)`` when a click selects a claim,
    ``emptyClicked()`` when a click lands on unclaimed text.
    """

    claimClicked = Signal(int)
    emptyClicked = Signal()
    suggestionClicked = Signal(int, int)  # a shown suggestion's start, end (code points)

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
            "The article; select text (Shift+arrows, Ctrl+Shift+arrows by word) and press "
            "Ctrl+M to mark it as a claim")
        self.setCursorWidth(2)  # the caret of keyboard selection, easy to find
        show_focus(self)
        self._font = reading_font()
        self._colors = HighlightColors(self.palette())
        self._map = PositionMap("")
        self._index = SpanIndex()
        # A highlighted paragraph break is drawn one space wide, as Qt draws a format.
        self._separator = QFontMetricsF(self._font).horizontalAdvance(" ")
        self._selected: int | None = None
        self._press: QPoint | None = None
        self._dragging = False  # a drag begun on a right-to-left line, handled here
        self._last_stack: tuple[int, ...] = ()
        self._margin = -1.0
        self.context_actions: list[QAction | None] = []  # None draws a separator
        self.describe_claims: Callable[[list[int]], str] | None = None
        self._doc: QTextDocument = reading_document(self, self._font)
        self.setDocument(self._doc)
        self._direction = "auto"
        self._figure_spans: list[tuple[int, int]] = []
        self._figures_visible = False
        # suggested claims: (start, end, reason) in code points, best first
        self._suggestions: list[tuple[int, int, str]] = []
        self._suggestions_visible = False
        self._model: OpenArticle | None = None
        self._covered: int | None = None  # Qt position the spans cover (None: all claims)
        self.show_article("", [])

    # --- content ---------------------------------------------------------------------

    def show_article(self, text: str, rows: Sequence[ClaimRow], direction: str = "auto") -> None:
        """Show ``text`` with its claims (``rows`` in text order, as
        :meth:`Session.claim_rows` gives them), in the reader's one document, refilled
        (see :func:`~factcheck.ui.reader.typography.set_text`). The document is plain
        text: highlights are painted.

        ``direction`` is the article's base direction: "rtl" or "ltr" lays every
        paragraph out that way (an Arabic paragraph opening with a Latin name still
        runs right to left); "auto" lets each paragraph's first strong letter decide."""
        self._map = PositionMap(text)
        self._text = text
        self._index = SpanIndex(spans_for(rows, self._map))
        self._covered = None
        self._selected = None
        self._last_stack = ()
        self._first_visible = 0  # block number where the last paint started
        self._direction = direction
        # Before the text goes, the underlines and the caret (with any text selection)
        # let go of the old text, where it is laid out: Qt repaints where they were.
        # Left in, the insert would carry them to the end of the new text, and moving
        # them from there has Qt lay the whole text out to find where that is.
        self._figure_spans = []
        self._suggestions = []
        self.setExtraSelections([])
        self.setTextCursor(QTextCursor())  # none while the text goes in
        # The scroll bar stays as it is while the text is replaced: emptied on the way,
        # the document would hide it, and the wider viewport would have Qt lay the new
        # text out for that width, then again when the bar comes back.
        keep = self.verticalScrollBar().isVisible()
        if keep:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        set_text(self._doc, text, direction, self._column_margin())
        if keep:
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setTextCursor(QTextCursor(self._doc))  # the caret at the start
        for bar in (self.verticalScrollBar(), self.horizontalScrollBar()):
            bar.setValue(0)  # the new text from its start

    # --- following the open article -------------------------------------------------

    def observe(self, model: OpenArticle) -> None:
        """Show ``model``'s article and follow it: its text and claims when it loads, each
        claim as it changes (only that claim's lines repainted), the selected claim."""
        self._model = model
        model.loaded.connect(lambda: self._show_model(model))
        model.claimsChanged.connect(self._follow_claims)
        model.selectionChanged.connect(self._follow_selection)
        model.completed.connect(self._follow_completed)
        self._show_model(model)

    def _show_model(self, model: OpenArticle) -> None:
        """A long article's first claims only, when that is all the model has read: the
        first screens are painted from them (the rest is read before painting further
        down, or when anything else needs it: :meth:`_spans`)."""
        article = model.article
        self.show_article(model.text, model.loaded_rows(),
                          article.direction if article else "auto")  # fmt: skip
        covered = model.covered()
        self._covered = None if covered is None else self._map.to_qt(covered)

    def _follow_completed(self, changed: bool) -> None:
        model = self._model
        if model is None:
            return
        self._covered = None
        self._index = SpanIndex(spans_for(model.rows(), self._map))
        if changed:  # the project changed since the first rows were read
            self.viewport().update()

    def _spans(self) -> SpanIndex:
        """Every claim's span (the rest of a partly read article read first)."""
        if self._covered is not None and self._model is not None:
            self._model.complete()
        return self._index

    def _follow_claims(self, pairs: list[RowChange]) -> None:
        for old, new in pairs:
            if new is not None:
                self.upsert_claim(new)
            elif old is not None:
                self.remove_claim(old.id)

    def _follow_selection(self, claim_id: int | None, scroll: bool) -> None:
        self.set_selected_claim(claim_id, scroll=scroll)

    def direction(self) -> str:
        """The base direction the article is shown with ("auto", "ltr", "rtl")."""
        return self._direction

    def text_length(self) -> int:
        return self._map.length

    def upsert_claim(self, row: ClaimRow) -> None:
        """Add or change one claim; repaints only the lines it covers (or covered)."""
        old = self._spans().get(row.id)
        span = span_for(row, self._map.to_qt)
        self._index.add(span)
        lo, hi = span.start, span.end
        if old is not None:
            lo, hi = min(lo, old.start), max(hi, old.end)
        self._repaint_range(lo, hi)

    def remove_claim(self, claim_id: int) -> None:
        span = self._spans().remove(claim_id)
        if span is not None:
            if self._selected == claim_id:
                self._selected = None
            self._repaint_range(span.start, span.end)

    def _repaint_range(self, lo: int, hi: int) -> None:
        area = span_area(self, lo, max(hi, lo + 1), self._separator)
        if not area.isEmpty():
            self.viewport().update(area)

    def claim_ids(self) -> list[int]:
        return [s.claim_id for s in self._spans()]

    def highlight_at(self, cp: int) -> QColor | None:
        """The colour painted under the character at code point ``cp``; None where no
        highlighted claim covers it (what tests and tools ask instead of pixels)."""
        q = self._map.to_qt(cp)
        here = self._spans().segments(q, q + 1)
        return self._colors.background(here[0].top.status, here[0].depth) if here else None

    def set_colors(self, colors: HighlightColors) -> None:
        """New palette: the highlights take it at the next paint."""
        self._colors = colors
        self.viewport().update()

    # --- selection -------------------------------------------------------------------

    def selected_claim(self) -> int | None:
        return self._selected

    def set_selected_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        index = self._spans() if claim_id is not None else self._index
        before = index.get(self._selected) if self._selected is not None else None
        self._selected = claim_id if claim_id is not None and index.get(claim_id) else None
        span = self._index.get(self._selected) if self._selected is not None else None
        if span is not None and scroll:
            self.scroll_to_qt(span.start, span.end)  # a scroll repaints the whole view
        for changed in (before, span):  # the outlines that went and came
            if changed is not None:
                self._repaint_range(changed.start, changed.end)

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

    def place_caret(self, cp: int) -> None:
        """Put the caret (no selection) at code point ``cp`` and take the keyboard, so
        Shift+arrows select from there."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self._map.to_qt(cp), self.document().characterCount() - 1))
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

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

    # --- painting --------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        area = event.rect()
        first, stop = visible_range(self, area.top(), area.bottom(), self._first_visible)
        self._first_visible = first.blockNumber()
        if self._covered is not None and stop > self._covered:
            self._spans()  # painting past the first claims read: the rest first
        # The lines reaching into the area painted (the painter is clipped to it): a mark
        # repaints a line or two of what may be a long paragraph.
        band = (area.top() - 4.0, area.bottom() + 5.0)  # an outline's pen reaches out
        painter = QPainter(self.viewport())
        paint_highlights(painter, first, stop, scroll_offset(self), self._index, self._colors,
                         self._separator, band)  # fmt: skip
        painter.end()
        super().paintEvent(event)  # the text, and the text selection, over the highlights
        paint_placement_cues(self, self._index, self._colors.dark)  # fuzzy / lost claims
        if self._selected is not None:
            self._paint_outline(first.position(), stop, band)

    def _paint_outline(self, lo: int, hi: int, band: tuple[float, float]) -> None:
        """The selected claim's outline, on its lines within ``[lo, hi)`` reaching into
        ``band`` (viewport top, bottom)."""
        span = self._index.get(self._selected) if self._selected is not None else None
        if span is None:
            return
        lo, hi = max(span.start, lo), min(span.end, hi)
        if lo >= hi:
            return
        offset = scroll_offset(self)
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self._colors.outline), 2.0))
        block = self.document().findBlock(lo)
        while block.isValid() and block.position() < hi:
            for rect in range_rects(block, lo, hi, offset, band=band):
                painter.drawRoundedRect(rect.adjusted(-1, 0, 1, 0), 3, 3)
            block = block.next()
        painter.end()

    # --- margins: a centred reading column -------------------------------------------

    def _column_margin(self) -> float:
        avg = self.fontMetrics().averageCharWidth() * self._font.pointSizeF() / max(
            1.0, self.font().pointSizeF())
        return column_margin(avg, self.viewport().width())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margin = round(self._column_margin())
        if margin != self._margin:
            self._margin = margin
            set_margins(self.document(), margin)

    # --- mouse -----------------------------------------------------------------------

    def char_at(self, point: QPoint) -> int | None:
        """Qt position of the character under ``point`` (viewport coordinates)."""
        return hit_test.char_at(self, point)

    def position_at(self, point: QPoint) -> int:
        """The cursor position nearest viewport ``point``, as a click should place it."""
        return hit_test.position_at(self, point)

    def claims_at(self, point: QPoint) -> list[int]:
        pos = self.char_at(point)
        return [] if pos is None else [s.claim_id for s in self._spans().stack_at(pos)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        self._dragging = False
        found = line_at(self, self._press) if event.button() == Qt.MouseButton.LeftButton \
            else None  # fmt: skip
        if found is None or not is_bidi(found[0]):
            super().mousePressEvent(event)
            return
        # Right-to-left or mixed line: place the caret from the glyphs (Qt's hit test is
        # a character off on wrapped right-to-left lines), and drag from there.
        cursor = self.textCursor()
        keep = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        cursor.setPosition(self.position_at(self._press),
                           QTextCursor.MoveMode.KeepAnchor if keep
                           else QTextCursor.MoveMode.MoveAnchor)  # fmt: skip
        self.setTextCursor(cursor)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._dragging = True
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        found = line_at(self, point) if event.button() == Qt.MouseButton.LeftButton else None
        if found is None or not is_bidi(found[0]):
            super().mouseDoubleClickEvent(event)
            # Qt selects a word between punctuation, so "3,000" gave "000": the word
            # is grown as marking snaps it, a figure being one word.
            selection = self.selection_cp()
            if selection is not None:
                start, end = snap_to_words(self._text, *selection)
                if (start, end) != selection and start < end:
                    self.select_cp(start, end)
            return
        char = self.char_at(point)  # the word under the glyphs, by our word rule (Qt's
        if char is not None:  # takes the Arabic comma into the word)
            cp = self._map.to_cp(char)
            start, end = snap_to_words(self._text, cp, cp + 1)
            if end > start:
                self.select_cp(start, end)
        self._dragging = True  # the release that follows is ours too
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._dragging:
            self._dragging = False
            event.accept()
        else:
            super().mouseReleaseEvent(event)
        self._after_release(event)

    def _after_release(self, event: QMouseEvent) -> None:
        """A click (no drag, nothing selected) selects the claim under it, stepping
        outward through nested claims on repeated clicks."""
        press, self._press = self._press, None
        point = event.position().toPoint()
        if (event.button() != Qt.MouseButton.LeftButton or press is None
                or (point - press).manhattanLength() >= QApplication.startDragDistance()
                or self.textCursor().hasSelection()):  # fmt: skip
            return
        pos = self.char_at(point)
        stack = self._spans().stack_at(pos) if pos is not None else []
        ids = tuple(s.claim_id for s in stack)
        current = self._selected if ids == self._last_stack else None
        self._last_stack = ids
        chosen = next_in_stack(stack, current)
        if chosen is None and (hit := self.suggestion_at(point)) is not None:
            self.suggestionClicked.emit(hit[0], hit[1])
        elif chosen is None:
            self.emptyClicked.emit()
        else:
            self.claimClicked.emit(chosen.claim_id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging and event.buttons() & Qt.MouseButton.LeftButton:
            cursor = self.textCursor()
            cursor.setPosition(self.position_at(event.position().toPoint()),
                               QTextCursor.MoveMode.KeepAnchor)  # fmt: skip
            self.setTextCursor(cursor)
            event.accept()
            return
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
            hint = self.suggestion_at(point) if not ids else None
            if ids and self.describe_claims is not None:
                QToolTip.showText(event.globalPos(), self.describe_claims(ids), self)
            elif hint is not None:
                QToolTip.showText(event.globalPos(), f"Suggested claim: {hint[2]}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        # The menu's claim commands act on the claim under the mouse: right-clicking
        # one selects it first, and right-clicking plain text selects none (unless text
        # is selected, which the menu then offers to mark).
        if not self.textCursor().hasSelection():
            pos = self.char_at(event.pos())  # viewport coordinates
            stack = self._spans().stack_at(pos) if pos is not None else []
            if not stack:
                self.emptyClicked.emit()
            elif self._selected not in {s.claim_id for s in stack}:
                self.claimClicked.emit(stack[0].claim_id)
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()
