"""Linking a claim to a claim in another article (searchable list) and adding an outside
source, through the dialogs, with clicks and typing; links show on both ends."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from factcheck.core.model import Relation
from factcheck.store import queries
from factcheck.ui.claims.evidence_dialogs import LinkClaimDialog, SourceDialog
from tests.ui.conftest import WindowFactory, choose_in_combo

CTRL = Qt.KeyboardModifier.ControlModifier


def test_link_to_a_claim_in_another_article_shows_on_both_ends(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None and window.article is not None
    text2 = session.article(2).text
    here_at = window.article.text.index("Abu Omar")
    here = session.mark(1, here_at, here_at + 8)
    far = session.mark(2, 0, text2.index(" ", 20))  # (the window follows the edit there)
    decoy = session.mark(3, 0, 12)
    assert far is not None and decoy is not None and here is not None
    window.open_article(1, claim_id=here)
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_L, CTRL)
    dialog = window.findChild(LinkClaimDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.proxy.rowCount() == 2  # every claim but this one
    words = text2[: text2.index(" ", 20)].split()[1]
    qtbot.keyClicks(dialog.search, words)
    assert dialog.proxy.rowCount() == 1
    rect = dialog.list.visualRect(dialog.proxy.index(0, 0))
    QTest.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, rect.center())  # fmt: skip
    assert dialog.relation.currentData() != Relation.CONTRADICTS.value
    choose_in_combo(qtbot, dialog.relation, Relation.CONTRADICTS.value)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)  # fmt: skip
    (ev,) = queries.evidence_for_claim(session.db, here)
    assert (ev.claim_id, ev.target_claim_id, ev.relation) == (here, far, Relation.CONTRADICTS)
    assert window.editor.evidence.count() == 1
    assert window.editor.evidence.item(0).text().startswith(f"Contradicted by #{far}")
    # The far end lists it too; double-clicking the link goes there.
    evidence = window.editor.evidence
    link_at = evidence.visualItemRect(evidence.item(0)).center()
    QTest.mouseClick(evidence.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, link_at)  # fmt: skip
    QTest.mouseDClick(evidence.viewport(), Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier, link_at)  # fmt: skip
    assert window.article.id == 2 and window.selected_claim() == far
    assert window.editor.evidence.item(0).text().startswith(f"Contradicts #{here}")
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert queries.evidence_for_claim(session.db, here) == []


def test_add_outside_source(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    session = window.session
    assert session is not None and window.article is not None
    cid = session.mark(window.article.id, 4, 17)
    assert cid is not None
    qtbot.mouseClick(window.editor.source_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(SourceDialog)
    assert dialog is not None
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # a URL is required
    qtbot.keyClicks(dialog.url, "https://www.oscars.org/oscars/ceremonies/2017")
    qtbot.keyClicks(dialog.title, "89th Academy Awards")
    qtbot.keyClicks(dialog.quote, "Documentary (Short Subject): The White Helmets")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    (ev,) = queries.evidence_for_claim(session.db, cid)
    assert ev.kind == "source" and ev.title == "89th Academy Awards"
    assert ev.quote == "Documentary (Short Subject): The White Helmets"
    assert len(ev.accessed) == 10
    assert "89th Academy Awards" in window.editor.evidence.item(0).text()
    # Remove it with the button, then undo.
    evidence = window.editor.evidence
    assert not window.editor.remove_evidence_button.isEnabled()  # nothing chosen yet
    QTest.mouseClick(evidence.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     evidence.visualItemRect(evidence.item(0)).center())  # fmt: skip
    qtbot.mouseClick(window.editor.remove_evidence_button, Qt.MouseButton.LeftButton)
    assert queries.evidence_for_claim(session.db, cid) == []
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert [e.id for e in queries.evidence_for_claim(session.db, cid)] == [ev.id]
