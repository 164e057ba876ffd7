"""The figures in the window: the figures board (a dock under the reader, at the
window's width; the reviewer may move it) and the faint dotted underline of the open
article's figures.

A plain controller: it asks the session for facts and hands the board's requests (rename,
merge, move, split, dismiss, mark as claims) to it; the board and the reader only show
what they are given. The board reads the facts cache, so it is refreshed only while shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QWidget

if TYPE_CHECKING:
    from factcheck.core.model import Article
    from factcheck.ui.common.settings import WindowSettings
    from factcheck.ui.figures.board import FiguresBoard
    from factcheck.ui.reader.reader import ReaderView
    from factcheck.ui.session.session import Session

MANY_PENDING = 50  # more articles than this to scan: a progress dialog


class FiguresWindow(Protocol):
    """What the controller needs of the window (it implements it; no import cycle)."""

    session: Session | None
    settings: WindowSettings
    reader: ReaderView
    figures_board: FiguresBoard
    figures_dock: QDockWidget
    actions_by_key: dict[str, QAction]

    @property
    def article(self) -> Article | None: ...
    def open_article(self, article_id: int, *, claim_id: int | None = None) -> None: ...
    def height(self) -> int: ...
    def resizeDocks(self, docks: list[QDockWidget], sizes: list[int],
                    orientation: Qt.Orientation) -> None: ...  # fmt: skip


class FiguresController(QObject):
    def __init__(self, window: FiguresWindow) -> None:
        super().__init__()
        self.w = window
        self.board_sized = False  # the board given its first-open height
        board = window.figures_board
        board.conflictsOnlyChanged.connect(lambda _on: self.refresh_board())
        board.figureActivated.connect(self.open_figure)
        board.renameRequested.connect(self._rename)
        board.dismissRequested.connect(self._dismiss)
        board.markClaimsRequested.connect(self._mark_claims)
        board.mergeRequested.connect(self._merge)
        board.moveRequested.connect(self._move)
        board.splitRequested.connect(self._split)
        window.figures_dock.visibilityChanged.connect(self._dock_visible)

    # --- the board -----------------------------------------------------------------

    def show_board(self) -> None:
        """Show the figures board beside the reader (or bring it forward). Opened the
        first time, it takes 45 % of the window's height at its full width (a column per
        article, the timeline beside the grid), leaving the reader its lines; afterwards
        it keeps the place and size the reviewer gave it, across runs."""
        dock = self.w.figures_dock
        first = not dock.isVisible() and not self.board_sized
        dock.show()
        dock.raise_()
        if first:
            self.board_sized = True
            self.w.resizeDocks([dock], [max(300, self.w.height() * 9 // 20)],
                               Qt.Orientation.Vertical)  # fmt: skip
        self.refresh_board()
        self.w.figures_board.grid.setFocus()

    def _dock_visible(self, visible: bool) -> None:
        if visible:
            self.refresh_board()

    def refresh_board(self, keep: str | None = None) -> None:
        """Reload the board (only while it is shown: it reads the facts cache), keeping
        the fact ``keep`` (else the current one) chosen. Only the listed facts and their
        articles are read here; the board reads the rest as it comes into view."""
        session, board = self.w.session, self.w.figures_board
        if session is None or not self.w.figures_dock.isVisible():
            return
        if session.figures_pending():
            self._find_figures(session)
        only = board.conflicts_only.isChecked()
        rows = session.facts(conflicts_only=only)
        columns = session.board_articles([r.key for r in rows])
        board.set_grid(rows, columns, session.board_cells, session.figure_reasons,
                       session.board_fact, session.board_titles, keep)  # fmt: skip

    def _find_figures(self, session: Session) -> None:
        """Find the figures of newly imported or changed articles, with a progress
        dialog when there are many (the board then shows the complete picture)."""
        total = session.figures_pending()
        if total <= MANY_PENDING:
            session.update_figures()
            return
        from PySide6.QtWidgets import QProgressDialog

        parent = self.w if isinstance(self.w, QWidget) else None
        dialog = QProgressDialog("Finding the figures of new articles…", "", 0, total, parent)
        dialog.setWindowTitle("Figures")
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(300)

        def progress(done: int, todo: int) -> None:
            dialog.setMaximum(todo)
            dialog.setValue(done)

        session.update_figures(progress=progress)
        dialog.close()

    def open_figure(self, article_id: int, start: int, end: int) -> None:
        """Open the figure's article with the figure selected and in view."""
        self.w.open_article(article_id)
        article = self.w.article
        if article is not None and article.id == article_id:
            self.w.reader.select_cp(start, end)

    # --- the board's requests, as typed calls on the session -------------------------

    def _rename(self, key: str, name: str) -> None:
        if self.w.session is not None:
            self.w.session.rename_fact(key, name)

    def _dismiss(self, figure_id: int) -> None:
        if self.w.session is not None:
            self.w.session.dismiss_figure(figure_id)

    def _merge(self, key: str, into: str) -> None:
        if self.w.session is not None:
            self.w.session.merge_facts(key, into)
            self.refresh_board(keep=into)

    def _move(self, figure_id: int, to: str) -> None:
        if self.w.session is not None:
            self.w.session.move_figure(figure_id, to)

    def _split(self, key: str, figure_ids: list[int], name: str) -> None:
        session = self.w.session
        if session is not None:
            change = session.split_fact(key, figure_ids, name)
            new = change.created_id if change else None
            self.refresh_board(keep=session.fact_key(new) if new else None)

    def _mark_claims(self, key: str) -> None:
        if self.w.session is not None:
            self.w.session.mark_fact_claims(key)

    # --- the underline in the reader -----------------------------------------------

    def toggle_underline(self) -> None:
        self.w.settings.underline_figures = self.w.actions_by_key["underline_figures"].isChecked()
        self.show_underline()

    def show_underline(self) -> None:
        """Underline the open article's figures, if View ▸ Underline Figures is on."""
        on = self.w.actions_by_key.get("underline_figures")
        visible = bool(on is not None and on.isChecked())
        article = self.w.article
        if visible and self.w.session is not None and article is not None:
            self.w.reader.set_figure_spans(self.w.session.figure_spans(article.id))
        self.w.reader.set_figures_visible(visible)
