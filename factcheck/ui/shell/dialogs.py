"""Menu commands whose dialogs live in their own modules (export, text edit, paste).

Each dialog is imported only when its command is chosen, so the window starts without
them and still works (with a message) in a build that lacks one. Dialogs are given the
session and edit only through it; the window refreshes from the change it emits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtWidgets import QDialog, QWidget

from factcheck.ui.common.messages import show_message

if TYPE_CHECKING:
    from factcheck.core.model import Article
    from factcheck.ui.session.session import Session


class MainWindow(Protocol):
    """What these commands need of the window (it implements it; no import cycle)."""

    session: Session | None
    reviewer: str

    @property
    def article(self) -> Article | None: ...
    def open_article(self, article_id: int, *, claim_id: int | None = None) -> None: ...


def _unavailable(window: MainWindow, what: str, exc: ImportError) -> None:
    """Tell the user this build lacks the dialog for ``what``."""
    message = f"{what} is not available in this installation ({exc})."
    show_message(cast("QWidget", window), what, message, error=True)


def export_report(window: MainWindow) -> None:
    """File ▸ Export Report: the whole project, or the open article."""
    if window.session is None:
        return
    try:
        from factcheck.ui.export.export_dialog import ExportDialog
    except ImportError as exc:
        _unavailable(window, "Exporting a report", exc)
        return
    chosen = [window.article.id] if window.article is not None else None
    ExportDialog(window.session, chosen, cast("QWidget", window)).exec()


def sync_project(window: MainWindow) -> None:
    """File ▸ Sync with Shared Folder."""
    if window.session is None:
        return
    try:
        from factcheck.ui.shell.sync_dialog import SyncDialog
    except ImportError as exc:
        _unavailable(window, "Syncing", exc)
        return
    SyncDialog(window.session, cast("QWidget", window)).exec()


def curate(window: MainWindow) -> None:
    """Claim ▸ Curate Disagreements."""
    if window.session is None:
        return
    try:
        from factcheck.ui.claims.curation_dialog import CurationDialog
    except ImportError as exc:
        _unavailable(window, "Curating disagreements", exc)
        return
    CurationDialog(window.session, cast("QWidget", window)).exec()


def edit_article_text(window: MainWindow) -> None:
    """Edit ▸ Edit Article Text: a new revision of the open article's text."""
    if window.session is None or window.article is None:
        return
    try:
        from factcheck.ui.articles.edit_text_dialog import EditTextDialog
    except ImportError as exc:
        _unavailable(window, "Editing the article text", exc)
        return
    # The dialog saves through the session (an undoable command); the window
    # refreshes from the change it emits, as after any other edit.
    EditTextDialog(window.session, window.article.id, cast("QWidget", window)).exec()


def paste_article(window: MainWindow) -> None:
    """File ▸ New Article from Clipboard."""
    if window.session is None:
        return
    try:
        from factcheck.ui.articles.paste_dialog import PasteDialog
    except ImportError as exc:
        _unavailable(window, "Creating an article from the clipboard", exc)
        return
    dialog = PasteDialog(window.session, cast("QWidget", window))
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.article_id is not None:
        window.open_article(dialog.article_id)


def edit_article_language(window: MainWindow) -> None:
    """Edit ▸ Article Language and Direction (undoable, through the session)."""
    if window.session is None or window.article is None:
        return
    try:
        from factcheck.ui.articles.language_dialog import LanguageDialog
    except ImportError as exc:
        _unavailable(window, "Setting the article language", exc)
        return
    article = window.article
    dialog = LanguageDialog(article.language, article.direction, cast("QWidget", window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.session.set_article_language(article.id, dialog.chosen_language(),
                                            dialog.chosen_direction())  # fmt: skip
