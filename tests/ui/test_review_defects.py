"""What cost a reviewer time or trust in a day of review, each with real keys and
clicks: verdict keys with other text selected, double-clicking a figure, tag chips
after an edit, the small things (import filter, white space, long tags, snippets)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea, QToolButton
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory, choose_menu, click_char, drag_select, point_of

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def _mark(window: MainWindow, phrase: str) -> int:
    assert window.session is not None and window.article is not None
    start = window.article.text.index(phrase)
    cid = window.session.mark(window.article.id, start, start + len(phrase))
    assert cid is not None
    return cid


def _status(window: MainWindow, cid: int) -> Status:
    assert window.session is not None
    return queries.get_claim(window.session.db, cid).status


# --- 2. verdict keys act only on the claim in view ------------------------------------


def test_a_verdict_key_with_other_text_selected_changes_no_claim(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    cid = _mark(window, "Abu Omar")
    assert window.selected_claim() == cid
    text = window.article.text  # type: ignore[union-attr]
    other = text.index("blacksmith")
    drag_select(qtbot, window.reader, other, other + len("blacksmith"))
    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)
    assert _status(window, cid) is Status.UNVERIFIED
    assert "Ctrl+M" in window.statusBar().currentMessage()
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)  # nor does Delete delete it
    assert window.session is not None and window.session.claim(cid) is not None
    # Without the stray selection the key acts on the claim selected and shown.
    click_char(window.reader, text.index("Abu Omar") + 2)
    assert window.selected_claim() == cid and window.reader.selection_cp() is None
    qtbot.keyClick(window.reader, Qt.Key.Key_1, CTRL)
    assert _status(window, cid) is Status.CORROBORATED


# --- 3. a figure is one word ----------------------------------------------------------


def test_double_clicking_a_figure_selects_all_of_it_and_ctrl_m_stores_it(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.session is not None and window.article is not None
    text = window.article.text
    at = text.index("3,000")
    window.reader.scroll_to_cp(at)
    QTest.mouseDClick(window.reader.viewport(), Qt.MouseButton.LeftButton, NONE,
                      point_of(window.reader, at + 3))  # on "000"  # fmt: skip
    selection = window.reader.selection_cp()
    assert selection is not None and text[selection[0]:selection[1]] == "3,000"
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL)
    (claim,) = queries.claims_for_article(window.session.db, window.article.id)
    assert claim.quote == "3,000"


# --- 4. tag chips ---------------------------------------------------------------------


def _chips_shown(window: MainWindow) -> list[str]:
    """The tags whose chips are on screen now, laid out inside the tag box (checked
    straight after the edit, before Qt gets round to any later layout pass)."""
    box, layout = window.editor.tag_box, window.editor.tag_chips
    shown = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        chip = item.widget() if item is not None else None
        assert isinstance(chip, QToolButton)
        if chip.isVisible() and box.isVisible() and box.rect().contains(chip.geometry()) \
                and chip.geometry().size() == chip.sizeHint():
            shown.append(chip.toolTip().split("“")[1].rstrip("”"))
    return shown


def test_tag_chips_stay_after_a_verdict_click_a_new_tag_and_a_deleted_neighbour(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    neighbour = _mark(window, "blacksmith")
    cid = _mark(window, "Abu Omar")
    contradicted = next(b for b in window.editor.verdicts.buttons()
                        if b.property("status") == "contradicted")  # fmt: skip
    qtbot.mouseClick(contradicted, Qt.MouseButton.LeftButton)
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, "figures")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    assert _chips_shown(window) == ["figures"]
    qtbot.keyClicks(window.editor.tag_input, "sourcing")
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    assert _chips_shown(window) == ["figures", "sourcing"]
    # Delete the neighbour (selected with a click), then come back with a click.
    text = window.article.text  # type: ignore[union-attr]
    click_char(window.reader, text.index("blacksmith") + 2)
    assert window.selected_claim() == neighbour
    qtbot.keyClick(window.reader, Qt.Key.Key_Delete)
    click_char(window.reader, text.index("Abu Omar") + 2)
    assert window.selected_claim() == cid
    assert _chips_shown(window) == ["figures", "sourcing"]
    # Removing one with its chip leaves the other in place.
    first = window.editor.tag_chips.itemAt(0).widget()  # type: ignore[union-attr]
    assert isinstance(first, QToolButton)
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert _chips_shown(window) == ["sourcing"]


# --- 6. the small ones ----------------------------------------------------------------


def test_the_import_dialog_shows_every_format_the_importer_reads(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        seen.append(dialog.selectedNameFilter())
        dialog.reject()

    choose_menu(qtbot, window, "File", "Import Articles", during=look)
    (default,) = seen
    for suffix in ("*.txt", "*.md", "*.html", "*.pdf", "*.docx"):
        assert suffix in default


def test_marking_white_space_says_so(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    assert window.session is not None and window.article is not None
    blank = window.article.text.index("\n\n")
    drag_select(qtbot, window.reader, blank, blank + 2)
    qtbot.keyClick(window.reader, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.AltModifier)
    assert "white space" in window.statusBar().currentMessage()
    assert window.session.undo_stack.count() == 0


def test_a_308_character_tag_leaves_the_verdict_buttons_in_the_editor(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    _mark(window, "Abu Omar")
    long_tag = ("unverifiable-figure-" * 16)[:308]
    qtbot.keyClick(window.reader, Qt.Key.Key_T, CTRL)
    qtbot.keyClicks(window.editor.tag_input, long_tag)
    qtbot.keyClick(window.editor.tag_input, Qt.Key.Key_Return)
    assert window.editor.claim() is not None and window.editor.claim().tags == (long_tag,)  # type: ignore[union-attr]
    qtbot.wait(1)  # let the editor's scroll area take the new size
    area = next(a for a in window.claim_pane.findChildren(QScrollArea)
                if a.accessibleName() == "Claim editor area")  # fmt: skip
    view = QRect(QPoint(0, 0), area.viewport().size())
    assert not area.horizontalScrollBar().isVisible()
    for button in window.editor.verdicts.buttons():
        top_left = button.mapTo(area.viewport(), QPoint(0, 0))
        assert view.contains(QRect(top_left, button.size())), button.text()
    chip = window.editor.tag_chips.itemAt(0).widget()  # type: ignore[union-attr]
    assert isinstance(chip, QToolButton)
    assert long_tag in chip.toolTip() and len(chip.text()) < 40


def test_a_search_snippet_keeps_a_figure_whole(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    qtbot.keyClick(window.reader, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.navigator.search, "3")
    qtbot.keyClick(window.navigator.search, Qt.Key.Key_Return)
    model = window.navigator.results
    texts = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    assert texts and all("<b>3,000</b>" in t for t in texts if "3,000" in t.replace(
        "<b>", "").replace("</b>", ""))  # fmt: skip
    assert not any("<b>3</b>…" in t or "<b>3</b>," in t for t in texts)


def test_the_readme_names_the_settings_file_qt_writes() -> None:
    from pathlib import Path

    from factcheck.ui.common.settings import WindowSettings

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    written = Path(WindowSettings()._s.fileName()).name
    assert f"`~/.config/factcheck/{written}`" in readme
