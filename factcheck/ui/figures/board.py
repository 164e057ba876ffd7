"""The figures board: one row per fact (how many articles tell it, how many conflicting
pairs, the summary), and for the chosen fact its figures by source and date — a timeline
for running totals — with the conflicting ones marked and each conflict's reason.

The board owns no data and never writes: it shows what the window gives it
(:meth:`FiguresBoard.set_facts`, :meth:`FiguresBoard.show_detail`) and says what the
reviewer asked for through its signals.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the window starts without the figure finder loaded
    from factcheck.core.figures.board import FactDetail, FactRow

_Index = QModelIndex | QPersistentModelIndex
CONFLICT_MARK = "⚠"
_FACT_HEADERS = ("Fact", "Kind", "Articles", "Figures", "Conflicts", "Summary")


class FactTableModel(QAbstractTableModel):
    """The facts, as rows (a thin adapter over :class:`FactRow`)."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[FactRow] = []

    def set_rows(self, rows: Sequence[FactRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FactRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.key == key), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_FACT_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _FACT_HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.label, r.kind, r.articles, r.figures,
                    f"{CONFLICT_MARK} {r.conflicts}" if r.conflicts else "0",
                    r.summary)[col]  # fmt: skip
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.label}\n{r.summary}"
        if role == Qt.ItemDataRole.UserRole:
            return r.key
        return None


FACT_COLUMN_WIDTH = 260


