"""A day's curation in the window, by keys and clicks: article details and deletion
(with undo), the tag manager, the project's claims table, the filter marker, recent
projects, tag completion by click, history as sentences, a narrow window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from factcheck import paths
from factcheck.core.model import Relation, Status
from factcheck.store import queries
from factcheck.ui.articles.details_dialog import ArticleDetailsDialog
from factcheck.ui.claims.tag_manager import TagManagerDialog
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, choose_in_combo, choose_menu

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


def _mark(window: MainWindow, phrase: str, *, article_id: int | None = None) -> int:
    """Mark ``phrase`` in the open article (or in ``article_id``: the window follows
    the new claim there, as it does for any edit in another article)."""
    session = window.session
    assert session is not None and window.article is not None
    aid = article_id or window.article.id
    text = session.article(aid).text
    start = text.index(phrase)
    cid = session.mark(aid, start, start + len(phrase))
    assert cid is not None
    return cid


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    """Shortcuts go to the active window: after a dialog, the window is made active
    again as a window manager would."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _modal() -> QWidget:
    widget = QApplication.activeModalWidget()
    assert widget is not None
    return widget


def _type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    qtbot.mouseClick(edit, LEFT)
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)


# --- articles: details and deletion ---------------------------------------------------


def test_edit_article_details_from_the_menu_and_undo(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None and window.article is not None
    aid = window.article.id
    old_title = window.article.title

    def fill() -> None:
        dialog = _modal()
        assert isinstance(dialog, ArticleDetailsDialog)
        _type_into(qtbot, dialog.fields["title"], "What the White Helmets are")
        _type_into(qtbot, dialog.fields["outlet"], "Syria Civil Defence")
        _type_into(qtbot, dialog.fields["published"], "2016-10")
        save = dialog.buttons.buttons()[0]
        qtbot.mouseClick(save, LEFT)

    choose_menu(qtbot, window, "Edit", "Edit Article Details", during=fill)
    article = session.article(aid)
    assert (article.title, article.outlet, article.published) == (
        "What the White Helmets are", "Syria Civil Defence", "2016-10")
    assert window.reader_pane.title.text() == "What the White Helmets are"
    _activate(qtbot, window)
    row = window.navigator.articles.row_of(aid)
    assert window.navigator.articles.article_at(row).title == "What the White Helmets are"  # type: ignore[arg-type,union-attr]
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert session.article(aid).title == old_title
    assert window.reader_pane.title.text() == old_title


def test_a_bad_date_or_empty_title_cannot_be_saved(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.article is not None
    dialog = ArticleDetailsDialog(window.article, window)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.buttons.buttons()[0]
    _type_into(qtbot, dialog.fields["published"], "last Tuesday")
    assert not save.isEnabled() and "YYYY-MM-DD" in dialog.problem.text()
    _type_into(qtbot, dialog.fields["published"], "2017-10-24")
    _type_into(qtbot, dialog.fields["title"], "")
    qtbot.keyClick(dialog.fields["title"], Qt.Key.Key_Backspace)
    assert not save.isEnabled() and "title" in dialog.problem.text()


def test_delete_an_article_from_its_right_click_menu_then_undo(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    nav = window.navigator
    first, second = nav.articles.ids()[:2]
    cid = _mark(window, "nearly 3,000", article_id=second)
    link_from = _mark(window, "3,000", article_id=first)
    session.link(link_from, cid, Relation.CONTRADICTS)
    assert window.article is not None and window.article.id == first
    # Right-click the second article (the keyboard's menu key at its row).
    nav.list.setFocus()
    qtbot.keyClick(nav.list, Qt.Key.Key_Down)
    assert window.article is not None and window.article.id == second
    steps: list[str] = []

    def in_menu() -> None:
        menu = window.findChild(QMenu, "articleMenu")
        assert isinstance(menu, QMenu)
        steps.append(", ".join(a.text().replace("&", "") for a in menu.actions() if a.text()))
        delete = next((a for a in menu.actions()
                       if "Delete Article" in a.text().replace("&", "")), None)  # fmt: skip
        if delete is None:
            menu.close()
            return
        for _ in range(len(menu.actions()) + 1):  # walk down to it with the arrow keys
            if menu.activeAction() is delete:
                break
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        if menu.activeAction() is not delete:
            menu.close()
            return

        def confirm() -> None:
            box = _modal()
            assert isinstance(box, QMessageBox)
            steps.append(box.text())
            button = next(b for b in box.buttons() if b.text() == "Delete")
            qtbot.mouseClick(button, LEFT)

        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, confirm)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, in_menu)
    rect = nav.list.visualRect(nav.articles.index(1, 0))
    nav.list.customContextMenuRequested.emit(rect.center())  # what a right-click sends
    assert "Edit Article Details" in steps[0] and "Delete Article" in steps[0]
    assert "with its 1 claim" in steps[1]
    assert second not in nav.articles.ids() and session.claim(cid) is None
    assert window.article is not None and window.article.id != second
    assert session.evidence(link_from) == []
    _activate(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_Z, CTRL)
    assert second in nav.articles.ids()
    assert session.claim(cid) is not None and len(session.evidence(link_from)) == 1


def test_the_title_column_shows_a_title_not_four_letters(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    window.resize(1400, 900)
    list_view = window.navigator.list
    width = list_view.columnWidth(0)
    assert width >= list_view.fontMetrics().averageCharWidth() * 20


# --- tags -----------------------------------------------------------------------------


def test_the_tag_manager_renames_merges_and_deletes_with_undo(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    a = _mark(window, "Abu Omar")
    b = _mark(window, "blacksmith")
    session.add_tag(a, "figures")
    session.add_tag(b, "numbers")
    session.add_tag(b, "people")
    seen: list[str] = []

    def in_manager() -> None:
        dialog = _modal()
        assert isinstance(dialog, TagManagerDialog)
        _activate(qtbot, dialog)
        assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == [
            "figures", "numbers", "people"]
        assert dialog.table.item(0, 1).text() == "1"
        # Rename "people" → "persons": click its row, Rename…, type, Return.
        qtbot.mouseClick(dialog.table.viewport(), LEFT,
                         pos=dialog.table.visualItemRect(dialog.table.item(2, 0)).center())
        assert dialog.current_name() == "people"

        def rename() -> None:
            ask = _modal()
            assert isinstance(ask, QInputDialog)
            line = ask.findChild(QLineEdit)
            assert line is not None
            line.selectAll()
            qtbot.keyClicks(line, "persons")
            qtbot.keyClick(line, Qt.Key.Key_Return)

        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, rename)
        qtbot.mouseClick(dialog.buttons["rename"], LEFT)
        # Merge "numbers" into "figures".
        dialog.select("numbers")

        def merge() -> None:
            ask = _modal()
            assert isinstance(ask, QInputDialog)
            assert ask.comboBoxItems() == ["figures", "persons"]
            ask.setTextValue("figures")
            ok = next(b for b in ask.findChildren(QPushButton) if b.text() in ("OK", "&OK"))
            qtbot.mouseClick(ok, LEFT)

        QTimer.singleShot(0, merge)
        qtbot.mouseClick(dialog.buttons["merge"], LEFT)
        seen.append(",".join(t.name for t in session.tag_summaries()))
        dialog.select("persons")
        qtbot.mouseClick(dialog.buttons["delete"], LEFT)
        seen.append(",".join(t.name for t in session.tag_summaries()))
        _activate(qtbot, dialog)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Z, CTRL)  # undo works in the dialog
        seen.append(",".join(t.name for t in session.tag_summaries()))
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)

    choose_menu(qtbot, window, "Edit", "Manage Tags", during=in_manager)
    assert seen == ["figures,persons", "figures", "figures,persons"]
    assert queries.get_claim(session.db, b).tags == ("figures", "persons")
    window.select_claim(b)
    chips = [window.editor.tag_chips.itemAt(i).widget() for i in range(2)]  # type: ignore[union-attr]
    assert [c.property("tag") for c in chips] == ["figures", "persons"]  # type: ignore[union-attr]


