"""File > New article from clipboard: the clipboard's text as a new article.

The text is prefilled from the clipboard and stays editable; title and URL are asked
for (suggested from the text when it names them). Import goes through
the session (:meth:`Session.import_drafts`), so a pasted text already in the project
is reported as a duplicate, and one whose URL is an existing article's becomes a new
revision of it. The outcome is in :attr:`PasteDialog.report` and
:attr:`PasteDialog.article_id` and is sent by :attr:`PasteDialog.imported`.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.article_text import read_metadata
from factcheck.core.model import ArticleDraft
from factcheck.errors import FactcheckError
from factcheck.store.import_report import ImportReport, Outcome
from factcheck.ui.articles.edit_text_dialog import editor_text
from factcheck.ui.common.settings import remember_geometry
from factcheck.ui.session.session import Session

W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


class PasteDialog(QDialog):
    """Ask for a title and URL for the clipboard's text and import it as an article."""

    imported = Signal(object)  # the ImportReport, once the article is in the project

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.report: ImportReport | None = None
        self.article_id: int | None = None
        self.setWindowTitle("New article from clipboard")
        self.setObjectName("pasteDialog")
        self.resize(720, 560)
        remember_geometry(self, "paste")

        pasted = QGuiApplication.clipboard().text()
        meta = read_metadata(pasted, fallback_title="") if pasted.strip() else None
        self.title_edit = _named(QLineEdit(meta.title if meta else ""), "titleEdit")
        self.title_edit.setPlaceholderText("Headline of the article (required)")
        self.url_edit = _named(QLineEdit(meta.url if meta else ""), "urlEdit")
        self.url_edit.setPlaceholderText("https://… (where the text was copied from)")
        self.text_edit = _named(QPlainTextEdit(), "textEdit")
        self.text_edit.setPlainText(pasted)
        self.text_edit.setPlaceholderText("The clipboard holds no text. Paste or type it here.")
        self.status = _named(QLabel(), "status")
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow("&Title:", self.title_edit)
        form.addRow("&URL:", self.url_edit)
        text_label = QLabel("Te&xt:")
        text_label.setBuddy(self.text_edit)

        self.cancel_button = _named(QPushButton("Cancel"), "cancelButton")
        self.import_button = _named(QPushButton("Import"), "importButton")
        self.import_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.import_button.clicked.connect(self._import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(text_label)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(buttons)

        for signal in (self.title_edit.textChanged, self.text_edit.textChanged):
            signal.connect(self._update_enabled)
        self._update_enabled()
        (self.title_edit if not self.title_edit.text() else self.url_edit).setFocus()

    def _update_enabled(self) -> None:
        ok = bool(self.title_edit.text().strip()) and bool(editor_text(self.text_edit).strip())
        self.import_button.setEnabled(ok)

    def draft(self) -> ArticleDraft:
        """The article as the dialog now describes it."""
        text = editor_text(self.text_edit)
        meta = read_metadata(text, fallback_title="")
        return ArticleDraft(
            title=self.title_edit.text().strip(),
            text=text,
            outlet=meta.outlet,
            url=self.url_edit.text().strip(),
            author=meta.author,
            published=meta.published,
        )

    def _import(self) -> None:
        draft = self.draft()
        if not draft.title or not draft.text.strip():
            self.status.setText("An article needs a title and some text.")
            return
        if draft.url and not draft.url.lower().startswith(("http://", "https://")):
            self.status.setText("The URL should start with http:// or https://")
            self.url_edit.setFocus()
            return
        try:
            report = self._session.import_drafts([draft])
        except FactcheckError as exc:
            self.status.setText(str(exc))
            return
        (result,) = report.results
        self.report = report
        self.article_id = result.article_id
        if result.outcome is Outcome.DUPLICATE:
            # Nothing new was written; say so and let the reviewer close or change the text.
            self.status.setText(f"This text is already in the project (article "
                                f"{result.article_id}).")  # fmt: skip
            self.imported.emit(report)
            return
        self.imported.emit(report)
        self.accept()
