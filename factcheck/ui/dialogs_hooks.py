"""Menu commands whose dialogs live in their own modules (export, text edit, paste).

Each dialog is imported only when its command is chosen, so the window starts without
them and still works (with a message) in a build that lacks one. After a dialog that
wrote to the project, the window re-reads what it shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from factcheck.ui.messages import show_message

if TYPE_CHECKING:
    from factcheck.ui.window_commands import WindowCommands as MainWindow


def _unavailable(window: MainWindow, what: str, exc: ImportError) -> None:
    show_message(window, what, f"{what} is not available in this installation ({exc}).",
                 error=True)  # fmt: skip


def export_report(window: MainWindow) -> None:
    """File ▸ Export Report: the whole project, or the open article."""
    if window.session is None:
        return
    try:
        from factcheck.ui.export_dialog import ExportDialog
    except ImportError as exc:
        _unavailable(window, "Exporting a report", exc)
        return
    chosen = [window.article.id] if window.article is not None else None
    ExportDialog(window.session.db, chosen, window).exec()


def edit_article_text(window: MainWindow) -> None:
    """Edit ▸ Edit Article Text: a new revision of the open article's text."""
    if window.session is None or window.article is None:
        return
    try:
        from factcheck.ui.edit_text_dialog import EditTextDialog
    except ImportError as exc:
        _unavailable(window, "Editing the article text", exc)
        return
    article_id = window.article.id
    dialog = EditTextDialog(window.session.db, article_id, window.reviewer, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.reload_after_outside_edit(article_id)


def paste_article(window: MainWindow) -> None:
    """File ▸ New Article from Clipboard."""
    if window.session is None:
        return
    try:
        from factcheck.ui.paste_dialog import PasteDialog
    except ImportError as exc:
        _unavailable(window, "Creating an article from the clipboard", exc)
        return
    dialog = PasteDialog(window.session.db, window.reviewer, window)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.reload_after_outside_edit(getattr(dialog, "article_id", None))
