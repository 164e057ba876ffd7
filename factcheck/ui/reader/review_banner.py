"""The bar above the article that says claims wait for review after the text changed.

Shown while the open article has approximately placed (fuzzy) or lost (orphaned)
claims; nothing is dropped silently, so the reviewer is told until each one is
confirmed, re-attached or deleted. "Show them" asks the window to filter the claim list
to those claims; the close button hides the bar for this article until more claims wait
than at any time since it was hidden (a new revision, an undo) or another article is
opened.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from factcheck.ui.common.placement_style import review_counts, review_summary
from factcheck.ui.common.theme import palette_is_dark

_LIGHT = ("#fff4d6", "#4d3800", "#e0b84a")  # background, text, border
_DARK = ("#4a3b12", "#ffe8a8", "#8f7426")


class ReviewBanner(QFrame):
    """``showRequested()`` when the reviewer asks to see the claims waiting."""

    showRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewBanner")
        self.setAccessibleName("Claims needing review")
        self.message = QLabel()
        self.message.setObjectName("reviewBannerText")
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Claims needing review after the text changed")
        self.show_button = QPushButton("Show them")
        self.show_button.setObjectName("reviewShow")
        self.show_button.setAccessibleName("Show the claims needing review")
        self.show_button.setToolTip("List only the claims to confirm, re-attach or delete")
        self.show_button.clicked.connect(self.showRequested.emit)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setObjectName("reviewDismiss")
        self.close_button.setAccessibleName("Hide this message")
        self.close_button.setToolTip("Hide this message (the claims still wait for review)")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.close_button)
        self._article: int | None = None
        self._waiting = 0
        self._dismissed_at: int | None = None  # how many were waiting when hidden
        self.restyle()
        self.hide()

    def waiting(self) -> int:
        return self._waiting

    def set_counts(self, article_id: int | None, placements: Mapping[str, int]) -> None:
        """Show how many of ``article_id``'s claims wait (claim counts by placement)."""
        if article_id != self._article:
            self._article, self._dismissed_at = article_id, None
        fuzzy, lost = review_counts(placements)
        self._waiting = fuzzy + lost
        if self._dismissed_at is not None:
            if self._waiting > self._dismissed_at:
                self._dismissed_at = None  # more than acknowledged: say so again
            else:
                self._dismissed_at = self._waiting  # fewer: any new one will show it
        self.message.setText(review_summary(placements))
        self.setVisible(self._waiting > 0 and self._dismissed_at is None)

    def dismiss(self) -> None:
        self._dismissed_at = self._waiting
        self.hide()

    def restyle(self) -> None:
        """Amber in the light or dark version, per the application palette (the window
        calls this when the scheme changes: a widget with a style sheet of its own is not
        told when the application palette changes)."""
        bg, fg, border = _DARK if palette_is_dark(QApplication.palette()) else _LIGHT
        sheet = (f"QFrame#reviewBanner {{ background: {bg}; border: 1px solid {border}; "
                 f"border-radius: 4px; }} QLabel#reviewBannerText {{ color: {fg}; }}")  # fmt: skip
        if sheet != self.styleSheet():  # re-polishing changes the palette: no loop
            self.setStyleSheet(sheet)
