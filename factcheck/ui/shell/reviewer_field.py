"""The reviewer's name in the status bar: shown as a flat button; a click (or Space /
Enter on it) turns it into a line edit in place. Return keeps the new name, Escape (or
leaving the field) drops it; an empty name is never taken."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

HINT = "The name recorded on your claims and edits — click to change it"
# Focus that leaves for the field's own context menu or another application comes back:
# the edit stays open.
_STAYING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)


class ReviewerField(QWidget):
    """Signal ``nameChanged(name)`` when the reviewer keeps a new, non-empty name."""

    nameChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewerField")
        self._name = ""
        self.button = QToolButton()
        self.button.setObjectName("reviewerButton")
        self.button.setAutoRaise(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip(HINT)
        self.button.setAccessibleName("Reviewer")
        self.button.setAccessibleDescription(HINT)
        self.button.clicked.connect(self.start_editing)
        self.edit = QLineEdit()
        self.edit.setObjectName("reviewerEdit")
        self.edit.setAccessibleName("Reviewer name")
        self.edit.setPlaceholderText("Your name")
        self.edit.setMaxLength(200)
        self.edit.returnPressed.connect(self._commit)
        self.edit.installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.edit)  # one of the two is shown; the field takes its size
        self.edit.hide()

    def name(self) -> str:
        return self._name

    def set_name(self, name: str) -> None:
        self._name = name
        self.button.setText(f"Reviewer: {name}")
        self._show(self.button)

    def is_editing(self) -> bool:
        return not self.edit.isHidden()

    def _show(self, page: QWidget) -> None:
        other = self.edit if page is self.button else self.button
        page.show()
        other.hide()

    def start_editing(self) -> None:
        self.edit.setText(self._name)
        self.edit.setFixedWidth(max(self.button.sizeHint().width(), 200))
        self._show(self.edit)
        self.edit.selectAll()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _commit(self) -> None:
        name = " ".join(self.edit.text().split())
        self._stop()
        if name and name != self._name:
            self.set_name(name)
            self.nameChanged.emit(name)

    def _stop(self) -> None:
        had_focus = self.edit.hasFocus()
        self._show(self.button)
        if had_focus:
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and self.is_editing():
            if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress \
                    and event.key() == Qt.Key.Key_Escape:  # fmt: skip
                self._stop()
                return True
            if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut \
                    and event.reason() not in _STAYING:  # fmt: skip
                self._show(self.button)  # moving elsewhere in the window drops the edit
        return super().eventFilter(watched, event)
