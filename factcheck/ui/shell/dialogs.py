"""Menu commands whose dialogs live in their own modules (export, text edit, paste).

Each dialog is imported only when its command is chosen, so the window starts without
them and still works (with a message) in a build that lacks one. Dialogs are given the
session and edit only through it; the window refreshes from the change it emits.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtWidgets import QDialog, QWidget

from factcheck.ui.common.messages import show_message

if TYPE_CHECKING:
    from factcheck.core.model import Article
    from factcheck.ui.session.session import Session


class MainWindow(Protocol):
    """What these commands need of the window (it implements it; no import cycle)."""

    session: Session | None
    article: Article | None
    reviewer: str

    def open_article(self, article_id: int, *, claim_id: int | None = None) -> None: ...


def _dialog_class(window: MainWindow, module: str, name: str, what: str) -> Any:
    """The dialog class ``name`` from ``factcheck.ui.<module>``, imported on first use;
    None (after telling the user) when this build lacks it."""
    try:
        return getattr(importlib.import_module(f"factcheck.ui.{module}"), name)
    except ImportError as exc:
        message = f"{what} is not available in this installation ({exc})."
        show_message(cast("QWidget", window), what, message, error=True)
        return None


def export_report(window: MainWindow) -> None:
    """File ▸ Export Report: the whole project, or the open article."""
    if window.session is None:
        return
    dialog = _dialog_class(window, "export.export_dialog", "ExportDialog", "Exporting a report")
    if dialog is not None:
        chosen = [window.article.id] if window.article is not None else None
        dialog(window.session, chosen, window).exec()


def sync_project(window: MainWindow) -> None:
    """File ▸ Sync with Shared Folder."""
    if window.session is None:
        return
    dialog = _dialog_class(window, "shell.sync_dialog", "SyncDialog", "Syncing")
    if dialog is not None:
        dialog(window.session, window).exec()


def curate(window: MainWindow) -> None:
    """Claim ▸ Curate Disagreements."""
    if window.session is None:
        return
    dialog = _dialog_class(window, "claims.curation_dialog", "CurationDialog",
                           "Curating disagreements")  # fmt: skip
    if dialog is not None:
        dialog(window.session, window).exec()


def edit_article_text(window: MainWindow) -> None:
    """Edit ▸ Edit Article Text: a new revision of the open article's text."""
    if window.session is None or window.article is None:
        return
    dialog_class = _dialog_class(
        window, "articles.edit_text_dialog", "EditTextDialog", "Editing the article text"
    )
    if dialog_class is None:
        return
    # The dialog saves through the session (an undoable command); the window
    # refreshes from the change it emits, as after any other edit.
    dialog_class(window.session, window.article.id, window).exec()


def paste_article(window: MainWindow) -> None:
    """File ▸ New Article from Clipboard."""
    if window.session is None:
        return
    dialog_class = _dialog_class(
        window, "articles.paste_dialog", "PasteDialog", "Creating an article from the clipboard"
    )
    if dialog_class is None:
        return
    dialog = dialog_class(window.session, window)
    if dialog.exec() == QDialog.DialogCode.Accepted and dialog.article_id is not None:
        window.open_article(dialog.article_id)


def edit_article_language(window: MainWindow) -> None:
    """Edit ▸ Article Language and Direction (undoable, through the session)."""
    if window.session is None or window.article is None:
        return
    dialog_class = _dialog_class(window, "articles.language_dialog", "LanguageDialog",
                                 "Setting the article language")  # fmt: skip
    if dialog_class is None:
        return
    article = window.article
    dialog = dialog_class(article.language, article.direction, cast("QWidget", window))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.session.set_article_language(article.id, dialog.chosen_language(),
                                            dialog.chosen_direction())  # fmt: skip
