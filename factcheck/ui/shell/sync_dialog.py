"""File ▸ Sync with Shared Folder: send this copy's changes to a folder the reviewers
share, and take in theirs, with progress. The folder is remembered per project.

Everything runs on the GUI thread (the project's connection stays on the thread that
opened it); a pull reports progress file by file and keeps the window painting.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.errors import FactcheckError
from factcheck.ui.common.settings import WindowSettings, remember_geometry

if TYPE_CHECKING:
    from factcheck.ui.session.session import Session


class SyncDialog(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Sync with Shared Folder")
        self.folder = QLineEdit(WindowSettings().sync_folder(session.path))
        self.folder.setObjectName("sync_folder")
        self.folder.setPlaceholderText("A folder every reviewer can reach")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        self.export_button = QPushButton("&Send My Changes")
        self.export_button.setObjectName("sync_export")
        self.export_button.setToolTip("Write your changes since the last sync into the folder")
        self.export_button.clicked.connect(self.export)
        self.pull_button = QPushButton("&Get Others' Changes")
        self.pull_button.setObjectName("sync_pull")
        self.pull_button.setToolTip("Apply the other reviewers' changes, once each")
        self.pull_button.clicked.connect(self.pull)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.message = QLabel(
            "Send your changes, then get the others'. What cannot be merged waits in "
            "Claim ▸ Curate Disagreements."
        )
        self.message.setObjectName("sync_result")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.pull_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Shared folder:"))
        layout.addLayout(row)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 220)
        remember_geometry(self, "sync")

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Shared folder", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _chosen(self) -> Path | None:
        text = self.folder.text().strip()
        if not text:
            self.message.setText("Choose the shared folder first.")
            return None
        WindowSettings().set_sync_folder(self.session.path, text)
        return Path(text).expanduser()

    def export(self) -> None:
        folder = self._chosen()
        if folder is None:
            return
        try:
            done = self.session.sync_export(folder)
        except FactcheckError as exc:
            self.message.setText(f"Not sent: {exc}")
            return
        if done.path is None:
            self.message.setText("Nothing to send: no changes since the last sync.")
        else:
            self.message.setText(f"Sent {done.changes} changes as {done.path.name}.")

    def pull(self) -> None:
        folder = self._chosen()
        if folder is None:
            return
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.pull_button.setEnabled(False)

        def step(done: int, total: int, _name: str) -> None:
            self.progress.setRange(0, max(1, total))
            self.progress.setValue(done)
            QApplication.processEvents()

        try:
            result = self.session.sync_pull(folder, step)
        except FactcheckError as exc:
            self.message.setText(f"Nothing applied: {exc}")
            return
        finally:
            self.pull_button.setEnabled(True)
            self.progress.setVisible(False)
        lines = []
        if result.applied:
            who = ", ".join(dict.fromkeys(f.reviewer for f in result.applied))
            lines.append(f"Applied {len(result.applied)} files from {who}: "
                         f"{result.changes} changes, {result.conflicts} conflicts.")  # fmt: skip
            if result.conflicts:
                lines.append("The conflicts wait in Claim ▸ Curate Disagreements.")
        elif not result.refused:
            lines.append("Nothing new: every file in the folder is already applied.")
        lines += [f"Refused: {line}" for line in result.refused]
        self.message.setText("\n".join(lines))
