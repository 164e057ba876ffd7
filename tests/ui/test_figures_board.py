"""The figures board and the figure underline, driven with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from factcheck.store import queries
from factcheck.ui.figures.board import CONFLICT_MARK, FiguresBoard
from factcheck.ui.figures.grid_model import ConflictRole
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, choose_menu


def _open_board(qtbot: QtBot, window: MainWindow) -> FiguresBoard:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    qtbot.waitUntil(window.figures_dock.isVisible)
    return window.figures_board


def _fact_labels(board: FiguresBoard) -> list[str]:
    model = board.model
    return [str(model.headerData(r, Qt.Orientation.Vertical)) for r in range(model.rowCount())]


def _row(board: FiguresBoard, label_part: str) -> int:
    return next(r for r, lab in enumerate(_fact_labels(board)) if label_part in lab)


def _cell_with(board: FiguresBoard, row: int, text: str) -> int:
    """The column of the cell of ``row`` showing ``text`` as one of its figures."""
    model = board.model
    return next(c for c in range(model.columnCount())
                if any(f.text == text for f in model.figures_at(row, c)))  # fmt: skip


def _click_cell(qtbot: QtBot, board: FiguresBoard, row: int, col: int) -> None:
    index = board.model.index(row, col)
    board.grid.scrollTo(index)
    rect = board.grid.visualRect(index)
    qtbot.mouseClick(board.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _click_fact(qtbot: QtBot, board: FiguresBoard, label_part: str) -> None:
    """Click the fact's name (the grid's row header)."""
    row = _row(board, label_part)
    header = board.grid.verticalHeader()
    y = header.sectionViewportPosition(row) + header.sectionSize(row) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(20, y))
    assert board.current_key() == board.model.row_at(row).key  # type: ignore[union-attr]


def _cell(board: FiguresBoard, row: int, col: int) -> str:
    """What the timeline shows at (row, col)."""
    return str(board.timeline.index(row, col).data())


def _click_timeline(qtbot: QtBot, board: FiguresBoard, text: str) -> None:
    row = next(r for r in range(board.timeline.rowCount()) if _cell(board, r, 4) == text)
    index = board.timeline.index(row, 4)
    board.figures.scrollTo(index)
    rect = board.figures.visualRect(index)
    qtbot.mouseClick(board.figures.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _timeline_texts(board: FiguresBoard) -> list[str]:
    return [_cell(board, r, 4) for r in range(board.timeline.rowCount())]


def test_board_is_a_grid_of_facts_by_article_and_a_click_opens_the_figure(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    labels = _fact_labels(board)
    assert any("lives saved" in lab for lab in labels)
    assert any("members/volunteers" in lab for lab in labels)
    assert any("founding year" in lab for lab in labels)
    assert board.model.columnCount() == 5  # one column per sample article
    members = _row(board, "members/volunteers")
    # each cell is the figure as that article writes it, hedge and all
    shown = [str(board.model.index(members, c).data()) for c in range(5)]
    assert any("nearly 3,000" in s for s in shown) and any("2,700" in s for s in shown)
    assert any("more than 3,000" in s for s in shown)
    assert all(s.startswith(CONFLICT_MARK) for s in shown if s)  # all four conflict
    col = _cell_with(board, members, "2,700")
    assert board.model.index(members, col).data(ConflictRole) is True
    assert board.model.index(members, col).data(Qt.ItemDataRole.BackgroundRole) is not None
    _click_cell(qtbot, board, members, col)
    # the line under the grid says the cell in words: the reading, the date, the reasons
    said = board.cell_detail.text()
    assert "“2,700” reads as 2,700" in said and "2017-10-24" in said
    assert "is below “nearly 3,000”" in said and "is below “more than 3,000”" in said
    assert "members/volunteers" in board.title.text()
    # and the click opened the article with the figure selected
    assert w.article is not None
    sel = w.reader.selection_cp()
    assert sel is not None and w.article.text[sel[0] : sel[1]] == "2,700"
    # only the facts whose figures disagree: lives saved (a rising series) goes away
    box = board.conflicts_only
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    labels = _fact_labels(board)
    assert labels and not any("lives saved" in lab for lab in labels)
    assert board.current_key() is not None and "members" in board.current_key()  # type: ignore[operator]


def test_a_series_reads_as_a_timeline_rising_with_the_undated_apart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    lives = _row(board, "lives saved")
    _click_fact(qtbot, board, "lives saved")
    assert "timeline" in board.title.text() and "rising" in board.title.text()
    # the dated figures first, in date order, each against the one before it
    steps = [_cell(board, r, 2) for r in range(board.timeline.rowCount())]
    dates = [_cell(board, r, 1) for r in range(board.timeline.rowCount())]
    assert steps[0] == "first" and steps[1] == "↑ rising"
    assert dates[0] < dates[1] and all(d == "no date" for d in dates[2:])
    assert not any(_cell(board, r, 0) for r in range(board.timeline.rowCount()))
    # in the grid, the later figure carries its rise and its date
    later = _cell_with(board, lives, "more than 100,000")
    text = str(board.model.index(lives, later).data())
    assert text.startswith("↑ more than 100,000") and "2017-10-24" in text
    undated = _cell_with(board, lives, "more than 99,000")
    assert "no date" in str(board.model.index(lives, undated).data())
    assert "No conflicting pairs" in board.reasons.text()


def test_keyboard_arrows_move_across_cells_and_enter_opens(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    assert board.grid.hasFocus()  # the board opened with the keyboard is ready for it
    members = _row(board, "members/volunteers")
    founding = _row(board, "founding year")
    _click_fact(qtbot, board, "members/volunteers")
    start = board.grid.currentIndex()
    assert start.row() == members
    qtbot.keyClick(board.grid, Qt.Key.Key_Right)
    assert board.grid.currentIndex().column() == start.column() + 1
    here = board.grid.currentIndex()
    figs = board.model.figures_at(here.row(), here.column())
    assert figs and f"“{figs[0].text}”" in board.cell_detail.text()  # the line follows
    # down to another fact: its timeline comes under the grid
    for _ in range(abs(founding - members)):
        qtbot.keyClick(board.grid, Qt.Key.Key_Down if founding > members else Qt.Key.Key_Up)
    assert board.grid.currentIndex().row() == founding
    assert "founding year" in board.title.text()
    qtbot.keyClick(board.grid, Qt.Key.Key_Home)  # the row's first article
    for _ in range(board.model.columnCount()):  # bounded: a Right that stops moving fails
        if board.model.figures_at(founding, board.grid.currentIndex().column()):
            break
        qtbot.keyClick(board.grid, Qt.Key.Key_Right)
    assert board.model.figures_at(founding, board.grid.currentIndex().column())
    f = board.model.figures_at(founding, board.grid.currentIndex().column())[0]
    assert "different years" in board.cell_detail.text()
    qtbot.keyClick(board.grid, Qt.Key.Key_Return)
    assert w.article is not None and w.article.id == f.article_id
    sel = w.reader.selection_cp()
    assert sel is not None and w.article.text[sel[0] : sel[1]] == f.text
    # Tab reaches the timeline; its rows open the same way
    board.grid.setFocus()
    qtbot.keyClick(board.grid, Qt.Key.Key_Tab)
    assert board.figures.hasFocus()
    qtbot.keyClick(board.figures, Qt.Key.Key_Down)
    other = _cell(board, board.figures.currentIndex().row(), 4)
    assert other in ("2013", "2014") and other != f.text
    assert f"“{other}”" in board.cell_detail.text()
    qtbot.keyClick(board.figures, Qt.Key.Key_Return)
    sel = w.reader.selection_cp()
    assert sel is not None and w.article.text[sel[0] : sel[1]] == other  # type: ignore[union-attr]


def test_mark_as_claims_dismiss_and_rename_are_undoable(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    assert w.session is not None
    db = w.session.db
    before = len(queries.all_claims(db))
    _click_fact(qtbot, board, "founding year")
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

    # a cell chosen in the grid selects its figure in the timeline: Dismiss takes it out
    members = _row(board, "members/volunteers")
    _click_cell(qtbot, board, members, _cell_with(board, members, "2,700"))
    assert board.selected_figures() and "2,700" in _timeline_texts(board)
    qtbot.mouseClick(board.dismiss_button, Qt.MouseButton.LeftButton)
    assert "2,700" not in _timeline_texts(board)
    members = _row(board, "members/volunteers")
    assert not any("2,700" in str(board.model.index(members, c).data())
                   for c in range(board.model.columnCount()))  # fmt: skip
    _undo(qtbot, w)
    assert "2,700" in _timeline_texts(board)

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        edit = dialog.findChild(QLineEdit)
        assert edit is not None
        edit.selectAll()
        qtbot.keyClicks(edit, "Size of the group")
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, type_name)
    qtbot.mouseClick(board.rename_button, Qt.MouseButton.LeftButton)
    assert "Size of the group" in board.title.text()
    assert any("Size of the group" in lab for lab in _fact_labels(board))
    _undo(qtbot, w)
    assert "members/volunteers" in board.title.text()


def _undo(qtbot: QtBot, w: MainWindow) -> None:
    """Ctrl+Z in the window, made active again as the window manager does after a dialog."""
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


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
    w = make_window()
    board = _open_board(qtbot, w)

    def figures_of(part: str) -> int:
        row = board.model.row_at(_row(board, part))
        assert row is not None
        return row.figures

    # merge "deaths" into "lives saved" (a wrong merge, undone at once)
    total = figures_of("deaths") + figures_of("lives saved")
    _click_fact(qtbot, board, "deaths")
    QTimer.singleShot(0, lambda: _pick_in_item_dialog(qtbot, "lives saved"))
    qtbot.mouseClick(board.merge_button, Qt.MouseButton.LeftButton)
    assert not any("deaths" in lab for lab in _fact_labels(board))
    assert "lives saved" in board.title.text() and board.timeline.rowCount() == total
    _undo(qtbot, w)
    assert any("deaths" in lab for lab in _fact_labels(board))

    # move the founding year 2014 into lives saved, then undo
    _click_fact(qtbot, board, "founding year")
    _click_timeline(qtbot, board, "2014")
    QTimer.singleShot(0, lambda: _pick_in_item_dialog(qtbot, "lives saved"))
    qtbot.mouseClick(board.move_button, Qt.MouseButton.LeftButton)
    # founding year keeps one article's figure: it leaves the board (two articles or more)
    assert not any("founding year" in lab for lab in _fact_labels(board))
    _click_fact(qtbot, board, "lives saved")
    assert "2014" in _timeline_texts(board)
    _undo(qtbot, w)
    _click_fact(qtbot, board, "founding year")
    assert board.timeline.rowCount() == 2

    # split the undated tallies off lives saved: Ctrl+click them in the timeline
    _click_fact(qtbot, board, "lives saved")
    rows = [r for r in range(board.timeline.rowCount())
            if _cell(board, r, 1) == "no date"]  # fmt: skip
    for i, r in enumerate(rows):
        rect = board.figures.visualRect(board.timeline.index(r, 4))
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
    assert "Undated tallies" in board.title.text() and board.timeline.rowCount() == 3
    assert any("Undated tallies" in lab for lab in _fact_labels(board))
    _undo(qtbot, w)
    _click_fact(qtbot, board, "lives saved")
    assert board.timeline.rowCount() == 5


def test_the_board_opens_under_the_reader_at_full_width_and_comes_back(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    QApplication.processEvents()
    # the window's width for the grid, grid and timeline side by side, and the reader
    # keeps more than a third of the height
    assert w.figures_dock.width() > w.width() * 9 // 10
    assert board.splitter.orientation() == Qt.Orientation.Horizontal
    assert board.grid.width() > board.figures.width()
    assert w.reader.viewport().height() > w.height() // 4
    # docked at a side (or floating), it is tall: the timeline goes under the grid
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w.figures_dock)
    w.resizeDocks([w.figures_dock], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: board.splitter.orientation() == Qt.Orientation.Vertical)
    w.close()
    # the next run finds it where it was left, open
    w2 = make_window()
    qtbot.waitUntil(w2.figures_dock.isVisible)
    assert w2.dockWidgetArea(w2.figures_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert w2.figures_board.model.rowCount() >= 3


def test_conflict_tint_follows_the_colour_scheme(qtbot: QtBot, make_window: WindowFactory) -> None:
    w = make_window()
    board = _open_board(qtbot, w)
    members = _row(board, "members/volunteers")
    index = board.model.index(members, _cell_with(board, members, "2,700"))
    choose_menu(qtbot, w, "View", "Appearance", "Light")
    light = QColor(index.data(Qt.ItemDataRole.BackgroundRole).color())
    choose_menu(qtbot, w, "View", "Appearance", "Dark")
    dark = QColor(index.data(Qt.ItemDataRole.BackgroundRole).color())
    assert light.lightness() > 128 > dark.lightness()
    assert light.red() > light.blue() and dark.red() > dark.blue()  # still reads as red


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
    board = _open_board(qtbot, w)
    qtmodeltester.check(board.model)
    assert board.model.rowCount(QModelIndex()) >= 3
    assert board.model.columnCount(QModelIndex()) == 5


def test_an_arabic_article_moved_into_a_fact_gets_its_column_and_reads_left_to_right(
    qtbot: QtBot, make_window: WindowFactory, project_path: object
) -> None:
    """Arabic figures join no fact by themselves (no Arabic word lists); once the
    reviewer moves one into a fact, the board shows the article's column, and the line
    under the grid keeps its English sentence in order around the Arabic title."""
    from pathlib import Path

    from factcheck.core.model import ArticleDraft
    from factcheck.store import importer, ops
    from factcheck.store.project import connect

    text = (Path(__file__).parents[1] / "data" / "languages" / "ar.txt").read_text("utf-8")
    db = connect(project_path)  # type: ignore[arg-type]
    importer.ensure_seeded(db, "Tess")
    (imp,), _ = ops.import_articles(db, [ArticleDraft(text.split("\n")[0], text,
                                                      published="2018-07-23")], "Tess")  # fmt: skip
    ops.update_figures(db)
    members = next(r.key for r in queries.list_facts(db) if r.measure == "size members")
    fig = next(s for s in queries.figures_for_article(db, imp.article_id)
               if s.figure.text == "3,000")  # fmt: skip
    ops.move_figure(db, fig.id, members, "Tess")
    db.conn.close()
    w = make_window()
    board = _open_board(qtbot, w)
    col = board.model.column_of(imp.article_id)
    assert col is not None
    title = text.split("\n")[0]
    assert title in str(board.model.headerData(col, Qt.Orientation.Horizontal,
                                               Qt.ItemDataRole.ToolTipRole))  # fmt: skip
    row = _row(board, "members/volunteers")
    _click_cell(qtbot, board, row, col)
    said = board.cell_detail.text()
    assert f"\u2068{title}\u2069 (2018-07-23): “3,000” reads as 3,000" in said
    assert all(line.startswith("\u200e") for line in said.split("\n"))
    assert "is below “3,000” (article" in said  # 2,700 against the Arabic article's 3,000
    assert w.article is not None and w.article.id == imp.article_id
    sel = w.reader.selection_cp()
    assert sel is not None and w.article.text[sel[0] : sel[1]] == "3,000"
