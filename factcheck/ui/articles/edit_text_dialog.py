"""Edit > Edit article text…: change an article's text, preview the changes, save them
as a new revision.

Three steps in one dialog: the plain-text editor; the preview of old versus new (nothing
is saved before the reviewer has seen it); the outcome, saying how each claim was
placed on the new text and how many now wait for review. Saving goes through the
session (an undoable command over :func:`factcheck.store.ops.create_revision`); the
window refreshes from the change the session emits. The dialog writes nothing itself.
The edit starts from the text shown when the dialog opened: if that text is replaced
meanwhile (an import, another window), saving is refused rather than applied to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from factcheck.ui.common import text_diff
from factcheck.ui.common.settings import remember_geometry
from factcheck.ui.session.session import Session

if TYPE_CHECKING:
    from factcheck.store.change import RevisionResult

EDIT, PREVIEW, DONE = 0, 1, 2


def editor_text(editor: QPlainTextEdit) -> str:
    """The editor's text exactly as typed. ``toPlainText`` would turn non-breaking spaces
    into plain ones; the raw text keeps them and only needs Qt's paragraph separators
    turned back into line breaks."""
    return editor.document().toRawText().replace("\u2029", "\n")


W = TypeVar("W", bound=QWidget)


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _is_dark(widget: QWidget) -> bool:
    """Dark text background? (The palette says, whether the system or the user chose.)"""
    return widget.palette().color(QPalette.ColorRole.Base).lightness() < 128


class EditTextDialog(QDialog):
    """Edit an article's text; Save makes it a new revision and re-anchors the claims."""

    revisionCreated = Signal(object)  # the ops.RevisionResult, once saved

    def __init__(self, session: Session, article_id: int,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._session = session
        self._article_id = article_id
        article = session.article(article_id)
        self._old = article.text
        self._base_hash = article.content_hash
        self._number = session.current_revision_number(article_id)
        self.result_revision: RevisionResult | None = None
        self.setWindowTitle(f"Edit article text — {article.title}")
        self.setObjectName("editTextDialog")
        self.resize(820, 640)
        remember_geometry(self, "edit_text")

        self.editor = _named(QPlainTextEdit(), "editor")
        self.editor.setPlainText(self._old)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor.setTabChangesFocus(False)
        self.diff_view = _named(QTextBrowser(), "diffView")
        self.diff_view.setOpenLinks(False)
        self.diff_summary = _named(QLabel(), "diffSummary")
        self.diff_summary.setWordWrap(True)
        self.outcome = _named(QLabel(), "outcome")
        self.outcome.setWordWrap(True)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.status = _named(QLabel(), "status")
        self.status.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._page(
            _wrapped(f"Revision {self._number} of article {article_id}. Edit the text; your "
                     "claims are placed on the new text when you save."),
            self.editor,
        ))  # fmt: skip
        self.stack.addWidget(self._page(
            _wrapped("Review the changes before saving: deleted text is struck through, "
                     "inserted text underlined."),
            self.diff_summary, self.diff_view,
        ))  # fmt: skip
        self.stack.addWidget(self._page(self.outcome))

        self.cancel_button = _named(QPushButton("Cancel"), "cancelButton")
        self.back_button = _named(QPushButton("Back to editing"), "backButton")
        self.preview_button = _named(QPushButton("Preview changes…"), "previewButton")
        self.save_button = _named(QPushButton("Save revision"), "saveButton")
        self.close_button = _named(QPushButton("Close"), "closeButton")
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self._back)
        self.preview_button.clicked.connect(self._preview)
        self.save_button.clicked.connect(self._save)
        self.close_button.clicked.connect(self.accept)
        self._next_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self._next_shortcut.activated.connect(self._next_step)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for b in (self.cancel_button, self.back_button, self.preview_button, self.save_button,
                  self.close_button):  # fmt: skip
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._show_step(EDIT)
        self.editor.setFocus()

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        for i, w in enumerate(widgets):
            box.addWidget(w, 1 if i == len(widgets) - 1 else 0)  # the last one grows
        return page

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        self.cancel_button.setVisible(step != DONE)
        self.back_button.setVisible(step == PREVIEW)
        self.preview_button.setVisible(step == EDIT)
        self.save_button.setVisible(step == PREVIEW)
        self.close_button.setVisible(step == DONE)
        default = {EDIT: self.preview_button, PREVIEW: self.save_button,
                   DONE: self.close_button}[step]  # fmt: skip
        default.setDefault(True)

    def reject(self) -> None:
        """Escape or the close box after saving still reports the saved revision."""
        if self.result_revision is not None:
            self.accept()
        else:
            super().reject()

    def _next_step(self) -> None:
        if self.stack.currentIndex() == EDIT:
            self._preview()
        elif self.stack.currentIndex() == PREVIEW:
            self._save()

    def new_text(self) -> str:
        return editor_text(self.editor)

    def _preview(self) -> None:
        new = self.new_text()
        if not new.strip():
            self.status.setText("The text is empty: an article needs some text.")
            return
        if new == self._old:
            self.status.setText("No changes to save.")
            return
        self.status.clear()
        changes = text_diff.hunks(self._old, new)
        counts = self._session.predict_placements(self._article_id, new)
        total = sum(counts.values())
        claims = (
            f"Your {total} claim{'s' if total != 1 else ''} would be placed: "
            + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + "."
            if total else "The article has no claims."
        )
        self.diff_summary.setText(f"{text_diff.summary(changes)} {claims}")
        colors = text_diff.DARK if _is_dark(self.diff_view) else text_diff.LIGHT
        self.diff_view.setHtml(text_diff.diff_html(self._old, new, colors))
        self._show_step(PREVIEW)
        self.save_button.setFocus()

    def _back(self) -> None:
        self.status.clear()
        self._show_step(EDIT)
        self.editor.setFocus()

    def _save(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        refusal: list[str] = []
        self._session.failed.connect(refusal.append)
        try:
            result = self._session.edit_text(self._article_id, self.new_text(), self._base_hash)
        finally:
            self._session.failed.disconnect(refusal.append)
            QGuiApplication.restoreOverrideCursor()
        if result is None:
            self.status.setText(refusal[-1] if refusal else "The text was not saved.")
            return
        self.result_revision = result
        self.outcome.setText(self._outcome_text(result))
        self.status.clear()
        self._show_step(DONE)
        self.close_button.setFocus()
        self.revisionCreated.emit(result)

    @staticmethod
    def _outcome_text(result: RevisionResult) -> str:
        c = result.counts
        total = sum(c.values())
        lines = [f"<p><b>Saved as revision {result.number}.</b></p>"]
        if total == 0:
            lines.append("<p>The article has no claims to place.</p>")
        else:
            lines.append(
                f"<p>{total} claim{'s' if total != 1 else ''} placed on the new text:</p><ul>"
                f"<li>{c['exact']} exact (unchanged text)</li>"
                f"<li>{c['moved']} moved (same words, elsewhere)</li>"
                f"<li>{c['fuzzy']} fuzzy (the words changed a little)</li>"
                f"<li>{c['orphaned']} orphaned (the words are gone)</li></ul>"
            )
            review = c["fuzzy"] + c["orphaned"]
            if review:
                claims = f"{review} claim needs" if review == 1 else f"{review} claims need"
                lines.append(
                    f"<p>{claims} your review: confirm each fuzzy claim, re-attach or delete "
                    "each orphaned one. Nothing has been deleted.</p>"
                )
        return "".join(lines)
