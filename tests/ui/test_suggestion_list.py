"""The claim pane's list of suggested claims and its claimant filter, with real clicks and
keys: rows best first, a double-click or Enter selects the sentence in the reader and
makes it the chosen suggestion, the buttons (and the window's keys) accept and reject it; the
claimant combo lists who made the open article's claims and filters the list by them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _shown(window: MainWindow, qtbot: QtBot) -> QListWidget:
    window.open_article(1)
    window.reader.setFocus()
    listed = window.claim_pane.suggestions
    assert listed.count() == 0
    assert "Ctrl+Shift+G" in listed.list.item(0).text()  # says how to switch them on
    qtbot.keyClick(window.reader, Qt.Key.Key_G, CTRL | SHIFT)
    qtbot.waitUntil(lambda: listed.count() > 0, timeout=20_000)
    assert not listed.list.isVisible()  # folded until unfolded
    qtbot.mouseClick(listed.header, Qt.MouseButton.LeftButton)
    assert listed.list.isVisible()
    return listed.list


def _row_text(window: MainWindow, index: int) -> str:
    assert window.article is not None
    s = window.suggest_ctl.items[index]
    return window.article.text[s.start : s.end]


def _double_click(qtbot: QtBot, view: QListWidget, row: int) -> None:
    rect = view.visualItemRect(view.item(row))
    view.scrollToItem(view.item(row))
    rect = view.visualItemRect(view.item(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_shows_suggestions_best_first_and_chooses_them(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    view = _shown(window, qtbot)
    items = window.suggest_ctl.items
    assert view.count() == len(items) >= 3
    assert [s.score for s in items] == sorted((s.score for s in items), reverse=True)
    assert view.item(0).text().startswith("The group says it has saved more than 99,000")
    assert "attributed to" in view.item(0).toolTip()
    header = window.claim_pane.suggestions.header
    assert header.text() == f"Suggested claims ({len(items)})"
    accept = window.claim_pane.suggestions.accept_button
    assert not accept.isEnabled()  # nothing chosen yet

    # a double-click on the third row selects its sentence in the reader
    _double_click(qtbot, view, 2)
    assert window.suggest_ctl.chosen() == items[2]
    sel = window.reader.selection_cp()
    assert sel is not None and (sel[0], sel[1]) == (items[2].start, items[2].end)
    assert accept.isEnabled()

    # Up, then Enter, chooses the row above
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.suggest_ctl.chosen() == items[1]
    sel = window.reader.selection_cp()
    assert sel is not None and (sel[0], sel[1]) == (items[1].start, items[1].end)

    # stepping with Alt+F8 in the reader moves the list's current row along
    qtbot.keyClick(window.reader, Qt.Key.Key_F8, Qt.KeyboardModifier.AltModifier)
    assert view.currentRow() == 2

    # collapsing the section hides the list; expanding shows it again
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert not view.isVisible()
    qtbot.mouseClick(header, Qt.MouseButton.LeftButton)
    assert view.isVisible()


def test_the_buttons_accept_and_reject_the_chosen_suggestion(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    view = _shown(window, qtbot)
    assert window.session is not None
    first_text = _row_text(window, 0)
    before = len(window.suggest_ctl.items)
    _double_click(qtbot, view, 0)
    qtbot.mouseClick(window.claim_pane.suggestions.accept_button, Qt.MouseButton.LeftButton)
    (claim,) = queries.claims_for_article(window.session.db, 1)
    assert claim.quote == first_text and claim.claimant == "White Helmets"
    assert view.count() == before - 1  # the accepted sentence leaves the list
    assert all(view.item(i).text() != first_text for i in range(view.count()))

    second = window.suggest_ctl.items[0]
    _double_click(qtbot, view, 0)
    qtbot.mouseClick(window.claim_pane.suggestions.reject_button, Qt.MouseButton.LeftButton)
    assert second not in window.suggest_ctl.items
    assert view.count() == before - 2
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)  # undo brings the row back
    assert second in window.suggest_ctl.items and view.count() == before - 1

    # from the keyboard in the list: Down, Enter chooses, Ctrl+Shift+K rejects
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    chosen = window.suggest_ctl.chosen()
    assert chosen == window.suggest_ctl.items[1]
    qtbot.keyClick(view, Qt.Key.Key_K, CTRL | SHIFT)
    assert chosen not in window.suggest_ctl.items
    assert len(queries.claims_for_article(window.session.db, 1)) == 1  # reject adds none


def test_the_claimant_filter_lists_and_filters_by_who_made_the_claims(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    view = _shown(window, qtbot)
    assert window.session is not None
    combo = window.claim_pane.claimant_filter
    assert combo.count() == 1 and combo.currentText() == "All claimants"
    # two suggestions accepted: the first is attributed to the group (White Helmets)
    for _ in range(2):
        _double_click(qtbot, view, 0)
        qtbot.mouseClick(window.claim_pane.suggestions.accept_button, Qt.MouseButton.LeftButton)
    claims = queries.claims_for_article(window.session.db, 1)
    assert len(claims) == 2
    # give the second claim another claimant through the claim editor
    other = next(c for c in claims if c.claimant != "White Helmets")
    window.select_claim(other.id)
    field = window.editor.claimant
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClicks(field, "Raed al Saleh")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All claimants", "Raed al Saleh", "White Helmets"]  # fmt: skip

    model = window.claim_pane.model
    assert model.rowCount() == 2
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # -> Raed al Saleh
    assert combo.currentText() == "Raed al Saleh"
    assert model.rowCount() == 1 and model.row_at(0).id == other.id
    assert window.claim_pane.count_label.text() == "1 of 2"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # -> White Helmets
    assert model.rowCount() == 1 and model.row_at(0).id != other.id
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # -> all
    assert model.rowCount() == 2

    # a claim with no claimant adds "Stated by the article"
    window.select_claim(other.id)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert queries.get_claim(window.session.db, other.id).claimant == ""
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["All claimants", "White Helmets", "Stated by the article"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    assert model.rowCount() == 1 and model.row_at(0).id == other.id
