"""GUI test setup: settings and preferences in tmp, a reviewer preset (so no dialog
blocks), and a factory building the main window on a temp project with the seeds."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QMenu
from pytestqt.qtbot import QtBot

from factcheck import config
from factcheck.ui.reader.reader import ReaderView
from factcheck.ui.shell.main_window import MainWindow

REVIEWER = "Tess Tester"
WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def _ui_isolation(tmp_path: Path) -> Iterator[None]:
    """QSettings into tmp (INI format), and a saved reviewer name."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "qsettings"))  # fmt: skip
    config.save(config.Config(reviewer=REVIEWER))
    yield


@pytest.fixture(autouse=True)
def _no_timer_left_running() -> Iterator[None]:
    """Fail a test that leaves a QTimer running after its widgets are closed (a timer
    that outlives its test fires into the next one). Set up before ``qtbot``, so this
    checks after pytest-qt has closed the test's widgets."""
    started: list[weakref.ref[QTimer]] = []
    original = QTimer.start

    def start(timer: QTimer, *args: object) -> None:
        started.append(weakref.ref(timer))
        original(timer, *args)  # type: ignore[arg-type]

    QTimer.start = start  # type: ignore[method-assign]
    try:
        yield
    finally:
        QTimer.start = original  # type: ignore[method-assign]
    QApplication.processEvents()
    running = []
    for ref in started:
        timer = ref()
        try:
            if timer is not None and timer.isActive():
                parent = timer.parent()
                running.append(f"{type(parent).__name__ if parent else 'no parent'}"
                               f" ({timer.interval()} ms)")  # fmt: skip
                timer.stop()
        except RuntimeError:  # its C++ object is gone: stopped with it
            continue
    if running:
        pytest.fail("QTimer left running after the test: " + ", ".join(running))


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "review.db"


@pytest.fixture
def make_window(qtbot: QtBot, project_path: Path) -> WindowFactory:
    """``make_window(path=None, seed=True)`` -> a shown window with the project open."""

    def make(path: Path | None = None, *, seed: bool = True) -> MainWindow:
        window = MainWindow(REVIEWER)
        qtbot.addWidget(window)
        if window.settings.geometry is None:  # first run: a roomy window
            window.resize(1400, 900)
        assert window.load_project(path or project_path, seed=seed)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
        window.reader.setFocus()
        return window

    return make


def point_of(reader: ReaderView, cp: int) -> QPoint:
    """Viewport point in the middle of the character at code-point offset ``cp``."""
    cursor = QTextCursor(reader.document())
    cursor.setPosition(reader._map.to_qt(cp))
    rect = reader.cursorRect(cursor)
    cursor.setPosition(reader._map.to_qt(cp) + 1)
    right = reader.cursorRect(cursor)
    x = (rect.left() + right.left()) // 2 if right.top() == rect.top() else rect.left() + 2
    return QPoint(x, rect.center().y())


def drag_select(qtbot: QtBot, reader: ReaderView, start: int, end: int) -> None:
    """Press on the character at ``start``, drag to the one before ``end``, release."""
    reader.scroll_to_cp(start)
    viewport = reader.viewport()
    a = QPoint(point_of(reader, start).x() - 2, point_of(reader, start).y())
    last = point_of(reader, end - 1)
    b = QPoint(last.x() + 3, last.y())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, 6):
        QTest.mouseMove(viewport, a + (b - a) * step / 5)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def after_the_frame(window: MainWindow) -> None:
    """Let the event loop turn, as it does right after a key press's frame, until the
    window has run what it left for after that frame (the article list's counts, the
    offer of the same words in other articles)."""
    for _ in range(20):
        if not window.review.after_frame.pending():
            return
        QApplication.processEvents()
    assert not window.review.after_frame.pending(), "the deferred updates never ran"


def click_char(reader: ReaderView, cp: int) -> None:
    reader.scroll_to_cp(cp)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point_of(reader, cp))  # fmt: skip


def key(qtbot: QtBot, widget: object, k: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    qtbot.keyClick(widget, k, mods)  # type: ignore[arg-type]


def choose_in_combo(qtbot: QtBot, combo: QComboBox, data: object) -> None:
    """Click ``combo`` open, arrow down (or up) to the item carrying ``data``, press
    Return: how a user picks from a drop-down list."""
    wanted = combo.findData(data)
    assert wanted >= 0, f"{data!r} is not offered"
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    for _ in range(combo.count()):
        row = popup.currentIndex().row()
        if row == wanted:
            break
        qtbot.keyClick(popup, Qt.Key.Key_Down if row < wanted else Qt.Key.Key_Up)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert combo.currentIndex() == wanted


def choose_menu(
    qtbot: QtBot, window: QMainWindow, *path: str, during: Callable[[], None] | None = None
) -> None:
    """Open a menu with a click on the menu bar, then walk it with the arrow keys and
    press Return: ``choose_menu(qtbot, w, "View", "Appearance", "Dark")``. Titles are
    compared without "&" and a trailing "…". A command that opens a modal dialog returns
    only after the dialog closes, as it does for a user: ``during`` is queued just
    before the last key press, so it runs inside the dialog's event loop."""

    def plain(text: str) -> str:
        return text.replace("&", "").rstrip("…")

    bar = window.menuBar()
    top = next(a for a in bar.actions() if plain(a.text()) == path[0])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu = top.menu()
    assert isinstance(menu, QMenu)
    qtbot.waitUntil(menu.isVisible)
    for title in path[1:]:
        action = next(a for a in menu.actions() if plain(a.text()) == title)
        assert action.isEnabled(), f"{title} is disabled"
        for _ in range(len(menu.actions()) + 1):
            if menu.activeAction() is action:
                break
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction() is action, f"{title} cannot be reached with the keys"
        if during is not None and title == path[-1]:
            QTimer.singleShot(0, during)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
        sub = action.menu()
        if isinstance(sub, QMenu):
            menu = sub
            qtbot.waitUntil(menu.isVisible)


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Drag files over the reader and drop them, as a file manager would."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.reader.viewport()
    point = QPoint(40, 40)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(target, drop)
