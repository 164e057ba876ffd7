"""GUI test setup: settings and preferences in tmp, a reviewer preset (so no dialog
blocks), and a factory building the main window on a temp project with the seeds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from factcheck import config
from factcheck.ui.main_window import MainWindow
from factcheck.ui.reader import ReaderView

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


def click_char(reader: ReaderView, cp: int) -> None:
    reader.scroll_to_cp(cp)
    QTest.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point_of(reader, cp))  # fmt: skip


def key(qtbot: QtBot, widget: object, k: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:  # fmt: skip
    qtbot.keyClick(widget, k, mods)  # type: ignore[arg-type]
