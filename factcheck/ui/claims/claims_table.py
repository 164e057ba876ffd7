"""View ▸ Claims of the Project: every claim of the project in one sortable, filterable
table (article, quote, verdict, tags, claimant when the project records one, reviewer,
last change). Return or a double-click opens the article at the claim.

The model is a thin table over :class:`ClaimTableRow` values the session reads; sorting
and the text filter are a :class:`QSortFilterProxyModel`; the verdict and tag filters
are applied by the proxy too. The window refreshes the rows an edit names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.claims_table import ClaimTableRow
from factcheck.core.model import Status
from factcheck.ui.common.focus import show_focus, tab_leaves
from factcheck.ui.common.theme import status_color

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# (key, header, initial width; 0 stretches)
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", "#", 48), ("article_title", "Article", 180), ("quote", "Claim", 0),
    ("verdict", "Verdict", 100), ("tags", "Tags", 110), ("claimant", "Claimant", 110),
    ("reviewer", "Reviewer", 90), ("updated_at", "Changed", 120),
)  # fmt: skip
KEYS = [c[0] for c in COLUMNS]


def _flat(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ClaimsTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ClaimTableRow] = []
        self._row_of: dict[int, int] = {}
        self.has_claimant = False

    def set_rows(self, rows: Sequence[ClaimTableRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        self.has_claimant = any(r.claimant is not None for r in self._rows)
        self.endResetModel()

    def upsert(self, rows: Sequence[ClaimTableRow], gone: Sequence[int] = ()) -> None:
        """Replace or add the given rows, drop the ``gone`` ids."""
        for cid in gone:
            at = self._row_of.get(cid)
            if at is None:
                continue
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()
            self._row_of = {r.id: i for i, r in enumerate(self._rows)}
        for row in rows:
            at = self._row_of.get(row.id)
            if at is None:
                end = len(self._rows)
                self.beginInsertRows(QModelIndex(), end, end)
                self._rows.append(row)
                self._row_of[row.id] = end
                self.endInsertRows()
            else:
                self._rows[at] = row
                self.dataChanged.emit(self.index(at, 0), self.index(at, len(COLUMNS) - 1))

    def ids(self) -> list[int]:
        return [r.id for r in self._rows]

    def row_at(self, row: int) -> ClaimTableRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # fmt: skip
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        key = KEYS[index.column()]
        if role == ID_ROLE:
            return r.id
        if role == SORT_ROLE:
            if key == "id":
                return r.id
            if key == "quote":
                return (r.article_id, r.start)
            return str(getattr(r, key) or "").casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "verdict":
                return Status(r.verdict).label
            if key == "quote":
                return _flat(r.quote)
            if key == "updated_at":
                return r.updated_at[:16].replace("T", " ")
            if key == "id":
                return r.id
            return _flat(str(getattr(r, key) or ""), 80)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("quote", "article_title", "tags"):
            return str(getattr(r, key))
        if role == Qt.ItemDataRole.DecorationRole and key == "verdict":
            return status_color(r.verdict)
        return None


class ClaimsFilter(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE`; keeps rows matching the text (in article, quote,
    tags, claimant, reviewer), the verdict and the tag."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.text = ""
        self.verdict: str | None = None
        self.tag: str | None = None

    def set_filters(self, text: str, verdict: str | None, tag: str | None) -> None:
        self.beginFilterChange()
        self.text, self.verdict, self.tag = text.casefold().strip(), verdict, tag
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClaimsTableModel)
        r = model.row_at(source_row)
        if r is None:
            return False
        if self.verdict and r.verdict != self.verdict:
            return False
        if self.tag and self.tag.casefold() not in [t.strip().casefold()
                                                    for t in r.tags.split(",")]:  # fmt: skip
            return False
        if self.text:
            hay = " ".join((r.article_title, r.quote, r.tags, r.claimant or "", r.reviewer))
            return self.text in hay.casefold()
        return True


class ClaimsTable(QWidget):
    """``claimActivated(claim_id)``: the reviewer wants to see this claim in its article."""

    claimActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Claims of the project")
        self.model = ClaimsTableModel()
        self.proxy = ClaimsFilter()
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setObjectName("claimsTableSearch")
        self.search.setPlaceholderText("Filter: article, claim, tag, claimant, reviewer…")
        self.search.setAccessibleName("Filter the claims of the project")
        self.search.setClearButtonEnabled(True)
        self.verdict = QComboBox()
        self.verdict.setObjectName("claimsTableVerdict")
        self.verdict.setAccessibleName("Filter by verdict")
        self.verdict.addItem("All verdicts", None)
        for s in Status:
            self.verdict.addItem(s.label, s.value)
        self.tag = QComboBox()
        self.tag.setObjectName("claimsTableTag")
        self.tag.setAccessibleName("Filter by tag")
        self.tag.addItem("All tags", None)
        self.count = QLabel()
        self.count.setObjectName("claimsTableCount")
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.verdict)
        row.addWidget(self.tag)
        row.addWidget(self.count)
        self.view = QTableView()
        self.view.setObjectName("claimsTableView")
        self.view.setAccessibleName("Claims of the project")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(KEYS.index("quote"), Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for i, (_key, _title, width) in enumerate(COLUMNS):
            if width:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, width)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        tab_leaves(self.view)
        show_focus(self.view)
        self.view.activated.connect(self._activated)
        self.view.doubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._filter)
        self.verdict.currentIndexChanged.connect(self._filter)
        self.tag.currentIndexChanged.connect(self._filter)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)
        self._update_count()

    def set_rows(self, rows: Sequence[ClaimTableRow], tags: Sequence[str]) -> None:
        self.model.set_rows(rows)
        self.view.setColumnHidden(KEYS.index("claimant"), not self.model.has_claimant)
        self.set_tags(tags)

    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", None)
        for name in tags:
            self.tag.addItem(name, name)
        index = self.tag.findData(current) if current is not None else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)
        if current is not None and index < 0:
            self._filter()

    def _filter(self) -> None:
        self.proxy.set_filters(self.search.text(), self.verdict.currentData(),
                               self.tag.currentData())  # fmt: skip
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total}" if shown != total else f"{total} claims")

    def shown_ids(self) -> list[int]:
        return [int(self.proxy.index(r, 0).data(ID_ROLE)) for r in range(self.proxy.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.claimActivated.emit(int(index.data(ID_ROLE)))


class ClaimsTableDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Claims of the project", parent)
        self.setObjectName("claimsTableDock")
        self.table = ClaimsTable()
        self.setWidget(self.table)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea
                             | Qt.DockWidgetArea.TopDockWidgetArea)  # fmt: skip
