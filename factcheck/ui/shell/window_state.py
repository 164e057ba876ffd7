"""The main window's remembered state: its geometry, docks and toolbars, the sizes of the
pane dividers, and the article open in each project (all in :class:`WindowSettings`).

Splitter sizes are restored only once the window is shown at its real width; before
that, proportions would be taken of a window that is not yet laid out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QDockWidget, QSplitter

    from factcheck.core.model import Article
    from factcheck.ui.claims.claim_editor import ClaimEditor
    from factcheck.ui.claims.claim_pane import ClaimPane
    from factcheck.ui.common.settings import WindowSettings
    from factcheck.ui.figures.board import FiguresBoard
    from factcheck.ui.session.session import Session
    from factcheck.ui.shell.figures import FiguresController


class StatefulWindow(Protocol):
    settings: WindowSettings
    session: Session | None
    splitter: QSplitter
    claim_pane: ClaimPane
    editor: ClaimEditor
    figures_dock: QDockWidget
    figures: FiguresController
    figures_board: FiguresBoard

    @property
    def article(self) -> Article | None: ...
    def restoreGeometry(self, geometry: QByteArray | bytes | bytearray | memoryview) -> bool: ...
    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview,
                     version: int = ...) -> bool: ...  # fmt: skip
    def saveGeometry(self) -> QByteArray: ...
    def saveState(self, version: int = ...) -> QByteArray: ...
    def resize(self, w: int, h: int, /) -> None: ...


def restore_geometry(window: StatefulWindow) -> None:
    """The window's size and place as last left (first run: most of the screen)."""
    if (geometry := window.settings.geometry) is not None:
        window.restoreGeometry(geometry)
    else:
        screen = QGuiApplication.primaryScreen().availableGeometry()
        window.resize(min(1500, int(screen.width() * 0.9)), min(920, int(screen.height() * 0.9)))


def restore_docks(window: StatefulWindow) -> None:
    """Docks and toolbar as last left (called once they exist)."""
    if (state := window.settings.state) is not None:
        window.restoreState(state)
        # a board left open last time comes back at the size the reviewer gave it
        window.figures.board_sized = not window.figures_dock.isHidden()


def restore_splitters(window: StatefulWindow) -> None:
    """The pane dividers as last left; on a first run, room for the article titles in
    the list and for the editor (note, evidence, history) under the claim list."""
    settings = window.settings
    if (sizes := settings.splitter("main")) is not None:
        window.splitter.restoreState(sizes)
    else:
        width = window.splitter.width()
        window.splitter.setSizes([int(width * 0.30), int(width * 0.42), int(width * 0.28)])
    if (sizes := settings.splitter("editor")) is not None:
        window.editor.sections.restoreState(sizes)
    if (sizes := settings.splitter("figures")) is not None:
        window.figures_board.restore_split(sizes)
    claims = window.claim_pane.splitter
    if (sizes := settings.splitter("claims")) is not None:
        claims.restoreState(sizes)
    else:
        height = claims.height()
        claims.setSizes([int(height * 0.3), int(height * 0.7)])


def save_geometry(window: StatefulWindow) -> None:
    """Only the window's size and place (when nothing else was built)."""
    window.settings.geometry = window.saveGeometry()
    window.settings.sync()


def save_window_state(window: StatefulWindow) -> None:
    settings = window.settings
    settings.geometry = window.saveGeometry()
    settings.state = window.saveState()
    settings.set_splitter("main", window.splitter.saveState())
    settings.set_splitter("claims", window.claim_pane.splitter.saveState())
    settings.set_splitter("editor", window.editor.sections.saveState())
    settings.set_splitter("figures", window.figures_board.splitter.saveState())
    if window.session is not None:
        article = window.article
        settings.set_last_article(window.session.path, article.id if article else None)
    settings.sync()
