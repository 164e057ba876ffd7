"""Start-up: ``run()`` opens the default project with the five sample articles without
asking anything first (the reviewer's name is the system user's until changed), reports
a bad project in a message box, and the exception hook turns an unexpected error into a
message (and a log entry) instead of a traceback."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from factcheck import config, paths
from factcheck.errors import InvalidInput
from factcheck.ui.shell import app as ui_app
from factcheck.ui.shell import crash
from factcheck.ui.shell.main_window import MainWindow


def _run(db: Path | None, reviewer: str | None, qtbot: QtBot,
         inspect: Any) -> list[MainWindow]:  # fmt: skip
    """Run the app until the project is shown, inspect the window, then close it."""
    windows: list[MainWindow] = []
    failed: list[BaseException] = []

    def hook(window: MainWindow) -> None:
        windows.append(window)

        def shown() -> None:
            try:
                inspect(window)
            except BaseException as exc:  # raised again below, once the window is gone
                failed.append(exc)
            finally:
                window.close()
                QTimer.singleShot(0, QApplication.quit)

        window.projectShown.connect(shown)

    old_hook = sys.excepthook
    try:
        assert ui_app.run(db, reviewer, on_window=hook) == 0
    finally:
        sys.excepthook = old_hook
    if failed:
        raise failed[0]
    return windows


def test_fresh_default_project_opens_with_the_five_seed_articles(qtbot: QtBot) -> None:
    seen: dict[str, Any] = {}

    def inspect(window: MainWindow) -> None:
        seen["titles"] = [window.navigator.articles.article_at(r).title  # type: ignore[union-attr]
                          for r in range(window.navigator.articles.rowCount())]  # fmt: skip
        seen["article"] = window.article.id if window.article else None
        seen["reviewer"] = window.reviewer

    _run(None, None, qtbot, inspect)
    assert len(seen["titles"]) == 5 and seen["article"] == 1
    assert seen["reviewer"] == "Tess Tester"
    assert paths.default_project().is_file()


def test_first_start_asks_nothing_and_names_the_system_user(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A newcomer sees the window with the sample articles first; the name on their
    # edits is their account's, and the status bar says where to change it.
    import pwd

    config.save(config.Config(reviewer=""))
    account = pwd.getpwuid(os.getuid())
    monkeypatch.setattr(pwd, "getpwuid",
                        lambda uid: SimpleNamespace(pw_name=account.pw_name,
                                                    pw_gecos="Ana Reviewer,Room 4,,"))  # fmt: skip
    asked: list[object] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: asked.append(a)))
    seen: dict[str, Any] = {}

    def inspect(window: MainWindow) -> None:
        seen["articles"] = window.navigator.articles.rowCount()
        seen["reviewer"] = window.reviewer
        seen["button"] = window.reviewer_field.button.text()
        seen["hint"] = window.statusBar().currentMessage()
        seen["dialogs"] = [w for w in QApplication.topLevelWidgets()
                           if isinstance(w, QDialog) and w.isVisible()]  # fmt: skip

    _run(None, None, qtbot, inspect)
    assert asked == [] and seen["dialogs"] == []
    assert seen["articles"] == 5
    assert seen["reviewer"] == "Ana Reviewer" and seen["button"] == "Reviewer: Ana Reviewer"
    assert "recorded as “Ana Reviewer” — click the name" in seen["hint"]
    assert config.load().reviewer == ""  # nothing chosen yet, nothing saved


def test_a_changed_name_is_remembered_at_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    config.save(config.Config(reviewer=""))
    project = tmp_path / "a.db"

    def rename(window: MainWindow) -> None:
        qtbot.mouseClick(window.reviewer_field.button, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.reviewer_field.edit, "Ana Reviewer")
        qtbot.keyClick(window.reviewer_field.edit, Qt.Key.Key_Return)

    names: list[str] = []
    hints: list[str] = []
    _run(project, None, qtbot, rename)
    _run(project, None, qtbot, lambda w: (names.append(w.reviewer),
                                         hints.append(w.statusBar().currentMessage())))  # fmt: skip
    assert names == ["Ana Reviewer"]
    assert "click the name" not in hints[0]  # a chosen name needs no hint


def test_named_project_is_not_seeded(qtbot: QtBot, tmp_path: Path) -> None:
    counts: list[int] = []
    _run(tmp_path / "named.db", "Tess", qtbot,
         lambda w: counts.append(w.navigator.articles.rowCount()))  # fmt: skip
    assert counts == [0]


def test_unusable_project_shows_a_message_and_keeps_the_window(qtbot: QtBot,
                                                               tmp_path: Path) -> None:  # fmt: skip
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    texts: list[str] = []

    def hook(window: MainWindow) -> None:
        def check() -> None:
            boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
            if boxes:
                texts.append(boxes[0].text())
                boxes[0].close()
                window.close()
                QTimer.singleShot(0, QApplication.quit)
            else:
                QTimer.singleShot(20, check)

        window.firstPainted.connect(lambda: QTimer.singleShot(0, check))

    old = sys.excepthook
    try:
        ui_app.run(folder, "Tess", on_window=hook)
    finally:
        sys.excepthook = old
    assert texts and "is a folder, not a project file" in texts[0]


def test_exception_hook_shows_a_message_and_logs(qtbot: QtBot) -> None:
    window = MainWindow("Tess")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        crash.excepthook(type(exc), exc, exc.__traceback__)
    boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox)]
    (box,) = [b for b in boxes if "ZeroDivisionError: boom" in b.text()]
    assert "Traceback" not in box.text()
    log = paths.log_dir() / "factcheck.log"
    assert "ZeroDivisionError: boom" in log.read_text(encoding="utf-8")
    crash.excepthook(InvalidInput, InvalidInput("the quote is empty"), None)
    boxes = [b for b in QApplication.topLevelWidgets() if isinstance(b, QMessageBox)]
    assert any(b.text() == "the quote is empty" for b in boxes)
    for b in boxes:
        b.close()


def test_the_frame_comes_first_with_every_shortcut(qtbot: QtBot) -> None:
    # The window's first frame has the menus with every action and its keys; the panes
    # come after it. A shortcut pressed before them builds them and does its work.
    from factcheck.ui.common.actions import ACTIONS

    window = MainWindow("Tess", panes_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert not window.panes_built and window.toolbar is None
    in_menus = {a for menu in window.menus.values() for a in menu.actions()}
    for spec in ACTIONS:
        action = window.actions_by_key[spec.key]
        assert action in in_menus, spec.key
        assert action.shortcuts() == [QKeySequence(k) for k in spec.shortcuts], spec.key
        assert action.isEnabled() == (not spec.needs), spec.key  # no project yet
    qtbot.keyClick(window, Qt.Key.Key_F1)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "Ctrl+M" in boxes[0].text()
    assert window.panes_built and window.navigator.isVisible() and window.toolbar is not None
    for b in boxes:
        b.close()


def test_a_restart_brings_the_window_back_as_it_was_left(qtbot: QtBot, tmp_path: Path) -> None:
    # Through run(), whose panes come after the first frame: size, pane dividers, the
    # figures board dock and the last article come back.
    project = tmp_path / "a.db"
    left: dict[str, Any] = {}

    def arrange(window: MainWindow) -> None:
        left["first"] = window.splitter.sizes()  # a first run's dividers
        # wider than the first run's (90 % of the screen at most), still on the screen
        width = min(window.width() + 30, window.screen().availableGeometry().width())
        window.resize(width, window.height())
        qtbot.waitUntil(lambda: window.width() == width)
        window.splitter.setSizes([220, 420, 260])
        qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
        qtbot.waitUntil(window.figures_dock.isVisible)
        window.open_article(3)
        QApplication.processEvents()  # the dock takes its size once the layout has run
        left.update(width=window.width(), sizes=window.splitter.sizes(),
                    board=window.figures_dock.height())  # fmt: skip

    seen: dict[str, Any] = {}

    def inspect(window: MainWindow) -> None:
        seen.update(width=window.width(), sizes=window.splitter.sizes(),
                    board=window.figures_dock.isVisible() and window.figures_dock.height(),
                    article=window.article.id if window.article else None)  # fmt: skip

    from factcheck.ui.session.session import Session

    Session.open(project, "Tess", seed=True).close()
    at_once = MainWindow("Tess")  # built whole before it is shown, as the tests' windows
    qtbot.addWidget(at_once)
    at_once.show()
    qtbot.waitExposed(at_once)
    first = at_once.splitter.sizes()
    at_once.hide()
    _run(project, "Tess", qtbot, arrange)
    assert left.pop("first") == first  # the same first-run dividers
    _run(project, "Tess", qtbot, inspect)
    assert seen == {**left, "article": 3}
