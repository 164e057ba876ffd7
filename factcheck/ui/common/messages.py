"""Telling the user something: message boxes that never block the event loop.

Boxes are opened window-modal with ``open()`` rather than ``exec()``, so a message shown
from a slot (or from the exception hook) never starts a nested event loop, and tests can
find and close them.

Qt is imported at the first message, not with this module: the window's first frame
waits for every module it imports (see :mod:`factcheck.ui.shell.main_window`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

_UNOWNED: set[QMessageBox] = set()


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = False,
                 details: str = "") -> QMessageBox:  # fmt: skip
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setAccessibleName(title)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns it on the C++ side: keep it alive until closed
        _UNOWNED.add(box)
        box.finished.connect(lambda _r: _UNOWNED.discard(box))
    box.open()
    return box
