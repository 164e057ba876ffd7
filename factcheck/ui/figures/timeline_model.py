"""The chosen fact's figures as a table model: dated ones by date, each marked as
rising or falling against the one before it, then the undated ones; a thin adapter over
:class:`BoardFact` whose cells are made only when drawn (a fact may list hundreds)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from factcheck.ui.figures.grid_model import CONFLICT_MARK

if TYPE_CHECKING:
    from factcheck.core.figures.board import BoardFact
    from factcheck.core.figures.facts import FactFigure

_Index = QModelIndex | QPersistentModelIndex
HEADERS = ("", "Date", "Step", "Source", "Figure", "Reads as", "Said by")
T_MARK, T_DATE, T_STEP, T_SOURCE, T_FIGURE, T_READS, T_SAID = range(len(HEADERS))
STEP_WORDS = {"rising": "↑ rising", "falling": "↓ falling", "level": "= level",
              "first": "first", "undated": ""}  # fmt: skip
FigureIdRole = Qt.ItemDataRole.UserRole


class TimelineModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._fact: BoardFact | None = None
        self._figures: tuple[FactFigure, ...] = ()

    def set_fact(self, fact: BoardFact | None) -> None:
        self.beginResetModel()
        self._fact = fact
        self._figures = fact.figures if fact is not None else ()
        self.endResetModel()

    def figure_at(self, row: int) -> FactFigure | None:
        return self._figures[row] if 0 <= row < len(self._figures) else None

    def rows_of(self, figure_ids: set[int]) -> list[int]:
        return [i for i, f in enumerate(self._figures) if f.id in figure_ids]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        fact = self._fact
        f = self.figure_at(index.row()) if index.isValid() else None
        if fact is None or f is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == T_MARK:
                return CONFLICT_MARK if f.id in fact.conflicting else ""
            if col == T_DATE:
                if not f.when:
                    return "no date"
                return f"{f.when} (article)" if f.when_from == "article" else f.when
            if col == T_STEP:
                return STEP_WORDS.get(fact.steps.get(f.id, ""), "") if fact.row.kind == "series" \
                    else ""  # fmt: skip
            return (f.article_title, f.text, f.range_text, f.attribution)[col - T_SOURCE]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{f.article_title}\n{f.text} — click to open the article here"
        if role == FigureIdRole:
            return f.id
        return None