class FiguresBoard(QWidget):
    """Signals: ``factChosen(key)``; ``figureActivated(article_id, start, end)`` when
    a figure is clicked (open its article at the span); ``conflictsOnlyChanged(bool)``;
    ``renameRequested(key, name)``, ``dismissRequested(figure_id)``,
    ``markClaimsRequested(key)``, ``mergeRequested(key, into_key)``,
    ``moveRequested(figure_id, to_key)``, ``splitRequested(key, figure_ids, name)``."""

    factChosen = Signal(str)
    figureActivated = Signal(int, int, int)
    conflictsOnlyChanged = Signal(bool)
    renameRequested = Signal(str, str)
    dismissRequested = Signal(int)
    markClaimsRequested = Signal(str)
    mergeRequested = Signal(str, str)
    moveRequested = Signal(int, str)
    splitRequested = Signal(str, list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figuresBoard")
        self.setAccessibleName("Figures board")
        self._detail: FactDetail | None = None
        self.conflicts_only = QCheckBox("Only facts whose figures disagree")
        self.conflicts_only.setObjectName("figuresConflictsOnly")
        self.conflicts_only.toggled.connect(self.conflictsOnlyChanged.emit)
        self.model = FactTableModel()
        self.facts = QTableView()
        self.facts.setObjectName("factsTable")
        self.facts.setAccessibleName("Facts")
        self.facts.setModel(self.model)
        self.facts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.facts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.facts.verticalHeader().hide()
        self.facts.horizontalHeader().setStretchLastSection(True)
        self.facts.setColumnWidth(0, FACT_COLUMN_WIDTH)  # names like "White Helmets — lives saved"
        self.facts.selectionModel().currentRowChanged.connect(self._on_fact_row)
        self.title = QLabel()
        self.title.setObjectName("factTitle")
        self.title.setWordWrap(True)
        self.figures = QTableWidget(0, 6)
        self.figures.setObjectName("factFigures")
        self.figures.setAccessibleName("Figures of the fact")
        self.figures.setHorizontalHeaderLabels(
            ["", "Date", "Source", "Figure", "Reads as", "Said by"])
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.figures.verticalHeader().hide()
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.figures.cellClicked.connect(self._on_figure_clicked)
        self.reasons = QLabel()
        self.reasons.setObjectName("factReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setObjectName("renameFact")
        self.rename_button.clicked.connect(self._rename)
        self.dismiss_button = QPushButton("Dismiss Figure")
        self.dismiss_button.setObjectName("dismissFigure")
        self.dismiss_button.setToolTip("Take the selected figure out of this fact (undoable)")
        self.dismiss_button.clicked.connect(self._dismiss)
        self.mark_button = QPushButton("Mark as Claims and Link")
        self.mark_button.setObjectName("markFactClaims")
        self.mark_button.setToolTip("Mark every figure of the fact as a claim and link them "
                                    "(contradicts / corroborates / same as) with the reason "
                                    "as the note (undoable)")  # fmt: skip
        self.mark_button.clicked.connect(self._mark)
        self.merge_button = QPushButton("Merge Into…")
        self.merge_button.setObjectName("mergeFact")
        self.merge_button.setToolTip("Put this fact's figures into another fact (undoable)")
        self.merge_button.clicked.connect(self._merge)
        self.move_button = QPushButton("Move Figure To…")
        self.move_button.setObjectName("moveFigure")
        self.move_button.setToolTip("Make the selected figure part of another fact (undoable)")
        self.move_button.clicked.connect(self._move)
        self.split_button = QPushButton("Split Off…")
        self.split_button.setObjectName("splitFact")
        self.split_button.setToolTip("Move the selected figures into a new fact (undoable)")
        self.split_button.clicked.connect(self._split)
        self._buttons = (self.rename_button, self.merge_button, self.split_button,
                         self.move_button, self.dismiss_button, self.mark_button)  # fmt: skip
        buttons = QHBoxLayout()
        for b in self._buttons:
            buttons.addWidget(b)
        buttons.addStretch(1)
        detail = QWidget()
        lay = QVBoxLayout(detail)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.figures, 1)
        lay.addWidget(self.reasons)
        lay.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.facts)
        split.addWidget(detail)
        outer = QVBoxLayout(self)
        outer.addWidget(self.conflicts_only)
        outer.addWidget(split, 1)
        self.show_detail(None)

    # --- content ---------------------------------------------------------------------

    def set_facts(self, rows: Sequence[FactRow], keep: str | None = None) -> None:
        """Show ``rows``; keep the fact ``keep`` (or the current one) selected."""
        current = keep or self.current_key()
        self.model.set_rows(rows)
        row = self.model.row_of(current) if current else None
        if row is not None:
            self.facts.selectRow(row)
        elif not rows:
            self.show_detail(None)

    def current_key(self) -> str | None:
        row = self.model.row_at(self.facts.currentIndex().row())
        return row.key if row else None

    def show_detail(self, detail: FactDetail | None) -> None:
        self._detail = detail
        self.figures.setRowCount(0)
        for b in self._buttons:
            b.setEnabled(detail is not None)
        if detail is None:
            self.title.setText("Choose a fact to see its figures.")
            self.reasons.setText("")
            return
        j = detail.judgement
        self.title.setText(f"<b>{_esc(detail.row.label)}</b> ({detail.row.kind}) — "
                           f"{_esc(j.summary)}")  # fmt: skip
        conflicting = {f.id for c in j.conflicts for f in (c.first, c.second)}
        order = list(j.timeline) + list(j.undated) if detail.row.kind == "series" else sorted(
            detail.figures, key=lambda f: (f.when or "9999", f.article_id, f.start))
        self.figures.setRowCount(len(order))
        for i, f in enumerate(order):
            cells = (CONFLICT_MARK if f.id in conflicting else "", f.when or "no date",
                     f.article_title, f.text, f.range_text, f.attribution)  # fmt: skip
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, f.id)
                item.setToolTip(f"{f.article_title}\n{f.text} — click to open the article here")
                self.figures.setItem(i, col, item)
        self._order = order
        reasons = [f"{CONFLICT_MARK} {_esc(c.reason)}" for c in j.conflicts]
        more = j.conflict_count - len(j.conflicts)
        if more > 0:
            reasons.append(f"and {more} more")
        self.reasons.setText("<br>".join(reasons) or "No conflicting pairs.")

    # --- user actions ----------------------------------------------------------------

    def _on_fact_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self.factChosen.emit(row.key)

    def _on_figure_clicked(self, row: int, _col: int) -> None:
        if self._detail is not None and 0 <= row < len(self._order):
            f = self._order[row]
            self.figureActivated.emit(f.article_id, f.start, f.end)

    def selected_figure(self) -> int | None:
        row = self.figures.currentRow()
        return self._order[row].id if self._detail is not None and 0 <= row < len(
            self._order) else None  # fmt: skip

    def selected_figures(self) -> list[int]:
        if self._detail is None:
            return []
        rows = sorted({i.row() for i in self.figures.selectedIndexes()})
        return [self._order[r].id for r in rows if 0 <= r < len(self._order)]

    def _choose_other_fact(self, title: str) -> str | None:
        """Ask for another fact (by name) among those listed; its key, or None."""
        current = self._detail.row.key if self._detail else None
        others = [self.model.row_at(i) for i in range(self.model.rowCount())]
        choices = [r for r in others if r is not None and r.key != current]
        if not choices:
            return None
        labels = [f"{r.label} ({r.articles} articles)" for r in choices]
        label, ok = QInputDialog.getItem(self, title, "Fact:", labels, 0, False)
        return choices[labels.index(label)].key if ok and label in labels else None

    def _merge(self) -> None:
        if self._detail is None:
            return
        target = self._choose_other_fact("Merge Into Fact")
        if target is not None:
            self.mergeRequested.emit(self._detail.row.key, target)

    def _move(self) -> None:
        fid = self.selected_figure()
        if fid is None:
            return
        target = self._choose_other_fact("Move Figure to Fact")
        if target is not None:
            self.moveRequested.emit(fid, target)

    def _split(self) -> None:
        ids = self.selected_figures()
        if self._detail is None or not ids:
            return
        name, ok = QInputDialog.getText(self, "Split Off a New Fact", "Name of the new fact:")
        if ok and name.strip():
            self.splitRequested.emit(self._detail.row.key, ids, name.strip())

    def _rename(self) -> None:
        if self._detail is None:
            return
        name, ok = QInputDialog.getText(self, "Rename Fact", "Name:",
                                        text=self._detail.row.label)  # fmt: skip
        if ok and name.strip():
            self.renameRequested.emit(self._detail.row.key, name.strip())

    def _dismiss(self) -> None:
        fid = self.selected_figure()
        if fid is not None:
            self.dismissRequested.emit(fid)

    def _mark(self) -> None:
        if self._detail is not None:
            self.markClaimsRequested.emit(self._detail.row.key)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
