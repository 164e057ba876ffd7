"""Edit ▸ Edit Article Details: title, outlet, author, date and URL of an article.

The dialog only collects the values (it never writes); the window hands them to the
session, which makes the change one undoable step.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import Article

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def date_problem(value: str) -> str:
    """Why ``value`` is not a date the project can keep ("" when it is fine)."""
    value = value.strip()
    if not value or _DATE.match(value):
        return ""
    return "Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY), or leave it empty."


class ArticleDetailsDialog(QDialog):
    """The article's details in a form; :meth:`values` gives the edited ones."""

    def __init__(self, article: Article, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setObjectName("ArticleDetailsDialog")
        self._article = article
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for key, label, hint in (
            ("title", "&Title", ""),
            ("outlet", "&Outlet", "e.g. NPR, TIME"),
            ("author", "&Author", ""),
            ("published", "&Date", "YYYY-MM-DD"),
            ("url", "&URL", "https://…"),
        ):
            edit = QLineEdit(str(getattr(article, key)))
            edit.setObjectName(f"field_{key}")
            edit.setAccessibleName(label.replace("&", ""))
            edit.setPlaceholderText(hint)
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self._check)
            form.addRow(label, edit)
            self.fields[key] = edit
        self.fields["title"].setMinimumWidth(420)
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Article #{article.id}"))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        problem = ""
        if not self.fields["title"].text().strip():
            problem = "An article needs a title."
        else:
            problem = date_problem(self.fields["published"].text())
        self.problem.setText(problem)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not problem)

    def values(self) -> dict[str, str]:
        """The fields that differ from the article, stripped."""
        out = {}
        for key, edit in self.fields.items():
            value = edit.text().strip()
            if value != getattr(self._article, key):
                out[key] = value
        return out
