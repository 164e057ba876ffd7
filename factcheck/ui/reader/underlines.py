"""The reader's faint underline layers, drawn as extra selections over the text: the
article's figures dotted, the suggested claims dashed (the reason shows on hover).

A mixin of :class:`~factcheck.ui.reader.reader.ReaderView`, which owns the text and its
position map; these layers are set by the window's controllers, and cleared when another
article is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    from factcheck.ui.common.positions import PositionMap


class UnderlineLayers(QTextEdit):
    if TYPE_CHECKING:
        _map: PositionMap

        def char_at(self, point: QPoint) -> int | None: ...

    # set by the reader's __init__, cleared when it shows another article
    _figure_spans: list[tuple[int, int]]
    _figures_visible: bool
    _suggestions: list[tuple[int, int, str]]  # (start, end, reason), code points, best first
    _suggestions_visible: bool

    # --- suggestions -------------------------------------------------------------------

    def set_suggestions(self, items: Sequence[tuple[int, int, str]]) -> None:
        """The open article's suggested claims ``(start, end, reason)``, best first;
        drawn as a faint dashed underline when shown, the reason on hover."""
        self._suggestions = list(items)
        self._apply_figure_underline()

    def set_suggestions_visible(self, visible: bool) -> None:
        self._suggestions_visible = visible
        self._apply_figure_underline()

    def suggestions_visible(self) -> bool:
        return self._suggestions_visible

    def suggestions(self) -> list[tuple[int, int, str]]:
        return list(self._suggestions) if self._suggestions_visible else []

    def suggestion_at(self, point: QPoint) -> tuple[int, int, str] | None:
        """The shown suggestion under ``point`` (viewport), if any."""
        if not self._suggestions_visible:
            return None
        pos = self.char_at(point)
        if pos is None:
            return None
        cp = self._map.to_cp(pos)
        return next((s for s in self._suggestions if s[0] <= cp < s[1]), None)


    # --- figures ---------------------------------------------------------------------

    def set_figure_spans(self, spans: Sequence[tuple[int, int]]) -> None:
        """The article's figures (code points), underlined faintly when shown."""
        self._figure_spans = list(spans)
        self._apply_figure_underline()

    def set_figures_visible(self, visible: bool) -> None:
        self._figures_visible = visible
        self._apply_figure_underline()

    def figures_visible(self) -> bool:
        return self._figures_visible

    def figure_underlines(self) -> list[tuple[int, int]]:
        """The figure spans underlined now (Qt positions), for tests and accessibility."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.extraSelections()
                if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine]  # fmt: skip

    def suggestion_underlines(self) -> list[tuple[int, int]]:
        """The suggestion spans underlined now (Qt positions)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s in self.extraSelections()
                if s.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DashUnderline]

    def _apply_figure_underline(self) -> None:
        """Both faint underlines, as extra selections: figures dotted, suggested claims
        dashed (a figure inside a suggestion keeps its dots)."""
        color = QColor(self.palette().text().color())
        color.setAlpha(110)
        selections = []
        doc = self.document()
        layers: list[tuple[list[tuple[int, int]], QTextCharFormat.UnderlineStyle]] = []
        if self._suggestions_visible:
            layers.append(([(a, b) for a, b, _ in self._suggestions],
                           QTextCharFormat.UnderlineStyle.DashUnderline))  # fmt: skip
        if self._figures_visible:
            layers.append((self._figure_spans, QTextCharFormat.UnderlineStyle.DotLine))
        for spans, style in layers:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(style)
            fmt.setUnderlineColor(color)
            for start, end in spans:
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(doc)
                cursor.setPosition(self._map.to_qt(start))
                cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                sel.format = fmt
                selections.append(sel)
        self.setExtraSelections(selections)
