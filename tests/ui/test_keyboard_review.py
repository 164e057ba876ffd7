"""A day of review without the mouse: Tab between the panes, into the text, selection
with Shift+arrows, mark, judge, tag, next article — every step by key press."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from factcheck.core.model import Status
from factcheck.store import queries
from factcheck.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot: QtBot, k: Qt.Key, mods: Qt.KeyboardModifier = NONE) -> None:
    """A key press where the keyboard is, as a user's would land."""
    target = focused()
    assert target is not None, "nothing has the keyboard"
    qtbot.keyClick(target, k, mods)


def tab_until(qtbot: QtBot, window: MainWindow, widget: QWidget, limit: int = 40,
              mods: Qt.KeyboardModifier = NONE) -> int:  # fmt: skip
    """Press Tab (Shift+Tab with ``mods``) until ``widget`` has the keyboard; returns
    how many presses it took."""
    for n in range(limit):
        if focused() is widget:
            return n
        press(qtbot, Qt.Key.Key_Tab, mods)
    raise AssertionError(f"Tab never reached {widget.accessibleName()!r}; stuck at "
                         f"{getattr(focused(), 'accessibleName', lambda: '?')()!r}")


def test_a_whole_review_by_keyboard_alone(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    session = window.session
    assert session is not None
    nav = window.navigator
    # Ctrl+F to the search box, Tab to the article list, Down to the second article.
    press(qtbot, Qt.Key.Key_F, CTRL)
    assert focused() is nav.search
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is nav.list
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    third = nav.articles.ids()[2]
    assert window.article is not None and window.article.id == third
    # Tab leaves the list (it used to walk its cells for ever) and reaches the text.
    tab_until(qtbot, window, window.reader, limit=6)
    tab_until(qtbot, window, nav.list, limit=6, mods=SHIFT)
    press(qtbot, Qt.Key.Key_Return)  # Return on the list: into the text
    assert focused() is window.reader
    # Two words with Ctrl+Shift+Right and a letter with Shift+Right: "Nearly 300 W".
    text = window.article.text
    press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
    press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
    press(qtbot, Qt.Key.Key_Right, SHIFT)
    selection = window.reader.selection_cp()
    assert selection is not None and selection[0] == 0
    # Mark (snapped to whole words), judge, tag.
    press(qtbot, Qt.Key.Key_M, CTRL)
    (claim,) = queries.claims_for_article(session.db, third)
    assert text.startswith("Nearly 300 White ")
    assert claim.quote == "Nearly 300 White"
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert queries.get_claim(session.db, claim.id).status is Status.CONTRADICTED
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert focused() is window.editor.tag_input
    qtbot.keyClicks(focused(), "headline")
    press(qtbot, Qt.Key.Key_Return)
    assert queries.get_claim(session.db, claim.id).tags == ("headline",)
    # Escape: back in the text, at the claim; Ctrl+PgDown: the next article, caret in it.
    press(qtbot, Qt.Key.Key_Escape)
    assert focused() is window.reader
    press(qtbot, Qt.Key.Key_PageDown, CTRL)
    assert window.article.id == nav.articles.ids()[3]
    assert focused() is window.reader
    press(qtbot, Qt.Key.Key_Right, CTRL | SHIFT)
    assert window.reader.selection_cp() is not None  # selecting at once, no click
    press(qtbot, Qt.Key.Key_Escape)
    assert window.reader.selection_cp() is None
    # F8 from the claim list: the unverified claim of another article, caret in the text.
    other = session.mark(nav.articles.ids()[0], 4, 9)
    assert other is not None
    tab_until(qtbot, window, window.claim_pane.view)
    press(qtbot, Qt.Key.Key_F8)
    assert window.selected_claim() == other and focused() is window.reader
    assert window.reader.textCursor().position() == 4


def test_tab_from_the_tag_field_goes_round_every_pane(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert window.session is not None and window.article is not None
    cid = window.session.mark(window.article.id, 4, 9)
    assert cid is not None
    press(qtbot, Qt.Key.Key_T, CTRL)
    assert focused() is window.editor.tag_input
    seen: list[QWidget] = []
    for _ in range(40):
        press(qtbot, Qt.Key.Key_Tab)
        widget = focused()
        assert widget is not None
        if widget is window.editor.tag_input:
            break
        seen.append(widget)
    else:
        raise AssertionError("Tab never came back round to the tag field")
    for pane in (window.navigator.search, window.navigator.list, window.reader,
                 window.claim_pane.view, window.editor.note):
        assert pane in seen, pane.accessibleName()
    assert seen.count(window.navigator.list) == 1  # passed through, not stuck in


def test_the_focused_pane_is_outlined(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    for widget in (window.navigator.list, window.reader, window.claim_pane.view):
        around = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-3, -3, 3, 3)
        window.navigator.search.setFocus()
        qtbot.waitUntil(lambda: focused() is window.navigator.search)
        unfocused = window.grab(around).toImage()
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: focused() is w)  # type: ignore[misc]
        outlined = window.grab(around).toImage()
        assert outlined != unfocused, widget.accessibleName()
        highlight = widget.palette().color(QPalette.ColorRole.Highlight)
        assert _ring(outlined, highlight) > _ring(unfocused, highlight) + widget.height(), \
            widget.accessibleName()


def _ring(image: QImage, color: QColor) -> int:
    """Pixels of ``color`` along the image's top and left edges (4 px deep)."""
    edges = [(x, y) for x in range(image.width()) for y in (0, 1, 2, 3)]
    edges += [(x, y) for y in range(image.height()) for x in (0, 1, 2, 3)]
    return sum(image.pixelColor(x, y) == color for x, y in edges)
