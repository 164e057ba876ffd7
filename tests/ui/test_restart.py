"""Close the window, open a new one on the same file: every edit is still there, and
the window comes back the way it was left (size, panes, last article)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from factcheck.core.model import Relation, Status
from factcheck.store import queries
from tests.ui.conftest import WindowFactory, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier


def test_everything_survives_a_restart(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_PageDown, CTRL)
    assert window.article is not None and window.article.id == 3
    text = window.article.text
    start = text.index(" ", 40) + 1
    end = text.index(" ", start + 15)
    drag_select(qtbot, window.reader, start, end)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    cid = window.selected_claim()
    assert cid is not None
    qtbot.keyClick(window.reader, Qt.Key.Key_2, CTRL)
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, "figures")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "Census says otherwise")
    assert window.session is not None
    other = window.session.mark(1, 4, 17)
    assert other is not None
    window.session.link(other, cid, Relation.CONTRADICTS)
    window.open_article(3)
    screen = window.screen().availableGeometry()  # a restored window is kept on screen
    window.resize(screen.width() - 60, screen.height() - 60)
    qtbot.waitUntil(lambda: window.width() == screen.width() - 60)
    window.splitter.setSizes([200, 300, 200])
    sizes = window.splitter.sizes()
    path = window.session.path
    window.close()  # the note being typed is saved on close
    assert window.session is None

    again = make_window(path)
    assert again.article is not None and again.article.id == 3  # last article reopened
    assert again.splitter.sizes() == sizes
    assert again.size().width() == screen.width() - 60
    assert again.session is not None
    claim = queries.get_claim(again.session.db, cid)
    assert claim.status is Status.CONTRADICTED
    assert claim.tags == ("figures",)
    assert claim.note == "Census says otherwise"
    assert [e.relation for e in queries.evidence_for_claim(again.session.db, cid)] == [
        Relation.CONTRADICTS]
    assert again.reader.claim_ids() == [cid]
    assert again.claim_pane.model.rowCount() == 1
    again.select_claim(cid)
    assert again.editor.note.toPlainText() == "Census says otherwise"
