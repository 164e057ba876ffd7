"""The review controller: which article is open, which claim is selected, what is shown
after each change, and which commands are enabled. A plain object, no widget.

Who owns what:

- :class:`~factcheck.ui.session.open_article.OpenArticle` (the model) holds the open
  article, its claims and the selection. The reader (its span index, its underlines and
  the outline of the selected claim), the review bar and legend over it, and the claim
  list *observe* it; nobody pushes claims into them.
- This controller fills the model from the session: it opens articles, applies every
  :class:`~factcheck.store.change.Change` the session emits (the claims, texts and
  articles it names) and the changes other programs made (SQLite's ``data_version``), and
  keeps the editor and the enabled state of the actions in step with the selection.
- The window (:class:`~factcheck.ui.shell.main_window.MainWindow`) builds the widgets and
  connects their signals here; its commands read the selection from here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar

from factcheck.errors import FactcheckError
from factcheck.ui.common.after_frame import AfterFrame

if TYPE_CHECKING:
    from factcheck.core.model import Claim
    from factcheck.store.change import Change
    from factcheck.ui.articles.navigator import Navigator
    from factcheck.ui.claims.claim_editor import ClaimEditor
    from factcheck.ui.claims.claim_pane import ClaimPane
    from factcheck.ui.common.settings import WindowSettings
    from factcheck.ui.reader.reader import ReaderView
    from factcheck.ui.reader.reader_pane import ReaderPane
    from factcheck.ui.session.open_article import OpenArticle
    from factcheck.ui.session.session import Session
    from factcheck.ui.shell.figures import FiguresController
    from factcheck.ui.shell.suggestions import SuggestionController

DERIVED_ACTIONS = frozenset({"find figures"})  # changes to derived data, not the user's edits


class ReviewWindow(Protocol):
    """What the controller needs of the window (it implements it; no import cycle)."""

    session: Session | None
    settings: WindowSettings
    navigator: Navigator
    reader_pane: ReaderPane
    reader: ReaderView
    claim_pane: ClaimPane
    editor: ClaimEditor
    actions_by_key: dict[str, QAction]
    suggest_ctl: SuggestionController
    figures: FiguresController

    def statusBar(self) -> QStatusBar: ...
    def describe_claim(self, claim_id: int) -> str: ...
    def describe_claim_briefly(self, claim_id: int) -> str: ...
    def after_change(self, change: Change) -> None: ...
    def say_if_filtered_out(self, claim_id: int | None) -> None: ...


class _AfterPaint(QObject):
    """Calls ``then`` once ``widget`` has been painted, on the event loop's next turn.

    Not a zero timer from the start: Qt posts a window's repaint at low priority, so a
    zero timer started with the change would run before the frame that shows it."""

    def __init__(self, widget: QObject, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        self.deleteLater()
        self._then()


class ReviewController(QObject):
    def __init__(self, window: ReviewWindow, model: OpenArticle) -> None:
        super().__init__()
        self.w = window
        self.model = model
        self.seen_version = 0  # the project's data_version when last shown
        self._text_selected = False  # the reader has a text selection (for re-attaching)
        # Claims read while one change is shown (the claim edited is read by the list,
        # the selection and the editor in turn): each read once. None between changes.
        self._read: dict[int, Claim | None] | None = None
        self._needs: tuple[int, list[tuple[QAction, str]]] | None = None
        self._enabled_for: tuple[int, tuple[bool, ...]] | None = None  # last state set
        # What a change updates outside the panes that show it waits for the frame
        # showing it (see after_the_frame).
        self.after_frame = AfterFrame(self)
        model.selectionChanged.connect(self._on_selected)

    def after_the_frame(self, key: Hashable, work: Callable[[], object]) -> None:
        """Run ``work`` right after the frame the current change causes (the latest of
        each ``key``), if the same project is still open then: for what the reviewer is
        not looking at as the change shows (another pane's counts, a look-up that may
        end in a word in the status bar)."""
        session = self.w.session

        def run() -> None:
            if session is not None and self.w.session is session:
                work()

        self.after_frame.defer(key, run)

    def _show_counts(self, article_id: int) -> None:
        """The article list's counts of ``article_id``: the open article's from the
        model (no count query), another's read from the project."""
        w = self.w
        if self.model.article_id == article_id:
            w.navigator.articles.set_counts(article_id, self.model.counts())
        elif w.session is not None:
            summaries = w.session.article_summaries([article_id])
            if not w.navigator.articles.update(summaries):
                w.navigator.articles.set_articles(w.session.articles())
                w.navigator.select_article(self.model.article_id)

    def _claim(self, claim_id: int) -> Claim | None:
        """The claim as the project has it now (read once while a change is shown)."""
        session = self.w.session
        if session is None:
            return None
        read = self._read
        if read is None:
            return session.claim(claim_id)
        if claim_id not in read:
            read[claim_id] = session.claim(claim_id)
        return read[claim_id]

    # --- the open article ----------------------------------------------------------

    def open_article(self, article_id: int, *, claim_id: int | None = None,
                     reload: bool = False) -> None:  # fmt: skip
        """Show an article (and select ``claim_id`` in it, if given); ``reload`` reads it
        again even when it is the one open (its text or direction changed)."""
        w = self.w
        if w.session is None:
            return
        if reload or self.model.article_id != article_id:
            from factcheck.ui.session.placement_rows import first_rows, with_placements

            w.editor.flush_note()
            session = w.session
            article = session.article(article_id)
            rows, summary = first_rows(session.db, article)
            if summary is None:
                self.model.show(article, rows)  # the reader and the claim list follow
            else:
                # A long article: shown from its first claims; the rest are read right
                # after the frame that shows it (or sooner, by whatever needs them).
                self.model.show(article, rows, summary=summary, rest=lambda: with_placements(
                    session.db, article, session.claim_rows(article)))  # fmt: skip
                _AfterPaint(w.reader.viewport(), self.model.complete)
            w.figures.show_underline()
            w.suggest_ctl.refresh()
            w.navigator.select_article(article_id)
            w.settings.set_last_article(w.session.path, article_id)
        if claim_id is not None:
            self.select_claim(claim_id)
        self.update_enabled()

    def show_project(self, session: Session) -> None:
        """A project just opened: its articles listed, the one open last time shown
        (else the first), or a word on how to add some."""
        w = self.w
        w.navigator.articles.set_articles(session.articles())
        w.claim_pane.set_known_tags([t.name for t in session.tags()])
        ids = w.navigator.articles.ids()
        last = w.settings.last_article(session.path)
        if ids:
            self.open_article(last if last in ids else ids[0])
        else:
            self.show_no_article("This project has no articles yet — drop .txt or .md "
                                 "files here, or use File ▸ Import Articles")  # fmt: skip
        self.update_enabled()

    def show_no_article(self, message: str) -> None:
        self.model.show(None)
        self.w.reader_pane.show_metadata(None, message)

    def reload_open_article(self, claim_id: int | None = None) -> None:
        """Show the open article again from the project (its text and claims), keeping
        the scroll position and, if it still exists there, the selected claim."""
        w = self.w
        article_id = self.model.article_id
        if w.session is None or article_id is None:
            return
        scroll = w.reader.verticalScrollBar().value()
        w.reader.clear_text_selection()
        try:
            self.open_article(article_id, reload=True)
        except FactcheckError:  # deleted elsewhere
            self.show_no_article("The article was removed from the project")
            return
        w.reader.verticalScrollBar().setValue(scroll)
        if claim_id is not None and w.session.claim(claim_id) is not None:
            self.select_claim(claim_id, scroll=False)

    def step_article(self, step: int) -> None:
        """The next (``step`` 1) or previous (-1) article of the list, caret at its start."""
        ids = self.w.navigator.articles.ids()
        if not ids:
            return
        current = self.model.article_id
        here = ids.index(current) if current in ids else -1
        target = here + step
        if 0 <= target < len(ids):
            self.open_article(ids[target])
            self.w.reader.place_caret(0)  # on with the keyboard: the caret in the new text
        else:
            self.w.statusBar().showMessage("No more articles in that direction", 3000)

    # --- selection -----------------------------------------------------------------

    def selected_claim(self) -> int | None:
        return self.model.selected

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Select a claim of the open article (a claim of another article: none); the
        reader, the list and the editor follow the model."""
        claim = self._claim(claim_id) if claim_id is not None else None
        if claim is not None and claim.article_id != self.model.article_id:
            claim = None
        self.model.select(claim.id if claim else None, scroll=scroll)

    def go_to_claim(self, claim_id: int) -> None:
        """Open the claim's article and select it (from links, search, navigation)."""
        session = self.w.session
        claim = session.claim(claim_id) if session else None
        if claim is not None:
            self.open_article(claim.article_id, claim_id=claim.id)

    def _on_selected(self, claim_id: int | None, _scroll: bool) -> None:
        w = self.w
        claim = self._claim(claim_id) if claim_id is not None else None
        if claim is None:
            w.editor.show_claim(None)
        else:
            assert w.session is not None
            w.editor.show_claim(claim, w.session.evidence(claim.id), w.session.history(claim.id),
                                w.describe_claim, brief=w.describe_claim_briefly)  # fmt: skip
        self.update_enabled()

    def text_selection_changed(self, selected: bool) -> None:
        """The reader's text selection came or went (re-attaching needs one)."""
        if selected != self._text_selected:
            self._text_selected = selected
            self.w.editor.set_selection_available(selected)
            self.update_enabled()

    # --- enabled state -------------------------------------------------------------

    def update_enabled(self) -> None:
        """Enable each action whose ``needs`` (see :mod:`factcheck.ui.common.actions`)
        the project, the open article, the selected claim and the text selection meet."""
        claim = self.w.editor.claim()
        has = {"project": self.w.session is not None, "article": self.model.article is not None,
               "claim": claim is not None, "": True,
               "fuzzy": claim is not None and claim.placement == "fuzzy",
               "reattach": bool(claim and claim.needs_review and self._text_selected)}  # fmt: skip
        needing = self._needing()
        state = (len(needing), tuple(has.values()))
        if state == self._enabled_for:  # as last set (a mark asks twice, changing nothing)
            return
        self._enabled_for = state
        for action, needs in needing:
            action.setEnabled(has.get(needs, True))

    def _needing(self) -> list[tuple[QAction, str]]:
        """The actions that declare ``needs``, with it: asked of each action once (this
        runs twice in every mark's frame; a property look-up is a call into Qt)."""
        actions = self.w.actions_by_key
        if self._needs is None or self._needs[0] != len(actions):
            pairs = [(a, str(n)) for a in actions.values()
                     if (n := a.property("needs")) is not None]  # fmt: skip
            self._needs = (len(actions), pairs)
        return self._needs[1]

    # --- after a change ------------------------------------------------------------

    def on_change(self, change: Change, focus: int | None) -> None:
        """Bring everything shown up to date after an edit, an undo or a redo: the
        article list's rows, the open article's claims (into the model, which the views
        observe), its text when it changed, the selection and the figures."""
        if self.w.session is None:
            return
        self._read = {}
        try:
            self._show_change(change, focus)
        finally:
            self._read = None

    def _show_change(self, change: Change, focus: int | None) -> None:
        w, model = self.w, self.model
        session = w.session
        assert session is not None
        self.seen_version = session.data_version()
        article = model.article
        selected = model.selected
        if article is not None and article.id in change.texts:
            # The open article has a new text: every offset the reader, the claim list
            # and a selection hold belongs to the old one. Read it all again.
            self.reload_open_article(focus if focus is not None else selected)
            change = replace(change, article_ids=change.article_ids - {article.id},
                             claim_ids=frozenset(), texts=frozenset())
            focus = None
            article, selected = model.article, model.selected
        # A claim edit in the open article: its list row's counts come from the model,
        # which holds all its claims (no count query on the way to a frame).
        local = article is not None and bool(change.claim_ids) and article.id in change.article_ids
        derived = change.action in DERIVED_ACTIONS  # no title, count or membership moved
        if (change.article_ids or change.article_list) and not derived:
            ids = change.article_ids - {article.id} if local and article else change.article_ids
            summaries = session.article_summaries(ids) if ids else []
            if not w.navigator.articles.update(summaries):
                w.navigator.articles.set_articles(session.articles())
                w.navigator.select_article(model.article_id)
        if change.tags:
            w.claim_pane.set_known_tags([t.name for t in session.tags()])
        if (article is not None and article.id in change.article_ids
                and change.action == "set article language"):  # fmt: skip
            self.open_article(article.id, reload=True)  # laid out in its new direction
            article = model.article
        if article is not None and article.id in change.article_ids:
            self._apply_claims(change, article.id, article.text)
            if w.suggest_ctl.visible and (change.article_list or change.suggestions):
                w.suggest_ctl.refresh()
            # The article list's row: drawn in the frame after this one.
            aid = article.id
            self.after_the_frame(("counts", aid), lambda: self._show_counts(aid))
        if focus is not None:
            target = self._claim(focus)
            if target is not None and (article is None or target.article_id != article.id):
                self.open_article(target.article_id, claim_id=focus)
            else:
                self.select_claim(focus if target else None)
        elif selected is not None and selected in change.claim_ids:
            self.select_claim(selected, scroll=False)  # its row changed, or it is gone
        else:
            self.update_enabled()
        if change.facts or change.figures:
            if article is not None and article.id in change.article_ids and change.figures:
                w.figures.show_underline()
            w.figures.refresh_board()
        w.after_change(change)
        if change.action not in DERIVED_ACTIONS:  # caches brought up to date are no edit
            w.statusBar().showMessage(f"Saved: {change.action}", 2500)
        w.say_if_filtered_out(focus)

    def _apply_claims(self, change: Change, article_id: int, text: str) -> None:
        """The claims ``change`` names, read again and given to the model in one step."""
        from factcheck.ui.session.placement_rows import row_for_claim

        upserts, removed = [], []
        for cid in change.claim_ids:
            claim = self._claim(cid)
            if claim is None:
                removed.append(cid)
            elif claim.article_id == article_id:
                upserts.append(row_for_claim(claim, text))
        self.model.apply(upserts, removed)

    def check_outside_changes(self) -> None:
        """Refresh what is shown when another window or the command line changed the
        project (SQLite's ``data_version`` moved): on focus, and on a slow timer."""
        w = self.w
        session = w.session
        if session is None:
            return
        try:
            version = session.data_version()
        except Exception:
            return
        if version == self.seen_version:
            return
        self.seen_version = version
        w.editor.flush_note()
        current = self.model.article_id
        selected = self.model.selected
        w.navigator.articles.set_articles(session.articles())
        w.claim_pane.set_known_tags([t.name for t in session.tags()])
        if current is not None and current in w.navigator.articles.ids():
            w.navigator.select_article(current)
            self.reload_open_article(selected)
        elif current is not None:
            self.show_no_article("The article was removed from the project elsewhere")
        w.statusBar().showMessage("Updated: the project was changed elsewhere", 4000)
