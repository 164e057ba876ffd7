"""Keyboard use: Tab leaves a list, and the widget that has the keyboard shows it.

A reviewer working without a mouse moves between the panes with Tab and Shift+Tab.
Qt's item views move cell by cell on Tab by default (and so never let go of it); and
Fusion draws no outline round a focused list or text, so the reviewer cannot see where
the next key goes. :func:`tab_leaves` and :func:`show_focus` fix both for one widget.

The outline is a see-through child painted in the palette's highlight colour, not a
style sheet: a widget with a style sheet keeps the palette it was polished with, and
would stay light after a switch to dark.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QAbstractItemView, QWidget

FOCUS_WIDTH = 2


def tab_leaves(view: QAbstractItemView) -> None:
    """Tab and Shift+Tab move to the next/previous widget, not to the next cell (the
    arrow keys still move within the view)."""
    view.setTabKeyNavigation(False)


class FocusRing(QWidget):
    """A ring in the highlight colour just inside the edge of the widget that has the
    keyboard: a see-through child laid over it (the mouse passes through)."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        edge = 2 * FOCUS_WIDTH  # the ring, and a pixel or two of room
        inside = self.rect().adjusted(edge, edge, -edge, -edge)
        if inside.contains(event.rect()):
            return  # a repaint within the widget (a line of text): the ring is not in it
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), FOCUS_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FOCUS_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


class _Follow(QObject):
    """Shows a widget's ring while the widget has the keyboard."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.ring = FocusRing(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn:
            self.ring.setGeometry(self.widget.rect())
            self.ring.raise_()
            self.ring.show()
        elif kind == QEvent.Type.FocusOut:
            self.ring.hide()
        elif kind == QEvent.Type.Resize:
            self.ring.setGeometry(self.widget.rect())
        return False


def show_focus(widget: QWidget) -> None:
    """Outline ``widget`` in the highlight colour while it has the keyboard."""
    widget.installEventFilter(_Follow(widget))
