"""Edit ▸ Article Language and Direction: correct what detection found on import.

The dialog only asks; the window applies the answer as an undoable command."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from factcheck.core.language import parse_language

# Offered in the list; any other BCP 47 tag can be typed.
COMMON_LANGUAGES = (
    ("ar", "Arabic"), ("de", "German"), ("en", "English"), ("es", "Spanish"),
    ("fa", "Persian"), ("fr", "French"), ("he", "Hebrew"), ("ja", "Japanese"),
    ("ko", "Korean"), ("ku", "Kurdish"), ("ru", "Russian"), ("tr", "Turkish"),
    ("uk", "Ukrainian"), ("ur", "Urdu"), ("zh", "Chinese"),
)  # fmt: skip
DIRECTION_CHOICES = (
    ("auto", "Each paragraph by its first letter"),
    ("rtl", "Right to left"),
    ("ltr", "Left to right"),
)


class LanguageDialog(QDialog):
    def __init__(self, language: str, direction: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Article Language and Direction")
        self.language = QComboBox(self)
        self.language.setEditable(True)
        self.language.setAccessibleName("Language")
        for code, name in COMMON_LANGUAGES:
            self.language.addItem(f"{code} — {name}", code)
        self.language.setEditText(language)
        self.direction = QComboBox(self)
        self.direction.setAccessibleName("Paragraph direction")
        for code, label in DIRECTION_CHOICES:
            self.direction.addItem(label, code)
        self.direction.setCurrentIndex(max(0, self.direction.findData(direction)))
        self.error = QLabel("", self)
        self.error.setObjectName("languageError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Language:", self.language)
        form.addRow("&Direction:", self.direction)
        form.addRow(self.error)
        form.addRow(buttons)

    def chosen_language(self) -> str:
        """The tag typed or picked ("ar — Arabic" counts as "ar"); raises ValueError."""
        text = self.language.currentText().split("—")[0]
        return parse_language(text)

    def chosen_direction(self) -> str:
        return str(self.direction.currentData())

    def accept(self) -> None:
        try:
            self.chosen_language()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
