"""The open article's suggested claims as a list under the claim list, best first.

A collapsible section, folded at first: its header button shows the count and unfolds\nthe list.
Enter or a double-click on a row asks for that suggestion to be chosen (the window
selects the sentence in the reader); the Accept and Reject buttons (or the window's
Ctrl+Shift+M and Ctrl+Shift+K) accept or reject the chosen one. The list only shows
and asks: the window's suggestion controller decides, and the session writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

EXCERPT = 110  # characters of the sentence shown in a row (the tooltip has it all)


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


class SuggestionList(QWidget):
    """``activated(index)``: a row was chosen (index into the items given);
    ``acceptRequested()`` / ``rejectRequested()``: the buttons."""

    activated = Signal(int)
    acceptRequested = Signal()
    rejectRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Suggested claims")
        self._count = 0
        self._showing = False
        self.header = QToolButton()
        self.header.setObjectName("suggestionsHeader")
        self.header.setCheckable(True)
        self.header.setChecked(False)  # folded until asked for: the editor keeps its room
        self.header.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header.setAutoRaise(True)
        self.header.setAccessibleName("Show or hide the suggested claims list")
        self.header.toggled.connect(self._on_expanded)
        self.list = QListWidget()
        self.list.setObjectName("suggestionList")
        self.list.setAccessibleName("Suggested claims, best first")
        self.list.setWordWrap(False)
        self.list.setUniformItemSizes(True)
        self.list.itemActivated.connect(self._on_activated)  # Enter, double-click
        self.list.installEventFilter(self)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setObjectName("acceptSuggestion")
        self.accept_button.setToolTip("Make the chosen suggestion a claim (Ctrl+Shift+M)")
        self.accept_button.clicked.connect(self.acceptRequested)
        self.reject_button = QPushButton("Reject")
        self.reject_button.setObjectName("rejectSuggestion")
        self.reject_button.setToolTip("Hide the chosen suggestion for good (Ctrl+Shift+K)")
        self.reject_button.clicked.connect(self.rejectRequested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.list)
        body_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.body)
        self.body.setVisible(False)
        self.set_items([], showing=False)

    # --- content ---------------------------------------------------------------------

    def set_items(self, items: Sequence[tuple[str, str, str]], *, showing: bool) -> None:
        """``items``: (sentence, reason, claimant) best first. ``showing``: whether
        suggestions are switched on (off, the list says how to switch them on)."""
        self._showing = showing
        self._count = len(items)
        self.list.clear()
        for sentence, reason, claimant in items:
            item = QListWidgetItem(_excerpt(sentence))
            who = f"\nClaimant: {claimant}" if claimant else ""
            item.setToolTip(f"{sentence.strip()}\n\n{reason}{who}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{_excerpt(sentence)} — {reason}")
            self.list.addItem(item)
        if not showing:
            self.list.addItem(self._note("Show suggested claims (Ctrl+Shift+G) to list them"))
        elif not items:
            self.list.addItem(self._note("No suggested claims in this article"))
        self.accept_button.setEnabled(False)
        self.reject_button.setEnabled(False)
        self._update_header()

    @staticmethod
    def _note(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def count(self) -> int:
        return self._count

    def set_current(self, index: int | None) -> None:
        """Show ``index`` as the chosen suggestion (None: none chosen)."""
        self.list.blockSignals(True)
        if index is None or not 0 <= index < self._count:
            self.list.setCurrentRow(-1)
            self.list.clearSelection()
        else:
            self.list.setCurrentRow(index)
            self.list.scrollToItem(self.list.item(index))
        self.list.blockSignals(False)
        chosen = index is not None and 0 <= index < self._count
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)

    # --- folding -----------------------------------------------------------------------

    def set_expanded(self, on: bool) -> None:
        self.header.setChecked(on)

    def expanded(self) -> bool:
        return self.header.isChecked()

    def _on_expanded(self, on: bool) -> None:
        self.body.setVisible(on)
        self._update_header()

    def _update_header(self) -> None:
        arrow = Qt.ArrowType.DownArrow if self.header.isChecked() else Qt.ArrowType.RightArrow
        self.header.setArrowType(arrow)
        count = f" ({self._count})" if self._showing else ""
        self.header.setText(f"Suggested claims{count}")

    # --- choosing ----------------------------------------------------------------------

    def _on_activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < self._count:
            self.activated.emit(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the current row chooses it even when the style does not activate on
        # Enter (Delete stays the window's Delete Claim; Ctrl+Shift+K rejects).
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                row = self.list.currentRow()
                if 0 <= row < self._count:
                    self.activated.emit(row)
                    return True
        return super().eventFilter(watched, event)
