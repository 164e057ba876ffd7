"""Claim ▸ Curate Disagreements: the claims where reviewers disagree (their verdicts
differ and nobody adjudicated, or a sync left a conflict open), each shown with every
reviewer's verdict, note and evidence side by side. Accept one reviewer's verdict, or
write the adjudicated one with a reason; both are undoable (Ctrl+Z here or in the
window). Filters by reviewer and by article.

The dialog reads and edits only through the session; it refreshes from ``changed``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import Claim, Status, SyncConflict
from factcheck.ui.common.settings import remember_geometry

if TYPE_CHECKING:
    from factcheck.ui.session.session import Session

_ALL = ""


def _value(text: str) -> str:
    try:
        value: Any = json.loads(text)
    except ValueError:
        return text
    if value is None:
        return "(absent)"
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


class CurationDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Curate Disagreements")
        self.reviewer_filter = QComboBox()
        self.reviewer_filter.setObjectName("curation_reviewer")
        self.article_filter = QComboBox()
        self.article_filter.setObjectName("curation_article")
        self.claims = QListWidget()
        self.claims.setObjectName("curation_list")
        self.verdicts = QTableWidget(0, 4)
        self.verdicts.setObjectName("curation_verdicts")
        self.verdicts.setHorizontalHeaderLabels(["Reviewer", "Verdict", "Note", "Evidence"])
        self.verdicts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verdicts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verdicts.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verdicts.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.verdicts.verticalHeader().setVisible(False)
        self.conflicts = QLabel()
        self.conflicts.setObjectName("curation_message")
        self.conflicts.setWordWrap(True)
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("curation_conflicts")
        self.conflict_list.setMaximumHeight(90)
        self.keep_mine = QPushButton("&Keep Mine")
        self.keep_mine.setObjectName("curation_keep_mine")
        self.keep_mine.setToolTip("Close the selected conflict with this copy's value")
        self.keep_mine.clicked.connect(lambda: self.resolve("local"))
        self.take_theirs = QPushButton("&Take Theirs")
        self.take_theirs.setObjectName("curation_take_theirs")
        self.take_theirs.setToolTip("Close the selected conflict with the other reviewer's value")
        self.take_theirs.clicked.connect(lambda: self.resolve("incoming"))
        self.accept_button = QPushButton("&Accept Selected Reviewer's Verdict")
        self.accept_button.setObjectName("curation_accept")
        self.accept_button.clicked.connect(self.accept_selected)
        self.status = QComboBox()
        self.status.setObjectName("curation_status")
        for s in Status:
            if s is not Status.UNVERIFIED:
                self.status.addItem(s.label, s.value)
        self.note = QLineEdit()
        self.note.setObjectName("curation_note")
        self.note.setPlaceholderText("Why (kept with the adjudication)")
        self.adjudicate_button = QPushButton("A&djudicate")
        self.adjudicate_button.setObjectName("curation_adjudicate")
        self.adjudicate_button.clicked.connect(self.adjudicate)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setObjectName("curation_undo")
        self.undo_button.clicked.connect(self.session.undo_stack.undo)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.session.undo_stack.undo)
        self.empty = QLabel("No disagreements: every claim the reviewers judged differently "
                            "has been adjudicated.")  # fmt: skip
        self.empty.setObjectName("curation_empty")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Reviewer:"))
        filters.addWidget(self.reviewer_filter, 1)
        filters.addWidget(QLabel("Article:"))
        filters.addWidget(self.article_filter, 2)
        decide = QHBoxLayout()
        decide.addWidget(self.accept_button)
        decide.addStretch(1)
        decide.addWidget(self.status)
        decide.addWidget(self.note, 2)
        decide.addWidget(self.adjudicate_button)
        decide.addWidget(self.undo_button)
        right = QVBoxLayout()
        right.addWidget(self.verdicts, 1)
        resolve = QHBoxLayout()
        resolve.addWidget(self.conflict_list, 1)
        side = QVBoxLayout()
        side.addWidget(self.keep_mine)
        side.addWidget(self.take_theirs)
        side.addStretch(1)
        resolve.addLayout(side)
        right.addLayout(resolve)
        right.addWidget(self.conflicts)
        right.addLayout(decide)
        body = QHBoxLayout()
        body.addWidget(self.claims, 1)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)
        remember_geometry(self, "curation")

        self._titles: dict[int, str] = {}
        self._shown: list[Claim] = []
        self._open: list[SyncConflict] = []
        self.claims.currentRowChanged.connect(self._show_claim)
        self.reviewer_filter.currentIndexChanged.connect(self.refresh)
        self.article_filter.currentIndexChanged.connect(self.refresh)
        self.session.changed.connect(self._on_change)
        self._fill_filters()
        self.refresh()

    # --- reading -----------------------------------------------------------------------

    def _fill_filters(self) -> None:
        self._titles = self.session.article_titles()
        found = self.session.disagreements()
        reviewers = sorted({v.reviewer for c in found
                            for v in self.session.reviewer_verdicts(c.id)})  # fmt: skip
        articles = sorted({c.article_id for c in found})
        choices: list[tuple[QComboBox, list[tuple[str, Any]]]] = [
            (self.reviewer_filter, [(r, r) for r in reviewers]),
            (self.article_filter, [(self._titles.get(a, str(a)), a) for a in articles]),
        ]
        for combo, items in choices:
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("All", _ALL)
            for text, data in items:
                combo.addItem(text, data)
            index = combo.findData(keep)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)

    def refresh(self) -> None:
        current = self.current_claim_id()
        who, article = self.reviewer_filter.currentData(), self.article_filter.currentData()
        shown = []
        for c in self.session.disagreements():
            if article not in (_ALL, None) and c.article_id != article:
                continue
            if who not in (_ALL, None) and who not in {
                v.reviewer for v in self.session.reviewer_verdicts(c.id)
            }:
                continue
            shown.append(c)
        self._shown = shown
        self.claims.blockSignals(True)
        self.claims.clear()
        for c in shown:
            title = self._titles.get(c.article_id, "")
            item = QListWidgetItem(f"“{c.quote}” — {title} (claim {c.id})")
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.claims.addItem(item)
        self.claims.blockSignals(False)
        ids = [c.id for c in shown]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.claims.setCurrentRow(row)
        self._show_claim(row)
        self.empty.setVisible(not self.session.disagreements())

    def current_claim_id(self) -> int | None:
        item = self.claims.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_claim(self, row: int) -> None:
        claim = self._shown[row] if 0 <= row < len(self._shown) else None
        self.accept_button.setEnabled(claim is not None)
        self.adjudicate_button.setEnabled(claim is not None)
        self.verdicts.setRowCount(0)
        self.conflicts.clear()
        self.conflict_list.clear()
        self._open = []
        if claim is None:
            self._conflict_buttons()
            return
        evidence: dict[str, list[str]] = {}
        for e in self.session.evidence(claim.id):
            evidence.setdefault(e.reviewer, []).append(e.title or e.url or e.kind)
        verdicts = self.session.reviewer_verdicts(claim.id)
        self.verdicts.setRowCount(len(verdicts))
        for i, v in enumerate(verdicts):
            for col, text in enumerate((v.reviewer, v.status.label, v.note,
                                        "; ".join(evidence.get(v.reviewer, [])))):  # fmt: skip
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, v.status.value)
                self.verdicts.setItem(i, col, item)
        self.verdicts.selectRow(0)
        self._open = self.session.open_conflicts(claim.id)
        for c in self._open:
            self.conflict_list.addItem(
                f"{c.field} ({c.kind}): here {_value(c.local)}; "
                f"{c.from_reviewer or 'the other copy'}: {_value(c.incoming)}"
            )
        if self._open:
            self.conflict_list.setCurrentRow(0)
        self._conflict_buttons()

    def _conflict_buttons(self) -> None:
        has = bool(self._open)
        self.conflict_list.setVisible(has)
        self.keep_mine.setVisible(has)
        self.take_theirs.setVisible(has)

    # --- deciding ----------------------------------------------------------------------

    def accept_selected(self) -> None:
        claim_id = self.current_claim_id()
        row = self.verdicts.currentRow()
        if claim_id is None or row < 0:
            return
        verdict, reviewer = self.verdicts.item(row, 1), self.verdicts.item(row, 0)
        if verdict is None or reviewer is None:
            return
        status = Status(verdict.data(Qt.ItemDataRole.UserRole))
        who = reviewer.text()
        if status is Status.UNVERIFIED:
            self.conflicts.setText(f"{who} has given no verdict to accept.")
            return
        self.session.adjudicate(claim_id, status, f"accepted {who}'s verdict")

    def adjudicate(self) -> None:
        claim_id = self.current_claim_id()
        if claim_id is None:
            return
        status = Status(self.status.currentData())
        self.session.adjudicate(claim_id, status, self.note.text().strip())
        self.note.clear()

    def resolve(self, keep: str) -> None:
        row = self.conflict_list.currentRow()
        if 0 <= row < len(self._open):
            self.session.resolve_conflict(self._open[row], keep)

    def _on_change(self, _change: object, _focus: object) -> None:
        self._fill_filters()
        self.refresh()
