"""The editor for the selected claim: quote, verdict, tags, note, evidence, history, and
for a claim that did not land exactly when the text changed, how to settle it
(:class:`~factcheck.ui.claims.placement_panel.PlacementPanel`).

It shows data and emits what the user asked for; it never writes. The note is sent when
the reviewer pauses typing, leaves the field, or moves to another claim, and the label
under it says whether it has been saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.history_text import history_line
from factcheck.core.model import Claim, Evidence, HistoryEntry, Relation, Status
from factcheck.ui.claims.placement_panel import PlacementPanel
from factcheck.ui.common.flow_layout import FlowLayout
from factcheck.ui.common.focus import show_focus, tab_leaves
from factcheck.ui.common.resources import icon

NOTE_IDLE_MS = 1200
CHIP_CHARS = 28
EVIDENCE_ID_ROLE = Qt.ItemDataRole.UserRole
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
VERDICT_KEYS = {Status.CORROBORATED: "Ctrl+1", Status.CONTRADICTED: "Ctrl+2",
                Status.INCONCLUSIVE: "Ctrl+3", Status.UNVERIFIED: "Ctrl+0"}  # fmt: skip
_BY = {Relation.CORROBORATES: "Corroborated by", Relation.CONTRADICTS: "Contradicted by",
       Relation.SAME_AS: "Same as"}  # fmt: skip
_TO = {Relation.CORROBORATES: "Corroborates", Relation.CONTRADICTS: "Contradicts",
       Relation.SAME_AS: "Same as"}  # fmt: skip


def evidence_text(ev: Evidence, claim_id: int, describe: Callable[[int], str]) -> str:
    """How a piece of evidence reads from the claim at hand (links show on both ends)."""
    if ev.kind == "source":
        title = ev.title or ev.url
        accessed = f" (accessed {ev.accessed})" if ev.accessed else ""
        quote = f" — “{ev.quote}”" if ev.quote else ""
        return f"Source: {title}{accessed}{quote}"
    relation = ev.relation or Relation.SAME_AS
    if ev.claim_id == claim_id and ev.target_claim_id is not None:
        return f"{_BY[relation]} {describe(ev.target_claim_id)}"
    return f"{_TO[relation]} {describe(ev.claim_id)}"


def history_text(h: HistoryEntry, describe: Callable[[int], str] = lambda c: f"#{c}") -> str:
    """One line of a claim's history, as a sentence (see :mod:`factcheck.core.history_text`)."""
    return history_line(h, describe)


def chip_text(name: str) -> str:
    """A tag chip's label: long names are cut (the tooltip has the whole name) so one
    long tag never widens the editor past its pane."""
    return (name if len(name) <= CHIP_CHARS else name[: CHIP_CHARS - 1] + "…") + "  ×"


