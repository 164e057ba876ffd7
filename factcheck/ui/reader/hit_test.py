"""Which character of the reader is under the mouse, and where a click puts the caret.

Qt's own hit test is a character off on wrapped right-to-left lines; on a line with
right-to-left or mixed text the answer is read from the glyphs instead
(:func:`~factcheck.ui.reader.highlight_paint.glyph_at`). Positions are Qt positions.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QTextBlock, QTextLine
from PySide6.QtWidgets import QTextEdit

from factcheck.ui.reader.highlight_paint import glyph_at, is_bidi


def line_at(view: QTextEdit, point: QPoint) -> tuple[QTextBlock, QTextLine, float] | None:
    """The block and line under viewport ``point``, and x in the block's layout."""
    block = view.cursorForPosition(point).block()
    if not block.isValid():
        return None
    layout = block.layout()
    origin = layout.position() - QPointF(view.horizontalScrollBar().value(),
                                         view.verticalScrollBar().value())  # fmt: skip
    x, y = point.x() - origin.x(), point.y() - origin.y()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= y < line.y() + line.height():
            return block, line, x
    return None

def char_at(view: QTextEdit, point: QPoint) -> int | None:
    """Qt position of the character under ``point`` (viewport coordinates)."""
    found = line_at(view, point)
    if found is None:
        return None
    block, line, x = found
    text = line.naturalTextRect()  # where the line's text is (alignment too)
    if not text.left() <= x <= text.right():
        return None
    if is_bidi(block):
        hit = glyph_at(line, x)
        if hit is None:
            return None
        col = hit[0]
    else:
        col = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
    return block.position() + min(col, max(0, block.length() - 2))

def position_at(view: QTextEdit, point: QPoint) -> int:
    """The cursor position (between characters) nearest viewport ``point``, as a
    click or drag should place it; right-to-left lines from their glyphs (see
    :func:`~factcheck.ui.reader.highlight_paint.glyph_at`)."""
    fallback = view.cursorForPosition(point).position()
    found = line_at(view, point)
    if found is None or not is_bidi(found[0]):
        return fallback
    block, line, x = found
    hit = glyph_at(line, x)
    if hit is None:
        return fallback
    col, rtl = hit
    (run, *_rest) = line.glyphRuns(col, 1)
    rect = run.boundingRect()
    after = (x < rect.center().x()) == rtl  # in the character's reading-end half
    layout = block.layout()
    pos = col + 1 if after else col
    if not layout.isValidCursorPosition(pos):  # inside a cluster (a letter's marks)
        pos = layout.nextCursorPosition(pos) if after else layout.previousCursorPosition(pos)
    return block.position() + pos
