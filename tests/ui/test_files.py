"""Dropping .txt/.md files on the window imports them with the importer's messages;
File > New Project starts empty; a project that can't be opened is reported."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from tests.ui.conftest import WindowFactory, drop_files


def test_dropping_files_imports_them_and_names_refused_ones(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window()
    good = tmp_path / "bridge.md"
    good.write_text("# Harbour bridge repairs delayed\n\nRepairs will not finish until 2027.\n",
                    encoding="utf-8")  # fmt: skip
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    drop_files(window, [good, empty, binary])
    qtbot.waitUntil(lambda: window.navigator.articles.rowCount() == 6)
    assert window.article is not None and window.article.title == "Harbour bridge repairs delayed"
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "1 imported, 0 already in the project, 2 refused" in box.text()
    assert "empty.txt: the file is empty" in box.text()
    assert "photo.txt: looks like a binary file" in box.text()
    box.close()
    drop_files(window, [good])  # the same file again: a duplicate, not a second article
    qtbot.waitUntil(lambda: "already in the project" in window.statusBar().currentMessage())
    assert queries.article_count(window.session.db) == 6  # type: ignore[union-attr]


def test_new_project_is_empty_and_open_reports_bad_files(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window()
    assert window.load_project(tmp_path / "fresh.db", create=True)
    assert window.navigator.articles.rowCount() == 0
    assert "no articles yet" in window.reader_pane.title.text()
    bad = tmp_path / "notes.db"
    bad.write_text("this is not a database", encoding="utf-8")
    assert not window.load_project(bad)
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    assert "notes.db: not a factcheck project file" in box.text()
    assert window.session is not None and window.session.path.name == "fresh.db"
