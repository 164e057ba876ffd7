"""The figures board and the figure underline, driven with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QTableView, QTableWidget
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from factcheck.ui.figures.board import CONFLICT_MARK
from tests.ui.conftest import WindowFactory, choose_menu


def _click_fact(qtbot: QtBot, view: QTableView, label_part: str) -> None:
    model = view.model()
    row = next(r for r in range(model.rowCount())
               if label_part in str(model.index(r, 0).data()))  # fmt: skip
    rect = view.visualRect(model.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_figure(qtbot: QtBot, table: QTableWidget, text: str) -> int:
    row = next(r for r in range(table.rowCount()) if table.item(r, 3).text() == text)
    rect = table.visualItemRect(table.item(row, 3))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return row


def _open_board(qtbot: QtBot, window: object) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier  # type: ignore[arg-type]
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(lambda: window.figures_dock.isVisible())  # type: ignore[attr-defined]


def test_board_lists_facts_and_opens_a_figure_at_its_span(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    _open_board(qtbot, w)
    board = w.figures_board
    labels = [str(board.model.index(r, 0).data()) for r in range(board.model.rowCount())]
    assert any("lives saved" in lab for lab in labels)
    assert any("founding year" in lab for lab in labels)
    _click_fact(qtbot, board.facts, "members/volunteers")
    assert "members/volunteers" in board.title.text()
    marks = [board.figures.item(r, 0).text() for r in range(board.figures.rowCount())]
    assert marks.count(CONFLICT_MARK) == 4  # every figure is in some conflicting pair
    assert "nearly" in board.reasons.text()
    _click_figure(qtbot, board.figures, "2,700")
    assert w.article is not None
    sel = w.reader.selection_cp()
    assert sel is not None and w.article.text[sel[0] : sel[1]] == "2,700"
    # only conflicting facts: lives saved (a rising series) goes away
    box = board.conflicts_only
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    labels = [str(board.model.index(r, 0).data()) for r in range(board.model.rowCount())]
    assert labels and not any("lives saved" in lab for lab in labels)


def test_mark_as_claims_dismiss_and_rename_are_undoable(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    _open_board(qtbot, w)
    board = w.figures_board
    db = w.session.db  # type: ignore[union-attr]
    before = len(queries.all_claims(db))
    _click_fact(qtbot, board.facts, "founding year")
    qtbot.mouseClick(board.mark_button, Qt.MouseButton.LeftButton)
    claims = queries.all_claims(db)
    assert len(claims) == before + 2
    new = [c for c in claims if c.quote in ("2013", "2014")]
    notes = [e.note for c in new for e in queries.evidence_for_claim(db, c.id)]
    assert notes and all("different years" in n for n in notes)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(queries.all_claims(db)) == before
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    assert len(queries.all_claims(db)) == before + 2
    assert all(queries.evidence_for_claim(db, c.id) for c in new)

    _click_fact(qtbot, board.facts, "members/volunteers")
    _click_figure(qtbot, board.figures, "2,700")
    qtbot.mouseClick(board.dismiss_button, Qt.MouseButton.LeftButton)
    shown = [board.figures.item(r, 3).text() for r in range(board.figures.rowCount())]
    assert "2,700" not in shown
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    shown = [board.figures.item(r, 3).text() for r in range(board.figures.rowCount())]
    assert "2,700" in shown

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        edit.selectAll()
        qtbot.keyClicks(edit, "Size of the group")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, type_name)
    qtbot.mouseClick(board.rename_button, Qt.MouseButton.LeftButton)
    assert "Size of the group" in board.title.text()
    w.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "members/volunteers" in board.title.text()


def test_figure_underline_toggles_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    assert w.reader.figure_underlines() == []
    choose_menu(qtbot, w, "View", "Underline Figures")
    spans = w.reader.figure_underlines()
    assert spans and w.article is not None
    texts = [w.article.text[a:b] for a, b in spans]
    assert any("3,000" in t for t in texts) or any("2,700" in t for t in texts)
    qtbot.keyClick(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert w.reader.figure_underlines()  # the next article is underlined too
    w.close()
    w2 = make_window()
    assert w2.actions_by_key["underline_figures"].isChecked()
    assert w2.reader.figure_underlines()
    choose_menu(qtbot, w2, "View", "Underline Figures")
    assert w2.reader.figure_underlines() == []


def test_board_model_is_sound(qtbot: QtBot, make_window: WindowFactory, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    w = make_window()
    _open_board(qtbot, w)
    qtmodeltester.check(w.figures_board.model)
    assert w.figures_board.model.rowCount(QModelIndex()) >= 3


def _undo(qtbot: QtBot, w: object) -> None:
    """Ctrl+Z in the window, made active again as the window manager does after a dialog."""
    w.activateWindow()  # type: ignore[attr-defined]
    qtbot.waitUntil(w.isActiveWindow)  # type: ignore[attr-defined]
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # type: ignore[arg-type]


def _pick_in_item_dialog(qtbot: QtBot, part: str) -> None:
    """In the open QInputDialog.getItem: arrow down to the entry holding ``part``, Return."""
    from PySide6.QtWidgets import QComboBox

    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QInputDialog)
    combo = dialog.findChild(QComboBox)
    assert combo is not None
    wanted = next(i for i in range(combo.count()) if part in combo.itemText(i))
    combo.setFocus()
    for _ in range(combo.count()):
        if combo.currentIndex() == wanted:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == wanted
    qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_merge_move_and_split_from_the_board_are_undoable(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtCore import QTimer

    w = make_window()
    _open_board(qtbot, w)
    board = w.figures_board

    def labels() -> list[str]:
        return [str(board.model.index(r, 0).data()) for r in range(board.model.rowCount())]

    def figures_of(part: str) -> int:
        row = next(r for r in range(board.model.rowCount())
                   if part in str(board.model.index(r, 0).data()))  # fmt: skip
        return int(board.model.index(row, 3).data())

    # merge "deaths" into "lives saved" (a wrong merge, undone at once)
    total = figures_of("deaths") + figures_of("lives saved")
    _click_fact(qtbot, board.facts, "deaths")
    QTimer.singleShot(0, lambda: _pick_in_item_dialog(qtbot, "lives saved"))
    qtbot.mouseClick(board.merge_button, Qt.MouseButton.LeftButton)
    assert not any("deaths" in lab for lab in labels())
    assert "lives saved" in board.title.text() and board.figures.rowCount() == total
    _undo(qtbot, w)
    assert any("deaths" in lab for lab in labels())

    # move the founding year 2014 into lives saved, then undo
    _click_fact(qtbot, board.facts, "founding year")
    _click_figure(qtbot, board.figures, "2014")
    QTimer.singleShot(0, lambda: _pick_in_item_dialog(qtbot, "lives saved"))
    qtbot.mouseClick(board.move_button, Qt.MouseButton.LeftButton)
    # founding year keeps one article's figure: it leaves the board (two articles or more)
    assert not any("founding year" in lab for lab in labels())
    _click_fact(qtbot, board.facts, "lives saved")
    assert "2014" in [board.figures.item(r, 3).text() for r in range(board.figures.rowCount())]
    _undo(qtbot, w)
    _click_fact(qtbot, board.facts, "founding year")
    assert board.figures.rowCount() == 2

    # split the undated tallies off lives saved
    _click_fact(qtbot, board.facts, "lives saved")
    rows = [r for r in range(board.figures.rowCount())
            if board.figures.item(r, 1).text() == "no date"]  # fmt: skip
    for i, r in enumerate(rows):
        rect = board.figures.visualItemRect(board.figures.item(r, 3))
        mods = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(board.figures.viewport(), Qt.MouseButton.LeftButton, mods, rect.center())
    assert len(board.selected_figures()) == 3

    def name_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        qtbot.keyClicks(edit, "Undated tallies")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, name_it)
    qtbot.mouseClick(board.split_button, Qt.MouseButton.LeftButton)
    assert "Undated tallies" in board.title.text() and board.figures.rowCount() == 3
    _undo(qtbot, w)
    _click_fact(qtbot, board.facts, "lives saved")
    assert board.figures.rowCount() == 5


def test_the_board_opens_leaving_the_reader_room(make_window: WindowFactory,
                                                 qtbot: QtBot) -> None:  # fmt: skip
    w = make_window()
    _open_board(qtbot, w)
    QApplication.processEvents()
    # about a third of the window for the board; the reader keeps more than it
    assert w.figures_dock.height() <= w.height() // 2
    assert w.reader.viewport().height() > w.figures_dock.height() // 2
