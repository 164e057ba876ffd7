"""The figures board's two tables and the grid's header: Enter or Return opens what is
current, and the header does not measure thousands of sections to size itself."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTableView


class FactGrid(QTableView):
    """The grid view: Enter or Return opens the current cell's figure (``opened``)."""

    opened = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ArticleHeader(QHeaderView):
    """The grid's column header, two lines high whatever its sections hold: Qt would
    otherwise measure the first and last hundred sections each time the board opens."""

    def sizeHint(self) -> QSize:
        return QSize(self.length(), self.fontMetrics().lineSpacing() * 2 + 10)


class Timeline(QTableView):
    """The chosen fact's figures by date: Enter or Return opens the current one."""

    opened = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)
