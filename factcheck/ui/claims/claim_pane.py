"""The claim pane: filters over the claim list, the list, and the selected claim's editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.ui.claims.claim_delegate import ClaimDelegate
from factcheck.ui.claims.claim_editor import ClaimEditor
from factcheck.ui.claims.claim_model import (
    CLAIMANT_FILTER,
    COLUMNS,
    FILTERS,
    ID_ROLE,
    NO_CLAIMANT,
    ClaimListModel,
)
from factcheck.ui.claims.suggestion_list import SuggestionList
from factcheck.ui.common.focus import show_focus, tab_leaves
from factcheck.ui.session.open_article import OpenArticle


class ClaimPane(QWidget):
    """``claimSelected(claim_id or None)`` when the user picks a row.

    The list shows the claims of ``source`` (the open article's model, which the reader
    observes too) and follows its selection; the pane never selects on its own: a row
    the user picks is a request (``claimSelected``) the window's controller answers by
    selecting in the model."""

    claimSelected = Signal(object)
    resetFiltersRequested = Signal()

    def __init__(self, source: OpenArticle | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setAccessibleName("Claims")
        self.model = ClaimListModel(source)
        self.model.source.selectionChanged.connect(lambda cid, _scroll: self.select_claim(cid))
        self._known_tags: list[str] = []
        self.filters: dict[str, QComboBox] = {}
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 6, 0)  # the count is not against the edge
        for spec in FILTERS:
            combo = QComboBox()
            combo.setAccessibleName(f"Filter claims by {spec.label.lower()}")
            combo.setObjectName(f"filter_{spec.key}")
            combo.setToolTip(f"Show only claims with this {spec.label.lower()}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # three filters share a narrow pane
            combo.currentIndexChanged.connect(lambda _i, k=spec.key: self._on_filter(k))
            self.filters[spec.key] = combo
            filter_row.addWidget(combo, 1)
        self.claimant_filter = self._build_claimant_filter()
        filter_row.addWidget(self.claimant_filter, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("claimCount")
        self.count_label.setAccessibleName("Number of claims shown")
        # Room for four digits whatever the count: otherwise the pane's minimum width
        # followed the count's digits, and the splitter took two pixels from the reader
        # between articles, which laid the whole article out again at the new width.
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("0000"))
        filter_row.addWidget(self.count_label)
        # While a filter hides claims, say so where the eye is, with the way back.
        self.filter_marker = QToolButton()
        self.filter_marker.setObjectName("filterMarker")
        self.filter_marker.setText("Filter on ✕")
        self.filter_marker.setToolTip("Some claims are hidden by the filters: show all "
                                      "(Ctrl+Shift+A)")  # fmt: skip
        self.filter_marker.setAccessibleName("Filters are on: show all claims")
        self.filter_marker.setVisible(False)
        self.filter_marker.clicked.connect(self.resetFiltersRequested)
        filter_row.addWidget(self.filter_marker)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(ClaimDelegate(self.model, self.view))
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list (rows, not cells)
        self.view.setAccessibleName("Claim list")
        tab_leaves(self.view)
        show_focus(self.view)
        header = self.view.horizontalHeader()
        header.setAccessibleName("Claim list columns")
        header.setStretchLastSection(False)
        for i, column in enumerate(COLUMNS):
            mode = (QHeaderView.ResizeMode.Stretch if column.stretch
                    else QHeaderView.ResizeMode.Interactive)  # fmt: skip
            header.setSectionResizeMode(i, mode)
            if not column.stretch:
                header.resizeSection(i, column.width)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.modelReset.connect(self._update_count)
        self.model.modelReset.connect(self.refresh_claimants)
        self.model.rowsInserted.connect(self.refresh_claimants)
        self.model.rowsRemoved.connect(self.refresh_claimants)
        self.model.dataChanged.connect(self.refresh_claimants)
        self.model.rowsInserted.connect(self._update_count)
        self.model.rowsRemoved.connect(self._update_count)

        self.editor = ClaimEditor()
        scroll = self.editor_scroll = QScrollArea()
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName("Claim editor area")
        self.editor.claimChanged.connect(lambda: scroll.verticalScrollBar().setValue(0))

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filter_row)
        top_layout.addWidget(self.view, 1)
        self.suggestions = SuggestionList()
        top_layout.addWidget(self.suggestions)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("claimSplitter")
        self.splitter.setAccessibleName("Claim list and editor divider")
        self.splitter.addWidget(top)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)  # the editor gets the room by default
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_known_tags([])

    def set_known_tags(self, names: Sequence[str]) -> None:
        """Refresh the filter choices (keeping the current choice when it still exists)."""
        self._known_tags = list(names)
        self.editor.set_known_tags(names)
        for spec in FILTERS:
            combo = self.filters[spec.key]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(spec.all_label, None)
            for value, text in spec.choices(self._known_tags):
                combo.addItem(text, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
            if current is not None and index < 0:
                self.model.set_filter(spec.key, None)

    def set_filter(self, key: str, value: str | None) -> None:
        combo = self.filters[key]
        combo.setCurrentIndex(max(0, combo.findData(value)) if value else 0)

    def _on_filter(self, key: str) -> None:
        selected = self.selected_claim()
        value = self.filters[key].currentData()
        self.model.set_filter(key, value)
        self._update_count()
        if selected is not None:
            self.select_claim(selected, emit=False)

    def filters_active(self) -> bool:
        combos = [*self.filters.values(), self.claimant_filter]
        return any(combo.currentIndex() > 0 for combo in combos)

    def clear_filters(self) -> None:
        """Every filter back to "all" (the list shows every claim of the article)."""
        for combo in [*self.filters.values(), self.claimant_filter]:
            combo.setCurrentIndex(0)

    # --- the claimant filter (choices from the open article's claims) ----------------

    def _build_claimant_filter(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName("Filter claims by claimant")
        combo.setObjectName(f"filter_{CLAIMANT_FILTER.key}")
        combo.setToolTip("Show only claims made by this person or organisation")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.addItem(CLAIMANT_FILTER.all_label, None)
        combo.currentIndexChanged.connect(self._on_claimant_filter)
        return combo

    def refresh_claimants(self) -> None:
        """List the claimants of the open article's claims (keeping the choice while a
        claim still names it; otherwise back to all claimants)."""
        combo = self.claimant_filter
        names = self.model.claimants()
        anonymous = self.model.has_unattributed()
        wanted: list[tuple[str, str]] = [(n, n) for n in names]
        if anonymous and names:
            wanted.append((NO_CLAIMANT, "Stated by the article"))
        have = [(combo.itemData(i), combo.itemText(i)) for i in range(1, combo.count())]
        if have == wanted:
            return
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(CLAIMANT_FILTER.all_label, None)
        for value, text in wanted:
            combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
        if current is not None and index < 0:
            self._on_claimant_filter()

    def _on_claimant_filter(self, _index: int = 0) -> None:
        selected = self.selected_claim()
        self.model.set_filter(CLAIMANT_FILTER.key, self.claimant_filter.currentData())
        if selected is not None:
            self.select_claim(selected, emit=False)

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        self.count_label.setText(f"{shown} of {total}" if shown != total else f"{total}")
        active = self.filters_active()
        self.filter_marker.setVisible(active)
        sheet = "font-weight: bold;" if active else ""
        if self.count_label.styleSheet() != sheet:  # setting one re-polishes the label
            self.count_label.setStyleSheet(sheet)

    # --- selection -------------------------------------------------------------------

    def selected_claim(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ID_ROLE)) if index.isValid() else None

    def select_claim(self, claim_id: int | None, *, emit: bool = False) -> None:
        """Make ``claim_id`` the current row (none if filtered out or None)."""
        row = self.model.row_of(claim_id) if claim_id is not None else None
        sm = self.view.selectionModel()
        self.view.blockSignals(True)
        sm.blockSignals(True)
        if row is None:
            sm.clearSelection()
            sm.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        else:
            index = self.model.index(row, 0)
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)  # fmt: skip
            sm.setCurrentIndex(index, flags)
            self.view.scrollTo(index)
        sm.blockSignals(False)
        self.view.blockSignals(False)
        self.view.viewport().update()
        if emit:
            self.claimSelected.emit(claim_id)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.claimSelected.emit(int(current.data(ID_ROLE)) if current.isValid() else None)