class NoteEdit(QPlainTextEdit):
    """A note field that reports leaving it (so the note is saved then)."""

    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class ClaimEditor(QWidget):
    """Signals carry the claim id they concern, so a late signal can't hit another claim."""

    statusChosen = Signal(int, str)
    tagAdded = Signal(int, str)
    tagRemoved = Signal(int, str)
    noteEdited = Signal(int, str)
    claimantEdited = Signal(int, str)  # claim id, who made the claim
    linkRequested = Signal(int)
    sourceRequested = Signal(int)
    evidenceRemoved = Signal(int, int)  # evidence id, claim id
    claimActivated = Signal(int)  # the far end of a link, to open it
    confirmPlacementRequested = Signal(int)
    reattachRequested = Signal(int)
    deleteRequested = Signal(int)
    claimChanged = Signal()  # another claim (or none) is shown: the pane scrolls to the top

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._claim: Claim | None = None
        self._saved_note = ""
        self.setAccessibleName("Claim editor")

        self.quote = QLabel()
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setObjectName("claimQuote")
        self.quote.setAccessibleName("Claim quote")
        self.meta = QLabel()
        self.meta.setObjectName("claimMeta")
        self.meta.setWordWrap(True)
        self.meta.setAccessibleName("Claim details")
        self.placement = PlacementPanel()
        self.placement.confirmRequested.connect(self.confirmPlacementRequested)
        self.placement.reattachRequested.connect(self.reattachRequested)
        self.placement.deleteRequested.connect(self.deleteRequested)

        self.verdicts = QButtonGroup(self)
        self.verdicts.setExclusive(True)
        verdict_row = QGridLayout()  # two by two: fits a narrow pane
        verdict_row.setSpacing(4)
        for i, status in enumerate((Status.CORROBORATED, Status.CONTRADICTED,
                                    Status.INCONCLUSIVE, Status.UNVERIFIED)):  # fmt: skip
            button = QToolButton()
            button.setText(status.label)
            button.setIcon(icon(status.value))
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(f"{status.label} ({VERDICT_KEYS[status]})")
            button.setAccessibleName(f"Verdict {status.label}")
            button.setObjectName(f"verdict_{status.value}")
            button.setProperty("status", status.value)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.verdicts.addButton(button)
            verdict_row.addWidget(button, i // 2, i % 2)
        self.verdicts.buttonClicked.connect(self._on_verdict)

        self.tag_box = QWidget()
        self.tag_box.setAccessibleName("Tags of the claim")
        self.tag_chips = FlowLayout(self.tag_box)
        self.tag_input = QLineEdit()
        self.tag_input.setPlaceholderText("Add a tag… (Ctrl+T)")
        self.tag_input.setAccessibleName("New tag")
        self.tag_input.setClearButtonEnabled(True)
        self._tag_names = QStringListModel(self)
        completer = QCompleter(self._tag_names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tag_input.setCompleter(completer)
        self.tag_input.returnPressed.connect(self._on_tag_entered)
        completer.activated[str].connect(  # type: ignore[index]
            self._on_tag_completed)  # a click on a suggestion (Return is handled above)

        self.claimant = QLineEdit()
        self.claimant.setObjectName("claimant")
        self.claimant.setPlaceholderText("Who made the claim (a person or organisation)")
        self.claimant.setAccessibleName("Claimant")
        self.claimant.setClearButtonEnabled(True)
        self.claimant.editingFinished.connect(self._on_claimant_edited)

        self.note = NoteEdit()
        self.note.setPlaceholderText("Note: what you checked, what it showed…")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        show_focus(self.note)
        self.note.setMinimumHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        self.note_state = QLabel()
        self.note_state.setObjectName("noteState")
        self.note_state.setAccessibleName("Note saved state")
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_IDLE_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._on_note_typed)
        self.note.focusLost.connect(self.flush_note)

        self.evidence = QListWidget()
        self.evidence.setAccessibleName("Evidence")
        tab_leaves(self.evidence)
        show_focus(self.evidence)
        self.evidence.setWordWrap(True)
        self.evidence.setMinimumHeight(self.evidence.fontMetrics().lineSpacing() * 2 + 12)
        self.evidence.itemActivated.connect(self._on_evidence_activated)
        self.evidence.currentRowChanged.connect(self._update_buttons)
        self.link_button = QPushButton(icon("link"), "Link claim…")
        self.link_button.setAccessibleName("Link to another claim")
        self.link_button.setToolTip("Link this claim to a claim in another article (Ctrl+L)")
        self.source_button = QPushButton(icon("source"), "Add source…")
        self.source_button.setAccessibleName("Add outside source")
        self.source_button.setToolTip("Attach an outside source: URL, title, quote, date")
        self.remove_evidence_button = QPushButton("Remove")
        self.remove_evidence_button.setAccessibleName("Remove selected evidence")
        self.link_button.clicked.connect(lambda: self._emit_for_claim(self.linkRequested))
        self.source_button.clicked.connect(lambda: self._emit_for_claim(self.sourceRequested))
        self.remove_evidence_button.clicked.connect(self._on_remove_evidence)
        evidence_buttons = QWidget()  # wraps in a narrow pane instead of widening it
        flow = FlowLayout(evidence_buttons)
        for b in (self.link_button, self.source_button, self.remove_evidence_button):
            flow.addWidget(b)

        self.history = QListWidget()
        self.history.setAccessibleName("History of the claim")
        self.history.setMinimumHeight(self.history.fontMetrics().lineSpacing() * 2 + 12)
        self.history.setWordWrap(True)
        self.history.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do there by key

        self.placeholder = QLabel("Select a claim in the text or the list, or select text "
                                  "and press Ctrl+M to mark a new one.")  # fmt: skip
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("placeholder")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Verdict", verdict_row)
        tag_col = QVBoxLayout()
        tag_col.addWidget(self.tag_box)
        tag_col.addWidget(self.tag_input)
        form.addRow("Tags", tag_col)
        form.addRow("Claimant", self.claimant)
        # Note, evidence and history share what is left, behind dividers the reviewer
        # can drag (the window remembers them as the "editor" splitter).
        self.sections = QSplitter(Qt.Orientation.Vertical)
        self.sections.setObjectName("editorSplitter")
        self.sections.setAccessibleName("Note, evidence and history dividers")
        self.sections.setChildrenCollapsible(False)
        self.sections.addWidget(_section("Note", self.note, self.note_state))
        self.sections.addWidget(_section("Evidence", self.evidence, evidence_buttons))
        self.sections.addWidget(_section("History", self.history))
        self.sections.setStretchFactor(0, 3)
        self.sections.setStretchFactor(1, 2)
        self.sections.setStretchFactor(2, 2)

        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.quote)
        body_layout.addWidget(self.meta)
        body_layout.addWidget(self.placement)
        body_layout.addLayout(form)
        body_layout.addWidget(self.sections, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 6)  # a narrow pane keeps its verdict buttons
        layout.addWidget(self.placeholder, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.body, 1)
        self.show_claim(None)

    # --- content ---------------------------------------------------------------------

    def claim_id(self) -> int | None:
        return self._claim.id if self._claim else None

    def claim(self) -> Claim | None:
        """The claim shown (as read when it was last shown or changed)."""
        return self._claim

    def set_selection_available(self, available: bool) -> None:
        """Whether the article has selected text a claim could be re-attached to."""
        self.placement.set_selection_available(available)

    def set_known_tags(self, names: Sequence[str]) -> None:
        self._tag_names.setStringList(list(names))

    def _on_claimant_edited(self) -> None:
        if self._claim is not None and self.claimant.text().strip() != self._claim.claimant:
            self.claimantEdited.emit(self._claim.id, self.claimant.text().strip())

    def show_claim(self, claim: Claim | None, evidence: Sequence[Evidence] = (),
                   history: Sequence[HistoryEntry] = (),
                   describe: Callable[[int], str] = str, *,
                   brief: Callable[[int], str] | None = None) -> None:  # fmt: skip
        """Show ``claim`` (None: nothing selected). A pending note edit of the previous
        claim is sent first. ``describe`` names a linked claim in the evidence list,
        ``brief`` (default: ``describe``) in the history's sentences."""
        if self._claim is not None and (claim is None or claim.id != self._claim.id):
            self.flush_note()
        same = claim is not None and self._claim is not None and claim.id == self._claim.id
        self._claim = claim
        self.placeholder.setVisible(claim is None)
        self.body.setVisible(claim is not None)
        self.placement.show_claim(claim)
        if not same:
            self.claimChanged.emit()
        if claim is None:
            return
        self.quote.setText(f"“{claim.quote}”")
        where = f"characters {claim.start}–{claim.end}"
        if claim.placement == "orphaned":
            where = f"lost (was near character {claim.start})"
        elif claim.placement == "moved":
            where += " (moved when the text changed)"
        self.meta.setText(f"Claim #{claim.id} · {where} · marked by {claim.reviewer or '?'} "
                          f"on {claim.created_at[:10]}")  # fmt: skip
        for button in self.verdicts.buttons():
            button.setChecked(button.property("status") == claim.status.value)
        self._show_tags(claim.tags)
        if not same or not self.claimant.hasFocus():
            self._set_claimant_text(claim.claimant)
        if not same:
            self._set_note_text(claim.note)
            self.note_state.setText("")
        elif not self._note_pending() and claim.note != self.note.toPlainText():
            self._set_note_text(claim.note)  # changed by undo/redo, not by typing here
            self.note_state.setText("")
        if self.evidence.count():  # most claims have none, nor had the one before
            self.evidence.clear()
        for ev in evidence:
            item = QListWidgetItem(evidence_text(ev, claim.id, describe))
            item.setData(EVIDENCE_ID_ROLE, ev.id)
            other = ev.target_claim_id if ev.claim_id == claim.id else ev.claim_id
            item.setData(TARGET_ROLE, other if ev.kind == "claim" else None)
            item.setToolTip(ev.url or item.text())
            self.evidence.addItem(item)
        self.history.clear()
        for h in reversed(history):
            self.history.addItem(history_text(h, brief or describe))
        if not same:
            self.evidence.scrollToTop()
            self.history.scrollToTop()
        self._update_buttons()

    def _set_claimant_text(self, name: str) -> None:
        """Show ``name`` in the claimant field, as ``setText`` would: an unchanged empty
        field with no typing history is left alone (no repaint in a mark's frame)."""
        field = self.claimant
        if field.text() != name or field.isUndoAvailable() or field.isRedoAvailable():
            field.setText(name)

    def _set_note_text(self, note: str) -> None:
        if not note and self.note.document().isEmpty():
            # Most claims have no note, nor had the one shown before: an empty field
            # stays as it is (no new document laid out and repainted in the frame of
            # each mark), and forgets its typing history as setPlainText would.
            self.note.document().clearUndoRedoStacks()
        else:
            self.note.blockSignals(True)
            self.note.setPlainText(note)
            self.note.blockSignals(False)
        self._saved_note = note

    def tag_chip_widgets(self) -> list[QToolButton]:
        """The chips shown for the claim's tags, in order."""
        items = (self.tag_chips.itemAt(i) for i in range(self.tag_chips.count()))
        return [w for item in items
                if item is not None and isinstance(w := item.widget(), QToolButton)]  # fmt: skip

    def _show_tags(self, tags: Sequence[str]) -> None:
        """One chip per tag, shown and laid out now. (Chips used to be re-created and
        left for Qt to show and place at a later layout pass; when a verdict, a new tag
        or a neighbour's deletion rebuilt them twice in one pass, that pass could leave
        them hidden until the next article.) Chips are reused, so a click on one that
        removes a tag does not delete the button under the mouse."""
        chips = self.tag_chip_widgets()
        if not tags and self.tag_box.isHidden() and all(c.isHidden() for c in chips):
            return  # no tags, none shown: nothing to lay out (most marks' frames)
        while len(chips) < len(tags):
            chip = QToolButton(self.tag_box)
            chip.setObjectName("tagChip")
            chip.clicked.connect(lambda _=False, c=chip: self._emit_tag_removed(
                str(c.property("tag"))))
            self.tag_chips.addWidget(chip)
            chips.append(chip)
        for chip, name in zip(chips, tags, strict=False):
            chip.setProperty("tag", name)
            chip.setText(chip_text(name))
            chip.setToolTip(f"Remove the tag “{name}”")
            chip.setAccessibleName(f"Remove tag {name}")
            chip.setVisible(True)
        for chip in chips[len(tags):]:
            chip.setVisible(False)
        self.tag_box.setVisible(bool(tags))
        self.tag_chips.invalidate()
        self.tag_chips.activate()
        self.tag_box.updateGeometry()

    # --- user input ------------------------------------------------------------------

    def focus_tag_input(self) -> None:
        if self._claim is not None:
            self.tag_input.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.tag_input.selectAll()

    def _on_verdict(self, button: QAbstractButton) -> None:
        if self._claim is not None:
            self.statusChosen.emit(self._claim.id, str(button.property("status")))

    def _on_tag_entered(self) -> None:
        name = self.tag_input.text().strip()
        if self._claim is not None and name:
            self.tag_input.clear()
            self.tagAdded.emit(self._claim.id, name)

    def _on_tag_completed(self, name: str) -> None:
        """A suggestion clicked in the completion list adds that tag at once."""
        if self._claim is not None and name.strip():
            # The line edit takes the suggestion's text after this signal: clear it
            # once that is done.
            QTimer.singleShot(0, self.tag_input.clear)
            self.tagAdded.emit(self._claim.id, name.strip())

    def _emit_tag_removed(self, name: str) -> None:
        if self._claim is not None:
            self.tagRemoved.emit(self._claim.id, name)

    def _emit_for_claim(self, signal: SignalInstance) -> None:
        if self._claim is not None:
            signal.emit(self._claim.id)

    def _note_pending(self) -> bool:
        return self.note.toPlainText() != self._saved_note

    def _on_note_typed(self) -> None:
        if self._claim is None:
            return
        self.note_state.setText("Editing… (saved when you pause)")
        self._note_timer.start()

    def flush_note(self) -> None:
        """Send the note being typed, if it differs from the saved one."""
        self._note_timer.stop()
        if self._claim is not None and self._note_pending():
            text = self.note.toPlainText()
            self._saved_note = text
            self.note_state.setText("Note saved")
            self.noteEdited.emit(self._claim.id, text)

    def _on_evidence_activated(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target is not None:
            self.claimActivated.emit(int(target))

    def _on_remove_evidence(self) -> None:
        item = self.evidence.currentItem()
        if item is not None and self._claim is not None:
            self.evidenceRemoved.emit(int(item.data(EVIDENCE_ID_ROLE)), self._claim.id)

    def _update_buttons(self) -> None:
        self.remove_evidence_button.setEnabled(self.evidence.currentItem() is not None)


def _section(title: str, *parts: QWidget | QLayout) -> QWidget:
    """A titled block of the editor (note, evidence, history) for its splitter."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(2)
    label = QLabel(title)
    label.setObjectName("sectionTitle")
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    layout.addWidget(label)
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if isinstance(part, (QPlainTextEdit, QListWidget)) else 0)
    return box
