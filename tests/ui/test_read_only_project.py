"""A project that cannot be written opens in the window read-only: a banner says so
once, the articles and claims are all there, and an edit tried anyway gets a line in
the status bar instead of a message box per edit. Nothing is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from factcheck.store import importer, ops, queries
from factcheck.store.project import connect
from factcheck.ui.session.session import Session
from factcheck.ui.shell.main_window import MainWindow
from tests.conftest import REPO
from tests.hostile.conftest import dump
from tests.ui.conftest import REVIEWER, click_char

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_read_only_project_shows_a_banner_and_refuses_edits_quietly(
    qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "p.db"
    db = connect(path)
    importer.import_paths(db, [REPO / "seeds"], "t")
    importer.mark_seeded(db)
    cid = ops.mark_quote(db, 1, "White Helmets", "t").created_id
    assert cid is not None
    claim = queries.get_claim(db, cid)
    db.close()
    before = dump(path)

    window = MainWindow(REVIEWER)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.set_session(Session.open(path, REVIEWER, read_only=True))
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.read_only_banner.isVisible()
    assert "read-only" in window.read_only_banner.message.text()
    assert len(window.navigator.articles.ids()) == 5

    window.open_article(1)
    click_char(window.reader, claim.start + 2)
    qtbot.waitUntil(lambda: window.editor.claim() is not None)
    for _ in range(3):
        qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes == []
    assert "cannot save: the project is read-only" in window.statusBar().currentMessage()
    assert window.read_only_banner.isVisible()
    window.set_session(None)
    assert not window.read_only_banner.isVisible()
    assert dump(path) == before
