"""Painting the cues of claims that did not land exactly, over the reader's text.

Called once per paint of the reader (after the text and highlights are drawn), for the
visible stretch only:

* a lost (``orphaned``) claim gets an insertion caret with a small flag at the place
  its text used to be, and a dotted underline of the one marker character; it has no
  highlight of its own (:func:`factcheck.ui.common.placement_style.is_highlighted`), but a
  click on the marker still selects it;
* an approximately placed (``fuzzy``) claim keeps its normal highlight and gets a
  dashed underline, so it can be told apart before it is confirmed.

Both are drawn in the claim's verdict colour, darkened for a light page. Most articles
have no such claim; the window says whether the open one has any
(:func:`set_cues_present`), so their paints cost nothing here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QTextBlock
from PySide6.QtWidgets import QTextEdit

from factcheck.ui.common.spans import Span
from factcheck.ui.common.theme import status_color
from factcheck.ui.reader.highlight_paint import line_pieces, visible_range

CUE_PLACEMENTS = ("fuzzy", "orphaned")
_PRESENT = "placementCuesPresent"  # a dynamic property of the reader


def set_cues_present(view: QTextEdit, present: bool) -> None:
    """Whether the article shown in ``view`` has any fuzzy or lost claim to draw."""
    view.setProperty(_PRESENT, present)


class SpanSource(Protocol):
    """What :func:`paint_placement_cues` needs of the reader's span index."""

    def overlapping(self, lo: int, hi: int) -> list[Span]: ...


def cue_color(status: str, dark: bool) -> QColor:
    color = status_color(status)
    return color.lighter(140) if dark else color.darker(190)


def _visible_range(view: QTextEdit) -> tuple[int, int]:
    # Not cursorForPosition: it misleads while Qt lays a long text out in the background.
    first, stop = visible_range(view, 0, view.viewport().height())
    return first.position(), stop


Piece = tuple[float, float, float, float]  # x1, x2, baseline y, ascent


def _line_pieces(view: QTextEdit, start: int, end: int) -> Iterable[Piece]:
    """(x1, x2, baseline y, ascent) in viewport coordinates for each visual piece of
    ``[start, end)`` (one per line, or more on a line of mixed direction)."""
    offset = QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())
    block: QTextBlock = view.document().findBlock(start)
    while block.isValid() and block.position() < end:
        origin = block.layout().position() + offset
        for line, x1, x2 in line_pieces(block, start, end):
            base = origin.y() + line.y() + line.ascent()
            yield x1 + origin.x(), x2 + origin.x(), base, line.ascent()
        block = block.next()


def _paint_lost_marker(painter: QPainter, piece: Piece, color: QColor, unit: float) -> None:
    """An insertion caret with a flag under it at the spot the lost text used to be, and
    a dotted underline of the marker character."""
    x1, x2, base, ascent = piece
    painter.setPen(QPen(color, max(1.5, unit / 1.5), Qt.PenStyle.DotLine))
    painter.drawLine(QPointF(x1, base + unit), QPointF(max(x2, x1 + 2 * unit), base + unit))
    painter.setPen(QPen(color, max(2.0, unit / 1.5), Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap))  # fmt: skip
    painter.drawLine(QPointF(x1, base - ascent * 0.9), QPointF(x1, base + unit))
    flag = QPainterPath()  # a small triangle pointing up at the caret's foot
    flag.moveTo(x1, base + unit * 0.5)
    flag.lineTo(x1 - unit * 1.8, base + unit * 3.0)
    flag.lineTo(x1 + unit * 1.8, base + unit * 3.0)
    flag.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(flag)
    painter.setBrush(Qt.BrushStyle.NoBrush)


def paint_placement_cues(view: QTextEdit, index: SpanSource, dark: bool) -> None:
    """Draw the cues of the fuzzy and lost claims visible in ``view`` (a reader whose
    ``index`` is its :class:`~factcheck.ui.common.spans.SpanIndex`)."""
    if not view.property(_PRESENT):
        return
    lo, hi = _visible_range(view)
    spans = [s for s in index.overlapping(lo, hi) if s.placement in CUE_PLACEMENTS]
    if not spans:
        return
    painter = QPainter(view.viewport())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = max(2.0, QFontMetricsF(view.document().defaultFont()).height() / 8)
    for span in spans:
        color = cue_color(span.status, dark)
        if span.placement == "fuzzy":
            pen = QPen(color, max(1.5, unit / 1.5), Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for x1, x2, base, _ascent in _line_pieces(view, span.start, span.end):
                y = base + unit
                painter.drawLine(QPointF(x1, y), QPointF(x2, y))
            continue
        pieces = list(_line_pieces(view, span.start, span.end))
        if pieces:
            _paint_lost_marker(painter, pieces[0], color, unit)
    painter.end()
