"""The part of the claim editor for a claim that did not land exactly when the text
changed: what it was, what it is now, and the buttons to settle it.

* approximately placed (``fuzzy``): the quote as marked against the text it now covers
  (an inline word diff) and the score; "Confirm placement" accepts it, "Re-attach to
  selection" moves it to the text selected in the article instead;
* lost (``orphaned``): the quote as marked and the context it had; "Re-attach to
  selection" or "Delete claim".

Like the editor it belongs to, it only emits what the user asked for (with the claim
id, so a late signal cannot hit another claim) and never writes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import Claim
from factcheck.ui.common.actions import ACTIONS
from factcheck.ui.common.resources import icon
from factcheck.ui.common.text_diff import DARK, LIGHT, DiffColors, hunks
from factcheck.ui.common.theme import palette_is_dark


def _keys(action: str) -> str:
    """The first shortcut of a menu command (the action table is the one place keys are
    chosen)."""
    return next((a.shortcuts[0] for a in ACTIONS if a.key == action and a.shortcuts), "")


CONFIRM_KEYS = _keys("confirm_placement")
REATTACH_KEYS = _keys("reattach_claim")


def _short(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quote_diff_html(old: str, new: str, colors: DiffColors = LIGHT) -> str:
    """``new`` with what changed from ``old`` marked inline: deletions struck through,
    insertions underlined (both quotes are short, so no context trimming)."""
    deleted = (f'<span style="background-color:{colors.deleted_bg}; color:{colors.deleted_fg};'
               ' text-decoration: line-through;">{}</span>')  # fmt: skip
    inserted = (f'<span style="background-color:{colors.inserted_bg}; '
                f'color:{colors.inserted_fg}; text-decoration: underline;">{{}}</span>')
    out: list[str] = []
    pos = 0
    for h in hunks(old, new):
        out.append(html.escape(new[pos : h.new_start]))
        if h.old_end > h.old_start:
            out.append(deleted.format(html.escape(old[h.old_start : h.old_end])))
        if h.new_end > h.new_start:
            out.append(inserted.format(html.escape(new[h.new_start : h.new_end])))
        pos = h.new_end
    out.append(html.escape(new[pos:]))
    return "".join(out)


class PlacementPanel(QFrame):
    """Signals carry the claim id: ``confirmRequested``, ``reattachRequested``,
    ``deleteRequested``."""

    confirmRequested = Signal(int)
    reattachRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placementPanel")
        self.setAccessibleName("Placement after the text changed")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._claim: Claim | None = None
        self._has_selection = False
        self.heading = QLabel()
        self.heading.setObjectName("placementHeading")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Placement")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("placementDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName("Quote before and after the text changed")
        self.confirm_button = QPushButton("Confirm placement")
        self.confirm_button.setObjectName("confirmPlacement")
        self.confirm_button.setAccessibleName("Confirm placement")
        self.confirm_button.setToolTip(
            f"The claim is right where it is now: keep it here ({CONFIRM_KEYS})")
        self.reattach_button = QPushButton(icon("mark"), "Re-attach to selection")
        self.reattach_button.setObjectName("reattachClaim")
        self.reattach_button.setAccessibleName("Re-attach to selection")
        self.delete_button = QPushButton(icon("delete"), "Delete claim")
        self.delete_button.setObjectName("deleteLostClaim")
        self.delete_button.setAccessibleName("Delete this claim")
        self.delete_button.setToolTip("Delete the claim: its text is gone (Delete; undoable)")
        self.confirm_button.clicked.connect(lambda: self._emit(self.confirmRequested))
        self.reattach_button.clicked.connect(lambda: self._emit(self.reattachRequested))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.confirm_button, self.reattach_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self.show_claim(None)

    def show_claim(self, claim: Claim | None) -> None:
        """Show the panel for a fuzzy or orphaned claim; hide it for any other."""
        self._claim = claim
        placement = claim.placement if claim is not None else "exact"
        self.setVisible(placement in ("fuzzy", "orphaned"))
        if claim is None or placement not in ("fuzzy", "orphaned"):
            return
        colors = DARK if palette_is_dark(QApplication.palette()) else LIGHT
        if placement == "fuzzy":
            self.heading.setText(f"≈ Placed approximately after the text changed "
                                 f"(score {claim.placement_score:.2f})")  # fmt: skip
            old = claim.original_quote or claim.quote
            self.detail.setText(
                f"<p>Marked as: “{html.escape(_short(old))}”</p>"
                f"<p>Now reads: “{quote_diff_html(_short(old), _short(claim.quote), colors)}”</p>"
                "<p>Confirm if it still says the same thing; otherwise select the right "
                "text in the article and re-attach it.</p>")  # fmt: skip
        else:
            self.heading.setText("Lost after the text changed: its text is no longer "
                                 "in the article")  # fmt: skip
            old = claim.original_quote or claim.quote
            context = (f"…{html.escape(claim.prefix)}<b>{html.escape(_short(old, 200))}</b>"
                       f"{html.escape(claim.suffix)}…")  # fmt: skip
            self.detail.setText(
                f"<p>Marked as: “{html.escape(_short(old))}”</p>"
                f"<p>In context: {context}</p>"
                "<p>Select the text it belongs to in the article and re-attach it, "
                "or delete the claim.</p>")  # fmt: skip
        self.confirm_button.setVisible(placement == "fuzzy")
        self.delete_button.setVisible(placement == "orphaned")
        self._update_reattach()

    def set_selection_available(self, available: bool) -> None:
        """Whether the article has a text selection to re-attach the claim to."""
        self._has_selection = available
        self._update_reattach()

    def _update_reattach(self) -> None:
        self.reattach_button.setEnabled(self._has_selection)
        self.reattach_button.setToolTip(
            f"Move the claim to the text selected in the article ({REATTACH_KEYS}; "
            "the selection snaps to whole words unless you hold Alt)"
            if self._has_selection else "Select the claim's text in the article first")

    def _emit(self, signal: SignalInstance) -> None:
        if self._claim is not None:
            signal.emit(self._claim.id)
