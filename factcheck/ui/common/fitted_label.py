"""A label whose size is fixed to fit its text, so a new text of the same size moves
nothing.

Qt lays out again every layout from a label up to the window whenever a label's text
changes, unless the label's size is fixed: the claim count, which changes with every
mark, made the window's own layout (splitters, toolbar, status bar) run again in each
mark's frame though nothing moved. This label keeps a fixed size, refitted when a text,
font or style needs another one (a count going from 5012 to 5013 does not).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QWidget

_REFIT_ON = frozenset({QEvent.Type.FontChange, QEvent.Type.StyleChange})
_HORIZONTAL_EDGES = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight).value)
_VERTICAL_EDGES = int((Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignBottom).value)
_CENTRES = int((Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter).value)


class FittedLabel(QLabel):
    """A one-line label at least as wide as ``min_text`` (so the width does not follow
    every digit of a count), otherwise as large as its text. Place it in a layout with a
    vertical alignment (AlignVCenter) so it sits where a stretched label drew its text."""

    def __init__(self, min_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_text = min_text
        self.refit()

    def set_text(self, text: str) -> None:
        if text != self.text():
            self.setText(text)
            self.refit()

    def natural_size(self) -> QSize:
        """The size QLabel's own size hint gives the text when nothing constrains it
        (the hint itself grows to a fixed size, so it cannot say when to shrink): the
        text's bounding box, the margin on each side and the contents margins."""
        fm = self.fontMetrics()
        align = int(self.alignment().value)
        # Without centring, as QLabel measures (centring rounds).
        width = fm.boundingRect(QRect(0, 0, 2000, 2000), align & ~_CENTRES,
                                self.text()).width()  # fmt: skip
        m, edges = 2 * self.margin(), self.contentsMargins()
        # QLabel's indent: with none set, a label with a frame (a style sheet's border
        # or padding is one) keeps an x's width off the text's aligned side.
        indent = self.indent()
        if indent < 0 and self.frameWidth():
            indent = fm.horizontalAdvance("x") - m
        h_indent = indent if indent > 0 and align & _HORIZONTAL_EDGES else 0
        v_indent = indent if indent > 0 and align & _VERTICAL_EDGES else 0
        return QSize(width + m + h_indent + edges.left() + edges.right(),
                     fm.height() + m + v_indent + edges.top() + edges.bottom())  # one line

    def refit(self) -> None:
        """Fix the size to what the text needs now; nothing when it already has it."""
        hint = self.natural_size()
        width = max(hint.width(), self.fontMetrics().horizontalAdvance(self._min_text))
        wanted = QSize(width, hint.height())
        if self.minimumSize() != wanted or self.maximumSize() != wanted:
            self.setFixedSize(wanted)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _REFIT_ON:
            self.refit()
