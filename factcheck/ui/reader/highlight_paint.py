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

import re
from collections.abc import Iterator
from typing import Any, Protocol

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
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


# Characters that make Qt lay a line out right to left in places: Hebrew, Arabic,
# Syriac, Thaana, N'Ko and their presentation forms, the RTL/ALM marks and the
# right-to-left embedding, override and isolate controls.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                  "\U0001e800-\U0001efff\u200f\u061c\u202b\u202e\u2067]")  # fmt: skip
_UNKNOWN, _PLAIN, _BIDI = -1, 1, 2  # QTextBlock.userState, a per-block cache


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def is_bidi(block: QTextBlock) -> bool:
    """Whether ``block`` can hold right-to-left runs: it has a right-to-left character,
    or its paragraph direction is right to left. Only then is a range on one of its
    lines possibly several visual pieces; otherwise a range is one stretch per line from
    the x of its start to the x of its end (the fast path). The character test is
    cached in the block's user state (the reader's document is read-only)."""
    state = block.userState()
    if state == _UNKNOWN:
        state = _BIDI if has_rtl(block.text()) else _PLAIN
        block.setUserState(state)
    return state == _BIDI or block.textDirection() == Qt.LayoutDirection.RightToLeft


def _merged(pieces: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Pieces sorted left to right, those that touch (within half a pixel) joined."""
    out: list[tuple[float, float]] = []
    for x1, x2 in sorted(p for p in pieces if p[1] > p[0]):
        if out and x1 <= out[-1][1] + 0.5:
            out[-1] = (out[-1][0], max(out[-1][1], x2))
        else:
            out.append((x1, x2))
    return out


def glyph_pieces(line: QTextLine, a: int, b: int) -> list[tuple[float, float]]:
    """The visual pieces (x1, x2 in layout coordinates, left to right) of the block
    characters ``[a, b)`` on ``line``, from Qt's glyph runs: in mixed-direction text one
    logical range can be several separate stretches of a line."""
    pieces = []
    for run in line.glyphRuns(a, b - a):
        rect = run.boundingRect()
        pieces.append((rect.left(), rect.right()))
    return _merged(pieces)


def glyph_at(line: QTextLine, x: float) -> tuple[int, bool] | None:
    """The block position of the character whose glyphs lie under layout x ``x`` on
    ``line`` (of a block that :func:`is_bidi`), and whether it runs right to left; None
    off the glyphs. Qt's own ``xToCursor`` misplaces points by a character on wrapped
    right-to-left lines (it counts the trailing space the drawing leaves out), so the
    reader hit-tests such lines from the glyphs themselves."""
    start, stop = line.textStart(), line.textStart() + line.textLength()
    for col in range(start, stop):
        for run in line.glyphRuns(col, 1):
            rect = run.boundingRect()
            if rect.left() <= x < rect.right():
                return col, run.isRightToLeft()
    return None


def line_pieces(block: QTextBlock, start: int, end: int, *, separator: float = 0.0,
                ys: tuple[float, float] | None = None,
                ) -> Iterator[tuple[QTextLine, float, float]]:  # fmt: skip
    """``(line, x1, x2)`` for every visual piece of the document range ``[start, end)``
    in ``block``, x in layout coordinates. When the range runs past the block's last
    character it takes in the paragraph break too, drawn ``separator`` wide at the
    paragraph's end (as Qt draws a formatted break), so a highlight spanning paragraphs
    stays visibly joined. Given ``ys`` (top, bottom in layout coordinates), only the
    lines reaching into that band: a repaint of one line of a long paragraph measures
    no other line (each measure shapes its line again)."""
    layout = block.layout()
    count = layout.lineCount()
    b0 = block.position()
    text_end = block.length() - 1
    s, e = max(start, b0) - b0, min(end, b0 + block.length()) - b0
    if e <= s or count == 0:
        return
    with_break = e > text_end and separator > 0
    e = min(e, text_end)
    bidi = is_bidi(block)
    rtl = bidi and block.textDirection() == Qt.LayoutDirection.RightToLeft
    first = layout.lineForTextPosition(s)
    index = first.lineNumber() if first.isValid() else 0
    while index < count:
        line = layout.lineAt(index)
        ls = line.textStart()
        if ls > e:
            break
        if ys is not None:
            if line.y() > ys[1]:
                break  # below the band, as is every later line
            if line.y() + line.height() < ys[0]:
                index += 1
                continue
        last = index == count - 1
        a, b = max(s, ls), min(e, ls + line.textLength())
        if not bidi:  # the fast path: one stretch from the start's x to the end's
            x1 = line_x(line, a)
            x2 = line_x(line, b) if b > a else x1
            if with_break and last:
                x2 += separator
            if x2 > x1:
                yield line, x1, x2
        else:
            pieces = glyph_pieces(line, a, b) if b > a else []
            if with_break and last:
                x = line_x(line, text_end)
                pieces = _merged([*pieces, (x - separator, x) if rtl else (x, x + separator)])
            for x1, x2 in pieces:
                yield line, x1, x2
        index += 1


def range_rects(block: QTextBlock, start: int, end: int, offset: QPointF, *,
                separator: float = 0.0,
                band: tuple[float, float] | None = None) -> Iterator[QRectF]:  # fmt: skip
    """The rectangles (viewport coordinates) ``[start, end)`` covers in ``block``: one
    per line, or one per visual piece of a line holding right-to-left text; the
    paragraph break as in :func:`line_pieces`. Given ``band`` (viewport top, bottom),
    only on the lines reaching into it."""
    origin = block.layout().position() + offset
    ys = None if band is None else (band[0] - origin.y(), band[1] - origin.y())
    for line, x1, x2 in line_pieces(block, start, end, separator=separator, ys=ys):
        yield QRectF(x1, line.y(), x2 - x1, line.height()).translated(origin)


def paint_highlights(painter: QPainter, first: QTextBlock, stop: int, offset: QPointF,
                     index: SegmentSource, colors: ColorSource, separator: float,
                     band: tuple[float, float] | None = None) -> None:  # fmt: skip
    """Fill the highlight of every claim segment in the blocks from ``first`` up to
    document position ``stop`` (see :func:`visible_range`); given ``band`` (viewport
    top, bottom: the area painted), only on the lines reaching into it (the painter is
    clipped to that area, so the others would not show)."""
    block = first
    while block.isValid() and block.position() < stop:
        b0 = block.position()
        lo, hi = b0, b0 + block.length()
        if band is not None:  # only the claims on the lines reaching into the band
            lo, hi = _band_range(block, offset, band)
        for seg in index.segments(lo, hi) if hi > lo else ():
            color = colors.background(seg.top.status, seg.depth)
            for rect in range_rects(block, seg.start, seg.end, offset, separator=separator,
                                    band=band):  # fmt: skip
                painter.fillRect(rect, color)
        block = block.next()


def _band_range(block: QTextBlock, offset: QPointF, band: tuple[float, float]
                ) -> tuple[int, int]:  # fmt: skip
    """The document range of ``block``'s lines reaching into ``band`` (viewport top,
    bottom); empty when none does. The paragraph break goes with the last line."""
    layout = block.layout()
    top = layout.position().y() + offset.y()
    b0 = block.position()
    lo = hi = -1
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        y = top + line.y()
        if y > band[1]:
            break
        if y + line.height() >= band[0]:
            if lo < 0:
                lo = line.textStart()
            hi = line.textStart() + line.textLength()
            if i == layout.lineCount() - 1:
                hi = block.length()
    return (b0 + lo, b0 + hi) if lo >= 0 else (b0, b0)


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
