"""The main window: chrome and wiring. It builds the article list | reader | claim pane,
the menus, toolbar and status bar, and connects the widgets' signals to the objects that
act on them; it decides nothing about what is shown.

Who owns what:

- :class:`~factcheck.ui.session.open_article.OpenArticle` (``article_model``): the open
  article, its claims and the selected claim. The reader (with its review bar and legend)
  and the claim list observe it.
- :class:`~factcheck.ui.shell.review.ReviewController` (``review``): opening articles,
  selection, refreshing after each ``Session.changed(change, focus)`` and after other
  programs' edits, and which actions are enabled.
- :class:`~factcheck.ui.shell.suggestions.SuggestionController` (``suggest_ctl``) and
  :class:`~factcheck.ui.shell.figures.FiguresController` (``figures``): suggested claims,
  the figures board and underline.
- The :class:`Session`: every read and every edit (the window and its commands only ask).
- The command mixins (:mod:`~factcheck.ui.shell.window_commands`,
  :mod:`~factcheck.ui.shell.curation_commands`): the menu commands, mapped to the action
  table's keys by :meth:`MainWindow.commands`.

Start-up comes in two steps, so the window appears about as fast as a bare Qt window.
The *frame* (:meth:`MainWindow.__init__`): the menus with every action and its shortcut,
the remembered size and place, a light or dark palette chosen in View ▸ Appearance. Then
the *panes* (:meth:`MainWindow.build_panes`): the article list, reader and claim pane,
the toolbar, the status bar's fields, the docks and their remembered layout, the
controllers, the palette when it follows the system. ``factcheck``
builds the panes right after the window's first frame, with the project
(:meth:`load_project` builds them first); anything else that makes a window gets both
at once. An action triggered before the panes exist builds them first, so every
shortcut works from the start. What the frame needs is imported here; what the panes
need, in :meth:`MainWindow.build_panes`. Nothing before the first frame touches Qt's
``Qt`` namespace: PySide6 makes its ~90 enums (``Qt.Key`` alone has ~470 members) the
first time it is used, some 40 ms, a sixth of a bare window's whole start.

The store is imported only when a project is opened (see :mod:`factcheck.ui.shell.app`), so
the first frame of the window does not wait for it either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QUndoGroup
from PySide6.QtWidgets import QWidget

from factcheck.ui.common.actions import ACTIONS
from factcheck.ui.common.settings import WindowSettings
from factcheck.ui.shell import window_state
from factcheck.ui.shell.curation_commands import CurationCommands

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QPaintEvent, QResizeEvent, QShowEvent
    from PySide6.QtWidgets import QDockWidget, QLabel, QSplitter, QToolBar

    from factcheck.ui.articles.navigator import Navigator
    from factcheck.ui.claims.claim_editor import ClaimEditor
    from factcheck.ui.claims.claim_pane import ClaimPane
    from factcheck.ui.figures.board import FiguresBoard
    from factcheck.ui.reader.reader import ReaderView
    from factcheck.ui.reader.reader_pane import ReaderPane
    from factcheck.ui.session.open_article import OpenArticle
    from factcheck.ui.session.session import Session
    from factcheck.ui.shell.figures import FiguresController
    from factcheck.ui.shell.read_only_banner import ReadOnlyBanner
    from factcheck.ui.shell.review import ReviewController
    from factcheck.ui.shell.reviewer_field import ReviewerField
    from factcheck.ui.shell.suggestions import SuggestionController

OUTSIDE_POLL_MS = 2000  # how often to look for edits made by another program


class MainWindow(CurationCommands):
    """Signals: ``firstPainted`` once the window has drawn itself the first time;
    ``projectShown`` each time a project is loaded into it.

    ``panes_later``: build only the frame now, and the panes when :meth:`build_panes`
    is called (or a project is loaded, or an action triggered)."""

    firstPainted = Signal()
    projectShown = Signal()
    toolbar: QToolBar | None = None  # built with the panes
    _toolbar_wide_width = 0  # the toolbar's width with words beside its icons
    panes_built = False

    if TYPE_CHECKING:  # made by build_panes
        article_model: OpenArticle
        navigator: Navigator
        reader_pane: ReaderPane
        reader: ReaderView
        claim_pane: ClaimPane
        editor: ClaimEditor
        splitter: QSplitter
        read_only_banner: ReadOnlyBanner
        figures_board: FiguresBoard
        figures_dock: QDockWidget
        suggest_ctl: SuggestionController
        figures: FiguresController
        review: ReviewController
        reviewer_field: ReviewerField
        project_label: QLabel

    def __init__(self, reviewer: str = "", parent: QWidget | None = None, *,
                 panes_later: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("factcheck")
        self.setAccessibleName("factcheck")
        self.setAcceptDrops(True)
        self.settings = WindowSettings()
        self.reviewer = reviewer
        self.session: Session | None = None
        self._painted = False
        self._shown_once = False
        self.undo_group = QUndoGroup(self)
        # Other writers (a second window, the command line): noticed when the window
        # regains focus and on a slow poll of SQLite's data_version (a cheap pragma).
        self._outside_poll = QTimer(self)
        self._outside_poll.setInterval(OUTSIDE_POLL_MS)
        self.actions_by_key: dict[str, QAction] = {}
        self._commands: dict[str, Callable[[], object]] = {}
        self._context_actions: list[QAction | None] = []  # None draws a separator
        self.scheme_actions: dict[str, QAction] = {}  # View ▸ Appearance, by choice
        self._build_actions()
        self._build_recent_menu()
        self.setCentralWidget(QWidget())  # the panes' place until they are built
        scheme = self.settings.scheme
        if scheme != "system":  # "system" asks Qt's namespace: with the panes
            from factcheck.ui.common import theme

            theme.apply_scheme(scheme)
        for value, action in self.scheme_actions.items():
            action.setChecked(value == scheme)
        window_state.restore_geometry(self)
        for action in self.actions_by_key.values():  # no project open yet
            needs = action.property("needs")
            if needs is not None:
                action.setEnabled(not needs)
        if not panes_later:
            self.build_panes()

    def build_panes(self) -> None:
        """Build the article list, reader and claim pane, the toolbar, the status bar's
        fields, the docks and the controllers, and restore their remembered layout
        (once; a second call does nothing)."""
        if self.panes_built:
            return
        self.panes_built = True
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QDockWidget, QSplitter, QVBoxLayout

        from factcheck.ui.articles.navigator import Navigator
        from factcheck.ui.claims.claim_pane import ClaimPane
        from factcheck.ui.common.resources import icon
        from factcheck.ui.figures.board import FiguresBoard
        from factcheck.ui.reader.reader_pane import ReaderPane
        from factcheck.ui.session.open_article import OpenArticle
        from factcheck.ui.shell.figures import FiguresController
        from factcheck.ui.shell.read_only_banner import ReadOnlyBanner
        from factcheck.ui.shell.review import ReviewController
        from factcheck.ui.shell.suggestions import SuggestionController

        self.setWindowIcon(icon("app"))
        self.article_model = OpenArticle(self)
        self.navigator = Navigator()
        self.reader_pane = ReaderPane()
        self.reader = self.reader_pane.reader
        self.reader_pane.observe(self.article_model)
        self.claim_pane = ClaimPane(self.article_model)
        self.editor = self.claim_pane.editor
        for w in (self.navigator.search, self.editor.tag_input, self.editor.note):
            w.setAcceptDrops(False)  # a dropped file means "import", wherever it lands
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setAccessibleName("Pane dividers")
        for i, (pane, stretch) in enumerate(((self.navigator, 2), (self.reader_pane, 5),
                                             (self.claim_pane, 3))):  # fmt: skip
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(i, stretch)
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
        self._build_toolbar()
        for spec in ACTIONS:
            if spec.icon:
                self.actions_by_key[spec.key].setIcon(icon(spec.icon))
        for name in ("undo", "redo"):
            self.actions_by_key[name].setIcon(icon(name))
        self._build_status_bar()

        self.suggest_ctl = SuggestionController(self, self.settings)
        self.figures = FiguresController(self)
        self.review = ReviewController(self, self.article_model)
        self._outside_poll.timeout.connect(self.review.check_outside_changes)
        commands = self.commands()
        self._commands = {spec.key: commands[spec.key] for spec in ACTIONS}
        self.reader.context_actions = self._context_actions
        self._build_curation()
        self._connect_views()
        self.apply_scheme(self.settings.scheme)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            lambda _s: self.apply_scheme(self.settings.scheme))
        self.review.update_enabled()
        if self._shown_once:  # shown already: lay the panes out at the window's width
            # Docks and dividers are restored into a laid-out window, as they are
            # into one being shown: the panes first, then the docks around them.
            central.show()  # (Qt would show it later, after the splitters are sized)
            self._lay_out()
            window_state.restore_docks(self)
            self._lay_out()
            window_state.restore_splitters(self)
            self._fit_toolbar()
        else:
            window_state.restore_docks(self)

    # --- construction ----------------------------------------------------------------

    def commands(self) -> dict[str, Callable[[], object]]:
        """The command of each action of :data:`~factcheck.ui.common.actions.ACTIONS`, by
        its key (typed calls: a renamed method fails the type check, a missing key the
        start of the window)."""
        from factcheck.core.model import Status

        s, f = self.suggest_ctl, self.figures
        return {
            "new_project": self.new_project, "open_project": self.open_project,
            "open_default": self.open_default_project, "import_files": self.import_files,
            "paste_article": self.paste_article, "export_report": self.export_report,
            "sync": self.sync_project, "quit": self.close, "find": self.focus_search,
            "edit_text": self.edit_article_text, "article_language": self.edit_article_language,
            "edit_details": self.edit_article_details, "delete_article": self.delete_article,
            "manage_tags": self.manage_tags, "reviewer": self.change_reviewer,
            "next_article": lambda: self.review.step_article(+1),
            "previous_article": lambda: self.review.step_article(-1),
            "next_unverified": self.next_unverified,
            "previous_unverified": self.previous_unverified, "focus_text": self.focus_text,
            "figures_board": f.show_board, "underline_figures": f.toggle_underline,
            "show_suggestions": s.toggle, "next_suggestion": lambda: s.step(+1),
            "previous_suggestion": lambda: s.step(-1),
            "show_review": self.show_claims_needing_review,
            "clear_filters": self.clear_claim_filters,
            "claims_table": self.toggle_claims_table, "mark": self.mark_selection,
            "accept_suggestion": s.accept, "reject_suggestion": s.reject,
            "mark_everywhere": s.mark_everywhere,
            "corroborated": lambda: self.verdict(Status.CORROBORATED),
            "contradicted": lambda: self.verdict(Status.CONTRADICTED),
            "inconclusive": lambda: self.verdict(Status.INCONCLUSIVE),
            "unverified": lambda: self.verdict(Status.UNVERIFIED),
            "add_tag": self.add_tag, "link_claim": self.link_claim,
            "add_source": self.add_source, "confirm_placement": self.confirm_placement,
            "reattach_claim": self.reattach_selection, "delete_claim": self.delete_claim,
            "curate": self.curate, "shortcuts": self.show_shortcuts, "about": self.show_about,
        }  # fmt: skip

    def _lay_out(self) -> None:
        """Give the window's parts their sizes now, not at the next event loop turn."""
        central = self.centralWidget()
        for layout in (self.layout(), central.layout() if central is not None else None):
            if layout is not None:
                layout.activate()

    def _run(self, key: str) -> None:
        """Run the command of action ``key``, building the panes first if need be."""
        self.build_panes()
        self._commands[key]()

    def _build_status_bar(self) -> None:
        from PySide6.QtWidgets import QLabel

        from factcheck.ui.shell.reviewer_field import ReviewerField

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
        from factcheck.core.model import Status

        review = self.review
        self.navigator.articleChosen.connect(review.open_article)
        self.navigator.articleEntered.connect(self.focus_text)
        self.navigator.hitActivated.connect(self.open_hit)
        self.navigator.queryChanged.connect(self.run_search)
        self.reader.claimClicked.connect(lambda cid: review.select_claim(cid, scroll=False))
        self.reader.emptyClicked.connect(lambda: review.select_claim(None))
        self.reader.suggestionClicked.connect(self.suggest_ctl.clicked)
        self.reader.selectionChanged.connect(
            lambda: review.text_selection_changed(self.reader.textCursor().hasSelection()))
        self.reader.describe_claims = self.describe_claims
        listed = self.claim_pane.suggestions
        listed.activated.connect(self.suggest_ctl.listed)
        listed.acceptRequested.connect(self.suggest_ctl.accept)
        listed.rejectRequested.connect(self.suggest_ctl.reject)
        self.claim_pane.claimSelected.connect(review.select_claim)
        self.reader_pane.banner.showRequested.connect(self.show_claims_needing_review)
        ed = self.editor
        # The editor's requests, as typed calls on the session (no dispatch by name).
        edit = self._edit
        ed.statusChosen.connect(lambda c, v: edit(lambda s: s.set_status(c, Status(v))))
        ed.tagAdded.connect(lambda c, v: edit(lambda s: s.add_tag(c, v)))
        ed.tagRemoved.connect(lambda c, v: edit(lambda s: s.remove_tag(c, v)))
        ed.noteEdited.connect(lambda c, v: edit(lambda s: s.set_note(c, v)))
        ed.claimantEdited.connect(lambda c, v: edit(lambda s: s.set_claimant(c, v)))
        ed.evidenceRemoved.connect(lambda e, c: edit(lambda s: s.remove_evidence(e, c)))
        ed.deleteRequested.connect(lambda c: edit(lambda s: s.delete_claim(c)))
        ed.linkRequested.connect(lambda _cid: self.link_claim())
        ed.sourceRequested.connect(lambda _cid: self.add_source())
        ed.claimActivated.connect(review.go_to_claim)
        ed.confirmPlacementRequested.connect(self.confirm_placement)
        ed.reattachRequested.connect(self.reattach_selection)

    def _edit(self, edit: Callable[[Session], object]) -> None:
        """Hand an editor's request to the session (dropped with no project open)."""
        if self.session is not None:
            edit(self.session)

    # --- window state and events ----------------------------------------------------

    def apply_scheme(self, choice: str) -> None:
        """Light, dark or follow the system; re-colours the highlights to match."""
        from factcheck.ui.common import theme

        self.settings.scheme = choice
        theme.apply_scheme(choice)
        for value, action in self.scheme_actions.items():
            action.setChecked(value == choice)
        if self.panes_built:
            self._recolor()

    def _recolor(self) -> None:
        from PySide6.QtWidgets import QApplication

        from factcheck.ui.common.theme import HighlightColors

        colors = HighlightColors(QApplication.palette())
        self.reader.set_colors(colors)
        self.reader_pane.legend.set_colors(colors)
        self.reader_pane.banner.restyle()
        self.read_only_banner.restyle()
        self.figures_board.model.restyle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if not self.panes_built:  # (nor while they are being built)
            return
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.review.check_outside_changes()
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "figures_board"):
            self._recolor()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:  # splitter sizes only make sense at the real width
            self._shown_once = True
            if self.panes_built:
                window_state.restore_splitters(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.firstPainted.emit)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.panes_built:
            self.editor.flush_note()
            window_state.save_window_state(self)
            self.set_session(None)
        else:  # closed before its panes were built: the rest is as it was left last time
            window_state.save_geometry(self)
        super().closeEvent(event)

    # --- project ---------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s project (closing the one shown before), or none."""
        self.build_panes()
        old = self.session
        if old is not None:
            self.editor.flush_note()
            if self.article is not None:
                self.settings.set_last_article(old.path, self.article.id)
            self.undo_group.removeStack(old.undo_stack)
            old.changed.disconnect(self.review.on_change)
            old.suggestionsReady.disconnect(self.suggest_ctl.scored)
            old.failed.disconnect(self._on_failed)
            self._outside_poll.stop()
            old.close()
        self.session = session
        self.article_model.show(None)
        self.navigator.clear_search()
        self.read_only_banner.hide()
        if session is None:
            self.navigator.articles.set_articles([])
            self.review.show_no_article("No project open — use File ▸ Open Project")
            self.project_label.setText("")
            self.review.update_enabled()
            return
        self.reviewer = session.reviewer
        self.undo_group.addStack(session.undo_stack)
        self.undo_group.setActiveStack(session.undo_stack)
        session.changed.connect(self.review.on_change)
        session.suggestionsReady.connect(self.suggest_ctl.scored)
        session.failed.connect(self._on_failed)
        self.review.seen_version = session.data_version()
        self._outside_poll.start()
        self.remember_project(session.path)
        self.setWindowTitle(f"factcheck — {session.path.name}")
        self.project_label.setText(str(session.path))
        self.project_label.setToolTip(str(session.path))
        self.reviewer_field.set_name(session.reviewer)
        if session.read_only:
            self.read_only_banner.show_reason(str(session.path), session.read_only_reason)
        self.review.show_project(session)
        self.projectShown.emit()

    def _on_failed(self, message: str) -> None:
        if self.session is not None and self.session.read_only:
            # The banner already says why nothing can be saved: one line, no box per edit.
            self.statusBar().showMessage(message, 6000)
            return
        from factcheck.ui.common.messages import show_message

        show_message(self, "Not done", message, error=True)
        self.statusBar().showMessage(message, 6000)

    # --- the controller's, for the commands and the tests ----------------------------

    def open_article(self, article_id: int, *, claim_id: int | None = None) -> None:
        """Show an article (and select ``claim_id`` in it, if given)."""
        self.review.open_article(article_id, claim_id=claim_id)

    def selected_claim(self) -> int | None:
        return self.review.selected_claim()

    def select_claim(self, claim_id: int | None, *, scroll: bool = True) -> None:
        """Select a claim of the open article everywhere: reader, list and editor."""
        self.review.select_claim(claim_id, scroll=scroll)
