"""Starting the window: ``factcheck`` with no command calls :func:`run`.

Order of work, chosen so the window appears as fast as a bare Qt window: create the
application, show the window's frame (menus with every action and shortcut, status bar,
remembered size; see :mod:`factcheck.ui.shell.main_window`), and only after its first
frame build the panes, import the store, open the project (seeding a new default
project with the sample articles) and fill the window. A project that cannot be
opened is reported in a message box; the window stays, with File ▸ Open available.

Nothing is asked before the window: on a first start the reviewer's name is the system
user's, and the status bar says so and where to change it.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from factcheck import paths
from factcheck.errors import FactcheckError
from factcheck.paths import APP_NAME
from factcheck.ui.common.messages import show_message
from factcheck.ui.shell import crash
from factcheck.ui.shell.main_window import MainWindow
from factcheck.ui.shell.reviewer import resolve_reviewer


def application() -> QApplication:
    """The QApplication (created if needed) with names that give QSettings a home, in
    the Fusion style. A new application is given the style on its command line:
    ``QApplication.setStyle`` returns the style, and handing a QStyle to Python makes
    PySide6 load the QStyle class (~10 ms before the first frame)."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    else:
        QApplication.setStyle("Fusion")
    app.setApplicationDisplayName("factcheck")
    app.setDesktopFileName(APP_NAME)
    return app


def freeze_long_lived() -> None:
    """Tell Python's cyclic garbage collector to stop re-scanning what lives as long as
    the window (modules, classes, the widgets' wrappers: some 65,000 objects once a
    project is shown). A full collection walked all of them, 50-100 ms, and one fell
    inside every third or so article opened (each open makes thousands of claim rows);
    afterwards it walks only what was made since. Called once the project is shown;
    :func:`thaw` undoes it."""
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Make the frozen objects collectable again (the window is gone)."""
    gc.unfreeze()


def once(signal: SignalInstance, slot: Callable[[], object]) -> None:
    """Call ``slot`` the next time ``signal`` fires, and not again (Qt's
    SingleShotConnection is named in Qt's namespace, which the first frame goes
    without)."""

    def call() -> None:
        signal.disconnect(call)
        slot()

    signal.connect(call)


def open_project_later(window: MainWindow, db_path: Path | None) -> None:
    """After the first frame: build the window's panes and open the project in them."""
    path = db_path or paths.default_project()

    def load() -> None:
        window.load_project(path, seed=db_path is None or path == paths.default_project())

    if window.isVisible():
        once(window.firstPainted, load)
    else:
        QTimer.singleShot(0, load)


def run(db_path: Path | None, reviewer: str | None, *,
        on_window: Callable[[MainWindow], None] | None = None) -> int:  # fmt: skip
    """Open the window on ``db_path`` (the default project when None) and run until it
    is closed; the exit status. ``on_window`` is called with the window before it is
    shown (tests and the start-up benchmark hook in there)."""
    app = application()
    crash.install()
    try:
        name, chosen = resolve_reviewer(reviewer)
        window = MainWindow(name, panes_later=True)
    except FactcheckError as exc:
        show_message(None, "factcheck cannot start", str(exc), error=True)
        return app.exec()
    if on_window is not None:
        on_window(window)
    window.show()
    if not chosen:
        window.hint_reviewer()
    once(window.projectShown, freeze_long_lived)
    open_project_later(window, db_path)
    try:
        return app.exec()
    finally:
        thaw()
