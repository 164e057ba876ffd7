"""The main window's file and project commands: import (dialog, drag and drop), new,
open and load a project (a mixin under
:class:`~factcheck.ui.shell.window_commands.WindowCommands`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from factcheck.ui.common.messages import show_message
from factcheck.ui.shell.window_chrome import WindowChrome

# As in window_commands: Qt's namespace and the dialogs are imported where used, so the
# window's first frame does not wait for them.
if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from factcheck.ui.session.session import Session

PROJECT_FILTER = "factcheck projects (*.db);;All files (*)"


def import_filter() -> str:
    """The Import dialog's filters, the first (the default) naming every format the
    importer reads, so no readable file is hidden."""
    from factcheck.core.ingest import supported_suffixes

    every = " ".join(f"*{s}" for s in supported_suffixes())
    return f"Articles ({every});;All files (*)"


class FileCommands(WindowChrome):
    """Import files and open or create projects in the main window."""

    if TYPE_CHECKING:
        session: Session | None
        reviewer: str

        def open_article(self, article_id: int, *, claim_id: int | None = None) -> None: ...
        def set_session(self, session: Session | None) -> None: ...
        def build_panes(self) -> None: ...

    # --- files -----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.session is not None and event.mimeData().hasUrls() and any(
                u.isLocalFile() for u in event.mimeData().urls()):  # fmt: skip
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if self.session is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.session is not None:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.import_paths(paths))

    def import_paths(self, paths: list[Path]) -> None:
        from factcheck.ui.articles.importing import run_import

        if self.session is None:
            return
        first = run_import(self, self.session, paths)
        if first is not None:
            self.open_article(first)

    def import_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(self, "Import articles", "", import_filter())
        if names:
            self.import_paths([Path(n) for n in names])

    def new_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self, "New project", "project.factcheck.db",
                                              PROJECT_FILTER)
        if name:
            self.load_project(Path(name), create=True)

    def open_project(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, "Open project", "",
                                              PROJECT_FILTER)
        if name:
            self.load_project(Path(name))

    def load_project(self, path: Path, *, create: bool = False, seed: bool = False) -> bool:
        """Open (or create, empty) the project at ``path`` in this window. A project that
        cannot be opened is reported and the current one stays open."""
        from factcheck.errors import FactcheckError
        from factcheck.ui.session.session import Session

        self.build_panes()

        try:
            if create:
                if path.exists():
                    path.unlink()  # the save dialog already asked whether to replace it
                session = Session.create(path, self.reviewer)
            else:
                session = Session.open(path, self.reviewer, seed=seed)
        except (FactcheckError, OSError) as exc:
            show_message(self, "Cannot open project", str(exc), error=True)
            return False
        self.set_session(session)
        return True
