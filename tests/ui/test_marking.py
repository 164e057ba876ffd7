"""Marking claims in the reader with real mouse and keyboard: drag-select + Ctrl+M, word
snapping, Alt for an exact selection, empty selections, clicking highlights."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from tests.ui.conftest import REVIEWER, WindowFactory, click_char, drag_select

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def _offset(text: str, phrase: str) -> int:
    pos = text.find(phrase)
    assert pos >= 0, phrase
    return pos


def test_drag_select_and_ctrl_m_marks_a_word_snapped_claim(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.article is not None
    text = window.article.text
    start = _offset(text, "volunteer rescue workers")
    # Start and end inside words: "unteer rescue w" snaps out to whole words.
    drag_select(qtbot, window.reader, start + 3, start + 18)
    assert window.reader.selection_cp() is not None
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    claims = queries.claims_for_article(window.session.db, window.article.id)  # type: ignore[union-attr]
    assert [c.quote for c in claims] == ["volunteer rescue workers"]
    assert claims[0].reviewer == REVIEWER
    # The new claim is selected everywhere and drawn in the reader.
    assert window.selected_claim() == claims[0].id
    assert window.claim_pane.selected_claim() == claims[0].id
    assert window.reader.claim_ids() == [claims[0].id]
    assert window.reader_pane.legend.chips["unverified"].text() == "Unverified 1"
    history = queries.history_for_claim(window.session.db, claims[0].id)  # type: ignore[union-attr]
    assert history[0].action == "mark claim" and history[0].reviewer == REVIEWER


def test_alt_keeps_the_exact_selection(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    assert window.article is not None and window.session is not None
    start = _offset(window.article.text, "volunteer rescue workers")
    drag_select(qtbot, window.reader, start + 3, start + 18)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL | ALT)
    (claim,) = queries.claims_for_article(window.session.db, window.article.id)
    assert claim.quote == "unteer rescue w"


def test_keyboard_selection_marks_too(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    assert window.article is not None and window.session is not None
    start = _offset(window.article.text, "Abu Omar")
    click_char(window.reader, start)  # puts the caret before "A"
    window.reader.clear_text_selection()
    cursor = window.reader.textCursor()
    cursor.setPosition(start)
    window.reader.setTextCursor(cursor)
    for _ in range(len("Abu Omar")):
        qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    (claim,) = queries.claims_for_article(window.session.db, window.article.id)
    assert claim.quote == "Abu Omar"


def test_empty_or_white_space_selection_does_nothing(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.article is not None and window.session is not None
    text = window.article.text
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)  # nothing selected
    blank = text.index("\n\n")
    drag_select(qtbot, window.reader, blank, blank + 2)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL | ALT)
    assert queries.claims_for_article(window.session.db, window.article.id) == []
    assert window.session.undo_stack.count() == 0


def test_clicking_highlights_selects_and_cycles_through_nested_claims(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session, article = window.session, window.article
    assert session is not None and article is not None
    text = article.text
    outer_at = _offset(text, "more than 3,000 volunteer rescue workers")
    outer_text = "more than 3,000 volunteer rescue workers"
    outer = session.mark(article.id, outer_at, outer_at + len(outer_text))
    inner_at = _offset(text, "3,000")
    inner = session.mark(article.id, inner_at, inner_at + 5)
    other_at = _offset(text, "Abu Omar")
    other = session.mark(article.id, other_at, other_at + 8)
    click_char(window.reader, other_at + 2)
    assert window.selected_claim() == other
    click_char(window.reader, inner_at + 1)
    assert window.selected_claim() == inner  # innermost first
    click_char(window.reader, inner_at + 1)
    assert window.selected_claim() == outer  # again at the same spot: the next one out
    click_char(window.reader, inner_at + 1)
    assert window.selected_claim() == inner  # and round again
    click_char(window.reader, outer_at + 1)  # only the outer claim there
    assert window.selected_claim() == outer
    assert window.claim_pane.selected_claim() == outer
    assert window.editor.quote.text() == "“more than 3,000 volunteer rescue workers”"


def test_selecting_in_the_list_selects_in_the_reader(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session, article = window.session, window.article
    assert session is not None and article is not None
    far = len(article.text) - 30
    cid = session.mark(article.id, far, far + 10)
    session.mark(article.id, 0, 3)
    window.select_claim(None)
    view = window.claim_pane.view
    row = window.claim_pane.model.row_of(cid)  # type: ignore[arg-type]
    assert row is not None
    rect = view.visualRect(window.claim_pane.model.index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.center())  # fmt: skip
    assert window.reader.selected_claim() == cid
    assert window.editor.claim_id() == cid
