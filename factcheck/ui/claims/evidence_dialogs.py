"""Dialogs for evidence: pick a claim to link (searchable), or describe an outside source.

Both are opened window-modal with ``open()`` and report through ``accepted``; the
window reads the choice from the dialog and pushes the command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import Claim, Relation, Status
from factcheck.ui.common.settings import remember_geometry

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole
RELATION_LABELS = {
    Relation.CORROBORATES: "corroborates this claim",
    Relation.CONTRADICTS: "contradicts this claim",
    Relation.SAME_AS: "is the same claim",
}


def _flat(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class LinkClaimDialog(QDialog):
    """Choose the claim that is evidence for the current one, and how it relates."""

    def __init__(self, claims: Sequence[Claim], titles: dict[int, str], current: Claim,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Link to another claim")
        self.setAccessibleName("Link to another claim")
        self.resize(640, 460)
        remember_geometry(self, "link_claim")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by words in the claim or the article title")
        self.search.setAccessibleName("Filter claims")
        self.search.setClearButtonEnabled(True)
        self.items = QStandardItemModel(self)
        others = sorted((c for c in claims if c.id != current.id),
                        key=lambda c: (c.article_id == current.article_id, c.article_id,
                                       c.start))  # fmt: skip
        for c in others:
            title = titles.get(c.article_id, f"article {c.article_id}")
            item = QStandardItem(f"“{_flat(c.quote)}”\n    {Status(c.status).label} · "
                                 f"#{c.id} · {title}")  # fmt: skip
            item.setData(c.id, CLAIM_ID_ROLE)
            item.setEditable(False)
            self.items.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.items)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName("Claims to link")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAlternatingRowColors(True)
        self.list.doubleClicked.connect(lambda _i: self.accept())
        self.relation = QComboBox()
        self.relation.setAccessibleName("Relation")
        for relation, label in RELATION_LABELS.items():
            self.relation.addItem(f"The chosen claim {label}", relation.value)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Link")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_ok())
        self.proxy.modelReset.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.relation)
        layout.addWidget(self.buttons)
        self._update_ok()

    def chosen_claim(self) -> int | None:
        index = self.list.currentIndex()
        return int(index.data(CLAIM_ID_ROLE)) if index.isValid() else None

    def chosen_relation(self) -> Relation:
        return Relation(self.relation.currentData())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen_claim() is not None)

    def accept(self) -> None:
        if self.chosen_claim() is not None:
            super().accept()


class SourceDialog(QDialog):
    """An outside source: URL (required), title, the quoted passage, date accessed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add an outside source")
        self.setAccessibleName("Add an outside source")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://…")
        self.url.setAccessibleName("Source URL")
        self.title = QLineEdit()
        self.title.setAccessibleName("Source title")
        self.quote = QPlainTextEdit()
        self.quote.setAccessibleName("Quoted passage")
        self.quote.setTabChangesFocus(True)
        self.quote.setMaximumHeight(100)
        self.accessed = QDateEdit(QDate.currentDate())
        self.accessed.setCalendarPopup(True)
        self.accessed.setDisplayFormat("yyyy-MM-dd")
        self.accessed.setAccessibleName("Date accessed")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add source")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.url.textChanged.connect(self._update_ok)
        form = QFormLayout(self)
        form.addRow("URL", self.url)
        form.addRow("Title", self.title)
        form.addRow("Quote", self.quote)
        form.addRow("Accessed", self.accessed)
        form.addRow(self.buttons)
        self._update_ok()

    def values(self) -> dict[str, str]:
        return {
            "url": self.url.text().strip(),
            "title": self.title.text().strip(),
            "quote": self.quote.toPlainText().strip(),
            "accessed": self.accessed.date().toString("yyyy-MM-dd"),
        }

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(self.url.text().strip()))

    def accept(self) -> None:
        if self.url.text().strip():
            super().accept()
