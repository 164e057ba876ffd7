"""Claim highlights painted under the reader's text, straight from its span index.

Why painted and not formatted: a character format is part of the document, so setting
one is an edit after which Qt lays the paragraph out again (milliseconds in a long
article), and 5,000 ``QTextEdit.ExtraSelection``s cost far more than the text itself.
Highlights only colour the background, so the reader fills them in its paint event,
before Qt draws the text over them, and only for the lines being painted. Opening an
article then costs what Qt needs for the plain text; marking a claim costs an update of
that claim's lines; nothing ever re-lays the document out.

Geometry is in viewport coordinates, as QTextEdit paints: a block layout's position
shifted by the scroll offset. Positions are Qt document positions.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock, QTextLine
from PySide6.QtWidgets import QTextEdit

from factcheck.ui.common.spans import Segment


class SegmentSource(Protocol):
    """What painting needs of the reader's :class:`~factcheck.ui.common.spans.SpanIndex`."""

    def segments(self, lo: int, hi: int) -> list[Segment]: ...


class ColorSource(Protocol):
    def background(self, status: str, depth: int) -> QColor: ...


def line_x(line: QTextLine, pos: int) -> float:
    value: Any = line.cursorToX(pos)  # PySide returns (x, pos) for the pointer overload
    return float(value[0] if isinstance(value, tuple) else value)


def scroll_offset(view: QTextEdit) -> QPointF:
    return QPointF(-view.horizontalScrollBar().value(), -view.verticalScrollBar().value())


def visible_range(view: QTextEdit, top: int, bottom: int, hint: int = 0) -> tuple[QTextBlock, int]:
    """The first block with a line between viewport y ``top`` and ``bottom``, and the
    document position just past the last such block.

    Not found with a hit test: while Qt is still laying a long document out in the
    background, ``hitTest`` (and so ``cursorForPosition``) answers a point between
    paragraphs or in the margin with a paragraph not laid out yet, far away. Instead the
    blocks are walked from block number ``hint`` (where the last call started: a scroll
    moves it a few blocks), asking the layout for each block's rectangle, which makes Qt
    lay the block out first if it has not (or only for an older width)."""
    doc = view.document()
    layout = doc.documentLayout()
    dy = view.verticalScrollBar().value()
    top_y, bottom_y = top + dy, bottom + dy
    block = doc.findBlockByNumber(hint) if 0 <= hint < doc.blockCount() else doc.firstBlock()
    while block.previous().isValid() and layout.blockBoundingRect(block).top() > top_y:
        block = block.previous()
    while block.next().isValid() and layout.blockBoundingRect(block).bottom() < top_y:
        block = block.next()
    first = block
    while block.next().isValid() and layout.blockBoundingRect(block.next()).top() <= bottom_y:
        block = block.next()
    return first, block.position() + block.length()


def range_rects(block: QTextBlock, start: int, end: int, offset: QPointF, *,
                separator: float = 0.0) -> Iterator[QRectF]:  # fmt: skip
    """One rectangle per line of ``block`` that ``[start, end)`` covers. When the range
    runs past the block's last character it takes in the paragraph break too, drawn
    ``separator`` wide (as Qt draws a formatted break), so a highlight spanning
    paragraphs stays visibly joined."""
    layout = block.layout()
    count = layout.lineCount()
    b0 = block.position()
    text_end = block.length() - 1
    s, e = max(start, b0) - b0, min(end, b0 + block.length()) - b0
    if e <= s or count == 0:
        return
    with_break = e > text_end and separator > 0
    e = min(e, text_end)
    origin = layout.position() + offset
    first = layout.lineForTextPosition(s)
    index = first.lineNumber() if first.isValid() else 0
    while index < count:
        line = layout.lineAt(index)
        ls = line.textStart()
        if ls > e:
            break
        last = index == count - 1
        a, b = max(s, ls), min(e, ls + line.textLength())
        x1 = line_x(line, a)
        x2 = line_x(line, b) if b > a else x1
        if with_break and last:
            x2 += separator
        if x2 > x1:
            yield QRectF(x1, line.y(), x2 - x1, line.height()).translated(origin)
        index += 1


def paint_highlights(painter: QPainter, first: QTextBlock, stop: int, offset: QPointF,
                     index: SegmentSource, colors: ColorSource,
                     separator: float) -> None:  # fmt: skip
    """Fill the highlight of every claim segment in the blocks from ``first`` up to
    document position ``stop`` (see :func:`visible_range`)."""
    block = first
    while block.isValid() and block.position() < stop:
        b0 = block.position()
        for seg in index.segments(b0, b0 + block.length()):
            color = colors.background(seg.top.status, seg.depth)
            for rect in range_rects(block, seg.start, seg.end, offset, separator=separator):
                painter.fillRect(rect, color)
        block = block.next()


def span_area(view: QTextEdit, start: int, end: int, separator: float) -> QRect:
    """The viewport area ``[start, end)`` is drawn in, clipped to what is visible
    (empty when it is scrolled out of view), with room for the selection outline.

    No hit test: it walks the range's blocks, stopping below the viewport or at the first
    block Qt has not laid out yet (its background layout runs top to bottom, and what is
    visible is always laid out), so asking never makes Qt lay more text out."""
    height = view.viewport().height()
    offset = scroll_offset(view)
    area = QRectF()
    block = view.document().findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        top = layout.position().y() + offset.y()
        if layout.lineCount() == 0 or top > height:
            break
        if top + layout.boundingRect().height() >= 0:  # else scrolled away above
            for rect in range_rects(block, start, end, offset, separator=separator):
                area = area.united(rect)
        block = block.next()
    if area.isEmpty():
        return QRect()
    return area.toAlignedRect().adjusted(-3, -3, 3, 3).intersected(view.viewport().rect())
