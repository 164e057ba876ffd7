"""The bar above the panes saying the project cannot be saved to.

A project on a read-only disk, in a read-only folder, in a read-only file or on a full
disk opens read-only (see :mod:`factcheck.store.project`): everything can be read,
searched and exported, and no edit can be saved. The window says so once, in this bar,
for as long as the project is open; an edit tried anyway gets a line in the status bar,
not a message box per edit.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QWidget

from factcheck.ui.common.theme import palette_is_dark

_LIGHT = ("#e8eef8", "#1d2c45", "#9fb3d6")  # background, text, border
_DARK = ("#1f2a3c", "#dbe6fa", "#4a5f85")


class ReadOnlyBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setAccessibleName("Project is read-only")
        self.message = QLabel()
        self.message.setObjectName("readOnlyBannerText")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        self.restyle()
        self.hide()

    def show_reason(self, path: str, reason: str) -> None:
        """Say that the project at ``path`` is read-only, and why (``reason``)."""
        why = f" ({reason})" if reason else ""
        self.message.setText(f"This project is read-only{why}: you can read, search and "
                             f"export, but edits cannot be saved. {path}")  # fmt: skip
        self.message.setToolTip(path)
        self.show()

    def restyle(self) -> None:
        bg, fg, border = _DARK if palette_is_dark(QApplication.palette()) else _LIGHT
        sheet = (f"QFrame#readOnlyBanner {{ background: {bg}; border-bottom: 1px solid "
                 f"{border}; }} QLabel#readOnlyBannerText {{ color: {fg}; }}")  # fmt: skip
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)
