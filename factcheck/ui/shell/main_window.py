"""The main window: article list | reader | claim pane, menus and toolbar.

The window owns no data: it asks the :class:`Session` for what to show and forwards
user actions to it. Every edit comes back as a ``Session.changed(change, focus)`` signal
handled by :meth:`MainWindow._on_change` — the one place views are refreshed after an
edit, an undo or a redo.

The store is imported only when a project is opened (see :mod:`factcheck.ui.shell.app`), so
the first frame of the window does not wait for it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from factcheck.core.model import Article, Status
from factcheck.errors import FactcheckError
from factcheck.ui.articles.navigator import Navigator
from factcheck.ui.claims.claim_pane import ClaimPane
from factcheck.ui.common.actions import ACTIONS, MENUS, REDO_SHORTCUTS, UNDO_SHORTCUTS, ActionSpec
from factcheck.ui.common.messages import show_message
from factcheck.ui.common.resources import icon
from factcheck.ui.common.settings import WindowSettings
from factcheck.ui.common.theme import HighlightColors, apply_scheme
from factcheck.ui.figures.board import FiguresBoard
from factcheck.ui.reader.placement_paint import set_cues_present
from factcheck.ui.reader.reader_pane import ReaderPane
from factcheck.ui.shell.curation_commands import CurationCommands
from factcheck.ui.shell.read_only_banner import ReadOnlyBanner
from factcheck.ui.shell.reviewer_field import ReviewerField
from factcheck.ui.shell.suggestions import SuggestionController

if TYPE_CHECKING:
    from factcheck.store.change import Change
    from factcheck.ui.session.session import Session

OUTSIDE_POLL_MS = 2000  # how often to look for edits made by another program
DERIVED_ACTIONS = frozenset({"find figures"})  # changes to derived data, not the user's edits


class MainWindow(CurationCommands):
    """Signals: ``firstPainted`` once the window has drawn itself the first time;
    ``projectShown`` each time a project is loaded into it."""

    firstPainted = Signal()
    projectShown = Signal()

    def __init__(self, reviewer: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("factcheck")
        self.setWindowIcon(icon("app"))
        self.setAccessibleName("factcheck")
        self.setAcceptDrops(True)
        self.settings = WindowSettings()
        self.suggest_ctl = SuggestionController(self, self.settings)
        self.reviewer = reviewer
        self.session: Session | None = None
        self.article: Article | None = None
        self._painted = False
        self._shown_once = False
        self._text_selected = False  # the reader has a text selection (for re-attaching)
        self.undo_group = QUndoGroup(self)
        # Other writers (a second window, the command line): noticed when the window
        # regains focus and on a slow poll of SQLite's data_version (a cheap pragma).
        self._seen_version = 0
        self._board_sized = False  # the figures board given its first-open height
        self._outside_poll = QTimer(self)
        self._outside_poll.setInterval(OUTSIDE_POLL_MS)
        self._outside_poll.timeout.connect(self.check_outside_changes)

        self.navigator = Navigator()
        self.reader_pane = ReaderPane()
        self.reader = self.reader_pane.reader
        self.claim_pane = ClaimPane()
        self.editor = self.claim_pane.editor
        for w in (self.navigator.search, self.editor.tag_input, self.editor.note):
            w.setAcceptDrops(False)  # a dropped file means "import", wherever it lands
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName("Pane dividers")
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.reader_pane)
        self.splitter.addWidget(self.claim_pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setChildrenCollapsible(False)
        self.read_only_banner = ReadOnlyBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.figures_board = FiguresBoard()
        self.figures_dock = QDockWidget("Figures", self)
        self.figures_dock.setObjectName("figuresDock")
        self.figures_dock.setWidget(self.figures_board)
        # under the reader, the window's full width: the grid needs width (a column per
        # article) and the reader keeps its lines; the reviewer may drag it to a side or
        # float it (the board then stacks grid and timeline), and it stays where it is put
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.figures_dock)
        self.figures_dock.hide()
        self.figures_dock.visibilityChanged.connect(self._on_figures_dock_visible)

        self.actions_by_key: dict[str, QAction] = {}
        self._build_actions()
        self._build_curation()
        self._build_status_bar()
        self._connect_views()
        self.apply_scheme(self.settings.scheme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _s: self.apply_scheme(self.settings.scheme))
        self._restore_window()
        self._update_enabled()

    # --- construction ----------------------------------------------------------------

    def _build_actions(self) -> None:
        menus = {name: self.menuBar().addMenu(f"&{name}") for name in MENUS}
        self.menus = menus
        self.menuBar().setAccessibleName("Menu bar")
        toolbar = QToolBar("Review")
        toolbar.setObjectName("reviewToolbar")
        toolbar.setAccessibleName("Review toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        undo = self.undo_group.createUndoAction(self, "&Undo")
        redo = self.undo_group.createRedoAction(self, "&Redo")
        for action, keys, name in ((undo, UNDO_SHORTCUTS, "undo"), (redo, REDO_SHORTCUTS, "redo")):
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setObjectName(f"action_{name}")
            action.setIcon(icon(name))
            self.actions_by_key[name] = action
        menus["Edit"].addAction(undo)
        menus["Edit"].addAction(redo)
        context: list[QAction | None] = []
        for spec in ACTIONS:
            action = self._make_action(spec)
            menu = menus[spec.menu]
            if spec.separator_before:
                menu.addSeparator()
            menu.addAction(action)
            if spec.toolbar:
                if spec.separator_before:
                    toolbar.addSeparator()
                toolbar.addAction(action)
            if spec.context:
                if spec.separator_before:
                    context.append(None)
                context.append(action)
        toolbar.addSeparator()
        toolbar.addAction(undo)
        toolbar.addAction(redo)
        self._build_scheme_menu(menus["View"])
        self.reader.context_actions = context

    def _make_action(self, spec: ActionSpec) -> QAction:
        action = QAction(spec.text, self)
        action.setObjectName(f"action_{spec.key}")
        if spec.shortcuts:
            action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = spec.tip
        if spec.shortcuts:
            keys = QKeySequence(spec.shortcuts[0])
            tip = f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})"
        action.setToolTip(tip)
        action.setStatusTip(spec.tip)
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.key == "quit":
            action.setMenuRole(QAction.MenuRole.QuitRole)
        handler = getattr(self, spec.handler)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        action.setProperty("needs", spec.needs)
        if spec.key == "underline_figures":
            action.setCheckable(True)
            action.setChecked(self.settings.underline_figures)
        if spec.key == "show_suggestions":
            action.setCheckable(True)
            action.setChecked(self.settings.show_suggestions)
        self.addAction(action)
        self.actions_by_key[spec.key] = action
        return action

    def _build_scheme_menu(self, view: Any) -> None:
        view.addSeparator()
        sub = view.addMenu("&Appearance")
        self.scheme_actions: dict[str, QAction] = {}
        for value, text in (("system", "Follow &System"), ("light", "&Light"), ("dark", "&Dark")):
            action = QAction(text, self, checkable=True)
            action.setObjectName(f"action_scheme_{value}")
            action.triggered.connect(lambda _c=False, v=value: self.apply_scheme(v))
            sub.addAction(action)
            self.scheme_actions[value] = action

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        bar.setAccessibleName("Status bar")
        self.reviewer_field = ReviewerField()
        self.reviewer_field.set_name(self.reviewer)
        self.reviewer_field.nameChanged.connect(self.set_reviewer)
        self.project_label = QLabel()
        self.project_label.setAccessibleName("Project file")
        bar.addPermanentWidget(self.reviewer_field)
        bar.addPermanentWidget(self.project_label)

    def _connect_views(self) -> None:
        self.navigator.articleChosen.connect(self.open_article)
        self.navigator.articleEntered.connect(self.focus_text)
        self.navigator.hitActivated.connect(self.open_hit)
        self.navigator.queryChanged.connect(self.run_search)
        self.reader.claimClicked.connect(lambda cid: self.select_claim(cid, scroll=False))
        self.reader.suggestionClicked.connect(self.suggest_ctl.clicked)
        listed = self.claim_pane.suggestions
        listed.activated.connect(self.suggest_ctl.listed)
        listed.acceptRequested.connect(self.suggest_ctl.accept)
        listed.rejectRequested.connect(self.suggest_ctl.reject)
        self.reader.emptyClicked.connect(lambda: self.select_claim(None))
        self.reader.describe_claims = self.describe_claims
        self.claim_pane.claimSelected.connect(self.select_claim)
        ed = self.editor
        ed.statusChosen.connect(self._editor_status)
        ed.tagAdded.connect(self._editor_tag_added)
        ed.tagRemoved.connect(self._editor_tag_removed)
        ed.noteEdited.connect(self._editor_note)
        ed.claimantEdited.connect(self._editor_claimant)
        ed.linkRequested.connect(lambda _cid: self.link_claim())
        ed.sourceRequested.connect(lambda _cid: self.add_source())
        ed.evidenceRemoved.connect(self._editor_evidence_removed)
        ed.claimActivated.connect(self.go_to_claim)
        ed.confirmPlacementRequested.connect(self.confirm_placement)
        ed.reattachRequested.connect(self.reattach_selection)
        ed.deleteRequested.connect(self._editor_delete)
        self.reader_pane.banner.showRequested.connect(self.show_claims_needing_review)
        fb = self.figures_board
        fb.conflictsOnlyChanged.connect(lambda _on: self.refresh_figures_board())
        fb.figureActivated.connect(self.open_figure)
        fb.renameRequested.connect(self._board_rename)
        fb.dismissRequested.connect(self._board_dismiss)
        fb.markClaimsRequested.connect(self._board_mark_claims)
        fb.mergeRequested.connect(self._board_merge)
        fb.moveRequested.connect(self._board_move)
        fb.splitRequested.connect(self._board_split)
        self.reader.selectionChanged.connect(self._on_text_selection)

    # The figures board's requests.
    def _board_rename(self, key: str, name: str) -> None:
        if self.session is not None:
            self.session.rename_fact(key, name)

    def _board_dismiss(self, figure_id: int) -> None:
        if self.session is not None:
            self.session.dismiss_figure(figure_id)

    def _board_merge(self, key: str, into: str) -> None:
        if self.session is not None:
            self.session.merge_facts(key, into)
            self.refresh_figures_board(keep=into)

    def _board_move(self, figure_id: int, to: str) -> None:
        if self.session is not None:
            self.session.move_figure(figure_id, to)

    def _board_split(self, key: str, figure_ids: list[int], name: str) -> None:
        if self.session is not None:
            change = self.session.split_fact(key, figure_ids, name)
            new = change.created_id if change else None
            self.refresh_figures_board(keep=self.session.fact_key(new) if new else None)

    def _board_mark_claims(self, key: str) -> None:
        if self.session is not None:
            self.session.mark_fact_claims(key)

    # The editor's requests, as typed calls on the session (no dispatch by name).
    def _editor_status(self, claim_id: int, status: str) -> None:
        if self.session is not None:
            self.session.set_status(claim_id, Status(status))

    def _editor_tag_added(self, claim_id: int, name: str) -> None:
        if self.session is not None:
            self.session.add_tag(claim_id, name)

    def _editor_tag_removed(self, claim_id: int, name: str) -> None:
        if self.session is not None:
            self.session.remove_tag(claim_id, name)

    def _editor_note(self, claim_id: int, note: str) -> None:
        if self.session is not None:
            self.session.set_note(claim_id, note)

    def _editor_claimant(self, claim_id: int, name: str) -> None:
        if self.session is not None:
            self.session.set_claimant(claim_id, name)

    def _editor_evidence_removed(self, evidence_id: int, claim_id: int) -> None:
        if self.session is not None:
            self.session.remove_evidence(evidence_id, claim_id)

    def _editor_delete(self, claim_id: int) -> None:
        if self.session is not None:
            self.session.delete_claim(claim_id)

    # --- window state ----------------------------------------------------------------

    def _restore_window(self) -> None:
        if (geometry := self.settings.geometry) is not None:
            self.restoreGeometry(geometry)
        else:
            screen = QGuiApplication.primaryScreen().availableGeometry()
            self.resize(min(1500, int(screen.width() * 0.9)), min(920, int(screen.height() * 0.9)))
            width = self.width()
            # The article list gets room for its titles ("The White Helme…" was all
            # a 25% pane showed of two of the samples).
            self.splitter.setSizes([int(width * 0.30), int(width * 0.42), int(width * 0.28)])
        if (state := self.settings.state) is not None:
            self.restoreState(state)
            # a board left open last time comes back at the size the reviewer gave it
            self._board_sized = not self.figures_dock.isHidden()

    def save_window_state(self) -> None:
        self.settings.geometry = self.saveGeometry()
        self.settings.state = self.saveState()
        self.settings.set_splitter("main", self.splitter.saveState())
        self.settings.set_splitter("claims", self.claim_pane.splitter.saveState())
        self.settings.set_splitter("editor", self.editor.sections.saveState())
        self.settings.set_splitter("figures", self.figures_board.splitter.saveState())
        if self.session is not None:
            self.settings.set_last_article(self.session.path,
                                           self.article.id if self.article else None)
        self.settings.sync()

    def apply_scheme(self, choice: str) -> None:
        """Light, dark or follow the system; re-colours the highlights to match."""
        self.settings.scheme = choice
        apply_scheme(choice)
        for value, action in getattr(self, "scheme_actions", {}).items():
            action.setChecked(value == choice)
        colors = HighlightColors(QApplication.palette())
        self.reader.set_colors(colors)
        self.reader_pane.legend.set_colors(colors)
        self.reader_pane.banner.restyle()
        self.read_only_banner.restyle()
        self.figures_board.model.restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.check_outside_changes()
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "reader"):
            colors = HighlightColors(QApplication.palette())
            self.reader.set_colors(colors)
            self.reader_pane.legend.set_colors(colors)
            self.reader_pane.banner.restyle()
            self.read_only_banner.restyle()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # splitter sizes only make sense at the real width
            self._shown_once = True
            if (sizes := self.settings.splitter("main")) is not None:
                self.splitter.restoreState(sizes)
            else:  # first run: the article list gets room for its titles
                width = self.splitter.width()
                self.splitter.setSizes([int(width * 0.30), int(width * 0.42),
                                        int(width * 0.28)])  # fmt: skip
            if (sizes := self.settings.splitter("editor")) is not None:
                self.editor.sections.restoreState(sizes)
            if (sizes := self.settings.splitter("figures")) is not None:
                self.figures_board.restore_split(sizes)
            if (sizes := self.settings.splitter("claims")) is not None:
                self.claim_pane.splitter.restoreState(sizes)
            else:  # first run: the editor gets the room (note, evidence, history)
                height = self.claim_pane.splitter.height()
                self.claim_pane.splitter.setSizes([int(height * 0.3), int(height * 0.7)])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        """Icons with their words when the window is wide enough for them all, icons
        alone (the words are in the tooltips and menus) when it is not, so no button
        disappears behind the toolbar's overflow arrow in a narrow window."""
        toolbar = getattr(self, "toolbar", None)
        if toolbar is None:
            return
        wide = Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        needed = getattr(self, "_toolbar_wide_width", 0)
        if not needed:
            style = toolbar.toolButtonStyle()
            toolbar.setToolButtonStyle(wide)
            needed = self._toolbar_wide_width = toolbar.sizeHint().width()
            toolbar.setToolButtonStyle(style)
        fits = needed <= self.width()
        toolbar.setToolButtonStyle(wide if fits else Qt.ToolButtonStyle.ToolButtonIconOnly)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush_note()
        self.save_window_state()
        self.set_session(None)
        super().closeEvent(event)

    # --- project ---------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s project (closing the one shown before), or none."""
        old = self.session
        if old is not None:
            self.editor.flush_note()
            if self.article is not None:
                self.settings.set_last_article(old.path, self.article.id)
            self.undo_group.removeStack(old.undo_stack)
            old.changed.disconnect(self._on_change)
            old.suggestionsReady.disconnect(self.suggest_ctl.scored)
            old.failed.disconnect(self._on_failed)
            self._outside_poll.stop()
            old.close()
        self.session = session
        self.article = None
        self.navigator.clear_search()
        self.read_only_banner.hide()
        if session is None:
            self.navigator.articles.set_articles([])
            self._show_no_article("No project open — use File ▸ Open Project")
            self.project_label.setText("")
            self._update_enabled()
            return
        self.reviewer = session.reviewer
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.changed.connect(self._on_change)
        session.suggestionsReady.connect(self.suggest_ctl.scored)
        session.failed.connect(self._on_failed)
        self._seen_version = session.data_version()
        self._outside_poll.start()
        self.remember_project(session.path)
        self.setWindowTitle(f"factcheck — {session.path.name}")
        self.project_label.setText(str(session.path))
        self.project_label.setToolTip(str(session.path))
        self.reviewer_field.set_name(session.reviewer)
        if session.read_only:
            self.read_only_banner.show_reason(str(session.path), session.read_only_reason)
        self.navigator.articles.set_articles(session.articles())
        self.claim_pane.set_known_tags([t.name for t in session.tags()])
        ids = self.navigator.articles.ids()
        last = self.settings.last_article(session.path)
        if ids:
            self.open_article(last if last in ids else ids[0])
        else:
            self._show_no_article("This project has no articles yet — drop .txt or .md "
                                  "files here, or use File ▸ Import Articles")  # fmt: skip
        self._update_enabled()
        self.projectShown.emit()

    def _show_no_article(self, message: str) -> None:
        self.article = None
        self.reader_pane.show_metadata(None, message)
        self.reader.show_article("", [])
        self.claim_pane.model.set_rows([])
        self.reader_pane.legend.set_counts({})
        self.reader_pane.banner.set_counts(None, {})
        self.editor.show_claim(None)

    def _update_enabled(self) -> None:
        claim = self.editor.claim()
        has = {"project": self.session is not None, "article": self.article is not None,
               "claim": claim is not None, "": True,
               "fuzzy": claim is not None and claim.placement == "fuzzy",
               "reattach": bool(claim and claim.needs_review and self._text_selected)}  # fmt: skip
        for action in self.actions_by_key.values():
            needs = action.property("needs")
            if needs is not None:
                action.setEnabled(has.get(str(needs), True))

    # --- articles --------------------------------------------------------------------

    def open_article(self, article_id: int, *, claim_id: int | None = None) -> None:
        """Show an article (and select ``claim_id`` in it, if given)."""
        if self.session is None:
            return
        if self.article is None or self.article.id != article_id:
            from factcheck.ui.session.placement_rows import with_placements

            self.editor.flush_note()
            article = self.session.article(article_id)
            rows = with_placements(self.session.db, article, self.session.claim_rows(article))
            self.article = article
            self.reader_pane.show_metadata(article)
            self.reader.show_article(article.text, rows, article.direction)
            self._show_figure_underline()
            self.suggest_ctl.refresh()
            self.claim_pane.model.set_rows(rows)
            self.reader_pane.legend.set_counts(self.claim_pane.model.counts())
            self._show_review_counts()
            self.editor.show_claim(None)
            self.navigator.select_article(article_id)
            self.settings.set_last_article(self.session.path, article_id)
        if claim_id is not None:
            self.select_claim(claim_id)
        self._update_enabled()

    def _step_article(self, step: int) -> None:
        ids = self.navigator.articles.ids()
        if not ids:
            return
        here = ids.index(self.article.id) if self.article and self.article.id in ids else -1
        target = here + step
        if 0 <= target < len(ids):
            self.open_article(ids[target])
            self.reader.place_caret(0)  # on with the keyboard: the caret in the new text
        else:
            self.statusBar().showMessage("No more articles in that direction", 3000)

    def next_article(self) -> None:
        self._step_article(+1)

    def previous_article(self) -> None:
        self._step_article(-1)

    # --- claims: selection -----------------------------------------------------------

    def selected_claim(self) -> int | None:
        return self.editor.claim_id()

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Select a claim of the open article everywhere: reader, list and editor."""
        claim = self.session.claim(claim_id) if self.session and claim_id is not None else None
        if claim is not None and self.article is not None and claim.article_id != self.article.id:
            claim = None
        cid = claim.id if claim else None
        self.reader.set_selected_claim(cid, scroll=scroll)
        self.claim_pane.select_claim(cid)
        self._show_in_editor(claim.id if claim else None)
        self._update_enabled()

    def _show_in_editor(self, claim_id: int | None) -> None:
        if self.session is None or claim_id is None:
            self.editor.show_claim(None)
            return
        claim = self.session.claim(claim_id)
        if claim is None:
            self.editor.show_claim(None)
            return
        self.editor.show_claim(claim, self.session.evidence(claim_id),
                               self.session.history(claim_id), self.describe_claim,
                               brief=self.describe_claim_briefly)  # fmt: skip

    def go_to_claim(self, claim_id: int) -> None:
        """Open the claim's article and select it (from links, search, navigation)."""
        claim = self.session.claim(claim_id) if self.session else None
        if claim is not None:
            self.open_article(claim.article_id, claim_id=claim.id)

    # --- refresh after edits ---------------------------------------------------------

    def _on_change(self, change: Change, focus: int | None) -> None:
        session = self.session
        if session is None:
            return
        self._seen_version = session.data_version()
        article = self.article
        if article is not None and article.id in change.texts:
            # The open article has a new text: every offset the reader, the claim list
            # and a selection hold belongs to the old one. Read it all again.
            self._reload_open_article(focus if focus is not None else self.selected_claim())
            change = replace(change, article_ids=change.article_ids - {article.id},
                             claim_ids=frozenset(), texts=frozenset())
            focus = None
            article = self.article
        # A claim edit in the open article: its list row's counts come from the claim
        # list below, which holds all its claims (no count query on the way to a frame).
        local = article is not None and bool(change.claim_ids) and article.id in change.article_ids
        derived = change.action in DERIVED_ACTIONS  # no title, count or membership moved
        if (change.article_ids or change.article_list) and not derived:
            ids = change.article_ids - {article.id} if local and article else change.article_ids
            summaries = session.article_summaries(ids) if ids else []
            if not self.navigator.articles.update(summaries):
                current = self.article.id if self.article else None
                self.navigator.articles.set_articles(session.articles())
                self.navigator.select_article(current)
        if change.tags:
            self.claim_pane.set_known_tags([t.name for t in session.tags()])
        if (article is not None and article.id in change.article_ids
                and change.action == "set article language"):  # fmt: skip
            self.article = None  # shown again, laid out in its new direction
            self.open_article(article.id)
            article = self.article
        if article is not None and article.id in change.article_ids:
            from factcheck.ui.session.placement_rows import row_for_claim

            for cid in change.claim_ids:
                claim = session.claim(cid)
                if claim is None:
                    self.reader.remove_claim(cid)
                    self.claim_pane.model.remove(cid)
                elif claim.article_id == article.id:
                    row = row_for_claim(claim, article.text)
                    self.reader.upsert_claim(row)
                    self.claim_pane.model.upsert(row)
            if self.suggest_ctl.visible and (change.article_list or change.suggestions):
                self.suggest_ctl.refresh()
            counts = self.claim_pane.model.counts()
            self.reader_pane.legend.set_counts(counts)
            self.navigator.articles.set_counts(article.id, counts)
            self._show_review_counts()
        if focus is not None:
            target = session.claim(focus)
            if target is not None and (article is None or target.article_id != article.id):
                self.open_article(target.article_id, claim_id=focus)
            else:
                self.select_claim(focus if target else None)
        elif self.selected_claim() is not None and self.selected_claim() in change.claim_ids:
            self.select_claim(self.selected_claim(), scroll=False)
        else:
            self._update_enabled()
        if change.facts or change.figures:
            if article is not None and article.id in change.article_ids and change.figures:
                self._show_figure_underline()
            self.refresh_figures_board()
        self.after_change(change)
        if change.action not in DERIVED_ACTIONS:  # caches brought up to date are no edit
            self.statusBar().showMessage(f"Saved: {change.action}", 2500)
        self.say_if_filtered_out(focus)

    def _reload_open_article(self, claim_id: int | None = None) -> None:
        """Show the open article again from the project (its text and claims), keeping
        the scroll position and, if it still exists there, the selected claim."""
        if self.session is None or self.article is None:
            return
        article_id = self.article.id
        scroll = self.reader.verticalScrollBar().value()
        self.reader.clear_text_selection()
        self.article = None
        try:
            self.open_article(article_id)
        except FactcheckError:  # deleted elsewhere
            self._show_no_article("The article was removed from the project")
            return
        self.reader.verticalScrollBar().setValue(scroll)
        if claim_id is not None and self.session.claim(claim_id) is not None:
            self.select_claim(claim_id, scroll=False)

    def check_outside_changes(self) -> None:
        """Refresh what is shown when another window or the command line changed the
        project (SQLite's ``data_version`` moved): on focus, and on a slow timer."""
        session = self.session
        if session is None:
            return
        try:
            version = session.data_version()
        except Exception:
            return
        if version == self._seen_version:
            return
        self._seen_version = version
        self.editor.flush_note()
        current = self.article.id if self.article else None
        selected = self.selected_claim()
        self.navigator.articles.set_articles(session.articles())
        self.claim_pane.set_known_tags([t.name for t in session.tags()])
        if current is not None and current in self.navigator.articles.ids():
            self.navigator.select_article(current)
            self._reload_open_article(selected)
        elif current is not None:
            self.article = None
            self._show_no_article("The article was removed from the project elsewhere")
        self.statusBar().showMessage("Updated: the project was changed elsewhere", 4000)

    def _show_review_counts(self) -> None:
        """The review bar above the article (and whether the reader has cues to paint),
        from the claim list's rows."""
        article_id = self.article.id if self.article is not None else None
        counts = self.claim_pane.model.placement_counts()
        self.reader_pane.banner.set_counts(article_id, counts)
        set_cues_present(self.reader, counts["fuzzy"] + counts["orphaned"] > 0)

    def _on_text_selection(self) -> None:
        selected = self.reader.textCursor().hasSelection()
        if selected != self._text_selected:
            self._text_selected = selected
            self.editor.set_selection_available(selected)
            self._update_enabled()

    def _on_failed(self, message: str) -> None:
        if self.session is not None and self.session.read_only:
            # The banner already says why nothing can be saved: one line, no box per edit.
            self.statusBar().showMessage(message, 6000)
            return
        show_message(self, "Not done", message, error=True)
        self.statusBar().showMessage(message, 6000)

    # --- figures ---------------------------------------------------------------------

    def show_figures_board(self) -> None:
        """Show the figures board beside the reader (or bring it forward). Opened the
        first time, it takes 45 % of the window's height at its full width (a column per
        article, the timeline beside the grid), leaving the reader its lines; afterwards
        it keeps the place and size the reviewer gave it, across runs."""
        first = not self.figures_dock.isVisible() and not self._board_sized
        self.figures_dock.show()
        self.figures_dock.raise_()
        if first:
            self._board_sized = True
            if self.dockWidgetArea(self.figures_dock) in (Qt.DockWidgetArea.LeftDockWidgetArea,
                                                          Qt.DockWidgetArea.RightDockWidgetArea):
                self.resizeDocks([self.figures_dock], [max(420, self.width() // 2)],
                                 Qt.Orientation.Horizontal)  # fmt: skip
            else:
                self.resizeDocks([self.figures_dock], [max(300, self.height() * 9 // 20)],
                                 Qt.Orientation.Vertical)  # fmt: skip
        self.refresh_figures_board()
        self.figures_board.grid.setFocus()

    def _on_figures_dock_visible(self, visible: bool) -> None:
        if visible:
            self.refresh_figures_board()

    def refresh_figures_board(self, keep: str | None = None) -> None:
        """Reload the board (only while it is shown: it reads the facts cache), keeping
        the fact ``keep`` (else the current one) chosen. Only the listed facts and their
        articles are read here; a fact's figures are read when its row is drawn."""
        session = self.session
        if session is None or not self.figures_dock.isVisible():
            return
        if session.figures_pending():
            self._find_figures()
        only = self.figures_board.conflicts_only.isChecked()
        rows = session.facts(conflicts_only=only)
        columns = session.board_articles([r.key for r in rows])
        self.figures_board.set_grid(rows, columns, session.board_cells, session.figure_reasons,
                                    session.board_fact, session.board_titles, keep)  # fmt: skip

    def _find_figures(self) -> None:
        """Find the figures of newly imported or changed articles, with a progress
        dialog when there are many (the board then shows the complete picture)."""
        assert self.session is not None
        total = self.session.figures_pending()
        if total <= 50:
            self.session.update_figures()
            return
        from PySide6.QtWidgets import QProgressDialog

        dialog = QProgressDialog("Finding the figures of new articles…", "", 0, total, self)
        dialog.setWindowTitle("Figures")
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(300)

        def progress(done: int, todo: int) -> None:
            dialog.setMaximum(todo)
            dialog.setValue(done)

        self.session.update_figures(progress=progress)
        dialog.close()

    def open_figure(self, article_id: int, start: int, end: int) -> None:
        """Open the figure's article with the figure selected and in view."""
        self.open_article(article_id)
        if self.article is not None and self.article.id == article_id:
            self.reader.select_cp(start, end)

    # --- suggested claims (see ui/shell/suggestions.py) --------------------------------

    def toggle_suggestions(self) -> None:
        self.suggest_ctl.toggle()

    def next_suggestion(self) -> None:
        self.suggest_ctl.step(+1)

    def previous_suggestion(self) -> None:
        self.suggest_ctl.step(-1)

    def accept_suggestion(self) -> None:
        self.suggest_ctl.accept()

    def reject_suggestion(self) -> None:
        self.suggest_ctl.reject()

    def mark_everywhere(self) -> None:
        self.suggest_ctl.mark_everywhere()

    def toggle_figure_underline(self) -> None:
        on = self.actions_by_key["underline_figures"].isChecked()
        self.settings.underline_figures = on
        self._show_figure_underline()

    def _show_figure_underline(self) -> None:
        on = self.actions_by_key.get("underline_figures")
        visible = bool(on is not None and on.isChecked())
        if visible and self.session is not None and self.article is not None:
            self.reader.set_figure_spans(self.session.figure_spans(self.article.id))
        self.reader.set_figures_visible(visible)
