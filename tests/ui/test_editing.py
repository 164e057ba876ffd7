"""Verdict keys, tags (Ctrl+T with completion), the note, Delete, and Ctrl+Z /
Ctrl+Shift+Z — all with real key presses on the window."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, choose_in_combo, click_char

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _window_with_claim(make_window: WindowFactory) -> tuple[MainWindow, int]:
    window = make_window()
    assert window.session is not None and window.article is not None
    start = window.article.text.index("Abu Omar")
    cid = window.session.mark(window.article.id, start, start + 8)
    assert cid is not None
    window.session.undo_stack.clear()
    window.reader.setFocus()
    return window, cid


def _status(window: MainWindow, cid: int) -> Status:
    assert window.session is not None
    return queries.get_claim(window.session.db, cid).status


def test_verdict_keys_set_status_and_undo_redo(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    for k, status in ((Qt.Key.Key_1, Status.CORROBORATED), (Qt.Key.Key_2, Status.CONTRADICTED),
                      (Qt.Key.Key_3, Status.INCONCLUSIVE), (Qt.Key.Key_0, Status.UNVERIFIED)):
        qtbot.keyClick(window.reader, k, CTRL)
        assert _status(window, cid) is status
        assert window.claim_pane.model.get(cid).status == status.value  # type: ignore[union-attr]
    undo = window.actions_by_key["undo"]
    assert undo.text() == "&Undo Set verdict: Unverified"  # the Edit menu says what
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _status(window, cid) is Status.INCONCLUSIVE
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _status(window, cid) is Status.CONTRADICTED
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _status(window, cid) is Status.INCONCLUSIVE
    checked = [b.property("status") for b in window.editor.verdicts.buttons() if b.isChecked()]
    assert checked == ["inconclusive"]
    assert window.reader_pane.legend.chips["inconclusive"].text() == "Inconclusive 1"


def test_verdict_buttons_in_the_editor(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    window.select_claim(cid)
    contradicted = next(b for b in window.editor.verdicts.buttons()
                        if b.property("status") == "contradicted")  # fmt: skip
    qtbot.mouseClick(contradicted, Qt.MouseButton.LeftButton)
    assert _status(window, cid) is Status.CONTRADICTED


def test_ctrl_t_adds_a_tag_with_completion_and_a_distinct_colour(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window, cid = _window_with_claim(make_window)
    session = window.session
    assert session is not None
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    assert window.editor.tag_input.hasFocus()
    qtbot.keyClicks(window.editor.tag_input, "quotes")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    assert queries.get_claim(session.db, cid).tags == ("quotes",)
    # A second tag; the first is offered by the completer as the user types.
    other_at = window.article.text.index("blacksmith")  # type: ignore[union-attr]
    other = session.mark(window.article.id, other_at, other_at + 10)  # type: ignore[union-attr]
    assert other is not None
    window.reader.setFocus()
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, "quo")
    completer = window.editor.tag_input.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible())
    assert completer.currentCompletion() == "quotes"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert window.editor.tag_input.text() == "quotes"
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    assert queries.get_claim(session.db, other).tags == ("quotes",)
    qtbot.keyClicks(window.editor.tag_input, "numbers")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    colors = {t.name: t.color for t in session.tags()}
    assert set(colors) == {"quotes", "numbers"} and len(set(colors.values())) == 2
    # The tag filter offers the tags and filters the list.
    combo = window.claim_pane.filters["tag"]
    offered = {combo.itemData(i) for i in range(combo.count())}
    assert {"quotes", "numbers"} <= offered
    assert window.claim_pane.model.rowCount() == 2
    choose_in_combo(qtbot, combo, "numbers")
    model = window.claim_pane.model
    assert [model.row_at(i).id for i in range(model.rowCount())] == [other]  # type: ignore[union-attr]


def test_removing_a_tag_chip(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    assert window.session is not None
    window.session.add_tag(cid, "quotes")
    chips = [w for w in window.editor.tag_box.children() if hasattr(w, "click")]
    assert len(chips) == 1
    qtbot.mouseClick(chips[0], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    assert queries.get_claim(window.session.db, cid).tags == ()


def test_note_is_saved_when_leaving_the_field(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    assert window.session is not None
    qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
    assert window.editor.note.hasFocus()
    qtbot.keyClicks(window.editor.note, "Confirmed by the Oscar site")
    assert queries.get_claim(window.session.db, cid).note == ""  # still being typed
    # Tab leaves the field, which saves at once: checked without waiting, so the idle
    # timer (which would save it a moment later anyway) cannot stand in for it.
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Tab)
    assert not window.editor.note.hasFocus()
    assert queries.get_claim(window.session.db, cid).note == "Confirmed by the Oscar site"
    assert window.editor.note_state.text() == "Note saved"
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert queries.get_claim(window.session.db, cid).note == ""
    assert window.editor.note.toPlainText() == ""


def test_note_is_saved_after_a_pause_in_typing(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    session = window.session
    assert session is not None
    qtbot.mouseClick(window.editor.note.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.editor.note, "Census figure")
    assert window.editor.note_state.text().startswith("Editing")
    qtbot.waitUntil(lambda: queries.get_claim(session.db, cid).note == "Census figure")
    assert window.editor.note.hasFocus()  # saved while the reviewer stayed in the field
    assert window.editor.note_state.text() == "Note saved"


def test_delete_removes_the_claim_and_undo_brings_it_back(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window, cid = _window_with_claim(make_window)
    assert window.session is not None
    window.session.add_tag(cid, "quotes")
    window.session.set_note(cid, "a note")
    start = queries.get_claim(window.session.db, cid).start
    click_char(window.reader, 2)  # plain text: nothing selected, so Delete would do nothing
    assert window.selected_claim() is None
    click_char(window.reader, start + 2)  # on the claim: selects it
    assert window.selected_claim() == cid
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert not queries.claim_exists(window.session.db, cid)
    assert window.reader.claim_ids() == [] and window.claim_pane.model.rowCount() == 0
    assert window.selected_claim() is None
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    claim = queries.get_claim(window.session.db, cid)
    assert claim.tags == ("quotes",) and claim.note == "a note"
    assert window.reader.claim_ids() == [cid] and window.selected_claim() == cid
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL | SHIFT)
    assert not queries.claim_exists(window.session.db, cid)


def test_delete_key_in_the_note_field_edits_text_not_claims(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window, cid = _window_with_claim(make_window)
    assert window.session is not None
    window.select_claim(cid)
    window.editor.note.setFocus()
    qtbot.keyClicks(window.editor.note, "ab")
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Left)
    qtbot.keyClick(window.editor.note, Qt.Key.Key_Delete)
    assert window.editor.note.toPlainText() == "a"
    assert queries.claim_exists(window.session.db, cid)


def _claim_box(window: MainWindow, cid: int) -> QRect:
    """The inside of the claim's on-screen box (viewport coordinates)."""
    reader = window.reader
    span = reader._index.get(cid)
    assert span is not None
    cursor = QTextCursor(reader.document())
    cursor.setPosition(span.start)
    first = reader.cursorRect(cursor)
    cursor.setPosition(span.end)
    last = reader.cursorRect(cursor)
    assert first.top() == last.top()  # "Abu Omar" sits on one line
    return QRect(first.left() + 2, first.top() + 2, last.left() - first.left() - 4,
                 first.height() - 4)  # fmt: skip


