"""Suggested claims in the window: shown on demand as a faint dashed underline, stepped
through with Alt+F8 / Alt+Shift+F8, accepted (a claim with its claimant) or rejected
(remembered in the project); and, after a claim is marked, its twins in other articles.

A plain controller: it keeps which suggestion is current and asks the session to edit;
the reader only draws what it is given. Scoring happens off the GUI thread (the session's
scorer); this refreshes when the scores arrive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from factcheck.ui.common.settings import WindowSettings

if TYPE_CHECKING:
    from factcheck.core.model import Article
    from factcheck.core.suggest import Suggestion
    from factcheck.ui.claims.claim_pane import ClaimPane
    from factcheck.ui.reader.reader import ReaderView
    from factcheck.ui.session.session import Session

OFFER_LIMIT_ARTICLES = 5000  # past this, look for twins only when asked (Ctrl+Shift+E)
# Find queued figures before an offer only when this few articles, and this little text
# (about a tenth of a second of reading), are queued; the rest waits for the board.
OFFER_CATCH_UP = (50, 100_000)


class Window(Protocol):
    session: Session | None

    @property
    def article(self) -> Article | None: ...

    reader: ReaderView
    claim_pane: ClaimPane
    actions_by_key: dict[str, QAction]

    def statusBar(self) -> QStatusBar: ...

    def selected_claim(self) -> int | None: ...


class SuggestionController(QObject):
    def __init__(self, window: Window, settings: WindowSettings) -> None:
        super().__init__()
        self.w = window
        self.settings = settings
        self.items: list[Suggestion] = []
        self.current: int | None = None  # index into items

    # --- showing -------------------------------------------------------------------------

    @property
    def visible(self) -> bool:
        action = self.w.actions_by_key.get("show_suggestions")
        return bool(action is not None and action.isChecked())

    def toggle(self) -> None:
        self.settings.show_suggestions = self.visible
        self.refresh()
        if self.visible and self.w.article is not None and self.items == []:
            self._say("Scoring the article's sentences…")

    def refresh(self) -> None:
        """Show the open article's suggestions (asking for scores if none yet)."""
        w = self.w
        self.items, self.current = [], None
        if not self.visible or w.session is None or w.article is None:
            w.reader.set_suggestions([])
            w.reader.set_suggestions_visible(False)
            self._list_items()
            return
        from factcheck.core.suggest import SHOW_MIN_SCORE  # not before the first frame

        found = w.session.suggestions(w.article)
        if found is None:
            w.session.request_suggestions(w.article)
            found = []
        self.items = [s for s in found if s.score >= SHOW_MIN_SCORE]
        w.reader.set_suggestions([(s.start, s.end, s.reason) for s in found])
        w.reader.set_suggestions_visible(True)
        self._list_items()

    def _list_items(self) -> None:
        """Show the suggestions, best first, in the claim pane's list."""
        w = self.w
        pane = w.claim_pane
        text = w.article.text if w.article is not None else ""
        pane.suggestions.set_items([(text[s.start : s.end], s.reason, s.claimant)
                                    for s in self.items], showing=self.visible)  # fmt: skip

    def listed(self, index: int) -> None:
        """A row of the claim pane's list was activated: choose it, select its sentence."""
        if 0 <= index < len(self.items):
            self._choose(index, select=True)

    def scored(self, article_id: int) -> None:
        if self.w.article is not None and self.w.article.id == article_id and self.visible:
            self.refresh()
            count = len(self.items)
            self._say(f"{count} suggested claim{'s' if count != 1 else ''} in this article "
                      "(Alt+F8 to step through them)")  # fmt: skip

    # --- choosing ------------------------------------------------------------------------

    def clicked(self, start: int, end: int) -> None:
        index = next((i for i, s in enumerate(self.items) if (s.start, s.end) == (start, end)),
                     None)  # fmt: skip
        if index is not None:
            self._choose(index, select=False)

    def step(self, delta: int) -> None:
        if not self.visible:
            self.w.actions_by_key["show_suggestions"].setChecked(True)
            self.toggle()
        if not self.items:
            self._say("No suggested claims in this article")
            return
        if self.current is None:
            index = 0 if delta > 0 else len(self.items) - 1
        else:
            index = (self.current + delta) % len(self.items)
        self._choose(index, select=True)

    def _choose(self, index: int, *, select: bool) -> None:
        self.current = index
        s = self.items[index]
        self.w.claim_pane.suggestions.set_current(index)
        if select:
            self.w.reader.select_cp(s.start, s.end)
        who = f" — claimant: {s.claimant}" if s.claimant else ""
        self._say(f"Suggestion {index + 1} of {len(self.items)}: {s.reason}{who}. "
                  "Ctrl+Shift+M accepts, Ctrl+Shift+K rejects", 0)  # fmt: skip

    def chosen(self) -> Suggestion | None:
        return self.items[self.current] if self.current is not None else None

    # --- accepting and rejecting --------------------------------------------------------

    def accept(self) -> None:
        w, s = self.w, self.chosen()
        if w.session is None or w.article is None or s is None:
            self._say("Choose a suggested sentence first: click its dashed underline, or "
                      "Alt+F8")  # fmt: skip
            return
        claim_id = w.session.accept_suggestion(w.article, s)
        if claim_id is not None:
            w.reader.clear_text_selection()
            self.offer_twins(claim_id)

    def reject(self) -> None:
        w, s = self.w, self.chosen()
        if w.session is None or w.article is None or s is None:
            self._say("Choose a suggested sentence first: click its dashed underline, or "
                      "Alt+F8")  # fmt: skip
            return
        w.session.reject_suggestion(w.article, s)
        w.reader.clear_text_selection()

    # --- a claim found again elsewhere --------------------------------------------------

    def offer_twins(self, claim_id: int) -> None:
        """Say where a just-marked claim appears in other articles (a read; skipped in
        very large projects, where Claim ▸ Mark Everywhere still asks)."""
        w = self.w
        if w.session is None or w.session.article_count() > OFFER_LIMIT_ARTICLES:
            return
        twins = w.session.found_elsewhere(claim_id, catch_up_limit=OFFER_CATCH_UP)
        if twins:
            articles = len({t.article_id for t in twins})
            self._say(f"This appears in {articles} other article{'s' if articles != 1 else ''}"
                      " — Claim ▸ Mark Everywhere (Ctrl+Shift+E) marks and links them", 0)

    def mark_everywhere(self) -> None:
        w = self.w
        claim_id = w.selected_claim()
        if w.session is None or claim_id is None:
            self._say("Select a claim first")
            return
        count = w.session.mark_everywhere(claim_id)
        self._say(f"Marked {count} claim{'s' if count != 1 else ''} in other articles, linked "
                  "same-as" if count else "This claim appears in no other article")

    def _say(self, message: str, timeout: int = 5000) -> None:
        self.w.statusBar().showMessage(message, timeout)
