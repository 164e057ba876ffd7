"""How a cell of a long list is painted: an optional colour swatch and elided text,
drawn with QPainter straight from the model's rows (the claim list, the article list).

The default delegate asks the model for a dozen roles per cell (a call into Python each)
and lays every cell's text out through the style; marking a claim shifts the rows below
it, and switching articles scrolls the article list, so a whole list is repainted inside
the frame a key press causes. Painting here costs a fraction of that and looks the same:
the row background and alternate colours are still the view's (the style draws them
before the delegate), the selection fill and text colours come from the cell's palette,
and the focus frame is still the style's. Tool tips, accessible names and size hints
still come from the model and the base delegate.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

Index = QModelIndex | QPersistentModelIndex
SWATCH = 16  # the status swatch's side in pixels, the size of a small icon
_CACHE_LIMIT = 20_000  # laid-out texts kept; many screens' worth, re-filled at need
_FORGET_ON = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange,
                        QEvent.Type.PaletteChange})  # fmt: skip
_DISABLED, _NORMAL, _INACTIVE = (QPalette.ColorGroup.Disabled, QPalette.ColorGroup.Normal,
                                 QPalette.ColorGroup.Inactive)  # fmt: skip
_HIGHLIGHT, _HIGHLIGHTED_TEXT, _TEXT = (QPalette.ColorRole.Highlight,
                                        QPalette.ColorRole.HighlightedText,
                                        QPalette.ColorRole.Text)  # fmt: skip
_WINDOW = QPalette.ColorRole.Window


@cache
def _names() -> tuple[int, int, int, int, Any, Any]:
    """QStyle's names as plain ints (a flag test on the enum costs microseconds a cell),
    loaded at the first paint: importing QStyle costs start-up time."""
    from PySide6.QtWidgets import QStyle

    s = QStyle.StateFlag
    return (s.State_Selected.value, s.State_Enabled.value, s.State_Active.value,
            s.State_HasFocus.value, QStyle.PixelMetric.PM_FocusFrameHMargin,
            QStyle.PrimitiveElement.PE_FrameFocusRect)  # fmt: skip


class CellDelegate(QStyledItemDelegate):
    """Paints the cells of ``view``; a subclass says what a cell shows (:meth:`cell`).
    Each (text, width) is elided and laid out once (:class:`QStaticText`) and kept until
    the view's font or style changes, so cells that repeat (a verdict, an outlet) cost
    one glyph run each."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._texts: dict[tuple[str, int], tuple[QStaticText, bool]] = {}
        self._margin = -1  # the style's text margin, asked at the first paint
        self._offset = 0  # from a cell's top to its text's top
        self._height = -1  # the row height _offset was computed for
        self._pens: dict[tuple[int, int, bool], QColor] = {}  # (palette, group, selected)
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _FORGET_ON:
            self.forget()
        return False

    def forget(self) -> None:
        """Drop what was laid out (the font, style or palette changed)."""
        self._texts.clear()
        self._pens.clear()
        self._margin = self._height = -1

    def cell(self, index: Index) -> tuple[str, QColor | None] | None:
        """The cell's text and the colour of a swatch before it (None: no swatch);
        None for a cell not painted."""
        raise NotImplementedError

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        shown = self.cell(index)
        if shown is None:
            return
        full, swatch = shown
        selected, enabled, active, has_focus, focus_margin, focus_frame = _names()
        state = option.state.value
        rect: tuple[int, int, int, int] = option.rect.getRect()  # type: ignore[assignment]
        x, y, w, h = rect
        if self._margin < 0:
            widget = option.widget
            style = widget.style() if widget is not None else None
            self._margin = (style.pixelMetric(focus_margin, None, widget) if style else 2) + 1
        if h != self._height:
            self._height, self._offset = h, (h - option.fontMetrics.height()) // 2
        m = self._margin
        group = (_DISABLED if not state & enabled
                 else _NORMAL if state & active else _INACTIVE)  # fmt: skip
        palette = option.palette
        if state & selected:
            painter.fillRect(option.rect, palette.brush(group, _HIGHLIGHT))
        if swatch is not None:
            painter.fillRect(x + m, y + (h - SWATCH) // 2, SWATCH, SWATCH, swatch)
            x += SWATCH + 2 * m
            w -= SWATCH + 2 * m
        width = w - 2 * m
        entry = self._texts.get((full, width))
        if entry is None:
            if len(self._texts) >= _CACHE_LIMIT:
                self._texts.clear()
            elided = option.fontMetrics.elidedText(full, option.textElideMode, max(0, width))
            text = QStaticText(elided)
            text.setTextFormat(Qt.TextFormat.PlainText)
            entry = self._texts[(full, width)] = (text, bool(elided))
        text, visible = entry
        if visible:
            pen_key = (palette.cacheKey(), state & (enabled | active), bool(state & selected))
            pen = self._pens.get(pen_key)
            if pen is None:
                if len(self._pens) > 64:
                    self._pens.clear()
                role = _HIGHLIGHTED_TEXT if pen_key[2] else _TEXT
                pen = self._pens[pen_key] = palette.color(group, role)
            painter.setPen(pen)
            painter.drawStaticText(x + m, y + self._offset, text)
        if state & has_focus and option.widget is not None:
            _draw_focus(painter, option, focus_frame)


def _draw_focus(painter: QPainter, option: QStyleOptionViewItem, focus_frame: Any) -> None:
    """The style's focus frame round the current cell, as the default delegate draws it
    (the style decides whether it shows: Fusion only after keyboard navigation)."""
    from PySide6.QtWidgets import QStyleOptionFocusRect

    widget = option.widget
    frame = QStyleOptionFocusRect()
    frame.initFrom(widget)
    frame.state = option.state
    frame.rect = option.rect
    frame.palette = option.palette
    selected = bool(option.state.value & _names()[0])
    frame.backgroundColor = option.palette.color(_HIGHLIGHT if selected else _WINDOW)
    widget.style().drawPrimitive(focus_frame, frame, painter, widget)
