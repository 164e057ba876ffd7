"""Start-up: ``run()`` opens the default project with the five sample articles, asks the
reviewer's name once, reports a bad project in a message box, and the exception hook
turns an unexpected error into a message (and a log entry) instead of a traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
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

    def hook(window: MainWindow) -> None:
        windows.append(window)

        def shown() -> None:
            inspect(window)
            window.close()
            QTimer.singleShot(0, QApplication.quit)

        window.projectShown.connect(shown)

    old_hook = sys.excepthook
    try:
        assert ui_app.run(db, reviewer, on_window=hook) == 0
    finally:
        sys.excepthook = old_hook
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


def test_reviewer_is_asked_once_and_saved(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:  # fmt: skip
    config.save(config.Config(reviewer=""))
    asked: list[str] = []

    def fake_get_text(*args: Any, **kwargs: Any) -> tuple[str, bool]:
        asked.append(args[1])
        return "Ana Reviewer", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(fake_get_text))
    names: list[str] = []
    _run(tmp_path / "a.db", None, qtbot, lambda w: names.append(w.reviewer))
    _run(tmp_path / "a.db", None, qtbot, lambda w: names.append(w.reviewer))
    assert names == ["Ana Reviewer", "Ana Reviewer"]
    assert len(asked) == 1
    assert config.load().reviewer == "Ana Reviewer"


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
