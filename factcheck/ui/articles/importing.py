"""Importing dropped or chosen files, with progress and the importer's own messages.

The importer reads every file before it writes anything, so cancelling during the read
leaves the project untouched. Refused files are listed one per line, exactly as the
command line prints them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog, QWidget

from factcheck.ui.common.messages import show_message

if TYPE_CHECKING:
    from factcheck.ui.session.session import Session

PROGRESS_AFTER_FILES = 5  # smaller imports finish before a dialog would be noticed


class _Cancelled(Exception):
    pass


def run_import(parent: QWidget, session: Session, paths: list[Path]) -> int | None:
    """Import ``paths``; report the outcome; return the first new article's id."""
    from factcheck.store.import_report import Outcome

    dialog: QProgressDialog | None = None
    if len(paths) >= PROGRESS_AFTER_FILES or any(p.is_dir() for p in paths):
        dialog = QProgressDialog("Reading files…", "Cancel", 0, 0, parent)
        dialog.setWindowTitle("Importing articles")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

    def progress(done: int, total: int, name: str) -> None:
        if dialog is None:
            return
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(f"Reading {name}…" if name else "Saving…")
        QApplication.processEvents()
        if dialog.wasCanceled() and done < total:
            raise _Cancelled

    try:
        report = session.import_paths(paths, progress)
    except _Cancelled:
        _status(parent, "Import cancelled; nothing was added")
        return None
    finally:
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
    refused = [r.message for r in report.results if r.outcome is Outcome.REFUSED]
    summary = report.summary()
    _status(parent, summary)
    if refused:
        shown = refused[:20] + ([f"… and {len(refused) - 20} more"] if len(refused) > 20 else [])
        show_message(parent, "Some files were not imported",
                     f"{summary}.\n\n" + "\n".join(shown), error=True,
                     details="\n".join(r.message for r in report.results))  # fmt: skip
    created = [r.article_id for r in report.results
               if r.outcome is Outcome.IMPORTED and r.article_id is not None]  # fmt: skip
    return created[0] if created else None


def _status(parent: QWidget, message: str) -> None:
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(message, 8000)
