"""The reader's typography: a serif reading font, a line height, a centred column of
about 75 characters whatever the window's width, and the document an article's plain
text is set in (laid out in the article's base direction)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QTextBlockFormat, QTextCursor, QTextDocument, QTextOption

READING_COLUMN_CHARS = 75
LINE_HEIGHT_PERCENT = 140
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Liberation Serif", "DejaVu Serif",
                  "Noto Serif", "serif"]  # fmt: skip


def reading_font(point_size: float = 12.0) -> QFont:
    font = QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def column_margin(char_width: float, view_width: int) -> float:
    """The left and right margin that centres a reading column in ``view_width``."""
    column = READING_COLUMN_CHARS * char_width
    return max(0.0, (view_width - column) / 2 - 12)


def set_margins(doc: QTextDocument, margin: float) -> None:
    frame = doc.rootFrame()
    fmt = frame.frameFormat()
    fmt.setLeftMargin(margin)
    fmt.setRightMargin(margin)
    frame.setFrameFormat(fmt)


_LAYOUT_DIRECTIONS = {"ltr": Qt.LayoutDirection.LeftToRight,
                      "rtl": Qt.LayoutDirection.RightToLeft}  # fmt: skip


def reading_document(parent: QObject, text: str, font: QFont, direction: str,
                     margin: float) -> QTextDocument:  # fmt: skip
    """``text`` as a plain-text document: wrapped at words, every paragraph laid out in
    ``direction`` ("rtl", "ltr"; "auto": each paragraph's first strong letter decides)."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(_LAYOUT_DIRECTIONS.get(direction,
                                                   Qt.LayoutDirection.LayoutDirectionAuto))
    doc.setDefaultTextOption(option)
    set_margins(doc, margin)
    # The line height is the first block's format before the text goes in: every
    # paragraph the insert makes shares it (one format for the whole text). Setting it
    # afterwards over the whole document gave each block its own format change and cost
    # a pass over the text plus a slower first paint.
    block_format = QTextBlockFormat()
    block_format.setLineHeight(LINE_HEIGHT_PERCENT,
                               QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.setBlockFormat(block_format)
    cursor.insertText(text)
    cursor.endEditBlock()
    return doc