def test_a_tag_suggestion_is_added_with_a_click(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    first = _mark(window, "Abu Omar")
    session.add_tag(first, "figures")
    cid = _mark(window, "blacksmith")
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, "fig")
    popup = window.editor.tag_input.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    rect = popup.visualRect(popup.model().index(0, 0))
    qtbot.mouseClick(popup.viewport(), LEFT, pos=rect.center())
    assert queries.get_claim(session.db, cid).tags == ("figures",)
    qtbot.waitUntil(lambda: window.editor.tag_input.text() == "")


# --- the claims of the project --------------------------------------------------------


def test_the_project_claims_table_filters_sorts_and_opens_a_claim(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    ids = window.navigator.articles.ids()
    there = _mark(window, "nearly 3,000", article_id=ids[1])
    here = _mark(window, "3,000", article_id=ids[0])
    session.set_status(there, Status.CONTRADICTED)
    session.add_tag(there, "figures")
    qtbot.keyClick(window.reader, Qt.Key.Key_C, CTRL | SHIFT)
    dock = window.claims_dock
    assert dock is not None and dock.isVisible()
    table = dock.table
    assert sorted(table.shown_ids()) == sorted([here, there])
    assert table.view.isColumnHidden(5) == (table.model.has_claimant is False)
    choose_in_combo(qtbot, table.verdict, "contradicted")
    assert table.shown_ids() == [there] and table.count.text() == "1 of 2"
    choose_in_combo(qtbot, table.verdict, None)
    qtbot.keyClicks(table.search, "nearly")
    assert table.shown_ids() == [there]
    # A later edit shows up in the open table.
    session.set_status(here, Status.CORROBORATED)
    table.search.clear()
    verdicts = {table.model.row_at(r).id: table.model.row_at(r).verdict  # type: ignore[union-attr]
                for r in range(table.model.rowCount())}
    assert verdicts[here] == "corroborated"
    # Sort by article title with a click on its header, then open the claim by key.
    header = table.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), LEFT, pos=QPoint(header.sectionViewportPosition(1) + 5, 5))
    table.view.setFocus()
    row = table.shown_ids().index(there)
    table.view.setCurrentIndex(table.proxy.index(row, 2))
    qtbot.keyClick(table.view, Qt.Key.Key_Return)
    assert window.article is not None and window.article.id == ids[1]
    assert window.selected_claim() == there


