"""Edit ▸ Manage Tags: the project's tags with their use, and what can be done to them.

Rename, merge into another tag, recolour, describe (the codebook's definition), delete;
import or export a codebook (CSV). Each edit is one undoable step of the session (Undo
works inside the dialog too); the dialog reads the tag list again after every change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.codebook import TagSummary
from factcheck.ui.common.focus import show_focus, tab_leaves
from factcheck.ui.session.session import Session

NAME, CLAIMS, DESCRIPTION = range(3)
CSV_FILTER = "Codebook (*.csv);;All files (*)"


class TagManagerDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Tags")
        self.setObjectName("TagManagerDialog")
        self.session = session
        self._tags: list[TagSummary] = []

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("tagTable")
        self.table.setAccessibleName("Tags of the project")
        self.table.setHorizontalHeaderLabels(["Tag", "Claims", "Description"])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CLAIMS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(NAME, 200)
        tab_leaves(self.table)
        show_focus(self.table)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.rename())

        self.buttons: dict[str, QPushButton] = {}
        side = QVBoxLayout()
        for key, text, slot, tip in (
            ("rename", "&Rename…", self.rename, "Give the tag a new name (F2)"),
            ("merge", "&Merge Into…", self.merge, "Give its claims another tag instead"),
            ("color", "&Colour…", self.recolor, "Choose the tag's colour"),
            ("describe", "De&scribe…", self.describe, "When to use the tag (the codebook)"),
            ("delete", "&Delete", self.delete, "Delete the tag from the project (Delete)"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"tag_{key}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            side.addWidget(button)
            self.buttons[key] = button
        side.addSpacing(12)
        for key, text, slot in (("import", "&Import Codebook…", self.import_codebook),
                                ("export", "E&xport Codebook…", self.export_codebook)):  # fmt: skip
            button = QPushButton(text)
            button.setObjectName(f"codebook_{key}")
            button.clicked.connect(slot)
            side.addWidget(button)
            self.buttons[key] = button
        side.addStretch(1)

        self.status = QLabel()
        self.status.setObjectName("tagStatus")
        self.status.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        layout.addWidget(close)

        # Undo and redo work here as in the window (the dialog is modal).
        for action, keys in ((session.undo_stack.createUndoAction(self, "Undo"), "Ctrl+Z"),
                             (session.undo_stack.createRedoAction(self, "Redo"),
                              "Ctrl+Shift+Z")):  # fmt: skip
            action.setShortcut(QKeySequence(keys))
            self.addAction(action)
        self.buttons["rename"].setShortcut(QKeySequence("F2"))
        self.buttons["delete"].setShortcut(QKeySequence("Delete"))
        session.changed.connect(self._on_change)
        session.failed.connect(self._on_failed)
        self.resize(720, 420)
        self.reload()

    # --- content ---------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        """Read the tags again, keeping ``keep`` (or the current tag) selected."""
        current = keep or self.current_name()
        self._tags = self.session.tag_summaries()
        self.table.setRowCount(len(self._tags))
        for row, tag in enumerate(self._tags):
            swatch = QPixmap(12, 12)
            swatch.fill(QColor(tag.color))
            name = QTableWidgetItem(tag.name)
            name.setIcon(swatch)
            name.setToolTip(f"{tag.name}\n{tag.color}")
            count = QTableWidgetItem(str(tag.count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            description = QTableWidgetItem(" ".join(tag.description.split()))
            description.setToolTip(tag.description)
            for col, item in ((NAME, name), (CLAIMS, count), (DESCRIPTION, description)):
                self.table.setItem(row, col, item)
        names = [t.name.casefold() for t in self._tags]
        if current is not None and current.casefold() in names:
            self.table.selectRow(names.index(current.casefold()))
        elif self._tags:
            self.table.selectRow(0)
        n = len(self._tags)
        self.setWindowTitle(f"Tags ({n})")
        self._update_buttons()

    def current_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self._tags[row].name if 0 <= row < len(self._tags) else None

    def current(self) -> TagSummary | None:
        name = self.current_name()
        return next((t for t in self._tags if t.name == name), None)

    def select(self, name: str) -> None:
        """Make the tag ``name`` the current row (as a click on it would)."""
        for row, tag in enumerate(self._tags):
            if tag.name.casefold() == name.casefold():
                self.table.setCurrentIndex(self.table.model().index(row, NAME, QModelIndex()))
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.current() is not None
        for key in ("rename", "merge", "color", "describe", "delete"):
            self.buttons[key].setEnabled(has)
        self.buttons["merge"].setEnabled(has and len(self._tags) > 1)
        self.buttons["export"].setEnabled(bool(self._tags))

    def _on_change(self, change: object, _focus: object) -> None:
        if getattr(change, "tags", False):
            self.reload()

    def _on_failed(self, message: str) -> None:
        self.status.setText(message)

    # --- edits -----------------------------------------------------------------------

    def rename(self) -> None:
        tag = self.current()
        if tag is None:
            return
        name, ok = QInputDialog.getText(self, "Rename tag", f"New name for “{tag.name}”:",
                                        text=tag.name)  # fmt: skip
        if ok and name.strip() and self.session.rename_tag(tag.name, name):
            self.reload(keep=name.strip())
            self.status.setText(f"Renamed “{tag.name}” to “{name.strip()}”.")

    def merge(self) -> None:
        tag = self.current()
        if tag is None:
            return
        others = [t.name for t in self._tags if t.name != tag.name]
        into, ok = QInputDialog.getItem(self, "Merge tags",
                                        f"Give the {tag.count} claims tagged “{tag.name}” "
                                        "this tag instead:", others, 0, False)  # fmt: skip
        if ok and into and self.session.merge_tags(tag.name, into):
            self.reload(keep=into)
            self.status.setText(f"Merged “{tag.name}” into “{into}”.")

    def recolor(self) -> None:
        tag = self.current()
        if tag is None:
            return
        color = QColorDialog.getColor(QColor(tag.color), self, f"Colour of “{tag.name}”")
        if color.isValid() and self.session.set_tag_color(tag.name, color.name()):
            self.reload(keep=tag.name)

    def describe(self) -> None:
        tag = self.current()
        if tag is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Describe tag",
                                                 f"When to use “{tag.name}”:",
                                                 tag.description)  # fmt: skip
        if ok and self.session.set_tag_description(tag.name, text.strip()):
            self.reload(keep=tag.name)

    def delete(self) -> None:
        tag = self.current()
        if tag is not None and self.session.delete_tag(tag.name):
            self.status.setText(f"Deleted “{tag.name}” from {tag.count} claim"
                                f"{'s' if tag.count != 1 else ''} (Ctrl+Z brings it "
                                "back).")  # fmt: skip

    def import_codebook(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import codebook", "", CSV_FILTER)
        if name:
            summary = self.session.import_codebook(Path(name))
            if summary is not None:
                self.reload()
                self.status.setText(f"{Path(name).name}: {summary}.")

    def export_codebook(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export codebook", "codebook.csv",
                                              CSV_FILTER)  # fmt: skip
        if name:
            summary = self.session.export_codebook(Path(name))
            if summary is not None:
                self.status.setText(summary + ".")

    def done(self, result: int) -> None:
        self.session.changed.disconnect(self._on_change)
        self.session.failed.disconnect(self._on_failed)
        super().done(result)
