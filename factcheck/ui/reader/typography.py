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


def reading_document(parent: QObject, font: QFont) -> QTextDocument:
    """The reader's document, empty: every article is set in it by :func:`set_text`
    (the one document is kept, so its layout, page width and font stay set up)."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12)
    return doc


def set_text(doc: QTextDocument, text: str, direction: str, margin: float) -> None:
    """Replace ``doc``'s text by ``text`` as plain text: wrapped at words, every paragraph
    laid out in ``direction`` ("rtl", "ltr"; "auto": each paragraph's first strong letter
    decides), the column's ``margin`` left and right, the reading line height.

    One edit block, opened by clearing the document: the change Qt's layout then sees
    covers the whole document, so it lays out only the first screens at once and the
    rest in its background steps (as ``QTextEdit.setPlainText`` does). An edit of the
    text that does not start from a cleared document is a partial change, laid out in
    full at once; and a new document swapped into the view was laid out from its start
    several times over (once when its layout is made, again for the view's width):
    expensive for shaped scripts such as Arabic."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(_LAYOUT_DIRECTIONS.get(direction,
                                                   Qt.LayoutDirection.LayoutDirectionAuto))
    # The line height is the first block's format before the text goes in: every
    # paragraph the insert makes shares it (one format for the whole text). Setting it
    # afterwards over the whole document gave each block its own format change and cost
    # a pass over the text plus a slower first paint.
    block_format = QTextBlockFormat()
    block_format.setLineHeight(LINE_HEIGHT_PERCENT,
                               QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    doc.clear()  # a new root frame: the margins are set again below
    doc.setDefaultTextOption(option)  # on the empty document: nothing to lay out again
    set_margins(doc, margin)
    cursor.setBlockFormat(block_format)
    cursor.insertText(text)
    cursor.endEditBlock()