def test_a_filter_that_hides_a_new_claim_says_so_and_resets_with_one_key(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    pane = window.claim_pane
    assert not pane.filter_marker.isVisible()
    choose_in_combo(qtbot, pane.filters["status"], "corroborated")
    assert pane.filter_marker.isVisible()
    text = window.article.text  # type: ignore[union-attr]
    at = text.index("Abu Omar")
    from tests.ui.conftest import drag_select

    drag_select(qtbot, window.reader, at, at + 8)
    said: list[str] = []  # (a background update may say something else just after)
    window.statusBar().messageChanged.connect(said.append)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    cid = window.selected_claim()
    assert cid is not None and pane.model.row_of(cid) is None  # filtered out...
    assert any("hidden by the claim list's filters" in m for m in said)
    qtbot.keyClick(window.reader, Qt.Key.Key_A, CTRL | SHIFT)  # ...until one key shows all
    assert pane.model.row_of(cid) is not None and pane.selected_claim() == cid
    assert not pane.filter_marker.isVisible()


# --- projects -------------------------------------------------------------------------


def test_recent_projects_and_the_default_project_in_the_file_menu(
    make_window: WindowFactory, qtbot: QtBot, tmp_path: Path
) -> None:
    first = tmp_path / "first.db"
    window = make_window(first, seed=False)
    second = tmp_path / "second.db"
    assert window.load_project(second, create=True)
    choose_menu(qtbot, window, "File", "Open Recent", "1 first.db")
    assert window.session is not None and window.session.path == first
    choose_menu(qtbot, window, "File", "Open Default Project")
    assert window.session.path == paths.default_project()
    assert len(window.navigator.articles.ids()) == 5  # the samples, one click away
    choose_menu(qtbot, window, "File", "Open Recent", "2 second.db")  # latest first
    assert window.session.path == second


# --- the editor -----------------------------------------------------------------------


def test_history_reads_as_sentences_and_the_editor_starts_at_the_top(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    ids = window.navigator.articles.ids()
    other = _mark(window, "Raed al Saleh", article_id=ids[4])
    cid = _mark(window, "Abu Omar", article_id=ids[0])
    session.link(cid, other, Relation.CONTRADICTS)
    session.set_status(cid, Status.CONTRADICTED)
    lines = [window.editor.history.item(i).text() for i in range(window.editor.history.count())]
    assert any(line.endswith(f"Linked to #{other} in ‘Raed al Saleh knows how…’ as contradicts")
               for line in lines), lines  # fmt: skip
    assert any(line.endswith("Verdict Unverified → Contradicted") for line in lines)
    assert not any("{" in line for line in lines)
    area = window.claim_pane.editor_scroll
    window.resize(1400, 500)
    area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
    second = _mark(window, "blacksmith")
    assert window.editor.claim_id() == second
    assert area.verticalScrollBar().value() == 0


# --- a narrow window ------------------------------------------------------------------


def _inside(widget: QWidget, window: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_an_800_pixel_window_keeps_every_control_usable(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.resize(800, 600)
    cid = _mark(window, "Abu Omar")
    window.select_claim(cid)
    qtbot.waitUntil(lambda: window.width() <= 800)
    QApplication.processEvents()
    toolbar = window.toolbar
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        assert _inside(button, window), action.text()
    area = window.claim_pane.editor_scroll
    assert not area.horizontalScrollBar().isVisible()
    view = QRect(QPoint(0, 0), area.viewport().size())
    buttons = [*window.editor.verdicts.buttons(), window.editor.link_button,
               window.editor.source_button, window.editor.remove_evidence_button]
    for button in buttons:
        assert isinstance(button, QAbstractButton)
        area.ensureWidgetVisible(button)  # as Tab to it, or the scroll bar, would
        top_left = button.mapTo(area.viewport(), QPoint(0, 0))
        assert view.contains(QRect(top_left, button.size())), button.text()
        assert _inside(button, window) and button.isVisible()
    for combo in window.claim_pane.filters.values():
        wide_enough = combo.width() >= combo.fontMetrics().averageCharWidth() * 6
        assert _inside(combo, window) and wide_enough