def _share_of(window: MainWindow, box: QRect, color: QColor) -> float:
    """How much of ``box`` shows ``color`` on screen (the rest is glyphs): what the
    window last painted, so a missing repaint shows as a stale colour."""
    viewport = window.reader.viewport()
    QApplication.processEvents()
    origin = viewport.mapTo(window, box.topLeft())
    screen = QGuiApplication.primaryScreen().grabWindow(window.winId())
    image = screen.toImage().copy(QRect(origin, box.size()))
    box = QRect(0, 0, box.width(), box.height())
    rgb = color.rgb()
    hits = sum(image.pixel(x, y) == rgb
               for x in range(box.left(), box.right() + 1)
               for y in range(box.top(), box.bottom() + 1))  # fmt: skip
    return hits / (box.width() * box.height())


def test_highlight_colour_follows_the_verdict(make_window: WindowFactory, qtbot: QtBot) -> None:
    window, cid = _window_with_claim(make_window)
    colors = window.reader._colors
    unverified = colors.background("unverified", 1)
    contradicted = colors.background("contradicted", 1)
    assert contradicted != unverified
    box = _claim_box(window, cid)
    assert _share_of(window, box, unverified) > 0.4
    qtbot.keyClick(window.reader, Qt.Key.Key_2, CTRL)
    assert _share_of(window, box, contradicted) > 0.4  # painted at once, nothing deferred
    assert _share_of(window, box, unverified) == 0
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert _share_of(window, box, unverified) > 0.4
    window.reader.setFocus()
    window.select_claim(cid)
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    assert _share_of(window, box, unverified) == 0
    assert _share_of(window, box, window.reader.palette().base().color()) > 0.4
